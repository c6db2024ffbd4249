"""``exactfair claims``: the main job, every claim of both sources re-checked (report, records).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..core.output import refuse_overwriting
from ..core.progress import Progress
from .common import _int_at_least, _positive_float, _write


def add_parser(command) -> argparse.ArgumentParser:
    """Register ``exactfair claims`` (``command(name, **options)`` makes the sub-parser)."""
    claims = command(
        "claims", help="re-check every claim of both sources (the main job)",
        description="Run the claims catalogue: one verdict per claim (proved with scope / refuted with an exactly "
                    "re-verified witness / unknown). Exit 0 when every claim got a verdict, 3 if some are unknown or proved by z3 only, "
                    "1 on an internal error.")
    claims.add_argument("--only", help="claims whose id matches this glob or substring")
    claims.add_argument("--n-max", type=_int_at_least(2), default=4, help="largest n for bounded checks (default 4)")
    claims.add_argument("--timeout", type=_positive_float, default=60.0, help="seconds per solver call (default 60)")
    claims.add_argument("--jobs", type=_int_at_least(1), default=1, help="parallel local processes (default 1)")
    claims.add_argument("--scheduler", help="run on a Dask distributed cluster at this address (exactfair[dask]); "
                                            "workers must run one thread each (z3 is not thread-safe)")
    claims.add_argument("--json", action="store_true", help="print the records as JSON")
    claims.add_argument("--report", help="also write a Markdown report (e.g. proofs/REPORT.md)")
    claims.add_argument("--records", help="also write the JSON records to this file")
    claims.add_argument("--list", action="store_true", help="list the claim ids and exit")
    claims.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return claims


def run(args: argparse.Namespace) -> int:
    from ..claims import catalogue, run_claims, select
    from ..claims.report import records_json, report_markdown, table_text

    if args.list:
        _write("\n".join(f"{c.id}  —  {c.statement}" for c in catalogue()), None)
        return 0
    for option, output, other, name in (("--report", args.report, args.records, "--records"),
                                        ("--records", args.records, args.report, "--report")):
        if output:                                         # refused before the run, not after it
            refuse_overwriting(output, [other], option, role=f"also the {name} file")
    ids = select(args.only)
    done = [0]
    bar = Progress(f"claims: 0 of {len(ids)} done", enabled=not args.quiet, tty=False)

    def progress(record: dict) -> None:
        done[0] += 1
        bar.note(f"[{done[0]}/{len(ids)}] {record['id']}: {record['verdict']} ({record['seconds']:.1f} s)")
        bar.update(f"claims: {done[0]} of {len(ids)} done")
    with bar:
        records = run_claims(ids, n_max=args.n_max, timeout=args.timeout, jobs=args.jobs, scheduler=args.scheduler,
                             progress=progress)
    if args.json:
        keys = ("id", "source", "statement", "verdict", "scope", "witness", "seconds", "claim", "live_premises",
                "second_solver")
        _write(json.dumps([{k: r[k] for k in keys} for r in records], indent=2, ensure_ascii=False), None)
    else:
        _write(table_text(records) + f"\nbounded checks up to n = {args.n_max} (--n-max {args.n_max}); all-n scopes are "
               "proofs for every n", None)
    command = "exactfair claims" + (f" --n-max {args.n_max}" if args.n_max != 4 else "")
    if args.report:
        _write(report_markdown(records, command), args.report)
    if args.records:
        Path(args.records).parent.mkdir(parents=True, exist_ok=True)
        _write(records_json(records), args.records)
    errors = [r for r in records if r["verdict"] == "error"]
    for r in errors:
        print(f"exactfair: internal error in {r['id']}: {r['witness']}", file=sys.stderr)
    if errors:
        return 1
    return 3 if any(r["verdict"] in ("unknown", "proved (z3 only)") for r in records) else 0
