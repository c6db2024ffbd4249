"""Exact integers and player labels in ``.npz`` files, at any size.

numpy stores Python integers only by pickling, and exactfair's readers refuse pickles (a file never
runs code).  So integers are written as int64 when every one fits and otherwise as their decimal
strings, and read back from either form; labels likewise.  Used by the game writer and reader
(:mod:`exactfair.data.io`) and the reward-table writer (:meth:`exactfair.RewardTable.write_npz`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .digits import MAX_PRINT_DIGITS, format_integer, parse_integer
from .errors import GameFileError
from .scaled import INT64_MAX, integer_array, max_abs

__all__ = ["npz_integers", "npz_labels", "read_integers"]


def npz_integers(values: Any) -> np.ndarray:
    """Integers (an int, or an int64/object array) for an ``.npz`` file: int64 when all fit, else decimal strings.

    >>> npz_integers(np.array([1, -2])).dtype, npz_integers(2 ** 70).tolist()
    (dtype('int64'), '1180591620717411303424')
    """
    a = values if isinstance(values, np.ndarray) else np.array(values, dtype=object)
    if a.dtype != object or not a.size or max_abs(a) <= INT64_MAX:
        return a.astype(np.int64)
    return np.array([format_integer(int(x), what="a value written to .npz") for x in a.flat]).reshape(a.shape)


def npz_labels(players: Sequence, *, text: bool = False) -> np.ndarray:
    """Player labels for an ``.npz`` file: int64 when every label is an int that fits (and not ``text``), else strings.

    >>> npz_labels([1, 2]).dtype, npz_labels([1, 2 ** 70]).tolist(), npz_labels([1, 2], text=True).tolist()
    (dtype('int64'), ['1', '1180591620717411303424'], ['1', '2'])
    """
    if not text and all(isinstance(p, int) and -INT64_MAX <= p <= INT64_MAX for p in players):
        return np.array(players, dtype=np.int64)
    return np.array([format_integer(p, what="a player label") if isinstance(p, int) else p for p in players])


def read_integers(array: np.ndarray, name: str, path: Path | str, ndim: int) -> np.ndarray:
    """The exact integers of an ``.npz`` entry (any integer dtype, or decimal strings) as a 1-d exact array.

    >>> read_integers(np.array("1180591620717411303424"), "denominator", "g.npz", 0).tolist()
    [1180591620717411303424]
    >>> read_integers(np.array(["1", "x"]), "numerators", "g.npz", 1)
    Traceback (most recent call last):
    ...
    exactfair.core.errors.GameFileError: g.npz: an entry of 'numerators' is 'x', not a decimal integer
    """
    if array.ndim != ndim:
        raise GameFileError(f"{path}: '{name}' must be {'one integer' if ndim == 0 else 'a one-dimensional array'}, "
                            f"got shape {array.shape}")
    if array.dtype.kind in "iu":
        return integer_array(array.reshape(-1))
    if array.dtype.kind == "U":
        try:
            return integer_array([parse_integer(str(x), max_digits=MAX_PRINT_DIGITS, what=f"an entry of '{name}'")
                                  for x in array.reshape(-1).tolist()])
        except ValueError as exc:
            raise GameFileError(f"{path}: {exc}") from None
    raise GameFileError(f"{path}: '{name}' must hold integers (or big integers as decimal strings), got "
                        f"{array.dtype}; write fractions as numerators with a 'denominator' in an .npz file")
