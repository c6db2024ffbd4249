"""The valuation cache and the output files (issue 20, items 6, 7, 8, 12 and 15).

A cache records what produced it and refuses another function (or an edited one); one run at a time
writes it, by appending; a bad cached line is one error naming the file, the line and the coalition,
before anything is computed.  An output is never an input (the value-function module, the cache, the
other output of ``claims``, any imported module's source), and a write killed by SIGKILL leaves no
temporary file.  CLI faults run the real command; the API cases call :func:`from_function`.
"""

from __future__ import annotations

import json
import os
import signal
import time
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from exactfair.cache import CACHE_VERSION, ValuationCache
from exactfair.errors import ExactfairError, GameFileError
from exactfair.fast import random_monotone_values
from exactfair.io import read_game
from exactfair.usercode import code_fingerprint
from exactfair.valuation import from_function

from .cli_runs import run_all, start

#: The value-function module of the CLI cases.
MODULE = """
def value(C):
    return 0.5 * len(C)


def other(C):
    return 0.25 * len(C)


def slow(C):
    import time
    time.sleep(0.03)
    return 0.5 * len(C)
"""


def _module_function(name: str):
    namespace: dict = {}
    exec(compile(MODULE, "vf.py", "exec", dont_inherit=True), namespace)   # as an import compiles it
    return namespace[name]


def header(function: str = "vf:value", code: str | None = None, players=("1", "2"), version=CACHE_VERSION) -> str:
    code = code_fingerprint(_module_function(function.split(":")[1])) if code is None else code
    return json.dumps({"exactfair_cache": version, "players": list(players), "function": function, "code": code,
                       "floats": "exact"})


def entry(labels, raw) -> str:
    return json.dumps({"coalition": list(labels), "raw": raw})


GOOD = [entry(["1"], {"float": (0.5).hex()}), entry(["2"], {"float": (0.5).hex()})]

#: (cache file, its lines after the header, the fragment of the one-line error) — item 12 and item 4's cache lines
BAD_CACHES = [
    ("float_number.jsonl", [entry(["1"], {"float": 1.5})], "line 2: v({1}): 'float' must be the float.hex() text of a "
                                                            "finite float, got 1.5"),
    ("coalition_number.jsonl", ['{"coalition": 5, "raw": {"exact": "1"}}'],
     "line 2: 'coalition' must be a list of player labels ([] for ∅), got 5"),
    ("unknown_label.jsonl", [entry(["zz"], {"exact": "1"})], "line 2: the coalition ['zz'] names 'zz', who is not "
                                                             "among the players"),
    ("bad_hex.jsonl", [entry(["1"], {"float": "0xzz"})], "line 2: v({1}): 'float' must be the float.hex() text"),
    ("bad_exact.jsonl", GOOD + [entry(["1", "2"], {"exact": "abc"})], "line 4: v({1,2}) is the string 'abc'"),
    ("nan.jsonl", [entry(["2"], {"float": "nan"})], "line 2: v({2}): 'float' must be the float.hex() text of a finite"),
    ("list_line.jsonl", ['["a", "b"]'], "line 2: a cache line is an object with exactly the keys"),
    ("broken_json.jsonl", ['{"coalition": [', GOOD[0]], "line 2: malformed JSON"),
    ("conflict.jsonl", GOOD + [entry(["1"], {"exact": "7"})], "line 4: v({1}) is cached again, differently from line 2"),
    ("duplicate_key.jsonl", ['{"coalition": ["1"], "raw": {"exact": "1"}, "raw": {"exact": "2"}}'],
     "line 2: the key 'raw' is given twice"),
]
#: (cache file, whole text, fragment): headers — what produced the cache
BAD_HEADERS = [
    ("list_header.jsonl", '["not", "a", "header"]\n', "not an exactfair valuation cache"),
    ("old_format.jsonl", json.dumps({"exactfair_cache": 1, "players": ["1", "2"]}) + "\n",
     "was written in cache format 1, which does not record the value function"),
    ("other_function.jsonl", "\n".join([header("vf:other")] + GOOD) + "\n",
     "holds the values of the value function vf:other, not of vf:value"),
    ("edited_function.jsonl", "\n".join([header(code="0" * 32)] + GOOD) + "\n",
     "was written by another version of vf:value (its code has changed since"),
    ("other_players.jsonl", "\n".join([header(players=("a", "b"))] + GOOD) + "\n", "cache of a different game"),
]


def _write_files(tmp: Path) -> None:
    (tmp / "vf.py").write_text(MODULE)
    for name, lines, _ in BAD_CACHES:
        (tmp / name).write_text("\n".join([header()] + lines) + "\n")
    for name, text, _ in BAD_HEADERS:
        (tmp / name).write_text(text)
    (tmp / "game.json").write_text(json.dumps({"players": [1, 2], "values": [0, 1, 2, 3]}))


CLI_TABLE = (
    [(f"cache {name}", ["valuate", "vf:value", "--n", "2", "--cache", name, "-o", "g.json"], 2, f"{name}{fragment}"
      if fragment.startswith(",") else fragment, name) for name, _, fragment in BAD_CACHES]
    + [(f"cache {name}", ["valuate", "vf:value", "--n", "2", "--cache", name, "-o", "g.json"], 2, fragment, name)
       for name, _, fragment in BAD_HEADERS]
    + [
        # item 6: outputs are never inputs
        ("-o is the value-function module", ["valuate", "vf:value", "--n", "2", "-o", "vf.py"], 2,
         "--output vf.py is the value-function module", "vf.py"),
        ("--cache is the value-function module", ["valuate", "vf:value", "--n", "2", "--cache", "vf.py", "-o", "g.json"],
         2, "--cache vf.py is the value-function module", "vf.py"),
        ("-o is the cache", ["valuate", "vf:value", "--n", "2", "--cache", "c.jsonl", "-o", "c.jsonl"], 2,
         "--output c.jsonl is the --cache file", None),
        ("--report is --records", ["claims", "--only", "theorem5", "--report", "r.json", "--records", "r.json"], 2,
         "--report r.json is also the --records file", None),
        ("--records is exactfair's source", ["claims", "--only", "theorem5", "--records",
                                             str(Path(__file__).parents[1] / "exactfair" / "claims.py")], 2,
         "is the source of the module exactfair.claims", None),
        ("rewards -o is the game", ["rewards", "game.json", "-o", "./game.json"], 2, "is the input file", "game.json"),
    ]
)


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("caches")
    _write_files(tmp)
    before = {p.name: p.read_bytes() for p in tmp.iterdir()}
    return tmp, before, run_all(CLI_TABLE, tmp)


@pytest.mark.parametrize("name, argv, status, fragment, unchanged", CLI_TABLE, ids=[row[0] for row in CLI_TABLE])
def test_cli_cache_and_output_faults(cli_runs, name, argv, status, fragment, unchanged):
    tmp, before, out = cli_runs
    code, stdout, stderr, _ = out[name]
    lines = stderr.strip().splitlines()
    assert code == status and len(lines) == 1, stderr
    assert lines[0].startswith("exactfair: error: ") and fragment in lines[0], lines[0]
    assert "Traceback" not in stderr
    if unchanged:
        assert (tmp / unchanged).read_bytes() == before[unchanged], f"{unchanged} was changed"
    assert not (tmp / "g.json").exists() and not (tmp / "r.json").exists()
    assert not [p for p in tmp.iterdir() if p.name.endswith(".tmp")]


# ------------------------------------------------------------------------------- item 8: one writer per cache

def test_a_second_run_on_a_cache_in_use_is_refused_and_the_first_loses_nothing(tmp_path):
    (tmp_path / "vf.py").write_text(MODULE)
    first = start(["valuate", "vf:slow", "--n", "6", "--cache", "c.jsonl", "-o", "g1.json", "--quiet"], tmp_path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.05)
        cache = tmp_path / "c.jsonl"
        if cache.exists() and len(cache.read_text().splitlines()) > 3:
            break
    second = start(["valuate", "vf:slow", "--n", "6", "--cache", "c.jsonl", "-o", "g2.json", "--quiet"], tmp_path)
    _, err = second.communicate(timeout=60)
    assert second.returncode == 2 and err.strip().splitlines() == [
        "exactfair: error: c.jsonl is in use by another run (the cache is locked); wait for that run to end, or give "
        "this one another cache file"]
    first.communicate(timeout=60)
    assert first.returncode == 0
    lines = (tmp_path / "c.jsonl").read_text().splitlines()
    assert len(lines) == 65 and len({tuple(json.loads(line)["coalition"]) for line in lines[1:]}) == 64
    game = read_game(tmp_path / "g1.json")
    assert game == from_function(6, _module_function("value"), progress=False)
    assert not (tmp_path / "g2.json").exists()


# --------------------------------------------------------------------------- items 7, 8, 12 through the API

def _count_calls():
    calls = []

    def value(coalition):
        calls.append(coalition)
        return 0.5 * len(coalition)
    return value, calls


def test_cache_records_what_produced_it_and_refuses_another_function(tmp_path):
    cache = tmp_path / "c.jsonl"
    value, calls = _count_calls()
    from_function(3, value, cache=cache, progress=False, floats="decimal:3")
    head = json.loads(cache.read_text().splitlines()[0])
    assert head["function"].endswith("_count_calls.<locals>.value") and head["code"] == code_fingerprint(value)
    assert head["floats"] == "decimal:3" and head["exactfair_cache"] == CACHE_VERSION
    again = from_function(3, value, cache=cache, progress=False)        # same function, another float policy
    assert again.metadata["from_cache"] == 8 and len(calls) == 8 and again[1] == Fraction(1, 2)
    with pytest.raises(GameFileError, match="holds the values of the value function .*value, not of .*<lambda>"):
        from_function(3, lambda c: 1.0, cache=cache, progress=False)

    def value(coalition):                                               # the same name, other code
        return 2.0 * len(coalition)
    value.__qualname__ = head["function"].split(":")[1]
    with pytest.raises(GameFileError, match="written by another version of"):
        from_function(3, value, cache=cache, progress=False)
    assert len(calls) == 8


@pytest.mark.parametrize("name, lines, fragment", BAD_CACHES, ids=[row[0] for row in BAD_CACHES])
def test_bad_cached_lines_are_reported_before_anything_is_computed(tmp_path, name, lines, fragment):
    value, calls = _count_calls()
    path = tmp_path / name
    producer_header = json.loads(header())
    producer_header.update(function=f"{value.__module__}:{value.__qualname__}", code=code_fingerprint(value))
    path.write_text("\n".join([json.dumps(producer_header)] + lines) + "\n")
    with pytest.raises(GameFileError) as info:
        from_function(2, value, cache=path, progress=False)
    assert str(info.value).startswith(f"{path}, line ") and fragment.split(": ", 1)[-1] in str(info.value)
    assert calls == []                                                  # nothing computed before the error


def test_the_cache_is_locked_while_a_run_holds_it(tmp_path):
    value, _ = _count_calls()
    path = tmp_path / "c.jsonl"
    holder = ValuationCache(path, (1, 2), {"function": "x:y", "code": None, "floats": "exact"},
                            lambda raw, what: Fraction(0))
    try:
        with pytest.raises(ExactfairError, match="in use by another run"):
            from_function(2, value, cache=path, progress=False)
    finally:
        holder.close()
    path.unlink()
    assert from_function(2, value, cache=path, progress=False).metadata["computed"] == 4


def test_resuming_only_appends_and_cuts_a_torn_last_line(tmp_path):
    value, calls = _count_calls()
    path = tmp_path / "c.jsonl"
    from_function(3, value, cache=path, progress=False)
    complete = path.read_bytes()
    lines = complete.decode().splitlines(keepends=True)
    kept = "".join(lines[:4])
    path.write_text(kept + lines[4][:10])                               # a line cut short by a kill
    game = from_function(3, value, cache=path, progress=False)
    assert game.metadata == {**game.metadata, "computed": 5, "from_cache": 3}     # ∅, {1}, {2} were kept
    text = path.read_text()
    assert text.startswith(kept) and len(text.splitlines()) == 9       # earlier bytes untouched, 5 lines appended
    path.write_text(kept.rstrip("\n"))                                  # a complete last line without its newline
    assert from_function(3, value, cache=path, progress=False).metadata["from_cache"] == 3
    assert path.read_text().startswith(kept) and path.read_text().endswith("\n")


# -------------------------------------------------------------------------- item 15: no temporary file left

def _open_unnamed_files(pid: int, directory: Path) -> list[str]:
    out = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(directory)) and ("(deleted)" in target or ".tmp" in target):
            out.append(target)
    return out


def test_a_write_killed_by_sigkill_leaves_no_temporary_file(tmp_path):
    """SIGKILL can run no clean-up: the output is written to an unnamed file (O_TMPFILE), named only by the
    final rename, so a kill in the middle of the write leaves the directory as it was."""
    np.save(tmp_path / "g15.npy", random_monotone_values(15, seed=1))
    proc = start(["rewards", "g15.npy", "--format", "json", "-o", "out.json", "--quiet"], tmp_path)
    seen: list[str] = []
    deadline = time.monotonic() + 60
    while not seen and proc.poll() is None and time.monotonic() < deadline:
        try:
            seen = _open_unnamed_files(proc.pid, tmp_path)
        except OSError:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert seen, "the write was not observed (the process ended first)"
    assert all("(deleted)" in target for target in seen), seen          # never a named temporary file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g15.npy"]


def test_outputs_keep_their_modes_and_replace_whole_files(tmp_path):
    from exactfair.output import write_atomically

    target = tmp_path / "x.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_atomically(target, lambda p: Path(p).write_text("new"))
    assert target.read_text() == "new" and (target.stat().st_mode & 0o777) == 0o640

    def failing(path):
        Path(path).write_text("half")
        raise RuntimeError("disk full")
    with pytest.raises(RuntimeError):
        write_atomically(target, failing)
    assert target.read_text() == "new" and sorted(p.name for p in tmp_path.iterdir()) == ["x.txt"]
