"""The lemma kernel: a lemma is a list of cases, each a finite z3 statement; :func:`prove_lemma` proves them.

A lemma speaks of one coalition C of any size and a few named players, with free z3 Reals for the
values v_{C∖S}, v_p and rewards M_p^{C∖S} (:class:`Local`).  Each :class:`LemmaCase` carries its
hypotheses, where each comes from, and how the case sits in a concrete table, so that
:mod:`exactfair.kernel.instances` can check it against the whole-table encoding and
:mod:`exactfair.kernel.induction` the induction.  :data:`LEMMAS` maps a lemma's name to the function that
builds its cases; the paper's lemmas are written in :mod:`exactfair.smt.lemmas`, which fills it when
imported (``import exactfair`` does).

A proved lemma needs z3's ``unsat`` on every case *and* cvc5's agreement; a case whose hypotheses are
unsatisfiable proves nothing and is never counted.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

import z3

from .verdicts import Refuted, Unknown, Vacuous, Witness, InternalCheckError, combine_agreements, solver_proved

__all__ = ["Local", "LemmaCase", "LEMMAS", "lemma_cases", "prove_lemma"]


class Local:
    """Named quantities at a coalition C: v_{C∖S}, v_p, M_p^{C∖S} (``tag`` "P": the second game or table).

    Every quantity remembers what it stands for (:attr:`meta`), so a case can be read at a concrete
    coalition of a concrete table.

    >>> L = Local()
    >>> L.M('a', 'b'), L.v('b'), L.f5('a', 'b')
    (M_a^C-b, v_C-b, M_a^C - M_a^C-b == M_b^C - M_b^C-a)
    >>> L.meta["M_a^C-b"]
    ('M', '', 'a', ('b',))
    """

    def __init__(self, tag: str = "") -> None:
        self.tag = tag
        self._vars: dict[str, z3.ArithRef] = {}
        self.meta: dict[str, tuple] = {}

    def _get(self, name: str, meta: tuple) -> z3.ArithRef:
        if name not in self._vars:
            self._vars[name] = z3.Real(name)
            self.meta[name] = meta
        return self._vars[name]

    def v(self, *removed: str, tag: str = "") -> z3.ArithRef:
        """v_{C∖removed} (``tag="P"``: of the second game)."""
        rem = tuple(sorted(removed))
        return self._get(f"{tag}v_C" + "".join(f"-{r}" for r in rem), ("v", tag, rem))

    def single(self, p: str, tag: str = "") -> z3.ArithRef:
        return self._get(f"{tag}v_{{{p}}}", ("single", tag, p))

    def M(self, p: str, *removed: str, tag: str | None = None) -> z3.ArithRef:
        """M_p^{C∖removed} (``p`` must not be removed)."""
        if p in removed:
            raise ValueError(f"M_{p} at a coalition without {p}")
        t = self.tag if tag is None else tag
        rem = tuple(sorted(removed))
        return self._get(f"{t}M_{p}^C" + "".join(f"-{r}" for r in rem), ("M", t, p, rem))

    def quantity(self, key: tuple, tag: str = "") -> z3.ArithRef:
        """The quantity of a generic atom (:func:`exactfair.kernel.generic.atom_key`)."""
        if key[0] == "v":
            return self.v(*key[1], tag=tag)
        if key[0] == "single":
            return self.single(key[1], tag=tag)
        return self.M(key[1], *key[2], tag=tag)

    def f5(self, a: str, b: str, *removed: str, tag: str | None = None) -> z3.BoolRef:
        """F5 for the pair (a, b) in C∖removed."""
        return (self.M(a, *removed, tag=tag) - self.M(a, *removed, b, tag=tag)
                == self.M(b, *removed, tag=tag) - self.M(b, *removed, a, tag=tag))

    def model_values(self, model: z3.ModelRef) -> dict[str, str]:
        out = {}
        for name, var in sorted(self._vars.items()):
            val = model.eval(var, model_completion=True)
            out[name] = str(Fraction(val.numerator_as_long(), val.denominator_as_long())) \
                if z3.is_rational_value(val) else str(val)
        return out


@dataclass(frozen=True)
class LemmaCase:
    """One case of a lemma.

    ``sources[k]`` says where ``hypotheses[k]`` comes from: ``"step"`` (the mechanism's relation, or the
    claim's own axioms), ``"given"`` (the game class and the statement's premise), ``"ih"`` (the lemma's
    own statement at a strictly smaller coalition) or ``"lemma:NAME"`` (another lemma's statement).
    ``members``/``outsiders``: the named players in / outside C; ``exact``: C is exactly the named members;
    ``choice``: formulas the case assumes (one branch of a disjunction its sources give, e.g. "k is R3's
    player"); ``option``: ``(j, k, game)`` when the step rows are Algorithm 1's option for reference j
    (None: any) and chosen k.
    """

    name: str
    hypotheses: tuple
    conclusion: z3.BoolRef
    local: Local
    sources: tuple = ()
    members: tuple = ()
    outsiders: tuple = ()
    exact: bool = False
    choice: tuple = ()
    option: tuple | None = None


#: lemma name → function building its cases (filled by :mod:`exactfair.smt.lemmas` and by user routes).
LEMMAS: dict[str, Callable[[], list[LemmaCase]]] = {}


def lemma_cases(name: str) -> list:
    """The cases of a registered lemma (the paper's are registered by :mod:`exactfair.smt.lemmas`, which
    ``import exactfair`` loads).

    >>> len(lemma_cases("L-R2")) > 0
    True
    >>> lemma_cases("L-nonesuch")
    Traceback (most recent call last):
    ...
    KeyError: "no lemma 'L-nonesuch' is registered; registered: L-F1, L-F2, L-F4, L-F5, L-R1, L-R2, L-R3, L-R4, L-R5, L-U, L-U+R2"
    """
    try:
        build = LEMMAS[name]
    except KeyError:
        raise KeyError(f"no lemma {name!r} is registered; registered: {', '.join(sorted(LEMMAS)) or 'none'}") from None
    return build()


def prove_lemma(name: str, cases: list[LemmaCase] | None = None, timeout: float = 60.0, scope: str = "all n", *,
                dead_cases: str = "error"):
    """Prove every case of a lemma (z3, every answer re-checked by cvc5); Refuted carries the local countermodel.

    A case whose hypotheses are unsatisfiable proves nothing: with ``dead_cases="error"`` (the paper's
    lemmas) that is an internal error, with ``"refuse"`` (a lemma built from a user's definitions) the
    verdict is Unknown saying which case.  Plain "proved" needs cvc5's agreement on every case.

    >>> prove_lemma("L-F5").verdict, prove_lemma("L-U").verdict
    ('proved', 'refuted')
    """
    from .solvers import cross_check
    start = time.perf_counter()
    cases = cases if cases is not None else lemma_cases(name)
    agreements: list = []
    for case in cases:
        s = z3.Solver()
        s.set("timeout", int(timeout * 1000))
        s.add(list(case.hypotheses))
        premise = s.check()
        if premise == z3.unsat:
            if dead_cases == "error":
                raise InternalCheckError(f"{name}: the hypotheses of case {case.name} are unsatisfiable — a dead case "
                                         "proves nothing, and every case of the lemma must be able to occur")
            return Unknown(name, scope, None, time.perf_counter() - start,
                           reason=f"{case.name}: its hypotheses are unsatisfiable (a dead case proves nothing)")
        if premise == z3.unknown:
            return Unknown(name, scope, None, time.perf_counter() - start,
                           reason=f"{case.name}: satisfiability of the hypotheses undecided ({s.reason_unknown()})")
        s.add(z3.Not(case.conclusion))
        answer = s.check()
        if answer == z3.sat:
            values = case.local.model_values(s.model())
            text = ", ".join(f"{k} = {v}" for k, v in values.items())
            second = cross_check(f"{name}: {case.name}", s.to_smt2(), "sat", timeout)
            return Refuted(name, scope, None, time.perf_counter() - start,
                           witness=Witness(violation=f"{case.name} fails locally", notes=text),
                           live_premises=f"{len(cases)}/{len(cases)}", second_solver=second)
        if answer != z3.unsat:
            return Unknown(name, scope, None, time.perf_counter() - start,
                           reason=f"{case.name}: z3 {s.reason_unknown()}")
        agreements.append(cross_check(f"{name}: {case.name}", s.to_smt2(), "unsat", timeout))
    if not cases:
        return Vacuous(name, scope, None, time.perf_counter() - start, reason=f"{name} has no cases")
    second = combine_agreements(agreements) if len(agreements) == len(cases) else \
        {"solver": "cvc5", "agrees": None, "answer": "not run", "checked": len(agreements), "of": len(cases)}
    return solver_proved(name, scope, None, time.perf_counter() - start,
                         (f"{len(cases)} case(s): " + "; ".join(c.name for c in cases),),
                         live_premises=f"{len(cases)}/{len(cases)}", second_solver=second)
