"""Games from a value function: learned coalition values, cached on disk, converted exactly.

A valuation from training runs is a float per coalition, computed 2ⁿ times.  :func:`from_function`
evaluates ``value(coalition)`` on every coalition not yet in the cache (in parallel with
``jobs=N``), appends each result to the cache file as it arrives — so an interrupted run loses
nothing and resumes — and converts floats by an explicit policy recorded in the game's metadata:

* ``floats="exact"`` (default): the binary value of the float, exactly (``0.1`` is
  3602879701896397/36028797018963968);
* ``floats="decimal:K"``: the float rounded to K significant decimal digits, then exact
  (``0.1`` is 1/10 with K ≤ 16).

The empty coalition is evaluated too (``value(())``): a game has v(∅) = 0, so a non-zero v(∅) is
refused with what to do — unless ``normalise_empty=True`` asks for the game v − v(∅) (every value
minus v(∅), recorded in the metadata), or ``empty=x`` declares v(∅) = x instead of evaluating it.
``scheduler=`` (a Dask address or ``distributed.Client``) evaluates on a cluster; the results come
back to this process, which alone writes the cache, in the order they finish, under the same float
policy.

NaN and infinities are refused naming the coalition, and an exception of the value function is one
:class:`~exactfair.core.errors.UserCodeError` naming the coalition.  The cache (:mod:`exactfair.data.cache`)
is a JSON-lines file recording the players and the value function (name and code fingerprint),
then one line per coalition holding the raw result (a float as its ``float.hex()``, so the
conversion policy can be changed on resume without recomputing); it is locked while a run uses it.
"""

from __future__ import annotations

import inspect
import math
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Sequence

from .cache import ValuationCache
from ..core.coalitions import members
from ..core.errors import ExactfairError, InexactValueError
from ..core.exact import format_exact, format_readable, to_exact
from ..core.coalitions import format_coalition
from ..core.game import CONSTRUCTORS, Game, _check_players
from ..core.progress import Progress
from ..core.usercode import call_user, code_fingerprint, describe_callable

__all__ = ["from_function", "convert_float", "FLOAT_POLICIES"]

FLOAT_POLICIES = ("exact", "decimal:K")
#: Seconds to wait for a Dask scheduler given by address before giving up with an error.
SCHEDULER_CONNECT_SECONDS = 30


def convert_float(x: float, policy: str, *, what: str = "value") -> Fraction:
    """A float to an exact rational by ``policy`` (``"exact"`` or ``"decimal:K"``).

    >>> convert_float(0.1, "exact")
    Fraction(3602879701896397, 36028797018963968)
    >>> convert_float(0.1, "decimal:3"), convert_float(2 / 3, "decimal:4")
    (Fraction(1, 10), Fraction(6667, 10000))
    >>> convert_float(float("nan"), "exact", what="v({1,2})")
    Traceback (most recent call last):
    ...
    exactfair.core.errors.InexactValueError: v({1,2}) is nan: NaN and infinities cannot be game values; check the value function for this coalition
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


def _remote_evaluate(mask: int, *, value: Callable, players: tuple, name: str) -> tuple[int, dict]:
    """On a Dask worker: the raw record of one coalition (what the local workers compute)."""
    return mask, _evaluate(value, players, mask, name)


def _on_cluster(scheduler: Any, value: Callable, players: tuple, name: str, missing: list,
                record: Callable[[int, dict], None]) -> None:
    """Evaluate ``missing`` on a Dask cluster; each result is recorded here, in this process, as it finishes."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ExactfairError("scheduler= (--scheduler) needs the dask extra: pip install 'exactfair[dask]'") from None
    own = isinstance(scheduler, str)
    try:
        client = Client(scheduler, timeout=SCHEDULER_CONNECT_SECONDS) if own else scheduler
    except (OSError, TimeoutError, ValueError) as exc:
        raise ExactfairError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({exc})") from None
    futures: list = []
    try:
        [shared] = client.scatter([value], broadcast=True, hash=False)   # the function travels once per worker
        futures = client.map(_remote_evaluate, missing, value=shared, players=players, name=name, pure=False)
        for future in as_completed(futures):
            mask, raw = future.result()
            record(mask, raw)
    except BaseException:
        if futures:
            client.cancel(futures)
        raise
    finally:
        if own:
            client.close()


def _empty_value(declared: Any, store: ValuationCache, name: str) -> tuple[Fraction, str]:
    if declared is None:
        return store.exact[0], f"returned by {name} for the empty coalition ()"
    return to_exact(declared, what="empty= (the declared v(∅))"), "declared by empty="


def from_function(players: Sequence | int, value: Callable[[tuple], Any], *, cache: str | Path | None = None,
                  jobs: int = 1, progress: bool = True, floats: str = "exact", empty: Any = None,
                  normalise_empty: bool = False, scheduler: Any = None) -> Game:
    """Game with v(C) = ``value(C)`` for every coalition C (a tuple of labels); see the module docstring.

    ``value(())`` is evaluated too, unless ``empty`` declares v(∅).  A non-zero v(∅) is refused, or with
    ``normalise_empty=True`` subtracted from every value.  ``jobs > 1`` evaluates in that many worker
    processes (forked, so any callable works); ``scheduler`` on a Dask cluster instead.  The result's
    ``metadata`` records the float policy, the cache, v(∅) and whether it was subtracted, and how many
    values were computed now and taken from the cache.  ``progress`` shows how far it is on stderr.

    >>> g = from_function(["a", "b"], lambda C: 0.5 * len(C), progress=False)
    >>> g["a", "b"], g.metadata["floats"], g.metadata["empty_value"]
    (Fraction(1, 1), 'exact', '0')
    >>> from_function(["a"], lambda C: 0.5 + len(C), progress=False)
    Traceback (most recent call last):
    ...
    exactfair.core.errors.ExactfairError: v(∅) = 1/2 ≈ 0.5 (returned by exactfair.data.valuation:<lambda> for the empty coalition ()): a game has v(∅) = 0; pass normalise_empty=True (CLI: --normalise-empty) to use v − v(∅), every value minus v(∅) (recorded in the game's metadata), or make the value function return 0 for the empty coalition
    >>> from_function(["a"], lambda C: 0.5 + len(C), progress=False, normalise_empty=True)["a"]
    Fraction(1, 1)
    """
    if isinstance(players, int):
        players = range(1, players + 1)
    players = _check_players(players)
    if floats != "exact":
        _decimal_digits(floats)
    if not isinstance(jobs, int) or jobs < 1:
        raise ExactfairError(f"jobs must be a positive integer, got {jobs!r}")
    if scheduler is not None and jobs != 1:
        raise ExactfairError("give jobs= (local processes) or scheduler= (a Dask cluster), not both")
    n = len(players)
    name = describe_callable(value)
    _require_one_argument(value, name)
    producer = {"function": name, "code": code_fingerprint(value), "floats": floats}
    store = ValuationCache(Path(cache) if cache is not None else None, players, producer,
                           lambda raw, what: _from_raw(raw, floats, what))
    first = 0 if empty is None else 1
    missing = [m for m in range(first, 1 << n) if m not in store.exact]
    cached = (1 << n) - first - len(missing)
    bar = Progress("valuating coalitions", enabled=progress, total=len(missing))
    done = 0

    def record(mask: int, raw: dict) -> None:
        nonlocal done
        store.add(mask, raw, _from_raw(raw, floats, f"v({format_coalition(players[i] for i in members(mask))})"))
        done += 1
        bar.update(done=done)

    try:
        with bar:
            if scheduler is not None and missing:
                _on_cluster(scheduler, value, players, name, missing, record)
            elif jobs == 1 or len(missing) < 2:
                for mask in missing:
                    record(mask, _evaluate(value, players, mask, name))
            else:
                from ..core.workers import fork_pool
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
    v_empty, origin = _empty_value(empty, store, name)
    if v_empty != 0 and not normalise_empty:
        raise ExactfairError(f"v(∅) = {format_readable(v_empty)} ({origin}): a game has v(∅) = 0; pass normalise_empty=True "
                             "(CLI: --normalise-empty) to use v − v(∅), every value minus v(∅) (recorded in the "
                             "game's metadata), or make the value function return 0 for the empty coalition")
    values = [Fraction(0)] + [store.exact[mask] - v_empty for mask in range(1, 1 << n)]
    metadata = {"source": "from_function", "floats": floats, "computed": len(missing), "from_cache": cached,
                "cache": str(cache) if cache is not None else None, "empty_value": format_exact(v_empty),
                "empty": "evaluated" if empty is None else "declared", "normalised": v_empty != 0,
                "scheduler": None if scheduler is None else str(getattr(scheduler, "scheduler", scheduler))}
    return Game(players, values, metadata=metadata)


CONSTRUCTORS["from_function"] = from_function               # Game.from_function (core cannot import this layer)
