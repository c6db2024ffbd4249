"""A catalogue entry and how far to check it (:mod:`exactfair.claims` holds the catalogue itself)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..kernel.verdicts import Verdict

__all__ = ["Scope", "Entry"]


@dataclass(frozen=True)
class Scope:
    """How far to check: the largest n for bounded claims, and the solver time limit per call.

    >>> Scope(), Scope(n_max=5).n_max
    (Scope(n_max=4, timeout=60.0), 5)
    """

    n_max: int = 4
    timeout: float = 60.0


@dataclass(frozen=True)
class Entry:
    """A catalogue entry: id, where it is stated, the statement, the method, and its check.

    ``claim`` is the :class:`exactfair.Claim` the check proves (for the claims machine-checked by
    z3; ``None`` for exact computations and the post's claims, which go through the same verdicts).

    >>> from exactfair.claims import catalogue
    >>> c = catalogue()[0]
    >>> c.id, c.check(Scope()).verdict
    ('paper.example1.table', 'proved')
    """

    id: str
    source: str
    statement: str
    method: str
    check: Callable[[Scope], Verdict]
    claim: Any = None
