"""Transferable-utility games with exact rational values.

A :class:`Game` is an immutable, validated value function ``v: 2^N -> Q`` with
``v(∅) = 0``.  Coalitions are stored as bitmasks (bit ``i`` = the ``i``-th player
of :attr:`Game.players`); labels (ints or strings) are used at the edges only.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Iterable, Mapping, Sequence, Union

import numpy as np

from .coalitions import format_coalition, members, proper_subsets
from .errors import ExactfairError, GameDefinitionError, InexactValueError
from .escape import label_problem
from .exact import format_exact, to_exact
from .fast import first_monotonicity_violation
from .scaled import ScaledValues, as_fractions, common_denominator, integer_array, reduce_scaled

__all__ = ["Game", "PropertyResult", "Label", "MAX_PLAYERS", "first_monotonicity_violation", "game_to_dict"]

Label = Union[int, str]

#: Hard upper bound on the number of players of a game held in memory (2**MAX_PLAYERS values).
MAX_PLAYERS = 30


@dataclass(frozen=True)
class PropertyResult:
    """Outcome of a game-class predicate such as :meth:`Game.is_monotone`.

    Truthy when the property holds.  When it fails, :attr:`witness` holds the
    coalitions (as frozensets of labels) at fault and :attr:`detail` the violated
    (in)equality written out.

    >>> bool(PropertyResult("monotone", True))
    True
    """

    property: str
    holds: bool
    witness: tuple[frozenset, ...] | None = None
    detail: str = ""

    def __bool__(self) -> bool:
        return self.holds


#: Constructors of :class:`Game` that live in a higher layer (they read value functions, caches and other
#: libraries' objects): :mod:`exactfair.data.valuation` and :mod:`exactfair.data.adapters` register themselves
#: here when imported — and ``import exactfair`` imports them — so that ``core`` never imports ``data``.
CONSTRUCTORS: dict[str, Any] = {}


def _constructor(name: str):
    try:
        return CONSTRUCTORS[name]
    except KeyError:
        raise ExactfairError(f"Game.{name} is provided by exactfair.data; run `import exactfair` (which loads it) "
                             "before calling it") from None


def _sorted_labels(labels: Iterable[Label]) -> tuple[Label, ...]:
    labels = set(labels)
    if all(isinstance(x, int) and not isinstance(x, bool) for x in labels):
        return tuple(sorted(labels))
    if all(isinstance(x, str) for x in labels):
        if all(x.isdigit() for x in labels):
            return tuple(sorted(labels, key=lambda x: (int(x), x)))
        return tuple(sorted(labels))
    raise GameDefinitionError(
        f"cannot order player labels {sorted(map(repr, labels))} that mix ints and strings; "
        "pass players=[...] explicitly")


def _check_players(players: Sequence[Label]) -> tuple[Label, ...]:
    players = tuple(players)
    for label in players:
        if isinstance(label, bool) or not isinstance(label, (int, str)):
            raise GameDefinitionError(f"player label {label!r} must be an int or a string")
        problem = label_problem(label)
        if problem:
            raise GameDefinitionError(problem)
    if len(set(players)) != len(players):
        seen, dup = set(), None
        for label in players:
            if label in seen:
                dup = label
                break
            seen.add(label)
        raise GameDefinitionError(f"player {dup!r} is listed twice in players; labels must be distinct")
    if not players:
        raise GameDefinitionError("a game needs at least one player; the player list is empty")
    if len(players) > MAX_PLAYERS:
        raise GameDefinitionError(
            f"{len(players)} players would need 2**{len(players)} coalition values; "
            f"at most {MAX_PLAYERS} players are supported")
    return players


class Game:
    """An exact TU game: players and one rational value per coalition, ``v(∅) = 0``.

    Build one with :meth:`from_dict`, :meth:`from_bitmask_values` or
    :func:`exactfair.data.io.read_game`.  The values are stored as a numpy array of integer
    numerators over one common denominator (:attr:`numerators`, :attr:`denominator`; int64 when
    they fit, Python ints otherwise).  ``values[mask]`` is the value (a Fraction) of the
    coalition whose members are the players at the set bits of ``mask``; the tuple is built on
    first use only.  Games are immutable.

    Examples
    --------
    >>> g = Game.from_dict({(1,): 1, (2,): "2", (1, 2): "7/2"})
    >>> g.players
    (1, 2)
    >>> g[1, 2]
    Fraction(7, 2)
    >>> g.numerators.tolist(), g.denominator
    ([0, 2, 4, 7], 2)
    >>> g.is_monotone().holds
    True
    """

    __slots__ = ("players", "_num", "_den", "_index", "_values", "_monotone", "metadata")

    def __init__(self, players: Sequence[Label], values: Any, *, metadata: Mapping[str, Any] | None = None) -> None:
        players = _check_players(players)
        n = len(players)
        num, den = _exact_scaled(values, players)
        if num.shape != (1 << n,):
            raise GameDefinitionError(
                f"a game of {n} players needs 2**{n} = {1 << n} values in bitmask order, got {num.shape[0]}")
        self._init(players, num, den, metadata)

    def _init(self, players: tuple, num: np.ndarray, den: int, metadata: Mapping[str, Any] | None) -> None:
        if num[0] != 0:
            raise GameDefinitionError(
                f"v(∅) must be 0, got {format_exact(Fraction(int(num[0]), den))}: the empty coalition of a game is "
                "worth 0; subtract v(∅) from every value (normalise_empty=True in Game.from_bitmask_values, "
                "Game.from_dict and Game.from_function; --normalise-empty for exactfair valuate), or set v(∅) to 0")
        num.flags.writeable = False
        set_ = object.__setattr__
        set_(self, "players", players)
        set_(self, "_num", num)
        set_(self, "_den", den)
        set_(self, "_index", {label: i for i, label in enumerate(players)})
        set_(self, "_values", None)
        set_(self, "_monotone", None)
        set_(self, "metadata", dict(metadata or {}))

    @classmethod
    def from_scaled(cls, players: Sequence[Label], numerators: np.ndarray, denominator: int = 1, *,
                    metadata: Mapping[str, Any] | None = None) -> "Game":
        """Game from integer numerators (bitmask order) over a positive denominator, without per-value work.

        >>> Game.from_scaled([1, 2], np.array([0, 1, 2, 4]), 2)[1, 2]
        Fraction(2, 1)
        """
        players = _check_players(players)
        if not isinstance(denominator, int) or isinstance(denominator, bool) or denominator <= 0:
            raise GameDefinitionError(f"the denominator must be a positive int, got {denominator!r}")
        num = integer_array(numerators)
        if num.shape != (1 << len(players),):
            raise GameDefinitionError(f"a game of {len(players)} players needs 2**{len(players)} = "
                                      f"{1 << len(players)} values in bitmask order, got {num.shape}")
        num, den = reduce_scaled(num if num is not numerators else num.copy(), denominator)
        game = cls.__new__(cls)
        game._init(players, num, den, metadata)
        return game

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Game is immutable; use with_values() to change {name!r}")

    def __reduce__(self):
        return (Game.from_scaled, (self.players, self._num, self._den), {"metadata": self.metadata})

    def __setstate__(self, state: dict) -> None:
        object.__setattr__(self, "metadata", dict(state.get("metadata", {})))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Game):
            return NotImplemented
        return (self.players == other.players and self._den == other._den
                and self._num.dtype == other._num.dtype and bool(np.array_equal(self._num, other._num)))

    def __hash__(self) -> int:
        # equal games have equal (canonical) dtypes, so equal keys
        key = tuple(self._num.tolist()) if self._num.dtype == object else self._num.tobytes()
        return hash((self.players, self._den, key))

    @property
    def values(self) -> tuple[Fraction, ...]:
        """The 2ⁿ values as Fractions, bitmask order (built on first use; prefer :meth:`value` at scale)."""
        if self._values is None:
            object.__setattr__(self, "_values", tuple(as_fractions(self._num, self._den)))
        return self._values

    @property
    def numerators(self) -> np.ndarray:
        """Read-only array of the value numerators over :attr:`denominator` (bitmask order)."""
        return self._num

    @property
    def denominator(self) -> int:
        """The common denominator of the values (the least one)."""
        return self._den

    def scaled(self) -> ScaledValues:
        """``(numerators, denominator)`` as :class:`~exactfair.core.scaled.ScaledValues`."""
        return ScaledValues(self._num, self._den)

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_bitmask_values(cls, values: Iterable[Any], players: Sequence[Label] | None = None, *,
                            normalise_empty: bool = False) -> "Game":
        """Game from ``2**n`` values in bitmask order (bit ``i`` = ``i``-th player).

        Players default to ``1..n``.  Values may be ints, Fractions, sympy
        Rationals, decimal/fraction strings, or a numpy integer array.  A non-zero v(∅) is refused, or
        with ``normalise_empty=True`` subtracted from every value (recorded in :attr:`metadata`).

        >>> g = Game.from_bitmask_values([2, 3, 5, 9], normalise_empty=True)
        >>> g.values, g.metadata["empty_value"]
        ((Fraction(0, 1), Fraction(1, 1), Fraction(3, 1), Fraction(7, 1)), '2')

        >>> Game.from_bitmask_values([0, 1, 2, 4]).values[3]
        Fraction(4, 1)
        >>> Game.from_bitmask_values([0, 1, 2], players=[1, 2])
        Traceback (most recent call last):
        ...
        exactfair.core.errors.GameDefinitionError: a game of 2 players needs 2**2 = 4 values in bitmask order, got 3
        """
        if isinstance(values, np.ndarray):
            if values.ndim != 1:
                raise GameDefinitionError(f"the values must be a one-dimensional array, got shape {values.shape}")
            count = values.shape[0]
        else:
            values = list(values)
            count = len(values)
        if players is None:
            n = max(count, 1).bit_length() - 1
            if 1 << n != count:
                raise GameDefinitionError(
                    f"{count} values is not a power of two; a game of n players needs 2**n values in bitmask order")
            players = tuple(range(1, n + 1))
        if normalise_empty:
            return cls._normalised(tuple(players), values)
        return cls(tuple(players), values)

    @classmethod
    def _normalised(cls, players: tuple, values: Any) -> "Game":
        """The game v − v(∅) (every value minus v(∅)), v(∅) recorded in the metadata."""
        from .scaled import max_abs, widen
        num, den = _exact_scaled(values, _check_players(players))
        empty = Fraction(int(num[0]), den)
        shifted = widen(num, 2 * max_abs(num) + 1) - num[0]
        metadata = {"empty_value": format_exact(empty), "normalised": empty != 0}
        return cls.from_scaled(players, shifted, den, metadata=metadata)

    @classmethod
    def from_dict(cls, mapping: Mapping[Any, Any], players: Sequence[Label] | None = None, *,
                  normalise_empty: bool = False) -> "Game":
        """Game from a mapping ``coalition -> value``.

        Coalitions are tuples, lists, sets or frozensets of player labels (a bare
        label stands for a one-player coalition).  ``v(∅)`` may be omitted (it is 0);
        every other coalition must be present exactly once.  ``normalise_empty`` as for
        :meth:`from_bitmask_values`.  Players default to the
        sorted labels that occur.

        >>> Game.from_dict({(1,): 1, (2,): 2})
        Traceback (most recent call last):
        ...
        exactfair.core.errors.GameDefinitionError: missing value for coalition {1,2}; every coalition of the players (1, 2) needs a value
        >>> Game.from_dict({(1,): 1, (2,): 2, (1, 2): 3, (2, 1): 3})
        Traceback (most recent call last):
        ...
        exactfair.core.errors.GameDefinitionError: coalition {1,2} is given twice (as (1, 2) and as (2, 1))
        """
        normalised: dict[frozenset, tuple[Any, Any]] = {}
        for key, value in mapping.items():
            coalition = _as_label_set(key)
            if coalition in normalised:
                first = normalised[coalition][0]
                raise GameDefinitionError(
                    f"coalition {format_coalition(_display_order(coalition))} is given twice "
                    f"(as {first!r} and as {key!r})")
            normalised[coalition] = (key, value)
        if players is None:
            labels = set().union(*normalised.keys()) if normalised else set()
            players = _sorted_labels(labels)
        players = _check_players(players)
        index = {label: i for i, label in enumerate(players)}
        values: list[Any] = [None] * (1 << len(players))
        values[0] = 0
        for coalition, (key, value) in normalised.items():
            mask = 0
            for label in coalition:
                if label not in index:
                    raise GameDefinitionError(
                        f"coalition {key!r} names player {label!r}, who is not among the players {players}")
                mask |= 1 << index[label]
            values[mask] = value
        for mask, value in enumerate(values):
            if value is None:
                raise GameDefinitionError(
                    f"missing value for coalition {format_coalition(players[i] for i in members(mask))}; "
                    f"every coalition of the players {players} needs a value")
        if normalise_empty:
            return cls._normalised(players, tuple(values))
        return cls(players, tuple(values))

    @classmethod
    def from_function(cls, players: Sequence[Label] | int, value, *, cache=None, jobs: int = 1,
                      progress: bool = True, floats: str = "exact", empty: Any = None, normalise_empty: bool = False,
                      scheduler: Any = None) -> "Game":
        """Game with v(C) = ``value(C)`` (C a tuple of labels, ∅ included), cached and resumable, locally
        (``jobs``) or on a Dask cluster (``scheduler``); see :mod:`exactfair.data.valuation`.

        >>> Game.from_function(2, lambda C: 2 ** len(C) - 1, progress=False).values
        (Fraction(0, 1), Fraction(1, 1), Fraction(1, 1), Fraction(3, 1))
        """
        return _constructor("from_function")(players, value, cache=cache, jobs=jobs, progress=progress, floats=floats, empty=empty,
                             normalise_empty=normalise_empty, scheduler=scheduler)

    @classmethod
    def from_pydvl(cls, utility, **options) -> "Game":
        """The game of a pyDVL utility (with its training data) over its data owners: :mod:`exactfair.data.adapters`."""
        return _constructor("from_pydvl")(utility, **options)

    @classmethod
    def from_shapiq(cls, game, **options) -> "Game":
        """The game of a ``shapiq.Game`` (its players, its normalisation): :mod:`exactfair.data.adapters`."""
        return _constructor("from_shapiq")(game, **options)

    def monotone_closure(self) -> tuple["Game", list]:
        """The least monotone game above this one, v′(C) = max_{S ⊆ C} v(S), and what changed.

        Returns ``(game, changes)`` with ``changes`` a list of ``(coalition labels, old value, new
        value)`` for every coalition that was raised (in bitmask order).  O(n·2ⁿ), on the arrays.
        :meth:`monotone_repair` also offers the least change in the maximum norm.

        >>> repaired, changes = Game.from_bitmask_values([0, 2, 1, 1]).monotone_closure()
        >>> repaired.values, changes
        ((Fraction(0, 1), Fraction(2, 1), Fraction(1, 1), Fraction(2, 1)), [((1, 2), Fraction(1, 1), Fraction(2, 1))])
        """
        repaired, report = self.monotone_repair("closure")
        return repaired, list(report.changes)

    def monotone_repair(self, kind: str = "closure"):
        """A monotone game made from this one and a :class:`~exactfair.core.repair.Repair` report (count of changed
        values, the largest change, every change): ``kind="closure"`` raises values to the least monotone game
        above; ``kind="linf"`` is a monotone game nearest in the maximum norm (see :mod:`exactfair.core.repair`).

        >>> game, report = Game.from_bitmask_values([0, 5, 1, 3]).monotone_repair("linf")
        >>> report.count, report.largest
        (2, Fraction(1, 1))
        """
        from .repair import monotone_repair
        return monotone_repair(self, kind)

    # ------------------------------------------------------------------ access
    @property
    def n(self) -> int:
        """Number of players."""
        return len(self.players)

    def mask(self, coalition: Any) -> int:
        """Bitmask of a coalition given as labels (iterable, or a bare label).

        >>> Game.from_bitmask_values([0, 1, 1, 2], players=["a", "b"]).mask(["b"])
        2
        """
        mask = 0
        for label in _as_label_set(coalition):
            try:
                mask |= 1 << self._index[label]
            except KeyError:
                raise GameDefinitionError(f"player {label!r} is not among the players {self.players}") from None
        return mask

    def labels(self, mask: int) -> tuple[Label, ...]:
        """Labels of the players in a bitmask coalition, in player order.

        >>> Game.from_bitmask_values([0, 1, 1, 2], players=["a", "b"]).labels(3)
        ('a', 'b')
        """
        return tuple(self.players[i] for i in members(mask))

    def coalition_name(self, mask: int) -> str:
        """The coalition as the paper writes it, e.g. ``{1,3}``."""
        return format_coalition(self.labels(mask))

    def index(self, player: Label) -> int:
        """Position of a player label in :attr:`players`."""
        try:
            return self._index[player]
        except KeyError:
            raise GameDefinitionError(f"player {player!r} is not among the players {self.players}") from None

    def __getitem__(self, coalition: Any) -> Fraction:
        return self.value(self.mask(coalition))

    def value(self, mask: int) -> Fraction:
        """Value of a bitmask coalition.

        >>> Game.from_bitmask_values([0, 1, "1/2", 2]).value(2)
        Fraction(1, 2)
        """
        return Fraction(int(self._num[mask]), self._den)

    def to_dict(self) -> dict[tuple[Label, ...], Fraction]:
        """Mapping ``tuple of labels -> value`` for every coalition (a fresh dict)."""
        return {self.labels(m): v for m, v in enumerate(self.values)}

    def with_values(self, changes: Mapping[Any, Any]) -> "Game":
        """A copy with some coalition values replaced (the original is unchanged).

        >>> g = Game.from_bitmask_values([0, 1, 1, 2])
        >>> g.with_values({(1, 2): 5})[1, 2], g[1, 2]
        (Fraction(5, 1), Fraction(2, 1))
        """
        values = list(self.values)
        for coalition, value in changes.items():
            values[self.mask(coalition)] = value
        return Game(self.players, tuple(values))

    # ------------------------------------------------------------------ predicates
    def _fail(self, name: str, masks: tuple[int, ...], detail: str) -> PropertyResult:
        return PropertyResult(name, False, tuple(frozenset(self.labels(m)) for m in masks), detail)

    def is_monotone(self) -> PropertyResult:
        """``v(C') <= v(C)`` for all ``C' ⊆ C``; witness ``(C', C)`` when it fails.

        It suffices to check ``C' = C \\ {i}`` (the order is transitive); the check is one
        vectorised comparison per player, O(n·2ⁿ), and its result is cached.

        >>> r = Game.from_bitmask_values([0, 2, 1, 1]).is_monotone()
        >>> r.holds, r.detail
        (False, 'v({1}) = 2 > v({1,2}) = 1')
        """
        if self._monotone is None:
            bad = first_monotonicity_violation(self._num, self.n)
            if bad is None:
                result = PropertyResult("monotone", True)
            else:
                sub, mask = bad
                result = self._fail("monotone", (sub, mask),
                                    f"v({self.coalition_name(sub)}) = {format_exact(self.value(sub))} > "
                                    f"v({self.coalition_name(mask)}) = {format_exact(self.value(mask))}")
            object.__setattr__(self, "_monotone", result)
        return self._monotone

    def _disjoint_pairs(self):
        full = len(self.values) - 1
        for union in range(1, full + 1):
            for s in proper_subsets(union):
                t = union & ~s
                if s and s < t:
                    yield s, t, union

    def is_superadditive(self) -> PropertyResult:
        """``v(S) + v(T) <= v(S ∪ T)`` for disjoint ``S, T``; witness ``(S, T)``.

        >>> Game.from_bitmask_values([0, 1, 1, 1]).is_superadditive().detail
        'v({1}) + v({2}) = 2 > v({1,2}) = 1'
        """
        v = self.values
        for s, t, u in self._disjoint_pairs():
            if v[s] + v[t] > v[u]:
                return self._fail("superadditive", (s, t),
                                  f"v({self.coalition_name(s)}) + v({self.coalition_name(t)}) = "
                                  f"{format_exact(v[s] + v[t])} > v({self.coalition_name(u)}) = {format_exact(v[u])}")
        return PropertyResult("superadditive", True)

    def is_subadditive(self) -> PropertyResult:
        """``v(S) + v(T) >= v(S ∪ T)`` for disjoint ``S, T``; witness ``(S, T)``.

        >>> Game.from_bitmask_values([0, 1, 1, 3]).is_subadditive().holds
        False
        """
        v = self.values
        for s, t, u in self._disjoint_pairs():
            if v[s] + v[t] < v[u]:
                return self._fail("subadditive", (s, t),
                                  f"v({self.coalition_name(s)}) + v({self.coalition_name(t)}) = "
                                  f"{format_exact(v[s] + v[t])} < v({self.coalition_name(u)}) = {format_exact(v[u])}")
        return PropertyResult("subadditive", True)

    def is_additive(self) -> PropertyResult:
        """``v(S) + v(T) = v(S ∪ T)`` for disjoint ``S, T``; witness ``(S, T)``.

        >>> Game.from_bitmask_values([0, 1, 2, 3]).is_additive().holds
        True
        """
        v = self.values
        for s, t, u in self._disjoint_pairs():
            if v[s] + v[t] != v[u]:
                return self._fail("additive", (s, t),
                                  f"v({self.coalition_name(s)}) + v({self.coalition_name(t)}) = "
                                  f"{format_exact(v[s] + v[t])} ≠ v({self.coalition_name(u)}) = {format_exact(v[u])}")
        return PropertyResult("additive", True)

    def is_convex(self) -> PropertyResult:
        """Supermodularity ``v(S ∪ T) + v(S ∩ T) >= v(S) + v(T)``; witness ``(S, T)``.

        Checked in the equivalent local form ``v(A∪{i}) + v(A∪{j}) <= v(A∪{i,j}) + v(A)``.

        >>> Game.from_bitmask_values([0, 1, 1, 1]).is_convex().holds
        False
        """
        v = self.values
        n = self.n
        for a in range(len(v)):
            outside = [i for i in range(n) if not a >> i & 1]
            for x in range(len(outside)):
                for y in range(x + 1, len(outside)):
                    si, sj = a | 1 << outside[x], a | 1 << outside[y]
                    u = si | sj
                    if v[si] + v[sj] > v[u] + v[a]:
                        return self._fail("convex", (si, sj),
                                          f"v({self.coalition_name(si)}) + v({self.coalition_name(sj)}) = "
                                          f"{format_exact(v[si] + v[sj])} > v({self.coalition_name(u)}) + "
                                          f"v({self.coalition_name(a)}) = {format_exact(v[u] + v[a])}")
        return PropertyResult("convex", True)

    def __repr__(self) -> str:
        shown = ", ".join(f"{self.coalition_name(m)}: {format_exact(self.value(m))}"
                          for m in range(1, min(1 << self.n, 64)))
        if len(shown) > 300:
            shown = shown[:300] + ", …"
        return f"Game(players={self.players}, values={{{shown}}})"


def _as_label_set(key: Any) -> frozenset:
    if isinstance(key, (str, int)) and not isinstance(key, bool):
        return frozenset([key])
    try:
        items = list(key)
    except TypeError:
        raise GameDefinitionError(f"coalition {key!r} must be a tuple, list or set of player labels") from None
    for label in items:
        if isinstance(label, bool) or not isinstance(label, (int, str)):
            raise GameDefinitionError(f"coalition {key!r} contains {label!r}; player labels are ints or strings")
    result = frozenset(items)
    if len(result) != len(items):
        raise GameDefinitionError(f"coalition {key!r} lists a player twice")
    return result


def _display_order(labels: frozenset) -> list:
    try:
        return sorted(labels)
    except TypeError:
        return sorted(labels, key=repr)



def _exact_scaled(values: Any, players: tuple) -> tuple[np.ndarray, int]:
    """Validated exact values → (numerators, least common denominator); refuses floats and the like."""
    if isinstance(values, np.ndarray) and values.dtype.kind in "biufc":
        return integer_array(values), 1
    values = list(values)
    if all(type(x) is int for x in values):
        return integer_array(values), 1
    fracs = []
    for m, x in enumerate(values):
        try:
            fracs.append(to_exact(x))
        except (InexactValueError, ExactfairError):   # again, with the coalition named
            fracs.append(to_exact(x, what=f"v({format_coalition(players[i] for i in members(m) if i < len(players))})"))
    d = common_denominator([f.denominator for f in fracs])
    return integer_array([f.numerator * (d // f.denominator) for f in fracs]), d


def game_to_dict(game: Game) -> dict:
    """The game in the JSON file format of :mod:`exactfair.data.io` (values as exact strings, coalition objects).

    >>> game_to_dict(Game.from_bitmask_values([0, 1, 2, "7/2"]))["values"][3]
    {'coalition': [1, 2], 'value': '7/2'}
    """
    return {"players": list(game.players),
            "values": [{"coalition": list(game.labels(m)), "value": format_exact(game.value(m))}
                       for m in range(1 << game.n)]}
