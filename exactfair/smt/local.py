"""All n for your own claims: the local-lemma route, tried automatically where the shape allows.

For an explicit mechanism (``per_member``) and a conclusion whose instances name one or two players
(per-member or per-pair axioms such as F5, R1, R2, R4, R5 or your own), the rule and the axiom are
called with a *symbolic* coalition — an object that stands for "C", "C∖{x}", "C∖{x,y}" of a coalition
of any size — instead of a bitmask.  The only operations it supports are the ones whose meaning does
not depend on |C|: removing a named player (``C & ~(1 << x)``) and naming it (``1 << x``).  A rule that
asks for anything else (the number of members, the list of members, a sum over sub-coalitions) raises,
and the route is reported as not applicable: its form may depend on the size of C, so a lemma over a
fixed number of quantities could not stand for every size.

When the rule and the axiom are local, the lemma at a coalition C with named players P is: the rule's rows
at C and at C∖{x} (the mechanism's definition), the game class's consequences on the quantities (monotone:
v_{C∖S} ≤ v_{C∖S'} for S' ⊆ S, singletons below their coalitions, all ≥ 0), the axiom at C∖{x} for the named
players left there (the induction hypothesis) ⇒ the axiom at C.  It is proved with z3 (cross-checked with
cvc5), its hypotheses carry their sources and pass :func:`~exactfair.smt.lemmas.check_induction`; only then
is "all n" reported.

>>> from exactfair import Claim, define_mechanism, logic
>>> half = define_mechanism("half-doc", per_member=lambda C, i: logic.value(C) / 2, register=False)
>>> all_n(Claim(half, conclude="R2")).verdict, all_n(Claim("shapley", conclude="R2")).verdict
('proved', 'unknown')
"""

from __future__ import annotations

import time
from typing import Any


from ..logic import Compare, Linear, Reward, Value, atoms
from ..verdicts import Proved, Unknown
from .lemmas import LemmaCase, Local, check_induction, prove_lemma

__all__ = ["SymbolicCoalition", "all_n"]


class NotLocal(Exception):
    """The rule or axiom did something whose meaning depends on the size of C."""


class _Mask(int):
    """``~(1 << x)`` or ``1 << x`` for a named player x, remembered as such."""


class SymbolicCoalition:
    """C∖removed for a coalition C of any size; supports ``& ~(1 << x)`` and nothing else.

    >>> C = SymbolicCoalition(frozenset(), ("a", "b"))
    >>> (C & ~(1 << 0)).removed
    frozenset({'a'})
    """

    def __init__(self, removed: frozenset, names: tuple) -> None:
        self.removed, self.names = removed, names

    def __and__(self, other: Any) -> "SymbolicCoalition":
        if not isinstance(other, int) or other >= 0:
            raise NotLocal("a coalition was combined with something other than ~(1 << player)")
        cleared = ~other
        if cleared <= 0 or cleared & (cleared - 1):
            raise NotLocal("only one player at a time can be removed from C")
        index = cleared.bit_length() - 1
        if index >= len(self.names):
            raise NotLocal(f"player {index} is not one of the claim's named players")
        return SymbolicCoalition(self.removed | {self.names[index]}, self.names)

    __rand__ = __and__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SymbolicCoalition) and other.removed == self.removed

    def __hash__(self) -> int:
        return hash(self.removed)

    def _refuse(self, *args: Any) -> Any:
        raise NotLocal("the rule asks for the coalition's members, size or bits, which depend on |C|")

    __int__ = __index__ = __iter__ = __len__ = __or__ = __ror__ = __xor__ = __rshift__ = __lshift__ = _refuse
    __bool__ = __lt__ = __le__ = __gt__ = __ge__ = __invert__ = __sub__ = __add__ = bit_length = _refuse


def _term(x: Any) -> Linear:
    return x if isinstance(x, Linear) else Linear.of(x)


def _to_z3(formula, L: Local, names: tuple):
    """A formula over symbolic coalitions as z3, with the Local quantities of the named players."""
    from .compile import compile_formula

    def look(atom):
        where = atom.coalition
        if isinstance(atom, Value):
            if isinstance(where, SymbolicCoalition):
                return L.v(*sorted(where.removed))
            if isinstance(where, int) and where > 0 and where & (where - 1) == 0:
                return L.single(names[where.bit_length() - 1])
            raise NotLocal(f"the value of coalition {where!r} is neither C∖S nor a named player's singleton")
        if not isinstance(where, SymbolicCoalition):
            raise NotLocal("a reward at a coalition other than C∖S")
        player = names[atom.player]
        if player in where.removed:
            raise NotLocal("a reward of a player outside its coalition")
        return L.M(player, *sorted(where.removed))
    return compile_formula(formula, look)


def _monotone(L: Local, formulas: list, names: tuple) -> list:
    """v_{C∖S} ≤ v_{C∖S'} (S' ⊆ S), v_{p} ≤ v_{C∖S} (p ∉ S), everything ≥ 0 — true in every monotone game."""
    coalitions: set = set()
    singles: set = set()
    for f in formulas:
        for cmp in atoms(f):
            for side in (cmp.left, cmp.right):
                for atom in side.atoms():
                    if isinstance(atom, Value):
                        if isinstance(atom.coalition, SymbolicCoalition):
                            coalitions.add(atom.coalition.removed)
                        else:
                            singles.add(names[atom.coalition.bit_length() - 1])
    out = []
    for s in coalitions:
        out.append(L.v(*sorted(s)) >= 0)
        for t in coalitions:
            if t < s:
                out.append(L.v(*sorted(s)) <= L.v(*sorted(t)))
        for p in singles:
            if p not in s:
                out.append(L.single(p) <= L.v(*sorted(s)))
    out += [L.single(p) >= 0 for p in singles]
    return out


def _shapes(axiom) -> int | None:
    """1 or 2 named players per instance, or None when the axiom's instances need all members."""
    sizes = {len(inst.players) for inst in axiom.instances(3)}
    if len(sizes) == 1 and next(iter(sizes)) in (1, 2) and all(inst.hypothesis.__class__.__name__ == "_Const"
                                                                and inst.hypothesis.truth
                                                                for inst in axiom.instances(3)):
        return next(iter(sizes))
    return None


def _cases(claim, mech, axiom, size: int) -> list[LemmaCase]:
    from ..axioms import AXIOMS_BY_NAME
    builder = axiom.conclusion_at
    if builder is None:
        raise NotLocal(f"{axiom.name} has no per-instance conclusion builder")
    if size == 1 and axiom.name == "R5" and AXIOMS_BY_NAME.get("R5") is axiom:
        raise NotLocal("R5 speaks of outsiders; explicit mechanisms give them v_i by construction")
    names = tuple(["a", "b"][:size])
    cases = []
    L = Local()
    C = SymbolicCoalition(frozenset(), names)
    players = tuple(range(size))
    rows = [Compare("==", Linear(((Reward(p, C), 1),)), _term(mech.per_member(C, p))) for p in players]
    lower = []
    for x in players:
        D = C & ~(1 << x)
        lower += [Compare("==", Linear(((Reward(p, D), 1),)), _term(mech.per_member(D, p))) for p in players if p != x]
    ih = []
    for x in players:
        rest = tuple(p for p in players if p != x)
        if len(rest) == size:
            ih.append(builder(C & ~(1 << x), rest))
    conclusion = builder(C, players)
    formulas = rows + lower + ih + [conclusion]
    hyps = [_to_z3(f, L, names) for f in rows + lower]
    sources = ["step"] * len(hyps)
    if "monotone" in claim.games:
        given = _monotone(L, formulas, names)
        hyps += given
        sources += ["given"] * len(given)
    hyps += [_to_z3(f, L, names) for f in ih]
    sources += ["ih"] * len(ih)
    cases.append(LemmaCase(f"local {axiom.name} for {mech.name}", tuple(hyps), _to_z3(conclusion, L, names), L,
                           tuple(sources)))
    return cases


def all_n(claim) -> Any:
    """The all-n verdict of a claim by the local-lemma route, or Unknown saying why it does not apply.

    Applies to claims with an explicit mechanism, no assumed axioms, and conclusions whose instances name one
    or two players.  See the module docstring for the lemma and why a non-local rule is refused.
    """
    from ..registry import get_mechanism
    start = time.perf_counter()

    def unknown(reason: str) -> Unknown:
        return Unknown(claim.name, "all n", None, time.perf_counter() - start, reason=f"all n not established: {reason}")
    if claim.mechanism is None or claim.conclude == "unique" or claim.assume:
        return unknown("the local-lemma route needs an explicit mechanism, no assumed axioms and axioms to conclude")
    mech = get_mechanism(claim.mechanism)
    if not mech.explicit:
        return unknown(f"{mech.name} is not explicit (per_member); its all-n arguments are lemmas of their own")
    lemmas = []
    for axiom in claim.axioms():
        size = _shapes(axiom)
        if size is None:
            return unknown(f"{axiom.name}'s instances need every member of C or have premises")
        try:
            cases = _cases(claim, mech, axiom, size)
        except (NotLocal, TypeError, IndexError) as exc:
            return unknown(f"{mech.name}'s rule or {axiom.name} is not local ({exc})")
        problems, deps = check_induction(f"local {axiom.name}", cases)
        if problems or deps:
            return unknown("the induction check failed: " + "; ".join(problems[:2]))
        verdict = prove_lemma(f"local {axiom.name}", cases)
        if verdict.verdict != "proved":
            return unknown(f"the local lemma for {axiom.name} is {verdict.verdict} (the bounded verdicts still stand)")
        lemmas.append(verdict)
    from ..verdicts import summarize_guards
    live, second = summarize_guards(lemmas)
    return Proved(claim.name, "all n, by inductive step", None, time.perf_counter() - start,
                  ("local lemma(s): " + ", ".join(f"{a.name} from {mech.name}'s rule at C and C∖x" for a in claim.axioms()),),
                  live_premises=live, second_solver=second)

