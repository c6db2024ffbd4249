"""``exactfair bargain``: fair-set bargaining on a finite game: validity proofs, F, the Pareto outcome.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..core.output import refuse_overwriting
from .common import _positive_float, _write


def add_parser(command) -> argparse.ArgumentParser:
    """Register ``exactfair bargain`` (``command(name, **options)`` makes the sub-parser)."""
    bargain = command("bargain", help="fair-set bargaining: validity proofs, F, Pareto outcome, plot",
                       description="Prove each fair set valid (its slice map has non-empty convex values and a "
                                   "closed graph) or refute it with an exact witness, show F = ∩F_i "
                                   "non-empty, and compute its lexicographic Pareto optimum exactly with "
                                   "proofs. Exit 0 when everything is proved, 1 when a fair set is refuted "
                                   "or F is empty, 3 when something stays undecided (unknown, or proved by "
                                   "z3 alone), 2 on bad input.")
    bargain.add_argument("game", metavar="GAME",
                         help="a bargaining JSON file, or a shipped problem: post-example1, post-example2, "
                              "post-example3, ultimatum, demand, volunteers")
    bargain.add_argument("--order", help="the players' order for the lexicographic optimum: names or numbers, "
                                          "comma separated (default 1,2,…,n)")
    bargain.add_argument("--timeout", type=_positive_float, help="seconds for each solver question (default 20)")
    bargain.add_argument("--plot", help="write a PNG: F_i, F and the outcome in 2-D slices (a ternary plot for a "
                                        "three-action player)")
    bargain.add_argument("--json", action="store_true")
    return bargain


def run(args: argparse.Namespace) -> int:
    from ..fairsets.examples import BARGAINS, bargain
    from ..fairsets.report import analyse, parse_order
    from ..fairsets.spec import read_bargain

    if args.plot:
        refuse_overwriting(Path(args.plot), [args.game], "--plot")
    b = bargain(args.game) if args.game in BARGAINS and not Path(args.game).exists() else read_bargain(args.game)
    order = parse_order(args.order, b.game.names)
    report = analyse(b, order, **({"budget": args.timeout} if args.timeout else {}))
    if args.plot:
        from ..fairsets.plot import plot_report
        plot_report(report, args.plot)
    if args.json:
        _write(json.dumps(report.to_dict(), indent=2, ensure_ascii=False), None)
        return report.exit_status()
    text = report.to_text()
    if args.plot:
        text += f"\nplot written to {args.plot}"
    _write(text, None)
    return report.exit_status()
