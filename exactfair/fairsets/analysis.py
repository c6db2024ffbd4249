"""Proofs about fair sets and the bargaining outcome, with z3 and exact re-checks.

Every function returns a verdict (:mod:`exactfair.kernel.verdicts`).  A refutation carries an
exact rational point (or pair of points) that is re-checked by exact sympy evaluation
before it is returned; a disagreement raises
:class:`~exactfair.kernel.verdicts.InternalCheckError`.
"""

from __future__ import annotations

import time
from fractions import Fraction
from typing import Sequence

import sympy
import z3

from ..core.errors import ExactfairError
from ..kernel.portfolio import z3_vars as _env      # an internal copy (a Dummy) gets a name no coordinate has
from ..kernel.solvers import recording
from ..kernel.verdicts import (InternalCheckError, Proved, Refuted, Unknown, Verdict, Witness, combine_agreements,
                                exact, solver_proved)
from ..kernel.compile import to_fraction
from .core import FairSet, StrategicGame, evaluate_at, point_in, to_z3

__all__ = [
    "check_maps_into_simplex", "check_nonempty_convex_values", "check_closed_graph", "check_fixed_points",
    "check_equal", "check_subset", "check_nonempty", "lexicographic_optimum", "check_unique_pareto",
    "check_all_pareto", "bargaining_set", "pareto_dominates",
]


def _solver(timeout: float):
    """A z3 solver whose every sat/unsat answer is re-checked by cvc5 inside :func:`recording` (each check here
    records its own, so a "proved" from this module is plain only when cvc5 agreed)."""
    from ..kernel.solvers import CheckedSolver
    return CheckedSolver(timeout)


def _by_solver(claim: str, scope: str, n: int, start: float, log: list, details: tuple = ()) -> Verdict:
    """A proof resting on the z3 answers in ``log``: plain "proved" only when cvc5 agreed with each."""
    return solver_proved(claim, scope, n, time.perf_counter() - start, details, second_solver=combine_agreements(log))


def _point(model, env) -> dict:
    out = {}
    for sym, var in env.items():
        val = model.eval(var, model_completion=True)
        out[sym] = to_fraction(val)
    return out


def _show(point: dict) -> dict:
    return {str(k): str(v) for k, v in point.items()}


def _fmt(point: dict) -> str:
    return "(" + ", ".join(f"{k} = {v}" for k, v in _show(point).items()) + ")"


def _decide(claim: str, scope: str, game: StrategicGame, counterexample: sympy.Basic, recheck, describe,
            timeout: float, start: float, details: tuple = ()) -> Verdict:
    """Proved if ``domain ∧ counterexample`` is unsat; else Refuted with an exactly re-checked point."""
    env = _env(game.symbols())
    with recording() as log:
        s = _solver(timeout)
        s.add(to_z3(game.domain(), env), to_z3(counterexample, env))
        answer = s.check()
    if answer == z3.unsat:
        return _by_solver(claim, scope, game.n, start, log, details)
    if answer == z3.sat:
        try:
            point = _point(s.model(), env)
        except ValueError:
            return Unknown(claim, scope, game.n, time.perf_counter() - start,
                           reason="counterexample exists but z3's point is irrational (algebraic)")
        if not (point_in(game.domain(), point) and recheck(point)):
            raise InternalCheckError(f"{claim}: z3's point {_fmt(point)} does not re-check exactly")
        return Refuted(claim, scope, game.n, time.perf_counter() - start, details,
                       Witness(violation=describe(point), points=(_show(point),)))
    return Unknown(claim, scope, game.n, time.perf_counter() - start, reason=f"z3: {s.reason_unknown()}",
                   smtlib=s.to_smt2())


# ----------------------------------------------------------------------------- validity of maps
def check_maps_into_simplex(fs: FairSet, timeout: float = 30.0) -> Verdict:
    """f_i(r) ⊆ Δ_i = [0, 1] for every r ∈ R.

    >>> from exactfair.fairsets.core import StrategicGame, FairSet
    >>> g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    >>> check_maps_into_simplex(FairSet.from_map(g, 0, "Min(p, q)")).verdict
    'proved'
    >>> check_maps_into_simplex(FairSet.from_map(g, 0, "p + 1/2")).verdict
    'refuted'
    """
    start = time.perf_counter()
    if fs.kind != "map":
        raise ExactfairError("this fair set is not given by a map")
    lo, hi = fs.value if isinstance(fs.value, tuple) else (fs.value, fs.value)
    bad = sympy.Or(lo < 0, hi > 1)
    return _decide(f"f{fs.player + 1} maps R into Δ{fs.player + 1}", "all r ∈ R", fs.game, bad,
                   lambda pt: point_in(bad, pt),
                   lambda pt: f"at r = {_fmt(pt)}: f{fs.player + 1}(r) = "
                              f"{'[' + str(evaluate_at(lo, pt)) + ', ' + str(evaluate_at(hi, pt)) + ']' if lo != hi else evaluate_at(lo, pt)}"
                              " leaves [0, 1]", timeout, start)


def check_nonempty_convex_values(fs: FairSet, timeout: float = 30.0) -> Verdict:
    """f_i(r) non-empty and convex: a point always is; an interval [lo, hi] is convex, non-empty iff lo ≤ hi.

    >>> from exactfair.fairsets.core import StrategicGame, FairSet
    >>> g = StrategicGame.two_by_two('p', 'q', '2*q - p', '2*p - q')
    >>> check_nonempty_convex_values(FairSet.from_map(g, 0, ('0', 'q'))).verdict
    'proved'
    >>> check_nonempty_convex_values(FairSet.from_map(g, 0, ('q', '1/2'))).verdict
    'refuted'
    """
    start = time.perf_counter()
    if not isinstance(fs.value, tuple):
        return Proved(f"f{fs.player + 1} has non-empty convex values", "all r ∈ R", fs.game.n,
                      time.perf_counter() - start, ("single-valued: every value is a point",),
                      second_solver=exact("single-valued: every value is a point"))
    lo, hi = fs.value
    bad = lo > hi
    return _decide(f"f{fs.player + 1} has non-empty convex values", "all r ∈ R", fs.game, bad,
                   lambda pt: point_in(bad, pt), lambda pt: f"at r = {_fmt(pt)} the interval is empty", timeout,
                   start, ("interval values are convex",))


def check_closed_graph(fs: FairSet, timeout: float = 30.0) -> Verdict:
    """Closed graph, via continuity of the map (or of the interval bounds): :func:`exactfair.fairsets.validity.continuity`.

    Polynomials, Min and Max are continuous; a Piecewise is when every two of its pieces agree wherever the
    closures of their regions meet (z3, cvc5 re-checking).  Continuity of a single-valued map into [0, 1] is
    equivalent to a closed graph; continuous bounds give an interval map with closed graph.  Anything else
    (a division, a jump) is unknown, never proved.

    >>> from exactfair.fairsets.core import StrategicGame, FairSet
    >>> g = StrategicGame.two_by_two('p', 'q', '2*q - p', '2*p - q')
    >>> check_closed_graph(FairSet.from_map(g, 0, 'Min(p, q)')).verdict
    'proved'
    >>> check_closed_graph(FairSet.from_map(g, 0, 'Piecewise((0, q < 1/2), (1, True))')).verdict
    'unknown'
    """
    from .validity import continuity
    return continuity(fs, timeout)


def check_fixed_points(fs: FairSet, claimed: sympy.Basic | FairSet, name: str, timeout: float = 30.0) -> Verdict:
    """{r : r_i ∈ f_i(r)} equals the claimed set.

    >>> from exactfair.fairsets.core import StrategicGame, FairSet
    >>> g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    >>> p, q = g.symbols()
    >>> check_fixed_points(FairSet.from_map(g, 0, "Min(p, q)"), p <= q, "F1").verdict
    'proved'
    """
    target = claimed.condition() if isinstance(claimed, FairSet) else claimed
    return check_equal(fs.game, fs.condition(), target, f"fixed points of f{fs.player + 1} = {name}", timeout)


def check_equal(game: StrategicGame, a: sympy.Basic, b: sympy.Basic, claim: str, timeout: float = 30.0) -> Verdict:
    """a = b as subsets of R.

    >>> from exactfair.fairsets.core import StrategicGame
    >>> g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    >>> p, q = g.symbols()
    >>> check_equal(g, sympy.And(p <= q, p >= q), sympy.Eq(p, q), "F = {p = q}").verdict
    'proved'
    """
    start = time.perf_counter()
    return _decide(claim, "R", game, sympy.Or(sympy.And(a, sympy.Not(b)), sympy.And(b, sympy.Not(a))),
                   lambda pt: point_in(a, pt) != point_in(b, pt),
                   lambda pt: f"r = {_fmt(pt)} is in {'the first' if point_in(a, pt) else 'the second'} set only",
                   timeout, start)


def check_subset(game: StrategicGame, a: sympy.Basic, b: sympy.Basic, claim: str, timeout: float = 30.0) -> Verdict:
    """a ⊆ b within R.

    >>> from exactfair.fairsets.core import StrategicGame
    >>> g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    >>> p, q = g.symbols()
    >>> check_subset(g, sympy.Eq(q, 1), p <= q, "F2 ⊆ F1").verdict
    'proved'
    """
    start = time.perf_counter()
    return _decide(claim, "R", game, sympy.And(a, sympy.Not(b)),
                   lambda pt: point_in(a, pt) and not point_in(b, pt),
                   lambda pt: f"r = {_fmt(pt)} is in the first set but not in the second", timeout, start)


# ----------------------------------------------------------------------------- bargaining
def bargaining_set(fair_sets: Sequence[FairSet]) -> sympy.Basic:
    """F = ∩ F_i as a Boolean in the coordinates.

    >>> from exactfair.fairsets.post import example1
    >>> bargaining_set(example1().fair_sets)
    (p >= q) & (p <= q)
    """
    return sympy.And(*[fs.condition() for fs in fair_sets])


def check_nonempty(game: StrategicGame, region: sympy.Basic, claim: str = "F is non-empty",
                   timeout: float = 30.0) -> Verdict:
    """Non-emptiness, proved by an exact rational point (re-checked).

    >>> from exactfair.fairsets.core import StrategicGame
    >>> g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    >>> p, q = g.symbols()
    >>> check_nonempty(g, sympy.Eq(p, q)).verdict
    'proved'
    """
    start = time.perf_counter()
    env = _env(game.symbols())
    s = _solver(timeout)
    s.add(to_z3(game.domain(), env), to_z3(region, env))
    answer = s.check()
    if answer == z3.sat:
        point = _point(s.model(), env)
        if not (point_in(game.domain(), point) and point_in(region, point)):
            raise InternalCheckError(f"{claim}: the point {_fmt(point)} does not re-check")
        return Proved(claim, "R", game.n, time.perf_counter() - start, (f"contains {_fmt(point)}",),
                      second_solver=exact("an exact point of the set, re-checked by exact arithmetic"))
    if answer == z3.unsat:
        return Refuted(claim, "R", game.n, time.perf_counter() - start, (),
                       Witness(violation="the set is empty (unsat)"))
    return Unknown(claim, "R", game.n, time.perf_counter() - start, reason=f"z3: {s.reason_unknown()}")


def pareto_dominates(game: StrategicGame, r1: dict, r2: dict) -> bool:
    """Exactly: does r1 Pareto-dominate r2?

    >>> from exactfair.fairsets.core import StrategicGame
    >>> g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    >>> p, q = g.symbols()
    >>> pareto_dominates(g, {p: Fraction(1), q: Fraction(1)}, {p: Fraction(0), q: Fraction(0)})
    True
    """
    u1 = [evaluate_at(u, r1) for u in game.utilities]
    u2 = [evaluate_at(u, r2) for u in game.utilities]
    return all(a >= b for a, b in zip(u1, u2)) and any(a > b for a, b in zip(u1, u2))


def lexicographic_optimum(game: StrategicGame, region: sympy.Basic, order: Sequence[int] | None = None,
                          timeout: float = 30.0) -> dict:
    """The post's construction S_1 ⊇ S_2 ⊇ …: maximise U_{order[0]} over F, then the next over the maximisers.

    Returns ``{"order", "values" (exact optimum per step), "point" (one exact point of S_n),
    "unique" (S_n is that single point, proved), "set" (S_n as a condition)}``; every point of
    S_n is Pareto optimal in F.

    >>> from exactfair.fairsets.post import example3
    >>> b = example3()
    >>> [lexicographic_optimum(b.game, b.region(), order)['point'] for order in ([0, 1], [1, 0])]
    [{'p': '0', 'q': '1'}, {'p': '1', 'q': '1'}]
    """
    order = list(range(game.n)) if order is None else list(order)
    env = _env(game.symbols())
    dom = to_z3(game.domain(), env)
    current = to_z3(region, env)
    values = []
    condition = region
    for i in order:
        u = to_z3(game.utilities[i], env)
        o = z3.Optimize()
        o.set("timeout", int(timeout * 1000))
        o.add(dom, current)
        h = o.maximize(u)
        if o.check() != z3.sat:
            raise ExactfairError(f"could not maximise U{i + 1} over the set (empty, or solver gave up)")
        best = o.upper(h)
        if not (z3.is_rational_value(best) or z3.is_int_value(best)):
            raise ExactfairError(f"max of U{i + 1} is {best}: not attained as a rational (open or unbounded set)")
        value = to_fraction(best)
        # certify: nothing in the set exceeds it, and it is attained
        check = _solver(timeout)
        check.add(dom, current, u > z3.RealVal(str(value)))
        if check.check() != z3.unsat:
            raise ExactfairError(f"could not certify max U{i + 1} = {value}")
        values.append(value)
        current = z3.And(current, u == z3.RealVal(str(value)))
        condition = sympy.And(condition, sympy.Eq(game.utilities[i], sympy.Rational(value.numerator,
                                                                                   value.denominator)))
    s = _solver(timeout)
    s.add(dom, current)
    if s.check() != z3.sat:
        raise ExactfairError("the lexicographic optimum set is empty")
    point = _point(s.model(), env)
    other = _solver(timeout)
    other.add(dom, current, z3.Or([env[sym] != z3.RealVal(str(val)) for sym, val in point.items()]))
    unique = other.check() == z3.unsat
    if not (point_in(game.domain(), point) and point_in(region, point)):
        raise InternalCheckError("the lexicographic optimum does not re-check")
    return {"order": [i + 1 for i in order], "values": [str(v) for v in values], "point": _show(point),
            "point_exact": point, "unique": unique, "set": condition}


def check_unique_pareto(game: StrategicGame, region: sympy.Basic, point: dict, claim: str,
                        timeout: float = 30.0) -> Verdict:
    """"The unique Pareto optimum of F is ``point``."

    Proved when ``point`` ∈ F maximises every U_i over F (an ideal point) and no other point of F
    has the same utilities — then every other point is dominated by it.  Refuted by a point of F
    dominating ``point``, or by a Pareto optimum ≠ ``point`` from a lexicographic construction.

    >>> from exactfair.fairsets.post import example2
    >>> b = example2()
    >>> p, q = b.game.symbols()
    >>> check_unique_pareto(b.game, b.region(), {p: Fraction(23, 30), q: Fraction(23, 30)}, 'unique').verdict
    'proved'
    """
    start = time.perf_counter()
    pt = {sym: Fraction(val) for sym, val in point.items()}
    if not (point_in(game.domain(), pt) and point_in(region, pt)):
        return Refuted(claim, "F", game.n, time.perf_counter() - start, (),
                       Witness(violation=f"{_fmt(pt)} is not in F", points=(_show(pt),)))
    env = _env(game.symbols())
    dom, reg = to_z3(game.domain(), env), to_z3(region, env)
    us = [to_z3(u, env) for u in game.utilities]
    star = [sympy.Rational(v.numerator, v.denominator) for v in (evaluate_at(u, pt) for u in game.utilities)]
    star_z3 = [z3.RealVal(str(v)) for v in star]
    with recording() as log:
        s = _solver(timeout)
        s.add(dom, reg, z3.And([a >= b for a, b in zip(us, star_z3)]), z3.Or([a > b for a, b in zip(us, star_z3)]))
        dominated = s.check() == z3.sat
        if not dominated:
            ideal = True
            for u, b in zip(us, star_z3):
                s = _solver(timeout)
                s.add(dom, reg, u > b)
                if s.check() != z3.unsat:
                    ideal = False
            same = _solver(timeout)
            same.add(dom, reg, z3.And([a == b for a, b in zip(us, star_z3)]),
                     z3.Or([env[sym] != z3.RealVal(str(val)) for sym, val in pt.items()]))
            alone = same.check() == z3.unsat
    if dominated:
        other = _point(s.model(), env)
        if not pareto_dominates(game, other, pt):
            raise InternalCheckError("dominating point does not re-check")
        return Refuted(claim, "F", game.n, time.perf_counter() - start, (),
                       Witness(violation=f"{_fmt(other)} dominates {_fmt(pt)}", points=(_show(other), _show(pt))))
    if ideal and alone:
        return _by_solver(claim, "F", game.n, start, log,
                          ("the point maximises every utility over F and is the only point of F with its utilities; "
                           "so it dominates every other point",))
    for order in _orders(game.n):
        opt = lexicographic_optimum(game, region, order, timeout)
        other = opt["point_exact"]
        if other != pt and any(evaluate_at(u, other) != evaluate_at(u, pt) for u in game.utilities):
            return Refuted(claim, "F", game.n, time.perf_counter() - start, (),
                           Witness(violation=f"{_fmt(other)} is another Pareto optimum (lexicographic, order "
                                             f"{opt['order']})", points=(_show(other),)))
    return Unknown(claim, "F", game.n, time.perf_counter() - start,
                   reason="not an ideal point, and no other Pareto optimum found by lexicographic constructions")


def _orders(n: int):
    import itertools
    return itertools.permutations(range(n))


def check_all_pareto(game: StrategicGame, region: sympy.Basic, claim: str, timeout: float = 30.0) -> Verdict:
    """"Every point of F is Pareto optimal": no r, r′ ∈ F with r′ dominating r.

    >>> from exactfair.fairsets.post import example3
    >>> b = example3()
    >>> check_all_pareto(b.game, b.region(), "every point of F is Pareto optimal").verdict
    'proved'
    """
    start = time.perf_counter()
    syms = game.symbols()
    primed = {s: sympy.Dummy(s.name + "_prime", real=True) for s in syms}      # fresh: never a coordinate
    env = _env(syms + list(primed.values()))
    dom = to_z3(game.domain(), env)
    dom2 = to_z3(game.domain().subs(primed), env)
    reg, reg2 = to_z3(region, env), to_z3(region.subs(primed), env)
    us = [to_z3(u, env) for u in game.utilities]
    us2 = [to_z3(u.subs(primed), env) for u in game.utilities]
    with recording() as log:
        s = _solver(timeout)
        s.add(dom, dom2, reg, reg2, z3.And([b >= a for a, b in zip(us, us2)]), z3.Or([b > a for a, b in zip(us, us2)]))
        answer = s.check()
    if answer == z3.unsat:
        return _by_solver(claim, "F", game.n, start, log)
    if answer == z3.sat:
        both = _point(s.model(), env)
        r = {k: both[k] for k in syms}
        r2 = {k: both[primed[k]] for k in syms}
        if not pareto_dominates(game, r2, r):
            raise InternalCheckError("dominating pair does not re-check")
        return Refuted(claim, "F", game.n, time.perf_counter() - start, (),
                       Witness(violation=f"{_fmt(r2)} dominates {_fmt(r)}", points=(_show(r2), _show(r))))
    return Unknown(claim, "F", game.n, time.perf_counter() - start, reason=f"z3: {s.reason_unknown()}")
