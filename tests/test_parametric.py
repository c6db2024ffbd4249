"""Parametric games: piecewise rewards, regions, axioms over a region, symbolic rho."""

import json
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings, strategies as st

from exactfair import Game, balanced_reciprocity, examples
from exactfair.errors import ExactfairError, GameFileError
from exactfair.io import parse_game_json
from exactfair.parametric import ParametricGame, _interval_of, axiom_regions, parametric_balanced_reciprocity
from exactfair.rho import axiom_rho_sets, r4_rho_set

from .strategies import monotone_games

T = sympy.Symbol("t", real=True)


@pytest.fixture(scope="module")
def example1_t():
    g = ParametricGame.from_game(examples.example1(), {(1, 3): "t"}, {"t": (0, 10)})
    return g, parametric_balanced_reciprocity(g)


def test_example1_t_region_pieces_breakpoints(example1_t):
    g, table = example1_t
    def same(a, b):
        return _interval_of(a, T) == _interval_of(b, T)
    assert same(g.admissible_region(), sympy.And(T >= 1, T <= 6))
    # hand-checked: t ∈ [1, 3]: m-values make player 2 the k of {1,2,3}; beyond 3 player 1's F5 share stops
    expected = {
        1: [(sympy.And(T >= 1, T <= 3), T + 2), (sympy.And(T > 3, T <= 6), 5)],
        2: [(sympy.And(T >= 1, T <= 3), 6), (sympy.And(T > 3, T <= 6), 9 - T)],
        3: [(sympy.And(T >= 1, T <= 3), T + 5), (sympy.And(T > 3, T <= 6), 8)],
        4: [(sympy.And(T >= 1, T <= 6), 9)],
    }
    for player, pieces in expected.items():
        got = table.pieces(player, (1, 2, 3, 4))
        assert len(got) == len(pieces), player
        assert all(same(p.region, r) and sympy.expand(p.value - v) == 0 for p, (r, v) in zip(got, pieces)), player
        assert table.breakpoints(player, (1, 2, 3, 4)) == ([] if player == 4 else [3])
    # the paper's v (t = 4) and v' (t = 5)
    assert table.evaluate({"t": 4})[15] == [5, 5, 8, 9]
    assert table.evaluate({"t": 5})[15] == [5, 4, 8, 9]


@settings(max_examples=60, deadline=None)
@given(st.fractions(min_value=1, max_value=6, max_denominator=12))
def test_piecewise_equals_exact_table_at_every_admissible_point(example1_t, t):
    g, table = example1_t
    exact = balanced_reciprocity(g.instantiate({"t": t}), method="reference")
    assert table.evaluate({"t": t}) == [list(row) for row in exact.rewards]


@settings(max_examples=25, deadline=None)
@given(st.fractions(min_value=0, max_value=3, max_denominator=4), st.fractions(min_value=0, max_value=3,
                                                                              max_denominator=4))
def test_two_parameters(s_value, u_value):
    g = ParametricGame.from_game(examples.theorem5_game(), {(1, 2): "s + 2", (2, 3): "u + 2"},
                                 {"s": (0, 3), "u": (0, 3)})
    table = _two_param_table(g)
    point = {"s": s_value, "u": u_value}
    concrete = g.instantiate(point)
    if concrete.is_monotone().holds:
        assert table.evaluate(point) == [list(r) for r in balanced_reciprocity(concrete).rewards]
    else:
        with pytest.raises(ExactfairError, match="outside the admissible region"):
            table.evaluate(point)


_CACHE = {}


def _two_param_table(g):
    if "t" not in _CACHE:
        _CACHE["t"] = parametric_balanced_reciprocity(g)
    return _CACHE["t"]


def test_axioms_over_the_region(example1_t):
    _, table = example1_t
    assert all(v.verdict == "proved" for v in axiom_regions(table).values())
    f3 = ParametricGame.from_values(["0", "0", "0", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0", "1", "1", "s"],
                                    {"s": (0, 2)})
    result = axiom_regions(parametric_balanced_reciprocity(f3), ["F3"])["F3"]
    assert result.verdict == "refuted" and "s" in result.witness.points[0]
    assert "1 <= s" in result.scope or "s >= 1" in result.scope or "1 <= s" in str(result.scope)


@pytest.mark.parametrize("values, params, fragment", [
    (["0", "1", "2", "x"], {"t": None}, "undeclared symbol"),
    (["0", "1", "2", "t**2"], {"t": None}, "not affine"),
])
def test_bad_parametric_values(values, params, fragment):
    with pytest.raises(ExactfairError, match=fragment):
        ParametricGame.from_values(values, params)


def test_empty_region_names_the_conflict():
    g = ParametricGame.from_values(["0", "1", "2", "t"], {"t": (0, "1/2")})
    with pytest.raises(ExactfairError, match="conflict") as info:
        g.admissible_region()
    assert "t" in str(info.value)


def test_json_parameters_section():
    g = parse_game_json(json.dumps({"players": ["a", "b"], "parameters": {"t": {"min": "0", "max": "10"}},
                                    "values": [0, "1", "2", "t + 1"]}))
    table = parametric_balanced_reciprocity(g)
    data = table.to_dict()
    pieces = data["rewards"][3]["rewards"]["a"]
    for piece in pieces:
        assert isinstance(sympy.sympify(piece["region"]), sympy.Basic) and sympy.sympify(piece["value"]) is not None
    with pytest.raises(GameFileError, match="'min' and/or 'max'"):
        parse_game_json('{"players": ["a"], "parameters": {"t": {"low": 0}}, "values": [0, "t"]}')


def test_cli_parametric(tmp_path, capsys):
    from exactfair.cli import main
    png = tmp_path / "t.png"
    assert main(["rewards", "example1-t", "--format", "json", "--plot", str(png)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["admissible_region"] == "(1 <= t) & (t <= 6)"
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert main(["rewards", "example1", "--param", "t"]) == 2          # --param needs a parametric game
    assert "--param needs a parametric game" in capsys.readouterr().err
    # (--plot on a concrete game draws its reward table: tests/test_cli_tables.py)


def test_rho_sets():
    sets = axiom_rho_sets(examples.theorem5_game())
    assert sets["R4"] == sympy.Interval.Lopen(0, 1) and sets["F5"] == sympy.EmptySet
    # R4 needs small rho: v = (1, 2 | 2), grand Shapley (1/2, 3/2): (1/3)^rho · 2 >= 1 iff rho <= log 2 / log 3
    total, per = r4_rho_set(Game.from_bitmask_values([0, 1, 2, 2]))
    assert total == sympy.Interval.Lopen(0, sympy.log(2) / sympy.log(3))
    assert per[("{1,2}", 1)] == total and per[("{1,2}", 2)] == sympy.Interval.Lopen(0, 1)


@settings(max_examples=25, deadline=None)
@given(monotone_games(n_min=2, n_max=4), st.data())
def test_piecewise_equals_exact_on_random_games(game, data):
    coalition = data.draw(st.integers(1, (1 << game.n) - 1))
    top = max(game.values) + 2
    g = ParametricGame.from_game(game, {game.labels(coalition): "t"}, {"t": (0, top)})
    region = g.admissible_region()          # never empty: the original value is admissible
    table = parametric_balanced_reciprocity(g)
    interval = _interval_of(region, T)
    lo, hi = Fraction(str(interval.inf)), Fraction(str(interval.sup))
    for _ in range(3):
        k = data.draw(st.integers(0, 8))
        t = lo + (hi - lo) * Fraction(k, 8)
        exact = balanced_reciprocity(g.instantiate({"t": t}), method="reference")
        assert table.evaluate({"t": t}) == [list(r) for r in exact.rewards]
