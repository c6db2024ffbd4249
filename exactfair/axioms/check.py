"""The exact back-end: check reward tables against the axioms.

Every check evaluates the instances of :mod:`exactfair.axioms` exactly
(:func:`exactfair.axioms.logic.evaluate`) and reports each violated instance as a
:class:`Violation` naming the coalition, the players and both sides of every
(in)equality in the violated conclusion.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from . import AXIOMS, AXIOMS_BY_NAME, F4, Axiom, get_axiom
from ..core.errors import ExactfairError
from ..core.exact import Exact, compare, format_exact
from ..core.game import Game, Label
from .logic import _OPS, Formula, Value, atoms, evaluate, evaluate_linear, render_linear
from .registry import Mechanism, get_mechanism
from ..core.table import RewardTable

__all__ = ["Violation", "AxiomResult", "check_axiom", "check_axioms", "check_pair", "f4_perturbations"]


_PRETTY = {"==": "=", "<=": "≤", "<": "<", ">=": "≥", ">": ">"}


@dataclass(frozen=True)
class Side:
    """One (in)equality of a violated conclusion with both sides evaluated."""

    left: str
    left_value: Exact
    op: str
    right: str
    right_value: Exact
    holds: bool

    def __str__(self) -> str:
        mark = "" if self.holds else "  ✗"
        op = _PRETTY[self.op]
        return (f"{self.left} {op} {self.right}   [{format_exact(self.left_value)} {op} "
                f"{format_exact(self.right_value)}]{mark}")


@dataclass(frozen=True)
class Violation:
    """A violated axiom instance: where, who, and the (in)equalities with their values.

    >>> from exactfair import Game
    >>> g = Game.from_bitmask_values([0, 1, 2, 3])
    >>> bad = RewardTable.from_rows(g, 'manual', [[1, 2], [1, 2], [1, 2], [1, 1]])
    >>> check_axiom('R3', bad).violations[0].coalition
    (1, 2)
    """

    axiom: str
    coalition: tuple[Label, ...]
    players: tuple[Label, ...]
    sides: tuple[Side, ...]

    def __str__(self) -> str:
        coal = "{" + ",".join(map(str, self.coalition)) + "}" if self.coalition else "∅"
        who = ", ".join(map(str, self.players))
        body = "; ".join(str(s) for s in self.sides)
        return f"{self.axiom} fails in C = {coal} for player(s) {who}: {body}"

    def to_dict(self) -> dict:
        return {
            "axiom": self.axiom,
            "coalition": list(self.coalition),
            "players": list(self.players),
            "sides": [{"left": s.left, "left_value": format_exact(s.left_value), "op": s.op,
                       "right": s.right, "right_value": format_exact(s.right_value), "holds": s.holds}
                      for s in self.sides],
        }


@dataclass(frozen=True)
class AxiomResult:
    """Outcome of checking one axiom: ``holds`` is True, False, or None (not checked).

    ``scope`` says what was checked (e.g. for F4, which second games were used).

    >>> from exactfair import Game, balanced_reciprocity
    >>> r = check_axiom('F5', balanced_reciprocity(Game.from_bitmask_values([0, 1, 2, 3])))
    >>> bool(r), r.instances_checked
    (True, 1)
    """

    axiom: str
    holds: bool | None
    violations: tuple[Violation, ...] = ()
    instances_checked: int = 0
    scope: str = ""
    #: Number of violated instances (``violations`` lists the first ones only).
    violation_count: int = 0
    #: ``"array"`` or ``"formula"``: which checker decided it.
    method: str = ""

    def __bool__(self) -> bool:
        return bool(self.holds)

    def to_dict(self) -> dict:
        return {"axiom": self.axiom, "holds": self.holds, "instances_checked": self.instances_checked,
                "violation_count": self.violation_count, "method": self.method,
                "scope": self.scope, "violations": [v.to_dict() for v in self.violations]}


def _lookup_for(tables: Sequence[RewardTable]) -> Callable:
    def lookup(atom):
        t = tables[atom.game]
        if isinstance(atom, Value):
            return t.game.value(atom.coalition)
        return t.reward(atom.player, atom.coalition)
    return lookup


def _sides(conclusion: Formula, lookup: Callable, game: Game) -> tuple[Side, ...]:
    labels = lambda i: str(game.players[i])  # noqa: E731
    name = lambda m: game.coalition_name(m)  # noqa: E731
    out = []
    for a in atoms(conclusion):
        lv, rv = evaluate_linear(a.left, lookup), evaluate_linear(a.right, lookup)
        holds = _OPS[a.op](compare(lv, rv))
        out.append(Side(render_linear(a.left, labels, name), lv, a.op, render_linear(a.right, labels, name),
                        rv, holds))
    return tuple(out)


def _violation(axiom: Axiom, tables: Sequence[RewardTable], coalition: int, players: tuple, conclusion: Formula
               ) -> Violation:
    game = tables[0].game
    return Violation(axiom.name, game.labels(coalition), tuple(game.players[i] for i in players),
                     _sides(conclusion, _lookup_for(tables), game))


def _run(axiom: Axiom, tables: Sequence[RewardTable], max_violations: int | None) -> tuple[list[Violation], int, int]:
    """The formula checker: every instance evaluated exactly; (first violations, violated count, instances)."""
    game = tables[0].game
    lookup = _lookup_for(tables)
    memo: dict = {}
    violations: list[Violation] = []
    count = bad = 0
    for inst in axiom.instances(game.n):
        count += 1
        if not evaluate(inst.hypothesis, lookup, memo):
            continue
        if evaluate(inst.conclusion, lookup, memo):
            continue
        bad += 1
        if max_violations is None or len(violations) < max_violations:
            violations.append(_violation(axiom, tables, inst.coalition, inst.players, inst.conclusion))
    return violations, bad, count


def _array_checkable(axiom: Axiom, tables: Sequence[RewardTable]) -> bool:
    from .array_check import ARRAY_AXIOMS
    builtin = AXIOMS_BY_NAME.get(axiom.name) is axiom
    rational = all(t.is_rational for t in tables)
    return builtin and rational and (axiom.name in ARRAY_AXIOMS or (axiom.name == "F4" and len(tables) == 2))


def _decide(axiom: Axiom, tables: Sequence[RewardTable], max_violations: int | None, method: str
            ) -> tuple[list[Violation], int, int, str]:
    if method not in ("auto", "array", "formula"):
        raise ValueError(f"method must be 'auto', 'array' or 'formula', got {method!r}")
    use_array = method == "array" or (method == "auto" and _array_checkable(axiom, tables))
    if use_array:
        if not _array_checkable(axiom, tables):
            raise ValueError(f"{axiom.name}: no array check for this axiom or table (irrational rewards, or not a "
                             "built-in axiom); use method='formula'")
        from .array_check import array_pair_violations, array_violations
        if len(tables) == 2:
            found, bad, count = array_pair_violations(tables[0], tables[1], max_violations)
        else:
            found, bad, count = array_violations(axiom, tables[0], max_violations)
        violations = [_violation(axiom, tables, c, players, axiom.conclusion_at(c, players)) for c, players in found]
        return violations, bad, count, "array"
    violations, bad, count = _run(axiom, tables, max_violations)
    return violations, bad, count, "formula"


def _require_table(table, where: str) -> None:
    if not isinstance(table, RewardTable):
        raise ExactfairError(f"{where} takes a RewardTable (e.g. balanced_reciprocity(game)), got "
                             f"{type(table).__name__}")


def check_axiom(axiom: Axiom | str, table: RewardTable, *, max_violations: int | None = None,
                method: str = "auto") -> AxiomResult:
    """Check one single-game axiom (R1–R5, F1–F3, F5) on a reward table.

    ``method``: ``"array"`` (vectorised, :mod:`exactfair.axioms.array_check`, for rational tables and the
    built-in axioms), ``"formula"`` (every ground instance evaluated exactly — the oracle, and the
    only choice for user-defined axioms and irrational tables) or ``"auto"`` (array when possible).
    Both report the same first violations and counts.

    Examples
    --------
    >>> from exactfair import Game, balanced_reciprocity
    >>> t = balanced_reciprocity(Game.from_bitmask_values([0, 1, 2, 3]))
    >>> check_axiom("F5", t).holds
    True
    >>> bad = RewardTable.from_rows(t.game, "manual", [[1, 2], [1, 2], [1, 2], [3, 3]])
    >>> r = check_axiom("F5", bad)
    >>> r.holds, str(r.violations[0])
    (False, 'F5 fails in C = {1,2} for player(s) 1, 2: M_1^{1,2} - M_1^{1} = M_2^{1,2} - M_2^{2}   [2 = 1]  ✗')
    >>> check_axiom("F5", bad, method="formula").violations == r.violations
    True
    """
    _require_table(table, "check_axiom")
    axiom = get_axiom(axiom) if isinstance(axiom, str) else axiom
    if axiom.games != 1:
        raise ValueError(f"{axiom.name} compares two games; use check_pair(table_v, table_v_prime)")
    violations, bad, count, used = _decide(axiom, [table], max_violations, method)
    return AxiomResult(axiom.name, not bad, tuple(violations), count, "this table", bad, used)


def check_pair(table: RewardTable, other: RewardTable, axiom: Axiom | str = F4, *,
               max_violations: int | None = None, method: str = "auto") -> AxiomResult:
    """Check a two-game axiom (F4) with ``table`` as M(v) and ``other`` as M(v′).

    >>> from exactfair import Game, balanced_reciprocity
    >>> v = Game.from_bitmask_values([0, 1, 2, 3]); w = v.with_values({(1, 2): 4})
    >>> check_pair(balanced_reciprocity(v), balanced_reciprocity(w)).holds
    True
    """
    _require_table(table, "check_pair")
    _require_table(other, "check_pair")
    axiom = get_axiom(axiom) if isinstance(axiom, str) else axiom
    if table.game.players != other.game.players:
        raise ValueError("the two tables must have the same players in the same order")
    violations, bad, count, used = _decide(axiom, [table, other], max_violations, method)
    return AxiomResult(axiom.name, not bad, tuple(violations), count, "this pair of games", bad, used)


def f4_perturbations(game: Game, delta: int = 1) -> Iterable[tuple[int, Game]]:
    """The canonical second games for F4: for each C ≠ ∅, ``v′ = v + δ·[S ⊇ C]``.

    Each ``v′`` raises ``v_C`` and every superset by ``δ`` and leaves every other coalition
    unchanged, so F4's hypothesis holds for every ``i ∈ C``, and ``v′`` is monotone
    whenever ``v`` is.  The raise is exact at every size: ``δ`` times the common denominator is
    added in Python integers whenever the sums might not fit int64.

    >>> g = Game.from_bitmask_values([0, 1, 2, 3])
    >>> [(c, w.values) for c, w in f4_perturbations(g)][2][1]
    (Fraction(0, 1), Fraction(1, 1), Fraction(2, 1), Fraction(4, 1))
    >>> from fractions import Fraction
    >>> big = Game.from_bitmask_values([0, Fraction(1, 2 ** 63 + 1), Fraction(2, 2 ** 63 + 1), 1])
    >>> next(iter(f4_perturbations(big)))[1][1] == Fraction(1, 2 ** 63 + 1) + 1
    True
    """
    import numpy as np

    from ..core.scaled import add_where

    if isinstance(delta, bool) or not isinstance(delta, int) or delta <= 0:
        raise ExactfairError(f"delta must be a positive int, got {delta!r}")
    full = (1 << game.n) - 1
    masks = np.arange(1 << game.n, dtype=np.int64)
    num, den = game.numerators, game.denominator
    for c in range(1, full + 1):
        yield c, Game.from_scaled(game.players, add_where(num, (masks & c) == c, delta * den), den)


#: Largest n for which check_axioms checks F4 against all 2ⁿ − 1 perturbation games by default.
F4_PERTURBATION_MAX_N = 12


def check_axioms(table: RewardTable, *, mechanism: "Callable[[Game], RewardTable] | Mechanism | str | None" = None,
                 axioms: Iterable[Axiom | str] = AXIOMS, max_violations: int | None = 10, method: str = "auto",
                 f4_max_n: int = F4_PERTURBATION_MAX_N,
                 progress: Callable[[str, int, int], None] | None = None) -> dict[str, AxiomResult]:
    """Check a table against every axiom; one :class:`AxiomResult` per axiom.

    F4 compares two games.  With ``mechanism`` given (a function ``game -> table``, a registered
    :class:`~exactfair.axioms.registry.Mechanism`, or a registered name such as ``"banzhaf"``), F4 is checked
    against the canonical perturbations :func:`f4_perturbations` (scope says so) for n ≤ ``f4_max_n``;
    for the built-in mechanisms and explicit mechanisms of your own only the columns D ⊇ C of each
    second table are computed (:mod:`exactfair.axioms.f4`; same result as running the whole table), any other
    mechanism runs 2ⁿ − 1 times.  Without ``mechanism`` F4 is reported as not checked
    (``holds=None``) with the reason.  ``progress(label, k, total)`` is called after each axiom
    (label: the axiom) and after each second game of F4 (label ``"F4 games"``).

    >>> from exactfair import balanced_reciprocity, examples
    >>> results = check_axioms(balanced_reciprocity(examples.example1()), mechanism=balanced_reciprocity)
    >>> {name: r.holds for name, r in results.items()}
    {'R1': True, 'R2': True, 'R3': True, 'R4': True, 'R5': True, 'F1': True, 'F2': True, 'F3': True, 'F4': True, 'F5': True}
    >>> from exactfair import banzhaf
    >>> check_axioms(banzhaf(examples.example1()), mechanism="banzhaf", axioms=["F4"])["F4"].holds
    True
    """
    _require_table(table, "check_axioms")
    if isinstance(mechanism, str):
        mechanism = get_mechanism(mechanism)
    out: dict[str, AxiomResult] = {}
    axioms = [get_axiom(a) if isinstance(a, str) else a for a in axioms]
    games = None if progress is None else (lambda k, total: progress("F4 games", k, total))
    for k, axiom in enumerate(axioms):
        out[axiom.name] = _check_one(axiom, table, mechanism, max_violations, method, f4_max_n, games)
        if progress:
            progress(axiom.name, k + 1, len(axioms))
    return out


def _check_one(axiom: Axiom, table: RewardTable, mechanism, max_violations, method, f4_max_n, progress=None
               ) -> AxiomResult:
    if axiom.games == 1:
        return check_axiom(axiom, table, max_violations=max_violations, method=method)
    if mechanism is None:
        return AxiomResult(axiom.name, None, (), 0,
                           "not checked: F4 compares two games; pass mechanism= or use check_pair")
    if table.n > f4_max_n:
        return AxiomResult(axiom.name, None, (), 0,
                           f"not checked: F4 against the {2 ** table.n - 1:,} perturbation games would run the "
                           f"mechanism {2 ** table.n - 1:,} times (n > {f4_max_n}); use check_pair(M(v), M(v′)) "
                           "for the second games you care about")
    from .f4 import incremental_updater
    updater = None
    if method != "formula" and table.is_rational and AXIOMS_BY_NAME.get(axiom.name) is axiom:
        updater = incremental_updater(mechanism, table.game)
    run = mechanism.exact if isinstance(mechanism, Mechanism) else mechanism
    if updater is not None:
        return _f4_incremental(axiom, table, run, updater, max_violations, progress)
    violations: list[Violation] = []
    count = bad = 0
    used = ""
    total = 2 ** table.n - 1
    for k, (_, other_game) in enumerate(f4_perturbations(table.game)):
        result = check_pair(table, run(other_game), axiom, max_violations=max_violations, method=method)
        if max_violations is None or len(violations) < max_violations:
            violations.extend(result.violations[:None if max_violations is None else max_violations - len(violations)])
        count += result.instances_checked
        bad += result.violation_count
        used = result.method
        if progress:
            progress(k + 1, total)
    return AxiomResult(axiom.name, not bad, tuple(violations), count, _F4_SCOPE.format(total), bad, used)


_F4_SCOPE = "against the {} games v + [S ⊇ C] for C ≠ ∅"


def _f4_incremental(axiom: Axiom, table: RewardTable, run: Callable, updater: Callable, max_violations: int | None,
                    progress) -> AxiomResult:
    """F4 against every v + [S ⊇ C], computing only the columns D ⊇ C of each M(v′) (:mod:`exactfair.axioms.f4`).

    F4 fires exactly at (D ⊇ C, i ∈ C); a violation is rendered from the whole second table, built for the
    reported violations only."""
    import numpy as np

    from .array_check import _common, instance_count
    from ..core.coalitions import members

    n = table.n
    old, old_d = table.to_numpy()
    old = np.asarray(old)
    violations: list[Violation] = []
    bad = 0
    total = 2 ** n - 1
    for c, other_game in f4_perturbations(table.game):
        sup, new, new_d = updater(c)
        ms = list(members(c))
        a, b = _common([np.asarray(new), old[np.ix_(sup, ms)]], [new_d, old_d])
        wrong = np.argwhere(~(a > b))                  # rows (D ascending), then players: the order check_pair reports
        bad += len(wrong)
        if len(wrong) and (max_violations is None or len(violations) < max_violations):
            pair = [table, run(other_game)]
            room = None if max_violations is None else max_violations - len(violations)
            for row, col in wrong[:room]:
                d, i = int(sup[row]), ms[col]
                violations.append(_violation(axiom, pair, d, (i,), axiom.conclusion_at(d, (i,))))
        if progress:
            progress(c, total)
    return AxiomResult(axiom.name, not bad, tuple(violations), total * instance_count("F4", n), _F4_SCOPE.format(total),
                       bad, "array")
