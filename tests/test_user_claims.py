"""Bring your own claim: user axioms and mechanisms through the same machinery as the paper's claims."""

from __future__ import annotations

import json
from fractions import Fraction
from itertools import combinations

import pytest
from hypothesis import given, settings

from exactfair import Claim, Game, balanced_reciprocity, check_axiom, define_axiom, define_mechanism, logic, prove
from exactfair.cli import main
from exactfair.coalitions import members
from exactfair.errors import ExactfairError, UserCodeError
from exactfair.registry import MECHANISM_REGISTRY, scoped_registries

from .strategies import any_games, monotone_games


def brute_banzhaf(game: Game, c: int, i: int) -> Fraction:
    others = [j for j in members(c) if j != i]
    total = Fraction(0)
    for k in range(len(others) + 1):
        for s in combinations(others, k):
            mask = sum(1 << j for j in s)
            total += game.values[mask | 1 << i] - game.values[mask]
    return total / 2 ** len(others)


@settings(max_examples=60, deadline=None)
@given(any_games(n_max=4))
def test_banzhaf_and_equal_split_match_their_definitions(game):
    banzhaf = MECHANISM_REGISTRY["banzhaf"].exact(game)
    equal = MECHANISM_REGISTRY["equal-split"].exact(game)
    for c in range(1 << game.n):
        for i in range(game.n):
            if c >> i & 1:
                assert banzhaf.reward(i, c) == brute_banzhaf(game, c, i)
                assert equal.reward(i, c) == game.values[c] / bin(c).count("1")
            else:
                assert banzhaf.reward(i, c) == equal.reward(i, c) == game.values[1 << i]


@settings(max_examples=30, deadline=None)
@given(monotone_games(n_max=4))
def test_builtin_tables_satisfy_their_own_relation(game):
    for name in ("balanced-reciprocity", "shapley", "banzhaf", "equal-split"):
        m = MECHANISM_REGISTRY[name]
        assert m.is_table_of(m.exact(game)), name


def _efficiency():
    return define_axiom("EFF", "efficiency", per_coalition=lambda C, ms: logic.eq(
        sum((logic.reward(i, C) for i in ms), logic.Linear.of(0)), logic.value(C)), register=False)


def test_user_axiom_efficiency_proved_and_refuted_with_exact_witness():
    eff = _efficiency()
    assert prove(Claim("shapley", conclude=eff, games="any"), [2, 3])[-1].verdict == "proved"
    v = prove(Claim("balanced-reciprocity", conclude=eff), 2)
    assert v.verdict == "refuted"
    table = v.witness.tables[0]
    assert check_axiom(eff, table).holds is False               # re-checked exactly, formula checker
    assert table == balanced_reciprocity(v.witness.games[0])


def test_user_mechanism_explicit_and_implicit():
    with scoped_registries():
        define_mechanism("marginal", per_member=lambda C, i: logic.value(C) - logic.value(C & ~(1 << i)))
        assert prove(Claim("marginal", conclude="R1"), 3).verdict == "proved"      # monotone: v_C ≥ v_{C∖i}
        v = prove(Claim("marginal", conclude="R3", games="any"), 2)
        assert v.verdict == "refuted" and check_axiom("R3", v.witness.tables[0]).holds is False

        def top_gets_all(c, n):                 # implicit: some member gets v_C, the others 0
            ms = members(c)
            outside = [logic.eq(logic.reward(i, c), logic.value(1 << i)) for i in range(n) if i not in ms]
            if not ms:
                return logic.conj(outside)
            rows = [logic.conj([logic.eq(logic.reward(k, c), logic.value(c))] +
                               [logic.eq(logic.reward(i, c), 0) for i in ms if i != k]) for k in ms]
            return logic.conj(outside + [logic.disj(rows)])

        def exact(game):
            from exactfair import RewardTable
            rows = []
            for c in range(1 << game.n):
                ms = members(c)
                rows.append([game.values[c] if ms and i == ms[0] else (0 if i in ms else game.values[1 << i])
                             for i in range(game.n)])
            return RewardTable(game, "winner", rows)
        define_mechanism("winner", relation=top_gets_all, exact=exact)
        assert prove(Claim("winner", conclude="R3", games="any"), 3).verdict == "proved"
        assert prove(Claim("winner", conclude="unique"), 2).verdict == "refuted"     # the winner is not determined
    assert "marginal" not in MECHANISM_REGISTRY


def test_definitions_are_validated():
    with pytest.raises(ExactfairError, match="strictly smaller"):
        define_mechanism("bad", per_member=lambda C, i: logic.reward(i, C), register=False)
    with pytest.raises(ExactfairError, match="not a formula"):
        define_axiom("BAD", per_member=lambda C, i: 3, register=False)
    with pytest.raises(ExactfairError, match="already registered"):
        define_axiom("F5", per_member=lambda C, i: logic.TRUE)
    with pytest.raises(ExactfairError, match="unknown mechanism"):
        Claim("no-such-mechanism", conclude="F5")


@pytest.mark.parametrize("shape", ["per_coalition", "per_member", "per_pair", "instances", "hypothesis"])
def test_definitions_are_validated_at_every_n_not_only_up_to_3(shape):
    """Issue 20, item 11: a function that returns None (or raises) only at n = 4 is caught at n = 4, naming n."""
    def broken(*args):
        n = args[0] if shape in ("instances", "hypothesis") else None
        c = args[0] if shape not in ("instances", "hypothesis") else None
        if n == 4 or (c is not None and c >= 8):
            return None
        return [logic.TRUE] if shape == "instances" else logic.TRUE
    options = {shape: broken} if shape != "hypothesis" else {"hypothesis": broken, "per_member": lambda C, i: logic.TRUE}
    axiom = define_axiom(f"LATE-{shape}", register=False, **options)       # fine for n ≤ 3
    with pytest.raises(ExactfairError, match=rf"axiom 'LATE-{shape}': {shape} at n = 4.* returned None, not (a formula|an iterable)"):
        axiom.instances(4)


def test_exceptions_of_definitions_name_the_call_and_keep_the_users_traceback():
    def late(C, i):
        if C == 15:
            raise RuntimeError("fails at the grand coalition of 4")
        return logic.ge(logic.reward(i, C), 0)
    axiom = define_axiom("LATE-RAISE", per_member=late, register=False)
    with pytest.raises(UserCodeError, match=r"per_member at n = 4, C = 15, i = 0 raised RuntimeError") as info:
        axiom.instances(4)
    assert isinstance(info.value.__cause__, RuntimeError) and "in late" in info.value.user_traceback

    def relation(c, n):
        return None if n == 4 else logic.TRUE
    mech = define_mechanism("late-relation", relation=relation, exact=balanced_reciprocity, register=False)
    with pytest.raises(ExactfairError, match=r"relation at n = 4, C = 0 returned None"):
        mech.relation(4)
    with pytest.raises(ExactfairError, match="returned int, not a RewardTable"):
        define_mechanism("bad-exact", relation=lambda c, n: logic.TRUE, exact=lambda g: 3,
                         register=False).exact(Game.from_bitmask_values([0, 1]))
    member = define_mechanism("late-member", per_member=lambda C, i: None if C == 31 else logic.value(C),
                              register=False)
    with pytest.raises(ExactfairError, match=r"per_member\(C=31, i=0\) returned None"):
        member.exact(Game.from_bitmask_values(list(range(32))))


def test_any_game_and_uniqueness_claims():
    theorem1 = Claim(assume=("R3", "R5", "F5"), conclude="unique", games="any")
    assert prove(theorem1, 2).verdict == "refuted"
    assert prove(theorem1.with_assumptions("R2"), 3).verdict == "proved"
    corollary3 = Claim("balanced-reciprocity", conclude="unique")
    assert prove(corollary3, 3).verdict == "proved"
    # Algorithm 1 on non-monotone games: R1 fails (the paper assumes monotone games)
    assert prove(Claim("balanced-reciprocity", conclude="R1", games="any"), 2).verdict == "refuted"


def test_cli_own_claims_and_claims_file(tmp_path, capsys):
    assert main(["prove", "--mechanism", "equal-split", "--axiom", "F5", "--class", "any", "--n", "2"]) == 0
    assert "REFUTED" in capsys.readouterr().out
    assert main(["prove", "--assume", "R2,R3,R5,F5", "--unique", "--class", "any", "--n", "2..3", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["verdict"] for r in records] == ["proved", "proved"] and records[0]["claim_spec"]["conclude"] == "unique"
    path = tmp_path / "mine.py"
    path.write_text(
        "from exactfair import Claim, define_axiom, logic\n"
        "EFF = define_axiom('EFF-file', 'efficiency', per_coalition=lambda C, ms: logic.eq("
        "sum((logic.reward(i, C) for i in ms), logic.Linear.of(0)), logic.value(C)), register=False)\n"
        "CLAIMS = [Claim('shapley', conclude=EFF), Claim('balanced-reciprocity', conclude=EFF)]\n")
    assert main(["prove", f"{path}:CLAIMS", "--n", "2"]) == 0
    out = capsys.readouterr().out
    assert "shapley ⊨ EFF-file on monotone games  n = 2: PROVED" in out and "REFUTED" in out
    assert main(["prove", f"{path}:NOPE"]) == 2
    assert "defines no 'NOPE'" in capsys.readouterr().err
    assert main(["search", "R3", "--mechanism", "banzhaf", "--class", "any", "--n", "2"]) == 0
    assert "REFUTED" in capsys.readouterr().out


def test_cli_aggregates(capsys):
    assert main(["prove", "corollary4", "--n", "2", "--no-repairs", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {r["claim"] for r in records} == {f"corollary4.{a}" for a in ("R1", "R2", "R4", "F1", "F2", "F3", "F4")}


def test_local_lemma_route_for_explicit_mechanisms():
    from exactfair import all_n
    m = define_mechanism("marginal-plus", per_member=lambda C, i: logic.value(C) - logic.value(C & ~(1 << i))
                         + logic.value(1 << i), register=False)
    assert all_n(Claim(m, conclude="F5")).scope == "all n, by inductive step"
    assert all_n(Claim(m, conclude=("R1", "R4"))).verdict == "proved"
    r2 = all_n(Claim(m, conclude="R2"))                       # false: v = [0, 5, 0, 5] gives M_1^{1,2} = 10 > 5
    assert r2.verdict == "unknown" and "refuted" in r2.reason
    assert prove(Claim(m, conclude="R2"), 2).verdict == "refuted"
    for name in ("shapley", "banzhaf", "equal-split"):       # rules over all sub-coalitions or |C|: not local
        v = all_n(Claim(name, conclude="F5"))
        assert v.verdict == "unknown" and "not generic" in v.reason
    assert all_n(Claim("balanced-reciprocity", conclude="F5")).verdict == "proved"    # the paper's lemma L-F5


def test_cli_reports_all_n_for_own_claims(capsys):
    from exactfair.registry import scoped_registries
    with scoped_registries():
        define_mechanism("marginal-plus-cli", per_member=lambda C, i: logic.value(C) - logic.value(C & ~(1 << i))
                         + logic.value(1 << i))
        assert main(["prove", "--mechanism", "marginal-plus-cli", "--axiom", "F5", "--n", "2..3"]) == 0
        out = capsys.readouterr().out
        assert "all n: PROVED" in out
        assert main(["prove", "--mechanism", "shapley", "--axiom", "F5", "--n", "2"]) == 0
        assert "all n: UNKNOWN — all n not established" in capsys.readouterr().out


def test_issue22_all_n_lines_of_the_uniqueness_claim_and_of_banzhaf(capsys):
    """Issue 22 reported 'all n: unknown' for Theorem 1 + R2 (README: proved for all n) and a raw Python error
    text on Banzhaf's all-n line; on this main both say what README says."""
    assert main(["prove", "--assume", "R2,R3,R5,F5", "--unique", "--class", "any", "--n", "2..3", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "all n: PROVED — induction on |C| with the uniqueness step L-U+R2" in out
    assert main(["prove", "--mechanism", "banzhaf", "--axiom", "F5", "--class", "any", "--n", "2..3", "--quiet"]) == 0
    line = [x for x in capsys.readouterr().out.splitlines() if x.startswith("all n:")][0]
    assert line.startswith("all n: UNKNOWN — all n not established: not generic:")
    assert "Error" not in line and "Traceback" not in line and "depends on which coalition it is" in line


def test_issue22_repair_lines_name_the_n_where_a_repair_failed(capsys):
    """'refuted for n = 2..2 at n = 3' read as if refuted for n = 2: now 'refuted at n = 3 (proved for n = 2)'."""
    assert main(["prove", "theorem2.F3", "--n", "2..4", "--quiet"]) == 0
    lines = [x for x in capsys.readouterr().out.splitlines() if x.startswith("repair:")]
    refuted = [x for x in lines if ": refuted" in x]
    assert refuted and all(" at n = 4 (proved for n = 2..3): " in x for x in refuted), refuted
    assert not any(".." in x.split(":")[2].split("at n")[0] for x in refuted)
