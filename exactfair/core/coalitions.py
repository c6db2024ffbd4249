"""Coalitions as bitmasks.

Internally a coalition of an ``n``-player game is an ``int`` bitmask: bit ``i``
is set when the ``i``-th player (in the game's player order) is a member.  Labels
are converted at the edges only (see :class:`exactfair.core.game.Game`).
"""

from __future__ import annotations

from itertools import combinations
from typing import Iterable, Iterator, Sequence

__all__ = [
    "members",
    "size",
    "subsets",
    "proper_subsets",
    "coalitions_by_size",
    "paper_order",
    "mask_of",
    "format_coalition",
]


def members(mask: int) -> tuple[int, ...]:
    """Indices of the players in ``mask``, ascending.

    >>> members(0b1011)
    (0, 1, 3)
    """
    out = []
    i = 0
    while mask:
        if mask & 1:
            out.append(i)
        mask >>= 1
        i += 1
    return tuple(out)


def size(mask: int) -> int:
    """Number of players in ``mask``.

    >>> size(0b1011)
    3
    """
    return bin(mask).count("1")


def mask_of(indices: Sequence[int]) -> int:
    """Bitmask of the given player indices.

    >>> mask_of([0, 3])
    9
    """
    mask = 0
    for i in indices:
        mask |= 1 << i
    return mask


def subsets(mask: int) -> Iterator[int]:
    """All subsets of ``mask`` (including ∅ and ``mask`` itself), in increasing order.

    >>> list(subsets(0b101))
    [0, 1, 4, 5]
    """
    sub = 0
    while True:
        yield sub
        if sub == mask:
            return
        sub = (sub - mask) & mask


def proper_subsets(mask: int) -> Iterator[int]:
    """All subsets of ``mask`` except ``mask`` itself.

    >>> list(proper_subsets(0b11))
    [0, 1, 2]
    """
    for sub in subsets(mask):
        if sub != mask:
            yield sub


def coalitions_by_size(n: int, k: int) -> Iterator[int]:
    """Coalitions of exactly ``k`` of ``n`` players, in lexicographic order of members.

    >>> list(coalitions_by_size(3, 2))
    [3, 5, 6]
    """
    for combo in combinations(range(n), k):
        yield mask_of(combo)


def paper_order(n: int) -> list[int]:
    """All ``2**n`` coalitions ordered as the paper's tables: by size, then lexicographically.

    >>> paper_order(2)
    [0, 1, 2, 3]
    >>> paper_order(3)[:5]
    [0, 1, 2, 4, 3]
    """
    return [mask for k in range(n + 1) for mask in coalitions_by_size(n, k)]


def format_coalition(labels: Iterable) -> str:
    """Render a coalition as the paper writes it.

    >>> format_coalition([1, 2]), format_coalition([])
    ('{1,2}', '∅')
    """
    labels = list(labels)
    if not labels:
        return "∅"
    return "{" + ",".join(str(label) for label in labels) + "}"
