"""Regions of parameter space, exactly: intervals of one parameter, and a region's redundant constraints removed.

Used by :mod:`exactfair.symbolic.parametric` to describe where each piece of a parametric reward table holds;
a constraint is dropped only when z3 finds it implied by the others (an undecided question keeps it).
"""

from __future__ import annotations

from typing import Any, Mapping

import sympy
import z3

__all__ = ["simplify_region", "interval_of"]


def _z3(expr: sympy.Basic, env: Mapping[sympy.Symbol, Any]):
    from ..kernel.algebra import to_z3
    return to_z3(expr, env)


def _interval_of(region: sympy.Basic, t: sympy.Symbol) -> sympy.Set:
    """The exact subset of ℝ described by a Boolean of linear relations in one parameter."""
    from sympy.solvers.inequalities import solve_univariate_inequality

    if region is sympy.true:
        return sympy.S.Reals
    if region is sympy.false:
        return sympy.EmptySet
    if isinstance(region, sympy.And):
        out = sympy.S.Reals
        for a in region.args:
            out = out.intersect(_interval_of(a, t))
        return out
    if isinstance(region, sympy.Or):
        return sympy.Union(*[_interval_of(a, t) for a in region.args])
    linear = _linear_interval(region, t)
    if linear is not None:
        return linear
    if isinstance(region, sympy.Eq):
        return sympy.solveset(region.lhs - region.rhs, t, domain=sympy.S.Reals)
    return solve_univariate_inequality(region, t, relational=False)


def _linear_interval(rel: sympy.Basic, t: sympy.Symbol) -> sympy.Set | None:
    """The solution set of ``a·t + b REL 0`` read off its coefficients (None if not of that form)."""
    if not isinstance(rel, (sympy.Lt, sympy.Le, sympy.Gt, sympy.Ge, sympy.Eq)):
        return None
    expr = sympy.expand(rel.lhs - rel.rhs)
    a, b = expr.coeff(t, 1), expr.coeff(t, 0)
    if not (a.is_Rational and b.is_Rational) or sympy.expand(a * t + b - expr) != 0:
        return None
    op = type(rel)
    if a == 0:
        holds = {sympy.Lt: b < 0, sympy.Le: b <= 0, sympy.Gt: b > 0, sympy.Ge: b >= 0, sympy.Eq: b == 0}[op]
        return sympy.S.Reals if holds else sympy.EmptySet
    point = -b / a
    if op is sympy.Eq:
        return sympy.FiniteSet(point)
    if a < 0:                                   # dividing by a negative coefficient flips the relation
        op = {sympy.Lt: sympy.Gt, sympy.Le: sympy.Ge, sympy.Gt: sympy.Lt, sympy.Ge: sympy.Le}[op]
    if op in (sympy.Lt, sympy.Le):
        return sympy.Interval(-sympy.oo, point, right_open=op is sympy.Lt)
    return sympy.Interval(point, sympy.oo, left_open=op is sympy.Gt)


def _simplify_region(region: sympy.Basic, syms: list[sympy.Symbol]) -> sympy.Basic:
    """Exact simplification: one parameter → intervals; otherwise drop implied constraints."""
    if region in (sympy.true, sympy.false):
        return region
    if len(syms) == 1:
        return _interval_of(region, syms[0]).as_relational(syms[0])
    env = {s: z3.Real(s.name) for s in syms}

    def reduce_conj(conj: sympy.Basic) -> sympy.Basic:
        # each constraint is translated once; one solver decides every "implied by the others?"
        # question through assumption literals (unknown keeps the constraint: never drops wrongly)
        parts = list(dict.fromkeys(sympy.And.make_args(conj)))
        s = z3.Solver()
        on = [z3.Bool(f"on{k}") for k in range(len(parts))]
        off = [z3.Bool(f"off{k}") for k in range(len(parts))]
        for k, c in enumerate(parts):
            term = _z3(c, env)
            s.add(z3.Implies(on[k], term), z3.Implies(off[k], z3.Not(term)))
        kept = list(range(len(parts)))
        for k in range(len(parts)):
            others = [on[j] for j in kept if j != k]
            if s.check(*others, off[k]) == z3.unsat:
                kept.remove(k)
        return sympy.And(*[parts[k] for k in kept])
    if isinstance(region, sympy.Or):
        return sympy.Or(*[reduce_conj(a) for a in region.args])
    return reduce_conj(region)


simplify_region, interval_of = _simplify_region, _interval_of
