"""Guards that run with every verdict: independent routes that must not contradict a "proved".

Each guard checks one thing a proof rests on by another route than the proof itself:

* :func:`check_compiler` — the z3 compilation of a claim's formulas agrees with their exact evaluation on
  random small-integer points (ties included), so a comparison compiled wrongly (``>`` as ``≥``) is caught
  even though both solvers would read the same wrong text;
* :func:`falsify` — a mechanism's exact implementation on random games of the claim's classes must satisfy
  the claim and its own relation (the exact checker, no solver);
* :func:`equivariant` — a mechanism's relation treats all players alike: relabelling players (a transposition
  and a cycle, which generate every permutation) maps the relation at C to the relation at the image of C;
  the F4 reduction's "symmetric" is derived from this, never taken from a field;
* :func:`relation_total` — an implicit mechanism's relation has a run on every game of the class at n (every
  partial run extends at each coalition), so "every run satisfies X" speaks of every game.

A guard that fails where exactfair itself is wrong raises :class:`~exactfair.kernel.verdicts.InternalCheckError`;
where a user's definition is at fault (a relation without a run on some game, an ``exact=`` that is not a
run), the verdict is refused with the reason.

>>> from exactfair.axioms.registry import get_mechanism
>>> equivariant(get_mechanism("shapley"), 4), equivariant(get_mechanism("balanced-reciprocity"), 4)
(True, True)
"""

from __future__ import annotations

import hashlib
import random
from fractions import Fraction
from typing import Any, Iterable, Sequence

import z3

from ..core.coalitions import members
from ..axioms.logic import And, Compare, Formula, Implies, Not, Or, Reward, Value, _Const, atoms, evaluate
from ..kernel.verdicts import InternalCheckError

__all__ = ["check_compiler", "random_games", "falsify", "equivariant", "relation_total", "exact_is_run",
           "seeded_rng", "GuardRefusal"]


class GuardRefusal(Exception):
    """A user's definition fails a guard: the verdict is refused (Unknown) with this reason."""


def code_epoch() -> int:
    """A fingerprint of the definitions a verdict is built from — the functions and definition tables of the
    kernel, of its :data:`~exactfair.kernel.SPECIFICATION` and of the smt routes: results cached within a
    process are reused only while it is unchanged, so a definition replaced at run time (a mutant) is checked
    afresh.

    >>> code_epoch() == code_epoch()
    True
    """
    import importlib
    ids: list[int] = []
    from ..kernel import MODULES as KERNEL, ROUTES, SPECIFICATION
    smt_routes = [name for name in ROUTES if name.startswith("exactfair.smt.")]       # not above this layer
    for name in (*SPECIFICATION, *smt_routes, *KERNEL):
        module = importlib.import_module(name)
        for key, value in sorted(vars(module).items()):
            if callable(value):
                ids.append(id(value))
            elif isinstance(value, dict):               # tables of definitions; caches (of results) are left out
                ids += [id(v) for _, v in sorted(value.items(), key=lambda kv: repr(kv[0]))
                        if callable(v) or type(v).__name__ in ("Axiom", "Mechanism", "LemmaSpec")]
    from ..axioms.registry import AXIOM_REGISTRY, GAME_CLASS_REGISTRY, MECHANISM_REGISTRY
    for registry in (AXIOM_REGISTRY, MECHANISM_REGISTRY, GAME_CLASS_REGISTRY):
        ids += [id(registry.get(k)) for k in registry.names()]
    return hash(tuple(ids))


def seeded_rng(*parts: Any) -> random.Random:
    """A random generator seeded from the parts' text: the same claim and n give the same games every run.

    >>> seeded_rng("x", 3).random() == seeded_rng("x", 3).random()
    True
    """
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


# --------------------------------------------------------------------------- the compiler
def _atoms_of(f: Formula) -> set:
    out = set()
    for cmp in atoms(f):
        for side in (cmp.left, cmp.right):
            out.update(side.atoms())
    return out


def check_compiler(formulas: Iterable[Formula], rng: random.Random, samples: int = 3, limit: int = 400) -> int:
    """Compile each formula to z3 and evaluate it on random small integers; it must agree with the exact value.

    Returns the number of (formula, point) pairs compared; raises InternalCheckError on a disagreement.

    >>> from exactfair.axioms import F3
    >>> check_compiler(F3.formula(3).parts, seeded_rng("doc")) > 0
    True
    """
    from ..kernel.compile import compile_formula
    formulas = list(formulas)
    if len(formulas) > limit:
        formulas = rng.sample(formulas, limit)
    compared = 0
    for f in formulas:
        names = sorted(_atoms_of(f), key=repr)
        for _ in range(samples):
            point = {a: Fraction(rng.randint(-2, 2)) for a in names}
            exact = evaluate(f, lambda a: point[a])
            compiled = compile_formula(f, lambda a: z3.RealVal(str(point[a])))
            value = z3.simplify(compiled)
            if not (z3.is_true(value) or z3.is_false(value)):
                raise InternalCheckError(f"the compiled formula did not evaluate to a truth value: {value}")
            if z3.is_true(value) != exact:
                raise InternalCheckError(f"the z3 compilation of {f} gives {z3.is_true(value)} where the exact "
                                         f"evaluation gives {exact} at {point}")
            compared += 1
    return compared


# --------------------------------------------------------------------------- random games of a class
def _candidate(n: int, classes: Sequence[str], rng: random.Random):
    from ..core.game import Game
    from ..core.random_games import random_monotone_game
    if "additive" in classes:
        singles = [Fraction(rng.randint(0, 4)) for _ in range(n)]
        return Game.from_bitmask_values([sum((singles[i] for i in members(c)), Fraction(0)) for c in range(1 << n)])
    if "convex" in classes or "superadditive" in classes:
        singles = [Fraction(rng.randint(0, 3)) for _ in range(n)]
        pair = {(i, j): Fraction(rng.randint(0, 2)) for i in range(n) for j in range(i + 1, n)}
        values = []
        for c in range(1 << n):
            ms = members(c)
            values.append(sum((singles[i] for i in ms), Fraction(0))
                          + sum((pair[i, j] for x, i in enumerate(ms) for j in ms[x + 1:]), Fraction(0)))
        return Game.from_bitmask_values(values)
    if "monotone" in classes or "subadditive" in classes:
        return random_monotone_game(n, rng, max_numerator=3)
    return Game.from_bitmask_values([Fraction(0)] + [Fraction(rng.randint(-2, 4)) for _ in range((1 << n) - 1)])


def random_games(n: int, classes: Sequence[str], rng: random.Random, count: int, tries: int = 20) -> list:
    """Up to ``count`` random exact games with n players in every one of ``classes`` (small values, many ties).

    >>> gs = random_games(3, ("monotone",), seeded_rng("doc"), 5)
    >>> len(gs), all(g.is_monotone().holds for g in gs)
    (5, True)
    """
    out = []
    for _ in range(count * tries):
        if len(out) == count:
            break
        g = _candidate(n, classes, rng)
        if all(getattr(g, f"is_{cls}")().holds for cls in classes):
            out.append(g)
    return out


# --------------------------------------------------------------------------- falsification by the exact checker
def exact_is_run(mech, game) -> bool:
    """Does the mechanism's exact table of ``game`` satisfy its own relation (exactly)?"""
    return _is_run(relation_formulas(mech, game.n), mech.exact(game))


_RELATIONS: dict = {}


def relation_formulas(mech, n: int) -> list:
    """``mech.relation(n)``, built once per process while the definitions are unchanged."""
    key = (id(mech), mech.name, n, code_epoch())
    if key not in _RELATIONS:
        _RELATIONS[key] = mech.relation(n)
    return _RELATIONS[key]


def _is_run(formulas: list, table) -> bool:
    game = table.game
    look = lambda a: game.value(a.coalition) if isinstance(a, Value) else table.reward(a.player, a.coalition)  # noqa: E731
    return all(evaluate(f, look) for f in formulas)


def falsify(claim, n: int, count: int = 12, *, relation: int = 4) -> str | None:
    """Try to refute a claim about a mechanism on random games with the exact checker (no solver).

    Returns a description of the first counterexample, or None.  On the first ``relation`` games the exact table
    must also be a run of the mechanism's relation (else a description of that mismatch is returned).

    >>> from exactfair import Claim
    >>> falsify(Claim("balanced-reciprocity", conclude="F3"), 4, count=40) is not None
    True
    >>> falsify(Claim("balanced-reciprocity", conclude="R2"), 4) is None
    True
    """
    from ..axioms.check import check_axiom, check_pair
    from ..core.random_games import random_f4_partner
    from ..axioms.registry import get_mechanism
    if claim.mechanism is None or claim.conclude == "unique":
        return None
    mech = get_mechanism(claim.mechanism)
    rng = seeded_rng(claim.name, n, "falsify")
    formulas = relation_formulas(mech, n) if relation else []
    for k, game in enumerate(random_games(n, claim.games, rng, count)):
        table = mech.exact(game)
        if k < relation and not _is_run(formulas, table):
            return (f"the exact table of {mech.name} on v = {list(map(str, game.values))} does not satisfy "
                    f"{mech.name}'s own relation")
        if not all(check_axiom(a, table).holds for a in claim.assumptions() if a.games == 1):
            continue
        for axiom in claim.axioms():
            if axiom.games == 1:
                result = check_axiom(axiom, table)
            else:
                c = rng.randrange(1, 1 << n)
                i = rng.choice(members(c))
                partner = random_f4_partner(game, c, i, rng)
                if not all(getattr(partner, f"is_{cls}")().holds for cls in claim.games):
                    continue
                result = check_pair(table, mech.exact(partner), axiom)
            if not result.holds:
                return f"{axiom.name} fails on v = {list(map(str, game.values))}: {result.violations[0]}"
    return None


# --------------------------------------------------------------------------- players treated alike
def _side(term, perm: Sequence[int] | None) -> tuple:
    def image(c: int) -> int:
        return c if perm is None else sum(1 << perm[i] for i in members(c))
    out = []
    for atom, coef in term.terms:
        if isinstance(atom, Value):
            key = ("v", image(atom.coalition), atom.game)
        else:
            key = ("M", atom.player if perm is None else perm[atom.player], image(atom.coalition), atom.game)
        out.append((key, coef))                         # int and Fraction coefficients hash and compare alike
    return frozenset(out), term.const


def canonical(f: Formula, perm: Sequence[int] | None = None) -> Any:
    """A hashable form of a formula with conjunctions and disjunctions as sets, equations as unordered pairs and
    ``≥``/``>`` turned into ``≤``/``<``, after relabelling players by ``perm``.

    >>> from exactfair.axioms.logic import And, le, value
    >>> canonical(And((le(value(1), 0), le(value(2), 0)))) == canonical(And((le(value(2), 0), le(value(1), 0))))
    True
    >>> canonical(le(value(1), 0), perm=[1, 0]) == canonical(le(value(2), 0))
    True
    """
    if isinstance(f, Compare):
        if f.op == "==":                                   # an equation reads the same both ways
            return ("==", frozenset((_side(f.left, perm), _side(f.right, perm))))
        if f.op in (">=", ">"):
            return ({">=": "<=", ">": "<"}[f.op], _side(f.right, perm), _side(f.left, perm))
        return (f.op, _side(f.left, perm), _side(f.right, perm))
    if isinstance(f, And):
        return ("and", frozenset(canonical(p, perm) for p in f.parts))
    if isinstance(f, Or):
        return ("or", frozenset(canonical(p, perm) for p in f.parts))
    if isinstance(f, Implies):
        return ("=>", canonical(f.hypothesis, perm), canonical(f.conclusion, perm))
    if isinstance(f, Not):
        return ("not", canonical(f.body, perm))
    if isinstance(f, _Const):
        return f.truth
    raise TypeError(f"not a formula: {f!r}")


_EQUIVARIANT: dict = {}


def equivariant(mech, n: int) -> bool:
    """Is the relation of ``mech`` at n players invariant under relabelling the players?

    Checked for the transposition (1 2) and the cycle (1 2 … n), which generate every permutation: the
    relation at π(C) must be the relation at C with every player i renamed π(i).  Cached within the process
    while the definitions are unchanged (:func:`code_epoch`).
    """
    if n < 2:
        return True
    key = (id(mech), mech.name, n, code_epoch())
    if key not in _EQUIVARIANT:
        steps = [mech.step(c, n) for c in range(1 << n)]
        plain = [canonical(f) for f in steps]
        ok = True
        for perm in ([1, 0] + list(range(2, n)), [(i + 1) % n for i in range(n)]):
            for c in range(1 << n):
                if plain[sum(1 << perm[i] for i in members(c))] != canonical(steps[c], perm):
                    ok = False
                    break
            if not ok:
                break
        _EQUIVARIANT[key] = ok
    return _EQUIVARIANT[key]


# --------------------------------------------------------------------------- implicit relations have runs
_TOTAL: dict = {}


def relation_total(mech, n: int, classes: Sequence[str], timeout: float = 60.0) -> str | None:
    """None when every partial run of ``mech``'s relation on a game of the classes extends at every coalition
    (so every such game has a run); else the reason (a coalition where some partial run has no row).

    Only for relations whose row at C speaks of C and its sub-coalitions (checked).

    >>> from exactfair.axioms.registry import get_mechanism
    >>> relation_total(get_mechanism("balanced-reciprocity"), 3, ("monotone",)) is None
    True
    """
    key = (id(mech), mech.name, n, tuple(classes), code_epoch())
    if key not in _TOTAL:
        _TOTAL[key] = _relation_total(mech, n, classes, timeout)
    return _TOTAL[key]


def _relation_total(mech, n: int, classes: Sequence[str], timeout: float) -> str | None:
    from ..axioms import game_class_formula
    from ..kernel.compile import SymbolicGame, SymbolicTable, compile_formula, lookup
    g, t = SymbolicGame(n), SymbolicTable(n)
    look = lookup(g, t)
    classes_z3 = [compile_formula(game_class_formula(cls, n), look) for cls in classes]
    steps = {c: mech.step(c, n) for c in range(1 << n)}
    for c, f in steps.items():
        for a in _atoms_of(f):
            if isinstance(a, Reward) and a.coalition & c != a.coalition:
                return (f"the relation's row at coalition {c:0{n}b} mentions rewards at {a.coalition:0{n}b}, which is "
                        "not a sub-coalition, so runs cannot be built coalition by coalition")
    compiled = {c: compile_formula(f, look) for c, f in steps.items()}
    for c in sorted(range(1 << n), key=lambda c: bin(c).count("1")):
        s = z3.Solver()                           # a fresh solver: z3 eliminates the quantifier best this way
        s.set("timeout", int(timeout * 1000))
        s.add(classes_z3)
        s.add([compiled[d] for d in range(1 << n) if d & c == d and d != c])
        s.add(z3.ForAll([t[i, c] for i in range(n)], z3.Not(compiled[c])))
        answer = s.check()
        if answer == z3.sat:
            from ..kernel.compile import decode_game
            game = decode_game(s.model(), g)
            return (f"the relation of {mech.name} has no row at coalition {c:0{n}b} for the game "
                    f"v = {list(map(str, game.values))} (with rows below it that satisfy the relation): no run exists")
        if answer != z3.unsat:
            return f"z3 could not decide whether the relation of {mech.name} has a row at {c:0{n}b} ({s.reason_unknown()})"
    return None
