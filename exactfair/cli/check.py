"""``exactfair check``: a mechanism's table checked exactly against R1–R5, F1–F5 (exit 1 if one fails).
"""

from __future__ import annotations

import argparse
import json

from ..core.errors import ExactfairError
from ..core.output import write_output
from ..core.progress import Progress
from .common import _add_game_options, _int_at_least, _refuse_outputs, apply_repair, chosen_mechanism, load_game


def add_parser(command) -> argparse.ArgumentParser:
    """Register ``exactfair check`` (``command(name, **options)`` makes the sub-parser)."""
    check = command("check", help="check a mechanism's table against the axioms R1-R5, F1-F5",
                           description="Check which axioms hold on the game; print witnesses for those that fail. "
                                       "F4 is checked against the games v + [S ⊇ C]. Exit 1 if an axiom fails.")
    _add_game_options(check)
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--max-violations", type=_int_at_least(0), default=3, help="witnesses shown per axiom (default 3)")
    check.add_argument("--output", "-o", help="write to this file (atomically) instead of stdout")
    return check


def certificate_lines(results: dict) -> list[str]:
    """One line per axiom (holds / FAILS with counts / not checked) and its first violations."""
    lines = []
    for name, r in results.items():
        status = {True: "holds", False: "FAILS", None: "not checked"}[r.holds]
        if r.holds is False:
            status += f" ({r.violation_count:,} of {r.instances_checked:,} instances)"
        scope = f" ({r.scope})" if r.scope and name == "F4" else ""
        lines.append(f"{name:3} {status}{scope}")
        lines += [f"    {violation}" for violation in r.violations]
    return lines


def run(args: argparse.Namespace) -> int:
    """``exactfair check``."""
    from ..axioms.check import check_axioms

    _refuse_outputs(args, [args.game])
    game = load_game(args.game)
    from ..symbolic.parametric import ParametricGame
    if isinstance(game, ParametricGame):
        raise ExactfairError(f"{args.game} is a parametric game; 'check' needs concrete values. Use "
                             f"'exactfair rewards {args.game}' for the piecewise table, or "
                             "exactfair.symbolic.parametric.axiom_regions for the axioms over the region")
    game, repair, repair_record = apply_repair(game, args.repair, args.repair_changes, [args.game], args.decimals)
    chosen = chosen_mechanism(args)
    with Progress(f"{chosen.name}: layers", enabled=not args.quiet) as bar:
        table = chosen.compute(game, bar)
        results = check_axioms(table, mechanism=chosen.f4, max_violations=args.max_violations,
                               progress=lambda name, k, total: bar.step(f"checked {name}" if name != "F4 games"
                                                                        else "F4: second games", k, total))
    failed = [name for name, r in results.items() if r.holds is False]
    if args.format == "json":
        text = json.dumps({"mechanism": table.mechanism, "players": list(game.players), "repair": repair_record,
                           "results": [r.to_dict() for r in results.values()]}, indent=2, ensure_ascii=False)
    else:
        lines = [f"mechanism: {table.mechanism}" + (f" {dict(table.parameters)}" if table.parameters else ""),
                 f"players: {', '.join(map(str, game.players))}"] + ([repair] if repair else [])
        lines += certificate_lines(results)
        unchecked = [name for name, r in results.items() if r.holds is None]
        if failed:
            lines.append(f"failed: {', '.join(failed)}")
        elif unchecked:
            lines.append(f"all checked axioms hold; not checked: {', '.join(unchecked)}")
        else:
            lines.append("all axioms hold")
        text = "\n".join(lines)
    write_output(text, args.output, inputs=[args.game])
    return 1 if failed else 0
