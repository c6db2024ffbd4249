"""The games of the paper, shipped as data files in ``exactfair/data``.

>>> example1()[1, 3]
Fraction(4, 1)
>>> example1_prime()[1, 3]
Fraction(5, 1)
>>> sorted(EXAMPLES)
['example1', 'example1-prime', 'example1-t', 'theorem5']
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..core.game import Game

__all__ = ["example1", "example1_prime", "theorem5_game", "data_path", "EXAMPLES", "get_example"]

_DATA = Path(__file__).parent


def data_path(name: str) -> Path:
    """Path of a shipped data file.

    >>> data_path("example1.json").name
    'example1.json'
    """
    return _DATA / name


def example1() -> Game:
    """Example 1 (Section 4): the 4-player monotone game of the paper.

    >>> example1()[1, 4]
    Fraction(7, 1)
    """
    from .io import read_game
    return read_game(data_path("example1.json"))


def example1_prime() -> Game:
    """Example 1's v′: v′({1,3}) = 5, otherwise equal to v.

    >>> example1_prime()[1, 3], example1_prime()[1, 2, 3, 4]
    (Fraction(5, 1), Fraction(9, 1))
    """
    return example1().with_values({(1, 3): 5})


def theorem5_game() -> Game:
    """The 3-player game of the proof of Theorem 5 (Section 5).

    >>> theorem5_game()[1, 2, 3]
    Fraction(6, 1)
    """
    from .io import read_game
    return read_game(data_path("theorem5.json"))


def example1_parametric():
    """Example 1 with v({1,3}) = t ∈ [0, 10] (a :class:`~exactfair.symbolic.parametric.ParametricGame`)."""
    from .io import read_game
    return read_game(data_path("example1_t.json"))


#: Shipped games by name (usable as GAME on the command line).
EXAMPLES: dict[str, Callable[[], Game]] = {
    "example1": example1,
    "example1-prime": example1_prime,
    "theorem5": theorem5_game,
    "example1-t": example1_parametric,
}


def get_example(name: str) -> Game:
    """A shipped game by name.

    >>> get_example("example1-prime")[1, 3]
    Fraction(5, 1)
    """
    if name not in EXAMPLES:
        raise KeyError(f"no shipped example {name!r}; choose one of {', '.join(sorted(EXAMPLES))}")
    return EXAMPLES[name]()
