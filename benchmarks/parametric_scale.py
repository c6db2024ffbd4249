"""Time of the parametric (piecewise) Algorithm 1, measured in one run.

Example 1 with one, two and three coalition values replaced by parameters, and a random
monotone 5-player game with two parameters.  Goal: one or two parameters at n = 4 in under 5 s.
Run: ``python benchmarks/parametric_scale.py``.
"""

from __future__ import annotations

import random
import time

from exactfair import Game, examples
from exactfair.symbolic.parametric import ParametricGame, parametric_balanced_reciprocity
from exactfair.core.random_games import random_monotone_game


def run(name: str, game: ParametricGame) -> None:
    start = time.perf_counter()
    table = parametric_balanced_reciprocity(game)
    build = time.perf_counter() - start
    start = time.perf_counter()
    pieces = sum(len(table._pieces(i, (1 << game.n) - 1)) for i in range(game.n))
    grouping = time.perf_counter() - start
    print(f"{name:44} leaves {len(table.leaves):4}  grand-coalition pieces {pieces:3}  "
          f"symbolic run {build:6.2f} s  + pieces {grouping:6.2f} s  = {build + grouping:6.2f} s")


def main() -> int:
    e1 = examples.example1()
    run("Example 1, v({1,3}) = t", ParametricGame.from_game(e1, {(1, 3): "t"}, {"t": (0, 10)}))
    run("Example 1, v({1,3}) = t, v({2,4}) = s", ParametricGame.from_game(
        e1, {(1, 3): "t", (2, 4): "s"}, {"t": (0, 10), "s": (0, 10)}))
    run("Example 1, + v({1,2,3}) = u", ParametricGame.from_game(
        e1, {(1, 3): "t", (2, 4): "s", (1, 2, 3): "u"}, {"t": (0, 10), "s": (0, 10), "u": (0, 10)}))
    g5 = random_monotone_game(5, random.Random(11))
    assert isinstance(g5, Game)
    top = g5.values[-1]
    run("random monotone 5 players, two parameters", ParametricGame.from_game(
        g5, {(1, 2): "a", (3, 4, 5): "b"}, {"a": (0, str(top)), "b": (0, str(top))}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
