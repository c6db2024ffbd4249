"""``exactfair prove``: a paper claim or the user's own (options or FILE.py:NAME), per n and for all n.
"""

from __future__ import annotations

import argparse
import json

from ..core.errors import ExactfairError
from ..core.progress import Progress
from .common import _n_range, _parse_range, _positive_float, _write


def add_parser(command) -> argparse.ArgumentParser:
    """Register ``exactfair prove`` (``command(name, **options)`` makes the sub-parser)."""
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
    return prove


def _claim_names() -> list:
    from ..smt.prover import claim_names
    return claim_names()


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


def run(args: argparse.Namespace) -> int:
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
