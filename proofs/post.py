"""Every checkable sentence of the fair-sets post.

Run: ``python -m proofs.post`` (writes proofs/records/post.json).
"""

import sys

from exactfair.claims import select

from ._common import run_and_record


def run(write: bool = True, quiet: bool = True) -> list:
    return run_and_record(select("post.*"), "post", write, quiet=quiet)


if __name__ == "__main__":
    for r in run("--no-record" not in sys.argv, quiet="--quiet" in sys.argv):
        print(f"{r['id']}: {r['verdict']} — {r['witness'] or r['scope']}")
