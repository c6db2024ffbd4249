"""The exact re-check of a refutation: a witness is believed only when exact arithmetic confirms it.

Every refuted bounded claim passes through :func:`recheck_refutation` (from
:func:`exactfair.smt.decide.decide`) after the decoder's own re-check: the games, the tables, the
assumptions and the failing conclusion are evaluated again with the exact checkers of
:mod:`exactfair.axioms.check` — formula and array, which must agree.
"""

from __future__ import annotations

from .verdicts import InternalCheckError

__all__ = ["recheck_refutation"]


def recheck_refutation(claim, verdict) -> None:
    """The witness of a refuted claim again, by both exact checkers, independently of the decoder's re-check.

    Raises :class:`~exactfair.kernel.verdicts.InternalCheckError` unless the witness games are in the claim's
    classes, the tables are tables of the mechanism and satisfy the assumptions, and a conclusion fails —
    by the array checker and by the formula checker alike.

    >>> from exactfair import Claim, prove
    >>> claim = Claim("equal-split", conclude="F5", games="any")
    >>> recheck_refutation(claim, prove(claim, 2))
    """
    from ..axioms.check import _array_checkable, check_axiom, check_pair
    from ..axioms.registry import get_mechanism
    w = verdict.witness
    if not w.tables:
        return
    for game in w.games:
        for cls in claim.games:
            if not getattr(game, f"is_{cls}")().holds:
                raise InternalCheckError(f"{claim.name}: the witness game is not {cls}")

    def both(axiom, tables) -> bool:
        results = []
        for method in ("formula", "array"):
            if method == "array" and not _array_checkable(axiom, tables):
                continue
            r = check_pair(tables[0], tables[1], axiom, method=method) if axiom.games == 2 else \
                check_axiom(axiom, tables[0], method=method)
            results.append(r.holds)
        if len(set(results)) > 1:
            raise InternalCheckError(f"{claim.name}: the array and formula checkers disagree on {axiom.name} for the "
                                     "witness")
        return results[0]
    tables = list(w.tables)
    if claim.mechanism is not None:
        mech = get_mechanism(claim.mechanism)
        for t in tables[:len(w.games)] if claim.conclude != "unique" else tables:
            if not mech.is_table_of(t):
                raise InternalCheckError(f"{claim.name}: a witness table is not a table of {mech.name}")
    single = [a for a in claim.assumptions() if a.games == 1]
    for t in tables:
        for a in single:
            if not both(a, [t]):
                raise InternalCheckError(f"{claim.name}: a witness table violates the assumption {a.name}")
    if claim.conclude == "unique":
        if len(tables) != 2 or tables[0].rewards == tables[1].rewards:
            raise InternalCheckError(f"{claim.name}: the uniqueness witness does not show two different tables")
        return
    failing = [a for a in claim.axioms() if not (both(a, tables[:2]) if a.games == 2 and len(tables) >= 2 else
                                                both(a, tables[:1]) if a.games == 1 else True)]
    if not failing:
        raise InternalCheckError(f"{claim.name}: the witness satisfies every conclusion on re-check")
