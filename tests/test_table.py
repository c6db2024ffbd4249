import json
from fractions import Fraction

import pytest
import sympy

from exactfair import Game, RewardTable, balanced_reciprocity, examples, rho_shapley
from exactfair.errors import InexactValueError, TooLargeError
from exactfair.table import ensure_table_fits


@pytest.fixture
def table():
    return balanced_reciprocity(examples.theorem5_game())


def test_access(table):
    assert table[1, (1, 2)] == 2 and table.reward(0, 0b011) == 2
    assert table.column((1, 2, 3)) == {1: 3, 2: 5, 3: 6}
    assert table.grand_coalition() == {1: 3, 2: 5, 3: 6}


def test_text_has_rows_players_columns_coalitions(table):
    lines = table.to_text().splitlines()
    assert lines[0].split() == ["C", "∅", "{1}", "{2}", "{3}", "{1,2}", "{1,3}", "{2,3}", "{1,2,3}"]
    assert lines[1].split() == ["M_1", "1", "1", "1", "1", "2", "2", "1", "3"]


def test_markdown_and_latex(table):
    md = table.to_markdown(min_size=2)
    assert md.splitlines()[0] == "| C | {1,2} | {1,3} | {2,3} | {1,2,3} |"
    tex = table.to_latex(min_size=3)
    assert r"$\{1,2,3\}$" in tex and r"$\mathcal{M}(v)^{C}_{2}$ & $5$ \\" in tex
    tex_rho = rho_shapley(examples.theorem5_game(), 1).to_latex(min_size=2)
    assert r"\frac{3}{2}" in tex_rho


def test_json_format(table):
    data = json.loads(table.to_json())
    assert data["players"] == [1, 2, 3] and data["mechanism"] == "balanced-reciprocity"
    assert len(data["rewards"]) == 8
    assert data["rewards"][-1] == {"coalition": [1, 2, 3], "rewards": {"1": "3", "2": "5", "3": "6"}}
    assert all(isinstance(x, str) for entry in data["rewards"] for x in entry["rewards"].values())


def test_json_irrational_values_read_back():
    t = rho_shapley(examples.theorem5_game(), "log(3,2) - 1")
    data = json.loads(t.to_json())
    entry = next(e for e in data["rewards"] if e["coalition"] == [1, 3])
    assert sympy.simplify(sympy.sympify(entry["rewards"]["1"]) - t[1, (1, 3)]) == 0
    assert data["parameters"]["rho"] == "-1 + log(3)/log(2)"


def test_tables_compare_by_content(table):
    same = balanced_reciprocity(examples.theorem5_game())
    other = balanced_reciprocity(examples.theorem5_game().with_values({(1, 2, 3): 7}))
    assert table == same and table != other


def test_table_refuses_floats():
    g = Game.from_bitmask_values([0, 1, 2, 3])
    with pytest.raises(InexactValueError, match="reward of player 1 in {1,2}"):
        RewardTable.from_rows(g, "manual", [[1, 2], [1, 2], [1, 2], [0.5, 3]])


def test_memory_guard_refuses_before_allocating():
    with pytest.raises(TooLargeError) as info:
        ensure_table_fits(34, available=24 << 30)
    assert "needs about" in str(info.value) and "34 players" in str(info.value)
    ensure_table_fits(10, available=24 << 30)


def test_render_unknown_format(table):
    with pytest.raises(ValueError, match="unknown format"):
        table.render("html")


def test_fraction_values_stay_fractions(table):
    assert all(isinstance(x, Fraction) for row in table.rewards for x in row)
