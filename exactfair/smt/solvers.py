"""A second SMT solver beside z3: cvc5 (its BSD Python package), fed the same problem as SMT-LIB.

Every bounded verdict is decided by z3 and then re-checked by cvc5 from the SMT-LIB text of the
same formulas (background, hypotheses and negated conclusion).  A disagreement — one solver says
sat, the other unsat — raises :class:`~exactfair.verdicts.InternalCheckError`: it is a bug, never a
verdict.  When cvc5 is not installed or gives up, the verdict records that instead of agreement.

>>> cvc5_answer("(declare-fun x () Real)(assert (> x 1))(assert (< x 0))(check-sat)")
'unsat'
"""

from __future__ import annotations

from ..verdicts import InternalCheckError

__all__ = ["cvc5_available", "cvc5_answer", "cross_check"]


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
    while True:
        command = parser.nextCommand()
        if command.isNull():
            break
        out = command.invoke(solver, sm).strip()
        if out in ("sat", "unsat", "unknown"):
            answer = out
    return answer


def cross_check(claim: str, smtlib: str, z3_answer: str, timeout: float) -> dict:
    """cvc5 on the same problem; raises InternalCheckError when it contradicts z3.

    Returns ``{"solver": "cvc5", "agrees": True}``, or ``{"solver": "cvc5", "agrees": None,
    "answer": "unknown"}`` when cvc5 gave up, or ``{"applicable": False, "why": ...}`` without cvc5.
    """
    if not cvc5_available():
        return {"applicable": False, "why": "cvc5 is not installed (pip install cvc5)"}
    answer = cvc5_answer(smtlib, timeout)
    if answer == "unknown":
        return {"solver": "cvc5", "agrees": None, "answer": "unknown"}
    if answer != z3_answer:
        raise InternalCheckError(f"{claim}: z3 says {z3_answer} but cvc5 says {answer} on the same SMT-LIB problem")
    return {"solver": "cvc5", "agrees": True}
