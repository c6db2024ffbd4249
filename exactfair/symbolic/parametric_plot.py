"""Plot a parametric table's grand-coalition rewards against one parameter (exact pieces, drawn with floats)."""

from __future__ import annotations

from pathlib import Path

import sympy

from ..core.errors import ExactfairError

__all__ = ["plot_rewards"]


def plot_rewards(table, parameter: str, path: str | Path, coalition=None) -> Path:
    """Each player's reward in ``coalition`` (default N) against ``parameter``; breakpoints marked.

    >>> import tempfile, os
    >>> from exactfair.symbolic.parametric import ParametricGame, parametric_balanced_reciprocity
    >>> g = ParametricGame.from_values(['0', '1', '2', 't'], {'t': (2, 10)})
    >>> plot_rewards(parametric_balanced_reciprocity(g), 't', os.path.join(tempfile.mkdtemp(), 'r.png')).suffix
    '.png'
    """
    from ..core.plotting import pyplot
    plt = pyplot()

    from .parametric import _interval_of

    game = table.game
    if parameter not in game.parameters:
        raise ExactfairError(f"unknown parameter {parameter!r}; the game has {', '.join(sorted(game.parameters))}")
    if len(game.parameters) != 1:
        raise ExactfairError("plots need a game with exactly one parameter (fix the others in the file)")
    t = game.parameters[parameter]
    coalition = tuple(game.players) if coalition is None else tuple(coalition)
    region = _interval_of(table.region, t)
    lo, hi = region.inf, region.sup
    if not (lo.is_finite and hi.is_finite):
        raise ExactfairError(f"the admissible region {table.region} is unbounded; give min and max for {parameter}")
    fig, ax = plt.subplots(figsize=(6, 4), dpi=110)
    marks = set()
    for player in game.players:
        xs, ys = [], []
        for piece in table.pieces(player, coalition):
            interval = _interval_of(piece.region, t)
            parts = interval.args if isinstance(interval, sympy.Union) else (interval,)
            for part in parts:
                a, b = part.inf, part.sup
                marks |= {a, b}
                xs += [float(a), float(b), float("nan")]
                ys += [float(piece.value.subs(t, a)), float(piece.value.subs(t, b)), float("nan")]
        ax.plot(xs, ys, linewidth=2, label=f"M_{player}")
    for x in sorted(marks - {lo, hi}):
        ax.axvline(float(x), color="grey", linestyle=":", linewidth=1)
    ax.set_xlabel(parameter)
    ax.set_ylabel(f"reward in {{{','.join(map(str, coalition))}}}")
    ax.set_title(f"balanced reciprocity, rewards against {parameter} (breakpoints dotted)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path)
    plt.close(fig)
    return path
