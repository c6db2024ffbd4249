"""Exact rational points of a satisfiable fair-set problem; the solver portfolio itself is in the kernel.

The questions to z3 and cvc5 and the verdicts made of their answers live in
:mod:`exactfair.kernel.portfolio` (re-exported here under their old names); this module only searches a
model for a *rational* witness point, every candidate confirmed by the solver again.
"""

from __future__ import annotations

import time
from fractions import Fraction
from typing import Sequence

import z3

from ..kernel.portfolio import (  # noqa: F401  (this module's names before the portfolio moved to the kernel)
    BUDGET, SECOND_OPINION, Answer, agreement_text, combine, confirm, decide, is_proved, smtlib, solver_proved,
    z3_vars,
)

__all__ = ["Answer", "decide", "confirm", "combine", "solver_proved", "is_proved", "z3_vars",
           "rational_solution", "agreement_text", "smtlib"]


def _candidates(value) -> list[Fraction]:
    """Simple rationals close to an algebraic value: interval midpoints at shrinking widths."""
    out = []
    for bits in (3, 6, 10, 16, 24, 40):
        lo, hi = value.approximate(Fraction(1, 2 ** bits))
        mid = (lo + hi) / 2
        out.append(mid.limit_denominator(2 ** bits))
    return list(dict.fromkeys(out))


def rational_solution(assertions: Sequence, variables: dict, model, budget: float = 5.0) -> dict | None:
    """A rational solution of the assertions near a model with algebraic values, or None.

    ``variables`` maps sympy symbols to z3 variables.  Coordinates are fixed one at a time to
    simple rationals near the model's value while the rest stays satisfiable (a few z3 calls).
    Returns ``{symbol: Fraction}`` or None when no such rational point was found.

    >>> import sympy
    >>> p, q = sympy.symbols("p q")
    >>> env = z3_vars([p, q])
    >>> cons = [env[p] * env[p] < 2, env[p] > 1, env[q] == env[p] + 1]
    >>> a = decide(cons + [env[p] * env[p] * env[p] > 2])
    >>> sol = rational_solution(cons, env, a.model)
    >>> 1 < sol[p] ** 2 < 2 and sol[q] == sol[p] + 1
    True
    """
    from .algebraic import from_z3
    start = time.perf_counter()
    assertions = list(assertions)
    values = {s: from_z3(model.eval(v, model_completion=True)) for s, v in variables.items()}
    fixed: dict = {}
    for s, v in variables.items():
        value = values[s]
        if value.is_rational():
            options = [value.to_fraction()]
        else:
            options = _candidates(value)
        for c in options:
            left = budget - (time.perf_counter() - start)
            if left <= 0:
                return None
            answer = decide(assertions + [v == z3.RealVal(str(c))], min(left, 1.0))
            if answer.status == "sat":
                assertions.append(v == z3.RealVal(str(c)))
                fixed[s] = Fraction(c)
                values = {t: from_z3(answer.model.eval(w, model_completion=True)) for t, w in variables.items()}
                break
        else:
            return None
    return fixed
