"""Exact analysis of ρ-Shapley in the parameter ρ (Theorem 5).

For one F5 instance (coalition C, players i, j) the condition

    r_i^C − r_i^{C∖{j}} = r_j^C − r_j^{C∖{i}},   r_p^X = (φ_p / φ*_X)^ρ · v_X  (p ∈ X)

is an exponential polynomial Σ_k c_k · b_k^ρ + d = 0 in ρ.  When at most one base
b ∉ {0, 1} remains (always the case for |C| = 2), the solution set in (0, 1] is exact:
empty, all of (0, 1], or the single root ρ = log(−d/c) / log(b) (``b^ρ`` is strictly
monotone).  Membership of (0, 1] and comparisons between roots are certified with
interval arithmetic (:func:`exactfair.core.exact.sign`), never decided from floats.
"""

from __future__ import annotations

import time


import sympy

from ..core.errors import ExactfairError
from ..core.exact import sign
from ..core.game import Game
from ..mechanisms.shapley import shapley_of_subgame
from ..kernel.verdicts import Proved, Refuted, Witness, exact

__all__ = ["RHO", "f5_condition", "f5_rho_set", "theorem5_verdict", "r4_rho_set", "axiom_rho_sets"]

#: The symbol ρ.
RHO = sympy.Symbol("rho", positive=True)
_UNIT = sympy.Interval.Lopen(0, 1)


def _reward(game: Game, player: int, mask: int, phi_of) -> sympy.Expr:
    v = game.values
    if not mask >> player & 1:
        return sympy.Rational(v[1 << player].numerator, v[1 << player].denominator)
    phi = phi_of(mask)
    members = [p for p in range(game.n) if mask >> p & 1]
    top = max(phi[p] for p in members)
    vc = sympy.Rational(v[mask].numerator, v[mask].denominator)
    if top <= 0:
        raise ExactfairError(f"φ* = {top} in {game.coalition_name(mask)}: eq. (18) is undefined")
    ratio = phi[player] / top
    if ratio == 1:
        return vc
    return sympy.Rational(ratio.numerator, ratio.denominator) ** RHO * vc


def f5_condition(game: Game, coalition, i, j, shapley_of: str = "grand") -> sympy.Expr:
    """The F5 instance for players i, j (labels) in ``coalition`` as ``expr(ρ) = 0``.

    >>> from exactfair import examples
    >>> f5_condition(examples.theorem5_game(), (1, 2), 1, 2)
    -2 + 3/2**rho
    """
    full = (1 << game.n) - 1
    grand = shapley_of_subgame(game, full)
    phi_of = (lambda m: grand) if shapley_of == "grand" else (lambda m: shapley_of_subgame(game, m))
    c = game.mask(coalition)
    a, b = game.index(i), game.index(j)
    if not (c >> a & 1 and c >> b & 1) or a == b:
        raise ExactfairError("i and j must be two different members of the coalition")
    expr = (_reward(game, a, c, phi_of) - _reward(game, a, c & ~(1 << b), phi_of)
            - _reward(game, b, c, phi_of) + _reward(game, b, c & ~(1 << a), phi_of))
    return sympy.expand(expr)


def f5_rho_set(game: Game, coalition, i, j, shapley_of: str = "grand") -> sympy.Set:
    """Exact set of ρ ∈ (0, 1] for which ρ-Shapley satisfies this F5 instance.

    >>> from exactfair import examples
    >>> f5_rho_set(examples.theorem5_game(), (1, 2), 1, 2)
    {-log(2/3)/log(2)}
    """
    expr = f5_condition(game, coalition, i, j, shapley_of)
    parts = _single_power(expr)
    if parts is None:
        raise ExactfairError(
            f"F5 condition {expr} has several powers of rho; no closed form (use a coalition of two players)")
    coeff, base, constant = parts
    if coeff == 0:
        return _UNIT if constant == 0 else sympy.EmptySet
    target = -constant / coeff
    if target <= 0:
        return sympy.EmptySet
    root = sympy.log(target) / sympy.log(base)
    if root.is_Rational:
        inside = 0 < root <= 1
    else:
        inside = sign(root) > 0 and sign(root - 1) <= 0
    return sympy.FiniteSet(root) if inside else sympy.EmptySet


def theorem5_verdict(game: Game | None = None, shapley_of: str = "grand") -> Proved | Refuted:
    """Theorem 5 on the paper's game: no ρ ∈ (0, 1] gives F5 in both {1,2} and {1,3}.

    Proved when the two exact solution sets are disjoint (roots compared with certified
    interval arithmetic); Refuted (with the common ρ) otherwise.

    >>> v = theorem5_verdict()
    >>> v.verdict, v.details[0]
    ('proved', 'F5 in {1,2} needs rho = -log(2/3)/log(2) ≈ 0.5849625007; F5 in {1,3} needs rho = log(2)/log(3) ≈ 0.6309297536; certified different')
    """
    from ..data.examples import theorem5_game

    start = time.perf_counter()
    game = game or theorem5_game()
    s12 = f5_rho_set(game, (1, 2), 1, 2, shapley_of)
    s13 = f5_rho_set(game, (1, 3), 1, 3, shapley_of)
    if isinstance(s12, sympy.FiniteSet) and isinstance(s13, sympy.FiniteSet):
        (a,), (b,) = tuple(s12), tuple(s13)
        if sign(a - b) != 0:
            detail = (f"F5 in {{1,2}} needs rho = {a} ≈ {sympy.N(a, 10)}; F5 in {{1,3}} needs rho = {b} ≈ "
                      f"{sympy.N(b, 10)}; certified different")
            return Proved("theorem5", "the Theorem 5 game, every rho in (0, 1]", game.n,
                          time.perf_counter() - start, (detail,),
                          second_solver=exact("exact solution sets in rho; roots separated by certified intervals"))
        return Refuted("theorem5", "the Theorem 5 game", game.n, time.perf_counter() - start,
                       witness=Witness((game,), (), f"rho = {a} satisfies F5 in both {{1,2}} and {{1,3}}"))
    common = s12.intersect(s13)
    if common == sympy.EmptySet:
        return Proved("theorem5", "the Theorem 5 game, every rho in (0, 1]", game.n, time.perf_counter() - start,
                      (f"F5 in {{1,2}}: rho ∈ {s12}; in {{1,3}}: rho ∈ {s13}; disjoint",),
                      second_solver=exact("exact solution sets in rho (sympy), their intersection empty"))
    return Refuted("theorem5", "the Theorem 5 game", game.n, time.perf_counter() - start,
                   witness=Witness((game,), (), f"rho ∈ {common} satisfies F5 in both"))





def _single_power(expr: sympy.Expr):
    """(coefficient, base, constant) when expr = c·b^ρ + d with one base b ∉ {0, 1}; None otherwise."""
    terms: dict = {}
    constant = sympy.Integer(0)
    expr = sympy.expand(expr)
    if expr == 0:
        return (sympy.Integer(0), sympy.Integer(2), sympy.Integer(0))
    for term in sympy.Add.make_args(expr):
        coeff, rest = term.as_independent(RHO)
        if rest == 1:
            constant += coeff
            continue
        base, exponent = sympy.powdenest(rest, force=True).as_base_exp()
        factor = sympy.simplify(exponent / RHO)
        if not (base.is_Rational and factor.is_Rational and factor != 0):
            return None
        terms[base ** factor] = terms.get(base ** factor, 0) + coeff
    terms = {b: c for b, c in terms.items() if c != 0}
    if len(terms) > 1:
        return None
    if not terms:
        return (sympy.Integer(0), sympy.Integer(2), constant)
    (base, coeff), = terms.items()
    return coeff, base, constant


def _solve_ge(expr: sympy.Expr) -> sympy.Set:
    """Exact {ρ ∈ (0, 1] : expr(ρ) ≥ 0} for expr = c·b^ρ + d (monotone in ρ)."""
    parts = _single_power(expr)
    if parts is None:
        raise ExactfairError(f"{expr} ≥ 0 has several powers of rho; no closed form")
    coeff, base, constant = parts
    if coeff == 0:
        return _UNIT if sign(constant) >= 0 else sympy.EmptySet
    cuts = []
    target = -constant / coeff
    if target > 0:
        root = sympy.log(target) / sympy.log(base)
        if sign(root) > 0 and sign(root - 1) < 0:
            cuts.append(root)
    points = [sympy.Integer(0)] + cuts + [sympy.Integer(1)]
    result = sympy.EmptySet
    for a, b in zip(points, points[1:]):
        mid = (a + b) / 2
        if sign(expr.subs(RHO, mid)) >= 0:
            result = result.union(sympy.Interval(a, b, left_open=True))
    for c in cuts:                          # the root itself satisfies ≥ with equality
        result = result.union(sympy.FiniteSet(c))
    if sign(expr.subs(RHO, 1)) >= 0:
        result = result.union(sympy.FiniteSet(1))
    return result.intersect(_UNIT)


def r4_rho_set(game: Game, shapley_of: str = "grand") -> tuple[sympy.Set, dict]:
    """Exact set of ρ ∈ (0, 1] where ρ-Shapley satisfies R4 (M_i^C ≥ v_i), and the set per instance.

    >>> from exactfair import examples
    >>> r4_rho_set(examples.theorem5_game())[0]
    Interval.Lopen(0, 1)
    """
    full = (1 << game.n) - 1
    grand = shapley_of_subgame(game, full)
    phi_of = (lambda m: grand) if shapley_of == "grand" else (lambda m: shapley_of_subgame(game, m))
    total = _UNIT
    per = {}
    for c in range(1, 1 << game.n):
        for i in range(game.n):
            if not c >> i & 1:
                continue
            expr = _reward(game, i, c, phi_of) - sympy.Rational(game.values[1 << i].numerator,
                                                                 game.values[1 << i].denominator)
            sol = _solve_ge(expr)
            per[(game.coalition_name(c), game.players[i])] = sol
            total = total.intersect(sol)
    return total, per


def axiom_rho_sets(game: Game, shapley_of: str = "grand") -> dict:
    """ρ-sets per axiom where exact: R4 (every instance), F5 (coalitions of two players).

    Instances with several powers of ρ have no closed form and are listed under ``"open"``.

    >>> from exactfair import examples
    >>> sets = axiom_rho_sets(examples.theorem5_game())
    >>> sets["R4"], sets["F5"]
    (Interval.Lopen(0, 1), EmptySet)
    """
    r4, _ = r4_rho_set(game, shapley_of)
    f5 = _UNIT
    open_instances = []
    for c in range(1, 1 << game.n):
        ms = [i for i in range(game.n) if c >> i & 1]
        for x, i in enumerate(ms):
            for j in ms[x + 1:]:
                try:
                    f5 = f5.intersect(f5_rho_set(game, game.labels(c), game.players[i], game.players[j], shapley_of))
                except ExactfairError:
                    open_instances.append(f"F5 in {game.coalition_name(c)} for ({game.players[i]}, {game.players[j]})")
    return {"R4": r4, "F5": f5, "open": open_instances}
