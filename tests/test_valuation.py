"""Games from a value function: cache, resume after a kill, float policies, parallel jobs, monotone repair."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path

import pytest

from exactfair import Game, balanced_reciprocity
from exactfair.cli import main
from exactfair.errors import ExactfairError, InexactValueError, NotMonotoneError, UserCodeError
from exactfair.io import read_game
from exactfair.valuation import convert_float, from_function


def noisy(coalition):
    return 0.1 * len(coalition) + (0.05 if coalition == (1, 2) else 0.0)


def test_float_policies_are_exact_and_recorded():
    g = from_function(3, noisy, progress=False)
    assert g[1] == Fraction(0.1) and g.metadata["floats"] == "exact"
    d = from_function(3, noisy, progress=False, floats="decimal:6")
    assert d[1] == Fraction(1, 10) and d[1, 2] == Fraction(1, 4) and d.metadata["floats"] == "decimal:6"
    assert convert_float(1 / 3, "decimal:2") == Fraction(33, 100)
    with pytest.raises(ExactfairError, match="decimal:K"):
        from_function(2, noisy, floats="round")


def test_nan_and_inf_are_refused_naming_the_coalition():
    with pytest.raises(InexactValueError, match=r"v\(\{1,2\}\) \(returned by .*<lambda>\) is nan"):
        from_function(2, lambda c: float("nan") if len(c) == 2 else 1.0, progress=False)
    with pytest.raises(InexactValueError, match=r"v\(\{2\}\) \(returned by .*\) is inf"):
        from_function(2, lambda c: float("inf") if c == (2,) else 1, progress=False)


def _fails_on_pairs(coalition):
    if len(coalition) == 2:
        raise ValueError(f"no value for {coalition}")
    return len(coalition)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_value_functions_exceptions_name_the_coalition(jobs):
    """Issue 20, item 10: in the parent or in a worker, the user's exception is one error naming the coalition,
    the function, its file and line, with the user's traceback kept."""
    with pytest.raises(UserCodeError, match=r"the value function tests.test_valuation:_fails_on_pairs for v\(\{(\d),(\d)\}\) "
                                            r"raised ValueError: no value for \(\1, \2\) \(.*test_valuation.py, line \d+\)"
                       ) as info:                           # with two workers, any pair may fail first
        from_function(3, _fails_on_pairs, progress=False, jobs=jobs)
    assert "in _fails_on_pairs" in info.value.user_traceback and "exactfair" + os.sep not in info.value.user_traceback
    with pytest.raises(ExactfairError, match="must take one argument"):
        from_function(2, lambda a, b: 1, progress=False)


def test_cache_is_reused_and_policy_can_change_without_recomputing(tmp_path):
    calls = []

    def value(c):
        calls.append(c)
        return noisy(c)
    cache = tmp_path / "v.jsonl"
    first = from_function(3, value, cache=cache, progress=False)
    assert len(calls) == 8 and first.metadata["computed"] == 8 and calls[0] == ()      # ∅ is evaluated too
    second = from_function(3, value, cache=cache, progress=False, floats="decimal:4")
    assert len(calls) == 8 and second.metadata["from_cache"] == 8 and second[1] == Fraction(1, 10)
    with pytest.raises(ExactfairError, match="different game"):
        from_function(["a", "b"], value, cache=cache, progress=False)


def test_parallel_jobs_give_the_same_game(tmp_path):
    one = from_function(5, noisy, progress=False)
    two = from_function(5, noisy, progress=False, jobs=2, cache=tmp_path / "c.jsonl")
    assert one == two


SLOW = """
import time
from pathlib import Path
DIR = Path(__file__).parent
def value(coalition):
    with open(DIR / "calls.txt", "a") as f:
        f.write(",".join(map(str, coalition)) + "\\n")
    time.sleep(0.05)
    return 0.25 * len(coalition)
"""


def test_a_killed_run_resumes_without_recomputing(tmp_path):
    (tmp_path / "slow_value.py").write_text(SLOW)
    cache = tmp_path / "cache.jsonl"
    script = ("import sys; sys.path.insert(0, sys.argv[1]); from slow_value import value; "
              "from exactfair.valuation import from_function; "
              "from_function(6, value, cache=sys.argv[2], progress=False)")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1]))
    proc = subprocess.Popen([sys.executable, "-c", script, str(tmp_path), str(cache)], env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        time.sleep(0.1)
        if cache.exists() and len(cache.read_text().splitlines()) > 10:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = {tuple(json.loads(line)["coalition"]) for line in cache.read_text().splitlines()[1:]
                   if line.strip().endswith("}")}
    assert 5 < len(done_before) < 63
    calls_before = (tmp_path / "calls.txt").read_text().splitlines()
    sys.path.insert(0, str(tmp_path))
    try:
        from slow_value import value
        game = from_function(6, value, cache=cache, progress=False)
    finally:
        sys.path.remove(str(tmp_path))
    calls = (tmp_path / "calls.txt").read_text().splitlines()[len(calls_before):]
    recomputed = {tuple(c.split(",")) for c in calls}
    assert not recomputed & done_before                       # nothing cached was computed again
    assert len(calls) == 63 - len(done_before) or len(calls) == 63 - len(done_before) + 1  # + one cut short
    assert game == Game.from_function(6, lambda c: 0.25 * len(c), progress=False)


def test_monotone_closure_repairs_and_reports():
    g = Game.from_bitmask_values([0, 2, 1, 1, 3, 2, 5, 4])
    with pytest.raises(NotMonotoneError, match="monotone_closure"):
        balanced_reciprocity(g)
    repaired, changes = g.monotone_closure()
    assert repaired.is_monotone().holds
    assert changes == [((1, 2), Fraction(1), Fraction(2)), ((1, 3), Fraction(2), Fraction(3)),
                       ((1, 2, 3), Fraction(4), Fraction(5))]
    for m in range(8):                                   # the least monotone game above g
        assert repaired.values[m] == max(g.values[s] for s in range(8) if s & m == s)
    assert repaired.monotone_closure()[1] == []


def test_cli_valuate_and_repair(tmp_path, capsys, monkeypatch):
    (tmp_path / "owners.py").write_text("def v(c):\n    return 0.5 * len(c) - (0.75 if c == ('a', 'b') else 0.0)\n")
    monkeypatch.chdir(tmp_path)
    code = main(["valuate", "owners:v", "--players", "a,b,c", "--cache", "c.jsonl", "--floats", "decimal:3",
                 "-o", "g.json", "--quiet"])
    out = capsys.readouterr().out
    assert code == 0 and "floats: decimal:3" in out and "monotone: no" in out and "8 computed now" in out
    game = read_game(tmp_path / "g.json")
    assert game.metadata["floats"] == "decimal:3" and game["a", "b"] == Fraction(1, 4)
    assert main(["rewards", "g.json"]) == 2
    assert "--repair monotone" in capsys.readouterr().err
    assert main(["check", "g.json", "--repair", "monotone"]) == 0
    assert ("repair (closure): 1 of 7 coalition values changed, the largest by 1/4 ≈ 0.25: v({a,b}) 1/4 → 1/2"
            in capsys.readouterr().out)
    code = main(["valuate", "owners:v", "--players", "a,b,c", "--cache", "c.jsonl", "-o", "g2.json", "--quiet",
                 "--repair", "monotone"])
    out = capsys.readouterr().out
    assert code == 0 and "0 computed now, 8 from the cache" in out and "repair (closure): 1 of 7" in out


# ----------------------------------------------------------------------------------------------- v(∅)

def test_the_empty_coalition_is_evaluated_and_a_nonzero_value_refused_with_the_fix():
    calls = []

    def value(c):
        calls.append(c)
        return 2.48 + len(c)                          # like shapiq's SOUM games: v(∅) ≠ 0
    with pytest.raises(ExactfairError, match=r"v\(∅\) = 62/25 ≈ 2\.48 .*: a game has v\(∅\) = 0; pass normalise_empty=True"):
        from_function(2, value, progress=False, floats="decimal:3")
    assert () in calls
    game = from_function(2, value, progress=False, floats="decimal:3", normalise_empty=True)
    assert game.values == (0, 1, 1, 2)
    assert game.metadata["empty_value"] == "62/25" and game.metadata["normalised"] is True
    assert game.metadata["empty"] == "evaluated"


def test_a_declared_empty_value_is_not_evaluated():
    def value(c):
        if not c:
            raise AssertionError("not called for ∅")
        return float(len(c))
    game = from_function(2, value, progress=False, empty=0)
    assert game.metadata["empty"] == "declared" and game.values[3] == 2
    with pytest.raises(ExactfairError, match="declared by empty="):
        from_function(2, value, progress=False, empty="1/2")
    assert from_function(2, value, progress=False, empty="1/2", normalise_empty=True).values[1] == Fraction(1, 2)


def test_a_value_function_failing_on_the_empty_coalition_names_it():
    from exactfair.errors import UserCodeError

    def value(c):
        return sum(len(x) for x in c) / len(c)        # ZeroDivisionError on ()
    with pytest.raises(UserCodeError, match=r"for v\(∅\) raised ZeroDivisionError"):
        from_function(["a", "b"], value, progress=False)


def test_game_constructors_normalise_on_request_and_say_how_otherwise():
    with pytest.raises(ExactfairError, match=r"v\(∅\) must be 0, got 1/2: .*normalise_empty=True"):
        Game.from_bitmask_values(["1/2", 1, 1, 2])
    g = Game.from_bitmask_values(["1/2", 1, 1, 2], normalise_empty=True)
    assert g.values == (0, Fraction(1, 2), Fraction(1, 2), Fraction(3, 2)) and g.metadata["empty_value"] == "1/2"
    d = Game.from_dict({(): 3, (1,): 4, (2,): 3, (1, 2): 5}, normalise_empty=True)
    assert d.values == (0, 1, 0, 2) and d.metadata["normalised"] is True
    assert Game.from_bitmask_values([0, 1], normalise_empty=True).metadata["normalised"] is False
    import numpy as np
    big = Game.from_bitmask_values(np.array([-(2 ** 62), 0, 0, 2 ** 62], dtype=np.int64), normalise_empty=True)
    assert big.values[3] == 2 ** 63                # past int64, exactly
