"""Seeded random exact games, for sweeps and counterexample hunting.

>>> import random
>>> g = random_monotone_game(3, random.Random(0))
>>> g.is_monotone().holds
True
"""

from __future__ import annotations

import random
from fractions import Fraction

from .coalitions import members, subsets
from .game import Game

__all__ = ["random_monotone_game", "random_f4_partner"]


def _increment(rng: random.Random, max_numerator: int) -> Fraction:
    if rng.random() < 0.35:
        return Fraction(0)
    return Fraction(rng.randint(0, max_numerator), rng.choice((1, 1, 1, 2, 3)))


def random_monotone_game(n: int, rng: random.Random, max_numerator: int = 4) -> Game:
    """A monotone game: v(C) = max_{i∈C} v(C∖{i}) + δ_C with random δ_C ≥ 0 (often 0).

    >>> random_monotone_game(4, random.Random(7)).n
    4
    """
    v = [Fraction(0)] * (1 << n)
    for c in range(1, 1 << n):
        v[c] = max(v[c & ~(1 << i)] for i in members(c)) + _increment(rng, max_numerator)
    return Game.from_bitmask_values(v)


def random_f4_partner(game: Game, coalition: int, player: int, rng: random.Random,
                      max_numerator: int = 3) -> Game:
    """A monotone v′ for which F4's hypothesis holds at (coalition, player).

    v′ equals v on every D ⊆ C∖{i}, is raised by random δ ≥ 0 elsewhere (δ_C > 0)
    and closed upwards to stay monotone.

    >>> import random
    >>> v = random_monotone_game(3, random.Random(1))
    >>> w = random_f4_partner(v, 0b011, 0, random.Random(2))
    >>> w.values[0b010] == v.values[0b010] and w.values[0b011] > v.values[0b011]
    True
    """
    n = game.n
    if not coalition >> player & 1:
        raise ValueError("the player must be a member of the coalition")
    keep = set(subsets(coalition & ~(1 << player)))
    w = [Fraction(0)] * (1 << n)
    for s in range(1, 1 << n):
        if s in keep:
            w[s] = game.values[s]
            continue
        bump = _increment(rng, max_numerator)
        if s == coalition and bump == 0:
            bump = Fraction(1)
        w[s] = max(max(w[s & ~(1 << j)] for j in members(s)), game.values[s] + bump)
    return Game(game.players, tuple(w))
