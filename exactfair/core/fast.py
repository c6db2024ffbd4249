"""Fast exact Algorithm 1 (and grand-coalition Shapley) on integers, layer by layer.

Values are scaled to a common denominator D (the lcm of their denominators), so the
game becomes integer-valued; Algorithm 1 only adds, subtracts and compares, so its
rewards are the scaled rewards divided by D — exactly.  Each layer of coalitions of
equal size is one vectorised numpy step (reference player j = lowest member, k = the
first maximiser, as in :func:`exactfair.balanced_reciprocity`).

**Overflow bound** (checked before running).  Let V = max |D·v_C|.  Rows of size ≤ 1 are
stand-alone values (|·| ≤ V).  A row of size s is ``v_C − M_k^{C∖i} + M_i^{C∖k}`` and the
provisional m's have the same shape, so with B_1 = V, B_s ≤ V + 2·B_{s−1} ≤ (2^s − 1)·V;
every intermediate value is bounded by 2^{n+1}·V.  For monotone games Theorem 2's R1/R2/R4
(proved for all n, ``proofs/SOUNDNESS.md``) give 0 ≤ M ≤ V, so intermediates are within
3·V.  When the bound exceeds 2^62 the computation runs on Python integers (numpy object
arrays) instead — slower, never wrong.

**Streaming** keeps only two adjacent layers (rows indexed by position, looked up with
``searchsorted``) and returns the rows of chosen coalitions — the grand coalition of 24
players fits in a few GiB.  Memory is estimated and checked before allocating.
"""

from __future__ import annotations

import math
from functools import lru_cache
from fractions import Fraction
from typing import Callable, Iterable

import numpy as np

from .errors import GameDefinitionError
from .memory import require_memory
from .scaled import ScaledValues, integer_array, max_abs, scale_exact, widen

__all__ = [
    "ScaledValues", "scale_values", "overflow_bound", "balanced_reciprocity_array",
    "balanced_reciprocity_stream", "stream_memory_estimate", "full_memory_estimate", "shapley_value_fast",
    "shapley_array", "random_monotone_values", "is_monotone_array", "first_monotonicity_violation",
    "upward_closure", "downward_closure",
]

Progress = Callable[[int, int], None]


def scale_values(values) -> ScaledValues:
    """Exact values (Fractions, ints, or any integer numpy array) on their common denominator.

    Integer arrays of any width or signedness are taken as they are, never wrapped.

    >>> scale_values([Fraction(0), Fraction(1, 2), Fraction(1, 3), Fraction(1)])
    ScaledValues(values=array([0, 3, 2, 6]), denominator=6)
    >>> scale_values(np.array([0, 2 ** 64 - 1], dtype=np.uint64)).values.dtype
    dtype('O')
    """
    if isinstance(values, ScaledValues):
        return values
    if isinstance(values, np.ndarray):
        return ScaledValues(integer_array(values), 1)
    return scale_exact(values)


def overflow_bound(max_abs: int, n: int, monotone: bool) -> int:
    """Bound on |every intermediate value| of Algorithm 1 (see module docstring).

    >>> overflow_bound(10, 4, monotone=True), overflow_bound(10, 4, monotone=False)
    (30, 320)
    """
    return 3 * max_abs if monotone else (1 << (n + 1)) * max_abs


def first_monotonicity_violation(num: np.ndarray, n: int) -> tuple[int, int] | None:
    """The first ``(C∖{i}, C)`` with ``v(C∖{i}) > v(C)`` (by C, then i), or None; vectorised.

    >>> first_monotonicity_violation(np.array([0, 2, 1, 1]), 2)
    (1, 3)
    """
    best: tuple[int, int] | None = None
    for i in range(n):
        pairs = num.reshape(-1, 2, 1 << i)           # [a, 0, c] = mask without i, [a, 1, c] = with i
        bad = np.flatnonzero(pairs[:, 0, :] > pairs[:, 1, :])
        if bad.size:
            a, c = divmod(int(bad[0]), 1 << i)
            mask = (a << (i + 1)) | (1 << i) | c
            if best is None or mask < best[1]:
                best = (mask & ~(1 << i), mask)
    return best


def is_monotone_array(v: np.ndarray, n: int) -> bool:
    """v(C∖{i}) ≤ v(C) for every C and i, one vectorised comparison per player.

    >>> is_monotone_array(np.array([0, 1, 2, 2]), 2), is_monotone_array(np.array([0, 2, 1, 1]), 2)
    (True, False)
    """
    return first_monotonicity_violation(v, n) is None


def _popcount(masks: np.ndarray) -> np.ndarray:
    x = masks.astype(np.uint64)
    count = np.zeros(x.shape, dtype=np.int64)
    while np.any(x):
        count += (x & np.uint64(1)).astype(np.int64)
        x = x >> np.uint64(1)
    return count


def _layers(n: int) -> list[np.ndarray]:
    masks = np.arange(1 << n, dtype=np.int64)
    sizes = _popcount(masks)
    order = np.argsort(sizes, kind="stable")
    bounds = np.searchsorted(sizes[order], np.arange(n + 2))
    return [order[bounds[s]:bounds[s + 1]] for s in range(n + 1)]


def _members(layer: np.ndarray, n: int, s: int) -> np.ndarray:
    bits = ((layer[:, None] >> np.arange(n)) & 1).astype(bool)
    return np.nonzero(bits)[1].reshape(len(layer), s)


@lru_cache(maxsize=8)
def _plan_cached(n: int) -> tuple:
    return tuple((layer, _members(layer, n, s) if s >= 2 else None) for s, layer in enumerate(_layers(n)))


def _plan(n: int):
    """(layer masks, member indices) per coalition size; cached for n ≤ 16 (they depend only on n)."""
    if n <= 16:
        return _plan_cached(n)
    return ((layer, _members(layer, n, s) if s >= 2 else None) for s, layer in enumerate(_layers(n)))


def _step(v_c: np.ndarray, layer: np.ndarray, members: np.ndarray, lower: Callable, singles: np.ndarray
          ) -> np.ndarray:
    """Rows (len(layer), n) of one layer; ``lower(masks, players)`` reads rewards one layer down.

    Vectorised over coalitions *and* members: for the member i = j (resp. i = k) the formula
    of line 15 (resp. 20) is the identity v_C, so no column needs special treatment.
    """
    count = members.shape[0]
    lay = layer[:, None]
    without = lay ^ (1 << members)                     # C ∖ {i} for every member i
    j = members[:, :1]
    m = v_c[:, None] - lower(without, j) + lower(lay ^ (1 << j), members)
    k = members[np.arange(count), np.argmax(m, axis=1)][:, None]   # first maximiser = lowest index
    out = np.broadcast_to(singles, (count, singles.shape[0])).copy()
    np.put_along_axis(out, members, v_c[:, None] - lower(without, k) + lower(lay ^ (1 << k), members), axis=1)
    return out


def _step_inplace(flat: np.ndarray, n: int, v_c: np.ndarray, layer: np.ndarray, members: np.ndarray) -> None:
    """One layer of Algorithm 1 written straight into the flat (2^n·n) table (outsiders pre-filled)."""
    count = members.shape[0]
    lay = layer[:, None]
    without_n = (lay ^ (1 << members)) * n
    j = members[:, :1]
    m = v_c[:, None] - flat.take(without_n + j) + flat.take((lay ^ (1 << j)) * n + members)
    k = members[np.arange(count), np.argmax(m, axis=1)][:, None]
    flat[lay * n + members] = v_c[:, None] - flat.take(without_n + k) + flat.take((lay ^ (1 << k)) * n + members)


def _prepare(values, n: int | None, monotone: bool | None):
    scaled = scale_values(values)
    v = scaled.values
    n = v.shape[0].bit_length() - 1 if n is None else n
    if v.shape[0] != 1 << n:
        raise GameDefinitionError(f"{v.shape[0]} values is not 2**{n}")
    if v[0] != 0:
        raise GameDefinitionError("v(∅) must be 0")
    if monotone is None:
        monotone = is_monotone_array(v, n)
    return widen(v, overflow_bound(max_abs(v), n, monotone)), n, scaled.denominator


def full_memory_estimate(n: int) -> int:
    """Bytes of the full int64 table (2^n × n) plus working arrays of the largest layer.

    >>> full_memory_estimate(20) > 20 * 2 ** 20 * 8
    True
    """
    largest = math.comb(n, n // 2)
    return (1 << n) * n * 8 + largest * (n + 4 * (n // 2 + 1)) * 8 + (1 << n) * 24


def balanced_reciprocity_array(values, n: int | None = None, *, progress: Progress | None = None,
                               monotone: bool | None = None) -> ScaledValues:
    """Full Algorithm 1 table as a (2^n, n) array (int64, or object on overflow) on a common denominator.

    ``values``: 2^n exact values in bitmask order (or any integer numpy array, or ScaledValues).
    ``monotone``: whether the game is monotone, if already known (it decides the overflow bound).

    >>> from exactfair import examples
    >>> arr, d = balanced_reciprocity_array(examples.example1().values)
    >>> arr[-1].tolist(), d
    ([5, 5, 8, 9], 1)
    """
    v, n, denominator = _prepare(values, n, monotone)
    require_memory(full_memory_estimate(n) if v.dtype != object else (1 << n) * n * 48,
                   f"the full table for {n} players", hint="use balanced_reciprocity_stream (--grand-only)")
    singles = np.array([v[1 << i] for i in range(n)], dtype=v.dtype)
    table = np.empty((1 << n, n), dtype=v.dtype)
    table[:] = singles
    flat = table.reshape(-1)
    for s, (layer, members) in enumerate(_plan(n)):
        if s >= 2:
            _step_inplace(flat, n, v[layer], layer, members)
        if progress:
            progress(s, n)
    return ScaledValues(table, denominator)


def stream_memory_estimate(n: int) -> int:
    """Peak bytes of the streaming mode: values, two layers of rows, masks and temporaries.

    >>> stream_memory_estimate(24) < 8 * 2 ** 30
    True
    """
    largest = math.comb(n, n // 2)
    return (1 << n) * 8 * 2 + largest * n * 8 * 4 + largest * (n // 2 + 1) * 8 * 6


def balanced_reciprocity_stream(values, n: int | None = None, coalitions: Iterable[int] | None = None, *,
                                progress: Progress | None = None, available: int | None = None,
                                monotone: bool | None = None) -> tuple[dict[int, list[Fraction]], int]:
    """Rows of chosen coalitions (bitmasks; default: the grand coalition), keeping two layers only.

    Returns ``({mask: [reward of each player as Fraction]}, peak layer bytes)``.

    >>> from exactfair import examples
    >>> rows, _ = balanced_reciprocity_stream(examples.example1().values)
    >>> [str(x) for x in rows[15]]
    ['5', '5', '8', '9']
    """
    scaled = scale_values(values)
    n = scaled.values.shape[0].bit_length() - 1 if n is None else n
    require_memory(stream_memory_estimate(n), f"streaming {n} players", available=available)
    v, n, denominator = _prepare(scaled, n, monotone)
    wanted = {(1 << n) - 1} if coalitions is None else set(coalitions)
    singles = np.array([v[1 << i] for i in range(n)], dtype=v.dtype)
    found: dict[int, list[Fraction]] = {}
    position = np.empty(1 << n, dtype=np.int32)        # rank of each mask within its layer
    prev_rows = singles[None, :].copy()
    peak = 0
    for s, layer in enumerate(_layers(n)):
        position[layer] = np.arange(len(layer), dtype=np.int32)
        if s <= 1:
            rows = np.broadcast_to(singles, (len(layer), n)).copy()
        else:
            def lower(masks, players, pr=prev_rows):
                return pr[position[masks], players]
            rows = _step(v[layer], layer, _members(layer, n, s), lower, singles)
        prev_rows = rows
        peak = max(peak, rows.nbytes)
        hits = [m for m in wanted if bin(m).count("1") == s]
        for mask in hits:
            found[mask] = [Fraction(int(x), denominator) for x in rows[position[mask]].tolist()]
        if progress:
            progress(s, n)
    return found, peak


def shapley_value_fast(values, n: int | None = None) -> list[Fraction]:
    """Exact Shapley value of the grand coalition: integer sums per layer, then n×n Fraction weights.

    >>> from exactfair import examples
    >>> [str(x) for x in shapley_value_fast(examples.theorem5_game().values)]
    ['1', '2', '3']
    """
    scaled = scale_values(values)
    v = scaled.values
    n = v.shape[0].bit_length() - 1 if n is None else n
    v = widen(v, max_abs(v) * (1 << n))                  # a layer sum of 2ⁿ⁻¹ marginals, each ≤ 2·max|v|
    masks = np.arange(1 << n, dtype=np.int64)
    sizes = _popcount(masks)
    out = []
    for i in range(n):
        without = masks[(masks >> i) & 1 == 0]
        delta = v[without | (1 << i)] - v[without]
        total = Fraction(0)
        for s in range(n):
            sel = sizes[without] == s
            layer_sum = int(delta[sel].sum()) if np.any(sel) else 0
            total += Fraction(math.factorial(s) * math.factorial(n - s - 1), math.factorial(n)) * layer_sum
        out.append(total / scaled.denominator)
    return out


def shapley_array(values, n: int | None = None, *, progress: Progress | None = None) -> ScaledValues:
    """Per-subgame Shapley table as a (2^n, n) integer array over a common denominator.

    Column C holds the Shapley value of v restricted to C for its members and ``v_i`` for the
    players outside C (the paper's convention, R5).  The recursion

        φ_i(C) = (v_C − v_{C∖i} + Σ_{j ∈ C∖i} φ_i(C∖j)) / |C|

    runs layer by layer in integers scaled by L·D, where L = lcm(1..n): the Shapley weights of a
    c-player game have denominators dividing lcm(1..c), so every scaled value is an integer and
    each division by |C| is exact.  Bound: |φ_i(C)| ≤ 2·max|v|, so intermediates stay below
    (n + 2)·2·L·D·max|v|; above 2^62 the run uses Python integers.

    >>> from exactfair import examples
    >>> arr, d = shapley_array(examples.theorem5_game().values)
    >>> [str(Fraction(int(x), d)) for x in arr[-1]], [str(Fraction(int(x), d)) for x in arr[3]]
    (['1', '2', '3'], ['1', '2', '3'])
    """
    scaled = scale_values(values)
    v = scaled.values
    n = v.shape[0].bit_length() - 1 if n is None else n
    if v.shape[0] != 1 << n:
        raise GameDefinitionError(f"{v.shape[0]} values is not 2**{n}")
    lcm = math.lcm(*range(1, n + 1)) if n else 1
    v = widen(v, (n + 2) * 2 * lcm * max_abs(v))
    dtype = v.dtype
    require_memory((1 << n) * n * (8 if dtype != object else 48) * 3, f"the Shapley table for {n} players")
    work = np.zeros((1 << n, n), dtype=dtype)            # Φ_i(C) for i ∈ C, 0 outside
    for s, layer in enumerate(_layers(n)):
        if s == 0:
            continue
        members = _members(layer, n, s)
        total = np.zeros((len(layer), n), dtype=dtype)
        for p in range(s):                               # Σ_{j ∈ C} Φ(C∖j); Φ_i(C∖i) = 0
            total += work[layer ^ (1 << members[:, p])]
        lay = layer[:, None]
        marginal = lcm * (v[layer][:, None] - v[lay ^ (1 << members)])
        work[lay, members] = (marginal + np.take_along_axis(total, members, axis=1)) // s
        if progress:
            progress(s, n)
    masks = np.arange(1 << n, dtype=np.int64)[:, None]
    outside = ((masks >> np.arange(n)) & 1) == 0
    singles = np.array([v[1 << i] for i in range(n)], dtype=dtype) * lcm
    work[outside] = np.broadcast_to(singles, work.shape)[outside]
    return ScaledValues(work, scaled.denominator * lcm)


def random_monotone_values(n: int, seed: int = 0, high: int = 10) -> np.ndarray:
    """Random monotone integer game (int64, bitmask order): v(C) = max_{S ⊆ C} r(S).

    The raw draws r(S) grow with |S| (0 ≤ r(S) < high·(|S| + 1)); the max over subsets is
    computed by one pass per player, which makes v monotone by construction.

    >>> from exactfair import Game
    >>> Game.from_bitmask_values(random_monotone_values(5, seed=1)).is_monotone().holds
    True
    """
    rng = np.random.default_rng(seed)
    masks = np.arange(1 << n, dtype=np.int64)
    v = rng.integers(0, high * (_popcount(masks) + 1), dtype=np.int64)
    v[0] = 0
    for i in range(n):
        with_i = masks[(masks >> i) & 1 == 1]
        v[with_i] = np.maximum(v[with_i], v[with_i ^ (1 << i)])
    return v


def upward_closure(x: np.ndarray, n: int) -> np.ndarray:
    """max_{S ⊆ C} x(S) for every C (a new array; one pass per player).

    >>> upward_closure(np.array([0, 2, 1, 1]), 2).tolist()
    [0, 2, 1, 2]
    """
    out = x.copy()
    for i in range(n):
        pairs = out.reshape(-1, 2, 1 << i)
        np.maximum(pairs[:, 1, :], pairs[:, 0, :], out=pairs[:, 1, :])
    return out


def downward_closure(x: np.ndarray, n: int) -> np.ndarray:
    """min_{T ⊇ C} x(T) for every C (a new array; one pass per player).

    >>> downward_closure(np.array([0, 2, 1, 1]), 2).tolist()
    [0, 1, 1, 1]
    """
    out = x.copy()
    for i in range(n):
        pairs = out.reshape(-1, 2, 1 << i)
        np.minimum(pairs[:, 0, :], pairs[:, 1, :], out=pairs[:, 0, :])
    return out
