"""``exactfair valuate``: a game from the user's value function (cached, resumable, parallel), then
optionally tables certified against the axioms.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from ..core.errors import ExactfairError
from ..core.game import Game
from ..core.output import refuse_overwriting, write_atomically, write_output
from ..core.progress import Progress
from .common import _add_shared_options, _int_at_least, apply_repair, chosen_mechanism


def add_parser(command) -> argparse.ArgumentParser:
    """Register ``exactfair valuate`` (``command(name, **options)`` makes the sub-parser)."""
    valuate = command(
        "valuate", help="build a game from a Python value function module:function (cached, resumable)",
        description="Evaluate v(C) = FUNCTION(C) (C a tuple of player labels) on every coalition missing from the "
                    "cache, in parallel, writing each value to the cache as it arrives; floats are converted by "
                    "--floats (recorded in the game file and shown in the summary). The module is imported as code "
                    "you chose to run; the game file written is data.")
    valuate.add_argument("function", metavar="MODULE:FUNCTION")
    valuate.add_argument("--players", help="comma-separated player labels (default 1..n with --n)")
    valuate.add_argument("--n", type=_int_at_least(1), help="number of players, labelled 1..n")
    valuate.add_argument("--cache", help="cache file (JSON lines); an interrupted run resumes from it")
    valuate.add_argument("--jobs", type=_int_at_least(1), default=1, help="worker processes (default 1)")
    valuate.add_argument("--floats", default="exact", help="exact (default) or decimal:K (K significant digits)")
    valuate.add_argument("--scheduler", metavar="ADDRESS",
                         help="evaluate on a Dask cluster at this address (exactfair[dask]); results come back here, "
                              "where the cache is written, as they finish")
    valuate.add_argument("--normalise-empty", action="store_true",
                         help="a non-zero v(∅) is subtracted from every value (the game v − v(∅)) instead of refused")
    valuate.add_argument("--empty", metavar="VALUE",
                         help="declare v(∅) = VALUE instead of evaluating the function on the empty coalition")
    valuate.add_argument("--mechanism", metavar="M1,M2",
                         help="then compute these mechanisms' tables (names or FILE.py:NAME) and certify each "
                              "against the axioms; the grand coalition's rewards are printed side by side")
    valuate.add_argument("--output", "-o", required=True, help="the game file to write (.json or .npz)")
    _add_shared_options(valuate)
    return valuate


def _import_user_module(module_name: str):
    """Import the user's value-function module (from the working directory first); its failures are one line."""
    import importlib
    import importlib.util

    from ..core.usercode import user_error

    sys.path.insert(0, os.getcwd())
    try:
        try:
            spec = importlib.util.find_spec(module_name)
        except (ImportError, ValueError) as exc:
            spec, exc_found = None, exc
        else:
            exc_found = None
        if spec is None:
            detail = f" ({exc_found})" if exc_found is not None else ""
            raise ExactfairError(f"cannot import {module_name!r}: no module of that name in the working directory or "
                                 f"on the Python path{detail}")
        try:
            return importlib.import_module(module_name)
        except (Exception, SystemExit) as exc:
            raise user_error(f"importing {module_name}", exc, file=spec.origin, skip=0) from exc
    finally:
        sys.path.pop(0)


def _certify(args: argparse.Namespace, game: Game) -> list[str]:
    """``valuate --mechanism A,B``: each table's grand coalition and its axiom certificate."""
    from ..axioms.check import check_axioms
    from ..data.compare import side_by_side_text

    names = [x.strip() for x in args.mechanism.split(",") if x.strip()]
    chosen = [chosen_mechanism(args, name) for name in names]
    tables, lines = {}, []
    with Progress("certifying", enabled=not args.quiet) as bar:
        for k, c in enumerate(chosen):
            bar.update(f"{c.name}: table", k, len(chosen))
            tables[c.name] = table = c.compute(game, None)
            results = check_axioms(table, mechanism=c.f4, max_violations=1,
                                   progress=lambda name, i, total, c=c: bar.step(f"{c.name}: {name}", i, total))
            marks = " ".join(f"{a}{ {True: '✓', False: '✗', None: '–'}[r.holds]}" for a, r in results.items())
            lines.append(f"certificate {c.name}: {marks}")
    return [side_by_side_text(tables, None, args.decimals)] + lines


def _empty_line(game: Game, args: argparse.Namespace) -> str:
    value = game.metadata.get("empty_value", "0")
    how = game.metadata.get("empty", "evaluated")
    if game.metadata.get("normalised"):
        return (f"v(∅): {value} ({how}), subtracted from every value (--normalise-empty): the game is v − v(∅)")
    return f"v(∅): {value} ({how})"


def run(args: argparse.Namespace) -> int:
    """``exactfair valuate``."""
    from ..data.io import game_to_json, write_game_npz
    from ..data.valuation import from_function

    module_name, _, function_name = args.function.partition(":")
    if not module_name or not function_name:
        raise ExactfairError(f"expected MODULE:FUNCTION, got {args.function!r}")
    if args.players and args.n:
        raise ExactfairError("give --players or --n, not both")
    if not (args.players or args.n):
        raise ExactfairError("give the players: --players a,b,c or --n N")
    if args.scheduler and args.jobs != 1:
        raise ExactfairError("give --jobs (local processes) or --scheduler (a Dask cluster), not both")
    players = [p.strip() for p in args.players.split(",")] if args.players else args.n
    if args.mechanism:
        for name in args.mechanism.split(","):                  # a misspelt mechanism is refused before the run
            if name.strip():
                chosen_mechanism(args, name.strip())
    module = _import_user_module(module_name)
    function = getattr(module, function_name, None)
    if not callable(function):
        raise ExactfairError(f"{module_name} has no function {function_name!r}")
    if args.scheduler:                                       # the workers cannot import it from here: send its code
        try:
            import cloudpickle
            cloudpickle.register_pickle_by_value(module)
        except (ImportError, ValueError, AttributeError):
            pass
    source = getattr(module, "__file__", None)             # the module is an input too: never overwritten
    refuse_overwriting(args.output, [source], role="the value-function module")
    refuse_overwriting(args.output, [args.cache], role="the --cache file")
    if args.cache:
        refuse_overwriting(args.cache, [source], option="--cache", role="the value-function module")
    if args.repair_changes:
        refuse_overwriting(args.repair_changes, [source, args.cache, args.output], "--repair-changes")
    game = from_function(players, function, cache=args.cache, jobs=args.jobs, progress=not args.quiet,
                         floats=args.floats, empty=args.empty, normalise_empty=args.normalise_empty,
                         scheduler=args.scheduler)
    monotone = game.is_monotone()                            # of the values computed, before any repair
    game, repair, _ = apply_repair(game, args.repair, args.repair_changes, [source, args.cache], args.decimals)
    if args.output.endswith(".npz"):
        write_atomically(args.output, lambda path: write_game_npz(game, path))
    else:
        data = json.loads(game_to_json(game))
        data["metadata"] = {k: v for k, v in game.metadata.items() if v is not None}
        write_output(json.dumps(data, indent=2, ensure_ascii=False), args.output)
    floats = ("the exact binary value of each float" if args.floats == "exact"
              else "rounded to " + args.floats.split(":")[1] + " significant digits, then exact")
    where = f", on the Dask cluster {args.scheduler}" if args.scheduler else ""
    lines = [f"players: {', '.join(map(str, game.players))}",
             f"coalitions: {2 ** game.n:,} with ∅ ({game.metadata['computed']:,} computed now{where}, "
             f"{game.metadata['from_cache']:,} from the cache)",
             _empty_line(game, args),
             f"floats: {args.floats} ({floats})",
             f"monotone: {'yes' if monotone.holds else 'no — ' + monotone.detail + (' (repaired below)' if args.repair else ' (use --repair closure|linf)')}"]
    if repair:
        lines.append(repair)
    lines.append(f"written: {args.output}")
    if args.mechanism:
        lines += _certify(args, game)
    write_output("\n".join(lines), None)
    return 0
