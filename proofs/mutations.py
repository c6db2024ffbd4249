"""Mutation testing of the prover: semantic mutants injected through the code's own seams.

Each mutant replaces one definition the verdicts rest on (an axiom's conclusion builder, a line of
Algorithm 1's relation, a game class, a lemma's induction hypothesis, the second solver) by a wrong
one, with ``unittest.mock.patch`` — no text edits — and runs the claim that definition supports.
A mutant is *killed* when the claim moves away from "proved" (refuted, vacuous, unknown, or an
internal error raised by the exact re-check or the solver cross-check).  The score is written to
``proofs/records/mutations.json`` and shown in ``proofs/REPORT.md``.

Run: ``python -m proofs.mutations`` (about a minute).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import time
from pathlib import Path
from typing import Callable, Iterator
from unittest import mock

from exactfair import axioms
from exactfair.axioms import logic, relations
from exactfair.axioms.logic import conj, eq, ge, gt, le, reward, value
from exactfair.axioms.relations import algorithm1_step as _REAL_STEP
from exactfair.kernel.induction import induction_order as _REAL_ORDER
from exactfair.kernel.solvers import cvc5_answer as _REAL_CVC5
from exactfair.kernel.verdicts import InternalCheckError

RECORD = Path(__file__).parent / "records" / "mutations.json"


@contextlib.contextmanager
def _fresh() -> Iterator[None]:
    """Axiom instances are cached per n: clear the cache around a mutant."""
    axioms._instances.cache_clear()
    try:
        yield
    finally:
        axioms._instances.cache_clear()


@contextlib.contextmanager
def _patch(target: object, name: str, replacement: object) -> Iterator[None]:
    with _fresh(), mock.patch.object(target, name, replacement):
        yield


@contextlib.contextmanager
def _replace_axiom(name: str, builder: Callable) -> Iterator[None]:
    """Register a mutated copy of a built-in axiom under its name (the claim compiler resolves names there)."""
    from exactfair.axioms.registry import AXIOM_REGISTRY
    original = AXIOM_REGISTRY[name]
    mutated = dataclasses.replace(original, _builder=builder)
    with _fresh(), mock.patch.dict(AXIOM_REGISTRY._items, {name: mutated}):
        yield


def _bounded(claim: str, n: int) -> Callable[[], str]:
    def run() -> str:
        from exactfair.smt.prover import prove_claim
        return prove_claim(claim, n, timeout=60).verdict
    return run


def _all_n(claim: str) -> Callable[[], str]:
    def run() -> str:
        from exactfair.claims.engine import all_n_verdict
        v, _ = all_n_verdict(claim)
        return v.verdict
    return run


def _user_claim(build: Callable) -> Callable[[], str]:
    def run() -> str:
        from exactfair import prove
        return prove(build(), 3).verdict
    return run


def _user_all_n(build: Callable) -> Callable[[], str]:
    def run() -> str:
        from exactfair import all_n
        return all_n(build()).verdict
    return run


def _internal_error(outcome: str) -> bool:
    """For a mutant that would produce a *wrong refutation*: killed only when the verdict is an internal error."""
    return outcome.startswith("internal error")


# ---------------------------------------------------------------------------- the mutants
def _option(c, j, k, game=0, *, argmax=ge, sign=-1, second=lambda i, k: k, bonus=0, with_argmax=True):
    """Lines 12–20 with one piece changed: the argmax comparison, the sign of M_k^{C∖i} in line 20, the
    coalition of line 20's last term (C∖``second(i, k)``), v_C + ``bonus`` in line 18, or line 17 dropped."""
    ms = relations.members(c)
    v = lambda m: value(m, game)  # noqa: E731
    M = lambda i, m: reward(i, m, game)  # noqa: E731
    m = {i: (v(c) if i == j else v(c) - M(j, c & ~(1 << i)) + M(i, c & ~(1 << j))) for i in ms}
    row = [eq(M(k, c), v(c) + bonus)]
    row += [eq(M(i, c), v(c) + sign * M(k, c & ~(1 << i)) + M(i, c & ~(1 << second(i, k)))) for i in ms if i != k]
    return conj(([argmax(m[k], m[i]) for i in ms if i != k] if with_argmax else []) + row)


def _option_argmin(c, j, k, game=0):
    return _option(c, j, k, game, argmax=le)                            # argmin instead of argmax


def _option_line20_sign(c, j, k, game=0):
    return _option(c, j, k, game, sign=1)                               # line 20: + M_k^{C∖i}


def _option_off_by_one(c, j, k, game=0):
    return _option(c, j, k, game, second=lambda i, k: i)                # M_i^{C∖i} instead of M_i^{C∖k}


def _option_line18(c, j, k, game=0):
    return _option(c, j, k, game, bonus=-1)                             # line 18: v_C − 1


def _option_no_argmax(c, j, k, game=0):
    return _option(c, j, k, game, with_argmax=False)                    # line 17 dropped: any k


def _ih_f5_circular(F, players):
    import itertools
    return [F.one(axioms._f5_at(F.full, (F.i(a), F.i(b)))) for a, b in itertools.combinations(players, 2)]


def _f4_vacuous_reversed(n):
    for inst in axioms._f4(n):
        c = inst.coalition
        dead = conj([inst.hypothesis, gt(value(c), value(c))])            # a premise that never holds …
        yield dataclasses.replace(inst, hypothesis=dead, conclusion=le(reward(inst.players[0], c, 1),
                                                                        reward(inst.players[0], c, 0)))   # … and >


_DEAD_PREMISE = False


def _premise_axiom():
    """A user axiom "v_C ≤ v_C ⇒ M_i^C ≥ 0" (proved for Algorithm 1); the mutant makes the premise v_C < v_C,
    which can never hold, and reverses the conclusion: it must come out vacuous, never proved."""
    from exactfair import Claim, define_axiom
    if _DEAD_PREMISE:
        rule = lambda C, i: logic.Implies(logic.lt(value(C), value(C)), logic.lt(reward(i, C), 0))  # noqa: E731
    else:
        rule = lambda C, i: logic.Implies(logic.le(value(C), value(C)), logic.ge(reward(i, C), 0))  # noqa: E731
    return Claim("balanced-reciprocity", conclude=define_axiom("USER-premise", "a user axiom with a premise",
                                                               per_member=rule, register=False))


def _flip_cvc5(smtlib, timeout=60.0):
    answer = _REAL_CVC5(smtlib, timeout)
    return {"sat": "unsat", "unsat": "sat"}.get(answer, answer)


def _step_outsiders_zero(c, n, choose="any", game=0):
    ms = relations.members(c)
    real = _REAL_STEP(c, n, choose, game)
    parts = real.parts if isinstance(real, logic.And) else (real,)
    zeros = [eq(reward(i, c, game), 0) for i in range(n) if len(ms) <= 1 or i not in ms]
    return conj(zeros + [p for p in parts if not (isinstance(p, logic.Compare) and p.op == "==")])


def _without(lemma: str, source: str):
    """The lemma with every hypothesis of one source removed (the step must then fail)."""
    from exactfair.smt import lemmas
    real = lemmas.LEMMAS[lemma]

    def build():
        out = []
        for case in real():
            keep = [(h, s) for h, s in zip(case.hypotheses, case.sources) if s != source]
            out.append(dataclasses.replace(case, hypotheses=tuple(h for h, _ in keep), sources=tuple(s for _, s in keep)))
        return out
    return build


def _circular_f1():
    """L-F1 assuming F1 at C itself (M_u^C = 0) as its induction hypothesis."""
    from exactfair.smt import lemmas
    real = lemmas.LEMMAS["L-F1"]

    def build():
        return [dataclasses.replace(case, hypotheses=case.hypotheses + (case.local.M("u") == 0,),
                                    sources=case.sources + ("ih",)) for case in real()]
    return build


def _option_index4(c, j, k, game=0):
    return _option(c, j, k, game, bonus=1 if k >= 4 else 0)          # line 18 gives v_C + 1 when k ≥ 4 only


def _strengthened_f4_ih():
    """L-F4 assuming strict F4 at C∖{k′} (M(v′)_i > M(v)_i) where the induction only supplies the weak form."""
    from exactfair.smt import lemmas
    real = lemmas.LEMMAS["L-F4"]

    def build():
        out = []
        for case in real():
            hyps = tuple((case.local.M("i", "k", tag="P") > case.local.M("i", "k")) if s == "ih" else h
                         for h, s in zip(case.hypotheses, case.sources))
            out.append(dataclasses.replace(case, hypotheses=hyps))
        return out
    return build


def _reversed_f1_monotonicity():
    """L-F1 with its monotonicity givens reversed (v_{C∖x} ≥ v_C instead of ≤)."""
    import z3
    from exactfair.smt import lemmas
    real = lemmas.LEMMAS["L-F1"]

    def build():
        out = []
        for case in real():
            hyps = tuple((h.arg(0) >= h.arg(1)) if s == "given" and h.decl().kind() == z3.Z3_OP_LE else h
                         for h, s in zip(case.hypotheses, case.sources))
            out.append(dataclasses.replace(case, hypotheses=hyps))
        return out
    return build


def _circular_lemmas():
    """L-F5 made to rest on L-R2 (which rests on L-F5): a circular argument."""
    from exactfair.smt import lemmas
    real = lemmas.LEMMAS["L-F5"]

    def build():
        return [dataclasses.replace(c, hypotheses=c.hypotheses + (c.hypotheses[0],), sources=c.sources + ("lemma:L-R2",))
                for c in real()]
    return build


@contextlib.contextmanager
def _no_cycle_check() -> Iterator[None]:
    """induction_order without its cycle check, on an argument that is circular."""
    from exactfair.kernel import induction
    from exactfair.smt import lemmas

    def order(names, builders=None):
        problems, _ = _REAL_ORDER(names, builders)
        return [p for p in problems if not p.startswith("circular")], list(names)
    with _fresh(), mock.patch.dict(lemmas.LEMMAS, {"L-F5": _circular_lemmas()}), \
            mock.patch.object(induction, "induction_order", order):
        yield


def _dead_case():
    """A case of L-R2 with contradictory hypotheses (it proves nothing)."""
    from exactfair.smt import lemmas
    real = lemmas.LEMMAS["L-R2"]

    def build():
        cases = real()
        first = cases[0]
        dead = dataclasses.replace(first, name=first.name + " (dead)",
                                   hypotheses=first.hypotheses + (first.local.v() > first.local.v(),),
                                   sources=first.sources + ("given",))
        return cases + [dead]
    return build


def _gt_as_ge():
    """The compiler maps > to ≥ (both solvers then read the same wrong text)."""
    from exactfair.kernel import compile as compile_module
    ops = dict(compile_module._Z3_OPS)
    ops[">"] = lambda a, b: a >= b
    return _dict_patch(compile_module._Z3_OPS, ops)


@contextlib.contextmanager
def _recheck_off() -> Iterator[None]:
    """The decoder's exact re-check rubber-stamps every witness, and R2 is encoded flipped (M_i^C ≥ v_C):
    the solver's 'counterexample' must still be caught (by the verdict's own re-check), not reported."""
    from exactfair.axioms.check import AxiomResult, Violation
    from exactfair.smt import problem

    def stamp(axiom, table, **kwargs):
        name = axiom if isinstance(axiom, str) else axiom.name
        return AxiomResult(name, False, (Violation(name, (), (), ()),), 1, violation_count=1)
    with _patch(axioms, "_r2_at", lambda c, p: ge(reward(p[0], c), value(c))), \
            mock.patch.object(problem, "check_axiom", stamp):
        yield


def _probe_blind():
    """Generic evaluation that does not notice a comparison of a player with a number (i < 4 is True)."""
    from exactfair.kernel import generic
    return mock.patch.object(generic.Player, "__lt__", lambda self, other: True, create=True)


def _index_rule_claim():
    from exactfair import Claim, define_mechanism
    rule = define_mechanism("index-rule", per_member=lambda C, i: value(C) if i < 4 else 2 * value(C), register=False)
    return Claim(rule, conclude="R2")


def _fake_cvc5_none(*args, **kwargs):
    return None


MUTANTS: list[tuple[str, str, Callable, Callable[[], str]]] = [
    ("R2 flipped (M_i^C ≥ v_C)", "theorem2.R2, n = 3",
     lambda: _patch(axioms, "_r2_at", lambda c, p: ge(reward(p[0], c), value(c))), _bounded("theorem2.R2", 3)),
    ("R1 flipped (M_i^C ≤ 0)", "theorem2.R1, n = 2",
     lambda: _patch(axioms, "_r1_at", lambda c, p: le(reward(p[0], c), 0)), _bounded("theorem2.R1", 2)),
    ("R3 with ∧ for ∃", "theorem2.R3, n = 2",
     lambda: _patch(axioms, "_r3_at", lambda c, p: conj(eq(reward(i, c), value(c)) for i in p)),
     _bounded("theorem2.R3", 2)),
    ("R5: outsiders get 0", "theorem2.R5, n = 2",
     lambda: _patch(axioms, "_r5_at", lambda c, p: eq(reward(p[0], c), 0)), _bounded("theorem2.R5", 2)),
    ("F5 with a sign flipped", "theorem2.F5, n = 3",
     lambda: _patch(axioms, "_f5_at", lambda c, p: eq(reward(p[0], c) - reward(p[0], c & ~(1 << p[1])),
                                                    reward(p[1], c & ~(1 << p[0])) - reward(p[1], c))),
     _bounded("theorem2.F5", 3)),
    ("F1: the useless player gets 1", "theorem2.F1, n = 2",
     lambda: _patch(axioms, "_f1_at", lambda c, p: eq(reward(p[0], c), 1) if len(p) == 1 else
                    eq(reward(p[1], c), reward(p[1], c | 1 << p[0]))), _bounded("theorem2.F1", 2)),
    ("F2: symmetric players differ by 1", "theorem2.F2, n = 2",
     lambda: _patch(axioms, "_f2_at", lambda c, p: eq(reward(p[0], c), reward(p[1], c) + 1)),
     _bounded("theorem2.F2", 2)),
    ("argmin for argmax (line 17)", "theorem2.R2, n = 3",
     lambda: _patch(relations, "algorithm1_option", _option_argmin), _bounded("theorem2.R2", 3)),
    ("argmin for argmax, in the lemma", "theorem2.R2, all n",
     lambda: _patch(relations, "algorithm1_option", _option_argmin), _all_n("theorem2.R2")),
    ("wrong sign in line 20", "theorem2.F5, n = 3",
     lambda: _patch(relations, "algorithm1_option", _option_line20_sign), _bounded("theorem2.F5", 3)),
    ("off-by-one coalition in line 20 (C∖i for C∖k)", "theorem2.F5, n = 3",
     lambda: _patch(relations, "algorithm1_option", _option_off_by_one), _bounded("theorem2.F5", 3)),
    ("line 18 gives v_C − 1", "theorem2.R3, n = 2",
     lambda: _patch(relations, "algorithm1_option", _option_line18), _bounded("theorem2.R3", 2)),
    ("line 17 dropped, in the R2 lemma", "theorem2.R2, all n",
     lambda: _patch(relations, "algorithm1_option", _option_no_argmax), _all_n("theorem2.R2")),
    ("monotonicity dropped from the game class", "theorem2.R1, n = 2",
     lambda: _fresh_class("monotone", lambda n, game=0: logic.TRUE), _bounded("theorem2.R1", 2)),
    ("F4: unsatisfiable premise and reversed conclusion", "theorem2.F4, n = 3",
     lambda: _replace_axiom("F4", _f4_vacuous_reversed), _bounded("theorem2.F4", 3)),
    ("a user axiom whose premise can never hold", "Claim(balanced-reciprocity ⊨ USER-premise), n = 3",
     lambda: _patch(__import__("proofs.mutations", fromlist=["x"]), "_DEAD_PREMISE", True),
     _user_claim(_premise_axiom)),
    ("circular induction hypothesis (F5 at C, not C∖x)", "theorem2.F5, all n",
     lambda: _patch_lemmas("_ih_f5", _ih_f5_circular), _all_n("theorem2.F5")),
    ("R2 dropped from the uniqueness lemma", "theorem1+R2, all n",
     lambda: _patch_lemma_table("L-U+R2", lambda: __import__("exactfair.smt.lemmas", fromlist=["x"]).lemma_uniqueness(())),
     _all_n("theorem1+R2")),
    ("line 18 gives v_C − 1, in the R3 lemma", "theorem2.R3, all n",
     lambda: _patch(relations, "algorithm1_option", _option_line18), _all_n("theorem2.R3")),
    ("outsiders get 0 (line 10), in the R5 lemma", "theorem2.R5, all n",
     lambda: _patch(relations, "algorithm1_step", _step_outsiders_zero), _all_n("theorem2.R5")),
    ("F1 step without its induction hypothesis", "theorem2.F1, all n",
     lambda: _patch_lemma_table("L-F1", _without("L-F1", "ih")), _all_n("theorem2.F1")),
    ("F1 step assuming F1 at C (circular)", "theorem2.F1, all n",
     lambda: _patch_lemma_table("L-F1", _circular_f1()), _all_n("theorem2.F1")),
    ("F4 step without uniqueness (no agreement below C∖i)", "theorem2.F4, all n",
     lambda: _patch_lemma_table("L-F4", _without("L-F4", "lemma:L-U+R2")), _all_n("theorem2.F4")),
    ("the second solver contradicts z3", "theorem2.F5, n = 2",
     lambda: _patch(__import__("exactfair.kernel.solvers", fromlist=["x"]), "cvc5_answer", _flip_cvc5),
     _bounded("theorem2.F5", 2)),
    # issue 19: escapes that earlier verdicts did not catch, each now caught by the verdict itself
    ("cvc5 skipped inside the lemma prover", "theorem2.F5, all n",
     lambda: _patch(__import__("exactfair.kernel.solvers", fromlist=["x"]), "cross_check", _fake_cvc5_none),
     _all_n("theorem2.F5")),
    ("cvc5 not installed", "theorem2.R2, n = 3",
     lambda: _patch(__import__("exactfair.kernel.solvers", fromlist=["x"]), "cvc5_available", lambda: False),
     _bounded("theorem2.R2", 3)),
    ("cycle check of induction_order switched off (circular L-F5 ↔ L-R2)", "theorem2.R2, all n",
     _no_cycle_check, _all_n("theorem2.R2")),
    ("L-F4's induction hypothesis strengthened (strict F4 at C∖k′)", "theorem2.F4, all n",
     lambda: _patch_lemma_table("L-F4", _strengthened_f4_ih()), _all_n("theorem2.F4")),
    ("L-F1's monotonicity givens reversed", "theorem2.F1, all n",
     lambda: _patch_lemma_table("L-F1", _reversed_f1_monotonicity()), _all_n("theorem2.F1")),
    ("relation misbehaves only for players of index ≥ 4 (R2)", "theorem2.R2, all n",
     lambda: _patch(relations, "algorithm1_option", _option_index4), _all_n("theorem2.R2")),
    ("relation misbehaves only for players of index ≥ 4 (R3)", "theorem2.R3, all n",
     lambda: _patch(relations, "algorithm1_option", _option_index4), _all_n("theorem2.R3")),
    ("a lemma case with contradictory hypotheses (dead case)", "theorem2.R2, all n",
     lambda: _patch_lemma_table("L-R2", _dead_case()), _all_n("theorem2.R2")),
    ("exact re-check of refutation witnesses switched off (R2 encoded flipped)", "theorem2.R2, n = 3",
     _recheck_off, _bounded("theorem2.R2", 3), _internal_error),
    ("> compiled as ≥", "theorem2.F5, n = 3", _gt_as_ge, _bounded("theorem2.F5", 3)),
    ("> compiled as ≥ (F3 at n = 4, which is false)", "theorem2.F3, n = 4", _gt_as_ge,
     _bounded("theorem2.F3", 4), _internal_error, "refuted"),
    ("generic evaluation blind to i < 4", "Claim(index-rule ⊨ R2), all n", _probe_blind,
     _user_all_n(_index_rule_claim), lambda outcome: outcome != "proved", "unknown"),
]


def _fresh_class(name: str, builder: Callable):
    return _dict_patch(axioms.GAME_CLASSES, {name: builder})


@contextlib.contextmanager
def _dict_patch(target: dict, values: dict) -> Iterator[None]:
    with _fresh(), mock.patch.dict(target, values):
        yield


def _patch_lemmas(name: str, replacement: Callable):
    from exactfair.smt import lemmas
    return _patch(lemmas, name, replacement)


def _patch_lemma_table(name: str, builder: Callable):
    from exactfair.smt import lemmas
    return _dict_patch(lemmas.LEMMAS, {name: builder})


def run_mutant(name: str, claim: str, inject: Callable, run: Callable[[], str],
               killed: Callable[[str], bool] = lambda outcome: outcome != "proved", baseline: str = "proved") -> dict:
    """Run one mutant; ``killed`` when the claim is no longer plainly proved (or, for a mutant that would make a
    wrong refutation, when the verdict is an internal error)."""
    start = time.perf_counter()
    with inject():
        try:
            outcome = run()
        except InternalCheckError as exc:
            outcome = f"internal error ({str(exc)[:80]})"
    return {"mutant": name, "claim": claim, "outcome": outcome, "killed": killed(outcome),
            "seconds": round(time.perf_counter() - start, 2)}


def run_all(write: bool = True) -> dict:
    """Every mutant; the record holds each outcome and the score."""
    results = [run_mutant(*m) for m in MUTANTS]
    killed = sum(r["killed"] for r in results)
    record = {"mutants": results, "killed": killed, "total": len(results),
              "score": f"{killed}/{len(results)}"}
    if write:
        RECORD.parent.mkdir(exist_ok=True)
        RECORD.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    return record


def main() -> int:
    import sys

    from exactfair.core.progress import Progress
    with Progress("mutation analysis: running the mutants", enabled="--quiet" not in sys.argv, tty=False):
        record = run_all()
    for r in record["mutants"]:
        print(f"{'killed' if r['killed'] else 'SURVIVED':8}  {r['mutant']:52}  {r['claim']:28}  {r['outcome']}")
    print(f"mutation score {record['score']}")
    return 0 if record["killed"] == record["total"] else 1


if __name__ == "__main__":
    from proofs import mutations          # the mutants patch this module by name, not __main__
    raise SystemExit(mutations.main())
