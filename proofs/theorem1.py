"""Theorem 1 (uniqueness from R3, R5, F5): refuted at n = 2; with R2, proved for all n.

Run: ``python -m proofs.theorem1 --n-max 5`` (writes proofs/records/theorem1.json).
"""

import sys

from exactfair.claims.engine import run_claim, uniqueness_up_to

from ._common import main

CLAIMS = ["theorem1"]


def fast_scope():
    """What pytest checks on import-time budget: the n = 2 refutation and the repaired form to n = 20."""
    run = run_claim("theorem1", [2, 3], try_repairs=False)
    return run, uniqueness_up_to(20)


if __name__ == "__main__":
    sys.exit(main("theorem1", CLAIMS))
