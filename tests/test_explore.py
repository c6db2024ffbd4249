"""The axiom explorer: pruned results equal settling every subset, and every reported answer is re-checkable."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

import pytest

from exactfair import Claim, define_axiom, logic, prove
from exactfair.explore import explore
from exactfair.registry import scoped_registries

PAPER = ["R1", "R2", "R3", "R4", "R5", "F1", "F2", "F3", "F5"]


def settle_every_subset(axioms, n, games):
    """The plainest way: one claim per subset, no pruning."""
    out = {}
    for size in range(len(axioms) + 1):
        for s in itertools.combinations(axioms, size):
            v = prove(Claim(assume=s, conclude="unique", games=games), n, shrink=False)
            out[frozenset(s)] = {"vacuous": (False, None), "refuted": (True, False),
                                 "proved": (True, True)}[v.verdict]
    return out


@pytest.mark.parametrize("axioms, games", [(["R2", "R3", "R5", "F5", "R1"], "monotone"),
                                           (["R3", "R5", "F5", "R4", "F2"], "any")])
def test_pruned_landscape_equals_settling_every_subset(axioms, games):
    land = explore(axioms, 2, games=games, implications=False, identify=False)
    brute = settle_every_subset(axioms, 2, games)
    for s, (sat, unique) in brute.items():
        r = land.results[s]
        assert r.satisfiable == sat, s
        if sat:
            assert r.unique == unique, s
    assert land.solved < land.subsets


def test_paper_landscape_at_three_players():
    land = explore(PAPER, 3, games="monotone")
    assert land.minimal_characterizations() == [("R2", "R3", "R5", "F5")]
    assert land.minimal_unsatisfiable() == []
    assert sorted(land.maximal_non_characterizations()) == sorted(
        tuple(a for a in PAPER if a != missing) for missing in ("R2", "R3", "R5", "F5"))
    (c,) = land.characterizations
    assert c["mechanism"] == "balanced-reciprocity" and c["all_n"]["verdict"] == "proved"
    assert set(c["entails"]) == {"R1", "R4", "F1", "F2", "F3"}          # F3 still holds at n = 3
    # every reported answer is re-checkable from its claim
    assert prove(Claim(assume=("R2", "R3", "R5", "F5"), conclude="unique"), 3).verdict == "proved"
    for s in land.maximal_non_characterizations():
        r = land.result(s)
        w = prove(Claim(assume=s, conclude="unique"), 3).witness if r.how != "solved" else None
        tables = (r.witness or {}).get("tables") if r.how == "solved" else w.tables
        assert tables is not None and len(tables) == 2
    implies = {(i["assume"], i["conclude"]): i["verdict"] for i in land.implications}
    assert implies[("R4", "R1")] == "proved" and implies[("R1", "R4")] == "refuted"


def test_json_has_the_documented_fields_and_names_in_the_order_given():
    land = explore(["F5", "R5", "R3", "R2"], 2)
    data = land.to_dict()
    for key in ("n", "class", "axioms", "minimal_characterizations", "maximal_non_characterizations",
                "minimal_unsatisfiable", "implications", "solved", "subsets"):
        assert key in data
    assert data["axioms"] == ["F5", "R5", "R3", "R2"]
    assert data["minimal_characterizations"] == [["F5", "R5", "R3", "R2"]]
    assert {i["verdict"] for i in data["implications"]} <= {"proved", "refuted", "vacuous"}
    json.dumps(data)


def test_an_unsatisfiable_user_axiom_is_a_minimal_unsatisfiable_subset_confirmed_by_cvc5():
    with scoped_registries():
        never = define_axiom("NEVER", per_member=lambda C, i: logic.lt(logic.reward(i, C), logic.reward(i, C)))
        land = explore(["R2", never, "R5"], 2, implications=False)
        assert land.minimal_unsatisfiable() == [("NEVER",)]
        r = land.result(("NEVER",))
        assert r.verdict == "vacuous" and r.second_solver["agrees"] is True


def test_a_user_characterization_is_found_and_named():
    """R5 plus 'every member gets v_C' determines the table (no built-in's); it entails R3."""
    with scoped_registries():
        full = define_axiom("FULL", per_member=lambda C, i: logic.eq(logic.reward(i, C), logic.value(C)))
        land = explore(["R5", full, "R3"], 2, games="any", implications=False)
        assert land.minimal_characterizations() == [("R5", "FULL")]
        (c,) = land.characterizations
        assert c["mechanism"] is None and c["entails"] == ["R3"]


def test_parallel_run_gives_the_same_landscape():
    axioms = ["R2", "R3", "R5", "F5", "R4"]
    one = explore(axioms, 2, implications=False, identify=False)
    two = explore(axioms, 2, jobs=2, implications=False, identify=False)
    for s, r in one.results.items():
        assert (two.results[s].satisfiable, two.results[s].unique) == (r.satisfiable, r.unique)


def test_dask_cluster_gives_the_same_landscape():
    distributed = pytest.importorskip("distributed")
    axioms = ["R2", "R3", "R5", "F5"]
    local = explore(axioms, 2, implications=False, identify=False)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = explore(axioms, 2, scheduler=client, implications=False, identify=False)
    assert remote.minimal_characterizations() == local.minimal_characterizations()
    for s, r in local.results.items():
        assert (remote.results[s].satisfiable, remote.results[s].unique) == (r.satisfiable, r.unique)


def test_hasse_diagram_is_written(tmp_path):
    land = explore(["R2", "R3", "R5", "F5"], 2, implications=False, identify=False)
    land.plot(str(tmp_path / "hasse.png"))
    assert (tmp_path / "hasse.png").stat().st_size > 1000


def test_cli_json_and_text(tmp_path):
    out = subprocess.run([sys.executable, "-m", "exactfair", "explore", "R2,R3,R5,F5", "--n", "2", "--json"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["minimal_characterizations"] == [["R2", "R3", "R5", "F5"]] and data["subsets"] == 16
    axioms = tmp_path / "mine.py"
    axioms.write_text("from exactfair import define_axiom, logic\n"
                      "define_axiom('CAP', per_member=lambda C, i: logic.le(logic.reward(i, C), logic.value(C)))\n")
    out = subprocess.run([sys.executable, "-m", "exactfair", "explore", "CAP,R3,R5,F5", "--n", "2", "--define",
                          str(axioms)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "{CAP, R3, R5, F5}: the table of balanced-reciprocity" in out.stdout


@pytest.mark.parametrize("args, message", [
    (["BOGUS"], "unknown axiom 'BOGUS'"),
    (["R2,F4"], "F4 speaks of two games"),
    (["R2,R2"], "listed twice"),
    (["R2", "--define", "missing.py"], "no such file"),
])
def test_cli_refuses_bad_input_in_one_line(args, message):
    out = subprocess.run([sys.executable, "-m", "exactfair", "explore", *args, "--n", "2"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and message in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_every_subset_of_the_characterization_has_two_tables_and_solved_ones_show_them():
    land = explore(["R2", "R3", "R5", "F5"], 2, implications=False, identify=False)
    for size in range(4):
        for s in itertools.combinations(["R2", "R3", "R5", "F5"], size):
            r = land.result(s)
            assert r.satisfiable and r.unique is False
            if r.how == "solved":
                a, b = r.witness["tables"]
                assert a != b and r.witness["games"]
            else:
                assert r.how.startswith("implied (") and "two tables" in r.how
