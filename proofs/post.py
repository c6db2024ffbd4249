"""Every checkable sentence of the fair-sets post.

Run: ``python -m proofs.post`` (writes proofs/records/post.json).
"""

import json
import sys

from exactfair.claims import run_claims, select

from ._common import RECORDS


def run(write: bool = True) -> list:
    records = run_claims(select("post.*"))
    if write:
        RECORDS.mkdir(exist_ok=True)
        (RECORDS / "post.json").write_text(json.dumps(
            [{k: v for k, v in r.items() if k != "witness_text"} for r in records], indent=2, ensure_ascii=False)
            + "\n")
    return records


if __name__ == "__main__":
    for r in run("--no-record" not in sys.argv):
        print(f"{r['id']}: {r['verdict']} — {r['witness'] or r['scope']}")
