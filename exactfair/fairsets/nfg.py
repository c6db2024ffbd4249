"""A small reader of Gambit's strategic-form (``.nfg``) files, exact payoffs.

Both Gambit layouts are read:

* payoff list: ``NFG 1 R "title" { "P1" "P2" } { 2 2 }`` followed by the payoffs of every
  pure profile (player 1's strategy changing fastest), one number per player;
* outcome list: strategy labels ``{ { "C" "D" } { "C" "D" } }``, a comment string, outcome
  blocks ``{ "name" p1, p2 }`` and then one outcome index per profile (0 = no outcome).

Numbers are read exactly (integers, decimals, ``p/q``).  pygambit would read the same
files but needs a long source build here and is GPL, so exactfair ships this reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from ..errors import GameFileError

__all__ = ["NfgGame", "parse_nfg", "read_nfg"]

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\{|\}|,|[^\s{},"]+')


@dataclass(frozen=True)
class NfgGame:
    """Players, strategy labels and exact payoffs ``payoffs[profile][player]``.

    Profiles are tuples of strategy indices; ``payoffs`` maps each to a tuple of Fractions.

    >>> g = parse_nfg('NFG 1 R "t" { "A" "B" } { 2 2 } 1 1 0 2 3 0 1 1')
    >>> g.players, g.strategies
    (('A', 'B'), (('1', '2'), ('1', '2')))
    """

    title: str
    players: tuple[str, ...]
    strategies: tuple[tuple[str, ...], ...]
    payoffs: dict


def _tokens(text: str):
    line = 1
    pos = 0
    for match in _TOKEN.finditer(text):
        line += text.count("\n", pos, match.start())
        pos = match.start()
        yield match.group(), line


def _number(token: str, line: int, source: str) -> Fraction:
    try:
        return Fraction(token)
    except (ValueError, ZeroDivisionError):
        raise GameFileError(f"{source}: line {line}: expected a number, got {token!r}") from None


def parse_nfg(text: str, source: str = "<nfg>") -> NfgGame:
    """Parse ``.nfg`` text.

    >>> g = parse_nfg('NFG 1 R "PD" { "1" "2" } { 2 2 }\\n1 1 2 -1 -1 2 0 0')
    >>> g.payoffs[(1, 0)]
    (Fraction(2, 1), Fraction(-1, 1))
    >>> parse_nfg('NFG 1 R "x" { "1" } { 2 }\\n1 zz')
    Traceback (most recent call last):
    ...
    exactfair.errors.GameFileError: <nfg>: line 2: expected a number, got 'zz'
    """
    toks = list(_tokens(text))
    k = 0

    def take(expected: str | None = None):
        nonlocal k
        if k >= len(toks):
            raise GameFileError(f"{source}: unexpected end of file" + (f", expected {expected!r}" if expected else ""))
        tok, line = toks[k]
        if expected is not None and tok != expected:
            raise GameFileError(f"{source}: line {line}: expected {expected!r}, got {tok!r}")
        k += 1
        return tok, line

    take("NFG")
    version, line = take()
    if version != "1":
        raise GameFileError(f"{source}: line {line}: unsupported NFG version {version!r}")
    kind, line = take()
    if kind != "R":
        raise GameFileError(f"{source}: line {line}: expected 'R' (rational payoffs), got {kind!r}")
    title, line = take()
    if not title.startswith('"'):
        raise GameFileError(f"{source}: line {line}: expected the title string, got {title!r}")
    take("{")
    players = []
    while toks[k][0] != "}":
        tok, line = take()
        if not tok.startswith('"'):
            raise GameFileError(f"{source}: line {line}: expected a player name in quotes, got {tok!r}")
        players.append(tok.strip('"'))
    take("}")
    take("{")
    strategies: list[tuple[str, ...]] = []
    outcome_format = toks[k][0] == "{"
    if outcome_format:
        for _ in players:
            take("{")
            labels = []
            while toks[k][0] != "}":
                labels.append(take()[0].strip('"'))
            take("}")
            strategies.append(tuple(labels))
    else:
        for _ in players:
            tok, line = take()
            if not tok.isdigit() or int(tok) < 1:
                raise GameFileError(f"{source}: line {line}: expected a number of strategies, got {tok!r}")
            strategies.append(tuple(str(s + 1) for s in range(int(tok))))
    take("}")
    counts = [len(s) for s in strategies]
    profiles = _profiles(counts)
    payoffs: dict = {}
    if outcome_format:
        if k < len(toks) and toks[k][0].startswith('"'):
            take()  # comment
        outcomes = []
        take("{")                                # the list of outcomes is wrapped in braces
        while k < len(toks) and toks[k][0] == "{":
            take("{")
            take()  # outcome name
            values = []
            while toks[k][0] != "}":
                tok, line = take()
                if tok == ",":
                    continue
                values.append(_number(tok, line, source))
            take("}")
            if len(values) != len(players):
                raise GameFileError(f"{source}: outcome {len(outcomes) + 1} has {len(values)} payoffs, "
                                    f"expected {len(players)}")
            outcomes.append(tuple(values))
        take("}")
        for profile in profiles:
            tok, line = take()
            if not tok.isdigit() or int(tok) > len(outcomes):
                raise GameFileError(f"{source}: line {line}: expected an outcome index 0..{len(outcomes)}, got {tok!r}")
            idx = int(tok)
            payoffs[profile] = outcomes[idx - 1] if idx else tuple(Fraction(0) for _ in players)
    else:
        for profile in profiles:
            values = []
            for _ in players:
                tok, line = take()
                values.append(_number(tok, line, source))
            payoffs[profile] = tuple(values)
    if k != len(toks):
        tok, line = toks[k]
        raise GameFileError(f"{source}: line {line}: unexpected {tok!r} after the payoffs")
    return NfgGame(title.strip('"'), tuple(players), tuple(strategies), payoffs)


def _profiles(counts):
    profiles = [()]
    for c in counts:
        profiles = [p + (s,) for s in range(c) for p in profiles]
    # reorder so that player 1's strategy changes fastest
    return sorted(profiles, key=lambda p: tuple(reversed(p)))


def read_nfg(path: str | Path) -> NfgGame:
    """Read an ``.nfg`` file.

    >>> from exactfair.examples import data_path
    >>> read_nfg(data_path("prisoners_dilemma.nfg")).strategies
    (('Cooperate', 'Defect'), ('Cooperate', 'Defect'))
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GameFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_nfg(text, str(path))
