"""The z3 encoding and the exact checker come from one definition: they must agree."""

import z3
from hypothesis import given, settings, strategies as st

from exactfair import AXIOMS, RewardTable, balanced_reciprocity, check_axiom, check_pair
from exactfair.axioms import GAME_CLASSES, game_class_formula
from exactfair.logic import evaluate
from exactfair.smt.compile import SymbolicGame, compile_formula, concrete_lookup, decode_game, to_fraction

from .strategies import any_games, f4_pairs, monotone_games


def _z3_truth(formula, games, tables=()):
    value = z3.simplify(compile_formula(formula, concrete_lookup(games, tables)))
    assert z3.is_true(value) or z3.is_false(value)
    return z3.is_true(value)


@st.composite
def perturbed_tables(draw):
    game = draw(monotone_games(n_max=3))
    table = balanced_reciprocity(game)
    rows = [list(r) for r in table.rewards]
    for _ in range(draw(st.integers(0, 3))):
        c = draw(st.integers(0, len(rows) - 1))
        i = draw(st.integers(0, game.n - 1))
        rows[c][i] += draw(st.sampled_from([-1, 1, 2]))
    return game, RewardTable.from_rows(game, "perturbed", rows)


@settings(max_examples=80, deadline=None)
@given(perturbed_tables())
def test_single_game_axioms_agree(pair):
    game, table = pair
    for axiom in AXIOMS:
        if axiom.games == 1:
            assert _z3_truth(axiom.formula(game.n), [game], [table]) == check_axiom(axiom, table).holds, axiom.name


@settings(max_examples=40, deadline=None)
@given(f4_pairs(n_max=3))
def test_f4_agrees(pair):
    v, w, _, _ = pair
    tv, tw = balanced_reciprocity(v), balanced_reciprocity(w)
    rows = [list(r) for r in tw.rewards]
    rows[-1][0] -= 1  # sometimes breaks F4
    bad = RewardTable.from_rows(w, "perturbed", rows)
    from exactfair.axioms import F4
    for other in (tw, bad):
        assert _z3_truth(F4.formula(v.n), [v, w], [tv, other]) == check_pair(tv, other).holds


@settings(max_examples=60, deadline=None)
@given(any_games(n_max=3))
def test_game_classes_agree(game):
    for name in GAME_CLASSES:
        formula = game_class_formula(name, game.n)
        exact = evaluate(formula, lambda a: game.values[a.coalition])
        assert _z3_truth(formula, [game]) == exact == getattr(game, f"is_{name}")().holds


def test_decode_round_trip():
    g = SymbolicGame(2)
    s = z3.Solver()
    s.add(g[1] == z3.RealVal("1/3"), g[2] == 2, g[3] == 5)
    assert s.check() == z3.sat
    game = decode_game(s.model(), g)
    assert [str(x) for x in game.values] == ["0", "1/3", "2", "5"]
    assert to_fraction(z3.IntVal(4)) == 4
