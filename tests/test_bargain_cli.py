"""`exactfair bargain` on hostile and malformed input.

Every row must exit with status 2, print exactly one line on stderr — ``exactfair: error:`` and the
fragment — and no traceback, and no input may run code (the canary file stays absent).  The rows of
``SUBPROCESS`` run as real commands (all started at once; issue 20's four shapes among them), the
others through ``main()`` in this process — the same code path without the interpreter start-up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

CANARY = "exactfair_canary_ran"
PAYLOAD = f"__import__('pathlib').Path('{CANARY}').touch()"

GAME = {"players": ["A", "B"], "actions": [["L", "H"], ["L", "H"]],
        "payoffs": [{"profile": [a, b], "utilities": ["1", "2"]} for a in "LH" for b in "LH"],
        "fair_sets": [{"utility": "U1 <= U2"}, {"set": "B_L >= 0"}]}


def _files() -> dict[str, str]:
    def game(**change) -> str:
        return json.dumps({**GAME, **change})
    return {
        "top_string.json": json.dumps("a string"),
        "top_list.json": json.dumps([1, 2, 3]),
        "string_fair_set.json": game(fair_sets=["U1 <= U2", {"set": "B_L >= 0"}]),
        "fair_sets_string.json": game(fair_sets="U1 >= U2"),
        "nfg_number.json": json.dumps({"nfg": 5, "fair_sets": [{"set": "p >= 0"}, {"set": "q >= 0"}]}),
        "coordinates_number.json": game(coordinates=5),
        "legacy_coordinates_number.json": json.dumps({"coordinates": 5, "utilities": ["p", "q"],
                                                      "fair_sets": [{"set": "p >= 0"}, {"set": "q >= 0"}]}),
        "no_fair_sets.json": json.dumps({k: v for k, v in GAME.items() if k != "fair_sets"}),
        "float_payoff.json": game(payoffs=[{"profile": ["L", "L"], "utilities": [0.5, "1"]}]),
        "missing_profile.json": game(payoffs=GAME["payoffs"][:-1]),
        "code_map.json": game(fair_sets=[{"map": [PAYLOAD]}, {"set": "B_L >= 0"}]),
        "code_utility.json": game(fair_sets=[{"utility": PAYLOAD}, {"set": "B_L >= 0"}]),
        "code_payoff.json": game(payoffs=[{"profile": ["L", "L"], "utilities": [PAYLOAD, "1"]}] + GAME["payoffs"][1:]),
        "code_profile.json": game(payoffs=[{"profile": [PAYLOAD, "L"], "utilities": ["1", "1"]}] + GAME["payoffs"][1:]),
        "newline_label.json": game(actions=[["L", "H"], ["L\nTraceback (most recent call last):", "H"]]),
        "newline_player.json": game(players=["A\nTraceback", "B"], actions=[["L"], ["L", "H"]]),
        "huge_game.json": game(players=["A", "B", "C"], actions=[[str(k) for k in range(100)]] * 3),
        "nfg_missing.json": json.dumps({"nfg": "missing.nfg", "fair_sets": [{"set": "p >= 0"}, {"set": "q >= 0"}]}),
        "bad_map_length.json": game(fair_sets=[{"map": ["A_L", "A_L"]}, {"set": "B_L >= 0"}]),
        "reserved_coordinate.json": game(coordinates=[["U1"], ["b"]]),
        "unknown_key.json": game(fair_set=[]),
        "deep.json": "[" * 100000 + "]" * 100000,
        "ok.json": game(),
    }


#: (name, argv, fragment of the one stderr line)
SUBPROCESS = [
    ("a string at top level", ["top_string.json"], "JSON object"),
    ("a string fair set", ["string_fair_set.json"], "fair_sets[0] must be an object"),
    ('"nfg": 5', ["nfg_number.json"], "'nfg' must be the path"),
    ('"coordinates": 5', ["coordinates_number.json"], "'coordinates' must be a list"),
    ("code in a map", ["code_map.json"], "f1 for A_L"),
    ("a label with a newline", ["newline_label.json"], "is not an action of B"),
    ("a million profiles", ["huge_game.json"], "at most 4096"),
    ("JSON nested 100,000 deep", ["deep.json"], "deep"),
]
IN_PROCESS = [
    ("a list at top level", ["top_list.json"], "JSON object"),
    ("fair_sets a string", ["fair_sets_string.json"], "'fair_sets' must be a list"),
    ('"coordinates": 5 with utilities', ["legacy_coordinates_number.json"], "coordinates"),
    ("no fair sets", ["no_fair_sets.json"], "missing key 'fair_sets'"),
    ("a float payoff", ["float_payoff.json"], "float"),
    ("a missing profile", ["missing_profile.json"], "no entry for the profile"),
    ("code in a utility condition", ["code_utility.json"], "utility condition"),
    ("code in a payoff", ["code_payoff.json"], "not a number"),
    ("code in a profile", ["code_profile.json"], "is not an action of A"),
    ("a player with a newline", ["newline_player.json"], "needs at least two"),
    ("a missing .nfg file", ["nfg_missing.json"], "missing.nfg"),
    ("a map of the wrong length", ["bad_map_length.json"], "one expression per coordinate"),
    ("a reserved coordinate name", ["reserved_coordinate.json"], "reserved"),
    ("an unknown key", ["unknown_key.json"], "unknown key 'fair_set'"),
    ("a missing file", ["nothing.json"], "nothing.json"),
    ("an unknown shipped name", ["no-such-example"], "no-such-example"),
    ("--order with a stranger", ["ok.json", "--order", "A,Z"], "'Z' is neither a player"),
    ("--order twice the same", ["ok.json", "--order", "1,1"], "every player once"),
    ("--timeout 0", ["ok.json", "--timeout", "0"], "positive"),
    ("--plot is the input", ["ok.json", "--plot", "ok.json"], "is the input file"),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bargain-hostile")
    files = _files()
    for name, text in files.items():
        (tmp / name).write_text(text, encoding="utf-8")
    return tmp, files


@pytest.fixture(scope="module")
def runs(folder):
    tmp, files = folder
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1]))
    procs = [subprocess.Popen([sys.executable, "-m", "exactfair", "bargain", *argv], cwd=tmp, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _, argv, _ in SUBPROCESS]
    out = {}
    for (name, *_), proc in zip(SUBPROCESS, procs):
        try:
            stdout, stderr = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, stderr = proc.communicate()
            out[name] = (None, stdout, stderr)
            continue
        out[name] = (proc.returncode, stdout, stderr)
    return out


def _check(tmp: Path, files: dict, code, stdout: str, stderr: str, fragment: str) -> None:
    assert code == 2, (code, stderr)
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("exactfair: error: ") and fragment in lines[0], lines[0]
    assert "Traceback (most recent" not in stdout
    assert not (tmp / CANARY).exists(), "an input ran code"
    assert (tmp / "ok.json").read_text(encoding="utf-8") == files["ok.json"]


@pytest.mark.parametrize("name, argv, fragment", SUBPROCESS, ids=[row[0] for row in SUBPROCESS])
def test_bargain_command_refuses_cleanly(folder, runs, name, argv, fragment):
    tmp, files = folder
    _check(tmp, files, *runs[name], fragment)


@pytest.mark.parametrize("name, argv, fragment", IN_PROCESS, ids=[row[0] for row in IN_PROCESS])
def test_bargain_refuses_cleanly(folder, name, argv, fragment, capsys, monkeypatch):
    from exactfair.cli import main
    tmp, files = folder
    monkeypatch.chdir(tmp)
    try:
        code = main(["bargain", *argv])
    except SystemExit as exc:                     # argparse refusing an option value
        code = exc.code
    captured = capsys.readouterr()
    _check(tmp, files, code, captured.out, captured.err, fragment)


def test_a_valid_file_runs(tmp_path):
    (tmp_path / "ok.json").write_text(json.dumps(GAME))
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1]))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "exactfair", "bargain", "ok.json", "--json"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["nonempty"] == "proved" and data["outcome"] is not None and time.perf_counter() - start < 60
