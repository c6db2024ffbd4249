"""Several mechanisms side by side for one coalition: a players × mechanisms table, and its plot.

The numbers are exact; ``decimals`` rounds what is shown, and the plot draws floats of the exact values
(display only).  v(C) is printed and drawn beside them: what each mechanism's numbers mean differs —
Shapley and equal split divide v(C) (a column sums to v(C)), Banzhaf is an index (it need not), and
Algorithm 1 gives each owner a replicable value (at least its stand-alone value, one member gets all
of v(C), so a column can sum to far more than v(C)).

>>> from exactfair import examples, balanced_reciprocity, shapley
>>> g = examples.example1()
>>> print(side_by_side_text([balanced_reciprocity(g), shapley(g)]))
player  balanced-reciprocity  shapley
1       5                     5/4
2       5                     19/12
3       8                     23/12
4       9                     17/4
sum     27                    9
v(C) = 9 for C = {1,2,3,4}
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Mapping, Sequence

from ..core.errors import ExactfairError
from ..core.exact import format_decimal, format_exact
from ..core.table import RewardTable

__all__ = ["side_by_side", "side_by_side_text", "plot_rewards"]


def _named(tables: "Mapping[str, RewardTable] | Sequence[RewardTable]") -> dict[str, RewardTable]:
    named = dict(tables) if isinstance(tables, Mapping) else {t.mechanism: t for t in tables}
    if not named:
        raise ExactfairError("give at least one reward table")
    games = {t.game.players for t in named.values()}
    if len(games) != 1:
        raise ExactfairError("the tables to compare must be tables of games with the same players")
    return named


def side_by_side(tables: "Mapping[str, RewardTable] | Sequence[RewardTable]", coalition: Any = None
                 ) -> tuple[int, dict[str, list]]:
    """``(mask of C, {mechanism: [reward of each player in C]})`` — C the grand coalition by default.

    >>> from exactfair import examples, banzhaf
    >>> mask, columns = side_by_side([banzhaf(examples.example1())], (1, 3))
    >>> mask, [str(x) for x in columns["banzhaf"]]
    (5, ['2', '2', '2', '4'])
    """
    named = _named(tables)
    game = next(iter(named.values())).game
    mask = (1 << game.n) - 1 if coalition is None else game.mask(coalition)
    return mask, {name: [t.reward(i, mask) for i in range(game.n)] for name, t in named.items()}


def side_by_side_text(tables: "Mapping[str, RewardTable] | Sequence[RewardTable]", coalition: Any = None,
                      decimals: int | None = None) -> str:
    """Players × mechanisms for coalition C (members only), their sums, and v(C), as aligned text."""
    named = _named(tables)
    game = next(iter(named.values())).game
    mask, columns = side_by_side(named, coalition)
    show = format_exact if decimals is None else (lambda x: format_decimal(x, decimals))
    inside = [i for i in range(game.n) if mask >> i & 1]
    rows = [["player"] + list(columns)]
    rows += [[str(game.players[i])] + [show(columns[name][i]) for name in columns] for i in inside]
    rows.append(["sum"] + [show(sum((columns[name][i] for i in inside), Fraction(0))) for name in columns])
    widths = [max(len(row[k]) for row in rows) for k in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.append(f"v(C) = {show(game.value(mask))} for C = {game.coalition_name(mask)}")
    return "\n".join(lines)


def plot_rewards(tables: "Mapping[str, RewardTable] | Sequence[RewardTable]", path: Any = None, *,
                 coalition: Any = None, title: str | None = None):
    """Grouped bars: one group per member of C, one bar per mechanism, and v(C) as a dashed line.

    Writes a PNG to ``path`` when given; returns the matplotlib figure (``pip install 'exactfair[plot]'``).

    >>> import tempfile, pathlib
    >>> from exactfair import examples, balanced_reciprocity, shapley
    >>> g = examples.example1()
    >>> fig = plot_rewards([balanced_reciprocity(g), shapley(g)], pathlib.Path(tempfile.mkdtemp()) / "r.png")
    >>> len(fig.axes[0].patches)
    8
    """
    try:
        import matplotlib
        if path is not None:
            matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError("plotting needs matplotlib: pip install 'exactfair[plot]'") from None
    named = _named(tables)
    game = next(iter(named.values())).game
    mask, columns = side_by_side(named, coalition)
    inside = [i for i in range(game.n) if mask >> i & 1]
    fig, ax = plt.subplots(figsize=(max(4.0, 0.9 * len(inside) * max(1, len(columns)) ** 0.5 + 2), 3.6))
    width = 0.8 / len(columns)
    for k, (name, rewards) in enumerate(columns.items()):
        xs = [x + (k - (len(columns) - 1) / 2) * width for x in range(len(inside))]
        ax.bar(xs, [float(rewards[i]) for i in inside], width, label=name)
    ax.axhline(float(game.value(mask)), color="black", linestyle="--", linewidth=1,
               label=f"v(C) = {format_decimal(game.value(mask), 4)}")
    ax.set_xticks(range(len(inside)), [str(game.players[i]) for i in inside])
    ax.set_xlabel("player")
    ax.set_ylabel("reward (exact values, drawn as floats)")
    ax.set_title(title or f"rewards in C = {game.coalition_name(mask)}")
    ax.legend(fontsize="small")
    fig.tight_layout()
    if path is not None:
        fig.savefig(path, dpi=100)
        plt.close(fig)
    return fig
