"""The paper's worked examples (Example 1, v′, Sim et al.'s F3/F4, Theorem 5's tables), exactly.

Run: ``python -m proofs.examples`` (writes proofs/records/examples.json).
"""

import sys

from ._common import run_and_record

IDS = ["paper.example1.table", "paper.example1.vprime", "paper.example1.loses-value", "paper.example1.sim-f3",
       "paper.example1.sim-f4", "paper.theorem5.tables"]


def run(write: bool = True, quiet: bool = True) -> list:
    return run_and_record(IDS, "examples", write, quiet=quiet)


if __name__ == "__main__":
    for r in run("--no-record" not in sys.argv, quiet="--quiet" in sys.argv):
        print(f"{r['id']}: {r['verdict']} ({r['scope']})")
