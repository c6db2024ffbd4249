"""Guards are tested by breaking things: every semantic mutant of the prover must move its claim off 'proved'.

Each mutant is injected through a seam of the code (an axiom's conclusion builder, a line of the
Algorithm 1 relation, a game class, a lemma's induction hypothesis, the second solver) and the
claim it supports is re-run.  Each claim is first shown to be proved without the mutant, so a kill
is the mutant's doing.
"""

import json
from pathlib import Path

import pytest

from proofs.mutations import MUTANTS, RECORD, run_mutant


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m[0] for m in MUTANTS])
def test_mutant_is_killed(mutant):
    name, claim, inject, run = mutant[:4]
    baseline = mutant[5] if len(mutant) > 5 else "proved"
    assert run() == baseline, f"{claim} must be {baseline} without the mutant"
    result = run_mutant(*mutant)
    assert result["killed"], f"mutant survived: {name} left {claim} {result['outcome']}"
    assert run() == baseline, "the mutant leaked out of its context"


def test_at_least_fifteen_mutants_and_the_record_agrees():
    assert len(MUTANTS) >= 15
    record = json.loads(Path(RECORD).read_text())
    assert record["total"] == len(MUTANTS) and record["killed"] == record["total"]
    assert {m["mutant"] for m in record["mutants"]} == {m[0] for m in MUTANTS}
    report = (Path(__file__).parents[1] / "proofs" / "REPORT.md").read_text()
    assert f"mutation score {record['score']}" in report


@pytest.mark.parametrize("lemma", ["L-F5", "L-R2", "L-R1", "L-R4", "L-R3", "L-R5", "L-F1", "L-F2", "L-F4", "L-U",
                                   "L-U+R2"])
@pytest.mark.parametrize("n", [3, 4])
def test_lemma_instances_are_supplied_by_the_induction(lemma, n):
    from exactfair.smt.instances import check_instances
    assert check_instances(lemma, n) == []


@pytest.mark.slow
@pytest.mark.parametrize("lemma", ["L-F5", "L-R2", "L-R1", "L-R4", "L-R3", "L-R5", "L-F2", "L-F4", "L-U+R2"])
def test_lemma_instances_are_supplied_by_the_induction_at_five(lemma):
    from exactfair.smt.instances import check_instances
    assert check_instances(lemma, 5) == []


def test_instance_check_catches_a_circular_induction_hypothesis():
    from unittest import mock

    from exactfair.smt import lemmas
    from exactfair.smt.instances import check_instances
    from proofs.mutations import _ih_f5_circular
    with mock.patch.object(lemmas, "_ih_f5", _ih_f5_circular):
        problems = check_instances("L-F5", 3)
    assert problems and "speaks of C itself" in problems[0]
