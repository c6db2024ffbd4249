"""The exact Banzhaf value of each coalition's subgame, and equal split — both on integer arrays.

**Banzhaf.**  For a member i of C, β_i(C) = 2^{1−|C|} · Σ_{S ⊆ C∖i} (v(S ∪ i) − v(S)).  With the
subset sums Z(C) = Σ_{S ⊆ C} v(S) (one pass per player, O(n·2ⁿ) additions of integers) the sum of
marginals is Z(C) − Z(C∖i) − Z(C∖i) (the subsets of C holding i, minus those that do not), so

    β_i(C) = (Z(C) − 2·Z(C∖i)) / 2^{|C|−1},

and the whole table is integers over the denominator 2^{n−1}·D (D the game's denominator), each
entry scaled by 2^{n−|C|}.  Bound: |Z| ≤ 2ⁿ·max|D·v| and every entry ≤ 2^{n+1}·max|D·v|; past
2⁶² the arrays are Python integers (exact, slower).  Players outside C get v_i (the paper's R5
convention, as for the other mechanisms).

**Equal split.**  Each member of C gets v(C)/|C| (over the denominator lcm(1..n)·D); outsiders v_i.

>>> from exactfair import Game
>>> g = Game.from_bitmask_values([0, 1, 2, 4])
>>> [str(x) for x in banzhaf(g).grand_coalition().values()], [str(x) for x in equal_split(g).grand_coalition().values()]
(['3/2', '5/2'], ['2', '2'])
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from ..core.coalitions import members, subsets
from ..core.fast import _popcount
from ..core.game import Game
from ..core.memory import require_memory
from ..core.scaled import ScaledValues, max_abs, widen
from ..core.table import RewardTable, ensure_table_fits

__all__ = ["banzhaf", "banzhaf_array", "subset_sums", "equal_split", "equal_split_array"]


def subset_sums(v: np.ndarray, n: int) -> np.ndarray:
    """Z(C) = Σ_{S ⊆ C} v(S) for every C (a new array; the zeta transform, one pass per player).

    ``v`` must be wide enough for sums of 2ⁿ values (see :func:`banzhaf_array`).

    >>> subset_sums(np.array([0, 1, 2, 4]), 2).tolist()
    [0, 1, 2, 7]
    """
    z = v.copy()
    for i in range(n):
        pairs = z.reshape(-1, 2, 1 << i)
        pairs[:, 1, :] += pairs[:, 0, :]
    return z


def _scale_rows(masks: np.ndarray, n: int, dtype) -> np.ndarray:
    """2^{n−|C|} for every mask (as the array's integer type)."""
    shift = n - _popcount(masks)
    if dtype == object:
        return np.array([1 << int(s) for s in shift], dtype=object)
    return np.left_shift(np.int64(1), shift)


def banzhaf_array(values: ScaledValues, n: int) -> ScaledValues:
    """The per-subgame Banzhaf table as a (2ⁿ, n) integer array over a common denominator (module docstring).

    >>> arr, d = banzhaf_array(ScaledValues(np.array([0, 1, 2, 4]), 1), 2)
    >>> arr.tolist(), d
    ([[2, 4], [2, 4], [2, 4], [3, 5]], 2)
    """
    v, den = values
    v = widen(v, max_abs(v) << (n + 2))
    require_memory((1 << n) * n * (8 if v.dtype != object else 48) * 3, f"the Banzhaf table for {n} players")
    z = subset_sums(v, n)
    masks = np.arange(1 << n, dtype=np.int64)
    scale = _scale_rows(masks, n, v.dtype)
    out = np.empty((1 << n, n), dtype=v.dtype)
    for i in range(n):
        bit = 1 << i
        out[:, i] = int(v[bit]) << (n - 1)
        inside = masks[(masks & bit) != 0]
        out[inside, i] = (z[inside] - 2 * z[inside ^ bit]) * scale[inside]
    return ScaledValues(out, den << (n - 1) if n else den)


def _reference_rows(game: Game, per_member) -> tuple:
    n = game.n
    v = game.values
    rows = []
    for c in range(1 << n):
        row = [v[1 << i] for i in range(n)]
        for i in members(c):
            row[i] = per_member(v, c, i)
        rows.append(tuple(row))
    return tuple(rows)


def _banzhaf_reference(v, c: int, i: int) -> Fraction:
    rest = c & ~(1 << i)
    total = sum((v[s | 1 << i] - v[s] for s in subsets(rest)), Fraction(0))
    return total / (1 << bin(rest).count("1"))


def banzhaf(game: Game, *, method: str = "auto") -> RewardTable:
    """Table whose column C holds the Banzhaf value of the subgame on C (outsiders get v_i).

    The Banzhaf value is an index, not a division of v(C): its column need not sum to v(C).
    ``method``: ``"fast"`` (subset sums in integers, O(n·2ⁿ)), ``"reference"`` (the definition summed
    with Fractions, O(n·3ⁿ), the readable oracle) or ``"auto"`` (fast).

    >>> from exactfair import examples
    >>> t = banzhaf(examples.example1())
    >>> [str(x) for x in t.grand_coalition().values()]
    ['13/8', '15/8', '17/8', '37/8']
    >>> t == banzhaf(examples.example1(), method="reference")
    True
    """
    return _table(game, "banzhaf", method, banzhaf_array, _banzhaf_reference)


def equal_split_array(values: ScaledValues, n: int) -> ScaledValues:
    """Equal split as a (2ⁿ, n) integer array over ``lcm(1..n)·D``.

    >>> arr, d = equal_split_array(ScaledValues(np.array([0, 1, 2, 4]), 1), 2)
    >>> arr.tolist(), d
    ([[2, 4], [2, 4], [2, 4], [4, 4]], 2)
    """
    v, den = values
    lcm = math.lcm(*range(1, n + 1)) if n else 1
    v = widen(v, max_abs(v) * lcm)
    masks = np.arange(1 << n, dtype=np.int64)
    sizes = _popcount(masks)
    share = np.array([lcm // max(int(s), 1) for s in sizes], dtype=v.dtype if v.dtype == object else np.int64)
    out = np.empty((1 << n, n), dtype=v.dtype)
    for i in range(n):
        bit = 1 << i
        inside = (masks & bit) != 0
        out[:, i] = v[bit] * lcm
        out[inside, i] = v[inside] * share[inside]
    return ScaledValues(out, den * lcm)


def _equal_reference(v, c: int, i: int) -> Fraction:
    return v[c] / bin(c).count("1")


def equal_split(game: Game, *, method: str = "auto") -> RewardTable:
    """Table whose column C gives each member v(C)/|C| (outsiders get v_i).

    >>> from exactfair import examples
    >>> t = equal_split(examples.example1())
    >>> [str(x) for x in t.grand_coalition().values()], t == equal_split(examples.example1(), method="reference")
    (['9/4', '9/4', '9/4', '9/4'], True)
    """
    return _table(game, "equal-split", method, equal_split_array, _equal_reference)


def _table(game: Game, name: str, method: str, kernel, per_member) -> RewardTable:
    """The table by the integer ``kernel`` (fast) or by ``per_member`` with Fractions (reference)."""
    if method not in ("auto", "fast", "reference"):
        raise ValueError(f"method must be 'auto', 'fast' or 'reference', got {method!r}")
    if method == "reference":
        ensure_table_fits(game.n)
        return RewardTable(game, name, _reference_rows(game, per_member), (), False)
    arr, d = kernel(game.scaled(), game.n)
    return RewardTable.from_array(game, name, arr, d)
