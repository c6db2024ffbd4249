"""The paper's worked examples (Example 1, v′, Sim et al.'s F3/F4, Theorem 5's tables), exactly.

Run: ``python -m proofs.examples`` (writes proofs/records/examples.json).
"""

import sys

from exactfair.claims import run_claims

from ._common import write_claim_records

IDS = ["paper.example1.table", "paper.example1.vprime", "paper.example1.loses-value", "paper.example1.sim-f3",
       "paper.example1.sim-f4", "paper.theorem5.tables"]


def run(write: bool = True) -> list:
    records = run_claims(IDS)
    if write:
        write_claim_records(records, "examples")
    return records


if __name__ == "__main__":
    for r in run("--no-record" not in sys.argv):
        print(f"{r['id']}: {r['verdict']} ({r['scope']})")
