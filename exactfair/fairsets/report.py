"""The whole bargaining procedure on one problem: validity of every fair set, F non-empty, the outcome.

:func:`analyse` runs the post's procedure on a :class:`~exactfair.fairsets.post.Bargain` — each F_i
proved valid or refuted (:mod:`exactfair.fairsets.validity`), then F = ∩F_i shown non-empty by an
exact point and the lexicographic Pareto optimum computed and proved
(:mod:`exactfair.fairsets.optimum`) — and returns a :class:`BargainReport` that renders as text or
as the JSON of ``exactfair bargain --json``.

>>> from exactfair.fairsets.post import example2
>>> r = analyse(example2())
>>> d = r.to_dict()
>>> [v["verdict"] for v in d["valid"]], d["nonempty"], d["outcome"], d["utilities"], d["pareto"]
(['proved', 'proved'], 'proved', {'p': '23/30', 'q': '23/30'}, ['23/30', '23/30'], 'proved')
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Sequence

import sympy  # noqa: F401  (the doctests use it)

from ..core.errors import ExactfairError
from ..kernel.verdicts import Refuted, Unknown, Verdict, Witness
from . import atoms as A
from .core import printable as _shown
from .exactsets import point_str, point_text
from .optimum import Outcome, lexicographic_outcome
from .solving import BUDGET, agreement_text, confirm, decide, is_proved, rational_solution, solver_proved, z3_vars
from .validity import Validity, check_map, check_validity

__all__ = ["BargainReport", "analyse", "parse_order", "check_same_set"]


def parse_order(text: str | Sequence | None, names: Sequence[str]) -> tuple[int, ...]:
    """The players' order for the lexicographic optimum: names or 1-based numbers, comma separated.

    >>> parse_order("B,A", ["A", "B"]), parse_order("2, 1", ["A", "B"]), parse_order(None, ["A", "B"])
    ((1, 0), (1, 0), (0, 1))
    """
    n = len(names)
    if text is None:
        return tuple(range(n))
    items = [t.strip() for t in text.split(",")] if isinstance(text, str) else [str(t) for t in text]
    order = []
    for item in items:
        if item in names:
            order.append(list(names).index(item))
        elif item.isdigit() and 1 <= int(item) <= n:
            order.append(int(item) - 1)
        else:
            raise ExactfairError(f"--order: {item!r} is neither a player ({', '.join(names)}) nor a number 1..{n}")
    if sorted(order) != list(range(n)):
        raise ExactfairError(f"--order must name every player once ({', '.join(names)}); got {text!r}")
    return tuple(order)


def check_same_set(game, a, b, claim: str, budget: float = BUDGET) -> Verdict:
    """Two conditions on the coordinates define the same subset of R (proved, or refuted by an exact point).

    >>> from exactfair.fairsets.core import StrategicGame
    >>> g = StrategicGame.two_by_two("p", "q", "q", "p")
    >>> p, q = g.symbols()
    >>> check_same_set(g, sympy.Eq(p, sympy.Min(p, q)), p <= q, "fixed points of f1 = F1").verdict
    'proved'
    """
    start = time.perf_counter()
    gens = game.symbols()
    fa, fb = A.formula(a, gens), A.formula(b, gens)
    dom = A.formula(game.domain(), gens)
    env = z3_vars(gens)
    differ = A.conjunction([dom, ("or", (A.conjunction([fa, A.negate(fb)]), A.conjunction([fb, A.negate(fa)])))])
    problem = [A.to_z3(differ, env)]
    answer = decide(problem, budget)
    if answer.status == "unsat":
        return solver_proved(claim, "R", game.n, time.perf_counter() - start, second_solver=confirm([answer], claim))
    if answer.status == "sat":
        point = rational_solution(problem, env, answer.model)
        if point is not None and A.evaluate(differ, point):
            which = "the first" if A.evaluate(fa, point) else "the second"
            return Refuted(claim, "R", game.n, time.perf_counter() - start, (),
                           Witness(violation=f"r = {point_str(point)} is in {which} set only",
                                   points=(point_text(point),)),
                           second_solver={"applicable": False, "why": "refutation re-checked by exact arithmetic"})
        return Unknown(claim, "R", game.n, time.perf_counter() - start,
                       reason="the sets differ only at irrational points found by z3")
    return Unknown(claim, "R", game.n, time.perf_counter() - start, reason=answer.reason)


@dataclass
class BargainReport:
    """Everything ``exactfair bargain`` reports about one problem.

    >>> from exactfair.fairsets.post import example1
    >>> analyse(example1()).validity[0].verdict.verdict
    'proved'
    """

    name: str
    game: object
    fair_sets: list
    validity: list
    map_checks: list
    outcome: Outcome
    seconds: float = 0.0
    notes: list = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON of ``exactfair bargain --json`` (exact values as strings sympy can read).

        >>> from exactfair.fairsets.post import example3
        >>> d = analyse(example3(), (1, 0)).to_dict()
        >>> d["order"], d["outcome"], d["utilities"]
        (['P2', 'P1'], {'p': '1', 'q': '1'}, ['1', '1'])
        """
        g, out = self.game, self.outcome
        names = g.names
        point = {str(k): str(v) for k, v in out.point.items()} if out.point else None
        return {
            "game": self.name,
            "players": list(names),
            "actions": [list(a) for a in g.actions],
            "coordinates": [[c.name for c in cs] for cs in g.coordinates],
            "utility_functions": [str(u) for u in g.utilities],
            "fair_sets": [{"player": names[fs.player], "form": v.form, "description": fs.describe()}
                          for fs, v in zip(self.fair_sets, self.validity)],
            "valid": [v.to_dict() for v in self.validity],
            "maps": [v.to_dict() for v in self.map_checks],
            "nonempty": out.nonempty.verdict,
            "outcome": point,
            "utilities": [str(u) for u in out.utilities] if out.utilities else None,
            "pareto": out.pareto.verdict,
            "lexicographic": out.lexicographic.verdict,
            "order": [names[k] for k in out.order],
            "unique": out.unique,
            "optimal_set": out.optimal_set,
            "proofs": {"nonempty": out.nonempty.to_dict(), "lexicographic": out.lexicographic.to_dict(),
                       "pareto": out.pareto.to_dict(),
                       "unique": out.uniqueness.to_dict() if out.uniqueness is not None else None},
            "seconds": round(self.seconds, 3),
        }

    def exit_status(self) -> int:
        """0 when everything is proved, 1 when a fair set is refuted or F is empty, 3 when something is undecided.

        >>> from exactfair.fairsets.post import example1
        >>> analyse(example1()).exit_status()
        0
        """
        out = self.outcome
        verdicts = [v.verdict for v in self.validity] + list(self.map_checks) + [out.nonempty]
        if out.point:
            verdicts += [out.lexicographic, out.pareto] + ([out.uniqueness] if out.unique else [])
        if any(v.verdict == "refuted" for v in verdicts):
            return 1
        if not out.point or not all(v.verdict == "proved" for v in verdicts):
            return 3
        return 0

    def to_text(self) -> str:
        """A plain-text report: one line per proof, with who confirmed it.

        >>> from exactfair.fairsets.post import example1
        >>> print(analyse(example1()).to_text().splitlines()[3])
        F1 (P1, set): p <= q
        """
        g, out = self.game, self.outcome
        names = [_shown(x) for x in g.names]
        lines = [f"{_shown(self.name)}: {g.n} players ({', '.join(names)}), "
                 f"actions {' × '.join(str(len(a)) for a in g.actions)}"]
        for i, u in enumerate(g.utilities):
            lines.append(f"  U{i + 1} ({names[i]}) = {u}")
        for fs, v in zip(self.fair_sets, self.validity):
            lines.append(f"F{fs.player + 1} ({names[fs.player]}, {v.form}): {fs.describe()}")
            lines.append("  valid: " + _verdict_line(v.verdict))
            if not is_proved(v.verdict):
                lines.append(f"  the post's own definition (some Kakutani map f_i): {v.post_definition}")
        for v in self.map_checks:
            lines.append(f"  {v.claim}: " + _verdict_line(v))
        lines.append("F = ∩F_i non-empty: " + _verdict_line(out.nonempty))
        if out.point:
            order = ", ".join(f"U{k + 1}" for k in out.order)
            lines.append(f"outcome (lexicographic Pareto optimum, order {order}): "
                         + ", ".join(f"{k} = {v}" for k, v in out.point.items()))
            lines.append("  utilities: " + ", ".join(f"U{i + 1} = {u}" for i, u in enumerate(out.utilities)))
            lines.append("  no point of F beats it lexicographically: " + _verdict_line(out.lexicographic))
            lines.append("  no point of F Pareto-dominates it: " + _verdict_line(out.pareto))
            if out.unique:
                lines.append("  the only point of F with these utilities: " + _verdict_line(out.uniqueness))
            elif out.unique is None and out.uniqueness is not None:
                lines.append("  unique: " + _verdict_line(out.uniqueness))
            elif out.unique is False:
                s = out.optimal_set or {}
                lines.append(f"  not unique: every point of {s.get('condition', 'the optimal set')} is optimal")
                if s.get("fixed"):
                    lines.append("    fixed on the optimal set: " + ", ".join(f"{k} = {v}" for k, v in s["fixed"].items()))
                for k, (lo, hi) in (s.get("ranges") or {}).items():
                    lines.append(f"    {k} ranges over [{lo}, {hi}]")
                if s.get("another_point"):
                    lines.append("    another optimal point: " + ", ".join(f"{k} = {v}" for k, v in
                                                                         s["another_point"].items()))
        else:
            lines.append("outcome: none — " + (getattr(out.lexicographic, "reason", "") or "F is empty"))
        lines.append(f"({self.seconds:.2f} s)")
        return "\n".join(lines)


def _verdict_line(v: Verdict) -> str:
    """PROVED (who proved it) — detail; PROVED BY Z3 ONLY — why; REFUTED — the witness; UNKNOWN — why."""
    detail = f" — {v.details[0]}" if len(v.details) == 1 else ""
    if v.verdict == "proved":
        return f"PROVED ({agreement_text(v.second_solver)}){detail}"
    if v.verdict == "proved (z3 only)":
        return f"PROVED BY Z3 ONLY ({agreement_text(v.second_solver)}){detail}"
    if v.verdict == "refuted":
        return f"REFUTED — {v.witness.violation}"
    return f"{v.verdict.upper()} — {getattr(v, 'reason', '')}"


def analyse(bargain, order: Sequence[int] | str | None = None, budget: float = BUDGET) -> BargainReport:
    """Run the procedure: validity of each fair set, then F non-empty and the lexicographic outcome.

    ``order`` is a tuple of 0-based player indices or a string for :func:`parse_order`.

    >>> from exactfair.fairsets.post import example2
    >>> analyse(example2(), "2,1").to_dict()["outcome"]
    {'p': '23/30', 'q': '23/30'}
    """
    start = time.perf_counter()
    game = bargain.game
    order = parse_order(order, game.names) if not (isinstance(order, tuple) and all(isinstance(k, int) for k in order)) \
        else order
    validity: list[Validity] = [check_validity(fs, budget) for fs in bargain.fair_sets]
    map_checks: list[Verdict] = []
    for fm in bargain.maps:
        if any(fm is fs for fs in bargain.fair_sets):
            continue
        map_checks += check_map(fm, budget)
        target = bargain.fair_sets[fm.player]
        map_checks.append(check_same_set(game, fm.condition(), target.condition(),
                                         f"the fixed points of f{fm.player + 1} are exactly F{fm.player + 1}", budget))
    outcome = lexicographic_outcome(game, bargain.fair_sets, order, budget)
    return BargainReport(bargain.name, game, list(bargain.fair_sets), validity, map_checks, outcome,
                         time.perf_counter() - start)
