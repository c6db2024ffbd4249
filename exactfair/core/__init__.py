"""The exact core: numbers, coalitions, games, reward tables, and the fast array kernels.

Coalitions are bitmasks (:mod:`~exactfair.core.coalitions`); values are exact (``int``,
``fractions.Fraction``; :mod:`~exactfair.core.exact`, :mod:`~exactfair.core.scaled` for integer arrays over
one common denominator); a :class:`~exactfair.core.game.Game` is an immutable, validated v: 2^N → Q with
v(∅) = 0 and a :class:`~exactfair.core.table.RewardTable` the n × 2^n matrix of a mechanism's rewards.
Around them: the whitelisting expression parser (:mod:`~exactfair.core.expressions`), the NumPy
kernels (:mod:`~exactfair.core.fast`), monotone repairs (:mod:`~exactfair.core.repair`,
:mod:`~exactfair.core.fewest`), random games, errors, and the plumbing every layer shares — memory
limits, progress lines, worker processes, atomic output files, running users' code.

Constructors of a Game that need a higher layer (``Game.from_function``, ``from_pydvl``, ``from_shapiq``)
are registered into :data:`exactfair.core.game.CONSTRUCTORS` by :mod:`exactfair.data` when it is imported.

May import: nothing of exactfair (third-party: NumPy, sympy and mpmath; pandas and matplotlib for display only).
"""
