"""Every checkable sentence of the fair-sets post.

Run: ``python -m proofs.post`` (writes proofs/records/post.json).
"""

import sys

from exactfair.claims import run_claims, select

from ._common import write_claim_records


def run(write: bool = True) -> list:
    records = run_claims(select("post.*"))
    if write:
        write_claim_records(records, "post")
    return records


if __name__ == "__main__":
    for r in run("--no-record" not in sys.argv):
        print(f"{r['id']}: {r['verdict']} — {r['witness'] or r['scope']}")
