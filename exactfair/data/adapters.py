"""Games handed over from pyDVL and shapiq, in one line: ``Game.from_pydvl(utility)``, ``Game.from_shapiq(game)``.

Both go through :func:`exactfair.data.valuation.from_function`, so the float policy, the treatment of v(∅)
(evaluated; a non-zero value refused, or subtracted with ``normalise_empty=True``), the cache, ``jobs``
and ``scheduler`` are those of any valuation.  Neither library is imported by exactfair itself.

* **pyDVL** (``pip install 'exactfair[pydvl]'``, pyDVL ≥ 0.10, the ``pydvl.valuation`` API): a utility
  with its training data set (``utility.with_dataset(data)``).  The players are the data set's
  logical indices — the groups of a ``GroupedDataset`` (data owners), named by ``data.names`` — and
  v(C) = ``utility(Sample(None, indices of C))``.  pyDVL returns ``scorer.default`` for the empty
  sample, often not 0: say what v(∅) means for you (``normalise_empty=True``).
* **shapiq** (``pip install 'exactfair[shapiq]'``): a ``shapiq.Game``; the players are its player
  names, else its indices 0..n−1, and v(C) = ``game(C as a one-hot row)`` — shapiq's own
  normalisation (``normalization_value``) included, so a game built with ``normalize=False`` keeps its
  v(∅).  Without a cache, jobs or a scheduler the 2ⁿ coalitions go to shapiq in one vectorised call.

A cache belongs to one function: the adapters name it by the library, the class, and a digest of the
code of its value function and of its state as far as it is plain data (numbers, strings, numpy arrays,
and the attributes of its parts, three levels deep) — for pyDVL also the training data — so another
utility, data set or game is refused by the cache instead of reusing its values.  State the digest
cannot see (an open file, a model held by a library object without plain attributes) is not
detected: give another game another cache file.
"""

from __future__ import annotations

import hashlib
from typing import Any, Callable, Sequence

import numpy as np

from ..core.errors import ExactfairError
from ..core.game import CONSTRUCTORS, Game

__all__ = ["from_pydvl", "from_shapiq"]


class _Adapted:
    """A value function over labels that names itself for the cache (``module:qualname``, see the module docstring)."""

    def __init__(self, call: Callable[[tuple], Any], name: str) -> None:
        self._call = call
        self.__module__ = "exactfair.data.adapters"
        self.__qualname__ = name

    def __call__(self, coalition: tuple) -> Any:
        return self._call(coalition)


def _feed(value: Any, out: "hashlib._Hash", depth: int) -> None:
    """Plain data, numpy arrays and (to a small depth) the attributes of objects, into the hash."""
    if isinstance(value, np.ndarray):
        out.update(f"array{value.shape}{value.dtype};".encode())
        out.update(np.ascontiguousarray(value).tobytes() if value.dtype != object else repr(value.tolist()).encode())
    elif value is None or isinstance(value, (bool, int, float, complex, str, bytes, np.generic)):
        out.update(f"{type(value).__name__}:{value!r};".encode())
    elif isinstance(value, (list, tuple)):
        out.update(f"{type(value).__name__}[".encode())
        for x in value:
            _feed(x, out, depth)
        out.update(b"]")
    elif isinstance(value, dict):
        for key in sorted(value, key=repr):
            out.update(repr(key).encode())
            _feed(value[key], out, depth)
    elif depth > 0 and hasattr(value, "__dict__"):
        out.update(f"{type(value).__module__}.{type(value).__qualname__}(".encode())
        for key in sorted(vars(value)):
            _feed(vars(value)[key], out, depth - 1)
        out.update(b")")
    else:
        out.update(f"{type(value).__qualname__};".encode())


def _digest(*parts: Any) -> str:
    """A digest of what a value function depends on, as far as it is plain data (see the module docstring)."""
    from ..core.usercode import code_fingerprint

    out = hashlib.sha256()
    for part in parts:
        method = getattr(type(part), "value_function", None) or getattr(type(part), "__call__", None)
        out.update(repr(code_fingerprint(method)).encode())
        _feed(part, out, 3)
    return out.hexdigest()[:16]


def _labels(names: Sequence[Any], count: int, players: Sequence | None) -> tuple:
    if players is not None:
        players = tuple(players)
        if len(players) != count:
            raise ExactfairError(f"players= names {len(players)} players, but the game has {count}")
        return players
    labels = [x.item() if hasattr(x, "item") else x for x in names]
    if all(isinstance(x, (int, str)) and not isinstance(x, bool) for x in labels) and len(set(labels)) == count:
        return tuple(labels)
    return tuple(str(x) for x in labels)


def from_pydvl(utility: Any, *, players: Sequence | None = None, floats: str = "exact", normalise_empty: bool = False,
               cache: Any = None, jobs: int = 1, scheduler: Any = None, progress: bool = False) -> Game:
    """The game of a pyDVL utility over its training data's (group) indices; see the module docstring.

    >>> from_pydvl(object())
    Traceback (most recent call last):
    ...
    exactfair.core.errors.ExactfairError: from_pydvl needs a pyDVL utility with its training data set (utility.with_dataset(data)); got object
    """
    from .valuation import from_function

    data = getattr(utility, "training_data", None)
    if data is None or not callable(utility) or not hasattr(data, "indices"):
        raise ExactfairError("from_pydvl needs a pyDVL utility with its training data set (utility.with_dataset(data)); "
                             f"got {type(utility).__name__}")
    try:
        from pydvl.valuation.types import Sample
    except ImportError:
        raise ExactfairError("from_pydvl needs pyDVL >= 0.10 (pydvl.valuation): pip install 'exactfair[pydvl]'") from None
    indices = [int(i) for i in np.asarray(data.indices)]
    names = list(getattr(data, "names", indices))
    labels = _labels(names, len(indices), players)
    position = dict(zip(labels, indices))
    x, y = data.data()
    name = f"pydvl[{type(utility).__name__}:{_digest(utility, np.asarray(x), np.asarray(y), labels)}]"

    def value(coalition: tuple) -> Any:
        return utility(Sample(None, np.array(sorted(position[p] for p in coalition), dtype=int)))

    return from_function(labels, _Adapted(value, name), cache=cache, jobs=jobs, progress=progress, floats=floats,
                         normalise_empty=normalise_empty, scheduler=scheduler)


def from_shapiq(game: Any, *, players: Sequence | None = None, floats: str = "exact", normalise_empty: bool = False,
                cache: Any = None, jobs: int = 1, scheduler: Any = None, progress: bool = False) -> Game:
    """The game of a ``shapiq.Game``; see the module docstring.

    >>> from_shapiq(3)
    Traceback (most recent call last):
    ...
    exactfair.core.errors.ExactfairError: from_shapiq needs a shapiq.Game (an object with n_players that is called with one-hot coalitions); got int
    """
    from .valuation import from_function

    n = getattr(game, "n_players", None)
    if not isinstance(n, (int, np.integer)) or not callable(game):
        raise ExactfairError("from_shapiq needs a shapiq.Game (an object with n_players that is called with one-hot "
                             f"coalitions); got {type(game).__name__}")
    n = int(n)
    lookup = getattr(game, "player_name_lookup", None) or {}
    names = sorted(lookup, key=lookup.get) if len(lookup) == n else list(range(n))
    labels = _labels(names, n, players)
    index = {p: i for i, p in enumerate(labels)}
    name = f"shapiq[{type(game).__name__}:{_digest(game, n)}]"

    def one_hot(coalitions: Sequence[tuple]) -> np.ndarray:
        rows = np.zeros((len(coalitions), n), dtype=bool)
        for r, coalition in enumerate(coalitions):
            rows[r, [index[p] for p in coalition]] = True
        return rows

    if cache is None and jobs == 1 and scheduler is None:
        from itertools import combinations
        everything = [c for k in range(n + 1) for c in combinations(labels, k)]
        results = np.asarray(game(one_hot(everything)), dtype=float)
        if results.shape != (len(everything),):
            raise ExactfairError(f"the shapiq game returned {results.shape} values for {len(everything)} coalitions")
        by_coalition = dict(zip(everything, results.tolist()))
        function = _Adapted(lambda coalition: by_coalition[coalition], name)
    else:
        function = _Adapted(lambda coalition: float(np.asarray(game(one_hot([coalition])), dtype=float)[0]), name)
    return from_function(labels, function, cache=cache, jobs=jobs, progress=progress, floats=floats,
                         normalise_empty=normalise_empty, scheduler=scheduler)


CONSTRUCTORS.update(from_pydvl=from_pydvl, from_shapiq=from_shapiq)     # Game.from_pydvl, Game.from_shapiq
