"""Theorem 2: Algorithm 1 satisfies R1-R5, F1-F5 on monotone games — each part separately.

Run: ``python -m proofs.theorem2 --n-max 5`` (writes proofs/records/theorem2.json).
"""

import sys

from exactfair.axioms import AXIOMS

from ._common import main

CLAIMS = [f"theorem2.{a.name}" for a in AXIOMS]

if __name__ == "__main__":
    sys.exit(main("theorem2", CLAIMS))
