"""What the commands share: option types, the game and mechanism options, loading a game, ``--repair``,
refusing outputs that would overwrite an input, and one-line errors.

May import: core, mechanisms, axioms, data (each command imports the layers it needs).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Iterable, Sequence

from ..core.errors import ExactfairError
from ..core.escape import one_line
from ..core.exact import format_decimal, format_exact, format_readable
from ..core.game import Game
from ..core.output import refuse_overwriting, write_atomically, write_output
from ..data.choose import Chosen, choose_mechanism


def _write(text: "str | Iterable[str]", output: str | None, *, inputs: Sequence[str] = ()) -> None:
    """Write to stdout or atomically to ``output`` (:func:`exactfair.core.output.write_output`)."""
    write_output(text, output, inputs=inputs)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {text!r}")
    return value


def _int_at_least(low: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected an integer, got {text!r}") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, got {value}")
        return value
    parse.__name__ = f"integer >= {low}"
    return parse


def _decimals(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of decimal places, got {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"must be from 0 to 100, got {value}")
    return value


MECHANISM_HELP = ("reward mechanism: balanced-reciprocity (default, the paper's Algorithm 1), shapley, banzhaf, "
                  "equal-split, rho-shapley, any registered mechanism, or FILE.py:NAME for one defined in your file "
                  "(define_mechanism(...) or a function game -> RewardTable)")


def _add_shared_options(p: argparse.ArgumentParser) -> None:
    """Options of every command that computes tables: mechanism shape, repair, display."""
    p.add_argument("--rho", default="1",
                   help="rho for rho-shapley, in (0, 1]: a rational ('1/2') or an expression ('log(3,2)-1')")
    p.add_argument("--shapley-of", choices=("grand", "subgame"), default="grand",
                   help="rho-shapley: Shapley value of the whole game (grand, default) or of each coalition's subgame")
    p.add_argument("--allow-non-monotone", action="store_true",
                   help="compute even if the game is not monotone (the paper's results assume monotone games)")
    p.add_argument("--repair", choices=("monotone", "closure", "linf", "fewest"),
                   help="repair the game first: closure (= monotone) raises v(C) to max over S ⊆ C of v(S); linf is "
                        "a monotone game nearest in the maximum norm (v(∅) = 0 kept); fewest changes the fewest "
                        "values (n ≤ 14); the number of changed values and the largest change are reported")
    p.add_argument("--repair-changes", metavar="FILE",
                   help="with --repair: write every change to FILE (CSV coalition,old,new,change; JSON if FILE.json)")
    p.add_argument("--decimals", type=_decimals, metavar="K",
                   help="show numbers rounded to K decimal places (display only: JSON, files and witnesses stay exact)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")


def _add_game_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("game", metavar="GAME", help=GAME_HELP)
    p.add_argument("--mechanism", default="balanced-reciprocity", metavar="NAME|FILE.py:NAME", help=MECHANISM_HELP)
    _add_shared_options(p)


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (``exactfair: error: …``) and exit status 2."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"exactfair: error: {one_line(self.prog.split()[-1])}: {one_line(message)} "
                     f"(see '{self.prog} --help')\n")


def _parse_range(text: str, *, high_max: int | None = None) -> list:
    try:
        if len(text) > 20:
            raise ValueError
        if ".." in text:
            low, high = (int(x) for x in text.split(".."))
        else:
            low = high = int(text)
    except ValueError:
        raise ExactfairError(f"--n must be a number or a range like 2..5, got {text[:40]!r}") from None
    if low < 1 or high < low:
        raise ExactfairError(f"--n range {text!r} is empty or starts below 1")
    if high_max is not None and high > high_max:
        raise ExactfairError(f"--n {text}: n = {high} is too large; this command supports n <= {high_max}")
    return list(range(low, high + 1))


def _n_range(ns: Sequence[int]) -> str:
    """``n = 3`` or ``n = 2..4`` (a list of consecutive n).

    >>> _n_range([2]), _n_range([2, 3, 4])
    ('n = 2', 'n = 2..4')
    """
    return f"n = {ns[0]}" if len(ns) == 1 or ns[0] == ns[-1] else f"n = {ns[0]}..{ns[-1]}"


def _error(message: str, status: int = 2) -> int:
    """Print ``exactfair: error: MESSAGE`` as one line (whatever the message holds) and return ``status``."""
    print(f"exactfair: error: {one_line(message)}", file=sys.stderr)
    return status


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
