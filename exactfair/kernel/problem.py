"""A claim at n players as data for the solvers: a :class:`Problem`, and the :class:`Options` that vary a claim.

A problem is what :func:`exactfair.kernel.solve.solve` decides: background definitions, *named*
hypotheses, a conclusion, and the decoder that turns a model into exact games and tables (re-checked
exactly).  :mod:`exactfair.smt.problem` builds problems from claims; nothing here knows any claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import z3

__all__ = ["Problem", "Options"]


@dataclass
class Problem:
    """A claim at n players, ready for z3.

    >>> from exactfair.smt.problem import build_problem
    >>> p = build_problem('theorem2.F5', 2)
    >>> p.claim, p.n, len(p.background) > 0
    ('theorem2.F5', 2, True)
    """

    claim: str
    n: int
    background: list
    hypotheses: list          # (name, z3 formula)
    conclusion: z3.BoolRef
    decode: Callable          # model -> Witness (exactly re-verified; raises InternalCheckError)
    games: list = field(default_factory=list)
    notes: str = ""
    rebuild: Callable | None = field(default=None, repr=False)   # rebuild(integer=True) for shrinking
    premises: list = field(default_factory=list, repr=False)      # (name, premise) of conditional instances
    look: Callable | None = field(default=None, repr=False)        # atom lookup of the conclusion (one game)


@dataclass(frozen=True)
class Options:
    """Variants of a claim: extra hypotheses (axioms), extra game classes, relaxed conclusion.

    >>> Options(extra_axioms=('R2',), classes=('convex',), relaxed=True).suffix()
    '+R2[convex][≥]'
    """

    extra_axioms: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    relaxed: bool = False
    encoding: str = "auto"           # "direct" | "structured" | "auto"
    grand_only: bool = False         # check only conclusion instances at C = N (see proofs/SOUNDNESS.md)
    first_player_only: bool = False  # with grand_only: only the instance for player 1 (symmetry)

    def suffix(self) -> str:
        parts = [f"+{a}" for a in self.extra_axioms] + [f"[{c}]" for c in self.classes]
        if self.relaxed:
            parts.append("[≥]")
        return "".join(parts)
