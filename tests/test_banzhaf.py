"""Banzhaf and equal split: the integer kernels against the definitions, at every size of number."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import example, given, settings, strategies as st

import exactfair
from exactfair import Game, banzhaf, equal_split
from exactfair.registry import MECHANISM_REGISTRY, _explicit_exact

from .strategies import any_games


def _definition(name: str, game: Game):
    """The table read off the registered formula (the one the solver uses), coalition by coalition."""
    return _explicit_exact(name, MECHANISM_REGISTRY[name].per_member)(game)


@settings(max_examples=150, deadline=None)
@given(any_games(n_max=5))
def test_fast_equals_reference_equals_registered_formula(game):
    for name, mechanism in (("banzhaf", banzhaf), ("equal-split", equal_split)):
        fast, reference = mechanism(game), mechanism(game, method="reference")
        assert fast.rewards == reference.rewards == _definition(name, game).rewards
        assert fast.mechanism == name


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 6), st.integers(0, 2 ** 70), st.integers(1, 2 ** 64), st.randoms(use_true_random=False))
@example(3, 2 ** 62, 1, None)
def test_huge_numerators_stay_exact(n, high, denominator, rnd):
    """Numerators past int64 (and a denominator past it) go through Python integers, never wrapping."""
    import random
    rnd = rnd or random.Random(0)
    values = [0] + [Fraction(rnd.randint(-high, high), denominator) for _ in range((1 << n) - 1)]
    game = Game.from_bitmask_values(values)
    for mechanism in (banzhaf, equal_split):
        assert mechanism(game).rewards == mechanism(game, method="reference").rewards


def test_public_names_and_registry():
    assert exactfair.banzhaf is banzhaf and exactfair.equal_split is equal_split
    assert exactfair.MECHANISMS["banzhaf"] is banzhaf and exactfair.MECHANISMS["equal-split"] is equal_split
    g = exactfair.examples.example1()
    assert MECHANISM_REGISTRY["banzhaf"].exact(g) == banzhaf(g)
    assert MECHANISM_REGISTRY["equal-split"].exact(g) == equal_split(g)


def test_hand_worked_two_players():
    g = Game.from_bitmask_values([0, 1, 2, 4])
    t = banzhaf(g)
    # beta_1 = ((v1 - 0) + (v12 - v2)) / 2 = 3/2, beta_2 = ((v2 - 0) + (v12 - v1)) / 2 = 5/2
    assert (t[1, (1, 2)], t[2, (1, 2)]) == (Fraction(3, 2), Fraction(5, 2))
    assert (t[1, (2,)], t[2, (1,)]) == (1, 2)                # outsiders get v_i
    assert sum(t.grand_coalition().values()) == g[1, 2]      # two players: it divides v(N) ...
    g1 = exactfair.examples.example1()                       # ... in general it is an index, not a division
    assert sum(banzhaf(g1).grand_coalition().values()) == Fraction(41, 4) != g1[1, 2, 3, 4] == 9
    e = equal_split(g)
    assert e[1, (1, 2)] == e[2, (1, 2)] == 2


def test_method_is_checked():
    with pytest.raises(ValueError, match="method must be"):
        banzhaf(Game.from_bitmask_values([0, 1]), method="slow")
    with pytest.raises(ValueError, match="method must be"):
        equal_split(Game.from_bitmask_values([0, 1]), method="slow")


def test_twelve_players_integer_path():
    from exactfair.fast import random_monotone_values
    game = Game.from_bitmask_values(random_monotone_values(12, seed=3))
    arr, d = banzhaf(game).to_numpy()
    assert arr.dtype == np.int64
    # one coalition by the definition
    c = game.mask((1, 4, 5, 9, 12))
    assert banzhaf(game)[4, (1, 4, 5, 9, 12)] == _definition_entry(game, c, game.index(4))


def _definition_entry(game, c, i):
    from exactfair.coalitions import subsets
    rest = c & ~(1 << i)
    return sum((game.value(s | 1 << i) - game.value(s) for s in subsets(rest)), Fraction(0)) / (1 << bin(rest).count("1"))
