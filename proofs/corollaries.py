"""Corollary 3 (independence of j) and Corollary 4 (R3, R5, F5 entail the rest on monotone games).

Run: ``python -m proofs.corollaries --n-max 5`` (writes proofs/records/corollaries.json).
"""

import sys

from exactfair.smt.prover import claim_names

from ._common import main

CLAIMS = [c for c in claim_names() if c.startswith(("corollary3", "corollary4"))]

if __name__ == "__main__":
    sys.exit(main("corollaries", CLAIMS))
