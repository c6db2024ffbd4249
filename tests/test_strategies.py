"""The strategies build only games of the class they promise."""

from hypothesis import given, settings

from exactfair.axioms import game_class_formula
from exactfair.logic import evaluate

from .strategies import (
    additive_games, any_games, convex_games, f4_pairs, monotone_games, subadditive_games, superadditive_games,
)


def _formula_holds(name, game):
    return evaluate(game_class_formula(name, game.n), lambda atom: game.values[atom.coalition])


@given(any_games())
def test_any_games_are_games(game):
    assert game.values[0] == 0
    assert len(game.values) == 1 << game.n


@given(monotone_games())
def test_monotone_games_are_monotone(game):
    assert game.is_monotone().holds
    assert _formula_holds("monotone", game)


@given(superadditive_games())
def test_superadditive_games(game):
    assert game.is_superadditive().holds and game.is_monotone().holds
    assert _formula_holds("superadditive", game)


@given(subadditive_games())
def test_subadditive_games(game):
    assert game.is_subadditive().holds and game.is_monotone().holds
    assert _formula_holds("subadditive", game)


@given(convex_games())
def test_convex_games(game):
    assert game.is_convex().holds and game.is_monotone().holds
    assert game.is_superadditive().holds  # convex with v(∅) = 0 implies superadditive
    assert _formula_holds("convex", game)


@given(additive_games())
def test_additive_games(game):
    assert game.is_additive().holds and game.is_superadditive().holds and game.is_subadditive().holds


@settings(max_examples=50)
@given(f4_pairs())
def test_f4_pairs_satisfy_the_hypothesis(pair):
    from exactfair.axioms import F4
    from exactfair.logic import evaluate as ev
    v, w, c, i = pair
    assert v.is_monotone().holds and w.is_monotone().holds
    inst = next(x for x in F4.instances(v.n) if x.coalition == c and x.players == (i,))
    games = (v, w)
    assert ev(inst.hypothesis, lambda atom: games[atom.game].values[atom.coalition])
