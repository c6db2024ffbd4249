"""A mechanism chosen by name — a built-in, any registered one, or your own from ``FILE.py:NAME``.

The command line (``rewards``, ``check``, ``valuate``, ``--mechanism``) and the Python API
(:func:`reward_table`, ``check_axioms(..., mechanism=...)``) accept the same things:

* a built-in name: ``balanced-reciprocity`` (Algorithm 1), ``shapley``, ``banzhaf``, ``equal-split``,
  ``rho-shapley`` (with ρ and which Shapley value);
* any registered mechanism, e.g. one defined with :func:`exactfair.define_mechanism` in this process;
* ``FILE.py:NAME`` — your file is run (it is code you chose to run, like a claims file for ``prove``)
  and NAME taken from it: a :class:`~exactfair.axioms.registry.Mechanism` (``define_mechanism(...)``) or a
  function ``game -> RewardTable``.  Whatever your code raises is one error naming the file and line.
  Definitions your file registers last for this choice only (the registries are restored after it runs).

>>> choose_mechanism("banzhaf").name
'banzhaf'
>>> choose_mechanism("median")
Traceback (most recent call last):
...
exactfair.core.errors.ExactfairError: unknown mechanism 'median'; registered: balanced-reciprocity, shapley, banzhaf, equal-split, and rho-shapley; or FILE.py:NAME for one defined in your file
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Callable

from ..core.errors import ExactfairError
from ..core.game import Game
from ..axioms.registry import MECHANISM_REGISTRY, Mechanism, _checked_exact, scoped_registries
from ..core.table import RewardTable
from ..core.usercode import describe_callable, run_user_file

__all__ = ["Chosen", "choose_mechanism", "reward_table", "mechanism_names"]

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Chosen:
    """A chosen mechanism: its ``name``, ``compute(game, progress)`` for the table, and ``f4`` — what
    :func:`exactfair.check_axioms` is given as ``mechanism=`` (so that F4 recomputes only what changes)."""

    name: str
    compute: Callable[[Game, Progress | None], RewardTable]
    f4: Any
    requires: str | None = None


def mechanism_names() -> list[str]:
    """The names ``--mechanism`` accepts (besides ``FILE.py:NAME``).

    >>> mechanism_names()[:4]
    ['balanced-reciprocity', 'shapley', 'banzhaf', 'equal-split']
    """
    return MECHANISM_REGISTRY.names() + ["rho-shapley"]


def _builtin(name: str, require_monotone: bool, rho: Any, shapley_of: str) -> Chosen | None:
    from ..mechanisms import balanced_reciprocity, banzhaf, equal_split, rho_shapley, shapley

    if name == "balanced-reciprocity":
        f4 = functools.partial(balanced_reciprocity, require_monotone=require_monotone)
        return Chosen(name, lambda g, p: balanced_reciprocity(g, require_monotone=require_monotone, progress=p), f4,
                      "monotone")
    if name == "rho-shapley":
        def run(g: Game, p: Progress | None = None) -> RewardTable:
            return rho_shapley(g, rho, shapley_of=shapley_of, require_monotone=require_monotone)
        return Chosen(name, run, lambda g: run(g), "monotone")
    plain = {"shapley": shapley, "banzhaf": banzhaf, "equal-split": equal_split}.get(name)
    if plain is None or MECHANISM_REGISTRY.get(name) is None:
        return None
    return Chosen(name, lambda g, p: plain(g), plain)


def _from_registered(mechanism: Mechanism, require_monotone: bool, label: str | None = None) -> Chosen:
    from ..mechanisms.balanced_reciprocity import require_monotone_game

    name = label or mechanism.name

    def run(game: Game, progress: Progress | None = None) -> RewardTable:
        if require_monotone and mechanism.requires == "monotone":
            require_monotone_game(game, name)
        return mechanism.exact(game)
    return Chosen(name, run, mechanism, mechanism.requires)


def _from_file(spec: str, require_monotone: bool) -> Chosen:
    with scoped_registries():
        path, name, namespace = run_user_file(spec, "mechanism")
    if name not in namespace:
        found = [k for k, v in namespace.items() if isinstance(v, Mechanism)]
        raise ExactfairError(f"{path} defines no {name!r}; its mechanisms (define_mechanism): "
                             f"{', '.join(found) or 'none'}")
    value = namespace[name]
    if isinstance(value, Mechanism):
        return _from_registered(value, require_monotone, f"{value.name} ({spec})")
    if callable(value) and not isinstance(value, type):
        run = _checked_exact(f"{describe_callable(value)} ({spec})", value)
        return Chosen(f"{name} ({spec})", lambda g, p: run(g), run)
    raise ExactfairError(f"{spec} is {type(value).__name__}, not a mechanism: define it with "
                         "exactfair.define_mechanism(...) or as a function game -> RewardTable")


def choose_mechanism(spec: "str | Mechanism | Callable", *, rho: Any = "1", shapley_of: str = "grand",
                     require_monotone: bool = True) -> Chosen:
    """The mechanism named by ``spec`` (module docstring), ready to compute a table and to check F4 with.

    >>> from exactfair import examples
    >>> chosen = choose_mechanism("equal-split")
    >>> chosen.compute(examples.example1(), None).grand_coalition()[1]
    Fraction(9, 4)
    """
    if isinstance(spec, Mechanism):
        return _from_registered(spec, require_monotone)
    if callable(spec):
        run = _checked_exact(describe_callable(spec), spec)
        return Chosen(getattr(spec, "__name__", "mechanism"), lambda g, p: run(g), spec)
    if not isinstance(spec, str) or not spec.strip():
        raise ExactfairError(f"a mechanism is a name, FILE.py:NAME, a Mechanism or a function; got {spec!r}")
    spec = spec.strip()
    if spec.rpartition(":")[0].endswith(".py"):
        return _from_file(spec, require_monotone)
    chosen = _builtin(spec, require_monotone, rho, shapley_of)
    if chosen is not None:
        return chosen
    mechanism = MECHANISM_REGISTRY.get(spec)
    if mechanism is None:
        names = mechanism_names()
        raise ExactfairError(f"unknown mechanism {spec!r}; registered: {', '.join(names[:-1])}, and {names[-1]}; "
                             "or FILE.py:NAME for one defined in your file")
    return _from_registered(mechanism, require_monotone)


def reward_table(game: Game, mechanism: "str | Mechanism | Callable" = "balanced-reciprocity", *,
                 rho: Any = "1", shapley_of: str = "grand", require_monotone: bool = True,
                 progress: Progress | None = None) -> RewardTable:
    """The reward table of ``game`` under any mechanism :func:`choose_mechanism` accepts.

    >>> from exactfair import examples
    >>> reward_table(examples.example1(), "banzhaf")[4, (1, 2, 3, 4)]
    Fraction(37, 8)
    """
    chosen = choose_mechanism(mechanism, rho=rho, shapley_of=shapley_of, require_monotone=require_monotone)
    return chosen.compute(game, progress)
