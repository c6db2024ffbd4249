"""The fair-sets post: its three prisoner's-dilemma examples and every checkable sentence.

Utilities U1 = 2q − p, U2 = 2p − q (p, q = probabilities that P1, P2 cooperate) are the
expected payoffs of the prisoner's dilemma shipped as ``exactfair/data/prisoners_dilemma.nfg``
(checked in the tests).  Each claim is checked *as written*; where a sentence contains a
slip, the claim as written gets its verdict and the corrected reading gets its own id.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable

import sympy

from ..kernel.solvers import recording
from ..kernel.verdicts import Proved, Refuted, Verdict, Witness, combine_agreements, exact, solver_proved
from .analysis import (
    bargaining_set, check_all_pareto, check_closed_graph, check_equal, check_fixed_points, check_maps_into_simplex,
    check_nonempty, check_nonempty_convex_values, check_subset, check_unique_pareto, lexicographic_optimum,
)
from .core import FairSet, StrategicGame
from .parametric import validity_condition
from .polygon import is_kite, polygon

__all__ = ["Bargain", "example", "EXAMPLES", "post_claims", "PostClaim"]

U1, U2 = "2*q - p", "2*p - q"


@dataclass
class Bargain:
    """A game with each player's fair set (as used for F) and, where given, the Kakutani maps.

    >>> b = example1()
    >>> b.name, b.region()
    ('post-example1', (p >= q) & (p <= q))
    """

    name: str
    game: StrategicGame
    fair_sets: list
    maps: list = field(default_factory=list)

    def region(self) -> sympy.Basic:
        return bargaining_set(self.fair_sets)


def _pd() -> StrategicGame:
    game = StrategicGame.two_by_two("p", "q", U1, U2)
    game.actions = [["Cooperate", "Defect"], ["Cooperate", "Defect"]]
    return game


def example1() -> Bargain:
    g = _pd()
    f1, f2 = FairSet.from_map(g, 0, "Min(p, q)"), FairSet.from_map(g, 1, "Min(p, q)")
    return Bargain("post-example1", g, [FairSet.from_action_set(g, 0, "p <= q"),
                                        FairSet.from_action_set(g, 1, "p >= q")], [f1, f2])


def example2() -> Bargain:
    g = _pd()
    f1 = FairSet.from_map(g, 0, "Min(p, (40*q + 23)/70)")
    f2 = FairSet.from_map(g, 1, "Min(q, (40*p + 23)/70)")
    return Bargain("post-example2", g, [FairSet.from_action_set(g, 0, "p <= (40*q + 23)/70"),
                                        FairSet.from_action_set(g, 1, "q <= (40*p + 23)/70")], [f1, f2])


def example3() -> Bargain:
    g = _pd()
    f1, f2 = FairSet.from_map(g, 0, "Min(p, q)"), FairSet.from_map(g, 1, "1")
    return Bargain("post-example3", g, [FairSet.from_action_set(g, 0, "p <= q"),
                                        FairSet.from_action_set(g, 1, "Eq(q, 1)")], [f1, f2])


EXAMPLES: dict[str, Callable[[], Bargain]] = {
    "post-example1": example1, "post-example2": example2, "post-example3": example3,
}


def example(name: str) -> Bargain:
    """A shipped example by name (``post-example1`` … ``post-example3``).

    >>> example("post-example3").fair_sets[1].condition()
    Eq(q, 1)
    """
    if name not in EXAMPLES:
        raise KeyError(f"no shipped bargaining example {name!r}; choose one of {', '.join(EXAMPLES)}")
    return EXAMPLES[name]()


@dataclass(frozen=True)
class PostClaim:
    """One checkable sentence of the post: id, where, the sentence, and its check.

    >>> c = post_claims()[7]
    >>> c.id, c.check().verdict
    ('post.example1.outcome', 'proved')
    """

    id: str
    source: str
    statement: str
    check: Callable[[], Verdict]


def _all(claim: str, verdicts: list[Verdict]) -> Verdict:
    """Combine sub-verdicts: refuted/unknown if any is, else proved."""
    seconds = sum(v.seconds for v in verdicts)
    for v in verdicts:
        if v.verdict != "proved":
            return v
    return solver_proved(claim, "; ".join(dict.fromkeys(v.scope for v in verdicts)),
                         verdicts[0].n if verdicts else None, seconds, tuple(f"{v.claim}: proved" for v in verdicts),
                         second_solver=combine_agreements([v.second_solver for v in verdicts]))


def _validity(b: Bargain) -> list[Verdict]:
    out = []
    for fm in b.maps:
        out += [check_maps_into_simplex(fm), check_nonempty_convex_values(fm), check_closed_graph(fm)]
    return out


def _claim_nonempty_pareto(b: Bargain) -> Verdict:
    start = time.perf_counter()
    region = b.region()
    nonempty = check_nonempty(b.game, region, f"F of {b.name} is non-empty")
    if nonempty.verdict != "proved":
        return nonempty
    with recording() as log:
        opt = lexicographic_optimum(b.game, region)
    return solver_proved(f"F of {b.name} is non-empty and contains a Pareto optimum", "F", 2,
                         time.perf_counter() - start,
                         (nonempty.details[0], f"lexicographic Pareto optimum {opt['point']} (utilities {opt['values']})"),
                         second_solver=combine_agreements([nonempty.second_solver] + log))


def _kite(b: Bargain) -> Verdict:
    start = time.perf_counter()
    p, q = b.game.symbols()
    vertices = polygon(b.region(), p, q)
    expected = [(Fraction(0), Fraction(0)), (Fraction(23, 70), Fraction(0)), (Fraction(23, 30), Fraction(23, 30)),
                (Fraction(0), Fraction(23, 70))]
    ok = sorted(vertices) == sorted(expected) and is_kite(vertices)
    text = ", ".join(f"({x}, {y})" for x, y in vertices)
    if ok:
        return Proved("F is a kite", "exact polygon of F", 2, time.perf_counter() - start,
                      (f"vertices {text}; two pairs of equal adjacent sides, symmetric about p = q",),
                      second_solver=exact("the polygon of F computed in exact arithmetic"))
    return Refuted("F is a kite", "exact polygon of F", 2, time.perf_counter() - start, (),
                   Witness(violation=f"vertices {text}"))


def _underspecified(b: Bargain) -> Verdict:
    start = time.perf_counter()
    region = b.region()
    with recording() as log:
        a = lexicographic_optimum(b.game, region, [0, 1])
        c = lexicographic_optimum(b.game, region, [1, 0])
    if a["point"] != c["point"]:
        return solver_proved("the outcome depends on how the Pareto optimum is chosen", "F", 2,
                             time.perf_counter() - start,
                             (f"order (U1, U2) picks {a['point']}; order (U2, U1) picks {c['point']}",),
                             second_solver=combine_agreements(log))
    return Refuted("the outcome depends on how the Pareto optimum is chosen", "F", 2, time.perf_counter() - start,
                   (), Witness(violation=f"both orders pick {a['point']}"))


def _parametric() -> Verdict:
    g = _pd()
    cond, verdict = validity_condition(g, "Min(p, (b - c*a + (1 + 2*c)*q)/(2 + c))",
                                       {"a": (None, None), "b": (None, None), "c": (0, None)})
    if verdict.verdict != "proved":
        return verdict
    a, b, c = sympy.symbols("a b c", real=True)
    holds = bool(cond.subs({a: sympy.Rational(11, 10), b: sympy.Rational(4, 5), c: sympy.Rational(1, 10)}))
    fails = not bool(cond.subs({a: 1, b: 0, c: sympy.Rational(1, 2)}))
    p, q = g.symbols()
    f = sympy.Min(p, (b - c * a + (1 + 2 * c) * q) / (2 + c)).subs({a: 1, b: 0, c: sympy.Rational(1, 2), p: 1, q: 0})
    return Proved("Example 2's maps are valid exactly when " + str(cond), verdict.scope, 2, verdict.seconds,
                  second_solver=verdict.second_solver, details=
                  (f"from b − U2 ≥ c·(a − U1), i.e. p ≤ (b − c·a + (1 + 2c)·q)/(2 + c); holds for the post's "
                   f"(a, b, c) = (1.1, 0.8, 0.1): {holds}; fails for (1, 0, 1/2): {fails} — there f1(1, 0) = {f} < 0",)
                  + verdict.details)


def post_claims() -> list[PostClaim]:
    """Every checkable sentence of the post, with its check (run lazily).

    >>> claims = post_claims()
    >>> len(claims), claims[0].id
    (19, 'post.claim')
    """
    e1, e2, e3 = example1, example2, example3
    pd = _pd
    p, q = sympy.symbols("p q", real=True)
    u1, u2 = sympy.Symbol("U1"), sympy.Symbol("U2")

    def util(g, cond):
        return FairSet.from_utility_condition(g, 0, cond).condition()

    claims = [
        PostClaim("post.claim", "Claim and proof", "F is nonempty and contains a Pareto optimum (over F) — on each "
                  "example", lambda: _all("post.claim", [_claim_nonempty_pareto(x()) for x in (e1, e2, e3)])),
        PostClaim("post.example1.fair-sets", "Example 1",
                  "Both players consider themselves exploited if the other gets more utility; thus "
                  "F1 = {p ≤ q} and F2 = {p ≥ q}",
                  lambda: _all("post.example1.fair-sets", [
                      check_equal(pd(), util(pd(), u2 <= u1), p <= q, "P1 not exploited ⇔ p ≤ q"),
                      check_equal(pd(), util(pd(), u1 <= u2), p >= q, "P2 not exploited ⇔ p ≥ q")])),
        PostClaim("post.example1.validity", "Example 1", "f1(p,q) = min(p,q) is continuous, and thus Kakutani",
                  lambda: _all("post.example1.validity", _validity(e1()))),
        PostClaim("post.example1.fixed-points", "Example 1",
                  "the set of (p,q) for which f1(p,q) = p is exactly F2 (as written)",
                  lambda: check_fixed_points(e1().maps[0], e1().fair_sets[1], "F2")),
        PostClaim("post.example1.fixed-points-corrected", "Example 1 (reading F1 for F2)",
                  "the set of (p,q) for which f1(p,q) = p is exactly F1",
                  lambda: check_fixed_points(e1().maps[0], e1().fair_sets[0], "F1")),
        PostClaim("post.example1.f2", "Example 1", "Similarly we can take f2(p,q) = min(p,q) (fixed points = F2)",
                  lambda: check_fixed_points(e1().maps[1], e1().fair_sets[1], "F2")),
        PostClaim("post.example1.intersection", "Example 1", "their intersection is the set of (p,q) with p = q",
                  lambda: check_equal(pd(), e1().region(), sympy.Eq(p, q), "F = {p = q}")),
        PostClaim("post.example1.outcome", "Example 1", "This set has a unique Pareto optimum, (1,1)",
                  lambda: check_unique_pareto(pd(), e1().region(), {p: 1, q: 1}, "unique Pareto optimum (1, 1)")),
        PostClaim("post.example2.translation", "Example 2",
                  "0.8 − U2 ≥ .1(1.1 − U1) translates to (p,q) ∈ F1 iff p ≤ (40q+23)/70, and similarly "
                  "for F2 with q ≤ (40p+23)/70",
                  lambda: _all("post.example2.translation", [
                      check_equal(pd(), util(pd(), sympy.Rational(4, 5) - u2 >= sympy.Rational(1, 10) * (sympy.Rational(11, 10) - u1)),
                                  p <= (40 * q + 23) / 70, "P1's utility condition ⇔ p ≤ (40q+23)/70"),
                      check_equal(pd(), util(pd(), sympy.Rational(4, 5) - u1 >= sympy.Rational(1, 10) * (sympy.Rational(11, 10) - u2)),
                                  q <= (40 * p + 23) / 70, "P2's utility condition ⇔ q ≤ (40p+23)/70")])),
        PostClaim("post.example2.translation-literal", "Example 2 (the notation (q,p) ∈ F2 read literally)",
                  "(x, y) ∈ F2 iff x ≤ (40y+23)/70, i.e. F2 = {p ≤ (40q+23)/70}, matches P2's utility condition",
                  lambda: check_equal(pd(), util(pd(), sympy.Rational(4, 5) - u1 >= sympy.Rational(1, 10) * (sympy.Rational(11, 10) - u2)),
                                      p <= (40 * q + 23) / 70, "P2's utility condition ⇔ p ≤ (40q+23)/70")),
        PostClaim("post.example2.validity", "Example 2",
                  "f1 = min(p, (40q+23)/70) and f2 = min(q, (40p+23)/70) are valid (map into [0,1], Kakutani) "
                  "with fixed points F1, F2",
                  lambda: _all("post.example2.validity", _validity(e2()) + [
                      check_fixed_points(e2().maps[0], e2().fair_sets[0], "F1"),
                      check_fixed_points(e2().maps[1], e2().fair_sets[1], "F2")])),
        PostClaim("post.example2.parametric", "Example 2 (note)",
                  "if we changed the numbers, these functions might not have been valid — exact condition",
                  _parametric),
        PostClaim("post.example2.kite", "Example 2", "The intersection of F1 and F2 is a kite shape",
                  lambda: _kite(e2())),
        PostClaim("post.example2.outcome", "Example 2", "with a unique Pareto Optimum at p = q = 23/30",
                  lambda: check_unique_pareto(pd(), e2().region(), {p: Fraction(23, 30), q: Fraction(23, 30)},
                                              "unique Pareto optimum (23/30, 23/30)")),
        PostClaim("post.example3.validity", "Example 3", "F2 = {q = 1} with f2(p,q) = 1 is a valid fair set "
                  "(and F1 as in Example 1)",
                  lambda: _all("post.example3.validity", _validity(e3()) + [
                      check_fixed_points(e3().maps[1], e3().fair_sets[1], "{q = 1}"),
                      check_fixed_points(e3().maps[0], e3().fair_sets[0], "{p ≤ q}")])),
        PostClaim("post.example3.subset", "Example 3", "F2 is a subset of F1",
                  lambda: check_subset(pd(), e3().fair_sets[1].condition(), e3().fair_sets[0].condition(),
                                       "F2 ⊆ F1")),
        PostClaim("post.example3.intersection", "Example 3", "the set of mutually fair points F is just the set "
                  "where P2 cooperates",
                  lambda: check_equal(pd(), e3().region(), sympy.Eq(q, 1), "F = {q = 1}")),
        PostClaim("post.example3.outcome", "Example 3", "Every point in this set is a Pareto optimum",
                  lambda: check_all_pareto(pd(), e3().region(), "every point of F is Pareto optimal")),
        PostClaim("post.example3.underspecified", "Example 3",
                  "the outcome is based on how we choose the Pareto optimum, which is under specified",
                  lambda: _underspecified(e3())),
    ]
    return claims
