"""Reward tables: the n × 2^n matrix of the paper's eq. (1).

``table[i, C]`` is the reward ``M(v)_i^C`` of player ``i`` when coalition ``C``
forms.  Entries are exact (:class:`~fractions.Fraction`, or a constant sympy
expression for irrational rewards such as ρ-Shapley with ρ = log2(3) − 1).
"""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any, Iterable, Iterator, Mapping, Sequence

import numpy as np
import sympy

from .coalitions import coalitions_by_size as paper_order_of_size, paper_order, size
from .errors import GameDefinitionError
from .escape import latex_text, markdown_text
from .exact import Exact, format_decimal, format_exact, to_exact_number
from .game import Game, Label
from .memory import BYTES_PER_FRACTION, BYTES_PER_INT64, BYTES_PER_OBJECT_ENTRY, available_memory, require_memory
from .scaled import ScaledValues, as_fractions, integer_array, reduce_scaled, scale_exact

__all__ = ["RewardTable", "ensure_table_fits", "estimated_table_bytes"]

def estimated_table_bytes(n: int, representation: str = "fraction") -> int:
    """Estimated bytes for an exact n-player reward table (n · 2^n entries).

    ``representation``: ``"int64"`` (the array-backed table), ``"object"`` (Python ints) or
    ``"fraction"`` (rows of Fraction objects, as irrational or reference tables are held).

    >>> estimated_table_bytes(4), estimated_table_bytes(4, "int64")
    (7680, 512)
    """
    per = {"int64": BYTES_PER_INT64, "object": BYTES_PER_OBJECT_ENTRY, "fraction": BYTES_PER_FRACTION}[representation]
    return n * (1 << n) * per


def ensure_table_fits(n: int, available: int | None = None, representation: str = "fraction") -> None:
    """Refuse, before allocating, a table that would not fit in memory.

    >>> ensure_table_fits(4)
    >>> ensure_table_fits(40, available=16 << 30)
    Traceback (most recent call last):
    ...
    exactfair.core.errors.TooLargeError: a reward table for 40 players (43,980,465,111,040 entries) needs about 5.3 PB of memory, but only 17.2 GB is available; use fewer players
    """
    require_memory(estimated_table_bytes(n, representation),
                   f"a reward table for {n} players ({n * (1 << n):,} entries)",
                   available=_available_memory() if available is None else available, hint="use fewer players")


def _available_memory() -> int:
    return available_memory()


def _latex_number(value: Exact) -> str:
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return format_exact(value)
        sign = "-" if value < 0 else ""
        return f"{sign}\\frac{{{format_exact(abs(value.numerator))}}}{{{format_exact(value.denominator)}}}"
    return sympy.latex(value)


def _formatter(decimals: int | None):
    return format_exact if decimals is None else (lambda x: format_decimal(x, decimals))


class RewardTable:
    """The rewards of every player for every coalition of a game.

    ``rewards[mask][i]`` is the reward of the ``i``-th player when the coalition
    with bitmask ``mask`` forms.  Use ``table[player, coalition]`` with labels.

    A rational table is stored as a (2ⁿ, n) numpy array of integer numerators over one common
    denominator (:meth:`to_numpy`); Fractions are made only at the edges (``table[i, C]``,
    :attr:`rewards`, rendering).  A table with irrational entries (ρ-Shapley with an irrational
    ρ) keeps its exact sympy entries as rows.

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

    __slots__ = ("game", "mechanism", "parameters", "_num", "_den", "_rows")

    def __init__(self, game: Game, mechanism: str, rewards: Sequence[Sequence[Any]],
                 parameters: tuple = (), _check: bool = True) -> None:
        n = game.n
        rows = tuple(tuple(row) for row in rewards)
        if len(rows) != 1 << n or any(len(row) != n for row in rows):
            raise GameDefinitionError(
                f"a reward table of {n} players needs 2**{n} rows of {n} rewards in bitmask order")
        if _check:
            rows = tuple(
                tuple(to_exact_number(x, what=f"reward of player {game.players[i]} in "
                                              f"{game.coalition_name(m)}") for i, x in enumerate(row))
                for m, row in enumerate(rows))
        num = den = None
        if all(isinstance(x, (Fraction, int)) and not isinstance(x, bool) for row in rows for x in row):
            num, den = scale_exact([x for row in rows for x in row])
            num = num.reshape(1 << n, n)
            rows = None
        self._init(game, mechanism, tuple(parameters), num, den, rows)

    def _init(self, game, mechanism, parameters, num, den, rows) -> None:
        set_ = object.__setattr__
        if num is not None:
            num, den = reduce_scaled(num, den)
            num.flags.writeable = False
        set_(self, "game", game)
        set_(self, "mechanism", mechanism)
        set_(self, "parameters", parameters)
        set_(self, "_num", num)
        set_(self, "_den", den)
        set_(self, "_rows", rows)

    @classmethod
    def from_array(cls, game: Game, mechanism: str, numerators: np.ndarray, denominator: int = 1,
                   parameters: Mapping[str, Any] | tuple = ()) -> "RewardTable":
        """Table from a (2ⁿ, n) integer array of numerators over ``denominator`` (no per-entry work).

        >>> from exactfair import Game
        >>> g = Game.from_bitmask_values([0, 1, 2, 3])
        >>> RewardTable.from_array(g, "manual", np.array([[1, 2], [1, 2], [1, 2], [4, 6]]), 2)[2, (1, 2)]
        Fraction(3, 1)
        """
        num = integer_array(numerators)
        if num.shape != (1 << game.n, game.n):
            raise GameDefinitionError(f"a reward table of {game.n} players needs an array of shape "
                                      f"({1 << game.n}, {game.n}), got {num.shape}")
        if not isinstance(denominator, int) or denominator <= 0:
            raise GameDefinitionError(f"the denominator must be a positive int, got {denominator!r}")
        params = tuple((str(k), str(v)) for k, v in parameters.items()) if isinstance(parameters, Mapping) \
            else tuple(parameters)
        table = cls.__new__(cls)
        table._init(game, mechanism, params, num if num is not numerators else num.copy(), denominator, None)
        return table

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

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("RewardTable is immutable")

    def __reduce__(self):
        if self._num is not None:
            return (RewardTable.from_array, (self.game, self.mechanism, self._num, self._den, self.parameters))
        return (RewardTable, (self.game, self.mechanism, self._rows, self.parameters, False))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RewardTable):
            return NotImplemented
        if (self.game, self.mechanism, self.parameters) != (other.game, other.mechanism, other.parameters):
            return False
        if self._num is not None and other._num is not None:
            return self._den == other._den and bool(np.array_equal(self._num, other._num))
        return self.rewards == other.rewards

    def __hash__(self) -> int:
        return hash((self.game, self.mechanism, self.parameters))

    @property
    def is_rational(self) -> bool:
        """True when every reward is rational (the table is array-backed)."""
        return self._num is not None

    @property
    def rewards(self) -> tuple[tuple[Exact, ...], ...]:
        """Rows (bitmask order) of exact rewards; Fractions are built on each call for array tables.

        Prefer :meth:`reward`, ``table[i, C]`` or :meth:`to_numpy` for large tables.
        """
        if self._rows is not None:
            return self._rows
        flat = as_fractions(self._num.reshape(-1), self._den)
        n = self.game.n
        return tuple(tuple(flat[m * n:(m + 1) * n]) for m in range(1 << n))

    def row(self, mask: int) -> tuple[Exact, ...]:
        """The rewards of every player in the bitmask coalition ``mask``."""
        if self._rows is not None:
            return self._rows[mask]
        return tuple(as_fractions(self._num[mask], self._den))

    # ---------------------------------------------------------------- access
    @property
    def players(self) -> tuple[Label, ...]:
        return self.game.players

    @property
    def n(self) -> int:
        return self.game.n

    def reward(self, player_index: int, mask: int) -> Exact:
        """Reward of the player at ``player_index`` in the bitmask coalition ``mask``."""
        if self._rows is not None:
            return self._rows[mask][player_index]
        return Fraction(int(self._num[mask, player_index]), self._den)

    def __getitem__(self, key: tuple[Label, Any]) -> Exact:
        player, coalition = key
        return self.reward(self.game.index(player), self.game.mask(coalition))

    def column(self, coalition: Any) -> dict[Label, Exact]:
        """Rewards of all players when ``coalition`` forms, keyed by label.

        >>> from exactfair import Game, balanced_reciprocity
        >>> balanced_reciprocity(Game.from_bitmask_values([0, 1, 2, 3])).column((1, 2))
        {1: Fraction(2, 1), 2: Fraction(3, 1)}
        """
        return dict(zip(self.game.players, self.row(self.game.mask(coalition))))

    def grand_coalition(self) -> dict[Label, Exact]:
        """Rewards of all players in the grand coalition N."""
        return dict(zip(self.game.players, self.row((1 << self.n) - 1)))

    def to_numpy(self) -> ScaledValues:
        """``(array, denominator)``: the (2^n, n) read-only array of reward numerators (rows in bitmask
        order of coalitions; int64, or object of Python ints when they do not fit) and the common
        denominator.  No copy is made.  Irrational rewards cannot be exported this way.

        >>> from exactfair import Game, balanced_reciprocity
        >>> arr, d = balanced_reciprocity(Game.from_bitmask_values([0, "1/2", 1, 2])).to_numpy()
        >>> arr.tolist(), d
        ([[1, 2], [1, 2], [1, 2], [3, 4]], 2)
        """
        if self._num is None:
            raise ValueError("to_numpy() needs rational rewards; this table has irrational entries")
        return ScaledValues(self._num, self._den)

    # ---------------------------------------------------------------- rendering
    def _columns(self, min_size: int, coalitions: Iterable[Any] | None) -> list[int]:
        if coalitions is not None:
            return [self.game.mask(c) for c in coalitions]
        return [m for m in paper_order(self.n) if size(m) >= min_size]

    def _grid(self, min_size: int, coalitions: Iterable[Any] | None, fmt) -> tuple[list[str], list[list[str]]]:
        cols = self._columns(min_size, coalitions)
        header = [self.game.coalition_name(m) for m in cols]
        body = [[fmt(self.reward(i, m)) for m in cols] for i in range(self.n)]
        return header, body

    def to_text(self, *, min_size: int = 0, coalitions: Iterable[Any] | None = None,
                decimals: int | None = None) -> str:
        """Plain-text table as in the paper: rows are players, columns coalitions.

        ``min_size`` hides smaller coalitions (the paper prints sizes ≥ 2);
        ``coalitions`` picks columns explicitly; ``decimals`` rounds what is shown (display only: the
        table keeps its exact values).

        >>> from exactfair import Game, shapley
        >>> print(shapley(Game.from_bitmask_values([0, 1, 1, 1, 1, 2, 2, 3])).to_text(min_size=3, decimals=3))
        C    {1,2,3}
        M_1  0.833
        M_2  0.833
        M_3  1.333
        """
        header, body = self._grid(min_size, coalitions, _formatter(decimals))
        rows = [["C"] + header] + [[f"M_{p}"] + r for p, r in zip(self.players, body)]
        widths = [max(len(row[k]) for row in rows) for k in range(len(rows[0]))]
        return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows)

    def to_markdown(self, *, min_size: int = 0, coalitions: Iterable[Any] | None = None,
                    decimals: int | None = None) -> str:
        """GitHub-flavoured Markdown table (rows players, columns coalitions).

        >>> from exactfair import Game, balanced_reciprocity
        >>> print(balanced_reciprocity(Game.from_bitmask_values([0, 1, 2, 3])).to_markdown(min_size=2))
        | C | {1,2} |
        |---|---|
        | M_1 | 2 |
        | M_2 | 3 |
        """
        header, body = self._grid(min_size, coalitions, _formatter(decimals))
        lines = ["| C | " + " | ".join(map(markdown_text, header)) + " |", "|---|" + "---|" * len(header)]
        lines += [f"| M_{markdown_text(p)} | " + " | ".join(map(markdown_text, r)) + " |"
                  for p, r in zip(self.players, body)]
        return "\n".join(lines)

    def to_latex(self, *, min_size: int = 0, coalitions: Iterable[Any] | None = None,
                 decimals: int | None = None) -> str:
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
            return r"\emptyset" if not labels else r"\{" + ",".join(map(latex_text, labels)) + r"\}"

        lines = [r"\begin{tabular}{l|" + "c" * len(cols) + "}",
                 "$C$ & " + " & ".join(f"${cname(m)}$" for m in cols) + r" \\ \hline"]
        for i, p in enumerate(self.players):
            cells = " & ".join(f"${_latex_number(self.reward(i, m)) if decimals is None else format_decimal(self.reward(i, m), decimals)}$"
                               for m in cols)
            lines.append(rf"$\mathcal{{M}}(v)^{{C}}_{{{latex_text(p)}}}$ & {cells} \\")
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
             "rewards": {str(p): format_exact(x) for p, x in zip(self.players, self.row(m))}}
            for m in paper_order(self.n)
        ]
        return out

    def to_json(self, indent: int | None = 2) -> str:
        """:meth:`to_dict` as a JSON string."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def iter_json(self) -> Iterator[str]:
        """The same JSON document as :meth:`to_json` (compact, one coalition per line), in chunks.

        Memory stays at one coalition's rewards however large the table: use it for big tables.

        >>> from exactfair import Game, balanced_reciprocity
        >>> t = balanced_reciprocity(Game.from_bitmask_values([0, 1, 2, 3]))
        >>> json.loads("".join(t.iter_json())) == t.to_dict()
        True
        """
        head = {"players": list(self.players), "mechanism": self.mechanism}
        if self.parameters:
            head["parameters"] = dict(self.parameters)
        yield json.dumps(head, ensure_ascii=False)[:-1] + ', "rewards": [\n'
        keys = [str(p) for p in self.players]
        first = True
        for k in range(self.n + 1):
            for m in paper_order_of_size(self.n, k):
                entry = {"coalition": list(self.game.labels(m)),
                         "rewards": dict(zip(keys, map(format_exact, self.row(m))))}
                yield ("" if first else ",\n") + json.dumps(entry, ensure_ascii=False)
                first = False
        yield "\n]}\n"

    def write_npz(self, path: Any) -> None:
        """Write the table as ``.npz``: ``numerators`` (2ⁿ, n), ``denominator``, ``players``, ``mechanism``.

        Exact at any size: integers beyond int64 are written as decimal strings (numpy stores Python
        integers only by pickling, which readers should refuse).

        >>> import tempfile, pathlib, numpy
        >>> from exactfair import examples, balanced_reciprocity
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "t.npz"
        >>> balanced_reciprocity(examples.example1()).write_npz(f)
        >>> numpy.load(f)["numerators"][-1].tolist()
        [5, 5, 8, 9]
        """
        from .npz import npz_integers, npz_labels

        num, den = self.to_numpy()
        with open(path, "wb") as handle:
            np.savez(handle, numerators=npz_integers(num), denominator=npz_integers(den),
                     players=npz_labels(self.players, text=True), mechanism=np.array(self.mechanism))

    def to_pandas(self, *, min_size: int = 0, coalitions: Iterable[Any] | None = None):
        """A pandas DataFrame: rows players, columns coalitions (named as the paper writes them), the exact
        values as Fractions (``.astype(float)`` for plotting).  Needs pandas (``pip install 'exactfair[pandas]'``).

        >>> from exactfair import Game, balanced_reciprocity
        >>> frame = balanced_reciprocity(Game.from_bitmask_values([0, 1, 2, 3])).to_pandas(min_size=2)
        >>> frame.loc[2, "{1,2}"], list(frame.columns)
        (Fraction(3, 1), ['{1,2}'])
        """
        try:
            import pandas
        except ImportError:
            raise ImportError("to_pandas() needs pandas: pip install 'exactfair[pandas]'") from None
        cols = self._columns(min_size, coalitions)
        data = {self.game.coalition_name(m): [self.reward(i, m) for i in range(self.n)] for m in cols}
        frame = pandas.DataFrame(data, index=pandas.Index(list(self.players), name="player"), dtype=object)
        frame.attrs["mechanism"] = self.mechanism
        return frame

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

