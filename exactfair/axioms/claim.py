"""A claim as data: ``Claim(mechanism, assume, conclude, games)`` — what :func:`exactfair.prove` proves.

A claim says: for every game of the given classes with n players, every table that is a table of
``mechanism`` (if one is given) and satisfies the axioms in ``assume`` also satisfies the axioms in
``conclude`` — or, with ``conclude="unique"``, any two such tables of the same game coincide.  It is
built from the axioms and mechanisms of the registries and holds nothing else; the provers
(:mod:`exactfair.smt`) read it and :mod:`exactfair.claims.api` asks them for verdicts.

>>> c = Claim("balanced-reciprocity", conclude="F5")
>>> c.name, c.games
('balanced-reciprocity ⊨ F5 on monotone games', ('monotone',))
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from . import Axiom
from .registry import AXIOM_REGISTRY, GAME_CLASS_REGISTRY, Mechanism, get_mechanism

__all__ = ["Claim", "LOCAL_AXIOMS"]

#: Built-in axioms whose instances at C mention only C and its sub-coalitions, so that a table
#: satisfying them restricts to one on every subgame (what the F4 grand-coalition reduction needs).
LOCAL_AXIOMS = frozenset({"R1", "R2", "R3", "R4", "R5", "F5"})


def _axiom_name(a: Any) -> Any:
    """A registered axiom is kept by name; an unregistered Axiom object is kept as the object."""
    if isinstance(a, Axiom):
        return a.name if AXIOM_REGISTRY.get(a.name) is a else a
    if isinstance(a, str):
        return a.strip()
    raise TypeError(f"an axiom is a name or an Axiom, got {a!r}")


def _label(a: Any) -> str:
    return a.name if isinstance(a, Axiom) else a


@dataclass(frozen=True)
class Claim:
    """A claim about reward tables (frozen, hashable data).

    ``mechanism``: ``None`` (any table) or a mechanism name / :class:`~exactfair.axioms.registry.Mechanism`;
    ``assume``: axioms the table(s) satisfy; ``conclude``: an axiom, several, or ``"unique"``;
    ``games``: ``"any"``, a class name, or several (``"monotone"``, ``"superadditive"``, …).
    ``relaxed=True`` replaces strict ``>`` in the conclusion by ``≥``.  ``id``/``source`` are labels.

    >>> c = Claim("balanced-reciprocity", conclude="F3", games=("monotone", "convex"))
    >>> c.conclude, c.games, c.name
    (('F3',), ('monotone', 'convex'), 'balanced-reciprocity ⊨ F3 on monotone, convex games')
    """

    mechanism: Any = None
    assume: Any = ()
    conclude: Any = ()
    games: Any = "monotone"
    relaxed: bool = False
    id: str = ""
    source: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        if self.mechanism is not None and not isinstance(self.mechanism, (str, Mechanism)):
            raise TypeError(f"mechanism must be a name or a Mechanism, got {self.mechanism!r}")
        if isinstance(self.mechanism, str):
            get_mechanism(self.mechanism)                       # unknown names fail here, with the list
        assume = (self.assume,) if isinstance(self.assume, (str, Axiom)) else tuple(self.assume)
        set_(self, "assume", tuple(_axiom_name(a) for a in assume))
        conclude = self.conclude
        if conclude == "unique":
            set_(self, "conclude", "unique")
        else:
            conclude = (conclude,) if isinstance(conclude, (str, Axiom)) else tuple(conclude)
            if not conclude:
                raise ValueError("a claim needs a conclusion: an axiom, a list of axioms, or 'unique'")
            set_(self, "conclude", tuple(_axiom_name(a) for a in conclude))
        games = self.games
        if games in ("any", None, ()):
            games = ()
        elif isinstance(games, str):
            games = (games,)
        games = tuple(dict.fromkeys(games))
        for g in games:
            GAME_CLASS_REGISTRY[g]                              # unknown classes fail here
        set_(self, "games", games)
        for name in self.assume + (() if self.conclude == "unique" else self.conclude):
            _resolve(name)

    # ---------------------------------------------------------------- variants (repairs)
    def with_assumptions(self, *axioms: str) -> "Claim":
        """The claim with more hypotheses (named like the paper's repairs, e.g. ``theorem1+R2``)."""
        return replace(self, assume=self.assume + tuple(a for a in axioms if a not in self.assume),
                       id=self.id + "".join(f"+{_label(a)}" for a in axioms) if self.id else "")

    def restricted(self, *classes: str) -> "Claim":
        """The claim on a smaller class of games."""
        return replace(self, games=self.games + tuple(c for c in classes if c not in self.games),
                       id=self.id + "".join(f"[{c}]" for c in classes) if self.id else "")

    def relaxed_claim(self) -> "Claim":
        """The claim with strict inequalities in the conclusion made non-strict."""
        return replace(self, relaxed=True, id=self.id + "[≥]" if self.id else "")

    @property
    def mechanism_name(self) -> str | None:
        if self.mechanism is None:
            return None
        return self.mechanism if isinstance(self.mechanism, str) else self.mechanism.name

    @property
    def name(self) -> str:
        """The rendered name (the ``id`` if given): a claim's name is rendered, never parsed."""
        if self.id:
            return self.id
        left = self.mechanism_name or "any table"
        if self.assume:
            left += " with " + ", ".join(map(_label, self.assume))
        right = "unique" if self.conclude == "unique" else ", ".join(map(_label, self.conclude))
        if self.relaxed:
            right += " (≥)"
        games = ", ".join(self.games) if self.games else "all"
        return f"{left} ⊨ {right} on {games} games"

    def axioms(self) -> tuple[Axiom, ...]:
        """The conclusion axioms, resolved (relaxed if asked)."""
        if self.conclude == "unique":
            return ()
        return tuple(_resolve(a, self.relaxed) for a in self.conclude)

    def assumptions(self) -> tuple[Axiom, ...]:
        return tuple(_resolve(a) for a in self.assume)

    def game_count(self) -> int:
        return max([a.games for a in self.assumptions() + self.axioms()] + [1])

    def to_dict(self) -> dict:
        return {"mechanism": self.mechanism_name, "assume": [_label(a) for a in self.assume],
                "conclude": self.conclude if self.conclude == "unique" else [_label(a) for a in self.conclude],
                "games": list(self.games) or "any", "relaxed": self.relaxed, "name": self.name}


def _resolve(name: Any, relaxed: bool = False) -> Axiom:
    from .registry import relax, resolve_axiom
    axiom = resolve_axiom(name)
    return relax(axiom) if relaxed else axiom
