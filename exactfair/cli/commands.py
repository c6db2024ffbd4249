"""The table commands of the command line: ``rewards``, ``check`` and ``valuate``.

Each takes the parsed arguments and returns the exit status; :mod:`exactfair.cli` parses, dispatches and
turns every error into one line.  Numbers are exact everywhere; ``--decimals K`` rounds what a table or
a summary shows (never the JSON, the files written, or a witness).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ..data.choose import Chosen, choose_mechanism
from ..core.errors import ExactfairError
from ..core.exact import format_decimal, format_exact, format_readable
from ..core.game import Game
from ..core.output import refuse_overwriting, write_atomically, write_output
from ..core.progress import Progress

__all__ = ["load_game", "chosen_mechanism", "apply_repair", "cmd_rewards", "cmd_check", "cmd_valuate", "TEXT_MAX_N",
           "GAME_HELP"]

#: Above this many players a table is not rendered as text/Markdown/LaTeX (2ⁿ columns).
TEXT_MAX_N = 12
GAME_HELP = ("a game file (.json, .csv, .npy, .npz — 2ⁿ values in bitmask order) or a shipped example: "
             "example1, example1-prime, example1-t (parametric), theorem5")


def load_game(spec: str) -> Game:
    """A game file or a shipped example, by name."""
    from ..data.examples import EXAMPLES
    from ..data.io import read_game

    path = Path(spec)
    if path.exists() or spec.endswith((".json", ".csv", ".npy", ".npz")) or os.sep in spec:
        return read_game(path)
    if spec in EXAMPLES:
        return EXAMPLES[spec]()
    raise ExactfairError(
        f"{spec!r} is neither a game file nor a shipped example; shipped examples: {', '.join(sorted(EXAMPLES))}")


def chosen_mechanism(args: argparse.Namespace, spec: str | None = None) -> Chosen:
    """The mechanism of ``--mechanism`` (or ``spec``) with the options that shape it."""
    return choose_mechanism(spec or args.mechanism, rho=getattr(args, "rho", "1"),
                            shapley_of=getattr(args, "shapley_of", "grand"),
                            require_monotone=not getattr(args, "allow_non_monotone", False))


def _show(value, decimals: int | None) -> str:
    return format_exact(value) if decimals is None else format_decimal(value, decimals)


def apply_repair(game: Game, how: str | None, changes_file: str | None, inputs: list, decimals: int | None = None
                 ) -> tuple[Game, str, dict | None]:
    """``--repair`` (``monotone`` = ``closure``, or ``linf``) and ``--repair-changes FILE``: the game, a one-line
    report (empty when nothing was asked) and the record for JSON output."""
    if how is None:
        if changes_file:
            raise ExactfairError("--repair-changes needs --repair closure|linf|fewest")
        return game, "", None
    from ..core.repair import describe_changes

    kind = "closure" if how == "monotone" else how
    repaired, report = game.monotone_repair(kind)
    if changes_file:
        refuse_overwriting(changes_file, inputs, "--repair-changes")
        text = report.to_json() if str(changes_file).endswith(".json") else report.to_csv()
        write_atomically(changes_file, lambda path: Path(path).write_text(text, encoding="utf-8"))
    record = {"kind": kind, "changed": report.count, "coalitions": report.coalitions,
              "largest": format_exact(report.largest), "changes_file": changes_file}
    if not report.count:
        return repaired, "repair: the game is already monotone (nothing changed)", record
    line = (f"repair ({kind}): {report.count:,} of {report.coalitions:,} coalition values changed, the largest by "
            f"{_show(report.largest, decimals) if decimals is not None else format_readable(report.largest)}")
    shown = describe_changes(report) if decimals is None else "; ".join(
        f"v({game.coalition_name(game.mask(c))}) {_show(o, decimals)} → {_show(n, decimals)}"
        for c, o, n in report.changes[:5]) + (f"; … ({report.count - 5:,} more)" if report.count > 5 else "")
    line += f": {shown}"
    if changes_file:
        line += f" (every change in {changes_file})"
    elif report.count > 5:
        line += " (--repair-changes FILE lists them all)"
    return repaired, line, record


def _refuse_outputs(args: argparse.Namespace, inputs: list) -> None:
    outputs = [(o, getattr(args, o.lstrip("-").replace("-", "_"), None))
               for o in ("--output", "--plot", "--repair-changes")]
    given = [(o, v) for o, v in outputs if v]
    for option, target in given:
        refuse_overwriting(Path(target), inputs, option)
        others = [v for o, v in given if o != option]
        refuse_overwriting(Path(target), others, option, role="another output of this run")


# ----------------------------------------------------------------------------------------------- rewards
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


def cmd_rewards(args: argparse.Namespace) -> int:
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


# ----------------------------------------------------------------------------------------------- check
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


def cmd_check(args: argparse.Namespace) -> int:
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


# ----------------------------------------------------------------------------------------------- valuate
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


def cmd_valuate(args: argparse.Namespace) -> int:
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
