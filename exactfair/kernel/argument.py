"""The kernel's whole part of an all-n proof: the induction checked, every lemma proved, every hypothesis supplied.

:func:`inductive_argument` takes the lemmas an all-n argument uses and

1. checks the induction (:func:`exactfair.kernel.induction.induction_order`: sources, strictly smaller
   coalitions, no cycles) and the order again, independently (:func:`~exactfair.kernel.induction.verify_order`);
2. proves every lemma, case by case, with z3 and cvc5 (:func:`exactfair.kernel.lemma.prove_lemma`);
3. checks at n = 3, 4 that the whole-table encoding supplies every hypothesis of every case
   (:func:`exactfair.kernel.instances.check_instances`).

Only this module's own functions run these steps; a caller (:func:`exactfair.smt.local.finish`) passes the
lemmas and an ``epoch`` — a fingerprint of the definitions — under which results are remembered within the
process, and may only add refusals (its guards) before it reports "proved".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Callable, Hashable

from . import induction
from .instances import check_instances
from .lemma import LemmaCase, prove_lemma
from .verdicts import InternalCheckError, Verdict

__all__ = ["Argument", "inductive_argument"]


@dataclass
class Argument:
    """What :func:`inductive_argument` established: the order, the lemmas' verdicts, or why not."""

    order: list[str]
    lemmas: list[Verdict] = field(default_factory=list)
    refusal: str | None = None           # the argument does not go through (a user's lemma, a failed check)
    refuted: Verdict | None = None       # a paper lemma is false: its verdict, with the local countermodel

    @property
    def holds(self) -> bool:
        return self.refusal is None and self.refuted is None


_PROVED: dict = {}
_CHECKED: dict = {}


def _fingerprint(cases: list[LemmaCase]) -> str:
    """The content of a lemma's cases (their formulas as SMT-LIB text): a changed lemma is proved afresh."""
    h = hashlib.sha256()
    for c in cases:
        h.update(repr((c.name, c.sources, c.members, c.outsiders, c.exact, c.option)).encode())
        for f in c.hypotheses + (c.conclusion,) + c.choice:
            h.update(f.sexpr().encode())
    return h.hexdigest()


def _proved(name: str, build: Callable, user: bool, epoch: Hashable | None) -> Verdict:
    cases = build()
    if epoch is None:
        return prove_lemma(name, cases, dead_cases="refuse" if user else "error")
    key = (name, user, _fingerprint(cases), epoch)
    if key not in _PROVED:
        _PROVED[key] = prove_lemma(name, cases, dead_cases="refuse" if user else "error")
    return _PROVED[key]


def _unsupplied(spec, n: int, epoch: Hashable | None) -> list[str]:
    if epoch is None:
        return check_instances(spec, n)
    key = (spec.name, n, _fingerprint(spec.cases()), id(spec.statement), id(spec.step), epoch)
    if key not in _CHECKED:
        _CHECKED[key] = check_instances(spec, n)
    return _CHECKED[key]


def inductive_argument(names: list[str], builders: dict[str, Callable], specs: dict[str, Any],
                       user: set[str] | frozenset[str] = frozenset(), *, epoch: Hashable | None = None) -> Argument:
    """The lemmas ``names`` as an inductive argument: order, proofs and instances, each checked.

    ``builders[name]()`` gives a lemma's cases, ``specs[name]`` its :class:`~exactfair.kernel.instances.LemmaSpec`;
    ``user``: the lemmas built from a user's definitions (a failure there refuses, where a paper lemma's
    failure is an internal error).  ``epoch``: a fingerprint of the definitions the instances depend on
    (:func:`exactfair.smt.guards.code_epoch`); results are remembered within the process under it (None:
    nothing is remembered).

    >>> from exactfair.kernel.instances import SPECS
    >>> from exactfair.kernel.lemma import LEMMAS
    >>> a = inductive_argument(["L-F5"], LEMMAS, SPECS)
    >>> a.holds, a.order, [v.verdict for v in a.lemmas]
    (True, ['L-F5'], ['proved'])
    """
    problems, order = induction.induction_order(names, builders)
    if problems:
        return Argument(order, refusal="the induction check failed: " + "; ".join(problems[:3]))
    induction.verify_order(order, names, builders)
    lemmas: list[Verdict] = []
    for name in order:
        v = _proved(name, builders[name], name in user, epoch)
        if v.verdict not in ("proved", "proved (z3 only)"):
            if v.verdict == "refuted" and name not in user:
                return Argument(order, lemmas, refuted=v)
            reason = getattr(v, "reason", "") or (v.witness.violation if v.verdict == "refuted" else "")
            return Argument(order, lemmas, refusal=f"lemma {name} is {v.verdict}" + (f": {reason}" if reason else ""))
        lemmas.append(v)
    for name in order:
        for n in (3, 4):
            found = _unsupplied(specs[name], n, epoch)
            if found:
                if name in user:
                    return Argument(order, lemmas, refusal=f"the instances of {name} at n = {n} are not all "
                                                           f"supplied: {found[0]}")
                raise InternalCheckError(f"{name} at n = {n}: {found[0]}")
    return Argument(order, lemmas)
