"""Deciding a :class:`~exactfair.kernel.problem.Problem` with z3, every answer re-checked by cvc5.

:func:`solve` first checks that background and hypotheses are satisfiable (a vacuous claim is reported as
:class:`~exactfair.kernel.verdicts.Vacuous`), then looks for a model of hypotheses ∧ ¬conclusion: unsat →
proved for that n (with an unsat core on request); sat → the model decoded, exactly re-verified,
optionally shrunk, :class:`~exactfair.kernel.verdicts.Refuted`; unknown → Unknown with the SMT-LIB text.
"""

from __future__ import annotations

import time
from pathlib import Path

import z3

from .verdicts import Refuted, Unknown, Vacuous, Verdict, Witness, solver_proved
from .problem import Options, Problem

__all__ = ["solve"]

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


def _shrink(problem: Problem, timeout: float) -> Witness | None:
    """Re-solve with non-negative integer game values and minimise their sum, then the values one by one in
    bitmask order (lexicographically): the shrunk game is then the same whatever the solver did before (the
    same claim gives the same witness from run to run)."""
    if problem.rebuild is None:
        return None
    problem = problem.rebuild(True)
    o = z3.Optimize()
    o.set("timeout", max(1, int(timeout * 1000)))
    o.set(priority="lex")
    o.add(problem.background)
    o.add([f for _, f in problem.hypotheses])
    o.add(z3.Not(problem.conclusion))
    values = []
    for g in problem.games:
        o.add(g.nonnegative())
        values += g.values[1:]
    o.minimize(z3.Sum(values) if values else z3.IntVal(0))
    for value in values:
        o.minimize(value)
    if o.check() != z3.sat:
        return None
    return problem.decode(o.model())


def _live_premises(problem: Problem, s: z3.Solver, timeout: float) -> tuple[int, int, list[str], int]:
    """(live, total, dead instance names, undecided) for the conclusion's conditional instances.

    A premise is live when it is satisfiable together with the background and the hypotheses; the
    model of the hypotheses settles most at once, the rest get one solver call each (shared premises
    are decided once)."""
    if not problem.premises:
        return 0, 0, [], 0
    model = s.model()
    decided: dict = {}
    live, dead, undecided = 0, [], 0
    for name, premise in problem.premises:
        key = premise.hash()
        if key not in decided:
            if z3.is_true(model.eval(premise, model_completion=True)):
                decided[key] = "live"
            else:
                s.push()
                s.set("timeout", max(1, int(min(timeout, 30.0) * 1000)))
                s.add(premise)
                answer = s.check()
                s.pop()
                decided[key] = "live" if answer == z3.sat else "dead" if answer == z3.unsat else "undecided"
        status = decided[key]
        if status == "live":
            live += 1
        elif status == "dead":
            dead.append(name)
        else:
            undecided += 1
    return live, len(problem.premises), dead, undecided


def _second(problem: Problem, pending, z3_answer: str) -> dict | None:
    """cvc5's record for z3's answer (InternalCheckError when they contradict)."""
    from .solvers import agreement
    if pending is None:
        return None
    answer, seconds = pending.result()
    return agreement(problem.claim, answer, z3_answer, seconds)


def solve(problem: Problem, *, timeout: float = 60.0, explain: bool = False, shrink: bool = True,
          opt: Options = Options(), smtlib_dir: Path | None = None, second_solver: bool = True) -> Verdict:
    """Decide one problem: Vacuous, Proved, Refuted (exactly re-verified) or Unknown.

    Before the conclusion is tried, the hypotheses must be satisfiable (else Vacuous), and so must the
    premise of at least one conditional instance of the conclusion (else Vacuous: "proved" would only
    say that no premise ever holds); the verdict records ``live_premises`` ("live/total").  Proved and
    refuted answers are re-checked by cvc5 from the same SMT-LIB text (``second_solver``); a
    disagreement raises InternalCheckError.

    >>> from exactfair.smt.problem import build_problem
    >>> solve(build_problem("theorem2.F5", 3)).verdict
    'proved'
    >>> solve(build_problem("theorem1", 2, Options(extra_axioms=("R3-literal",)))).verdict
    'vacuous'
    """
    from .solvers import cvc5_async
    start = time.perf_counter()
    scope = f"n = {problem.n}"
    # cvc5 starts on the same problem now (a child process for large problems) while z3 works on it
    pending = cvc5_async(_smtlib(problem), timeout) if second_solver else None
    s = _solver(timeout)
    s.add(problem.background)
    s.add([f for _, f in problem.hypotheses])
    sat_hyp = s.check()
    if sat_hyp != z3.sat and pending is not None:
        pending.cancel()
    if sat_hyp == z3.unsat:
        from .solvers import cross_check
        second = cross_check(problem.claim + " (hypotheses)", _smtlib(problem, negated=False), "unsat", timeout) \
            if second_solver else None
        return Vacuous(problem.claim, scope, problem.n, time.perf_counter() - start,
                       reason="the hypotheses are unsatisfiable; a proof would be vacuous", second_solver=second)
    if sat_hyp == z3.unknown:
        text = _smtlib(problem, negated=False)
        return Unknown(problem.claim, scope, problem.n, time.perf_counter() - start,
                       reason=f"satisfiability of the hypotheses undecided: {s.reason_unknown()}",
                       smtlib=text, smtlib_path=_save_smtlib(text, problem.claim, problem.n, smtlib_dir))
    live, total, dead, undecided = _live_premises(problem, s, timeout)
    live_text = f"{live}/{total}" if total else None
    notes = (problem.notes,)
    if dead:
        notes += (f"{len(dead)} conditional instance(s) have an unsatisfiable premise, e.g. {dead[0]}",)
    if total and live == 0 and not undecided:
        if pending is not None:
            pending.cancel()
        return Vacuous(problem.claim, scope, problem.n, time.perf_counter() - start, notes,
                       reason=f"every one of the {total} conditional instances of the conclusion has an "
                              f"unsatisfiable premise (e.g. {dead[0]}): a proof would be vacuous",
                       live_premises=live_text)
    remaining = max(1.0, timeout - (time.perf_counter() - start))
    s.set("timeout", int(remaining * 1000))
    s.add(z3.Not(problem.conclusion))
    answer = s.check()
    if answer == z3.unsat:
        core = _core(problem, timeout) if explain else ()
        second = _second(problem, pending, "unsat")
        return solver_proved(problem.claim, scope, problem.n, time.perf_counter() - start, notes, core=core,
                             live_premises=live_text, second_solver=second)
    if answer == z3.sat:
        witness = problem.decode(s.model())
        second = _second(problem, pending, "sat")
        if shrink:
            smaller = _shrink(problem, timeout=min(timeout, 30.0))
            if smaller is not None:
                witness = smaller
        return Refuted(problem.claim, scope, problem.n, time.perf_counter() - start, notes, witness,
                       live_premises=live_text, second_solver=second)
    if pending is not None:
        pending.cancel()
    text = _smtlib(problem)
    return Unknown(problem.claim, scope, problem.n, time.perf_counter() - start,
                   reason=f"z3 returned unknown ({s.reason_unknown()}) within {timeout:g} s",
                   smtlib=text, smtlib_path=_save_smtlib(text, problem.claim, problem.n, smtlib_dir),
                   live_premises=live_text)
