"""A data scientist's first hour, measured in one run: a 12-owner learned valuation, repaired and certified.

scikit-learn's digits split among 12 owners of unequal size; owner 11 holds noisy labels (shuffled), owner 12
a copy of owner 3's data.  v(C) = the accuracy on a held-out set of a ridge classifier trained on the union
of C's data (v(∅) = 0: no data, no model); 4,096 values through ``Game.from_function`` (two local processes,
a cache, ``floats="decimal:4"``).  Then, in this one run:

1. the three repairs — the monotone closure, the least largest change (``linf``) and the fewest changed values
   (``fewest``) — with how many values each changed and the largest change;
2. for the ``linf``- and the ``fewest``-repaired game: the table and the certificate (``check_axioms`` with the
   mechanism: every axiom, F4 against the 4,095 games v + [S ⊇ C]) of Algorithm 1, Shapley and Banzhaf, timed;
3. the Banzhaf table against the Shapley table at n = 12 (best of 5, alternating; goal ≤ 3×), the grand
   coalition's Banzhaf value against the plainest independent way (a loop over the 2¹¹ subsets per player,
   Fractions) and shapiq's ``ExactComputer`` (floats) where installed, and F4 of Banzhaf against the whole
   recomputation of each second table at n = 10 (the path before issue 22);
4. the registered-formula Banzhaf of the old path at n = 10 (coalition by coalition), for scale.

Run: ``python benchmarks/learned_valuation.py`` (a few minutes on 2 cores; writes
``benchmarks/results/learned_valuation.txt``).  ``--quick`` skips item 4.
"""

from __future__ import annotations

import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import numpy as np

from exactfair import Game, balanced_reciprocity, banzhaf, check_axioms, shapley
from exactfair.core.coalitions import subsets

RESULTS = Path(__file__).parent / "results" / "learned_valuation.txt"
SIZES = [12, 18, 25, 30, 40, 50, 60, 75, 90, 110, 60, 25]        # owner 12 copies owner 3 (25 points)


def owners_of_digits(seed: int = 0):
    """Training indices per owner (unequal sizes, owner 11 noisy, owner 12 a copy of owner 3), and the data."""
    from sklearn.datasets import load_digits
    x, y = load_digits(return_X_y=True)
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(y))
    test = order[1200:]
    start, owners = 0, {}
    for k, size in enumerate(SIZES[:11], start=1):
        owners[f"O{k}"] = order[start:start + size]
        start += size
    y_train = y.copy()
    noisy = owners["O11"]
    y_train[noisy] = rng.permutation(y_train[noisy])                  # owner 11: labels shuffled
    owners["O12"] = owners["O3"]                                       # owner 12: a copy of owner 3
    return owners, x, y_train, y, test


def make_accuracy(owners, x, y_train, y, test):
    from sklearn.linear_model import RidgeClassifier

    def accuracy(coalition):
        if not coalition:
            return 0.0
        idx = np.concatenate([owners[o] for o in coalition])
        if len(set(y_train[idx].tolist())) < 2:
            return float(np.mean(y[test] == y_train[idx][0]))
        return float(RidgeClassifier(alpha=1.0).fit(x[idx], y_train[idx]).score(x[test], y[test]))
    return accuracy


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def best_alternating(fns: dict, repeat: int = 5) -> dict:
    best = {k: float("inf") for k in fns}
    for _ in range(repeat):
        for k, fn in fns.items():
            best[k] = min(best[k], timed(fn)[1])
    return best


def plain_banzhaf_grand(game: Game) -> list:
    """The independent way: for each player, the 2ⁿ⁻¹ marginals summed with Fractions."""
    n, full = game.n, (1 << game.n) - 1
    v = game.values
    out = []
    for i in range(n):
        rest = full & ~(1 << i)
        total = sum((v[s | 1 << i] - v[s] for s in subsets(rest)), Fraction(0))
        out.append(total / (1 << (n - 1)))
    return out


def shapiq_banzhaf_grand(game: Game):
    try:
        import shapiq
    except ImportError:
        return None, "shapiq not installed"
    n = game.n
    values = {m: float(game.value(m)) for m in range(1 << n)}

    class Table(shapiq.Game):
        def __init__(self):
            super().__init__(n_players=n, normalize=False)

        def value_function(self, coalitions):
            masks = coalitions.astype(np.int64) @ (1 << np.arange(n))
            return np.array([values[int(m)] for m in masks])

    computer = shapiq.ExactComputer(n_players=n, game=Table())
    result, seconds = timed(lambda: computer("BV", 1))
    return [result[(i,)] for i in range(n)], seconds


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lines: list[str] = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        lines.append(text)

    owners, x, y_train, y, test = owners_of_digits()
    accuracy = make_accuracy(owners, x, y_train, y, test)
    cache = Path(tempfile.mkdtemp()) / "digits.jsonl"
    game, seconds = timed(lambda: Game.from_function(list(owners), accuracy, cache=cache, jobs=2,
                                                     floats="decimal:4", progress=False))
    say(f"12 owners (sizes {', '.join(map(str, SIZES))}; O11 noisy labels, O12 = a copy of O3): "
        f"{game.metadata['computed']:,} values (∅ included) in {seconds:.1f} s with 2 processes")
    say(f"v(N) = {float(game[tuple(owners)]):.4f}; monotone: {game.is_monotone().holds} "
        f"({game.is_monotone().detail})")

    say("\n1. repairs")
    repaired_games = {}
    for kind in ("closure", "linf", "fewest"):
        (repaired, report), seconds = timed(lambda kind=kind: game.monotone_repair(kind))
        say(f"   {kind:7}: {report.count:,} of {report.coalitions:,} values changed, largest change "
            f"{float(report.largest):.4f} ({seconds:.3f} s)")
        repaired_games[kind] = repaired
    nearest = repaired_games["linf"]
    bit = 1 << list(owners).index("O11")
    num = game.numerators
    lower = sum(1 for m in range(1 << 12) if not m & bit and num[m | bit] < num[m])
    say(f"   (no monotone game keeps more: 'fewest' is optimal — adding the noisy O11 lowers v(C) for {lower:,} of "
        f"the 2,048 coalitions C without it)")

    for kind in ("linf", "fewest"):
        say(f"\n2. certificates of the {kind}-repaired game (every axiom; F4 against the 4,095 games v + [S ⊇ C])")
        for name, mechanism in (("Algorithm 1", balanced_reciprocity), ("Shapley", shapley), ("Banzhaf", banzhaf)):
            table, t_table = timed(lambda m=mechanism, g=repaired_games[kind]: m(g))
            results, t_check = timed(lambda t=table, m=mechanism: check_axioms(t, mechanism=m, max_violations=1))
            failing = [a for a, r in results.items() if not r.holds]
            say(f"   {name:11}: table {t_table:.3f} s, certificate {t_check:.2f} s (F4 included); "
                f"fails: {', '.join(failing) or 'none'}")
    grand = balanced_reciprocity(nearest).grand_coalition()
    say(f"   Algorithm 1's rewards in N sum to {float(sum(grand.values())):.3f} for v(N) = "
        f"{float(nearest[tuple(owners)]):.4f} (replicable values, not shares); O3 and O12 get "
        f"{float(grand['O3']):.4f} and {float(grand['O12']):.4f}; noisy O11 gets {float(grand['O11']):.4f}")

    say("\n3. Banzhaf at n = 12, in this run")
    best = best_alternating({"shapley": lambda: shapley(nearest), "banzhaf": lambda: banzhaf(nearest)})
    say(f"   table: Banzhaf {best['banzhaf'] * 1000:.2f} ms, Shapley {best['shapley'] * 1000:.2f} ms: "
        f"ratio {best['banzhaf'] / best['shapley']:.2f}× (goal ≤ 3×)")
    plain, t_plain = timed(lambda: plain_banzhaf_grand(nearest))
    ours = [banzhaf(nearest).reward(i, (1 << 12) - 1) for i in range(12)]
    assert plain == ours, "the integer Banzhaf disagrees with the plain loop"
    say(f"   grand coalition by a plain loop over the subsets (Fractions): {t_plain:.3f} s; equal to the table")
    theirs, t_shapiq = shapiq_banzhaf_grand(nearest)
    if theirs is None:
        say(f"   shapiq: {t_shapiq}")
    else:
        gap = max(abs(float(a) - b) for a, b in zip(ours, theirs))
        say(f"   shapiq ExactComputer('BV') on the same values (floats): {t_shapiq:.3f} s; largest difference "
            f"{gap:.1e}")
    ten = Game.from_scaled(list(owners)[:10], nearest.numerators[:1 << 10], nearest.denominator)
    table10 = banzhaf(ten)
    new, t_new = timed(lambda: check_axioms(table10, mechanism=banzhaf, axioms=["F4"])["F4"])
    old, t_old = timed(lambda: check_axioms(table10, mechanism=lambda g: banzhaf(g), axioms=["F4"])["F4"])
    assert new == old
    say(f"   F4 of Banzhaf at n = 10 (the first ten owners): only columns D ⊇ C {t_new:.2f} s, every second table "
        f"recomputed {t_old:.2f} s; same result")

    if "--quick" not in argv:
        from exactfair.axioms.registry import MECHANISM_REGISTRY, _explicit_exact
        formula = _explicit_exact("banzhaf", MECHANISM_REGISTRY["banzhaf"].per_member)
        old_table, t_formula = timed(lambda: formula(ten))
        assert old_table.rewards == table10.rewards
        new_time = best_alternating({"b": lambda: banzhaf(ten)})["b"]
        say(f"\n4. the old path (the registered formula, coalition by coalition) at n = 10: {t_formula:.1f} s; "
            f"the integer table: {new_time * 1000:.2f} ms")

    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
