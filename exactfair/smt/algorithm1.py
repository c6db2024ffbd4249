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

from ..core.coalitions import members
from ..core.game import Game
from ..axioms.relations import algorithm1_formulas, algorithm1_step
from ..core.table import RewardTable
from ..kernel.compile import SymbolicGame, SymbolicTable, compile_formula, lookup

__all__ = ["algorithm1_relation", "algorithm1_step", "algorithm1_formulas", "is_algorithm1_run", "algorithm1_rows"]


def algorithm1_relation(game: SymbolicGame, table: SymbolicTable, choose: str = "any") -> list[z3.BoolRef]:
    """Constraints saying ``table`` is a run of Algorithm 1 on ``game`` (:func:`algorithm1_formulas` compiled).

    ``choose="any"``: any j and any maximising k (what Theorem 2 and Corollary 3 quantify
    over); ``"lowest"``: j is the lowest member, k any maximiser.

    >>> from exactfair.kernel.compile import SymbolicGame, SymbolicTable
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
