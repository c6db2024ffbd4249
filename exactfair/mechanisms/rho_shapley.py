"""The scaled ρ-Shapley value of Sim et al. as adapted in the paper's eq. (18).

    r(v)_i^C = (φ_i / φ*_C)^ρ · v_C   if i ∈ C,      v_i otherwise,
    φ*_C = max_{i ∈ C} φ_i.

Eq. (18) does not say whether φ is the Shapley value of the whole game or of the
subgame on C.  Both are supported through ``shapley_of``:

* ``"grand"`` (default): φ is the Shapley value of the whole game v.  This is Sim et
  al.'s original definition (they reward the grand coalition) and reproduces the
  paper's printed ρ = 1 table for the Theorem 5 game.
* ``"subgame"``: φ is the Shapley value of v restricted to C.

On the Theorem 5 game the two readings give the same table; on other games they
differ (tested).  ρ may be a rational or a constant sympy expression such as
``log(3, 2) - 1``; rewards stay exact (a power that simplifies to a rational, such
as (1/2)^(log2 3 − 1) · 3 = 2, is returned as that rational).  Eq. (18) says
0 < ρ < 1 but the paper itself evaluates ρ = 1; ρ ∈ (0, 1] is accepted.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import Any

import sympy

from ..core.errors import ExactfairError
from ..core.exact import Exact, format_exact, sign, to_exact
from ..core.game import Game
from ..core.table import RewardTable, ensure_table_fits
from .balanced_reciprocity import require_monotone_game
from .shapley import shapley_of_subgame

__all__ = ["rho_shapley", "parse_rho"]


def parse_rho(rho: Any) -> Exact:
    """Validate ρ ∈ (0, 1]: an int/Fraction/string rational, or a constant sympy expression.

    Strings are read by the whitelisting parser of :mod:`exactfair.core.expressions` (numbers, ``+ - * /``,
    integer powers, ``log``, ``sqrt``, ``E``, ``pi``), never evaluated: ``"log(3,2) - 1"``.

    >>> parse_rho("1/2")
    Fraction(1, 2)
    >>> parse_rho("log(3, 2) - 1")
    -1 + log(3)/log(2)
    >>> parse_rho(2)
    Traceback (most recent call last):
    ...
    exactfair.core.errors.ExactfairError: rho must lie in (0, 1], got 2
    """
    if isinstance(rho, str):
        from ..core.expressions import parse_expression
        value: Exact = _from_sympy(parse_expression(rho, what="rho"))
    elif isinstance(rho, sympy.Basic):
        value = _from_sympy(rho)
    else:
        value = to_exact(rho, what="rho")
    if sign(value) <= 0 or sign(value - 1 if isinstance(value, Fraction) else value - sympy.Integer(1)) > 0:
        raise ExactfairError(f"rho must lie in (0, 1], got {format_exact(value)}")
    return value


def _from_sympy(expr: sympy.Basic) -> Exact:
    if expr.free_symbols:
        raise ExactfairError(
            f"rho = {expr} has free symbols {sorted(map(str, expr.free_symbols))}; "
            "give a number (symbolic rho is handled by exactfair.symbolic.parametric)")
    if expr.has(sympy.Float):
        raise ExactfairError(f"rho = {expr} contains a float; write it exactly, e.g. '1/2' or 'log(3,2)-1'")
    if expr.is_Rational:
        return Fraction(int(expr.p), int(expr.q))
    return expr


@lru_cache(maxsize=4096)
def _scaled(ratio: Fraction, rho: Any, vc: Fraction) -> Exact:
    if ratio == 0 or vc == 0:
        return Fraction(0)
    if ratio == 1:
        return vc
    if isinstance(rho, Fraction) and rho.denominator == 1:
        return ratio ** rho.numerator * vc
    if isinstance(rho, Fraction):
        # (a/b)^(p/q) is rational iff a^p and b^p are perfect q-th powers (a/b reduced): decide it in
        # integers; otherwise the exact power stays symbolic (sympy's canonical radical, no simplify)
        p, q = rho.numerator, rho.denominator
        a, b = ratio.numerator ** p, ratio.denominator ** p
        root_a, exact_a = sympy.integer_nthroot(a, q)
        root_b, exact_b = sympy.integer_nthroot(b, q)
        if exact_a and exact_b:
            return Fraction(int(root_a), int(root_b)) * vc
        return sympy.Rational(ratio.numerator, ratio.denominator) ** sympy.Rational(p, q) \
            * sympy.Rational(vc.numerator, vc.denominator)
    base = sympy.Rational(ratio.numerator, ratio.denominator)
    expr = base ** (sympy.Rational(rho.numerator, rho.denominator) if isinstance(rho, Fraction) else rho)
    expr = expr * sympy.Rational(vc.numerator, vc.denominator)
    if expr.is_Rational:
        return Fraction(int(expr.p), int(expr.q))
    simple = sympy.simplify(expr)
    if simple.is_Rational:
        return Fraction(int(simple.p), int(simple.q))
    return simple


def rho_shapley(game: Game, rho: Any = 1, *, shapley_of: str = "grand",
                require_monotone: bool = True) -> RewardTable:
    """Scaled ρ-Shapley table of eq. (18), exact.

    Parameters
    ----------
    rho:
        ρ ∈ (0, 1]: int, Fraction, string (``"1/2"``, ``"log(3,2)-1"``) or constant
        sympy expression.
    shapley_of:
        ``"grand"`` — φ is the Shapley value of the whole game (default; Sim et al.);
        ``"subgame"`` — φ is the Shapley value of the subgame on each coalition C.

    A coalition whose Shapley values are all 0 has ``v_C = 0`` in a monotone game;
    its members then receive 0.  Negative Shapley values (possible only for
    non-monotone games) are refused.

    Examples
    --------
    >>> import sympy
    >>> from exactfair import examples
    >>> g = examples.theorem5_game()
    >>> rho_shapley(g, 1)[1, (1, 2)]
    Fraction(3, 2)
    >>> t = rho_shapley(g, sympy.log(3, 2) - 1)
    >>> t[1, (1, 2)]
    Fraction(2, 1)
    >>> t[1, (1, 3)]
    12/3**(log(3)/log(2))
    >>> print(sympy.N(t[1, (1, 3)], 5))
    2.1036
    """
    if shapley_of not in ("grand", "subgame"):
        raise ExactfairError(f"shapley_of must be 'grand' or 'subgame', got {shapley_of!r}")
    if require_monotone:
        require_monotone_game(game, "rho-Shapley")
    rho_value = parse_rho(rho)
    n = game.n
    ensure_table_fits(n)
    v = game.values
    full = (1 << n) - 1
    grand = shapley_of_subgame(game, full) if shapley_of == "grand" else None
    subgame = None
    if grand is None:                         # every subgame's Shapley value at once, O(n²·2ⁿ)
        from ..core.fast import shapley_array
        arr, d = shapley_array(game.scaled(), n)
        subgame = (arr.tolist(), d)
    rows = []
    for c in range(1 << n):
        row: list[Exact] = [v[1 << i] for i in range(n)]
        if c:
            phi = grand if grand is not None else {i: Fraction(subgame[0][c][i], subgame[1]) for i in range(n)}
            inside = [i for i in range(n) if c >> i & 1]
            negative = [i for i in inside if phi[i] < 0]
            if negative:
                raise ExactfairError(
                    f"rho-Shapley needs non-negative Shapley values, but player {game.players[negative[0]]} has "
                    f"φ = {phi[negative[0]]} (for coalition {game.coalition_name(c)}); the game is not monotone")
            top = max(phi[i] for i in inside)
            for i in inside:
                if top == 0:
                    if v[c] != 0:
                        raise ExactfairError(
                            f"all Shapley values in {game.coalition_name(c)} are 0 but v = {v[c]}; "
                            "eq. (18) is undefined there")
                    row[i] = Fraction(0)
                else:
                    row[i] = _scaled(phi[i] / top, rho_value, v[c])
        rows.append(tuple(row))
    params = (("rho", format_exact(rho_value)), ("shapley_of", shapley_of))
    return RewardTable(game, "rho-shapley", tuple(rows), params, False)
