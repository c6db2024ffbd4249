"""Run claims over a range of n, attach all-n status and try a referee's repairs.

:func:`run_claim` returns one record per n (a :class:`~exactfair.kernel.verdicts.Verdict`),
the all-n verdict where an inductive-step lemma covers the claim
(:mod:`exactfair.smt.lemmas`), and, for a refuted claim, the repairs a referee would
try: add one more of the paper's axioms to the hypotheses, make a strict
conclusion non-strict, or restrict the game class — each run over the same n.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field


from ..smt.lemmas import lemma_uniqueness_size, prove_lemma
from ..axioms.registry import resolve_axiom
from ..smt.prover import Options, prove_claim
from ..kernel.verdicts import Proved, Verdict, solver_proved

#: Claims with an all-n proof are also checked directly (whole tables) up to this n.
DIRECT_MAX_N = 4
#: Claims whose direct whole-table check is costlier: above this n their verdict (with a proved all-n
#: lemma) is the lemmas'; the direct checks below still cross-check them.  Corollary 3's encoding holds
#: two complete runs of Algorithm 1 with free j and k: n = 3 takes a second, n = 4 about 35 s.
DIRECT_MAX_N_BY_CLAIM = {"corollary3": 3}
#: Largest n for which a whole-table z3 encoding is built at all (n·2^n unknowns, ~4^n instances).
ENCODING_MAX_N = 8

__all__ = ["ClaimRun", "run_claim", "all_n_verdict", "repairs_for", "uniqueness_up_to"]


@dataclass
class ClaimRun:
    """Verdicts of one claim per n, its all-n verdict (if a lemma covers it) and the repairs tried.

    >>> run = run_claim("theorem2.F5", [2, 3])
    >>> [v.verdict for v in run.per_n], run.all_n.verdict
    (['proved', 'proved'], 'proved')
    """

    claim: str
    per_n: list[Verdict]
    all_n: Verdict | None = None
    all_n_argument: str = ""
    repairs: list[dict] = field(default_factory=list)

    def to_records(self) -> list[dict]:
        out = []
        for v in self.per_n:
            record = v.to_dict()
            record["repairs"] = self.repairs
            record["all_n"] = None if self.all_n is None else {
                "verdict": self.all_n.verdict, "scope": self.all_n.scope, "argument": self.all_n_argument}
            out.append(record)
        return out


def all_n_verdict(claim: str, bounded: list | None = None) -> tuple[Verdict | None, str]:
    """The all-n verdict of a paper claim (or repair) from its inductive-step lemmas, if it has any.

    Every guard of :func:`exactfair.smt.local.finish` runs with it: the induction checks, every lemma's
    instances at n = 3, 4, the relation treating players alike, the bounded claim not refuted at small n
    (``bounded``: verdicts already computed) and exact falsification on random games at n = 5, 6.

    >>> all_n_verdict("theorem2.F5")[0].verdict, all_n_verdict("theorem2.F3")[0]
    ('proved', None)
    """
    from ..smt.local import PAPER_ARGUMENTS, finish
    from ..smt.prover import named_claim
    if claim not in PAPER_ARGUMENTS:
        return None, ""
    names, argument = PAPER_ARGUMENTS[claim]
    base, _, rest = claim.partition("+")
    extras = tuple(x for x in rest.split("+") if x)
    if claim == "theorem1":
        from ..smt.lemmas import prove_lemma
        v = prove_lemma("L-U")
        return v, f"{argument}: lemma L-U is {v.verdict}"
    spec = named_claim(base, Options(extra_axioms=extras))
    verdict = finish(spec, names, argument, bounded=bounded,
                     bounded_ns=tuple(range(2, DIRECT_MAX_N_BY_CLAIM.get(base, DIRECT_MAX_N) + 1)))
    if verdict.verdict not in ("proved", "proved (z3 only)"):
        return verdict, f"{argument}: {getattr(verdict, 'reason', verdict.verdict)}"
    return verdict, argument


def uniqueness_up_to(n_max: int, extra: tuple[str, ...] = ("R2",)) -> Verdict:
    """Uniqueness step L-U[s] for every coalition size s = 2..n_max: Theorem 1 (+extra) for n ≤ n_max.

    >>> uniqueness_up_to(6).verdict, uniqueness_up_to(3, ()).verdict
    ('proved', 'refuted')
    """
    from ..kernel.verdicts import summarize_guards
    start = time.perf_counter()
    steps = []
    for s in range(2, n_max + 1):
        v = prove_lemma(f"L-U[{s}]", lemma_uniqueness_size(s, extra), scope=f"|C| = {s}")
        if v.verdict != "proved":
            return v
        steps.append(v)
    name = "theorem1" + "".join(f"+{e}" for e in extra)
    live, second = summarize_guards(steps)
    return solver_proved(name, f"n = 1..{n_max} (uniqueness step for every |C| ≤ {n_max})", n_max,
                         time.perf_counter() - start, live_premises=live, second_solver=second)


def repairs_for(claim: str) -> list[tuple[str, Options]]:
    """The repairs a referee would try for a refuted claim.

    >>> [d for d, _ in repairs_for("theorem2.F3")][:2]
    ['replace the strict > in the conclusion by ≥', 'restrict to superadditive games']
    """
    base, _, axiom = claim.partition(".")
    out: list[tuple[str, Options]] = []
    if base in ("theorem1", "corollary4"):
        for extra in ("R1", "R2", "R4", "F1", "F2", "F3"):
            if extra != axiom:
                out.append((f"add {extra} to the hypotheses", Options(extra_axioms=(extra,))))
    if axiom and any(c in resolve_axiom(axiom).statement for c in (">",)):
        out.append(("replace the strict > in the conclusion by ≥", Options(relaxed=True)))
    classes = ("monotone",) if base == "theorem1" else ()
    for cls in classes + ("superadditive", "subadditive", "convex"):
        out.append((f"restrict to {cls} games", Options(classes=(cls,))))
    return out


def _progress(message: str, enabled: bool) -> None:
    if enabled:
        print(message, file=sys.stderr, flush=True)


def run_claim(claim: str, ns: list[int], *, classes: tuple[str, ...] = (), timeout: float = 60.0,
              explain: bool = False, try_repairs: bool = True, progress: bool = False,
              stop_at_refutation: bool = True) -> ClaimRun:
    """Verdicts for ``claim`` at each n in ``ns`` (stopping at the first refutation), the all-n
    status, and repairs when refuted.

    >>> run = run_claim("theorem1", [2, 3])
    >>> [v.verdict for v in run.per_n], [r["claim"] for r in run.repairs if r["verdict"] == "proved"]
    (['refuted'], ['theorem1+R2'])
    """
    if claim == "theorem5":
        from .rho import theorem5_verdict
        return ClaimRun(claim, [theorem5_verdict()], None,
                        "exact solution sets in rho of F5 in {1,2} and {1,3}, roots compared with certified "
                        "interval arithmetic")
    per_n: list[Verdict] = []
    opt = Options(classes=classes)
    refuted_at = None
    from ..smt.local import PAPER_ARGUMENTS, license_reference_player
    if claim.startswith("theorem2.") and max(ns) >= 4:
        license_reference_player()          # Corollary 3 for all n lets the encodings fix line 12's j
    direct_max = DIRECT_MAX_N_BY_CLAIM.get(claim, DIRECT_MAX_N)
    covered = claim in PAPER_ARGUMENTS and not classes
    too_large = [n for n in ns if n > ENCODING_MAX_N]
    if too_large and covered:            # beyond the encodings, only a proved all-n argument speaks
        covered = all_n_verdict(claim)[0].verdict == "proved"
    if too_large and not covered:
        from ..core.errors import TooLargeError
        raise TooLargeError(
            f"{claim} at n = {too_large[0]} would need a whole-table z3 encoding with {too_large[0]}·2^{too_large[0]} "
            f"unknowns; direct checks support n <= {ENCODING_MAX_N} (this claim has no all-n proof to fall back on)")
    for n in [n for n in ns if n <= direct_max or not covered]:
        _progress(f"{claim}: n = {n} …", progress)
        per_n.append(prove_claim(claim, n, opt=opt, timeout=timeout, explain=explain))
        _progress(f"{claim}: n = {n} {per_n[-1].verdict} ({per_n[-1].seconds:.2f} s)", progress)
        if per_n[-1].verdict == "refuted":
            refuted_at = n
            if stop_at_refutation:
                break
    all_n, all_n_argument = (all_n_verdict(claim, per_n) if covered and (refuted_at is None or claim == "theorem1")
                             else (None, ""))
    for n in ns:
        if n <= direct_max or not covered or refuted_at is not None:
            continue
        _progress(f"{claim}: n = {n} …", progress)
        if all_n is not None and all_n.verdict == "proved" and n > direct_max:
            v = Proved(claim, f"n = {n}, implied by the all-n inductive proof", n, all_n.seconds,
                       (f"direct z3 checks are run for n <= {direct_max}; {all_n_argument}",),
                       live_premises=all_n.live_premises, second_solver=all_n.second_solver)
        else:
            v = prove_claim(claim, n, opt=opt, timeout=timeout, explain=explain)
        per_n.append(v)
        _progress(f"{claim}: n = {n} {v.verdict} ({v.seconds:.2f} s)", progress)
        if v.verdict == "refuted":
            refuted_at = n
            if stop_at_refutation:
                break
    run = ClaimRun(claim, per_n, all_n, all_n_argument)
    if refuted_at is not None and try_repairs:
        for description, repair in repairs_for(claim):
            repair = Options(repair.extra_axioms, classes + repair.classes, repair.relaxed)
            name = claim + repair.suffix()
            results = []
            for n in ns:
                _progress(f"repair {name}: n = {n} …", progress)
                v = prove_claim(claim, n, opt=repair, timeout=timeout, shrink=False)
                results.append(v)
                if v.verdict != "proved":
                    break
            proved = [v.n for v in results if v.verdict == "proved"]
            last = results[-1]
            entry = {"repair": description, "claim": name,
                     "proved_for_n": proved,
                     "verdict": "proved" if last.verdict == "proved" else last.verdict,
                     "at_n": last.n}
            if last.verdict == "refuted":
                entry["witness"] = last.witness.violation
            general, argument = all_n_verdict(name, results) if last.verdict == "proved" else (None, "")
            if general is not None:
                entry["all_n"] = {"verdict": general.verdict, "argument": argument}
            run.repairs.append(entry)
    return run



