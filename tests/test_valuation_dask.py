"""Valuation on a Dask cluster (a local one here): the same cache, resume and float policy as local runs."""

import json
from fractions import Fraction

import pytest

from exactfair import Game
from exactfair.cli import main
from exactfair.errors import UserCodeError
from exactfair.io import read_game

distributed = pytest.importorskip("distributed")


def accuracy(coalition):
    return 0.1 * len(coalition) + (0.05 if "b" in coalition else 0.0)


def fails_on_ab(coalition):
    if coalition == ("a", "b"):
        raise ValueError("no model for this one")
    return float(len(coalition))


@pytest.fixture(scope="module")
def client():
    # one worker process, one thread (as claims --scheduler is tested): the values come back to this process
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) \
            as cluster, distributed.Client(cluster) as client:
        yield client


def test_same_game_cache_and_policy_as_a_local_run(client, tmp_path):
    local = Game.from_function(["a", "b", "c"], accuracy, cache=tmp_path / "local.jsonl", floats="decimal:3",
                               progress=False)
    remote = Game.from_function(["a", "b", "c"], accuracy, cache=tmp_path / "remote.jsonl", floats="decimal:3",
                                progress=False, scheduler=client)
    assert remote == local and remote["a", "b"] == Fraction(1, 4)
    assert remote.metadata["computed"] == 8 and remote.metadata["scheduler"]
    lines = lambda p: sorted((tmp_path / p).read_text().splitlines()[1:])      # noqa: E731
    assert lines("remote.jsonl") == lines("local.jsonl")                       # the same raw values, bit-exact
    again = Game.from_function(["a", "b", "c"], accuracy, cache=tmp_path / "remote.jsonl", floats="exact",
                               progress=False, scheduler=client)
    assert again.metadata["computed"] == 0 and again.metadata["from_cache"] == 8      # resumed: nothing to send
    assert again["a"] == Fraction(0.1)                                                # another policy, same raw


def test_resume_sends_only_the_missing_coalitions(client, tmp_path):
    cache = tmp_path / "c.jsonl"
    Game.from_function(["a", "b", "c"], accuracy, cache=cache, progress=False)
    text = cache.read_text().splitlines()
    cache.write_text("\n".join(text[:4]) + "\n")                   # header and 3 values: a run cut short
    game = Game.from_function(["a", "b", "c"], accuracy, cache=cache, progress=False, scheduler=client)
    assert game.metadata["computed"] == 5 and game.metadata["from_cache"] == 3
    assert len(cache.read_text().splitlines()) == 9


def test_an_error_on_a_worker_is_one_error_naming_the_coalition(client, tmp_path):
    with pytest.raises(UserCodeError, match=r"for v\(\{a,b\}\) raised ValueError: no model for this one"):
        Game.from_function(["a", "b"], fails_on_ab, cache=tmp_path / "c.jsonl", progress=False, scheduler=client)
    kept = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text().splitlines()[1:]]
    assert ["a", "b"] not in [entry["coalition"] for entry in kept]        # what finished was kept, nothing else


def test_cli_valuate_on_a_scheduler_address(client, tmp_path, monkeypatch, capsys):
    (tmp_path / "owners.py").write_text("def v(c):\n    return 0.5 * len(c)\n")   # importable here only
    monkeypatch.chdir(tmp_path)
    address = client.scheduler.address
    code = main(["valuate", "owners:v", "--players", "a,b,c", "--scheduler", address, "--cache", "c.jsonl",
                 "-o", "g.json", "--quiet"])
    out = capsys.readouterr().out
    assert code == 0 and f"8 computed now, on the Dask cluster {address}" in out
    assert read_game(tmp_path / "g.json")["a", "b", "c"] == Fraction(3, 2)
    code = main(["valuate", "owners:v", "--n", "2", "--scheduler", address, "--jobs", "2", "-o", "h.json"])
    assert code == 2 and "not both" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_one_line(tmp_path, monkeypatch, capsys):
    (tmp_path / "owners.py").write_text("def v(c):\n    return 0.5 * len(c)\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("exactfair.valuation.SCHEDULER_CONNECT_SECONDS", 2)
    code = main(["valuate", "owners:v", "--n", "2", "--scheduler", "tcp://127.0.0.1:9", "-o", "g.json", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("exactfair: error: --scheduler tcp://127.0.0.1:9: cannot reach") \
        and len(err.strip().splitlines()) == 1
