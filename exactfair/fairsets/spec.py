"""Bargaining problems from JSON files.

::

    {"coordinates": ["p", "q"],
     "utilities": ["2*q - p", "2*p - q"],          # or "nfg": "game.nfg" (two actions each)
     "fair_sets": [{"map": "Min(p, q)"},            # or {"interval": ["lo", "hi"]}
                   {"set": "p >= q"}]}              # or {"utility": "U1 <= U2"}

Numbers in strings are exact ("0.8" is 4/5); JSON floats are refused.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import GameFileError
from .core import FairSet, StrategicGame
from .nfg import read_nfg
from .post import Bargain

__all__ = ["read_bargain"]


def read_bargain(path: str | Path) -> Bargain:
    """Read a bargaining problem (see module docstring).

    >>> import json, pathlib, tempfile
    >>> f = pathlib.Path(tempfile.mkdtemp()) / 'b.json'
    >>> _ = f.write_text(json.dumps({'coordinates': ['p', 'q'], 'utilities': ['2*q - p', '2*p - q'], 'fair_sets': [{'set': 'p <= q'}, {'map': 'Min(p, q)'}]}))
    >>> b = read_bargain(f)
    >>> [fs.condition() for fs in b.fair_sets]
    [p <= q, Eq(q, Min(p, q))]
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=lambda s: (_ for _ in ()).throw(
            GameFileError(f"{path}: the JSON number {s} would be read as a float; write it as a string \"{s}\"")))
    except json.JSONDecodeError as exc:
        raise GameFileError(f"{path}: malformed JSON at line {exc.lineno}: {exc.msg}") from None
    except OSError as exc:
        raise GameFileError(f"cannot read {path}: {exc.strerror}") from None
    for key in ("coordinates", "fair_sets"):
        if key not in data:
            raise GameFileError(f"{path}: missing key {key!r}")
    coords = data["coordinates"]
    if "nfg" in data:
        nfg = read_nfg((path.parent / data["nfg"]) if not Path(data["nfg"]).is_absolute() else data["nfg"])
        game = StrategicGame.from_nfg(nfg, [[c] for c in coords])
    elif "utilities" in data:
        if len(coords) != 2 or len(data["utilities"]) != 2:
            raise GameFileError(f"{path}: 'utilities' files describe two players with one coordinate each")
        game = StrategicGame.two_by_two(coords[0], coords[1], *data["utilities"])
    else:
        raise GameFileError(f"{path}: give 'utilities' or 'nfg'")
    if len(data["fair_sets"]) != game.n:
        raise GameFileError(f"{path}: {len(data['fair_sets'])} fair sets for {game.n} players")
    fair_sets, maps = [], []
    for i, spec in enumerate(data["fair_sets"]):
        if "map" in spec:
            fs = FairSet.from_map(game, i, spec["map"])
            maps.append(fs)
        elif "interval" in spec:
            fs = FairSet.from_map(game, i, tuple(spec["interval"]))
            maps.append(fs)
        elif "set" in spec:
            fs = FairSet.from_action_set(game, i, spec["set"])
        elif "utility" in spec:
            fs = FairSet.from_utility_condition(game, i, spec["utility"])
        else:
            raise GameFileError(f"{path}: fair_sets[{i}] needs one of 'map', 'interval', 'set', 'utility'")
        fair_sets.append(fs)
    return Bargain(path.stem, game, fair_sets, maps)
