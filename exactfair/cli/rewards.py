"""``exactfair rewards``: the exact reward table of a game (text, Markdown, LaTeX, JSON, npz), one
coalition's rewards under several mechanisms, a parametric game's piecewise table.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..core.errors import ExactfairError
from ..core.exact import format_exact
from ..core.game import Game
from ..core.output import write_atomically, write_output
from ..core.progress import Progress
from ..data.choose import Chosen
from .common import (TEXT_MAX_N, _add_game_options, _int_at_least, _refuse_outputs, _show, apply_repair,
                     chosen_mechanism, load_game)


def add_parser(command) -> argparse.ArgumentParser:
    """Register ``exactfair rewards`` (``command(name, **options)`` makes the sub-parser)."""
    rewards = command("rewards", help="print the reward table of a game",
                             description="Print the exact reward table (rows players, columns coalitions).")
    _add_game_options(rewards)
    rewards.add_argument("--format", choices=("text", "markdown", "latex", "json", "npz"), default="text",
                         help="output format; json is streamed for large tables; npz (numerators, denominator, "
                              "players) needs --output")
    rewards.add_argument("--min-size", type=_int_at_least(0), default=0,
                         help="show only coalitions with at least this many players (text/markdown/latex)")
    rewards.add_argument("--output", "-o", help="write to this file (atomically) instead of stdout")
    rewards.add_argument("--grand-only", action="store_true",
                         help="balanced-reciprocity: stream two layers at a time and print only the grand "
                              "coalition's rewards (for large n)")
    rewards.add_argument("--param", help="parametric game: plot rewards against this parameter (with --plot)")
    rewards.add_argument("--plot", metavar="FILE.png",
                         help="write a PNG: the rewards of --coalition (default the grand coalition) for the mechanism "
                              "and those of --compare, with v(C); for a parametric game, the rewards against --param")
    rewards.add_argument("--compare", metavar="M1,M2",
                         help="more mechanisms side by side with --mechanism: players × mechanisms for one coalition")
    rewards.add_argument("--coalition", metavar="LABELS",
                         help="the coalition shown by --compare/--plot, comma-separated labels (default: all players)")
    return rewards


def _rewards_parametric(args: argparse.Namespace, game) -> int:
    from ..symbolic.parametric import axiom_regions, parametric_balanced_reciprocity

    if args.mechanism != "balanced-reciprocity":
        raise ExactfairError("parametric games are supported for balanced-reciprocity")
    table = parametric_balanced_reciprocity(game)
    names = sorted(game.parameters)
    if args.plot:
        from ..symbolic.parametric_plot import plot_rewards
        param = args.param or (names[0] if len(names) == 1 else None)
        if param is None:
            raise ExactfairError(f"--plot needs --param (one of {', '.join(names)})")
        plot_rewards(table, param, args.plot)
    if args.format == "json":
        text = json.dumps(table.to_dict(), indent=2, ensure_ascii=False)
    else:
        lines = [f"admissible region: {table.region}"]
        if len(names) == 1:
            grand = (1 << game.n) - 1
            points = sorted({b for p in game.players for b in table.breakpoints(p, game.labels(grand))})
            lines.append(f"breakpoints of the grand coalition's rewards: "
                         f"{', '.join(f'{names[0]} = {b}' for b in points) or 'none'}")
        lines += [f"{name}: {v.verdict} on the {v.scope}" if v.verdict.startswith("proved") else
                  f"{name}: {v.verdict}, {v.scope}" + (f" (e.g. {v.witness.violation})" if v.verdict == "refuted" else "")
                  for name, v in axiom_regions(table).items()]
        lines.append(table.render(args.format, min_size=max(args.min_size, 2)))
        text = "\n".join(lines)
    write_output(text, args.output, inputs=[args.game])
    return 0


def _grand_only(args: argparse.Namespace, game: Game, bar: Progress) -> int:
    if args.mechanism != "balanced-reciprocity":
        raise ExactfairError("--grand-only is available for balanced-reciprocity only")
    from ..core.fast import balanced_reciprocity_stream
    from ..mechanisms.balanced_reciprocity import require_monotone_game
    if not args.allow_non_monotone:
        require_monotone_game(game, "balanced reciprocity")
    rows, _ = balanced_reciprocity_stream(game.scaled(), game.n, progress=bar,
                                          monotone=None if args.allow_non_monotone else True)
    bar.close()
    grand = rows[(1 << game.n) - 1]
    if args.format == "json":
        text = json.dumps({"players": list(game.players), "mechanism": "balanced-reciprocity",
                           "rewards": [{"coalition": list(game.players),
                                        "rewards": {str(p): format_exact(x) for p, x in zip(game.players, grand)}}]},
                          indent=2, ensure_ascii=False)
    elif args.format in ("text", "markdown", "latex"):
        text = "\n".join(f"M_{p}  {_show(x, args.decimals)}" for p, x in zip(game.players, grand))
    else:
        raise ExactfairError("--grand-only prints one coalition; use --format text or json")
    write_output(text, args.output, inputs=[args.game])
    return 0


def _coalition(game: Game, text: str | None):
    if not text:
        return None
    labels = [x.strip() for x in text.split(",") if x.strip()]
    by_text = {str(p): p for p in game.players}
    unknown = [x for x in labels if x not in by_text]
    if unknown:
        raise ExactfairError(f"--coalition names {', '.join(map(repr, unknown))}, not among the players "
                             f"{', '.join(map(str, game.players))}")
    return tuple(by_text[x] for x in labels)


def _compare(args: argparse.Namespace, game: Game, first: Chosen, bar: Progress) -> int:
    """``--compare`` / ``--plot`` on a concrete game: players × mechanisms for one coalition."""
    from ..data.compare import plot_rewards, side_by_side, side_by_side_text

    names = [x.strip() for x in (args.compare or "").split(",") if x.strip()]
    chosen = [first] + [chosen_mechanism(args, name) for name in names if name != first.name]
    tables = {}
    for k, c in enumerate(chosen):
        bar.update(f"computing {c.name}", k, len(chosen))
        tables[c.name] = c.compute(game, None)
    bar.close()
    coalition = _coalition(game, args.coalition)
    if args.plot:
        plot_rewards(tables, args.plot, coalition=coalition)
    if args.format == "json":
        mask, columns = side_by_side(tables, coalition)
        text = json.dumps({"players": list(game.players), "coalition": list(game.labels(mask)),
                           "value": format_exact(game.value(mask)),
                           "rewards": {name: {str(game.players[i]): format_exact(col[i]) for i in range(game.n)
                                              if mask >> i & 1} for name, col in columns.items()}},
                          indent=2, ensure_ascii=False)
    else:
        text = side_by_side_text(tables, coalition, args.decimals)
        if args.plot:
            text += f"\nplot written to {args.plot}"
    write_output(text, args.output, inputs=[args.game])
    return 0


def run(args: argparse.Namespace) -> int:
    """``exactfair rewards``."""
    _refuse_outputs(args, [args.game])
    game = load_game(args.game)
    from ..symbolic.parametric import ParametricGame
    if isinstance(game, ParametricGame):
        return _rewards_parametric(args, game)
    if args.param:
        raise ExactfairError("--param needs a parametric game (a 'parameters' section in the file)")
    game, repair, _ = apply_repair(game, args.repair, args.repair_changes, [args.game], args.decimals)
    if repair:
        print(repair, file=sys.stderr)
    if args.format == "npz" and not args.output:
        raise ExactfairError("--format npz writes a binary file: give --output FILE.npz")
    bar = Progress("layers", enabled=not args.quiet)
    with bar:
        if args.grand_only:
            return _grand_only(args, game, bar)
        chosen = chosen_mechanism(args)
        if args.compare or args.plot or args.coalition:
            return _compare(args, game, chosen, bar)
        if args.format in ("text", "markdown", "latex") and game.n > TEXT_MAX_N and not args.min_size:
            raise ExactfairError(f"a {game.n}-player table has {1 << game.n:,} columns, too many to print as "
                                 f"{args.format}; use --format json or --format npz --output FILE.npz, "
                                 "--coalition LABELS for one coalition (or --grand-only)")
        table = chosen.compute(game, bar)
    if args.format == "npz":
        write_atomically(args.output, table.write_npz)
        return 0
    if args.format == "json":
        text = table.iter_json() if game.n > TEXT_MAX_N else table.to_json()
    else:
        text = table.render(args.format, min_size=args.min_size, decimals=args.decimals)
    write_output(text, args.output, inputs=[args.game])
    return 0
