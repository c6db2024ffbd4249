"""The monotone repair that changes the fewest coalition values (``monotone_repair(game, "fewest")``).

Call a pair S ⊊ T *violating* when v(S) > v(T).  Violations are transitive (S ⊊ T ⊊ U with v(S) > v(T) >
v(U) gives S ⊊ U and v(S) > v(U)), so they form a strict partial order on the coalitions.  A set K of
coalitions can keep its values in some monotone game if and only if no two members of K violate: the
other values can then be set to max{v(S) : S ∈ K, S ⊆ C}, which is monotone, equals v on K, and is at most
every v(T), T ∈ K, T ⊇ C (the repair moves them less: :func:`fewest_changes`).  So the fewest changes are 2ⁿ minus the largest antichain of the violation
order — by Dilworth's theorem and König's, found from a maximum matching of its bipartite graph
(Hopcroft–Karp).  A game keeps v(∅) = 0: ∅ is always kept, so every T with v(T) < 0 changes.

This repair minimises the *number* of changed values, not their size (``"linf"`` minimises the largest
change).  It needs the violating pairs (up to 3ⁿ pairs of coalitions), so it is offered up to n = 14.

>>> sorted(kept_coalitions(np.array([0, 5, 1, 3]), 2))      # change v({1}) = 5 (or v({1,2}) = 3): one value
[0, 2, 3]
"""

from __future__ import annotations

from collections import deque

import numpy as np

from .errors import ExactfairError

__all__ = ["kept_coalitions", "fewest_changes", "FEWEST_MAX_N"]

#: Largest n for the fewest-changes repair (the violating pairs are enumerated).
FEWEST_MAX_N = 14


def _violations(num: np.ndarray, n: int, candidates: np.ndarray) -> list[list[int]]:
    """For each coalition S, the coalitions T ⊋ S with v(S) > v(T) (among the candidates)."""
    above: list[list[int]] = [[] for _ in range(1 << n)]
    values = num.tolist()
    alive = candidates.tolist()
    full = (1 << n) - 1
    for s in range(1, 1 << n):
        if not alive[s]:
            continue
        rest = full & ~s
        extra = rest
        vs = values[s]
        while extra:                                   # every proper superset s | extra
            t = s | extra
            if alive[t] and vs > values[t]:
                above[s].append(t)
            extra = (extra - 1) & rest
    return above


def _maximum_matching(above: list[list[int]], nodes: list[int]) -> dict[int, int]:
    """Hopcroft–Karp on the bipartite graph S (left) — T (right) of the violating pairs; right → left."""
    match_left: dict[int, int] = {}
    match_right: dict[int, int] = {}
    infinity = len(nodes) + 1
    while True:
        dist: dict[int, int] = {}
        queue = deque()
        for u in nodes:
            if u not in match_left and above[u]:
                dist[u] = 0
                queue.append(u)
        found = False
        while queue:
            u = queue.popleft()
            for t in above[u]:
                w = match_right.get(t)
                if w is None:
                    found = True
                elif w not in dist:
                    dist[w] = dist[u] + 1
                    queue.append(w)
        if not found:
            return match_right
        for u in nodes:
            if u in match_left or u not in dist:
                continue
            stack = [(u, iter(above[u]))]             # iterative DFS along the layered graph
            path: list[tuple[int, int]] = []
            while stack:
                node, edges = stack[-1]
                advanced = False
                for t in edges:
                    w = match_right.get(t)
                    if w is None:
                        path.append((node, t))
                        for left, right in path:
                            match_left[left] = right
                            match_right[right] = left
                        stack = []
                        advanced = True
                        break
                    if dist.get(w) == dist[node] + 1:
                        path.append((node, t))
                        stack.append((w, iter(above[w])))
                        advanced = True
                        break
                if not advanced:
                    stack.pop()
                    dist[node] = infinity                 # dead end: not tried again in this phase
                    if path:
                        path.pop()


def kept_coalitions(num: np.ndarray, n: int) -> set[int]:
    """A largest set of coalitions (bitmasks, ∅ included) whose values a monotone game can keep.

    >>> len(kept_coalitions(np.array([0, 2, 1, 1]), 2))
    3
    """
    if n > FEWEST_MAX_N:
        raise ExactfairError(f"the fewest-changes repair enumerates the violating pairs of coalitions (up to 3^n); "
                             f"it is offered up to n = {FEWEST_MAX_N}, this game has {n} players: use "
                             "--repair linf (the least largest change) or closure")
    candidates = num >= 0                                  # v(T) < 0 violates with the kept v(∅) = 0
    candidates[0] = True
    above = _violations(num, n, candidates)
    nodes = [m for m in range(1, 1 << n) if candidates[m]]
    match_right = _maximum_matching(above, nodes)
    match_left = {left: right for right, left in match_right.items()}
    # König: alternating reachability from the unmatched left vertices
    reached_left = {u for u in nodes if u not in match_left}
    reached_right: set[int] = set()
    queue = deque(reached_left)
    while queue:
        u = queue.popleft()
        for t in above[u]:
            if t not in reached_right:
                reached_right.add(t)
                w = match_right.get(t)
                if w is not None and w not in reached_left:
                    reached_left.add(w)
                    queue.append(w)
    kept = {m for m in nodes if m in reached_left and m not in reached_right}
    return kept | {0}


def fewest_changes(num: np.ndarray, n: int) -> np.ndarray:
    """The repaired numerators: the kept values stay; every other v(C) moves as little as the kept values allow
    from above — the upward closure of min(v, H), H(C) = min{v(T) : T kept, T ⊇ C} (it equals v on the kept
    coalitions, lies between max{v(S) : S kept, S ⊆ C} and H, and is monotone).

    >>> fewest_changes(np.array([0, 5, 1, 3]), 2).tolist()
    [0, 3, 1, 3]
    """
    from .fast import downward_closure, upward_closure
    from .scaled import max_abs, widen
    num = widen(num, 2 * max_abs(num) + 2)
    kept = np.zeros(1 << n, dtype=bool)
    kept[sorted(kept_coalitions(num, n))] = True
    above_all = max(int(num.max()), 0) + 1
    ceiling = downward_closure(np.where(kept, num, above_all).astype(num.dtype), n)
    repaired = upward_closure(np.minimum(num, ceiling), n)
    if repaired[0] != 0 or np.any(repaired[kept] != num[kept]):
        raise ExactfairError("internal error: the fewest-changes repair moved a kept value; please report it")
    return repaired
