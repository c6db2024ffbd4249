"""The SMT side: formulas of :mod:`exactfair.axioms.logic` compiled to z3 (and re-checked by cvc5).

Layout: exact core (games, tables, mechanisms) → axioms and the formula language (:mod:`exactfair.axioms`,
:mod:`exactfair.axioms.logic`, :mod:`exactfair.axioms.relations`) → back-ends (the exact checkers, this package, the sympy
back-end in :mod:`exactfair.symbolic.parametric`) → claims (:mod:`exactfair.claims.api`, :mod:`exactfair.claims`).

* :mod:`~exactfair.kernel.compile` — formulas to z3 terms over symbolic games and tables;
* :mod:`~exactfair.smt.algorithm1` — Algorithm 1's relation compiled, and exact run membership;
* :mod:`~exactfair.smt.prover` — one compiler for every claim, the solver with its guards;
* :mod:`~exactfair.smt.lemmas` — the inductive-step lemmas and their induction checks;
* :mod:`~exactfair.claims.engine` — claims over ranges of n, all-n verdicts, repairs;
* :mod:`~exactfair.claims.search` — mechanism searches (Shapley, ρ-Shapley relations);
* :mod:`~exactfair.kernel.solvers` — the second solver (cvc5).
"""
