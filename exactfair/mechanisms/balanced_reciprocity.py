"""Algorithm 1 of the paper: the balanced-reciprocity mechanism.

For every coalition C (by increasing size) a reference player ``j ∈ C`` gets the
provisional reward ``m_j = v_C`` and every other ``i ∈ C`` the provisional reward
that F5 would give it against ``j`` (line 15).  The player ``k`` with the largest
provisional reward receives ``v_C`` (lines 17–18) and every *other* player
``i ∈ C ∖ {k}`` the F5 reward against ``k`` (line 20):

    M_i^C = M_k^C − M_k^{C∖{i}} + M_i^{C∖{k}}.

Erratum followed (see ``docs/errata.md``): the printed listing loops line 19 over
``i ≠ j``; read literally, ``M_j^C`` is then never assigned whenever ``k ≠ j``.  The
text of Section 4 ("all other agents i ∈ C∖{k} are assigned their rewards according
to F5"), the axioms and the worked examples all require ``i ≠ k``, which is what is
implemented here.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Callable, Sequence

from ..core.coalitions import members
from ..core.errors import NotMonotoneError
from ..core.game import Game
from ..core.table import RewardTable, ensure_table_fits

__all__ = ["balanced_reciprocity", "balanced_reciprocity_fast", "trace_coalition", "CoalitionTrace",
           "require_monotone_game"]

#: Chooses the reference player j of line 12 from the members of C (ascending indices).
ChooseJ = Callable[[int, Sequence[int]], int]
#: Chooses k of line 17 among the members that attain the maximum of m (ascending indices).
ChooseK = Callable[[int, Sequence[int]], int]


def require_monotone_game(game: Game, mechanism: str) -> None:
    """Raise :class:`~exactfair.core.errors.NotMonotoneError` naming a witness pair if ``game`` is not monotone.

    >>> require_monotone_game(Game.from_bitmask_values([0, 1, 0, 1]), 'x')
    """
    result = game.is_monotone()
    if not result.holds:
        raise NotMonotoneError(
            f"{mechanism} requires a monotone game, but {result.detail}; "
            "repair it with game.monotone_closure() (CLI: --repair monotone), fix the values, or pass "
            "require_monotone=False (CLI: --allow-non-monotone) to compute it anyway")


def _lowest(mask: int, candidates: Sequence[int]) -> int:
    return candidates[0]


@dataclass(frozen=True)
class CoalitionTrace:
    """What Algorithm 1 does for one coalition: j, the provisional m, k, and M^C.

    >>> from exactfair import examples
    >>> tr = trace_coalition(examples.theorem5_game(), (1, 2, 3))
    >>> tr.j, tr.k, [str(tr.m[i]) for i in sorted(tr.m)]
    (0, 2, ['6', '8', '9'])
    """

    coalition: int
    j: int
    m: dict
    k: int
    rewards: dict


def _step(v: Sequence[Fraction], rows: list, c: int, n: int, choose_j: ChooseJ, choose_k: ChooseK
          ) -> CoalitionTrace:
    ms = members(c)
    vc = v[c]
    row = [v[1 << i] for i in range(n)]           # lines 9-11: outsiders get v_i
    j = choose_j(c, ms)                           # line 12
    if j not in ms:
        raise ValueError(f"choose_j returned {j}, which is not a member of the coalition")
    m = {j: vc}                                   # line 13
    for i in ms:                                  # lines 14-16
        if i != j:
            m[i] = vc - rows[c & ~(1 << i)][j] + rows[c & ~(1 << j)][i]
    best = max(m.values())                        # line 17
    k = choose_k(c, [i for i in ms if m[i] == best])
    if m.get(k) != best:
        raise ValueError(f"choose_k returned {k}, which does not attain the maximum")
    row[k] = vc                                   # line 18
    for i in ms:                                  # lines 19-21 (i ≠ k; see module docstring)
        if i != k:
            row[i] = vc - rows[c & ~(1 << i)][k] + rows[c & ~(1 << k)][i]
    rows[c] = row
    return CoalitionTrace(c, j, m, k, {i: row[i] for i in ms})


def balanced_reciprocity(game: Game, *, require_monotone: bool = True,
                         choose_j: ChooseJ | None = None, choose_k: ChooseK | None = None,
                         method: str = "auto", progress: Callable[[int, int], None] | None = None) -> RewardTable:
    """Reward table of Algorithm 1 (balanced reciprocity), computed exactly.

    Parameters
    ----------
    game:
        The game; must be monotone unless ``require_monotone=False`` (Theorem 2 is
        stated for monotone games only).
    choose_j:
        ``choose_j(mask, members) -> index``: the reference player of line 12.  Default:
        the lowest index.  Corollary 3 claims the result does not depend on it.
    choose_k:
        ``choose_k(mask, maximisers) -> index``: tie-break in line 17's argmax.
        Default: the lowest index.
    method:
        ``"reference"`` (Fractions, coalition by coalition), ``"fast"`` (integers on a
        common denominator, vectorised per layer, :mod:`exactfair.core.fast`; same j and k
        choices, identical result) or ``"auto"`` (fast for n ≥ 8 unless custom choosers are
        given).
    progress:
        ``progress(layer, n)`` after each layer of the fast path (the reference path does not report).

    Examples
    --------
    >>> from exactfair import examples
    >>> t = balanced_reciprocity(examples.example1())
    >>> [str(x) for x in t.grand_coalition().values()]
    ['5', '5', '8', '9']
    >>> balanced_reciprocity(Game.from_bitmask_values([0, 2, 1, 1]))
    Traceback (most recent call last):
    ...
    exactfair.core.errors.NotMonotoneError: balanced reciprocity requires a monotone game, but v({1}) = 2 > v({1,2}) = 1; repair it with game.monotone_closure() (CLI: --repair monotone), fix the values, or pass require_monotone=False (CLI: --allow-non-monotone) to compute it anyway
    """
    if method not in ("auto", "fast", "reference"):
        raise ValueError(f"method must be 'auto', 'fast' or 'reference', got {method!r}")
    custom = choose_j is not None or choose_k is not None
    if method == "fast" and custom:
        raise ValueError("custom choose_j/choose_k need method='reference'")
    if method == "fast" or (method == "auto" and game.n >= 8 and not custom):
        return balanced_reciprocity_fast(game, require_monotone=require_monotone, progress=progress)
    if require_monotone:
        require_monotone_game(game, "balanced reciprocity")
    n = game.n
    ensure_table_fits(n)
    v = game.values
    choose_j = choose_j or _lowest
    choose_k = choose_k or _lowest
    singles = [v[1 << i] for i in range(n)]
    rows: list = [None] * (1 << n)
    by_size: list[list[int]] = [[] for _ in range(n + 1)]
    for c in range(1 << n):
        by_size[bin(c).count("1")].append(c)
    for c in by_size[0] + by_size[1]:             # lines 1-6
        rows[c] = list(singles)
    for s in range(2, n + 1):                     # line 7
        for c in by_size[s]:                      # line 8
            _step(v, rows, c, n, choose_j, choose_k)
    return RewardTable(game, "balanced-reciprocity", tuple(tuple(r) for r in rows), (), False)


def balanced_reciprocity_fast(game: Game, *, require_monotone: bool = True,
                              progress: Callable[[int, int], None] | None = None) -> RewardTable:
    """:func:`balanced_reciprocity` through the array kernel (:mod:`exactfair.core.fast`); identical result.

    The game's numerators go into the kernel and the kernel's array becomes the table, with no
    per-entry conversion.

    >>> from exactfair import examples
    >>> g = examples.example1()
    >>> balanced_reciprocity_fast(g) == balanced_reciprocity(g, method="reference")
    True
    """
    from ..core.fast import balanced_reciprocity_array

    if require_monotone:
        require_monotone_game(game, "balanced reciprocity")
    monotone = game.is_monotone().holds if require_monotone else None
    arr, d = balanced_reciprocity_array(game.scaled(), game.n, progress=progress, monotone=monotone)
    return RewardTable.from_array(game, "balanced-reciprocity", arr, d)


def trace_coalition(game: Game, coalition, *, choose_j: ChooseJ | None = None,
                    choose_k: ChooseK | None = None) -> CoalitionTrace:
    """Trace Algorithm 1 on one coalition (labels): the j, m, k and rewards it uses.

    >>> from exactfair import examples
    >>> tr = trace_coalition(examples.example1(), (2, 3, 4))
    >>> tr.j, tr.k, {i + 1: str(x) for i, x in tr.rewards.items()}
    (1, 3, {2: '7', 3: '5', 4: '9'})
    """
    table = balanced_reciprocity(game, require_monotone=False, choose_j=choose_j, choose_k=choose_k)
    rows = [list(r) for r in table.rewards]
    c = game.mask(coalition)
    if bin(c).count("1") < 2:
        raise ValueError("Algorithm 1 only runs lines 12-20 for coalitions of two or more players")
    return _step(game.values, rows, c, game.n, choose_j or _lowest, choose_k or _lowest)
