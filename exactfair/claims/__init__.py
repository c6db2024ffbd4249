"""Claims: the public ``prove``/``all_n`` (:mod:`~exactfair.claims.api`), and the catalogue of both sources.

This package is the layer where claims are run: :mod:`~exactfair.claims.api` asks the provers for a
verdict, :mod:`~exactfair.claims.engine` runs a claim over a range of n with repairs,
:mod:`~exactfair.claims.search` searches a mechanism's counterexamples, :mod:`~exactfair.claims.explore`
settles every subset of a list of axioms, :mod:`~exactfair.claims.rho` is Theorem 5 in ρ, and this module
is the catalogue (the checks in :mod:`~exactfair.claims.checks`), reported by
:mod:`~exactfair.claims.report`.  To add a claim to the catalogue: an :class:`Entry` in :func:`catalogue`.

May import: core, mechanisms, axioms, kernel, smt, symbolic, data, fairsets.

The catalogue: every checkable claim of both sources, each producing a verdict.

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
from typing import Callable, Sequence

from ..kernel.verdicts import Verdict
from .checks import (  # noqa: F401  (F3_WITNESS, PAPER_TABLES: this module's names before the split)
    F3_WITNESS, PAPER_TABLES, _corollary4_claim, _eq56, _example1_loses, _example1_table, _example1_vprime, _finding_f3_forced, _finding_f3_shapley, _finding_landscape, _lemma, _named, _post, _prove, _sim, _theorem5, _theorem5_tables,
)
from .entry import Entry, Scope

__all__ = ["Entry", "Scope", "catalogue", "select", "run_claim_record", "run_claims", "PAPER_TABLES"]


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
        record = {"id": claim.id, "source": claim.source, "statement": claim.statement, "method": claim.method,
                  "verdict": v.verdict, "scope": v.scope, "witness": _witness_line(v) or None,
                  "details": [d for d in v.details if d], "seconds": round(time.perf_counter() - start, 2),
                  "claim": claim.claim.to_dict() if claim.claim is not None else None,
                  "live_premises": v.live_premises,
                  "second_solver": v.second_solver or {"applicable": False, "why": _no_record(v)}}
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


def _no_record(v: Verdict) -> str:
    """What a verdict without a second-solver record rests on (a "proved" always carries one)."""
    if v.verdict == "refuted":
        return "a refutation: its witness is re-checked in exact arithmetic"
    return f"{v.verdict}: no proof to confirm"


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
