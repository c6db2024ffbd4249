"""Symbolic parameters: games whose values are affine in parameters, and their reward tables, exactly.

:mod:`~exactfair.symbolic.parametric` runs Algorithm 1 on a :class:`~exactfair.symbolic.parametric.ParametricGame`
piece by piece over the parameters' admissible region (sympy, exact), and asks the kernel's solvers where
each axiom holds (``axiom_regions``); :mod:`~exactfair.symbolic.regions` describes regions exactly and
:mod:`~exactfair.symbolic.parametric_plot` draws the pieces.

May import: core, mechanisms, axioms, kernel, smt.
"""
