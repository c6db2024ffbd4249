"""The checks behind the catalogue's entries: the paper's printed tables, Sim et al.'s axioms, the lemmas,
Theorem 5, equations (5)–(6), the post's claims and exactfair's own findings.

Each ``check(scope) -> Verdict`` recomputes its verdict from scratch (exact arithmetic or the provers); the
catalogue (:func:`exactfair.claims.catalogue`) says which check settles which statement.
"""

from __future__ import annotations

import time
from fractions import Fraction
from typing import Callable, Sequence

import sympy

from ..kernel.verdicts import (Proved, Refuted, Verdict, Witness, exact, solver_proved, summarize_guards,
                               with_second_solver)

from .entry import Scope

__all__ = ["PAPER_TABLES", "F3_WITNESS"]

#: The 4-player monotone 0/1 game on which Algorithm 1 violates F3 (errata E4).
F3_WITNESS = (0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1)

# --------------------------------------------------------------------------- the paper's printed tables
#: Printed tables: coalition (labels) -> rewards of players 1..n.
PAPER_TABLES = {
    "example1": {
        (1, 2): (2, 3, 1, 4), (1, 3): (4, 2, 4, 4), (1, 4): (4, 2, 1, 7), (2, 3): (1, 4, 3, 4),
        (2, 4): (1, 5, 1, 7), (3, 4): (1, 2, 3, 6), (1, 2, 3): (5, 5, 6, 4), (1, 2, 4): (2, 3, 1, 7),
        (1, 3, 4): (7, 2, 6, 9), (2, 3, 4): (1, 7, 5, 9), (1, 2, 3, 4): (5, 5, 8, 9)},
    "example1-prime-grand": {(1, 2, 3, 4): (5, 4, 8, 9)},
    "theorem5-rho1": {(1, 2): ("3/2", 3, 3), (1, 3): ("4/3", 2, 4), (2, 3): (1, "10/3", 5), (1, 2, 3): (2, 4, 6)},
    "theorem5-alg1": {(1, 2): (2, 3, 3), (1, 3): (2, 2, 4), (2, 3): (1, 4, 5), (1, 2, 3): (3, 5, 6)},
}


def _compare_table(claim: str, table, printed: dict) -> Verdict:
    start = time.perf_counter()
    diffs = []
    for coalition, row in printed.items():
        for player, expected in zip(table.players, row):
            got = table[player, coalition]
            if got != Fraction(str(expected)):
                diffs.append(f"M_{player}^{{{','.join(map(str, coalition))}}}: printed {expected}, computed {got}")
    if diffs:
        return Refuted(claim, "exact", table.n, time.perf_counter() - start, (),
                       Witness(tables=(table,), violation="; ".join(diffs)))
    return Proved(claim, f"exact, {sum(len(r) for r in printed.values())} printed entries", table.n,
                  time.perf_counter() - start, second_solver=exact("the table computed in exact arithmetic"))


def _example1_table(scope: Scope) -> Verdict:
    from ..mechanisms import balanced_reciprocity
    from ..data import examples
    t = balanced_reciprocity(examples.example1(), method="reference")
    v = _compare_table("paper.example1.table", t, PAPER_TABLES["example1"])
    singles = all(t[p, c] == examples.example1()[p] for c in [(), (1,), (2,), (3,), (4,)] for p in t.players)
    if v.verdict == "proved" and not singles:
        return Refuted("paper.example1.table", "exact", 4, v.seconds, (),
                       Witness(violation="a player does not get the stand-alone value in ∅ or a singleton"))
    return v


def _example1_vprime(scope: Scope) -> Verdict:
    from ..mechanisms import balanced_reciprocity
    from ..data import examples
    start = time.perf_counter()
    before = balanced_reciprocity(examples.example1(), method="reference")
    after = balanced_reciprocity(examples.example1_prime(), method="reference")
    v = _compare_table("paper.example1.vprime", after, PAPER_TABLES["example1-prime-grand"])
    if v.verdict != "proved":
        return v
    rise = after[1, (1, 3)] > before[1, (1, 3)] and after[3, (1, 3)] > before[3, (1, 3)]
    same = [after[p, (1, 2, 3, 4)] == before[p, (1, 2, 3, 4)] for p in (1, 3)]
    drop = after[2, (1, 2, 3, 4)] < before[2, (1, 2, 3, 4)]
    if rise and all(same) and drop:
        return Proved("paper.example1.vprime", "exact", 4, time.perf_counter() - start,
                      ("{1,3}: both rewards rise 4 → 5; N: (5,5,8,9) → (5,4,8,9): players 1, 3 unchanged, 2 drops",),
                      second_solver=exact("both tables computed in exact arithmetic"))
    return Refuted("paper.example1.vprime", "exact", 4, time.perf_counter() - start, (),
                   Witness(violation=f"rise={rise}, unchanged={same}, player 2 drops={drop}"))


def _example1_loses(scope: Scope) -> Verdict:
    from ..mechanisms import balanced_reciprocity
    from ..data import examples
    start = time.perf_counter()
    t = balanced_reciprocity(examples.example1(), method="reference")
    a, b = t[2, (2, 3, 4)], t[2, (1, 2, 3, 4)]
    cls = Proved if b < a else Refuted
    kwargs = ({"second_solver": exact("the table computed in exact arithmetic")} if b < a
              else {"witness": Witness(violation=f"{a} → {b}")})
    return cls("paper.example1.loses-value", "exact", 4, time.perf_counter() - start,
               (f"M_2^{{2,3,4}} = {a} > M_2^N = {b}",), **kwargs)


def _sim(axiom: str, claim: str, two_games: bool) -> Callable[[Scope], Verdict]:
    def check(scope: Scope) -> Verdict:
        from ..axioms.check import check_axiom, check_pair
        from ..mechanisms import balanced_reciprocity
        from ..data import examples
        from .engine import uniqueness_up_to
        start = time.perf_counter()
        t = balanced_reciprocity(examples.example1(), method="reference")
        if two_games:
            result = check_pair(t, balanced_reciprocity(examples.example1_prime(), method="reference"), axiom)
        else:
            result = check_axiom(axiom, t)
        unique = uniqueness_up_to(4)
        if result.holds:
            return Refuted(claim, "Example 1", 4, time.perf_counter() - start, (),
                           Witness(violation=f"{axiom} holds on Algorithm 1's table"))
        if unique.verdict not in ("proved", "proved (z3 only)"):
            return _undecided(claim, f"uniqueness (R2, R3, R5, F5) is {unique.verdict}", start)
        grand = [v for v in result.violations if v.coalition == (1, 2, 3, 4)]
        shown = grand[0] if grand else result.violations[0]
        return solver_proved(claim, "Example 1 (and every table with R2, R3, R5, F5: unique, proved)", 4,
                             time.perf_counter() - start,
                             (f"{shown}; the only table satisfying R2, R3, R5 and F5 is Algorithm 1's (L-U+R2), "
                              f"so no F5 mechanism satisfies {axiom} here",), second_solver=unique.second_solver)
    return check


def _corollary4_claim():
    from .api import Claim
    return Claim(None, ("R3", "R5", "F5"), ("R1", "R2", "R4", "F1", "F2", "F3", "F4"), "monotone", id="corollary4")


def _named(name: str):
    from ..smt.prover import named_claim
    return named_claim(name)


def _prove(claim: str, *, all_parts: Sequence[str] | None = None) -> Callable[[Scope], Verdict]:
    """Bounded z3 verdict for n = 2..n_max, upgraded to 'all n' where the lemmas prove it.

    With several parts (Corollary 4), the claim is refuted at the smallest n at which any part
    is refuted; every part's verdict is listed in the details.
    """
    def check(scope: Scope) -> Verdict:
        from .engine import run_claim
        parts = all_parts or [claim]
        start = time.perf_counter()
        proved_scopes, notes, refuted, undecided = [], [], [], []
        solved: list[Verdict] = []
        for part in parts:
            run = run_claim(part, list(range(2, scope.n_max + 1)), timeout=scope.timeout, try_repairs=True)
            solved += list(run.per_n) + ([run.all_n] if run.all_n is not None else [])
            last = run.per_n[-1]
            repairs = [r for r in run.repairs if r["verdict"] == "proved"]
            repaired = ", ".join(f"{r['claim']} proved for n ≤ {r['proved_for_n'][-1]}"
                                 + (" and all n" if r.get("all_n", {}).get("verdict") == "proved" else "")
                                 for r in repairs)
            if last.verdict == "refuted":
                refuted.append((last.n, part, last))
                notes.append(f"{part}: refuted at n = {last.n}" + (f" (repaired: {repaired})" if repaired else ""))
            elif last.verdict != "proved":
                undecided.append(last)
                notes.append(f"{part}: {last.verdict} at n = {last.n}")
            elif run.all_n is not None and run.all_n.verdict in ("proved", "proved (z3 only)"):
                z3_only = " (z3 only)" if run.all_n.verdict != "proved" else ""
                proved_scopes.append("all n, by inductive step" + z3_only)
                notes.append(f"{part}: proved for all n{z3_only} ({run.all_n_argument})")
            else:
                proved_scopes.append(f"n = 2..{scope.n_max}")
                notes.append(f"{part}: proved for n = 2..{scope.n_max}")
        seconds = time.perf_counter() - start
        live, second = summarize_guards(solved)
        if refuted:
            n, part, verdict = min(refuted, key=lambda x: (x[0], parts.index(x[1])))
            return Refuted(claim, f"n = {n} (smallest; {part})", n, seconds, tuple(notes), verdict.witness,
                           live_premises=live, second_solver=second)
        if undecided:
            return undecided[0]
        scopes = sorted(set(proved_scopes))
        return solver_proved(claim, " / ".join(scopes), scope.n_max, seconds, tuple(notes) if len(parts) > 1 else
                             tuple(n.split(": ", 1)[1] for n in notes), live_premises=live, second_solver=second)
    return check



def _theorem5(scope: Scope) -> Verdict:
    from .rho import theorem5_verdict
    v = theorem5_verdict()
    w = theorem5_verdict(shapley_of="subgame")
    if v.verdict == w.verdict == "proved":
        return Proved("paper.theorem5", "the Theorem 5 game, every rho in (0, 1], both readings of φ", 3,
                      v.seconds + w.seconds, v.details, second_solver=v.second_solver)
    return v if v.verdict != "proved" else w


def _theorem5_tables(scope: Scope) -> Verdict:
    from ..mechanisms import balanced_reciprocity, rho_shapley
    from ..data import examples
    from ..core.exact import compare
    start = time.perf_counter()
    g = examples.theorem5_game()
    for name, table in (("theorem5-rho1", rho_shapley(g, 1)), ("theorem5-alg1", balanced_reciprocity(g))):
        v = _compare_table("paper.theorem5.tables", table, PAPER_TABLES[name])
        if v.verdict != "proved":
            return v
    t = rho_shapley(g, sympy.log(3, 2) - 1)
    r12, r13 = t[1, (1, 2)], t[1, (1, 3)]
    ok = r12 == 2 and compare(r13, Fraction(21035, 10000)) == 1 and compare(r13, Fraction(21037, 10000)) == -1
    if not ok:
        return Refuted("paper.theorem5.tables", "exact", 3, time.perf_counter() - start, (),
                       Witness(violation=f"r_1^{{1,2}} = {r12}, r_1^{{1,3}} = {r13}"))
    return Proved("paper.theorem5.tables", "exact; irrational values certified by interval arithmetic", 3,
                  time.perf_counter() - start,
                  (f"ρ = 1 and Algorithm 1 tables as printed; at ρ = log2(3) − 1: r_1^{{1,2}} = 2 exactly, "
                   f"r_1^{{1,3}} = {r13} ∈ (2.1035, 2.1037)",),
                  second_solver=exact("exact tables; irrational values certified by interval arithmetic"))


def _lemma(name: str, claim: str) -> Callable[[Scope], Verdict]:
    def check(scope: Scope) -> Verdict:
        from ..smt.lemmas import prove_lemma
        v = prove_lemma(name)
        if v.verdict in ("proved", "proved (z3 only)"):
            return solver_proved(claim, "all n (local lemma over a fixed number of quantities)", None, v.seconds,
                                 v.details, live_premises=v.live_premises, second_solver=v.second_solver)
        if v.verdict == "refuted":
            return Refuted(claim, "local step", None, v.seconds, (), v.witness, live_premises=v.live_premises,
                           second_solver=v.second_solver)
        return v
    return check


def _eq56(scope: Scope) -> Verdict:
    """A.9 Case 2: from (54), (55), M_i^{C∖j} = M_j^{C∖i} and M_j^{C∖{a,i}} < M_i^{C∖{a,j}}, eq. (56)."""
    import z3

    from ..smt.lemmas import Local
    start = time.perf_counter()
    from ..kernel.solvers import CheckedSolver, recording, summary
    L = Local()
    hyps = [L.M("a", "j") == L.M("i", "j") - L.M("i", "a", "j") + L.M("a", "i", "j"),      # (54)
            L.M("a", "i") == L.M("j", "i") - L.M("j", "a", "i") + L.M("a", "i", "j"),      # (55)
            L.M("i", "j") == L.M("j", "i"), L.M("j", "a", "i") < L.M("i", "a", "j")]
    with recording() as log:
        s = CheckedSolver(scope.timeout)
        s.add(hyps + [z3.Not(L.M("a", "j") > L.M("a", "i"))])
        answer = s.check()
        if answer == z3.sat:
            values = L.model_values(s.model())
            reverse = CheckedSolver(scope.timeout)
            reverse.add(hyps + [z3.Not(L.M("a", "j") < L.M("a", "i"))])
            reversed_holds = reverse.check() == z3.unsat
    if answer == z3.sat:
        return Refuted("paper.proof.F3.eq56", "local step (A.9, Case 2)", None, time.perf_counter() - start,
                       (f"the opposite inequality M_a^{{C∖j}} < M_a^{{C∖i}} follows: {reversed_holds}",),
                       Witness(violation="eq. (56) does not follow from (54), (55) and the case assumptions",
                               notes=", ".join(f"{k} = {v}" for k, v in values.items())),
                       second_solver=summary(log))
    if answer != z3.unsat:
        from ..kernel.verdicts import Unknown
        return Unknown("paper.proof.F3.eq56", "local step", None, time.perf_counter() - start,
                       reason=f"z3: {s.reason_unknown()}")
    return solver_proved("paper.proof.F3.eq56", "local step", None, time.perf_counter() - start,
                         second_solver=summary(log))


def _post(claim_id: str) -> Callable[[Scope], Verdict]:
    def check(scope: Scope) -> Verdict:
        from ..fairsets.post import post_claims
        from ..kernel.solvers import recording, summary
        for c in post_claims():
            if c.id == claim_id:
                with recording() as log:
                    verdict = c.check()
                return with_second_solver(verdict, summary(log))
        raise KeyError(claim_id)
    return check


def _finding_f3_forced(scope: Scope) -> Verdict:
    from ..axioms.check import check_axiom
    from ..core.game import Game
    from ..mechanisms import balanced_reciprocity
    from .engine import all_n_verdict
    start = time.perf_counter()
    game = Game.from_bitmask_values(list(F3_WITNESS))
    table = balanced_reciprocity(game, method="reference")
    holds = {a: check_axiom(a, table).holds for a in ("R2", "R3", "R5", "F5", "F3")}
    unique, argument = all_n_verdict("theorem1+R2")
    if not all(holds[a] for a in ("R2", "R3", "R5", "F5")):
        return Refuted("finding.F3.every-R2R3R5F5-table", "the F3 witness game", 4, time.perf_counter() - start,
                       (), Witness(violation=f"Algorithm 1's table does not satisfy R2, R3, R5, F5: {holds}"))
    if unique is None or unique.verdict not in ("proved", "proved (z3 only)"):
        return _undecided("finding.F3.every-R2R3R5F5-table",
                          f"uniqueness under R2, R3, R5, F5 is {unique.verdict if unique else 'not covered'}", start)
    if holds["F3"]:
        return Refuted("finding.F3.every-R2R3R5F5-table", "the F3 witness game", 4, time.perf_counter() - start,
                       (), Witness(violation="Algorithm 1's table satisfies F3 on the witness game"))
    return solver_proved("finding.F3.every-R2R3R5F5-table", "the F3 witness game (n = 4)", 4,
                         time.perf_counter() - start,
                         (f"Algorithm 1's table satisfies R2, R3, R5, F5 and violates F3; it is the only such table "
                          f"({argument})",), second_solver=unique.second_solver)


def _undecided(claim: str, why: str, start: float) -> Verdict:
    from ..kernel.verdicts import Unknown
    return Unknown(claim, "", None, time.perf_counter() - start, reason=why)


def _finding_landscape(scope: Scope) -> Verdict:
    from .explore import explore
    start = time.perf_counter()
    paper = ["R1", "R2", "R3", "R4", "R5", "F1", "F2", "F3", "F5"]
    land = explore(paper, 3, games="monotone", implications=False, timeout=scope.timeout)
    found = land.minimal_characterizations()
    chars = land.characterizations
    records = [r.second_solver for r in land.results.values() if r.how == "solved"]
    if land.undecided():
        return _undecided("finding.landscape.n3", f"{len(land.undecided())} subsets undecided", start)
    ok = (found == [("R2", "R3", "R5", "F5")] and chars and chars[0]["mechanism"] == "balanced-reciprocity"
          and chars[0]["all_n"]["verdict"] == "proved")
    if not ok:
        return Refuted("finding.landscape.n3", "n = 3, monotone games", 3, time.perf_counter() - start, (),
                       Witness(violation=f"minimal characterizations {found}; {chars}"))
    from ..kernel.verdicts import combine_agreements
    return solver_proved("finding.landscape.n3", "n = 3, monotone games, the nine single-game axioms", 3,
                         time.perf_counter() - start,
                         (f"{land.solved} of {land.subsets} subsets solved, the rest implied by monotonicity; "
                          f"maximal non-characterizations: "
                          + "; ".join("{" + ", ".join(s) + "}" for s in land.maximal_non_characterizations())
                          + f"; the table entails {', '.join(chars[0]['entails'])}",),
                         second_solver=combine_agreements(records))


def _finding_f3_shapley(scope: Scope) -> Verdict:
    from ..axioms.check import check_axiom
    from ..core.game import Game
    from ..mechanisms import shapley
    start = time.perf_counter()
    table = shapley(Game.from_bitmask_values(list(F3_WITNESS)), method="reference")
    holds = {a: check_axiom(a, table, method="formula").holds for a in ("F5", "R5", "F3", "R3")}
    if holds["F5"] and holds["R5"] and holds["F3"] and not holds["R3"]:
        return Proved("finding.F3.not-forced-by-F5-R5", "the F3 witness game (n = 4)", 4,
                      time.perf_counter() - start, ("per-subgame Shapley: F5, R5, F3 hold, R3 fails",),
                      second_solver=exact("the table and its axioms checked in exact arithmetic"))
    return Refuted("finding.F3.not-forced-by-F5-R5", "the F3 witness game (n = 4)", 4, time.perf_counter() - start,
                   (), Witness(violation=f"per-subgame Shapley table: {holds}"))
