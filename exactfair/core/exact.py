"""Exact numbers: conversion at the edges, certified comparison inside.

Every number in a game or reward table is either a :class:`fractions.Fraction`
(rational values) or a sympy expression without free symbols (irrational values
such as ``3 * (1/3)**(log(3)/log(2) - 1)``).  A Python ``float`` never enters:
:func:`to_exact` refuses it with a message saying how to pass the value exactly.

Comparisons of two rationals are plain ``Fraction`` comparisons.  Comparisons
involving an irrational sympy number are *certified*: equality is decided by
sympy's simplification to exactly zero, a strict sign by interval arithmetic
(:mod:`mpmath.iv`) whose interval excludes zero.  If neither succeeds the
comparison raises :class:`~exactfair.core.errors.UndecidedComparisonError` — it is
never guessed from a float.
"""

from __future__ import annotations

import decimal
import math
import numbers
import re
from fractions import Fraction
from typing import Any, Union

import sympy

from .digits import format_integer
from .errors import InexactValueError, UndecidedComparisonError

__all__ = ["Exact", "to_exact", "to_exact_number", "format_exact", "sign", "compare", "is_rational",
           "format_decimal", "format_readable"]

#: The type of an exact number in exactfair: a Fraction or a constant sympy expression.
Exact = Union[Fraction, sympy.Expr]

_FLOAT_HINT = (
    "pass it exactly instead: as a string such as \"0.1\" or \"3/2\", "
    "as fractions.Fraction(1, 10), or as an int"
)
_NUMBER_STRING = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(/[+-]?\d+)?$")


def to_exact(value: Any, *, what: str = "value") -> Fraction:
    """Convert an exact rational input to a :class:`~fractions.Fraction`.

    Accepted: ``int`` (not ``bool``), ``Fraction``, ``decimal.Decimal`` (finite),
    sympy ``Rational``/``Integer``, numpy integers, and strings holding a decimal or
    a fraction (``"0.1"``, ``"-3/2"``, ``"1e-3"``).  Refused with a clear error: ``float``
    (binary floating point is not exact), NaN and infinities, non-numeric strings,
    irrational sympy numbers and anything else.

    Parameters
    ----------
    value:
        The value to convert.
    what:
        How to name the value in an error message (e.g. ``"v({1, 2})"``).

    Examples
    --------
    >>> to_exact("0.1")
    Fraction(1, 10)
    >>> to_exact("3/2")
    Fraction(3, 2)
    >>> to_exact(0.1)
    Traceback (most recent call last):
    ...
    exactfair.core.errors.InexactValueError: value is the float 0.1: floats are not exact; pass it exactly instead: as a string such as "0.1" or "3/2", as fractions.Fraction(1, 10), or as an int
    """
    if isinstance(value, bool):
        raise InexactValueError(f"{what} is the bool {value!r}: pass a number (int, Fraction or string)")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise InexactValueError(f"{what} is {value!r}: NaN and infinity are not allowed; use a finite exact number")
        raise InexactValueError(f"{what} is the float {value!r}: floats are not exact; {_FLOAT_HINT}")
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise InexactValueError(f"{what} is {value!r}: NaN and infinity are not allowed; use a finite exact number")
        return _checked_decimal(value, what)
    if isinstance(value, str):
        text = value.strip()
        if not _NUMBER_STRING.match(text):
            lowered = text.lower().lstrip("+-")
            if lowered in {"nan", "inf", "infinity"}:
                raise InexactValueError(
                    f"{what} is {value!r}: NaN and infinity are not allowed; use a finite exact number")
            raise InexactValueError(
                f"{what} is the string {value!r}, which is not a number; "
                "write a decimal (\"0.1\") or a fraction (\"3/2\")")
        from .expressions import parse_decimal
        try:
            return parse_decimal(text, what=what)
        except ZeroDivisionError:
            raise InexactValueError(f"{what} is {value!r}: division by zero") from None
    if isinstance(value, sympy.Basic):
        if isinstance(value, sympy.Rational):
            return Fraction(int(value.p), int(value.q))
        if isinstance(value, sympy.Float):
            raise InexactValueError(f"{what} is the sympy Float {value}: floats are not exact; {_FLOAT_HINT}")
        if value.free_symbols:
            raise InexactValueError(
                f"{what} is the symbolic expression {value}: a concrete game needs numbers; "
                "use a parametric game for symbols")
        raise InexactValueError(f"{what} is {value}, which is not rational; game values must be rational")
    if isinstance(value, numbers.Integral):  # numpy integers and friends
        return Fraction(int(value))
    if isinstance(value, numbers.Real):  # numpy floats and friends
        raise InexactValueError(f"{what} is the floating-point number {value!r}: floats are not exact; {_FLOAT_HINT}")
    raise InexactValueError(f"{what} has type {type(value).__name__}, which is not an exact number; {_FLOAT_HINT}")


def _checked_decimal(value: decimal.Decimal, what: str) -> Fraction:
    """Fraction of a finite Decimal, refused by size first (``1e-99999999`` would take hours)."""
    from .errors import ExpressionError
    from .expressions import MAX_DIGITS, MAX_EXPONENT

    sign_, digits, exponent = value.as_tuple()
    if len(digits) > MAX_DIGITS:
        raise ExpressionError(f"{what} has {len(digits)} digits; the limit is {MAX_DIGITS}")
    if abs(exponent + len(digits)) > MAX_EXPONENT or abs(exponent) > MAX_EXPONENT + MAX_DIGITS:
        raise ExpressionError(f"{what} = {value} has a decimal exponent beyond ±{MAX_EXPONENT}; "
                              "write it as a fraction p/q if it really is that small or large")
    return Fraction(value)


def to_exact_number(value: Any, *, what: str = "value") -> Exact:
    """Like :func:`to_exact`, but also accept constant irrational sympy expressions.

    Rationals come back as :class:`~fractions.Fraction`; a constant sympy
    expression that is not rational is returned as a sympy expression.

    >>> to_exact_number(sympy.sqrt(2))
    sqrt(2)
    >>> to_exact_number(sympy.Rational(3, 2))
    Fraction(3, 2)
    """
    if isinstance(value, sympy.Basic) and not isinstance(value, (sympy.Rational, sympy.Float)):
        if value.free_symbols:
            raise InexactValueError(f"{what} is the symbolic expression {value}: it has free symbols {sorted(map(str, value.free_symbols))}")
        if value.has(sympy.Float):
            raise InexactValueError(f"{what} = {value} contains a float; {_FLOAT_HINT}")
        if value.is_Rational:
            return Fraction(int(value.p), int(value.q))
        return value
    return to_exact(value, what=what)


def is_rational(value: Exact) -> bool:
    """True when ``value`` is a :class:`~fractions.Fraction` (or an int).

    >>> is_rational(Fraction(1, 3)), is_rational(sympy.sqrt(2))
    (True, False)
    """
    return isinstance(value, (Fraction, int))


def format_exact(value: Exact) -> str:
    """Render an exact number as a string that reads back exactly.

    Rationals as ``"p/q"`` or ``"p"`` at any size up to :data:`exactfair.core.digits.MAX_PRINT_DIGITS` digits
    (past Python's 4,300-digit ``str`` limit; larger ones are refused with what to do); sympy expressions with
    :func:`sympy.sstr` (which :func:`sympy.sympify` reads back).

    >>> format_exact(Fraction(3, 2)), format_exact(Fraction(4)), format_exact(sympy.sqrt(2) / 2)
    ('3/2', '4', 'sqrt(2)/2')
    >>> len(format_exact(Fraction(1, 10 ** 5000 + 1)))
    5003
    """
    if isinstance(value, int):
        return format_integer(value)
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return format_integer(value.numerator)
        return f"{format_integer(value.numerator)}/{format_integer(value.denominator)}"
    return sympy.sstr(value)


def format_decimal(value: Exact, decimals: int) -> str:
    """An exact number rounded to ``decimals`` places for reading (half to even; display only).

    Rationals are rounded exactly (no float in between); sympy numbers through :func:`sympy.N` with guard
    digits.  The exact value is unchanged — use :func:`format_exact` wherever it is read back.

    >>> format_decimal(Fraction(6955559424494435, 9007199254740992), 4), format_decimal(Fraction(-1, 3), 2)
    ('0.7722', '-0.33')
    >>> format_decimal(Fraction(5, 2), 0), format_decimal(Fraction(-1, 1000), 2), format_decimal(sympy.sqrt(2), 3)
    ('2', '0.00', '1.414')
    """
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 100:
        raise ValueError(f"decimals must be an integer from 0 to 100, got {decimals!r}")
    if not isinstance(value, (Fraction, int)):
        value = to_exact(sympy.Rational(str(sympy.N(value, decimals + 30))))
    value = Fraction(value)
    scaled = value * 10 ** decimals
    whole = round(scaled)                                   # Fraction rounds half to even, exactly
    sign = "-" if whole < 0 else ""
    digits = format_integer(abs(whole)).rjust(decimals + 1, "0")
    if decimals == 0:
        return sign + digits
    return f"{sign}{digits[:-decimals]}.{digits[-decimals:]}"


def format_readable(value: Exact, decimals: int = 4) -> str:
    """The exact value, followed by ``≈ d`` when it is not an integer (for messages).

    >>> format_readable(Fraction(62, 25)), format_readable(Fraction(3))
    ('62/25 ≈ 2.48', '3')
    """
    exact = format_exact(value)
    if isinstance(value, int) or (isinstance(value, Fraction) and value.denominator == 1):
        return exact
    rounded = format_decimal(value, decimals).rstrip("0").rstrip(".")
    return f"{exact} ≈ {rounded}" if len(exact) < 40 else f"≈ {rounded} (exactly {exact})"


def _as_sympy(value: Exact) -> sympy.Expr:
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, int):
        return sympy.Integer(value)
    if isinstance(value, sympy.Basic):
        return value
    raise TypeError(f"{value!r} is not an exact number (Fraction, int or sympy expression)")


def _interval(expr: sympy.Expr, iv: Any) -> Any:
    """Evaluate a constant sympy expression in mpmath interval arithmetic."""
    if expr.is_Integer:
        return iv.mpf(int(expr))
    if expr.is_Rational:
        return iv.mpf(int(expr.p)) / iv.mpf(int(expr.q))
    if expr is sympy.pi:
        return iv.pi
    if expr is sympy.E:
        return iv.e
    if expr.is_Add:
        total = iv.mpf(0)
        for arg in expr.args:
            total = total + _interval(arg, iv)
        return total
    if expr.is_Mul:
        total = iv.mpf(1)
        for arg in expr.args:
            total = total * _interval(arg, iv)
        return total
    if expr.is_Pow:
        base, exponent = expr.args
        if exponent.is_Integer:
            return _interval(base, iv) ** int(exponent)
        b = _interval(base, iv)
        return iv.exp(_interval(exponent, iv) * iv.log(b))
    if isinstance(expr, sympy.log):
        if len(expr.args) != 1:
            return iv.log(_interval(expr.args[0], iv)) / iv.log(_interval(expr.args[1], iv))
        return iv.log(_interval(expr.args[0], iv))
    if isinstance(expr, sympy.exp):
        return iv.exp(_interval(expr.args[0], iv))
    raise UndecidedComparisonError(f"cannot bound {expr} with interval arithmetic (unsupported function {expr.func})")


def sign(value: Exact, *, max_bits: int = 2048) -> int:
    """Certified sign (-1, 0 or 1) of an exact number.

    For a rational the answer is immediate.  For a constant sympy expression,
    zero is certified by :func:`sympy.simplify` returning exactly ``0``; a
    non-zero sign by an :mod:`mpmath.iv` interval that excludes zero, refined up
    to ``max_bits`` bits of precision.  Otherwise
    :class:`~exactfair.core.errors.UndecidedComparisonError` is raised.

    >>> sign(Fraction(-1, 3))
    -1
    >>> rho = sympy.log(3, 2) - 1
    >>> sign(sympy.Rational(1, 2) ** rho * 3 - 2)   # exactly zero
    0
    >>> sign(sympy.Rational(1, 3) ** rho * 4 - 2)   # about 0.1036
    1
    """
    if isinstance(value, (Fraction, int)):
        return (value > 0) - (value < 0)
    expr = _as_sympy(value)
    if expr.free_symbols:
        raise UndecidedComparisonError(f"{expr} has free symbols; substitute values before comparing")
    if expr.is_Rational:
        return int(bool(expr > 0)) - int(bool(expr < 0))
    import mpmath

    bits = 64
    while bits <= max_bits:
        iv = mpmath.iv
        old = iv.prec
        try:
            iv.prec = bits
            interval = _interval(expr, iv)
        except UndecidedComparisonError:
            break
        finally:
            iv.prec = old
        if interval.a > 0:
            return 1
        if interval.b < 0:
            return -1
        if bits == 64:
            # The interval straddles zero: try to prove it is exactly zero.
            if sympy.simplify(expr) == 0:
                return 0
        bits *= 4
    simplified = sympy.simplify(expr)
    if simplified == 0:
        return 0
    if simplified.is_Rational:
        return int(bool(simplified > 0)) - int(bool(simplified < 0))
    raise UndecidedComparisonError(
        f"could not certify the sign of {expr}: not simplified to 0 and interval arithmetic "
        f"up to {max_bits} bits does not exclude 0")


def compare(left: Exact, right: Exact) -> int:
    """Certified three-way comparison: -1 if left < right, 0 if equal, 1 if greater.

    >>> compare(Fraction(1, 2), Fraction(1, 3))
    1
    >>> compare(sympy.sqrt(2), Fraction(3, 2))
    -1
    """
    if isinstance(left, (Fraction, int)) and isinstance(right, (Fraction, int)):
        return (left > right) - (left < right)
    return sign(_as_sympy(left) - _as_sympy(right))
