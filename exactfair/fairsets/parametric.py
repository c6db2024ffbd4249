"""Exact conditions on parameters under which a map stays inside the unit interval.

For a map f(r; θ) built from Min/Max/polynomials, the condition
φ(θ) = ∀ r ∈ R: 0 ≤ f(r; θ) ≤ 1 is computed as follows.

1. **Candidate** ψ(θ): the conjunction of ``0 ≤ f(v; θ) ≤ 1`` over the vertices v of R.
   Each conjunct is φ's statement at one point of R, so φ ⇒ ψ by construction.
2. **Simplification** under the declared parameter bounds: ``Min``/``Max`` comparisons
   are split (Min(A,B) ≥ k ⇔ A ≥ k ∧ B ≥ k, …), denominators that z3 proves positive
   (negative) on the bounds are multiplied out (flipping the inequality), constant
   comparisons are evaluated, and conjuncts implied by the others are dropped — each
   step an equivalence on the bounds, the last two checked by z3.
3. **Proof** that ψ ⇒ φ: z3 shows ``bounds ∧ ψ(θ) ∧ r ∈ R ∧ f(r; θ) ∉ [0, 1]`` unsat
   (an existential, nonlinear-real problem: no quantifier elimination needed).
   Then φ ⇔ ψ on the bounds.  If z3 finds a model instead, ψ is not sufficient for
   this map and the answer is :class:`~exactfair.kernel.verdicts.Unknown`, never a wrong formula.
"""

from __future__ import annotations

import itertools
import time
from typing import Any, Mapping

import sympy
import z3

from ..core.errors import ExactfairError
from ..kernel.verdicts import Unknown, Verdict, combine_agreements, solver_proved, with_second_solver
from .core import StrategicGame, parse_exact, to_z3

__all__ = ["validity_condition", "translate_linear"]


def _vertices(game: StrategicGame):
    per_player = []
    for coords in game.coordinates:
        k = len(coords)
        verts = [tuple(0 for _ in range(k))] + [tuple(1 if a == b else 0 for b in range(k)) for a in range(k)]
        per_player.append(verts)
    for combo in itertools.product(*per_player):
        point = {}
        for coords, vert in zip(game.coordinates, combo):
            point.update(dict(zip(coords, vert)))
        yield point


def _split(rel: sympy.Basic) -> sympy.Basic:
    """Push Min/Max out of a comparison with the other side free of them."""
    if not isinstance(rel, (sympy.Ge, sympy.Le, sympy.Gt, sympy.Lt)):
        return rel
    lhs, rhs = rel.lhs, rel.rhs
    if isinstance(rhs, (sympy.Min, sympy.Max)) and not isinstance(lhs, (sympy.Min, sympy.Max)):
        return _split(rel.reversed)
    if isinstance(lhs, (sympy.Min, sympy.Max)):
        parts = [_split(type(rel)(a, rhs)) for a in lhs.args]
        lower_bound = isinstance(rel, (sympy.Ge, sympy.Gt))      # lhs ≥ rhs
        all_needed = isinstance(lhs, sympy.Min) == lower_bound
        return sympy.And(*parts) if all_needed else sympy.Or(*parts)
    return rel


def _prove(claim_constraints, timeout: float) -> bool:
    from ..kernel.solvers import CheckedSolver
    s = CheckedSolver(timeout)
    s.add(claim_constraints)
    return s.check() == z3.unsat


def _clear_denominators(rel: sympy.Basic, bounds_z3, env, timeout: float) -> sympy.Basic:
    if not isinstance(rel, (sympy.Ge, sympy.Le, sympy.Gt, sympy.Lt)):
        return rel
    expr = sympy.together(rel.lhs - rel.rhs)
    num, den = sympy.fraction(expr)
    if den.free_symbols:
        d = to_z3(den, env)
        if _prove([bounds_z3, d <= 0], timeout):          # positive denominator
            return type(rel)(sympy.expand(num), 0)
        if _prove([bounds_z3, d >= 0], timeout):
            return type(rel)(-sympy.expand(num), 0)          # negative denominator: flip
        return rel
    return type(rel)(sympy.expand(num * sympy.sign(den)), 0) if den.is_number and den != 0 else rel


def validity_condition(game: StrategicGame, fmap: Any, parameters: Mapping[str, tuple], *, player: int = 0,
                       timeout: float = 60.0) -> tuple[sympy.Basic, Verdict]:
    """Exact condition on the parameters for ``fmap`` to map R into [0, 1], and its proof.

    ``parameters``: name → (lower, upper) bounds (either may be None).  Every solver answer the condition
    rests on (signs of denominators, redundant conjuncts dropped, sufficiency) is re-checked by cvc5; a
    "proved" is plain only when cvc5 agreed with each.

    >>> g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    >>> cond, verdict = validity_condition(g, "Min(p, (b - c*a + (1 + 2*c)*q)/(2 + c))",
    ...                                    {"a": (None, None), "b": (None, None), "c": (0, None)})
    >>> cond, verdict.verdict
    (-a*c + b >= 0, 'proved')
    """
    from ..kernel.solvers import recording
    clash = sorted(set(map(str, parameters)) & set(map(str, game.symbol_map())))
    if clash:
        raise ExactfairError(f"the parameter(s) {', '.join(clash)} have the name of a coordinate of the game; "
                             "rename them")
    with recording() as log:
        cond, verdict = _validity_condition(game, fmap, parameters, player=player, timeout=timeout)
    return cond, with_second_solver(verdict, combine_agreements(log))


def _validity_condition(game: StrategicGame, fmap: Any, parameters: Mapping[str, tuple], *, player: int,
                        timeout: float) -> tuple[sympy.Basic, Verdict]:
    start = time.perf_counter()
    psyms = {name: sympy.Symbol(name, real=True) for name in parameters}
    env_names = dict(game.symbol_map())
    env_names.update(psyms)
    f = parse_exact(fmap, env_names, what="map")
    env = {s: z3.Real(s.name) for s in list(game.symbols()) + list(psyms.values())}
    bound_parts = []
    for name, (lo, hi) in parameters.items():
        if lo is not None:
            bound_parts.append(psyms[name] >= sympy.Rational(str(lo)))
        if hi is not None:
            bound_parts.append(psyms[name] <= sympy.Rational(str(hi)))
    bounds = sympy.And(*bound_parts) if bound_parts else sympy.true
    bounds_z3 = to_z3(bounds, env)
    conjuncts = []
    for vertex in _vertices(game):
        value = f.subs(vertex)
        for rel in (sympy.Ge(value, 0), sympy.Le(value, 1)):
            conjuncts.append(_split(rel))
    flat = []
    for c in conjuncts:
        c = sympy.simplify_logic(c) if c not in (sympy.true, sympy.false) else c
        for part in sympy.And.make_args(c):
            flat.append(part)
    cleaned = []
    for part in flat:
        if part in (sympy.true, sympy.false):
            cleaned.append(part)
            continue
        if isinstance(part, sympy.Or):
            cleaned.append(sympy.Or(*[_clear_denominators(a, bounds_z3, env, timeout) for a in part.args]))
        else:
            cleaned.append(_clear_denominators(part, bounds_z3, env, timeout))
    cleaned = [c for c in dict.fromkeys(cleaned) if c is not sympy.true]
    kept = list(cleaned)
    for c in list(kept):
        others = [o for o in kept if o is not c]
        if _prove([bounds_z3] + [to_z3(o, env) for o in others] + [z3.Not(to_z3(c, env))], timeout):
            kept = others
    candidate = sympy.And(*kept) if kept else sympy.true
    # proof of sufficiency
    domain = to_z3(game.domain(), env)
    fz = to_z3(f, env)
    from ..kernel.solvers import CheckedSolver
    s = CheckedSolver(timeout)
    s.add(bounds_z3, to_z3(candidate, env), domain, z3.Or(fz < 0, fz > 1))
    answer = s.check()
    claim = f"f maps R into [0, 1] ⇔ {candidate}"
    scope = f"all parameters with {bounds}" if bound_parts else "all real parameters"
    if answer == z3.unsat:
        return candidate, solver_proved(claim, scope, game.n, time.perf_counter() - start,
                                        ("necessary: each conjunct is the statement at a vertex of R; "
                                         "sufficient: z3 (nonlinear real arithmetic) finds no parameter and point "
                                         "violating it",),
                                        second_solver=None)      # validity_condition attaches cvc5's record of every answer
    if answer == z3.sat:
        return candidate, Unknown(claim, scope, game.n, time.perf_counter() - start,
                                  reason=f"the vertex condition is not sufficient for this map: {s.model()}")
    return candidate, Unknown(claim, scope, game.n, time.perf_counter() - start, reason=f"z3: {s.reason_unknown()}")


def translate_linear(game: StrategicGame, condition: sympy.Basic, coordinate: sympy.Symbol,
                     parameters: Mapping[str, tuple] | None = None, timeout: float = 30.0) -> sympy.Basic:
    """Solve a condition that is linear in ``coordinate`` for it: ``coordinate ≤ g`` or ``≥ g``.

    The sign of the coefficient must be provable on the parameter bounds.

    >>> g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    >>> p, q = g.symbols()
    >>> translate_linear(g, sympy.Rational(4, 5) - (2*p - q) >= sympy.Rational(1, 10) * (sympy.Rational(11, 10) - (2*q - p)), p)
    p <= 4*q/7 + 23/70
    """
    if not isinstance(condition, (sympy.Ge, sympy.Le, sympy.Gt, sympy.Lt)):
        raise ValueError("translate_linear needs a single inequality")
    expr = sympy.expand(condition.lhs - condition.rhs)          # expr (op) 0
    if sympy.degree(expr, coordinate) > 1:
        raise ValueError(f"{condition} is not linear in {coordinate}")
    a = expr.coeff(coordinate, 1)
    rest = sympy.expand(expr - a * coordinate)
    psyms = {s for s in a.free_symbols}
    env = {s: z3.Real(s.name) for s in psyms}
    bounds = []
    for name, (lo, hi) in (parameters or {}).items():
        sym = sympy.Symbol(name, real=True)
        if sym in env:
            if lo is not None:
                bounds.append(env[sym] >= z3.RealVal(str(lo)))
            if hi is not None:
                bounds.append(env[sym] <= z3.RealVal(str(hi)))
    az = to_z3(a, env) if psyms else z3.RealVal(str(a))
    positive = (a.is_number and a > 0) or (bool(psyms) and _prove(bounds + [az <= 0], timeout))
    negative = (a.is_number and a < 0) or (bool(psyms) and _prove(bounds + [az >= 0], timeout))
    threshold = sympy.simplify(-rest / a) if (positive or negative) else None
    if threshold is None:
        raise ValueError(f"the sign of the coefficient {a} of {coordinate} is not fixed on the parameter bounds")
    op = type(condition)
    if negative:
        op = {sympy.Ge: sympy.Le, sympy.Le: sympy.Ge, sympy.Gt: sympy.Lt, sympy.Lt: sympy.Gt}[op]
    # (a·x + rest) op 0  ⇔  x op' −rest/a
    flipped = {sympy.Ge: sympy.Ge, sympy.Le: sympy.Le, sympy.Gt: sympy.Gt, sympy.Lt: sympy.Lt}[op]
    return flipped(coordinate, threshold)
