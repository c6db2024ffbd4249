"""Running the real ``exactfair`` command in subprocesses, many at once (for the tables of CLI cases)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

#: The environment of a subprocess: this checkout's package first.
ENV = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1]))


def start(argv, cwd: Path, **kwargs) -> subprocess.Popen:
    """``python -m exactfair ARGV`` in ``cwd``, output captured as text."""
    return subprocess.Popen([sys.executable, "-m", "exactfair", *argv], cwd=cwd, env=ENV, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


#: How many commands run at once (the machine is shared: a burst of ~80 interpreters only thrashes).
PARALLEL = max(2, min(6, (os.cpu_count() or 2) * 2))


def run_all(table, tmp: Path) -> dict:
    """Run every row's command (``row[1]`` the argv), :data:`PARALLEL` at a time;
    ``{row[0]: (status, stdout, stderr, seconds)}``, status None for a run still going after 120 s (then killed)."""
    pending = list(table)
    running: list = []
    out = {}
    while pending or running:
        while pending and len(running) < PARALLEL:
            name, argv, *_ = pending.pop(0)
            running.append((name, time.perf_counter(), start(argv, tmp)))
        name, begun, proc = running.pop(0)
        try:
            stdout, stderr = proc.communicate(timeout=max(1.0, 120 - (time.perf_counter() - begun)))
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, stderr = proc.communicate()
            out[name] = (None, stdout, stderr, time.perf_counter() - begun)
            continue
        out[name] = (proc.returncode, stdout, stderr, time.perf_counter() - begun)
    return out
