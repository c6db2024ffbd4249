"""Local worker processes that leave no trace: quiet on interruption, and dead when their parent dies.

``claims --jobs N`` and ``valuate --jobs N`` fork a pool of workers.  A worker ignores SIGINT (the
parent owns Ctrl-C and terminates the pool), takes SIGTERM with the default action (the pool's
``terminate()`` must not run the command's own SIGTERM handler in the worker and print a
traceback), asks the kernel to kill it when the parent dies (Linux ``PR_SET_PDEATHSIG``: after a
SIGKILL of the parent no worker lives on), and closes the file descriptors the parent names (a
cache file whose lock must end with the parent).  This module depends on the standard library only.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
from typing import Sequence

__all__ = ["fork_pool", "die_with_parent"]

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> bool:
    """Have the kernel send SIGKILL to this process when its parent exits (Linux); True if arranged.

    If the parent (pid ``parent``) is already gone, exit at once.

    >>> isinstance(die_with_parent(os.getppid()), bool)
    True
    """
    arranged = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            arranged = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            arranged = False
    if os.getppid() != parent:                       # the parent died before the request took effect
        os._exit(1)
    return arranged


def _initialize(parent: int, close_fds: Sequence[int]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for fd in close_fds:
        try:
            os.close(fd)
        except OSError:
            pass
    die_with_parent(parent)


def fork_pool(jobs: int, *, close_fds: Sequence[int] = ()) -> "multiprocessing.pool.Pool":
    """A pool of ``jobs`` forked workers set up as the module docstring says.

    >>> pool = fork_pool(1)
    >>> pool.apply(abs, (-3,))
    3
    >>> pool.terminate(); pool.join()
    """
    return multiprocessing.get_context("fork").Pool(jobs, initializer=_initialize,
                                                    initargs=(os.getpid(), tuple(close_fds)))
