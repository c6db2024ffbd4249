"""A second SMT solver beside z3: cvc5 (its BSD Python package), fed the same problem as SMT-LIB.

Every bounded verdict is decided by z3 and then re-checked by cvc5 from the SMT-LIB text of the
same formulas (background, hypotheses and negated conclusion).  A disagreement — one solver says
sat, the other unsat — raises :class:`~exactfair.verdicts.InternalCheckError`: it is a bug, never a
verdict.  When cvc5 is not installed or gives up, the verdict records that instead of agreement.

>>> cvc5_answer("(declare-fun x () Real)(assert (> x 1))(assert (< x 0))(check-sat)")
'unsat'
"""

from __future__ import annotations

import contextlib

from ..verdicts import InternalCheckError

__all__ = ["cvc5_available", "cvc5_answer", "cross_check", "CheckedSolver", "recording", "summary"]


def cvc5_available() -> bool:
    """True when the cvc5 Python package can be imported.

    >>> isinstance(cvc5_available(), bool)
    True
    """
    try:
        import cvc5  # noqa: F401
    except ImportError:
        return False
    return True


def cvc5_answer(smtlib: str, timeout: float = 60.0) -> str:
    """``"sat"``, ``"unsat"`` or ``"unknown"`` for an SMT-LIB script ending in ``(check-sat)``."""
    import cvc5

    tm = cvc5.TermManager()
    solver = cvc5.Solver(tm)
    solver.setOption("tlimit-per", str(max(1, int(timeout * 1000))))
    sm = cvc5.SymbolManager(tm)
    parser = cvc5.InputParser(solver, sm)
    text = smtlib if "(set-logic" in smtlib else "(set-logic ALL)\n" + smtlib
    parser.setStringInput(cvc5.InputLanguage.SMT_LIB_2_6, text, "exactfair")
    answer = "unknown"
    try:
        while True:
            command = parser.nextCommand()
            if command.isNull():
                break
            out = command.invoke(solver, sm).strip()
            if out in ("sat", "unsat", "unknown"):
                answer = out
    except RuntimeError as exc:        # cvc5 could not read or run the problem: it did not confirm anything
        return f"error ({str(exc).splitlines()[0][:120]})"
    return answer


def cross_check(claim: str, smtlib: str, z3_answer: str, timeout: float) -> dict:
    """cvc5 on the same problem; raises InternalCheckError when it contradicts z3.

    Returns ``{"solver": "cvc5", "agrees": True}``, or ``{"solver": "cvc5", "agrees": None, "answer":
    "unknown", "seconds": s}`` when cvc5 gave up (a time-out included), or ``{"solver": "cvc5", "agrees":
    None, "answer": "unavailable", "why": ...}`` without cvc5 — the last two make a proof "z3 only".
    """
    import time
    if not cvc5_available():
        return {"solver": "cvc5", "agrees": None, "answer": "unavailable",
                "why": "not installed (pip install cvc5)"}
    start = time.perf_counter()
    answer = cvc5_answer(smtlib, timeout)
    if answer not in ("sat", "unsat"):
        return {"solver": "cvc5", "agrees": None, "answer": "unknown",
                "seconds": round(time.perf_counter() - start, 1)}
    if answer != z3_answer:
        raise InternalCheckError(f"{claim}: z3 says {z3_answer} but cvc5 says {answer} on the same SMT-LIB problem")
    return {"solver": "cvc5", "agrees": True}


_RECORDS: list[list] = []


class CheckedSolver:
    """A z3 solver whose every sat/unsat answer is re-checked by cvc5 while :func:`recording` is active.

    Used by checks that ask z3 directly (the fair-set analysis, a proof step): same guard as the claim
    compiler — a disagreement raises InternalCheckError; the agreements are collected for the verdict.

    >>> import z3
    >>> x = z3.Real("x")
    >>> with recording() as log:
    ...     s = CheckedSolver(5.0); s.add(x > 1, x < 0); answer = s.check()
    >>> answer, log
    (unsat, [{'solver': 'cvc5', 'agrees': True}])
    """

    def __init__(self, timeout: float = 60.0) -> None:
        import z3
        self._solver = z3.Solver()
        self._solver.set("timeout", max(1, int(timeout * 1000)))
        self._timeout = timeout

    def __getattr__(self, name: str):
        return getattr(self._solver, name)

    def check(self, *assumptions):
        import z3
        answer = self._solver.check(*assumptions)
        if _RECORDS and not assumptions and answer in (z3.sat, z3.unsat):
            _RECORDS[-1].append(cross_check("direct z3 check", self._solver.to_smt2(), str(answer), self._timeout))
        return answer


@contextlib.contextmanager
def recording():
    """Collect the cvc5 agreements of every :class:`CheckedSolver` answer inside the block."""
    log: list = []
    _RECORDS.append(log)
    try:
        yield log
    finally:
        _RECORDS.pop()


def summary(log: list) -> dict:
    """One second-solver record for the checks of a verdict.

    >>> summary([]), summary([{"solver": "cvc5", "agrees": True}])
    ({'applicable': False, 'why': 'no solver call: exact computation'}, {'solver': 'cvc5', 'agrees': True, 'checked': 1})
    """
    from ..verdicts import combine_agreements
    return combine_agreements(log) or {"applicable": False, "why": "no solver call: exact computation"}
