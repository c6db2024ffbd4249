"""Every lemma instance supplied by the induction, checked on the whole-table encoding at n = 3, 4.

A lemma (:mod:`exactfair.smt.lemmas`) speaks of a coalition C of any size and a few named players.  Its
*statement* at a concrete coalition c of an n-player table is a list of instances, one per placement of
its target players (e.g. F5 at c for the pair (i, j)).  :func:`check_instances` places every case of the
lemma at every coalition of every n-player table — each injective placement of the case's named
members into c and outsiders outside c that agrees with the target — and checks with z3, from the
whole-table encoding, that:

1. **the cases cover everything**: whatever the premises allow, one case's ``choice`` and ``option``
   (the branch of R3's "∃k" or of Algorithm 1's "some j, some maximising k" it assumes) holds;
2. **every hypothesis is supplied**: it follows from what is true at that point of the induction — the
   game class and the statement's premise (``given``), the mechanism's relation or the claim's axioms at c
   (``step``), the statements of the lemmas it declares it rests on at every D ⊆ c (``lemma:X``), and its
   own statement at every D ⊊ c (``ih``), under the case's choice;
3. **the conclusion is the statement**: the case's conclusion, read at c, implies the statement's instance;
4. (where given) **the statement implies the claim's own axiom** at c (e.g. L-F4's weak form W implies F4).

The premises never contain the lemma's own statement at c, and only the dependencies its cases declare,
so a circular, mislabelled or strengthened hypothesis, a missing case, or a conclusion weaker than the
axiom shows up here as a problem.  All-n verdicts run this check for every lemma they use
(:mod:`exactfair.smt.guards`).

>>> check_instances("L-R2", 3)
[]
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Callable, Sequence

import z3

from ..core.coalitions import members, subsets
from ..axioms.logic import Value
from .compile import SymbolicGame, SymbolicTable, compile_formula
from .lemma import LemmaCase, lemma_cases

__all__ = ["Encoding", "LemmaSpec", "SPECS", "check_instances", "axiom_statement", "register_spec"]


class Encoding:
    """The whole-table z3 encoding a lemma is read in: game v (and v′ = w for two-game lemmas), table M
    (and a second table P: M′ of the same game, or the run of v′).

    >>> e = Encoding(2, "two-games")
    >>> e.value("P", 3), e.reward("", 0, 1)
    (w_3, M_0_1)
    """

    def __init__(self, n: int, kind: str = "table") -> None:
        if kind not in ("table", "two-tables", "two-games"):
            raise ValueError(kind)
        self.n, self.kind = n, kind
        self.v = SymbolicGame(n, "v")
        self.w = SymbolicGame(n, "w") if kind == "two-games" else self.v
        self.M = SymbolicTable(n, "M")
        self.P = SymbolicTable(n, "P") if kind != "table" else self.M

    def value(self, tag: str, mask: int):
        return (self.w if tag == "P" else self.v)[mask]

    def reward(self, tag: str, player: int, mask: int):
        return (self.P if tag == "P" else self.M)[player, mask]

    def compile(self, formula, tag: str = "") -> z3.BoolRef:
        """A formula of :mod:`exactfair.axioms.logic`: atoms of game 1 (and, with ``tag="P"``, every reward) read
        from the second game/table."""
        def look(atom):
            second = atom.game == 1 or tag == "P"
            if isinstance(atom, Value):
                return self.value("P" if atom.game == 1 else "", atom.coalition)
            return self.reward("P" if second else "", atom.player, atom.coalition)
        return compile_formula(formula, look)

    def monotone(self) -> list:
        from ..axioms import game_class_formula
        games = [0, 1] if self.kind == "two-games" else [0]
        return [self.compile(game_class_formula("monotone", self.n, g)) for g in games]

    def relation(self, c: int, game: int = 0) -> z3.BoolRef:
        from ..axioms.relations import algorithm1_step
        return self.compile(algorithm1_step(c, self.n, "any", game))

    def option(self, c: int, j: int | None, k: int, game: int = 0) -> z3.BoolRef:
        from ..axioms.relations import algorithm1_option
        js = members(c) if j is None else [j]
        return z3.Or([self.compile(algorithm1_option(c, jj, k, game)) for jj in js])


Statement = Callable[[Encoding, int], dict]


@dataclass(frozen=True)
class LemmaSpec:
    """What a lemma's statement, step and dependencies are in a concrete table.

    ``statement(enc, c)``: ``{key: (premise, conclusion)}`` — the instances at c, keyed by the players the
    ``targets`` names stand for; ``step(enc, c)``: the relation (or the claim's axioms) at c;
    ``lifted``: for a dependency used by a two-game lemma, its statement read across the two games;
    ``claim``: the axiom whose instances the statement must imply (optional).
    """

    name: str
    statement: Statement
    targets: tuple[str, ...] = ()
    step: Callable[[Encoding, int], z3.BoolRef] = field(default=lambda enc, c: enc.relation(c))
    kind: str = "table"
    monotone: bool = False
    claim: object = None
    build: Callable[[], list[LemmaCase]] | None = None
    lifted: Statement | None = None

    def cases(self) -> list[LemmaCase]:
        return self.build() if self.build is not None else lemma_cases(self.name)


def axiom_statement(axiom) -> Statement:
    """An axiom's instances at c as a statement, keyed by their players (none for a coalition-shaped axiom).

    >>> from exactfair.axioms import F5
    >>> sorted(axiom_statement(F5)(Encoding(3), 0b111))
    [(0, 1), (0, 2), (1, 2)]
    """
    def statement(enc: Encoding, c: int) -> dict:
        out = {}
        coalition_shaped = axiom.shape is not None and axiom.shape.kind == "coalition"
        for inst in axiom.instances(enc.n):
            if inst.coalition == c:
                key = () if coalition_shaped else inst.players
                out[key] = (enc.compile(inst.hypothesis), enc.compile(inst.conclusion))
        return out
    return statement


def _f1_statement(enc: Encoding, c: int) -> dict:
    from ..axioms import _f1_at, useless
    from ..axioms.logic import conj
    out = {}
    for u in range(enc.n):
        parts = [_f1_at(c, (u,))]
        if c >> u & 1:
            parts += [_f1_at(c & ~(1 << u), (u, i)) for i in members(c) if i != u]
        out[(u,)] = (enc.compile(useless(u, enc.n)), enc.compile(conj(parts)))
    return out


def _f2_statement(enc: Encoding, c: int) -> dict:
    from ..axioms import _f2_at, symmetric
    ms = members(c)
    return {(i, j): (enc.compile(symmetric(i, j, enc.n)), enc.compile(_f2_at(c, (i, j))))
            for x, i in enumerate(ms) for j in ms[x + 1:]}


def _w_statement(enc: Encoding, c: int) -> dict:
    """L-F4's weak form W at (c, i): F4's hypothesis with ≥ for v′_C > v_C ⇒ M(v′)_i^C ≥ M(v)_i^C + v′_C − v_C."""
    from ..axioms.logic import conj, eq, ge, reward, value
    out = {}
    for i in members(c):
        rest = c & ~(1 << i)
        premise = conj([ge(value(a | 1 << i, 1), value(a | 1 << i, 0)) for a in subsets(rest)]
                       + [eq(value(d, 1), value(d, 0)) for d in subsets(rest)])
        conclusion = ge(reward(i, c, 1), reward(i, c, 0) + value(c, 1) - value(c, 0))
        out[(i,)] = (enc.compile(premise), enc.compile(conclusion))
    return out


def _agreement_statement(enc: Encoding, c: int) -> dict:
    """L-U: the two tables agree at c (every player)."""
    return {(i,): (z3.BoolVal(True), enc.reward("", i, c) == enc.reward("P", i, c)) for i in range(enc.n)}


def _agreement_lifted(enc: Encoding, c: int) -> dict:
    """L-U+R2 read across two games: runs of v and v′ agree on the members of c when v′ = v on every subset
    of c (each run restricted to 2^c is a table of the same game with R2, R3, R5, F5)."""
    premise = z3.And([enc.value("P", d) == enc.value("", d) for d in subsets(c)])
    return {(i,): (premise, enc.reward("", i, c) == enc.reward("P", i, c)) for i in members(c)}


def _uniqueness_step(extra: tuple[str, ...]) -> Callable[[Encoding, int], z3.BoolRef]:
    """The claim's axioms at c for both tables (R3, R5, F5 and the extras)."""
    def step(enc: Encoding, c: int) -> z3.BoolRef:
        from ..axioms import get_axiom
        parts = []
        for name in ("R3", "R5", "F5") + extra:
            for inst in get_axiom(name).instances(enc.n):
                if inst.coalition == c:
                    parts += [enc.compile(inst.formula()), enc.compile(inst.formula(), tag="P")]
        return z3.And(parts)
    return step


SPECS: dict[str, LemmaSpec] = {}


def register_spec(spec: LemmaSpec) -> LemmaSpec:
    SPECS[spec.name] = spec
    return spec


def _register_builtin_specs() -> None:
    from ..axioms import AXIOMS_BY_NAME as A
    for name, axiom, mono in (("L-F5", "F5", False), ("L-R2", "R2", False), ("L-R1", "R1", True),
                              ("L-R4", "R4", True)):
        targets = ("a", "b") if axiom == "F5" else ("i",)
        register_spec(LemmaSpec(name, axiom_statement(A[axiom]), targets, monotone=mono))
    register_spec(LemmaSpec("L-R3", axiom_statement(A["R3"])))
    register_spec(LemmaSpec("L-R5", axiom_statement(A["R5"]), ("o",)))
    register_spec(LemmaSpec("L-F1", _f1_statement, ("u",), monotone=True, claim=A["F1"]))
    register_spec(LemmaSpec("L-F2", _f2_statement, ("i", "j"), claim=A["F2"]))
    register_spec(LemmaSpec("L-F4", _w_statement, ("i",), step=lambda enc, c: enc.relation(c, game=1),
                            kind="two-games", monotone=True, claim=A["F4"]))
    for extra in ((), ("R2",)):
        name = "L-U" + "".join("+" + e for e in extra)
        register_spec(LemmaSpec(name, _agreement_statement, ("a",), step=_uniqueness_step(extra), kind="two-tables",
                                lifted=_agreement_lifted))


_register_builtin_specs()


# --------------------------------------------------------------------------- reading a case at c
def _embedder(case: LemmaCase, emb: dict, c: int, enc: Encoding) -> Callable:
    """A function mapping the case's local formulas to the encoding at c under the placement ``emb``."""
    pairs = []
    for name, meta in case.local.meta.items():
        var = case.local._vars[name]
        if meta[0] == "v":
            mask = c
            for x in meta[2]:
                mask &= ~(1 << emb[x])
            term = enc.value(meta[1], mask)
        elif meta[0] == "single":
            term = enc.value(meta[1], 1 << emb[meta[2]])
        else:
            mask = c
            for x in meta[3]:
                mask &= ~(1 << emb[x])
            term = enc.reward(meta[1], emb[meta[2]], mask)
        pairs.append((var, term))

    def read(formulas: list) -> list:
        """The formulas at c (one substitution for all of them)."""
        if not pairs or not formulas:
            return list(formulas)
        if len(formulas) > 1:
            parts = z3.substitute(z3.And(list(formulas)), *pairs).children()
            if len(parts) == len(formulas):
                return list(parts)
        return [z3.substitute(f, *pairs) for f in formulas]
    return read


def _placements(case: LemmaCase, targets: Sequence[str], key: tuple, c: int, n: int):
    fixed = dict(zip(targets, key))
    for name, p in fixed.items():
        inside = c >> p & 1
        if (name in case.members and not inside) or (name in case.outsiders and inside) or \
                (name not in case.members and name not in case.outsiders):
            return
    if case.exact and len(case.members) != bin(c).count("1"):
        return
    used = set(fixed.values())
    free_m = [x for x in case.members if x not in fixed]
    free_o = [x for x in case.outsiders if x not in fixed]
    avail_m = [p for p in members(c) if p not in used]
    avail_o = [p for p in range(n) if not c >> p & 1 and p not in used]
    for pm in itertools.permutations(avail_m, len(free_m)):
        for po in itertools.permutations(avail_o, len(free_o)):
            yield {**fixed, **dict(zip(free_m, pm)), **dict(zip(free_o, po))}


def _facts(spec: LemmaSpec, enc: Encoding, c: int, deps: set[str]) -> list:
    out = []
    for d in sorted(deps):
        dep = SPECS.get(d)
        if dep is None:
            raise KeyError(f"{spec.name} rests on {d}, which has no instance specification")
        statement = dep.lifted if enc.kind == "two-games" and dep.kind != "table" else dep.statement
        if dep.kind != "table" and statement is dep.statement and enc.kind != dep.kind:
            raise KeyError(f"{spec.name} ({enc.kind}) cannot read {d} ({dep.kind})")
        for sub in subsets(c):
            out += [z3.Implies(p, q) for p, q in statement(enc, sub).values()]
    return out


def check_instances(name: str | LemmaSpec, n: int, timeout: float = 60.0) -> list[str]:
    """Problems found placing every case of a lemma at every coalition of an n-player table ([] if none).

    >>> check_instances("L-U+R2", 3)
    []
    """
    from .induction import check_induction
    spec = SPECS[name] if isinstance(name, str) else name
    cases = spec.cases()
    enc = Encoding(n, spec.kind)
    problems, deps = check_induction(spec.name, cases)
    if problems:
        return problems
    statements = {c: spec.statement(enc, c) for c in range(1 << n)}
    given_class = enc.monotone() if spec.monotone else []
    for c in range(1 << n):
        ih = [z3.Implies(p, q) for d in range(1 << n) if d & c == d and d != c for p, q in statements[d].values()]
        base = given_class + [spec.step(enc, c)] + _facts(spec, enc, c, deps) + ih
        for key, (premise, conclusion) in statements[c].items():
            s = z3.Solver()
            s.set("timeout", int(timeout * 1000))
            s.add(base + [premise])
            where = f"{spec.name} at C = {c:0{n}b} for {key}"
            branches = []
            for case in cases:
                for emb in _placements(case, spec.targets, key, c, n):
                    read = _embedder(case, emb, c, enc)
                    assumed = read(list(case.choice))
                    if case.option is not None:
                        j, k, game = case.option
                        assumed.append(enc.option(c, None if j is None else emb[j], emb[k], game))
                    branches.append(z3.And(assumed) if assumed else z3.BoolVal(True))
                    problems += _check_case(s, case, emb, read, assumed, conclusion, where)
            s.push()
            s.add(z3.Not(z3.Or(branches)) if branches else z3.BoolVal(True))
            if s.check() != z3.unsat:
                problems.append(f"{where}: the cases do not cover every situation the premises allow "
                                f"({len(branches)} placement(s) of {len(cases)} case(s))")
            s.pop()
    if spec.claim is not None:
        problems += _check_claim(spec, enc, statements, given_class, timeout)
    return problems


def _check_case(s: z3.Solver, case: LemmaCase, emb: dict, read: Callable, assumed: list, conclusion,
                where: str) -> list[str]:
    hyps = read(list(case.hypotheses))
    out = []
    s.push()
    s.add(assumed)
    s.push()
    s.add(z3.Not(z3.And(hyps)) if hyps else z3.BoolVal(False))
    if s.check() != z3.unsat:
        s.pop()
        for h, src, local in zip(hyps, case.sources, case.hypotheses):
            s.push()
            s.add(z3.Not(h))
            if s.check() != z3.unsat:
                out.append(f"{where}, {case.name} ({emb}): the {src} hypothesis {local} is not supplied by the "
                           "induction")
            s.pop()
        s.pop()
        return out or [f"{where}, {case.name} ({emb}): the hypotheses are not supplied together"]
    s.pop()
    s.add(hyps + read([case.conclusion]) + [z3.Not(conclusion)])
    if s.check() != z3.unsat:
        out.append(f"{where}, {case.name} ({emb}): the case's conclusion {case.conclusion} does not give the "
                   "statement's instance")
    s.pop()
    return out


def _check_claim(spec: LemmaSpec, enc: Encoding, statements: dict, given: list, timeout: float) -> list[str]:
    """Every instance of the claim's axiom follows from the statement at all coalitions."""
    out = []
    s = z3.Solver()
    s.set("timeout", int(timeout * 1000))
    s.add(given + [z3.Implies(p, q) for st in statements.values() for p, q in st.values()])
    for inst in spec.claim.instances(enc.n):
        s.push()
        s.add(enc.compile(inst.hypothesis), z3.Not(enc.compile(inst.conclusion)))
        if s.check() != z3.unsat:
            out.append(f"{spec.name}: the statement does not imply {spec.claim.name}'s instance at "
                       f"C = {inst.coalition:0{enc.n}b} for {inst.players}")
        s.pop()
    return out
