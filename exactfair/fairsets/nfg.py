"""A reader of Gambit's strategic-form (``.nfg``) files that follows Gambit's own rules, with exact payoffs.

Gambit decides the layout of the body from its first token, reads ``R`` and ``D`` files exactly
(decimals as written), allows an optional comment string after the strategies, unescapes ``\\"``
in labels, and renames empty and duplicate labels (``_1``, ``x_2``, …).  The two layouts:

* payoff list (the body starts with a number): the payoffs of every pure profile (player 1's
  strategy changing fastest), one number per player;
* outcome list (the body starts with ``{``): outcome blocks ``{ "name" p1, p2 }`` inside braces,
  then one outcome index per profile (0 = no outcome, payoffs 0).

Strategies may be given as counts ``{ 2 2 }`` or as labels ``{ { "C" "D" } { "C" "D" } }`` with
either layout.  A malformed file is refused with the line and what was expected there.
pygambit would read the same files but needs a long source build here and is GPL, so exactfair
ships this reader (written from the format's rules, tested on hand-written files of every form).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from ..core.errors import ExpressionError, GameFileError
from ..core.expressions import parse_decimal

__all__ = ["NfgGame", "parse_nfg", "read_nfg", "normalize_labels"]


@dataclass(frozen=True)
class NfgGame:
    """Players, strategy labels and exact payoffs ``payoffs[profile][player]``.

    Profiles are tuples of strategy indices; ``payoffs`` maps each to a tuple of Fractions.
    ``comment`` is the optional comment string; ``kind`` is ``"R"`` or ``"D"``.

    >>> g = parse_nfg('NFG 1 R "t" { "A" "B" } { 2 2 } 1 1 0 2 3 0 1 1')
    >>> g.players, g.strategies
    (('A', 'B'), (('1', '2'), ('1', '2')))
    """

    title: str
    players: tuple[str, ...]
    strategies: tuple[tuple[str, ...], ...]
    payoffs: dict
    comment: str = ""
    kind: str = "R"


_NUMBER = re.compile(r"[+-]?(\d+/\d+|\d+(\.\d*)?([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)")


def _tokens(text: str, source: str) -> list[tuple[str, str, int]]:
    """(kind, text, line) with kinds ``{ } , number text symbol``.

    Strings are in double quotes; a backslash before a quote is an escaped quote (the backslash is
    dropped), a backslash before anything else is kept.
    """
    out: list[tuple[str, str, int]] = []
    pos, line, size = 0, 1, len(text)
    while pos < size:
        c = text[pos]
        if c == "\n":
            line += 1
            pos += 1
            continue
        if c.isspace():
            pos += 1
            continue
        if c in "{},":
            out.append((c, c, line))
            pos += 1
            continue
        if c == '"':
            start_line = line
            pos += 1
            chars: list[str] = []
            while True:
                if pos >= size:
                    raise GameFileError(f"{source}: line {start_line}: a string label is not closed (missing '\"')")
                ch = text[pos]
                if ch == "\\" and pos + 1 < size:
                    nxt = text[pos + 1]
                    chars.append('"' if nxt == '"' else "\\" + nxt)
                    line += nxt == "\n"
                    pos += 2
                    continue
                if ch == '"':
                    pos += 1
                    break
                line += ch == "\n"
                chars.append(ch)
                pos += 1
            out.append(("text", "".join(chars), start_line))
            continue
        m = _NUMBER.match(text, pos)
        if m and (c.isdigit() or c in "+-."):
            out.append(("number", m.group(), line))
            pos = m.end()
            continue
        end = pos
        while end < size and not text[end].isspace() and text[end] not in '{},"':
            end += 1
        out.append(("symbol", text[pos:end], line))
        pos = end
    return out


def normalize_labels(labels: list[str]) -> list[str]:
    """Gambit's renaming: empty and repeated labels get ``_1``, ``_2``, … (skipping labels in use).

    >>> normalize_labels(["x", "x", "x_1", ""])
    ['x_2', 'x_3', 'x_1', '_1']
    """
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    used = set(labels)
    visited: dict[str, int] = {}
    out = []
    for label in labels:
        if counts[label] == 1 and label != "":
            out.append(label)
            continue
        while True:
            visited[label] = visited.get(label, 0) + 1
            candidate = f"{label}_{visited[label]}"
            if candidate not in used:
                break
        used.add(candidate)
        out.append(candidate)
    return out


class _Reader:
    def __init__(self, text: str, source: str) -> None:
        self.toks = _tokens(text, source)
        self.k = 0
        self.source = source

    def peek(self) -> tuple[str, str, int]:
        if self.k < len(self.toks):
            return self.toks[self.k]
        return ("eof", "", self.toks[-1][2] if self.toks else 1)

    def error(self, expected: str, tok: tuple | None = None) -> GameFileError:
        kind, text, line = tok or self.peek()
        found = ("the end of the file" if kind == "eof" else f'the string "{text}"' if kind == "text"
                 else repr(text))
        return GameFileError(f"{self.source}: line {line}: expected {expected}, found {found}")

    def take(self, kind: str, expected: str) -> tuple[str, str, int]:
        tok = self.peek()
        if tok[0] != kind:
            raise self.error(expected, tok)
        self.k += 1
        return tok

    def number(self, expected: str) -> Fraction:
        _, text, line = self.take("number", expected)
        try:
            return parse_decimal(text, what=f"{self.source}: line {line}: the number")
        except ZeroDivisionError:
            raise GameFileError(f"{self.source}: line {line}: {text} divides by zero") from None
        except ExpressionError as exc:
            raise GameFileError(str(exc)) from None


def parse_nfg(text: str, source: str = "<nfg>") -> NfgGame:
    """Parse ``.nfg`` text as Gambit does (both layouts, ``R`` and ``D``, comments, label renaming).

    >>> g = parse_nfg('NFG 1 R "PD" { "1" "2" } { 2 2 }\\n1 1 2 -1 -1 2 0 0')
    >>> g.payoffs[(1, 0)]
    (Fraction(2, 1), Fraction(-1, 1))
    >>> d = parse_nfg('NFG 1 D "d" { "a" "a" } { { "" "" } { "x" } } "a comment" 0.1 1 2.5 -1')
    >>> d.players, d.strategies, d.payoffs[(0, 0)], d.comment
    (('a_1', 'a_2'), (('_1', '_2'), ('x',)), (Fraction(1, 10), Fraction(1, 1)), 'a comment')
    >>> parse_nfg('NFG 1 R "x" { "1" } { 2 }\\n1 zz')
    Traceback (most recent call last):
    ...
    exactfair.core.errors.GameFileError: <nfg>: line 2: expected a payoff (a number) for player 1 in profile 2, found 'zz'
    """
    r = _Reader(text, source)
    if r.peek()[:2] != ("symbol", "NFG"):
        raise r.error("the file type 'NFG'")
    r.k += 1
    if r.peek()[1] != "1":
        raise r.error("NFG version 1")
    r.k += 1
    data_kind = r.peek()
    if data_kind[0] != "symbol" or data_kind[1] not in ("R", "D"):
        raise r.error("the data type 'R' (rational) or 'D' (decimal)")
    r.k += 1
    title = r.take("text", "the game title (a string in quotes)")[1]
    r.take("{", "'{' opening the list of players")
    players = []
    while r.peek()[0] == "text":
        players.append(r.take("text", "a player name")[1])
    r.take("}", "a player name in quotes or '}'")
    if not players:
        raise GameFileError(f"{source}: line {r.toks[r.k - 1][2]}: expected at least one player")
    r.take("{", "'{' opening the strategies")
    strategies: list[list[str]] = []
    if r.peek()[0] == "{":
        for p in range(len(players)):
            r.take("{", f"'{{' opening the strategy labels of player {p + 1}")
            labels = []
            while r.peek()[0] == "text":
                labels.append(r.take("text", "a strategy label")[1])
            r.take("}", f"a strategy label in quotes or '}}' for player {p + 1}")
            if not labels:
                raise GameFileError(f"{source}: line {r.toks[r.k - 1][2]}: player {p + 1} has no strategies")
            strategies.append(labels)
    else:
        for p in range(len(players)):
            _, count, line = r.take("number", f"the number of strategies of player {p + 1}")
            if not count.isdigit() or not count.strip("0"):
                raise GameFileError(f"{source}: line {line}: expected a positive number of strategies for player "
                                    f"{p + 1}, found {count[:40]!r}")
            number = int(count) if len(count) <= 18 else 10 ** 18     # more than any file holds: refused below
            _require_payoffs([len(s) for s in strategies] + [number], len(r.toks) - r.k, source, line)
            strategies.append([str(s + 1) for s in range(int(count))])
    r.take("}", f"'}}' after the strategies of {len(players)} player(s)")
    comment = r.take("text", "a comment")[1] if r.peek()[0] == "text" else ""
    _require_payoffs([len(s) for s in strategies], len(r.toks) - r.k, source, r.toks[r.k - 1][2])
    strategies = [normalize_labels(s) for s in strategies]
    players = normalize_labels(players)
    profiles = _profiles([len(s) for s in strategies])
    payoffs: dict = {}
    first = r.peek()
    if first[0] == "{":
        r.k += 1
        outcomes: list[tuple] = []
        while r.peek()[0] == "{":
            r.k += 1
            r.take("text", f"the name of outcome {len(outcomes) + 1} (a string, may be empty)")
            values = []
            for p in range(len(players)):
                values.append(r.number(f"payoff {p + 1} of {len(players)} of outcome {len(outcomes) + 1}"))
                if r.peek()[0] == ",":
                    r.k += 1
            r.take("}", f"'}}' closing outcome {len(outcomes) + 1} ({len(players)} payoffs)")
            outcomes.append(tuple(values))
        r.take("}", "'{' opening an outcome or '}' closing the outcome list")
        zero = tuple(Fraction(0) for _ in players)
        for index, profile in enumerate(profiles):
            _, value, line = r.take("number", f"an outcome index for profile {index + 1} of {len(profiles)}")
            if not value.isdigit() or int(value) > len(outcomes):
                raise GameFileError(f"{source}: line {line}: expected an outcome index 0..{len(outcomes)} for profile "
                                    f"{index + 1}, found {value!r}")
            payoffs[profile] = outcomes[int(value) - 1] if int(value) else zero
    elif first[0] == "number":
        for index, profile in enumerate(profiles):
            payoffs[profile] = tuple(r.number(f"a payoff (a number) for player {p + 1} in profile {index + 1}")
                                     for p in range(len(players)))
    else:
        raise r.error("the payoffs: '{' (an outcome list) or a number (a payoff list)")
    if r.peek()[0] != "eof":
        raise r.error("the end of the file after the payoffs")
    return NfgGame(title, tuple(players), tuple(tuple(s) for s in strategies), payoffs, comment, data_kind[1])


#: Up to this many profiles are allocated without comparing with the tokens that follow.
_SMALL_PROFILES = 4096


def _require_payoffs(counts: list[int], tokens_left: int, source: str, line: int) -> None:
    """Refuse, before allocating the strategies or profiles, counts whose profiles the file cannot hold: every
    profile needs at least one token (an outcome index, or one payoff per player) after the strategies.  A small
    shortfall is left to the reader, which names the first missing payoff."""
    profiles = 1
    for c in counts:
        profiles *= c
        if profiles > max(tokens_left, _SMALL_PROFILES):
            raise GameFileError(f"{source}: line {line}: the strategies declare at least {profiles:,} strategy profiles, "
                                f"but only {tokens_left:,} tokens follow; an .nfg file lists a payoff (or an outcome "
                                "index) for every profile")


def _profiles(counts):
    profiles = [()]
    for c in counts:
        profiles = [p + (s,) for s in range(c) for p in profiles]
    # reorder so that player 1's strategy changes fastest
    return sorted(profiles, key=lambda p: tuple(reversed(p)))


def read_nfg(path: str | Path) -> NfgGame:
    """Read an ``.nfg`` file.

    >>> from exactfair.data.examples import data_path
    >>> read_nfg(data_path("prisoners_dilemma.nfg")).strategies
    (('Cooperate', 'Defect'), ('Cooperate', 'Defect'))
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GameFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_nfg(text, str(path))
