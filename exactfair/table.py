"""Reward tables: the n × 2^n matrix of the paper's eq. (1).

``table[i, C]`` is the reward ``M(v)_i^C`` of player ``i`` when coalition ``C``
forms.  Entries are exact (:class:`~fractions.Fraction`, or a constant sympy
expression for irrational rewards such as ρ-Shapley with ρ = log2(3) − 1).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Iterable, Mapping, Sequence

import sympy

from .coalitions import paper_order, size
from .errors import GameDefinitionError, TooLargeError
from .exact import Exact, format_exact, to_exact_number
from .game import Game, Label

__all__ = ["RewardTable", "ensure_table_fits", "estimated_table_bytes"]

#: Conservative estimate of the memory one exact table entry costs (Fraction object,
#: its two ints and a list slot), in bytes.
BYTES_PER_ENTRY = 120


def estimated_table_bytes(n: int) -> int:
    """Estimated bytes for an exact n-player reward table (n · 2^n entries).

    >>> estimated_table_bytes(4)
    7680
    """
    return n * (1 << n) * BYTES_PER_ENTRY


def _available_memory() -> int:
    try:
        with open("/proc/meminfo") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 8 << 30


def _human(nbytes: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB", "PB"):
        if nbytes < 1000:
            return f"{nbytes:.1f} {unit}"
        nbytes /= 1000
    return f"{nbytes:.1f} EB"


def ensure_table_fits(n: int, available: int | None = None) -> None:
    """Refuse, before allocating, a table that would not fit in memory.

    >>> ensure_table_fits(4)
    >>> ensure_table_fits(40, available=16 << 30)
    Traceback (most recent call last):
    ...
    exactfair.errors.TooLargeError: a reward table for 40 players has 43,980,465,111,040 entries and would need about 5.3 PB of memory, but only 17.2 GB is available; use fewer players
    """
    need = estimated_table_bytes(n)
    have = _available_memory() if available is None else available
    if need > have:
        raise TooLargeError(
            f"a reward table for {n} players has {n * (1 << n):,} entries and would need about "
            f"{_human(need)} of memory, but only {_human(have)} is available; use fewer players")


def _latex_number(value: Exact) -> str:
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        sign = "-" if value < 0 else ""
        return f"{sign}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"
    return sympy.latex(value)


@dataclass(frozen=True)
class RewardTable:
    """The rewards of every player for every coalition of a game.

    ``rewards[mask][i]`` is the reward of the ``i``-th player when the coalition
    with bitmask ``mask`` forms.  Use ``table[player, coalition]`` with labels.

    Examples
    --------
    >>> from exactfair import Game, balanced_reciprocity
    >>> t = balanced_reciprocity(Game.from_dict({(1,): 1, (2,): 2, (1, 2): 3}))
    >>> t[1, (1, 2)], t[2, (1, 2)]
    (Fraction(2, 1), Fraction(3, 1))
    >>> print(t.to_text(min_size=2))
    C     {1,2}
    M_1   2
    M_2   3
    """

    game: Game
    mechanism: str
    rewards: tuple[tuple[Exact, ...], ...]
    parameters: tuple[tuple[str, str], ...] = ()
    _check: bool = field(default=True, repr=False, compare=False)

    def __post_init__(self) -> None:
        n = self.game.n
        if len(self.rewards) != 1 << n or any(len(row) != n for row in self.rewards):
            raise GameDefinitionError(
                f"a reward table of {n} players needs 2**{n} rows of {n} rewards in bitmask order")
        if self._check:
            rows = tuple(
                tuple(to_exact_number(x, what=f"reward of player {self.game.players[i]} in "
                                              f"{self.game.coalition_name(m)}") for i, x in enumerate(row))
                for m, row in enumerate(self.rewards))
            object.__setattr__(self, "rewards", rows)

    @classmethod
    def from_rows(cls, game: Game, mechanism: str, rewards: Sequence[Sequence[Any]],
                  parameters: Mapping[str, Any] | None = None) -> "RewardTable":
        """Build a table from rows in bitmask order (values converted and checked exactly).

        >>> from exactfair import Game
        >>> g = Game.from_bitmask_values([0, 1, 2, 3])
        >>> RewardTable.from_rows(g, "manual", [[1, 2], [1, 2], [1, 2], [2, 3]])[2, (1, 2)]
        Fraction(3, 1)
        """
        params = tuple((str(k), str(v)) for k, v in (parameters or {}).items())
        return cls(game, mechanism, tuple(tuple(row) for row in rewards), params)

    # ---------------------------------------------------------------- access
    @property
    def players(self) -> tuple[Label, ...]:
        return self.game.players

    @property
    def n(self) -> int:
        return self.game.n

    def reward(self, player_index: int, mask: int) -> Exact:
        """Reward of the player at ``player_index`` in the bitmask coalition ``mask``."""
        return self.rewards[mask][player_index]

    def __getitem__(self, key: tuple[Label, Any]) -> Exact:
        player, coalition = key
        return self.rewards[self.game.mask(coalition)][self.game.index(player)]

    def column(self, coalition: Any) -> dict[Label, Exact]:
        """Rewards of all players when ``coalition`` forms, keyed by label.

        >>> from exactfair import Game, balanced_reciprocity
        >>> balanced_reciprocity(Game.from_bitmask_values([0, 1, 2, 3])).column((1, 2))
        {1: Fraction(2, 1), 2: Fraction(3, 1)}
        """
        row = self.rewards[self.game.mask(coalition)]
        return dict(zip(self.game.players, row))

    def grand_coalition(self) -> dict[Label, Exact]:
        """Rewards of all players in the grand coalition N."""
        return dict(zip(self.game.players, self.rewards[-1]))

    def to_numpy(self):
        """``(array, denominator)``: a (2^n, n) int64 array of rewards × denominator (rows in
        bitmask order of coalitions), or an object array of Fractions with denominator 1 when the
        scaled values do not fit in int64.  Irrational rewards cannot be exported this way.

        >>> from exactfair import Game, balanced_reciprocity
        >>> arr, d = balanced_reciprocity(Game.from_bitmask_values([0, "1/2", 1, 2])).to_numpy()
        >>> arr.tolist(), d
        ([[1, 2], [1, 2], [1, 2], [3, 4]], 2)
        """
        import numpy as np

        from .fast import scale_values

        flat = [x for row in self.rewards for x in row]
        if not all(isinstance(x, Fraction) for x in flat):
            raise ValueError("to_numpy() needs rational rewards; this table has irrational entries")
        scaled = scale_values(flat)
        if scaled.values.dtype == object:
            return np.array(flat, dtype=object).reshape(1 << self.n, self.n), 1
        return scaled.values.reshape(1 << self.n, self.n), scaled.denominator

    # ---------------------------------------------------------------- rendering
    def _columns(self, min_size: int, coalitions: Iterable[Any] | None) -> list[int]:
        if coalitions is not None:
            return [self.game.mask(c) for c in coalitions]
        return [m for m in paper_order(self.n) if size(m) >= min_size]

    def _grid(self, min_size: int, coalitions: Iterable[Any] | None, fmt) -> tuple[list[str], list[list[str]]]:
        cols = self._columns(min_size, coalitions)
        header = [self.game.coalition_name(m) for m in cols]
        body = [[fmt(self.rewards[m][i]) for m in cols] for i in range(self.n)]
        return header, body

    def to_text(self, *, min_size: int = 0, coalitions: Iterable[Any] | None = None) -> str:
        """Plain-text table as in the paper: rows are players, columns coalitions.

        ``min_size`` hides smaller coalitions (the paper prints sizes ≥ 2);
        ``coalitions`` picks columns explicitly.
        """
        header, body = self._grid(min_size, coalitions, format_exact)
        rows = [["C"] + header] + [[f"M_{p}"] + r for p, r in zip(self.players, body)]
        widths = [max(len(row[k]) for row in rows) for k in range(len(rows[0]))]
        return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows)

    def to_markdown(self, *, min_size: int = 0, coalitions: Iterable[Any] | None = None) -> str:
        """GitHub-flavoured Markdown table (rows players, columns coalitions).

        >>> from exactfair import Game, balanced_reciprocity
        >>> print(balanced_reciprocity(Game.from_bitmask_values([0, 1, 2, 3])).to_markdown(min_size=2))
        | C | {1,2} |
        |---|---|
        | M_1 | 2 |
        | M_2 | 3 |
        """
        header, body = self._grid(min_size, coalitions, format_exact)
        lines = ["| C | " + " | ".join(header) + " |", "|---|" + "---|" * len(header)]
        lines += [f"| M_{p} | " + " | ".join(r) + " |" for p, r in zip(self.players, body)]
        return "\n".join(lines)

    def to_latex(self, *, min_size: int = 0, coalitions: Iterable[Any] | None = None) -> str:
        r"""LaTeX ``tabular`` as in the paper: rows :math:`\mathcal{M}(v)_i^C`, columns coalitions.

        >>> from exactfair import Game, balanced_reciprocity
        >>> print(balanced_reciprocity(Game.from_bitmask_values([0, 1, 2, 3])).to_latex(min_size=2))
        \begin{tabular}{l|c}
        $C$ & $\{1,2\}$ \\ \hline
        $\mathcal{M}(v)^{C}_{1}$ & $2$ \\
        $\mathcal{M}(v)^{C}_{2}$ & $3$ \\
        \end{tabular}
        """
        cols = self._columns(min_size, coalitions)

        def cname(m: int) -> str:
            labels = self.game.labels(m)
            return r"\emptyset" if not labels else r"\{" + ",".join(map(str, labels)) + r"\}"

        lines = [r"\begin{tabular}{l|" + "c" * len(cols) + "}",
                 "$C$ & " + " & ".join(f"${cname(m)}$" for m in cols) + r" \\ \hline"]
        for i, p in enumerate(self.players):
            cells = " & ".join(f"${_latex_number(self.rewards[m][i])}$" for m in cols)
            lines.append(rf"$\mathcal{{M}}(v)^{{C}}_{{{p}}}$ & {cells} \\")
        lines.append(r"\end{tabular}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: players, mechanism, and every coalition's rewards as exact strings.

        Coalitions are listed in the paper's order (by size, then lexicographically).
        """
        out: dict[str, Any] = {
            "players": list(self.players),
            "mechanism": self.mechanism,
        }
        if self.parameters:
            out["parameters"] = dict(self.parameters)
        out["rewards"] = [
            {"coalition": list(self.game.labels(m)),
             "rewards": {str(p): format_exact(self.rewards[m][i]) for i, p in enumerate(self.players)}}
            for m in paper_order(self.n)
        ]
        return out

    def to_json(self, indent: int | None = 2) -> str:
        """:meth:`to_dict` as a JSON string."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def render(self, fmt: str, **options: Any) -> str:
        """Render as ``text``, ``markdown``, ``latex`` or ``json``."""
        if fmt == "text":
            return self.to_text(**options)
        if fmt == "markdown":
            return self.to_markdown(**options)
        if fmt == "latex":
            return self.to_latex(**options)
        if fmt == "json":
            return self.to_json()
        raise ValueError(f"unknown format {fmt!r}; choose text, markdown, latex or json")

    def __repr__(self) -> str:
        return f"RewardTable(mechanism={self.mechanism!r}, players={self.players}, n={self.n})"

