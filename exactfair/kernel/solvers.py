"""A second SMT solver beside z3: cvc5 (its BSD Python package), fed the same problem as SMT-LIB.

Every bounded verdict is decided by z3 and then re-checked by cvc5 from the SMT-LIB text of the
same formulas (background, hypotheses and negated conclusion).  A disagreement — one solver says
sat, the other unsat — raises :class:`~exactfair.kernel.verdicts.InternalCheckError`: it is a bug, never a
verdict.  When cvc5 is not installed or gives up, the verdict records that instead of agreement.

>>> cvc5_answer("(declare-fun x () Real)(assert (> x 1))(assert (< x 0))(check-sat)")
'unsat'
"""

from __future__ import annotations

import contextlib

from .verdicts import InternalCheckError

__all__ = ["cvc5_available", "cvc5_answer", "cross_check", "agreement", "cvc5_async", "Pending", "CheckedSolver",
           "recording", "summary"]


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


def _run_cvc5(text: str, timeout: float) -> str:
    import cvc5

    tm = cvc5.TermManager()
    solver = cvc5.Solver(tm)
    solver.setOption("tlimit-per", str(max(1, int(timeout * 1000))))
    sm = cvc5.SymbolManager(tm)
    parser = cvc5.InputParser(solver, sm)
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


def cvc5_answer(smtlib: str, timeout: float = 60.0) -> str:
    """``"sat"``, ``"unsat"`` or ``"unknown"`` for an SMT-LIB script ending in ``(check-sat)``.

    The claim compiler's problems are quantifier-free linear real arithmetic: cvc5 is told so
    (``QF_LRA``), which lets it pick its arithmetic strategy (at n = 5 uniqueness, seconds instead of a
    time-out under ``ALL``); a script outside that logic (integers, non-linear terms, quantifiers — cvc5 then
    errs or answers unknown at once) is read under ``ALL`` instead.  A script that declares its own logic
    keeps it.

    >>> cvc5_answer("(declare-fun x () Int)(assert (> x 1))(assert (< x 2))(check-sat)")
    'unsat'
    """
    import time
    if "(set-logic" in smtlib:
        return _run_cvc5(smtlib, timeout)
    remaining = timeout
    if "(forall" not in smtlib and "(exists" not in smtlib:
        start = time.perf_counter()
        answer = _run_cvc5("(set-logic QF_LRA)\n" + smtlib, timeout)
        if answer in ("sat", "unsat"):
            return answer
        remaining = timeout - (time.perf_counter() - start)
        if remaining < timeout / 2:         # it used its time: the problem is hard, not outside the logic
            return answer
    return _run_cvc5("(set-logic ALL)\n" + smtlib, remaining)


def agreement(claim: str, answer: str, z3_answer: str, seconds: float | None = None) -> dict:
    """The second solver's record for one z3 answer; raises InternalCheckError when cvc5 contradicts z3.

    >>> agreement("c", "unsat", "unsat")
    {'solver': 'cvc5', 'agrees': True}
    >>> agreement("c", "unknown", "unsat", 60.0)["agrees"] is None
    True
    """
    if answer == "unavailable":
        return {"solver": "cvc5", "agrees": None, "answer": "unavailable", "why": "not installed (pip install cvc5)"}
    if answer not in ("sat", "unsat"):
        out = {"solver": "cvc5", "agrees": None, "answer": answer}
        if seconds is not None:
            out["seconds"] = round(seconds, 1)
        return out
    if answer != z3_answer:
        raise InternalCheckError(f"{claim}: z3 says {z3_answer} but cvc5 says {answer} on the same SMT-LIB problem")
    return {"solver": "cvc5", "agrees": True}


def cross_check(claim: str, smtlib: str, z3_answer: str, timeout: float) -> dict:
    """cvc5 on the same problem; raises InternalCheckError when it contradicts z3.

    Returns ``{"solver": "cvc5", "agrees": True}``, or ``{"solver": "cvc5", "agrees": None, "answer":
    "unknown", "seconds": s}`` when cvc5 gave up (a time-out included), or ``{"solver": "cvc5", "agrees":
    None, "answer": "unavailable", "why": ...}`` without cvc5 — the last two make a proof "z3 only".
    """
    import time
    if not cvc5_available():
        return agreement(claim, "unavailable", z3_answer)
    start = time.perf_counter()
    answer = cvc5_answer(smtlib, timeout)
    return agreement(claim, answer, z3_answer, time.perf_counter() - start)


#: Problems at least this long (SMT-LIB characters) are given to cvc5 in a child process while z3 works.
PARALLEL_MIN_CHARS = 8000


class Pending:
    """cvc5's answer to one problem, computed while z3 works on the same problem (two cores).

    The problem goes to a forked child (so the definitions in force now are the ones cvc5 reads); a
    child that overruns its time limit is killed — cvc5 can ignore its own limit.  Small problems,
    and processes that may not fork (pool workers, threads other than the main one), run cvc5 in this
    process when :meth:`result` is asked.

    >>> p = cvc5_async("(declare-fun x () Real)(assert (> x 1))(assert (< x 0))(check-sat)", 5.0)
    >>> p.result()[0]
    'unsat'
    """

    def __init__(self, smtlib: str, timeout: float) -> None:
        import time
        self.smtlib, self.timeout, self.start = smtlib, timeout, time.perf_counter()
        self._proc = self._conn = None
        self._answer: str | None = None
        self._seconds = 0.0
        if not cvc5_available():
            self._answer = "unavailable"
        elif len(smtlib) >= PARALLEL_MIN_CHARS and _may_fork():
            self._fork()

    def _fork(self) -> None:
        import multiprocessing
        import os
        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_serve, args=(child, self.smtlib, self.timeout, os.getpid()), daemon=True)
        try:
            proc.start()
        except (AssertionError, OSError):
            return
        child.close()
        self._proc, self._conn = proc, parent

    def result(self) -> tuple[str, float]:
        """(answer, seconds): ``"sat"``, ``"unsat"``, ``"unknown"``, ``"unavailable"`` or an error text."""
        import time
        if self._answer is not None:
            return self._answer, self._seconds
        if self._proc is None:
            own = time.perf_counter()
            self._answer = cvc5_answer(self.smtlib, self.timeout)
            self._seconds = time.perf_counter() - own
        else:
            if self._conn.poll(self.timeout + 10.0):
                try:
                    self._answer = self._conn.recv()
                except EOFError:
                    self._answer = "error (the cvc5 process ended without an answer)"
            else:
                self._answer = "unknown"
            self._seconds = time.perf_counter() - self.start
            self.cancel()
        return self._answer, self._seconds

    def cancel(self) -> None:
        """Stop the child (z3 gave up, or the answer is in)."""
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join()
            self._conn.close()
            self._proc = None


def _may_fork() -> bool:
    import multiprocessing
    import threading
    return (not multiprocessing.current_process().daemon
            and threading.current_thread() is threading.main_thread())


def _serve(conn, smtlib: str, timeout: float, parent: int) -> None:
    from ..core.workers import die_with_parent
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent)
    try:
        conn.send(cvc5_answer(smtlib, timeout))
    finally:
        conn.close()


def cvc5_async(smtlib: str, timeout: float) -> Pending:
    """Start cvc5 on a problem now; ask :meth:`Pending.result` after z3 has answered."""
    return Pending(smtlib, timeout)


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
    """Collect the cvc5 agreements of every :class:`CheckedSolver` answer inside the block.

    Blocks nest: what an inner block collected also counts for the block around it (whatever the outer
    check concludes rests on those answers too).

    >>> import z3
    >>> x = z3.Real("x")
    >>> with recording() as outer:
    ...     with recording() as inner:
    ...         s = CheckedSolver(5.0); s.add(x > 1, x < 0); _ = s.check()
    >>> len(inner), len(outer)
    (1, 1)
    """
    log: list = []
    _RECORDS.append(log)
    try:
        yield log
    finally:
        _RECORDS.pop()
        if _RECORDS:
            _RECORDS[-1].extend(log)


def summary(log: list) -> dict:
    """One second-solver record for the checks of a verdict.

    >>> summary([]), summary([{"solver": "cvc5", "agrees": True}])
    ({'applicable': False, 'why': 'no solver call: exact computation'}, {'solver': 'cvc5', 'agrees': True, 'checked': 1})
    """
    from .verdicts import combine_agreements
    return combine_agreements(log) or {"applicable": False, "why": "no solver call: exact computation"}
