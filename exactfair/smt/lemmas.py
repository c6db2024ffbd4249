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

from ..verdicts import Refuted, Unknown, Vacuous, Witness, combine_agreements, solver_proved

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
    """One case of a lemma.  ``sources[k]`` says where ``hypotheses[k]`` comes from: ``"step"`` (the
    mechanism's relation at C, or the claim's own axioms at C), ``"given"`` (the game class),
    ``"ih"`` (the lemma's own statement at a strictly smaller coalition — the induction hypothesis)
    or ``"lemma:NAME"`` (another lemma's statement).  :func:`check_induction` checks them."""

    name: str
    hypotheses: tuple
    conclusion: z3.BoolRef
    local: Local
    sources: tuple = ()
    frame: object = None           # the frame the case was read in (for check_instances)
    choices: tuple = ()            # (j, k) for Algorithm 1 steps


class _Frame:
    """The named players of a lemma plus one unnamed member r standing for the rest of C, so that the
    one definition of Algorithm 1 and of the axioms (:mod:`exactfair.relations`, :mod:`exactfair.axioms`)
    can be instantiated at C and at C∖S and read as Local quantities.  Conjuncts that mention r (its
    reward, or a coalition without it) are dropped: C may have no member besides the named ones, and
    dropping a hypothesis only weakens the lemma."""

    def __init__(self, L: Local, names: list[str], outsiders: list[str] = (), rest: bool = True) -> None:
        self.L, self.names, self.outsiders = L, list(names), list(outsiders)
        self.rest = len(self.names) if rest else None
        members = len(self.names) + (1 if rest else 0)
        self.full = (1 << members) - 1
        self.n = members + len(self.outsiders)

    def C(self, *removed: str) -> int:
        mask = self.full
        for x in removed:
            mask &= ~(1 << self.names.index(x))
        return mask

    def i(self, p: str) -> int:
        if p in self.names:
            return self.names.index(p)
        return self.full.bit_length() + self.outsiders.index(p)

    def _name(self, index: int) -> str:
        if index < len(self.names):
            return self.names[index]
        return self.outsiders[index - self.full.bit_length()]

    def _removed(self, mask: int) -> list[str]:
        return [p for t, p in enumerate(self.names) if not mask >> t & 1]

    def _inside(self, mask: int) -> bool:
        """A coalition of the form C∖S (S named members), as opposed to a singleton of a named player."""
        if self.rest is None:
            return mask & ~self.full == 0 and mask != 0 and not (bin(mask).count("1") == 1 and mask != self.full)
        return bool(mask >> self.rest & 1)

    def _local(self, atom) -> bool:
        from ..logic import Value
        if isinstance(atom, Value):
            return self._inside(atom.coalition) or bin(atom.coalition).count("1") == 1
        return self._inside(atom.coalition) and atom.player != self.rest

    def look(self, atom):
        from ..logic import Value
        if isinstance(atom, Value):
            if self._inside(atom.coalition):
                return self.L.v(*self._removed(atom.coalition))
            return self.L.single(self._name(atom.coalition.bit_length() - 1))
        return self.L.M(self._name(atom.player), *self._removed(atom.coalition))

    def compile(self, formula) -> list:
        """The conjuncts of ``formula`` that speak only of named players and coalitions containing r."""
        from ..logic import And, atoms
        from .compile import compile_formula
        parts = formula.parts if isinstance(formula, And) else (formula,)
        out = []
        for part in parts:
            if all(self._local(a) for cmp in atoms(part) for side in (cmp.left, cmp.right) for a in side.atoms()):
                out.append(compile_formula(part, self.look))
        return out

    def one(self, formula):
        parts = self.compile(formula)
        if len(parts) != 1:
            raise AssertionError(f"expected one local formula, got {len(parts)}")
        return parts[0]


def _ih_f5(F: "_Frame", players: list[str]) -> list:
    """F5 at every C∖{x} (x named) for every pair of named players other than x (from the axiom's definition)."""
    from ..axioms import _f5_at
    out = []
    for x in players:
        rest = [p for p in players if p != x]
        for a, b in itertools.combinations(rest, 2):
            out.append(F.one(_f5_at(F.C(x), (F.i(a), F.i(b)))))
    return out


def _step(F: "_Frame", j: str, k: str) -> list:
    """Algorithm 1 at C with reference j and chosen k, from the one definition (relations.algorithm1_option)."""
    from ..relations import algorithm1_option
    return F.compile(algorithm1_option(F.full, F.i(j), F.i(k)))


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


def lemma_algorithm_step(axiom: str, frames=None) -> list[LemmaCase]:
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
    from ..axioms import _f5_at, _r1_at, _r2_at, _r4_at
    from ..logic import ge, le, value
    for mapping, names in _patterns(targets, ["j", "k"]):
        for F in (frames(names) if frames is not None else [_Frame(Local(), names)]):
            L = F.L
            j, k = mapping["j"], mapping["k"]
            step = _step(F, j, k)
            ih = _ih_f5(F, names)
            hyps = step + ih
            sources = ["step"] * len(step) + (["ih"] if axiom == "F5" else ["lemma:L-F5"]) * len(ih)
            i = F.i(targets[0])
            if axiom == "F5":
                concl = F.one(_f5_at(F.full, (F.i("a"), F.i("b"))))
            elif axiom == "R2":
                concl = F.one(_r2_at(F.full, (i,)))
            elif axiom == "R1":
                # IH: R1 at C∖{k} (M_i ≥ 0), R2 at C∖{i} (M_k ≤ v_{C∖i}, lemma L-R2); monotone: 0 ≤ v_{C∖i} ≤ v_C
                hyps += [F.one(le(value(F.C("i")), value(F.full))), F.one(ge(value(F.C("i")), 0))]
                sources += ["given", "given"]
                if k != "i":
                    hyps += [F.one(_r1_at(F.C(k), (i,))), F.one(_r2_at(F.C("i"), (F.i(k),)))]
                    sources += ["ih", "lemma:L-R2"]
                concl = F.one(_r1_at(F.full, (i,)))
            else:  # R4
                hyps += [F.one(le(value(F.C("i")), value(F.full))), F.one(le(value(1 << i), value(F.full)))]
                sources += ["given", "given"]
                if k != "i":
                    hyps += [F.one(_r4_at(F.C(k), (i,))), F.one(_r2_at(F.C("i"), (F.i(k),)))]
                    sources += ["ih", "lemma:L-R2"]
                concl = F.one(_r4_at(F.full, (i,)))
            cases.append(LemmaCase(f"L-{axiom} (j={j}, k={k})", tuple(hyps), concl, L, tuple(sources), F, (j, k)))
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
            sources = ["given", "lemma:L-F5", "lemma:L-R2", "lemma:L-R2", "step", "step"]
            for x in fresh:
                hyps += [L.f5("i", x, "j"), L.f5("j", x, "i"),                 # F5 in C∖j, C∖i
                         L.M(x, "j") <= L.v("j"), L.M(x, "i") <= L.v("i"),     # R2 in C∖j, C∖i
                         L.f5("i", "j", x),                                    # F5 in C∖x
                         L.M("i", x) == L.M("j", x)]                           # F2 in C∖x (induction)
                sources += ["lemma:L-F5", "lemma:L-F5", "lemma:L-R2", "lemma:L-R2", "lemma:L-F5", "ih"]
            cases.append(LemmaCase(f"L-F2 (a={a}, b={b})", tuple(hyps), L.M("i") == L.M("j"), L, tuple(sources)))
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
        # every hypothesis is one of the claim's axioms at C; the induction hypothesis (the tables agree
        # below C) is the sharing of the variables M^{C∖x} by both tables
        cases.append(LemmaCase(f"L-U{''.join('+' + e for e in extra)} (k={k}, k′={k2})", tuple(hyps), concl, L,
                               ("step",) * len(hyps)))
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
    return [LemmaCase(f"L-U[{s}]{''.join('+' + e for e in extra)}", tuple(hyps), concl, L, ("step",) * len(hyps))]


def _reward_coalitions(formula: z3.ExprRef) -> list[tuple[str, tuple[str, ...]]]:
    """(variable, removed players) for every reward M_p^{C∖S} in a local formula."""
    import re

    from .compile import free_constants
    out = []
    for e in free_constants(formula):
        m = re.fullmatch(r"[A-Za-z]*M_[^^]+\^C((?:-[^-]+)*)", e.decl().name())
        if m:
            out.append((e.decl().name(), tuple(x for x in m.group(1).split("-") if x)))
    return out


def check_induction(name: str, cases: list[LemmaCase]) -> tuple[list[str], set[str]]:
    """Problems with a lemma's induction, and the other lemmas it rests on.

    Every hypothesis must say where it comes from; every induction hypothesis (``"ih"``) must speak
    only of rewards at strictly smaller coalitions (C∖S with S ≠ ∅); a lemma may not rest on itself.

    >>> check_induction("L-F5", LEMMAS["L-F5"]())
    ([], set())
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
                at_c = [var for var, removed in _reward_coalitions(formula) if not removed]
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


def induction_order(names: list[str]) -> tuple[list[str], list[str]]:
    """(problems, order): the dependency graph of the lemmas must be acyclic and closed.

    >>> induction_order(["L-F5", "L-R2", "L-R1"])
    ([], ['L-F5', 'L-R2', 'L-R1'])
    """
    deps: dict[str, set[str]] = {}
    problems: list[str] = []
    for name in names:
        found, used = check_induction(name, LEMMAS[name]())
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


def lemma_weak_efficiency() -> list[LemmaCase]:
    """L-R3: R3 at C from the one relation: line 4 when C = {k}, line 18 when |C| ≥ 2 (k the chosen player).

    >>> prove_lemma("L-R3").verdict
    'proved'
    """
    from ..axioms import _r3_at
    from ..relations import algorithm1_option, algorithm1_step
    cases = []
    L = Local()
    F = _Frame(L, ["k"], rest=False)                                   # C = {k}: line 4
    cases.append(LemmaCase("L-R3 (C = {k}, line 4)", tuple(F.compile(algorithm1_step(F.full, F.n))),
                           F.one(_r3_at(F.full, (F.i("k"),))), L, ("step",) * len(F.compile(algorithm1_step(F.full, F.n)))))
    for j in ("k", "j"):                                               # |C| ≥ 2: line 18 for any reference j
        L = Local()
        F = _Frame(L, list(dict.fromkeys(["k", j])))
        step = F.compile(algorithm1_option(F.full, F.i(j), F.i("k")))
        cases.append(LemmaCase(f"L-R3 (j={j}, line 18)", tuple(step), F.one(_r3_at(F.full, (F.i("k"),))), L,
                               ("step",) * len(step), F, (j, "k")))
    return cases


def lemma_non_participation() -> list[LemmaCase]:
    """L-R5: an outsider o of C gets v_o, from lines 2, 4 and 10 of the one relation (any size of C).

    >>> prove_lemma("L-R5").verdict
    'proved'
    """
    from ..axioms import _r5_at
    from ..relations import algorithm1_step
    cases = []
    for names in ([], ["p"]):                                          # |C| = 1 (just r) and |C| ≥ 2
        L = Local()
        F = _Frame(L, names, outsiders=["o"])
        step = F.compile(algorithm1_step(F.full, F.n))
        cases.append(LemmaCase(f"L-R5 ({'|C| = 1' if not names else '|C| ≥ 2'})", tuple(step),
                               F.one(_r5_at(F.full, (F.i("o"),))), L, ("step",) * len(step)))
    return cases


def lemma_uselessness() -> list[LemmaCase]:
    """L-F1: the inductive step of F1 (the paper's A.7): a useless u gets 0 in C, the others as in C∖{u}.

    Named: u (useless), i (another member), k (R3's player in C: M_k^C = v_C) and k′ (R3's player in
    C∖{u}), with every coincidence of i, k, k′ (k may be u; k′ may not).  Hypotheses, each with its
    source: u is useless (v_{C∖X} = v_{C∖X∖u}, v_u = 0) and v is monotone (given); R3 at C and C∖u (lemma L-R3); R2 at C and
    C∖x (L-R2); F5 at C and at C∖x for the named pairs (L-F5); F1 at C∖x for named x ≠ u (the induction
    hypothesis: M_u^{C∖x} = 0, M_y^{C∖x} = M_y^{C∖{x,u}}).  Conclusion: M_u^C = 0 and M_i^C = M_i^{C∖u}.

    >>> prove_lemma("L-F1").verdict
    'proved'
    """
    cases = []
    for k in ("u", "i", "k"):
        for k2 in (("i", "k2") + (("k",) if k == "k" else ())):
            L = Local()
            names = list(dict.fromkeys(["u", "i", k, k2]))
            others = [x for x in names if x != "u"]
            hyps, sources = [], []

            def add(items, source):
                hyps.extend(items)
                sources.extend([source] * len(items))
            add([L.v() == L.v("u"), L.single("u") == 0] + [L.v(x) == L.v(x, "u") for x in others]
                + [L.v(x) <= L.v() for x in names] + [L.v(x, y) <= L.v(x) for x in names for y in names if y != x]
                + [L.v(x, y) >= 0 for x in names for y in names if y != x], "given")        # u useless; monotone
            add([L.M(k) == L.v(), L.M(k2, "u") == L.v("u")], "lemma:L-R3")
            add([L.M(p) <= L.v() for p in names] + [L.M(p, x) <= L.v(x) for x in names for p in names if p != x],
                "lemma:L-R2")
            add([L.f5(a, b) for a, b in itertools.combinations(names, 2)]
                + [L.f5(a, b, x) for x in names for a, b in itertools.combinations([p for p in names if p != x], 2)],
                "lemma:L-F5")
            ih = []
            for x in others:
                ih.append(L.M("u", x) == 0)
                ih += [L.M(y, x) == L.M(y, x, "u") for y in others if y != x]
            add(ih, "ih")
            concl = z3.And(L.M("u") == 0, L.M("i") == L.M("i", "u"))
            cases.append(LemmaCase(f"L-F1 (k={k}, k′={k2})", tuple(hyps), concl, L, tuple(sources)))
    return cases


def lemma_strict_monotonicity() -> list[LemmaCase]:
    """L-F4: the inductive step of F4 for two runs (v and v′), proving the stronger
    M(v′)_i^C ≥ M(v)_i^C + (v′_C − v_C) — hence F4 when v′_C > v_C, and its weak form W (≥) otherwise.

    Named: i, and k′ (the player v′'s run chooses in line 17; k′ = i possible).  Hypotheses: v′'s row at C
    (lines 18, 20; step); the runs agree below C∖{i} — v′ = v on every D ⊆ C∖{i}, and runs on equal
    games are equal (uniqueness with R2, lemma L-U+R2): M(v′)^{C∖i} = M(v)^{C∖i}; F5 at C for (i, k′) and
    R2 at C in v's run (L-F5, L-R2); v′_C ≥ v_C (given); W at C∖{k′}, whose hypotheses the ones at C imply
    (the induction hypothesis).  Uses uniqueness *with R2* — the paper's "Theorem 1" alone (false) would
    not do.

    >>> prove_lemma("L-F4").verdict
    'proved'
    """
    cases = []
    for k2 in ("i", "k"):
        L = Local()
        vC, vpC = L.v(), L._get("vp_C")
        Mp = lambda p, *r: L.M(p, *r, tag="P")  # noqa: E731
        hyps, sources = [], []

        def add(items, source):
            hyps.extend(items)
            sources.extend([source] * len(items))
        add([vpC >= vC], "given")
        add([Mp(k2) == vpC] + ([Mp("i") == vpC - Mp(k2, "i") + Mp("i", k2)] if k2 != "i" else []), "step")
        if k2 != "i":
            add([Mp(k2, "i") == L.M(k2, "i")], "lemma:L-U+R2")
            add([L.f5("i", k2)], "lemma:L-F5")
            add([L.M(k2) <= vC], "lemma:L-R2")
            add([Mp("i", k2) >= L.M("i", k2)], "ih")
        else:
            add([L.M("i") <= vC], "lemma:L-R2")
        concl = Mp("i") >= L.M("i") + (vpC - vC)
        cases.append(LemmaCase(f"L-F4 (k′={k2})", tuple(hyps), concl, L, tuple(sources)))
    return cases


class _ConcreteFrame(_Frame):
    """The frame read at a concrete coalition of an n-player table: named players are members."""

    def __init__(self, L: Local, names: list[str], embedding: dict, coalition: int, look) -> None:
        super().__init__(L, names)
        self.embedding, self.coalition, self.concrete = embedding, coalition, look

    def _mask(self, frame_mask: int) -> int:
        if frame_mask >> self.rest & 1:
            out = self.coalition
            for p in self._removed(frame_mask):
                out &= ~(1 << self.embedding[p])
            return out
        return 1 << self.embedding[self.names[frame_mask.bit_length() - 1]]

    def look(self, atom):
        from ..logic import Reward, Value
        mask = self._mask(atom.coalition)
        if isinstance(atom, Value):
            return self.concrete(Value(mask, atom.game))
        return self.concrete(Reward(self.embedding[self.names[atom.player]], mask, atom.game))


_LEMMA_AXIOM = {"L-F5": "F5", "L-R2": "R2", "L-R1": "R1", "L-R4": "R4"}


def check_instances(name: str, n: int, timeout: float = 60.0) -> list[str]:
    """For n players, check that every instance of lemma ``name`` at every coalition is supplied by the
    induction: its ``step`` hypotheses follow from Algorithm 1's row (the option of its j and k), its
    ``ih`` hypotheses from the lemma's own axiom at strictly smaller coalitions, ``lemma:X`` from X's
    axiom at sub-coalitions, ``given`` from monotonicity — all on the whole-table encoding.  Returns
    the problems found (empty when every instance is justified).

    >>> check_instances("L-R2", 3)
    []
    """
    from itertools import permutations

    from ..axioms import game_class_formula, get_axiom
    from ..coalitions import members
    from ..relations import algorithm1_option
    from .compile import SymbolicGame, SymbolicTable, compile_formula, lookup

    axiom_name = _LEMMA_AXIOM[name]
    g, t = SymbolicGame(n), SymbolicTable(n)
    look = lookup(g, t)
    given = [compile_formula(game_class_formula("monotone", n), look)]

    def axiom_below(ax: str, c: int, strict: bool) -> list:
        out = []
        for inst in get_axiom(ax).instances(n):
            if inst.coalition & c == inst.coalition and (inst.coalition != c or not strict):
                out.append(compile_formula(inst.formula(), look))
        return out

    problems: list[str] = []
    for c in range(1 << n):
        ms = members(c)
        if len(ms) < 2:
            continue
        ih = axiom_below(axiom_name, c, strict=True)
        deps = {d: axiom_below(_LEMMA_AXIOM[d], c, strict=False) for d in _LEMMA_AXIOM if d != name}
        def frames(names: list[str], c=c, ms=ms):
            return [_ConcreteFrame(Local(), names, dict(zip(names, images)), c, look)
                    for images in permutations(ms, len(names))]

        for case in lemma_algorithm_step(axiom_name, frames):
            embedding = case.frame.embedding
            j_name, k_name = case.choices
            option = compile_formula(algorithm1_option(c, embedding[j_name], embedding[k_name]), look)
            for h, source in zip(case.hypotheses, case.sources):
                premises = {"step": [option], "ih": ih, "given": given}.get(source)
                if source.startswith("lemma:"):
                    premises = deps.get(source.split(":", 1)[1], []) + ih
                solver = z3.Solver()
                solver.set("timeout", int(timeout * 1000))
                solver.add(list(premises or []) + [z3.Not(h)])
                if solver.check() != z3.unsat:
                    problems.append(f"{case.name} at C = {c:b} ({embedding}): the {source} hypothesis {h} is not "
                                    "supplied by the induction")
    return problems


LEMMAS = {
    "L-F5": lambda: lemma_algorithm_step("F5"),
    "L-R2": lambda: lemma_algorithm_step("R2"),
    "L-R1": lambda: lemma_algorithm_step("R1"),
    "L-R4": lambda: lemma_algorithm_step("R4"),
    "L-U": lambda: lemma_uniqueness(()),
    "L-U+R2": lambda: lemma_uniqueness(("R2",)),
    "L-F2": lemma_symmetry,
    "L-R3": lemma_weak_efficiency,
    "L-R5": lemma_non_participation,
    "L-F1": lemma_uselessness,
    "L-F4": lemma_strict_monotonicity,
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
    second = combine_agreements(agreements)
    return solver_proved(name, scope, None, time.perf_counter() - start,
                         (f"{len(cases)} case(s): " + "; ".join(c.name for c in cases),)
                         + ((f"cases with unsatisfiable hypotheses (cannot occur): {', '.join(dead)}",) if dead else ()),
                         live_premises=live, second_solver=second)
