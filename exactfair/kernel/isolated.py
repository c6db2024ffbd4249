"""cvc5 in a child process with a hard kill: a second opinion that can never hang the caller.

cvc5 on nonlinear real arithmetic may ignore its own time limit, so :func:`cvc5_answers` runs it in
a child Python process that is fed one SMT-LIB script per line and answers one line each; when an
answer does not arrive within the time limit the child is killed (SIGKILL) and that script is
answered ``"unknown"``.  The child also dies with its parent (``PR_SET_PDEATHSIG`` on Linux, and an
end of its input otherwise).  cvc5 first tries its default options briefly, then the ones that
decide nonlinear problems here (``nl-cov=true``, ``nl-ext=none``) — each wins on problems the other
cannot finish.

>>> cvc5_answers(["(declare-fun x () Real)(assert (> (* x x) 2))(assert (< x 1))(assert (> x (- 1)))(check-sat)"])
['unsat']
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from typing import Sequence

__all__ = ["cvc5_answers", "NONLINEAR_OPTIONS"]

#: cvc5 options under which it finishes on nonlinear real arithmetic (measured, see TOOLING notes).
NONLINEAR_OPTIONS = {"nl-cov": "true", "nl-ext": "none"}

_WORKER = r"""
import json, sys
import cvc5

def answer(script, options, millis):
    tm = cvc5.TermManager()
    solver = cvc5.Solver(tm)
    for key, value in options.items():
        solver.setOption(key, value)
    solver.setOption("tlimit-per", str(millis))
    sm = cvc5.SymbolManager(tm)
    parser = cvc5.InputParser(solver, sm)
    text = script if "(set-logic" in script else "(set-logic ALL)\n" + script
    parser.setStringInput(cvc5.InputLanguage.SMT_LIB_2_6, text, "exactfair")
    out = "unknown"
    while True:
        command = parser.nextCommand()
        if command.isNull():
            return out
        reply = command.invoke(solver, sm).strip()
        if reply in ("sat", "unsat", "unknown"):
            out = reply

for line in sys.stdin:
    job = json.loads(line)
    try:
        result = answer(job["script"], job["options"], job["millis"])
    except Exception as exc:
        result = "error: " + str(exc).splitlines()[0][:200] if str(exc) else "error"
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
"""


def _die_with_parent() -> None:                       # pragma: no cover - runs in the child
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)    # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class _Child:
    def __init__(self) -> None:
        kwargs = {"preexec_fn": _die_with_parent} if sys.platform.startswith("linux") else {}
        self.proc = subprocess.Popen([sys.executable, "-c", _WORKER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, **kwargs)
        self.buffer = b""

    def ask(self, script: str, options: dict, timeout: float) -> str:
        job = json.dumps({"script": script, "options": options, "millis": max(1, int(timeout * 1000))}) + "\n"
        try:
            self.proc.stdin.write(job.encode())
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            return "unknown"
        deadline = time.monotonic() + timeout + 0.5           # cvc5's own limit first, the kill after a grace
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return "timeout"
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                return "unknown"
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        reply = json.loads(line)
        return reply if reply in ("sat", "unsat", "unknown") else "unknown"

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass


def cvc5_answers(scripts: Sequence[str], *, timeout: float = 10.0,
                 options: Sequence[dict] | dict | None = None) -> list[str]:
    """cvc5's answer (``sat``, ``unsat`` or ``unknown``) to each SMT-LIB script, in a killable child.

    ``options`` is one option set or a list tried in turn (by default cvc5's defaults and
    :data:`NONLINEAR_OPTIONS` take turns with growing time slices, 0.4 s each first); each script gets
    ``timeout`` seconds in all.  An
    overrun kills the child and a fresh child takes over.  Without cvc5 installed every answer is
    ``unknown``.
    """
    try:
        import cvc5  # noqa: F401  (only whether it is installed)
    except ImportError:
        return ["unknown"] * len(scripts)
    if options is None:
        attempts, slot, spent = [], 0.4, 0.0          # each option set in turn, with growing time slices
        while spent < timeout:
            for opts in ({}, dict(NONLINEAR_OPTIONS)):
                seconds = min(slot, timeout - spent)
                if seconds > 0.01:
                    attempts.append((opts, seconds))
                spent += seconds
            slot *= 4
    elif isinstance(options, dict):
        attempts = [(dict(options), timeout)]
    else:
        attempts = [(dict(o), timeout / len(options)) for o in options]
    answers: list[str] = []
    child: _Child | None = None
    try:
        for script in scripts:
            reply = "unknown"
            for opts, seconds in attempts:
                if child is None:
                    child = _Child()
                reply = child.ask(script, opts, seconds)
                if reply == "timeout":
                    child.close()
                    child = None
                    reply = "unknown"
                if reply in ("sat", "unsat"):
                    break
            answers.append(reply)
    finally:
        if child is not None:
            child.close()
    return answers
