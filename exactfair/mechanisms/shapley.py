"""The exact Shapley value (eq. 17), for the whole game and for each coalition's subgame."""

from __future__ import annotations

from fractions import Fraction
from math import factorial

from ..core.coalitions import members, subsets
from ..core.game import Game, Label
from ..core.table import RewardTable, ensure_table_fits

__all__ = ["shapley_value", "shapley", "shapley_of_subgame"]


def shapley_of_subgame(game: Game, mask: int) -> dict[int, Fraction]:
    """Shapley value of the subgame ``v|_C`` (C a bitmask), keyed by player index.

    φ_i = Σ_{S ⊆ C∖{i}} |S|! (|C|−|S|−1)! / |C|! · (v(S ∪ {i}) − v(S)).

    >>> g = Game.from_bitmask_values([0, 1, 2, 3])
    >>> shapley_of_subgame(g, 0b11)
    {0: Fraction(1, 1), 1: Fraction(2, 1)}
    """
    v = game.values
    ms = members(mask)
    c = len(ms)
    if c == 0:
        return {}
    weights = [Fraction(factorial(s) * factorial(c - s - 1), factorial(c)) for s in range(c)]
    out = {}
    for i in ms:
        bit = 1 << i
        total = Fraction(0)
        for s in subsets(mask & ~bit):
            total += weights[bin(s).count("1")] * (v[s | bit] - v[s])
        out[i] = total
    return out


def shapley_value(game: Game, coalition=None) -> dict[Label, Fraction]:
    """Shapley value of the game (or of the subgame on ``coalition``), keyed by label.

    >>> from exactfair import examples
    >>> {p: str(x) for p, x in shapley_value(examples.theorem5_game()).items()}
    {1: '1', 2: '2', 3: '3'}
    """
    mask = (1 << game.n) - 1 if coalition is None else game.mask(coalition)
    return {game.players[i]: x for i, x in shapley_of_subgame(game, mask).items()}


def shapley(game: Game, *, method: str = "auto") -> RewardTable:
    """Table whose column C holds the Shapley value of the subgame on C.

    Players outside C receive their stand-alone value ``v_i`` (the paper's convention
    for non-members, R5).  The Shapley value is efficient (its column sums to
    ``v_C`` over C), so it generally violates weak efficiency R3 — the paper's
    motivation for the scaled ρ-Shapley value.

    ``method``: ``"fast"`` — the layer recursion in integers (:func:`exactfair.core.fast.shapley_array`,
    O(n²·2ⁿ)); ``"reference"`` — eq. (17) summed per coalition with Fractions (O(n·3ⁿ), the readable
    oracle); ``"auto"`` (default) — fast.

    >>> from exactfair import examples
    >>> t = shapley(examples.theorem5_game())
    >>> [str(x) for x in t.grand_coalition().values()]
    ['1', '2', '3']
    >>> t == shapley(examples.theorem5_game(), method="reference")
    True
    """
    if method not in ("auto", "fast", "reference"):
        raise ValueError(f"method must be 'auto', 'fast' or 'reference', got {method!r}")
    n = game.n
    if method != "reference":
        from ..core.fast import shapley_array
        arr, d = shapley_array(game.scaled(), n)
        return RewardTable.from_array(game, "shapley", arr, d)
    ensure_table_fits(n)
    v = game.values
    rows = []
    for c in range(1 << n):
        row = [v[1 << i] for i in range(n)]
        for i, x in shapley_of_subgame(game, c).items():
            row[i] = x
        rows.append(tuple(row))
    return RewardTable(game, "shapley", tuple(rows), (), False)
