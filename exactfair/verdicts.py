"""Verdict objects: what a machine check concluded, never just a print.

* :class:`Proved` — the claim holds within :attr:`~Proved.scope` (e.g. ``"n = 3"`` or
  ``"all n, by inductive step"``); :attr:`~Proved.core` names the hypothesis instances
  an unsat core needed.
* :class:`Refuted` — a concrete exact witness, re-verified by the exact checker before
  the verdict is built.
* :class:`Unknown` — the solver timed out or gave up; the SMT-LIB text is kept.
* :class:`Vacuous` — the claim's hypotheses are unsatisfiable, so "proved" would mean
  nothing; reported as such, never as proved.

>>> Proved("theorem1+R2", "n = 3", 3).verdict
'proved'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Verdict", "Proved", "Refuted", "Unknown", "Vacuous", "Witness", "InternalCheckError", "combine_agreements",
           "summarize_guards"]


class InternalCheckError(AssertionError):
    """The exact re-check of a solver answer disagreed with the solver: a bug, raised loudly.

    >>> issubclass(InternalCheckError, AssertionError)
    True
    """


@dataclass(frozen=True)
class Witness:
    """A refutation's concrete objects: games, tables and the violated statement, all exact.

    >>> print(Witness(violation='F5 fails', notes='n = 2').render())
    F5 fails
    n = 2
    """

    games: tuple = ()
    tables: tuple = ()
    violation: str = ""
    notes: str = ""
    points: tuple = ()

    def to_dict(self) -> dict:
        from .io import game_to_dict
        return {"games": [game_to_dict(g) for g in self.games],
                "tables": [t.to_dict() for t in self.tables],
                "points": [dict(p) for p in self.points],
                "violation": self.violation, "notes": self.notes}

    def render(self) -> str:
        """The witness as tables a person can check by hand."""
        from .table import RewardTable  # noqa: F401
        parts = []
        for k, g in enumerate(self.games):
            prime = "′" * k
            cols = [g.coalition_name(m) for m in range(1 << g.n)]
            vals = [str(x) for x in g.values]
            widths = [max(len(a), len(b)) for a, b in zip(cols, vals)]
            parts.append(f"v{prime}: " + "  ".join(c.ljust(w) for c, w in zip(cols, widths)))
            parts.append(" " * (len(prime) + 3) + "  ".join(x.ljust(w) for x, w in zip(vals, widths)))
        for k, t in enumerate(self.tables):
            parts.append(f"table {k + 1} ({t.mechanism}):")
            parts.append(t.to_text(min_size=2 if t.n > 1 else 0))
        if self.violation:
            parts.append(self.violation)
        if self.notes:
            parts.append(self.notes)
        return "\n".join(parts)


@dataclass(frozen=True)
class Verdict:
    """Base of the verdicts: the claim, its scope (e.g. ``"n = 3"``), n, and the time taken.

    >>> Proved("c", "n = 2", 2).to_dict()["verdict"], Refuted("c", "n = 2", 2).verdict
    ('proved', 'refuted')
    """

    claim: str
    scope: str
    n: int | None
    seconds: float = 0.0
    details: tuple = field(default=(), compare=False)
    #: ``"live/total"`` conditional instances of the conclusion whose premise is satisfiable, or None
    live_premises: str | None = field(default=None, compare=False, kw_only=True)
    #: the second solver's agreement, e.g. ``{"solver": "cvc5", "agrees": True}``, or None when not run
    second_solver: dict | None = field(default=None, compare=False, kw_only=True)

    verdict = "?"

    def to_dict(self) -> dict[str, Any]:
        return {"claim": self.claim, "verdict": self.verdict, "scope": self.scope, "n": self.n,
                "witness": None, "seconds": round(self.seconds, 3), "live_premises": self.live_premises,
                "second_solver": self.second_solver}


@dataclass(frozen=True)
class Proved(Verdict):
    """The claim holds within its scope; ``core`` lists the hypothesis instances an unsat core needed.

    >>> Proved("theorem2.F5", "all n", None, core=("M: F5 C={1,2} (1,2)",)).to_dict()["core"]
    ['M: F5 C={1,2} (1,2)']
    """

    core: tuple[str, ...] = ()
    verdict = "proved"

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["core"] = list(self.core)
        return out


@dataclass(frozen=True)
class Refuted(Verdict):
    """The claim fails; ``witness`` holds the exact, re-verified counterexample.

    >>> Refuted("c", "n = 2", 2, witness=Witness(violation="x > y fails")).witness.violation
    'x > y fails'
    """

    witness: Witness = field(default_factory=Witness)
    verdict = "refuted"

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["witness"] = self.witness.to_dict()
        return out


@dataclass(frozen=True)
class Unknown(Verdict):
    """The solver gave up (time-out or incompleteness); the SMT-LIB text is kept.

    >>> Unknown("c", "n = 5", 5, reason="timeout").to_dict()["reason"]
    'timeout'
    """

    reason: str = ""
    smtlib: str = field(default="", repr=False)
    smtlib_path: str = ""
    verdict = "unknown"

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["reason"] = self.reason
        out["smtlib_path"] = self.smtlib_path
        return out


@dataclass(frozen=True)
class Vacuous(Verdict):
    """The hypotheses are contradictory, so a proof would be vacuous; never reported as proved.

    >>> Vacuous("c", "n = 2", 2, reason="hypotheses unsatisfiable").verdict
    'vacuous'
    """

    reason: str = ""
    verdict = "vacuous"

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["reason"] = self.reason
        return out


def combine_agreements(records: list[dict]) -> dict | None:
    """One second-solver record for several: agrees only when every one agrees (None for no records).

    >>> combine_agreements([{"solver": "cvc5", "agrees": True}] * 2)
    {'solver': 'cvc5', 'agrees': True, 'checked': 2}
    """
    if not records:
        return None
    missing = [r for r in records if r.get("applicable") is False]
    if missing:
        return missing[0]
    agrees = True if all(r.get("agrees") is True for r in records) else None
    return {"solver": "cvc5", "agrees": agrees, "checked": len(records)}


def summarize_guards(verdicts) -> tuple[str | None, dict | None]:
    """Live premises summed over the verdicts ("live/total", None without conditional instances) and the
    second solver's agreement over every solver-decided verdict among them.

    >>> summarize_guards([Proved("a", "n = 2", 2, live_premises="1/2", second_solver={"solver": "cvc5", "agrees": True})])
    ('1/2', {'solver': 'cvc5', 'agrees': True, 'checked': 1})
    """
    live = total = 0
    seen = False
    for v in verdicts:
        if v.live_premises:
            a, b = v.live_premises.split("/")
            live, total, seen = live + int(a), total + int(b), True
    second = combine_agreements([v.second_solver for v in verdicts if v.second_solver is not None])
    return (f"{live}/{total}" if seen else None), second
