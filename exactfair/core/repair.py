"""Monotone repairs of a game, exactly, with a report of what changed.

Two kinds, both O(n·2ⁿ) passes over the integer numerators:

* ``"closure"`` — the least monotone game above v: v′(C) = max_{S ⊆ C} v(S).  It only raises values,
  and may raise many (every coalition above a high value).
* ``"linf"`` — a monotone game nearest to v in the maximum norm, among the games (v′(∅) = 0);
* ``"fewest"`` — a monotone game that changes the fewest values (:mod:`exactfair.core.fewest`, n ≤ 14).

**The nearest game.**  Without the condition v′(∅) = 0, the least maximum change is
δ₀ = max_{S ⊆ T} (v(S) − v(T))/2 and the midpoint of the upward closure max_{S ⊆ C} v(S) and the
downward closure min_{T ⊇ C} v(T) attains it (isotonic regression in the maximum norm).  A game
keeps v′(∅) = 0, and monotonicity then forces v′(C) ≥ 0 everywhere, which changes the answer as
soon as some v(T) < 0 (values normalised by v − v(∅) often are): the midpoint then has
v′(∅) = min_T v(T)/2 < 0, so it is not a game, and setting its v′(∅) back to 0 breaks monotonicity.
Example: one player, v({1}) = −2.  The midpoint is v′(∅) = v′({1}) = −1 (a change of 1, but not a
game); every monotone game has v′({1}) ≥ 0, so the least change is 2, attained by v′({1}) = 0.

With the condition, the least maximum change is exactly

    δ* = max(0, max_{∅ ≠ S ⊆ T} (v(S) − v(T))/2, max_T −v(T)),

because a monotone v′ with |v′ − v| ≤ δ and v′(∅) = 0 exists if and only if every lower bound
lo(S) = v(S) − δ (lo(∅) = 0) is at most every upper bound hi(T) = v(T) + δ (hi(∅) = 0) above it,
S ⊆ T — necessary, since lo(S) ≤ v′(S) ≤ v′(T) ≤ hi(T); sufficient, since then the upward closure of
lo is such a v′.  At δ = δ* the monotone games within the bounds are exactly those between
L(C) = max_{S ⊆ C} lo(S) and H(C) = min_{T ⊇ C} hi(T).  Of them this module returns the one that
changes fewer values of the two "closest to v" choices: min(v, H) closed upward, or max(v, L) closed
downward (each stays between L and H, is monotone, and keeps v(C) wherever v(C) lies in its bound
and no smaller coalition is above it, resp. no larger one below it); ties go to the first.  The result
is re-checked before it is returned (monotone, v′(∅) = 0, largest change = δ*).

>>> from exactfair import Game
>>> repaired, report = monotone_repair(Game.from_bitmask_values([0, -2]), "linf")
>>> repaired.values, str(report.largest)
((Fraction(0, 1), Fraction(0, 1)), '2')
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .errors import ExactfairError
from .exact import format_exact
from .coalitions import format_coalition
from .fast import downward_closure, upward_closure
from .fewest import fewest_changes
from .scaled import max_abs, widen

__all__ = ["Repair", "monotone_repair", "REPAIR_KINDS", "upward_closure", "downward_closure", "least_linf_change",
           "describe_changes"]

REPAIR_KINDS = ("closure", "linf", "fewest")


@dataclass(frozen=True)
class Repair:
    """What a repair changed: ``changes`` lists ``(coalition labels, old value, new value)`` in bitmask order.

    >>> r = Repair("closure", ((("a", "b"), Fraction(1), Fraction(2)),), 3)
    >>> r.count, r.largest, r.summary()
    (1, Fraction(1, 1), 'monotone repair (closure): 1 of 3 coalition values changed, the largest by 1')
    """

    kind: str
    changes: tuple
    coalitions: int

    @property
    def count(self) -> int:
        """Number of coalition values changed."""
        return len(self.changes)

    @property
    def largest(self) -> Fraction:
        """The largest |new − old| (0 when nothing changed)."""
        return max((abs(new - old) for _, old, new in self.changes), default=Fraction(0))

    def summary(self) -> str:
        """One line: the kind, how many values changed, the largest change."""
        if not self.changes:
            return f"monotone repair ({self.kind}): the game is already monotone (nothing changed)"
        return (f"monotone repair ({self.kind}): {self.count:,} of {self.coalitions:,} coalition values changed, "
                f"the largest by {format_exact(self.largest)}")

    def to_records(self) -> list[dict]:
        """One record per change: coalition (labels), old, new, change — numbers as exact text."""
        return [{"coalition": list(labels), "old": format_exact(old), "new": format_exact(new),
                 "change": format_exact(new - old)} for labels, old, new in self.changes]

    def to_csv(self) -> str:
        """The changes as CSV: ``coalition,old,new,change`` (coalition as space-separated labels).

        >>> print(Repair("linf", (((1, 2), Fraction(3), Fraction(5, 2)),), 3).to_csv().strip())
        coalition,old,new,change
        1 2,3,5/2,-1/2
        """
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["coalition", "old", "new", "change"])
        for r in self.to_records():
            writer.writerow([" ".join(map(str, r["coalition"])), r["old"], r["new"], r["change"]])
        return out.getvalue()

    def to_json(self) -> str:
        """The repair as JSON: kind, count, largest and every change."""
        return json.dumps({"kind": self.kind, "changed": self.count, "coalitions": self.coalitions,
                           "largest": format_exact(self.largest), "changes": self.to_records()},
                          indent=2, ensure_ascii=False)


def least_linf_change(num: np.ndarray, n: int) -> int:
    """2·den·δ* for values ``num``/den: max(0, max_{∅≠S⊆T} num(S) − num(T), max_T −2·num(T)) (module docstring).

    >>> least_linf_change(np.array([0, -2]), 1), least_linf_change(np.array([0, 5, 1, 3]), 2)
    (4, 2)
    """
    nonempty = num.copy()
    nonempty[0] = num.min()                      # ∅ never wins a maximum over non-empty S (T ⊇ S ≠ ∅)
    gap = upward_closure(nonempty, n)[1:] - num[1:]
    return max(0, int(gap.max()) if gap.size else 0, -2 * int(num.min()))


def _linf(num: np.ndarray, n: int) -> np.ndarray:
    """The repaired numerators over twice the denominator."""
    num = widen(num, 8 * (max_abs(num) + 1))
    delta = least_linf_change(num, n)
    doubled = 2 * num
    low, high = doubled - delta, doubled + delta
    low[0] = high[0] = 0
    lowest, highest = upward_closure(low, n), downward_closure(high, n)
    capped = upward_closure(np.minimum(doubled, highest), n)
    floored = downward_closure(np.maximum(doubled, lowest), n)
    best = min((capped, floored), key=lambda w: int(np.count_nonzero(w != doubled)))
    if best[0] != 0 or max_abs(best - doubled) != delta or not _monotone(best, n):
        raise ExactfairError(f"internal error: the least-change repair failed its own check (δ = {delta}); "
                             "please report it")
    return best


def _monotone(x: np.ndarray, n: int) -> bool:
    from .fast import is_monotone_array
    return is_monotone_array(x, n)


def monotone_repair(game, kind: str = "closure") -> tuple:
    """A monotone game made from ``game``, and the :class:`Repair` saying what changed (module docstring).

    ``kind="closure"``: the least monotone game above it; ``kind="linf"``: a monotone game (v′(∅) = 0)
    nearest to it in the maximum norm; ``kind="fewest"``: one that changes the fewest values.  The
    repaired game's metadata records the repair.

    >>> from exactfair import Game
    >>> g = Game.from_bitmask_values([0, 5, 1, 3])
    >>> closed, report = monotone_repair(g, "closure")
    >>> closed.values[1:], report.summary()
    ((Fraction(5, 1), Fraction(1, 1), Fraction(5, 1)), 'monotone repair (closure): 1 of 3 coalition values changed, the largest by 2')
    >>> nearest, report = monotone_repair(g, "linf")
    >>> nearest.values[1:], report.summary()
    ((Fraction(4, 1), Fraction(1, 1), Fraction(4, 1)), 'monotone repair (linf): 2 of 3 coalition values changed, the largest by 1')
    """
    if kind not in REPAIR_KINDS:
        raise ExactfairError(f"unknown repair kind {kind!r}; choose 'closure' (least monotone game above), 'linf' "
                             "(nearest monotone game in the maximum norm) or 'fewest' (fewest values changed)")
    num, den, n = game.numerators, game.denominator, game.n
    if kind in ("closure", "fewest"):
        if kind == "closure":
            new = upward_closure(num, n)
        else:
            new = fewest_changes(num, n)
        new_den, old = den, num
    else:
        new, new_den = _linf(num, n), 2 * den
        old = 2 * widen(num, 2 * max_abs(num) + 1)
    changed = np.flatnonzero(new != old)
    changes = tuple((game.labels(int(m)), game.value(int(m)), Fraction(int(new[m]), new_den)) for m in changed)
    report = Repair(kind, changes, (1 << n) - 1)
    metadata = dict(game.metadata, repair=report.summary())
    return type(game).from_scaled(game.players, new, new_den, metadata=metadata), report


def describe_changes(report: Repair, limit: int = 5) -> str:
    """The first ``limit`` changes as text, e.g. ``v({1,2}) 1 → 2; …``.

    >>> describe_changes(Repair("closure", (((1, 2), Fraction(1), Fraction(2)),), 3))
    'v({1,2}) 1 → 2'
    """
    shown = "; ".join(f"v({format_coalition(c)}) {format_exact(old)} → {format_exact(new)}"
                      for c, old, new in report.changes[:limit])
    more = f"; … ({report.count - limit:,} more)" if report.count > limit else ""
    return shown + more
