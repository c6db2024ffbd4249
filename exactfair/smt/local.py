"""All n for your own claims: lemmas read generically from your rule and your axiom.

Three routes, tried in this order (anything else is refused with the reason):

* **the paper's lemmas** — Algorithm 1 with a built-in axiom that has a lemma of its own (F1, F2, F4, …),
  uniqueness from R2, R3, R5, F5 (L-U+R2), and tables with R2, R3, R5, F5 (Corollary 4 + R2);
* **Algorithm 1 with any axiom that has a shape** (``define_axiom(per_member= | per_pair= |
  per_coalition=)``, R1–R5, F5): one case per way Algorithm 1's reference j and chosen k can coincide with
  the axiom's players; hypotheses: the row of the one relation at C (step), F5 and R2 of the run at C and
  C∖x (lemmas L-F5, L-R2; on monotone games also L-R1, L-R4), the game class on the named quantities, and
  the axiom itself at C∖x (the induction hypothesis, as L-R2 uses R2 below C);
* **an explicit rule** (``define_mechanism(per_member=...)``) **with an axiom that has a shape**: the rule's
  rows at C and at C∖x and the class give the axiom at C.

The rule and the axiom are called on symbolic players and a symbolic coalition
(:mod:`exactfair.kernel.generic`): any use of a concrete player index or coalition identity refuses the
route.  A lemma built this way goes through the same guards as the paper's (:func:`finish`): induction
checked, every case live, every instance at n = 3, 4 supplied by the whole-table encoding, the relation
treating all players alike at n = 5, 6, the bounded claim at n = 2..4 and exact falsification on random
games at n = 5, 6 not refuting it.

>>> from exactfair import Claim, define_mechanism, logic
>>> half = define_mechanism("half-doc", per_member=lambda C, i: logic.value(C) / 2, register=False)
>>> all_n(Claim(half, conclude="R2")).verdict, all_n(Claim("shapley", conclude="R2")).verdict
('proved', 'unknown')
"""

from __future__ import annotations

import itertools
import time
from typing import Any, Callable

import z3

from ..kernel.verdicts import InternalCheckError, Unknown, Verdict, solver_proved, summarize_guards
from ..kernel.generic import Frame, NotGeneric, atom_key
from .lemmas import LEMMAS, LemmaCase, Local, _Case, _Frame, _ih_f5, _patterns, _step

__all__ = ["all_n", "finish", "PAPER_ARGUMENTS", "paper_argument", "license_reference_player"]

#: Which lemmas prove a paper claim for all n, and the argument in words (see proofs/SOUNDNESS.md).
PAPER_ARGUMENTS: dict[str, tuple[list[str], str]] = {
    "theorem2.F5": (["L-F5"], "induction on |C| with lemma L-F5 (the paper's eqs. 23-32)"),
    "theorem2.R2": (["L-F5", "L-R2"], "induction on |C| with L-R2, using F5 below C (L-F5)"),
    "theorem2.R1": (["L-F5", "L-R2", "L-R1"], "induction on |C| with L-R1, using R2 (L-R2)"),
    "theorem2.R4": (["L-F5", "L-R2", "L-R4"], "induction on |C| with L-R4, using R2 (L-R2); outsiders by line 10"),
    "theorem2.F2": (["L-F5", "L-R2", "L-R3", "L-F2"], "induction on |C| with L-F2 (the paper's A.8), using F5, R2 "
                    "and R3 (L-F5, L-R2, L-R3)"),
    "theorem2.R3": (["L-R3"], "line 4 (|C| = 1) and line 18 (|C| ≥ 2) of the relation (L-R3)"),
    "theorem2.R5": (["L-R5"], "lines 2, 4 and 10 of the relation (L-R5)"),
    "theorem2.F1": (["L-F5", "L-R2", "L-R3", "L-F1"],
                    "induction on |C| with L-F1 (the paper's A.7; it needs v monotone), using F5, R2, R3 (L-F5, "
                    "L-R2, L-R3)"),
    "theorem2.F4": (["L-F5", "L-R2", "L-R3", "L-R5", "L-U+R2", "L-F4"],
                    "induction on |C| with L-F4 (both runs; M(v′)_i^C ≥ M(v)_i^C + v′_C − v_C), using uniqueness "
                    "with R2 (L-U+R2) for the agreement below C∖{i}"),
    "corollary3": (["L-F5", "L-R2", "L-R3", "L-R5", "L-U+R2"],
                   "every run satisfies R2, R3, R5, F5 (L-F5, L-R2, L-R3, L-R5) and such a table is unique (L-U+R2)"),
    "theorem1+R2": (["L-U+R2"], "induction on |C| with the uniqueness step L-U+R2"),
    **{f"corollary4.{x}+R2": (["L-F5", "L-R2", "L-R3", "L-R5", "L-U+R2"] + extra,
                              f"a table with R2, R3, R5, F5 is Algorithm 1's run (L-U+R2; the run has them: L-F5, "
                              f"L-R2, L-R3, L-R5), and the run satisfies {x} for all n ({', '.join(extra)})")
       for x, extra in (("R1", ["L-R1"]), ("R4", ["L-R4"]), ("F1", ["L-F1"]), ("F2", ["L-F2"]), ("F4", ["L-F4"]))},
    "theorem1": (["L-U"], "induction on |C| with the uniqueness step L-U"),
}

#: The paper's lemmas that need the game to be monotone (their steps use it).
_MONOTONE_LEMMAS = {"L-R1", "L-R4", "L-F1", "L-F4"}


def _builtin(name: str) -> Any:
    from ..axioms import AXIOMS_BY_NAME
    return AXIOMS_BY_NAME.get(name)


def _is_algorithm1(mech) -> bool:
    from ..axioms.registry import MECHANISM_REGISTRY
    return mech is not None and MECHANISM_REGISTRY.get("balanced-reciprocity") is mech


def paper_argument(claim) -> tuple[list[str], str] | None:
    """The paper's lemma list for a claim that is one of the paper's (or a repair of one), else None.

    >>> from exactfair import Claim
    >>> paper_argument(Claim("balanced-reciprocity", conclude="F1"))[0]
    ['L-F5', 'L-R2', 'L-R3', 'L-F1']
    >>> paper_argument(Claim(assume=("R2", "R3", "R5", "F5"), conclude="unique", games="any"))[0]
    ['L-U+R2']
    """
    from ..axioms.registry import get_mechanism
    concl = claim.axioms()
    builtin_concl = all(_builtin(a.name) is a for a in concl)
    assumed = claim.assumptions()
    monotone = "monotone" in claim.games

    def theorem2(start: list[str]) -> list[str] | None:
        """``start`` and the lemmas of Theorem 2 for every conclusion; None if one has none (or needs monotone
        games the claim does not restrict to)."""
        names = list(start)
        for a in concl:
            entry = PAPER_ARGUMENTS.get(f"theorem2.{a.name}")
            if entry is None:
                return None
            names += entry[0]
        names = list(dict.fromkeys(names))
        return None if not monotone and set(names) & _MONOTONE_LEMMAS else names
    if claim.mechanism is not None:
        if claim.assume or claim.conclude == "unique" or not builtin_concl or \
                not _is_algorithm1(get_mechanism(claim.mechanism)):
            return None
        names = theorem2([])
        return None if names is None else (names, "; ".join(PAPER_ARGUMENTS[f"theorem2.{a.name}"][1] for a in concl))
    if not all(_builtin(a.name) is a for a in assumed) or not {"R2", "R3", "R5", "F5"} <= {a.name for a in assumed}:
        return None
    if claim.conclude == "unique":
        return PAPER_ARGUMENTS["theorem1+R2"]
    names = theorem2(PAPER_ARGUMENTS["corollary3"][0]) if builtin_concl else None
    return None if names is None else (names, "a table with R2, R3, R5, F5 is Algorithm 1's run (L-U+R2), and the "
                                               "run satisfies " + ", ".join(a.name for a in concl))


# --------------------------------------------------------------------------- generic readings
def _formula(frame: Frame, L: Local, fn: Callable, *args: Any):
    """The z3 formula (over L's quantities) of ``fn(*args)`` called on the frame's symbolic objects."""
    from ..kernel.compile import compile_formula
    result = frame.call(fn, *args)
    if isinstance(result, bool):
        return z3.BoolVal(result)
    try:
        return compile_formula(result, lambda atom: L.quantity(atom_key(atom)))
    except TypeError as exc:
        raise NotGeneric(f"the rule returned {result!r}, not a formula of exactfair.axioms.logic ({exc})") from None


def _term(frame: Frame, L: Local, fn: Callable, *args: Any):
    from ..axioms.logic import Linear
    from ..kernel.compile import compile_linear
    result = frame.call(fn, *args)
    if not isinstance(result, Linear):
        try:
            result = Linear.of(result)
        except (TypeError, ValueError):
            raise NotGeneric(f"the rule returned {type(result).__name__}, not a linear term") from None
    return compile_linear(result, lambda atom: L.quantity(atom_key(atom)))


def _kind_targets(axiom) -> list[tuple[list[str], list[str]]]:
    """(members, outsiders) target groups for an axiom's shape (one lemma part each)."""
    kind = axiom.shape.kind
    return {"member": [(["i"], [])], "pair": [(["a", "b"], [])], "coalition": [([], [])],
            "outsider": [([], ["i"])], "player": [(["i"], []), ([], ["i"])]}[kind]


def _axiom_at(frame: Frame, L: Local, axiom, coalition, players: list[str]):
    kind = axiom.shape.kind
    fn = axiom.shape.function
    if kind == "coalition":
        return _formula(frame, L, fn, coalition, frame.members())
    if kind == "pair":
        return _formula(frame, L, fn, coalition, frame.player(players[0]), frame.player(players[1]))
    return _formula(frame, L, fn, coalition, frame.player(players[0]))


def _monotone_given(L: Local, formulas: list) -> list:
    """v_{C∖S} ≤ v_{C∖S'} (S' ⊆ S), v_p ≤ v_{C∖S} (p a member not in S), everything ≥ 0 — in every monotone game."""
    from ..kernel.compile import free_constants
    coalitions, singles = set(), set()
    for f in formulas:
        for e in free_constants(f):
            meta = L.meta.get(e.decl().name())
            if meta and meta[0] == "v":
                coalitions.add(meta[2])
            elif meta and meta[0] == "single":
                singles.add(meta[2])
    out = []
    for s in sorted(coalitions):
        out.append(L.v(*s) >= 0)
        for t in sorted(coalitions):
            if set(t) < set(s):
                out.append(L.v(*s) <= L.v(*t))
    return out, coalitions, singles


def _given(L: Local, formulas: list, members: list[str], monotone: bool) -> list:
    if not monotone:
        return []
    out, coalitions, singles = _monotone_given(L, formulas)
    for p in sorted(singles):
        out.append(L.single(p) >= 0)
        for s in sorted(coalitions):
            if p in members and p not in s:
                out.append(L.single(p) <= L.v(*s))
    return out


def _ih_pairs(frame: Frame, L: Local, axiom, names: list[str], targets: list[str]) -> list:
    """The axiom at C∖x for every named x and every placement of its players among the named left in C∖x."""
    out = []
    kind = axiom.shape.kind
    for x in names:
        rest = [p for p in names if p != x]
        where = frame.coalition({x})
        if kind == "member":
            out += [_axiom_at(frame, L, axiom, where, [p]) for p in rest]
        elif kind == "pair":
            for p, q in itertools.combinations(rest, 2):
                if [p, q] == targets[:2] or [q, p] == targets[:2]:
                    ordered = [p, q] if [p, q] == targets[:2] else [q, p]
                    out.append(_axiom_at(frame, L, axiom, where, ordered))
                else:       # which of p, q has the lower index is unknown: the IH gives one of the two orders
                    out.append(z3.Or(_axiom_at(frame, L, axiom, where, [p, q]),
                                     _axiom_at(frame, L, axiom, where, [q, p])))
        elif kind == "coalition":
            out.append(_axiom_at(frame, L, axiom, where, []))
    return out


def _algorithm1_cases(axiom, monotone: bool) -> list[LemmaCase]:
    """Algorithm 1 ⊨ axiom: one case per pattern of j, k against the axiom's players (and an outsider case)."""
    from ..axioms import _f5_at, _r1_at, _r2_at, _r4_at
    cases = []
    for members_, outsiders in _kind_targets(axiom):
        if outsiders:
            from .lemmas import _outsider_case
            L = Local()
            frame = Frame([], outsiders)
            concl = _axiom_at(frame, L, axiom, frame.coalition(), outsiders)
            case = _outsider_case(f"{axiom.name} for Algorithm 1 ({outsiders[0]} ∉ C)", outsiders[0],
                                  lambda F: concl, L)
            extra = _given(L, list(case.hypotheses) + [case.conclusion], [], monotone)
            cases.append(LemmaCase(case.name, case.hypotheses + tuple(extra), case.conclusion, L,
                                   case.sources + ("given",) * len(extra), members=(), outsiders=case.outsiders))
            continue
        for mapping, names in _patterns(members_, ["j", "k"]):
            L = Local()
            F = _Frame(L, names)
            frame = Frame(names)
            j, k = mapping["j"], mapping["k"]
            acc = _Case()
            acc.add(_step(F, j, k), "step")
            acc.add([F.one(_f5_at(F.full, (F.i(a), F.i(b)))) for a, b in itertools.combinations(names, 2)]
                    + _ih_f5(F, names), "lemma:L-F5")
            below = [(p, F.C(x), x) for x in names for p in names if p != x]
            acc.add([F.one(_r2_at(F.full, (F.i(p),))) for p in names]
                    + [F.one(_r2_at(c, (F.i(p),))) for p, c, _ in below], "lemma:L-R2")
            if monotone:
                acc.add([F.one(_r1_at(F.full, (F.i(p),))) for p in names]
                        + [F.one(_r1_at(c, (F.i(p),))) for p, c, _ in below], "lemma:L-R1")
                acc.add([F.one(_r4_at(F.full, (F.i(p),))) for p in names]
                        + [F.one(_r4_at(c, (F.i(p),))) for p, c, _ in below], "lemma:L-R4")
            ih = _ih_pairs(frame, L, axiom, names, members_)
            concl = _axiom_at(frame, L, axiom, frame.coalition(), members_)
            acc.add(_given(L, acc.hyps + ih + [concl], names, monotone), "given")
            acc.add(ih, "ih")
            cases.append(acc.case(f"{axiom.name} for Algorithm 1 (j={j}, k={k})", concl, L, option=(j, k, 0),
                                  **F.placement()))
    return cases


def _explicit_cases(mech, axiom, monotone: bool) -> list[LemmaCase]:
    """An explicit rule ⊨ axiom: the rule's rows at C and C∖x (and outsiders' v_o) give the axiom at C."""
    cases = []
    for members_, outsiders in _kind_targets(axiom):
        L = Local()
        frame = Frame(members_, outsiders)
        C = frame.coalition()
        acc = _Case()
        rows = [L.M(p) == _term(frame, L, mech.per_member, C, frame.player(p)) for p in members_]
        rows += [L.M(p, x) == _term(frame, L, mech.per_member, frame.coalition({x}), frame.player(p))
                 for x in members_ for p in members_ if p != x]
        rows += [L.M(o) == L.single(o) for o in outsiders]
        acc.add(rows, "step")
        concl = _axiom_at(frame, L, axiom, C, members_ or outsiders)
        acc.add(_given(L, acc.hyps + [concl], members_, monotone), "given")
        cases.append(acc.case(f"{axiom.name} for {mech.name}" + (f" ({outsiders[0]} ∉ C)" if outsiders else ""),
                              concl, L, members=tuple(members_), outsiders=tuple(outsiders)))
    return cases


def _user_spec(name: str, axiom, cases: list[LemmaCase], monotone: bool, mech=None):
    from ..kernel.instances import LemmaSpec, axiom_statement
    targets = ("a", "b") if axiom.shape.kind == "pair" else () if axiom.shape.kind == "coalition" else ("i",)
    step = None
    if mech is not None:
        from ..axioms.logic import conj

        def step(enc, c, mech=mech):
            return enc.compile(conj([mech.step(d, enc.n) for d in range(1 << enc.n) if d & c == d]))
    kwargs = {"step": step} if step is not None else {}
    return LemmaSpec(name, axiom_statement(axiom), targets, monotone=monotone, build=lambda: cases, **kwargs)


# --------------------------------------------------------------------------- the verdict
def all_n(claim, *, bounded: list | None = None) -> Verdict:
    """The claim for every n, or Unknown saying why not (never "proved" on bounded checks alone).

    ``bounded``: verdicts of the claim at n = 2..4 already computed (else they are computed here).
    """
    from ..axioms.registry import get_mechanism
    start = time.perf_counter()

    def unknown(reason: str) -> Unknown:
        return Unknown(claim.name, "all n", None, time.perf_counter() - start, reason=f"all n not established: {reason}")
    paper = paper_argument(claim)
    if paper is not None:
        names, argument = paper
        return finish(claim, names, argument, bounded=bounded)
    if claim.mechanism is None or claim.conclude == "unique" or claim.assume:
        return unknown("the all-n routes need Algorithm 1 or an explicit rule, no assumed axioms, and axioms to "
                       "conclude (or the paper's uniqueness and Corollary 4 forms)")
    mech = get_mechanism(claim.mechanism)
    algorithm1 = _is_algorithm1(mech)
    if not algorithm1 and not mech.explicit:
        return unknown(f"{mech.name} is an implicit mechanism other than Algorithm 1; only Algorithm 1's relation "
                       "has lemmas (L-F5, L-R2, …) to build on")
    monotone = "monotone" in claim.games
    specs, names = [], []
    for axiom in claim.axioms():
        if axiom.shape is None:
            return unknown(f"{axiom.name} has no per-instance shape (define it with per_member=, per_pair= or "
                           "per_coalition=)")
        if axiom.shape.hypothesis is not None:
            return unknown(f"{axiom.name} has a premise shared by all instances (hypothesis=), which depends on n")
        if axiom.games != 1:
            return unknown(f"{axiom.name} speaks of two games")
        try:
            cases = _algorithm1_cases(axiom, monotone) if algorithm1 else _explicit_cases(mech, axiom, monotone)
        except NotGeneric as exc:
            return unknown(f"not generic: {exc}")
        except Exception as exc:  # noqa: BLE001 — the user's function failed on symbolic arguments
            return unknown(f"{mech.name}'s rule or {axiom.name} could not be read generically "
                           f"({type(exc).__name__}: {exc})")
        name = f"L-{axiom.name} for {mech.name}"
        specs.append(_user_spec(name, axiom, cases, monotone, None if algorithm1 else mech))
        names.append(name)
    deps = ["L-F5", "L-R2"] + (["L-R1", "L-R4"] if monotone else []) if algorithm1 else []
    argument = (f"induction on |C|: {', '.join(names)} from "
                + ("Algorithm 1's relation at C with " + ", ".join(deps) + " and the axiom below C" if algorithm1
                   else f"{mech.name}'s rule at C and C∖x"))
    return finish(claim, deps + names, argument, user_specs=specs, bounded=bounded)


def finish(claim, names: list[str], argument: str, *, user_specs: list = (), bounded: list | None = None,
           bounded_ns: tuple[int, ...] = (2, 3, 4)) -> Verdict:
    """An all-n verdict from lemmas, after every guard (see the module docstring); Unknown when refused.

    Guards that can only fail when exactfair itself is wrong (a paper lemma's dead case or unsupplied
    instance, a cyclic order, a bounded refutation of a claim proved for all n) raise InternalCheckError.
    """
    from . import guards
    from ..kernel.argument import inductive_argument
    from ..kernel.instances import SPECS
    start = time.perf_counter()
    user = {s.name: s for s in user_specs}
    builders = {**LEMMAS, **{k: s.cases for k, s in user.items()}}

    def refused(reason: str) -> Unknown:
        return Unknown(claim.name, "all n", None, time.perf_counter() - start,
                       reason=f"all n not established: {reason}")
    specs = {name: user.get(name) or SPECS[name] for name in names}
    argument_ = inductive_argument(names, builders, specs, set(user), epoch=guards.code_epoch())
    if argument_.refuted is not None:
        return argument_.refuted
    if argument_.refusal is not None:
        return refused(argument_.refusal)
    order, lemmas = argument_.order, argument_.lemmas
    mech = None
    if claim.mechanism is not None:
        from ..axioms.registry import get_mechanism
        mech = get_mechanism(claim.mechanism)
    elif {"R2", "R3", "R5", "F5"} <= set(claim.assume):
        from ..axioms.registry import get_mechanism
        mech = get_mechanism("balanced-reciprocity")          # the only table with R2, R3, R5, F5 (L-U+R2)
    notes = [f"lemmas {', '.join(order)}; instances checked at n = 3, 4"]
    if mech is not None:
        for n in (5, 6):
            if not guards.equivariant(mech, n):
                if _is_algorithm1(mech):
                    raise InternalCheckError(f"{mech.name}'s relation does not treat all players alike at n = {n}")
                return refused(f"{mech.name}'s relation does not treat all players alike at n = {n}")
        notes.append("relation invariant under relabelling at n = 5, 6")
    if bounded_ns:
        from .decide import decide
        verdicts = [v for v in (bounded or []) if v.n in bounded_ns]
        done = {v.n for v in verdicts}
        if (max(bounded_ns) >= 4 and claim.conclude != "unique" and claim.mechanism is not None
                and _is_algorithm1(mech) and not {n for n in bounded_ns if n >= 4} <= done):
            license_reference_player()            # Corollary 3 for all n lets the encodings fix line 12's j
        verdicts += [decide(claim, n, shrink=False) for n in bounded_ns if n not in done]
        refuted = [v for v in verdicts if v.verdict == "refuted"]
        if refuted:
            raise InternalCheckError(f"{claim.name}: the lemmas prove it for all n, but it is refuted at n = "
                                     f"{refuted[0].n}: {refuted[0].witness.violation}")
        notes.append("not refuted at n = " + ", ".join(str(n) for n in sorted({v.n for v in verdicts})))
    if mech is not None and claim.conclude != "unique":
        probe = claim if claim.mechanism is not None else _as_mechanism_claim(claim, mech)
        for n in (5, 6):
            found = guards.falsify(probe, n)
            if found:
                raise InternalCheckError(f"{claim.name}: proved for all n, but the exact checker refutes it at "
                                         f"n = {n}: {found}")
        notes.append("exact falsification on random games at n = 5, 6 found nothing")
    live, second = summarize_guards(lemmas)
    return solver_proved(claim.name, "all n, by inductive step", None, time.perf_counter() - start,
                         (argument, "; ".join(notes)), live_premises=live, second_solver=second)


def license_reference_player() -> bool:
    """Prove Corollary 3 for all n on every game (runs of Algorithm 1 do not depend on line 12's j) with every
    guard, and record it so bounded encodings may fix j to the lowest member (:mod:`exactfair.smt.decide`).

    >>> license_reference_player()
    True
    """
    from ..axioms.claim import Claim
    from .decide import REFERENCE_LICENSE
    from .guards import code_epoch
    epoch = code_epoch()
    if epoch not in REFERENCE_LICENSE:
        REFERENCE_LICENSE[epoch] = None                    # while it is being proved, j stays free
        claim = Claim("balanced-reciprocity", conclude="unique", games="any", id="corollary3[any game]")
        names, argument = PAPER_ARGUMENTS["corollary3"]
        verdict = finish(claim, names, argument, bounded_ns=(2, 3))
        REFERENCE_LICENSE[epoch] = verdict.verdict == "proved"
    return REFERENCE_LICENSE[epoch] is True


def _as_mechanism_claim(claim, mech):
    from dataclasses import replace
    return replace(claim, mechanism=mech, id="")
