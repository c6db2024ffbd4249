"""Registries of axioms, mechanisms and game classes — the built-ins and a user's own.

One definition per item feeds every back-end: an axiom is a function returning formulas of
:mod:`exactfair.axioms.logic` (evaluated exactly by the formula checker, compiled to z3, translated
to sympy); a mechanism is an exact implementation plus its relation, also in :mod:`exactfair.axioms.logic`.

>>> from exactfair import logic
>>> eff = define_axiom("EFF-doc", "efficiency (example)", per_coalition=lambda C, ms:
...                    logic.eq(sum((logic.reward(i, C) for i in ms), logic.Linear.of(0)), logic.value(C)))
>>> eff.name, len(eff.instances(3))
('EFF-doc', 7)
>>> "EFF-doc" in AXIOM_REGISTRY
True
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable, Iterator

from . import AXIOMS_BY_NAME, GAME_CLASSES, Axiom, Instance, Shape
from ..core.coalitions import members
from ..core.errors import ExactfairError
from ..core.game import Game
from .logic import (
    TRUE, And, Compare, Formula, Implies, Linear, Not, Or, Reward, Value, _Const, conj, eq, evaluate,
    evaluate_linear, reward, value,
)
from ..core.usercode import call_user, iter_user

__all__ = ["Registry", "Mechanism", "AXIOM_REGISTRY", "MECHANISM_REGISTRY", "GAME_CLASS_REGISTRY", "BUILTIN_MECHANISMS",
           "define_axiom", "define_mechanism", "get_mechanism", "scoped_registries", "relax", "resolve_axiom"]


class Registry:
    """A named collection that refuses clashing names; iterable; ``filter`` by a predicate.

    >>> r = Registry("thing"); _ = r.register("a", 1); r["a"], list(r)
    (1, ['a'])
    >>> r.register("a", 2)
    Traceback (most recent call last):
    ...
    exactfair.core.errors.ExactfairError: a thing named 'a' is already registered; choose another name
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, Any] = {}

    def register(self, name: str, item: Any) -> Any:
        if not isinstance(name, str) or not name.strip():
            raise ExactfairError(f"a {self.kind} needs a non-empty name")
        if name in self._items:
            raise ExactfairError(f"a {self.kind} named {name!r} is already registered; choose another name")
        self._items[name] = item
        return item

    def __getitem__(self, name: str) -> Any:
        try:
            return self._items[name]
        except KeyError:
            raise ExactfairError(f"unknown {self.kind} {name!r}; known: {', '.join(self._items)}") from None

    def get(self, name: str, default: Any = None) -> Any:
        return self._items.get(name, default)

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def names(self) -> list[str]:
        return list(self._items)

    def filter(self, predicate: Callable[[Any], bool]) -> list[Any]:
        return [item for item in self._items.values() if predicate(item)]

    def _snapshot(self) -> dict:
        return dict(self._items)

    def _restore(self, items: dict) -> None:
        self._items = items


AXIOM_REGISTRY = Registry("axiom")
for _name, _axiom in AXIOMS_BY_NAME.items():
    AXIOM_REGISTRY.register(_name, _axiom)

GAME_CLASS_REGISTRY = Registry("game class")
for _name, _builder in GAME_CLASSES.items():
    GAME_CLASS_REGISTRY.register(_name, _builder)


_RELAXED: dict[int, tuple[Axiom, Axiom]] = {}


def relax(axiom: Axiom) -> Axiom:
    """The axiom with its strict conclusion (``>``) replaced by a non-strict one (``≥``) — the same object each
    time for the same axiom, so that code can tell the built-in's relaxation from a look-alike by identity.

    >>> relax(AXIOM_REGISTRY["F3"]).name
    'F3[≥]'
    >>> relax(AXIOM_REGISTRY["F3"]) is relax(AXIOM_REGISTRY["F3"])
    True
    """
    known = _RELAXED.get(id(axiom))
    if known is not None and known[0] is axiom:
        return known[1]
    relaxed = _relax(axiom)
    _RELAXED[id(axiom)] = (axiom, relaxed)
    return relaxed


def _relax(axiom: Axiom) -> Axiom:
    from dataclasses import replace

    def weaken(f: Formula) -> Formula:
        if isinstance(f, Compare) and f.op in (">", "<"):
            return Compare(f.op + "=", f.left, f.right)
        return f

    title, statement = axiom.title + " (non-strict)", axiom.statement.replace(">", "≥")
    if axiom.shape is not None:
        shape = axiom.shape

        def relaxed(*args, **kwargs):
            g = shape.function(*args, **kwargs)
            return Implies(g.hypothesis, weaken(g.conclusion)) if isinstance(g, Implies) else weaken(g)
        return Axiom(axiom.name + "[≥]", title, statement, axiom.games,
                     shape=replace(shape, function=relaxed))

    def build(n: int):
        for inst in axiom.instances(n):
            yield replace(inst, axiom=axiom.name + "[≥]", conclusion=weaken(inst.conclusion))
    return Axiom(axiom.name + "[≥]", title, statement, axiom.games, build)


def resolve_axiom(name: Any) -> Axiom:
    """An axiom by name — registered names first (your own too), then the built-ins' spellings (``"f5"``) —
    with the suffix ``[≥]`` (or ``[>=]``) for the relaxed variant; an Axiom is returned as it is.

    >>> resolve_axiom("F3[>=]").name, resolve_axiom("f5").name
    ('F3[≥]', 'F5')
    """
    if isinstance(name, Axiom):
        return name
    text = name.strip().replace("[>=]", "[≥]")
    if text.endswith("[≥]"):
        return relax(resolve_axiom(text[:-3]))
    axiom = AXIOM_REGISTRY.get(text)
    if axiom is not None:
        return axiom
    from . import get_axiom
    try:
        return get_axiom(text)
    except ValueError:
        raise ValueError(f"unknown axiom {name!r}; known: {', '.join(AXIOM_REGISTRY)}") from None


# --------------------------------------------------------------------------- validation
def _check_formula(f: Any, n: int, games: int, where: str) -> None:
    if isinstance(f, Compare):
        for side in (f.left, f.right):
            for atom, _ in side.terms:
                _check_atom(atom, n, games, where)
        return
    if isinstance(f, (And, Or)):
        for p in f.parts:
            _check_formula(p, n, games, where)
        return
    if isinstance(f, Implies):
        _check_formula(f.hypothesis, n, games, where)
        _check_formula(f.conclusion, n, games, where)
        return
    if isinstance(f, Not):
        _check_formula(f.body, n, games, where)
        return
    if isinstance(f, _Const):
        return
    raise ExactfairError(f"{where} returned {f!r}, not a formula of exactfair.axioms.logic (use logic.eq, logic.le, "
                         "logic.conj, …; never a solver term or a number)")


def _check_atom(atom: Any, n: int, games: int, where: str) -> None:
    if not isinstance(atom, (Value, Reward)):
        raise ExactfairError(f"{where}: {atom!r} is not an atom")
    if not 0 <= atom.coalition < (1 << n):
        raise ExactfairError(f"{where}: coalition {atom.coalition} is out of range for {n} players")
    if isinstance(atom, Reward) and not 0 <= atom.player < n:
        raise ExactfairError(f"{where}: player {atom.player} is out of range for {n} players")
    if not 0 <= atom.game < games:
        raise ExactfairError(f"{where}: game index {atom.game} used by an axiom of {games} game(s); pass games=2 "
                             "for two-game axioms such as F4")


def _as_formula(x: Any) -> Formula:
    if isinstance(x, bool):
        return TRUE if x else _Const(False)
    return x


_FORMULAS = (Compare, And, Or, Implies, Not, _Const)


def _formula(result: Any, where: str) -> Formula:
    """``result`` as a formula (a bool is a constant), or an error saying what was returned instead."""
    f = _as_formula(result)
    if not isinstance(f, _FORMULAS):
        raise ExactfairError(f"{where} returned {result!r}, not a formula of exactfair.axioms.logic (use logic.eq, logic.le, "
                             "logic.conj, …; never a solver term or a number)")
    return f


def _shown(argument: Any) -> str:
    """An argument as errors name it: an int as itself, anything else (a symbolic player or coalition of the
    all-n route, which must not be asked for its identity) by its type."""
    return str(argument) if type(argument) is int else f"<{type(argument).__name__}>"


def _guarded(name: str, label: str, function: Callable, parameters: str) -> Callable[..., Formula]:
    """The user's axiom function as exactfair calls it: an exception is a
    :class:`~exactfair.core.errors.UserCodeError`, a result that is not a formula an error, both naming the axiom,
    the function and the call (``parameters``: the names of its arguments, e.g. ``"Ci"``; ``n=`` when known).

    >>> f = _guarded("X", "per_member", lambda C, i: None, "Ci")
    >>> f(3, 0, n=2)
    Traceback (most recent call last):
    ...
    exactfair.core.errors.ExactfairError: axiom 'X': per_member at n = 2, C = 3, i = 0 returned None, not a formula of exactfair.axioms.logic (use logic.eq, logic.le, logic.conj, …; never a solver term or a number)
    """
    def call(*args: Any, n: int | None = None) -> Formula:
        def context() -> str:
            named = [f"{p} = {_shown(a)}" for p, a in zip(parameters, args) if p != "n"]
            return "at " + ", ".join(([f"n = {n}"] if n is not None else []) + named)
        result = call_user(function, *args, what=f"axiom {name!r}: {label}", context=context)
        return _formula(result, f"axiom {name!r}: {label} {context()}")
    return call


# --------------------------------------------------------------------------- axioms
def define_axiom(name: str, title: str = "", *, per_coalition: Callable | None = None,
                 per_member: Callable | None = None, per_pair: Callable | None = None,
                 instances: Callable | None = None, statement: str = "", games: int = 1,
                 hypothesis: Callable | None = None, register: bool = True) -> Axiom:
    """Define (and register) an axiom from formulas of :mod:`exactfair.axioms.logic`.

    Exactly one of the quantifier shapes:

    * ``per_coalition=f(C, members) -> Formula`` for every non-empty coalition C;
    * ``per_member=f(C, i) -> Formula`` for every C and i ∈ C;
    * ``per_pair=f(C, i, j) -> Formula`` for every C and i < j in C;
    * ``instances=f(n) -> iterable of Formula`` (or of :class:`~exactfair.axioms.Instance`) for
      anything else, including two-game axioms (``games=2``, atoms with ``game=1`` are v′).

    ``hypothesis(n) -> Formula`` (optional) is a premise shared by every instance (as F1–F4 have).
    Every formula is validated as it is built, at every n (types and atom ranges; the definition is
    built for n = 1..3 at registration), a clashing name is refused, and an exception raised by
    one of the functions is a :class:`~exactfair.core.errors.UserCodeError` naming n and the coalition.  The returned :class:`~exactfair.axioms.Axiom` is
    the same type as the built-ins: the exact checker, z3 and the symbolic back-end use it.

    >>> from exactfair import logic
    >>> a = define_axiom("ZERO-OUT-doc", "outsiders get their value", per_member=lambda C, i:
    ...                  logic.ge(logic.reward(i, C), 0), register=False)
    >>> len(a.instances(2))
    4
    """
    shapes = [x for x in (per_coalition, per_member, per_pair, instances) if x is not None]
    if len(shapes) != 1:
        raise ExactfairError("define_axiom needs exactly one of per_coalition=, per_member=, per_pair=, instances=")
    if games not in (1, 2):
        raise ExactfairError("games must be 1 or 2")
    if register and name in AXIOM_REGISTRY:
        raise ExactfairError(f"an axiom named {name!r} is already registered; choose another name")

    def instance(c: int, players: tuple, hyp: Formula, f: Formula) -> Instance:
        """An implication's premise is the instance's premise (so vacuity is checked per instance)."""
        if isinstance(f, Implies):
            return Instance(name, c, players, conj([hyp, f.hypothesis]), f.conclusion)
        return Instance(name, c, players, hyp, f)

    def checked(f: Formula, label: str, n: int, c: int | None = None) -> Formula:
        """Every formula is checked as it is built, at every n (atoms in range for n players)."""
        _check_formula(f, n, games, f"axiom {name!r}: {label} at n = {n}" + (f", C = {c}" if c is not None else ""))
        return f

    shared = _guarded(name, "hypothesis", hypothesis, "n") if hypothesis is not None else None
    if instances is not None:
        def build(n: int) -> Iterator[Instance]:
            hyp = checked(shared(n, n=n), "hypothesis", n) if shared is not None else TRUE
            for item in iter_user(instances, n, what=f"axiom {name!r}: instances", context=f"at n = {n}"):
                if isinstance(item, Instance):
                    checked(item.hypothesis, "instances", n)
                    checked(item.conclusion, "instances", n)
                    yield item
                else:
                    yield instance(0, (), hyp, checked(_formula(item, f"axiom {name!r}: instances at n = {n}"),
                                                       "instances", n))
        axiom = Axiom(name, title or name, statement or title or name, games, build)
    else:
        kind, label, function, parameters = (
            ("coalition", "per_coalition", per_coalition, "C") if per_coalition is not None else
            ("member", "per_member", per_member, "Ci") if per_member is not None else
            ("pair", "per_pair", per_pair, "Cij"))
        rule = _guarded(name, label, function, parameters)
        # one definition: the instances and the all-n route's generic reading both call ``rule``
        axiom = Axiom(name, title or name, statement or title or name, games,
                      shape=Shape(kind, rule, (lambda n: checked(shared(n, n=n), "hypothesis", n))
                                  if shared is not None else None,
                                  check=lambda f, n, c: checked(f, label, n, c), takes_n=True))
    for n in (1, 2, 3):                                 # every n is checked as it is built; n ≤ 3 at once
        axiom.instances(n)
    if register:
        AXIOM_REGISTRY.register(name, axiom)
    return axiom


# --------------------------------------------------------------------------- mechanisms
@dataclass(frozen=True)
class Mechanism:
    """A reward mechanism: its exact implementation and its relation in :mod:`exactfair.axioms.logic`.

    ``step(C, n) -> Formula`` says what row C of a table of this mechanism must be (in terms of
    values and rewards at C and smaller coalitions); a table is a table *of* the mechanism iff
    every step holds.  ``exact(game)`` computes one such table; witnesses are re-checked
    against it.  ``per_member`` (explicit mechanisms) gives ``M_i^C`` as a linear term.
    ``requires`` names a game class the mechanism needs (``"monotone"`` for Algorithm 1).
    ``symmetric`` is a claim of the definer that the relation treats all players alike; it is never
    trusted: the F4 symmetry reduction is used only when :func:`exactfair.smt.guards.equivariant`
    derives it at the claim's n.

    >>> m = MECHANISM_REGISTRY["equal-split"]
    >>> m.name, m.explicit
    ('equal-split', True)
    """

    name: str
    title: str
    exact: Callable[[Game], Any]
    step: Callable[[int, int], Formula]
    per_member: Callable[[int, int], Linear] | None = None
    requires: str | None = None
    symmetric: bool = False
    structured: Callable[[int], list] | None = field(default=None, compare=False)

    @property
    def explicit(self) -> bool:
        return self.per_member is not None

    def relation(self, n: int, game: int = 0) -> list[Formula]:
        """Formulas (one per coalition) that a table of this mechanism satisfies, for game index ``game``."""
        out = []
        for c in range(1 << n):
            f = self.step(c, n)
            out.append(_shift_game(f, game) if game else f)
        return out

    def is_table_of(self, table) -> bool:
        """Exactly: does ``table`` satisfy every step of the relation on its game?"""
        game = table.game
        look = lambda a: game.value(a.coalition) if isinstance(a, Value) else table.reward(a.player, a.coalition)  # noqa: E731
        return all(evaluate(f, look) for f in self.relation(game.n))


def _shift_game(f: Formula, game: int) -> Formula:
    """The same formula about game index ``game`` (atoms of game 0 moved)."""
    def lin(t: Linear) -> Linear:
        return Linear(tuple(((Value(a.coalition, game) if isinstance(a, Value) else Reward(a.player, a.coalition, game)),
                             c) for a, c in t.terms), t.const)
    if isinstance(f, Compare):
        return Compare(f.op, lin(f.left), lin(f.right))
    if isinstance(f, And):
        return And(tuple(_shift_game(p, game) for p in f.parts))
    if isinstance(f, Or):
        return Or(tuple(_shift_game(p, game) for p in f.parts))
    if isinstance(f, Implies):
        return Implies(_shift_game(f.hypothesis, game), _shift_game(f.conclusion, game))
    if isinstance(f, Not):
        return Not(_shift_game(f.body, game))
    return f


MECHANISM_REGISTRY = Registry("mechanism")
#: The mechanisms exactfair defines (a guard failing on one of these is exactfair's bug, not the user's).
BUILTIN_MECHANISMS = ("balanced-reciprocity", "shapley", "banzhaf", "equal-split")


def _explicit_step(per_member: Callable[[int, int], Linear]) -> Callable[[int, int], Formula]:
    def step(c: int, n: int) -> Formula:
        ms = members(c)
        parts = [eq(reward(i, c), value(1 << i)) for i in range(n) if i not in ms]
        parts += [eq(reward(i, c), per_member(c, i)) for i in ms]
        return conj(parts)
    return step


def _explicit_exact(name: str, per_member: Callable[[int, int], Linear]) -> Callable[[Game], Any]:
    def exact(game: Game):
        from ..core.table import RewardTable
        n = game.n
        rows: list[list] = [[game.value(1 << i) for i in range(n)] for _ in range(1 << n)]
        order = sorted(range(1 << n), key=lambda m: bin(m).count("1"))
        look = lambda a: game.value(a.coalition) if isinstance(a, Value) else rows[a.coalition][a.player]  # noqa: E731
        for c in order:
            for i in members(c):
                rows[c][i] = evaluate_linear(Linear.of(per_member(c, i)), look)
        return RewardTable(game, name, rows)
    return exact


def _checked_per_member(name: str, per_member: Callable) -> Callable[[int, int], Linear]:
    """The user's ``per_member`` guarded at every call: an exception, or a result that is not a linear term,
    is one error naming the mechanism, C and i."""
    def term(c: Any, i: Any) -> Linear:
        result = call_user(per_member, c, i, what=f"mechanism {name!r}: per_member",
                           context=lambda: f"at C = {_shown(c)}, i = {_shown(i)}")
        if isinstance(result, (int, Fraction)) and not isinstance(result, bool):
            return Linear.of(result)
        if not isinstance(result, Linear):
            raise ExactfairError(f"mechanism {name!r}: per_member(C={_shown(c)}, i={_shown(i)}) returned {result!r}; "
                                 "return a linear term of exactfair.axioms.logic (logic.value(...), logic.reward(...), "
                                 "numbers)")
        return result
    return term


def _checked_relation(name: str, relation: Callable) -> Callable[[int, int], Formula]:
    """The user's ``relation`` guarded at every call (exceptions and non-formulas name the mechanism, C and n)."""
    def step(c: Any, n: Any) -> Formula:
        def context() -> str:
            return f"at n = {_shown(n)}, C = {_shown(c)}"
        f = _formula(call_user(relation, c, n, what=f"mechanism {name!r}: relation", context=context),
                     f"mechanism {name!r}: relation {context()}")
        if type(n) is int:
            _check_formula(f, n, 1, f"mechanism {name!r}: relation {context()}")
        return f
    return step


def _checked_exact(name: str, exact: Callable) -> Callable[[Game], Any]:
    """The user's ``exact`` guarded: an exception, or a result that is not a table of the game, is one error."""
    def table(game: Game):
        from ..core.table import RewardTable
        result = call_user(exact, game, what=f"mechanism {name!r}: exact", context=lambda: f"on the game {game!r}")
        if not isinstance(result, RewardTable) or result.game.players != game.players:
            raise ExactfairError(f"mechanism {name!r}: exact(game) returned {type(result).__name__}, not a "
                                 "RewardTable of that game")
        return result
    return table


def _validate_explicit(name: str, per_member: Callable[[int, int], Linear]) -> None:
    for n in (1, 2, 3, 4):
        for c in range(1, 1 << n):
            for i in members(c):
                term = per_member(c, i)
                for atom, _ in term.terms:
                    _check_atom(atom, n, 1, f"mechanism {name!r} at n = {n}")
                    if isinstance(atom, Reward) and not (atom.coalition & c == atom.coalition and atom.coalition != c):
                        raise ExactfairError(
                            f"mechanism {name!r}: M_{i}^{{{c}}} uses the reward of coalition {atom.coalition}, which is "
                            "not a strictly smaller sub-coalition; explicit mechanisms define a coalition's rewards "
                            "from values and rewards of its proper sub-coalitions")


def define_mechanism(name: str, *, per_member: Callable | None = None, relation: Callable | None = None,
                     exact: Callable | None = None, title: str = "", requires: str | None = None,
                     register: bool = True) -> Mechanism:
    """Define (and register) a mechanism.

    Explicit: ``per_member=f(C, i) -> Linear`` from ``logic.value(...)`` and rewards of strictly
    smaller coalitions; the exact implementation and the solver relation are both derived from it,
    and players outside C get v_i (as in R5).  Implicit: ``relation=step(C, n) -> Formula`` (the
    row at C, e.g. an argmax as a disjunction) together with ``exact=game -> RewardTable``.

    >>> from exactfair import logic, Game
    >>> m = define_mechanism("marginal-doc", per_member=lambda C, i: logic.value(C) - logic.value(C & ~(1 << i))
    ...                      + logic.value(1 << i), register=False)
    >>> m.exact(Game.from_bitmask_values([0, 1, 2, 4]))[1, (1, 2)]
    Fraction(3, 1)
    """
    if (per_member is None) == (relation is None):
        raise ExactfairError("define_mechanism needs per_member= (explicit) or relation= with exact= (implicit)")
    if register and name in MECHANISM_REGISTRY:
        raise ExactfairError(f"a mechanism named {name!r} is already registered; choose another name")
    if requires is not None and requires not in GAME_CLASS_REGISTRY:
        raise ExactfairError(f"unknown game class {requires!r}")
    if exact is not None:
        exact = _checked_exact(name, exact)
    if per_member is not None:
        per_member = _checked_per_member(name, per_member)
        _validate_explicit(name, per_member)
        mech = Mechanism(name, title or name, exact or _explicit_exact(name, per_member),
                         _explicit_step(per_member), per_member, requires)
    else:
        if exact is None:
            raise ExactfairError("an implicit mechanism (relation=) needs exact= to re-check witnesses against")
        relation = _checked_relation(name, relation)
        for n in (1, 2, 3):
            for c in range(1 << n):
                relation(c, n)
        mech = Mechanism(name, title or name, exact, relation, None, requires)
    if register:
        MECHANISM_REGISTRY.register(name, mech)
    return mech


def get_mechanism(mechanism: str | Mechanism) -> Mechanism:
    """A mechanism by name (or the object itself).

    >>> get_mechanism("balanced-reciprocity").requires
    'monotone'
    """
    if isinstance(mechanism, Mechanism):
        return mechanism
    return MECHANISM_REGISTRY[mechanism]


@contextlib.contextmanager
def scoped_registries() -> Iterator[None]:
    """Within the block, definitions are registered; afterwards the registries are as before (for tests).

    >>> with scoped_registries():
    ...     _ = define_mechanism("tmp-doc", per_member=lambda C, i: 0)
    >>> "tmp-doc" in MECHANISM_REGISTRY
    False
    """
    saved = [(r, r._snapshot()) for r in (AXIOM_REGISTRY, MECHANISM_REGISTRY, GAME_CLASS_REGISTRY)]
    try:
        yield
    finally:
        for r, items in saved:
            r._restore(items)


# --------------------------------------------------------------------------- built-in mechanisms
def _register_builtins() -> None:
    from math import factorial

    from .relations import algorithm1_step
    from ..mechanisms import balanced_reciprocity, banzhaf, equal_split, shapley

    def br_exact(game: Game):
        return balanced_reciprocity(game, require_monotone=False)

    MECHANISM_REGISTRY.register("balanced-reciprocity", Mechanism(
        "balanced-reciprocity", "Algorithm 1 (balanced reciprocity)", br_exact,
        lambda c, n: algorithm1_step(c, n, "any"), None, "monotone", symmetric=True))

    def shapley_term(c: int, i: int) -> Linear:
        ms = members(c)
        k = len(ms)
        rest = c & ~(1 << i)
        total = Linear.of(0)
        from ..core.coalitions import subsets
        for s in subsets(rest):
            size = bin(s).count("1")
            w = Fraction(factorial(size) * factorial(k - size - 1), factorial(k))
            total = total + w * (value(s | 1 << i) - value(s))
        return total

    MECHANISM_REGISTRY.register("shapley", Mechanism(
        "shapley", "Shapley value of each coalition's subgame", lambda g: shapley(g),
        _explicit_step(shapley_term), shapley_term, None, symmetric=True))

    def banzhaf_term(c: int, i: int) -> Linear:
        from ..core.coalitions import subsets
        rest = c & ~(1 << i)
        total = Linear.of(0)
        for s in subsets(rest):
            total = total + (value(s | 1 << i) - value(s))
        return total * Fraction(1, 1 << (bin(rest).count("1")))

    MECHANISM_REGISTRY.register("banzhaf", Mechanism(
        "banzhaf", "Banzhaf value of each coalition's subgame", lambda g: banzhaf(g),
        _explicit_step(banzhaf_term), banzhaf_term, None, symmetric=True))

    def equal_term(c: int, i: int) -> Linear:
        return value(c) * Fraction(1, bin(c).count("1"))

    MECHANISM_REGISTRY.register("equal-split", Mechanism(
        "equal-split", "v_C / |C| to each member", lambda g: equal_split(g),
        _explicit_step(equal_term), equal_term, None, symmetric=True))


_register_builtins()
