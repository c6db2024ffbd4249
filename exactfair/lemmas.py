"""Inductive-step lemmas: local statements over a fixed number of quantities.

Each lemma speaks about one coalition C and a few *named* members of it, with
free z3 Reals for the rewards in C, in C∖{x} and in C∖{x,y} of those members.
Its hypotheses are exactly what the induction hypothesis (the axiom on smaller
coalitions) and the algorithm (or the axioms, for uniqueness) supply at C; its
conclusion is the axiom instance at C.  When the lemma is unsat-negated (proved)
for every way the named players can coincide, the claim holds for coalitions of
every size, hence for all n — the argument is written out in
``proofs/SOUNDNESS.md``.  When it fails, the local countermodel says which
equation of the paper's proof breaks.

Lemmas: ``L-F5``, ``L-R2``, ``L-R1``, ``L-R4`` (Theorem 2), ``L-U`` (uniqueness step
of Theorem 1, with optional extra axioms R1/R2/R4), and ``L-U[s]`` — the
uniqueness step for a coalition with exactly ``s`` members (bounded scope).
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from fractions import Fraction

import z3

from .verdicts import Proved, Refuted, Unknown, Vacuous, Witness

__all__ = ["Local", "lemma_algorithm_step", "lemma_uniqueness", "lemma_uniqueness_size", "lemma_symmetry", "LEMMAS",
           "prove_lemma"]


class Local:
    """Named quantities at a coalition C: v_C, v_{C∖x}, v_x, M_p^C, M_p^{C∖x}, M_p^{C∖{x,y}}.

    >>> L = Local()
    >>> L.M('a', 'b'), L.v('b'), L.f5('a', 'b')
    (M_a^C-b, v_C-b, M_a^C - M_a^C-b == M_b^C - M_b^C-a)
    """

    def __init__(self, tag: str = "") -> None:
        self.tag = tag
        self._vars: dict[str, z3.ArithRef] = {}

    def _get(self, name: str) -> z3.ArithRef:
        if name not in self._vars:
            self._vars[name] = z3.Real(name)
        return self._vars[name]

    def v(self, *removed: str) -> z3.ArithRef:
        """v_{C∖removed}."""
        return self._get("v_C" + "".join(f"-{r}" for r in sorted(removed)))

    def single(self, p: str) -> z3.ArithRef:
        return self._get(f"v_{{{p}}}")

    def M(self, p: str, *removed: str, tag: str | None = None) -> z3.ArithRef:
        """M_p^{C∖removed} (``p`` must not be removed)."""
        assert p not in removed
        t = self.tag if tag is None else tag
        return self._get(f"{t}M_{p}^C" + "".join(f"-{r}" for r in sorted(removed)))

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
    name: str
    hypotheses: tuple
    conclusion: z3.BoolRef
    local: Local


def _ih_f5(L: Local, players: list[str]) -> list:
    """F5 at every C∖{x} (x named) for every pair of named players other than x."""
    out = []
    for x in players:
        rest = [p for p in players if p != x]
        for a, b in itertools.combinations(rest, 2):
            out.append(L.f5(a, b, x))
    return out


def _step(L: Local, players: list[str], j: str, k: str) -> list:
    """Algorithm 1 at C with reference j and chosen k: argmax over the named players, lines 18 and 20."""
    m = {p: (L.v() if p == j else L.v() - L.M(j, p) + L.M(p, j)) for p in players}
    hyps = [m[k] >= m[p] for p in players if p != k]
    hyps.append(L.M(k) == L.v())
    hyps += [L.M(p) == L.v() - L.M(k, p) + L.M(p, k) for p in players if p != k]
    return hyps


def _patterns(targets: list[str], extra: list[str]):
    """Every way the extra named players (e.g. j, k) can coincide with the targets or each other.

    Each extra is mapped to a target, to a fresh player already introduced by an earlier
    extra, or to a new fresh player (named after itself).  Yields (mapping, named players).
    """
    def rec(k: int, mapping: dict, fresh: list):
        if k == len(extra):
            yield dict(mapping), list(dict.fromkeys(targets + fresh))
            return
        e = extra[k]
        for choice in targets + fresh + [e]:
            mapping[e] = choice
            yield from rec(k + 1, mapping, fresh + ([e] if choice == e else []))
        del mapping[e]
    yield from rec(0, {}, [])


def lemma_algorithm_step(axiom: str) -> list[LemmaCase]:
    """The inductive step of Theorem 2 for ``axiom`` in {F5, R2, R1, R4}, one case per pattern.

    >>> [c.name for c in lemma_algorithm_step('R2')][:2]
    ['L-R2 (j=i, k=i)', 'L-R2 (j=i, k=k)']
    """
    cases = []
    if axiom == "F5":
        targets = ["a", "b"]
    elif axiom in ("R2", "R1", "R4"):
        targets = ["i"]
    else:
        raise ValueError(f"no inductive-step lemma for {axiom}")
    for mapping, names in _patterns(targets, ["j", "k"]):
        L = Local()
        j, k = mapping["j"], mapping["k"]
        hyps = _step(L, names, j, k) + _ih_f5(L, names)
        if axiom == "F5":
            concl = L.f5("a", "b")
        elif axiom == "R2":
            concl = L.M("i") <= L.v()
        elif axiom == "R1":
            # IH: R1 at C∖{k} (M_i ≥ 0), R2 at C∖{i} (M_k ≤ v_{C∖i}); monotone: 0 ≤ v_{C∖i} ≤ v_C
            hyps += [L.v("i") <= L.v(), L.v("i") >= 0]
            if k != "i":
                hyps += [L.M("i", k) >= 0, L.M(k, "i") <= L.v("i")]
            concl = L.M("i") >= 0
        else:  # R4
            hyps += [L.v("i") <= L.v(), L.single("i") <= L.v()]
            if k != "i":
                hyps += [L.M("i", k) >= L.single("i"), L.M(k, "i") <= L.v("i")]
            concl = L.M("i") >= L.single("i")
        cases.append(LemmaCase(f"L-{axiom} (j={j}, k={k})", tuple(hyps), concl, L))
    return cases


def lemma_symmetry() -> list[LemmaCase]:
    """L-F2: the inductive step of F2 (the paper's A.8), one case per identity pattern.

    Players i, j are symmetric (∀A ⊆ N∖{i,j}: v_{A∪i} = v_{A∪j}); a is R3's player in C∖{j},
    b is R3's player in C∖{i} (a ∈ {i, fresh}, b ∈ {j, fresh, a}).  Hypotheses, each justified:
    v_{C∖i} = v_{C∖j} (symmetry with A = C∖{i,j}); F5 in C for (i, j) and in C∖{x} for the named
    pairs (L-F5); R2 in C∖{i} and C∖{j} (L-R2); R3's choices of a and b (line 18/4); F2 in C∖{x}
    for every fresh x (the induction hypothesis: i, j ∈ C∖{x}).  Conclusion M_i^C = M_j^C.

    >>> len(lemma_symmetry())
    5
    """
    cases = []
    for a in ("i", "a"):
        for b in (("j", "b") + (("a",) if a == "a" else ())):
            L = Local()
            fresh = sorted({x for x in (a, b) if x not in ("i", "j")})
            hyps = [L.v("i") == L.v("j"), L.f5("i", "j"),
                    L.M("i", "j") <= L.v("j"), L.M("j", "i") <= L.v("i"),
                    L.M(a, "j") == L.v("j"), L.M(b, "i") == L.v("i")]
            for x in fresh:
                hyps += [L.f5("i", x, "j"), L.f5("j", x, "i"),                 # F5 in C∖j, C∖i
                         L.M(x, "j") <= L.v("j"), L.M(x, "i") <= L.v("i"),     # R2 in C∖j, C∖i
                         L.f5("i", "j", x),                                    # F5 in C∖x
                         L.M("i", x) == L.M("j", x)]                           # F2 in C∖x (induction)
            cases.append(LemmaCase(f"L-F2 (a={a}, b={b})", tuple(hyps), L.M("i") == L.M("j"), L))
    return cases


def _f5_shared(L: Local, p: str, q: str, tag: str) -> z3.BoolRef:
    """F5 at C for table ``tag``, with the lower rewards M^{C∖x} shared by both tables."""
    return L.M(p, tag=tag) - L.M(p, q, tag="") == L.M(q, tag=tag) - L.M(q, p, tag="")


def _extra_axioms(L: Local, names: list[str], extra: tuple[str, ...]) -> list:
    """R1/R2/R4 at C for both tables (tags "" and "P")."""
    out = []
    for tag in ("", "P"):
        for p in names:
            if "R2" in extra:
                out.append(L.M(p, tag=tag) <= L.v())
            if "R1" in extra:
                out.append(L.M(p, tag=tag) >= 0)
            if "R4" in extra:
                out.append(L.M(p, tag=tag) >= L.single(p))
    return out


def lemma_uniqueness(extra: tuple[str, ...] = ()) -> list[LemmaCase]:
    """L-U: two tables agreeing below C and satisfying F5, R3 (+extra) at C agree at C.

    Named players: ``a`` (where they would differ), ``k`` (R3's player for M), ``k2`` (for M′),
    each possibly equal to another.  Covers coalitions of every size ≥ 2 (proofs/SOUNDNESS.md).

    >>> len(lemma_uniqueness(('R2',))), prove_lemma('L-U+R2', lemma_uniqueness(('R2',))).verdict
    (5, 'proved')
    """
    cases = []
    for mapping, names in _patterns(["a"], ["k", "k2"]):
        L = Local()
        k, k2 = mapping["k"], mapping["k2"]
        hyps = []
        for tag in ("", "P"):
            hyps += [_f5_shared(L, p, q, tag) for p, q in itertools.combinations(names, 2)]
        hyps += [L.M(k, tag="") == L.v(), L.M(k2, tag="P") == L.v()]
        hyps += _extra_axioms(L, names, extra)
        concl = L.M("a", tag="") == L.M("a", tag="P")
        cases.append(LemmaCase(f"L-U{''.join('+' + e for e in extra)} (k={k}, k′={k2})", tuple(hyps), concl, L))
    return cases


def lemma_uniqueness_size(s: int, extra: tuple[str, ...] = ()) -> list[LemmaCase]:
    """L-U[s]: the uniqueness step for a coalition of exactly s members (all of them named).

    >>> prove_lemma('L-U[4]', lemma_uniqueness_size(4, ('R2',))).verdict
    'proved'
    >>> prove_lemma('L-U[4]', lemma_uniqueness_size(4)).verdict
    'refuted'
    """
    L = Local()
    names = [f"p{t}" for t in range(1, s + 1)]
    hyps = []
    for tag in ("", "P"):
        hyps += [_f5_shared(L, p, q, tag) for p, q in itertools.combinations(names, 2)]
        hyps.append(z3.Or([L.M(p, tag=tag) == L.v() for p in names]))
    hyps += _extra_axioms(L, names, extra)
    concl = z3.And([L.M(p, tag="") == L.M(p, tag="P") for p in names])
    return [LemmaCase(f"L-U[{s}]{''.join('+' + e for e in extra)}", tuple(hyps), concl, L)]


LEMMAS = {
    "L-F5": lambda: lemma_algorithm_step("F5"),
    "L-R2": lambda: lemma_algorithm_step("R2"),
    "L-R1": lambda: lemma_algorithm_step("R1"),
    "L-R4": lambda: lemma_algorithm_step("R4"),
    "L-U": lambda: lemma_uniqueness(()),
    "L-U+R2": lambda: lemma_uniqueness(("R2",)),
    "L-F2": lemma_symmetry,
}


def prove_lemma(name: str, cases: list[LemmaCase] | None = None, timeout: float = 60.0, scope: str = "all n"):
    """Prove every case of a lemma; Refuted carries the local countermodel (as text).

    >>> prove_lemma("L-F5").verdict, prove_lemma("L-U").verdict
    ('proved', 'refuted')
    """
    from .solvers import cross_check
    start = time.perf_counter()
    cases = cases if cases is not None else LEMMAS[name]()
    dead: list[str] = []
    agreements: list[dict] = []
    for case in cases:
        s = z3.Solver()
        s.set("timeout", int(timeout * 1000))
        s.add(list(case.hypotheses))
        premise = s.check()
        if premise == z3.unsat:
            dead.append(case.name)            # this identity pattern cannot occur: nothing to prove
            continue
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
                           live_premises=f"{len(cases) - len(dead)}/{len(cases)}", second_solver=second)
        if answer != z3.unsat:
            return Unknown(name, scope, None, time.perf_counter() - start,
                           reason=f"{case.name}: z3 {s.reason_unknown()}")
        agreements.append(cross_check(f"{name}: {case.name}", s.to_smt2(), "unsat", timeout))
    live = f"{len(cases) - len(dead)}/{len(cases)}"
    if len(dead) == len(cases):
        return Vacuous(name, scope, None, time.perf_counter() - start, reason=f"every case of {name} has "
                       "unsatisfiable hypotheses: a proof would be vacuous", live_premises=live)
    second = _combine_agreements(agreements)
    return Proved(name, scope, None, time.perf_counter() - start,
                  (f"{len(cases)} case(s): " + "; ".join(c.name for c in cases),)
                  + ((f"cases with unsatisfiable hypotheses (cannot occur): {', '.join(dead)}",) if dead else ()),
                  live_premises=live, second_solver=second)


def _combine_agreements(agreements: list[dict]) -> dict | None:
    """One record for several cross-checks: agrees only if every one agrees."""
    if not agreements:
        return None
    if any(a.get("applicable") is False for a in agreements):
        return agreements[0]
    if all(a.get("agrees") is True for a in agreements):
        return {"solver": "cvc5", "agrees": True}
    return {"solver": "cvc5", "agrees": None, "answer": "unknown in some case"}
