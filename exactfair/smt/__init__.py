"""The SMT side: formulas of :mod:`exactfair.logic` compiled to z3 (and re-checked by cvc5).

Layout: exact core (games, tables, mechanisms) → axioms and the formula language (:mod:`exactfair.axioms`,
:mod:`exactfair.logic`, :mod:`exactfair.relations`) → back-ends (the exact checkers, this package, the sympy
back-end in :mod:`exactfair.parametric`) → claims (:mod:`exactfair.claim`, :mod:`exactfair.claims`).

* :mod:`~exactfair.smt.compile` — formulas to z3 terms over symbolic games and tables;
* :mod:`~exactfair.smt.algorithm1` — Algorithm 1's relation compiled, and exact run membership;
* :mod:`~exactfair.smt.prover` — one compiler for every claim, the solver with its guards;
* :mod:`~exactfair.smt.lemmas` — the inductive-step lemmas and their induction checks;
* :mod:`~exactfair.smt.engine` — claims over ranges of n, all-n verdicts, repairs;
* :mod:`~exactfair.smt.search` — mechanism searches (Shapley, ρ-Shapley relations);
* :mod:`~exactfair.smt.solvers` — the second solver (cvc5).
"""
