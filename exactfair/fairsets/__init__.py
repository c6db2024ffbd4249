"""Fair-set bargaining on any finite normal-form game (the post), exactly.

Strategic games and fair sets (:mod:`~exactfair.fairsets.core`, :mod:`~exactfair.fairsets.spec`,
:mod:`~exactfair.fairsets.nfg` for Gambit files), the validity of a fair-set map
(:mod:`~exactfair.fairsets.validity`), the exact lexicographic Pareto optimum
(:mod:`~exactfair.fairsets.optimum`, algebraic numbers in :mod:`~exactfair.fairsets.algebraic`), the post's
examples and claims (:mod:`~exactfair.fairsets.post`), reports and plots.  Every solver question goes through
:mod:`exactfair.kernel.portfolio` (z3, cvc5's second opinion).

May import: core, mechanisms, axioms, kernel, smt, symbolic, data.
"""
