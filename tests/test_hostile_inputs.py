"""Hostile inputs: data is never code, bad input and faults end in one clear line.

The table below is run through the real command (a subprocess each, all started at once):
every row must exit with the given status within seconds, print exactly one line on stderr
containing the fragment, no traceback, and leave the files it must not touch unchanged.
A second group feeds code-running strings through every entry point that takes an
expression (API and CLI) with ``eval``/``exec``/sympy's string parser trapped.
"""

from __future__ import annotations

import builtins
import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path

import pytest
import sympy

from .cli_runs import run_all

CANARY = "exactfair_canary_ran"
#: A payload that, if evaluated as Python, creates the canary file in the working directory.
PAYLOAD = f"__import__('pathlib').Path('{CANARY}').touch()"
PAYLOADS = [
    PAYLOAD,
    f"Symbol('x').__class__.__init__.__globals__['__builtins__']['exec'](\"open('{CANARY}','w')\")",
    f"exec(\"open('{CANARY}','w')\")",
    f"lambda: open('{CANARY}', 'w')",
    f"t + eval(\"open('{CANARY}','w')\")",
    "t.__class__",
    "[t for t in (1,)]",
    "t; import os",
]


#: A value-function module for ``valuate``: well-behaved and failing functions.
VALUE_MODULE = """
def value(C):
    return 0.5 * len(C)


def raises_value_error(C):
    if len(C) == 2:
        raise ValueError("bad split")
    return len(C)


def raises(C):
    return {}["missing"] if len(C) == 2 else len(C)


def two_args(a, b):
    return 1


def returns_none(C):
    return None


def exits(C):
    raise SystemExit(3)


def sleepy(C):
    import time
    time.sleep(60)
    return 0.5 * len(C)
"""


def _files(tmp: Path) -> dict:
    parametric = {"players": ["a", "b"], "values": [0, 1, "t", 3], "parameters": {"t": {"min": 0, "max": 2}}}
    files = {
        "e1.json": (Path(__file__).parents[1] / "exactfair" / "data" / "example1.json").read_text(),
        "code_value.json": json.dumps({**parametric, "values": [0, 1, PAYLOAD, 3]}),
        "code_bound.json": json.dumps({**parametric, "parameters": {"t": {"min": PAYLOAD}}}),
        "code_bargain.json": json.dumps({"coordinates": ["p", "q"], "utilities": ["2*q - p", "2*p - q"],
                                         "fair_sets": [{"map": PAYLOAD}, {"set": "p >= q"}]}),
        "code_bargain_utility.json": json.dumps({"coordinates": ["p", "q"], "utilities": [PAYLOAD, "2*p - q"],
                                                 "fair_sets": [{"set": "p <= q"}, {"set": "p >= q"}]}),
        "huge_exponent.json": '{"players": ["a"], "values": [0, 1e-99999999]}',
        "huge_exponent_string.json": '{"players": ["a"], "values": [0, "1e99999999"]}',
        "huge_exponent.csv": "coalition,value\n,0\na,1e-99999999\n",
        "huge_int.json": '{"players": ["a"], "values": [0, ' + "7" * 20000 + "]}",
        "no_players.json": '{"players": [], "values": [0]}',
        "parametric.json": json.dumps(parametric),
        "deep.json": "[" * 100000 + "]" * 100000,
        "not_utf8.json": "\udcff",
        # issue 20: malformed data
        "long_field.csv": "coalition,value\n,0\na," + "1" * 140_000 + "\n",
        "nul.csv": "coalition,value\n,0\n\"a\0\",1\n",
        "dup_values.json": '{"players": ["a"], "values": [0, 1], "values": [0, 2]}',
        "dup_in_entry.json": '{"players": ["a"], "values": [{"coalition": ["a"], "value": 1, "value": 2}]}',
        "dup_players.json": '{"players": ["a"], "players": ["b"], "values": [0, 1]}',
        "huge.nfg": 'NFG 1 R "x" { "1" "2" } { 4000000000 4000000000 }\n1 2\n',
        "labels.nfg": 'NFG 1 R "x" { ' + '"p" ' * 40 + '} { ' + '{ "a" "b" } ' * 40 + '}\n1 2\n',
        "huge_nfg.json": json.dumps({"coordinates": ["p", "q"], "nfg": "huge.nfg",
                                     "fair_sets": [{"set": "p <= q"}, {"set": "p >= q"}]}),
        "labels_nfg.json": json.dumps({"coordinates": ["p", "q"], "nfg": "labels.nfg",
                                       "fair_sets": [{"set": "p <= q"}, {"set": "p >= q"}]}),
        "param_entry.json": json.dumps({**parametric, "values": [{"value": "t"}]}),
        "param_coalition.json": json.dumps({**parametric, "values": [{"coalition": 5, "value": "t"}]}),
        "param_twice.json": json.dumps({**parametric, "values": [
            {"coalition": ["a"], "value": 1}, {"coalition": ["b"], "value": 2}, {"coalition": ["a", "b"], "value": "t"},
            {"coalition": ["b", "a"], "value": 3}]}),
        # issue 20, item 5: labels that would break a message or an output format
        "nul.csv": "coalition,value\n,0\n\"a\0\",1\n",
        "escape.csv": "coalition,value\n,0\na\x1b[31m,1\n",
        "forged.json": json.dumps({"players": ['a\n  File "x", line 1, in <module>', "b"], "values": [0, 1, 2, 3]}),
        "separator.json": json.dumps({"players": ["a\u2028b", "c"], "values": [0, 1, 2, 3]}),
        "bidi.json": json.dumps({"players": ["a\u202eb", "c"], "values": [0, 1, 2, 3]}),
        "label_parametric.json": json.dumps({**parametric, "players": ["a\nb", "c"]}),
        "bad\nname.json": "{}",
        "vf.py": VALUE_MODULE,
        # item 10: the user's own code fails
        "syntax_error.py": "def f(:\n    return 1\n",
        "import_error.py": "import exactfair_no_such_module\n",
        "raises_on_import.py": "x = 1\ny = x / 0\n",
        "exits_on_import.py": "import sys\nsys.exit(4)\n",
        "claims_syntax.py": "CLAIMS = [\n",
        "claims_name_error.py": "from exactfair import Claim\nCLAIMS = [Claim('shapley', conclude=EFF)]\n",
        "claims_none_at_4.py": ("from exactfair import Claim, define_axiom, logic\n"
                                "X = define_axiom('X-none', per_coalition=lambda C, ms: None if C == 15 else logic.TRUE)\n"
                                "CLAIMS = [Claim('shapley', conclude='X-none', games='any')]\n"),
        "claims_raise_at_4.py": ("from exactfair import Claim, define_axiom, logic\n"
                                 "def f(C, ms):\n"
                                 "    if C == 15:\n"
                                 "        raise RuntimeError('not at n = 4')\n"
                                 "    return logic.TRUE\n"
                                 "X = define_axiom('X-raise', per_coalition=f)\n"
                                 "CLAIMS = [Claim('shapley', conclude='X-raise', games='any')]\n"),
        "claims_mechanism.py": ("from exactfair import Claim, define_mechanism, logic\n"
                                "M = define_mechanism('m-none', per_member=lambda C, i: None if C == 15 else 0)\n"
                                "CLAIMS = [Claim('m-none', conclude='R2', games='any')]\n"),
        "tex.json": json.dumps({"players": ["\\input{/etc/passwd}", "c|d", "<b>x</b>", "e_f^g"],
                                "values": list(range(16))}),
    }
    for name, text in files.items():
        (tmp / name).write_bytes(text.encode("utf-8", "surrogateescape"))
    for name, data in _damaged_numpy_files().items():
        (tmp / name).write_bytes(data)
    return files


def _damaged_numpy_files() -> dict:
    """A good .npz game, then the same bytes damaged: CRCs flipped, a payload bit flipped, zip magic then garbage,
    a header declaring 2⁴⁰ values in a tiny file."""
    import io
    import zipfile

    import numpy as np

    buffer = io.BytesIO()
    np.savez(buffer, numerators=np.array([0, 1, 2, 3]), denominator=np.int64(2))
    good = buffer.getvalue()
    local, central = good.find(b"PK\x03\x04"), good.find(b"PK\x01\x02")
    crc = bytearray(good)
    crc[local + 14] ^= 0xFF
    crc[central + 16] ^= 0xFF
    body = bytearray(good)
    body[local + 30 + len("numerators.npy") + 100] ^= 0x01
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": "<i8", "fortran_order": False, "shape": (1 << 40,)})
    forged = io.BytesIO()
    with zipfile.ZipFile(forged, "w") as archive:
        archive.writestr("numerators.npy", header.getvalue() + b"\0" * 64)
    return {"crc.npz": bytes(crc), "flipped_bit.npz": bytes(body), "garbage.npz": b"PK\x03\x04" + b"garbage" * 10,
            "forged_shape.npy": header.getvalue() + b"\0" * 64, "forged_shape.npz": forged.getvalue(),
            "truncated.npz": good[: len(good) // 2]}


LONG_RHO = "+".join(["1"] * 20000)

#: (name, argv, exit status, fragment of the one stderr line, files that must stay unchanged)
TABLE = [
    ("rho runs code", ["rewards", "theorem5", "--mechanism", "rho-shapley", "--rho", PAYLOAD], 2, "rho", []),
    ("rho runs code (check)", ["check", "theorem5", "--mechanism", "rho-shapley", "--rho", PAYLOAD], 2, "rho", []),
    ("rho runs code (search)", ["search", "F5", "--mechanism", "rho-shapley", "--rho", PAYLOAD], 2, "rho", []),
    ("parametric value runs code", ["rewards", "code_value.json"], 2, "code_value.json", []),
    ("parametric bound runs code", ["rewards", "code_bound.json"], 2, "code_bound.json", []),
    ("fair-set map runs code", ["bargain", "code_bargain.json"], 2, "f1", []),
    ("fair-set utility runs code", ["bargain", "code_bargain_utility.json"], 2, "U1", []),
    ("decimal exponent in JSON", ["rewards", "huge_exponent.json"], 2, "exponent", []),
    ("decimal exponent in a JSON string", ["rewards", "huge_exponent_string.json"], 2, "exponent", []),
    ("decimal exponent in CSV", ["rewards", "huge_exponent.csv"], 2, "exponent", []),
    ("decimal exponent in --rho", ["rewards", "theorem5", "--mechanism", "rho-shapley", "--rho", "1e-99999999"],
     2, "exponent", []),
    ("20,000-digit integer", ["rewards", "huge_int.json"], 2, "digits", []),
    ("JSON nested 100,000 deep", ["rewards", "deep.json"], 2, "deep.json", []),
    ("not UTF-8", ["rewards", "not_utf8.json"], 2, "UTF-8", []),
    ("empty player list", ["rewards", "no_players.json"], 2, "at least one player", []),
    ("empty player list (check)", ["check", "no_players.json"], 2, "at least one player", []),
    ("20,000-term --rho", ["rewards", "theorem5", "--mechanism", "rho-shapley", "--rho", LONG_RHO], 2, "limit", []),
    ("check on a parametric game", ["check", "parametric.json"], 2, "parametric game", []),
    ("prove --n 50", ["prove", "theorem1", "--n", "50"], 2, "n <= 8", []),
    ("search --n 50", ["search", "R1", "--n", "50"], 2, "n <= 8", []),
    ("--output is the input", ["rewards", "e1.json", "--output", "e1.json"], 2, "input file", ["e1.json"]),
    ("--output is the input (check)", ["check", "e1.json", "-o", "e1.json"], 2, "input file", ["e1.json"]),
    ("--output is the input via another path", ["rewards", "e1.json", "--output", "./e1.json"], 2, "input file",
     ["e1.json"]),
    ("--plot is the input", ["rewards", "parametric.json", "--plot", "parametric.json"], 2, "--plot parametric.json is the input file",
     ["parametric.json"]),
    ("negative --timeout", ["prove", "theorem1", "--timeout", "-1"], 2, "positive", []),
    ("zero --timeout (claims)", ["claims", "--timeout", "0"], 2, "positive", []),
    ("NaN --timeout", ["search", "R1", "--timeout", "nan"], 2, "positive", []),
    ("--jobs 0", ["claims", "--jobs", "0"], 2, "at least 1", []),
    ("--n-max 1", ["claims", "--n-max", "1"], 2, "at least 2", []),
    ("negative --max-violations", ["check", "example1", "--max-violations", "-1"], 2, "at least 0", []),
    ("negative --min-size", ["rewards", "example1", "--min-size", "-3"], 2, "at least 0", []),
    ("bad --n range", ["prove", "theorem1", "--n", "5..2"], 2, "empty", []),
    ("missing game file", ["rewards", "missing.json"], 2, "no such game file", []),
    # issue 20, item 4: malformed data ends in one line naming the file (and the line where there is one)
    ("npz with flipped CRCs", ["rewards", "crc.npz"], 2, "crc.npz: not a readable", []),
    ("npz with a flipped payload bit", ["rewards", "flipped_bit.npz"], 2, "flipped_bit.npz: not a readable", []),
    ("zip magic then garbage", ["rewards", "garbage.npz"], 2, "garbage.npz: ", []),
    ("truncated npz", ["rewards", "truncated.npz"], 2, "truncated.npz: ", []),
    ("npy declaring 2^40 values", ["rewards", "forged_shape.npy"], 2, "declares 8,796,093,022,208 bytes", []),
    ("npz declaring 2^40 values", ["check", "forged_shape.npz"], 2, "declares 8,796,093,022,208 bytes", []),
    ("CSV field over 131,072 characters", ["rewards", "long_field.csv"], 2, "long_field.csv: line 3: a field is longer",
     ["long_field.csv"]),
    ("parametric entry without a coalition", ["rewards", "param_entry.json"], 2,
     "param_entry.json: values[0] must have exactly the keys 'coalition' and 'value'", []),
    ("parametric coalition that is a number", ["rewards", "param_coalition.json"], 2,
     "param_coalition.json: values[0].coalition must be a list", []),
    # item 13: a key (or a coalition) given twice is refused, not silently overwritten
    ("parametric coalition given twice", ["rewards", "param_twice.json"], 2, "coalition ['b', 'a'] is given twice", []),
    ("JSON 'values' given twice", ["rewards", "dup_values.json"], 2, "'values' is given twice", ["dup_values.json"]),
    ("JSON 'value' twice in an entry", ["check", "dup_in_entry.json"], 2, "'value' is given twice", []),
    ("JSON 'players' given twice", ["rewards", "dup_players.json"], 2, "'players' is given twice", []),
    # item 14: declared sizes are bounded before anything is allocated
    (".nfg with 4e9 strategies each", ["bargain", "huge_nfg.json"], 2, "huge.nfg: line 1: the strategies declare", []),
    (".nfg with 2^40 labelled profiles", ["bargain", "labels_nfg.json"], 2, "labels.nfg: line 1: the strategies declare",
     []),
    # item 5: a label or a file name never breaks the one line (nor forges a traceback frame or an escape)
    ("CSV label with a NUL", ["rewards", "nul.csv"], 2, "nul.csv: player label 'a\\x00' contains the control", []),
    ("CSV label with an escape sequence", ["check", "escape.csv"], 2, "U+001B", []),
    ("JSON label forging a traceback frame", ["rewards", "forged.json"], 2, "forged.json: player label 'a\\n  File", []),
    ("label with a line separator", ["rewards", "separator.json"], 2, "U+2028", []),
    ("label with a bidi override", ["rewards", "bidi.json"], 2, "U+202E", []),
    ("parametric label with a newline", ["rewards", "label_parametric.json"], 2, "U+000A", []),
    ("file name with a newline", ["rewards", "bad\nname.json"], 2, "bad\\nname.json", []),
    ("--players with a newline", ["valuate", "vf:value", "--players", "a\nb,c", "-o", "g.json"], 2, "U+000A", []),
    ("choice with a newline", ["rewards", "example1", "--format", "x\ny"], 2, "'x\\ny'", []),
    # item 10: an exception in the user's code is one line naming what ran, on what, and where
    ("value function raises ValueError", ["valuate", "vf:raises_value_error", "--n", "2", "-o", "g.json"], 2,
     "the value function vf:raises_value_error for v({1,2}) raised ValueError: bad split (vf.py, line 8)", []),
    ("value function raises KeyError", ["valuate", "vf:raises", "--n", "3", "-o", "g.json"], 2,
     "vf:raises for v({1,2}) raised KeyError: 'missing' (vf.py, line 13)", []),
    ("value function raises in a worker", ["valuate", "vf:raises", "--n", "3", "--jobs", "2", "-o", "g.json"], 2,
     "raised KeyError: 'missing' (vf.py, line 13)", []),
    ("value function takes two arguments", ["valuate", "vf:two_args", "--n", "2", "-o", "g.json"], 2,
     "must take one argument, the coalition", []),
    ("value function returns None", ["valuate", "vf:returns_none", "--n", "2", "-o", "g.json"], 2,
     "v(∅) (returned by vf:returns_none) has type NoneType", []),       # ∅ is evaluated first
    ("value function calls exit", ["valuate", "vf:exits", "--n", "2", "-o", "g.json"], 2, "SystemExit: exit status 3",
     []),
    ("module with a syntax error", ["valuate", "syntax_error:f", "--n", "2", "-o", "g.json"], 2,
     "importing syntax_error raised SyntaxError: invalid syntax (syntax_error.py, line 1)", []),
    ("module with a missing import", ["valuate", "import_error:f", "--n", "2", "-o", "g.json"], 2,
     "importing import_error raised ModuleNotFoundError", []),
    ("module raising on import", ["valuate", "raises_on_import:f", "--n", "2", "-o", "g.json"], 2,
     "ZeroDivisionError: division by zero (raises_on_import.py, line 2)", []),
    ("module exiting on import", ["valuate", "exits_on_import:f", "--n", "2", "-o", "g.json"], 2,
     "importing exits_on_import raised SystemExit: exit status 4", []),
    ("claims file with a syntax error", ["prove", "claims_syntax.py:CLAIMS"], 2, "claims_syntax.py raised SyntaxError",
     []),
    ("claims file raising NameError", ["prove", "claims_name_error.py:CLAIMS"], 2,
     "NameError: name 'EFF' is not defined (claims_name_error.py, line 2)", []),
    ("user mechanism returns None at n = 4", ["prove", "claims_mechanism.py:CLAIMS"], 2,
     "mechanism 'm-none': per_member(C=15, i=0) returned None", []),
    # item 11: a define_axiom function is checked at every n, not only n <= 3
    ("axiom returns None at n = 4", ["prove", "claims_none_at_4.py:CLAIMS", "--n", "2..4", "--quiet"], 2,
     "axiom 'X-none': per_coalition at n = 4, C = 15 returned None, not a formula", []),
    ("axiom raises at n = 4", ["prove", "claims_raise_at_4.py:CLAIMS", "--n", "4"], 2,
     "axiom 'X-raise': per_coalition at n = 4, C = 15 raised RuntimeError: not at n = 4 (claims_raise_at_4.py, line 4)",
     []),
]


@pytest.fixture(scope="module")
def table_runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    files = _files(tmp)
    return tmp, files, run_all(TABLE, tmp)


@pytest.mark.parametrize("name, argv, status, fragment, unchanged", TABLE, ids=[row[0] for row in TABLE])
def test_hostile_input_table(table_runs, name, argv, status, fragment, unchanged):
    tmp, files, out = table_runs
    code, stdout, stderr, seconds = out[name]
    assert code is not None, f"{name}: still running after 120 s (a hang)"
    assert code == status, (code, stderr)
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("exactfair: error: ") and fragment in lines[0], lines[0]
    assert "Traceback" not in stderr and "Traceback" not in stdout
    assert not (tmp / CANARY).exists(), "an input ran code"
    for filename in unchanged:
        assert (tmp / filename).read_text() == files[filename]
    assert not [p for p in tmp.iterdir() if p.name.endswith(".tmp")], "a temporary file was left behind"


#: (name, argv, the user's file and line the traceback ends in): --debug shows the user's own traceback
DEBUG_TABLE = [
    ("--debug after the command", ["valuate", "vf:raises", "--n", "3", "-o", "g.json", "--debug"], 'vf.py", line 13'),
    ("--debug before the command", ["--debug", "valuate", "vf:raises", "--n", "3", "--jobs", "2", "-o", "g.json"],
     'vf.py", line 13'),
    ("--debug with a claims file", ["--debug", "prove", "claims_raise_at_4.py:CLAIMS", "--n", "4"],
     'claims_raise_at_4.py", line 4'),
]


@pytest.fixture(scope="module")
def debug_runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("debug")
    _files(tmp)
    return run_all(DEBUG_TABLE, tmp)


@pytest.mark.parametrize("name, argv, frame", DEBUG_TABLE, ids=[row[0] for row in DEBUG_TABLE])
def test_debug_shows_the_users_own_traceback(debug_runs, name, argv, frame):
    code, stdout, stderr, _ = debug_runs[name]
    lines = stderr.strip().splitlines()
    assert code == 2 and lines[0] == "Traceback (most recent call last):", stderr
    frames = [line for line in lines if line.startswith("  File ")]
    assert frame in frames[-1], stderr                                      # the innermost frame is the user's
    assert not [line for line in lines if "exactfair" + os.sep in line], "exactfair's own frames are shown"
    assert lines[-1].startswith("exactfair: error: ") and "--debug" not in lines[-1]


#: (name, argv, output file, texts it must contain, texts it must not contain): runs that succeed, and whose
#: output escapes what the labels hold
OUTPUT_TABLE = [
    ("LaTeX escapes labels", ["rewards", "tex.json", "--format", "latex", "-o", "t.tex"], "t.tex",
     [r"\mbox{\textbackslash{}input\{/etc/passwd\}}", r"\mbox{e\_f\^{}g}"], [r"\input{", "e_f^g"]),
    ("Markdown keeps one cell per label", ["rewards", "tex.json", "--format", "markdown", "-o", "t.md"], "t.md",
     [r"M_c\|d", r"\<b\>x\</b\>"], ["<b>", " c|d"]),
    ("check names escaped labels as data", ["check", "tex.json", "--format", "json", "-o", "c.json"], "c.json",
     ['"players": [\n    "\\\\input{/etc/passwd}"'], []),
]


@pytest.fixture(scope="module")
def output_runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("outputs")
    _files(tmp)
    return tmp, run_all(OUTPUT_TABLE, tmp)


@pytest.mark.parametrize("name, argv, output, present, absent", OUTPUT_TABLE, ids=[row[0] for row in OUTPUT_TABLE])
def test_outputs_escape_labels(output_runs, name, argv, output, present, absent):
    tmp, out = output_runs
    code, stdout, stderr, _ = out[name]
    assert code in (0, 1) and stderr == "", stderr
    text = (tmp / output).read_text()
    for fragment in present:
        assert fragment in text, fragment
    for fragment in absent:
        assert fragment not in text, fragment
    if output.endswith(".md"):                       # every row has the header's number of cells
        rows = [line for line in text.splitlines() if line.startswith("|")]
        cells = {len(re.split(r"(?<!\\)\|", row)) for row in rows}
        assert len(cells) == 1, cells


# --------------------------------------------------------------------------- no string is evaluated

@pytest.fixture
def trapped(monkeypatch, tmp_path):
    """Trap every way a string could be evaluated; record calls whose text carries a payload."""
    import sympy.parsing.sympy_parser as sympy_parser

    calls = []
    real_eval, real_exec, real_parse = builtins.eval, builtins.exec, sympy_parser.parse_expr

    def marked(source) -> bool:
        return isinstance(source, str) and any(p in source or source in p for p in PAYLOADS if len(source) > 3)

    def trap_eval(source, *args, **kwargs):
        if marked(source):
            calls.append(("eval", source))
            raise AssertionError("eval reached")
        return real_eval(source, *args, **kwargs)

    def trap_exec(source, *args, **kwargs):
        if marked(source):
            calls.append(("exec", source))
            raise AssertionError("exec reached")
        return real_exec(source, *args, **kwargs)

    def trap_parse(source, *args, **kwargs):      # sympy parses its own constant strings on import
        if marked(source):
            calls.append(("parse_expr", source))
            raise AssertionError("sympy's string parser reached")
        return real_parse(source, *args, **kwargs)

    monkeypatch.setattr(builtins, "eval", trap_eval)
    monkeypatch.setattr(builtins, "exec", trap_exec)
    monkeypatch.setattr(sympy_parser, "parse_expr", trap_parse)
    monkeypatch.chdir(tmp_path)
    yield calls
    assert not (tmp_path / CANARY).exists(), "an input ran code"


def _entry_points():
    from exactfair.fairsets.core import FairSet, StrategicGame, parse_exact
    from exactfair.fairsets.parametric import validity_condition
    from exactfair.mechanisms.rho_shapley import parse_rho
    from exactfair.parametric import ParametricGame
    from exactfair import examples, rho_shapley
    from exactfair.io import parse_game_json, parse_game_csv

    game = lambda: StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")  # noqa: E731
    return {
        "parse_rho": lambda s: parse_rho(s),
        "rho_shapley": lambda s: rho_shapley(examples.theorem5_game(), s),
        "ParametricGame.from_values": lambda s: ParametricGame.from_values(["0", "1", s, "3"], {"t": (0, 2)}),
        "ParametricGame.from_values bounds": lambda s: ParametricGame.from_values(["0", "1", "t", "3"], {"t": (s, 2)}),
        "ParametricGame.from_game": lambda s: ParametricGame.from_game(examples.example1(), {(1, 3): s}),
        "ParametricTable.evaluate": lambda s: __import__("exactfair.parametric", fromlist=["x"])
        .parametric_balanced_reciprocity(ParametricGame.from_values(["0", "1", "2", "t"], {"t": (2, 10)}))
        .evaluate({"t": s}),
        "parse_game_json": lambda s: parse_game_json(json.dumps({"values": [0, s]})),
        "parse_game_json parametric": lambda s: parse_game_json(json.dumps(
            {"players": ["a"], "values": [0, s], "parameters": {"t": None}})),
        "parse_game_csv": lambda s: parse_game_csv(f"coalition,value\n,0\na,\"{s}\"\n"),
        "parse_exact": lambda s: parse_exact(s, {"p": sympy.Symbol("p"), "t": sympy.Symbol("t")}),
        "StrategicGame.two_by_two": lambda s: StrategicGame.two_by_two("p", "q", s, "q"),
        "FairSet.from_map": lambda s: FairSet.from_map(game(), 0, s),
        "FairSet.from_map interval": lambda s: FairSet.from_map(game(), 0, ("0", s)),
        "FairSet.from_action_set": lambda s: FairSet.from_action_set(game(), 0, s),
        "FairSet.from_utility_condition": lambda s: FairSet.from_utility_condition(game(), 0, s),
        "validity_condition": lambda s: validity_condition(game(), s, {"a": (0, 1)}),
    }


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("entry", sorted(_entry_points()))
def test_no_string_is_evaluated(trapped, entry, payload):
    from exactfair.errors import ExactfairError

    with pytest.raises((ExactfairError, TypeError)):
        _entry_points()[entry](payload)
    assert trapped == [], trapped


def test_cli_options_and_files_are_not_evaluated(trapped, capsys):
    from exactfair.cli import main

    Path("v.json").write_text(json.dumps({"players": ["a", "b"], "values": [0, 1, PAYLOAD, 3],
                                          "parameters": {"t": None}}))
    Path("b.json").write_text(json.dumps({"coordinates": ["p", "q"], "utilities": ["2*q - p", PAYLOAD],
                                          "fair_sets": [{"interval": ["0", PAYLOAD]}, {"utility": PAYLOAD}]}))
    for argv in (["rewards", "theorem5", "--mechanism", "rho-shapley", "--rho", PAYLOAD],
                 ["check", "theorem5", "--mechanism", "rho-shapley", "--rho", PAYLOAD],
                 ["search", "F5", "--mechanism", "rho-shapley", "--rho", PAYLOAD],
                 ["rewards", "v.json"], ["bargain", "b.json"]):
        assert main(argv) == 2
        assert capsys.readouterr().err.startswith("exactfair: error: ")
    assert trapped == []


def test_safe_parser_still_reads_what_the_sources_need():
    from exactfair.expressions import FAIR_SETS, parse_expression
    from exactfair.mechanisms.rho_shapley import parse_rho

    assert parse_rho("log(3,2) - 1") == sympy.log(3) / sympy.log(2) - 1
    assert parse_rho("1/sqrt(4)") == Fraction(1, 2)
    p, q = sympy.symbols("p q", real=True)
    assert parse_expression("Piecewise((0, q < 1/2), (1, True))", symbols={"p": p, "q": q},
                            vocabulary=FAIR_SETS) == sympy.Piecewise((0, q < sympy.Rational(1, 2)), (1, True))
    assert parse_expression("2^3 - 1.5e1") == -7


# --------------------------------------------------------------------------- exact evaluation

def test_parametric_evaluate_is_exact_at_a_point_near_an_integer():
    from exactfair.parametric import ParametricGame, parametric_balanced_reciprocity

    table = parametric_balanced_reciprocity(ParametricGame.from_values(["0", "1", "2", "t"], {"t": (2, 10)}))
    t = Fraction(3000000001, 10 ** 9)
    rows = table.evaluate({"t": t})
    assert rows[3] == [t - 1, t]                       # not [2, 3]
    assert table.evaluate({"t": "3000000001/1000000000"}) == rows
    with pytest.raises(Exception, match="unknown parameter"):
        table.evaluate({"s": 1})
    with pytest.raises(Exception, match="missing value"):
        table.evaluate({})


def test_z3_unknown_in_axiom_regions_is_unknown_not_proved(monkeypatch):
    import z3

    from exactfair.parametric import ParametricGame, axiom_regions, parametric_balanced_reciprocity

    table = parametric_balanced_reciprocity(ParametricGame.from_values(["0", "1", "2", "t"], {"t": (2, 10)}))
    assert axiom_regions(table, ["R1"])["R1"].verdict == "proved"       # R1 needs z3 on this table
    monkeypatch.setattr(z3.Solver, "check", lambda self, *a: z3.unknown)
    assert axiom_regions(table, ["R1"])["R1"].verdict == "unknown"


# --------------------------------------------------------------------------- output files and signals

def test_output_file_mode_is_a_new_files_or_the_old_files(tmp_path, capsys):
    from exactfair.cli import main

    old = os.umask(0o022)
    try:
        target = tmp_path / "table.txt"
        assert main(["rewards", "example1", "--output", str(target)]) == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        target.chmod(0o640)
        assert main(["rewards", "example1", "--output", str(target)]) == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
        report = tmp_path / "check.json"
        assert main(["check", "example1", "--format", "json", "-o", str(report)]) == 0
        assert stat.S_IMODE(report.stat().st_mode) == 0o644
    finally:
        os.umask(old)


WORKER_COMMANDS = {"claims": ["claims", "--jobs", "2", "--quiet"],          # no progress lines: stderr is the one line
                   "valuate": ["valuate", "vf:sleepy", "--n", "6", "--jobs", "2", "--cache", "c.jsonl", "-o", "g.json",
                               "--quiet"]}


def _alive(pids: list[str]) -> list[str]:
    return [w for w in pids if Path(f"/proc/{w}").exists() and "zombie" not in
            Path(f"/proc/{w}/status").read_text().lower()]


@pytest.mark.parametrize("command", sorted(WORKER_COMMANDS))
@pytest.mark.parametrize("sig, status, word", [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted"),
                                               (signal.SIGKILL, -9, None)])
def test_workers_end_quietly_with_their_parent(tmp_path, command, sig, status, word):
    """SIGTERM and Ctrl-C end the run with one line and no worker traceback (issue 20, item 9); after a
    SIGKILL of the parent, which can run no clean-up, the kernel ends the workers too (item 15) — even
    workers in the middle of a call of a minute (``vf:sleepy``)."""
    (tmp_path / "vf.py").write_text(VALUE_MODULE)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1]))
    proc = subprocess.Popen([sys.executable, "-m", "exactfair", *WORKER_COMMANDS[command]], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    workers: list[str] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
    assert len(workers) >= 2, "the workers did not start"
    time.sleep(1.0)
    if sig == signal.SIGINT:
        os.killpg(proc.pid, sig)            # Ctrl-C reaches the whole process group
    else:
        proc.send_signal(sig)
    assert proc.wait(timeout=60) == status
    deadline = time.monotonic() + 5          # not reading the pipes yet: orphans would hold them open
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    orphans = _alive(workers)
    for pid in orphans:                      # leave nothing running, even when the test fails
        os.kill(int(pid), signal.SIGKILL)
    assert orphans == [], f"orphaned workers {orphans}"
    _, stderr = proc.communicate(timeout=10)
    if word is not None:
        assert stderr.strip().splitlines() == [f"exactfair: {word}"]
    if command == "valuate":
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
