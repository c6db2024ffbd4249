"""``exactfair explore``: the axiom landscape from the command line (see :mod:`exactfair.claims.explore`)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ..core.output import refuse_overwriting
from .common import _int_at_least as int_at_least, _positive_float as positive_float, _write as write

__all__ = ["add_parser", "run"]


def add_parser(command) -> argparse.ArgumentParser:
    """Register ``exactfair explore`` (``command(name, **options)`` makes the sub-parser)."""
    explore = command(
        "explore", help="settle every subset of some axioms: characterizations, two-table sets, unsatisfiable sets",
        description="For every subset S of the axioms, decide whether S is satisfiable and whether it determines a "
                    "unique table (one claim per subset, pruned by monotonicity), and print the minimal "
                    "characterizations (with the mechanism whose table it is, what else it entails and the all-n "
                    "verdict), the maximal non-characterizations, the minimal unsatisfiable subsets and the "
                    "implication matrix. Exit 0 when every subset is settled, 3 when some are undecided or "
                    "decided by z3 only.")
    explore.add_argument("axioms", metavar="AXIOMS", help="comma-separated axiom names, e.g. R1,R2,R3,R4,R5,F1,F2,F3,F5")
    explore.add_argument("--n", type=int_at_least(1), default=3, help="number of players (default 3)")
    explore.add_argument("--class", dest="classes", action="append", default=None,
                         help="game class (repeatable; default monotone; 'any' for every game)")
    explore.add_argument("--define", metavar="FILE.py",
                         help="a Python file run first, defining (and registering) your own axioms with define_axiom")
    explore.add_argument("--mechanism", action="append", default=[],
                         help="another registered mechanism to try when naming a characterized table (repeatable)")
    explore.add_argument("--timeout", type=positive_float, default=60.0, help="seconds per solver call")
    explore.add_argument("--jobs", type=int_at_least(1), default=1, help="parallel local processes (default 1)")
    explore.add_argument("--scheduler", help="run the subsets on a Dask cluster at this address (exactfair[dask]; "
                                             "built-in axioms only, workers one thread each)")
    explore.add_argument("--plot", help="also write a Hasse diagram of the subset lattice (PNG)")
    explore.add_argument("--json", action="store_true", help="print the landscape as JSON")
    return explore


def run(args: argparse.Namespace) -> int:
    """Run ``exactfair explore``; the exit status (0 every subset settled, 3 some undecided or z3-only)."""
    from ..core.errors import ExactfairError
    from ..claims.explore import explore
    from ..axioms.registry import resolve_axiom
    if args.define:
        import runpy

        from ..core.usercode import call_user
        if not Path(args.define).is_file():
            raise ExactfairError(f"no such file: {args.define}")
        call_user(lambda: runpy.run_path(args.define, run_name="exactfair_axioms_file"),
                  what=f"the axioms file {args.define}", file=os.path.abspath(args.define))
    if args.plot:
        refuse_overwriting(Path(args.plot), [args.define] if args.define else [], "--plot")
    names = [a.strip() for a in args.axioms.split(",") if a.strip()]
    if not names:
        raise ExactfairError("give at least one axiom, e.g. R2,R3,R5,F5")
    if len(set(names)) != len(names):
        raise ExactfairError(f"an axiom is listed twice in {args.axioms!r}")
    if len(names) > 12:
        raise ExactfairError(f"{len(names)} axioms give {2 ** len(names)} subsets; explore at most 12 at a time")
    axioms = []
    for name in names:
        try:
            axiom = resolve_axiom(name)
        except ValueError as exc:
            raise ExactfairError(str(exc)) from None
        if axiom.games != 1:
            raise ExactfairError(f"{axiom.name} speaks of two games; explore takes single-game axioms")
        axioms.append(axiom.name)
    classes = args.classes or ["monotone"]
    games = "any" if "any" in classes else tuple(classes)
    show = not args.json and sys.stderr.isatty()

    def progress(result, count):
        if show:
            print(f"[{count}] {{{', '.join(result.subset)}}}: {result.verdict}", file=sys.stderr, flush=True)
    land = explore(axioms, args.n, games=games, mechanisms=args.mechanism, jobs=args.jobs,
                   scheduler=args.scheduler, timeout=args.timeout, progress=progress)
    if args.plot:
        land.plot(args.plot)
    write(json.dumps(land.to_dict(), indent=2, ensure_ascii=False) if args.json else land.to_text()
          + (f"\nHasse diagram written to {args.plot}" if args.plot else ""), None)
    return 3 if land.undecided() or land.unconfirmed() else 0
