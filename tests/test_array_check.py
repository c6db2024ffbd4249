"""The array checker agrees with the formula checker (the oracle) on random games and tables.

Tables are mechanism tables (which satisfy most axioms) with planted violations: entries nudged,
copied from another player or zeroed, so every axiom gets violated somewhere.  Games are drawn
with structure (weights with ties and zeros) so that F1's useless players, F2's symmetric pairs
and F3's desirable pairs — the hypotheses that make those axioms bite — actually occur.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from exactfair import Game, RewardTable, balanced_reciprocity, check_axiom, check_pair, examples, shapley
from exactfair.array_check import ARRAY_AXIOMS, instance_count
from exactfair.axioms import get_axiom
from exactfair.coalitions import members

from .strategies import any_games, f4_pairs, monotone_games


@st.composite
def structured_games(draw, n_min: int = 2, n_max: int = 6) -> Game:
    """v(C) = f(Σ_{i∈C} w_i) + noise on a few coalitions: ties, zero weights and dominance occur."""
    n = draw(st.integers(n_min, n_max))
    weights = draw(st.lists(st.sampled_from([0, 0, 1, 1, 2, 3]), min_size=n, max_size=n))
    shape = draw(st.sampled_from(["linear", "concave", "step"]))
    values = []
    for c in range(1 << n):
        w = sum(weights[i] for i in members(c))
        values.append({"linear": Fraction(w), "concave": Fraction(min(w, 3)), "step": Fraction(int(w >= 2))}[shape])
    if draw(st.booleans()):
        for _ in range(draw(st.integers(1, 3))):
            c = draw(st.integers(1, (1 << n) - 1))
            values[c] += Fraction(draw(st.integers(-2, 2)), draw(st.sampled_from([1, 2])))
    return Game.from_bitmask_values(values)


@st.composite
def planted_tables(draw, games) -> RewardTable:
    game = draw(games)
    base = draw(st.sampled_from(["br", "shapley"]))
    table = (balanced_reciprocity(game, require_monotone=False, method="reference") if base == "br"
             else shapley(game, method="reference"))
    rows = [list(r) for r in table.rewards]
    n = game.n
    for _ in range(draw(st.integers(0, 4))):
        c = draw(st.integers(0, (1 << n) - 1))
        i = draw(st.integers(0, n - 1))
        how = draw(st.sampled_from(["nudge", "copy", "zero", "value"]))
        if how == "nudge":
            rows[c][i] += Fraction(draw(st.sampled_from([-1, 1])), draw(st.sampled_from([1, 2, 3])))
        elif how == "copy":
            rows[c][i] = rows[c][draw(st.integers(0, n - 1))]
        elif how == "zero":
            rows[c][i] = Fraction(0)
        else:
            rows[c][i] = game.values[c]
    return RewardTable.from_rows(game, "planted", rows)


def _agree(axiom: str, table: RewardTable, limit):
    array = check_axiom(axiom, table, method="array", max_violations=limit)
    formula = check_axiom(axiom, table, method="formula", max_violations=limit)
    assert array.method == "array" and formula.method == "formula"
    assert array.holds == formula.holds, axiom
    assert array.violation_count == formula.violation_count, axiom
    assert array.instances_checked == formula.instances_checked, axiom
    assert array.violations == formula.violations, axiom
    return array


TABLES = st.one_of(planted_tables(structured_games()), planted_tables(monotone_games(n_min=2, n_max=5)),
                   planted_tables(any_games(n_min=1, n_max=4)))


@settings(max_examples=150, deadline=None)
@given(TABLES, st.sampled_from([None, 1, 3]))
def test_array_and_formula_checkers_agree(table, limit):
    for axiom in ARRAY_AXIOMS:
        _agree(axiom, table, limit)


@settings(max_examples=12, deadline=None)
@given(planted_tables(structured_games(n_min=7, n_max=7)))
def test_agree_at_seven_players(table):
    for axiom in ARRAY_AXIOMS:
        _agree(axiom, table, 2)


@settings(max_examples=80, deadline=None)
@given(f4_pairs(n_min=2, n_max=5), st.integers(0, 3), st.data())
def test_f4_array_and_formula_agree(pair, plants, data):
    v, w, _, _ = pair
    t, t2 = balanced_reciprocity(v, method="reference"), balanced_reciprocity(w, method="reference")
    rows = [list(r) for r in t2.rewards]
    for _ in range(plants):
        c = data.draw(st.integers(1, (1 << v.n) - 1))
        i = data.draw(st.integers(0, v.n - 1))
        rows[c][i] -= Fraction(data.draw(st.sampled_from([1, 2, 5])), 2)
    t2 = RewardTable.from_rows(w, "planted", rows)
    for first, second in ((t, t2), (t2, t)):
        array = check_pair(first, second, method="array", max_violations=3)
        formula = check_pair(first, second, method="formula", max_violations=3)
        assert (array.holds, array.violation_count, array.instances_checked, array.violations) == \
               (formula.holds, formula.violation_count, formula.instances_checked, formula.violations)


@pytest.mark.parametrize("axiom", ARRAY_AXIOMS + ("F4",))
@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_instance_counts_match_the_generators(axiom, n):
    assert instance_count(axiom, n) == len(get_axiom(axiom).instances(n))


def test_every_axiom_is_violated_by_some_planted_table():
    """The planted tables really exercise failures (a checker that always said 'holds' would fail here)."""
    g = Game.from_bitmask_values([0, 0, 1, 1, 1, 1, 2, 2])    # player 1 useless, 2 and 3 symmetric
    t = balanced_reciprocity(g)
    assert all(check_axiom(a, t).holds for a in ARRAY_AXIOMS if a != "F3")
    broken = {
        "R1": (3, 1, Fraction(-1)), "R2": (3, 1, Fraction(5)), "R4": (1, 2, Fraction(-1)),
        "R5": (1, 1, Fraction(7)), "F1": (3, 0, Fraction(1, 2)), "F2": (6, 1, Fraction(1, 3)),
        "F5": (7, 2, Fraction(3, 2)),
    }
    for axiom, (c, i, x) in broken.items():
        rows = [list(r) for r in t.rewards]
        rows[c][i] = x
        result = _agree(axiom, RewardTable.from_rows(g, "planted", rows), None)
        assert result.holds is False, axiom
    rows = [list(r) for r in t.rewards]
    rows[3][0] = rows[3][1] = Fraction(0)
    assert _agree("R3", RewardTable.from_rows(g, "planted", rows), None).holds is False
    f3 = Game.from_bitmask_values([0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1])   # the F3 counterexample
    assert _agree("F3", balanced_reciprocity(f3), None).holds is False


def test_extreme_int64_values_do_not_wrap():
    g = Game.from_bitmask_values(np.array([0, 2 ** 63 - 1, 2 ** 63 - 1, 2 ** 63 - 1], dtype=np.int64))
    t = balanced_reciprocity(g)
    assert t[1, (1, 2)] == 2 ** 63 - 1
    assert all(check_axiom(a, t, method="array").holds for a in ("R1", "R2", "R3", "R4", "R5", "F5"))
    u = Game.from_bitmask_values(np.array([0, 2 ** 64 - 2, 2 ** 64 - 1, 2 ** 64 - 1], dtype=np.uint64))
    assert u[1] == 2 ** 64 - 2 and balanced_reciprocity(u)[2, (1, 2)] == 2 ** 64 - 1
    assert balanced_reciprocity(u) == balanced_reciprocity(u, method="reference")


def test_irrational_tables_and_user_axioms_use_the_formula_checker():
    import sympy
    from exactfair import rho_shapley
    t = rho_shapley(examples.theorem5_game(), sympy.log(3, 2) - 1)
    assert not t.is_rational and check_axiom("F5", t).method == "formula"
    with pytest.raises(ValueError, match="method='formula'"):
        check_axiom("F5", t, method="array")
