"""Strategic games with exact utilities, and fair sets given three ways.

The outcome space is R = Δ_1 × … × Δ_n.  A player with two actions has one coordinate
(the probability of the first action, e.g. p = P(cooperate)); a player with k actions has
k − 1 coordinates (the last probability is one minus their sum).  Utilities are sympy
expressions in the coordinates: given directly (``U1 = 2q − p``) or as exact expected
payoffs of a payoff table (multilinear).

A fair set F_i is given

* by a **map** f_i (single-valued: an expression with ``Min``, ``Max``, ``Piecewise``; or
  interval-valued ``(lo, hi)``) for a one-dimensional Δ_i — F_i = {r : r_i ∈ f_i(r)};
* by **inequalities in action space** (a sympy Boolean in the coordinates);
* by **inequalities in utility space** (a Boolean in symbols ``U1 … Un``), translated
  exactly by substituting the utilities.

All numbers are exact: strings are read by a whitelisting parser (never evaluated) so "0.8"
means 4/5; a float is refused.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Mapping, Sequence

import sympy

from ..core.errors import ExactfairError, InexactValueError
from ..kernel.algebra import to_z3

__all__ = [
    "StrategicGame", "FairSet", "parse_exact", "to_z3", "point_in", "evaluate_at", "utility_symbols", "printable",
]


def parse_exact(text: Any, symbols: Mapping[str, sympy.Symbol], *, what: str = "expression") -> sympy.Basic:
    """Exact sympy expression from a string (decimals read as rationals) or a sympy object.

    Strings go through the whitelisting parser of :mod:`exactfair.core.expressions` (numbers, the
    declared names, ``+ - * /``, integer powers, ``Min``/``Max``, ``Piecewise``, ``Eq``,
    relations and ``& | ~``); they are never evaluated as Python.

    >>> p, q = sympy.symbols("p q")
    >>> parse_exact("min(p, (40*q + 23)/70)", {"p": p, "q": q})
    Min(p, 4*q/7 + 23/70)
    >>> parse_exact("0.8 - p", {"p": p})
    4/5 - p
    """
    from ..core.expressions import FAIR_SETS, parse_expression

    if isinstance(text, float):
        raise InexactValueError(f"{what} is the float {text!r}; write it as a string such as \"0.8\"")
    if isinstance(text, sympy.Basic):
        expr = text
    else:
        expr = parse_expression(text if isinstance(text, (int, Fraction)) else str(text), symbols=dict(symbols),
                                vocabulary=FAIR_SETS, what=what)
    if expr.has(sympy.Float):
        raise InexactValueError(f"{what} {expr} contains a float")
    unknown = {s.name for s in expr.free_symbols} - set(symbols)
    if unknown:
        raise ExactfairError(f"{what} {text!r} uses undeclared symbol(s) {sorted(unknown)}; "
                             f"declared: {sorted(symbols)}")
    return expr


def _is_polynomial(expr: sympy.Basic, gens) -> bool:
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, (sympy.Min, sympy.Max, sympy.Piecewise)):
            continue
        if node.is_Pow and node.base.free_symbols & set(gens) and not (node.exp.is_Integer and node.exp >= 0):
            return False
        if isinstance(node, sympy.Function) and not isinstance(node, (sympy.Min, sympy.Max, sympy.Piecewise)):
            if node.free_symbols & set(gens):
                return False
    return True


def evaluate_at(expr: sympy.Basic, point: Mapping[sympy.Symbol, Fraction]):
    """Exact value (or truth) of an expression at a rational point.

    >>> p, q = sympy.symbols('p q')
    >>> evaluate_at(2*q - p, {p: Fraction(1, 3), q: Fraction(1)})
    5/3
    """
    subs = {s: sympy.Rational(v.numerator, v.denominator) for s, v in point.items()}
    value = expr.subs(subs)
    if isinstance(value, sympy.Piecewise):
        value = sympy.piecewise_fold(value).doit()
    return value


def point_in(condition: sympy.Basic, point: Mapping[sympy.Symbol, Fraction]) -> bool:
    """Exact truth of a Boolean condition at a rational point.

    >>> p, q = sympy.symbols('p q')
    >>> point_in(p <= q, {p: Fraction(1, 2), q: Fraction(1)})
    True
    """
    value = evaluate_at(condition, point)
    if value in (sympy.true, sympy.false):
        return bool(value)
    raise ExactfairError(f"could not decide {condition} at {point}")


def printable(label: str) -> str:
    """A player or action label as it may appear on one line of a message (control characters escaped).

    >>> printable("A"), printable("A\\nB")
    ('A', "'A\\\\nB'")
    """
    return label if label.isprintable() else repr(label)


def utility_symbols(n: int) -> list[sympy.Symbol]:
    """The symbols U1 … Un used in utility-space conditions.

    >>> utility_symbols(3)
    [U1, U2, U3]
    """
    return [sympy.Symbol(f"U{i + 1}") for i in range(n)]


@dataclass
class StrategicGame:
    """n players, each with coordinates of Δ_i, and exact utilities in those coordinates.

    >>> g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    >>> g.utilities
    [-p + 2*q, 2*p - q]
    >>> sorted(map(str, g.domain().free_symbols))
    ['p', 'q']
    """

    coordinates: list[list[sympy.Symbol]]
    utilities: list[sympy.Expr]
    names: list[str] = field(default_factory=list)
    #: action labels per player (k_i labels; the last action's probability is one minus the coordinates)
    actions: list[list[str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.coordinates) != len(self.utilities):
            raise ExactfairError(f"{len(self.coordinates)} players but {len(self.utilities)} utilities; "
                                 "give one utility per player")
        gens = self.symbols()
        names = [s.name for s in gens]
        bad = [x for x in names if not x.isidentifier()]
        if bad:
            raise ExactfairError(f"coordinate name {bad[0]!r} is not a name (letters, digits, _; not starting with a digit)")
        if len(set(names)) != len(names):
            twice = sorted({x for x in names if names.count(x) > 1})
            raise ExactfairError(f"coordinate name(s) {', '.join(twice)} given twice; each coordinate needs its own name")
        for i, u in enumerate(self.utilities):
            if not _is_polynomial(u, gens):
                raise ExactfairError(f"utility U{i + 1} = {u} is not polynomial in the strategy coordinates")
        if not self.names:
            self.names = [f"P{i + 1}" for i in range(len(self.utilities))]
        if not self.actions:
            self.actions = [[str(a + 1) for a in range(len(c) + 1)] for c in self.coordinates]

    def probabilities(self, player: int) -> list[sympy.Expr]:
        """The probabilities of the player's actions: the coordinates, then one minus their sum.

        >>> StrategicGame.two_by_two("p", "q", "q", "p").probabilities(0)
        [p, 1 - p]
        """
        coords = self.coordinates[player]
        return list(coords) + [1 - sympy.Add(*coords)]

    def others(self, player: int) -> list[sympy.Symbol]:
        """The coordinates of every other player (r_{-i}).

        >>> StrategicGame.two_by_two("p", "q", "q", "p").others(0)
        [q]
        """
        return [s for j, coords in enumerate(self.coordinates) if j != player for s in coords]

    def simplex(self, player: int) -> sympy.Basic:
        """Δ_i as constraints on the player's coordinates.

        >>> StrategicGame.two_by_two("p", "q", "q", "p").simplex(1)
        (q >= 0) & (q <= 1)
        """
        coords = self.coordinates[player]
        return sympy.And(*[c >= 0 for c in coords], sympy.Add(*coords) <= 1)

    @property
    def n(self) -> int:
        return len(self.utilities)

    def symbols(self) -> list[sympy.Symbol]:
        return [s for coords in self.coordinates for s in coords]

    def symbol_map(self) -> dict[str, sympy.Symbol]:
        return {s.name: s for s in self.symbols()}

    def domain(self) -> sympy.Basic:
        """R = Δ_1 × … × Δ_n as constraints on the coordinates."""
        parts = []
        for coords in self.coordinates:
            parts += [c >= 0 for c in coords]
            parts.append(sympy.Add(*coords) <= 1)
        return sympy.And(*parts)

    @classmethod
    def two_by_two(cls, x: str, y: str, u1: Any, u2: Any) -> "StrategicGame":
        """Two players with two actions each; coordinates ``x``, ``y``; utilities as expressions."""
        sx, sy = sympy.Symbol(x, real=True), sympy.Symbol(y, real=True)
        env = {x: sx, y: sy}
        return cls([[sx], [sy]], [parse_exact(u1, env, what="U1"), parse_exact(u2, env, what="U2")])

    @classmethod
    def from_payoffs(cls, strategies: Sequence[int], payoffs: Mapping[tuple, Sequence[Any]],
                     names: Sequence[str] | None = None, coordinate_names: Sequence[Sequence[str]] | None = None,
                     actions: Sequence[Sequence[str]] | None = None) -> "StrategicGame":
        """Expected utilities (multilinear) of an exact payoff table ``payoffs[profile][player]``.

        >>> pd = {(0, 0): (1, 1), (0, 1): (-1, 2), (1, 0): (2, -1), (1, 1): (0, 0)}
        >>> StrategicGame.from_payoffs([2, 2], pd, coordinate_names=[["p"], ["q"]]).utilities
        [-p + 2*q, 2*p - q]
        """
        n = len(strategies)
        coords = []
        for i, k in enumerate(strategies):
            labels = coordinate_names[i] if coordinate_names else [f"x{i + 1}_{a + 1}" for a in range(k - 1)]
            if len(labels) != k - 1:
                raise ExactfairError(f"player {i + 1} has {k} actions and needs {k - 1} coordinate names")
            coords.append([sympy.Symbol(c, real=True) for c in labels])
        probs = [coords[i] + [1 - sympy.Add(*coords[i])] for i in range(n)]
        utilities = []
        for player in range(n):
            total = sympy.Integer(0)
            for profile in itertools.product(*[range(k) for k in strategies]):
                if profile not in payoffs:
                    raise ExactfairError(f"missing payoff for the profile {profile}")
                values = payoffs[profile]
                if len(values) != n:
                    raise ExactfairError(f"profile {profile} has {len(values)} payoffs, expected {n}")
                value = values[player]
                if isinstance(value, float):
                    raise InexactValueError(f"payoff {value!r} is a float; write it exactly")
                weight = sympy.Integer(1)
                for i, a in enumerate(profile):
                    weight *= probs[i][a]
                total += weight * sympy.Rational(str(value))
            utilities.append(sympy.expand(total))
        return cls(coords, utilities, list(names or []), [list(a) for a in actions or []])

    @classmethod
    def from_nfg(cls, nfg, coordinate_names: Sequence[Sequence[str]] | None = None) -> "StrategicGame":
        """Game of a parsed ``.nfg`` file (:func:`exactfair.fairsets.nfg.read_nfg`)."""
        return cls.from_payoffs([len(s) for s in nfg.strategies], nfg.payoffs, list(nfg.players),
                                coordinate_names, [list(s) for s in nfg.strategies])


@dataclass
class FairSet:
    """A player's fair set F_i, with the way it was given.

    ``kind`` is ``"map"`` (``value`` is f_i: one expression for a two-action player, a list with one
    expression per coordinate, or ``(lo, hi)`` for an interval map), ``"action"`` (a Boolean in the
    coordinates) or ``"utility"`` (a Boolean in U1..Un).

    >>> g = StrategicGame.two_by_two('p', 'q', '2*q - p', '2*p - q')
    >>> FairSet.from_utility_condition(g, 0, 'U2 <= U1').condition()
    2*p - q <= -p + 2*q
    >>> FairSet.from_map(g, 0, 'Min(p, q)').condition()
    Eq(p, Min(p, q))
    """

    player: int
    kind: str
    value: Any
    game: StrategicGame

    @classmethod
    def from_map(cls, game: StrategicGame, player: int, fmap: Any) -> "FairSet":
        """F_i = {r : r_i = f_i(r)} for a map given as a list with one expression per coordinate of player i
        (any number of actions), as one expression (two actions), or as a tuple ``(lo, hi)`` for an
        interval-valued map of a two-action player (F_i = {r : lo(r) ≤ r_i ≤ hi(r)}).

        >>> g = StrategicGame.from_payoffs([3, 2], {(a, b): (a, b) for a in range(3) for b in range(2)},
        ...                                coordinate_names=[["x", "y"], ["q"]])
        >>> FairSet.from_map(g, 0, ["Min(x, q)", "0"]).condition()
        Eq(y, 0) & Eq(x, Min(q, x))
        """
        coords = game.coordinates[player]
        env = game.symbol_map()
        if isinstance(fmap, list):
            if len(fmap) != len(coords):
                raise ExactfairError(f"the map of player {player + 1} needs one expression per coordinate "
                                     f"({', '.join(c.name for c in coords)}), got {len(fmap)}")
            exprs = [parse_exact(x, env, what=f"f{player + 1} for {c.name}") for x, c in zip(fmap, coords)]
            return cls(player, "map", exprs[0] if len(exprs) == 1 else exprs, game)
        if len(coords) != 1:
            raise ExactfairError(f"player {player + 1} has {len(coords) + 1} actions; give the map as a list of "
                                 f"{len(coords)} expressions, one for each of {', '.join(c.name for c in coords)}")
        if isinstance(fmap, tuple):
            if len(fmap) != 2:
                raise ExactfairError("an interval-valued map is a pair (lo, hi)")
            value = tuple(parse_exact(x, env, what=f"f{player + 1} bound") for x in fmap)
        else:
            value = parse_exact(fmap, env, what=f"f{player + 1}")
        return cls(player, "map", value, game)

    @classmethod
    def from_action_set(cls, game: StrategicGame, player: int, condition: Any) -> "FairSet":
        return cls(player, "action", parse_exact(condition, game.symbol_map(), what=f"F{player + 1}"), game)

    @classmethod
    def from_utility_condition(cls, game: StrategicGame, player: int, condition: Any) -> "FairSet":
        env = {s.name: s for s in utility_symbols(game.n)}
        return cls(player, "utility", parse_exact(condition, env, what=f"utility condition of P{player + 1}"), game)

    def condition(self) -> sympy.Basic:
        """F_i as a Boolean in the strategy coordinates (the fixed points, for a map)."""
        if self.kind == "action":
            return self.value
        if self.kind == "utility":
            subs = dict(zip(utility_symbols(self.game.n), self.game.utilities))
            return self.value.subs(subs)
        if isinstance(self.value, list):
            return sympy.And(*[sympy.Eq(c, e) for c, e in zip(self.game.coordinates[self.player], self.value)])
        x = self.game.coordinates[self.player][0]
        if isinstance(self.value, tuple):
            lo, hi = self.value
            return sympy.And(lo <= x, x <= hi)
        return sympy.Eq(x, self.value)

    def describe(self) -> str:
        if self.kind == "map":
            if isinstance(self.value, tuple):
                return f"f{self.player + 1}(r) = [{self.value[0]}, {self.value[1]}]"
            if isinstance(self.value, list):
                return f"f{self.player + 1}(r) = ({', '.join(map(str, self.value))})"
            return f"f{self.player + 1}(r) = {self.value}"
        if self.kind == "utility":
            return f"utility condition {self.value}"
        return f"{self.value}"
