"""Large games and tables at the edges: .npy/.npz files, streamed JSON, npz output, exact arrays."""

from __future__ import annotations

import json
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings

from exactfair import Game, RewardTable, balanced_reciprocity, check_axioms, read_game, shapley
from exactfair.cli import main
from exactfair.errors import GameDefinitionError, GameFileError, InexactValueError
from exactfair.fast import random_monotone_values
from exactfair.io import game_to_json, parse_game_json, write_game_npz

from .strategies import any_games


def test_npy_and_npz_games_round_trip(tmp_path):
    v = random_monotone_values(9, seed=4)
    np.save(tmp_path / "g.npy", v)
    g = read_game(tmp_path / "g.npy")
    assert g.n == 9 and g.players == tuple(range(1, 10)) and np.array_equal(g.numerators, v)
    h = Game.from_bitmask_values([0, "1/2", "1/3", 1], players=["a", "b"])
    write_game_npz(h, tmp_path / "h.npz")
    assert read_game(tmp_path / "h.npz") == h


@pytest.mark.parametrize("content, fragment", [
    (np.array([0.0, 1.0]), "integer array"),
    (np.array([0, 1, 2]), "not a power of two"),
    (np.array([[0, 1], [2, 3]]), "one-dimensional"),
    (np.array([1, 1]), "v(∅) must be 0"),
])
def test_bad_npy_games(tmp_path, content, fragment):
    np.save(tmp_path / "bad.npy", content)
    with pytest.raises(GameFileError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        read_game(tmp_path / "bad.npy")


def test_npy_object_arrays_are_refused(tmp_path):
    np.save(tmp_path / "obj.npy", np.array([0, 1], dtype=object), allow_pickle=True)
    with pytest.raises(GameFileError, match="object arrays are refused"):
        read_game(tmp_path / "obj.npy")


def test_integer_arrays_of_every_width_are_exact():
    for dtype in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64):
        g = Game.from_bitmask_values(np.array([0, 1, 2, 3], dtype=dtype))
        assert g.values == (0, 1, 2, 3)
    top = np.iinfo(np.uint64).max
    g = Game.from_bitmask_values(np.array([0, top, top, top], dtype=np.uint64))
    assert g[1, 2] == top and g.numerators.dtype == object
    with pytest.raises(InexactValueError, match="floats are not exact"):
        Game.from_bitmask_values(np.array([0.0, 0.5]))
    with pytest.raises(InexactValueError, match="booleans"):
        Game.from_bitmask_values(np.array([False, True]))


@settings(max_examples=60, deadline=None)
@given(any_games(n_max=5))
def test_array_game_edges_agree_with_fractions(game):
    fractions = game.values
    assert all(game.value(m) == fractions[m] for m in range(1 << game.n))
    rebuilt = Game.from_scaled(game.players, game.numerators * 6, game.denominator * 6)
    assert rebuilt == game and hash(rebuilt) == hash(game)
    assert parse_game_json(game_to_json(game)) == game


def test_games_and_tables_are_immutable_and_compare_by_value():
    g = Game.from_bitmask_values([0, 1, 2, 3])
    with pytest.raises(AttributeError):
        g.players = (5, 6)
    with pytest.raises(ValueError):
        g.numerators[1] = 7
    t = balanced_reciprocity(g)
    assert t == RewardTable.from_rows(g, "balanced-reciprocity", t.rewards)
    assert t != RewardTable.from_rows(g, "balanced-reciprocity", [[1, 2], [1, 2], [1, 2], [2, 4]])
    assert Game.from_bitmask_values([0, 1, 2, 3]) != Game.from_bitmask_values([0, 1, 2, 4])
    with pytest.raises(GameDefinitionError, match="shape"):
        RewardTable.from_array(g, "x", np.zeros((3, 2), dtype=np.int64))


def test_object_json_reader_reads_large_games(tmp_path):
    g = Game.from_bitmask_values(random_monotone_values(11, seed=2))
    assert parse_game_json(game_to_json(g)) == g                  # one object per coalition, 2048 of them
    dup = json.loads(game_to_json(Game.from_bitmask_values([0, 1, 2, 3])))
    dup["values"].append({"coalition": [2, 1], "value": 3})
    with pytest.raises(GameDefinitionError, match="given twice"):
        parse_game_json(json.dumps(dup))


def test_cli_large_tables_stream_json_and_write_npz(tmp_path, capsys):
    path = tmp_path / "g13.npy"
    np.save(path, random_monotone_values(13, seed=5))
    assert main(["rewards", str(path), "--format", "json", "-o", str(tmp_path / "t.json")]) == 0
    data = json.loads((tmp_path / "t.json").read_text())
    table = balanced_reciprocity(read_game(path))
    assert len(data["rewards"]) == 1 << 13
    assert data["rewards"][-1]["rewards"] == {str(p): str(x) for p, x in table.grand_coalition().items()}
    assert main(["rewards", str(path), "--format", "npz", "-o", str(tmp_path / "t.npz")]) == 0
    saved = np.load(tmp_path / "t.npz")
    arr, d = table.to_numpy()
    assert np.array_equal(saved["numerators"], arr) and int(saved["denominator"]) == d
    assert main(["rewards", str(path)]) == 2
    assert "too many to print" in capsys.readouterr().err
    assert main(["rewards", str(path), "--format", "npz"]) == 2
    assert "--output" in capsys.readouterr().err


def test_cli_check_certifies_a_large_game(tmp_path, capsys):
    path = tmp_path / "g14.npy"
    np.save(path, random_monotone_values(14, seed=1))
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "F5  holds" in out and "F4  not checked" in out and "not checked: F4" in out


def test_check_axioms_reports_f4_unchecked_beyond_the_limit():
    g = Game.from_bitmask_values(random_monotone_values(5, seed=3))
    results = check_axioms(balanced_reciprocity(g), mechanism=balanced_reciprocity, f4_max_n=4)
    assert results["F4"].holds is None and "n > 4" in results["F4"].scope
    assert check_axioms(balanced_reciprocity(g), mechanism=balanced_reciprocity)["F4"].holds is True


@settings(max_examples=60, deadline=None)
@given(any_games(n_max=6))
def test_shapley_fast_equals_reference(game):
    assert shapley(game) == shapley(game, method="reference")


def test_shapley_huge_values_use_python_integers():
    g = Game.from_bitmask_values([0, 10 ** 30, Fraction(1, 3), 10 ** 40 + 1])
    assert shapley(g) == shapley(g, method="reference")
