"""Uniqueness decided coalition by coalition: two tables that agree below C agree at C.

A uniqueness claim ("any two tables of a game that satisfy the assumptions coincide") at n players is
decided by one small problem per coalition C instead of one problem over two whole tables: the two
tables share every reward at the coalitions strictly below C (that they agree there is what the problems
for those coalitions proved), and only the assumptions' instances *at* C are hypotheses.  If every such
problem is unsat, the claim holds at n, by induction over the subsets:

    let M, M′ satisfy the assumptions and differ; take C minimal (by inclusion) where they differ.
    They agree below C, and the instances at C hold for both — a model of C's problem.

Dropping hypotheses (the instances below C, those about other coalitions) only weakens a problem, so an
unsat answer stays sound; a sat answer may be spurious and is never reported: the whole-table encoding
decides then.  When the assumptions and the game classes are invariant under relabelling the players
(checked, :func:`~exactfair.smt.guards.canonical`), the problem at C is the problem at any C′ of the
same size: one coalition per size suffices.  The claim must also not be vacuous: an exact table that
satisfies every assumption is exhibited (or z3 finds one, decoded and re-checked exactly).

>>> from exactfair import Claim
>>> decide_layered(Claim(assume=("R2", "R3", "R5", "F5"), conclude="unique", games="any"), 6).verdict
'proved'
>>> decide_layered(Claim(assume=("R3", "R5", "F5"), conclude="unique", games="any"), 3) is None
True
"""

from __future__ import annotations

import time

import z3

from ..kernel.verdicts import Verdict, combine_agreements, solver_proved
from . import guards
from ..kernel.compile import SymbolicGame, SymbolicTable, compile_formula

__all__ = ["decide_layered", "symmetric_claim"]


_SYMMETRIC: dict = {}


def symmetric_claim(claim, n: int) -> bool:
    """Are the claim's assumptions and game classes invariant under relabelling the players at n?

    >>> from exactfair import Claim
    >>> symmetric_claim(Claim(assume=("R2", "R3", "R5", "F5"), conclude="unique", games="any"), 4)
    True
    """
    if n < 2:
        return True
    key = (tuple(map(id, claim.assumptions())), claim.assume, claim.games, n, guards.code_epoch())
    if key not in _SYMMETRIC:
        _SYMMETRIC[key] = _symmetric(claim, n)
    return _SYMMETRIC[key]


def _symmetric(claim, n: int) -> bool:
    from ..axioms import game_class_formula
    formulas = [inst.formula() for a in claim.assumptions() for inst in a.instances(n)]
    formulas += [game_class_formula(cls, n) for cls in claim.games]
    plain = {guards.canonical(f) for f in formulas}
    for perm in ([1, 0] + list(range(2, n)), [(i + 1) % n for i in range(n)]):
        if {guards.canonical(f, perm) for f in formulas} != plain:
            return False
    return True


def _nonvacuous(claim, n: int) -> bool:
    """Some exact table satisfies every assumption on some game of the classes (exhibited and checked)."""
    from ..axioms.check import check_axiom
    from ..axioms.registry import MECHANISM_REGISTRY
    single = claim.assumptions()
    for game in guards.random_games(n, claim.games, guards.seeded_rng(claim.name, n, "witness"), 3):
        for name in MECHANISM_REGISTRY.names():
            table = MECHANISM_REGISTRY[name].exact(game)
            if all(check_axiom(a, table).holds for a in single):
                return True
    return False


def decide_layered(claim, n: int, *, timeout: float = 60.0) -> Verdict | None:
    """A uniqueness claim (no mechanism) at n, coalition by coalition; None when this route cannot decide it
    (some layer's problem is sat or undecided, or no table satisfying the assumptions was exhibited)."""
    from ..axioms import game_class_formula
    from ..kernel.solvers import cross_check
    if claim.conclude != "unique" or claim.mechanism is not None or claim.game_count() != 1:
        return None
    start = time.perf_counter()
    if not _nonvacuous(claim, n):
        return None
    symmetric = symmetric_claim(claim, n)
    coalitions = [(1 << s) - 1 for s in range(n + 1)] if symmetric else list(range(1 << n))
    g = SymbolicGame(n)
    first, second = SymbolicTable(n, "M"), SymbolicTable(n, "Mp")
    classes = [compile_formula(game_class_formula(cls, n), lambda a: g[a.coalition]) for cls in claim.games]
    instances = [(inst, _rewards(inst)) for a in claim.assumptions() for inst in a.instances(n)]
    agreements = []
    for c in coalitions:
        def look(table):
            def atom(a):
                if a.__class__.__name__ == "Value":
                    return g[a.coalition]
                return (table if a.coalition == c else first)[a.player, a.coalition]    # shared below C
            return atom
        at_c = [inst for inst, where in instances
                if all(d & c == d for d in where) and (c in where or inst.coalition == c)]
        s = z3.Solver()
        s.set("timeout", int(timeout * 1000))
        s.add(classes)
        for table in (first, second):
            s.add([compile_formula(inst.formula(), look(table)) for inst in at_c])
        s.add(z3.Not(z3.And([first[i, c] == second[i, c] for i in range(n)])))
        if s.check() != z3.unsat:
            return None
        agreements.append(cross_check(f"{claim.name}, n = {n}, C = {c:0{n}b}", s.to_smt2(), "unsat", timeout))
    what = "one coalition per size (the claim is invariant under relabelling)" if symmetric else "every coalition"
    return solver_proved(claim.name, f"n = {n}", n, time.perf_counter() - start,
                         (f"layered: {what}; two tables that agree below C and satisfy the assumptions' instances at "
                          "C agree at C (proofs/SOUNDNESS.md §9); an exact table satisfying the assumptions was "
                          "exhibited",),
                         second_solver=combine_agreements(agreements))


def _rewards(inst) -> set:
    from ..axioms.logic import Reward, atoms
    out = set()
    for f in (inst.hypothesis, inst.conclusion):
        for cmp in atoms(f):
            for side in (cmp.left, cmp.right):
                out.update(a.coalition for a in side.atoms() if isinstance(a, Reward))
    return out

