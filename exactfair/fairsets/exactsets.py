"""Exact decisions about small semialgebraic sets, used to re-check every refutation without a solver.

* :func:`is_empty` — is a formula (see :mod:`exactfair.fairsets.atoms`) unsatisfiable?  Decided
  exactly in one variable (the truth value is constant between consecutive real roots of the
  atoms, so the roots and one rational point in each gap are enough), and in any number of
  variables when every atom is affine (disjunctive normal form, then Fourier–Motzkin elimination
  over Fractions, strict inequalities kept strict).  ``None`` when neither applies.
* :func:`holds_near` — does a formula hold on a whole half-open segment ``(r, r + ε·d]`` for some
  ε > 0?  Each atom restricted to the segment is a polynomial in t whose sign for small t > 0 is
  the sign of its lowest-order nonzero coefficient.

>>> p, q = sympy.symbols("p q")
>>> from exactfair.fairsets.atoms import formula
>>> is_empty(formula((p * p > 2) & (p <= 1) & (p >= -1), [p]), [p])
True
>>> is_empty(formula((p + q >= 1) & (p - q > 0) & (p <= 1/sympy.Integer(2)), [p, q]), [p, q]), is_empty(formula((p + q >= 1) & (p < q), [p, q]), [p, q])
(True, False)
>>> holds_near(formula(p < q, [p, q]), {p: 0, q: 0}, {p: 0, q: 1})
True
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Mapping, Sequence

import sympy

from .algebraic import Real, as_real, real_roots
from .atoms import Atom, atoms, dnf, evaluate

__all__ = ["is_empty", "holds_near", "rational_between", "sample_points", "point_str", "point_text"]


def rational_between(a: Real, b: Real) -> Fraction:
    """A rational strictly between a < b.

    >>> r = real_roots([1, 0, -2])
    >>> rational_between(r[0], r[1])
    Fraction(0, 1)
    """
    while True:
        _, ha = a.bounds()
        lb, _ = b.bounds()
        if ha < lb:
            return (ha + lb) / 2
        for r in (a, b):
            if r.field is not None:
                r.field.refine()
        if a.field is None and b.field is None:
            return (a.to_fraction() + b.to_fraction()) / 2


def sample_points(polys: Sequence[sympy.Expr], x: sympy.Symbol) -> list[Real]:
    """The real roots of the polynomials in ``x`` and a rational point in each gap and beyond each end.

    >>> x = sympy.Symbol("x")
    >>> [str(s) for s in sample_points([x * x - 2], x)]
    ['-sqrt(2) - 1', '-sqrt(2)', '0', 'sqrt(2)', '1 + sqrt(2)']
    """
    roots: dict = {}
    for poly in polys:
        poly = sympy.Poly(poly, x)
        if poly.degree() <= 0:
            continue
        for r in real_roots(poly.all_coeffs()):
            roots[(r.field, r.coeffs)] = r
    ordered = sorted(roots.values(), key=lambda r: r.approximate(Fraction(1, 2 ** 40))[0])
    ordered = _resort(ordered)
    if not ordered:
        return [Real.rational(0)]
    out = [ordered[0] - 1]
    for a, b in zip(ordered, ordered[1:]):
        out += [a, Real.rational(rational_between(a, b))]
    out += [ordered[-1], ordered[-1] + 1]
    return out


def _resort(values: list[Real]) -> list[Real]:
    """Exact insertion sort (the float-free approximations above are only a first guess)."""
    out: list[Real] = []
    for v in values:
        k = len(out)
        while k > 0 and out[k - 1] > v:
            k -= 1
        out.insert(k, v)
    return out


def _affine(atom: Atom, gens: Sequence[sympy.Symbol]) -> tuple[list[Fraction], Fraction] | None:
    poly = sympy.Poly(atom.poly, *gens)
    if poly.total_degree() > 1:
        return None
    coeffs = [Fraction(str(poly.coeff_monomial(g))) for g in gens]
    return coeffs, Fraction(str(poly.coeff_monomial(1)))


def _fourier_motzkin(rows: list[tuple[list[Fraction], Fraction, str]]) -> bool:
    """Feasibility of rows ``a·x + b ⋈ 0`` (⋈ in ``>=``, ``>``, ``==``), exactly."""
    rows = [(list(a), b, op) for a, b, op in rows]
    # equalities: substitute
    while True:
        eq = next((r for r in rows if r[2] == "==" and any(r[0])), None)
        if eq is None:
            break
        a, b, _ = eq
        k = next(j for j, c in enumerate(a) if c)
        rows.remove(eq)
        new = []
        for a2, b2, op2 in rows:
            f = a2[k] / a[k]
            new.append(([x - f * y for x, y in zip(a2, a)], b2 - f * b, op2))
        rows = new
    if not rows:
        return True
    nvars = len(rows[0][0])
    for k in range(nvars):
        lower, upper, rest = [], [], []
        for r in rows:
            (lower if r[0][k] > 0 else upper if r[0][k] < 0 else rest).append(r)
        for al, bl, ol in lower:
            for au, bu, ou in upper:
                fl, fu = -au[k], al[k]                # positive multipliers cancelling x_k
                a = [fl * x + fu * y for x, y in zip(al, au)]
                strict = ">" if ">" in (ol, ou) else ">="
                rest.append((a, fl * bl + fu * bu, strict))
        rows = rest
    for _, b, op in rows:
        if (op == ">=" and b < 0) or (op == ">" and b <= 0) or (op == "==" and b != 0):
            return False
    return True


def is_empty(f, gens: Sequence[sympy.Symbol]) -> bool | None:
    """Exactly: does no point of R^len(gens) satisfy the formula?  ``None`` when not decidable here.

    >>> p, q = sympy.symbols("p q")
    >>> from exactfair.fairsets.atoms import formula
    >>> is_empty(formula((p >= q) & (q > p), [p, q]), [p, q]), is_empty(formula(p * q > 1, [p, q]), [p, q])
    (True, None)
    """
    if f[0] == "const":
        return not f[1]
    polys = [a.poly for a in atoms(f)]
    free = set().union(*(p.free_symbols for p in polys)) if polys else set()
    if not free <= set(gens):
        return None
    if len(gens) == 1:
        x = gens[0]
        return not any(evaluate(f, {x: s}) for s in sample_points(polys, x))
    cases = dnf(f)
    if cases is None:
        return None
    for case in cases:
        rows = []
        for atom in case:
            affine = _affine(atom, gens)
            if affine is None:
                return None
            rows.append((affine[0], affine[1], atom.op))
        if _fourier_motzkin(rows):
            return False
    return True


def _lowest_sign(poly: sympy.Poly) -> int:
    for monom, coeff in sorted(poly.terms(), key=lambda t: t[0]):
        if coeff != 0:
            return 1 if coeff > 0 else -1
    return 0


def holds_near(f, point: Mapping[sympy.Symbol, Any], direction: Mapping[sympy.Symbol, Any]) -> bool:
    """Exactly: is there ε > 0 with the formula true at ``point + t·direction`` for every 0 < t ≤ ε?

    ``point`` and ``direction`` have rational coordinates for every symbol of the formula.

    >>> p = sympy.Symbol("p")
    >>> from exactfair.fairsets.atoms import formula
    >>> holds_near(formula(p * p > 0, [p]), {p: 0}, {p: 1}), holds_near(formula(p > 0, [p]), {p: 0}, {p: -1})
    (True, False)
    """
    t = sympy.Dummy("t")
    subs = {s: sympy.Rational(str(Fraction(point[s]))) + t * sympy.Rational(str(Fraction(direction[s])))
            for s in point}

    def walk(g) -> bool:
        if g[0] == "const":
            return g[1]
        if g[0] == "atom":
            poly = sympy.Poly(sympy.expand(g[1].poly.xreplace(subs)), t)
            return g[1].holds(_lowest_sign(poly))
        parts = [walk(h) for h in g[1]]
        return all(parts) if g[0] == "and" else any(parts)
    return walk(f)


def point_str(point: Mapping[Any, Any]) -> str:
    """A point as ``(p = 1/2, q = 0)`` (exact values).

    >>> point_str({sympy.Symbol("p"): Fraction(1, 2), "q": 0})
    '(p = 1/2, q = 0)'
    """
    return "(" + ", ".join(f"{k} = {as_real(v) if not isinstance(v, str) else v}" for k, v in point.items()) + ")"


def point_text(point: Mapping[sympy.Symbol, Any]) -> dict[str, str]:
    """A point's coordinates as exact strings sympy can read.

    >>> point_text({sympy.Symbol("p"): Fraction(1, 2)})
    {'p': '1/2'}
    """
    return {str(k): str(as_real(v)) for k, v in point.items()}
