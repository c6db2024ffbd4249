"""sympy expressions and Booleans (polynomials, Min, Max, Piecewise, relations) translated to z3, exactly.

The one translation from sympy to SMT: fair sets' maps and regions (:mod:`exactfair.fairsets`) and the
admissible regions of parametric games (:mod:`exactfair.symbolic.parametric`) reach the solvers through it.
Rationals stay rationals (``z3.RealVal`` of the exact string); anything that is not a polynomial, a
min/max, a piecewise choice or a Boolean combination of comparisons is refused, never approximated.
"""

from __future__ import annotations

from typing import Any, Mapping

import sympy
import z3

from ..core.errors import ExactfairError

__all__ = ["to_z3"]


def to_z3(expr: sympy.Basic, env: Mapping[sympy.Symbol, Any]):
    """Translate a sympy expression or Boolean (polynomial, Min, Max, Piecewise) to z3.

    >>> p, q = sympy.symbols('p q')
    >>> to_z3(sympy.Max(p, q) <= 1, {p: z3.Real('p'), q: z3.Real('q')})
    1 >= If(q > p, q, p)
    """
    if isinstance(expr, sympy.Symbol):
        return env[expr]
    if expr is sympy.true or expr == sympy.true:
        return z3.BoolVal(True)
    if expr is sympy.false or expr == sympy.false:
        return z3.BoolVal(False)
    if expr.is_Integer or expr.is_Rational:
        return z3.RealVal(str(expr))
    if expr.is_Add:
        return z3.Sum([to_z3(a, env) for a in expr.args])
    if expr.is_Mul:
        out = to_z3(expr.args[0], env)
        for a in expr.args[1:]:
            out = out * to_z3(a, env)
        return out
    if expr.is_Pow:
        base, exp = expr.args
        if exp.is_Integer and exp >= 0:
            b = to_z3(base, env)
            out = z3.RealVal(1)
            for _ in range(int(exp)):
                out = out * b
            return out
        if exp.is_Integer and exp < 0:
            return z3.RealVal(1) / to_z3(base ** (-exp), env)
        raise ExactfairError(f"{expr} is not polynomial (exponent {exp}); exactfair needs polynomial utilities/maps")
    if isinstance(expr, sympy.Min):
        args = [to_z3(a, env) for a in expr.args]
        out = args[0]
        for a in args[1:]:
            out = z3.If(a < out, a, out)
        return out
    if isinstance(expr, sympy.Max):
        args = [to_z3(a, env) for a in expr.args]
        out = args[0]
        for a in args[1:]:
            out = z3.If(a > out, a, out)
        return out
    if isinstance(expr, sympy.Piecewise):
        pieces = list(expr.args)
        out = to_z3(pieces[-1][0], env) if pieces[-1][1] == sympy.true else None
        if out is None:
            raise ExactfairError(f"{expr}: a Piecewise needs a final (value, True) piece")
        for value, cond in reversed(pieces[:-1]):
            out = z3.If(to_z3(cond, env), to_z3(value, env), out)
        return out
    if isinstance(expr, sympy.Eq):
        return to_z3(expr.lhs, env) == to_z3(expr.rhs, env)
    if isinstance(expr, sympy.Ne):
        return to_z3(expr.lhs, env) != to_z3(expr.rhs, env)
    if isinstance(expr, (sympy.Le, sympy.Lt, sympy.Ge, sympy.Gt)):
        lhs, rhs = to_z3(expr.lhs, env), to_z3(expr.rhs, env)
        return {sympy.Le: lambda: lhs <= rhs, sympy.Lt: lambda: lhs < rhs,
                sympy.Ge: lambda: lhs >= rhs, sympy.Gt: lambda: lhs > rhs}[type(expr)]()
    if isinstance(expr, sympy.And):
        return z3.And([to_z3(a, env) for a in expr.args])
    if isinstance(expr, sympy.Or):
        return z3.Or([to_z3(a, env) for a in expr.args])
    if isinstance(expr, sympy.Not):
        return z3.Not(to_z3(expr.args[0], env))
    if isinstance(expr, sympy.Implies):
        return z3.Implies(to_z3(expr.args[0], env), to_z3(expr.args[1], env))
    raise ExactfairError(f"cannot translate {expr} ({type(expr).__name__}) to z3: not polynomial/piecewise")
