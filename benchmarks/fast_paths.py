"""Fast exact paths, measured in one run on this machine; prints times and ratios.

* fast path (int64, vectorised per layer) for the full table at n = 12, 16, 20;
* ratio to a memory-touch baseline: allocating and writing an int64 array of the same shape;
* speed-up over the straightforward reference (Fractions, coalition by coalition) at n = 12;
* peak memory (child process, ru_maxrss) and time of the streaming grand-coalition mode at n = 22, 24.

Goals (issue "Performance"): n = 20 ≤ 3× the baseline; ≥ 100× faster than the reference at n = 12;
n = 24 grand coalition within 8 GiB.  Run: ``python benchmarks/fast_paths.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import numpy as np

from exactfair import Game, balanced_reciprocity
from exactfair.core.fast import balanced_reciprocity_array, random_monotone_values

CHILD = r"""
import json, resource, sys, time
from exactfair.core.fast import balanced_reciprocity_stream, random_monotone_values
n = int(sys.argv[1])
v = random_monotone_values(n, seed=7)
start = time.perf_counter()
rows, layer_peak = balanced_reciprocity_stream(v, n)
seconds = time.perf_counter() - start
grand = rows[(1 << n) - 1]
print(json.dumps({"n": n, "seconds": seconds, "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                  "largest_layer_bytes": layer_peak, "grand": [str(x) for x in grand]}))
"""


def best_of(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def touch(n: int) -> None:
    a = np.empty((1 << n, n), dtype=np.int64)
    a[:] = 1


def main() -> int:
    print("fast path, full table: cold = first call in this process (page faults, plan not cached); "
          "warm = best of 3")
    for n in (12, 16, 20):
        v = random_monotone_values(n, seed=n)
        start = time.perf_counter()
        touch(n)
        base_cold = time.perf_counter() - start
        start = time.perf_counter()
        balanced_reciprocity_array(v, n)
        fast_cold = time.perf_counter() - start
        fast = best_of(lambda: balanced_reciprocity_array(v, n))
        base = best_of(lambda: touch(n))
        print(f"  n = {n:2}: cold fast {fast_cold:7.3f} s / baseline {base_cold:7.3f} s = {fast_cold / base_cold:6.1f}×"
              f"   warm fast {fast:7.3f} s / baseline {base:7.3f} s = {fast / base:6.1f}×")
    n = 12
    v = random_monotone_values(n, seed=1)
    game = Game.from_bitmask_values(v)
    start = time.perf_counter()
    ref = balanced_reciprocity(game, method="reference")
    reference = time.perf_counter() - start
    fast = best_of(lambda: balanced_reciprocity_array(v, n))
    arr, d = balanced_reciprocity_array(v, n)
    same = all(int(arr[m][i]) == ref.rewards[m][i] * d for m in range(1 << n) for i in range(n))
    print(f"reference at n = 12: {reference:.3f} s; fast {fast:.4f} s; speed-up {reference / fast:.0f}× "
          f"(identical tables: {same})")
    print("streaming grand coalition (child process per n)")
    for n in (22, 24):
        out = subprocess.run([sys.executable, "-c", CHILD, str(n)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        print(f"  n = {n}: {r['seconds']:.1f} s, peak RSS {r['peak_rss_bytes'] / 2**30:.2f} GiB "
              f"(largest layer {r['largest_layer_bytes'] / 2**20:.0f} MiB); grand-coalition rewards "
              f"{', '.join(r['grand'][:4])}, …")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
