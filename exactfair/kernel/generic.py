"""Generic evaluation: a rule or an axiom called on symbolic players and a symbolic coalition.

An all-n argument speaks of "a coalition C of any size and named players a, b, … in it".  To read a
user's rule (``per_member(C, i)``) or axiom (``per_member``, ``per_pair``, ``per_coalition``) as such a
statement, it is called with objects that stand for them instead of integers:

* :class:`Player` — a named player; ``1 << p`` names its singleton, ``p == q`` compares two named
  players (distinct names are distinct players);
* :class:`Coalition` — C∖S for a set S of named members; ``C & ~(1 << p)``, ``C ^ (1 << p)`` and
  ``C - (1 << p)`` remove a present member, ``C | (1 << p)`` puts a removed one back;
* :class:`Members` — the member list of a ``per_coalition`` axiom.

Everything else a rule could do with an integer — compare it with a number, use it as an index, do
arithmetic or bit tests on it, branch on it, turn it into a string, iterate over the members — is an
*identity probe*: its answer would depend on which player or coalition it is.  A probe raises
:class:`NotGeneric` (the all-n route is refused with the reason), and is also recorded, so a rule that
catches the exception and takes another path is refused just the same (the probe exception derives
from ``BaseException`` so that ``except Exception`` in a rule does not even see it).  Using a concrete
coalition or player (``logic.value(1)``, ``logic.reward(0, C)``) is refused when the result is read.

What this cannot see is recorded in ``proofs/SOUNDNESS.md`` §8: a rule that inspects its arguments'
``type()`` or ``id()``, or keeps state between calls.  The instance checks of the all-n route
(:mod:`exactfair.kernel.instances`) compare the generic reading with the concrete rule at n = 3, 4, and
the random-game falsification at n = 5, 6 compares it further, so such a rule is caught where it
differs on small games.

>>> from exactfair import logic
>>> frame = Frame(["a"])
>>> a, C = frame.player("a"), frame.coalition()
>>> frame.call(lambda C, i: logic.value(C) - logic.value(C & ~(1 << i)), C, a).terms[1][0].coalition
Coalition(C∖{a})
>>> frame.call(lambda C, i: logic.value(C) if i < 4 else 2 * logic.value(C), C, a)
Traceback (most recent call last):
...
exactfair.kernel.generic.NotGeneric: the rule compares player a with 4 (its answer depends on which player it is)
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, NoReturn

__all__ = ["NotGeneric", "Frame", "Player", "Coalition", "Mask", "Members", "atom_key"]


class NotGeneric(Exception):
    """The rule or axiom asked for something whose meaning depends on which player or coalition it is."""


class _Probe(BaseException):
    """Raised inside a rule at an identity probe; not an ``Exception``, so a rule cannot swallow it."""


def _describe(x: Any) -> str:
    if isinstance(x, Player):
        return f"player {x.name}"
    if isinstance(x, (Coalition, Mask, Members)):
        return repr(x)
    return repr(x) if isinstance(x, (int, float, str)) else type(x).__name__


class Frame:
    """The named players of one generic evaluation and the probes they saw.

    >>> f = Frame(["a", "b"], outsiders=["o"])
    >>> f.player("o").member, f.coalition()
    (False, Coalition(C))
    """

    def __init__(self, members: Iterable[str], outsiders: Iterable[str] = ()) -> None:
        self.probes: list[str] = []
        self.players: dict[str, Player] = {}
        for name in members:
            self.players[name] = Player(name, True, self)
        for name in outsiders:
            self.players[name] = Player(name, False, self)

    def player(self, name: str) -> "Player":
        return self.players[name]

    def coalition(self, removed: Iterable[str] = ()) -> "Coalition":
        return Coalition(frozenset(removed), self)

    def members(self) -> "Members":
        return Members(self)

    def probe(self, what: str) -> NoReturn:
        self.probes.append(what)
        raise _Probe(what)

    def call(self, fn: Callable, *args: Any) -> Any:
        """``fn(*args)``; NotGeneric if it probed an identity (even if it caught the probe)."""
        try:
            out = fn(*args)
        except _Probe:
            out = None
        if self.probes:
            raise NotGeneric(self.probes[0])
        return out


def _refuse(what: str):
    def method(self, *args: Any, **kwargs: Any):
        other = f" with {_describe(args[0])}" if args else ""
        self._frame.probe(f"the rule {what} {_describe(self)}{other} (its answer depends on which "
                          f"{'player' if isinstance(self, Player) else 'coalition'} it is)")
    method.__name__ = what.replace(" ", "_")
    return method


_ARITHMETIC = ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__truediv__", "__rtruediv__",
               "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__pow__", "__rpow__", "__divmod__",
               "__rdivmod__", "__neg__", "__pos__", "__abs__", "__round__", "__trunc__", "__floor__", "__ceil__")
_BITS = ("__lshift__", "__rlshift__", "__rshift__", "__rrshift__", "__and__", "__rand__", "__or__", "__ror__",
         "__xor__", "__rxor__", "__invert__")
_CONVERSIONS = ("__index__", "__int__", "__float__", "__complex__", "__bool__", "__len__", "__iter__",
                "__contains__", "__getitem__", "__str__", "__format__", "__bytes__", "__reversed__")
_ORDER = ("__lt__", "__le__", "__gt__", "__ge__")


class _Symbol:
    """Every operation refuses (an identity probe) unless a subclass defines it."""

    __slots__ = ("_frame",)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        self._frame.probe(f"the rule asked {_describe(self)} for .{name} (its answer depends on which one it is)")

    def __eq__(self, other: object) -> bool:
        self._frame.probe(f"the rule compares {_describe(self)} with {_describe(other)} (its answer depends on "
                          "which one it is)")

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)


for _name in _ARITHMETIC:
    setattr(_Symbol, _name, _refuse("does arithmetic on"))
for _name in _BITS:
    setattr(_Symbol, _name, _refuse("does bit operations on"))
for _name in _CONVERSIONS:
    setattr(_Symbol, _name, _refuse("converts or inspects"))
for _name in _ORDER:
    setattr(_Symbol, _name, _refuse("compares"))


class Player(_Symbol):
    """A named player (a member of C, or an outsider).  ``1 << p`` is its singleton :class:`Mask`."""

    __slots__ = ("name", "member")

    def __init__(self, name: str, member: bool, frame: Frame) -> None:
        self.name, self.member, self._frame = name, member, frame

    def __rlshift__(self, other: Any) -> "Mask":
        if type(other) is int and other == 1:
            return Mask(frozenset({self.name}), self._frame)
        self._frame.probe(f"the rule shifts {_describe(other)} by {_describe(self)} (only 1 << player names it)")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Player) and other._frame is self._frame:
            return other.name == self.name
        return super().__eq__(other)

    def __hash__(self) -> int:
        return hash(("player", self.name))

    def __repr__(self) -> str:
        return f"Player({self.name})"


class Mask(_Symbol):
    """A set of named players as a bit mask: ``1 << p`` and unions of those."""

    __slots__ = ("players",)

    def __init__(self, players: frozenset, frame: Frame) -> None:
        self.players, self._frame = players, frame

    def __or__(self, other: Any) -> "Mask":
        if isinstance(other, Mask):
            return Mask(self.players | other.players, self._frame)
        return super().__or__(other)

    __ror__ = __or__

    def __invert__(self) -> "_Complement":
        return _Complement(self.players, self._frame)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mask):
            return other.players == self.players
        return super().__eq__(other)

    def __hash__(self) -> int:
        return hash(("mask", self.players))

    def __repr__(self) -> str:
        return "Mask({" + ",".join(sorted(self.players)) + "})"


class _Complement(_Symbol):
    """``~(1 << p)``: only ``C & ~(1 << p)`` means something."""

    __slots__ = ("players",)

    def __init__(self, players: frozenset, frame: Frame) -> None:
        self.players, self._frame = players, frame

    def __and__(self, other: Any) -> "Coalition":
        if isinstance(other, Coalition):
            return other.without(self.players)
        return super().__and__(other)

    __rand__ = __and__

    def __hash__(self) -> int:
        return hash(("complement", self.players))

    def __repr__(self) -> str:
        return "~Mask({" + ",".join(sorted(self.players)) + "})"


class Coalition(_Symbol):
    """C∖removed for a coalition C of any size that contains every named member."""

    __slots__ = ("removed",)

    def __init__(self, removed: frozenset, frame: Frame) -> None:
        self.removed, self._frame = removed, frame

    def _named(self, mask: Any, op: str) -> frozenset:
        if not isinstance(mask, Mask):
            self._frame.probe(f"the rule combines {_describe(self)} with {_describe(mask)} by {op} (only named "
                              "players can be removed from C or put back)")
        return mask.players

    def without(self, players: frozenset) -> "Coalition":
        members = {p for p in players if self._frame.players[p].member}      # removing an outsider changes nothing
        return Coalition(self.removed | members, self._frame)

    def __and__(self, other: Any) -> "Coalition":
        if isinstance(other, _Complement):
            return self.without(other.players)
        return super().__and__(other)

    __rand__ = __and__

    def __xor__(self, other: Any) -> "Coalition":
        players = self._named(other, "^")
        self._members_only(players, "^")
        return Coalition(self.removed ^ players, self._frame)

    __rxor__ = __xor__

    def __sub__(self, other: Any) -> "Coalition":
        players = self._named(other, "-")
        self._members_only(players, "-")
        if players & self.removed:
            self._frame.probe(f"the rule subtracts a player that {_describe(self)} no longer contains")
        return Coalition(self.removed | players, self._frame)

    def __or__(self, other: Any) -> "Coalition":
        players = self._named(other, "|")
        self._members_only(players, "|")
        return Coalition(self.removed - players, self._frame)

    __ror__ = __or__

    def _members_only(self, players: frozenset, op: str) -> None:
        outside = sorted(p for p in players if not self._frame.players[p].member)
        if outside:
            self._frame.probe(f"the rule adds the outsider {outside[0]} to C by {op} (C∪{{o}} is not a coalition "
                              "of the form C∖S)")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Coalition) and other._frame is self._frame:
            return other.removed == self.removed
        return super().__eq__(other)

    def __hash__(self) -> int:
        return hash(("coalition", self.removed))

    def __repr__(self) -> str:
        return "Coalition(C" + ("∖{" + ",".join(sorted(self.removed)) + "}" if self.removed else "") + ")"


class Members(_Symbol):
    """The members of C for a ``per_coalition`` axiom: any use needs |C| and refuses."""

    __slots__ = ()

    def __init__(self, frame: Frame) -> None:
        self._frame = frame

    def __hash__(self) -> int:
        return hash("members")

    def __repr__(self) -> str:
        return "the members of C"


def atom_key(atom: Any) -> tuple:
    """The quantity a generic atom stands for: ``("v", removed)``, ``("single", p)`` or ``("M", p, removed)``.

    Raises NotGeneric for an atom with a concrete coalition or player, or one that is not of the form
    C∖S, {p} or M_p^{C∖S} (p not removed).

    >>> from exactfair.axioms.logic import Reward, Value
    >>> f = Frame(["a"]); C = f.coalition()
    >>> a = f.player("a")
    >>> atom_key(Reward(a, C)), atom_key(Value(C & ~(1 << a))), atom_key(Value(1 << a))
    (('M', 'a', ()), ('v', ('a',)), ('single', 'a'))
    >>> atom_key(Value(3))
    Traceback (most recent call last):
    ...
    exactfair.kernel.generic.NotGeneric: the rule uses the concrete coalition 3 (which coalition it is depends on n and the labelling)
    """
    from ..axioms.logic import Value
    where = atom.coalition
    if isinstance(atom, Value):
        if isinstance(where, Coalition):
            return ("v", tuple(sorted(where.removed)))
        if isinstance(where, Mask) and len(where.players) == 1:
            return ("single", next(iter(where.players)))
        if isinstance(where, Mask):
            raise NotGeneric(f"the rule uses the value of {where!r}, a coalition of several named players (only C∖S "
                             "and singletons have a meaning for every size of C)")
        raise NotGeneric(f"the rule uses the concrete coalition {where!r} (which coalition it is depends on n and "
                         "the labelling)")
    player = atom.player
    if not isinstance(player, Player):
        raise NotGeneric(f"the rule uses the concrete player {player!r} (which player it is depends on the labelling)")
    if not isinstance(where, Coalition):
        raise NotGeneric(f"the rule uses a reward at {_describe(where)}; rewards are read at C∖S only")
    if player.member and player.name in where.removed:
        raise NotGeneric(f"the rule uses the reward of {player.name} at a coalition without {player.name}")
    return ("M", player.name, tuple(sorted(where.removed)))
