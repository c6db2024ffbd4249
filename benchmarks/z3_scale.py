"""Bounded proofs side by side: exactfair's ``prove`` against a plain z3 encoding of the same claim, one run.

Each row times ``exactfair.prove(Claim(...), n)`` — the public path, with every guard and cvc5's
confirmation — and a plain whole-table z3 encoding written out below (about twenty lines each, z3 only, no
guards), and prints their ratio.  The plain encodings:

* uniqueness from R2, R3, R5, F5 on all games: two tables M, M′ with R2, R3, R5 and F5, asked to differ;
* Algorithm 1 ⊨ R2 on all games: one run with line 12's j fixed to the lowest member, R2 negated.

Also: the one-time cost of the licence for fixing j (Corollary 3 proved for all n, with its guards), the
F4 claim at n = 5 (no plain encoding), and ``exactfair claims`` as a command — with ``--baseline DIR`` also
an older checkout's ``exactfair claims`` in the same run, for the "no slower than before" comparison.

Run: ``python benchmarks/z3_scale.py [--plain-timeout 120] [--baseline DIR]`` (results in
``benchmarks/results/z3_scale.txt``); ``--settle`` adds the old table: the largest n each paper claim is
settled within a budget.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from itertools import combinations

import z3

from exactfair import Claim, prove
from exactfair.smt.local import license_reference_player


def members(c: int, n: int) -> list[int]:
    return [i for i in range(n) if c >> i & 1]


def plain_uniqueness(n: int, timeout: float) -> str:
    v = [z3.RealVal(0)] + [z3.Real(f"v{c}") for c in range(1, 1 << n)]
    tables = [[[z3.Real(f"{t}{i}_{c}") for i in range(n)] for c in range(1 << n)] for t in "MN"]
    s = z3.Solver()
    s.set("timeout", int(timeout * 1000))
    for M in tables:
        for c in range(1 << n):
            ms = members(c, n)
            s.add([M[c][i] == v[1 << i] for i in range(n) if i not in ms])                          # R5
            s.add([M[c][i] <= v[c] for i in ms])                                                     # R2
            if ms:
                s.add(z3.Or([M[c][i] == v[c] for i in ms]))                                          # R3
            s.add([M[c][i] - M[c & ~(1 << j)][i] == M[c][j] - M[c & ~(1 << i)][j] for i, j in combinations(ms, 2)])
    M, N = tables
    s.add(z3.Or([M[c][i] != N[c][i] for c in range(1 << n) for i in range(n)]))
    return str(s.check())


def plain_algorithm1_r2(n: int, timeout: float) -> str:
    v = [z3.RealVal(0)] + [z3.Real(f"v{c}") for c in range(1, 1 << n)]
    M = [[z3.Real(f"M{i}_{c}") for i in range(n)] for c in range(1 << n)]
    s = z3.Solver()
    s.set("timeout", int(timeout * 1000))
    for c in range(1 << n):
        ms = members(c, n)
        s.add([M[c][i] == v[1 << i] for i in range(n) if len(ms) <= 1 or i not in ms])
        if len(ms) >= 2:
            j = ms[0]
            m = {i: v[c] if i == j else v[c] - M[c & ~(1 << i)][j] + M[c & ~(1 << j)][i] for i in ms}
            s.add(z3.Or([z3.And([m[k] >= m[i] for i in ms if i != k] + [M[c][k] == v[c]]
                                + [M[c][i] == v[c] - M[c & ~(1 << i)][k] + M[c & ~(1 << k)][i] for i in ms if i != k])
                         for k in ms]))
    s.add(z3.Or([M[c][i] > v[c] for c in range(1 << n) for i in members(c, n)]))
    return str(s.check())


def timed(f, *args):
    start = time.perf_counter()
    out = f(*args)
    return out, time.perf_counter() - start


def row(label: str, claim: Claim, n: int, plain=None, plain_timeout: float = 120.0) -> str:
    verdict, seconds = timed(prove, claim, n)
    cvc5 = verdict.second_solver or {}
    text = f"{label:44} n = {n}: prove {verdict.verdict:17} {seconds:7.2f} s (cvc5 agrees: {cvc5.get('agrees')})"
    if plain is not None:
        answer, plain_seconds = timed(plain, n, plain_timeout)
        shown = f"{plain_seconds:7.2f} s" if answer != "unknown" else f"> {plain_timeout:g} s"
        ratio = f"{seconds / plain_seconds:6.2f}×" if answer != "unknown" else f"< {seconds / plain_timeout:.3f}×"
        text += f" | plain z3 {answer:7} {shown} | ratio {ratio}"
    return text


def claims_command(pythonpath: str | None) -> float:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    start = time.perf_counter()
    code = ("import sys; from exactfair.cli import main; sys.exit(main(['claims']))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         cwd=pythonpath or None)
    seconds = time.perf_counter() - start
    if out.returncode not in (0, 3):
        raise SystemExit(f"exactfair claims failed: {out.stderr[-500:]}")
    print(f"    {out.stdout.strip().splitlines()[-1]}")
    return seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plain-timeout", type=float, default=120.0, help="seconds for each plain encoding")
    parser.add_argument("--baseline", help="a checkout of an earlier exactfair, for `exactfair claims` side by side")
    parser.add_argument("--settle", action="store_true", help="also the per-claim 'settled up to n' table")
    args = parser.parse_args(argv)
    unique = Claim(assume=("R2", "R3", "R5", "F5"), conclude="unique", games="any")
    for n in (5, 6, 7, 8):
        print(row("uniqueness from R2, R3, R5, F5 (all games)", unique, n, plain_uniqueness,
                  args.plain_timeout if n < 8 else min(args.plain_timeout, 60.0)), flush=True)
    _, seconds = timed(license_reference_player)
    print(f"{'licence: Corollary 3 for all n (once per process)':44}        {seconds:7.2f} s", flush=True)
    print(row("Algorithm 1 ⊨ R2 (all games)", Claim("balanced-reciprocity", conclude="R2", games="any"), 4,
              plain_algorithm1_r2, args.plain_timeout), flush=True)
    print(row("Algorithm 1 ⊨ F4 (monotone games)", Claim("balanced-reciprocity", conclude="F4"), 5), flush=True)
    now = claims_command(None)
    text = f"{'exactfair claims (this checkout)':44}        {now:7.2f} s"
    if args.baseline:
        before = claims_command(os.path.abspath(args.baseline))
        text += f" | baseline {before:.2f} s | ratio {now / before:.2f}×"
    print(text, flush=True)
    if args.settle:
        settle_table()
    return 0


def settle_table(n_max: int = 5, budget: float = 60.0) -> None:
    """The largest n each paper claim is settled within ``budget`` seconds per n (the public path)."""
    from exactfair.smt.prover import Options, claim_names, prove_claim
    print(f"{'claim':22} {'settled up to n':>15}  verdict   per-n (n, verdict, seconds)")
    for claim in claim_names():
        timings, settled, verdict = [], 1, "-"
        for n in range(2, n_max + 1):
            v, seconds = timed(lambda: prove_claim(claim, n, opt=Options(), timeout=budget, shrink=False))
            timings.append((n, v.verdict, round(seconds, 2)))
            if v.verdict == "unknown" or seconds > budget:
                break
            settled, verdict = n, v.verdict
            if v.verdict == "refuted":
                break
        print(f"{claim:22} {settled:>15}  {verdict:8}  {timings}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
