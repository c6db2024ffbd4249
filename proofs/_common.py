"""Shared runner for the proofs/ scripts: run claims, print a summary, write a record."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from exactfair.claims.engine import run_claim

RECORDS = Path(__file__).parent / "records"


def write_claim_records(records: list[dict], name: str) -> None:
    """Write claim records (without the long witness text) to proofs/records/<name>.json."""
    RECORDS.mkdir(exist_ok=True)
    (RECORDS / f"{name}.json").write_text(json.dumps(
        [{k: v for k, v in r.items() if k != "witness_text"} for r in records], indent=2, ensure_ascii=False) + "\n")


def run_and_record(ids: list[str], name: str, write: bool = True, quiet: bool = True) -> list[dict]:
    """Run catalogue claims and (optionally) write their records to proofs/records/<name>.json."""
    from exactfair.claims import run_claims
    from exactfair.core.progress import Progress
    with Progress(f"{name}: {len(ids)} claims", enabled=not quiet, tty=False) as bar:
        records = run_claims(ids, progress=lambda r: bar.note(f"{r['id']}: {r['verdict']} ({r['seconds']:.1f} s)"))
    if write:
        write_claim_records(records, name)
    return records


def run_group(group: str, claims: list[str], n_max: int, timeout: float, repairs: bool,
              write: bool = True, quiet: bool = True) -> dict:
    """Run a group of claims; progress on stderr (also off a terminal: a line every few seconds) unless quiet."""
    from exactfair.core.progress import Progress

    start = time.perf_counter()
    results = {}
    for k, claim in enumerate(claims, start=1):
        with Progress(f"{group}: {claim} ({k} of {len(claims)})", enabled=not quiet, tty=False):
            run = run_claim(claim, list(range(2, n_max + 1)), timeout=timeout, try_repairs=repairs,
                            progress=not quiet)
        results[claim] = {
            "per_n": [v.to_dict() for v in run.per_n],
            "all_n": None if run.all_n is None else {**run.all_n.to_dict(), "argument": run.all_n_argument},
            "repairs": run.repairs,
        }
    record = {"group": group, "n_max": n_max, "timeout": timeout, "results": results,
              "seconds": round(time.perf_counter() - start, 2)}
    if write:
        RECORDS.mkdir(exist_ok=True)
        (RECORDS / f"{group}.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    return record


def summary(record: dict) -> str:
    lines = []
    for claim, r in record["results"].items():
        verdicts = ", ".join(f"n={v['n']}: {v['verdict']}" for v in r["per_n"])
        all_n = f"; all n: {r['all_n']['verdict']}" if r["all_n"] else ""
        lines.append(f"{claim}: {verdicts}{all_n}")
        for rep in r["repairs"]:
            if rep["verdict"] == "proved":
                lines.append(f"    repair {rep['claim']}: proved for n = {rep['proved_for_n']}")
    return "\n".join(lines)


def main(group: str, claims: list[str], argv=None, default_n_max: int = 5) -> int:
    parser = argparse.ArgumentParser(description=f"Machine-check the claims of group {group!r}.")
    parser.add_argument("--n-max", type=int, default=default_n_max)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--no-repairs", action="store_true")
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    record = run_group(group, claims, args.n_max, args.timeout, not args.no_repairs, not args.no_record,
                       quiet=args.quiet)
    print(summary(record))
    return 0
