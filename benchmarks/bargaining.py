"""Fair-set bargaining against its time goals (one run, printed, and recorded in benchmarks/results).

Goals (issue 25): a two-player 3×3 game — validity of both fair sets, non-emptiness, the outcome with
its Pareto proof — in at most 10 s; a three-player 2×2×2 game in at most 30 s.  Each problem is run
through the public path (``analyse``, which is what ``exactfair bargain`` calls), cvc5's
confirmations included, and once more as the real command (a subprocess: start-up and imports
included).  Every verdict is printed beside its time, so a fast "unknown" cannot pass for a result.

Run: ``python benchmarks/bargaining.py [--no-record]``
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from exactfair.fairsets.examples import bargain
from exactfair.fairsets.post import Bargain
from exactfair.fairsets.report import analyse
from exactfair.fairsets.spec import bargain_from_dict

RESULTS = Path(__file__).parent / "results" / "bargaining.txt"

#: The issue's own example of fair sets on a 3×3 demand game (demands 4, 5, 6 of 10).
ISSUE_3X3 = {
    "players": ["A", "B"], "actions": [["L", "M", "H"], ["L", "M", "H"]],
    "payoffs": [{"profile": [a, b], "utilities": [str(x), str(y)] if x + y <= 10 else ["0", "0"]}
                for a, x in zip("LMH", (4, 5, 6)) for b, y in zip("LMH", (4, 5, 6))],
    "coordinates": [["aL", "aM"], ["bL", "bM"]],
    "fair_sets": [{"utility": "U1 >= U2 - 1/10"}, {"utility": "U2 >= U1 - 1/10"}]}

#: A three-player game with trilinear utilities and utility-space fair sets (each at least the minimum of
#: the others, less a tenth) — the volunteers' dilemma with benefit 3.
TRILINEAR = {
    "players": ["A", "B", "C"], "actions": [["volunteer", "ignore"]] * 3,
    "payoffs": [{"profile": [a, b, c], "utilities": [str((3 if "volunteer" in (a, b, c) else 0) - (x == "volunteer"))
                                                      for x in (a, b, c)]}
                for a in ("volunteer", "ignore") for b in ("volunteer", "ignore") for c in ("volunteer", "ignore")],
    "coordinates": [["vA"], ["vB"], ["vC"]],
    "fair_sets": [{"utility": "U1 >= Min(U2, U3) - 1/10"}, {"utility": "U2 >= Min(U1, U3) - 1/10"},
                  {"utility": "U3 >= Min(U1, U2) - 1/10"}]}

PROBLEMS = [
    ("3×3 demand game, the notebook's fair sets (case study 2)", "demand", 10.0),
    ("3×3 demand game, the issue's fair sets", ISSUE_3X3, 10.0),
    ("2×2×2 three volunteers (case study 3, irrational outcome)", "volunteers", 30.0),
    ("2×2×2 volunteers, utility-space fair sets (trilinear)", TRILINEAR, 30.0),
    ("2×2 ultimatum game (case study 1)", "ultimatum", None),
    ("post example 1", "post-example1", None),
    ("post example 2", "post-example2", None),
    ("post example 3", "post-example3", None),
]


def _load(spec) -> Bargain:
    return bargain(spec) if isinstance(spec, str) else bargain_from_dict(spec, name="benchmark")


def _summary(d: dict) -> str:
    valid = "/".join(v["verdict"] for v in d["valid"])
    return (f"valid {valid}; non-empty {d['nonempty']}; outcome {d['outcome']} utilities {d['utilities']}; "
            f"lexicographic {d['lexicographic']}; Pareto {d['pareto']}; unique {d['unique']}")


def _cli_seconds(spec, tmp: Path) -> float:
    if isinstance(spec, str):
        target = spec
    else:
        target = str(tmp / "problem.json")
        Path(target).write_text(json.dumps(spec))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "exactfair", "bargain", target, "--json"], capture_output=True,
                          text=True, timeout=600)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr)
    return seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-record", action="store_true", help="print only; do not write benchmarks/results")
    args = parser.parse_args(argv)
    import tempfile
    tmp = Path(tempfile.mkdtemp(prefix="exactfair-bench-"))
    lines = [f"# python benchmarks/bargaining.py ({platform.machine()}, {platform.python_version()}; "
             f"{date.today().isoformat()}; one run, cvc5 confirmations included)"]
    print(lines[0])
    for title, spec, goal in PROBLEMS:
        start = time.perf_counter()
        report = analyse(_load(spec))
        seconds = time.perf_counter() - start
        cli = _cli_seconds(spec, tmp)
        d = report.to_dict()
        verdict = "" if goal is None else (" — within the goal" if seconds <= goal else " — OVER THE GOAL")
        goal_text = "" if goal is None else f" (goal ≤ {goal:g} s)"
        line = f"{title}: {seconds:.2f} s{goal_text}{verdict}; as a command {cli:.2f} s\n    {_summary(d)}"
        print(line, flush=True)
        lines.append(line)
    if not args.no_record:
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"recorded in {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
