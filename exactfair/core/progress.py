"""Progress of long commands on stderr — on a terminal and off it.

On a terminal a :class:`Progress` redraws one status line in place (a bar when it knows how far it
is); elsewhere (a pipe, a log file, CI) it prints a status line every few seconds instead, so a long
run is never silent.  A heartbeat thread keeps the line coming while the work itself is busy in a
solver or a value function, and says how long the run has taken.  ``--quiet`` turns it off.

Every line goes to stderr (stdout keeps the command's result).  The interval between lines off a
terminal is 5 seconds, or ``EXACTFAIR_PROGRESS_SECONDS``.  Writes hold one lock, which a fork waits
for (``os.register_at_fork``): a forked worker never inherits a half-written line or a held lock.
This module depends on the standard library only.

>>> import io
>>> out = io.StringIO()
>>> with Progress("valuating", stream=out, tty=False, interval=3600) as p:
...     p.update("valuating coalitions", 3, 7)
...     p.note("one event")
>>> print(out.getvalue().strip())
exactfair: one event
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import TextIO

__all__ = ["Progress", "interval_seconds"]

_WRITE_LOCK = threading.Lock()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_WRITE_LOCK.acquire, after_in_parent=_WRITE_LOCK.release,
                        after_in_child=_WRITE_LOCK.release)


def interval_seconds() -> float:
    """Seconds between progress lines off a terminal: ``EXACTFAIR_PROGRESS_SECONDS`` or 5.

    >>> interval_seconds() > 0
    True
    """
    text = os.environ.get("EXACTFAIR_PROGRESS_SECONDS", "")
    try:
        value = float(text)
    except ValueError:
        return 5.0
    return value if 0 < value < 86400 else 5.0


def _isatty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class Progress:
    """A status (``update``), events (``note``) and a heartbeat, on stderr; see the module docstring.

    ``enabled=False`` (``--quiet``) prints nothing.  Used as a context manager it starts the heartbeat
    and ends the line on exit.  ``progress(layer, n)`` and ``progress.step(label, k, total)`` are the
    callbacks the mechanisms and ``check_axioms`` call.
    """

    def __init__(self, label: str = "", *, enabled: bool = True, stream: TextIO | None = None,
                 tty: bool | None = None, interval: float | None = None, total: int | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.tty = _isatty(self.stream) if tty is None else tty
        self.interval = interval if interval is not None else interval_seconds()
        self.started = time.monotonic()
        self.status, self.done, self.total = label, None, total
        self._drawn = False
        self._last_draw = 0.0
        self._last_line = self.started
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ reporting
    def update(self, status: str | None = None, done: int | None = None, total: int | None = None) -> None:
        """Set the current status (and how far: ``done`` of ``total``); redrawn on a terminal."""
        if status is not None:
            self.status = status
        if total is not None:
            self.total = total
        if done is not None:
            self.done = done
        if self.enabled and self.tty:
            now = time.monotonic()
            finished = self.total is not None and self.done == self.total
            if now - self.started >= 1.0 and (finished or now - self._last_draw >= 0.1):
                self._draw(now)

    def __call__(self, layer: int, n: int) -> None:
        """The mechanisms' layer callback: layer ``layer`` of 0..n done."""
        self.update("layers", layer + 1, n + 1)

    def step(self, label: str, k: int, total: int) -> None:
        """A phase with a count (one axiom after another, the second games of F4)."""
        self.update(label, k, total)

    def note(self, text: str) -> None:
        """Print one event line now (both on and off a terminal)."""
        if not self.enabled:
            return
        with _WRITE_LOCK:
            if self._drawn:
                self.stream.write("\r\x1b[K")
                self._drawn = False
            self.stream.write(f"exactfair: {text}\n")
            self.stream.flush()
        self._last_line = time.monotonic()

    def line(self) -> str:
        """The current status as text, e.g. ``valuating coalitions 40/255 (16%), 12 s``."""
        elapsed = time.monotonic() - self.started
        text = self.status or "working"
        if self.done is not None and self.total:
            text += f" {self.done:,}/{self.total:,} ({100 * self.done // self.total}%)"
        return f"{text}, {elapsed:.0f} s"

    def _draw(self, now: float) -> None:
        with _WRITE_LOCK:
            self.stream.write(f"\r\x1b[K{self.line()}")
            self.stream.flush()
            self._drawn = True
        self._last_draw = now

    def _beat(self) -> None:
        while not self._stop.wait(min(self.interval, 1.0) if self.tty else self.interval):
            if not self.enabled:
                continue
            now = time.monotonic()
            if self.tty:
                if now - self.started >= 1.0:
                    self._draw(now)
            elif now - self._last_line >= self.interval * 0.99:
                with _WRITE_LOCK:
                    self.stream.write(f"exactfair: {self.line()}\n")
                    self.stream.flush()
                self._last_line = now

    # ------------------------------------------------------------------ lifetime
    def start(self) -> "Progress":
        """Start the heartbeat (a daemon thread; it only writes to the stream)."""
        if self.enabled and self._thread is None:
            self._thread = threading.Thread(target=self._beat, name="exactfair-progress", daemon=True)
            self._thread.start()
        return self

    def close(self) -> None:
        """Stop the heartbeat and end the terminal line."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._drawn:
            with _WRITE_LOCK:
                self.stream.write("\n")
                self.stream.flush()
                self._drawn = False

    def __enter__(self) -> "Progress":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()
