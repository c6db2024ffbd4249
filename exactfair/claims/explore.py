"""Explore the axioms: every subset settled — which are satisfiable, which determine the table.

For a list of axioms, n players and game classes, :func:`explore` decides for every subset S of the axioms
whether S is **satisfiable** (some game of the classes has a table satisfying S) and whether S **determines a
unique table** (on every game of the classes, two tables satisfying S coincide).  Both come from one claim
per subset, ``Claim(assume=S, conclude="unique", games=...)`` through :func:`exactfair.prove`: *vacuous*
means S is unsatisfiable, *refuted* gives a game and two distinct tables (S does not determine the table),
*proved* means S is satisfiable and determines it — every answer with its verdict, its witness and the
second solver's agreement.  A **characterization** is a satisfiable S that determines the table.

Answers are monotone, which prunes the search: a superset of an unsatisfiable set is unsatisfiable, a
subset of a satisfiable set is satisfiable, a superset of a set that determines the table determines it,
a subset of one that does not determine it does not.  A set whose answers both follow from settled sets is
not solved again (its record says from which); a solved non-characterization is grown greedily towards a
maximal one, a solved characterization shrunk towards a minimal one, so that one claim settles many.

The landscape (:class:`Landscape`) lists the minimal characterizations, the maximal non-characterizations
(satisfiable, with two tables), the minimal unsatisfiable subsets, the implication matrix of single
axioms (A ⊨ B on the class, each a claim), and for each minimal characterization which mechanism's table
it is (a built-in or given mechanism M with ``Claim(M, conclude=S)`` proved: the one table is M's), the
further axioms it entails, and the all-n verdict (:func:`exactfair.all_n`).

>>> land = explore(["R2", "R3", "R5", "F5"], 2, games="monotone")
>>> land.minimal_characterizations()
[('R2', 'R3', 'R5', 'F5')]
>>> land.solved <= land.subsets == 16
True
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from typing import Any, Sequence

__all__ = ["explore", "Landscape", "SubsetResult"]


@dataclass(frozen=True)
class SubsetResult:
    """What is known of one subset: satisfiable? determines the table? and from which verdict.

    ``how`` is ``"solved"`` (its own claim was proved, refuted or vacuous: ``verdict``, ``witness``,
    ``second_solver``) or ``"implied by …"`` (both answers follow from settled subsets or supersets).
    """

    subset: tuple[str, ...]
    satisfiable: bool | None
    unique: bool | None
    how: str
    verdict: str = ""
    witness: dict | None = None
    second_solver: dict | None = None
    reason: str = ""

    @property
    def characterization(self) -> bool:
        return bool(self.satisfiable and self.unique)

    def to_dict(self) -> dict:
        return {"subset": list(self.subset), "satisfiable": self.satisfiable, "unique": self.unique,
                "how": self.how, "verdict": self.verdict, "witness": self.witness,
                "second_solver": self.second_solver, "reason": self.reason}


@dataclass
class Landscape:
    """The settled subset lattice of some axioms at n players on some game classes."""

    n: int
    classes: tuple[str, ...]
    axioms: tuple[str, ...]
    results: dict = field(default_factory=dict)           # frozenset -> SubsetResult
    solved: int = 0
    seconds: float = 0.0
    implications: list = field(default_factory=list)
    characterizations: list = field(default_factory=list)

    @property
    def subsets(self) -> int:
        return 1 << len(self.axioms)

    def _ordered(self, s) -> tuple[str, ...]:
        return tuple(a for a in self.axioms if a in s)

    def minimal_characterizations(self) -> list[tuple[str, ...]]:
        good = [s for s, r in self.results.items() if r.characterization]
        return self._sorted([s for s in good if not any(t < s for t in good)])

    def maximal_non_characterizations(self) -> list[tuple[str, ...]]:
        bad = [s for s, r in self.results.items() if r.satisfiable and r.unique is False]
        return self._sorted([s for s in bad if not any(s < t for t in bad)])

    def minimal_unsatisfiable(self) -> list[tuple[str, ...]]:
        unsat = [s for s, r in self.results.items() if r.satisfiable is False]
        return self._sorted([s for s in unsat if not any(t < s for t in unsat)])

    def unconfirmed(self) -> list[tuple[str, ...]]:
        """Solved subsets whose verdict the second solver did not confirm (z3 only)."""
        from ..kernel.verdicts import confirmed
        return self._sorted([s for s, r in self.results.items() if r.how == "solved" and r.verdict in
                             ("proved (z3 only)", "vacuous") and not confirmed(r.second_solver)])

    def undecided(self) -> list[tuple[str, ...]]:
        return self._sorted([s for s, r in self.results.items() if r.satisfiable is None or
                             (r.satisfiable and r.unique is None)])

    def _sorted(self, sets) -> list[tuple[str, ...]]:
        index = {a: k for k, a in enumerate(self.axioms)}
        return sorted((self._ordered(s) for s in sets), key=lambda t: (len(t), [index[a] for a in t]))

    def result(self, subset: Sequence[str]) -> SubsetResult:
        return self.results[frozenset(subset)]

    def to_dict(self) -> dict:
        """The JSON landscape (axiom names in the order given)."""
        return {"n": self.n, "class": ", ".join(self.classes) or "any", "axioms": list(self.axioms),
                "minimal_characterizations": [list(s) for s in self.minimal_characterizations()],
                "maximal_non_characterizations": [list(s) for s in self.maximal_non_characterizations()],
                "minimal_unsatisfiable": [list(s) for s in self.minimal_unsatisfiable()],
                "implications": self.implications, "characterizations": self.characterizations,
                "undecided": [list(s) for s in self.undecided()],
                "unconfirmed": [list(s) for s in self.unconfirmed()],
                "solved": self.solved, "subsets": self.subsets, "seconds": round(self.seconds, 2),
                "results": [self.results[frozenset(s)].to_dict() for s in self._sorted(self.results)]}

    def to_text(self) -> str:
        """The landscape as tables a person reads."""
        name = lambda s: "{" + ", ".join(s) + "}"  # noqa: E731
        lines = [f"Axioms {', '.join(self.axioms)} at n = {self.n} on {', '.join(self.classes) or 'all'} games: "
                 f"{self.subsets} subsets, {self.solved} solved ({self.seconds:.1f} s)", "",
                 "minimal characterizations (satisfiable, determine the table):"]
        for c in self.characterizations:
            lines.append(f"  {name(c['subset'])}: the table of {c['mechanism'] or 'none of the built-ins'}; also "
                         f"{', '.join(c['entails']) or 'nothing more'}; all n: {c['all_n']['verdict']}"
                         + (f" ({c['all_n']['reason']})" if c['all_n'].get("reason") else ""))
        if not self.characterizations:
            lines.append("  none")
        lines += ["", "maximal non-characterizations (two tables):"]
        lines += [f"  {name(s)}" for s in self.maximal_non_characterizations()] or ["  none"]
        lines += ["", "minimal unsatisfiable subsets:"]
        lines += [f"  {name(s)}" for s in self.minimal_unsatisfiable()] or ["  none"]
        if self.undecided():
            lines += ["", "undecided:"] + [f"  {name(s)}" for s in self.undecided()]
        if self.unconfirmed():
            lines += ["", "decided by z3 only (cvc5 did not confirm):"] + [f"  {name(s)}" for s in self.unconfirmed()]
        if self.implications:
            width = max(len(a) for a in self.axioms)
            lines += ["", "implications (row ⊨ column; ✓ proved, · refuted, ∅ row unsatisfiable, ? undecided):",
                      " " * (width + 3) + " ".join(a.ljust(width) for a in self.axioms)]
            mark = {"proved": "✓", "refuted": "·", "vacuous": "∅"}
            table = {(i["assume"], i["conclude"]): i["verdict"] for i in self.implications}
            for a in self.axioms:
                cells = [("-" if a == b else mark.get(table.get((a, b)), "?")).ljust(width) for b in self.axioms]
                lines.append(f"  {a.ljust(width)} " + " ".join(cells).rstrip())
        return "\n".join(lines)

    def plot(self, path: str) -> None:
        """A Hasse diagram of the subset lattice: characterizations green (minimal ones ringed), two-table
        subsets grey, unsatisfiable red."""
        from ..core.plotting import pyplot
        plt = pyplot()
        k = len(self.axioms)
        levels: dict[int, list] = {}
        for s in self._sorted(self.results):
            levels.setdefault(len(s), []).append(s)
        pos = {}
        for size, sets in levels.items():
            for x, s in enumerate(sets):
                pos[frozenset(s)] = ((x + 0.5) / len(sets), size)
        fig, ax = plt.subplots(figsize=(max(8, 2 ** k / 24), 1 + k))
        for s, (x, y) in pos.items():
            for a in self.axioms:
                t = s | {a}
                if a not in s and t in pos:
                    ax.plot([x, pos[t][0]], [y, pos[t][1]], color="0.85", lw=0.3, zorder=1)
        minimal = {frozenset(s) for s in self.minimal_characterizations()}
        for s, (x, y) in pos.items():
            r = self.results[s]
            colour = "tab:green" if r.characterization else "tab:red" if r.satisfiable is False else \
                "0.6" if r.unique is False else "gold"
            ax.scatter([x], [y], s=60 if s in minimal else 14, c=colour, edgecolors="black" if s in minimal else "none",
                       zorder=2)
            if s in minimal:
                ax.annotate(",".join(self._ordered(s)), (x, y), fontsize=7, xytext=(3, 3), textcoords="offset points")
        ax.set_yticks(range(k + 1))
        ax.set_ylabel("number of axioms")
        ax.set_xticks([])
        ax.set_title(f"{', '.join(self.axioms)} at n = {self.n} ({', '.join(self.classes) or 'all'} games): green = "
                     "determines the table, grey = two tables, red = unsatisfiable")
        fig.tight_layout()
        fig.savefig(path, dpi=130)
        plt.close(fig)


# --------------------------------------------------------------------------- settling one subset
def _claim(subset, classes):
    from .api import Claim
    return Claim(assume=tuple(subset), conclude="unique", games=classes)


def _solve(subset: tuple, n: int, classes: tuple, timeout: float) -> SubsetResult:
    """One subset's claim (module level, so it can run in a worker process or on a Dask worker)."""
    from .api import prove
    v = prove(_claim(subset, classes), n, timeout=timeout, shrink=False)
    if v.verdict == "vacuous":
        return SubsetResult(subset, False, None, "solved", v.verdict, None, v.second_solver, v.reason)
    if v.verdict == "refuted":
        return SubsetResult(subset, True, False, "solved", v.verdict, v.witness.to_dict(), v.second_solver)
    if v.verdict in ("proved", "proved (z3 only)"):
        return SubsetResult(subset, True, True, "solved", v.verdict, None, v.second_solver,
                            getattr(v, "reason", ""))
    return SubsetResult(subset, None, None, "solved", v.verdict, None, v.second_solver, getattr(v, "reason", ""))


class _Knowledge:
    """Settled subsets and what monotonicity implies for the others."""

    def __init__(self, axioms: tuple[str, ...]) -> None:
        self.axioms = axioms
        self.results: dict[frozenset, SubsetResult] = {}

    def implied(self, s: frozenset) -> tuple[bool | None, bool | None, str]:
        sat = unique = None
        why = []
        for t, r in self.results.items():
            if r.how != "solved":
                continue
            if r.satisfiable is False and t <= s:
                return False, None, f"a subset {sorted(t)} is unsatisfiable"
            if r.satisfiable and s <= t and sat is None:
                sat = True
                why.append(f"sat: {sorted(t)}")
            if r.unique and r.satisfiable and t <= s and unique is None:
                unique = True
                why.append(f"determined: {sorted(t)}")
            if r.unique is False and s <= t and unique is None:
                unique, sat = False, True
                why.append(f"two tables: {sorted(t)}")
        return sat, unique, "; ".join(why)

    def settled(self, s: frozenset) -> bool:
        sat, unique, _ = self.implied(s)
        return sat is False or (sat is True and unique is not None)

    def add(self, result: SubsetResult) -> None:
        self.results[frozenset(result.subset)] = result


def _order(axioms: tuple, s) -> tuple:
    return tuple(a for a in axioms if a in s)


def explore(axioms: Sequence[Any], n: int, games: Any = "monotone", *, mechanisms: Sequence[Any] = (),
            jobs: int = 1, scheduler: Any = None, timeout: float = 60.0, implications: bool = True,
            identify: bool = True, progress=None) -> "Landscape":
    """Settle every subset of ``axioms`` at n players on the game classes (see the module docstring).

    ``mechanisms``: mechanisms (names or objects) to try, besides the built-ins, when naming the table a
    minimal characterization determines.  ``jobs`` > 1 (local processes) or ``scheduler`` (a Dask
    scheduler address or Client) solve independent subsets in parallel, level by level; the landscape is the
    same as a sequential run's.  ``implications``/``identify``: also the implication matrix / the
    identification, entailments and all-n verdicts of the minimal characterizations.
    """
    from .api import Claim
    start = time.perf_counter()
    names = tuple(a if isinstance(a, str) else a.name for a in axioms)
    resolved = {a if isinstance(a, str) else a.name: a for a in axioms}
    classes = Claim(conclude="unique", games=games).games
    knowledge = _Knowledge(names)
    solver = _Solver(n, classes, timeout, jobs, scheduler, resolved)
    try:
        if jobs > 1 or scheduler is not None:
            _level_by_level(knowledge, solver, progress)
        else:
            _greedy(knowledge, solver, progress)
    finally:
        solver.close()
    land = Landscape(n, classes, names)
    for bits in range(1 << len(names)):
        s = frozenset(a for k, a in enumerate(names) if bits >> k & 1)
        if s in knowledge.results:
            land.results[s] = knowledge.results[s]
            continue
        sat, unique, why = knowledge.implied(s)
        land.results[s] = SubsetResult(_order(names, s), sat, unique, f"implied ({why})")
    land.solved = solver.count
    if implications:
        land.implications = _implications(names, resolved, n, classes, timeout)
    if identify:
        land.characterizations = [_identify(s, names, resolved, mechanisms, n, classes, timeout)
                                  for s in land.minimal_characterizations()]
    land.seconds = time.perf_counter() - start
    return land


class _Solver:
    """Solves subsets (and counts them): here, in local worker processes, or on a Dask cluster."""

    def __init__(self, n, classes, timeout, jobs, scheduler, resolved) -> None:
        self.n, self.classes, self.timeout, self.resolved = n, classes, timeout, resolved
        self.count = 0
        self.pool = self.client = None
        if scheduler is not None:
            try:
                from distributed import Client
            except ImportError:
                raise RuntimeError("--scheduler needs the dask extra: pip install 'exactfair[dask]'") from None
            self.client = Client(scheduler) if isinstance(scheduler, str) else scheduler
        elif jobs > 1:
            from ..core.workers import fork_pool
            self.pool = fork_pool(jobs)

    def _args(self, subset):
        """Axioms by name where the registry knows them (names travel to workers), else the objects."""
        from ..axioms.registry import AXIOM_REGISTRY
        out = []
        for a in subset:
            axiom = self.resolved[a]
            registered = isinstance(axiom, str) or AXIOM_REGISTRY.get(axiom.name) is axiom
            out.append(a if registered else axiom)
        return tuple(out)

    def many(self, subsets: list[tuple]) -> list[SubsetResult]:
        self.count += len(subsets)
        if self.client is not None:
            futures = self.client.map(_solve, [self._args(s) for s in subsets], n=self.n, classes=self.classes,
                                      timeout=self.timeout, pure=False)
            results = self.client.gather(futures)
        elif self.pool is not None:
            results = self.pool.starmap(_solve, [(self._args(s), self.n, self.classes, self.timeout)
                                                 for s in subsets])
        else:
            results = [_solve(self._args(s), self.n, self.classes, self.timeout) for s in subsets]
        return [_named(r, s) for r, s in zip(results, subsets)]

    def one(self, subset: tuple) -> SubsetResult:
        return self.many([subset])[0]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool.join()


def _named(result: SubsetResult, subset: tuple) -> SubsetResult:
    from dataclasses import replace
    return replace(result, subset=subset)


def _greedy(knowledge: _Knowledge, solver: _Solver, progress) -> None:
    """Ascending by size; each solved two-table set grown, each characterization shrunk (monotone pruning)."""
    names = knowledge.axioms
    for size in range(len(names) + 1):
        for combo in itertools.combinations(names, size):
            s = frozenset(combo)
            if knowledge.settled(s) or s in knowledge.results:
                continue
            r = solver.one(combo)
            knowledge.add(r)
            if progress:
                progress(r, solver.count)
            if r.satisfiable and r.unique is not None:
                _walk(knowledge, solver, s, progress, grow=r.unique is False)


def _walk(knowledge: _Knowledge, solver: _Solver, s: frozenset, progress, *, grow: bool) -> None:
    """Grow a two-table set (add axioms while two tables remain) or shrink a characterization (remove axioms
    while it still determines the table), so that one walk settles a whole down- or up-set."""
    names = knowledge.axioms

    def good(sat, unique) -> bool:
        return bool(sat and unique is False) if grow else bool(sat and unique)
    for a in names:
        if (a in s) == grow:
            continue
        t = s | {a} if grow else s - {a}
        sat, unique, _ = knowledge.implied(t)
        if good(sat, unique):
            s = t
            continue
        if sat is False or unique is not None or t in knowledge.results:
            continue                                           # settled the other way
        r = solver.one(_order(names, t))
        knowledge.add(r)
        if progress:
            progress(r, solver.count)
        if good(r.satisfiable, r.unique):
            s = t


def _level_by_level(knowledge: _Knowledge, solver: _Solver, progress) -> None:
    """Every unsettled subset of one size at once (in parallel), smallest first; then any still unsettled."""
    names = knowledge.axioms
    for size in range(len(names) + 1):
        batch = [combo for combo in itertools.combinations(names, size)
                 if not knowledge.settled(frozenset(combo))]
        for r in solver.many(batch):
            knowledge.add(r)
            if progress:
                progress(r, solver.count)


# --------------------------------------------------------------------------- what a landscape says
def _implications(names, resolved, n, classes, timeout) -> list[dict]:
    from .api import Claim, prove
    out = []
    for a, b in itertools.permutations(names, 2):
        v = prove(Claim(assume=(resolved[a],), conclude=(resolved[b],), games=classes), n, timeout=timeout,
                  shrink=False)
        entry = {"assume": a, "conclude": b, "verdict": v.verdict, "second_solver": v.second_solver}
        if v.verdict == "refuted":
            entry["witness"] = v.witness.violation
        out.append(entry)
    return out


def _identify(subset, names, resolved, mechanisms, n, classes, timeout) -> dict:
    """Which mechanism's table a characterization determines, what else it entails, and all n."""
    from .api import Claim, all_n, prove
    from ..axioms.registry import MECHANISM_REGISTRY, get_mechanism
    assume = tuple(resolved[a] for a in subset)
    candidates = list(dict.fromkeys(list(MECHANISM_REGISTRY.names()) + [m if isinstance(m, str) else m
                                                                         for m in mechanisms]))
    mechanism = None
    for m in candidates:
        mech = get_mechanism(m)
        v = prove(Claim(mech, conclude=assume, games=classes), n, timeout=timeout, shrink=False)
        if v.verdict == "proved":
            mechanism = mech.name
            break
    entails = []
    for b in names:
        if b in subset:
            continue
        v = prove(Claim(assume=assume, conclude=(resolved[b],), games=classes), n, timeout=timeout, shrink=False)
        if v.verdict == "proved":
            entails.append(b)
    general = all_n(Claim(assume=assume, conclude="unique", games=classes))
    return {"subset": list(subset), "mechanism": mechanism, "entails": entails,
            "all_n": {"verdict": general.verdict, "scope": general.scope, "reason": getattr(general, "reason", "")}}
