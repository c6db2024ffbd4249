"""Critical values of a polynomial on an algebraic set, exactly (Gröbner bases over Q).

A local maximum of U on the set {g = 0 for g in E} is a point where the gradients of U and of the
g's are linearly dependent — a critical point of U on the smooth part, or a singular point of the
set.  Both satisfy "every (|E|+1)-minor of the Jacobian of (U, E) vanishes".  Adding ``v − U`` and
eliminating the coordinates leaves a polynomial in v whose real roots contain every such value.
Equations that are affine with rational coefficients are solved first (fewer variables), and
constants from number fields enter as variables together with their minimal polynomials.

>>> p, q = sympy.symbols("p q")
>>> [str(c) for c in critical_values(p * q, [p + q - 1], [p, q])]
['1/4']
>>> [str(c) for c in critical_values(p * q, [p * p + q * q - 2], [p, q])]
['-1', '1']
"""

from __future__ import annotations

import itertools
from typing import Mapping, Sequence

import sympy

from .algebraic import NumberField, Real, real_roots

__all__ = ["critical_values"]

_V = sympy.Dummy("v")                    # never a user's name
#: Largest number of coordinates left after solving the linear equations for which a Gröbner basis is
#: computed (sympy's Buchberger has no time limit; beyond this a stratum is skipped — the maximum search
#: then relies on other strata and on z3, and says "unknown" rather than wait without end).
MAX_FREE = 4


def _normal(poly: sympy.Expr, gens) -> sympy.Expr | None:
    poly = sympy.expand(poly)
    if poly == 0:
        return None
    p = sympy.Poly(poly, *gens)
    p = p.monic() if p.LC() != 0 else p
    return p.as_expr()


def _solve_linear(equations: list, gens: list, constants: set) -> tuple[list, list, dict]:
    """Substitute away equations affine in the coordinates with rational coefficients."""
    equations = list(equations)
    gens = list(gens)
    solved: dict = {}
    changed = True
    while changed:
        changed = False
        for eq in equations:
            if eq.free_symbols & constants:
                continue
            poly = sympy.Poly(eq, *gens) if gens else None
            if poly is None or poly.total_degree() != 1:
                continue
            var = next((g for g in gens if poly.degree(g) == 1), None)
            if var is None:
                continue
            value = sympy.solve(eq, var)
            if len(value) != 1:
                continue
            sub = {var: value[0]}
            solved = {k: sympy.expand(v.xreplace(sub)) for k, v in solved.items()}
            solved[var] = sympy.expand(value[0])
            gens.remove(var)
            equations = [sympy.expand(e.xreplace(sub)) for e in equations if e is not eq]
            changed = True
            break
    return equations, gens, solved


def critical_values(objective: sympy.Expr, equations: Sequence[sympy.Expr], gens: Sequence[sympy.Symbol],
                    constants: Mapping[sympy.Symbol, NumberField] | None = None) -> list[Real] | None:
    """Every value U takes at a critical or singular point of {E = 0}, ascending (a superset), or None.

    None means the elimination left no polynomial in v (U is not finitely valued on the critical
    set, e.g. because of redundant equations), or that more than :data:`MAX_FREE` coordinates are left.  ``constants`` maps symbols in the equations to the
    number fields whose generators they stand for.

    >>> p, q = sympy.symbols("p q")
    >>> [str(c) for c in critical_values(p + q, [p * q - 1], [p, q])]
    ['-2', '2']
    """
    constants = dict(constants or {})
    csyms = set(constants)
    eqs = []
    for e in equations:
        e = sympy.expand(e)
        if e == 0:
            continue
        eqs.append(e)
    eqs, free, solved = _solve_linear(eqs, list(gens), csyms)
    if len(free) > MAX_FREE:
        return None
    u = sympy.expand(objective.xreplace(solved))
    normalised = []
    for e in eqs:
        n = _normal(e, free + sorted(csyms, key=lambda s: s.name))
        if n is None:
            continue
        if n.is_number:
            return []                                  # a nonzero constant: the set is empty
        if n not in normalised and sympy.expand(-n) not in normalised:
            normalised.append(n)
    minpolys = [k.sympy_poly().as_expr().xreplace({sympy.Symbol("x"): s}) for s, k in constants.items()]
    order = free + sorted(csyms, key=lambda s: s.name) + [_V]
    for e in list(normalised):                          # drop equations implied by the others (ideal membership)
        others = [f for f in normalised if f is not e]
        if others and sympy.groebner(others + minpolys, *order[:-1], order="grevlex", domain="QQ").reduce(e)[1] == 0:
            normalised = others
    minors = []
    if free and len(normalised) + 1 <= len(free):
        jac = sympy.Matrix([[sympy.diff(f, x) for x in free] for f in [u] + normalised])
        k = len(normalised) + 1
        minors = [jac.extract(list(range(k)), list(cols)).det() for cols in itertools.combinations(range(len(free)), k)]
    basis = sympy.groebner(normalised + minors + minpolys + [_V - u], *order, order="lex", domain="QQ")
    if list(basis.exprs) == [1]:
        return []
    univariate = [g for g in basis.exprs if g.free_symbols <= {_V} and g.free_symbols]
    if not univariate:
        return None
    return real_roots(sympy.Poly(univariate[-1], _V).all_coeffs())
