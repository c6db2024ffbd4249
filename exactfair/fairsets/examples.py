"""The shipped bargaining problems by name: the post's three examples and the case studies.

>>> sorted(BARGAINS)
['demand', 'post-example1', 'post-example2', 'post-example3', 'ultimatum', 'volunteers']
>>> bargain("ultimatum").game.names
['Proposer', 'Responder']
"""

from __future__ import annotations

from ..data.examples import data_path
from .post import EXAMPLES, Bargain, example
from .spec import read_bargain

__all__ = ["BARGAINS", "bargain"]

#: Case studies shipped as JSON files in ``exactfair/data`` (see the notebook ``bargaining_any_game``).
FILES = {"ultimatum": "bargain_ultimatum.json", "demand": "bargain_demand.json",
         "volunteers": "bargain_volunteers.json"}
BARGAINS = sorted([*EXAMPLES, *FILES])


def bargain(name: str) -> Bargain:
    """A shipped bargaining problem by name (one of :data:`BARGAINS`).

    >>> [len(a) for a in bargain("demand").game.actions]
    [3, 3]
    """
    if name in EXAMPLES:
        return example(name)
    if name in FILES:
        b = read_bargain(data_path(FILES[name]))
        b.name = name
        return b
    raise KeyError(f"no shipped bargaining problem {name!r}; choose one of {', '.join(BARGAINS)} or give a JSON file")
