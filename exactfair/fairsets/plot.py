"""Pictures of two-player fair sets in the (p, q) square (matplotlib; floats only in the picture).

The regions F_1, F_2 are rasterised from their exact conditions for shading; F is drawn as
its exact polygon (or segment) when it is linear; the outcome(s) are marked.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np
import sympy

from .polygon import polygon

__all__ = ["plot_bargain"]


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
    from ..plotting import pyplot
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
    ax.set_xlabel(f"{x} (P1 cooperates)")
    ax.set_ylabel(f"{y} (P2 cooperates)")
    ax.set_title(bargain.name)
    ax.set_aspect("equal")
    ax.legend(loc="lower right", fontsize=7, framealpha=0.9)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path)
    plt.close(fig)
    return path
