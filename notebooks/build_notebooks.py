"""Write the notebooks of this folder from the cell lists below (outputs stripped).

Run ``python notebooks/build_notebooks.py`` after editing; ``tests/test_notebooks.py`` executes
the committed ``.ipynb`` files headless and checks they are in sync with this script.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

HERE = Path(__file__).parent

M, C = "markdown", "code"

BALANCED_RECIPROCITY = [
    (M, """# Balanced reciprocity: the paper's examples and theorems, machine-checked

This notebook follows *A Mechanism for Mutual Fairness in Cooperative Games with Replicable Resources*:
Example 1 and the Theorem 5 game step by step, Algorithm 1 traced for one coalition, every axiom checked
exactly, and Theorems 1–2 and Corollaries 3–4 machine-checked with z3. Every claim stated here is asserted."""),
    (C, """import exactfair
from exactfair import examples, balanced_reciprocity, check_axioms, trace_coalition, rho_shapley
from exactfair.claims import PAPER_TABLES
from exactfair.smt.prover import prove_claim, Options
from exactfair.smt.engine import run_claim, all_n_verdict, uniqueness_up_to
from IPython.display import Markdown, display"""),
    (M, """## Example 1: the tables as the paper prints them"""),
    (C, """game = examples.example1()
table = balanced_reciprocity(game)
display(Markdown(table.to_markdown(min_size=2)))
for coalition, row in PAPER_TABLES["example1"].items():
    assert tuple(table[p, coalition] for p in table.players) == row, coalition"""),
    (M, """With v′({1,3}) = 5 the rewards in {1,3} rise, but in the grand coalition players 1 and 3 gain nothing and
player 2 loses (the paper's argument against Sim et al.'s F4):"""),
    (C, """prime = balanced_reciprocity(examples.example1_prime())
print("v :", list(table.grand_coalition().values()))
print("v′:", list(prime.grand_coalition().values()))
assert list(prime.grand_coalition().values()) == [5, 4, 8, 9]
assert prime[1, (1, 3)] > table[1, (1, 3)] and prime[3, (1, 3)] > table[3, (1, 3)]"""),
    (M, """## Algorithm 1 traced for the coalition {2,3,4}

Reference j = player 2 (line 12), provisional rewards m (line 15), k = argmax (line 17), then line 20 for
the others (the listing's line 19 must read i ≠ k, erratum E1)."""),
    (C, """tr = trace_coalition(game, (2, 3, 4))
print("j =", game.players[tr.j], " m =", {game.players[i]: str(x) for i, x in tr.m.items()},
      " k =", game.players[tr.k])
print("rewards:", {game.players[i]: str(x) for i, x in tr.rewards.items()})
assert game.players[tr.k] == 4 and {game.players[i]: x for i, x in tr.rewards.items()} == {2: 7, 3: 5, 4: 9}"""),
    (M, """## Every axiom, checked exactly on Example 1 (F4 against the games v + [S ⊇ C])"""),
    (C, """results = check_axioms(table, mechanism=balanced_reciprocity)
for name, r in results.items():
    print(f"{name}: {'holds' if r.holds else 'FAILS'}  ({r.instances_checked} instances)")
assert all(r.holds for r in results.values())"""),
    (M, """## Theorem 5's game: the ρ = 1 Shapley table and Algorithm 1's table"""),
    (C, """g5 = examples.theorem5_game()
display(Markdown(rho_shapley(g5, 1).to_markdown(min_size=2)))
display(Markdown(balanced_reciprocity(g5).to_markdown(min_size=2)))
for name, t in (("theorem5-rho1", rho_shapley(g5, 1)), ("theorem5-alg1", balanced_reciprocity(g5))):
    for coalition, row in PAPER_TABLES[name].items():
        assert tuple(str(t[p, coalition]) for p in t.players) == tuple(map(str, row))"""),
    (M, """## Theorem 1 (uniqueness from R3, R5, F5) — refuted, and repaired

z3 finds two different tables satisfying R3, R5 and F5 at n = 2, shrunk to small integers and re-checked
exactly. The proof's step "M′_k^A > v_A violates R3" needs R2 (feasibility)."""),
    (C, """v = prove_claim("theorem1", 2)
print(v.witness.render())
assert v.verdict == "refuted"
game_w = v.witness.games[0]
m, m2 = v.witness.tables
assert all(exactfair.check_axiom(a, t).holds for a in ("R3", "R5", "F5") for t in (m, m2)) and m != m2"""),
    (C, """repaired = [prove_claim("theorem1", n, opt=Options(extra_axioms=("R2",))) for n in (2, 3, 4)]
print([(r.n, r.verdict) for r in repaired])
allv, argument = all_n_verdict("theorem1+R2")
print("all n:", allv.verdict, "-", argument)
print(uniqueness_up_to(20).scope)
assert all(r.verdict == "proved" for r in repaired) and allv.verdict == "proved\""""),
    (M, """## Theorem 2: each axiom for Algorithm 1 on monotone games

R1, R2, R4 and F5 are proved for all n by their inductive-step lemmas; the others for bounded n. F3 fails at
n = 4 — shown with the shrunk witness and the violated inequality — and holds once > is relaxed to ≥."""),
    (C, """for axiom in ("R1", "R2", "R3", "R4", "R5", "F1", "F2", "F4", "F5"):
    run = run_claim(f"theorem2.{axiom}", [2, 3], try_repairs=False)
    all_n = run.all_n.verdict if run.all_n else "-"
    print(f"theorem2.{axiom}: n=2,3 {[v.verdict for v in run.per_n]}; all n: {all_n}")
    assert all(v.verdict == "proved" for v in run.per_n)"""),
    (C, """f3 = prove_claim("theorem2.F3", 4)
print(f3.witness.render())
assert f3.verdict == "refuted" and all(x in (0, 1) for x in f3.witness.games[0].values)
assert prove_claim("theorem2.F3", 4, opt=Options(relaxed=True)).verdict == "proved\""""),
    (M, """## Corollaries 3 and 4"""),
    (C, """c3 = run_claim("corollary3", [2, 3], try_repairs=False)
print("corollary 3:", [v.verdict for v in c3.per_n], "all n:", c3.all_n.verdict)
assert c3.all_n.verdict == "proved"
c4 = prove_claim("corollary4.R2", 2)
print(c4.witness.render())
assert c4.verdict == "refuted"
assert prove_claim("corollary4.R1", 3, opt=Options(extra_axioms=("R2",))).verdict == "proved\""""),
]

RHO = [
    (M, """# ρ-Shapley against balanced reciprocity

The scaled ρ-Shapley value (eq. 18) meets weak efficiency but not balanced reciprocity (F5). Here: the F5
violations, the exact set of ρ ∈ (0, 1] for which each axiom holds on chosen games, and the rewards against ρ."""),
    (C, """import sympy
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import tempfile
from pathlib import Path
FIGURES = Path(tempfile.mkdtemp(prefix="exactfair-figures-"))   # figures go outside the repository
from IPython.display import Image, display
from exactfair import examples, rho_shapley, balanced_reciprocity, check_axiom
from exactfair.rho import f5_rho_set, axiom_rho_sets, theorem5_verdict, r4_rho_set, RHO
from exactfair.exact import sign
from exactfair.smt.search import search_violation"""),
    (M, """## F5 violations at ρ = 1 and ρ = log2(3) − 1"""),
    (C, """g = examples.theorem5_game()
for rho in (1, sympy.log(3, 2) - 1):
    r = check_axiom("F5", rho_shapley(g, rho))
    print(f"rho = {rho}: F5 {'holds' if r.holds else 'fails'}; e.g. {r.violations[0]}")
    assert not r.holds
assert rho_shapley(g, sympy.log(3, 2) - 1)[1, (1, 2)] == 2"""),
    (M, """## Exact ρ-sets: no single ρ makes F5 hold (Theorem 5)"""),
    (C, """sets = {c: f5_rho_set(g, c, *c) for c in ((1, 2), (1, 3), (2, 3))}
for c, s in sets.items():
    print(c, s, "≈", [sympy.N(x, 8) for x in s])
verdict = theorem5_verdict()
print(verdict.verdict, "-", verdict.details[0])
assert verdict.verdict == "proved"
(r12,), (r13,) = tuple(sets[(1, 2)]), tuple(sets[(1, 3)])
assert sign(r13 - r12) == 1
print(axiom_rho_sets(g))
assert axiom_rho_sets(g)["F5"] == sympy.EmptySet and axiom_rho_sets(g)["R4"] == sympy.Interval.Lopen(0, 1)"""),
    (M, """A game where R4 holds only for small ρ: v₁ = 1, v₂ = 2, v₁₂ = 2 needs ρ ≤ log 2 / log 3."""),
    (C, """from exactfair import Game
total, per = r4_rho_set(Game.from_bitmask_values([0, 1, 2, 2]))
print(total)
assert total == sympy.Interval.Lopen(0, sympy.log(2) / sympy.log(3))"""),
    (M, """## z3 finds F5 violations for ρ = 1 and ρ = 1/2 at n = 2 (shrunk, re-checked exactly)"""),
    (C, """for rho in ("1", "1/2"):
    s = search_violation("F5", "rho-shapley", [2], rho=rho)
    print(s.claim, s.verdict); print(s.witness.render())
    assert s.verdict == "refuted\""""),
    (M, """## Rewards against ρ (floats only in the picture)"""),
    (C, """import numpy as np
xs = np.linspace(0.01, 1, 200)
alg = balanced_reciprocity(g)
fig, ax = plt.subplots(figsize=(6, 4))
for coalition, label in (((1, 2), "r_1^{1,2}"), ((1, 3), "r_1^{1,3}")):
    vals = [float(sympy.N(rho_shapley(g, sympy.Rational(int(x * 1000), 1000))[1, coalition])) for x in xs[::10]]
    ax.plot(xs[::10], vals, marker="o", label=label)
    ax.axhline(float(alg[1, coalition]), linestyle="--", color="grey")
for root in (r12, r13):
    ax.axvline(float(sympy.N(root)), linestyle=":", color="black")
ax.set_xlabel("rho"); ax.set_ylabel("reward of player 1"); ax.legend()
fig.savefig(FIGURES / "rho_rewards.png"); plt.close(fig)
display(Image(filename=str(FIGURES / "rho_rewards.png")))"""),
]

FAIR_SETS = [
    (M, """# Fair-set bargaining: the post's three examples

Validity of the fair sets (Kakutani maps), F = ∩F_i, and the bargaining outcome — exactly, with proofs."""),
    (C, """import sympy
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import tempfile
from pathlib import Path
FIGURES = Path(tempfile.mkdtemp(prefix="exactfair-figures-"))   # figures go outside the repository
from IPython.display import Image, display
from exactfair.fairsets.post import example1, example2, example3, post_claims
from exactfair.fairsets.analysis import lexicographic_optimum, check_maps_into_simplex, check_closed_graph
from exactfair.fairsets.plot import plot_bargain
from exactfair.fairsets.parametric import validity_condition"""),
    (M, """## Every sentence of the post, checked as written"""),
    (C, """verdicts = {}
for claim in post_claims():
    v = claim.check()
    verdicts[claim.id] = v.verdict
    extra = v.witness.violation if v.verdict == "refuted" else ""
    print(f"{claim.id:40} {v.verdict:8} {extra}")
assert verdicts["post.example1.fixed-points"] == "refuted"          # the post says F2; it is F1
assert verdicts["post.example1.fixed-points-corrected"] == "proved"
assert all(v == "proved" for k, v in verdicts.items()
           if k not in ("post.example1.fixed-points", "post.example2.translation-literal"))"""),
    (M, """## Example 2: the kite and its unique Pareto optimum p = q = 23/30"""),
    (C, """b = example2()
for fm in b.maps:
    assert check_maps_into_simplex(fm).verdict == "proved" and check_closed_graph(fm).verdict == "proved"
opt = lexicographic_optimum(b.game, b.region())
print(opt["point"], opt["values"])
assert opt["point"] == {"p": "23/30", "q": "23/30"} and opt["unique"]
plot_bargain(b, FIGURES / "kite.png", [opt["point"]])
display(Image(filename=str(FIGURES / "kite.png")))"""),
    (M, """## Example 3: every point of F = {q = 1} is Pareto optimal; the outcome depends on the order"""),
    (C, """b3 = example3()
a = lexicographic_optimum(b3.game, b3.region(), [0, 1]); c = lexicographic_optimum(b3.game, b3.region(), [1, 0])
print(a["point"], c["point"])
assert a["point"] != c["point"]
plot_bargain(b3, FIGURES / "example3.png", [a["point"], c["point"]])
display(Image(filename=str(FIGURES / "example3.png")))"""),
    (M, """## Example 2 with its numbers as parameters: when are the maps valid?

b − U₂ ≥ c·(a − U₁) gives f₁ = min(p, (b − c·a + (1 + 2c)·q)/(2 + c)); for c ≥ 0 it maps into [0, 1]
exactly when b ≥ a·c (necessary at the vertices of R, sufficient by z3)."""),
    (C, """cond, verdict = validity_condition(b.game, "Min(p, (b - c*a + (1 + 2*c)*q)/(2 + c))",
                                   {"a": (None, None), "b": (None, None), "c": (0, None)})
print(cond, verdict.verdict)
A, B, Cc = sympy.symbols("a b c", real=True)
assert verdict.verdict == "proved" and sympy.simplify(cond.lhs - cond.rhs - (B - A * Cc)) == 0
import numpy as np
aa, bb = np.meshgrid(np.linspace(0, 2, 300), np.linspace(0, 1, 300))
valid = sympy.lambdify((A, B, Cc), cond)(aa, bb, 0.1)
fig, ax = plt.subplots(figsize=(5, 4))
ax.contourf(aa, bb, valid.astype(float), levels=[0.5, 1.5], colors=["#2ca02c"], alpha=0.4)
ax.plot([1.1], [0.8], "k*", markersize=14, label="the post's (a, b) = (1.1, 0.8)")
ax.set_xlabel("a"); ax.set_ylabel("b"); ax.set_title("valid maps (c = 0.1): b ≥ a·c"); ax.legend()
fig.savefig(FIGURES / "valid_region.png"); plt.close(fig)
display(Image(filename=str(FIGURES / "valid_region.png")))"""),
]

SYMBOLIC = [
    (M, """# Symbolic parameters: Example 1 with v({1,3}) = t

Every reward of Algorithm 1 as an exact piecewise-affine function of unknown coalition values, with the
admissible region, breakpoints and axioms checked over the whole region."""),
    (C, """import sympy
from fractions import Fraction
import tempfile
from pathlib import Path
FIGURES = Path(tempfile.mkdtemp(prefix="exactfair-figures-"))   # figures go outside the repository
from IPython.display import Image, display
from exactfair import examples, balanced_reciprocity
from exactfair.parametric import ParametricGame, parametric_balanced_reciprocity, axiom_regions
from exactfair.parametric_plot import plot_rewards"""),
    (C, """g = ParametricGame.from_game(examples.example1(), {(1, 3): "t"}, {"t": (0, 10)})
table = parametric_balanced_reciprocity(g)
print("admissible region:", table.region)
for player in (1, 2, 3, 4):
    pieces = table.pieces(player, (1, 2, 3, 4))
    print(f"M_{player}^N:", "; ".join(f"{p.value} on {p.region}" for p in pieces),
          "| breakpoints", table.breakpoints(player, (1, 2, 3, 4)))
assert table.breakpoints(2, (1, 2, 3, 4)) == [3]
assert table.evaluate({"t": 4})[15] == [5, 5, 8, 9] and table.evaluate({"t": 5})[15] == [5, 4, 8, 9]"""),
    (M, """The piecewise result equals the exact table of the instantiated game at admissible points:"""),
    (C, """for t in [Fraction(k, 4) for k in range(4, 25)]:
    exact = balanced_reciprocity(g.instantiate({"t": t}), method="reference")
    assert table.evaluate({"t": t}) == [list(r) for r in exact.rewards]
print("checked at t = 1, 5/4, ..., 6")"""),
    (C, """plot_rewards(table, "t", FIGURES / "rewards_t.png")
display(Image(filename=str(FIGURES / "rewards_t.png")))"""),
    (M, """## Axioms over the region"""),
    (C, """regions = axiom_regions(table)
print({k: v.verdict for k, v in regions.items()})
assert all(v.verdict == "proved" for v in regions.values())"""),
    (M, """## A second parameter: v({2,4}) = s"""),
    (C, """g2 = ParametricGame.from_game(examples.example1(), {(1, 3): "t", (2, 4): "s"}, {"t": (0, 10), "s": (0, 10)})
t2 = parametric_balanced_reciprocity(g2)
print("admissible region:", t2.region)
for p in t2.pieces(2, (1, 2, 3, 4)):
    print("M_2^N =", p.value, "on", p.region)
assert t2.evaluate({"t": 4, "s": 7})[15] == [5, 5, 8, 9]"""),
    (M, """A parametric game where an axiom fails on part of the region (F3, the 0/1 counterexample with a parameter):"""),
    (C, """f3 = ParametricGame.from_values(["0", "0", "0", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0", "1", "1", "s"],
                                {"s": (0, 2)})
res = axiom_regions(parametric_balanced_reciprocity(f3), ["F3"])["F3"]
print(res.verdict, res.scope, res.witness.points)
assert res.verdict == "refuted\""""),
]

YOUR_OWN = [
    (M, """# Your own mechanism and your own axiom, machine-checked

A new paper brings its own mechanism and its own axioms. With exactfair you state them in a few lines of the
formula language `exactfair.logic` — one definition that feeds the exact checker, z3 and the symbolic
back-end — and ask for a proof or a counterexample exactly as the paper's own claims are checked."""),
    (C, """from fractions import Fraction
from exactfair import Claim, Game, check_axiom, define_axiom, define_mechanism, logic, prove"""),
    (M, """**An axiom: efficiency** — in every coalition C the members' rewards add up to v_C."""),
    (C, """EFF = define_axiom("EFF", "efficiency", per_coalition=lambda C, ms:
                   logic.eq(sum((logic.reward(i, C) for i in ms), logic.Linear.of(0)), logic.value(C)))"""),
    (M, """**A mechanism: the marginal split** — each member gets its marginal contribution v_C − v_{C∖i} plus an
equal share of what is left. It is explicit: M_i^C is a linear term in values, so the exact implementation and
the solver's relation are both derived from this one line."""),
    (C, """def marginal_split(C, i):
    members = [j for j in range(C.bit_length()) if C >> j & 1]
    marginals = sum((logic.value(C) - logic.value(C & ~(1 << j)) for j in members), logic.Linear.of(0))
    leftover = logic.value(C) - marginals
    return logic.value(C) - logic.value(C & ~(1 << i)) + leftover * Fraction(1, len(members))

MS = define_mechanism("marginal-split", per_member=marginal_split)
game = Game.from_dict({(1,): 1, (2,): 2, (3,): 2, (1, 2): 4, (1, 3): 3, (2, 3): 5, (1, 2, 3): 7})
table = MS.exact(game)
print(table.to_text(min_size=2))
assert sum(table.grand_coalition().values()) == 7"""),
    (M, """**A proof**: the marginal split is efficient on every game, not only monotone ones (checked for n ≤ 4)."""),
    (C, """verdicts = prove(Claim("marginal-split", conclude=EFF, games="any"), [2, 3, 4])
print([(v.n, v.verdict) for v in verdicts])
assert all(v.verdict == "proved" for v in verdicts)"""),
    (M, """**A refutation with a witness**: is it individually rational (R4) on monotone games? z3 finds a game
where it is not, shrinks it to small integers, and exactfair re-checks it exactly."""),
    (C, """v = prove(Claim("marginal-split", conclude="R4"), [2, 3])[-1]
print(v.verdict, "at n =", v.n)
print(v.witness.render())
assert v.verdict == "refuted"
assert check_axiom("R4", v.witness.tables[0]).holds is False"""),
    (M, """**The paper's Theorem 1, as data**: uniqueness from R3, R5, F5 fails; with R2 it holds."""),
    (C, """theorem1 = Claim(assume=("R3", "R5", "F5"), conclude="unique", games="any")
assert prove(theorem1, 2).verdict == "refuted"
assert prove(theorem1.with_assumptions("R2"), 3).verdict == "proved"
print(prove(theorem1, 2).witness.render())"""),
]

COLLABORATIVE = [
    (M, """# Collaborative learning: from a trained model's scores to certified, exact rewards

Eight hospitals hold parts of the breast-cancer data that ships with scikit-learn, with different sizes and
label skews. A coalition's value is the validation accuracy of a logistic regression trained on the union of
its members' data. We compute the 255 values once (cached on disk, resumable), convert the floats by an
explicit policy, repair the noise that makes the game non-monotone, and compute Algorithm 1, the Shapley value
and ρ-Shapley exactly — each with its axiom certificate."""),
    (C, """import tempfile, time
from pathlib import Path
FIGURES = Path(tempfile.mkdtemp(prefix="exactfair-figures-"))   # figures go outside the repository
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from IPython.display import Image, Markdown, display
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from exactfair import Game, balanced_reciprocity, banzhaf, check_axioms, rho_shapley, shapley"""),
    (M, """## The data owners: sizes and label skews"""),
    (C, """X, y = load_breast_cancer(return_X_y=True)
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)
scaler = StandardScaler().fit(X_train)
X_train, X_val = scaler.transform(X_train), scaler.transform(X_val)
rng = np.random.default_rng(7)
sizes = [12, 18, 25, 35, 45, 55, 70, 90]                 # eight hospitals, small to large
skews = [0.9, 0.2, 0.5, 0.8, 0.35, 0.6, 0.5, 0.7]        # share of benign cases each one holds
pos, neg = list(rng.permutation(np.flatnonzero(y_train == 1))), list(rng.permutation(np.flatnonzero(y_train == 0)))
owners = {}
for k, (size, skew) in enumerate(zip(sizes, skews)):
    n_pos = min(int(round(size * skew)), len(pos)); n_neg = min(size - n_pos, len(neg))
    owners[f"H{k + 1}"] = [pos.pop() for _ in range(n_pos)] + [neg.pop() for _ in range(n_neg)]
for name, idx in owners.items():
    print(name, "samples:", len(idx), " benign share:", round(float(np.mean(y_train[idx])), 2))"""),
    (M, """## The value function, evaluated on every coalition through the cache

`Game.from_function` calls it on all 256 coalitions — the empty one too: a game has v(∅) = 0, and a value
function that says otherwise is refused (or, asked explicitly, normalised to v − v(∅)). Here no data means no
model, worth 0. Each value is appended to the cache file as it arrives; a second call (or a run resumed after an interruption) computes nothing again. Accuracies are floats:
`floats="decimal:4"` rounds each to 4 significant digits and then keeps it exactly — the policy is recorded
in the game."""),
    (C, """def accuracy(coalition):
    idx = [i for owner in coalition for i in owners[owner]]
    if not idx:                                                # no data, no model: worth 0
        return 0.0
    labels = y_train[idx]
    if len(set(labels)) < 2:                                   # one class only: predict it
        return float(np.mean(y_val == labels[0]))
    model = LogisticRegression(max_iter=2000).fit(X_train[idx], labels)
    return float(model.score(X_val, y_val))

cache = Path(tempfile.mkdtemp()) / "accuracies.jsonl"
start = time.perf_counter()
game = Game.from_function(list(owners), accuracy, cache=cache, floats="decimal:4", progress=False)
first = time.perf_counter() - start
start = time.perf_counter()
again = Game.from_function(list(owners), accuracy, cache=cache, floats="decimal:4", progress=False)
print(f"first run {first:.1f} s ({game.metadata['computed']} values computed); "
      f"second run {time.perf_counter() - start:.3f} s ({again.metadata['computed']} computed, "
      f"{again.metadata['from_cache']} from the cache)")
assert again == game and again.metadata["computed"] == 0 and game.metadata["floats"] == "decimal:4"
assert game.metadata["empty_value"] == "0" and game.metadata["empty"] == "evaluated"
print("v(N) =", game[tuple(owners)])"""),
    (M, """## Monotone repair: the least change

Training noise makes some larger coalitions score lower than a sub-coalition, and the paper's mechanism (and
its theorems) need a monotone game. Two repairs, each reporting exactly what it changed: the monotone closure
raises each value to the best of its sub-coalitions; `linf` is a monotone game nearest in the maximum norm
(keeping v(∅) = 0), so the largest change is as small as it can be."""),
    (C, """print("monotone before repair:", game.is_monotone().holds, "-", game.is_monotone().detail)
closed, closure = game.monotone_repair("closure")
repaired, nearest = game.monotone_repair("linf")
print(closure.summary())
print(nearest.summary())
for coalition, old, new in nearest.changes[:5]:
    print("  v(", ",".join(coalition), ")", old, "→", new)
assert repaired.is_monotone().holds and closed.is_monotone().holds
assert nearest.largest <= closure.largest
assert all(repaired[c] == new for c, _, new in nearest.changes)"""),
    (M, """## Three mechanisms, exactly, side by side (grand coalition)"""),
    (C, """tables = {"Algorithm 1": balanced_reciprocity(repaired), "Shapley": shapley(repaired),
          "Banzhaf": banzhaf(repaired), "ρ-Shapley (ρ = 1)": rho_shapley(repaired, 1)}
rows = ["| owner | " + " | ".join(tables) + " |", "|---|" + "---|" * len(tables)]
for owner in owners:
    rows.append(f"| {owner} | " + " | ".join(str(t[owner, tuple(owners)]) for t in tables.values()) + " |")
display(Markdown("\\n".join(rows)))
v_n = repaired[tuple(owners)]
assert max(tables["Algorithm 1"].grand_coalition().values()) == v_n        # R3: someone gets v(N)
assert sum(tables["Shapley"].grand_coalition().values()) == v_n             # Shapley is efficient"""),
    (M, """## The axiom certificate of each table

R1–R5, F1–F3 and F5 decided exactly on each table; F4 against the 255 games v + [S ⊇ C] for the first three
(only the columns D ⊇ C of each second table are computed)."""),
    (C, """certificates = {}
for name, table in tables.items():
    mechanism = {"Algorithm 1": balanced_reciprocity, "Shapley": shapley, "Banzhaf": banzhaf}.get(name)
    certificates[name] = check_axioms(table, mechanism=mechanism, max_violations=1)
header = list(next(iter(certificates.values())))
lines = ["| mechanism | " + " | ".join(header) + " |", "|---|" + "---|" * len(header)]
mark = {True: "✓", False: "✗", None: "–"}
for name, results in certificates.items():
    lines.append(f"| {name} | " + " | ".join(mark[results[a].holds] for a in header) + " |")
display(Markdown("\\n".join(lines)))
alg1 = certificates["Algorithm 1"]
assert all(alg1[a].holds for a in ("R1", "R2", "R3", "R4", "R5", "F1", "F2", "F4", "F5"))
assert certificates["Shapley"]["R3"].holds is False and certificates["ρ-Shapley (ρ = 1)"]["F5"].holds is False
for name, results in certificates.items():
    for a, r in results.items():
        if r.holds is False:
            print(f"{name}: {r.violations[0]}")"""),
    (M, """## Who gets what"""),
    (C, """fig, ax = plt.subplots(figsize=(8, 3.5))
width = 0.2
for k, (name, table) in enumerate(tables.items()):
    values = [float(table[o, tuple(owners)]) for o in owners]
    ax.bar(np.arange(len(owners)) + (k - 1.5) * width, values, width, label=name)
ax.set_xticks(range(len(owners)), list(owners))
ax.set_ylabel("reward in the grand coalition")
ax.legend()
plt.tight_layout()
fig.savefig(FIGURES / "who_gets_what.png", dpi=90)
display(Image(filename=str(FIGURES / "who_gets_what.png")))"""),
]

ANY_GAME = [
    (M, """# Fair-set bargaining on any finite game: three case studies

The post's procedure for n players with finite action sets, run exactly: each fair set F_i is **proved valid**
(its slice map r₋ᵢ ↦ {x ∈ Δᵢ : (x, r₋ᵢ) ∈ Fᵢ} has non-empty convex values and a closed graph — z3, confirmed by
cvc5) or **refuted** with an exact witness; F = ∩Fᵢ is shown non-empty by an exact point; and the lexicographic
Pareto optimum is computed exactly (algebraic numbers where it is irrational) with proofs that no point of F
beats it lexicographically or Pareto-dominates it. Pictures are written to a temporary folder."""),
    (C, """import tempfile
from pathlib import Path
import sympy
from fractions import Fraction
from IPython.display import Image, display
from exactfair.fairsets.examples import bargain
from exactfair.fairsets.report import analyse
from exactfair.fairsets.plot import plot_report
from exactfair.fairsets.spec import bargain_from_dict
from exactfair.fairsets.validity import check_validity
from exactfair.fairsets.atoms import formula, evaluate

FIGURES = Path(tempfile.mkdtemp(prefix="exactfair-bargaining-"))   # figures go outside the repository

def show(report, path):
    path = plot_report(report, path)
    display(Image(str(path)))

def exact(report):
    return {k: sympy.sympify(v) for k, v in report.to_dict()["outcome"].items()}"""),
    (M, """## 1. The ultimatum game: cooperating with a different idea of fairness

The proposer splits 10 either *fairly* (5/5) or *greedily* (6/4); the responder accepts or rejects the greedy offer
(the fair one is always accepted). The proposer thinks 6/4 is fair and does not let the responder get more than 4
(F₁ = {U₂ ≤ 4}). The responder, as in Yudkowsky's post, cooperates with an agent whose idea of fairness differs:
it accepts the greedy offer only with a probability that leaves the proposer **no better off than at the fair
split** (F₂ = {U₁ ≤ 5}). Coordinates: p = P(fair offer), q = P(accept the greedy offer)."""),
    (C, """ultimatum = bargain("ultimatum")
print("U1 =", ultimatum.game.utilities[0], "  U2 =", ultimatum.game.utilities[1])
report = analyse(ultimatum)
print(report.to_text())
out = report.to_dict()
assert [v["verdict"] for v in out["valid"]] == ["proved", "proved"]
assert out["outcome"] == {"p": "2/5", "q": "5/6"} and out["utilities"] == ["5", "4"]
assert (out["nonempty"], out["lexicographic"], out["pareto"], out["unique"]) == ("proved", "proved", "proved", True)
show(report, FIGURES / "ultimatum.png")"""),
    (M, """The responder accepts the greedy offer with probability exactly 5/6: the proposer then expects 6 · 5/6 = 5, the
fair-split amount, so greed does not pay — yet the responder is not *refusing* a different idea of fairness
outright. The disagreement costs 1 of the 10 (utilities 5 and 4). The other order of the players gives the same
point here:"""),
    (C, """other = analyse(ultimatum, order=(1, 0)).to_dict()
assert other["outcome"] == {"p": "2/5", "q": "5/6"}
assert 6 * Fraction(5, 6) == 5"""),
    (M, """A responder who demands that the proposer be **strictly** worse off (F₂ = {U₁ < 5}) has no valid fair set: at
p = 1 (the proposer offers the fair split) every response gives U₁ = 5, so that slice is empty. The refutation
names the exact r₋ᵢ, and the emptiness is re-checked by exact arithmetic:"""),
    (C, """from exactfair.fairsets.core import FairSet
strict = FairSet.from_utility_condition(ultimatum.game, 1, "U1 < 5")
v = check_validity(strict)
print(v.verdict.verdict, "-", v.verdict.witness.violation)
assert v.verdict.verdict == "refuted" and v.witness == {"p": "1"}
p, q = ultimatum.game.symbols()
u1 = ultimatum.game.utilities[0]
assert sympy.expand(u1.subs(p, 1)) == 5           # at p = 1, U1 = 5 whatever q is: nothing satisfies U1 < 5"""),
    (M, """## 2. A 3×3 demand game

Two players each demand L = 4, M = 5 or H = 6 of a pie of 10; compatible demands are paid, incompatible ones get
nothing. A thinks the fair split is 6/4, B thinks 5/5. Each uses the post's Example-2 rule: the other may get no
more than what *I* think is their share, minus a tenth of every unit I fall short of mine —
A: 4 − U₂ ≥ (6 − U₁)/10, B: 5 − U₁ ≥ (5 − U₂)/10. Each player has two coordinates (the probabilities of L and M),
so the validity proofs are about two-dimensional slices."""),
    (C, """demand = bargain("demand")
report = analyse(demand)
print(report.to_text())
out = report.to_dict()
assert [v["verdict"] for v in out["valid"]] == ["proved", "proved"]
assert out["utilities"] == ["44/9", "35/9"] and out["pareto"] == "proved" and out["lexicographic"] == "proved"
assert out["unique"] is False and out["optimal_set"]["another_point"] is not None
show(report, FIGURES / "demand.png")"""),
    (M, """Both rules are tight at the outcome — the analogue of the tip of the post's kite: U₁ = 44/9, U₂ = 35/9, a loss of
1/9 for each against the fair splits each has in mind. The optimum is **not unique** in strategy space: every
point of F with these utilities is optimal (a curve of mixed profiles, described above with exact ranges —
some of them algebraic numbers), and all of them give the same utilities."""),
    (C, """U1, U2 = sympy.symbols("U1 U2")
tip = sympy.solve([4 - U2 - (6 - U1) / 10, 5 - U1 - (5 - U2) / 10], [U1, U2])
assert tip == {U1: sympy.Rational(44, 9), U2: sympy.Rational(35, 9)}"""),
    (M, """## 3. Three volunteers

Each of three players volunteers (cost 1) or not; if anyone volunteers, everybody gets 2. Each player considers
itself exploited if it volunteers more often than the other two on average: A gives this as a Kakutani map
f_A = min(v_A, (v_B + v_C)/2) (the post's style), B and C as sets in action space. F is the diagonal
v_A = v_B = v_C, and the best point on it is irrational: v = 1 − √6/6 — computed exactly, in one number field."""),
    (C, """volunteers = bargain("volunteers")
report = analyse(volunteers)
print(report.to_text())
out = report.to_dict()
assert [v["verdict"] for v in out["valid"]] == ["proved", "proved", "proved"]
v = exact(report)
assert all(sympy.simplify(x - (1 - sympy.sqrt(6) / 6)) == 0 for x in v.values())
assert all(sympy.simplify(sympy.sympify(u) - (1 + sympy.sqrt(6) / 9)) == 0 for u in out["utilities"])
assert (out["pareto"], out["lexicographic"], out["unique"]) == ("proved", "proved", True)
show(report, FIGURES / "volunteers.png")"""),
    (C, """x = sympy.Symbol("v")
utility = 2 * (1 - (1 - x) ** 3) - x                 # one player's utility on the diagonal
assert sympy.solve(sympy.diff(utility, x), x) == [1 - sympy.sqrt(6) / 6, 1 + sympy.sqrt(6) / 6]"""),
    (M, """## 4. Invalid fair sets are refuted, in every form

A map that leaves the simplex, a set whose slices are not convex, a utility condition with an empty slice: each
refutation carries an exact point, re-checked by exact arithmetic before it is reported."""),
    (C, """spec = {"players": ["A", "B"], "actions": [["L", "M", "H"], ["L", "R"]],
        "payoffs": [{"profile": [a, b], "utilities": [str(i + j), str(2 * i - j)]}
                    for i, a in enumerate("LMH") for j, b in enumerate("LR")],
        "coordinates": [["aL", "aM"], ["bL"]],
        "fair_sets": [{"map": ["Max(aL, bL)", "aM + 1/2"]}, {"set": "bL*(1 - bL) <= 1/8"}]}
b = bargain_from_dict(spec)
for fs in b.fair_sets:
    v = check_validity(fs)
    print(f"F{fs.player + 1}:", v.verdict.verdict, "-", v.verdict.witness.violation)
    assert v.verdict.verdict == "refuted"
utility_form = bargain_from_dict({**spec, "fair_sets": [{"utility": "U1 >= 5"}, {"set": "bL >= 0"}]})
v = check_validity(utility_form.fair_sets[0])
print("F1 (utility):", v.verdict.witness.violation)
assert v.verdict.verdict == "refuted" and v.post_definition == "refuted\""""),
    (M, """## 5. The post's definition and the slice criterion

The post asks for *some* Kakutani map f_i : R → P(Δ_i) with F_i = {r : r_i ∈ f_i(r)}; f_i may depend on r_i. The
slice criterion (the slice map itself is Kakutani) is sufficient, and non-empty slices and a closed F_i are
necessary — but convex slices are not: f₁(p, q) = p² is continuous, so its fixed set F₁ = {p ∈ {0, 1}} is a
valid fair set in the post's sense, while its slices {0, 1} are not convex. exactfair reports both readings."""),
    (C, """pd = bargain("post-example1")
squares = FairSet.from_map(pd.game, 0, "p**2")
v = check_validity(squares)
print(v.verdict.verdict, "-", v.verdict.witness.violation, "| post's definition:", v.post_definition)
assert v.verdict.verdict == "refuted" and v.post_definition == "proved\""""),
]

LANDSCAPE = [
    (M, """# The landscape of the paper's axioms: every characterization, found by computer

Which subsets of the axioms R1–R5, F1, F2, F3, F5 determine the reward table? Which are satisfiable? Which
axiom follows from which? `exactfair.explore` settles every one of the 512 subsets for a given number of
players — one claim per subset, `Claim(assume=S, conclude="unique")`, pruned by monotonicity — and every answer
carries its verdict (proved by z3 and cvc5, refuted with two exact tables, or vacuous)."""),
    (C, """import tempfile
from pathlib import Path
from IPython.display import Image, display
from exactfair import Claim, all_n, define_axiom, explore, logic, prove

PAPER = ["R1", "R2", "R3", "R4", "R5", "F1", "F2", "F3", "F5"]
FIGURES = Path(tempfile.mkdtemp(prefix="exactfair-landscape-"))   # figures go outside the repository"""),
    (M, """## Two and three players, monotone games"""),
    (C, """landscapes = {}
for n in (2, 3):
    landscapes[n] = land = explore(PAPER, n, games="monotone")
    print(land.to_text(), end="\\n\\n")
    assert land.minimal_characterizations() == [("R2", "R3", "R5", "F5")]
    assert land.minimal_unsatisfiable() == []
    assert land.solved < 60 and land.subsets == 512"""),
    (M, """One minimal characterization, and it is Algorithm 1's table (`Claim("balanced-reciprocity", conclude=(R2, R3,
R5, F5))` proved): each of R2, R3, R5, F5 is needed — leaving any one out, even with all five other axioms
added, two different tables satisfy the rest (the maximal non-characterizations). The uniqueness holds for all
n (lemma L-U+R2). The paper's Theorem 1 claimed R3, R5 and F5 suffice; R2 is the missing piece."""),
    (C, """(c,) = landscapes[3].characterizations
print(c)
assert c["mechanism"] == "balanced-reciprocity" and c["all_n"]["verdict"] == "proved"
assert set(c["entails"]) == {"R1", "R4", "F1", "F2", "F3"}
missing_one = {tuple(a for a in PAPER if a != m) for m in ("R2", "R3", "R5", "F5")}
assert set(landscapes[3].maximal_non_characterizations()) == missing_one"""),
    (M, """## Four players: F3 drops out of what the table satisfies"""),
    (C, """land4 = explore(PAPER, 4, games="monotone")
(c4,) = land4.characterizations
print(land4.to_text().split("maximal")[0])
assert land4.minimal_characterizations() == [("R2", "R3", "R5", "F5")]
assert set(c4["entails"]) == {"R1", "R4", "F1", "F2"}           # F3 fails at n = 4 (erratum E4)"""),
    (M, """## The subset lattice, pictured (n = 3): green determines the table, grey leaves two tables"""),
    (C, """landscapes[3].plot(FIGURES / "hasse.png")
display(Image(filename=str(FIGURES / "hasse.png")))"""),
    (M, """## On all games (not only monotone ones)

The characterization does not need monotonicity; what the table entails does (R1, R4 and F1 need it)."""),
    (C, """any3 = explore(PAPER, 3, games="any")
(ca,) = any3.characterizations
print(ca)
assert any3.minimal_characterizations() == [("R2", "R3", "R5", "F5")]
assert "R1" not in ca["entails"] and "F2" in ca["entails"]"""),
    (M, """## Your own axioms in the landscape

An axiom of your own joins the search like the built-ins. Here "every member gets v_C": with R5 it fixes the
table — one that no built-in mechanism produces."""),
    (C, """everyone = define_axiom("EVERYONE", per_member=lambda C, i: logic.eq(logic.reward(i, C), logic.value(C)),
                        register=False)
mine = explore(["R5", everyone, "R3", "F5"], 3, games="any")
print(mine.to_text().split("implications")[0])
assert ("R5", "EVERYONE") in mine.minimal_characterizations()
assert prove(Claim(assume=("R5", everyone), conclude="unique", games="any"), 3).verdict == "proved\""""),
]

NOTEBOOKS = {
    "balanced_reciprocity.ipynb": BALANCED_RECIPROCITY,
    "rho_shapley_vs_reciprocity.ipynb": RHO,
    "fair_set_bargaining.ipynb": FAIR_SETS,
    "symbolic_parameters.ipynb": SYMBOLIC,
    "your_own_mechanism.ipynb": YOUR_OWN,
    "collaborative_learning.ipynb": COLLABORATIVE,
    "bargaining_any_game.ipynb": ANY_GAME,
    "axiom_landscape.ipynb": LANDSCAPE,
}


def build(name: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for k, (kind, source) in enumerate(NOTEBOOKS[name]):
        cell = nbformat.v4.new_markdown_cell(source) if kind == M else nbformat.v4.new_code_cell(source)
        cell["id"] = f"cell-{k}"                      # deterministic, so the build is reproducible
        nb.cells.append(cell)
    return nb


def main() -> None:
    for name in NOTEBOOKS:
        nbformat.write(build(name), HERE / name)


if __name__ == "__main__":
    main()
