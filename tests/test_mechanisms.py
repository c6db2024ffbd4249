from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings, strategies as st

from exactfair import Game, balanced_reciprocity, examples, rho_shapley, shapley, shapley_value, trace_coalition
from exactfair.errors import ExactfairError, NotMonotoneError, TooLargeError

from .strategies import any_games, monotone_games


@st.composite
def choices(draw):
    """Arbitrary choosers for line 12 (j) and for ties in line 17 (k)."""
    seed_j = draw(st.integers(0, 10 ** 6))
    seed_k = draw(st.integers(0, 10 ** 6))

    def choose_j(mask, ms):
        return ms[(seed_j * (mask + 7)) % len(ms)]

    def choose_k(mask, ms):
        return ms[(seed_k * (mask + 3)) % len(ms)]
    return choose_j, choose_k


@settings(max_examples=200)
@given(monotone_games(n_max=5), choices())
def test_corollary3_independent_of_j_and_of_ties(game, chooser):
    choose_j, choose_k = chooser
    assert balanced_reciprocity(game, choose_j=choose_j, choose_k=choose_k) == balanced_reciprocity(game)


def test_corollary3_every_fixed_j_on_example1():
    game = examples.example1()
    reference = balanced_reciprocity(game)
    for position in range(4):
        pick = lambda mask, ms, p=position: ms[p % len(ms)]  # noqa: E731
        assert balanced_reciprocity(game, choose_j=pick) == reference


def test_trace_follows_the_listing():
    tr = trace_coalition(examples.example1(), (2, 3, 4))
    assert tr.j == 1 and tr.k == 3
    assert tr.m == {1: 9, 2: 7, 3: 11}  # m_4 = 9 - M_2^{2,3} + M_4^{3,4} = 9 - 4 + 6
    with pytest.raises(ValueError):
        trace_coalition(examples.example1(), (2,))


def test_non_monotone_refused_with_witness_and_opt_out():
    g = Game.from_bitmask_values([0, 2, 1, 1])
    with pytest.raises(NotMonotoneError, match=r"v\(\{1\}\) = 2 > v\(\{1,2\}\) = 1"):
        balanced_reciprocity(g)
    t = balanced_reciprocity(g, require_monotone=False)
    assert t[1, (1, 2)] == 1  # player 1 has the larger stand-alone value and gets v_C


def test_too_large_refused(monkeypatch):
    import exactfair.table as table_module
    monkeypatch.setattr(table_module, "_available_memory", lambda: 1000)
    with pytest.raises(TooLargeError):
        balanced_reciprocity(examples.example1())


@given(any_games(n_max=4))
def test_shapley_is_efficient_in_every_subgame(game):
    t = shapley(game)
    for c in range(1, 1 << game.n):
        assert sum(t.rewards[c][i] for i in range(game.n) if c >> i & 1) == game.values[c]
        for i in range(game.n):
            if not c >> i & 1:
                assert t.rewards[c][i] == game.values[1 << i]


def test_shapley_value_of_example1():
    phi = shapley_value(examples.example1())
    assert sum(phi.values()) == 9
    assert all(isinstance(x, Fraction) for x in phi.values())


def test_rho_shapley_readings_differ_somewhere():
    g = examples.example1()
    assert rho_shapley(g, 1, shapley_of="grand") != rho_shapley(g, 1, shapley_of="subgame")


@given(monotone_games(n_max=4))
def test_rho_shapley_satisfies_r3_r5(game):
    from exactfair import check_axiom
    t = rho_shapley(game, "1/2")
    assert check_axiom("R3", t).holds and check_axiom("R5", t).holds and check_axiom("R2", t).holds


@pytest.mark.parametrize("rho, fragment", [
    (0, "(0, 1]"), (2, "(0, 1]"), ("-1/2", "(0, 1]"), ("x + 1", "undeclared symbol"), (0.5, "float"),
    ("log(", "unexpected end"),
])
def test_rho_validation(rho, fragment):
    with pytest.raises((ExactfairError, TypeError)) as info:
        rho_shapley(examples.theorem5_game(), rho)
    assert fragment in str(info.value)


def test_rho_half_is_exact_algebraic():
    t = rho_shapley(examples.theorem5_game(), sympy.Rational(1, 2))
    assert t[1, (1, 2)] == 3 * sympy.sqrt(2) / 2
