"""Exact polygons of two-dimensional linear sets inside the unit square (Fractions only)."""

from __future__ import annotations

from fractions import Fraction

import sympy

__all__ = ["polygon", "is_kite", "halfplanes"]


def halfplanes(region: sympy.Basic, x: sympy.Symbol, y: sympy.Symbol) -> list[tuple[Fraction, Fraction, Fraction]]:
    """``a·x + b·y ≤ c`` triples for a conjunction of linear (in)equalities (Eq gives two).

    Strict inequalities are closed (the closure is what a picture or a vertex list shows).

    >>> p, q = sympy.symbols('p q')
    >>> halfplanes(p <= q, p, q)
    [(Fraction(1, 1), Fraction(-1, 1), Fraction(0, 1))]
    """
    out = []
    for rel in sympy.And.make_args(region):
        if isinstance(rel, sympy.Eq):
            pairs = [(rel.lhs - rel.rhs), -(rel.lhs - rel.rhs)]
        elif isinstance(rel, (sympy.Le, sympy.Lt)):
            pairs = [rel.lhs - rel.rhs]
        elif isinstance(rel, (sympy.Ge, sympy.Gt)):
            pairs = [rel.rhs - rel.lhs]
        else:
            raise ValueError(f"{rel} is not a linear (in)equality")
        for expr in pairs:                       # expr ≤ 0
            expr = sympy.expand(expr)
            poly = sympy.Poly(expr, x, y)
            if poly.total_degree() > 1:
                raise ValueError(f"{rel} is not linear in {x}, {y}")
            a, b = poly.coeff_monomial(x), poly.coeff_monomial(y)
            c = -poly.coeff_monomial(1)
            out.append((Fraction(str(a)), Fraction(str(b)), Fraction(str(c))))
    return out


def _clip(poly, a, b, c):
    out = []
    for k in range(len(poly)):
        cur, nxt = poly[k], poly[(k + 1) % len(poly)]
        fc = a * cur[0] + b * cur[1] - c
        fn = a * nxt[0] + b * nxt[1] - c
        if fc <= 0:
            out.append(cur)
        if (fc < 0 < fn) or (fn < 0 < fc):
            t = fc / (fc - fn)
            out.append((cur[0] + t * (nxt[0] - cur[0]), cur[1] + t * (nxt[1] - cur[1])))
    dedup = []
    for pt in out:
        if not dedup or dedup[-1] != pt:
            dedup.append(pt)
    if len(dedup) > 1 and dedup[0] == dedup[-1]:
        dedup.pop()
    return dedup


def polygon(region: sympy.Basic, x: sympy.Symbol, y: sympy.Symbol) -> list[tuple[Fraction, Fraction]]:
    """Vertices (counter-clockwise, exact) of region ∩ [0,1]²; fewer than 3 for a segment or point.

    >>> p, q = sympy.symbols("p q")
    >>> polygon(p <= q, p, q)
    [(Fraction(0, 1), Fraction(0, 1)), (Fraction(1, 1), Fraction(1, 1)), (Fraction(0, 1), Fraction(1, 1))]
    """
    poly = [(Fraction(0), Fraction(0)), (Fraction(1), Fraction(0)), (Fraction(1), Fraction(1)),
            (Fraction(0), Fraction(1))]
    for a, b, c in halfplanes(region, x, y):
        poly = _clip(poly, a, b, c)
        if not poly:
            break
    # drop collinear middle points
    changed = True
    while changed and len(poly) > 2:
        changed = False
        for k in range(len(poly)):
            p0, p1, p2 = poly[k - 1], poly[k], poly[(k + 1) % len(poly)]
            if (p1[0] - p0[0]) * (p2[1] - p0[1]) == (p1[1] - p0[1]) * (p2[0] - p0[0]):
                poly.pop(k)
                changed = True
                break
    return poly


def is_kite(vertices) -> bool:
    """A quadrilateral with two pairs of equal adjacent sides (exact squared lengths).

    >>> is_kite([(0, 0), (2, 0), (3, 3), (0, 2)]), is_kite([(0, 0), (3, 0), (3, 1), (0, 1)])
    (True, False)
    """
    if len(vertices) != 4:
        return False

    def d2(a, b):
        return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2
    s = [d2(vertices[k], vertices[(k + 1) % 4]) for k in range(4)]
    return (s[0] == s[1] and s[2] == s[3]) or (s[1] == s[2] and s[3] == s[0])
