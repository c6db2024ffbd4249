"""The path a user calls, measured in one run: ratios against the kernel and a memory touch.

Prints, for random monotone integer games (``exactfair.core.fast.random_monotone_values``):

1. n = 20, ``balanced_reciprocity(Game.from_bitmask_values(v)).to_numpy()`` against the kernel alone
   (``balanced_reciprocity_array``) and against a memory-touch of the (2ⁿ, n) int64 output;
   goals ≤ 1.5× and ≤ 3×.  Best of 3, the two timed alternately.
2. ``check_axioms`` (R1–R5, F1, F2, F3, F5) on the n = 20 table: ratio to computing the table (goal
   ≤ 10×), also on an additive game with distinct weights (every pair weakly desirable: F3's
   subset-closure runs for every pair) and a symmetric game (every pair symmetric); n = 14 time
   (goal < 2 s).
3. ``exactfair check`` of a 20-player ``.npy`` game end to end (child process): seconds and peak RSS
   (goal under a minute).
4. Exact Shapley table n = 16 through ``shapley(game)``: ratio to the Algorithm 1 public path (goal ≤ 5×).
5. ``exactfair rewards --grand-only`` from an ``.npy`` file at n = 24 against the streaming API alone,
   each in a child process: time ratio (goal ≤ 1.5×) and peak RSS of both.
6. Parametric: 7 players with 3 parameters (goal within 10 s).
7. ``exactfair claims`` (the main job), wall time.

Run: ``python benchmarks/public_path.py`` (about 3 minutes; ``--quick`` skips n = 24).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from exactfair import Game, balanced_reciprocity, check_axioms, shapley
from exactfair.core.fast import balanced_reciprocity_array, random_monotone_values

AXIOMS = ("R1", "R2", "R3", "R4", "R5", "F1", "F2", "F3", "F5")


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def best_alternating(fns: dict, repeat: int = 3) -> dict:
    best = {k: float("inf") for k in fns}
    for _ in range(repeat):
        for k, fn in fns.items():
            best[k] = min(best[k], timed(fn))
    return best


def touch(n: int) -> None:
    a = np.empty((1 << n, n), dtype=np.int64)
    a[:] = 1


def child(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON line (plus peak RSS added here)."""
    wrapper = ("import json, resource, sys, time\n" + code +
               "\nresult['peak_rss_gib'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20\n"
               "print(json.dumps(result))\n")
    out = subprocess.run([sys.executable, "-c", wrapper, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


CLI_CHILD = r"""
from exactfair.cli import main
start = time.perf_counter()
code = main(sys.argv[1:])
result = {"seconds": time.perf_counter() - start, "exit": code}
"""

STREAM_CHILD = r"""
import numpy as np
from exactfair.core.fast import balanced_reciprocity_stream
v = np.load(sys.argv[1])
start = time.perf_counter()
rows, _ = balanced_reciprocity_stream(v, int(sys.argv[2]))
result = {"seconds": time.perf_counter() - start}
"""


def main() -> int:
    quick = "--quick" in sys.argv
    print("1. n = 20 public path vs kernel vs memory touch (best of 3, alternating)")
    n = 20
    v = random_monotone_values(n, seed=20)
    times = best_alternating({
        "public": lambda: balanced_reciprocity(Game.from_bitmask_values(v)).to_numpy(),
        "kernel": lambda: balanced_reciprocity_array(v, n),
        "touch": lambda: touch(n),
    })
    print(f"   public {times['public']:.3f} s, kernel {times['kernel']:.3f} s, touch {times['touch']:.3f} s: "
          f"public/kernel = {times['public'] / times['kernel']:.2f}× (goal ≤ 1.5×), "
          f"public/touch = {times['public'] / times['touch']:.1f}× (goal ≤ 3×)")

    print("2. check_axioms (R1–R5, F1, F2, F3, F5) against computing the table")
    weights = np.arange(1, n + 1, dtype=np.int64)
    masks = np.arange(1 << n, dtype=np.int64)
    additive = ((masks[:, None] >> np.arange(n)) & 1) @ weights
    sizes = ((masks[:, None] >> np.arange(n)) & 1).sum(axis=1)
    symmetric = np.minimum(sizes, 5).astype(np.int64)
    for name, values in (("random monotone", v), ("additive, distinct weights", additive),
                         ("symmetric (v = min(|C|, 5))", symmetric)):
        game = Game.from_bitmask_values(values)
        table_time = timed(lambda: balanced_reciprocity(game))
        table = balanced_reciprocity(game)
        check_time = timed(lambda: check_axioms(table, axioms=AXIOMS, max_violations=3))
        results = check_axioms(table, axioms=AXIOMS, max_violations=3)
        failed = [k for k, r in results.items() if r.holds is False]
        print(f"   n = 20 {name:28}: table {table_time:.2f} s, check {check_time:.2f} s = "
              f"{check_time / table_time:.1f}× (goal ≤ 10×); failing: {', '.join(failed) or 'none'}")
    g14 = Game.from_bitmask_values(random_monotone_values(14, seed=14))
    t14 = balanced_reciprocity(g14)
    print(f"   n = 14: check_axioms {timed(lambda: check_axioms(t14, axioms=AXIOMS)):.3f} s (goal < 2 s)")

    with tempfile.TemporaryDirectory() as tmp:
        path20 = Path(tmp) / "g20.npy"
        np.save(path20, v)
        print("3. exactfair check of a 20-player .npy game (child process)")
        r = child(CLI_CHILD, "check", str(path20))
        print(f"   {r['seconds']:.1f} s, exit {r['exit']}, peak RSS {r['peak_rss_gib']:.2f} GiB (goal under a minute)")

        print("4. exact Shapley table n = 16 vs Algorithm 1, both through the public API (best of 3)")
        g16 = Game.from_bitmask_values(random_monotone_values(16, seed=16))
        times = best_alternating({"shapley": lambda: shapley(g16), "br": lambda: balanced_reciprocity(g16)})
        print(f"   shapley {times['shapley']:.3f} s, balanced_reciprocity {times['br']:.3f} s: "
              f"{times['shapley'] / times['br']:.1f}× (goal ≤ 5×)")

        if not quick:
            print("5. --grand-only from an .npy file at n = 24 vs the streaming API (child processes)")
            path24 = Path(tmp) / "g24.npy"
            np.save(path24, random_monotone_values(24, seed=24))
            api = child(STREAM_CHILD, str(path24), "24")
            cli = child(CLI_CHILD, "rewards", str(path24), "--grand-only", "--quiet", "-o", os.devnull)
            print(f"   CLI {cli['seconds']:.1f} s / API {api['seconds']:.1f} s = {cli['seconds'] / api['seconds']:.2f}× "
                  f"(goal ≤ 1.5×); peak RSS CLI {cli['peak_rss_gib']:.2f} GiB, API {api['peak_rss_gib']:.2f} GiB")

    print("6. parametric: 7 players, 3 parameters (goal within 10 s)")
    from exactfair.symbolic.parametric import ParametricGame, parametric_balanced_reciprocity
    from exactfair.core.random_games import random_monotone_game
    g7 = random_monotone_game(7, random.Random(3))
    top = str(g7.values[-1])
    pg = ParametricGame.from_game(g7, {(1, 2): "a", (3, 4, 5): "b", (2, 6, 7): "c"},
                                  {"a": (0, top), "b": (0, top), "c": (0, top)})
    start = time.perf_counter()
    table = parametric_balanced_reciprocity(pg)
    pieces = sum(len(table._pieces(i, (1 << 7) - 1)) for i in range(7))
    print(f"   {time.perf_counter() - start:.1f} s ({len(table.leaves)} leaves, {pieces} grand-coalition pieces)")

    print("7. exactfair claims (the main job)")
    r = child(CLI_CHILD, "claims")
    print(f"   {r['seconds']:.1f} s, exit {r['exit']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
