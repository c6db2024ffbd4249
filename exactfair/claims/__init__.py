"""The claims catalogue: every checkable claim of both sources, each producing a verdict.

An :class:`Entry` has an id, its source (section / equation / example), its statement as
written, the method used, and a function ``check(scope) -> Verdict``.  :func:`run_claims`
runs a selection (optionally in parallel local processes, or on a Dask cluster) and
returns one record per claim::

    {"id", "source", "statement", "method", "verdict", "scope", "witness", "seconds"}

``witness`` is a one-line text for refutations (the full witness is in ``details``).
"""

from __future__ import annotations

import fnmatch
import time
import traceback
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Sequence

import sympy

from ..kernel.verdicts import Proved, Refuted, Verdict, Witness, solver_proved, summarize_guards, with_second_solver

__all__ = ["Entry", "Scope", "catalogue", "select", "run_claim_record", "run_claims", "PAPER_TABLES"]


@dataclass(frozen=True)
class Scope:
    """How far to check: the largest n for bounded claims, and the solver time limit per call.

    >>> Scope(), Scope(n_max=5).n_max
    (Scope(n_max=4, timeout=60.0), 5)
    """

    n_max: int = 4
    timeout: float = 60.0


@dataclass(frozen=True)
class Entry:
    """A catalogue entry: id, where it is stated, the statement, the method, and its check.

    ``claim`` is the :class:`exactfair.Claim` the check proves (for the claims machine-checked by
    z3; ``None`` for exact computations and the post's claims, which go through the same verdicts).

    >>> c = catalogue()[0]
    >>> c.id, c.check(Scope()).verdict
    ('paper.example1.table', 'proved')
    """

    id: str
    source: str
    statement: str
    method: str
    check: Callable[[Scope], Verdict]
    claim: Any = None


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
                  time.perf_counter() - start)


def _example1_table(scope: Scope) -> Verdict:
    from .. import balanced_reciprocity
    from ..data import examples
    t = balanced_reciprocity(examples.example1(), method="reference")
    v = _compare_table("paper.example1.table", t, PAPER_TABLES["example1"])
    singles = all(t[p, c] == examples.example1()[p] for c in [(), (1,), (2,), (3,), (4,)] for p in t.players)
    if v.verdict == "proved" and not singles:
        return Refuted("paper.example1.table", "exact", 4, v.seconds, (),
                       Witness(violation="a player does not get the stand-alone value in ∅ or a singleton"))
    return v


def _example1_vprime(scope: Scope) -> Verdict:
    from .. import balanced_reciprocity
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
                      ("{1,3}: both rewards rise 4 → 5; N: (5,5,8,9) → (5,4,8,9): players 1, 3 unchanged, 2 drops",))
    return Refuted("paper.example1.vprime", "exact", 4, time.perf_counter() - start, (),
                   Witness(violation=f"rise={rise}, unchanged={same}, player 2 drops={drop}"))


def _example1_loses(scope: Scope) -> Verdict:
    from .. import balanced_reciprocity
    from ..data import examples
    start = time.perf_counter()
    t = balanced_reciprocity(examples.example1(), method="reference")
    a, b = t[2, (2, 3, 4)], t[2, (1, 2, 3, 4)]
    cls = Proved if b < a else Refuted
    kwargs = {} if b < a else {"witness": Witness(violation=f"{a} → {b}")}
    return cls("paper.example1.loses-value", "exact", 4, time.perf_counter() - start,
               (f"M_2^{{2,3,4}} = {a} > M_2^N = {b}",), **kwargs)


def _sim(axiom: str, claim: str, two_games: bool) -> Callable[[Scope], Verdict]:
    def check(scope: Scope) -> Verdict:
        from .. import balanced_reciprocity, check_axiom, check_pair
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
                      v.seconds + w.seconds, v.details)
    return v if v.verdict != "proved" else w


def _theorem5_tables(scope: Scope) -> Verdict:
    from .. import balanced_reciprocity, rho_shapley
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
                   f"r_1^{{1,3}} = {r13} ∈ (2.1035, 2.1037)",))


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


def catalogue() -> list[Entry]:
    """All claims, in report order.

    >>> ids = [c.id for c in catalogue()]
    >>> ids[0], "paper.theorem1" in ids, "post.example2.outcome" in ids
    ('paper.example1.table', True, True)
    """
    from ..axioms import AXIOMS
    from ..fairsets.post import post_claims

    out = [
        Entry("paper.example1.table", "Section 4, Example 1", "Algorithm 1 on Example 1 gives the printed tables",
              "exact computation, compared entry by entry", _example1_table),
        Entry("paper.example1.vprime", "Section 4, Example 1",
              "with v′({1,3}) = 5 both rewards in {1,3} rise, and the grand coalition gets (5,4,8,9): players 1 "
              "and 3 do not gain, player 2 loses", "exact computation", _example1_vprime),
        Entry("paper.example1.loses-value", "Section 4, Example 1",
              "in {2,3,4} player 2 loses value if player 1 joins", "exact computation", _example1_loses),
        Entry("paper.example1.sim-f3", "Section 4, Example 1",
              "Example 1 shows F5 is incompatible with F3 as formulated by Sim et al. (B may be empty)",
              "exact check of F3-Sim on the table + uniqueness of F5 tables (z3)", _sim("F3-Sim",
                                                                                       "paper.example1.sim-f3", False)),
        Entry("paper.example1.sim-f4", "Section 4, Example 1 (v′)",
              "the v′ example shows F4 as formulated by Sim et al. is incompatible with F5",
              "exact check of F4-Sim on (v, v′) + uniqueness (z3)", _sim("F4-Sim", "paper.example1.sim-f4", True)),
        Entry("paper.theorem1", "Section 3.3, Theorem 1",
              "if a solution satisfying R3, R5 and F5 exists (v not necessarily monotone), it is unique",
              "z3, whole tables for n = 2..n_max; local uniqueness step for all n", _prove("theorem1"), _named("theorem1")),
    ]
    for a in AXIOMS:
        out.append(Entry(f"paper.theorem2.{a.name}", "Section 4, Theorem 2; Appendix A",
                         f"Algorithm 1 satisfies {a.name} ({a.title}) on every monotone game",
                         "z3 (Algorithm 1 as a relation; structured encoding for n ≥ 4); inductive-step lemma "
                         "where one exists", _prove(f"theorem2.{a.name}"), _named(f"theorem2.{a.name}")))
    out += [
        Entry("paper.corollary3", "Section 4, Corollary 3", "Algorithm 1 does not depend on the j of line 12",
              "z3 (two runs with any j and any maximiser k); all n from L-F5, L-R2, L-U+R2", _prove("corollary3"),
              _named("corollary3")),
        Entry("paper.corollary4", "Section 4, Corollary 4",
              "on monotone games R3, R5 and F5 entail R1, R2, R4 and F1–F4", "z3, each entailed axiom",
              _prove("corollary4", all_parts=[f"corollary4.{x}" for x in ("R1", "R2", "R4", "F1", "F2", "F3", "F4")]),
              _corollary4_claim()),
        Entry("paper.theorem5", "Section 5, Theorem 5",
              "the scaled ρ-Shapley value does not fulfil F5 (no ρ ∈ (0,1] works on the example)",
              "exact solution sets in ρ, roots compared by interval arithmetic", _theorem5),
        Entry("paper.theorem5.tables", "Section 5, eqs. (19)–(21)",
              "the printed ρ = 1 and Algorithm 1 tables; r₁^{1,2} = 2 at ρ = log2(3) − 1; r₁^{1,3} ≈ 2.1036",
              "exact computation; certified comparison", _theorem5_tables),
        Entry("paper.proof.F5.step", "Appendix A.1, eqs. (23)–(32)",
              "the inductive step of F5 (line 20 with F5 below C gives F5 in C)", "local lemma L-F5 (z3)",
              _lemma("L-F5", "paper.proof.F5.step")),
        Entry("paper.proof.R2.step", "Appendix A.2, eqs. (33)–(37)",
              "the inductive step of R2 (argmax with F5 below C gives M_i^C ≤ v_C)", "local lemma L-R2 (z3)",
              _lemma("L-R2", "paper.proof.R2.step")),
        Entry("paper.proof.R1.step", "Appendix A.3", "the inductive step of R1", "local lemma L-R1 (z3)",
              _lemma("L-R1", "paper.proof.R1.step")),
        Entry("paper.proof.R4.step", "Appendix A.5", "the inductive step of R4", "local lemma L-R4 (z3)",
              _lemma("L-R4", "paper.proof.R4.step")),
        Entry("paper.proof.F2.step", "Appendix A.8, eqs. (44)–(49)",
              "the inductive step of F2 (symmetric players get equal rewards in C, given F2 below C)",
              "local lemma L-F2 (z3)", _lemma("L-F2", "paper.proof.F2.step")),
        Entry("paper.proof.R3.step", "Appendix A.4",
              "R3 holds due to line 18, or, in the case of |C| = 1, due to line 4",
              "local lemma L-R3 from the one relation (z3)", _lemma("L-R3", "paper.proof.R3.step")),
        Entry("paper.proof.R5.step", "Appendix A.6",
              "R5 holds simply due to line 10 or line 4, respectively",
              "local lemma L-R5 from the one relation (z3)", _lemma("L-R5", "paper.proof.R5.step")),
        Entry("paper.proof.F1.step", "Appendix A.7",
              "the inductive step of F1: a useless player u gets 0 in C and the others keep their rewards of C∖{u}",
              "local lemma L-F1 (z3): F1 below C, R1, R2, R3, F5, u useless, v monotone",
              _lemma("L-F1", "paper.proof.F1.step")),
        Entry("paper.proof.F4.step", "Appendix A.10",
              "the inductive step of F4 for two runs v, v′ (M(v′)_i^C > M(v)_i^C), with 'Theorem 1' for the "
              "agreement below C∖{i}",
              "local lemma L-F4 (z3): the weak form at C∖{k′}, F5 and R2, agreement from uniqueness with R2",
              _lemma("L-F4", "paper.proof.F4.step")),
        Entry("paper.proof.theorem1.step", "Section 3.3, proof of Theorem 1",
              "from (8), (9) and equal lower rewards, M′_a^A > M_a^A entails a violation of R3",
              "local lemma L-U (z3)", _lemma("L-U", "paper.proof.theorem1.step")),
        Entry("paper.proof.F3.eq56", "Appendix A.9, Case 2, eq. (56)",
              "from (54), (55), M_i^{C∖j} = M_j^{C∖i} and M_j^{C∖{a,i}} < M_i^{C∖{a,j}}: M_a^{C∖j} > M_a^{C∖i}",
              "local implication (z3)", _eq56),
    ]
    for c in post_claims():
        out.append(Entry(c.id, f"fair-sets post, {c.source}", c.statement, "z3 over the (p,q) square; exact "
                         "polygons and optima", _post(c.id)))
    out += [
        Entry("finding.F3.every-R2R3R5F5-table", "exactfair's findings (README, errata E4)",
              "on the 4-player F3 witness game every table satisfying R2, R3, R5 and F5 violates F3",
              "exact F3 check of Algorithm 1's table + uniqueness under R2, R3, R5, F5 (L-U+R2, all n)",
              _finding_f3_forced),
        Entry("finding.F3.not-forced-by-F5-R5", "exactfair's findings (README, errata E4)",
              "F5 and R5 alone do not force the F3 failure: the per-subgame Shapley table satisfies F5, R5 and F3 "
              "on the F3 witness game (and fails R3)", "exact checks of the Shapley table", _finding_f3_shapley),
        Entry("finding.landscape.n3", "exactfair's findings (README, errata E8)",
              "among R1–R5, F1, F2, F3, F5 on monotone games with 3 players, the only minimal set of axioms that "
              "determines the reward table is {R2, R3, R5, F5}; its table is Algorithm 1's, and the uniqueness holds "
              "for all n", "exactfair.claims.explore: every subset settled (one claim each, monotone pruning)",
              _finding_landscape),
    ]
    return out


#: The 4-player monotone 0/1 game on which Algorithm 1 violates F3 (errata E4).
F3_WITNESS = (0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1)


def _finding_f3_forced(scope: Scope) -> Verdict:
    from .. import Game, balanced_reciprocity, check_axiom
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
    from .. import Game, check_axiom, shapley
    start = time.perf_counter()
    table = shapley(Game.from_bitmask_values(list(F3_WITNESS)), method="reference")
    holds = {a: check_axiom(a, table, method="formula").holds for a in ("F5", "R5", "F3", "R3")}
    if holds["F5"] and holds["R5"] and holds["F3"] and not holds["R3"]:
        return Proved("finding.F3.not-forced-by-F5-R5", "the F3 witness game (n = 4)", 4,
                      time.perf_counter() - start, ("per-subgame Shapley: F5, R5, F3 hold, R3 fails",))
    return Refuted("finding.F3.not-forced-by-F5-R5", "the F3 witness game (n = 4)", 4, time.perf_counter() - start,
                   (), Witness(violation=f"per-subgame Shapley table: {holds}"))





def _witness_line(v: Verdict) -> str:
    if v.verdict == "refuted":
        w = v.witness
        text = w.violation or w.notes
        if w.games and not w.tables and len(w.games[0].values) <= 16:
            text += f" [v = {', '.join(map(str, w.games[0].values))}]"
        return text
    if v.verdict in ("unknown", "vacuous"):
        return getattr(v, "reason", "")
    return ""


def run_claim_record(claim_id: str, n_max: int = 4, timeout: float = 60.0) -> dict:
    """Run one claim by id; never raises for a claim's own failure (internal errors are recorded).

    >>> r = run_claim_record("paper.example1.table")
    >>> r["verdict"], r["scope"]
    ('proved', 'exact, 44 printed entries')
    """
    claims = {c.id: c for c in catalogue()}
    claim = claims[claim_id]
    start = time.perf_counter()
    _fresh_solver_context()
    try:
        v = claim.check(Scope(n_max, timeout))
        if v.second_solver is None and v.verdict == "proved" and _solver_based(claim):
            v = with_second_solver(v, None)          # a solver answer nobody re-checked: z3 only, never plain
        record = {"id": claim.id, "source": claim.source, "statement": claim.statement, "method": claim.method,
                  "verdict": v.verdict, "scope": v.scope, "witness": _witness_line(v) or None,
                  "details": [d for d in v.details if d], "seconds": round(time.perf_counter() - start, 2),
                  "claim": claim.claim.to_dict() if claim.claim is not None else None,
                  "live_premises": v.live_premises,
                  "second_solver": v.second_solver or {"applicable": False, "why": _no_solver_reason(claim)}}
        if v.verdict == "refuted":
            record["witness_full"] = v.witness.to_dict()
            record["witness_text"] = v.witness.render()
        return record
    except Exception as exc:  # noqa: BLE001 — recorded as an internal error, reported loudly
        return {"id": claim.id, "source": claim.source, "statement": claim.statement, "method": claim.method,
                "verdict": "error", "scope": "", "witness": f"{type(exc).__name__}: {exc}",
                "details": [traceback.format_exc()], "seconds": round(time.perf_counter() - start, 2)}


def _fresh_solver_context() -> None:
    """Start a claim in a new z3 context, so that its verdict and witness do not depend on which claims this
    process ran before (``--jobs N`` hands claims to workers in no fixed order; a model — a witness — can
    differ with the solver's history).  exactfair keeps no z3 object across claims; z3 creates the new
    context on first use.  Only in the main thread: deleting a context from a worker thread (a Dask task)
    was seen to spin in ``Z3_del_context``; there the claim keeps the thread's context."""
    import threading

    import z3
    if threading.current_thread() is threading.main_thread():
        z3.z3._main_ctx = None


def _solver_based(entry: "Entry") -> bool:
    return "z3" in entry.method or "lemma" in entry.method


def _no_solver_reason(entry: "Entry") -> str:
    return "exact computation: no solver is involved"


def select(pattern: str | None) -> list[str]:
    """Claim ids matching a glob or substring pattern (all when None).

    >>> select("paper.theorem2.R*")
    ['paper.theorem2.R1', 'paper.theorem2.R2', 'paper.theorem2.R3', 'paper.theorem2.R4', 'paper.theorem2.R5']
    """
    ids = [c.id for c in catalogue()]
    if not pattern:
        return ids
    chosen = [i for i in ids if fnmatch.fnmatch(i, pattern) or pattern in i]
    if not chosen:
        raise KeyError(f"no claim matches {pattern!r}")
    return chosen


def run_claims(ids: Sequence[str], *, n_max: int = 4, timeout: float = 60.0, jobs: int = 1,
               scheduler: str | None = None, progress: Callable[[dict], None] | None = None) -> list[dict]:
    """Run claims locally (``jobs`` processes) or on a Dask cluster (``scheduler`` address or Client).

    Dask workers must run one thread each (``dask worker --nthreads 1``): z3 is not thread-safe.

    >>> [r["verdict"] for r in run_claims(["paper.theorem5", "post.example1.fixed-points"])]
    ['proved', 'refuted']
    """
    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise RuntimeError("--scheduler needs the dask extra: pip install 'exactfair[dask]'") from None
        client = Client(scheduler) if isinstance(scheduler, str) else scheduler
        futures = client.map(run_claim_record, list(ids), n_max=n_max, timeout=timeout, pure=False)
        records = client.gather(futures)
        if progress:
            for r in records:
                progress(r)
        return records
    if jobs <= 1:
        out = []
        for i in ids:
            r = run_claim_record(i, n_max, timeout)
            if progress:
                progress(r)
            out.append(r)
        return out
    from ..core.workers import fork_pool

    pool = fork_pool(jobs)
    try:
        pending = [pool.apply_async(run_claim_record, (i, n_max, timeout)) for i in ids]
        out = []
        for result in pending:
            r = result.get()
            if progress:
                progress(r)
            out.append(r)
        pool.close()
        pool.join()
        return out
    except BaseException:
        # interrupted (SIGINT / SIGTERM) or failed: stop every worker before leaving, orphan none
        pool.terminate()
        pool.join()
        raise
