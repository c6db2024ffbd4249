"""Mechanism relations written once in the formula language of :mod:`exactfair.axioms.logic`.

No solver is imported here: the bounded z3 encodings (:mod:`exactfair.kernel.compile`), the inductive-step
lemmas and any other back-end compile these same formulas; evaluated exactly they decide whether a table is a
run (:meth:`exactfair.axioms.registry.Mechanism.is_table_of`).
"""

from __future__ import annotations

from ..core.coalitions import members
from .logic import Formula, Value, conj, disj, eq, ge, reward, value  # noqa: F401 (Value: doctests)

__all__ = ["algorithm1_step", "algorithm1_option", "algorithm1_formulas"]


def algorithm1_step(c: int, n: int, choose: str = "any", game: int = 0) -> Formula:
    """Algorithm 1 at coalition C as one formula of :mod:`exactfair.axioms.logic` (lines 9–20, line 19 as ``i ≠ k``).

    Outsiders (everyone, when |C| ≤ 1) get v_i (lines 2, 4, 10); for |C| ≥ 2 some reference j (any
    member, or the lowest with ``choose="lowest"``) and some k maximising the provisional m give the
    row (lines 12–20).  It mentions only values and the rewards at C and at the C∖{x}: the one
    definition that the bounded encodings and the inductive-step lemmas both compile.

    >>> from exactfair.axioms.logic import evaluate
    >>> from exactfair import examples, balanced_reciprocity
    >>> g = examples.theorem5_game(); t = balanced_reciprocity(g)
    >>> look = lambda a: g.value(a.coalition) if isinstance(a, Value) else t.reward(a.player, a.coalition)
    >>> evaluate(algorithm1_step(0b111, 3), look)
    True
    """
    ms = members(c)
    v = lambda m: value(m, game)  # noqa: E731
    M = lambda i, m: reward(i, m, game)  # noqa: E731
    outsiders = [eq(M(i, c), v(1 << i)) for i in range(n) if len(ms) <= 1 or i not in ms]
    if len(ms) <= 1:
        return conj(outsiders)
    js = ms if choose == "any" else ms[:1]
    options = [algorithm1_option(c, j, k, game) for j in js for k in ms]
    return conj(outsiders + [disj(options)])


def algorithm1_option(c: int, j: int, k: int, game: int = 0) -> Formula:
    """Lines 12–20 at C for reference j and chosen k: k maximises the provisional m (line 17), gets v_C
    (line 18), and every other member gets the F5 reward against k (line 20).

    >>> from exactfair.axioms.logic import atoms
    >>> [a.op for a in atoms(algorithm1_option(0b11, 0, 1))]
    ['>=', '==', '==']
    """
    ms = members(c)
    v = lambda m: value(m, game)  # noqa: E731
    M = lambda i, m: reward(i, m, game)  # noqa: E731
    m = {i: (v(c) if i == j else v(c) - M(j, c & ~(1 << i)) + M(i, c & ~(1 << j))) for i in ms}
    row = [eq(M(k, c), v(c))]
    row += [eq(M(i, c), v(c) - M(k, c & ~(1 << i)) + M(i, c & ~(1 << k))) for i in ms if i != k]
    argmax = [ge(m[k], m[i]) for i in ms if i != k]
    return conj(argmax + row)


def algorithm1_formulas(n: int, choose: str = "any", game: int = 0) -> list[Formula]:
    """:func:`algorithm1_step` for every coalition: a table satisfies them iff it is a run.

    >>> len(algorithm1_formulas(3))
    8
    """
    return [algorithm1_step(c, n, choose, game) for c in range(1 << n)]
