"""The valuation cache: what a value function returned, one JSON line per coalition, safe to share and to resume.

Line 1 records what produced the file: the players, the value function (``module:qualname``) and a
fingerprint of its code (:func:`exactfair.core.usercode.code_fingerprint`), and the float policy of the
run that created it.  Every other line is ``{"coalition": [labels], "raw": {"float": hex} | {"exact": "p/q"}}``.

* **What produced it.**  A cache is reused only by the same players and the same function (name and
  code); a cache of another function, or of an edited one, is refused with what to do.  The raw
  results are stored exactly (a float as ``float.hex()``), so nothing in the file depends on the float
  policy: a run with another policy converts the same raw values by its own policy (the policy that
  created the file is recorded for the record).
* **One writer.**  The file is locked (``flock``) for the whole run; a second run on the same cache is
  refused at once instead of rewriting the file under the first.  The lock ends with the process,
  however it ends.
* **Appends only.**  Lines are appended and flushed as values arrive; the only change to existing
  bytes is cutting a last line left incomplete by a killed run (under the lock).
* **Checked on opening.**  Every cached line is validated and converted before anything is computed;
  a bad line is one error naming the file, the line and the coalition.
"""

from __future__ import annotations

import errno
import fcntl
import json
import math
import os
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable

from ..core.coalitions import members
from ..core.errors import ExactfairError, GameFileError, InexactValueError
from ..core.coalitions import format_coalition

__all__ = ["ValuationCache", "CACHE_VERSION"]

#: Version 2: the header records the function, its code fingerprint and the float policy.
CACHE_VERSION = 2


class ValuationCache:
    """The cache file of one run (or none, with ``path=None``): cached results in, new results appended.

    ``convert(raw, what)`` turns a raw record into the exact value (the run's float policy).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "c.jsonl"
    >>> producer = {"function": "m:f", "code": "abc", "floats": "exact"}
    >>> cache = ValuationCache(path, ("a", "b"), producer, lambda raw, what: Fraction(raw["exact"]))
    >>> cache.add(1, {"exact": "1/2"}, Fraction(1, 2)); cache.close()
    >>> again = ValuationCache(path, ("a", "b"), producer, lambda raw, what: Fraction(raw["exact"]))
    >>> again.exact, again.close()
    ({1: Fraction(1, 2)}, None)
    """

    def __init__(self, path: Path | None, players: tuple, producer: dict, convert: Callable[[dict, str], Fraction]
                 ) -> None:
        self.path = path
        self.players = players
        self.producer = producer
        self.convert = convert
        self.exact: dict[int, Fraction] = {}
        self.handle = None
        if path is None:
            return
        self.handle = self._open_locked(path)
        try:
            self._load()
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------------ opening
    def _open_locked(self, path: Path):
        if path.exists() and not path.is_file():
            raise ExactfairError(f"--cache {path} exists and is not a regular file")
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+b")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise ExactfairError(f"{path} is in use by another run (the cache is locked); wait for that run to "
                                     "end, or give this one another cache file") from None
            raise
        return handle

    def _load(self) -> None:
        self.handle.seek(0)
        data = self.handle.read()
        if not data:
            self._append(json.dumps({"exactfair_cache": CACHE_VERSION, "players": self._labels(), **self.producer}))
            return
        lines = data.split(b"\n")
        tail = lines.pop()                                  # b"" when the file ends with a newline
        self._check_header(self._decode(lines[0] if lines else tail, 1, whole=True))
        if not lines:                                       # the header alone, its newline not yet written
            self.handle.write(b"\n")
            self.handle.flush()
            return
        index = {label: i for i, label in enumerate(self._labels())}
        seen: dict[int, tuple[int, dict]] = {}
        for number, line in enumerate(lines[1:], start=2):
            if line.strip():
                self._entry(self._decode(line, number), number, index, seen)
        if tail and lines:                                   # a last line cut short by a killed run
            try:
                self._entry(self._decode(tail, len(lines) + 1), len(lines) + 1, index, seen)
            except GameFileError:
                self.handle.truncate(len(data) - len(tail))  # under the lock: only the torn line goes
            else:
                self.handle.write(b"\n")
                self.handle.flush()

    def _labels(self) -> list[str]:
        return [str(p) for p in self.players]

    def _error(self, number: int, message: str) -> GameFileError:
        return GameFileError(f"{self.path}, line {number}: {message}")

    def _decode(self, line: bytes, number: int, whole: bool = False) -> Any:
        from .io import load_json
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            raise self._error(number, "not UTF-8 text") from None
        try:
            return load_json(text, f"{self.path}, line {number}")
        except GameFileError:
            if whole:
                raise GameFileError(f"{self.path}: not an exactfair valuation cache (line 1 is not its JSON header); "
                                    "give another cache file") from None
            raise

    def _check_header(self, header: Any) -> None:
        if not isinstance(header, dict) or "exactfair_cache" not in header:
            raise GameFileError(f"{self.path}: not an exactfair valuation cache (line 1 is not its header); give "
                                "another cache file")
        if header["exactfair_cache"] != CACHE_VERSION:
            raise GameFileError(f"{self.path} was written in cache format {header['exactfair_cache']!r}, which does not "
                                f"record the value function (this version writes format {CACHE_VERSION}); delete it "
                                "to compute the values again, or give another cache file")
        if header.get("players") != self._labels():
            raise GameFileError(f"{self.path} is the cache of a different game (players {header.get('players')}); "
                                f"this run has players {self._labels()}: use another cache file")
        ran, cached = self.producer["function"], header.get("function")
        if cached != ran:
            raise GameFileError(f"{self.path} holds the values of the value function {cached}, not of {ran}; a cache "
                                "belongs to one function: give this run another cache file, or delete it to compute "
                                "the values again")
        code, cached_code = self.producer.get("code"), header.get("code")
        if code is not None and cached_code is not None and code != cached_code:
            raise GameFileError(f"{self.path} was written by another version of {ran} (its code has changed since, "
                                "or another Python compiled it): delete the cache to compute the values again, or "
                                "give another cache file")

    def _entry(self, entry: Any, number: int, index: dict, seen: dict) -> None:
        if not isinstance(entry, dict) or set(entry) != {"coalition", "raw"}:
            raise self._error(number, "a cache line is an object with exactly the keys 'coalition' and 'raw'")
        coalition, raw = entry["coalition"], entry["raw"]
        if not isinstance(coalition, list) or not all(isinstance(x, str) for x in coalition):
            raise self._error(number, f"'coalition' must be a list of player labels ([] for ∅), got {coalition!r}"[:300])
        mask = 0
        for label in coalition:
            if label not in index:
                raise self._error(number, f"the coalition {coalition!r} names {label!r}, who is not among the players "
                                          f"{self._labels()}")
            if mask >> index[label] & 1:
                raise self._error(number, f"the coalition {coalition!r} lists {label!r} twice")
            mask |= 1 << index[label]
        what = f"v({format_coalition(self.players[i] for i in members(mask))})"
        _check_raw(raw, lambda message: self._error(number, f"{what}: {message}"))
        if mask in seen:
            first, first_raw = seen[mask]
            if first_raw != raw:
                raise self._error(number, f"{what} is cached again, differently from line {first}; delete one of "
                                          "the two lines")
            return
        try:
            self.exact[mask] = self.convert(raw, what)
        except (InexactValueError, ExactfairError) as exc:
            raise self._error(number, str(exc)) from None
        seen[mask] = (number, raw)

    # ------------------------------------------------------------------ writing
    def _append(self, line: str) -> None:
        self.handle.write(line.encode("utf-8") + b"\n")
        self.handle.flush()
        os.fsync(self.handle.fileno())

    def add(self, mask: int, raw: dict, exact: Fraction) -> None:
        """Record a new result (appended at once, so a killed run loses nothing it computed)."""
        self.exact[mask] = exact
        if self.handle is not None:
            self._append(json.dumps({"coalition": [str(self.players[i]) for i in members(mask)], "raw": raw}))

    def fds(self) -> tuple[int, ...]:
        """File descriptors that worker processes must not keep open (the lock ends with this process)."""
        return (self.handle.fileno(),) if self.handle is not None else ()

    def close(self) -> None:
        """Close the file (and so release the lock)."""
        if self.handle is not None:
            self.handle.close()
            self.handle = None


def _check_raw(raw: Any, error: Callable[[str], Exception]) -> None:
    """A raw record is ``{"float": float.hex()}`` of a finite float, or ``{"exact": text}``."""
    if not isinstance(raw, dict) or len(raw) != 1 or not ({"float", "exact"} & set(raw)):
        raise error(f"'raw' must be {{\"float\": HEX}} or {{\"exact\": \"p/q\"}}, got {raw!r}"[:300])
    if "float" in raw:
        text = raw["float"]
        try:
            value = float.fromhex(text) if isinstance(text, str) else None
        except (ValueError, OverflowError):
            value = None
        if value is None or math.isnan(value) or math.isinf(value):
            raise error(f"'float' must be the float.hex() text of a finite float, got {_shown(text)}"[:300])
    elif not isinstance(raw["exact"], str):
        raise error(f"'exact' must be a number as text (\"3/4\"), got {_shown(raw['exact'])}"[:300])


def _shown(value: Any) -> str:
    """A JSON value as the file wrote it (numbers are read as Decimal or int)."""
    return str(value) if isinstance(value, Decimal) else repr(value)
