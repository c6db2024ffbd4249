"""Claims as data: ``Claim(mechanism, assume, conclude, games)`` and ``prove(claim, n)``.

A claim says: for every game of the given classes with n players, every table that is a table of
``mechanism`` (if one is given) and satisfies the axioms in ``assume`` also satisfies the
axioms in ``conclude`` — or, with ``conclude="unique"``, any two such tables of the same game
coincide.  The paper's claims are values of this type:

>>> THEOREM1 = Claim(assume=("R3", "R5", "F5"), conclude="unique", games="any")
>>> prove(THEOREM1, 2).verdict, prove(THEOREM1.with_assumptions("R2"), 3).verdict
('refuted', 'proved')
>>> prove(Claim("balanced-reciprocity", conclude="F5"), 3).verdict
'proved'

:func:`compile_claim` turns a claim into a :class:`~exactfair.kernel.problem.Problem` (a pure function you
can inspect); :func:`prove` solves it.  Every refutation is decoded to exact games and tables and
re-checked exactly: the games are in the classes, each table satisfies ``assume`` and the
mechanism's relation (and equals its exact implementation where the mechanism is deterministic
on the witness), and the conclusion fails; any disagreement raises
:class:`~exactfair.kernel.verdicts.InternalCheckError`, never a verdict.
"""

from __future__ import annotations

from typing import Sequence

from ..axioms.claim import LOCAL_AXIOMS, Claim
from ..core.errors import ExactfairError

__all__ = ["Claim", "prove", "all_n", "compile_claim", "LOCAL_AXIOMS"]


def compile_claim(claim: Claim, n: int, *, integer: bool = False, encoding: str = "auto",
                  grand_only: bool | None = None, first_player_only: bool | None = None):
    """The :class:`~exactfair.kernel.problem.Problem` of a claim at n players (see :mod:`exactfair.smt.prover`).

    ``encoding``: ``"direct"`` (the mechanism's relation), ``"structured"`` (Algorithm 1 only: the
    characterisation R2 ∧ R3 ∧ R5 ∧ F5, valid by the all-n lemmas) or ``"auto"``.  ``grand_only`` /
    ``first_player_only``: the paper's F4 reductions (only where they are sound, see below).

    >>> p = compile_claim(Claim(assume=("R3", "R5", "F5"), conclude="unique", games="any"), 2)
    >>> p.n, len(p.hypotheses)
    (2, 16)
    """
    from ..smt.problem import build_generic
    return build_generic(claim, n, integer=integer, encoding=encoding, grand_only=grand_only,
                         first_player_only=first_player_only)


def prove(claim: Claim, n: int | Sequence[int], *, timeout: float = 60.0, explain: bool = False,
          shrink: bool = True):
    """Verdict (proved / refuted with a shrunk, exactly re-checked witness / unknown / vacuous) at n players.

    With a sequence of n, the verdicts per n (stopping at the first refutation).

    >>> prove(Claim("equal-split", conclude="R2"), 3).verdict
    'proved'
    >>> v = prove(Claim("equal-split", conclude="F5", games="any"), 2)
    >>> v.verdict, v.witness.games[0].n
    ('refuted', 2)
    """
    from ..smt.decide import decide
    import math
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not (0 < timeout < math.inf):
        raise ExactfairError(f"timeout must be a positive number of seconds, got {timeout!r}")
    if not isinstance(claim, Claim):
        raise ExactfairError(f"prove takes a Claim, got {type(claim).__name__}; e.g. Claim('shapley', conclude='R2')")
    if not isinstance(n, int) or isinstance(n, bool):
        try:
            ns = list(n) if not isinstance(n, (str, bytes)) else None
        except TypeError:
            ns = None
        if ns is None:
            raise ExactfairError(f"n must be a number of players (an int ≥ 1) or a sequence of them, got {n!r}")
        for k in ns:                                   # all checked before any is run
            if not isinstance(k, int) or isinstance(k, bool) or k < 1:
                raise ExactfairError(f"n must be a number of players (an int ≥ 1) or a sequence of them, got {k!r} in it")
        out = []
        for k in ns:
            out.append(prove(claim, k, timeout=timeout, explain=explain, shrink=shrink))
            if out[-1].verdict == "refuted":
                break
        return out
    if n < 1:
        raise ExactfairError(f"n must be at least 1, got {n}")
    if n >= 4 and claim.mechanism_name == "balanced-reciprocity" and claim.conclude != "unique":
        from ..smt.local import license_reference_player
        license_reference_player()                 # Corollary 3 for all n lets the encoding fix line 12's j
    return decide(claim, n, timeout=timeout, explain=explain, shrink=shrink)


def all_n(claim: Claim, *, bounded: Sequence | None = None):
    """The claim for every n (:mod:`exactfair.smt.local`), or Unknown saying why not.

    Routes: the paper's lemmas (Algorithm 1 with a built-in axiom, uniqueness with R2, Corollary 4 + R2),
    Algorithm 1 with any axiom that has a shape, an explicit rule with any axiom that has a shape — the rule
    and the axiom read on symbolic players and a symbolic coalition, so any use of a player's index or a
    coalition's identity refuses.  Every lemma then goes through the guards (induction checked, instances
    at n = 3, 4, players treated alike at n = 5, 6, not refuted at n = 2..4 — ``bounded``: verdicts
    already computed — nor on random games at n = 5, 6); never "proved" on the strength of bounded checks.

    >>> from exactfair import logic
    >>> from exactfair.axioms.registry import define_mechanism
    >>> m = define_mechanism("marginal-plus-doc", register=False,
    ...                      per_member=lambda C, i: logic.value(C) - logic.value(C & ~(1 << i)) + logic.value(1 << i))
    >>> all_n(Claim(m, conclude="F5")).scope
    'all n, by inductive step'
    """
    from ..smt.local import all_n as local_all_n
    return local_all_n(claim, bounded=list(bounded) if bounded is not None else None)
