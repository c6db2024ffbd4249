"""The paper's printed tables, reproduced exactly."""

from fractions import Fraction

import sympy

from exactfair import balanced_reciprocity, examples, rho_shapley
from exactfair.exact import compare, sign

# Example 1, Section 4: columns of coalitions of size >= 2, rows players 1..4.
EXAMPLE1_TABLE = {
    (1, 2): (2, 3, 1, 4), (1, 3): (4, 2, 4, 4), (1, 4): (4, 2, 1, 7), (2, 3): (1, 4, 3, 4),
    (2, 4): (1, 5, 1, 7), (3, 4): (1, 2, 3, 6), (1, 2, 3): (5, 5, 6, 4), (1, 2, 4): (2, 3, 1, 7),
    (1, 3, 4): (7, 2, 6, 9), (2, 3, 4): (1, 7, 5, 9), (1, 2, 3, 4): (5, 5, 8, 9),
}

THEOREM5_RHO1 = {
    (1, 2): ("3/2", 3, 3), (1, 3): ("4/3", 2, 4), (2, 3): (1, "10/3", 5), (1, 2, 3): (2, 4, 6),
}
THEOREM5_ALG1 = {
    (1, 2): (2, 3, 3), (1, 3): (2, 2, 4), (2, 3): (1, 4, 5), (1, 2, 3): (3, 5, 6),
}


def _column(table, coalition):
    return tuple(table[p, coalition] for p in table.players)


def test_example1_table():
    game = examples.example1()
    table = balanced_reciprocity(game)
    for coalition, expected in EXAMPLE1_TABLE.items():
        assert _column(table, coalition) == tuple(Fraction(x) for x in expected), coalition
    # "For empty or single-member coalitions, each player i will just get assigned their standalone value."
    for coalition in [(), (1,), (2,), (3,), (4,)]:
        assert _column(table, coalition) == (1, 2, 1, 4)


def test_example1_prime_grand_coalition_and_13():
    before = balanced_reciprocity(examples.example1())
    after = balanced_reciprocity(examples.example1_prime())
    assert _column(after, (1, 2, 3, 4)) == (5, 4, 8, 9)
    # "in the coalition {1,3}, both player 1 and player 3 would get a larger reward"
    assert after[1, (1, 3)] > before[1, (1, 3)] and after[3, (1, 3)] > before[3, (1, 3)]
    # "player 1 and player 3 do not get an increase ... instead the reward of player 2 is decreased"
    assert after[1, (1, 2, 3, 4)] == before[1, (1, 2, 3, 4)]
    assert after[3, (1, 2, 3, 4)] == before[3, (1, 2, 3, 4)]
    assert after[2, (1, 2, 3, 4)] < before[2, (1, 2, 3, 4)]


def test_example1_player2_loses_when_1_joins_234():
    table = balanced_reciprocity(examples.example1())
    assert table[2, (1, 2, 3, 4)] < table[2, (2, 3, 4)]


def test_theorem5_tables():
    game = examples.theorem5_game()
    rho1 = rho_shapley(game, 1)
    alg1 = balanced_reciprocity(game)
    for coalition, expected in THEOREM5_RHO1.items():
        assert _column(rho1, coalition) == tuple(Fraction(x) for x in expected)
    for coalition, expected in THEOREM5_ALG1.items():
        assert _column(alg1, coalition) == tuple(Fraction(x) for x in expected)


def test_theorem5_rho_log2_3_minus_1():
    game = examples.theorem5_game()
    rho = sympy.log(3, 2) - 1
    table = rho_shapley(game, rho)
    assert table[1, (1, 2)] == Fraction(2)               # eq. (20): exactly 2
    r13 = table[1, (1, 3)]
    # eq. (21): ≈ 2.1036, certified: 2.1035 < r13 < 2.1037, and r13 ≠ 2 = M_1^{1,3}
    assert compare(r13, Fraction(21035, 10000)) == 1 and compare(r13, Fraction(21037, 10000)) == -1
    assert sign(r13 - 2) == 1
    assert sympy.N(r13, 30) == sympy.N(sympy.Rational(1, 3) ** rho * 4, 30)
    assert str(sympy.N(r13, 30)) == "2.10359412398982276732714777877"


def test_theorem5_grand_and_subgame_readings_agree_on_this_game():
    game = examples.theorem5_game()
    assert rho_shapley(game, 1, shapley_of="grand").rewards == rho_shapley(game, 1, shapley_of="subgame").rewards
