"""What two independent adversarial reviews of the routes to "proved" found, kept as tests.

Each test is a way the tool was once made to say "proved" for something false, to say plain "proved" on z3's word
alone, or to crash on bad input; each asserts the honest answer now.
"""

from __future__ import annotations

import sympy
import pytest

from exactfair import Claim, ExactfairError, check_axiom, check_axioms, define_axiom, logic, prove
from exactfair.axioms.logic import Implies
from exactfair.fairsets.analysis import check_all_pareto, check_equal
from exactfair.fairsets.core import StrategicGame
from exactfair.fairsets.parametric import validity_condition
from exactfair.symbolic.parametric import ParametricGame, axiom_regions, parametric_balanced_reciprocity


@pytest.fixture
def no_cvc5(monkeypatch):
    import exactfair.kernel.solvers as solvers
    monkeypatch.setattr(solvers, "cvc5_available", lambda: False)


def test_a_user_axiom_named_like_f4_gets_no_f4_reduction():
    """The F4 reduction (only C = N, only player 1) is sound for the built-in F4 only; it once applied to any axiom
    whose name began with F4, and proved this false claim at n = 4."""
    def rule(C, i):
        if i == 0:
            return logic.ge(logic.reward(i, C), 0)
        return Implies(logic.eq(logic.value(C), logic.value(C & ~(1 << i)) + 1000),
                       logic.ge(logic.reward(i, C), logic.value(C)))
    mine = define_axiom("F4[mine]", per_member=rule, register=False)
    assert prove(Claim("equal-split", conclude=mine), 3).verdict == "refuted"
    assert prove(Claim("equal-split", conclude=mine), 4).verdict == "refuted"


def test_a_copy_of_a_coordinate_never_shares_its_name():
    """check_all_pareto copied each coordinate as NAME_prime; a coordinate called p_prime made it prove a false
    'every point of F is Pareto optimal'."""
    g = StrategicGame.two_by_two("p", "p_prime", "p", "p")
    p, pp = g.symbols()
    v = check_all_pareto(g, p + sympy.Rational(1, 2) <= pp, "every point is Pareto optimal")
    assert v.verdict == "refuted"                 # (1/2, 1) dominates (0, 1), both in F


def test_a_two_game_axiom_is_refused_by_axiom_regions():
    """axiom_regions read F4-Sim's v′ as v and proved it on the whole region."""
    table = parametric_balanced_reciprocity(ParametricGame.from_values(["0", "0", "s", "1"], {"s": (0, 1)}))
    with pytest.raises(ExactfairError, match="two games"):
        axiom_regions(table, ["F4-Sim"])
    with pytest.raises(ExactfairError, match="unknown axiom"):
        axiom_regions(table, ["ZZ"])
    with pytest.raises(ExactfairError, match="no reward"):
        table.pieces(7, (1, 2))


def test_a_parametric_proof_rests_on_checked_pruning(no_cvc5):
    """The branches of the symbolic run were pruned on z3's unsat alone; a proof over the leaves said plain
    'proved' (with 'no solver call'). Without cvc5 it is now z3 only."""
    from exactfair import examples
    table = parametric_balanced_reciprocity(ParametricGame.from_game(examples.example1(), {(1, 3): "t"}))
    assert table.agreements and all(r.get("agrees") is None for r in table.agreements)
    assert {v.verdict for v in axiom_regions(table, ["F5", "R3"]).values()} == {"proved (z3 only)"}


def test_fair_set_checks_called_directly_need_cvc5(no_cvc5):
    """Called outside the claims catalogue, these returned z3-only proofs as plain 'proved'."""
    g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    p, q = g.symbols()
    assert check_equal(g, sympy.And(p <= q, p >= q), sympy.Eq(p, q), "F = {p = q}").verdict == "proved (z3 only)"
    cond, verdict = validity_condition(g, "Min(p, (b - c*a + (1 + 2*c)*q)/(2 + c))",
                                       {"a": (None, None), "b": (None, None), "c": (0, None)})
    assert verdict.verdict == "proved (z3 only)"


def test_an_orbit_with_a_dead_premise_is_checked_by_cvc5_too(monkeypatch):
    """The orbit route skipped an orbit whose premise z3 found unsatisfiable without asking cvc5."""
    import exactfair.kernel.solvers as solvers
    asked = []
    real = solvers.cross_check

    def spy(label, *args, **kwargs):
        asked.append(label)
        return real(label, *args, **kwargs)
    monkeypatch.setattr(solvers, "cross_check", spy)

    def rule(C, n):
        size = bin(C).count("1")
        if size == 2:
            return Implies(logic.lt(logic.value(C), 0), logic.ge(logic.value(C), 0))     # premise dead (monotone)
        if size == 3:
            return Implies(logic.ge(logic.value(C), 0), logic.ge(logic.value(C), 0))     # premise live
        return logic.ge(logic.value(C), 0)
    ax = define_axiom("dead-premise-probe", per_coalition=rule, register=False)
    v = prove(Claim("equal-split", conclude=ax), 3)
    assert v.verdict == "proved"
    assert any("per orbit" in d for d in v.details)                # the orbit route decided it …
    assert any("premise of" in label for label in asked)           # … and cvc5 saw the dead premise


@pytest.mark.parametrize("n, timeout", [("3", 60.0), (2.0, 60.0), (None, 60.0), (True, 60.0), ([2, "x"], 60.0),
                                        (0, 60.0), (2, float("nan")), (2, -1.0), (2, float("inf"))])
def test_prove_refuses_bad_arguments_in_one_clear_error(n, timeout):
    with pytest.raises(ExactfairError):
        prove(Claim("equal-split", conclude="R2"), n, timeout=timeout)


def test_checkers_refuse_what_is_not_a_table():
    with pytest.raises(ExactfairError, match="RewardTable"):
        check_axioms("x")
    with pytest.raises(ExactfairError, match="RewardTable"):
        check_axiom("F5", [[1, 2]])


def test_names_that_would_collide_are_refused():
    g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    with pytest.raises(ExactfairError, match="name of a coordinate"):
        validity_condition(g, "Min(p, q)", {"p": (0, 1)})
    with pytest.raises(ExactfairError, match="twice"):
        StrategicGame.two_by_two("p", "p", "p", "p")
    with pytest.raises(ExactfairError, match="not a name"):
        StrategicGame.two_by_two("p", "2x", "p", "p")
