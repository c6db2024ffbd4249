"""Machine-checking the paper's claims for a fixed number of players with z3.

A claim at ``n`` players becomes a :class:`Problem`: background definitions (e.g.
"M is a run of Algorithm 1 on v"), *named* hypotheses (game-class and axiom
instances, tracked so an unsat core can say which were needed) and a conclusion.
:func:`solve` first checks that background and hypotheses are satisfiable (a
vacuous claim is reported as :class:`~exactfair.verdicts.Vacuous`), then looks for
a model of hypotheses ∧ ¬conclusion:

* unsat → :class:`~exactfair.verdicts.Proved` for that n (with an unsat core on
  request);
* sat → the model is decoded to exact games/tables, **re-verified by the exact
  checker** (disagreement raises :class:`~exactfair.verdicts.InternalCheckError`),
  optionally shrunk to small non-negative integers, and returned as
  :class:`~exactfair.verdicts.Refuted`;
* unknown/timeout → :class:`~exactfair.verdicts.Unknown` with the SMT-LIB text.

Claims (names as on the command line): ``theorem1``, ``theorem2.<AXIOM>``,
``corollary3``, ``corollary4.<AXIOM>``.  Each is encoded with its hypotheses and
conclusion as the paper *states* them; variants ("repairs") add axioms, relax a
strict inequality, or restrict the game class, and are named accordingly.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

import z3

from .algorithm1_z3 import algorithm1_relation, is_algorithm1_run
from .axioms import AXIOMS, Axiom, Instance, game_class_formula, get_axiom
from .check import check_axiom, check_pair
from .game import Game
from .logic import And, Compare, Formula, _Const
from .mechanisms.balanced_reciprocity import balanced_reciprocity
from .verdicts import InternalCheckError, Proved, Refuted, Unknown, Vacuous, Verdict, Witness
from .z3backend import (
    SymbolicGame, SymbolicTable, compile_formula, decode_game, decode_table, lookup, lookup_pair,
)

__all__ = [
    "Problem", "Options", "solve", "prove_claim", "relax", "CLAIMS", "claim_names", "build_problem",
    "characterization",
]

# --------------------------------------------------------------------------- axiom variants
def _relax_formula(f: Formula) -> Formula:
    if isinstance(f, Compare) and f.op in (">", "<"):
        return Compare(f.op + "=", f.left, f.right)
    return f


def relax(axiom: Axiom) -> Axiom:
    """The axiom with its strict conclusion (``>``) replaced by a non-strict one (``≥``).

    >>> relax(get_axiom("F3")).name
    'F3[≥]'
    """
    def build(n: int):
        for inst in axiom.instances(n):
            yield replace(inst, axiom=axiom.name + "[≥]", conclusion=_relax_formula(inst.conclusion))
    return Axiom(axiom.name + "[≥]", axiom.title + " (non-strict)", axiom.statement.replace(">", "≥"),
                 axiom.games, build)


def resolve_axiom(name: str) -> Axiom:
    """``"F3"`` or ``"F3[≥]"`` (also ``"F3[>=]"``)."""
    name = name.replace("[>=]", "[≥]")
    if name.endswith("[≥]"):
        return relax(get_axiom(name[:-3]))
    return get_axiom(name)


# --------------------------------------------------------------------------- problems
@dataclass
class Problem:
    """A claim at n players, ready for z3.

    >>> p = build_problem('theorem2.F5', 2)
    >>> p.claim, p.n, len(p.background) > 0
    ('theorem2.F5', 2, True)
    """

    claim: str
    n: int
    background: list
    hypotheses: list          # (name, z3 formula)
    conclusion: z3.BoolRef
    decode: Callable          # model -> Witness (exactly re-verified; raises InternalCheckError)
    games: list = field(default_factory=list)
    notes: str = ""


@dataclass(frozen=True)
class Options:
    """Variants of a claim: extra hypotheses (axioms), extra game classes, relaxed conclusion.

    >>> Options(extra_axioms=('R2',), classes=('convex',), relaxed=True).suffix()
    '+R2[convex][≥]'
    """

    extra_axioms: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    relaxed: bool = False
    encoding: str = "auto"           # "direct" | "structured" | "auto"
    grand_only: bool = False         # check only conclusion instances at C = N (see proofs/SOUNDNESS.md)
    first_player_only: bool = False  # with grand_only: only the instance for player 1 (symmetry)

    def suffix(self) -> str:
        parts = [f"+{a}" for a in self.extra_axioms] + [f"[{c}]" for c in self.classes]
        if self.relaxed:
            parts.append("[≥]")
        return "".join(parts)


def _render(p: Compare, n: int) -> str:
    from .logic import render_linear
    name = lambda m: _coalition(m, n)  # noqa: E731
    player = lambda i: str(i + 1)  # noqa: E731
    op = {"==": "=", "<=": "≤", "<": "<", ">=": "≥", ">": ">"}[p.op]
    return f"{render_linear(p.left, player, name)} {op} {render_linear(p.right, player, name)}"


def _coalition(m: int, n: int) -> str:
    labels = [str(i + 1) for i in range(n) if m >> i & 1]
    return "{" + ",".join(labels) + "}" if labels else "∅"


def _instance_name(prefix: str, inst: Instance, n: int) -> str:
    who = ",".join(str(i + 1) for i in inst.players)
    return f"{prefix}: {inst.axiom} C={_coalition(inst.coalition, n)} ({who})"


def _class_hypotheses(games: Sequence[SymbolicGame], classes: Sequence[str], n: int, tag: Sequence[str]):
    out = []
    for g, name in zip(games, tag):
        for cls in classes:
            f = game_class_formula(cls, n)
            parts = f.parts if isinstance(f, And) else (() if isinstance(f, _Const) else (f,))
            for part in parts:
                text = _render(part, n).replace("v_", f"{name}_") if name != "v" else _render(part, n)
                out.append((f"{cls}: {text}", compile_formula(part, lookup(g))))
    return out


def _axiom_hypotheses(axiom: Axiom, game: SymbolicGame, table: SymbolicTable, n: int, tag: str):
    look = lookup(game, table)
    return [(_instance_name(tag, inst, n), compile_formula(inst.formula(), look)) for inst in axiom.instances(n)]


def characterization(game: SymbolicGame, table: SymbolicTable, n: int) -> list:
    """R2 ∧ R3 ∧ R5 ∧ F5 on (game, table): by lemmas L-F5, L-R2 and L-U the runs of
    Algorithm 1 are exactly these tables (proofs/SOUNDNESS.md).

    >>> len(characterization(SymbolicGame(2), SymbolicTable(2), 2))
    4
    """
    look = lookup(game, table)
    return [compile_formula(a.formula(n), look) for a in (get_axiom("R2"), get_axiom("R3"),
                                                           get_axiom("R5"), get_axiom("F5"))]


def _conclusion(axiom: Axiom, n: int, look: Callable, grand_only: bool, first_only: bool = False) -> z3.BoolRef:
    full = (1 << n) - 1
    insts = [i for i in axiom.instances(n) if not grand_only or i.coalition == full]
    if first_only:
        insts = [i for i in insts if i.players[:1] == (0,)]
    return z3.And([compile_formula(i.formula(), look) for i in insts]) if insts else z3.BoolVal(True)


def _exact_classes(game: Game, classes: Sequence[str]) -> None:
    for cls in classes:
        result = getattr(game, f"is_{cls}")()
        if not result.holds:
            raise InternalCheckError(f"decoded game is not {cls}: {result.detail}")


# --------------------------------------------------------------------------- claim builders
def _theorem1(n: int, opt: Options, integer: bool) -> Problem:
    """Theorem 1: any v; M, M′ satisfying R3, R5, F5 (+ extras) are equal."""
    g = SymbolicGame(n, "v", integer)
    t1, t2 = SymbolicTable(n, "M"), SymbolicTable(n, "Mp")
    hyp_axioms = ["R3", "R5", "F5"] + list(opt.extra_axioms)
    hyps = _class_hypotheses([g], opt.classes, n, ["v"])
    for name in hyp_axioms:
        axiom = get_axiom(name)
        hyps += _axiom_hypotheses(axiom, g, t1, n, "M") + _axiom_hypotheses(axiom, g, t2, n, "M′")
    conclusion = z3.And([t1[i, c] == t2[i, c] for c in range(1 << n) for i in range(n)])

    def decode(model) -> Witness:
        game = decode_game(model, g)
        a = decode_table(model, t1, game, "M")
        b = decode_table(model, t2, game, "M′")
        _exact_classes(game, opt.classes)
        for name in hyp_axioms:
            for t in (a, b):
                if not check_axiom(name, t).holds:
                    raise InternalCheckError(f"decoded table {t.mechanism} violates hypothesis {name}")
        if a == b or a.rewards == b.rewards:
            raise InternalCheckError("decoded tables are equal; the solver's model does not refute uniqueness")
        diff = [(c, i) for c in range(1 << n) for i in range(n) if a.rewards[c][i] != b.rewards[c][i]]
        c, i = diff[0]
        return Witness((game,), (a, b),
                       f"M ≠ M′: player {game.players[i]} in {game.coalition_name(c)} gets "
                       f"{a.rewards[c][i]} vs {b.rewards[c][i]}; both tables satisfy {', '.join(hyp_axioms)}")
    return Problem("theorem1" + opt.suffix(), n, [], hyps, conclusion, decode, [g])


def _monotone_setup(axiom: Axiom, opt: Options, n: int, integer: bool):
    """Classes (monotone first), number of games, and one symbolic game and table per game of the axiom."""
    classes = ("monotone",) + tuple(c for c in opt.classes if c != "monotone")
    k = axiom.games
    gs = [SymbolicGame(n, "v", integer)] + ([SymbolicGame(n, "w", integer)] if k == 2 else [])
    ts = [SymbolicTable(n, "M")] + ([SymbolicTable(n, "N")] if k == 2 else [])
    return classes, k, gs, ts


def _theorem2(axiom_name: str, n: int, opt: Options, integer: bool, encoding: str) -> Problem:
    """Theorem 2, one axiom: on monotone v (+ classes), every run of Algorithm 1 satisfies it."""
    axiom = resolve_axiom(axiom_name)
    if opt.relaxed:
        axiom = relax(axiom)
    classes, k, gs, ts = _monotone_setup(axiom, opt, n, integer)
    background = []
    for g, t in zip(gs, ts):
        if encoding == "structured":
            background += characterization(g, t, n)
        else:
            background += algorithm1_relation(g, t, "any")
    hyps = _class_hypotheses(gs, classes, n, ["v", "v′"][:k])
    look = lookup_pair(gs, ts) if k == 2 else lookup(gs[0], ts[0])
    conclusion = _conclusion(axiom, n, look, opt.grand_only, opt.first_player_only)

    def decode(model) -> Witness:
        games = [decode_game(model, g) for g in gs]
        for game in games:
            _exact_classes(game, classes)
        exact = [balanced_reciprocity(game) for game in games]
        model_tables = [decode_table(model, t, game, "model run") for t, game in zip(ts, games)]
        for game, mt, et in zip(games, model_tables, exact):
            if encoding == "direct" and not is_algorithm1_run(game, mt):
                raise InternalCheckError("the solver's table is not a run of Algorithm 1")
            if mt.rewards != et.rewards:
                raise InternalCheckError("the solver's run differs from balanced_reciprocity (Corollary 3 broken?)")
        result = check_pair(exact[0], exact[1], axiom) if k == 2 else check_axiom(axiom, exact[0])
        if result.holds:
            raise InternalCheckError(f"exact re-check: {axiom.name} holds on the decoded game")
        return Witness(tuple(games), tuple(exact), str(result.violations[0]))
    notes = ("structured encoding: runs of Algorithm 1 = tables satisfying R2, R3, R5, F5 "
             "(lemmas L-F5, L-R2, L-U)" if encoding == "structured" else "direct encoding of Algorithm 1")
    return Problem(f"theorem2.{axiom_name}" + opt.suffix(), n, background, hyps, conclusion, decode, gs, notes)


def _corollary3(n: int, opt: Options, integer: bool) -> Problem:
    """Corollary 3: on monotone v any two runs (any j, any maximiser k) give the same table."""
    classes = ("monotone",) + tuple(c for c in opt.classes if c != "monotone")
    g = SymbolicGame(n, "v", integer)
    t1, t2 = SymbolicTable(n, "M"), SymbolicTable(n, "Mp")
    background = algorithm1_relation(g, t1, "any") + algorithm1_relation(g, t2, "any")
    hyps = _class_hypotheses([g], classes, n, ["v"])
    conclusion = z3.And([t1[i, c] == t2[i, c] for c in range(1 << n) for i in range(n)])

    def decode(model) -> Witness:
        game = decode_game(model, g)
        _exact_classes(game, classes)
        a, b = decode_table(model, t1, game, "run 1"), decode_table(model, t2, game, "run 2")
        if not (is_algorithm1_run(game, a) and is_algorithm1_run(game, b)) or a.rewards == b.rewards:
            raise InternalCheckError("decoded runs are not two different runs of Algorithm 1")
        return Witness((game,), (a, b), "two runs of Algorithm 1 differ")
    return Problem("corollary3" + opt.suffix(), n, background, hyps, conclusion, decode, [g])


def _corollary4(axiom_name: str, n: int, opt: Options, integer: bool) -> Problem:
    """Corollary 4, one axiom: on monotone v, R3 ∧ R5 ∧ F5 (+ extras) entail the axiom."""
    axiom = resolve_axiom(axiom_name)
    if opt.relaxed:
        axiom = relax(axiom)
    classes, k, gs, ts = _monotone_setup(axiom, opt, n, integer)
    hyp_axioms = ["R3", "R5", "F5"] + list(opt.extra_axioms)
    hyps = _class_hypotheses(gs, classes, n, ["v", "v′"][:k])
    for g, t, tag in zip(gs, ts, ["M", "M′"]):
        for name in hyp_axioms:
            hyps += _axiom_hypotheses(get_axiom(name), g, t, n, tag)
    look = lookup_pair(gs, ts) if k == 2 else lookup(gs[0], ts[0])
    conclusion = _conclusion(axiom, n, look, opt.grand_only)

    def decode(model) -> Witness:
        games = [decode_game(model, g) for g in gs]
        tables = [decode_table(model, t, game, "M" if j == 0 else "M′") for j, (t, game) in
                  enumerate(zip(ts, games))]
        for game in games:
            _exact_classes(game, classes)
        for t in tables:
            for name in hyp_axioms:
                if not check_axiom(name, t).holds:
                    raise InternalCheckError(f"decoded table violates hypothesis {name}")
        result = check_pair(tables[0], tables[1], axiom) if k == 2 else check_axiom(axiom, tables[0])
        if result.holds:
            raise InternalCheckError(f"exact re-check: {axiom.name} holds on the decoded table")
        return Witness(tuple(games), tuple(tables), str(result.violations[0]),
                       f"the table(s) satisfy {', '.join(hyp_axioms)} but not {axiom.name}")
    return Problem(f"corollary4.{axiom_name}" + opt.suffix(), n, [], hyps, conclusion, decode, gs)


def claim_names() -> list[str]:
    """Every claim name accepted by :func:`prove_claim`.

    >>> claim_names()[:3]
    ['theorem1', 'theorem2.R1', 'theorem2.R2']
    """
    names = ["theorem1"] + [f"theorem2.{a.name}" for a in AXIOMS] + ["corollary3"]
    names += [f"corollary4.{a}" for a in ("R1", "R2", "R4", "F1", "F2", "F3", "F4")]
    return names


CLAIMS = claim_names()


def build_problem(claim: str, n: int, opt: Options = Options(), integer: bool = False) -> Problem:
    """The :class:`Problem` for a claim name at n players.

    >>> p = build_problem("theorem1", 2)
    >>> p.claim, len(p.hypotheses)
    ('theorem1', 16)
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    base, _, axiom = claim.partition(".")
    if base == "theorem1" and not axiom:
        return _theorem1(n, opt, integer)
    if base == "theorem2" and axiom:
        encoding = opt.encoding
        if encoding == "auto":
            encoding = "direct" if resolve_axiom(axiom).name in ("R2", "R3", "R5", "F5") or n <= 3 else "structured"
            if axiom.startswith("F4") and n >= 4 and not opt.grand_only:
                # F4's instance at (C, i) mentions only subsets of C, and runs and game classes are
                # invariant under relabelling players: (N, player 1) at every size s <= n suffices.
                opt = replace(opt, grand_only=True, first_player_only=True)
        problem = _theorem2(axiom, n, opt, integer, encoding)
        if opt.grand_only:
            problem.notes += ("; only the instance(s) at C = N" + (" for player 1" if opt.first_player_only else "")
                              + " — the other instances are the cases of smaller n (proofs/SOUNDNESS.md)")
        return problem
    if base == "corollary3" and not axiom:
        return _corollary3(n, opt, integer)
    if base == "corollary4" and axiom:
        if axiom.startswith("F4") and n >= 4 and not opt.grand_only:
            opt = replace(opt, grand_only=True, first_player_only=True)  # as for theorem2.F4
        problem = _corollary4(axiom, n, opt, integer)
        if opt.grand_only:
            problem.notes += ("only the instance at C = N for player 1 — the other instances are the cases of "
                              "smaller n (proofs/SOUNDNESS.md)")
        return problem
    raise ValueError(f"unknown claim {claim!r}; choose one of {', '.join(CLAIMS)}")


# --------------------------------------------------------------------------- solving
def _solver(timeout: float) -> z3.Solver:
    s = z3.Solver()
    s.set("timeout", max(1, int(timeout * 1000)))
    return s


def _smtlib(problem: Problem, negated: bool = True) -> str:
    s = z3.Solver()
    s.add(problem.background)
    s.add([f for _, f in problem.hypotheses])
    if negated:
        s.add(z3.Not(problem.conclusion))
    return s.to_smt2()


def _save_smtlib(text: str, claim: str, n: int, directory: Path | None) -> str:
    import tempfile
    directory = directory or Path(tempfile.gettempdir()) / "exactfair-smtlib"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{claim.replace('/', '_')}.n{n}.smt2"
        path.write_text(text)
        return str(path)
    except OSError:
        return ""


def _core(problem: Problem, timeout: float) -> tuple[str, ...]:
    s = _solver(timeout)
    s.set("core.minimize", True)
    s.add(problem.background)
    s.add(z3.Not(problem.conclusion))
    markers = {}
    for k, (name, f) in enumerate(problem.hypotheses):
        b = z3.Bool(f"h{k}")
        markers[str(b)] = name
        s.assert_and_track(f, b)
    if s.check() != z3.unsat:
        return ("(core not computed: the tracked check did not finish)",)
    return tuple(sorted(markers[str(b)] for b in s.unsat_core()))


def _shrink(claim: str, n: int, opt: Options, timeout: float) -> Witness | None:
    """Re-solve with non-negative integer game values and minimise their sum."""
    problem = build_problem(claim, n, opt, integer=True)
    o = z3.Optimize()
    o.set("timeout", max(1, int(timeout * 1000)))
    o.add(problem.background)
    o.add([f for _, f in problem.hypotheses])
    o.add(z3.Not(problem.conclusion))
    values = []
    for g in problem.games:
        o.add(g.nonnegative())
        values += g.values[1:]
    o.minimize(z3.Sum(values) if values else z3.IntVal(0))
    if o.check() != z3.sat:
        return None
    return problem.decode(o.model())


def solve(problem: Problem, *, timeout: float = 60.0, explain: bool = False, shrink: bool = True,
          opt: Options = Options(), smtlib_dir: Path | None = None) -> Verdict:
    """Decide one problem: Vacuous, Proved, Refuted (exactly re-verified) or Unknown.

    >>> solve(build_problem("theorem2.F5", 3)).verdict
    'proved'
    >>> solve(build_problem("theorem1", 2, Options(extra_axioms=("R3-literal",)))).verdict
    'vacuous'
    """
    start = time.perf_counter()
    scope = f"n = {problem.n}"
    s = _solver(timeout)
    s.add(problem.background)
    s.add([f for _, f in problem.hypotheses])
    sat_hyp = s.check()
    if sat_hyp == z3.unsat:
        return Vacuous(problem.claim, scope, problem.n, time.perf_counter() - start,
                       reason="the hypotheses are unsatisfiable; a proof would be vacuous")
    if sat_hyp == z3.unknown:
        text = _smtlib(problem, negated=False)
        return Unknown(problem.claim, scope, problem.n, time.perf_counter() - start,
                       reason=f"satisfiability of the hypotheses undecided: {s.reason_unknown()}",
                       smtlib=text, smtlib_path=_save_smtlib(text, problem.claim, problem.n, smtlib_dir))
    remaining = max(1.0, timeout - (time.perf_counter() - start))
    s.set("timeout", int(remaining * 1000))
    s.add(z3.Not(problem.conclusion))
    answer = s.check()
    if answer == z3.unsat:
        core = _core(problem, timeout) if explain else ()
        return Proved(problem.claim, scope, problem.n, time.perf_counter() - start, (problem.notes,), core)
    if answer == z3.sat:
        witness = problem.decode(s.model())
        if shrink:
            claim = problem.claim
            base_claim = claim.split("+")[0].split("[")[0]
            smaller = _shrink(base_claim, problem.n, opt, timeout=min(timeout, 30.0))
            if smaller is not None:
                witness = smaller
        return Refuted(problem.claim, scope, problem.n, time.perf_counter() - start, (problem.notes,), witness)
    text = _smtlib(problem)
    return Unknown(problem.claim, scope, problem.n, time.perf_counter() - start,
                   reason=f"z3 returned unknown ({s.reason_unknown()}) within {timeout:g} s",
                   smtlib=text, smtlib_path=_save_smtlib(text, problem.claim, problem.n, smtlib_dir))


def prove_claim(claim: str, n: int, *, opt: Options = Options(), timeout: float = 60.0,
                explain: bool = False, shrink: bool = True, smtlib_dir: Path | None = None) -> Verdict:
    """Verdict for one claim at n players.

    >>> prove_claim("theorem1", 2).verdict
    'refuted'
    >>> prove_claim("theorem1", 3, opt=Options(extra_axioms=("R2",))).verdict
    'proved'
    """
    problem = build_problem(claim, n, opt)
    return solve(problem, timeout=timeout, explain=explain, shrink=shrink, opt=opt, smtlib_dir=smtlib_dir)



