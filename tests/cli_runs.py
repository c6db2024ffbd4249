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


def run_all(table, tmp: Path) -> dict:
    """Start every row's command (``row[1]`` the argv) at once; ``{row[0]: (status, stdout, stderr, seconds)}``,
    status None for a run still going after 120 s (then killed)."""
    procs = []
    for name, argv, *_ in table:
        procs.append((time.perf_counter(), start(argv, tmp)))
    out = {}
    for (name, *_), (begun, proc) in zip(table, procs):
        try:
            stdout, stderr = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, stderr = proc.communicate()
            out[name] = (None, stdout, stderr, time.perf_counter() - begun)
            continue
        out[name] = (proc.returncode, stdout, stderr, time.perf_counter() - begun)
    return out
