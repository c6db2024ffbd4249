"""Exact rationals as integer arrays over one common denominator.

Games and reward tables keep their 2ⁿ values (n·2ⁿ rewards) as a numpy array of integer
numerators and one integer denominator.  The array is ``int64`` when every numerator provably
fits (|x| < 2⁶²), and a numpy ``object`` array of Python ints otherwise — the choice is
automatic and exact.  Nothing here ever wraps: an unsigned or extreme input is widened to
Python ints instead of being cast, and every computation on the arrays elsewhere first bounds its
results and calls :func:`widen`.  This module depends only on numpy and the errors.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, NamedTuple, Sequence

import numpy as np

from .errors import InexactValueError

__all__ = ["ScaledValues", "INT64_SAFE", "integer_array", "scale_exact", "max_abs", "reduce_scaled",
           "as_fractions", "common_denominator", "widen", "add_where", "INT64_MAX"]

#: Numerators below this bound are stored as int64 (leaves headroom for one addition).
INT64_SAFE = 1 << 62
#: The largest int64.
INT64_MAX = (1 << 63) - 1


class ScaledValues(NamedTuple):
    """Integers on a common denominator: the true value is ``values / denominator``.

    >>> sv = scale_exact([Fraction(1, 2), Fraction(1, 3)])
    >>> sv.values.tolist(), sv.denominator
    ([3, 2], 6)
    """

    values: np.ndarray
    denominator: int


def max_abs(a: np.ndarray) -> int:
    """max |x| as a Python int, without the int64 wrap of ``np.abs(-2**63)``.

    >>> max_abs(np.array([-2 ** 63, 5], dtype=np.int64))
    9223372036854775808
    """
    if a.size == 0:
        return 0
    if a.dtype == object:
        return max(abs(int(x)) for x in a.flat)
    return max(int(a.max()), -int(a.min()))


def _fit(a: np.ndarray) -> np.ndarray:
    """int64 when every entry is below INT64_SAFE in magnitude, else an object array of Python ints."""
    if a.dtype == np.int64:
        if a.size and max_abs(a) >= INT64_SAFE:
            return a.astype(object)
        return a
    if a.dtype == object:
        if a.size and max_abs(a) < INT64_SAFE:
            return a.astype(np.int64)
        return a
    raise TypeError(a.dtype)


def widen(a: np.ndarray, bound: int) -> np.ndarray:
    """``a`` as Python integers (an object array) when ``bound`` — a bound on every value the caller will
    compute from it — is not provably below :data:`INT64_SAFE`; else ``a`` itself.

    Every numpy integer operation on scaled values goes through a bound and this function first, so
    int64 arithmetic never wraps.

    >>> widen(np.array([1, 2]), 10).dtype, widen(np.array([1, 2]), 2 ** 62).dtype
    (dtype('int64'), dtype('O'))
    """
    if a.dtype != object and bound >= INT64_SAFE:
        return a.astype(object)
    return a


def add_where(a: np.ndarray, where: np.ndarray, amount: int) -> np.ndarray:
    """A copy of the integer array ``a`` with the Python int ``amount`` added where ``where`` is true, exactly
    (widened to Python integers when the sum might not fit; refitted to int64 when it does).

    >>> add_where(np.array([0, 1, 2]), np.array([False, True, True]), 2 ** 63).tolist()
    [0, 9223372036854775809, 9223372036854775810]
    >>> add_where(np.array([0, 1]), np.array([False, True]), 5).dtype
    dtype('int64')
    """
    out = widen(a, max_abs(a) + abs(int(amount))).copy()
    out[where] += int(amount)
    return _fit(out)


def integer_array(values: Any) -> np.ndarray:
    """An exact integer array (int64 or object) from any integer numpy array or list of ints.

    Unsigned and extreme values are never wrapped:

    >>> integer_array(np.array([0, 2 ** 64 - 1], dtype=np.uint64)).tolist()
    [0, 18446744073709551615]
    >>> integer_array(np.array([1, 2], dtype=np.int8)).dtype
    dtype('int64')
    """
    if isinstance(values, np.ndarray):
        kind = values.dtype.kind
        if kind == "b":
            raise InexactValueError("the values are booleans; pass numbers (int, Fraction or string)")
        if kind == "f" or kind == "c":
            raise InexactValueError(f"the values are a {values.dtype} array: floats are not exact; pass an integer "
                                    "array, or exact values (strings such as \"0.1\", Fractions)")
        if kind == "u":
            if values.dtype.itemsize < 8 or not values.size or int(values.max()) < INT64_SAFE:
                return _fit(values.astype(np.int64))
            return np.array([int(x) for x in values.tolist()], dtype=object)
        if kind == "i":
            return _fit(values.astype(np.int64, copy=False))
        if kind == "O":
            if not all(isinstance(x, int) and not isinstance(x, bool) for x in values.flat):
                raise TypeError("object array with non-integers")
            out = np.empty(values.shape, dtype=object)
            out[...] = values
            return _fit(out)
        raise InexactValueError(f"an array of dtype {values.dtype} is not a number array")
    ints = list(values)
    if ints and (max(ints) >= INT64_SAFE or min(ints) <= -INT64_SAFE):
        out = np.empty(len(ints), dtype=object)
        out[:] = ints
        return out
    return np.array(ints, dtype=np.int64)


def common_denominator(denominators: Sequence[int]) -> int:
    """lcm of positive denominators.

    >>> common_denominator([2, 3, 4])
    12
    """
    d = 1
    for q in denominators:
        if q != 1 and d % q:
            d = d * q // math.gcd(d, q)
    return d


def scale_exact(fractions: Sequence[Fraction]) -> ScaledValues:
    """Exact rationals (Fractions or ints) on their least common denominator.

    The representation is canonical: the denominator is the lcm of the reduced denominators, so
    two equal sequences give equal arrays and denominators.

    >>> scale_exact([Fraction(0), Fraction(1, 2), Fraction(1, 3), Fraction(1)])
    ScaledValues(values=array([0, 3, 2, 6]), denominator=6)
    """
    fracs = [x if isinstance(x, Fraction) else Fraction(x) for x in fractions]
    d = common_denominator([f.denominator for f in fracs])
    ints = [f.numerator * (d // f.denominator) for f in fracs] if d != 1 else [f.numerator for f in fracs]
    return ScaledValues(integer_array(ints), d)


def reduce_scaled(num: np.ndarray, den: int) -> ScaledValues:
    """Divide numerators and denominator by their gcd (the canonical form).

    >>> reduce_scaled(np.array([2, 4, 6]), 4)
    ScaledValues(values=array([1, 2, 3]), denominator=2)
    """
    if den == 1:
        return ScaledValues(num, 1)
    if num.dtype == object:
        g = den
        for x in num.flat:
            g = math.gcd(g, int(x))
            if g == 1:
                return ScaledValues(num, den)
    else:
        g = math.gcd(int(np.gcd.reduce(num, axis=None)) if num.size else 0, den)
    if g == 1:
        return ScaledValues(num, den)
    if num.dtype == object:
        out = np.empty(num.shape, dtype=object)
        out[...] = [int(x) // g for x in num.flat] if num.ndim == 1 else num // g
        return ScaledValues(_fit(out), den // g)
    return ScaledValues(num // g, den // g)


def as_fractions(num: np.ndarray, den: int) -> list:
    """The exact values as Fractions (for the edges: rendering, ``game[coalition]``).

    >>> as_fractions(np.array([1, 3]), 2)
    [Fraction(1, 2), Fraction(3, 2)]
    """
    if den == 1:
        return [Fraction(int(x)) for x in num.tolist()]
    return [Fraction(int(x), den) for x in num.tolist()]
