from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, strategies as st

from exactfair.errors import InexactValueError, UndecidedComparisonError
from exactfair.exact import compare, format_exact, sign, to_exact, to_exact_number


@pytest.mark.parametrize("raw, expected", [
    (3, Fraction(3)), ("0.1", Fraction(1, 10)), ("3/2", Fraction(3, 2)), (" -7/4 ", Fraction(-7, 4)),
    ("1e-3", Fraction(1, 1000)), (Fraction(2, 6), Fraction(1, 3)), (sympy.Rational(5, 3), Fraction(5, 3)),
    (Decimal("0.25"), Fraction(1, 4)), (np.int64(7), Fraction(7)), (sympy.Integer(4), Fraction(4)),
])
def test_accepted(raw, expected):
    assert to_exact(raw) == expected
    assert isinstance(to_exact(raw), Fraction)


@pytest.mark.parametrize("raw, fragment", [
    (0.1, 'pass it exactly instead: as a string such as "0.1"'),
    (float("nan"), "NaN and infinity"), (float("inf"), "NaN and infinity"), ("nan", "NaN and infinity"),
    ("-inf", "NaN and infinity"), ("abc", "not a number"), ("", "not a number"), (True, "bool"),
    (np.float64(0.5), "floats are not exact"), (sympy.Float(0.5), "floats are not exact"),
    (sympy.sqrt(2), "not rational"), (sympy.Symbol("t"), "symbolic"), ([1], "not an exact number"),
    (Decimal("NaN"), "NaN"), ("1/0", "division by zero"),
])
def test_refused(raw, fragment):
    with pytest.raises(InexactValueError) as info:
        to_exact(raw, what="v({1})")
    assert fragment in str(info.value)


def test_refusals_are_type_errors():
    with pytest.raises(TypeError):
        to_exact(0.5)


def test_to_exact_number_keeps_irrationals():
    assert to_exact_number(sympy.sqrt(2)) == sympy.sqrt(2)
    assert to_exact_number(sympy.sqrt(4)) == Fraction(2)
    with pytest.raises(InexactValueError):
        to_exact_number(sympy.sqrt(2) + sympy.Float(0.1))


@given(st.fractions(), st.fractions())
def test_compare_rationals(a, b):
    assert compare(a, b) == (a > b) - (a < b)
    assert format_exact(a) == str(a) and Fraction(format_exact(a)) == a


def test_certified_signs():
    rho = sympy.log(3, 2) - 1
    assert sign(sympy.Rational(1, 2) ** rho * 3 - 2) == 0
    assert sign(sympy.Rational(1, 3) ** rho * 4 - 2) == 1
    assert sign(sympy.sqrt(2) - sympy.Rational(141421356, 100000000)) == 1
    assert sign(sympy.log(sympy.Rational(3, 2)) / sympy.log(2) - sympy.log(2) / sympy.log(3)) == -1
    # a tiny but non-zero difference is still certified
    assert sign(sympy.sqrt(2) - sympy.Rational(14142135623730951, 10 ** 16)) == -1


def test_undecidable_is_an_error_not_a_guess():
    with pytest.raises(UndecidedComparisonError):
        sign(sympy.Symbol("t"))
    with pytest.raises(UndecidedComparisonError):
        sign(sympy.gamma(sympy.Rational(1, 3)) - 2)  # unsupported function: said, not guessed


def test_sign_of_sympy_rationals():
    assert sign(sympy.Integer(0)) == 0 and sign(sympy.Rational(-1, 2)) == -1 and sign(sympy.Integer(3)) == 1
    assert sign(sympy.log(3) - sympy.log(3)) == 0
