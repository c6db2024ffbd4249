"""A claim about a mechanism decided one conclusion instance per orbit: small problems for both solvers.

A bounded claim "every table of the mechanism on every game of the classes satisfies the conclusion" has
many conclusion instances (R2 at n = 4: one per member of every coalition).  When the mechanism's relation,
the game classes, the assumptions and the set of conclusion instances are all invariant under relabelling
the players (checked: :func:`~exactfair.smt.guards.equivariant` and canonical forms under a transposition
and a cycle, which generate every permutation), an instance fails on some table iff every instance of its
orbit fails on the relabelled table — so one problem per orbit, each asking for a table that violates that
one instance, decides the claim.  Each problem is solved by z3 and confirmed by cvc5; cvc5, which is slow on
the whole-table problem with one big disjunction of violations, answers these in milliseconds.

A sat answer is not reported from here: the whole-table encoding then produces the refutation (with its
shrunk, exactly re-checked witness).  Vacuous hypotheses are detected as in the whole-table path.

>>> from exactfair import Claim
>>> decide_by_orbits(Claim("balanced-reciprocity", conclude="R2", games="any"), 3).verdict
'proved'
"""

from __future__ import annotations

import time

import z3

from ..kernel.verdicts import Verdict, combine_agreements, solver_proved
from . import guards
from ..kernel.compile import compile_formula

__all__ = ["decide_by_orbits", "orbit_representatives"]


def orbit_representatives(instances: list, n: int) -> list | None:
    """One instance per orbit of the instances under relabelling the players, or None when the set of
    instances is not invariant (some relabelled instance is not an instance).

    >>> from exactfair.axioms import R2
    >>> [(i.coalition, i.players) for i in orbit_representatives(list(R2.instances(3)), 3)]
    [(1, (0,)), (3, (0,)), (7, (0,))]
    """
    if n < 2:
        return list(instances)
    keys = [guards.canonical(inst.formula()) for inst in instances]
    index = {k: i for i, k in enumerate(keys)}
    parent = list(range(len(instances)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for perm in ([1, 0] + list(range(2, n)), [(i + 1) % n for i in range(n)]):
        for i, inst in enumerate(instances):
            j = index.get(guards.canonical(inst.formula(), perm))
            if j is None:
                return None
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    seen, out = set(), []
    for i, inst in enumerate(instances):
        root = find(i)
        if root not in seen:
            seen.add(root)
            out.append(instances[root])
    return out


def _invariant(formulas: list, n: int) -> bool:
    plain = {guards.canonical(f) for f in formulas}
    return all({guards.canonical(f, perm) for f in formulas} == plain
               for perm in ([1, 0] + list(range(2, n)), [(i + 1) % n for i in range(n)]))


def decide_by_orbits(claim, n: int, *, timeout: float = 60.0, reference: str = "any",
                     encoding: str = "auto") -> Verdict | None:
    """The claim at n from one problem per orbit of its conclusion instances; None when this route does not
    apply (not a single-game claim about a mechanism, something not invariant, a problem sat or undecided)."""
    from ..axioms import game_class_formula
    from ..axioms.registry import get_mechanism
    from .problem import build_generic
    from ..kernel.solvers import cross_check
    if claim.mechanism is None or claim.conclude == "unique" or claim.game_count() != 1 or n < 2:
        return None
    start = time.perf_counter()
    mech = get_mechanism(claim.mechanism)
    if not guards.equivariant(mech, n):
        return None
    hypotheses = [inst.formula() for a in claim.assumptions() for inst in a.instances(n)]
    hypotheses += [game_class_formula(cls, n) for cls in claim.games]
    if not _invariant(hypotheses, n):
        return None
    instances = [inst for a in claim.axioms() for inst in a.instances(n)]
    representatives = orbit_representatives(instances, n)
    if representatives is None or len(representatives) == len(instances):
        return None
    problem = build_generic(claim, n, encoding=encoding, grand_only=False, reference=reference)
    if problem.look is None:
        return None
    s = z3.Solver()
    s.set("timeout", int(timeout * 1000))
    s.add(problem.background)
    s.add([f for _, f in problem.hypotheses])
    if s.check() != z3.sat:
        return None                                          # vacuous or undecided: the whole-table path says so
    agreements, live, conditional = [], 0, 0
    for inst in representatives:
        s.push()
        if inst.hypothesis.__class__.__name__ != "_Const":
            conditional += 1
            s.add(compile_formula(inst.hypothesis, problem.look))
            premise = s.check()
            premise_text = s.to_smt2()
            s.pop()
            if premise == z3.unsat:                          # this orbit's premise never holds: that is its proof,
                agreements.append(cross_check(             # so cvc5 re-checks it like any other answer
                    f"{claim.name}, n = {n}, premise of {inst.axiom} at C = {inst.coalition:0{n}b} for {inst.players}",
                    premise_text, "unsat", timeout))
                continue
            if premise != z3.sat:
                return None
            live += 1
            s.push()
        s.add(z3.Not(compile_formula(inst.formula(), problem.look)))
        answer = s.check()
        text = s.to_smt2()
        s.pop()
        if answer != z3.unsat:
            return None
        agreements.append(cross_check(f"{claim.name}, n = {n}, {inst.axiom} at C = {inst.coalition:0{n}b} for "
                                      f"{inst.players}", text, "unsat", timeout))
    if conditional and not live:
        return None                                          # every premise dead: the whole-table path calls it vacuous
    notes = (problem.notes + f"; one conclusion instance per orbit under relabelling ({len(representatives)} of "
             f"{len(instances)} instances; relation, classes and assumptions checked invariant)",)
    return solver_proved(claim.name, f"n = {n}", n, time.perf_counter() - start, notes,
                         second_solver=combine_agreements(agreements),
                         live_premises=f"{live}/{conditional}" if conditional else None)
