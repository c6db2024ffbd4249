"""The induction behind an all-n verdict, checked: sources, strictly smaller coalitions, no cycles.

* :func:`check_induction` — every hypothesis of every case says where it comes from; an ``ih``
  hypothesis speaks only of rewards at strictly smaller coalitions (C∖S, S ≠ ∅); a lemma does not rest
  on itself.
* :func:`induction_order` — the lemmas an argument uses form an acyclic graph closed under
  dependencies (a depth-first search), and their order;
* :func:`verify_order` — an independent second check of that order: every lemma's dependencies come
  strictly before it.  A wrong order (a cycle the search missed) is an internal error;
* :func:`inductive_argument` — the kernel's whole part of an all-n proof: the order checked twice,
  every lemma proved (z3, cvc5 re-checking each case), every lemma's hypotheses supplied by the
  whole-table encoding at n = 3, 4 (:mod:`exactfair.kernel.instances`).  The caller
  (:func:`exactfair.smt.local.finish`) may only add refusals (the guards) before it reports "proved".

>>> from exactfair.kernel.lemma import LEMMAS
>>> check_induction("L-F5", LEMMAS["L-F5"]())
([], set())
>>> induction_order(["L-F5", "L-R2", "L-R1"])
([], ['L-F5', 'L-R2', 'L-R1'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .verdicts import InternalCheckError, Verdict
from .lemma import LEMMAS, LemmaCase, prove_lemma

__all__ = ["check_induction", "induction_order", "verify_order", "lemma_dependencies", "inductive_argument",
           "Argument"]


def _rewards_at_c(case: LemmaCase, formula) -> list[str]:
    """The reward quantities at C itself (not at a smaller coalition) in a case's formula."""
    from .compile import free_constants
    out = []
    for e in free_constants(formula):
        meta = case.local.meta.get(e.decl().name())
        if meta is None:
            out.append(e.decl().name())          # a variable the case did not build: not accounted for
        elif meta[0] == "M" and not meta[3]:
            out.append(e.decl().name())
    return out


def check_induction(name: str, cases: list[LemmaCase]) -> tuple[list[str], set[str]]:
    """Problems with a lemma's induction, and the other lemmas it rests on.

    >>> check_induction("L-R1", LEMMAS["L-R1"]())[1] == {"L-F5", "L-R2"}
    True
    """
    problems: list[str] = []
    deps: set[str] = set()
    for case in cases:
        if len(case.sources) != len(case.hypotheses):
            problems.append(f"{case.name}: {len(case.hypotheses) - len(case.sources)} hypothesis(es) without a source")
            continue
        for formula, source in zip(case.hypotheses, case.sources):
            if source == "ih":
                at_c = _rewards_at_c(case, formula)
                if at_c:
                    problems.append(f"{case.name}: the induction hypothesis {formula} speaks of C itself ({at_c[0]}), "
                                    "not of a strictly smaller coalition")
            elif source.startswith("lemma:"):
                dep = source.split(":", 1)[1]
                if dep == name:
                    problems.append(f"{case.name}: {name} rests on itself")
                deps.add(dep)
            elif source not in ("step", "given"):
                problems.append(f"{case.name}: unknown hypothesis source {source!r}")
    return problems, deps


def lemma_dependencies(names: list[str], builders: dict[str, Callable] | None = None) -> dict[str, set[str]]:
    """Each lemma's ``lemma:X`` dependencies, read from its cases."""
    builders = builders if builders is not None else LEMMAS
    return {name: check_induction(name, builders[name]())[1] for name in names}


def induction_order(names: list[str], builders: dict[str, Callable] | None = None) -> tuple[list[str], list[str]]:
    """(problems, order): the dependency graph of the lemmas must be acyclic and closed."""
    builders = builders if builders is not None else LEMMAS
    deps: dict[str, set[str]] = {}
    problems: list[str] = []
    for name in names:
        found, used = check_induction(name, builders[name]())
        problems += found
        deps[name] = used
        missing = used - set(names)
        if missing:
            problems.append(f"{name} rests on {', '.join(sorted(missing))}, which the argument does not include")
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        if state.get(node) == "done":
            return
        if state.get(node) == "active":
            problems.append("circular lemmas: " + " → ".join(path + [node]))
            return
        state[node] = "active"
        for d in sorted(deps.get(node, ())):
            if d in deps:
                visit(d, path + [node])
        state[node] = "done"
        order.append(node)
    for name in names:
        visit(name, [])
    return problems, order


def verify_order(order: list[str], names: list[str], builders: dict[str, Callable] | None = None) -> None:
    """Raise InternalCheckError unless ``order`` lists exactly ``names`` with every dependency strictly earlier.

    Independent of :func:`induction_order`'s search: the dependencies are read again from the cases, and
    a cyclic argument has no such order.

    >>> verify_order(["L-F5", "L-R2"], ["L-R2", "L-F5"])
    >>> verify_order(["L-R2", "L-F5"], ["L-R2", "L-F5"])
    Traceback (most recent call last):
    ...
    exactfair.kernel.verdicts.InternalCheckError: the all-n argument uses L-R2 before L-F5, on which it rests (a circular or unordered induction)
    """
    if sorted(order) != sorted(names) or len(set(order)) != len(order):
        raise InternalCheckError(f"the lemma order {order} does not list the argument's lemmas {sorted(names)} once each")
    position = {name: k for k, name in enumerate(order)}
    for name, deps in lemma_dependencies(names, builders).items():
        for d in deps:
            if d not in position:
                raise InternalCheckError(f"{name} rests on {d}, which the argument does not include")
            if position[d] >= position[name]:
                raise InternalCheckError(f"the all-n argument uses {name} before {d}, on which it rests (a circular or "
                                         "unordered induction)")


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


def _prove(name: str, build: Callable, *, user: bool) -> Verdict:
    return prove_lemma(name, build(), dead_cases="refuse" if user else "error")


def inductive_argument(names: list[str], builders: dict[str, Callable], specs: dict[str, Any],
                       user: set[str] | frozenset[str] = frozenset(), *, supplied: Callable,
                       prove: Callable = _prove) -> Argument:
    """The lemmas ``names`` as an inductive argument: order, proofs and instances, each checked.

    ``builders[name]()`` gives a lemma's cases, ``specs[name]`` its :class:`~exactfair.kernel.instances.LemmaSpec`;
    ``user``: the lemmas built from a user's definitions (a failure there refuses, where a paper lemma's
    failure is an internal error).  ``supplied(spec, n)`` lists the hypotheses the whole-table encoding does
    not supply (:func:`~exactfair.kernel.instances.check_instances`, which itself uses this module);
    ``prove`` defaults to :func:`~exactfair.kernel.lemma.prove_lemma` (callers may pass cached versions).

    >>> from exactfair.kernel.instances import SPECS, check_instances
    >>> a = inductive_argument(["L-F5"], LEMMAS, SPECS, supplied=check_instances)
    >>> a.holds, a.order, [v.verdict for v in a.lemmas]
    (True, ['L-F5'], ['proved'])
    """
    problems, order = induction_order(names, builders)
    if problems:
        return Argument(order, refusal="the induction check failed: " + "; ".join(problems[:3]))
    verify_order(order, names, builders)
    lemmas: list[Verdict] = []
    for name in order:
        v = prove(name, builders[name], user=name in user)
        if v.verdict not in ("proved", "proved (z3 only)"):
            if v.verdict == "refuted" and name not in user:
                return Argument(order, lemmas, refuted=v)
            reason = getattr(v, "reason", "") or (v.witness.violation if v.verdict == "refuted" else "")
            return Argument(order, lemmas, refusal=f"lemma {name} is {v.verdict}" + (f": {reason}" if reason else ""))
        lemmas.append(v)
    for name in order:
        for n in (3, 4):
            found = supplied(specs[name], n)
            if found:
                if name in user:
                    return Argument(order, lemmas, refusal=f"the instances of {name} at n = {n} are not all "
                                                           f"supplied: {found[0]}")
                raise InternalCheckError(f"{name} at n = {n}: {found[0]}")
    return Argument(order, lemmas)
