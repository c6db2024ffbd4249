"""Bargaining problems from JSON files: any finite game, fair sets in three forms.

A game of n ≥ 2 players, each with k_i ≥ 2 actions, as a payoff table or a Gambit ``.nfg`` file::

    {"players": ["A", "B"],
     "actions": [["L", "M", "H"], ["L", "M", "H"]],
     "payoffs": [{"profile": ["L", "L"], "utilities": ["1/2", "1/2"]}, …],   # every profile once
     "coordinates": [["aL", "aM"], ["bL", "bM"]],                           # optional
     "fair_sets": [{"utility": "U1 >= U2 - 1/10"},                          # a condition on U1 … Un
                   {"set": "bL + bM >= aL"}]}                               # a set in action space
                 # or {"map": ["expr for aL", "expr for aM"]}: F_i = {r : r_i = f_i(r)}

or ``"nfg": "game.nfg"`` (a path relative to the JSON file) instead of players/actions/payoffs.
``coordinates`` name the probabilities of each player's first k_i − 1 actions (the last action gets
one minus their sum); by default they are ``<player>_<action>`` (or ``x<i>_<a>`` when a label is not
a name).  Utilities are the exact expected payoffs (multilinear).  The two-player format of earlier
versions stays valid: ``"coordinates": ["p", "q"]`` with ``"utilities": ["2*q - p", "2*p - q"]`` (or
``"nfg"``), and fair sets ``{"map": "Min(p, q)"}`` or ``{"interval": ["lo", "hi"]}``.

Numbers are exact ("0.8" is 4/5; JSON floats are refused); every expression is read by the
whitelisting parser of :mod:`exactfair.core.expressions`.  A file of the wrong shape is refused with one
message naming the file and the key at fault.
"""

from __future__ import annotations

import itertools
import json
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import sympy

from ..core.errors import ExactfairError, ExpressionError, GameFileError
from ..core.expressions import FAIR_SETS, parse_decimal
from .core import FairSet, StrategicGame, parse_exact, printable as _shown
from .nfg import read_nfg
from .post import Bargain

__all__ = ["read_bargain", "bargain_from_dict", "default_coordinates", "MAX_PLAYERS", "MAX_PROFILES"]

#: Largest game accepted: players, and pure profiles (every profile is one payoff row).
MAX_PLAYERS = 8
MAX_PROFILES = 4096
_KEYS = ("players", "actions", "payoffs", "nfg", "utilities", "coordinates", "fair_sets")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_FORMS = ("map", "interval", "set", "utility")


def _reserved(n: int) -> set[str]:
    return set(FAIR_SETS.functions) | set(FAIR_SETS.constants) | {f"U{i + 1}" for i in range(max(n, 9))}


def default_coordinates(players, actions) -> list[list[str]]:
    """Names for the first k_i − 1 action probabilities of each player.

    >>> default_coordinates(["A", "B"], [["L", "M", "H"], ["x y", "z"]])
    [['A_L', 'A_M'], ['x2_1']]
    """
    reserved = _reserved(len(players))
    out, used = [], set()
    for i, (player, labels) in enumerate(zip(players, actions)):
        names = [f"{player}_{a}" for a in labels[:-1]]
        if not all(_NAME.match(x) and "__" not in x and x not in reserved for x in names) or used & set(names) \
                or len(set(names)) != len(names):
            names = [f"x{i + 1}_{a + 1}" for a in range(len(labels) - 1)]
        used |= set(names)
        out.append(names)
    return out


def read_bargain(path: str | Path) -> Bargain:
    """Read a bargaining problem (see the module docstring).

    >>> import json, pathlib, tempfile
    >>> f = pathlib.Path(tempfile.mkdtemp()) / 'b.json'
    >>> _ = f.write_text(json.dumps({'coordinates': ['p', 'q'], 'utilities': ['2*q - p', '2*p - q'], 'fair_sets': [{'set': 'p <= q'}, {'map': 'Min(p, q)'}]}))
    >>> b = read_bargain(f)
    >>> [fs.condition() for fs in b.fair_sets]
    [p <= q, Eq(q, Min(p, q))]
    """
    path = Path(path)

    def refuse_float(text: str):
        raise GameFileError(f"{path}: the JSON number {text} would be read as a float; write it as a string \"{text}\"")
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=refuse_float)
    except json.JSONDecodeError as exc:
        raise GameFileError(f"{path}: malformed JSON at line {exc.lineno}: {exc.msg}") from None
    except UnicodeDecodeError:
        raise GameFileError(f"{path}: not UTF-8 text") from None
    except RecursionError:
        raise GameFileError(f"{path}: JSON nested too deeply") from None
    except OSError as exc:
        raise GameFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    return bargain_from_dict(data, source=str(path), base=path.parent, name=path.stem)


def _fail(source: str, message: str) -> GameFileError:
    return GameFileError(f"{source}: {message}")


def _strings(value: Any, source: str, key: str, *, empty_ok: bool = False) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value) or (not value and not empty_ok):
        raise _fail(source, f"{key!r} must be a list of strings")
    return value


def _labels(data: dict, source: str) -> tuple[list[str], list[list[str]]]:
    players = _strings(data.get("players"), source, "players")
    if not 2 <= len(players) <= MAX_PLAYERS:
        raise _fail(source, f"'players' lists {len(players)} players; give 2 to {MAX_PLAYERS}")
    if len(set(players)) != len(players):
        raise _fail(source, "'players' has a repeated name")
    actions = data.get("actions")
    if not isinstance(actions, list) or len(actions) != len(players):
        raise _fail(source, f"'actions' must be a list with one list of action labels per player ({len(players)})")
    out = []
    for i, labels in enumerate(actions):
        labels = _strings(labels, source, f"actions[{i}]")
        if len(labels) < 2 or len(set(labels)) != len(labels):
            raise _fail(source, f"actions[{i}] ({_shown(players[i])}) needs at least two distinct action labels")
        out.append(labels)
    profiles = 1
    for labels in out:
        profiles *= len(labels)
    if profiles > MAX_PROFILES:
        raise _fail(source, f"the game has {profiles} pure profiles; at most {MAX_PROFILES} are accepted")
    return players, out


def _exact(value: Any, source: str, where: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise _fail(source, f"{where} must be a number written as a string (\"1/2\", \"0.1\") or an integer")
    try:
        return Fraction(value) if isinstance(value, int) else parse_decimal(value, what=f"{where}")
    except (ExpressionError, ZeroDivisionError) as exc:
        raise _fail(source, str(exc)) from None


def _payoffs(data: dict, players: list[str], actions: list[list[str]], source: str) -> dict:
    rows = data.get("payoffs")
    if not isinstance(rows, list):
        raise _fail(source, "'payoffs' must be a list of {\"profile\": [...], \"utilities\": [...]} entries")
    index = [{a: k for k, a in enumerate(labels)} for labels in actions]
    table: dict = {}
    for r, row in enumerate(rows):
        where = f"payoffs[{r}]"
        if not isinstance(row, dict) or set(row) != {"profile", "utilities"}:
            raise _fail(source, f"{where} must be an object with exactly the keys 'profile' and 'utilities'")
        profile = _strings(row["profile"], source, f"{where}.profile")
        if len(profile) != len(players):
            raise _fail(source, f"{where}.profile names {len(profile)} actions; give one per player ({len(players)})")
        try:
            key = tuple(index[i][a] for i, a in enumerate(profile))
        except KeyError as exc:
            i = next(i for i, a in enumerate(profile) if a not in index[i])
            raise _fail(source, f"{where}.profile: {exc.args[0]!r} is not an action of {_shown(players[i])} "
                                f"({', '.join(map(_shown, actions[i]))})") from None
        values = row["utilities"]
        if not isinstance(values, list) or len(values) != len(players):
            raise _fail(source, f"{where}.utilities must list one payoff per player ({len(players)})")
        if key in table:
            raise _fail(source, f"{where}: the profile ({', '.join(map(_shown, profile))}) is listed twice")
        table[key] = tuple(_exact(v, source, f"{where}.utilities[{i}]") for i, v in enumerate(values))
    for key in itertools.product(*[range(len(a)) for a in actions]):
        if key not in table:
            missing = ", ".join(_shown(actions[i][k]) for i, k in enumerate(key))
            raise _fail(source, f"'payoffs' has no entry for the profile ({missing}); every profile must be listed once")
    return table


def _coordinates(data: dict, players: list[str], actions: list[list[str]], source: str) -> list[list[str]]:
    if "coordinates" not in data:
        return default_coordinates(players, actions)
    coords = data["coordinates"]
    if isinstance(coords, list) and coords and all(isinstance(c, str) for c in coords):
        coords = [[c] for c in coords]                  # the earlier format: one coordinate per player
    if not isinstance(coords, list) or len(coords) != len(players) or not all(isinstance(c, list) for c in coords):
        raise _fail(source, f"'coordinates' must be a list with one list of names per player ({len(players)}), "
                            "each naming the probabilities of the player's first k_i − 1 actions")
    reserved = _reserved(len(players))
    seen: set = set()
    for i, (names, labels) in enumerate(zip(coords, actions)):
        _strings(names, source, f"coordinates[{i}]", empty_ok=True)
        if len(names) != len(labels) - 1:
            raise _fail(source, f"coordinates[{i}] ({_shown(players[i])}) names {len(names)} probabilities; "
                                f"{_shown(players[i])} has {len(labels)} actions, so give {len(labels) - 1}")
        for name in names:
            if not _NAME.match(name) or "__" in name:
                raise _fail(source, f"coordinate name {name!r} is not a name (letters, digits, single underscores; "
                                    "starting with a letter)")
            if name in reserved:
                raise _fail(source, f"coordinate name {name!r} is reserved (U1 … Un and the functions of conditions)")
            if name in seen:
                raise _fail(source, f"coordinate name {name!r} is used twice")
            seen.add(name)
    return coords


def _game(data: dict, source: str, base: Path) -> StrategicGame:
    if "nfg" in data:
        nfg = data["nfg"]
        if not isinstance(nfg, str) or not nfg:
            raise _fail(source, "'nfg' must be the path of a Gambit .nfg file (a string)")
        for key in ("payoffs", "utilities", "players", "actions"):
            if key in data:
                raise _fail(source, f"give either 'nfg' or {key!r}, not both")
        game_file = read_nfg(Path(nfg) if Path(nfg).is_absolute() else base / nfg)
        players, actions = list(game_file.players), [list(s) for s in game_file.strategies]
        if not 2 <= len(players) <= MAX_PLAYERS:
            raise _fail(source, f"the .nfg game has {len(players)} players; give 2 to {MAX_PLAYERS}")
        if any(len(a) < 2 for a in actions):
            raise _fail(source, "every player of the .nfg game needs at least two strategies")
        coords = _coordinates(data, players, actions, source)
        return StrategicGame.from_nfg(game_file, coords)
    if "payoffs" in data:
        if "utilities" in data:
            raise _fail(source, "give either 'payoffs' or 'utilities', not both")
        players, actions = _labels(data, source)
        table = _payoffs(data, players, actions, source)
        coords = _coordinates(data, players, actions, source)
        return StrategicGame.from_payoffs([len(a) for a in actions], table, players, coords, actions)
    if "utilities" in data:
        exprs = data["utilities"]
        if "coordinates" not in data:
            raise _fail(source, "a game given by 'utilities' needs 'coordinates'")
        coords = data["coordinates"]
        n = len(coords) if isinstance(coords, list) else 0
        players = data.get("players", [f"P{i + 1}" for i in range(n)])
        players = _strings(players, source, "players")
        actions = [[f"{a + 1}" for a in range(len(c) + 1 if isinstance(c, list) else 2)] for c in coords] \
            if isinstance(coords, list) else []
        if not 2 <= n <= MAX_PLAYERS or len(players) != n:
            raise _fail(source, f"'coordinates' must describe 2 to {MAX_PLAYERS} players (one entry each, matching "
                                "'players')")
        names = _coordinates(data, players, actions, source)
        if not isinstance(exprs, list) or len(exprs) != n:
            raise _fail(source, f"'utilities' must list one expression per player ({n})")
        symbols = [[sympy.Symbol(c, real=True) for c in cs] for cs in names]
        env = {s.name: s for cs in symbols for s in cs}
        utilities = []
        for i, e in enumerate(exprs):
            if not isinstance(e, (str, int)) or isinstance(e, bool):
                raise _fail(source, f"utilities[{i}] must be an expression (a string)")
            utilities.append(parse_exact(e, env, what=f"U{i + 1}"))
        return StrategicGame(symbols, utilities, players, [[str(a + 1) for a in range(len(cs) + 1)] for cs in names])
    raise _fail(source, "describe the game with 'payoffs' (with 'players' and 'actions'), 'nfg', or 'utilities'")


def bargain_from_dict(data: Any, *, source: str = "<bargain>", base: Path = Path("."), name: str = "bargain"
                      ) -> Bargain:
    """A bargaining problem from parsed JSON (see the module docstring).

    >>> b = bargain_from_dict({"players": ["A", "B"], "actions": [["C", "D"], ["C", "D"]],
    ...     "payoffs": [{"profile": [x, y], "utilities": [u, w]} for x, y, u, w in
    ...                 [("C", "C", 1, 1), ("C", "D", -1, 2), ("D", "C", 2, -1), ("D", "D", 0, 0)]],
    ...     "fair_sets": [{"utility": "U2 <= U1"}, {"map": ["Min(A_C, B_C)"]}]})
    >>> b.game.utilities, b.fair_sets[1].condition()
    ([-A_C + 2*B_C, 2*A_C - B_C], Eq(B_C, Min(A_C, B_C)))
    """
    if not isinstance(data, dict):
        raise _fail(source, f"the file must hold a JSON object (with 'fair_sets' and a game), not a "
                            f"{type(data).__name__ if not isinstance(data, list) else 'list'}")
    unknown = [k for k in data if k not in _KEYS]
    if unknown:
        raise _fail(source, f"unknown key {unknown[0]!r}; the keys are {', '.join(_KEYS)}")
    if "fair_sets" not in data:
        raise _fail(source, "missing key 'fair_sets' (one fair set per player)")
    try:
        game = _game(data, source, base)
    except GameFileError:
        raise
    except ExactfairError as exc:
        raise _fail(source, str(exc)) from None
    specs = data["fair_sets"]
    if not isinstance(specs, list) or len(specs) != game.n:
        raise _fail(source, f"'fair_sets' must be a list with one fair set per player ({game.n})")
    fair_sets, maps = [], []
    for i, spec in enumerate(specs):
        where = f"fair_sets[{i}]"
        if not isinstance(spec, dict) or len(spec) != 1 or next(iter(spec)) not in _FORMS:
            raise _fail(source, f"{where} must be an object with exactly one of the keys {', '.join(_FORMS)}, such as "
                                "{\"utility\": \"U1 >= U2\"}")
        form, value = next(iter(spec.items()))
        try:
            fs = _fair_set(game, i, form, value, source, where)
        except GameFileError:
            raise
        except ExactfairError as exc:
            raise _fail(source, f"{where}: {exc}") from None
        fair_sets.append(fs)
        if fs.kind == "map":
            maps.append(fs)
    return Bargain(name, game, fair_sets, maps)


def _expression(value: Any, source: str, where: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _fail(source, f"{where} must be an expression written as a string, not {type(value).__name__}")
    return value


def _fair_set(game: StrategicGame, i: int, form: str, value: Any, source: str, where: str) -> FairSet:
    if form == "set":
        return FairSet.from_action_set(game, i, _expression(value, source, f"{where}.set"))
    if form == "utility":
        return FairSet.from_utility_condition(game, i, _expression(value, source, f"{where}.utility"))
    if form == "interval":
        if not isinstance(value, list) or len(value) != 2:
            raise _fail(source, f"{where}.interval must be a pair [\"lo\", \"hi\"]")
        return FairSet.from_map(game, i, tuple(_expression(v, source, f"{where}.interval") for v in value))
    if isinstance(value, list):
        return FairSet.from_map(game, i, [_expression(v, source, f"{where}.map") for v in value])
    return FairSet.from_map(game, i, _expression(value, source, f"{where}.map"))
