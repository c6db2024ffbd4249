"""Reading games from JSON and CSV files, exactly.

JSON::

    {"players": ["1", "2"],
     "values": [{"coalition": [], "value": 0}, {"coalition": ["1"], "value": "1"},
                {"coalition": ["2"], "value": 2}, {"coalition": ["1", "2"], "value": "3/2"}]}

``values`` may instead be a list of ``2**n`` values in bitmask order.  JSON numbers
such as ``0.1`` are read as the decimal written (1/10), never through binary
floats; ``NaN``/``Infinity`` are refused.

CSV has the header ``coalition,value``; a coalition is space-separated labels
(empty for ∅); values are decimals or fractions.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..core.errors import ExactfairError, GameDefinitionError, GameFileError, InexactValueError
from ..core.game import Game, game_to_dict

__all__ = ["read_game", "parse_game_json", "parse_game_csv", "game_to_dict", "game_to_json", "write_game_npz",
           "load_json"]

_JSON_KEYS = {"players", "values", "name", "description", "source", "parameters", "metadata"}


def _reject_constant(token: str) -> Any:
    raise GameFileError(f"the JSON contains {token}; NaN and infinities are not allowed, use finite exact numbers")


def _checked_int(token: str) -> int:
    from ..core.expressions import MAX_DIGITS
    if len(token.lstrip("-")) > MAX_DIGITS:
        raise GameFileError(f"the JSON integer of {len(token)} digits is longer than the limit of {MAX_DIGITS} digits")
    return int(token)


def _unique_keys(pairs: list) -> dict:
    """``object_pairs_hook`` refusing a key given twice in one object (``json`` would keep the last silently)."""
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise GameFileError(f"the key {key!r} is given twice in one JSON object; give each key once")
        out[key] = value
    return out


def load_json(text: str, source: str) -> Any:
    """JSON as exactfair reads it: numbers exactly (decimals as :class:`~decimal.Decimal`, integers under the
    digit limit), no NaN/Infinity, no duplicate keys; any fault is one :class:`GameFileError` naming ``source``.

    >>> load_json('{"a": 0.1}', "x.json")
    {'a': Decimal('0.1')}
    >>> load_json('{"a": 1, "a": 2}', "x.json")
    Traceback (most recent call last):
    ...
    exactfair.core.errors.GameFileError: x.json: the key 'a' is given twice in one JSON object; give each key once
    """
    try:
        return json.loads(text, parse_float=Decimal, parse_int=_checked_int, parse_constant=_reject_constant,
                          object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise GameFileError(f"{source}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except (GameFileError, RecursionError) as exc:
        detail = str(exc) if isinstance(exc, GameFileError) else "the JSON is nested too deeply"
        raise GameFileError(f"{source}: {detail}") from None


def parse_game_json(text: str, *, source: str = "<json>") -> Game:
    """Parse a game from JSON text (see module docstring for the format).

    >>> g = parse_game_json('{"players": ["a", "b"], "values": [0, 0.1, "1/3", 1]}')
    >>> g["a"], g["b"]
    (Fraction(1, 10), Fraction(1, 3))
    >>> parse_game_json('{"players": ["a"], "values": [0, NaN]}')
    Traceback (most recent call last):
    ...
    exactfair.core.errors.GameFileError: <json>: the JSON contains NaN; NaN and infinities are not allowed, use finite exact numbers
    """
    data = load_json(text, source)
    if not isinstance(data, dict):
        raise GameFileError(f"{source}: a game file holds a JSON object with 'players' and 'values'")
    unknown = set(data) - _JSON_KEYS
    if unknown:
        raise GameFileError(f"{source}: unknown key(s) {sorted(unknown)}; allowed keys are {sorted(_JSON_KEYS)}")
    if "values" not in data:
        raise GameFileError(f"{source}: missing key 'values' (a list of 2^n values or of coalition/value objects)")
    players = data.get("players")
    if players is not None and not isinstance(players, list):
        raise GameFileError(f"{source}: 'players' must be a list of labels")
    values = data["values"]
    if not isinstance(values, list):
        raise GameFileError(f"{source}: 'values' must be a list")
    try:
        if "parameters" in data:
            return _parametric_from_json(data, source)
        if values and all(isinstance(x, dict) for x in values):
            return _with_metadata(Game.from_dict(_coalition_entries(values, source), players=players), data, source)
        if any(isinstance(x, dict) for x in values):
            raise GameFileError(f"{source}: 'values' mixes coalition objects and bare numbers")
        return _with_metadata(Game.from_bitmask_values(values, players=players), data, source)
    except GameFileError:
        raise
    except GameDefinitionError as exc:                   # the same kind of error, naming the file
        raise GameDefinitionError(f"{source}: {exc}") from None
    except (InexactValueError, ExactfairError) as exc:
        raise GameFileError(f"{source}: {exc}") from None


def _coalition_entries(values: list, source: str) -> dict:
    """``{"coalition": [labels], "value": v}`` objects as ``{tuple of labels: v}``, each checked (keys, a list of
    labels, no coalition twice)."""
    mapping = {}
    seen: set = set()
    for k, entry in enumerate(values):
        if not isinstance(entry, dict) or set(entry) != {"coalition", "value"}:
            got = sorted(entry) if isinstance(entry, dict) else type(entry).__name__
            raise GameFileError(f"{source}: values[{k}] must have exactly the keys 'coalition' and 'value', got {got}")
        coalition = entry["coalition"]
        if not isinstance(coalition, list):
            raise GameFileError(f"{source}: values[{k}].coalition must be a list of player labels")
        key = tuple(coalition)
        try:
            seen_key = frozenset(key)
        except TypeError:
            raise GameFileError(f"{source}: values[{k}].coalition must be a list of player labels") from None
        if seen_key in seen:
            raise GameDefinitionError(f"coalition {coalition} is given twice (values[{k}])")
        seen.add(seen_key)
        mapping[key] = entry["value"]
    return mapping


def _with_metadata(game: Game, data: dict, source: str) -> Game:
    meta = data.get("metadata")
    if meta is None:
        return game
    if not isinstance(meta, dict):
        raise GameFileError(f"{source}: 'metadata' must be an object")
    return Game.from_scaled(game.players, game.numerators, game.denominator, metadata=meta)


def _parametric_from_json(data: dict, source: str):
    from ..symbolic.parametric import ParametricGame

    params = data["parameters"]
    if not isinstance(params, dict) or not params:
        raise GameFileError(f"{source}: 'parameters' must map names to {{'min': ..., 'max': ...}} (or null)")
    bounds = {}
    for name, spec in params.items():
        if spec is not None and (not isinstance(spec, dict) or set(spec) - {"min", "max"}):
            raise GameFileError(f"{source}: parameter {name!r} takes an object with 'min' and/or 'max'")
        bounds[name] = None if spec is None else (
            None if spec.get("min") is None else str(spec["min"]), None if spec.get("max") is None else str(spec["max"]))
    values = data["values"]
    players = data.get("players")
    if values and all(isinstance(x, dict) for x in values):
        if players is None:
            raise GameFileError(f"{source}: a parametric game with coalition objects needs 'players'")
        from ..core.game import _check_players
        players = _check_players(players)
        index = {label: i for i, label in enumerate(players)}
        flat: list = [None] * (1 << len(players))
        flat[0] = "0"
        for labels, value in _coalition_entries(values, source).items():
            mask = 0
            for label in labels:
                if label not in index:
                    raise GameFileError(f"{source}: coalition {list(labels)} names unknown player {label!r}")
                mask |= 1 << index[label]
            flat[mask] = str(value)
        missing = [m for m, x in enumerate(flat) if x is None]
        if missing:
            raise GameFileError(f"{source}: missing value for coalition "
                                f"{[players[i] for i in range(len(players)) if missing[0] >> i & 1]}")
        values = flat
    return ParametricGame.from_values([str(x) for x in values], bounds, players)


def parse_game_csv(text: str, *, source: str = "<csv>") -> Game:
    """Parse a game from CSV text with columns ``coalition,value``.

    >>> g = parse_game_csv("coalition,value\\n,0\\n1,1\\n2,2\\n1 2,7/2\\n")
    >>> g.players, g["1", "2"]
    (('1', '2'), Fraction(7, 2))
    """
    reader = csv.reader(io.StringIO(text))
    try:
        rows = list(reader)
    except csv.Error as exc:
        limit = csv.field_size_limit()
        detail = f"a field is longer than {limit:,} characters" if "field larger" in str(exc) else str(exc)
        raise GameFileError(f"{source}: line {reader.line_num}: {detail}; expected 'coalition,value' rows") from None
    if not rows:
        raise GameFileError(f"{source}: empty CSV; expected a header 'coalition,value'")
    header = [h.strip().lower() for h in rows[0]]
    if header != ["coalition", "value"]:
        raise GameFileError(f"{source}: line 1: expected the header 'coalition,value', got {','.join(rows[0])!r}")
    mapping: dict = {}
    seen: dict = {}
    for line_no, row in enumerate(rows[1:], start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != 2:
            raise GameFileError(f"{source}: line {line_no}: expected 2 fields (coalition,value), got {len(row)}")
        labels = tuple(row[0].split())
        key = frozenset(labels)
        if key in seen:
            raise GameFileError(f"{source}: line {line_no}: coalition {row[0]!r} was already given on line {seen[key]}")
        seen[key] = line_no
        mapping[labels] = row[1].strip()
    try:
        return Game.from_dict(mapping)
    except (InexactValueError, ExactfairError) as exc:
        raise GameFileError(f"{source}: {exc}") from None


def read_game(path: str | Path) -> Game:
    """Read a game from a ``.json``, ``.csv``, ``.npy`` or ``.npz`` file (by extension; otherwise sniffed).

    ``.npy``: a one-dimensional integer array of the 2ⁿ values in bitmask order (players 1..n).
    ``.npz``: ``numerators`` (that array), optionally ``denominator`` (a positive integer; default 1)
    and ``players`` (labels).  Arrays are loaded with ``allow_pickle=False``: a file never runs code.

    >>> from exactfair.data.examples import data_path
    >>> read_game(data_path("example1.json")).n
    4
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".npy", ".npz"):
        return _read_numpy(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GameFileError(f"no such game file: {path}") from None
    except OSError as exc:
        raise GameFileError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise GameFileError(f"{path} is not UTF-8 text") from None
    if suffix == ".csv" or (suffix != ".json" and not text.lstrip().startswith("{")):
        return parse_game_csv(text, source=str(path))
    return parse_game_json(text, source=str(path))


def _npy_declared_bytes(handle, name: str, path: Path) -> int:
    """Bytes the array header at the start of ``handle`` declares (shape × item size), read without loading."""
    import numpy as np
    from numpy.lib import format as npformat

    try:
        version = npformat.read_magic(handle)
        shape, _, dtype = (npformat.read_array_header_1_0(handle) if version == (1, 0)
                           else npformat.read_array_header_2_0(handle))
    except (ValueError, OSError, EOFError, SyntaxError, TypeError) as exc:
        raise GameFileError(f"{path}: {name} is not a numpy array ({exc})") from None
    count = 1
    for dim in shape:
        count *= int(dim)
    return count * np.dtype(dtype).itemsize


def _check_declared_sizes(path: Path) -> None:
    """Refuse, before numpy allocates anything, arrays whose headers declare more data than the file holds
    (a 100-byte file declaring 2⁴⁰ values) or more than fits in memory."""
    import zipfile

    from ..core.memory import require_memory

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise GameFileError(f"no such game file: {path}") from None
    if not zipfile.is_zipfile(path):
        with open(path, "rb") as handle:
            declared = _npy_declared_bytes(handle, "the file", path)
        if declared > size:
            raise GameFileError(f"{path}: the array header declares {declared:,} bytes of values, but the file has "
                                f"only {size:,} bytes (a truncated or forged .npy file)")
        return
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            require_memory(sum(m.file_size for m in members), f"{path}: the arrays")
            for member in members:
                with archive.open(member) as handle:
                    declared = _npy_declared_bytes(handle, member.filename, path)
                if declared > member.file_size:
                    raise GameFileError(f"{path}: {member.filename} declares {declared:,} bytes of values, but the "
                                        f"archive holds only {member.file_size:,} (a truncated or forged .npz file)")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise GameFileError(f"{path}: not a readable .npz archive ({exc})") from None


def _load_arrays(path: Path) -> dict:
    """The arrays of a .npy (as ``numerators``) or .npz file, loaded without pickles; any damage is one error."""
    import zipfile
    import zlib

    import numpy as np

    _check_declared_sizes(path)
    try:
        loaded = np.load(path, allow_pickle=False)
        if isinstance(loaded, np.ndarray):
            return {"numerators": loaded}
        with loaded:
            unknown = set(loaded.files) - {"numerators", "denominator", "players"}
            if "numerators" not in loaded.files or unknown:
                raise GameFileError(f"{path}: an .npz game holds 'numerators' (and optionally 'denominator', "
                                    f"'players'); found {sorted(loaded.files)}")
            return {name: loaded[name] for name in loaded.files}
    except GameFileError:
        raise
    except FileNotFoundError:
        raise GameFileError(f"no such game file: {path}") from None
    except (ValueError, OSError, EOFError, KeyError, zipfile.BadZipFile, zlib.error) as exc:
        raise GameFileError(f"{path}: not a readable numpy file ({exc}); object arrays are refused") from None


def _read_numpy(path: Path) -> Game:
    from ..core.npz import read_integers

    arrays = _load_arrays(path)
    numerators = arrays["numerators"]
    if numerators.ndim != 1 or numerators.dtype.kind not in "iuU":
        raise GameFileError(f"{path}: the values must be a one-dimensional integer array (bitmask order), got "
                            f"{numerators.dtype} of shape {numerators.shape}; write fractions as numerators with "
                            "a 'denominator' in an .npz file")
    denominator = 1
    if "denominator" in arrays:
        d = read_integers(arrays["denominator"], "denominator", path, 0)
        denominator = int(d[0])
        if denominator <= 0:
            raise GameFileError(f"{path}: 'denominator' must be one positive integer")
    players = None
    if "players" in arrays:
        labels = arrays["players"]
        if labels.ndim != 1 or labels.dtype.kind not in "iuU":
            raise GameFileError(f"{path}: 'players' must be a list of int or string labels")
        players = [int(x) if labels.dtype.kind in "iu" else str(x) for x in labels.tolist()]
    count = numerators.shape[0]
    n = max(count, 1).bit_length() - 1
    if 1 << n != count:
        raise GameFileError(f"{path}: {count} values is not a power of two (2**n values in bitmask order)")
    try:
        return Game.from_scaled(players if players is not None else range(1, n + 1),
                                read_integers(numerators, "numerators", path, 1), denominator)
    except (ExactfairError, InexactValueError) as exc:
        raise GameFileError(f"{path}: {exc}") from None


def write_game_npz(game: Game, path: str | Path) -> None:
    """Write a game as ``.npz`` (numerators, denominator, players) for :func:`read_game`, exactly at any size.

    Integers beyond int64 (a denominator of 2⁷⁰, say) are written as decimal strings, which the reader accepts;
    int labels beyond int64 are written (and read back) as strings.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "g.npz"
    >>> write_game_npz(Game.from_bitmask_values([0, 1, "1/2", 2], players=["a", "b"]), f)
    >>> read_game(f)["b"]
    Fraction(1, 2)
    >>> write_game_npz(Game.from_bitmask_values([0, 1, f"1/{2 ** 70}", 2], players=["a", "b"]), f)
    >>> str(read_game(f)["b"])
    '1/1180591620717411303424'
    """
    import numpy as np

    from ..core.npz import npz_integers, npz_labels

    with open(path, "wb") as handle:
        np.savez(handle, numerators=npz_integers(game.numerators), denominator=npz_integers(game.denominator),
                 players=npz_labels(game.players))


def game_to_json(game: Game, indent: int | None = 2) -> str:
    """:func:`game_to_dict` as JSON text; :func:`parse_game_json` reads it back.

    >>> g = Game.from_bitmask_values([0, 1, "1/2", 2])
    >>> parse_game_json(game_to_json(g)) == g
    True
    """
    return json.dumps(game_to_dict(game), indent=indent, ensure_ascii=False)
