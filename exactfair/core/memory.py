"""Memory estimates, checked before anything large is allocated.

Every estimate is built from the real per-entry cost of the representation that will be
allocated (8 bytes for an int64 entry, a measured cost for Python objects), and a request that
will not fit is refused with one line saying how much it needs and how much is available.
This module depends on nothing else in exactfair except the errors, so the array kernel can use it.
"""

from __future__ import annotations

import os

from .errors import TooLargeError

__all__ = ["available_memory", "human_bytes", "require_memory", "BYTES_PER_INT64", "BYTES_PER_OBJECT_ENTRY",
           "BYTES_PER_FRACTION", "BYTES_PER_JSON_ENTRY"]

#: One entry of an int64 array.
BYTES_PER_INT64 = 8
#: One entry of a numpy object array holding a small Python int (pointer + int object).
BYTES_PER_OBJECT_ENTRY = 8 + 32
#: One exact ``Fraction`` in a tuple of rows (the Fraction, its two ints and a slot), measured.
BYTES_PER_FRACTION = 120
#: One reward written as JSON text (digits, quotes, the player key and separators), generous.
BYTES_PER_JSON_ENTRY = 24


def available_memory() -> int:
    """Bytes of memory available now (``MemAvailable``), or 8 GiB when it cannot be read.

    >>> available_memory() > 0
    True
    """
    try:
        with open("/proc/meminfo") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 8 << 30


def human_bytes(nbytes: float) -> str:
    """``1234567`` → ``'1.2 MB'``.

    >>> human_bytes(2.5e9)
    '2.5 GB'
    """
    for unit in ("B", "KB", "MB", "GB", "TB", "PB"):
        if nbytes < 1000:
            return f"{nbytes:.1f} {unit}"
        nbytes /= 1000
    return f"{nbytes:.1f} EB"


def require_memory(need: int, what: str, *, available: int | None = None, hint: str = "") -> None:
    """Refuse (``TooLargeError``) when ``need`` bytes exceed the memory available.

    >>> require_memory(10, "a small thing")
    >>> require_memory(10 ** 15, "a table for 40 players", available=16 << 30, hint="use fewer players")
    Traceback (most recent call last):
    ...
    exactfair.core.errors.TooLargeError: a table for 40 players needs about 1.0 PB of memory, but only 17.2 GB is available; use fewer players
    """
    have = available_memory() if available is None else available
    if need > have:
        raise TooLargeError(f"{what} needs about {human_bytes(need)} of memory, but only {human_bytes(have)} "
                            f"is available" + (f"; {hint}" if hint else ""))
