"""Every refutation recorded in proofs/records/ is rebuilt exactly and re-checked by the exact checker."""

import json
from pathlib import Path

import pytest

from exactfair import RewardTable, balanced_reciprocity, check_axiom, check_pair
from exactfair.io import parse_game_json

RECORDS = Path(__file__).resolve().parent.parent / "proofs" / "records"


def _game(d):
    return parse_game_json(json.dumps(d))


def _table(game, d):
    by_coalition = {frozenset(e["coalition"]): e["rewards"] for e in d["rewards"]}
    rows = []
    for mask in range(1 << game.n):
        rewards = by_coalition[frozenset(game.labels(mask))]
        rows.append([rewards[str(p)] for p in game.players])
    return RewardTable.from_rows(game, d["mechanism"], rows)


def _refutations():
    out = []
    for name in ("corollaries", "theorem1", "theorem2"):
        data = json.loads((RECORDS / f"{name}.json").read_text())
        for claim, result in data["results"].items():
            for verdict in result["per_n"]:
                if verdict["verdict"] == "refuted":
                    out.append(pytest.param(claim, verdict["witness"], id=f"{claim}-n{verdict['n']}"))
    return out


@pytest.mark.parametrize("claim, witness", _refutations())
def test_recorded_witness_still_refutes(claim, witness):
    games = [_game(g) for g in witness["games"]]
    owners = games if len(games) == len(witness["tables"]) else games * len(witness["tables"])
    tables = [_table(g, t) for g, t in zip(owners, witness["tables"])]
    base, _, axiom = claim.partition(".")
    if base == "theorem1":
        a, b = tables
        assert a.rewards != b.rewards
        assert all(check_axiom(x, t).holds for x in ("R3", "R5", "F5") for t in (a, b))
    elif base == "theorem2":
        assert games[0].is_monotone().holds
        assert not check_axiom(axiom, balanced_reciprocity(games[0])).holds
    else:  # corollary4: tables satisfy R3, R5, F5 but not the axiom
        assert all(g.is_monotone().holds for g in games)
        assert all(check_axiom(x, t).holds for x in ("R3", "R5", "F5") for t in tables)
        result = check_pair(tables[0], tables[1], axiom) if axiom == "F4" else check_axiom(axiom, tables[0])
        assert not result.holds


def test_there_are_recorded_refutations():
    assert len(_refutations()) >= 8
