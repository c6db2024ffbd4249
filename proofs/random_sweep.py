"""Theorem 2 tried on random monotone games with the exact checker (evidence, not proof).

For each of ``--games`` seeded random monotone games with n drawn uniformly from
2..``--n-max``, Algorithm 1's table is checked against every single-game axiom
(R1–R5, F1–F3, F5) and F4 against one random second game v′ satisfying F4's
hypothesis at a random (C, i).  Counts of failing games per axiom, and the smallest
failing game per axiom, are written to ``proofs/records/random_sweep.json``.

Run: ``python -m proofs.random_sweep --games 10000 --n-max 5``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from exactfair import AXIOMS, balanced_reciprocity, check_axiom, check_pair
from exactfair.core.coalitions import members
from exactfair.data.io import game_to_dict
from exactfair.core.random_games import random_f4_partner, random_monotone_game

RECORDS = Path(__file__).parent / "records"


def sweep(games: int, n_max: int, seed: int = 20261122, progress: bool = False) -> dict:
    from exactfair.core.progress import Progress
    with Progress("random sweep: games", enabled=progress, total=games) as bar:
        return _sweep(games, n_max, seed, bar)


def _sweep(games: int, n_max: int, seed: int, bar) -> dict:
    rng = random.Random(seed)
    counts = {a.name: 0 for a in AXIOMS}
    counts_by_n = {a.name: {n: 0 for n in range(2, n_max + 1)} for a in AXIOMS}
    by_n = {n: 0 for n in range(2, n_max + 1)}
    smallest: dict = {}
    start = time.perf_counter()
    for k in range(games):
        n = rng.randint(2, n_max)
        by_n[n] += 1
        game = random_monotone_game(n, rng)
        table = balanced_reciprocity(game)
        found = {}
        for axiom in AXIOMS:
            if axiom.games == 1:
                result = check_axiom(axiom, table, max_violations=1)
            else:
                c = rng.randrange(1, 1 << n)
                i = rng.choice(members(c))
                other = random_f4_partner(game, c, i, rng)
                result = check_pair(table, balanced_reciprocity(other), max_violations=1)
                if not result.holds:
                    found["F4-second-game"] = game_to_dict(other)
            if not result.holds:
                counts[axiom.name] += 1
                counts_by_n[axiom.name][n] += 1
                key = (n, sum(game.values))
                if axiom.name not in smallest or key < tuple(smallest[axiom.name]["key"]):
                    smallest[axiom.name] = {"key": list(key), "game": game_to_dict(game),
                                            "violation": str(result.violations[0]), **found}
        bar.update(done=k + 1)
    return {"games": games, "n_range": [2, n_max], "games_per_n": by_n, "seed": seed,
            "failing_games_per_axiom": counts, "failing_games_per_axiom_and_n": counts_by_n,
            "smallest_failing_game": {k: {kk: vv for kk, vv in v.items() if kk != "key"} for k, v in smallest.items()},
            "seconds": round(time.perf_counter() - start, 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=10000)
    parser.add_argument("--n-max", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--no-record", action="store_true", help="do not write proofs/records/random_sweep.json")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    result = sweep(args.games, args.n_max, args.seed, progress=not args.quiet)
    text = json.dumps(result, indent=2)
    if not args.no_record:
        RECORDS.mkdir(exist_ok=True)
        (RECORDS / "random_sweep.json").write_text(text + "\n")
    print(json.dumps({"games": result["games"], "games_per_n": result["games_per_n"],
                      "failing_games_per_axiom_and_n": result["failing_games_per_axiom_and_n"],
                      "seconds": result["seconds"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
