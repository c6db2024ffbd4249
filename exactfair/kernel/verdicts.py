"""Verdict objects: what a machine check concluded, never just a print.

* :class:`Proved` — the claim holds within :attr:`~Proved.scope` (e.g. ``"n = 3"`` or
  ``"all n, by inductive step"``); :attr:`~Proved.core` names the hypothesis instances
  an unsat core needed.
* :class:`Refuted` — a concrete exact witness, re-verified by the exact checker before
  the verdict is built.
* :class:`Unknown` — the solver timed out or gave up; the SMT-LIB text is kept.
* :class:`Vacuous` — the claim's hypotheses are unsatisfiable, so "proved" would mean
  nothing; reported as such, never as proved.
* :class:`ProvedOneSolver` — z3 proved it but the second solver (cvc5) did not confirm it
  (unknown, timed out, not installed, not run): ``"proved (z3 only)"``, never plain "proved".

Plain :class:`Proved` needs a record of why it may say so: either cvc5 agreed with every solver answer
behind it, or no solver was involved (:func:`exact`, an exact computation or argument).  The constructor
refuses anything else — a missing record included — and :func:`solver_proved` picks the class from the
record, so no code path can report a single-solver proof as plain "proved".

>>> Proved("theorem1+R2", "n = 3", 3, second_solver={"solver": "cvc5", "agrees": True}).verdict
'proved'
>>> Proved("table as printed", "exact", 4, second_solver=exact("exact computation")).verdict
'proved'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Verdict", "Proved", "ProvedOneSolver", "Refuted", "Unknown", "Vacuous", "Witness", "InternalCheckError",
           "combine_agreements", "summarize_guards", "confirmed", "exact", "unconfirmed_reason", "solver_proved",
           "with_second_solver"]


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
        from ..core.game import game_to_dict
        return {"games": [game_to_dict(g) for g in self.games],
                "tables": [t.to_dict() for t in self.tables],
                "points": [dict(p) for p in self.points],
                "violation": self.violation, "notes": self.notes}

    def render(self) -> str:
        """The witness as tables a person can check by hand."""
        from ..core.table import RewardTable  # noqa: F401
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

    >>> Proved("c", "n = 2", 2, second_solver=exact("by hand")).to_dict()["verdict"], Refuted("c", "n = 2", 2).verdict
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

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if cls.verdict == "proved" and cls.__name__ != "Proved" and getattr(cls, "__post_init__", None) is not Proved.__post_init__:
            raise TypeError(f"{cls.__name__}: only Proved (and subclasses keeping its check) may say 'proved'")

    def to_dict(self) -> dict[str, Any]:
        return {"claim": self.claim, "verdict": self.verdict, "scope": self.scope, "n": self.n,
                "witness": None, "seconds": round(self.seconds, 3), "live_premises": self.live_premises,
                "second_solver": self.second_solver}


@dataclass(frozen=True)
class Proved(Verdict):
    """The claim holds within its scope; ``core`` lists the hypothesis instances an unsat core needed.

    >>> Proved("theorem2.F5", "all n", None, core=("M: F5 C={1,2} (1,2)",),
    ...        second_solver={"solver": "cvc5", "agrees": True}).to_dict()["core"]
    ['M: F5 C={1,2} (1,2)']
    >>> try:
    ...     Proved("c", "n = 2", 2)                 # no record: refused
    ... except InternalCheckError:
    ...     print("refused")
    refused
    """

    core: tuple[str, ...] = ()
    verdict = "proved"

    def __post_init__(self) -> None:
        if not confirmed(self.second_solver):
            raise InternalCheckError(f"{self.claim}: a plain 'proved' needs the second solver's agreement or a record "
                                     f"that no solver was involved (exact(why)), got {self.second_solver}; build a "
                                     "solver's proof with solver_proved()")

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["core"] = list(self.core)
        return out


@dataclass(frozen=True)
class ProvedOneSolver(Verdict):
    """z3 answered unsat but cvc5 did not confirm (``reason`` says why): ``"proved (z3 only)"``.

    >>> v = solver_proved("c", "n = 5", 5, second_solver={"solver": "cvc5", "agrees": None, "answer": "unknown",
    ...                                                    "seconds": 60.0})
    >>> v.verdict, v.reason
    ('proved (z3 only)', 'cvc5: unknown after 60 s')
    """

    core: tuple[str, ...] = ()
    reason: str = ""
    verdict = "proved (z3 only)"

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["core"] = list(self.core)
        out["reason"] = self.reason
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


def exact(why: str) -> dict:
    """The second-solver record of a verdict no solver took part in: an exact computation or argument.

    >>> exact("the printed table, recomputed in Fractions")
    {'applicable': False, 'why': 'the printed table, recomputed in Fractions'}
    """
    if not why:
        raise ValueError("say why no solver was needed")
    return {"applicable": False, "why": why}


def confirmed(record: dict | None) -> bool:
    """Did the second solver agree with every solver answer behind a verdict?

    True for a cvc5 record that agrees, and for a record saying no solver was involved (an exact
    computation); False for a record that does not agree (unknown, time-out, not installed, not run) and
    for a missing record of a solver-backed check.

    >>> confirmed({"solver": "cvc5", "agrees": True}), confirmed({"solver": "cvc5", "agrees": None})
    (True, False)
    >>> confirmed({"applicable": False, "why": "exact computation"}), confirmed(None)
    (True, False)
    """
    if not isinstance(record, dict):
        return False
    if record.get("applicable") is False and "solver" not in record:
        return True
    return record.get("solver") == "cvc5" and record.get("agrees") is True


def unconfirmed_reason(record: dict | None) -> str:
    """Why the second solver did not confirm, in a few words.

    >>> unconfirmed_reason({"solver": "cvc5", "agrees": None, "answer": "unknown", "seconds": 60.0})
    'cvc5: unknown after 60 s'
    >>> unconfirmed_reason(None)
    'cvc5 was not run'
    """
    if not isinstance(record, dict):
        return "cvc5 was not run"
    answer = record.get("answer", "not run")
    if answer == "unavailable":
        return f"cvc5: {record.get('why', 'not installed')}"
    seconds = record.get("seconds")
    return f"cvc5: {answer}" + (f" after {seconds:g} s" if isinstance(seconds, (int, float)) else "")


def combine_agreements(records: list) -> dict | None:
    """One second-solver record for several: agrees only when every one agrees (None for no records).

    Exact steps (``{"applicable": False, …}``) need no confirmation; a ``None`` among the records (a solver
    answer nobody re-checked) makes the whole unconfirmed; ``checked``/``of`` count the problems behind them.

    >>> combine_agreements([{"solver": "cvc5", "agrees": True}] * 2)
    {'solver': 'cvc5', 'agrees': True, 'checked': 2}
    >>> combine_agreements([{"solver": "cvc5", "agrees": True}, None])["agrees"] is None
    True
    >>> combine_agreements([{"solver": "cvc5", "agrees": True}, {"solver": "cvc5", "agrees": None, "answer": "unknown"}])
    {'solver': 'cvc5', 'agrees': None, 'checked': 1, 'of': 2, 'answer': 'unknown'}
    """
    if not records:
        return None
    exact = [r for r in records if isinstance(r, dict) and r.get("applicable") is False and "solver" not in r]
    solver = [r for r in records if not any(r is e for e in exact)]
    if not solver:
        return exact[0]
    total = sum((r.get("of", r.get("checked", 1)) if isinstance(r, dict) else 1) for r in solver)
    agreed = sum((r.get("checked", 1) if confirmed(r) else r.get("checked", 0)) if isinstance(r, dict) else 0
                 for r in solver)
    if all(confirmed(r) for r in solver):
        return {"solver": "cvc5", "agrees": True, "checked": total}
    first = next((r for r in solver if not confirmed(r)), None)
    first = first if isinstance(first, dict) else {}
    out = {"solver": "cvc5", "agrees": None, "checked": agreed, "of": total, "answer": first.get("answer", "not run")}
    for key in ("seconds", "why"):
        if key in first:
            out[key] = first[key]
    return out


def solver_proved(claim: str, scope: str, n: int | None, seconds: float = 0.0, details: tuple = (), *,
                  second_solver: dict | None, core: tuple = (), live_premises: str | None = None) -> Verdict:
    """The verdict of a claim z3 proved: :class:`Proved` when cvc5 agreed, else :class:`ProvedOneSolver`.

    >>> solver_proved("c", "n = 2", 2, second_solver={"solver": "cvc5", "agrees": True}).verdict
    'proved'
    >>> solver_proved("c", "n = 2", 2, second_solver=None).verdict
    'proved (z3 only)'
    """
    if confirmed(second_solver):
        return Proved(claim, scope, n, seconds, details, core, live_premises=live_premises,
                      second_solver=second_solver)
    return ProvedOneSolver(claim, scope, n, seconds, details, core, unconfirmed_reason(second_solver),
                           live_premises=live_premises, second_solver=second_solver)


def with_second_solver(verdict: Verdict, record: dict | None) -> Verdict:
    """The verdict with a second-solver record attached; a proof cvc5 did not confirm becomes z3-only.

    >>> with_second_solver(Proved("c", "s", 1, second_solver={"solver": "cvc5", "agrees": True}),
    ...                    {"solver": "cvc5", "agrees": None, "answer": "unknown"}).verdict
    'proved (z3 only)'
    """
    import dataclasses
    if isinstance(verdict, (Proved, ProvedOneSolver)):
        return solver_proved(verdict.claim, verdict.scope, verdict.n, verdict.seconds, verdict.details,
                             second_solver=record, core=verdict.core, live_premises=verdict.live_premises)
    return dataclasses.replace(verdict, second_solver=record)


def summarize_guards(verdicts) -> tuple[str | None, dict | None]:
    """Live premises summed over the verdicts ("live/total", None without conditional instances) and the
    second solver's agreement over every solver-decided verdict among them (a z3-only proof among them
    makes the whole unconfirmed).

    >>> summarize_guards([Proved("a", "n = 2", 2, live_premises="1/2", second_solver={"solver": "cvc5", "agrees": True})])
    ('1/2', {'solver': 'cvc5', 'agrees': True, 'checked': 1})
    """
    live = total = 0
    seen = False
    records = []
    for v in verdicts:
        if v.live_premises:
            a, b = v.live_premises.split("/")
            live, total, seen = live + int(a), total + int(b), True
        if isinstance(v, ProvedOneSolver):
            records.append(v.second_solver if isinstance(v.second_solver, dict) and "solver" in v.second_solver
                           else {"solver": "cvc5", "agrees": None, "answer": "not run"})
        elif v.second_solver is not None:
            records.append(v.second_solver)
    return (f"{live}/{total}" if seen else None), combine_agreements(records)
