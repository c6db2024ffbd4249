"""The fast integer path agrees exactly with the reference path."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from exactfair import Game, balanced_reciprocity, examples, shapley_value
from exactfair.errors import TooLargeError
from exactfair.fast import (
    balanced_reciprocity_array, balanced_reciprocity_stream, overflow_bound, random_monotone_values, scale_values,
    shapley_value_fast,
)
from exactfair.mechanisms.balanced_reciprocity import balanced_reciprocity_fast

from .strategies import any_games, monotone_games


@settings(max_examples=150, deadline=None)
@given(monotone_games(n_max=6))
def test_fast_equals_reference_on_monotone_games(game):
    reference = balanced_reciprocity(game, method="reference")
    assert balanced_reciprocity_fast(game) == reference
    rows, _ = balanced_reciprocity_stream(game.values, game.n, coalitions=range(1 << game.n))
    assert all(rows[m] == list(reference.rewards[m]) for m in range(1 << game.n))


@settings(max_examples=80, deadline=None)
@given(any_games(n_max=5))
def test_fast_equals_reference_on_non_monotone_games(game):
    reference = balanced_reciprocity(game, require_monotone=False, method="reference")
    assert balanced_reciprocity_fast(game, require_monotone=False) == reference


@settings(max_examples=40, deadline=None)
@given(monotone_games(n_max=4), st.integers(60, 200))
def test_huge_values_fall_back_to_python_integers(game, exponent):
    # adding the same constant to every non-empty coalition keeps the game monotone
    big = Game(game.players, tuple(x * 10 ** exponent + (10 ** exponent + Fraction(1, 7) if m else 0)
                                   for m, x in enumerate(game.values)))
    arr, d = balanced_reciprocity_array(big.values, big.n)
    assert arr.dtype == object
    assert balanced_reciprocity_fast(big) == balanced_reciprocity(big, method="reference")


def test_bound_decides_the_dtype():
    assert overflow_bound(10, 5, monotone=False) == 640
    v = [0, 2 ** 61, 2 ** 61, 2 ** 61]  # monotone: 3·2^61 ≥ 2^62 → object
    assert balanced_reciprocity_array(v)[0].dtype == object
    assert balanced_reciprocity_array([0, 2 ** 40, 2 ** 40, 2 ** 41])[0].dtype == np.int64


def test_auto_method_uses_fast_path_and_custom_choosers_need_reference():
    g = Game.from_bitmask_values(random_monotone_values(8, seed=2))
    assert balanced_reciprocity(g) == balanced_reciprocity(g, method="reference")
    with pytest.raises(ValueError, match="method='reference'"):
        balanced_reciprocity(g, method="fast", choose_j=lambda m, ms: ms[-1])


@pytest.mark.parametrize("seed", range(5))
def test_random_monotone_values_are_monotone(seed):
    assert Game.from_bitmask_values(random_monotone_values(7, seed=seed)).is_monotone().holds


def test_to_numpy_and_numpy_input():
    values = random_monotone_values(6, seed=3)
    g = Game.from_bitmask_values(values)
    arr, d = balanced_reciprocity(g).to_numpy()
    assert arr.shape == (64, 6) and arr.dtype == np.int64 and d == 1
    assert np.array_equal(arr, balanced_reciprocity_array(values)[0])
    arr2, d2 = balanced_reciprocity(Game.from_bitmask_values([0, "1/2", "1/3", 1])).to_numpy()
    assert d2 == 6 and arr2[3].tolist() == [6, 5]


def test_scale_values():
    sv = scale_values([Fraction(0), Fraction(1, 4), Fraction(5, 6)])
    assert sv.denominator == 12 and sv.values.tolist() == [0, 3, 10]


def test_stream_memory_guard():
    with pytest.raises(TooLargeError, match="streaming 24 players"):
        balanced_reciprocity_stream(np.zeros(1 << 24, dtype=np.int64), 24, available=1 << 20)


@given(any_games(n_max=5))
def test_shapley_fast(game):
    assert shapley_value_fast(game.values, game.n) == list(shapley_value(game).values())


def test_example1_paths_agree():
    g = examples.example1()
    arr, d = balanced_reciprocity_array(g.values)
    assert arr[-1].tolist() == [5, 5, 8, 9]
