"""Hypothesis strategies that build only valid exact games.

Every strategy draws values bottom-up (coalitions in increasing bitmask order, so
all subsets come first) and keeps the defining inequalities by construction:

* :func:`any_games` — arbitrary rational values, v(∅) = 0;
* :func:`monotone_games` — v(C) = max_{i∈C} v(C∖{i}) + δ_C with δ_C ≥ 0;
* :func:`superadditive_games` — v(C) = max over splits v(S) + v(C∖S) + δ_C (δ ≥ 0,
  singletons ≥ 0, hence also monotone);
* :func:`subadditive_games` — monotone *and* subadditive: v(C) is drawn between
  max_i v(C∖{i}) and min over splits v(S) + v(C∖S) (that interval is never empty);
* :func:`convex_games` — v(C) ≥ max_{i≠j} v(C∖{i}) + v(C∖{j}) − v(C∖{i,j}) (local
  supermodularity), singletons ≥ 0, hence monotone;
* :func:`additive_games` — v(C) = Σ_{i∈C} v_i.

The strategies are themselves tested in ``tests/test_strategies.py``.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from exactfair import Game
from exactfair.coalitions import members, proper_subsets

DENOMINATORS = (1, 1, 1, 2, 3, 4)


@st.composite
def increments(draw, max_numerator: int = 6) -> Fraction:
    """A small non-negative rational (often 0, so ties and degenerate cases occur)."""
    num = draw(st.integers(0, max_numerator))
    den = draw(st.sampled_from(DENOMINATORS))
    return Fraction(num, den)


def _players(draw, n_min: int, n_max: int) -> int:
    return draw(st.integers(n_min, n_max))


def _splits(c: int):
    for s in proper_subsets(c):
        if s and s < (c & ~s):
            yield s, c & ~s


@st.composite
def any_games(draw, n_min: int = 1, n_max: int = 4) -> Game:
    n = _players(draw, n_min, n_max)
    values = [Fraction(0)] + [Fraction(draw(st.integers(-6, 6)), draw(st.sampled_from(DENOMINATORS)))
                              for _ in range((1 << n) - 1)]
    return Game.from_bitmask_values(values)


@st.composite
def monotone_games(draw, n_min: int = 1, n_max: int = 4, max_increment: int = 6) -> Game:
    n = _players(draw, n_min, n_max)
    v = [Fraction(0)] * (1 << n)
    for c in range(1, 1 << n):
        base = max(v[c & ~(1 << i)] for i in members(c))
        v[c] = base + draw(increments(max_increment))
    return Game.from_bitmask_values(v)


@st.composite
def superadditive_games(draw, n_min: int = 1, n_max: int = 4) -> Game:
    n = _players(draw, n_min, n_max)
    v = [Fraction(0)] * (1 << n)
    for c in range(1, 1 << n):
        base = max([v[s] + v[t] for s, t in _splits(c)], default=Fraction(0))
        v[c] = base + draw(increments())
    return Game.from_bitmask_values(v)


@st.composite
def subadditive_games(draw, n_min: int = 1, n_max: int = 4) -> Game:
    n = _players(draw, n_min, n_max)
    v = [Fraction(0)] * (1 << n)
    for c in range(1, 1 << n):
        low = max(v[c & ~(1 << i)] for i in members(c))
        if bin(c).count("1") == 1:
            v[c] = low + draw(increments())
            continue
        high = min(v[s] + v[t] for s, t in _splits(c))
        k = draw(st.integers(0, 4))
        v[c] = low + (high - low) * Fraction(k, 4)
    return Game.from_bitmask_values(v)


@st.composite
def convex_games(draw, n_min: int = 1, n_max: int = 4) -> Game:
    n = _players(draw, n_min, n_max)
    v = [Fraction(0)] * (1 << n)
    for c in range(1, 1 << n):
        ms = members(c)
        bound = max(v[c & ~(1 << i)] for i in ms)
        for x, i in enumerate(ms):
            for j in ms[x + 1:]:
                bound = max(bound, v[c & ~(1 << i)] + v[c & ~(1 << j)] - v[c & ~(1 << i) & ~(1 << j)])
        v[c] = bound + draw(increments())
    return Game.from_bitmask_values(v)


@st.composite
def additive_games(draw, n_min: int = 1, n_max: int = 4) -> Game:
    n = _players(draw, n_min, n_max)
    singles = [draw(increments()) for _ in range(n)]
    return Game.from_bitmask_values([sum((singles[i] for i in members(c)), Fraction(0)) for c in range(1 << n)])


@st.composite
def f4_pairs(draw, n_min: int = 2, n_max: int = 4):
    """(v, v′, C, i) with v, v′ monotone and F4's hypothesis true for C and i.

    v′ keeps v on every D ⊆ C∖{i}, is raised by δ ≥ 0 elsewhere (δ_C > 0), and is
    closed upwards to stay monotone; raising never lowers v′_{A∪{i}} below v_{A∪{i}}.
    """
    v = draw(monotone_games(n_min, n_max))
    n = v.n
    c = draw(st.integers(1, (1 << n) - 1))
    i = draw(st.sampled_from(members(c)))
    keep = c & ~(1 << i)
    w = [Fraction(0)] * (1 << n)
    for s in range(1, 1 << n):
        if s & keep == s:
            w[s] = v.values[s]
            continue
        bump = draw(increments(3))
        if s == c and bump == 0:
            bump = Fraction(1)
        w[s] = max(max(w[s & ~(1 << j)] for j in members(s)), v.values[s] + bump)
    return v, Game(v.players, tuple(w)), c, i
