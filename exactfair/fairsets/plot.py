"""Pictures of fair sets (matplotlib; floats only in the picture, never in a result).

A 2×2 game is drawn in the (p, q) square: F_1, F_2 rasterised from their exact conditions, F as its
exact polygon (or segment) when it is linear, the outcome(s) marked.  Any other game is drawn as one
panel per player: the player's simplex (a segment, a ternary triangle for three actions, the first
two coordinates for more) with the other players held at the outcome — the slice of F_i, the slice
of F and the outcome.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np
import sympy

from .polygon import polygon

__all__ = ["plot_bargain", "plot_report"]


def _mask(condition: sympy.Basic, x: sympy.Symbol, y: sympy.Symbol, grid: int):
    xs = np.linspace(0.0, 1.0, grid)
    X, Y = np.meshgrid(xs, xs)
    f = sympy.lambdify((x, y), condition, modules=[{"Min": np.minimum, "Max": np.maximum}, "numpy"])
    with np.errstate(all="ignore"):
        out = f(X, Y)
    if np.isscalar(out) or getattr(out, "shape", ()) == ():
        out = np.full(X.shape, bool(out))
    return X, Y, np.asarray(out, dtype=bool)


def plot_bargain(bargain, path: str | Path, outcomes: list | None = None, grid: int = 401) -> Path:
    """Write a PNG of F_1, F_2, F and the outcome points; returns the path.

    >>> import tempfile, os
    >>> from exactfair.fairsets.post import example2
    >>> plot_bargain(example2(), os.path.join(tempfile.mkdtemp(), 'kite.png')).suffix
    '.png'
    """
    from ..core.plotting import pyplot
    plt = pyplot()

    game = bargain.game
    if [len(c) for c in game.coordinates] != [1, 1]:
        raise ValueError("pictures are drawn for two players with two actions each")
    x, y = game.symbols()
    fig, ax = plt.subplots(figsize=(5.2, 5.2), dpi=110)
    colours = ["#1f77b4", "#d62728"]
    for fs, colour in zip(bargain.fair_sets, colours):
        X, Y, M = _mask(fs.condition(), x, y, grid)
        ax.contourf(X, Y, M.astype(float), levels=[0.5, 1.5], colors=[colour], alpha=0.18)
        ax.plot([], [], color=colour, alpha=0.5, linewidth=8, label=f"F{fs.player + 1}: {fs.describe()}")
    region = bargain.region()
    try:
        vertices = polygon(region, x, y)
    except ValueError:
        vertices = None
    if vertices:
        xs = [float(v[0]) for v in vertices] + [float(vertices[0][0])]
        ys = [float(v[1]) for v in vertices] + [float(vertices[0][1])]
        if len(vertices) >= 3:
            ax.fill(xs, ys, color="#2ca02c", alpha=0.45, label="F = F1 ∩ F2")
        ax.plot(xs, ys, color="#2ca02c", linewidth=2.5, label=None if len(vertices) >= 3 else "F = F1 ∩ F2")
    else:
        X, Y, M = _mask(region, x, y, grid)
        ax.contourf(X, Y, M.astype(float), levels=[0.5, 1.5], colors=["#2ca02c"], alpha=0.45)
    for k, point in enumerate(outcomes or []):
        px, py = float(Fraction(point[str(x)])), float(Fraction(point[str(y)]))
        ax.plot(px, py, marker="*", markersize=16, color="black", linestyle="none",
                label=f"outcome ({point[str(x)]}, {point[str(y)]})" if k < 3 else None)
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel(f"{x} = P({game.names[0]} plays {game.actions[0][0]})")
    ax.set_ylabel(f"{y} = P({game.names[1]} plays {game.actions[1][0]})")
    ax.set_title(bargain.name)
    ax.set_aspect("equal")
    ax.legend(loc="lower right", fontsize=7, framealpha=0.9)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path)
    plt.close(fig)
    return path


def _numeric(point: dict) -> dict:
    """Float coordinates of an exact point — for drawing only."""
    from .algebraic import as_real
    out = {}
    for k, v in point.items():
        lo, hi = as_real(v).approximate(Fraction(1, 2 ** 30))
        out[k] = float((lo + hi) / 2)
    return out


def _mask_at(condition: sympy.Basic, variables: list, arrays: list, fixed: dict):
    """Truth of ``condition`` on a grid: ``variables`` take the arrays, the other symbols the fixed floats."""
    expr = condition.subs({k: sympy.Float(v) for k, v in fixed.items() if k not in variables})
    f = sympy.lambdify(variables, expr, modules=[{"Min": np.minimum, "Max": np.maximum}, "numpy"])
    with np.errstate(all="ignore"):
        out = f(*arrays)
    if np.isscalar(out) or getattr(out, "shape", ()) == ():
        out = np.full(arrays[0].shape, bool(out))
    return np.asarray(out, dtype=bool)


_SQRT3_2 = float(np.sqrt(3.0) / 2)


def _panel(ax, game, fair_sets, player: int, star: dict, grid: int) -> None:
    """Player i's simplex with the slice of F_i, of F, and r_i of the outcome (the others held at the outcome)."""
    coords = game.coordinates[player]
    labels = game.actions[player]
    own = fair_sets[player].condition()
    both = sympy.And(*[fs.condition() for fs in fair_sets])
    k = len(coords)
    colours = ("#1f77b4", "#2ca02c")
    if k == 1:
        xs = np.linspace(0.0, 1.0, grid)
        for row, (cond, colour, label) in enumerate(((own, colours[0], f"F{player + 1}"), (both, colours[1], "F"))):
            mask = _mask_at(cond, coords, [xs], star)
            ax.fill_between(xs, row, row + 0.8, where=mask, color=colour, alpha=0.6, step="mid", label=label)
        if star:
            ax.plot([star[coords[0]]] * 2, [0.4, 1.4], marker="*", markersize=16, color="black", linestyle="none",
                    label="outcome (in F_i and in F)")
        ax.set_xlim(0, 1)
        ax.set_ylim(-0.1, 1.9)
        ax.set_yticks([0.4, 1.4])
        ax.set_yticklabels([f"F{player + 1}", "F"])
        ax.set_xlabel(f"{coords[0]} = P({labels[0]})  (P({labels[1]}) = 1 − {coords[0]})")
    elif k == 2:
        X, Y = np.meshgrid(np.linspace(0, 1, grid), np.linspace(0, _SQRT3_2, grid))
        third = Y / _SQRT3_2                     # barycentric: corners (0,0) = action 1, (1,0) = action 2, top = 3
        second = X - third / 2
        first = 1 - second - third
        inside = (first >= 0) & (second >= 0) & (third >= 0)
        for cond, colour, label, alpha in ((own, colours[0], f"F{player + 1}", 0.25), (both, colours[1], "F", 0.55)):
            mask = _mask_at(cond, coords, [first, second], star) & inside
            ax.contourf(X, Y, mask.astype(float), levels=[0.5, 1.5], colors=[colour], alpha=alpha)
            ax.plot([], [], color=colour, alpha=alpha + 0.2, linewidth=8, label=label)
        ax.plot([0, 1, 0.5, 0], [0, 0, _SQRT3_2, 0], color="black", linewidth=1)
        for (x, y), name, ha in (((0, 0), labels[0], "right"), ((1, 0), labels[1], "left"),
                                 ((0.5, _SQRT3_2), labels[2], "center")):
            ax.annotate(name, (x, y), textcoords="offset points", xytext=(0, 6 if ha == "center" else -12), ha=ha)
        if star:
            a, b = star[coords[0]], star[coords[1]]
            ax.plot(b + (1 - a - b) / 2, (1 - a - b) * _SQRT3_2, marker="*", markersize=16, color="black", linestyle="none", label="outcome")
        ax.set_xlim(-0.08, 1.08)
        ax.set_ylim(-0.1, _SQRT3_2 + 0.1)
        ax.set_aspect("equal")
        ax.axis("off")
    else:
        X, Y = np.meshgrid(np.linspace(0, 1, grid), np.linspace(0, 1, grid))
        for cond, colour, label, alpha in ((own, colours[0], f"F{player + 1}", 0.25), (both, colours[1], "F", 0.55)):
            fixed = {c: star.get(c, 0.0) for c in coords[2:]}
            mask = _mask_at(cond, coords[:2], [X, Y], {**star, **fixed}) & (X + Y + sum(fixed.values()) <= 1)
            ax.contourf(X, Y, mask.astype(float), levels=[0.5, 1.5], colors=[colour], alpha=alpha)
            ax.plot([], [], color=colour, alpha=alpha + 0.2, linewidth=8, label=label)
        if star:
            ax.plot(star[coords[0]], star[coords[1]], marker="*", markersize=16, color="black", linestyle="none",
                    label="outcome")
        ax.set_xlabel(coords[0].name)
        ax.set_ylabel(coords[1].name)
        ax.set_aspect("equal")
    ax.set_title(f"{game.names[player]}: slice at the others' outcome strategies", fontsize=9, pad=16)
    ax.legend(loc="upper right", fontsize=7, framealpha=0.9)


def plot_report(report, path: str | Path, grid: int = 301) -> Path:
    """Write a PNG of a bargaining report: the (p, q) square for a 2×2 game, else one panel per player.

    Each panel is player i's simplex Δ_i (a segment for two actions, a ternary triangle for three,
    the first two coordinates for more) with the others held at the outcome: the slice of F_i, the
    slice of F, and the outcome's r_i.

    >>> import tempfile, os
    >>> from exactfair.fairsets.post import example2
    >>> from exactfair.fairsets.report import analyse
    >>> plot_report(analyse(example2()), os.path.join(tempfile.mkdtemp(), 'kite.png')).suffix
    '.png'
    """
    from ..core.plotting import pyplot
    from .post import Bargain

    game = report.game
    star_exact = report.outcome.point or {}
    if [len(c) for c in game.coordinates] == [1, 1]:
        outcome = [{str(k): str(v) for k, v in star_exact.items()}] if star_exact and all(
            v.is_rational() for v in star_exact.values()) else []
        return plot_bargain(Bargain(report.name, game, report.fair_sets), path, outcome, grid)
    plt = pyplot()
    star = _numeric(star_exact)
    fig, axes = plt.subplots(1, game.n, figsize=(4.2 * game.n, 4.2), dpi=100)
    for player, ax in enumerate(np.atleast_1d(axes)):
        _panel(ax, game, report.fair_sets, player, star, grid)
    fig.suptitle(report.name)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path)
    plt.close(fig)
    return path
