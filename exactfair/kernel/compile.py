"""The z3 back-end: the same axiom formulas, compiled over symbolic games and tables.

:func:`compile_formula` turns a formula of :mod:`exactfair.axioms.logic` into a z3
expression, given a ``lookup`` that maps each atom (``v_C``, ``M_i^C``) to a z3
term.  :class:`SymbolicGame` and :class:`SymbolicTable` provide such terms: one z3
``Real`` per coalition value (``v(∅)`` is the constant 0) and per reward.

Because the axioms are only defined once (:mod:`exactfair.axioms`), the z3
encoding and the exact checker cannot drift apart; ``tests/test_z3backend.py``
cross-checks them on random games.

>>> import z3
>>> from exactfair.axioms import F5
>>> g = SymbolicGame(2); t = SymbolicTable(2, "M")
>>> s = z3.Solver(); s.add(compile_formula(F5.formula(2), lookup(g, t)))
>>> s.check()
sat
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable, Sequence

import z3

from ..core.game import Game, Label
from ..axioms.logic import And, Compare, Formula, Implies, Linear, Not, Or, Value, _Const
from ..core.table import RewardTable

__all__ = [
    "compile_formula", "compile_linear", "SymbolicGame", "SymbolicTable", "lookup", "lookup_pair",
    "to_fraction", "decode_game", "decode_table", "concrete_lookup", "free_constants",
]


def compile_linear(term: Linear, lookup_atom: Callable) -> z3.ArithRef:
    """z3 term for ``const + Σ coef·atom``.

    >>> from exactfair.axioms.logic import value
    >>> compile_linear(value(3) - value(1), lookup(SymbolicGame(2)))
    v_3 + -v_1
    """
    parts = [z3.RealVal(str(term.const))] if term.const else []
    for atom, coef in term.terms:
        x = lookup_atom(atom)
        if coef == 1:
            parts.append(x)
        elif coef == -1:
            parts.append(-x)
        else:
            parts.append((coef if isinstance(coef, int) else z3.RealVal(str(coef))) * x)
    if not parts:
        return z3.RealVal(0)
    return parts[0] if len(parts) == 1 else z3.Sum(parts)


_Z3_OPS = {
    "==": lambda a, b: a == b,
    "<=": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
}


def compile_formula(formula: Formula, lookup_atom: Callable) -> z3.BoolRef:
    """Compile a formula to z3 with ``lookup_atom(atom) -> z3 term``.

    >>> from exactfair.axioms.logic import le, reward, value
    >>> g, t = SymbolicGame(2), SymbolicTable(2)
    >>> compile_formula(le(reward(0, 3), value(3)), lookup(g, t))
    M_0_3 <= v_3
    """
    if isinstance(formula, Compare):
        return _Z3_OPS[formula.op](compile_linear(formula.left, lookup_atom),
                                   compile_linear(formula.right, lookup_atom))
    if isinstance(formula, And):
        return z3.And([compile_formula(p, lookup_atom) for p in formula.parts])
    if isinstance(formula, Or):
        return z3.Or([compile_formula(p, lookup_atom) for p in formula.parts])
    if isinstance(formula, Implies):
        return z3.Implies(compile_formula(formula.hypothesis, lookup_atom),
                          compile_formula(formula.conclusion, lookup_atom))
    if isinstance(formula, Not):
        return z3.Not(compile_formula(formula.body, lookup_atom))
    if isinstance(formula, _Const):
        return z3.BoolVal(formula.truth)
    raise TypeError(f"not a formula: {formula!r}")


@dataclass
class SymbolicGame:
    """z3 variables ``v_C`` for an n-player game (``v(∅) = 0``).

    ``integer=True`` declares the values as z3 Ints (used when shrinking witnesses
    to small integers).

    >>> g = SymbolicGame(2)
    >>> g[0], g[3], SymbolicGame(2, integer=True)[1]
    (0, v_3, ToReal(v_1))
    """

    n: int
    name: str = "v"
    integer: bool = False
    values: list = field(init=False)

    def __post_init__(self) -> None:
        make = z3.Int if self.integer else z3.Real
        self.values = [z3.RealVal(0)] + [make(f"{self.name}_{c}") for c in range(1, 1 << self.n)]

    def __getitem__(self, mask: int):
        x = self.values[mask]
        return z3.ToReal(x) if z3.is_int(x) else x

    def nonnegative(self) -> z3.BoolRef:
        return z3.And([x >= 0 for x in self.values[1:]]) if self.n else z3.BoolVal(True)


@dataclass
class SymbolicTable:
    """z3 Reals ``M_i^C`` for an n-player reward table.

    >>> SymbolicTable(2)[1, 3]
    M_1_3
    """

    n: int
    name: str = "M"
    rewards: list = field(init=False)

    def __post_init__(self) -> None:
        self.rewards = [[z3.Real(f"{self.name}_{i}_{c}") for i in range(self.n)] for c in range(1 << self.n)]

    def __getitem__(self, key: tuple[int, int]):
        player, mask = key
        return self.rewards[mask][player]


def lookup(game: SymbolicGame, table: SymbolicTable | None = None) -> Callable:
    """Atom lookup for single-game formulas (atoms with ``game=0``).

    >>> from exactfair.axioms.logic import Value
    >>> lookup(SymbolicGame(2))(Value(3))
    v_3
    """
    def look(atom):
        if isinstance(atom, Value):
            return game[atom.coalition]
        if table is None:
            raise ValueError("this formula mentions rewards but no table was given")
        return table[atom.player, atom.coalition]
    return look


def lookup_pair(games: Sequence[SymbolicGame], tables: Sequence[SymbolicTable]) -> Callable:
    """Atom lookup for two-game formulas (F4): ``game=g`` selects ``games[g]``/``tables[g]``.

    >>> from exactfair.axioms.logic import Reward
    >>> lookup_pair([SymbolicGame(1), SymbolicGame(1, 'w')], [SymbolicTable(1), SymbolicTable(1, 'N')])(Reward(0, 1, game=1))
    N_0_1
    """
    def look(atom):
        if isinstance(atom, Value):
            return games[atom.game][atom.coalition]
        return tables[atom.game][atom.player, atom.coalition]
    return look


def concrete_lookup(games: Sequence[Game], tables: Sequence[RewardTable] = ()) -> Callable:
    """Atom lookup returning z3 numerals for concrete exact games/tables (for cross-checks).

    >>> from exactfair import Game
    >>> from exactfair.axioms.logic import Value
    >>> concrete_lookup([Game.from_bitmask_values([0, 2])])(Value(1))
    2
    """
    def look(atom):
        if isinstance(atom, Value):
            return z3.RealVal(str(games[atom.game].values[atom.coalition]))
        x = tables[atom.game].rewards[atom.coalition][atom.player]
        if not isinstance(x, Fraction):
            raise ValueError("z3 cross-checks need rational rewards")
        return z3.RealVal(str(x))
    return look


def to_fraction(value: z3.ExprRef) -> Fraction:
    """Exact rational of a z3 numeral (raises for algebraic irrationals).

    >>> to_fraction(z3.RealVal("3/4"))
    Fraction(3, 4)
    """
    if z3.is_int_value(value):
        return Fraction(value.as_long())
    if z3.is_rational_value(value):
        return Fraction(value.numerator_as_long(), value.denominator_as_long())
    if z3.is_algebraic_value(value):
        raise ValueError(f"z3 returned the irrational algebraic number {value}; no exact rational witness")
    raise ValueError(f"not a z3 numeral: {value}")


def decode_game(model: z3.ModelRef, game: SymbolicGame, players: Sequence[Label] | None = None) -> Game:
    """The exact :class:`~exactfair.core.game.Game` of a model.

    >>> g = SymbolicGame(1)
    >>> s = z3.Solver()
    >>> s.add(g[1] == z3.RealVal('1/2'))
    >>> _ = s.check()
    >>> decode_game(s.model(), g).values
    (Fraction(0, 1), Fraction(1, 2))
    """
    values = [Fraction(0)] + [to_fraction(model.eval(x, model_completion=True)) for x in game.values[1:]]
    return Game.from_bitmask_values(values, players=players)


def decode_table(model: z3.ModelRef, table: SymbolicTable, game: Game, mechanism: str) -> RewardTable:
    """The exact :class:`~exactfair.core.table.RewardTable` of a model.

    >>> from exactfair import Game
    >>> g, t = SymbolicGame(1), SymbolicTable(1)
    >>> s = z3.Solver()
    >>> s.add(g[1] == 2, t[0, 0] == 2, t[0, 1] == 2)
    >>> _ = s.check()
    >>> decode_table(s.model(), t, Game.from_bitmask_values([0, 2]), 'M').rewards
    ((Fraction(2, 1),), (Fraction(2, 1),))
    """
    rows = [[to_fraction(model.eval(x, model_completion=True)) for x in row] for row in table.rewards]
    return RewardTable.from_rows(game, mechanism, rows)



def free_constants(expr) -> list:
    """The uninterpreted constants (variables) of a z3 expression, each once.

    >>> x, y = z3.Reals("x y")
    >>> sorted(str(v) for v in free_constants(x + y > x))
    ['x', 'y']
    """
    out, stack, seen = [], [expr], set()
    while stack:
        e = stack.pop()
        if e.get_id() in seen:
            continue
        seen.add(e.get_id())
        if z3.is_const(e) and e.decl().kind() == z3.Z3_OP_UNINTERPRETED:
            out.append(e)
        stack.extend(e.children())
    return out
