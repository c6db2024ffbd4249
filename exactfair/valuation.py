"""Games from a value function: learned coalition values, cached on disk, converted exactly.

A valuation from training runs is a float per coalition, computed 2ⁿ times.  :func:`from_function`
evaluates ``value(coalition)`` on every coalition not yet in the cache (in parallel with
``jobs=N``), appends each result to the cache file as it arrives — so an interrupted run loses
nothing and resumes — and converts floats by an explicit policy recorded in the game's metadata:

* ``floats="exact"`` (default): the binary value of the float, exactly (``0.1`` is
  3602879701896397/36028797018963968);
* ``floats="decimal:K"``: the float rounded to K significant decimal digits, then exact
  (``0.1`` is 1/10 with K ≤ 16).

NaN and infinities are refused naming the coalition, and an exception of the value function is one
:class:`~exactfair.errors.UserCodeError` naming the coalition.  The cache (:mod:`exactfair.cache`)
is a JSON-lines file recording the players and the value function (name and code fingerprint),
then one line per coalition holding the raw result (a float as its ``float.hex()``, so the
conversion policy can be changed on resume without recomputing); it is locked while a run uses it.
"""

from __future__ import annotations

import inspect
import math
import sys
import time
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Sequence

from .cache import ValuationCache
from .coalitions import members
from .errors import ExactfairError, InexactValueError
from .exact import format_exact, to_exact
from .game import Game, _check_players, format_coalition
from .usercode import call_user, code_fingerprint, describe_callable

__all__ = ["from_function", "convert_float", "FLOAT_POLICIES"]

FLOAT_POLICIES = ("exact", "decimal:K")


def convert_float(x: float, policy: str, *, what: str = "value") -> Fraction:
    """A float to an exact rational by ``policy`` (``"exact"`` or ``"decimal:K"``).

    >>> convert_float(0.1, "exact")
    Fraction(3602879701896397, 36028797018963968)
    >>> convert_float(0.1, "decimal:3"), convert_float(2 / 3, "decimal:4")
    (Fraction(1, 10), Fraction(6667, 10000))
    >>> convert_float(float("nan"), "exact", what="v({1,2})")
    Traceback (most recent call last):
    ...
    exactfair.errors.InexactValueError: v({1,2}) is nan: NaN and infinities cannot be game values; check the value function for this coalition
    """
    if math.isnan(x) or math.isinf(x):
        raise InexactValueError(f"{what} is {x!r}: NaN and infinities cannot be game values; check the value "
                                "function for this coalition")
    if policy == "exact":
        return Fraction(x)
    digits = _decimal_digits(policy)
    return Fraction(Decimal(format(x, f".{digits}g")))


def _decimal_digits(policy: str) -> int:
    if not isinstance(policy, str) or not policy.startswith("decimal:"):
        raise ExactfairError(f"floats= must be 'exact' or 'decimal:K' (K significant digits), got {policy!r}")
    try:
        digits = int(policy.split(":", 1)[1])
    except ValueError:
        raise ExactfairError(f"floats={policy!r}: K must be an integer number of significant digits") from None
    if not 1 <= digits <= 17:
        raise ExactfairError(f"floats={policy!r}: K must be between 1 and 17 (a double has at most 17 significant "
                             "digits)")
    return digits


def _to_raw(x: Any, what: str) -> dict:
    """A JSON-safe record of the value function's result (floats kept bit-exact as hex)."""
    if isinstance(x, bool):
        raise InexactValueError(f"{what} is the bool {x!r}; the value function must return a number")
    if hasattr(x, "dtype") and hasattr(x, "item"):            # numpy scalars
        x = x.item()
    if isinstance(x, float):
        if math.isnan(x) or math.isinf(x):
            convert_float(x, "exact", what=what)
        return {"float": x.hex()}
    text = format_exact(to_exact(x, what=what))
    to_exact(text, what=what)                   # within the limits a cache or game file is read back under
    return {"exact": text}


def _from_raw(raw: dict, policy: str, what: str) -> Fraction:
    if "float" in raw:
        return convert_float(float.fromhex(raw["float"]), policy, what=what)
    return to_exact(raw["exact"], what=what)


def _require_one_argument(value: Callable, name: str) -> None:
    """Refuse, before anything runs, a value function that cannot be called with one coalition."""
    if not callable(value):
        raise ExactfairError(f"the value function must be callable, got {type(value).__name__}")
    try:
        signature = inspect.signature(value)
    except (TypeError, ValueError):                    # a builtin without a signature: found out on the first call
        return
    try:
        signature.bind(("a",))
    except TypeError:
        raise ExactfairError(f"the value function {name} must take one argument, the coalition (a tuple of "
                             f"player labels); its signature is {name.split(':')[-1]}{signature}") from None


# ------------------------------------------------------------------ workers (fork: the function is inherited)
_WORKER_FUNCTION: Callable | None = None
_WORKER_PLAYERS: tuple = ()


def _evaluate(value: Callable, players: tuple, mask: int, name: str) -> dict:
    """The raw record of ``value(C)`` for the coalition ``mask``; the user's exceptions name the coalition."""
    labels = tuple(players[i] for i in members(mask))
    coalition = format_coalition(labels)
    result = call_user(value, labels, what=f"the value function {name}", context=f"for v({coalition})")
    return _to_raw(result, f"v({coalition}) (returned by {name})")


def _worker_call(mask: int) -> tuple[int, dict]:
    return mask, _evaluate(_WORKER_FUNCTION, _WORKER_PLAYERS, mask, describe_callable(_WORKER_FUNCTION))


def _progress_bar(enabled: bool, total: int) -> Callable[[int], None]:
    show = enabled and total > 0 and sys.stderr.isatty()
    state = {"last": 0.0}

    def update(done: int) -> None:
        if not show:
            return
        now = time.monotonic()
        if done < total and now - state["last"] < 0.1:
            return
        state["last"] = now
        width = 30
        filled = int(width * done / total)
        sys.stderr.write(f"\rvaluating coalitions [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()
    return update


def from_function(players: Sequence | int, value: Callable[[tuple], Any], *, cache: str | Path | None = None,
                  jobs: int = 1, progress: bool = True, floats: str = "exact", empty: Any = 0) -> Game:
    """Game with v(C) = ``value(C)`` for every coalition C (a tuple of labels); see the module docstring.

    ``value(())`` is not called: v(∅) = ``empty`` (0).  ``jobs > 1`` evaluates in that many worker
    processes (forked, so any callable works).  The result's ``metadata`` records the float policy,
    the cache and how many values were computed now and taken from the cache.

    >>> g = from_function(["a", "b"], lambda C: 0.5 * len(C), progress=False)
    >>> g["a", "b"], g.metadata["floats"]
    (Fraction(1, 1), 'exact')
    """
    if isinstance(players, int):
        players = range(1, players + 1)
    players = _check_players(players)
    if floats != "exact":
        _decimal_digits(floats)
    if not isinstance(jobs, int) or jobs < 1:
        raise ExactfairError(f"jobs must be a positive integer, got {jobs!r}")
    n = len(players)
    name = describe_callable(value)
    _require_one_argument(value, name)
    producer = {"function": name, "code": code_fingerprint(value), "floats": floats}
    store = ValuationCache(Path(cache) if cache is not None else None, players, producer,
                           lambda raw, what: _from_raw(raw, floats, what))
    cached = len([m for m in store.exact if m != 0])
    missing = [m for m in range(1, 1 << n) if m not in store.exact]
    bar = _progress_bar(progress, len(missing))
    done = 0

    def record(mask: int, raw: dict) -> None:
        nonlocal done
        store.add(mask, raw, _from_raw(raw, floats, f"v({format_coalition(players[i] for i in members(mask))})"))
        done += 1
        bar(done)

    try:
        if jobs == 1 or len(missing) < 2:
            for mask in missing:
                record(mask, _evaluate(value, players, mask, name))
        else:
            from .workers import fork_pool
            global _WORKER_FUNCTION, _WORKER_PLAYERS
            _WORKER_FUNCTION, _WORKER_PLAYERS = value, players
            pool = fork_pool(jobs, close_fds=store.fds())
            try:
                for mask, raw in pool.imap_unordered(_worker_call, missing):
                    record(mask, raw)
                pool.close()
                pool.join()
            except BaseException:
                pool.terminate()
                pool.join()
                raise
            finally:
                _WORKER_FUNCTION, _WORKER_PLAYERS = None, ()
    finally:
        store.close()
    values = [to_exact(empty, what="v(∅)")] + [store.exact[mask] for mask in range(1, 1 << n)]
    metadata = {"source": "from_function", "floats": floats, "computed": len(missing), "from_cache": cached,
                "cache": str(cache) if cache is not None else None}
    return Game(players, values, metadata=metadata)
