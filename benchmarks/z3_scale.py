"""How far each claim is settled within a time budget on this machine (one run, printed).

For every claim: the largest n (up to --n-max) for which the verdict at every n' <= n was
reached within --budget seconds per n, using exactfair's default encodings.  Also: the
uniqueness step (Theorem 1 + R2, and each repaired form of Theorem 1 that is proved) for
every coalition size up to 20, with the total time against the 60 s target.

Run: ``python benchmarks/z3_scale.py [--n-max 6] [--budget 60]``
"""

from __future__ import annotations

import argparse
import time

from exactfair.smt.engine import uniqueness_up_to
from exactfair.smt.prover import Options, claim_names, prove_claim


def largest_n(claim: str, n_max: int, budget: float) -> tuple[int, str, list]:
    timings = []
    settled, verdict = 1, "-"
    for n in range(2, n_max + 1):
        start = time.perf_counter()
        v = prove_claim(claim, n, opt=Options(), timeout=budget, shrink=False)
        seconds = time.perf_counter() - start
        timings.append((n, v.verdict, round(seconds, 2)))
        if v.verdict == "unknown" or seconds > budget:
            break
        settled, verdict = n, v.verdict
        if v.verdict == "refuted":
            break
    return settled, verdict, timings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-max", type=int, default=5)
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("--only", default="", help="substring filter on claim names")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    v = uniqueness_up_to(20, ("R2",))
    print(f"theorem1+R2 uniqueness, every |C| = 2..20: {v.verdict} in {time.perf_counter() - start:.2f} s "
          f"(target: 60 s; ratio {((time.perf_counter() - start) / 60):.3f} of the budget)")
    for extra in (("R2", "R1"), ("R2", "R4")):
        start = time.perf_counter()
        v = uniqueness_up_to(20, extra)
        print(f"theorem1+{'+'.join(extra)} uniqueness, every |C| = 2..20: {v.verdict} in "
              f"{time.perf_counter() - start:.2f} s")
    print(f"{'claim':22} {'settled up to n':>15}  verdict   per-n (n, verdict, seconds)")
    for claim in claim_names():
        if args.only and args.only not in claim:
            continue
        n, verdict, timings = largest_n(claim, args.n_max, args.budget)
        print(f"{claim:22} {n:>15}  {verdict:8}  {timings}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
