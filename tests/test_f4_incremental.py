"""F4 against the canonical second games: computing only the columns D ⊇ C gives exactly the result of
recomputing every second table (verdict, counts, scope, the first violations with both sides)."""

import functools

import pytest
from hypothesis import given, settings, strategies as st

from exactfair import (
    Game, balanced_reciprocity, banzhaf, check_axioms, define_mechanism, equal_split, logic, shapley,
)
from exactfair.errors import NotMonotoneError
from exactfair.f4 import incremental_updater, supersets

from .strategies import any_games, monotone_games

BELOW = define_mechanism("marginal-over-below", register=False, per_member=lambda C, i:
                         logic.value(C) - logic.value(C & ~(1 << i)) + logic.reward(i, C & ~(1 << i)) / 2)

MECHANISMS = {
    "balanced-reciprocity": balanced_reciprocity,
    "balanced-reciprocity(any game)": functools.partial(balanced_reciprocity, require_monotone=False),
    "shapley": shapley, "banzhaf": banzhaf, "equal-split": equal_split, "explicit rule": BELOW,
}


def _run(mechanism):
    return mechanism.exact if hasattr(mechanism, "exact") else mechanism


def _both(table, mechanism, limit):
    fast = check_axioms(table, mechanism=mechanism, axioms=["F4"], max_violations=limit)["F4"]
    whole = check_axioms(table, mechanism=lambda g: _run(mechanism)(g), axioms=["F4"], max_violations=limit)["F4"]
    return fast, whole


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(MECHANISMS)), st.data(), st.sampled_from([None, 0, 1, 3]),
       st.sampled_from(list(MECHANISMS)))
def test_incremental_equals_whole_recomputation(name, data, limit, table_of):
    mechanism = MECHANISMS[name]
    needs_monotone = name == "balanced-reciprocity" or table_of == "balanced-reciprocity"
    game = data.draw(monotone_games(n_max=4) if needs_monotone else any_games(n_max=4))
    assert incremental_updater(mechanism, game) is not None
    table = _run(MECHANISMS[table_of])(game)          # also a table of another mechanism: F4 then fails somewhere
    fast, whole = _both(table, mechanism, limit)
    assert fast == whole


@settings(max_examples=15, deadline=None)
@given(any_games(n_min=5, n_max=5))
def test_incremental_equals_whole_at_five_players(game):
    for mechanism in (shapley, banzhaf, functools.partial(balanced_reciprocity, require_monotone=False)):
        fast, whole = _both(_run(mechanism)(game), mechanism, 2)
        assert fast == whole


def test_violations_are_reported_with_both_sides():
    from exactfair import RewardTable
    game = Game.from_bitmask_values([0, 1, 2, 4, 1, 3, 5, 9])
    rows = [list(r) for r in shapley(game).rewards]
    rows[7][0] += 100                                   # M_1^N far above what any second game gives
    table = RewardTable.from_rows(game, "raised", rows)
    fast, whole = _both(table, shapley, 2)
    assert fast == whole and fast.holds is False
    assert fast.violation_count == 4                    # the four C ∋ 1, each at D = N for i = 1
    assert str(fast.violations[0]) == ("F4 fails in C = {1,2,3} for player(s) 1: M(v')_1^{1,2,3} > M_1^{1,2,3}   "
                                       "[10/3 > 307/3]  ✗")   # φ_1 = 7/3, +1 from the unanimity game of C


def test_non_monotone_game_with_a_mechanism_that_refuses_it():
    game = Game.from_bitmask_values([0, 2, 1, 1])
    table = balanced_reciprocity(game, require_monotone=False)
    assert incremental_updater(balanced_reciprocity, game) is None     # the whole run says why, as before
    with pytest.raises(NotMonotoneError):
        check_axioms(table, mechanism=balanced_reciprocity, axioms=["F4"])


def test_unknown_mechanisms_run_whole_tables():
    game = Game.from_bitmask_values([0, 1, 2, 4])
    assert incremental_updater(lambda g: shapley(g), game) is None
    assert incremental_updater(functools.partial(balanced_reciprocity, choose_j=lambda m, ms: ms[-1]), game) is None
    assert incremental_updater("shapley", game) is None        # names are resolved by check_axioms
    assert check_axioms(shapley(game), mechanism="shapley", axioms=["F4"])["F4"].holds is True


def test_supersets():
    assert supersets(0b101, 3).tolist() == [5, 7]
    assert supersets(0b111, 3).tolist() == [7]
    assert len(supersets(1, 12)) == 2 ** 11


@settings(max_examples=20, deadline=None)
@given(any_games(n_max=3), st.sampled_from([2 ** 64, 2 ** 64 + 13, 3 ** 90]))
def test_incremental_equals_whole_past_int64(game, denominator):
    """Numerators past int64 (values over a huge denominator) go through Python integers in every updater."""
    game = Game(game.players, [x / denominator for x in game.values])
    for name in ("balanced-reciprocity(any game)", "shapley", "banzhaf", "equal-split", "explicit rule"):
        mechanism = MECHANISMS[name]
        fast, whole = _both(_run(mechanism)(game), mechanism, None)
        assert fast == whole
