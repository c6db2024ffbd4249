"""Exact real algebraic numbers: every irrational value of one answer lives in one number field Q(θ).

A :class:`NumberField` is Q(θ) for one real root θ of an irreducible polynomial over Q, the root
named by its index among the real roots (ascending) and pinned by a rational isolating interval.
A :class:`Real` is an element of such a field (a polynomial in θ of degree below the field's
degree, rational coefficients) or a plain rational.  Arithmetic is polynomial arithmetic modulo
the minimal polynomial; signs are decided by interval arithmetic over Fractions, refining θ's
interval until the interval of the value excludes zero — which always happens, because a
nonzero element of the field is a nonzero number.  No float is ever involved.

>>> two = real_roots([1, 0, -2])[1]          # the positive root of x² − 2
>>> str(two), str(two * two), two > Fraction(141, 100), str(1 / two)
('sqrt(2)', '2', True, 'sqrt(2)/2')
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Iterable, Sequence

import sympy

__all__ = ["NumberField", "Real", "real_roots", "common_field", "from_z3", "as_real"]

_X = sympy.Symbol("x")


def _trim(coeffs: Iterable[Fraction]) -> tuple[Fraction, ...]:
    out = list(coeffs)
    while out and out[-1] == 0:
        out.pop()
    return tuple(out) or (Fraction(0),)


def _eval(coeffs: Sequence[Fraction], x: Fraction) -> Fraction:
    out = Fraction(0)
    for c in reversed(coeffs):
        out = out * x + c
    return out


def _interval_mul(a: tuple[Fraction, Fraction], b: tuple[Fraction, Fraction]) -> tuple[Fraction, Fraction]:
    products = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]]
    return min(products), max(products)


def _interval_eval(coeffs: Sequence[Fraction], lo: Fraction, hi: Fraction) -> tuple[Fraction, Fraction]:
    """An interval containing the polynomial's values on [lo, hi] (Horner in interval arithmetic)."""
    out = (Fraction(0), Fraction(0))
    for c in reversed(coeffs):
        out = _interval_mul(out, (lo, hi))
        out = (out[0] + c, out[1] + c)
    return out


def _to_fraction(value: Any) -> Fraction:
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    if isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q))
    if hasattr(value, "numerator") and hasattr(value, "denominator") and not isinstance(value, float):
        return Fraction(int(value.numerator), int(value.denominator))      # gmpy/flint rationals of sympy's domains
    raise TypeError(f"not an exact rational: {value!r}")


class NumberField:
    """Q(θ) for the real root number ``index`` (0-based, ascending) of an irreducible polynomial.

    ``minpoly`` holds the monic minimal polynomial's coefficients, lowest degree first.

    >>> k = NumberField([-2, 0, 1], 1)
    >>> k.degree, k.index, str(k.theta())
    (2, 1, 'sqrt(2)')
    """

    def __init__(self, minpoly: Sequence[Any], index: int,
                 interval: tuple[Fraction, Fraction] | None = None) -> None:
        coeffs = _trim(_to_fraction(c) for c in minpoly)
        lead = coeffs[-1]
        self.minpoly = tuple(c / lead for c in coeffs)
        if len(self.minpoly) < 3:
            raise ValueError("a number field needs a minimal polynomial of degree at least 2")
        self.index = index
        poly = self.sympy_poly()
        if interval is None:
            roots = poly.intervals()
            if not 0 <= index < len(roots):
                raise ValueError(f"{poly.as_expr()} has {len(roots)} real roots; no root number {index}")
            (lo, hi), _ = roots[index]
            interval = (Fraction(int(lo.p), int(lo.q)), Fraction(int(hi.p), int(hi.q)))
        self._lo, self._hi = interval
        if self._lo == self._hi:
            raise ValueError("an irreducible polynomial of degree ≥ 2 has no rational root")
        # make the interval open and isolating: endpoints are never roots (irreducible, degree ≥ 2)

    @property
    def degree(self) -> int:
        """[Q(θ) : Q], the degree of the minimal polynomial.

        >>> NumberField([-2, 0, 0, 1], 0).degree
        3
        """
        return len(self.minpoly) - 1

    def sympy_poly(self) -> sympy.Poly:
        """The minimal polynomial as a sympy Poly in ``x`` (integer coefficients).

        >>> NumberField([Fraction(-1, 2), 0, 1], 1).sympy_poly().as_expr()
        2*x**2 - 1
        """
        return sympy.Poly(list(reversed([sympy.Rational(c.numerator, c.denominator) for c in self.minpoly])),
                          _X).clear_denoms()[1].primitive()[1]

    def interval(self) -> tuple[Fraction, Fraction]:
        """The current isolating interval (lo, hi) of θ, lo < θ < hi.

        >>> NumberField([-2, 0, 1], 1).interval()
        (Fraction(1, 1), Fraction(2, 1))
        """
        return self._lo, self._hi

    def refine(self) -> None:
        """Halve θ's isolating interval (exactly, by the sign of the minimal polynomial at the midpoint).

        >>> k = NumberField([-2, 0, 1], 1); k.refine(); k.interval()
        (Fraction(1, 1), Fraction(3, 2))
        """
        lo, hi = self._lo, self._hi
        mid = (lo + hi) / 2
        at_lo, at_mid = _eval(self.minpoly, lo), _eval(self.minpoly, mid)
        if (at_lo < 0) == (at_mid < 0):
            self._lo = mid
        else:
            self._hi = mid

    def theta(self) -> sympy.Expr:
        """θ as a sympy expression: a radical for degree 2, else ``CRootOf``.

        >>> NumberField([-1, -1, 1], 0).theta(), NumberField([-2, 0, 0, 1], 0).theta()
        (1/2 - sqrt(5)/2, CRootOf(x**3 - 2, 0))
        """
        if self.degree == 2:
            c0, c1, _ = self.minpoly
            disc = c1 * c1 - 4 * c0
            root = sympy.sqrt(sympy.Rational(disc.numerator, disc.denominator))
            half = sympy.Rational((-c1).numerator, (-c1).denominator) / 2
            return half + root / 2 if self.index == 1 else half - root / 2
        return sympy.CRootOf(self.sympy_poly().as_expr(), self.index)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NumberField) and (self.minpoly, self.index) == (other.minpoly, other.index)

    def __hash__(self) -> int:
        return hash((self.minpoly, self.index))

    def __repr__(self) -> str:
        return f"NumberField({self.sympy_poly().as_expr()}, root {self.index})"

    def z3_constraints(self, theta):
        """z3 constraints pinning the z3 variable ``theta`` to θ: its minimal polynomial and interval.

        >>> import z3
        >>> NumberField([-2, 0, 1], 1).z3_constraints(z3.Real("t"))
        [-2 + t*t == 0, 1 < t, 2 > t]
        """
        import z3
        lo, hi = self.interval()
        return [_z3_poly(self.minpoly, theta) == 0, theta > z3.RealVal(str(lo)), theta < z3.RealVal(str(hi))]


class Real:
    """An exact real number: a rational, or an element of one :class:`NumberField`.

    >>> k = NumberField([-2, 0, 1], 1)
    >>> a = Real(k, [Fraction(1, 2), Fraction(1, 2)])          # (1 + √2)/2
    >>> str(a), a.sign(), str(a * a - a)
    ('1/2 + sqrt(2)/2', 1, '1/4')
    """

    __slots__ = ("field", "coeffs")

    def __init__(self, field: NumberField | None, coeffs: Sequence[Any]) -> None:
        values = [_to_fraction(c) for c in coeffs]
        if field is not None:
            values = _reduce(values, field.minpoly)
        values = list(_trim(values))
        if field is not None and len(values) == 1:
            field = None
        if field is None and len(values) != 1:
            raise ValueError("a rational Real has one coefficient")
        self.field = field
        self.coeffs = tuple(values)

    @classmethod
    def rational(cls, value: Any) -> "Real":
        """The rational ``value`` (int, Fraction or sympy Rational).

        >>> Real.rational(Fraction(3, 4)).to_fraction()
        Fraction(3, 4)
        """
        return cls(None, [_to_fraction(value)])

    @classmethod
    def generator(cls, field: NumberField) -> "Real":
        """θ itself.

        >>> str(Real.generator(NumberField([-3, 0, 1], 1)))
        'sqrt(3)'
        """
        return cls(field, [0, 1])

    def is_rational(self) -> bool:
        """Whether the number is rational.

        >>> Real.rational(2).is_rational(), real_roots([1, 0, -2])[0].is_rational()
        (True, False)
        """
        return self.field is None

    def to_fraction(self) -> Fraction:
        """The value as a Fraction (only for rationals; an irrational number raises ValueError).

        >>> Real.rational(5).to_fraction()
        Fraction(5, 1)
        """
        if self.field is not None:
            raise ValueError(f"{self} is irrational")
        return self.coeffs[0]

    # arithmetic -----------------------------------------------------------------
    def _lift(self, other: Any) -> tuple["Real", NumberField | None]:
        other = as_real(other)
        if self.field is not None and other.field is not None and self.field != other.field:
            raise ValueError("the two numbers live in different number fields; bring them together with "
                             "common_field first")
        return other, self.field or other.field

    def __add__(self, other: Any) -> "Real":
        other, field = self._lift(other)
        n = max(len(self.coeffs), len(other.coeffs))
        a = list(self.coeffs) + [Fraction(0)] * (n - len(self.coeffs))
        b = list(other.coeffs) + [Fraction(0)] * (n - len(other.coeffs))
        return Real(field, [x + y for x, y in zip(a, b)])

    __radd__ = __add__

    def __neg__(self) -> "Real":
        return Real(self.field, [-c for c in self.coeffs])

    def __sub__(self, other: Any) -> "Real":
        return self + (-as_real(other))

    def __rsub__(self, other: Any) -> "Real":
        return as_real(other) - self

    def __mul__(self, other: Any) -> "Real":
        other, field = self._lift(other)
        out = [Fraction(0)] * (len(self.coeffs) + len(other.coeffs) - 1)
        for i, x in enumerate(self.coeffs):
            if x:
                for j, y in enumerate(other.coeffs):
                    out[i + j] += x * y
        return Real(field, out)

    __rmul__ = __mul__

    def inverse(self) -> "Real":
        """1/self, by the extended Euclidean algorithm modulo the minimal polynomial.

        >>> str(real_roots([1, 0, -2])[1].inverse())
        'sqrt(2)/2'
        """
        if self.sign() == 0:
            raise ZeroDivisionError("division by zero")
        if self.field is None:
            return Real(None, [1 / self.coeffs[0]])
        a = sympy.Poly(list(reversed([sympy.Rational(c.numerator, c.denominator) for c in self.coeffs])), _X,
                       domain="QQ")
        m = sympy.Poly(list(reversed([sympy.Rational(c.numerator, c.denominator) for c in self.field.minpoly])),
                       _X, domain="QQ")
        inv = sympy.invert(a, m)
        return Real(self.field, [_to_fraction(c) for c in reversed(inv.all_coeffs())])

    def __truediv__(self, other: Any) -> "Real":
        other, _ = self._lift(other)
        return self * other.inverse()

    def __rtruediv__(self, other: Any) -> "Real":
        return as_real(other) * self.inverse()

    def __pow__(self, k: int) -> "Real":
        out = Real.rational(1)
        base = self if k >= 0 else self.inverse()
        for _ in range(abs(k)):
            out = out * base
        return out

    # order ----------------------------------------------------------------------
    def bounds(self) -> tuple[Fraction, Fraction]:
        """A rational interval containing the value (tightened by each :meth:`NumberField.refine`).

        >>> real_roots([1, 0, -2])[1].bounds()
        (Fraction(1, 1), Fraction(2, 1))
        """
        if self.field is None:
            return self.coeffs[0], self.coeffs[0]
        lo, hi = self.field.interval()
        return _interval_eval(self.coeffs, lo, hi)

    def approximate(self, width: Fraction) -> tuple[Fraction, Fraction]:
        """A rational interval of at most ``width`` containing the value.

        >>> real_roots([1, 0, -2])[1].approximate(Fraction(1, 100))
        (Fraction(181, 128), Fraction(91, 64))
        """
        lo, hi = self.bounds()
        while hi - lo > width:
            self.field.refine()
            lo, hi = self.bounds()
        return lo, hi

    def sign(self) -> int:
        """-1, 0 or 1, exactly.

        >>> r = real_roots([1, 0, -2])[1]
        >>> (r - Fraction(99, 70)).sign(), (r * r - 2).sign()
        (-1, 0)
        """
        if all(c == 0 for c in self.coeffs):
            return 0
        while True:
            lo, hi = self.bounds()
            if lo > 0:
                return 1
            if hi < 0:
                return -1
            self.field.refine()

    def _cmp(self, other: Any) -> int:
        other = as_real(other)
        if self.field is not None and other.field is not None and self.field != other.field:
            for _ in range(64):                       # distinct numbers separate quickly; equal ones never do
                la, ha = self.bounds()
                lb, hb = other.bounds()
                if ha < lb or hb < la:
                    return -1 if ha < lb else 1
                self.field.refine()
                other.field.refine()
            a, b = common_field([self, other])
            return (a - b).sign()
        return (self - other).sign()

    def __lt__(self, other: Any) -> bool:
        return self._cmp(other) < 0

    def __le__(self, other: Any) -> bool:
        return self._cmp(other) <= 0

    def __gt__(self, other: Any) -> bool:
        return self._cmp(other) > 0

    def __ge__(self, other: Any) -> bool:
        return self._cmp(other) >= 0

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (int, Fraction, sympy.Rational)) and not isinstance(other, bool):
            other = as_real(other)
        if not isinstance(other, Real):
            return NotImplemented
        if self.field == other.field or self.field is None or other.field is None:
            return self.field == other.field and self.coeffs == other.coeffs
        return self._cmp(other) == 0

    def __hash__(self) -> int:
        return hash((self.field, self.coeffs))

    # output ---------------------------------------------------------------------
    def to_sympy(self) -> sympy.Expr:
        """The value as an exact sympy expression (radicals for quadratic fields, else CRootOf).

        >>> (real_roots([1, 0, -2])[1] / 2 + 1).to_sympy()
        sqrt(2)/2 + 1
        """
        if self.field is None:
            c = self.coeffs[0]
            return sympy.Rational(c.numerator, c.denominator)
        theta = self.field.theta()
        value = sum((sympy.Rational(c.numerator, c.denominator) * theta ** k for k, c in enumerate(self.coeffs)),
                    sympy.Integer(0))
        return sympy.expand(value) if self.field.degree == 2 else value

    def __str__(self) -> str:
        return str(self.to_sympy())

    def __repr__(self) -> str:
        return f"Real({self})"

    def to_z3(self, theta=None):
        """The value as a z3 term; ``theta`` is the z3 variable standing for the field's generator.

        >>> import z3
        >>> (real_roots([1, 0, -2])[1] + 1).to_z3(z3.Real("t"))
        1 + t
        """
        return _z3_poly(self.coeffs, theta)


def _z3_poly(coeffs: Sequence[Fraction], theta):
    """Σ c_k θ^k as a z3 term (zero coefficients left out)."""
    import z3
    terms = []
    for k, c in enumerate(coeffs):
        if c == 0:
            continue
        power = [theta] * k
        if c == 1 and power:
            terms.append(power[0] if k == 1 else z3.Product(power))
        else:
            terms.append(z3.Product([z3.RealVal(str(c))] + power) if power else z3.RealVal(str(c)))
    if not terms:
        return z3.RealVal(0)
    return terms[0] if len(terms) == 1 else z3.Sum(terms)


def _reduce(coeffs: list[Fraction], minpoly: Sequence[Fraction]) -> list[Fraction]:
    """coeffs modulo the monic minpoly (lowest degree first)."""
    out = list(coeffs)
    d = len(minpoly) - 1
    for top in range(len(out) - 1, d - 1, -1):
        c = out[top]
        if c:
            for k in range(d + 1):
                out[top - d + k] -= c * minpoly[k]
    return out[:d] if len(out) > d else out


def as_real(value: Any) -> Real:
    """An int, Fraction, sympy Rational or Real as a :class:`Real`.

    >>> str(as_real(Fraction(3, 4)))
    '3/4'
    """
    if isinstance(value, Real):
        return value
    return Real.rational(value)


def real_roots(coeffs: Sequence[Any]) -> list[Real]:
    """The distinct real roots of a polynomial over Q (coefficients highest degree first), ascending.

    >>> [str(r) for r in real_roots([1, 0, -3, 0, 2])]      # (x² − 1)(x² − 2)
    ['-sqrt(2)', '-1', '1', 'sqrt(2)']
    """
    poly = sympy.Poly([sympy.Rational(str(_to_fraction(c))) for c in coeffs], _X, domain="QQ")
    if poly.is_zero:
        raise ValueError("the zero polynomial has every number as a root")
    roots: list[Real] = []
    for factor, _ in poly.factor_list()[1]:
        if factor.degree() == 1:
            a, b = factor.all_coeffs()
            roots.append(Real.rational(-_to_fraction(b) / _to_fraction(a)))
            continue
        coeffs_low = [_to_fraction(c) for c in reversed(factor.all_coeffs())]
        for index in range(len(factor.intervals())):
            roots.append(Real.generator(NumberField(coeffs_low, index)))
    return _sort_distinct(roots)


def _sort_distinct(values: list[Real]) -> list[Real]:
    """Sort numbers known to be pairwise distinct (roots of distinct irreducible factors) by their intervals."""
    def separated(a: Real, b: Real) -> bool:
        while True:
            la, ha = a.bounds()
            lb, hb = b.bounds()
            if ha < lb or hb < la:
                return ha < lb
            for r in (a, b):
                if r.field is not None:
                    r.field.refine()
    import functools
    return sorted(values, key=functools.cmp_to_key(lambda a, b: -1 if separated(a, b) else 1))


def common_field(values: Sequence[Any]) -> list[Real]:
    """The values re-expressed in one number field (a primitive element of the fields involved).

    >>> r2, r3 = real_roots([1, 0, -2])[1], real_roots([1, 0, -3])[1]
    >>> a, b = common_field([r2, r3])
    >>> a.field == b.field, a.field.degree, str(sympy.nsimplify(sympy.expand(a.to_sympy() ** 2)))
    (True, 4, '2')
    """
    reals = [as_real(v) for v in values]
    fields = list(dict.fromkeys(r.field for r in reals if r.field is not None))
    if len(fields) <= 1:
        return reals
    z = sympy.Dummy("z")                  # not the symbol inside CRootOf: sympy substitutes into both otherwise
    minpoly, coeffs, reps = sympy.primitive_element([k.theta() for k in fields], z, ex=True)
    poly = sympy.Poly(minpoly, z)
    low = [_to_fraction(c) for c in reversed(poly.all_coeffs())]
    # which real root of the minimal polynomial is γ = Σ c_k θ_k: refine until one root is left
    def gamma_bounds() -> tuple[Fraction, Fraction]:
        lo = hi = Fraction(0)
        for c, k in zip(coeffs, fields):
            a, b = Real.generator(k).bounds()
            c = _to_fraction(c)
            lo, hi = (lo + c * a, hi + c * b) if c >= 0 else (lo + c * b, hi + c * a)
        return lo, hi

    while True:
        lo, hi = gamma_bounds()
        if poly.count_roots(sympy.Rational(str(lo)), sympy.Rational(str(hi))) == 1 and _eval(low, lo) and _eval(low, hi):
            break
        for k in fields:
            k.refine()
    field = NumberField(low, poly.count_roots(-sympy.oo, sympy.Rational(str(lo))))
    images = {}
    for k, rep in zip(fields, reps):
        images[k] = Real(field, [_to_fraction(c) for c in reversed(rep)])
    out = []
    for r in reals:
        if r.field is None:
            out.append(r)
            continue
        theta = images[r.field]
        value = Real.rational(0)
        for c in reversed(r.coeffs):
            value = value * theta + c
        out.append(value)
    return out


def from_z3(value) -> Real:
    """A z3 numeral (rational or algebraic) as a :class:`Real`.

    >>> import z3
    >>> x = z3.Real("x"); s = z3.Solver(); s.add(x * x == 3, x > 0); _ = s.check()
    >>> str(from_z3(s.model()[x]))
    'sqrt(3)'
    """
    import z3
    if z3.is_rational_value(value) or z3.is_int_value(value):
        return Real.rational(Fraction(value.as_fraction()))
    if isinstance(value, z3.AlgebraicNumRef):
        coeffs = [Fraction(int(c.as_long()) if hasattr(c, "as_long") else int(c)) for c in value.poly()]
        roots = real_roots(list(reversed(coeffs)))
        return roots[value.index() - 1]
    raise ValueError(f"z3 value {value} is not a number")
