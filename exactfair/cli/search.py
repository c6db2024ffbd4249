"""``exactfair search``: the smallest game on which a mechanism violates an axiom (shrunk, re-checked).
"""

from __future__ import annotations

import argparse
import json

from ..core.progress import Progress
from .common import _parse_range, _positive_float, _write


def add_parser(command) -> argparse.ArgumentParser:
    """Register ``exactfair search`` (``command(name, **options)`` makes the sub-parser)."""
    search = command("search", help="find a game on which a mechanism violates an axiom (z3, shrunk)",
                            description="Smallest n in the range with a violating game; witness shrunk to small "
                                        "non-negative integers and re-checked exactly.")
    search.add_argument("axiom", metavar="AXIOM", help="R1..R5, F1..F5 (F3[>=] for the non-strict variant)")
    search.add_argument("--mechanism", default="balanced-reciprocity",
                        help="a registered mechanism (balanced-reciprocity, shapley, banzhaf, equal-split, …) or "
                             "rho-shapley")
    search.add_argument("--rho", default="1", help="rational rho for rho-shapley (default 1)")
    search.add_argument("--n", default="2..4", help="n or a range such as 2..4 (default 2..4)")
    search.add_argument("--class", dest="classes", action="append", default=[],
                        choices=("any", "monotone", "superadditive", "subadditive", "convex", "additive"),
                        help="game classes (repeatable; default monotone; 'any' for every game)")
    search.add_argument("--timeout", type=_positive_float, default=60.0, help="seconds per solver call")
    search.add_argument("--json", action="store_true")
    search.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return search


def run(args: argparse.Namespace) -> int:
    from ..claims.search import search_violation

    from ..claims.engine import ENCODING_MAX_N
    ns = _parse_range(args.n, high_max=ENCODING_MAX_N)
    if "any" in args.classes:
        classes = tuple(c for c in args.classes if c != "any")
    else:
        classes = tuple(dict.fromkeys(["monotone"] + list(args.classes)))
    with Progress(f"search {args.axiom} for {args.mechanism}", enabled=not args.quiet, tty=False):
        v = search_violation(args.axiom, args.mechanism, ns, rho=args.rho, classes=classes, timeout=args.timeout)
    if args.json:
        _write(json.dumps(v.to_dict(), indent=2, ensure_ascii=False), None)
        return 0
    lines = [f"{v.claim}: {v.verdict.upper()} ({v.scope}, {v.seconds:.2f} s)"]
    if v.verdict == "refuted":
        lines += ["  " + line for line in v.witness.render().splitlines()]
    elif v.verdict == "proved":
        lines.append(f"  no game in the classes {', '.join(classes) or 'any (all games)'} violates it for {v.scope}")
    else:
        lines.append(f"  {getattr(v, 'reason', '')}")
    _write("\n".join(lines), None)
    return 0
