import json
import subprocess
import sys

import pytest

from exactfair.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_rewards_example1_text(capsys):
    code, out, err = run(capsys, "rewards", "example1", "--min-size", "2")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[-1].split()[-1] == "9" and lines[1].split()[-1] == "5"


@pytest.mark.parametrize("fmt, marker", [("markdown", "| C |"), ("latex", r"\begin{tabular}"), ("json", '"rewards"')])
def test_rewards_formats(capsys, fmt, marker):
    code, out, _ = run(capsys, "rewards", "theorem5", "--format", fmt)
    assert code == 0 and marker in out


def test_rewards_json_matches_spec(capsys):
    code, out, _ = run(capsys, "rewards", "theorem5", "--mechanism", "rho-shapley", "--rho", "1", "--format", "json")
    data = json.loads(out)
    assert data["mechanism"] == "rho-shapley"
    assert {"coalition": [1, 2], "rewards": {"1": "3/2", "2": "3", "3": "3"}} in data["rewards"]


def test_check_reports_f5_failure_for_rho_shapley(capsys):
    code, out, _ = run(capsys, "check", "theorem5", "--mechanism", "rho-shapley", "--rho", "log(3,2)-1")
    assert code == 1
    assert "F5  FAILS" in out and "failed: F5" in out


def test_check_algorithm1_example1_all_hold(capsys):
    code, out, _ = run(capsys, "check", "example1", "--format", "json")
    data = json.loads(out)
    assert code == 0 and all(r["holds"] for r in data["results"])


def test_check_f3_counterexample_exit_1(capsys, tmp_path):
    path = tmp_path / "f3.json"
    path.write_text(json.dumps({"values": [0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1]}))
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1 and "F3  FAILS" in out


@pytest.mark.parametrize("content, fragment", [
    ('{"players": ["1","2"], "values": [0, 2, 1, 1]}', "requires a monotone game"),
    ('{"players": ["1"], "values": [0, "x"]}', "not a number"),
    ('{"players": ["1","2"], "values": [0, 1]}', "needs 2**2 = 4 values"),
    ("{", "malformed JSON"),
])
def test_bad_input_one_line_error_exit_2(capsys, tmp_path, content, fragment):
    path = tmp_path / "bad.json"
    path.write_text(content)
    code, out, err = run(capsys, "rewards", str(path))
    assert code == 2 and out == ""
    assert err.startswith("exactfair: error:") and fragment in err and err.count("\n") == 1


def test_allow_non_monotone(capsys, tmp_path):
    path = tmp_path / "nm.json"
    path.write_text('{"players": ["1","2"], "values": [0, 2, 1, 1]}')
    code, out, _ = run(capsys, "rewards", str(path), "--allow-non-monotone")
    assert code == 0 and "M_1" in out


def test_unknown_game_name(capsys):
    code, _, err = run(capsys, "rewards", "nosuchgame")
    assert code == 2 and "shipped examples" in err


def test_output_file_written_atomically_and_not_on_error(capsys, tmp_path):
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "rewards", "example1", "--format", "json", "--output", str(target))
    assert code == 0 and out == "" and json.loads(target.read_text())["players"] == [1, 2, 3, 4]
    bad = tmp_path / "bad.json"
    bad.write_text('{"players": ["1","2"], "values": [0, 2, 1, 1]}')
    target2 = tmp_path / "never.txt"
    code, _, _ = run(capsys, "rewards", str(bad), "--output", str(target2))
    assert code == 2 and not target2.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("argv", [["--help"], ["rewards", "--help"], ["check", "--help"]])
def test_help(capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0 and "usage:" in capsys.readouterr().out


def test_module_entry_point():
    proc = subprocess.run([sys.executable, "-m", "exactfair", "rewards", "theorem5", "--min-size", "3"],
                          capture_output=True, text=True, check=True)
    assert proc.stdout.splitlines()[0].split() == ["C", "{1,2,3}"]


def test_prove_json_records(capsys):
    code, out, _ = run(capsys, "prove", "theorem1", "--n", "2..3", "--json")
    records = json.loads(out)
    assert code == 0 and len(records) == 1
    r = records[0]
    assert set(r) >= {"claim", "verdict", "scope", "n", "witness", "repairs", "seconds"}
    assert r["verdict"] == "refuted" and r["n"] == 2 and r["witness"]["games"][0]["players"] == [1, 2]
    assert any(rep["claim"] == "theorem1+R2" and rep["verdict"] == "proved" for rep in r["repairs"])


def test_prove_text_and_all_n(capsys):
    code, out, _ = run(capsys, "prove", "theorem2.F5", "--n", "2..3")
    assert code == 0 and "n = 3: PROVED" in out and "all n: PROVED" in out


def test_prove_bad_claim_and_range(capsys):
    assert run(capsys, "prove", "theorem9")[0] == 2
    code, _, err = run(capsys, "prove", "theorem1", "--n", "5..2")
    assert code == 2 and "empty" in err


def test_search_cli(capsys):
    code, out, _ = run(capsys, "search", "F5", "--mechanism", "rho-shapley", "--rho", "1", "--n", "2", "--json")
    data = json.loads(out)
    assert code == 0 and data["verdict"] == "refuted" and data["witness"]["violation"].startswith("F5 fails")
