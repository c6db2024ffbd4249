"""Theorem 5: scaled rho-Shapley violates F5 — exact analysis in rho on the paper's game.

Run: ``python -m proofs.theorem5`` (writes proofs/records/theorem5.json).
"""

import json
import sys

from exactfair import examples, rho_shapley
from exactfair.claims.rho import f5_rho_set, theorem5_verdict
from exactfair.claims.search import search_violation

from ._common import RECORDS


def run(write: bool = True) -> dict:
    game = examples.theorem5_game()
    record = {"claim": "theorem5", "readings": {}}
    for reading in ("grand", "subgame"):
        v = theorem5_verdict(shapley_of=reading)
        record["readings"][reading] = {
            **v.to_dict(), "details": list(v.details),
            "rho_sets": {f"{{{i},{j}}}": str(f5_rho_set(game, (i, j), i, j, reading))
                         for i, j in ((1, 2), (1, 3), (2, 3))}}
    for rho in ("1", "1/2"):
        s = search_violation("F5", "rho-shapley", [2, 3], rho=rho)
        record[f"search F5 rho={rho}"] = s.to_dict()
    table = rho_shapley(game, "log(3,2) - 1")
    record["eq20_r1_12"] = str(table[1, (1, 2)])
    record["eq21_r1_13"] = str(table[1, (1, 3)])
    if write:
        RECORDS.mkdir(exist_ok=True)
        (RECORDS / "theorem5.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    return record


if __name__ == "__main__":
    from exactfair.core.progress import Progress
    with Progress("theorem5: exact analysis in rho", enabled="--quiet" not in sys.argv, tty=False):
        result = run("--no-record" not in sys.argv)
    for reading, r in result["readings"].items():
        print(f"theorem5 ({reading} Shapley): {r['verdict']} — {r['details'][0] if r['details'] else ''}")
    print(f"eq. (20): r_1^{{1,2}} = {result['eq20_r1_12']}; eq. (21): r_1^{{1,3}} = {result['eq21_r1_13']}")
