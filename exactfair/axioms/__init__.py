"""The language of statements: the formula language, the paper's axioms R1–R5 and F1–F5, each defined once.

This package is a layer: the formula language (:mod:`~exactfair.axioms.logic`), the axioms (this module),
Algorithm 1's relation (:mod:`~exactfair.axioms.relations`), the registries of axioms, mechanisms and game
classes (:mod:`~exactfair.axioms.registry`), claims as data (:mod:`~exactfair.axioms.claim`), and the exact
checkers that read the same definitions (:mod:`~exactfair.axioms.check`, :mod:`~exactfair.axioms.array_check`,
:mod:`~exactfair.axioms.f4`).  To add an axiom: ``define_axiom`` (or an :class:`Axiom` here with its shape).

May import: core, mechanisms.

Each axiom is a finite set of *instances* for a given number of players ``n``:
an instance is ``hypothesis ⇒ conclusion`` over the atoms ``v_C`` and ``M_i^C``
(see :mod:`exactfair.axioms.logic`).  The conjunction of all instances is exactly the
axiom as the paper states it in Section 3; the exact checker
(:mod:`exactfair.axioms.check`) and the z3 encoder (:mod:`exactfair.kernel.compile`) both read
these instances, so the two back-ends cannot drift apart.

Reading decisions (recorded in ``docs/errata.md``):

* **R3** is stated "∀C ⊆ N ∃i ∈ C", which read literally is false for C = ∅ for every
  mechanism (no i ∈ ∅).  The paper's own proof (A.4) says "For C = ∅ this axiom does
  not apply"; we encode R3 for non-empty C.  :data:`R3_LITERAL` keeps the literal
  reading so its unsatisfiability can be shown.
* **F4** is quantified "for all C ∈ N" — read as C ⊆ N (C non-empty, as i ∈ C).
* **F5** for i = j is trivially true; instances are generated for i < j only (the
  statement is symmetric in i, j).  F2 likewise for i < j; F3 is not symmetric and is
  generated for ordered pairs.

>>> [a.name for a in AXIOMS]
['R1', 'R2', 'R3', 'R4', 'R5', 'F1', 'F2', 'F3', 'F4', 'F5']
>>> sum(1 for _ in F5.instances(3))   # pairs {i, j} ⊆ C over all C
6
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterator

from ..core.coalitions import members, subsets
from .logic import TRUE, Formula, Implies, conj, disj, eq, ge, gt, le, reward, value

__all__ = [
    "Axiom", "Instance", "Shape", "SHAPE_KINDS", "AXIOMS", "AXIOMS_BY_NAME", "R1", "R2", "R3", "R3_LITERAL", "R4", "R5",
    "F1", "F2", "F3", "F4", "F5", "F3_SIM", "F4_SIM", "GAME_CLASSES", "game_class_formula", "get_axiom",
]


@dataclass(frozen=True)
class Instance:
    """One ground instance of an axiom: ``hypothesis ⇒ conclusion``.

    ``coalition`` and ``players`` say which coalition and players the instance is
    about (for reporting violations).

    >>> inst = F5.instances(2)[0]
    >>> inst.coalition, inst.players
    (3, (0, 1))
    """

    axiom: str
    coalition: int
    players: tuple[int, ...]
    hypothesis: Formula
    conclusion: Formula

    def formula(self) -> Formula:
        return self.conclusion if self.hypothesis is TRUE else Implies(self.hypothesis, self.conclusion)


#: The quantifier shapes of :class:`Shape`: which coalitions C and which players the instances are about.
SHAPE_KINDS = {
    "coalition": "every non-empty C (the function gets C and its members)",
    "member": "every non-empty C and every i ∈ C",
    "pair": "every C and every pair i < j of members",
    "outsider": "every C (∅ included) and every i ∉ C",
    "player": "every C (∅ included) and every i ∈ N",
}


@dataclass(frozen=True)
class Shape:
    """An axiom's one definition: a per-instance function and the quantifier it is applied under.

    The instances (what the exact checker evaluates and the solvers compile) and the per-instance
    conclusion (what the all-n route reads generically) both come from ``function`` — so they cannot
    disagree.  ``function`` returns a formula of :mod:`exactfair.axioms.logic`; an ``Implies`` result becomes the
    instance's premise.  ``hypothesis(n)`` is a premise shared by every instance (it depends on n, so the
    all-n route does not read axioms that have one).  ``empty``: also C = ∅ (the coalition shape).

    >>> from exactfair.axioms.logic import ge, reward
    >>> s = Shape("member", lambda C, i: ge(reward(i, C), 0))
    >>> [(i.coalition, i.players) for i in s.instances("R1", 2)]
    [(1, (0,)), (2, (1,)), (3, (0,)), (3, (1,))]
    """

    kind: str
    function: Callable
    hypothesis: Callable[[int], Formula] | None = field(default=None, compare=False)
    empty: bool = False
    #: ``check(formula, n, C)``, called on every formula as the instances are built (``define_axiom``'s validation).
    check: Callable[[Formula, int, int], Any] | None = field(default=None, compare=False)
    #: the function takes ``n=`` (for its error messages) when the instances are built
    takes_n: bool = False

    def __post_init__(self) -> None:
        if self.kind not in SHAPE_KINDS:
            raise ValueError(f"unknown shape {self.kind!r}; choose one of {', '.join(SHAPE_KINDS)}")

    def slots(self, n: int) -> Iterator[tuple[int, tuple[int, ...]]]:
        """(C, players) of every instance, in the order the instances are built."""
        first = 0 if self.empty or self.kind in ("outsider", "player") else 1
        for c in range(first, 1 << n):
            ms = members(c)
            if self.kind == "coalition":
                yield c, ms
            elif self.kind == "member":
                for i in ms:
                    yield c, (i,)
            elif self.kind == "pair":
                for x, i in enumerate(ms):
                    for j in ms[x + 1:]:
                        yield c, (i, j)
            elif self.kind == "outsider":
                for i in range(n):
                    if not c >> i & 1:
                        yield c, (i,)
            else:
                for i in range(n):
                    yield c, (i,)

    def formula_at(self, c: int, players: tuple, n: int | None = None) -> Formula:
        """The function's formula for one (C, players) — premise and conclusion together."""
        extra = {"n": n} if self.takes_n and n is not None else {}
        if self.kind == "coalition":
            return self.function(c, players, **extra)
        if self.kind == "pair":
            return self.function(c, players[0], players[1], **extra)
        return self.function(c, players[0], **extra)

    def instances(self, name: str, n: int) -> Iterator[Instance]:
        from .logic import Implies, _Const
        shared = self.hypothesis(n) if self.hypothesis is not None else TRUE
        if isinstance(shared, bool):
            shared = TRUE if shared else _Const(False)
        for c, players in self.slots(n):
            f = self.formula_at(c, players, n)
            if isinstance(f, bool):
                f = TRUE if f else _Const(False)
            if self.check is not None:
                self.check(f, n, c)
            if isinstance(f, Implies):
                yield Instance(name, c, players, conj([shared, f.hypothesis]), f.conclusion)
            else:
                yield Instance(name, c, players, shared, f)

    def conclusion_at(self, c: int, players: tuple) -> Formula:
        from .logic import Implies
        f = self.formula_at(c, players)
        return f.conclusion if isinstance(f, Implies) else f


@dataclass(frozen=True)
class Axiom:
    """An axiom of the paper: its name, title, statement as written, and its instances.

    ``shape`` (when given) is the axiom's one definition: the instances are built from it, and the
    all-n route reads the same function generically.  Axioms without a shape (F1–F4, whose premises
    quantify over all of N) give their instances through ``_builder``.

    >>> R2.name, len(R2.instances(2)), R2.shape.kind
    ('R2', 4, 'member')
    """

    name: str
    title: str
    statement: str
    games: int
    _builder: Callable[[int], Iterator[Instance]] | None = None
    #: ``conclusion_at(coalition, players)``: the conclusion of the instance about ``coalition`` and
    #: ``players`` (as in :class:`Instance`) — the same builder the instances use, so array checkers can
    #: render a violation with exactly the formula the formula checker would show.
    conclusion_at: Callable[[int, tuple], Formula] | None = field(default=None, compare=False, repr=False)
    shape: Shape | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.shape is not None:
            shape = self.shape
            object.__setattr__(self, "_builder", lambda n: shape.instances(self.name, n))
            object.__setattr__(self, "conclusion_at", shape.conclusion_at)
        elif self._builder is None:
            raise ValueError(f"axiom {self.name!r} needs a shape or an instance builder")

    def instances(self, n: int) -> tuple[Instance, ...]:
        """All ground instances for ``n`` players (cached)."""
        return _instances(self, n)

    def formula(self, n: int) -> Formula:
        """The axiom for ``n`` players as one formula (conjunction of its instances)."""
        return conj(inst.formula() for inst in self.instances(n))

    def __repr__(self) -> str:
        return f"Axiom({self.name}: {self.title})"


@lru_cache(maxsize=256)
def _instances(axiom: Axiom, n: int) -> tuple[Instance, ...]:
    return tuple(axiom._builder(n))


def _full(n: int) -> int:
    return (1 << n) - 1


# ---------------------------------------------------------------------------- conclusions
# One builder per conclusion shape: the instance generators below and the array checker
# (:mod:`exactfair.axioms.array_check`, for rendering a violation) both use these.
def _r1_at(c: int, players: tuple) -> Formula:
    return ge(reward(players[0], c), 0)


def _r2_at(c: int, players: tuple) -> Formula:
    return le(reward(players[0], c), value(c))


def _r3_at(c: int, players: tuple) -> Formula:
    return disj(eq(reward(i, c), value(c)) for i in players)


def _r4_at(c: int, players: tuple) -> Formula:
    return ge(reward(players[0], c), value(1 << players[0]))


def _r5_at(c: int, players: tuple) -> Formula:
    return eq(reward(players[0], c), value(1 << players[0]))


def _f1_at(c: int, players: tuple) -> Formula:
    """``(u,)``: M_u^C = 0; ``(u, i)``: M_i^C = M_i^{C∪{u}}."""
    if len(players) == 1:
        return eq(reward(players[0], c), 0)
    u, i = players
    return eq(reward(i, c), reward(i, c | 1 << u))


def _f2_at(c: int, players: tuple) -> Formula:
    return eq(reward(players[0], c), reward(players[1], c))


def _f3_at(c: int, players: tuple) -> Formula:
    return gt(reward(players[0], c), reward(players[1], c))


def _f4_at(c: int, players: tuple) -> Formula:
    return gt(reward(players[0], c, 1), reward(players[0], c, 0))


def _f5_at(c: int, players: tuple) -> Formula:
    i, j = players
    return eq(reward(i, c) - reward(i, c & ~(1 << j)), reward(j, c) - reward(j, c & ~(1 << i)))


# ---------------------------------------------------------------------------- R1–R5
def _r3_literal(n: int) -> Iterator[Instance]:
    for c in range(0, 1 << n):
        yield Instance("R3-literal", c, members(c), TRUE,
                       disj(eq(reward(i, c), value(c)) for i in members(c)))


# ---------------------------------------------------------------------------- F1–F5
def useless(u: int, n: int, game: int = 0) -> Formula:
    """``∀C ⊆ N∖{u}: v_C = v_{C∪{u}}`` — player ``u`` is useless."""
    rest = _full(n) & ~(1 << u)
    return conj(eq(value(c, game), value(c | 1 << u, game)) for c in subsets(rest))


def _f1(n: int) -> Iterator[Instance]:
    full = _full(n)
    for u in range(n):
        hyp = useless(u, n)
        for c in range(0, 1 << n):
            yield Instance("F1", c, (u,), hyp, _f1_at(c, (u,)))
        for c in subsets(full & ~(1 << u)):
            for i in members(c):
                yield Instance("F1", c, (u, i), hyp, _f1_at(c, (u, i)))


def symmetric(i: int, j: int, n: int) -> Formula:
    """``∀C ⊆ N∖{i,j}: v_{C∪{i}} = v_{C∪{j}}``."""
    rest = _full(n) & ~(1 << i) & ~(1 << j)
    return conj(eq(value(c | 1 << i), value(c | 1 << j)) for c in subsets(rest))


def _f2(n: int) -> Iterator[Instance]:
    for i in range(n):
        for j in range(i + 1, n):
            hyp = symmetric(i, j, n)
            pair = 1 << i | 1 << j
            for c in range(1 << n):
                if c & pair == pair:
                    yield Instance("F2", c, (i, j), hyp, _f2_at(c, (i, j)))


def weakly_desirable(i: int, j: int, n: int) -> Formula:
    """``∀A ⊆ N∖{i,j}: v_{A∪{i}} ≥ v_{A∪{j}}``."""
    rest = _full(n) & ~(1 << i) & ~(1 << j)
    return conj(ge(value(a | 1 << i), value(a | 1 << j)) for a in subsets(rest))


def _strict_desirability(n: int, name: str, allow_empty_b: bool) -> Iterator[Instance]:
    """F3 (B ≠ ∅, the paper) or Sim et al.'s F3 (B may be empty)."""
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            hyp_all = weakly_desirable(i, j, n)
            pair = 1 << i | 1 << j
            for c in range(1 << n):
                if c & pair != pair or (c == pair and not allow_empty_b):
                    continue  # the paper's B ⊆ C∖{i,j}, B ≠ ∅ needs a third member
                rest = c & ~pair
                hyp_b = disj(gt(value(b | 1 << i), value(b | 1 << j)) for b in subsets(rest) if b or allow_empty_b)
                yield Instance(name, c, (i, j), conj([hyp_all, hyp_b]), _f3_at(c, (i, j)))


def _f3(n: int) -> Iterator[Instance]:
    return _strict_desirability(n, "F3", allow_empty_b=False)


def _f4(n: int) -> Iterator[Instance]:
    for c in range(1, 1 << n):
        for i in members(c):
            rest = c & ~(1 << i)
            hyp = conj(
                [conj(ge(value(a | 1 << i, 1), value(a | 1 << i, 0)) for a in subsets(rest)),
                 gt(value(c, 1), value(c, 0)),
                 conj(eq(value(d, 1), value(d, 0)) for d in subsets(rest))])
            yield Instance("F4", c, (i,), hyp, _f4_at(c, (i,)))


R1 = Axiom("R1", "Non-negativity", "∀C ⊆ N, ∀i ∈ C: M_i^C ≥ 0", 1,
           shape=Shape("member", lambda c, i: _r1_at(c, (i,))))
R2 = Axiom("R2", "Feasibility", "∀C ⊆ N, ∀i ∈ C: M_i^C ≤ v_C", 1,
           shape=Shape("member", lambda c, i: _r2_at(c, (i,))))
R3 = Axiom("R3", "Weak Efficiency", "∀C ⊆ N (C ≠ ∅, as in A.4) ∃i ∈ C: M_i^C = v_C", 1,
           shape=Shape("coalition", lambda c, ms: _r3_at(c, ms)))
R3_LITERAL = Axiom("R3-literal", "Weak Efficiency (literal, including C = ∅)",
                   "∀C ⊆ N ∃i ∈ C: M_i^C = v_C", 1, _r3_literal)
R4 = Axiom("R4", "Individual Rationality", "∀C ⊆ N, ∀i ∈ N: M_i^C ≥ v_i", 1,
           shape=Shape("player", lambda c, i: _r4_at(c, (i,))))
R5 = Axiom("R5", "Non-participation", "∀C ⊆ N, ∀i ∉ C: M_i^C = v_i", 1,
           shape=Shape("outsider", lambda c, i: _r5_at(c, (i,))))
F1 = Axiom("F1", "Uselessness",
           "∀u ∈ N: (∀C ⊆ N∖{u}: v_C = v_{C∪{u}}) ⇒ ((∀C ⊆ N: M_u^C = 0) ∧ "
           "(∀C ⊆ N∖{u}, ∀i ∈ C: M_i^C = M_i^{C∪{u}}))", 1, _f1, _f1_at)
F2 = Axiom("F2", "Symmetry",
           "∀i ≠ j: (∀C ⊆ N∖{i,j}: v_{C∪{i}} = v_{C∪{j}}) ⇒ (∀C ⊆ N with i, j ∈ C: M_i^C = M_j^C)", 1, _f2, _f2_at)
F3 = Axiom("F3", "Strict Desirability",
           "∀i ≠ j: (∀A ⊆ N∖{i,j}: v_{A∪{i}} ≥ v_{A∪{j}}) ⇒ (∀C ⊆ N with i, j ∈ C and "
           "∃B ⊆ C∖{i,j}, B ≠ ∅, v_{B∪{i}} > v_{B∪{j}}: M_i^C > M_j^C)", 1, _f3, _f3_at)
F4 = Axiom("F4", "Strict Monotonicity",
           "∀C ⊆ N, ∀i ∈ C: ((∀A ⊆ C∖{i}: v'_{A∪{i}} ≥ v_{A∪{i}}) ∧ v'_C > v_C ∧ "
           "(∀D ⊆ C∖{i}: v'_D = v_D)) ⇒ M(v')_i^C > M(v)_i^C", 2, _f4, _f4_at)
F5 = Axiom("F5", "Balanced Reciprocity",
           "∀C ⊆ N, ∀i, j ∈ C: M_i^C − M_i^{C∖{j}} = M_j^C − M_j^{C∖{i}}", 1,
           shape=Shape("pair", lambda c, i, j: _f5_at(c, (i, j))))

def _f3_sim(n: int) -> Iterator[Instance]:
    """Sim et al.'s F3: as F3 but B may be empty."""
    return _strict_desirability(n, "F3-Sim", allow_empty_b=True)


def _f4_sim(n: int) -> Iterator[Instance]:
    """Sim et al.'s F4: ∃B ⊆ C∖{i}: v′_{B∪i} > v_{B∪i} instead of v′_C > v_C."""
    for c in range(1, 1 << n):
        for i in members(c):
            rest = c & ~(1 << i)
            hyp = conj(
                [conj(ge(value(a | 1 << i, 1), value(a | 1 << i, 0)) for a in subsets(rest)),
                 disj(gt(value(b | 1 << i, 1), value(b | 1 << i, 0)) for b in subsets(rest)),
                 conj(eq(value(d, 1), value(d, 0)) for d in subsets(rest))])
            yield Instance("F4-Sim", c, (i,), hyp, _f4_at(c, (i,)))


#: Sim et al.'s stronger versions, which the paper weakens (Section 3.2).
F3_SIM = Axiom("F3-Sim", "Strict Desirability (Sim et al.: B may be empty)",
               "F3 with ∃B ⊆ C∖{i,j} (B = ∅ allowed) such that v_{B∪{i}} > v_{B∪{j}}", 1, _f3_sim)
F4_SIM = Axiom("F4-Sim", "Strict Monotonicity (Sim et al.)",
               "F4 with ∃B ⊆ C∖{i}: v′_{B∪{i}} > v_{B∪{i}} instead of v′_C > v_C", 2, _f4_sim)

#: The ten axioms of Section 3, in the paper's order.
AXIOMS: tuple[Axiom, ...] = (R1, R2, R3, R4, R5, F1, F2, F3, F4, F5)
AXIOMS_BY_NAME = {a.name: a for a in AXIOMS + (R3_LITERAL, F3_SIM, F4_SIM)}


def get_axiom(name: str) -> Axiom:
    """Look an axiom up by name (``"R1"`` … ``"F5"``, ``"R3-literal"``).

    >>> get_axiom("f5").title
    'Balanced Reciprocity'
    """
    key = name.strip().upper().replace("-LITERAL", "-literal").replace("-SIM", "-Sim")
    if key not in AXIOMS_BY_NAME:
        raise ValueError(f"unknown axiom {name!r}; choose one of {', '.join(AXIOMS_BY_NAME)}")
    return AXIOMS_BY_NAME[key]


# ---------------------------------------------------------------------------- game classes
def _monotone(n: int, game: int) -> Formula:
    return conj(le(value(c & ~(1 << i), game), value(c, game)) for c in range(1, 1 << n) for i in members(c))


def _disjoint_pairs(n: int):
    for u in range(1, 1 << n):
        for s in subsets(u):
            t = u & ~s
            if s and t and s < t:
                yield s, t, u


def _superadditive(n: int, game: int) -> Formula:
    return conj(le(value(s, game) + value(t, game), value(u, game)) for s, t, u in _disjoint_pairs(n))


def _subadditive(n: int, game: int) -> Formula:
    return conj(ge(value(s, game) + value(t, game), value(u, game)) for s, t, u in _disjoint_pairs(n))


def _additive(n: int, game: int) -> Formula:
    return conj(eq(value(s, game) + value(t, game), value(u, game)) for s, t, u in _disjoint_pairs(n))


def _convex(n: int, game: int) -> Formula:
    parts = []
    for a in range(1 << n):
        outside = [i for i in range(n) if not a >> i & 1]
        for x in range(len(outside)):
            for y in range(x + 1, len(outside)):
                si, sj = a | 1 << outside[x], a | 1 << outside[y]
                parts.append(le(value(si, game) + value(sj, game), value(si | sj, game) + value(a, game)))
    return conj(parts)


#: Game classes as formulas over ``v`` (the exact predicates live on :class:`~exactfair.core.game.Game`).
GAME_CLASSES: dict[str, Callable[[int, int], Formula]] = {
    "monotone": _monotone,
    "superadditive": _superadditive,
    "subadditive": _subadditive,
    "additive": _additive,
    "convex": _convex,
}


def game_class_formula(name: str, n: int, game: int = 0) -> Formula:
    """The game class ``name`` for ``n`` players as a formula (``v(∅) = 0`` not included).

    >>> from exactfair.axioms.logic import evaluate, Value
    >>> f = game_class_formula("monotone", 2)
    >>> evaluate(f, lambda a: [0, 1, 2, 3][a.coalition])
    True
    """
    if name not in GAME_CLASSES:
        raise ValueError(f"unknown game class {name!r}; choose one of {', '.join(GAME_CLASSES)}")
    return GAME_CLASSES[name](n, game)
