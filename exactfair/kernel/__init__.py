"""The trusted kernel: the code a "proved" depends on.  Everything else asks it for verdicts.

Knuckledragger keeps one small ``kernel.py`` as the only code that can make a proof; this package is
exactfair's.  The kernel holds the verdict types, every call of a second solver, the translations to SMT,
the decision of a bounded problem, the exact re-check of witnesses and the all-n machinery (lemmas,
induction, instances).  The layers above build the questions (:mod:`exactfair.smt` encodes claims,
:mod:`exactfair.fairsets` writes fair-set formulas) and run guards that can only turn a "proved" into a
refusal or an internal error.  A few modules above the kernel also *make* a "proved" — a route with its own
argument (one conclusion per orbit, uniqueness per coalition size, a fair-set property, an exact
computation) or a composition of the kernel's verdicts; each is declared in :data:`ROUTES` with where its
argument is written, and ``tests/test_architecture.py`` fails when code outside :data:`MODULES` and
:data:`ROUTES` makes a "proved".  So the code a "proved" can depend on is listed here, in one place.

What is in it (:data:`MODULES`):

* :mod:`~exactfair.kernel.verdicts` — the verdict types; "proved" without cvc5's agreement on every
  solver answer is refused (:func:`~exactfair.kernel.verdicts.solver_proved` says "proved (z3 only)");
* :mod:`~exactfair.kernel.compile` — formulas of :mod:`exactfair.axioms.logic` to z3 terms over symbolic
  games and tables, decoding of models to exact games and tables;
* :mod:`~exactfair.kernel.algebra` — sympy expressions (fair sets, parametric games) to z3;
* :mod:`~exactfair.kernel.problem`, :mod:`~exactfair.kernel.solve` — a claim at n as a problem, and its
  decision: hypotheses satisfiable (else vacuous), hypotheses ∧ ¬conclusion unsat (proved) or sat
  (refuted, the model decoded and re-checked exactly);
* :mod:`~exactfair.kernel.solvers`, :mod:`~exactfair.kernel.isolated`, :mod:`~exactfair.kernel.portfolio` —
  every call of cvc5 (the second solver, on the same SMT-LIB text z3 answered) and the agreement records;
* :mod:`~exactfair.kernel.recheck` — a refutation's witness re-checked by both exact checkers;
* :mod:`~exactfair.kernel.argument`, :mod:`~exactfair.kernel.lemma`, :mod:`~exactfair.kernel.induction`,
  :mod:`~exactfair.kernel.instances`, :mod:`~exactfair.kernel.generic` — the all-n route: lemma cases proved, the induction checked (sources,
  strictly smaller coalitions, no cycles, an order verified twice), every hypothesis of every case supplied
  by the whole-table encoding at n = 3, 4, and users' rules read on symbolic players and coalitions.

What it trusts: **z3** (the first solver) and **cvc5** (the second, which must agree on every answer —
two independent implementations), **Python's** ``int`` and ``fractions.Fraction`` (exact arithmetic),
**sympy** where fair-set and parametric expressions are translated (and the mpmath it uses), and **NumPy**
integer arrays in the array checker, which re-checks a refutation's witness next to the Fraction checker
(both must agree).  Lower layers also import pandas and matplotlib, for display only (tables as data
frames, plots); no verdict reads them.

What it takes as the *specification* — code a "proved" depends on that states *what* is proved rather than
deciding it, reviewed against the sources, not proved — is listed in :data:`SPECIFICATION`: the formula
language, the axiom definitions and Algorithm 1's relation (below the kernel), and above it the encoders of
:mod:`exactfair.smt` that state a claim, including two reductions that make a problem smaller (the F4
reduction, used only when :func:`exactfair.smt.guards.equivariant` finds the relation invariant under
relabelling, SOUNDNESS §4; line 12's j fixed once Corollary 3 is proved for all n, §11) and the in-process
verdict cache of :mod:`exactfair.smt.decide`.  The guards cross-check the specification at run time (exact
falsification on random games, compiler against exact evaluation, instances against the whole-table
encoding) and the mutation score measures it (``proofs/mutations.py``).  ``proofs/SOUNDNESS.md`` gives the
argument, section by section.

Importing any module of the package first runs ``exactfair/__init__.py`` (the public API), as Python does
for every package, so more modules are loaded than the kernel imports; the layer rule is about what each
module imports, and the kernel's code calls nothing above it (the paper's lemmas are registered into
:data:`exactfair.kernel.lemma.LEMMAS` by :mod:`exactfair.smt.lemmas`, which ``import exactfair`` loads).

May import: core, mechanisms, axioms — never a layer above (the rule is ``tests/test_architecture.py``).
"""

#: The kernel's modules: the trusted code (also what a cached verdict's fingerprint covers).
MODULES = (
    "exactfair.kernel.verdicts", "exactfair.kernel.compile", "exactfair.kernel.algebra", "exactfair.kernel.problem",
    "exactfair.kernel.solve", "exactfair.kernel.solvers", "exactfair.kernel.isolated", "exactfair.kernel.portfolio",
    "exactfair.kernel.recheck", "exactfair.kernel.lemma", "exactfair.kernel.induction", "exactfair.kernel.instances",
    "exactfair.kernel.generic", "exactfair.kernel.argument",
)

#: Modules above the kernel that make a "proved" (construct ``Proved`` or call ``solver_proved``), and why
#: each is sound.  Nothing else may (``tests/test_architecture.py``); a new route is declared here, argued in
#: ``proofs/SOUNDNESS.md`` and measured by the mutation score.
ROUTES = {
    "exactfair.smt.layered": "uniqueness decided one coalition size at a time (SOUNDNESS §9), kernel solvers",
    "exactfair.smt.orbits": "one conclusion instance per orbit of a relabelling-invariant claim (SOUNDNESS §10)",
    "exactfair.smt.local": "the all-n verdict: kernel.argument.inductive_argument, then the guards (§6–8)",
    "exactfair.claims.engine": "compositions: a bounded n implied by an all-n proof; the uniqueness step per size",
    "exactfair.claims.search": "composition: a mechanism search proved for each n of a range by kernel verdicts",
    "exactfair.claims.checks": "the catalogue: exact computations (printed tables, Sim et al.) and compositions",
    "exactfair.claims.rho": "Theorem 5: exact solution sets in ρ, roots separated by certified interval arithmetic",
    "exactfair.symbolic.parametric": "admissible regions: z3 through kernel.algebra, cvc5 through kernel.solvers",
    "exactfair.fairsets.validity": "fair-set maps: solver answers from kernel.portfolio (z3 portfolio + cvc5)",
    "exactfair.fairsets.analysis": "the post's properties: kernel.solvers.CheckedSolver, cvc5 re-checking each answer",
    "exactfair.fairsets.optimum": "exact lexicographic Pareto optima: kernel.portfolio, exact algebraic numbers",
    "exactfair.fairsets.post": "the post's claims: compositions of the fair-set verdicts",
    "exactfair.fairsets.report": "a bargain's report: equality of sets by kernel.portfolio",
    "exactfair.fairsets.parametric": "validity conditions in parameters: CheckedSolver, cvc5 re-checking each answer",
}

#: Code a "proved" depends on that is not the kernel and makes no verdict: what is proved is stated here
#: (reviewed against the sources; cross-checked by the guards, measured by the mutation score).  The
#: in-process caches of verdicts are keyed by a fingerprint of these modules, the kernel's and the smt routes'
#: (:func:`exactfair.smt.guards.code_epoch`).
SPECIFICATION = {
    "exactfair.axioms.logic": "the formula language every axiom, relation and claim is written in",
    "exactfair.axioms": "the axioms R1–R5, F1–F5 and the game classes, each defined once",
    "exactfair.axioms.relations": "mechanisms' relations: every run of Algorithm 1",
    "exactfair.axioms.registry": "users' axioms and mechanisms (their relations, shapes and guards)",
    "exactfair.axioms.check": "the exact formula checker (re-checks witnesses)",
    "exactfair.axioms.array_check": "the exact array checker (re-checks witnesses next to the formula checker)",
    "exactfair.smt.problem": "a claim at n as hypotheses and conclusion; the F4 reduction (SOUNDNESS §4)",
    "exactfair.smt.lemmas": "the paper's inductive-step lemmas: what each case assumes and concludes",
    "exactfair.smt.decide": "the route to a bounded verdict, line 12's j fixed under licence (§11), the verdict cache",
    "exactfair.smt.guards": "the guards; equivariance also licenses the F4 reduction",
}

__all__ = ["MODULES", "ROUTES", "SPECIFICATION"]
