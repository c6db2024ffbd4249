"""The bargaining outcome: the lexicographic Pareto optimum of F, exactly, with its proofs.

The post's construction: S_1 = the points of F maximising U_{o₁}, S_2 = the points of S_1 maximising
U_{o₂}, …; every point of S_n is Pareto optimal in F.  Each maximum is computed exactly:

1. z3 finds a point of F better than the best value known so far (none at first);
2. the atoms of F that vanish there cut out an algebraic set; the values U takes at its critical or
   singular points (Gröbner bases, :mod:`exactfair.fairsets.critical`) are candidates, and the
   largest candidate that F attains becomes the best value (z3 checks attainment);
3. repeat, avoiding the cells already explored, until z3 proves that no point of F is better.

Step 3's "unsat" is the proof of the maximum; the candidates only guide the search, so an
incomplete candidate list can cost time but never a wrong value.  Irrational maxima are real
algebraic numbers (:mod:`exactfair.fairsets.algebraic`); every value of one answer is brought into
one number field before the final certificates (lexicographic and Pareto optimality, uniqueness)
are proved with z3 and confirmed by cvc5.

>>> from exactfair.fairsets.post import example2
>>> b = example2()
>>> out = lexicographic_outcome(b.game, b.fair_sets)
>>> {str(k): str(v) for k, v in out.point.items()}, out.pareto.verdict, out.unique
({'p': '23/30', 'q': '23/30'}, 'proved', True)
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Sequence

import sympy
import z3

from ..kernel.verdicts import InternalCheckError, Proved, Refuted, Unknown, Verdict, Witness
from . import atoms as A
from .algebraic import Real, as_real, common_field, from_z3
from .critical import critical_values
from .core import StrategicGame
from .exactsets import point_text
from .solving import BUDGET, Answer, confirm, decide, is_proved, rational_solution, solver_proved, z3_vars

__all__ = ["Outcome", "lexicographic_outcome", "maximise", "region_formula", "check_nonempty"]

#: Most points z3 may propose while one maximum is searched.
MAX_STEPS = 60


class _Encoder:
    """z3 terms for coordinates and exact constants; one z3 variable per number field."""

    def __init__(self, gens: Sequence[sympy.Symbol]) -> None:
        self.env = z3_vars(gens)
        self.thetas: dict = {}
        self.constraints: list = []

    def theta(self, fieldk):
        if fieldk not in self.thetas:
            var = z3.Real(f"theta!{len(self.thetas)}")           # "!" is never in a coordinate name
            self.thetas[fieldk] = var
            self.constraints += fieldk.z3_constraints(var)
        return self.thetas[fieldk]

    def value(self, r: Real):
        r = as_real(r)
        return r.to_z3(self.theta(r.field) if r.field is not None else None)

    def poly(self, expr: sympy.Expr):
        return A.poly_to_z3(expr, self.env)

    def formula(self, f):
        return A.to_z3(f, self.env)


def region_formula(game: StrategicGame, fair_sets: Sequence) -> tuple:
    """F ∩ R as one formula over the coordinates.

    >>> from exactfair.fairsets.post import example3
    >>> b = example3()
    >>> A.show(region_formula(b.game, b.fair_sets))
    'p >= 0 & q >= 0 & 1 - p >= 0 & 1 - q >= 0 & -p + q >= 0 & q - 1 == 0'
    """
    gens = game.symbols()
    return A.conjunction([A.formula(game.domain(), gens)] + [A.formula(fs.condition(), gens) for fs in fair_sets])


@dataclass
class Maximum:
    """The maximum of an objective over a region: its exact value (None if not found) and z3's proof.

    ``status`` is ``"proved"``, ``"empty"`` (no point at all), ``"unattained"`` (better points keep
    existing: the supremum is not attained, e.g. on a set that is not closed) or ``"unknown"``.

    >>> Maximum(None, status="empty").status
    'empty'
    """

    value: Real | None
    certificate: Answer | None = None
    status: str = "proved"
    reason: str = ""
    seconds: float = 0.0


def _cell(model, enc: _Encoder, polys: list) -> tuple:
    signs = []
    for p in polys:
        term = enc.poly(p)
        if z3.is_true(model.eval(term == 0, model_completion=True)):
            signs.append(0)
        else:
            signs.append(1 if z3.is_true(model.eval(term > 0, model_completion=True)) else -1)
    return tuple(signs)


def _cell_z3(cell: tuple, enc: _Encoder, polys: list):
    parts = []
    for sign, p in zip(cell, polys):
        term = enc.poly(p)
        parts.append(term == 0 if sign == 0 else term > 0 if sign > 0 else term < 0)
    return z3.And(parts)


def _unify(values: list[Real]) -> list[Real]:
    return common_field(values) if len({v.field for v in values if v.field is not None}) > 1 else values


def maximise(region, gens: Sequence[sympy.Symbol], objective: sympy.Expr,
             equalities: Sequence[tuple[sympy.Expr, Real]] = (), budget: float = BUDGET) -> Maximum:
    """The exact maximum of ``objective`` over ``region`` ∩ {e = value for (e, value) in equalities}.

    >>> p, q = sympy.symbols("p q")
    >>> reg = A.formula((p >= 0) & (q >= 0) & (p * p + q * q <= 1), [p, q])
    >>> str(maximise(reg, [p, q], p + q).value)
    'sqrt(2)'
    """
    start = time.perf_counter()
    equalities = list(equalities)
    values = _unify([v for _, v in equalities])
    equalities = [(e, v) for (e, _), v in zip(equalities, values)]
    enc = _Encoder(gens)
    base = [enc.formula(region)] + [enc.poly(e) == enc.value(v) for e, v in equalities]
    constants = {}
    eq_polys = []
    for e, v in equalities:
        if v.field is None:
            eq_polys.append(sympy.expand(e - v.to_sympy()))
        else:
            theta = sympy.Dummy("theta", real=True)
            constants[theta] = v.field
            eq_polys.append(sympy.expand(e - sum(sympy.Rational(c.numerator, c.denominator) * theta ** k
                                                 for k, c in enumerate(v.coeffs))))
    polys = [a.poly for a in A.atoms(region)]
    u = enc.poly(objective)
    best: Real | None = None
    explored: list = []

    def left() -> float:
        return budget - (time.perf_counter() - start)

    for _ in range(MAX_STEPS):
        if left() <= 0:
            break
        problem = base + enc.constraints + ([u > enc.value(best)] if best is not None else [])
        answer = decide(problem, left())
        if answer.status == "unsat":
            if best is None:
                return Maximum(None, answer, "empty", "the region is empty", time.perf_counter() - start)
            return Maximum(best, answer, "proved", "", time.perf_counter() - start)
        if answer.status != "sat":
            return Maximum(best, None, "unknown", answer.reason, time.perf_counter() - start)
        model = answer.model
        cell = _cell(model, enc, polys)
        if cell in explored:
            avoid = problem + [z3.Not(_cell_z3(c, enc, polys)) for c in explored]
            other = decide(avoid, left())
            if other.status == "unknown":
                return Maximum(best, None, "unknown", f"z3 gave up ({other.reason})", time.perf_counter() - start)
            if other.status == "unsat":
                return Maximum(best, None, "unattained", "better points exist only in cells already explored, whose "
                               "critical values are not attained: the supremum may not be attained (is F closed?)",
                               time.perf_counter() - start)
            model = other.model
            cell = _cell(model, enc, polys)
        explored.append(cell)
        found = from_z3(model.eval(u, model_completion=True))
        if found.is_rational() and (best is None or found > best):
            best = found
        active = [p for p, sign in zip(polys, cell) if sign == 0] + eq_polys
        candidates = critical_values(objective, active, gens, constants) or []
        for c in reversed(candidates):
            if best is not None and c <= best:
                break
            attained = decide(problem[:len(base)] + enc.constraints + [u >= enc.value(c)], max(0.1, left()))
            if attained.status == "sat":
                best = c
                break
    return Maximum(best, None, "unknown", "no proof of the maximum within the budget", time.perf_counter() - start)


@dataclass
class Outcome:
    """The lexicographic Pareto optimum of F for one order of the players, with its proofs.

    >>> from exactfair.fairsets.post import example3
    >>> b = example3()
    >>> out = lexicographic_outcome(b.game, b.fair_sets, (1, 0))
    >>> {str(k): str(v) for k, v in out.point.items()}, [str(u) for u in out.utilities], out.unique
    ({'p': '1', 'q': '1'}, ['1', '1'], True)
    """

    order: tuple
    values: tuple                    # the maximum of each U in the order (Real)
    point: dict                      # one optimal point {coordinate: Real}
    utilities: tuple                 # U_1 … U_n at the point (Real)
    nonempty: Verdict
    lexicographic: Verdict
    pareto: Verdict
    unique: bool | None
    optimal_set: dict | None = None
    seconds: float = 0.0
    uniqueness: Verdict | None = None


def _fail(claim: str, n: int, start: float, reason: str) -> Verdict:
    return Unknown(claim, "F", n, time.perf_counter() - start, reason=reason)


def _exact_point(game: StrategicGame, region, equalities, budget: float) -> dict | None:
    gens = game.symbols()
    enc = _Encoder(gens)
    problem = [enc.formula(region)] + [enc.poly(e) == enc.value(v) for e, v in equalities] + enc.constraints
    answer = decide(problem, budget)
    if answer.status != "sat":
        return None
    point = rational_solution(problem, enc.env, answer.model, budget=min(5.0, budget))
    if point is not None:
        return {k: as_real(v) for k, v in point.items()}
    values = [from_z3(answer.model.eval(enc.env[g], model_completion=True)) for g in gens]
    return dict(zip(gens, values))


def check_nonempty(game: StrategicGame, region, budget: float = BUDGET) -> tuple[Verdict, dict | None]:
    """F non-empty: proved by an exact point (checked by exact arithmetic), or refuted by z3 (and cvc5).

    >>> from exactfair.fairsets.post import example1
    >>> b = example1()
    >>> v, point = check_nonempty(b.game, region_formula(b.game, b.fair_sets))
    >>> v.verdict, A.evaluate(region_formula(b.game, b.fair_sets), point)
    ('proved', True)
    """
    start = time.perf_counter()
    claim = "F = ∩F_i is non-empty"
    enc = _Encoder(game.symbols())
    problem = [enc.formula(region)]
    answer = decide(problem, budget)
    if answer.status == "unsat":
        return Refuted(claim, "R", game.n, time.perf_counter() - start, (),
                       Witness(violation="F = ∩F_i is empty (z3: unsat)"),
                       second_solver=confirm([answer], claim)), None
    if answer.status != "sat":
        return Unknown(claim, "R", game.n, time.perf_counter() - start, reason=answer.reason), None
    point = rational_solution(problem, enc.env, answer.model, budget=min(5.0, budget))
    if point is None:
        point = {g: from_z3(answer.model.eval(enc.env[g], model_completion=True)) for g in game.symbols()}
    point = dict(zip(point, _unify([as_real(v) for v in point.values()])))
    if not A.evaluate(region, point):
        raise InternalCheckError(f"{claim}: z3's point {_fmt(point)} is not in F")
    return _nonempty_by(point, game.n, start), point


def _nonempty_by(point: dict, n: int, start: float) -> Verdict:
    return Proved("F = ∩F_i is non-empty", "R", n, time.perf_counter() - start,
                  (f"F contains the exact point {_fmt(point)} (checked by exact arithmetic)",),
                  second_solver={"applicable": False, "why": "exact point, checked by exact arithmetic"})


def _fmt(point: dict) -> str:
    return "(" + ", ".join(f"{k} = {v}" for k, v in point.items()) + ")"


def lexicographic_outcome(game: StrategicGame, fair_sets: Sequence, order: Sequence[int] | None = None,
                          budget: float = BUDGET) -> Outcome:
    """Maximise U_{order[0]} over F, then the next utility over the maximisers, …; prove the result.

    >>> from exactfair.fairsets.post import example1
    >>> b = example1()
    >>> out = lexicographic_outcome(b.game, b.fair_sets)
    >>> out.nonempty.verdict, out.lexicographic.verdict, out.pareto.verdict, [str(v) for v in out.values]
    ('proved', 'proved', 'proved', ['1', '1'])
    """
    start = time.perf_counter()
    n = game.n
    order = tuple(range(n)) if order is None else tuple(order)
    gens = game.symbols()
    region = region_formula(game, fair_sets)
    nonempty, _ = check_nonempty(game, region, budget)
    empty_outcome = dict(order=order, values=(), point={}, utilities=(), unique=None, nonempty=nonempty)
    if nonempty.verdict != "proved":
        why = "F is empty" if nonempty.verdict == "refuted" else "no point of F was found"
        none = _fail("lexicographic optimum", n, start, why)
        return Outcome(**empty_outcome, lexicographic=none, pareto=none, seconds=time.perf_counter() - start)
    equalities: list = []
    for k in order:
        best = maximise(region, gens, game.utilities[k], equalities, budget)
        if best.value is None or best.status != "proved":
            reason = f"max U{k + 1}: " + (best.reason or "no maximum found")
            unknown = _fail(f"max U{k + 1} over the lexicographic set", n, start, reason)
            return Outcome(**empty_outcome, lexicographic=unknown, pareto=unknown, seconds=time.perf_counter() - start)
        values = _unify([v for _, v in equalities] + [best.value])
        equalities = list(zip([game.utilities[j] for j in order[:len(values)]], values))
    values = [v for _, v in equalities]
    point = _exact_point(game, region, equalities, budget)
    if point is None:
        unknown = _fail("an exact optimal point", n, start, "z3 found no point with the optimal utilities")
        return Outcome(**{**empty_outcome, "values": tuple(values)}, lexicographic=unknown, pareto=unknown,
                       seconds=time.perf_counter() - start)
    # one number field for everything in the answer
    unified = _unify(values + list(point.values()))
    values, coords = unified[:len(values)], unified[len(values):]
    point = dict(zip(point.keys(), coords))
    equalities = list(zip([game.utilities[j] for j in order], values))
    utilities = [A.poly_value(u, point) for u in game.utilities]
    if not A.evaluate(region, point) or any(utilities[j] != v for j, v in zip(order, values)):
        raise InternalCheckError(f"the optimal point {_fmt(point)} does not re-check exactly")
    nonempty = _nonempty_by(point, n, start)
    lexicographic = _prove_lexicographic(game, region, order, values, budget)
    pareto = _prove_pareto(game, region, utilities, point, budget)
    uniqueness, optimal_set = _uniqueness(game, region, equalities, point, budget)
    unique = True if is_proved(uniqueness) else False if uniqueness.verdict == "refuted" else None
    return Outcome(order, tuple(values), point, tuple(utilities), nonempty, lexicographic, pareto, unique,
                   optimal_set, time.perf_counter() - start, uniqueness=uniqueness)


def _prove_lexicographic(game, region, order, values, budget) -> Verdict:
    start = time.perf_counter()
    names = [f"U{j + 1}" for j in order]
    claim = f"no point of F beats the outcome lexicographically (order {', '.join(names)})"
    enc = _Encoder(game.symbols())
    answers = []
    for step, j in enumerate(order):
        problem = [enc.formula(region)]
        problem += [enc.poly(game.utilities[k]) == enc.value(v) for k, v in zip(order[:step], values[:step])]
        problem += [enc.poly(game.utilities[j]) > enc.value(values[step])]
        answer = decide(problem + enc.constraints, budget)
        answers.append(answer)
        if answer.status != "unsat":
            return Unknown(claim, "F", game.n, time.perf_counter() - start,
                           reason=f"step {step + 1} ({names[step]} > {values[step]}): z3 {answer.status} "
                                  f"{answer.reason}".strip(), smtlib=answer.smtlib)
    return solver_proved(claim, "F", game.n, time.perf_counter() - start,
                         tuple(f"max {names[s]} = {values[s]} over the points of F with the earlier maxima"
                               for s in range(len(order))), second_solver=confirm(answers, claim))


def _prove_pareto(game, region, utilities, point, budget) -> Verdict:
    start = time.perf_counter()
    claim = "no point of F Pareto-dominates the outcome"
    enc = _Encoder(game.symbols())
    us = [enc.poly(u) for u in game.utilities]
    star = [enc.value(v) for v in utilities]
    problem = [enc.formula(region), z3.And([a >= b for a, b in zip(us, star)]),
               z3.Or([a > b for a, b in zip(us, star)])] + enc.constraints
    answer = decide(problem, budget)
    if answer.status == "unsat":
        return solver_proved(claim, "F", game.n, time.perf_counter() - start,
                             (f"utilities ({', '.join(map(str, utilities))}) at {_fmt(point)}",),
                             second_solver=confirm([answer], claim))
    if answer.status == "sat":
        raise InternalCheckError(f"{claim}: a lexicographic optimum is Pareto-dominated — impossible; z3 model "
                                 f"{answer.model}")
    return Unknown(claim, "F", game.n, time.perf_counter() - start, reason=answer.reason, smtlib=answer.smtlib)


def _uniqueness(game, region, equalities, point, budget) -> tuple[Verdict, dict | None]:
    """Is the outcome the only optimal point?  Proved (z3, cvc5), or refuted by another exact optimal point
    (re-checked), with a description of the optimal set: the coordinates fixed on it and the exact range of
    the others (maxima proved by z3)."""
    start = time.perf_counter()
    claim = "the outcome is the only point of F with its utilities"
    gens = game.symbols()
    enc = _Encoder(gens)
    base = [enc.formula(region)] + [enc.poly(e) == enc.value(v) for e, v in equalities]
    differs = z3.Or([enc.env[g] != enc.value(point[g]) for g in gens])
    answer = decide(base + [differs] + enc.constraints, budget)
    if answer.status == "unsat":
        return solver_proved(claim, "F", game.n, time.perf_counter() - start,
                             second_solver=confirm([answer], claim)), None
    if answer.status != "sat":
        return Unknown(claim, "F", game.n, time.perf_counter() - start, reason=answer.reason), None
    another = rational_solution(base + [differs] + enc.constraints, enc.env, answer.model)
    if another is None or not A.evaluate(region, another) or \
            any(A.poly_value(e, another) != v for e, v in equalities) or all(another[g] == point[g] for g in gens):
        return Unknown(claim, "F", game.n, time.perf_counter() - start,
                       reason="z3 found another optimal point, but no rational one that re-checks exactly"), None
    fixed, ranges = {}, {}
    for g in gens:
        other = decide(base + [enc.env[g] != enc.value(point[g])] + enc.constraints, budget)
        if other.status == "unsat":
            fixed[str(g)] = str(point[g])
            continue
        hi = maximise(region, gens, g, equalities, budget)
        lo = maximise(region, gens, -g, equalities, budget)
        ranges[str(g)] = [str(-lo.value) if lo.status == "proved" else "unknown",
                          str(hi.value) if hi.status == "proved" else "unknown"]
    names = {e: f"U{game.utilities.index(e) + 1}" for e, _ in equalities}
    description = {"condition": "F ∩ {" + ", ".join(f"{names[e]} = {v}" for e, v in equalities) + "}",
                   "fixed": fixed, "ranges": ranges, "another_point": point_text(another),
                   "how": "another_point re-checked by exact arithmetic; fixed coordinates and ranges proved by z3 "
                          "(not re-checked by cvc5)"}
    refuted = Refuted(claim, "F", game.n, time.perf_counter() - start, (),
                      Witness(violation=f"{_fmt(another)} is optimal too (same utilities, checked exactly)",
                              points=(point_text(another),)),
                      second_solver={"applicable": False, "why": "refutation re-checked by exact arithmetic"})
    return refuted, description
