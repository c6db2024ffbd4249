"""Being the adversary: every way a user's own claim once got a wrong "proved", kept as a test.

Each case is checked twice: the verdict exactfair gives now, and — where the claim is false — an independent
brute-force refutation with the exact checker, so the test shows that refusing was right.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from exactfair import Claim, Game, all_n, check_axiom, define_axiom, define_mechanism, logic, prove
from exactfair.axioms import Axiom, Instance
from exactfair.logic import TRUE
from exactfair.random_games import random_monotone_game
from exactfair.registry import Mechanism, scoped_registries
from exactfair.verdicts import InternalCheckError

V, M = logic.value, logic.reward


def brute_force(mech, axiom: str, n_max: int = 5, games: int = 60, monotone: bool = True):
    """A game with at most n_max players on which the mechanism's exact table violates the axiom, or None."""
    rng = random.Random(7)
    for n in range(1, n_max + 1):
        for _ in range(games):
            g = random_monotone_game(n, rng) if monotone else Game.from_bitmask_values(
                [0] + [Fraction(rng.randint(-3, 3)) for _ in range((1 << n) - 1)])
            if not check_axiom(axiom, mech.exact(g), method="formula").holds:
                return g
    return None


def _sneaky(C, i):
    try:
        if i < 4:
            return V(C)
    except Exception:       # a rule that swallows the refusal still gets refused
        pass
    return V(C)


# (rule, axiom, false?) — every rule here depends on a player's or a coalition's identity
IDENTITY_RULES = [
    ("i < 4", lambda C, i: V(C) if i < 4 else 2 * V(C), "R2", True),
    ("C == 31", lambda C, i: V(C) + 1 if C == 31 else V(C), "R2", True),
    ("(i + 1)/2", lambda C, i: V(C) * Fraction(i + 1, 2), "R2", True),
    ("weights 1,1,1,2", lambda C, i: [1, 1, 1, 2][i] * (V(C) - V(C & ~(1 << i))), "R2", True),
    ("v_C - v_{1}", lambda C, i: V(C) - V(1), "R1", True),
    ("C & 16", lambda C, i: 2 * V(C) if C & 16 else V(C), "R2", True),
    ("i != 3", lambda C, i: V(C) + 1 if i == 3 else V(C), "R2", True),
    ("|C| via bin", lambda C, i: 2 * V(C) if bin(C).count("1") >= 5 else V(C), "R2", True),
    ("i % 2 (true, still refused)", lambda C, i: V(C) if i % 2 == 0 else V(C) / 2, "R2", False),
    ("removes player 1 (true, still refused)", lambda C, i: V(C & ~1), "R2", False),
    ("swallows the refusal", _sneaky, "R2", False),
    ("isinstance", lambda C, i: V(C) if isinstance(i, int) and i >= 2 else V(C) / 2, "R1", False),
]


@pytest.mark.parametrize("label, rule, axiom, false", IDENTITY_RULES, ids=[r[0] for r in IDENTITY_RULES])
def test_no_identity_dependent_rule_gets_all_n(label, rule, axiom, false):
    with scoped_registries():
        mech = define_mechanism("adversary", per_member=rule, register=False)
        verdict = all_n(Claim(mech, conclude=axiom))
        assert verdict.verdict != "proved", f"{label}: {verdict}"
        if false:
            assert brute_force(mech, axiom) is not None, f"{label}: brute force found no counterexample"


def test_generic_rules_still_get_all_n_and_false_ones_name_the_failing_step():
    with scoped_registries():
        m = define_mechanism("marginal-plus", per_member=lambda C, i: V(C) - V(C & ~(1 << i)) + V(1 << i),
                             register=False)
        assert all_n(Claim(m, conclude=("F5", "R1", "R4"))).verdict == "proved"
        r2 = all_n(Claim(m, conclude="R2"))
        assert r2.verdict == "unknown" and "L-R2 for marginal-plus is refuted" in r2.reason
        assert brute_force(m, "R2") is not None


def test_the_two_algorithm1_properties_hold_for_all_n():
    """M_i^C ≥ v_C − v_{C∖i} on monotone games, and R2 (written out by the user) on all games."""
    marginal = define_axiom("MARGINAL", per_member=lambda C, i: logic.ge(M(i, C), V(C) - V(C & ~(1 << i))),
                            register=False)
    own_r2 = define_axiom("OWN-R2", per_member=lambda C, i: logic.le(M(i, C), V(C)), register=False)
    v = all_n(Claim("balanced-reciprocity", conclude=marginal))
    assert v.verdict == "proved" and v.scope == "all n, by inductive step"
    assert "instances checked at n = 3, 4" in v.details[1]
    w = all_n(Claim("balanced-reciprocity", conclude=own_r2, games="any"))
    assert w.verdict == "proved"


def test_a_false_user_axiom_for_algorithm1_is_refused_not_proved():
    too_much = define_axiom("TOO-MUCH", per_member=lambda C, i: logic.ge(M(i, C), V(C)), register=False)
    v = all_n(Claim("balanced-reciprocity", conclude=too_much))
    assert v.verdict == "unknown" and "refuted" in v.reason
    assert prove(Claim("balanced-reciprocity", conclude=too_much), 2).verdict == "refuted"


def test_user_axiom_whose_conclusion_builder_is_weaker_than_its_instances_gets_no_all_n():
    def build(n):
        for c in range(1, 1 << n):
            for i in range(n):
                if c >> i & 1:
                    yield Instance("STRONG", c, (i,), TRUE, logic.le(M(i, c), V(c) - 1))   # M ≤ v_C − 1 (false)
    weak = Axiom("STRONG", "strong", "M ≤ v_C − 1", 1, build, conclusion_at=lambda c, p: logic.le(M(p[0], c), V(c)))
    m = define_mechanism("half-strong", per_member=lambda C, i: V(C) / 2, register=False)
    assert all_n(Claim(m, conclude=weak)).verdict == "unknown"
    assert prove(Claim(m, conclude=weak), 2).verdict == "refuted"


def test_symmetric_field_is_not_trusted_for_the_f4_reduction():
    """Player 1 gets v_C, the others their stand-alone value: F4 fails for the others."""
    rule = lambda C, i: V(C) if i == 0 else V(1 << i)  # noqa: E731
    honest = define_mechanism("first-takes-all", per_member=rule, register=False)
    liar = dataclasses.replace(honest, name="first-takes-all (claims symmetry)", symmetric=True)
    assert prove(Claim(honest, conclude="F4"), 2).verdict == "refuted"
    assert prove(Claim(liar, conclude="F4"), 4).verdict == "refuted"


def _strict_relation(c: int, n: int):
    """A relation with no run when v_C = v_{C∖k} for every member k (no case for ties)."""
    ms = [i for i in range(n) if c >> i & 1]
    outsiders = [logic.eq(M(i, c), V(1 << i)) for i in range(n) if i not in ms]
    if not ms:
        return logic.conj(outsiders)
    options = [logic.conj([logic.gt(V(c), V(c & ~(1 << k))), logic.eq(M(k, c), V(c))]
                          + [logic.eq(M(i, c), V(1 << i)) for i in ms if i != k]) for k in ms]
    return logic.conj(outsiders + [logic.disj(options)])


def _strict_exact(game):
    from exactfair.table import RewardTable
    rows = []
    for c in range(1 << game.n):
        row = [game.value(1 << i) for i in range(game.n)]
        for i in range(game.n):
            if c >> i & 1:
                row[i] = 2 * game.value(c) + 1            # violates R2 everywhere (ties included)
        rows.append(row)
    return RewardTable(game, "strict", rows)


def test_implicit_mechanism_without_runs_on_ties_is_refused():
    strict = define_mechanism("strict", relation=_strict_relation, exact=_strict_exact, register=False)
    for n in (2, 3):
        v = prove(Claim(strict, conclude="R2"), n)
        assert v.verdict == "unknown" and "no run exists" in v.reason, v
    tie = Game.from_bitmask_values([0, 0, 0, 0])
    assert not check_axiom("R2", _strict_exact(tie)).holds       # exact= really violates the claim


def test_implicit_mechanism_whose_exact_is_not_a_run_is_refused():
    from exactfair.relations import algorithm1_step
    wrong = define_mechanism("alg1-relation-wrong-exact", relation=lambda c, n: algorithm1_step(c, n),
                             exact=_strict_exact, register=False)
    v = prove(Claim(wrong, conclude="R2"), 3)
    assert v.verdict == "unknown" and "not a run" in v.reason


def test_a_z3_only_proof_is_never_plain_proved(monkeypatch):
    from exactfair.smt import solvers
    monkeypatch.setattr(solvers, "cvc5_answer", lambda smtlib, timeout=60.0: "unknown")
    v = prove(Claim(assume=("R2", "R3", "R5", "F5"), conclude="unique", games="any"), 3)
    assert v.verdict == "proved (z3 only)" and v.reason.startswith("cvc5: unknown")
    assert v.to_dict()["second_solver"]["agrees"] is None
    monkeypatch.setattr(solvers, "cvc5_available", lambda: False)
    w = prove(Claim("balanced-reciprocity", conclude="R2"), 2)
    assert w.verdict == "proved (z3 only)" and "not installed" in w.reason


def test_a_plain_proved_cannot_be_built_without_agreement():
    from exactfair.verdicts import Proved
    with pytest.raises(InternalCheckError):
        Proved("c", "n = 2", 2, second_solver={"solver": "cvc5", "agrees": None, "answer": "unknown"})


@pytest.mark.slow
def test_cvc5_time_out_gives_z3_only_at_n5():
    v = prove(Claim(assume=("R2", "R3", "R5", "F5"), conclude="unique", games="any"), 5, timeout=5)
    assert v.verdict in ("proved", "proved (z3 only)")
    if v.verdict == "proved (z3 only)":
        assert "cvc5" in v.reason


def test_cli_prints_z3_only_and_refuses_identity_rules(tmp_path):
    claims = tmp_path / "claims.py"
    claims.write_text(
        "from exactfair import Claim, define_mechanism, logic\n"
        "V = logic.value\n"
        "idx = define_mechanism('idx', per_member=lambda C, i: V(C) if i < 4 else 2 * V(C), register=False)\n"
        "gen = define_mechanism('gen', per_member=lambda C, i: V(C) / 2, register=False)\n"
        "CLAIMS = [Claim(idx, conclude='R2'), Claim(gen, conclude='R2')]\n")
    out = subprocess.run([sys.executable, "-m", "exactfair", "prove", f"{claims}:CLAIMS", "--n", "2..3"],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    blocks = out.stdout.split("all n:")
    assert "UNKNOWN" in blocks[1] and "not generic" in blocks[1]
    assert blocks[2].lstrip().startswith("PROVED")


def test_all_n_lemma_instances_catch_a_conclusion_builder_that_differs_from_the_concrete_axiom():
    """An axiom whose generic reading differs from its concrete instances at small n (isinstance) is refused."""
    odd = define_axiom("ODD", per_member=lambda C, i: logic.ge(M(i, C), 0) if not isinstance(i, int)
                       else logic.ge(M(i, C), V(C) + 1), register=False)
    v = all_n(Claim("balanced-reciprocity", conclude=odd))
    assert v.verdict == "unknown" and "not all supplied" in v.reason
