"""Command-line interface: ``exactfair rewards`` and ``exactfair check``.

Exit status: 0 success (``check``: every axiom holds), 1 ``check`` found a
violated axiom, 2 bad input (one-line message on stderr, nothing written).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path
from typing import Iterable, Sequence

from ..core.errors import ExactfairError, InexactValueError, UserCodeError
from ..core.escape import one_line
from ..core.output import refuse_overwriting, write_output
from ..core.progress import Progress

__all__ = ["main", "build_parser"]

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
    from .commands import GAME_HELP
    p.add_argument("game", metavar="GAME", help=GAME_HELP)
    p.add_argument("--mechanism", default="balanced-reciprocity", metavar="NAME|FILE.py:NAME", help=MECHANISM_HELP)
    _add_shared_options(p)


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (``exactfair: error: …``) and exit status 2."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"exactfair: error: {one_line(self.prog.split()[-1])}: {one_line(message)} "
                     f"(see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests).

    >>> build_parser().parse_args(['rewards', 'example1']).mechanism
    'balanced-reciprocity'
    """
    parser = _Parser(
        prog="exactfair",
        description="Compute and verify fair reward mechanisms for cooperative games, exactly.")
    parser.add_argument("--debug", action="store_true",
                        help="on an error, also print the traceback (of your own code, when it raised)")
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def command(name: str, **options) -> argparse.ArgumentParser:
        """A subcommand (each takes --debug too, after its name)."""
        return sub.add_parser(name, parents=[debug], **options)

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

    check = command("check", help="check a mechanism's table against the axioms R1-R5, F1-F5",
                           description="Check which axioms hold on the game; print witnesses for those that fail. "
                                       "F4 is checked against the games v + [S ⊇ C]. Exit 1 if an axiom fails.")
    _add_game_options(check)
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--max-violations", type=_int_at_least(0), default=3, help="witnesses shown per axiom (default 3)")
    check.add_argument("--output", "-o", help="write to this file (atomically) instead of stdout")
    prove = command(
        "prove", help="machine-check a claim of the paper with z3 for a range of n",
        description="Verdict per n (proved / refuted with a shrunk, exactly re-verified witness / unknown), "
                    "the all-n status where an inductive-step lemma applies, and repairs for refuted claims. "
                    "Claims: " + ", ".join(_claim_names() + ["theorem5"]))
    prove.add_argument("claim", metavar="CLAIM", nargs="?",
                       help="a paper claim (theorem1, theorem2.F5, …, or the aggregates theorem2 / corollary4), or "
                            "FILE.py:NAME for a Claim (or list of Claims) defined in your Python file")
    prove.add_argument("--mechanism", help="your own claim: the mechanism (a registered name)")
    prove.add_argument("--axiom", help="your own claim: the axiom(s) to conclude, comma-separated")
    prove.add_argument("--assume", help="your own claim: axioms the tables satisfy, comma-separated")
    prove.add_argument("--unique", action="store_true", help="your own claim: conclude that such a table is unique")
    prove.add_argument("--n", default="2..4", help="n or a range such as 2..5 (default 2..4)")
    prove.add_argument("--class", dest="classes", action="append", default=[],
                       choices=("any", "monotone", "superadditive", "subadditive", "convex", "additive"),
                       help="game class (repeatable; 'any' for every game; paper claims: restrict further)")
    prove.add_argument("--timeout", type=_positive_float, default=60.0, help="seconds per solver call (default 60)")
    prove.add_argument("--explain", action="store_true", help="unsat core: the hypothesis instances needed")
    prove.add_argument("--no-repairs", action="store_true", help="do not try repairs of a refuted claim")
    prove.add_argument("--json", action="store_true", help="one JSON record per n")
    prove.add_argument("--quiet", action="store_true", help="no progress on stderr")

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

    from . import explore as cli_explore
    cli_explore.add_parser(command, _positive_float, _int_at_least)

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
    return parser


def _claim_names() -> list:
    from ..smt.prover import claim_names
    return claim_names()


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


def _user_claims(args: argparse.Namespace) -> list:
    """Claims from --mechanism/--axiom/--assume/--unique, or from FILE.py:NAME."""
    from ..claims.api import Claim

    if args.claim and ":" in args.claim and args.claim.split(":", 1)[0].endswith(".py"):
        return _claims_from_file(args.claim)
    if args.claim:
        raise ExactfairError(f"unknown claim {args.claim!r}; choose one of {', '.join(_claim_names() + ['theorem2', 'corollary4', 'theorem5'])}, "
                             "or FILE.py:NAME")
    if not (args.axiom or args.unique):
        raise ExactfairError("give a CLAIM, or --axiom AXIOM / --unique (with --mechanism and/or --assume)")
    if args.axiom and args.unique:
        raise ExactfairError("--axiom and --unique are alternatives: a claim concludes axioms or uniqueness")
    split = lambda text: tuple(x.strip() for x in text.split(",") if x.strip()) if text else ()  # noqa: E731
    classes = [c for c in args.classes if c != "any"]
    games = () if "any" in args.classes else (tuple(classes) or "monotone")
    return [Claim(args.mechanism, split(args.assume), "unique" if args.unique else split(args.axiom), games)]


def _claims_from_file(spec: str) -> list:
    """Run the user's Python file (it is code the user asked to run, like a test file) and take NAME."""
    from ..claims.api import Claim
    from ..core.usercode import run_user_file

    path, name, namespace = run_user_file(spec, "claims")
    if name not in namespace:
        found = [k for k, v in namespace.items() if isinstance(v, Claim)]
        raise ExactfairError(f"{path} defines no {name!r}; its claims: {', '.join(found) or 'none'}")
    value = namespace[name]
    claims = [value] if isinstance(value, Claim) else list(value) if isinstance(value, (list, tuple)) else None
    if not claims or not all(isinstance(c, Claim) for c in claims):
        raise ExactfairError(f"{spec} is not a Claim or a list of Claims")
    return claims


def _verdict_word(v) -> str:
    """PROVED / REFUTED / … ; a z3-only proof says so with cvc5's answer."""
    if v.verdict == "proved (z3 only)":
        return f"PROVED (z3 only; {v.reason})"
    return v.verdict.upper()


def _verdict_lines(v) -> list[str]:
    lines = [f"{v.claim}  n = {v.n}: {_verdict_word(v)}  ({v.scope}; {v.seconds:.2f} s)"]
    if v.claim == "theorem5" and v.details:
        lines.append(f"  {v.details[0]}")
    if v.verdict == "refuted":
        lines += ["  " + line for line in v.witness.render().splitlines()]
    if v.verdict == "unknown":
        lines.append(f"  {v.reason}; SMT-LIB: {v.smtlib_path}")
    if v.verdict == "vacuous":
        lines.append(f"  {v.reason}")
    if v.verdict == "proved" and getattr(v, "core", ()):
        lines.append(f"  unsat core ({len(v.core)} hypothesis instances): " + "; ".join(v.core[:12])
                     + (" …" if len(v.core) > 12 else ""))
    return lines


def _cmd_prove(args: argparse.Namespace) -> int:
    from ..claims.engine import ENCODING_MAX_N, run_claim

    ns = _parse_range(args.n, high_max=1 << 16)
    aggregates = {"theorem2": [f"theorem2.{a}" for a in ("R1", "R2", "R3", "R4", "R5", "F1", "F2", "F3", "F4", "F5")],
                  "corollary4": [f"corollary4.{a}" for a in ("R1", "R2", "R4", "F1", "F2", "F3", "F4")]}
    named = args.claim in _claim_names() + ["theorem5"] or args.claim in aggregates
    if named and (args.mechanism or args.axiom or args.assume or args.unique):
        raise ExactfairError(f"{args.claim} is a paper claim; --mechanism/--axiom/--assume/--unique state your own")
    if not named:
        from ..claims.api import prove
        if max(ns) > ENCODING_MAX_N:
            raise ExactfairError(f"--n {args.n}: direct checks support n <= {ENCODING_MAX_N}")
        records, lines = [], []
        from ..claims.api import all_n
        claims = _user_claims(args)
        for number, claim in enumerate(claims, start=1):
            per_n = []
            with Progress(enabled=not args.quiet, tty=False) as bar:
                for k in ns:                                  # stops at the first refutation, as prove(claim, ns)
                    bar.update(f"prove {claim.name} ({number} of {len(claims)}): n = {k}")
                    per_n.append(prove(claim, k, timeout=args.timeout, explain=args.explain))
                    bar.note(f"{claim.name}: n = {k} {per_n[-1].verdict} ({per_n[-1].seconds:.2f} s)")
                    if per_n[-1].verdict == "refuted":
                        break
                if all(v.verdict == "proved" for v in per_n):
                    bar.update(f"prove {claim.name}: all n")
                    general = all_n(claim, bounded=per_n)
                else:
                    general = None
            for v in per_n:
                record = v.to_dict()
                record["claim_spec"] = claim.to_dict()
                record["all_n"] = None if general is None else {"verdict": general.verdict, "scope": general.scope,
                                                                "reason": getattr(general, "reason", "")}
                records.append(record)
                lines += _verdict_lines(v)
            if general is not None:
                lines.append(f"all n: {_verdict_word(general)} — " + (general.details[0] if general.verdict == "proved"
                                                                      else general.reason))
        _write(json.dumps(records, indent=2, ensure_ascii=False) if args.json else "\n".join(lines), None)
        return 0
    if "any" in args.classes:
        raise ExactfairError("--class any applies to your own claims; the paper claims fix their game classes")
    parts = aggregates.get(args.claim, [args.claim])
    records, lines = [], []
    for part in parts:
        with Progress(f"prove {part}", enabled=not args.quiet, tty=False):      # a line every few seconds
            run = run_claim(part, ns, classes=tuple(args.classes), timeout=args.timeout, explain=args.explain,
                            try_repairs=not args.no_repairs, progress=not args.quiet)
        records += run.to_records()
        for v in run.per_n:
            lines += _verdict_lines(v)
        if run.all_n is not None:
            lines.append(f"all n: {_verdict_word(run.all_n)} — {run.all_n_argument}")
        for rep in run.repairs:
            text = f"repair: {rep['repair']} ({rep['claim']}): {rep['verdict']}"
            if rep["verdict"] == "refuted":
                text += f" at n = {rep['at_n']}"
                if rep["proved_for_n"]:
                    text += f" (proved for {_n_range(rep['proved_for_n'])})"
                text += f": {rep.get('witness', '')}"
            elif rep["proved_for_n"]:
                text += f" for {_n_range(rep['proved_for_n'])}"
            if "all_n" in rep:
                text += f"; all n: {rep['all_n']['verdict']}"
            lines.append(text)
    _write(json.dumps(records, indent=2, ensure_ascii=False) if args.json else "\n".join(lines), None)
    return 0


def _n_range(ns: Sequence[int]) -> str:
    """``n = 3`` or ``n = 2..4`` (a list of consecutive n).

    >>> _n_range([2]), _n_range([2, 3, 4])
    ('n = 2', 'n = 2..4')
    """
    return f"n = {ns[0]}" if len(ns) == 1 or ns[0] == ns[-1] else f"n = {ns[0]}..{ns[-1]}"


def _cmd_search(args: argparse.Namespace) -> int:
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


def _cmd_claims(args: argparse.Namespace) -> int:
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


def _cmd_bargain(args: argparse.Namespace) -> int:
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


class _Terminated(BaseException):
    """Raised in the main thread by SIGTERM, so that clean-up (workers, temporary files) runs."""


def _raise_terminated(signum, frame) -> None:
    raise _Terminated()


def _main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


def _error(message: str, status: int = 2) -> int:
    """Print ``exactfair: error: MESSAGE`` as one line (whatever the message holds) and return ``status``."""
    print(f"exactfair: error: {one_line(message)}", file=sys.stderr)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``exactfair`` command.

    >>> main(['rewards', 'theorem5', '--min-size', '3'])
    C    {1,2,3}
    M_1  3
    M_2  5
    M_3  6
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if _main_thread() else None
    try:
        return _run(args, parser)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run the command; every error ends in one line on stderr (with ``--debug``, a traceback before it)."""
    import traceback

    try:
        if args.command == "rewards":
            from .commands import cmd_rewards
            return cmd_rewards(args)
        if args.command == "check":
            from .commands import cmd_check
            return cmd_check(args)
        if args.command == "prove":
            return _cmd_prove(args)
        if args.command == "search":
            return _cmd_search(args)
        if args.command == "bargain":
            return _cmd_bargain(args)
        if args.command == "claims":
            return _cmd_claims(args)
        if args.command == "valuate":
            from .commands import cmd_valuate
            return cmd_valuate(args)
        if args.command == "explore":
            from . import explore as cli_explore
            return cli_explore.run(args, _write, refuse_overwriting)
    except UserCodeError as exc:
        if args.debug:
            sys.stderr.write(exc.user_traceback)
            return _error(str(exc))
        return _error(f"{exc}; rerun with --debug for its traceback")
    except (ExactfairError, InexactValueError, KeyError, ValueError) as exc:
        if args.debug:
            traceback.print_exc()
        return _error(exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc))
    except OSError as exc:
        return _error(str(exc))
    except MemoryError:
        return _error("out of memory; try a smaller game or --grand-only")
    except RecursionError:
        return _error("input nested too deeply")
    except KeyboardInterrupt:
        print("exactfair: interrupted", file=sys.stderr)
        return 130
    except _Terminated:
        print("exactfair: terminated", file=sys.stderr)
        return 143
    except Exception as exc:                            # a defect of exactfair's own: still one line
        if args.debug:
            traceback.print_exc()
        return _error(f"internal error: {type(exc).__name__}: {exc}; please report it (rerun with --debug for the "
                      "traceback)", 1)
    parser.error(f"unknown command {args.command!r}")
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
