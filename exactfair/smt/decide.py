"""One claim at one n: the solvers' verdict, then the guards that must not contradict it.

:func:`decide` is the only way a bounded verdict about a :class:`~exactfair.axioms.claim.Claim` is made
(``exactfair.prove`` and :func:`~exactfair.smt.prover.prove_claim` both call it):

* before solving, an **implicit mechanism** must have a run on every game of the class at n
  (:func:`~exactfair.smt.guards.relation_total`) — else "every run satisfies X" would not speak of every
  game — and its ``exact=`` must be a run (checked on random games); either failing refuses the verdict;
* the F4 reduction to C = N and player 1 is used only when the mechanism's relation is **derived** to treat
  all players alike at n (:func:`~exactfair.smt.guards.equivariant`), never on a field's say-so;
* after a "proved": the compiler is checked against exact evaluation (every comparison operator at ties,
  and a sample of the claim's formulas), and a claim about a mechanism is tried on random games of the class
  with the exact checker — a counterexample there is an internal error;
* after a "refuted": the witness is re-checked again, independently of the decoder's re-check — by both
  exact checkers (array and formula) — a disagreement is an internal error.

>>> from exactfair import Claim
>>> decide(Claim("balanced-reciprocity", conclude="R2"), 3).verdict
'proved'
"""

from __future__ import annotations

import time
from fractions import Fraction

from ..kernel.verdicts import InternalCheckError, Unknown, Verdict
from ..kernel.recheck import recheck_refutation
from . import guards

__all__ = ["decide", "check_operators", "REFERENCE_LICENSE", "reference_licensed"]

#: Corollary 3's all-n verdict, by the definitions' epoch (:func:`~exactfair.smt.guards.code_epoch`): filled
#: by :func:`exactfair.smt.local.license_reference_player` (above this module), read here.
REFERENCE_LICENSE: dict = {}

_recheck_refutation = recheck_refutation            # its name here in 0.1 (CHANGELOG.md)


def reference_licensed() -> bool:
    """May Algorithm 1's line-12 reference player be fixed (Corollary 3 proved for all n, on every game, plainly)?"""
    return REFERENCE_LICENSE.get(guards.code_epoch()) is True


def check_operators() -> None:
    """The compiler's comparison operators and connectives against exact evaluation, at <, = and >.

    >>> check_operators()
    """
    from ..axioms.logic import And, Compare, Implies, Linear, Not, Or, Value
    x, y = Linear.of(Value(1)), Linear.of(Value(2))
    points = [{Value(1): Fraction(a), Value(2): Fraction(b)} for a, b in ((0, 1), (1, 1), (1, 0))]
    comparisons = [Compare(op, x, y) for op in ("==", "<=", "<", ">=", ">")]
    formulas = comparisons + [And((comparisons[1], comparisons[3])), Or((comparisons[2], comparisons[4])),
                              Implies(comparisons[1], comparisons[0]), Not(comparisons[0])]
    import z3

    from ..axioms.logic import evaluate
    from ..kernel.compile import compile_formula
    for point in points:
        for f in formulas:
            got = z3.is_true(z3.simplify(compile_formula(f, lambda a: z3.RealVal(str(point[a])))))
            if got != evaluate(f, lambda a: point[a]):
                raise InternalCheckError(f"the compiler maps {f} wrongly: z3 gives {got} at {point}")


def _claim_formulas(claim, n: int) -> list:
    from ..axioms import game_class_formula
    from ..axioms.registry import get_mechanism
    out = []
    for a in claim.assumptions() + claim.axioms():
        out += [inst.formula() for inst in a.instances(n)]
    for cls in claim.games:
        out.append(game_class_formula(cls, n))
    if claim.mechanism is not None:
        out += get_mechanism(claim.mechanism).relation(n)
    return out


def _builtin_mechanism(mech) -> bool:
    from ..axioms.registry import MECHANISM_REGISTRY, BUILTIN_MECHANISMS
    return mech.name in BUILTIN_MECHANISMS and MECHANISM_REGISTRY.get(mech.name) is mech


def _refuse(claim, n: int, start: float, reason: str) -> Unknown:
    return Unknown(claim.name, f"n = {n}", n, time.perf_counter() - start, reason=f"refused: {reason}")


_DECIDED: dict = {}


def decide(claim, n: int, *, timeout: float = 60.0, explain: bool = False, shrink: bool = True,
           encoding: str = "auto", grand_only: bool | None = None, first_player_only: bool | None = None,
           smtlib_dir=None) -> Verdict:
    """The verdict of ``claim`` at n players with every guard run (see the module docstring).

    A verdict is remembered within the process for the same claim, n and options while the definitions
    are unchanged (:func:`~exactfair.smt.guards.code_epoch`): the all-n guards re-ask the bounded claims."""
    key = (claim, n, timeout, explain, shrink, encoding, grand_only, first_player_only, str(smtlib_dir),
           guards.code_epoch(), reference_licensed())
    if key not in _DECIDED:
        if len(_DECIDED) > 1024:
            _DECIDED.clear()
        _DECIDED[key] = _decide(claim, n, timeout=timeout, explain=explain, shrink=shrink, encoding=encoding,
                                grand_only=grand_only, first_player_only=first_player_only, smtlib_dir=smtlib_dir)
    return _DECIDED[key]


def _decide(claim, n: int, *, timeout: float, explain: bool, shrink: bool, encoding: str, grand_only: bool | None,
            first_player_only: bool | None, smtlib_dir) -> Verdict:
    from ..axioms.registry import get_mechanism
    from .problem import build_generic
    from ..kernel.solve import solve
    start = time.perf_counter()
    mech = get_mechanism(claim.mechanism) if claim.mechanism is not None else None
    if mech is not None and not mech.explicit:
        why = guards.relation_total(mech, n, claim.games, timeout)
        if why is not None:
            if _builtin_mechanism(mech) and not why.startswith("z3 could not decide"):
                raise InternalCheckError(why)
            return _refuse(claim, n, start, why + "; a verdict about its runs would not speak of every game")
        for game in guards.random_games(n, claim.games, guards.seeded_rng(claim.name, n, "runs"), 8):
            if not guards.exact_is_run(mech, game):
                message = (f"{mech.name}'s exact= on v = {list(map(str, game.values))} is not a run of its relation; "
                           "the verdict about runs would not be about exact=")
                if _builtin_mechanism(mech):
                    raise InternalCheckError(message)
                return _refuse(claim, n, start, message)
    verdict = None
    if claim.conclude == "unique" and mech is None and not explain:
        from .layered import decide_layered
        verdict = decide_layered(claim, n, timeout=timeout)      # None: the whole-table encoding decides
    fixed = (mech is not None and mech.name == "balanced-reciprocity" and claim.conclude != "unique" and n >= 4
             and _builtin_mechanism(mech) and reference_licensed())
    reference = "lowest" if fixed else "any"
    if verdict is None and mech is not None and n >= 3 and not explain and not grand_only:
        from .orbits import decide_by_orbits
        verdict = decide_by_orbits(claim, n, timeout=timeout, reference=reference, encoding=encoding)
    if verdict is None:
        problem = build_generic(claim, n, encoding=encoding, grand_only=grand_only,
                                first_player_only=first_player_only, reference=reference)
        verdict = solve(problem, timeout=timeout, explain=explain, shrink=shrink, smtlib_dir=smtlib_dir)
    if verdict.verdict in ("proved", "proved (z3 only)"):
        check_operators()
        formulas = _claim_formulas(claim, n)
        guards.check_compiler(formulas, guards.seeded_rng(claim.name, n, "compile"), samples=1, limit=24)
        if mech is not None:
            found = guards.falsify(claim, n)
            if found is not None:
                if "own relation" in found and not _builtin_mechanism(mech):
                    return _refuse(claim, n, start, found)
                raise InternalCheckError(f"{claim.name} at n = {n}: the solvers say proved, but the exact checker "
                                         f"refutes it on a random game: {found}")
    elif verdict.verdict == "refuted":
        recheck_refutation(claim, verdict)
    return verdict
