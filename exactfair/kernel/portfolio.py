"""Where the fair-set analysis asks SMT solvers: a z3 portfolio and cvc5's second opinion.

:func:`decide` tries several z3 strategies within one budget — nlsat with a fixed variable order
(fast on the bilinear and trilinear problems of bargaining), then z3's default solver, then nlsat
with its own ordering — and returns the first definite answer.  :func:`confirm` hands the same
problems, as SMT-LIB, to cvc5 in a killable child process (:mod:`exactfair.kernel.isolated`) and
returns the second-solver record every solver-backed verdict carries; a contradiction between the
two solvers raises :class:`~exactfair.kernel.verdicts.InternalCheckError`.  :func:`solver_proved` turns z3's
"unsat" into a verdict: plain "proved" only when cvc5 confirmed it, else "proved (z3 only)".

>>> import z3
>>> x = z3.Real("x")
>>> a = decide([x * x < 2, x > 1, x * x * x > 2])
>>> a.status, a.strategy
('sat', 'nlsat')
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Sequence

import sympy
import z3

from .verdicts import InternalCheckError, Verdict, combine_agreements

__all__ = ["Answer", "decide", "confirm", "combine", "solver_proved", "is_proved", "z3_vars", "agreement_text",
           "smtlib", "BUDGET", "SECOND_OPINION"]

#: Default seconds for one question to z3 (split over the strategies).
BUDGET = 20.0
#: Default seconds cvc5 gets to confirm one answer (it is killed after that; the verdict then says so).
SECOND_OPINION = 5.0


@dataclass
class Answer:
    """z3's answer to one question: ``sat``/``unsat``/``unknown``, the model, the strategy and the SMT-LIB text.

    >>> Answer("unsat", strategy="nlsat").status
    'unsat'
    """

    status: str
    model: Any = None
    strategy: str = ""
    seconds: float = 0.0
    reason: str = ""
    smtlib: str = field(default="", repr=False)


def z3_vars(symbols) -> dict:
    """A z3 real variable for each sympy symbol (by name).

    >>> z3_vars([sympy.Symbol("p")])
    {p: p}
    """
    return {s: z3.Real(f"{s.name}!{s.dummy_index}" if isinstance(s, sympy.Dummy) else s.name) for s in symbols}


def _strategies(quantified: bool):
    if quantified:
        return [("z3", lambda: z3.Solver()), ("nlqsat", lambda: z3.Tactic("nlqsat").solver())]
    return [("nlsat", lambda: z3.With(z3.Tactic("qfnra-nlsat"), reorder=False).solver()),
            ("z3", lambda: z3.Solver()),
            ("nlsat-reordered", lambda: z3.Tactic("qfnra-nlsat").solver())]


def _has_quantifier(assertions) -> bool:
    seen = set()
    stack = list(assertions)
    while stack:
        e = stack.pop()
        if e.get_id() in seen:
            continue
        seen.add(e.get_id())
        if z3.is_quantifier(e):
            return True
        stack.extend(e.children())
    return False


def smtlib(assertions: Sequence) -> str:
    """The SMT-LIB script of the assertions (ending in ``(check-sat)``).

    >>> smtlib([z3.Real("x") > 1]).strip().splitlines()[-1]
    '(check-sat)'
    """
    s = z3.Solver()
    s.add(list(assertions))
    return s.to_smt2()


def decide(assertions: Sequence, budget: float = BUDGET) -> Answer:
    """Satisfiability of the conjunction of z3 ``assertions``, trying strategies in turn within ``budget`` s.

    The strategies take turns with growing time slices (0.25 s each, then 1 s, 4 s, …), so a question
    that one strategy answers at once never waits for another strategy to time out.

    >>> x = z3.Real("x")
    >>> decide([x * x == 2, x > 2]).status
    'unsat'
    """
    start = time.perf_counter()
    assertions = list(assertions)
    strategies = _strategies(_has_quantifier(assertions))
    reasons: dict = {}
    slot = 0.25
    while True:
        for name, make in strategies:
            left = budget - (time.perf_counter() - start)
            if left <= 0.02:
                why = "; ".join(f"{k}: {v}" for k, v in reasons.items()) or "no time left"
                return Answer("unknown", None, "", time.perf_counter() - start, why, smtlib=smtlib(assertions))
            solver = make()
            solver.set("timeout", max(1, int(min(slot, left) * 1000)))
            solver.add(assertions)
            try:
                answer = solver.check()
            except z3.Z3Exception as exc:               # a strategy that cannot take the problem
                reasons[name] = str(exc)
                continue
            if answer == z3.sat:
                return Answer("sat", solver.model(), name, time.perf_counter() - start, smtlib=smtlib(assertions))
            if answer == z3.unsat:
                return Answer("unsat", None, name, time.perf_counter() - start, smtlib=smtlib(assertions))
            reasons[name] = solver.reason_unknown()
        slot *= 4


def confirm(answers: Sequence[Answer], claim: str, timeout: float = SECOND_OPINION) -> dict:
    """cvc5's second opinion on z3's definite answers; the record a verdict stores as ``second_solver``.

    ``{"solver": "cvc5", "agrees": True, "checked": k}`` when cvc5 gave the same answer to all k
    problems; otherwise ``"agrees": None`` with ``"checked"`` (how many it confirmed), ``"of"`` and
    ``"answer"`` (``"unknown"``, or ``"unavailable"`` without cvc5).  Raises InternalCheckError
    when it contradicts z3.

    >>> x = z3.Real("x")
    >>> confirm([decide([x * x < 0])], "x² < 0 is impossible")
    {'solver': 'cvc5', 'agrees': True, 'checked': 1}
    """
    from .isolated import cvc5_answers
    from .solvers import cvc5_available
    definite = [a for a in answers if a.status in ("sat", "unsat")]
    if not cvc5_available():
        return {"solver": "cvc5", "agrees": None, "checked": 0, "of": len(definite), "answer": "unavailable",
                "why": "not installed (pip install cvc5)"}
    replies = cvc5_answers([a.smtlib for a in definite], timeout=timeout)
    for a, reply in zip(definite, replies):
        if reply in ("sat", "unsat") and reply != a.status:
            raise InternalCheckError(f"{claim}: z3 says {a.status} but cvc5 says {reply} on the same SMT-LIB problem")
    return combine([{"solver": "cvc5", "agrees": True} if reply in ("sat", "unsat")
                    else {"solver": "cvc5", "agrees": None, "checked": 0, "of": 1, "answer": "unknown"}
                    for reply in replies])


def combine(records: Sequence[dict | None]) -> dict:
    """One second-solver record for the solver answers behind one verdict
    (:func:`exactfair.kernel.verdicts.combine_agreements`; no record at all reads as an exact argument).

    >>> combine([{"solver": "cvc5", "agrees": True, "checked": 2}, {"applicable": False, "why": "exact"}])
    {'solver': 'cvc5', 'agrees': True, 'checked': 2}
    """
    return combine_agreements(list(records)) or {"applicable": False, "why": "exact argument (no solver call)"}


def solver_proved(claim: str, scope: str, n: int | None, seconds: float = 0.0, details: tuple = (), *,
                  second_solver: dict) -> Verdict:
    """The verdict of something z3 proved: plain "proved" only when cvc5 confirmed it (or no solver was needed)
    — :func:`exactfair.kernel.verdicts.solver_proved`.

    >>> solver_proved("c", "R", 2, second_solver={"solver": "cvc5", "agrees": True, "checked": 1}).verdict
    'proved'
    >>> solver_proved("c", "R", 2, second_solver={"solver": "cvc5", "agrees": None, "answer": "unknown"}).verdict
    'proved (z3 only)'
    """
    from .verdicts import solver_proved as proved
    return proved(claim, scope, n, seconds, details, second_solver=second_solver)


def is_proved(verdict: Verdict) -> bool:
    """Proved, by both solvers or by z3 alone.

    >>> from exactfair.kernel.verdicts import Proved, ProvedOneSolver, exact
    >>> is_proved(Proved("c", "R", 2, second_solver=exact("by hand"))), is_proved(ProvedOneSolver("c", "R", 2))
    (True, True)
    """
    return verdict.verdict in ("proved", "proved (z3 only)")


def agreement_text(record: dict | None) -> str:
    """How a verdict's second-solver record reads in a report.

    >>> agreement_text({"solver": "cvc5", "agrees": True, "checked": 2})
    'z3, confirmed by cvc5'
    >>> agreement_text({"solver": "cvc5", "agrees": None, "checked": 1, "of": 2, "answer": "unknown"})
    'z3 only: cvc5 could not confirm 1 of 2 problem(s) (cvc5: unknown)'
    """
    if not record:
        return "z3 only: cvc5 was not run"
    if record.get("applicable") is False and "solver" not in record:
        return "exact"
    if record.get("agrees") is True:
        return "z3, confirmed by cvc5"
    total = record.get("of", record.get("checked", 1))
    missing = total - record.get("checked", 0)
    why = record.get("why") or record.get("answer", "not run")
    return f"z3 only: cvc5 could not confirm {missing} of {total} problem(s) (cvc5: {why})"
