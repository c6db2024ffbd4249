import json
from fractions import Fraction

import pytest
from hypothesis import given

from exactfair import Game, read_game
from exactfair.errors import GameDefinitionError, GameFileError
from exactfair.io import game_to_json, parse_game_csv, parse_game_json

from .strategies import any_games


def test_json_numbers_are_read_as_written():
    g = parse_game_json('{"players": ["1", "2"], "values": [0, 0.1, 0.2, 0.3]}')
    assert g["1", "2"] == Fraction(3, 10) and g["1"] + g["2"] == g["1", "2"]


def test_json_coalition_objects():
    text = json.dumps({"players": ["1", "2"], "values": [
        {"coalition": [], "value": 0}, {"coalition": ["1"], "value": "1"},
        {"coalition": ["2"], "value": 2}, {"coalition": ["2", "1"], "value": "3/2"}]})
    g = parse_game_json(text)
    assert g["1", "2"] == Fraction(3, 2)


@given(any_games())
def test_json_round_trip(game):
    assert parse_game_json(game_to_json(game)) == game


@pytest.mark.parametrize("text, fragment", [
    ("{", "malformed JSON at line 1"),
    ("[1, 2]", "a JSON object"),
    ('{"players": ["1"]}', "missing key 'values'"),
    ('{"players": ["1"], "values": [0, Infinity]}', "NaN and infinities"),
    ('{"players": ["1"], "values": [0, "abc"]}', "not a number"),
    ('{"players": ["1"], "values": [0, 1], "vals": 1}', "unknown key"),
    ('{"players": ["1","2"], "values": [{"coalition": ["1"], "value": 1}]}', "missing value for coalition"),
    ('{"players": ["1"], "values": [{"coalition": ["1"], "value": 1}, {"coalition": ["1"], "value": 2}]}',
     "given twice"),
    ('{"players": ["1"], "values": [{"coalition": ["9"], "value": 1}]}', "not among the players"),
    ('{"players": ["1"], "values": [{"coalition": [], "value": 1}, {"coalition": ["1"], "value": 1}]}',
     "v(∅) must be 0"),
    ('{"players": ["1"], "values": [{"coalition": ["1"], "val": 1}]}', "exactly the keys"),
])
def test_json_errors(text, fragment):
    with pytest.raises((GameFileError, GameDefinitionError)) as info:
        parse_game_json(text)
    assert fragment in str(info.value)


def test_csv():
    g = parse_game_csv("coalition,value\n,0\n1,1\n2,0.5\n1 2,3/2\n")
    assert g.players == ("1", "2") and g["1", "2"] == Fraction(3, 2)
    g2 = parse_game_csv("coalition,value\n1,1\n2,2\n1 2,3\n")  # ∅ may be omitted
    assert g2["1", "2"] == 3


@pytest.mark.parametrize("text, fragment", [
    ("", "empty CSV"),
    ("a,b\n", "expected the header"),
    ("coalition,value\n1,1,1\n", "line 2: expected 2 fields"),
    ("coalition,value\n1,1\n1,2\n", "line 3: coalition '1' was already given on line 2"),
    ("coalition,value\n1,x\n", "not a number"),
    ("coalition,value\n1,1\n2,1\n", "missing value for coalition {1,2}"),
])
def test_csv_errors(text, fragment):
    with pytest.raises(GameFileError) as info:
        parse_game_csv(text)
    assert fragment in str(info.value)


def test_read_game_files(tmp_path):
    (tmp_path / "g.json").write_text('{"players": [1, 2], "values": [0, 1, 2, 3]}')
    (tmp_path / "g.csv").write_text("coalition,value\n1,1\n2,2\n1 2,3\n")
    assert read_game(tmp_path / "g.json") == Game.from_bitmask_values([0, 1, 2, 3])
    assert read_game(tmp_path / "g.csv")["1", "2"] == 3
    with pytest.raises(GameFileError, match="no such game file"):
        read_game(tmp_path / "missing.json")
