"""Machine-checking the paper's claims for a fixed number of players with z3.

A claim at ``n`` players becomes a :class:`Problem`: background definitions (e.g.
"M is a run of Algorithm 1 on v"), *named* hypotheses (game-class and axiom
instances, tracked so an unsat core can say which were needed) and a conclusion.
:func:`solve` first checks that background and hypotheses are satisfiable (a
vacuous claim is reported as :class:`~exactfair.kernel.verdicts.Vacuous`), then looks for
a model of hypotheses ∧ ¬conclusion:

* unsat → :class:`~exactfair.kernel.verdicts.Proved` for that n (with an unsat core on
  request);
* sat → the model is decoded to exact games/tables, **re-verified by the exact
  checker** (disagreement raises :class:`~exactfair.kernel.verdicts.InternalCheckError`),
  optionally shrunk to small non-negative integers, and returned as
  :class:`~exactfair.kernel.verdicts.Refuted`;
* unknown/timeout → :class:`~exactfair.kernel.verdicts.Unknown` with the SMT-LIB text.

Claims (names as on the command line): ``theorem1``, ``theorem2.<AXIOM>``,
``corollary3``, ``corollary4.<AXIOM>``.  Each is encoded with its hypotheses and
conclusion as the paper *states* them; variants ("repairs") add axioms, relax a
strict inequality, or restrict the game class, and are named accordingly.
"""

from __future__ import annotations

from pathlib import Path

from ..kernel.verdicts import Verdict
from .problem import (  # noqa: F401  (re-exported: this module's names before the split)
    CLAIMS, Options, Problem, build_generic, build_problem, characterization, claim_names, named_claim,
    replace_mechanism,
)
from ..kernel.solve import solve  # noqa: F401

__all__ = [
    "Problem", "Options", "solve", "prove_claim", "CLAIMS", "claim_names", "build_problem",
    "characterization",
]


def prove_claim(claim: str, n: int, *, opt: Options = Options(), timeout: float = 60.0,
                explain: bool = False, shrink: bool = True, smtlib_dir: Path | None = None) -> Verdict:
    """Verdict for one claim at n players.

    >>> prove_claim("theorem1", 2).verdict
    'refuted'
    >>> prove_claim("theorem1", 3, opt=Options(extra_axioms=("R2",))).verdict
    'proved'
    """
    from .decide import decide
    return decide(named_claim(claim, opt), n, timeout=timeout, explain=explain, shrink=shrink, encoding=opt.encoding,
                  grand_only=opt.grand_only or None, first_player_only=opt.first_player_only or None,
                  smtlib_dir=smtlib_dir)



