from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given

from exactfair import Game
from exactfair.axioms import game_class_formula
from exactfair.errors import GameDefinitionError, InexactValueError
from exactfair.logic import evaluate

from .strategies import any_games


def test_from_dict_with_labels_and_strings():
    g = Game.from_dict({("a",): "1", ("b",): "0.5", ("a", "b"): "3/2"})
    assert g.players == ("a", "b")
    assert g["a", "b"] == Fraction(3, 2) and g["b"] == Fraction(1, 2)
    assert g.mask(frozenset({"b"})) == 2


def test_numeric_string_labels_sort_numerically():
    labels = [str(i) for i in range(1, 11)]
    values = {(label,): 1 for label in labels}
    g = Game.from_bitmask_values([0] * 1024, players=labels)
    assert g.players[:3] == ("1", "2", "3")
    del values


def test_from_bitmask_values_numpy_and_default_players():
    g = Game.from_bitmask_values(np.array([0, 1, 2, 4], dtype=np.int64))
    assert g.players == (1, 2) and g.values == (0, 1, 2, 4)


def test_caller_input_not_mutated_and_game_immutable():
    mapping = {(1,): 1, (2,): 2, (1, 2): 3}
    snapshot = dict(mapping)
    g = Game.from_dict(mapping)
    assert mapping == snapshot
    with pytest.raises(AttributeError):
        g.values = ()  # frozen


def test_equality_and_hash():
    a = Game.from_bitmask_values([0, 1, 2, 3])
    b = Game.from_dict({(1,): 1, (2,): 2, (1, 2): 3})
    c = Game.from_bitmask_values([0, 1, 2, 4])
    assert a == b and hash(a) == hash(b)
    assert a != c
    assert a != Game.from_bitmask_values([0, 1, 2, 3], players=["x", "y"])


@pytest.mark.parametrize("build, fragment", [
    (lambda: Game.from_dict({(1,): 1, (2,): 2}), "missing value for coalition {1,2}"),
    (lambda: Game.from_dict({(1,): 1, (2,): 2, (1, 2): 3, (2, 1): 4}), "given twice"),
    (lambda: Game.from_dict({(1,): 1, (3,): 1, (1, 3): 1}, players=[1, 2]), "player 3, who is not among"),
    (lambda: Game.from_dict({(): 1, (1,): 1}), "v(∅) must be 0"),
    (lambda: Game.from_bitmask_values([1, 2]), "v(∅) must be 0"),
    (lambda: Game.from_bitmask_values([0, 1, 2]), "not a power of two"),
    (lambda: Game.from_dict({(1,): 1, (1, 1): 2}), "lists a player twice"),
    (lambda: Game.from_dict({(1,): 1, ("a",): 1, (1, "a"): 1}), "mix ints and strings"),
    (lambda: Game.from_bitmask_values([0, 1], players=[1, 1]), "listed twice"),
    (lambda: Game.from_bitmask_values([0] * 4, players=[1.5, 2]), "must be an int or a string"),
    (lambda: Game.from_bitmask_values([0, 1], players=list(range(31))), "at most 30 players"),
])
def test_definition_errors(build, fragment):
    with pytest.raises(GameDefinitionError) as info:
        build()
    assert fragment in str(info.value)


@pytest.mark.parametrize("bad, fragment", [
    (0.1, "floats are not exact"), (float("nan"), "NaN"), ("x", "not a number"), (float("inf"), "infinity"),
])
def test_value_errors_name_the_coalition(bad, fragment):
    with pytest.raises(InexactValueError) as info:
        Game.from_dict({(1,): 1, (2,): bad, (1, 2): 3})
    assert fragment in str(info.value) and "v({2})" in str(info.value)


def test_predicates_with_witnesses():
    g = Game.from_bitmask_values([0, 2, 1, 1])
    r = g.is_monotone()
    assert not r and r.witness == (frozenset({1}), frozenset({1, 2}))
    assert "v({1}) = 2 > v({1,2}) = 1" == r.detail
    sub = Game.from_bitmask_values([0, 1, 1, 3])
    assert not sub.is_subadditive() and sub.is_superadditive() and sub.is_convex() and not sub.is_additive()
    assert sub.is_subadditive().witness == (frozenset({1}), frozenset({2}))
    sup = Game.from_bitmask_values([0, 1, 1, 1])
    assert not sup.is_superadditive() and sup.is_subadditive() and not sup.is_convex()
    assert sup.is_monotone()


@given(any_games(n_max=4))
def test_predicates_agree_with_the_formulas(game):
    lookup = lambda atom: game.values[atom.coalition]  # noqa: E731
    for name, predicate in [("monotone", game.is_monotone), ("superadditive", game.is_superadditive),
                            ("subadditive", game.is_subadditive), ("additive", game.is_additive),
                            ("convex", game.is_convex)]:
        assert predicate().holds == evaluate(game_class_formula(name, game.n), lookup), name


def test_with_values_returns_a_new_game():
    g = Game.from_bitmask_values([0, 1, 2, 3])
    h = g.with_values({(1, 2): "7/2"})
    assert g[1, 2] == 3 and h[1, 2] == Fraction(7, 2)


def test_repr_is_readable():
    assert "{1,2}: 3" in repr(Game.from_bitmask_values([0, 1, 2, 3]))
