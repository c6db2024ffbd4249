"""rewards/check/valuate: every mechanism by name or from a file, repairs with their size, values you can read."""

import json
import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from exactfair.cli import build_parser, main
from exactfair.io import read_game

ENV = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1]))

MECHANISM_FILE = """
from exactfair import define_mechanism, logic, RewardTable, shapley

HALF = define_mechanism("half-of-v", per_member=lambda C, i: logic.value(C) / 2)

def doubled_shapley(game):
    t = shapley(game)
    return RewardTable.from_array(game, "doubled-shapley", 2 * t.to_numpy()[0], t.to_numpy()[1])

NOT_A_MECHANISM = 3

def broken(game):
    raise RuntimeError("no table today")
"""


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", ["balanced-reciprocity", "shapley", "banzhaf", "equal-split", "rho-shapley"])
def test_every_builtin_mechanism_in_rewards_and_check(capsys, name):
    code, out, _ = run(capsys, "rewards", "example1", "--mechanism", name, "--format", "json")
    assert code == 0 and json.loads(out)["mechanism"] == name
    code, out, _ = run(capsys, "check", "example1", "--mechanism", name, "--quiet")
    assert code in (0, 1) and f"mechanism: {name}" in out and "F4" in out


def test_banzhaf_certificate_on_example1(capsys):
    code, out, _ = run(capsys, "check", "example1", "--mechanism", "banzhaf", "--quiet", "--format", "json")
    results = {r["axiom"]: r["holds"] for r in json.loads(out)["results"]}
    assert results["F4"] is True and results["R3"] is False      # an index: nobody need get v(C)


def test_a_mechanism_from_your_file(capsys, tmp_path, monkeypatch):
    (tmp_path / "mine.py").write_text(MECHANISM_FILE)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "rewards", "example1", "--mechanism", "mine.py:HALF", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["mechanism"] == "half-of-v"
    assert {"coalition": [1, 2, 3, 4], "rewards": {"1": "9/2", "2": "9/2", "3": "9/2", "4": "9/2"}} in data["rewards"]
    code, out, _ = run(capsys, "check", "example1", "--mechanism", "mine.py:HALF", "--quiet")
    assert code == 1 and "mechanism: half-of-v" in out and "F4  holds" in out
    code, out, _ = run(capsys, "rewards", "example1", "--mechanism", "mine.py:doubled_shapley", "--min-size", "4")
    assert code == 0 and "17/2" in out                           # 2 × Shapley's 17/4
    # the file registered nothing for good: the name is free again
    from exactfair.registry import MECHANISM_REGISTRY
    assert "half-of-v" not in MECHANISM_REGISTRY


@pytest.mark.parametrize("spec, message", [
    ("median", "unknown mechanism 'median'; registered: balanced-reciprocity, shapley, banzhaf, equal-split"),
    ("mine.py:MISSING", "mine.py defines no 'MISSING'; its mechanisms (define_mechanism): HALF"),
    ("mine.py:NOT_A_MECHANISM", "mine.py:NOT_A_MECHANISM is int, not a mechanism"),
    ("nowhere.py:X", "no such mechanism file: nowhere.py"),
    ("mine.py:broken", "raised RuntimeError: no table today (mine.py, line 13)"),
])
def test_bad_mechanisms_are_one_line(capsys, tmp_path, monkeypatch, spec, message):
    (tmp_path / "mine.py").write_text(MECHANISM_FILE)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "rewards", "example1", "--mechanism", spec)
    assert code == 2 and out == ""
    assert err.startswith("exactfair: error: ") and len(err.strip().splitlines()) == 1 and message in err, err


def test_decimals_is_display_only(capsys):
    code, out, _ = run(capsys, "rewards", "example1", "--mechanism", "shapley", "--decimals", "3", "--min-size", "4")
    assert code == 0 and "1.583" in out and "19/12" not in out             # 19/12 shown rounded
    code, out, _ = run(capsys, "rewards", "example1", "--mechanism", "shapley", "--decimals", "3", "--format", "json")
    assert "19/12" in out                                                 # JSON stays exact
    with pytest.raises(SystemExit) as exit_:
        main(["rewards", "example1", "--decimals", "101"])
    assert exit_.value.code == 2 and "--decimals: must be from 0 to 100, got 101" in capsys.readouterr().err


def test_repairs_report_their_size_and_write_every_change(capsys, tmp_path):
    values = [0] + [1] * 15
    values[1] = 9                                                         # v({1}) = 9 above everything
    (tmp_path / "g.json").write_text(json.dumps({"players": ["1", "2", "3", "4"], "values": values}))
    game = str(tmp_path / "g.json")
    code, out, _ = run(capsys, "check", game, "--repair", "closure", "--quiet")
    assert "repair (closure): 7 of 15 coalition values changed, the largest by 8" in out
    assert "--repair-changes FILE lists them all" in out
    changes = tmp_path / "changes.csv"
    code, out, _ = run(capsys, "check", game, "--repair", "linf", "--repair-changes", str(changes), "--quiet")
    assert "repair (linf): " in out and "the largest by 4" in out and f"every change in {changes}" in out
    rows = changes.read_text().splitlines()
    assert rows[0] == "coalition,old,new,change" and len(rows) - 1 == int(out.split("repair (linf): ")[1].split()[0])
    as_json = tmp_path / "changes.json"
    code, out, _ = run(capsys, "check", game, "--repair", "linf", "--repair-changes", str(as_json), "--format", "json",
                       "--quiet")
    record = json.loads(out)["repair"]
    assert record["kind"] == "linf" and record["largest"] == "4"
    assert json.loads(as_json.read_text())["changed"] == record["changed"]
    code, _, err = run(capsys, "check", game, "--repair-changes", str(changes))
    assert code == 2 and "--repair-changes needs --repair" in err
    code, _, err = run(capsys, "check", game, "--repair", "linf", "--repair-changes", game)
    assert code == 2 and "--repair-changes" in err and json.loads((tmp_path / "g.json").read_text())["values"] == values


def test_compare_and_plot_one_coalition(capsys, tmp_path):
    code, out, _ = run(capsys, "rewards", "example1", "--compare", "shapley,banzhaf", "--coalition", "1,3")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["player", "balanced-reciprocity", "shapley", "banzhaf"]
    assert [line.split()[0] for line in lines[1:3]] == ["1", "3"] and lines[-1] == "v(C) = 4 for C = {1,3}"
    png = tmp_path / "r.png"
    code, out, _ = run(capsys, "rewards", "example1", "--compare", "shapley", "--plot", str(png), "--quiet")
    assert code == 0 and png.read_bytes().startswith(b"\x89PNG") and f"plot written to {png}" in out
    code, _, err = run(capsys, "rewards", "example1", "--coalition", "1,9")
    assert code == 2 and "--coalition names '9', not among the players 1, 2, 3, 4" in err


def test_help_names_every_game_format():
    text = build_parser()._subparsers._group_actions[0].choices["rewards"].format_help()
    assert ".npy" in text and ".npz" in text and "example1-t" in text


def test_parametric_rewards_print_breakpoints_and_axiom_regions(capsys):
    code, out, _ = run(capsys, "rewards", "example1-t")
    assert code == 0
    assert "breakpoints of the grand coalition's rewards: t = 3" in out
    assert "F5: proved on the whole admissible region" in out and "R2: proved on the whole admissible region" in out


# ----------------------------------------------------------------------------------------------- valuate
VALUE_MODULE = """
def accuracy(coalition):
    return 0.1 + 0.2 * len(coalition) - (0.3 if coalition == ("a", "b") else 0.0)

def zero_based(coalition):
    return 0.25 * len(coalition)
"""


def test_valuate_refuses_a_nonzero_empty_value_and_normalises_on_request(capsys, tmp_path, monkeypatch):
    (tmp_path / "vf.py").write_text(VALUE_MODULE)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "valuate", "vf:accuracy", "--players", "a,b,c", "-o", "g.json", "--floats", "decimal:3")
    assert code == 2 and "v(∅) = 1/10 ≈ 0.1 (returned by vf:accuracy for the empty coalition ())" in err
    assert "--normalise-empty" in err and not (tmp_path / "g.json").exists()
    code, out, err = run(capsys, "valuate", "vf:accuracy", "--players", "a,b,c", "-o", "g.json", "--floats",
                         "decimal:3", "--normalise-empty", "--quiet")
    assert code == 0
    assert "v(∅): 1/10 (evaluated), subtracted from every value (--normalise-empty)" in out
    game = read_game(tmp_path / "g.json")
    assert game["a"] == Fraction(1, 5) and game.metadata["empty_value"] == "1/10"
    code, out, _ = run(capsys, "valuate", "vf:zero_based", "--n", "2", "-o", "h.json", "--empty", "0", "--quiet")
    assert code == 0 and "v(∅): 0 (declared)" in out


def test_valuate_certifies_mechanisms_with_a_reported_repair(capsys, tmp_path, monkeypatch):
    (tmp_path / "vf.py").write_text(VALUE_MODULE)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "valuate", "vf:accuracy", "--players", "a,b,c", "-o", "g.json", "--floats", "decimal:3",
                       "--normalise-empty", "--repair", "linf", "--mechanism", "balanced-reciprocity,shapley,banzhaf",
                       "--decimals", "3", "--quiet")
    assert code == 0, out
    assert "repair (linf): 3 of 7 coalition values changed, the largest by 0.050" in out      # closure: 1 by 0.1
    assert "monotone: no — v({b}) = 1/5 > v({a,b}) = 1/10 (repaired below)" in out
    assert "certificate balanced-reciprocity: R1✓ R2✓ R3✓ R4✓ R5✓ F1✓ F2✓" in out
    assert "certificate shapley:" in out and "certificate banzhaf:" in out
    header = [line for line in out.splitlines() if line.startswith("player ")][0]
    assert header.split() == ["player", "balanced-reciprocity", "shapley", "banzhaf"]
    code, _, err = run(capsys, "valuate", "vf:accuracy", "--n", "2", "-o", "x.json", "--mechanism", "nope")
    assert code == 2 and "unknown mechanism 'nope'" in err and not (tmp_path / "x.json").exists()


# ----------------------------------------------------------------------------------------------- progress
def _stderr(argv, cwd, seconds="0.3"):
    proc = subprocess.run([sys.executable, "-m", "exactfair", *argv], cwd=cwd, capture_output=True, text=True,
                          env=dict(ENV, EXACTFAIR_PROGRESS_SECONDS=seconds), timeout=300)
    return proc.returncode, proc.stderr


SLOW_MODULE = """
import time
def slow(coalition):
    time.sleep(0.15)
    return float(len(coalition))
"""


@pytest.mark.parametrize("argv, marker", [
    (["valuate", "vf:slow", "--n", "3", "-o", "g.json"], "exactfair: valuating coalitions"),
    (["prove", "theorem2.F5", "--n", "2..3", "--no-repairs"], "exactfair: prove theorem2.F5"),
    (["claims", "--only", "paper.theorem2.R1"], "exactfair: [1/1] paper.theorem2.R1: proved"),
])
def test_progress_off_a_terminal_and_quiet(tmp_path, argv, marker):
    (tmp_path / "vf.py").write_text(SLOW_MODULE)
    code, err = _stderr(argv, tmp_path)
    assert code == 0 and marker in err, err
    code, err = _stderr(argv + ["--quiet"], tmp_path)
    assert code == 0 and err == ""


def test_claims_say_which_n_bounded_the_checks(capsys):
    assert main(["claims", "--only", "paper.theorem5", "--n-max", "5", "--quiet"]) == 0
    assert "bounded checks up to n = 5 (--n-max 5)" in capsys.readouterr().out


def test_proofs_scripts_report_progress_off_a_terminal_and_quiet():
    root = Path(__file__).parents[1]
    run = lambda *extra: subprocess.run([sys.executable, "-m", "proofs.examples", "--no-record", *extra],  # noqa: E731
                                        cwd=root, capture_output=True, text=True, timeout=300,
                                        env=dict(ENV, EXACTFAIR_PROGRESS_SECONDS="0.3"))
    loud, quiet = run(), run("--quiet")
    assert loud.returncode == quiet.returncode == 0
    assert "exactfair: paper.example1.table: proved" in loud.stderr and quiet.stderr == ""
    assert loud.stdout == quiet.stdout


def test_fewest_changes_repair_on_the_command_line(capsys, tmp_path):
    values = [0, 5, 1, 3]
    (tmp_path / "g.json").write_text(json.dumps({"players": ["1", "2"], "values": values}))
    code, out, _ = run(capsys, "check", str(tmp_path / "g.json"), "--repair", "fewest", "--quiet")
    assert "repair (fewest): 1 of 3 coalition values changed, the largest by 2: v({1}) 5 → 3" in out
