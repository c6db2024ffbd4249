"""A claim at n players as a z3 problem: one compiler (:func:`build_generic`) for every claim.

A :class:`Problem` holds background definitions (e.g. "M is a run of Algorithm 1 on v"), *named*
hypotheses (game-class and axiom instances, tracked so an unsat core can say which were needed) and a
conclusion, each encoded as the paper *states* it; :mod:`exactfair.kernel.solve` decides it.  A model of the
negation is decoded to exact games and tables and re-checked by the exact checker here (disagreement
raises :class:`~exactfair.kernel.verdicts.InternalCheckError`).  The paper's claims by name:
:func:`named_claim`, :func:`claim_names`, :func:`build_problem`.
"""

from __future__ import annotations

from typing import Callable, Sequence

import z3

from ..axioms import AXIOMS, GAME_CLASSES, Axiom, Instance, game_class_formula, get_axiom
from ..axioms.check import check_axiom, check_pair
from ..core.game import Game
from ..axioms.logic import TRUE, And, Compare, _Const
from ..axioms import relations
from ..kernel.problem import Options, Problem
from ..kernel.verdicts import InternalCheckError, Witness
from ..kernel.compile import (
    SymbolicGame, SymbolicTable, compile_formula, decode_game, decode_table, lookup, lookup_pair,
)

__all__ = ["Problem", "Options", "build_generic", "build_problem", "named_claim", "claim_names", "CLAIMS",
           "characterization", "replace_mechanism"]

def _render(p: Compare, n: int) -> str:
    from ..axioms.logic import render_linear
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


def _conclusion_instances(axiom: Axiom, n: int, grand_only: bool, first_only: bool = False) -> list[Instance]:
    full = (1 << n) - 1
    insts = [i for i in axiom.instances(n) if not grand_only or i.coalition == full]
    if first_only:
        insts = [i for i in insts if i.players[:1] == (0,)]
    return insts


def _conclusion(axiom: Axiom, n: int, look: Callable, grand_only: bool, first_only: bool = False) -> z3.BoolRef:
    insts = _conclusion_instances(axiom, n, grand_only, first_only)
    return z3.And([compile_formula(i.formula(), look) for i in insts]) if insts else z3.BoolVal(True)


def _premises(axioms: Sequence[Axiom], n: int, look: Callable, grand_only: bool, first_only: bool) -> list:
    """(instance name, compiled premise) for every conditional instance in the conclusion."""
    out = []
    for axiom in axioms:
        for inst in _conclusion_instances(axiom, n, grand_only, first_only):
            if inst.hypothesis is not TRUE:
                out.append((_instance_name("conclusion", inst, n), compile_formula(inst.hypothesis, look)))
    return out


def _exact_classes(game: Game, classes: Sequence[str]) -> None:
    for cls in classes:
        result = getattr(game, f"is_{cls}")()
        if not result.holds:
            raise InternalCheckError(f"decoded game is not {cls}: {result.detail}")


# --------------------------------------------------------------------------- one compiler for every claim
def _table_names(unique: bool, k: int) -> list[str]:
    return ["M", "Mp"] if unique else ["M", "N"][:k]


def _reduction_is_sound(claim, mech, n: int) -> bool:
    """The paper's F4 reduction (only C = N, only player 1; proofs/SOUNDNESS.md) needs every hypothesis to
    restrict to subgames and to be invariant under relabelling: built-in local axioms, built-in classes,
    and a mechanism (or none) whose relation is *derived* to treat all players alike at n — a field saying
    so is not trusted."""
    from ..axioms.claim import LOCAL_AXIOMS
    from ..axioms import AXIOMS_BY_NAME
    from ..axioms.registry import relax
    from .guards import equivariant
    builtin = lambda a: AXIOMS_BY_NAME.get(a.name) is a  # noqa: E731
    f4 = AXIOMS_BY_NAME["F4"]
    return ((mech is None or equivariant(mech, n))
            and all(builtin(a) and a.name in LOCAL_AXIOMS for a in claim.assumptions())
            and all(c in GAME_CLASSES for c in claim.games)
            and claim.conclude != "unique"
            and all(a is f4 or a is relax(f4) for a in claim.axioms()))   # the built-in F4 itself, not its name


def build_generic(claim, n: int, *, integer: bool = False, encoding: str = "auto", grand_only: bool | None = None,
                  first_player_only: bool | None = None, reference: str = "any") -> Problem:
    """The problem of a :class:`~exactfair.axioms.claim.Claim` at n players (see :func:`exactfair.claims.api.compile_claim`).

    ``reference="lowest"`` encodes Algorithm 1's runs with line 12's j fixed to the lowest member — the same
    set of tables as any j, by Corollary 3 (used only when its all-n proof is at hand, see
    :mod:`exactfair.smt.decide`)."""
    from ..axioms.registry import get_mechanism
    if n < 1:
        raise ValueError("n must be at least 1")
    mech = get_mechanism(claim.mechanism) if claim.mechanism is not None else None
    classes = claim.games
    unique = claim.conclude == "unique"
    concl = claim.axioms()
    assumed = claim.assumptions()
    k = claim.game_count()
    if unique and k == 2:
        raise ValueError("'unique' compares two tables of one game; the assumptions must be one-game axioms")
    gs = [SymbolicGame(n, "v", integer)] + ([SymbolicGame(n, "w", integer)] if k == 2 else [])
    ts = [SymbolicTable(n, name) for name in _table_names(unique, k)]
    pairs = [(gs[0], t) for t in ts] if unique else list(zip(gs, ts))
    structured = False
    if mech is not None and mech.name == "balanced-reciprocity" and not unique:
        if encoding == "auto":
            encoding = "direct" if all(a.name in ("R2", "R3", "R5", "F5") for a in concl) or n <= 3 else "structured"
        structured = encoding == "structured"
    if grand_only is None:
        grand_only = bool(concl) and n >= 4 and _reduction_is_sound(claim, mech, n)
        first_player_only = grand_only if first_player_only is None else first_player_only
    first_player_only = bool(first_player_only)
    background: list = []
    if mech is not None:
        for g, t in pairs:
            if structured:
                background += characterization(g, t, n)
            else:
                look = lookup(g, t)
                relation = mech.relation(n) if reference == "any" or mech.name != "balanced-reciprocity" else \
                    [relations.algorithm1_step(c, n, "lowest") for c in range(1 << n)]
                background += [compile_formula(f, look) for f in relation]
    hyps = _class_hypotheses(gs, classes, n, ["v", "v′"][:k])
    tags = ["M", "M′"]
    single = [a for a in assumed if a.games == 1]
    double = [a for a in assumed if a.games == 2]
    if unique:            # axiom-major, as the paper's Theorem 1 lists them
        for axiom in single:
            for (g, t), tag in zip(pairs, tags):
                hyps += _axiom_hypotheses(axiom, g, t, n, tag)
    else:
        for (g, t), tag in zip(pairs, tags):
            for axiom in single:
                hyps += _axiom_hypotheses(axiom, g, t, n, tag)
    for axiom in double:
        look2 = lookup_pair(gs, ts)
        hyps += [(_instance_name("M,M′", inst, n), compile_formula(inst.formula(), look2))
                 for inst in axiom.instances(n)]
    premises: list = []
    look = None
    if unique:
        conclusion = z3.And([ts[0][i, c] == ts[1][i, c] for c in range(1 << n) for i in range(n)])
    else:
        look = lookup_pair(gs, ts) if k == 2 else lookup(gs[0], ts[0])
        conclusion = z3.And([_conclusion(a, n, look, grand_only, first_player_only) for a in concl])
        premises = _premises(concl, n, look, grand_only, first_player_only)
    what = claim.name

    def check_assumed(tables: Sequence) -> None:
        for t in tables:
            for axiom in single:
                if not check_axiom(axiom, t).holds:
                    raise InternalCheckError(f"decoded table {t.mechanism} violates hypothesis {axiom.name}")
        for axiom in double:
            if not check_pair(tables[0], tables[1], axiom).holds:
                raise InternalCheckError(f"decoded tables violate hypothesis {axiom.name}")

    def decode(model) -> Witness:
        games = [decode_game(model, g) for g in gs]
        for game in games:
            _exact_classes(game, classes)
        table_games = [games[0]] * 2 if unique else games
        labels = ["M", "M′"] if unique else ["model run" if mech else ("M" if j == 0 else "M′") for j in range(k)]
        tables = [decode_table(model, t, game, label) for t, game, label in zip(ts, table_games, labels)]
        if mech is not None and not structured:
            for t in tables:
                if not mech.is_table_of(t):
                    raise InternalCheckError(f"the solver's table is not a table of {mech.name} (its relation fails "
                                             "exactly)")
        if unique:
            check_assumed(tables)
            a, b = tables
            if a.rewards == b.rewards:
                raise InternalCheckError("decoded tables are equal; the solver's model does not refute uniqueness")
            diff = [(c, i) for c in range(1 << n) for i in range(n) if a.rewards[c][i] != b.rewards[c][i]]
            c, i = diff[0]
            if mech is not None and not assumed:
                return Witness((games[0],), (a, b), f"two tables of {mech.name} differ: player {games[0].players[i]} "
                               f"in {games[0].coalition_name(c)} gets {a.rewards[c][i]} vs {b.rewards[c][i]}")
            return Witness((games[0],), (a, b),
                           f"M ≠ M′: player {games[0].players[i]} in {games[0].coalition_name(c)} gets "
                           f"{a.rewards[c][i]} vs {b.rewards[c][i]}; both tables satisfy "
                           f"{', '.join(x.name for x in assumed)}" + (f" and are tables of {mech.name}" if mech else ""))
        if mech is not None:
            exact = [mech.exact(game) for game in games]
            same = all(m.rewards == e.rewards for m, e in zip(tables, exact))
            if not same and mech.name == "balanced-reciprocity":
                raise InternalCheckError("the solver's run differs from balanced_reciprocity (Corollary 3 broken?)")
            if same:
                tables = [replace_mechanism(e, mech.name) for e in exact]
        check_assumed(tables)
        for axiom in concl:
            result = check_pair(tables[0], tables[1], axiom) if k == 2 and axiom.games == 2 else \
                check_axiom(axiom, tables[0]) if axiom.games == 1 else None
            if result is not None and not result.holds:
                note = "" if mech is not None else f"the table(s) satisfy {', '.join(x.name for x in assumed)} " \
                    f"but not {axiom.name}"
                return Witness(tuple(games), tuple(tables), str(result.violations[0]), note)
        raise InternalCheckError(f"exact re-check: {', '.join(a.name for a in concl)} hold(s) on the decoded "
                                 f"{'game' if mech else 'table'}")

    notes = ""
    if mech is not None and not unique:
        notes = ("structured encoding: runs of Algorithm 1 = tables satisfying R2, R3, R5, F5 "
                 "(lemmas L-F5, L-R2, L-U)" if structured else f"direct encoding of {mech.title}")
        if reference == "lowest" and not structured and mech.name == "balanced-reciprocity":
            notes += ("; line 12's j fixed to the lowest member: the same tables as any j (Corollary 3, proved for "
                      "all n)")
    if grand_only:
        notes += (("; " if notes else "") + "only the instance(s) at C = N" + (" for player 1" if first_player_only
                  else "") + " — the other instances are the cases of smaller n (proofs/SOUNDNESS.md)")
    return Problem(what, n, background, hyps, conclusion, decode, gs, notes, premises=premises,
                   look=look if k == 1 else None,
                   rebuild=lambda integer_values: build_generic(claim, n, integer=integer_values, encoding=encoding,
                                                                reference=reference,
                                                                grand_only=grand_only,
                                                                first_player_only=first_player_only))


def replace_mechanism(table, name: str):
    """The same table labelled with another mechanism name (no copy of the rewards)."""
    if table.mechanism == name:
        return table
    from ..core.table import RewardTable
    if table.is_rational:
        arr, d = table.to_numpy()
        return RewardTable.from_array(table.game, name, arr, d, table.parameters)
    return RewardTable(table.game, name, table.rewards, table.parameters, False)


def named_claim(claim: str, opt: Options = Options()):
    """The :class:`~exactfair.axioms.claim.Claim` behind a paper claim name and its variant options.

    >>> named_claim("theorem1").assume, named_claim("corollary4.F1", Options(extra_axioms=("R2",))).name
    (('R3', 'R5', 'F5'), 'corollary4.F1+R2')
    """
    from ..axioms.claim import Claim
    base, _, axiom = claim.partition(".")
    extras = tuple(opt.extra_axioms)
    monotone = ("monotone",) + tuple(c for c in opt.classes if c != "monotone")
    name = claim + opt.suffix()
    if base == "theorem1" and not axiom:
        return Claim(None, ("R3", "R5", "F5") + extras, "unique", tuple(opt.classes) or "any", id=name)
    if base == "theorem2" and axiom:
        return Claim("balanced-reciprocity", extras, axiom, monotone, opt.relaxed, id=name)
    if base == "corollary3" and not axiom:
        return Claim("balanced-reciprocity", extras, "unique", monotone, id=name)
    if base == "corollary4" and axiom:
        return Claim(None, ("R3", "R5", "F5") + extras, axiom, monotone, opt.relaxed, id=name)
    raise ValueError(f"unknown claim {claim!r}; choose one of {', '.join(claim_names())}")


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
    """The :class:`Problem` for a claim name at n players (through :func:`named_claim` and the one compiler).

    >>> p = build_problem("theorem1", 2)
    >>> p.claim, len(p.hypotheses)
    ('theorem1', 16)
    """
    return build_generic(named_claim(claim, opt), n, integer=integer, encoding=opt.encoding,
                         grand_only=opt.grand_only or None, first_player_only=opt.first_player_only or None)
