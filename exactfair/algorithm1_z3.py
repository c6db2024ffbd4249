"""Algorithm 1 as a z3 relation, and its exact counterpart.

:func:`algorithm1_relation` constrains a symbolic table to be *a run* of
Algorithm 1 on a symbolic game: for every coalition C with |C| ≥ 2 some reference
player j ∈ C (line 12, any member) and some k attaining the maximum of the
provisional rewards m (line 17, any maximiser) produce row C (lines 10, 18, 20,
with line 19 read as ``i ≠ k``, erratum E1).  With ``choose="lowest"`` j is fixed to
the lowest member (the default of :func:`exactfair.balanced_reciprocity`).

:func:`is_algorithm1_run` decides exactly whether a concrete table is such a run —
used to re-verify every witness the solver returns.
"""

from __future__ import annotations

from typing import Iterator

import z3

from .coalitions import members
from .game import Game
from .logic import Formula, Value, conj, disj, eq, ge, reward, value
from .table import RewardTable
from .z3backend import SymbolicGame, SymbolicTable, compile_formula, lookup

__all__ = ["algorithm1_relation", "algorithm1_step", "algorithm1_formulas", "is_algorithm1_run", "algorithm1_rows"]


def algorithm1_step(c: int, n: int, choose: str = "any", game: int = 0) -> Formula:
    """Algorithm 1 at coalition C as one formula of :mod:`exactfair.logic` (lines 9–20, line 19 as ``i ≠ k``).

    Outsiders (everyone, when |C| ≤ 1) get v_i (lines 2, 4, 10); for |C| ≥ 2 some reference j (any
    member, or the lowest with ``choose="lowest"``) and some k maximising the provisional m give the
    row (lines 12–20).  It mentions only values and the rewards at C and at the C∖{x}: the one
    definition that the bounded encodings and the inductive-step lemmas both compile.

    >>> from exactfair.logic import evaluate
    >>> from exactfair import examples, balanced_reciprocity
    >>> g = examples.theorem5_game(); t = balanced_reciprocity(g)
    >>> look = lambda a: g.value(a.coalition) if isinstance(a, Value) else t.reward(a.player, a.coalition)
    >>> evaluate(algorithm1_step(0b111, 3), look)
    True
    """
    ms = members(c)
    v = lambda m: value(m, game)  # noqa: E731
    M = lambda i, m: reward(i, m, game)  # noqa: E731
    outsiders = [eq(M(i, c), v(1 << i)) for i in range(n) if len(ms) <= 1 or i not in ms]
    if len(ms) <= 1:
        return conj(outsiders)
    js = ms if choose == "any" else ms[:1]
    options = []
    for j in js:
        m = {i: (v(c) if i == j else v(c) - M(j, c & ~(1 << i)) + M(i, c & ~(1 << j))) for i in ms}
        for k in ms:
            row = [eq(M(k, c), v(c))]
            row += [eq(M(i, c), v(c) - M(k, c & ~(1 << i)) + M(i, c & ~(1 << k))) for i in ms if i != k]
            argmax = [ge(m[k], m[i]) for i in ms if i != k]
            options.append(conj(argmax + row))
    return conj(outsiders + [disj(options)])


def algorithm1_formulas(n: int, choose: str = "any", game: int = 0) -> list[Formula]:
    """:func:`algorithm1_step` for every coalition: a table satisfies them iff it is a run.

    >>> len(algorithm1_formulas(3))
    8
    """
    return [algorithm1_step(c, n, choose, game) for c in range(1 << n)]


def algorithm1_relation(game: SymbolicGame, table: SymbolicTable, choose: str = "any") -> list[z3.BoolRef]:
    """Constraints saying ``table`` is a run of Algorithm 1 on ``game`` (:func:`algorithm1_formulas` compiled).

    ``choose="any"``: any j and any maximising k (what Theorem 2 and Corollary 3 quantify
    over); ``"lowest"``: j is the lowest member, k any maximiser.

    >>> from exactfair.z3backend import SymbolicGame, SymbolicTable
    >>> g, t = SymbolicGame(2), SymbolicTable(2)
    >>> s = z3.Solver()
    >>> s.add(algorithm1_relation(g, t) + [g[1] == 1, g[2] == 2, g[3] == 3])
    >>> s.check(), s.model().eval(t[0, 3])
    (sat, 2)
    """
    look = lookup(game, table)
    return [compile_formula(f, look) for f in algorithm1_formulas(game.n, choose)]


def algorithm1_rows(game: Game, lower: RewardTable | list, c: int) -> Iterator[tuple]:
    """Every row M^C that some (j, k) choice of Algorithm 1 yields from the lower rows.

    >>> from exactfair import examples, balanced_reciprocity
    >>> g = examples.theorem5_game()
    >>> sorted(set(algorithm1_rows(g, balanced_reciprocity(g), 0b111)))
    [(Fraction(3, 1), Fraction(5, 1), Fraction(6, 1))]
    """
    v = game.values
    rows = lower.rewards if isinstance(lower, RewardTable) else lower
    ms = members(c)
    n = game.n
    for j in ms:
        m = {i: (v[c] if i == j else v[c] - rows[c & ~(1 << i)][j] + rows[c & ~(1 << j)][i]) for i in ms}
        best = max(m.values())
        for k in ms:
            if m[k] != best:
                continue
            row = [v[1 << i] for i in range(n)]
            row[k] = v[c]
            for i in ms:
                if i != k:
                    row[i] = v[c] - rows[c & ~(1 << i)][k] + rows[c & ~(1 << k)][i]
            yield tuple(row)


def is_algorithm1_run(game: Game, table: RewardTable) -> bool:
    """Exactly: is ``table`` a run of Algorithm 1 on ``game`` (for some choices of j and k)?

    >>> from exactfair import examples, balanced_reciprocity
    >>> g = examples.example1()
    >>> is_algorithm1_run(g, balanced_reciprocity(g))
    True
    """
    n = game.n
    v = game.values
    for c in range(1 << n):
        ms = members(c)
        row = table.rewards[c]
        if len(ms) <= 1:
            if any(row[i] != v[1 << i] for i in range(n)):
                return False
            continue
        if tuple(row) not in set(algorithm1_rows(game, table, c)):
            return False
    return True
