"""Monotone repairs: the closure, and the least change in the maximum norm proved optimal by z3."""

from fractions import Fraction

import pytest
import z3
from hypothesis import example, given, settings, strategies as st

from exactfair import Game
from exactfair.errors import ExactfairError
from exactfair.repair import monotone_repair

from .strategies import any_games


def z3_least_change(game: Game) -> Fraction:
    """An independent exact optimiser: z3 minimises the largest |v′(C) − v(C)| over monotone v′ with v′(∅) = 0."""
    n = game.n
    w = [z3.RealVal(0)] + [z3.Real(f"w{m}") for m in range(1, 1 << n)]
    d = z3.Real("d")
    o = z3.Optimize()
    for m in range(1, 1 << n):
        v = z3.RealVal(f"{game.value(m).numerator}/{game.value(m).denominator}")
        o.add(w[m] - v <= d, v - w[m] <= d)
        for i in range(n):                       # S ⊆ T for every covering pair T∖{i} ⊂ T (∅ included)
            if m >> i & 1:
                o.add(w[m & ~(1 << i)] <= w[m])
    o.add(d >= 0)
    o.minimize(d)
    assert o.check() == z3.sat
    value = o.model().eval(d, model_completion=True)
    assert z3.is_rational_value(value), value                        # an exact optimum, not "oo" or epsilon
    return Fraction(value.numerator_as_long(), value.denominator_as_long())


def midpoint_of_closures(game: Game) -> list:
    """The midpoint of the upward and the downward closure — the answer without v′(∅) = 0."""
    n, v = game.n, game.values
    full = range(1 << n)
    up = [max(v[s] for s in full if s & c == s) for c in full]
    down = [min(v[t] for t in full if t & c == c) for c in full]
    return [(a + b) / 2 for a, b in zip(up, down)]


@settings(max_examples=80, deadline=None)
@given(any_games(n_max=4))
@example(Game.from_bitmask_values([0, -2]))
@example(Game.from_bitmask_values([0, 5, 1, 3]))
@example(Game.from_bitmask_values([0, 1, -3, 2, 4, -1, 0, 2]))
def test_linf_is_optimal_and_a_game(game):
    repaired, report = monotone_repair(game, "linf")
    assert repaired.is_monotone().holds and repaired.value(0) == 0
    deviation = max(abs(a - b) for a, b in zip(repaired.values, game.values))
    assert deviation == report.largest == z3_least_change(game)          # optimal, exactly
    assert report.count == sum(a != b for a, b in zip(repaired.values, game.values))
    if game.is_monotone().holds:
        assert report.count == 0 and repaired == game


@settings(max_examples=60, deadline=None)
@given(any_games(n_max=4))
def test_midpoint_is_right_exactly_when_no_value_is_negative(game):
    """The textbook midpoint attains the optimum of the problem without v′(∅) = 0; with it, the two agree for
    games without negative values, and a negative value makes the midpoint's v′(∅) negative (not a game)."""
    middle = midpoint_of_closures(game)
    if min(game.values) >= 0:
        assert middle[0] == 0
        assert max(abs(a - b) for a, b in zip(middle, game.values)) == z3_least_change(game)
    else:
        assert middle[0] < 0


def test_counterexample_to_the_midpoint():
    game = Game.from_bitmask_values([0, -2])
    assert midpoint_of_closures(game) == [-1, -1]          # a change of 1, but v′(∅) = −1: not a game
    repaired, report = monotone_repair(game, "linf")
    assert repaired.values == (0, 0) and report.largest == 2 == z3_least_change(game)


@settings(max_examples=60, deadline=None)
@given(any_games(n_max=4))
def test_closure_is_the_least_monotone_game_above(game):
    closed, report = monotone_repair(game, "closure")
    assert closed.is_monotone().holds
    assert all(c >= v for c, v in zip(closed.values, game.values))
    # least: every monotone game above v is above the closure, which is max over subsets
    n = game.n
    for c in range(1 << n):
        assert closed.value(c) == max(game.value(s) for s in range(1 << n) if s & c == s)
    assert all(new > old for _, old, new in report.changes)
    assert closed.metadata["repair"] == report.summary()


def test_linf_changes_less_than_the_closure_on_a_spike():
    """One high value: the closure raises everything above it; the nearest game moves a few values by half."""
    values = [0] + [1] * 7
    values[1] = 9                            # v({1}) = 9, everything else 1
    game = Game.from_bitmask_values(values)
    _, closure = monotone_repair(game, "closure")
    _, nearest = monotone_repair(game, "linf")
    assert (closure.count, closure.largest) == (3, 8)
    assert nearest.largest == 4 and nearest.count <= closure.count + 1


def test_report_outputs_and_bad_kind():
    game = Game.from_bitmask_values([0, 5, 1, 3])
    _, report = monotone_repair(game, "linf")
    assert report.to_csv().splitlines() == ["coalition,old,new,change", "1,5,4,-1", "1 2,3,4,1"]
    assert '"largest": "1"' in report.to_json()
    with pytest.raises(ExactfairError, match="unknown repair kind 'l2'"):
        monotone_repair(game, "l2")
    assert game.monotone_repair("closure")[0] == game.monotone_closure()[0]


@settings(max_examples=20, deadline=None)
@given(any_games(n_max=3), st.sampled_from([2 ** 64 + 1, 3 ** 50]))
def test_exact_past_int64(game, denominator):
    big = Game(game.players, [x * denominator for x in game.values])
    small, report = monotone_repair(big, "linf")
    _, reference = monotone_repair(game, "linf")
    assert report.largest == reference.largest * denominator
    assert small.is_monotone().holds


def z3_fewest_changes(game: Game) -> int:
    """An independent exact optimiser: z3 minimises how many values change, over monotone games (v′(∅) = 0)."""
    n = game.n
    w = [z3.RealVal(0)] + [z3.Real(f"w{m}") for m in range(1, 1 << n)]
    changed = [z3.Bool(f"c{m}") for m in range(1 << n)]
    o = z3.Optimize()
    for m in range(1, 1 << n):
        v = z3.RealVal(f"{game.value(m).numerator}/{game.value(m).denominator}")
        o.add(z3.Or(changed[m], w[m] == v))
        for i in range(n):
            if m >> i & 1:
                o.add(w[m & ~(1 << i)] <= w[m])
    count = z3.Sum([z3.If(changed[m], 1, 0) for m in range(1, 1 << n)])
    o.minimize(count)
    assert o.check() == z3.sat
    return o.model().eval(count).as_long()


@settings(max_examples=60, deadline=None)
@given(any_games(n_max=4))
@example(Game.from_bitmask_values([0, 5, 1, 3]))
@example(Game.from_bitmask_values([0, -2, 3, 1]))
def test_fewest_changes_is_optimal_and_keeps_what_it_does_not_change(game):
    repaired, report = monotone_repair(game, "fewest")
    assert repaired.is_monotone().holds and repaired.value(0) == 0
    assert report.count == sum(a != b for a, b in zip(repaired.values, game.values)) == z3_fewest_changes(game)


def test_fewest_is_offered_up_to_fourteen_players():
    import numpy as np
    from exactfair.fewest import FEWEST_MAX_N
    with pytest.raises(ExactfairError, match="offered up to n = 14, this game has 15 players"):
        monotone_repair(Game.from_bitmask_values(np.zeros(1 << (FEWEST_MAX_N + 1), dtype=np.int64)), "fewest")
