"""F4 (strict monotonicity) against the canonical second games, recomputing only what changes.

:func:`exactfair.axioms.check.check_axioms` checks F4 against the games v′ = v + δ·[S ⊇ C], one for each
C ≠ ∅ (:func:`exactfair.axioms.check.f4_perturbations`).  Such a v′ differs from v only on the coalitions
D ⊇ C, and F4's hypothesis holds exactly at the pairs (D ⊇ C, i ∈ C) (v′_D > v_D, v′ ≥ v, and no
coalition below D∖{i} changed).  Every built-in mechanism computes the column of D from the values
of the subsets of D and from the columns of smaller coalitions, so a column D ⊉ C of M(v′) is the
column of M(v): only the 2^{n−|C|} columns D ⊇ C need computing, by the same recursion the
mechanism runs, in the same integers:

* Algorithm 1 — its layer step (:func:`exactfair.core.fast._step_inplace`) on the coalitions ⊇ C only;
* Shapley — its layer recursion φ_i(D) = (v_D − v_{D∖i} + Σ_j φ_i(D∖j)) / |D| on the coalitions ⊇ C;
* Banzhaf — the subset sums Z′(D) = Z(D) + δ·2^{|D|−|C|} for D ⊇ C (Z unchanged elsewhere);
* equal split — v′_D / |D| for D ⊇ C;
* an explicit mechanism of the user's (``define_mechanism(per_member=...)``) — its rule evaluated
  exactly, coalition by coalition, on the coalitions ⊇ C.

Over all C that is 3ⁿ columns instead of 4ⁿ.  Any other mechanism (an implicit one, or a plain
function) is run on each whole second game, as before.  The result — verdict, counts, the first
violations with both sides — is the one the whole recomputation gives (property-tested against it,
``tests/test_f4_incremental.py``); a violation is rendered from the second game's whole table.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import Any, Callable, Iterator

import numpy as np

from ..core.coalitions import members
from ..core.game import Game

__all__ = ["incremental_updater", "Updater"]

#: ``columns(c) -> (masks D ⊇ C ascending, rewards of the members of C at each D (len(D), |C|), denominator)``.
Updater = Callable[[int], tuple[np.ndarray, np.ndarray, int]]


def supersets(c: int, n: int) -> np.ndarray:
    """The coalitions D ⊇ C, ascending.

    >>> supersets(0b010, 3).tolist()
    [2, 3, 6, 7]
    """
    out = np.zeros(1, dtype=np.int64)
    for i in range(n):
        if not c >> i & 1:
            out = np.concatenate([out, out | (1 << i)])
    return out | c


def _by_size(masks: np.ndarray, n: int) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    from ..core.fast import _members, _popcount
    sizes = _popcount(masks)
    for s in range(int(sizes.min()), n + 1):
        layer = masks[sizes == s]
        if layer.size:
            yield s, layer, _members(layer, n, s)


def _builtin_name(mechanism: Any) -> str | None:
    """The built-in mechanism a callable (or registered Mechanism) is, with options that do not change its table."""
    from ..mechanisms import balanced_reciprocity, banzhaf, equal_split, shapley
    from .registry import BUILTIN_MECHANISMS, MECHANISM_REGISTRY, Mechanism

    if isinstance(mechanism, Mechanism):
        if mechanism.name in BUILTIN_MECHANISMS and MECHANISM_REGISTRY.get(mechanism.name) is mechanism:
            return mechanism.name
        return None
    keywords: dict = {}
    if isinstance(mechanism, functools.partial) and not mechanism.args:
        keywords, mechanism = dict(mechanism.keywords), mechanism.func
    names = {balanced_reciprocity: "balanced-reciprocity", shapley: "shapley", banzhaf: "banzhaf",
             equal_split: "equal-split"}
    name = names.get(mechanism)
    allowed = {"method", "progress"} | ({"require_monotone"} if name == "balanced-reciprocity" else set())
    if name is None or not set(keywords) <= allowed:
        return None
    if name == "balanced-reciprocity" and keywords.get("require_monotone", True) is not False:
        return "balanced-reciprocity(monotone)"
    return name


def incremental_updater(mechanism: Any, game: Game, delta: int = 1) -> Updater | None:
    """The column updater for ``mechanism`` on ``game`` (see the module docstring), or None when the whole
    table must be recomputed.

    >>> from exactfair import Game, shapley
    >>> masks, rewards, d = incremental_updater(shapley, Game.from_bitmask_values([0, 1, 2, 4]))(0b01)
    >>> masks.tolist(), [str(Fraction(int(x), d)) for x in rewards[:, 0]]
    ([1, 3], ['2', '5/2'])
    """
    name = _builtin_name(mechanism)
    if name == "balanced-reciprocity(monotone)":
        if not game.is_monotone().holds:      # the mechanism refuses v: the whole run says how, as before
            return None
        name = "balanced-reciprocity"
    if name is not None:
        return {"balanced-reciprocity": _algorithm1, "shapley": _shapley, "banzhaf": _banzhaf,
                "equal-split": _equal_split}[name](game, delta)
    from .registry import Mechanism
    explicit = mechanism if isinstance(mechanism, Mechanism) and mechanism.explicit else None
    if explicit is not None and getattr(explicit.exact, "__qualname__", "").startswith("_explicit_exact"):
        return _explicit(explicit, game, delta)
    return None


def _values(game: Game, delta: int, bound_factor: int = 1):
    """The game's numerators widened for the run, and δ on the game's denominator."""
    from ..core.scaled import max_abs, widen
    num, den = game.numerators, game.denominator
    return widen(num, (max_abs(num) + delta * den) * bound_factor).copy(), delta * den, den


def _restoring(work: np.ndarray, sup: np.ndarray):
    saved = work[sup].copy()

    def restore() -> None:
        work[sup] = saved
    return restore


def _algorithm1(game: Game, delta: int) -> Updater:
    from ..core.fast import _step_inplace, balanced_reciprocity_array, overflow_bound
    from ..core.scaled import ScaledValues, max_abs, widen

    n = game.n
    v, step, den = _values(game, delta)
    monotone = game.is_monotone().holds
    v = widen(v, overflow_bound(max_abs(v) + step, n, monotone))
    table, d = balanced_reciprocity_array(ScaledValues(v, den), n, monotone=monotone)
    work = widen(np.asarray(table), overflow_bound(max_abs(v) + step, n, monotone)).copy()
    flat = work.reshape(-1)

    def columns(c: int):
        sup = supersets(c, n)
        restore = _restoring(work, sup)
        raised = v[sup] + step
        new_v = dict(zip(sup.tolist(), raised.tolist()))
        try:
            for s, layer, ms in _by_size(sup, n):
                values = np.array([new_v[int(m)] for m in layer], dtype=v.dtype)
                if s == 1:
                    work[layer, ms[:, 0]] = values
                elif s >= 2:
                    _step_inplace(flat, n, values, layer, ms)
            return sup, work[np.ix_(sup, members(c))].copy(), d
        finally:
            restore()
    return columns


def _shapley(game: Game, delta: int) -> Updater:
    import math

    from ..core.fast import shapley_array
    from ..core.scaled import ScaledValues, max_abs, widen

    n = game.n
    lcm = math.lcm(*range(1, n + 1))
    v, step, den = _values(game, delta)
    table, d = shapley_array(ScaledValues(v, den), n)
    v = widen(v, (n + 2) * 2 * lcm * (max_abs(v) + step))
    work = widen(np.asarray(table), (n + 2) * 2 * lcm * (max_abs(v) + step)).copy()
    masks = np.arange(1 << n, dtype=np.int64)[:, None]
    work[((masks >> np.arange(n)) & 1) == 0] = 0            # Φ_i(C) = 0 for i ∉ C, as in the recursion

    def columns(c: int):
        sup = supersets(c, n)
        restore = _restoring(work, sup)
        is_sup = np.zeros(1 << n, dtype=bool)
        is_sup[sup] = True
        try:
            for s, layer, ms in _by_size(sup, n):
                lay = layer[:, None]
                below = lay ^ (1 << ms)
                raised = is_sup[below].astype(v.dtype) * step          # v′_{D∖i} = v_{D∖i} + δ when D∖i ⊇ C
                total = np.zeros((len(layer), n), dtype=v.dtype)
                for p in range(s):
                    total += work[layer ^ (1 << ms[:, p])]
                marginal = lcm * ((v[layer] + step)[:, None] - (v[below] + raised))
                work[lay, ms] = (marginal + np.take_along_axis(total, ms, axis=1)) // s
            return sup, work[np.ix_(sup, members(c))].copy(), d
        finally:
            restore()
    return columns


def _banzhaf(game: Game, delta: int) -> Updater:
    from ..core.fast import _popcount
    from ..mechanisms.banzhaf import subset_sums
    from ..core.scaled import max_abs, widen

    n = game.n
    v, step, den = _values(game, delta)
    v = widen(v, (max_abs(v) + step) << (n + 2))
    z = subset_sums(v, n)
    d = den << (n - 1)

    def columns(c: int):
        sup = supersets(c, n)
        sizes = _popcount(sup)
        k = bin(c).count("1")
        grow = np.array([step << int(s - k) for s in sizes], dtype=v.dtype)
        new_z = z[sup] + grow                               # Z′(D) = Z(D) + δ·#{S ⊆ D : S ⊇ C}
        scale = np.array([1 << int(n - s) for s in sizes], dtype=v.dtype)
        out = np.empty((len(sup), k), dtype=v.dtype)
        for col, i in enumerate(members(c)):
            out[:, col] = (new_z - 2 * z[sup ^ (1 << i)]) * scale   # D∖i ⊉ C: Z unchanged there
        return sup, out, d
    return columns


def _equal_split(game: Game, delta: int) -> Updater:
    import math

    from ..core.fast import _popcount
    from ..core.scaled import max_abs, widen

    n = game.n
    lcm = math.lcm(*range(1, n + 1))
    v, step, den = _values(game, delta)
    v = widen(v, (max_abs(v) + step) * lcm)

    def columns(c: int):
        sup = supersets(c, n)
        share = np.array([lcm // int(s) for s in _popcount(sup)], dtype=v.dtype)
        each = (v[sup] + step) * share
        return sup, np.repeat(each[:, None], bin(c).count("1"), axis=1), den * lcm
    return columns


def _explicit(mechanism, game: Game, delta: int) -> Updater:
    """A user's explicit rule, evaluated exactly on the coalitions ⊇ C (Fractions, like its own exact run)."""
    import math

    from .logic import Linear, Value, evaluate_linear

    n = game.n
    base = mechanism.exact(game)
    rows = [list(base.row(m)) for m in range(1 << n)]
    step = Fraction(delta)

    def columns(c: int):
        sup = supersets(c, n)
        new: dict[int, list] = {}

        def value(coalition: int):
            return game.value(coalition) + (step if coalition & c == c else 0)

        def look(atom):
            if isinstance(atom, Value):
                return value(atom.coalition)
            if not atom.coalition >> atom.player & 1:           # an outsider gets v′_i (R5's convention)
                return value(1 << atom.player)
            row = new.get(atom.coalition)
            return (row if row is not None else rows[atom.coalition])[atom.player]

        for _, layer, _ms in _by_size(sup, n):
            for m in layer.tolist():
                row = list(rows[m])
                for i in members(m):
                    row[i] = evaluate_linear(Linear.of(mechanism.per_member(m, i)), look)
                new[m] = row
        d = math.lcm(*(new[m][i].denominator for m in sup.tolist() for i in members(c)))
        out = np.array([[int(new[m][i] * d) for i in members(c)] for m in sup.tolist()], dtype=object)
        return sup, out, int(d)
    return columns
