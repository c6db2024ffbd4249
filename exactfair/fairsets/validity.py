"""Is a fair set valid?  The slice map of F_i is Kakutani — proved with z3 (and cvc5), or refuted exactly.

For player i with coordinates x ∈ Δ_i and the others' coordinates y = r_{−i}, the *slice* of F_i at
y is S(y) = {x ∈ Δ_i : (x, y) ∈ F_i}.  F_i is valid when S has non-empty convex values and a closed
graph; then f_i(r) = S(r_{−i}) is a Kakutani map whose fixed-coordinate set is exactly F_i, as the
post requires.  Three parts are checked, for every way a fair set can be given (a map, a set in
action space, a condition in utility space — all reduced to one condition on the coordinates):

* **closed graph** — the graph of S is F_i itself, so this is "F_i is closed": immediate when F_i is
  written with equations and non-strict inequalities only, else z3 shows that the closed relaxation
  of F_i (strict made weak) adds no point.  Refuted by an exact point outside F_i with a segment of
  points of F_i converging to it (re-checked by the signs of the atoms along the segment).
* **non-empty slices** — z3 on ∃ y ∀ x ∈ Δ_i: (x, y) ∉ F_i (quantified nonlinear arithmetic).
  Refuted by a rational y whose slice is shown empty by exact arithmetic (roots in one variable,
  Fourier–Motzkin when F_i is affine in x).
* **convex slices** — z3 on ∃ y, x₁, x₂: x₁, x₂ ∈ S(y), (x₁ + x₂)/2 ∉ S(y) (no quantifier); with
  a closed graph, midpoint convexity is convexity.  Refuted by exact rational y, x₁, x₂.

The post asks less: *some* Kakutani map f_i : R → P(Δ_i) with F_i = {r : r_i ∈ f_i(r)} — f_i may
depend on r_i itself.  Every valid slice map is such a map; non-empty slices and a closed F_i are
necessary for any (Kakutani's theorem applied to x ↦ f_i(x, y)); convex slices are not (F_1 = {p ∈
{0, 1}} is the fixed set of the continuous f_1(p, q) = p²).  Each result therefore also says what it
means for the post's own definition, and for a fair set given by a map f_i it checks f_i itself
(into Δ_i and continuous), which proves the post's condition directly.

>>> from exactfair.fairsets.core import StrategicGame, FairSet
>>> g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
>>> check_validity(FairSet.from_action_set(g, 0, "p <= q")).verdict.verdict
'proved'
>>> bad = check_validity(FairSet.from_action_set(g, 0, "p*(1 - p) <= 1/8"))
>>> bad.verdict.verdict, bad.post_definition
('refuted', 'undecided')
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from fractions import Fraction

import sympy
import z3

from ..kernel.verdicts import InternalCheckError, Proved, Refuted, Unknown, Verdict, Witness
from . import atoms as A
from .core import FairSet, _is_polynomial
from .exactsets import holds_near, is_empty, point_str, point_text
from .solving import BUDGET, combine, confirm, decide, is_proved, rational_solution, solver_proved, z3_vars

__all__ = ["Validity", "check_validity", "check_map"]

_NO_SOLVER = {"applicable": False, "why": "exact argument (no solver call)"}
_EXACT_WITNESS = {"applicable": False, "why": "refutation re-checked by exact arithmetic"}


@dataclass(frozen=True)
class Validity:
    """The validity of one player's fair set: the overall verdict, its parts, and the post's reading.

    ``verdict`` is the slice criterion (proved / refuted / unknown); ``witness`` maps coordinates to
    exact strings (r_{−i} whose slice is empty or not convex, or the point where the graph is not
    closed); ``post_definition`` is ``"proved"``, ``"refuted"`` or ``"undecided"`` for the post's
    weaker condition.

    >>> from exactfair.fairsets.core import StrategicGame, FairSet
    >>> g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    >>> v = check_validity(FairSet.from_action_set(g, 0, "p < q"))
    >>> v.to_dict()["verdict"], v.witness, v.post_definition
    ('refuted', {'q': '0'}, 'refuted')
    """

    player: int
    name: str
    form: str
    verdict: Verdict
    parts: tuple
    post_definition: str
    witness: dict | None = None
    points: tuple = field(default=())

    def to_dict(self) -> dict:
        """The JSON record of ``exactfair bargain --json`` (``player``, ``verdict``, ``witness``, …).

        >>> from exactfair.fairsets.core import StrategicGame, FairSet
        >>> g = StrategicGame.two_by_two("p", "q", "q", "p")
        >>> sorted(check_validity(FairSet.from_action_set(g, 1, "q <= p")).to_dict())[:4]
        ['claim', 'form', 'parts', 'player']
        """
        v = self.verdict
        out = {"player": self.name, "form": self.form, "verdict": v.verdict, "witness": self.witness,
               "claim": v.claim, "post_definition": self.post_definition, "second_solver": v.second_solver}
        if isinstance(v, Refuted):
            out["violation"] = v.witness.violation
            if self.points:
                out["points"] = [dict(p) for p in self.points]
        if isinstance(v, Unknown):
            out["reason"] = v.reason
        out["parts"] = [{"claim": p.claim, "verdict": p.verdict, "details": list(p.details),
                         "second_solver": p.second_solver} for p in self.parts]
        return out


class _Slice:
    """The pieces of one player's problem: own coordinates x, the others' y, F_i as a formula, the simplices."""

    def __init__(self, fs: FairSet) -> None:
        game = fs.game
        self.fs, self.game, self.i = fs, game, fs.player
        self.x = list(game.coordinates[self.i])
        self.y = game.others(self.i)
        self.all = game.symbols()
        self.condition = A.formula(fs.condition(), self.all)
        self.dom_x = A.formula(game.simplex(self.i), self.x)
        self.dom_y = A.conjunction([A.formula(game.simplex(j), game.coordinates[j])
                                    for j in range(game.n) if j != self.i])
        self.env = z3_vars(self.all)
        self.label = game.names[self.i]
        self.tag = f"F{self.i + 1}"

    def z3(self, f):
        return A.to_z3(f, self.env)

    def domain(self):
        return [self.z3(self.dom_x), self.z3(self.dom_y)]


def _elapsed(start: float) -> float:
    return time.perf_counter() - start


# ----------------------------------------------------------------------------- closed graph
def _closed(s: _Slice, budget: float) -> Verdict:
    start = time.perf_counter()
    claim = f"the graph of {s.label}'s slice map is closed ({s.tag} is closed)"
    if A.is_closed_form(s.condition):
        return Proved(claim, "R", s.game.n, _elapsed(start),
                      (f"{s.tag} is written with polynomial equations and non-strict inequalities only "
                       "(Min/Max split into cases)",), second_solver=_NO_SOLVER)
    relaxed = A.closure(s.condition)
    problem = s.domain() + [s.z3(relaxed), s.z3(A.negate(s.condition))]
    answer = decide(problem, budget)
    if answer.status == "unsat":
        return solver_proved(claim, "R", s.game.n, _elapsed(start),
                             (f"the closed relaxation of {s.tag} (strict inequalities made weak) adds no point",),
                             second_solver=confirm([answer], claim))
    if answer.status == "unknown":
        return Unknown(claim, "R", s.game.n, _elapsed(start), reason=answer.reason, smtlib=answer.smtlib)
    point = rational_solution(problem, s.env, answer.model)
    if point is None:
        return Unknown(claim, "R", s.game.n, _elapsed(start),
                       reason="a point of the closed relaxation outside F_i has irrational coordinates only")
    inside = A.conjunction([s.dom_x, s.dom_y, s.condition])
    for other in _nearby_points(s, inside, point, budget / 4):
        direction = {k: other[k] - point[k] for k in point}
        if any(direction.values()) and holds_near(inside, point, direction):
            if A.evaluate(s.condition, point):
                raise InternalCheckError(f"{claim}: the limit point {point_str(point)} is in F_i after all")
            return Refuted(claim, "R", s.game.n, _elapsed(start), (),
                           Witness(violation=f"{point_str(point)} is not in {s.tag}, but every point of the segment "
                                             f"from it towards {point_str(other)} close enough to it is: the "
                                             "graph of the slice map is not closed",
                                   points=(point_text(point), point_text(other))), second_solver=_EXACT_WITNESS)
    return Unknown(claim, "R", s.game.n, _elapsed(start),
                   reason=f"{point_str(point)} is in the closure relaxation but not in F_i; no segment of F_i "
                          "reaching it was found")


def _nearby_points(s: _Slice, inside, point: dict, budget: float):
    """Rational points of ``inside`` ever closer to ``point`` (then the axis neighbours)."""
    start = time.perf_counter()
    for k in range(1, 7):
        radius = Fraction(1, 4 ** k)
        box = [z3.And(s.env[c] >= z3.RealVal(str(v - radius)), s.env[c] <= z3.RealVal(str(v + radius)))
               for c, v in point.items()]
        problem = [s.z3(inside)] + box
        answer = decide(problem, max(0.1, budget - _elapsed(start)))
        if answer.status != "sat":
            break
        other = rational_solution(problem, s.env, answer.model, budget=max(0.1, budget - _elapsed(start)))
        if other is not None:
            yield other
    for c in point:
        for step in (Fraction(1, 1024), Fraction(-1, 1024)):
            yield {**point, c: point[c] + step}


# ----------------------------------------------------------------------------- non-empty slices
def _vertex_condition(s: _Slice):
    """"Some slice is empty" without a quantifier, when F_i is affine in x and closed; else None.

    A non-empty polytope inside Δ_i has a vertex: d linearly independent constraints tight, the
    rest satisfied.  So the slice at y is empty exactly when, for every case of F_i's disjunctive
    normal form and every choice T of d constraints (atoms and facets of Δ_i), the matrix of T is
    singular or its solution x_T = adj(M)·c / det violates a constraint — signs of polynomials in y
    after multiplying by det².
    """
    if not A.is_closed_form(s.condition):
        return None
    cases = A.dnf(s.condition, limit=64)
    if cases is None:
        return None
    d = len(s.x)
    facets = [A.Atom(sympy.expand(c), ">=") for c in s.x] + [A.Atom(sympy.expand(1 - sympy.Add(*s.x)), ">=")]
    rows_of = {}
    for atom in {a for case in cases for a in case} | set(facets):
        poly = sympy.Poly(atom.poly, *s.x)
        if poly.total_degree() > 1:
            return None
        rows_of[atom] = ([poly.coeff_monomial(x) for x in s.x], poly.coeff_monomial(1))
    clauses = []
    import itertools
    for case in cases:
        constraints = list(dict.fromkeys(list(case) + facets))
        if len(constraints) > 10:
            return None
        for chosen in itertools.combinations(constraints, d):
            matrix = sympy.Matrix([rows_of[a][0] for a in chosen])
            rhs = sympy.Matrix([-rows_of[a][1] for a in chosen])
            det = sympy.expand(matrix.det())
            if det == 0:
                continue
            adj_rhs = [sympy.expand(e) for e in matrix.adjugate() * rhs]
            violated = [A.formula(sympy.Eq(det, 0), s.y)] if not det.is_number else []
            for a in constraints:
                coeffs, const = rows_of[a]
                numerator = sympy.expand(sum(c * v for c, v in zip(coeffs, adj_rhs)) + const * det)
                value = sympy.expand(numerator * det)
                rel = sympy.Ne(value, 0) if a.op == "==" else value < 0
                violated.append(A.formula(rel, s.y))
            clauses.append(("or", tuple(violated)) if len(violated) > 1 else violated[0])
    return A.conjunction([s.dom_y] + clauses)


def _nonempty(s: _Slice, budget: float) -> Verdict:
    start = time.perf_counter()
    claim = f"every slice of {s.tag} is non-empty: for each r_{{-{s.i + 1}}} some x ∈ Δ{s.i + 1} is fair"
    vertices = _vertex_condition(s)
    if vertices is not None:
        problem = [s.z3(vertices)]
        how = "z3: no r_{-i} makes every candidate vertex of the slice infeasible (vertex enumeration, no quantifier)"
    else:
        xs = [s.env[c] for c in s.x]
        problem = [s.z3(s.dom_y), z3.ForAll(xs, z3.Implies(s.z3(s.dom_x), z3.Not(s.z3(s.condition))))]
        how = "z3: no r_{-i} has an empty slice (quantified)"
    answer = decide(problem, budget)
    if answer.status == "unsat":
        return solver_proved(claim, "R", s.game.n, _elapsed(start), (how,), second_solver=confirm([answer], claim))
    if answer.status == "unknown":
        return Unknown(claim, "R", s.game.n, _elapsed(start), reason=answer.reason, smtlib=answer.smtlib)
    others = {c: s.env[c] for c in s.y}
    y = rational_solution(problem, others, answer.model)
    if y is None:
        return Unknown(claim, "R", s.game.n, _elapsed(start),
                       reason="z3 found an r_{-i} with an empty slice, but only with irrational coordinates")
    if not A.evaluate(s.dom_y, y):
        raise InternalCheckError(f"{claim}: the point {point_str(y)} is outside the others' simplices")
    sliced = A.conjunction([s.dom_x, A.substitute(s.condition, _rationals(y), s.x)])
    empty = is_empty(sliced, s.x)
    if empty is None:
        return Unknown(claim, "R", s.game.n, _elapsed(start),
                       reason=f"z3 says the slice at {point_str(y)} is empty; exactfair cannot re-check this slice "
                              "exactly (it is not affine in the player's coordinates)")
    if not empty:
        raise InternalCheckError(f"{claim}: z3 says the slice at {point_str(y)} is empty, exact arithmetic disagrees")
    return Refuted(claim, "R", s.game.n, _elapsed(start), (),
                   Witness(violation=f"at r_{{-{s.i + 1}}} = {point_str(y)} no x ∈ Δ{s.i + 1} satisfies {s.tag} "
                                     "(the slice is empty)", points=(point_text(y),)), second_solver=_EXACT_WITNESS)


def _rationals(point: dict) -> dict:
    return {k: sympy.Rational(v.numerator, v.denominator) for k, v in point.items()}


# ----------------------------------------------------------------------------- convex slices
def _convex(s: _Slice, budget: float, closed: bool) -> Verdict:
    start = time.perf_counter()
    claim = f"every slice of {s.tag} is convex"
    first = {c: sympy.Dummy(c.name + "_first", real=True) for c in s.x}
    second = {c: sympy.Dummy(c.name + "_second", real=True) for c in s.x}
    middle = {c: (first[c] + second[c]) / 2 for c in s.x}
    gens = s.all + list(first.values()) + list(second.values())
    env = {**s.env, **z3_vars(list(first.values()) + list(second.values()))}
    parts = [A.substitute(s.dom_x, first, gens), A.substitute(s.dom_x, second, gens), s.dom_y,
             A.substitute(s.condition, first, gens), A.substitute(s.condition, second, gens),
             A.negate(A.substitute(s.condition, middle, gens))]
    problem = [A.to_z3(f, env) for f in parts]
    answer = decide(problem, budget)
    scope = "R" if closed else "R (midpoint convexity; convex where the graph is closed)"
    if answer.status == "unsat":
        return solver_proved(claim, scope, s.game.n, _elapsed(start),
                             ("no slice contains two points without their midpoint; with a closed graph the slices "
                              "are closed, and closed midpoint-convex sets are convex",),
                             second_solver=confirm([answer], claim))
    if answer.status == "unknown":
        return Unknown(claim, "R", s.game.n, _elapsed(start), reason=answer.reason, smtlib=answer.smtlib)
    variables = {c: env[c] for c in s.y + list(first.values()) + list(second.values())}
    point = rational_solution(problem, variables, answer.model)
    if point is None:
        return Unknown(claim, "R", s.game.n, _elapsed(start),
                       reason="z3 found a non-convex slice, but only with irrational coordinates")
    y = {c: point[c] for c in s.y}
    x1 = {c: point[first[c]] for c in s.x}
    x2 = {c: point[second[c]] for c in s.x}
    mid = {c: (x1[c] + x2[c]) / 2 for c in s.x}
    ok = (A.evaluate(s.dom_y, y) and A.evaluate(s.dom_x, x1) and A.evaluate(s.dom_x, x2)
          and A.evaluate(s.condition, {**y, **x1}) and A.evaluate(s.condition, {**y, **x2})
          and not A.evaluate(s.condition, {**y, **mid}))
    if not ok:
        raise InternalCheckError(f"{claim}: z3's non-convex slice at {point_str(y)} does not re-check exactly")
    return Refuted(claim, "R", s.game.n, _elapsed(start), (),
                   Witness(violation=f"at r_{{-{s.i + 1}}} = {point_str(y)} the slice contains {point_str(x1)} and "
                                     f"{point_str(x2)} but not their midpoint {point_str(mid)}: it is not convex",
                           points=(point_text(y), point_text(x1), point_text(x2))), second_solver=_EXACT_WITNESS)


# ----------------------------------------------------------------------------- a map f_i itself
def _map_exprs(fs: FairSet) -> tuple[list, tuple | None]:
    if isinstance(fs.value, tuple):
        return [], fs.value
    return (list(fs.value) if isinstance(fs.value, list) else [fs.value]), None


def check_map(fs: FairSet, budget: float = BUDGET) -> list[Verdict]:
    """For a fair set given by a map: f_i maps R into Δ_i, and f_i is continuous (so it is Kakutani).

    >>> from exactfair.fairsets.core import StrategicGame, FairSet
    >>> g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    >>> [v.verdict for v in check_map(FairSet.from_map(g, 0, "Max(p, 2*q)"))]
    ['refuted', 'proved']
    """
    start = time.perf_counter()
    game, i = fs.game, fs.player
    exprs, interval = _map_exprs(fs)
    coords = game.coordinates[i]
    label = f"f{i + 1}"
    if interval is not None:
        lo, hi = interval
        inside = sympy.And(lo >= 0, hi <= 1, lo <= hi)
        values = [lo, hi]
    else:
        inside = sympy.And(*[e >= 0 for e in exprs], sympy.Add(*exprs) <= 1)
        values = exprs
    gens = game.symbols()
    env = z3_vars(gens)
    dom = A.formula(game.domain(), gens)
    bad = A.formula(inside, gens, positive=False)
    claim = f"{label} maps R into Δ{i + 1}" + (" (non-empty intervals)" if interval is not None else "")
    problem = [A.to_z3(dom, env), A.to_z3(bad, env)]
    answer = decide(problem, budget)
    if answer.status == "unsat":
        into = solver_proved(claim, "all r ∈ R", game.n, _elapsed(start), second_solver=confirm([answer], claim))
    elif answer.status == "sat":
        point = rational_solution(problem, env, answer.model)
        if point is None:
            into = Unknown(claim, "all r ∈ R", game.n, _elapsed(start), reason="only irrational points leave Δ_i")
        else:
            if not (A.evaluate(dom, point) and A.evaluate(bad, point)):
                raise InternalCheckError(f"{claim}: z3's point {point_str(point)} does not re-check")
            names = [c.name for c in coords] if interval is None else ["lo", "hi"]
            shown = ", ".join(f"{c}: {e.subs(_rationals(point))}" for c, e in zip(names, values))
            into = Refuted(claim, "all r ∈ R", game.n, _elapsed(start), (),
                           Witness(violation=f"at r = {point_str(point)} the map's value ({shown}) is outside "
                                             f"Δ{i + 1}", points=(point_text(point),)), second_solver=_EXACT_WITNESS)
    else:
        into = Unknown(claim, "all r ∈ R", game.n, _elapsed(start), reason=answer.reason, smtlib=answer.smtlib)
    return [into, _continuity(fs, values, budget)]


def continuity(fs: FairSet, budget: float = BUDGET) -> Verdict:
    """Is the map of a fair set continuous (so its graph is closed)?  Proved for polynomials, Min and Max, and a
    Piecewise whose every two pieces agree wherever the closures of their regions meet; refuted never (a
    disagreement found is reported as unknown: the map may still be continuous elsewhere); unknown otherwise.

    >>> from exactfair.fairsets.core import StrategicGame, FairSet
    >>> g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    >>> continuity(FairSet.from_map(g, 0, "Min(p, q)")).verdict
    'proved'
    >>> continuity(FairSet.from_map(g, 0, "Piecewise((0, q < 1/2), (2*q - 1, q > 2), (1, True))")).verdict
    'unknown'
    """
    exprs, interval = _map_exprs(fs)
    return _continuity(fs, list(interval) if interval is not None else exprs, budget)


def _continuity(fs: FairSet, values: list, budget: float) -> Verdict:
    start = time.perf_counter()
    game = fs.game
    claim = f"f{fs.player + 1} is continuous (so its graph is closed)"
    for e in values:
        if not _is_polynomial(sympy.sympify(e), game.symbols()):
            return Unknown(claim, "all r ∈ R", game.n, _elapsed(start),
                           reason=f"{e} is not built of polynomials, Min, Max and Piecewise in the coordinates; "
                                  "continuity not proved")
    switches = [node for e in values for node in sympy.preorder_traversal(e) if isinstance(node, sympy.Piecewise)]
    if not switches:
        return Proved(claim, "all r ∈ R", game.n, _elapsed(start),
                      ("polynomials, Min and Max are continuous",), second_solver=_NO_SOLVER)
    gens = game.symbols()
    env = z3_vars(gens)
    dom = A.formula(game.domain(), gens)
    answers = []
    for node in switches:
        pieces = list(node.args)
        if any(v.has(sympy.Piecewise) for v, _ in pieces):
            return Unknown(claim, "all r ∈ R", game.n, _elapsed(start), reason="nested Piecewise values")
        regions = []
        earlier: list = []
        for value, cond in pieces:
            regions.append((value, sympy.And(cond, *[sympy.Not(c) for c in earlier])))
            earlier.append(cond)
        for a in range(len(regions)):
            for b in range(a + 1, len(regions)):
                (va, ra), (vb, rb) = regions[a], regions[b]
                meet = A.conjunction([dom, A.closure(A.formula(ra, gens)), A.closure(A.formula(rb, gens)),
                                      A.formula(sympy.Ne(va, vb), gens)])
                answer = decide([A.to_z3(meet, env)], budget)
                answers.append(answer)
                if answer.status != "unsat":
                    return Unknown(claim, "all r ∈ R", game.n, _elapsed(start),
                                   reason=f"pieces {a + 1} and {b + 1} of {node} may disagree where their closures "
                                          "meet (z3: " + answer.status + "); continuity not proved")
    return solver_proved(claim, "all r ∈ R", game.n, _elapsed(start),
                         ("every two pieces agree wherever the closures of their regions meet",),
                         second_solver=confirm(answers, claim))


# ----------------------------------------------------------------------------- the whole check
def check_validity(fs: FairSet, budget: float = BUDGET) -> Validity:
    """Prove the fair set valid (its slice map is Kakutani) or refute it with an exact witness.

    >>> from exactfair.fairsets.core import StrategicGame, FairSet
    >>> g = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
    >>> check_validity(FairSet.from_utility_condition(g, 1, "U2 >= U1 - 1/10")).verdict.verdict
    'proved'
    """
    start = time.perf_counter()
    s = _Slice(fs)
    form = {"map": "map", "action": "set", "utility": "utility"}[fs.kind]
    map_parts: list[Verdict] = []
    if fs.kind == "map":
        map_parts = check_map(fs, budget)
    kakutani_map = bool(map_parts) and all(is_proved(v) for v in map_parts)
    if kakutani_map:
        theorem = ("Brouwer's (Kakutani's) fixed-point theorem: x ↦ f_i(x, r_{-i}) maps the simplex Δ_i "
                   "continuously into itself, so it has a fixed point")
        closed = Proved(f"the graph of {s.label}'s slice map is closed ({s.tag} is closed)", "R", s.game.n, 0.0,
                        ("the fixed-point set of a continuous map is closed",), second_solver=_NO_SOLVER)
        nonempty = Proved(f"every slice of {s.tag} is non-empty", "R", s.game.n, 0.0, (theorem,),
                          second_solver=_NO_SOLVER)
    else:
        closed = _closed(s, budget)
        nonempty = _nonempty(s, budget)
    convex = _convex(s, budget, is_proved(closed))
    parts = (nonempty, convex, closed)
    claim = f"{s.tag} ({s.label}, given as a {form}) is a valid fair set: its slice map has non-empty convex values " \
            "and a closed graph"
    refuted = next((p for p in parts if p.verdict == "refuted"), None)
    second = combine([p.second_solver for p in parts + tuple(map_parts) if is_proved(p)])
    witness, points = None, ()
    if refuted is not None:
        points = refuted.witness.points
        if refuted is closed:
            witness = dict(points[0])
        else:
            witness = dict(points[0])
        verdict: Verdict = Refuted(claim, "R", s.game.n, _elapsed(start), (refuted.claim,), refuted.witness,
                                   second_solver=_EXACT_WITNESS)
    elif not all(is_proved(p) for p in parts):
        reasons = "; ".join(f"{p.claim}: {getattr(p, 'reason', p.verdict)}" for p in parts if not is_proved(p))
        verdict = Unknown(claim, "R", s.game.n, _elapsed(start), reason=reasons)
    else:
        verdict = solver_proved(claim, "R", s.game.n, _elapsed(start), tuple(p.claim for p in parts),
                                second_solver=second)
    if is_proved(verdict) or kakutani_map:
        post = "proved"
    elif nonempty.verdict == "refuted" or closed.verdict == "refuted":
        post = "refuted"
    else:
        post = "undecided"
    return Validity(fs.player, s.label, form, verdict, tuple(map_parts) + parts, post, witness, points)
