"""Axiom checks at table speed: R1–R5, F1, F2, F3, F5 on one table and F4 on a pair, with arrays.

The formula checker (:mod:`exactfair.axioms.check`, ``method="formula"``) evaluates every ground
instance of :mod:`exactfair.axioms` one by one — the readable oracle, but F1–F3's hypotheses
make it grow like 4ⁿ.  Here each axiom is decided on the integer arrays of the table and game
(one common denominator, exact):

* R1, R2, R4, R5 elementwise; R3 a row-wise "some member gets v_C";
* F5 one vector comparison per pair (i, j) over the coalitions containing both;
* F1's useless players, F2's symmetric pairs and F3's weakly desirable pairs found from the game
  in O(2ⁿ) per player or pair; F3's "∃ B ⊆ C∖{i,j}, B ≠ ∅, v_{B∪i} > v_{B∪j}" by a subset-closure
  (zeta-transform) pass, O(n·2ⁿ) per pair that needs it;
* F4 on (v, v′): its three hypotheses by subset-closure passes, O(n²·2ⁿ).

Violations are produced in the formula checker's instance order, and each is rendered from the
axiom's own conclusion builder (``Axiom.conclusion_at``), so both checkers report the same first
violations, the same number of violated instances and the same instance count; property tests
hold them to it (``tests/test_array_check.py``).
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from . import Axiom
from ..core.coalitions import members
from ..core.scaled import INT64_SAFE, common_denominator, max_abs, widen

__all__ = ["ARRAY_AXIOMS", "array_violations", "array_pair_violations", "instance_count"]

#: Axioms this module decides (single-table); F4 through :func:`array_pair_violations`.
ARRAY_AXIOMS = ("R1", "R2", "R3", "R4", "R5", "F1", "F2", "F3", "F5")


def instance_count(name: str, n: int) -> int:
    """Number of ground instances of a built-in axiom for n players (as the formula checker counts).

    >>> instance_count("F5", 3), instance_count("R4", 2)
    (6, 8)
    """
    half = (1 << (n - 1)) if n >= 1 else 0
    quarter = (1 << (n - 2)) if n >= 2 else 0
    pairs = n * (n - 1) // 2
    return {
        "R1": n * half, "R2": n * half, "R3": (1 << n) - 1, "R4": n << n, "R5": n * half,
        "F1": n * ((1 << n) + (n - 1) * ((1 << (n - 2)) if n >= 2 else 0)) if n >= 2 else n * (1 << n),
        "F2": pairs * quarter, "F3": n * (n - 1) * (quarter - 1) if n >= 2 else 0,
        "F5": pairs * quarter, "F4": n * half,
    }[name]


def _common(arrays: list[np.ndarray], denominators: list[int]) -> list[np.ndarray]:
    """The arrays rescaled to one common denominator (int64 if it provably fits, else Python ints).

    The checks below compare these arrays and subtract two entries (F5); a difference of two values
    below 2⁶² in magnitude fits int64, so one bound on the rescaled values covers every operation.
    """
    d = common_denominator(denominators)
    factors = [d // q for q in denominators]
    bound = max((max(max_abs(a), 1) * f for a, f in zip(arrays, factors)), default=0)   # f itself must fit too
    if any(a.dtype == object for a in arrays):
        bound = max(bound, INT64_SAFE)                      # one array is Python ints: all of them are
    out = []
    for a, f in zip(arrays, factors):
        b = widen(a, bound)
        out.append(b * f if f != 1 else b)
    return out


def _expand(r: np.ndarray, skip: tuple[int, ...]) -> np.ndarray:
    """Insert a zero bit at each position in ``skip`` (ascending): the masks avoiding those players,
    in ascending order, from the compressed indices ``r``."""
    out = r
    for b in skip:
        low = out & ((1 << b) - 1)
        out = low | ((out >> b) << (b + 1))
    return out


def _zeta(a: np.ndarray, op) -> np.ndarray:
    """a[m] ← op over a on the subsets of m (in place; ``op`` is np.logical_or or np.logical_and; len 2^k)."""
    step = 1
    while step < a.shape[0]:
        view = a.reshape(-1, 2, step)
        op(view[:, 1, :], view[:, 0, :], out=view[:, 1, :])
        step <<= 1
    return a


def _zeta_or(a: np.ndarray) -> np.ndarray:
    """a[m] ← OR of a over the subsets of m."""
    return _zeta(a, np.logical_or)


def _zeta_and(a: np.ndarray) -> np.ndarray:
    """a[m] ← AND of a over the subsets of m."""
    return _zeta(a, np.logical_and)


def _first(indices: np.ndarray, limit: int | None) -> np.ndarray:
    return indices if limit is None else indices[:limit]


def array_violations(axiom: Axiom, table, limit: int | None) -> tuple[list[tuple[int, tuple]], int, int]:
    """``([(coalition, players), …] first ``limit`` in instance order, violated count, instance count)``.

    >>> from exactfair import balanced_reciprocity, examples, get_axiom
    >>> array_violations(get_axiom("F5"), balanced_reciprocity(examples.example1()), 3)
    ([], 0, 24)
    """
    name = axiom.name
    if name not in ARRAY_AXIOMS:
        raise ValueError(f"{name} has no array check; use method='formula'")
    game = table.game
    n = game.n
    t_num, t_den = table.to_numpy()
    t, v = _common([np.asarray(t_num), game.numerators], [t_den, game.denominator])
    masks = np.arange(1 << n, dtype=np.int64)
    count = instance_count(name, n)
    if name in ("R1", "R2", "R4", "R5", "R3"):
        inside = (masks[:, None] >> np.arange(n)) & 1 == 1
        singles = v[1 << np.arange(n)]
        if name == "R1":
            bad = inside & (t < 0)
        elif name == "R2":
            bad = inside & (t > v[:, None])
        elif name == "R4":
            bad = t < singles[None, :]
        elif name == "R5":
            bad = ~inside & (t != singles[None, :])
        else:
            hit = np.any(inside & (t == v[:, None]), axis=1)
            rows = np.flatnonzero(~hit[1:]) + 1
            found = [(int(c), members(int(c))) for c in _first(rows, limit)]
            return found, int(rows.size), count
        total = int(np.count_nonzero(bad))
        flat = np.flatnonzero(bad.reshape(-1)) if limit is None else _first_true(bad, limit)
        return [(int(f) // n, (int(f) % n,)) for f in flat], total, count
    if name == "F5":
        return _pairs_check(n, limit, count, lambda i, j, cs: (t[cs, i] - t[cs ^ (1 << j), i])
                            != (t[cs, j] - t[cs ^ (1 << i), j]), ordered=False, pair_major=False)
    if name == "F2":
        def f2(i: int, j: int, cs: np.ndarray) -> np.ndarray | None:
            rest = cs & ~((1 << i) | (1 << j))
            if not np.array_equal(v[rest | 1 << i], v[rest | 1 << j]):
                return None                                   # not a symmetric pair: nothing fires
            return t[cs, i] != t[cs, j]
        return _pairs_check(n, limit, count, f2, ordered=False, pair_major=True)
    if name == "F3":
        return _pairs_check(n, limit, count, lambda i, j, cs: _f3_pair(v, t, n, i, j), ordered=True, pair_major=True,
                            skip_pair=True)
    if name == "F1":
        return _f1(v, t, n, limit, count)
    raise AssertionError(name)


def _first_true(bad: np.ndarray, limit: int) -> np.ndarray:
    """Flat indices of the first ``limit`` True entries, scanning in chunks (no full nonzero list)."""
    flat = bad.reshape(-1)
    out: list[np.ndarray] = []
    got = 0
    chunk = 1 << 16
    for start in range(0, flat.shape[0], chunk):
        hits = np.flatnonzero(flat[start:start + chunk]) + start
        if hits.size:
            out.append(hits[:limit - got])
            got += min(hits.size, limit - got)
            if got >= limit:
                break
    return np.concatenate(out) if out else np.zeros(0, dtype=np.int64)


def _pairs_check(n: int, limit: int | None, count: int, bad_of: Callable, *, ordered: bool, pair_major: bool,
                 skip_pair: bool = False) -> tuple[list, int, int]:
    """Run ``bad_of(i, j, coalitions ⊇ {i, j})`` for every pair (i < j, or every i ≠ j when ``ordered``)
    and merge the violations into instance order: pair first, then coalition (F2, F3) when
    ``pair_major``, else coalition first, then pair (F5)."""
    total = 0
    per_pair: list[tuple[int, int, np.ndarray]] = []
    r = np.arange(1 << (n - 2), dtype=np.int64) if n >= 2 else np.zeros(0, dtype=np.int64)
    pairs = [(i, j) for i in range(n) for j in range(n) if i != j] if ordered else \
        [(i, j) for i in range(n) for j in range(i + 1, n)]
    for i, j in pairs:
        lo, hi = min(i, j), max(i, j)
        cs = _expand(r, (lo, hi)) | (1 << i) | (1 << j)
        if skip_pair:
            cs = cs[1:]                                       # C = {i, j} has no B ≠ ∅
        bad = bad_of(i, j, cs)
        if bad is None:
            continue
        hits = np.flatnonzero(bad)
        if not hits.size:
            continue
        total += int(hits.size)
        per_pair.append((i, j, cs[_first(hits, limit)]))
    if pair_major:
        found = [(int(c), (i, j)) for i, j, cs in per_pair for c in cs]
    else:
        found = sorted((int(c), (i, j)) for i, j, cs in per_pair for c in cs)
    return (found if limit is None else found[:limit]), total, count


def _f3_pair(v: np.ndarray, t: np.ndarray, n: int, i: int, j: int) -> np.ndarray | None:
    """F3 for the ordered pair (i, j) over the coalitions C ⊋ {i, j} (ascending), or None if vacuous."""
    lo, hi = min(i, j), max(i, j)
    r = np.arange(1 << (n - 2), dtype=np.int64)
    rest = _expand(r, (lo, hi))                               # every A ⊆ N∖{i,j}, ascending
    vi, vj = v[rest | 1 << i], v[rest | 1 << j]
    if np.any(vi < vj):
        return None                                           # ∀A: v_{A∪i} ≥ v_{A∪j} fails: vacuous
    strict = vi > vj
    strict[0] = False                                         # B ≠ ∅
    if not strict.any():
        return None
    exists = _zeta_or(strict.copy())                          # ∃ B ⊆ R, B ≠ ∅, v_{B∪i} > v_{B∪j}
    cs = rest[1:] | (1 << i) | (1 << j)
    fires = exists[1:]
    return fires & ~(t[cs, i] > t[cs, j])


def _f1(v: np.ndarray, t: np.ndarray, n: int, limit: int | None, count: int) -> tuple[list, int, int]:
    found: list = []
    total = 0
    r = np.arange(1 << (n - 1), dtype=np.int64)
    for u in range(n):
        without = _expand(r, (u,))                            # every C ⊆ N∖{u}, ascending
        if not np.array_equal(v[without], v[without | 1 << u]):
            continue                                          # u is not useless
        zero_bad = np.flatnonzero(t[:, u] != 0)
        members = (without[:, None] >> np.arange(n)) & 1 == 1
        same_bad = members & (t[without] != t[without | 1 << u])
        total += int(zero_bad.size) + int(np.count_nonzero(same_bad))
        if limit is None or len(found) < limit:
            found += [(int(c), (u,)) for c in _first(zero_bad, None if limit is None else limit - len(found))]
        if limit is None or len(found) < limit:
            flat = np.flatnonzero(same_bad.reshape(-1)) if limit is None else _first_true(same_bad, limit - len(found))
            found += [(int(without[f // n]), (u, int(f % n))) for f in flat]
    return found, total, count


def array_pair_violations(table, other, limit: int | None) -> tuple[list[tuple[int, tuple]], int, int]:
    """F4 with ``table`` as M(v) and ``other`` as M(v′): first violations, violated count, instance count.

    >>> from exactfair import Game, balanced_reciprocity
    >>> v = Game.from_bitmask_values([0, 1, 2, 3]); w = v.with_values({(1, 2): 4})
    >>> array_pair_violations(balanced_reciprocity(v), balanced_reciprocity(w), 3)
    ([], 0, 4)
    """
    game, game2 = table.game, other.game
    n = game.n
    (t1n, d1), (t2n, d2) = table.to_numpy(), other.to_numpy()
    # values are compared with values and rewards with rewards: one common denominator for each
    v, v2 = _common([game.numerators, game2.numerators], [game.denominator, game2.denominator])
    t, t2 = _common([np.asarray(t1n), np.asarray(t2n)], [d1, d2])
    equal_below = _zeta_and(v == v2)                           # ∀D ⊆ m: v′_D = v_D
    raised = v2 > v                                            # v′_C > v_C
    r = np.arange(1 << (n - 1), dtype=np.int64)
    total = 0
    keyed: list[tuple[int, int]] = []
    for i in range(n):
        rest = _expand(r, (i,))                                # C∖{i}, ascending
        with_i = rest | 1 << i
        at_least = _zeta_and(v2[with_i] >= v[with_i])          # ∀A ⊆ C∖{i}: v′_{A∪i} ≥ v_{A∪i}
        fires = at_least & raised[with_i] & equal_below[rest]
        bad = np.flatnonzero(fires & ~(t2[with_i, i] > t[with_i, i]))
        total += int(bad.size)
        keyed += [(int(with_i[b]), i) for b in _first(bad, limit)]
    keyed.sort()
    found = [(c, (i,)) for c, i in (keyed if limit is None else keyed[:limit])]
    return found, total, instance_count("F4", n)
