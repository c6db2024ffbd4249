"""The induction behind an all-n verdict, checked: sources, strictly smaller coalitions, no cycles.

* :func:`check_induction` — every hypothesis of every case says where it comes from; an ``ih``
  hypothesis speaks only of rewards at strictly smaller coalitions (C∖S, S ≠ ∅); a lemma does not rest
  on itself.
* :func:`induction_order` — the lemmas an argument uses form an acyclic graph closed under
  dependencies (a depth-first search), and their order;
* :func:`verify_order` — an independent second check of that order: every lemma's dependencies come
  strictly before it.  A wrong order (a cycle the search missed) is an internal error;

:func:`exactfair.kernel.argument.inductive_argument` puts these checks together with the lemma proofs and
the instance checks.

>>> from exactfair.kernel.lemma import LEMMAS
>>> check_induction("L-F5", LEMMAS["L-F5"]())
([], set())
>>> induction_order(["L-F5", "L-R2", "L-R1"])
([], ['L-F5', 'L-R2', 'L-R1'])
"""

from __future__ import annotations

from typing import Callable

from .verdicts import InternalCheckError
from .lemma import LEMMAS, LemmaCase

__all__ = ["check_induction", "induction_order", "verify_order", "lemma_dependencies"]


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
