"""Search for a game on which a mechanism violates an axiom (z3), shrunk and re-verified.

Mechanisms are encoded exactly:

* ``balanced-reciprocity`` — Algorithm 1 as a relation (:mod:`exactfair.axioms.relations`);
* ``shapley`` — linear in v;
* ``rho-shapley`` with rational ρ = p/q — the Shapley value φ of the whole game
  (linear), φ*_C as an auxiliary variable (``φ*_C ≥ φ_i``, equal to one of them), the ratio
  ``x_i = φ_i/φ*_C`` by ``x_i·φ*_C = φ_i`` and the power ``y_i = x_i^ρ`` by ``y_i ≥ 0, y_i^q = x_i^p``;
  ``M_i^C = y_i·v_C``.  Coalitions with φ*_C = 0 are excluded by the hypothesis φ*_C > 0
  (eq. 18 is undefined there), stated in the result.

Every witness is decoded to an exact :class:`~exactfair.core.game.Game`, recomputed with the
exact mechanism and re-checked by the exact checker.  Shrinking: integer game values
≥ 0, minimising their sum (z3 Optimize for linear encodings; an iterative
"sum < best" loop for nonlinear ones).
"""

from __future__ import annotations

import time
from fractions import Fraction
from math import factorial
from typing import Any

import z3

from ..axioms import game_class_formula
from ..axioms.check import check_axiom, check_pair
from ..core.coalitions import members, subsets
from ..core.exact import to_exact
from ..mechanisms import balanced_reciprocity, rho_shapley, shapley
from ..axioms.registry import resolve_axiom
from ..smt.prover import Options, prove_claim
from ..kernel.verdicts import (
    InternalCheckError, Refuted, Unknown, Verdict, Witness, solver_proved, summarize_guards,
)
from ..kernel.compile import (
    free_constants, SymbolicGame, SymbolicTable, compile_formula, decode_game, lookup, lookup_pair,
)

__all__ = ["search_violation", "shapley_relation", "rho_shapley_relation"]


def shapley_relation(game: SymbolicGame, table: SymbolicTable) -> list:
    """M_i^C = Shapley value of the subgame on C (i ∈ C), v_i otherwise.

    >>> from exactfair.kernel.compile import SymbolicGame, SymbolicTable
    >>> len(shapley_relation(SymbolicGame(2), SymbolicTable(2)))
    8
    """
    n = game.n
    out = []
    for c in range(1 << n):
        ms = members(c)
        for i in range(n):
            if i not in ms:
                out.append(table[i, c] == game[1 << i])
                continue
            terms = []
            for s in subsets(c & ~(1 << i)):
                k = bin(s).count("1")
                w = Fraction(factorial(k) * factorial(len(ms) - k - 1), factorial(len(ms)))
                terms.append(z3.RealVal(str(w)) * (game[s | 1 << i] - game[s]))
            out.append(table[i, c] == (terms[0] if len(terms) == 1 else z3.Sum(terms)))
    return out


def rho_shapley_relation(game: SymbolicGame, table: SymbolicTable, rho: Fraction) -> tuple[list, list]:
    """(definitions, side conditions) for the scaled ρ-Shapley table with φ of the whole game.

    >>> from exactfair.kernel.compile import SymbolicGame, SymbolicTable
    >>> defs, side = rho_shapley_relation(SymbolicGame(2), SymbolicTable(2), Fraction(1))
    >>> len(side)
    3
    """
    n = game.n
    full = (1 << n) - 1
    p, q = rho.numerator, rho.denominator
    phi = []
    for i in range(n):
        terms = []
        for s in subsets(full & ~(1 << i)):
            k = bin(s).count("1")
            w = Fraction(factorial(k) * factorial(n - k - 1), factorial(n))
            terms.append(z3.RealVal(str(w)) * (game[s | 1 << i] - game[s]))
        phi.append(terms[0] if len(terms) == 1 else z3.Sum(terms))
    defs, side = [], []
    for c in range(1 << n):
        ms = members(c)
        for i in range(n):
            if i not in ms:
                defs.append(table[i, c] == game[1 << i])
        if not ms:
            continue
        top = z3.Real(f"phistar_{c}")
        defs += [top >= phi[i] for i in ms] + [z3.Or([top == phi[i] for i in ms])]
        side.append(top > 0)
        for i in ms:
            x, y = z3.Real(f"x_{i}_{c}"), z3.Real(f"y_{i}_{c}")
            defs += [x * top == phi[i], y >= 0, y ** q == x ** p if p != 1 else y ** q == x,
                     table[i, c] == y * game[c]]
    return defs, side


def _exact_table(mechanism: str, game, rho: Any):
    if mechanism == "balanced-reciprocity":
        return balanced_reciprocity(game)
    if mechanism == "shapley":
        return shapley(game)
    return rho_shapley(game, rho)


def _encode(mechanism: str, g: SymbolicGame, t: SymbolicTable, rho: Fraction | None) -> tuple[list, list]:
    if mechanism == "shapley":
        return shapley_relation(g, t), []
    if mechanism == "rho-shapley":
        return rho_shapley_relation(g, t, rho)
    raise ValueError(mechanism)


def search_violation(axiom_name: str, mechanism: str, ns: list[int], *, rho: Any = 1,
                     classes: tuple[str, ...] = ("monotone",), timeout: float = 60.0,
                     shrink: bool = True) -> Verdict:
    """Smallest n in ``ns`` with a game (of the classes) where ``mechanism`` violates ``axiom``.

    Returns :class:`Refuted` (the mechanism fails the axiom; witness shrunk and exactly
    re-verified), :class:`Proved` (no violation exists for any n in ``ns``), or
    :class:`Unknown`.

    >>> search_violation("R3", "shapley", [2]).verdict   # Shapley is efficient, not weakly efficient
    'refuted'
    """
    from ..axioms.registry import MECHANISM_REGISTRY
    if mechanism not in ("shapley", "rho-shapley") and (mechanism != "balanced-reciprocity" or "monotone" not in classes):
        if mechanism not in MECHANISM_REGISTRY:
            raise ValueError(f"unknown mechanism {mechanism!r}; choose one of "
                             f"{', '.join(MECHANISM_REGISTRY.names() + ['rho-shapley'])}")
        from .api import Claim, prove
        claim = Claim(mechanism, conclude=axiom_name, games=tuple(classes))
        done = []
        for n in ns:
            done.append(prove(claim, n, timeout=timeout, shrink=shrink))
            if done[-1].verdict != "proved":
                return done[-1]
        live, second = summarize_guards(done)
        return solver_proved(claim.name, f"n = {ns[0]}..{ns[-1]}", ns[-1], sum(v.seconds for v in done),
                             second_solver=second, live_premises=live)
    if mechanism == "balanced-reciprocity":
        extra = tuple(c for c in classes if c != "monotone")
        done = []
        for n in ns:
            done.append(prove_claim(f"theorem2.{axiom_name}", n, opt=Options(classes=extra), timeout=timeout,
                                    shrink=shrink))
            if done[-1].verdict != "proved":
                return done[-1]
        live, second = summarize_guards(done)
        return solver_proved(f"balanced-reciprocity satisfies {axiom_name}", f"n = {ns[0]}..{ns[-1]}", ns[-1],
                             sum(v.seconds for v in done), second_solver=second, live_premises=live)
    axiom = resolve_axiom(axiom_name)
    rho_value = to_exact(rho, what="rho") if mechanism == "rho-shapley" else None
    claim = f"{mechanism}{'(rho=' + str(rho_value) + ')' if rho_value is not None else ''} violates {axiom.name}"
    start = time.perf_counter()
    agreements: list = []
    for n in ns:
        result = _search_at(axiom, mechanism, n, rho_value, classes, timeout, integer=False, agreements=agreements)
        if result == "unsat":
            continue
        if result in ("unknown",):
            return Unknown(claim, f"n = {n}", n, time.perf_counter() - start,
                           reason=f"z3 gave up within {timeout:g} s (nonlinear arithmetic)"
                           if mechanism == "rho-shapley" else f"z3 gave up within {timeout:g} s")
        witness = result
        if shrink:
            smaller = _shrink_loop(axiom, mechanism, n, rho_value, classes, timeout)
            if smaller is not None:
                witness = smaller
        return Refuted(claim, f"n = {n}", n, time.perf_counter() - start,
                       ("φ*_C > 0 assumed for every C" if mechanism == "rho-shapley" else "",), witness)
    from ..kernel.verdicts import combine_agreements
    _falsify(axiom, mechanism, ns, rho_value, classes)
    return solver_proved(f"{mechanism} satisfies {axiom.name}", f"n = {ns[0]}..{ns[-1]}", ns[-1],
                         time.perf_counter() - start, second_solver=combine_agreements(agreements))


def _falsify(axiom, mechanism: str, ns: list[int], rho, classes, count: int = 8) -> None:
    """The exact mechanism on random games of the classes must not violate what z3 found no violation of."""
    from ..smt.guards import random_games, seeded_rng
    if axiom.games != 1:
        return
    for n in ns:
        for game in random_games(n, classes, seeded_rng(mechanism, axiom.name, n, "search"), count):
            if mechanism == "rho-shapley" and any(x == 0 for x in game.values[1:]):
                continue                                   # φ*_C = 0 is excluded by the encoding's hypothesis
            result = check_axiom(axiom, _exact_table(mechanism, game, rho))
            if not result.holds:
                raise InternalCheckError(f"z3 found no game where {mechanism} violates {axiom.name} at n = {n}, but the "
                                         f"exact checker does: {result.violations[0]}")


def _search_at(axiom, mechanism, n, rho, classes, timeout, integer, bound=None, agreements: list | None = None):
    k = axiom.games
    gs = [SymbolicGame(n, "v", integer)] + ([SymbolicGame(n, "w", integer)] if k == 2 else [])
    ts = [SymbolicTable(n, "M")] + ([SymbolicTable(n, "N")] if k == 2 else [])
    s = z3.Solver()
    s.set("timeout", int(timeout * 1000))
    for idx, (g, t) in enumerate(zip(gs, ts)):
        defs, side = _encode(mechanism, g, t, rho)
        # rename auxiliaries of the second game
        if idx == 1 and mechanism == "rho-shapley":
            defs, side = _rename(defs + side, "_2"), []
        s.add(defs + side)
        for cls in classes:
            s.add(compile_formula(game_class_formula(cls, n), lookup(g)))
        if integer:
            s.add(g.nonnegative())
    look = lookup_pair(gs, ts) if k == 2 else lookup(gs[0], ts[0])
    s.add(z3.Not(compile_formula(axiom.formula(n), look)))
    if bound is not None:
        s.add(z3.Sum([x for g in gs for x in g.values[1:]]) < bound)
    answer = s.check()
    if answer == z3.unsat:
        if agreements is not None:
            from ..kernel.solvers import cross_check
            agreements.append(cross_check(f"{mechanism} violates {axiom.name}, n = {n}", s.to_smt2(), "unsat",
                                          timeout))
        return "unsat"
    if answer != z3.sat:
        return "unknown"
    model = s.model()
    try:
        games = [decode_game(model, g) for g in gs]
    except ValueError:
        return "unknown" if not integer else "unsat"
    return _verify(axiom, mechanism, games, rho, classes)


def _rename(constraints: list, suffix: str) -> list:
    names = {}
    for f in constraints:
        for x in free_constants(f):
            name = x.decl().name()
            if name.startswith(("phistar_", "x_", "y_")):
                names[name] = (x, z3.Real(name + suffix))
    pairs = [pair for pair in names.values()]
    return [z3.substitute(f, *pairs) if pairs else f for f in constraints]


def _verify(axiom, mechanism, games, rho, classes) -> Witness:
    for game in games:
        for cls in classes:
            if not getattr(game, f"is_{cls}")().holds:
                raise InternalCheckError(f"decoded game is not {cls}")
    tables = [_exact_table(mechanism, game, rho) for game in games]
    result = check_pair(tables[0], tables[1], axiom) if axiom.games == 2 else check_axiom(axiom, tables[0])
    if result.holds:
        raise InternalCheckError(f"exact re-check: {mechanism} satisfies {axiom.name} on the decoded game")
    return Witness(tuple(games), tuple(tables), str(result.violations[0]))


def _shrink_loop(axiom, mechanism, n, rho, classes, timeout) -> Witness | None:
    best = None
    bound = None
    deadline = time.perf_counter() + min(timeout, 30.0)
    while time.perf_counter() < deadline:
        remaining = max(1.0, deadline - time.perf_counter())
        result = _search_at(axiom, mechanism, n, rho, classes, remaining, integer=True, bound=bound)
        if not isinstance(result, Witness):
            break
        best = result
        bound = sum(sum(g.values) for g in result.games)
        bound = int(bound)  # integer games: the next must be strictly smaller
    return best
