"""Data in and out: game files, shipped examples, value functions, caches, and other libraries' objects.

* :mod:`~exactfair.data.io` — game files (JSON, CSV, ``.npz``, parametric JSON) read strictly and written back;
  to add a file format: a reader here, dispatched from :func:`~exactfair.data.io.read_game`;
* :mod:`~exactfair.data.examples` — the paper's games (the JSON files beside this module);
* :mod:`~exactfair.data.valuation` — a game from a value function (cached, resumable, local processes or
  Dask), :mod:`~exactfair.data.cache` its cache; :mod:`~exactfair.data.adapters` — pyDVL utilities and
  shapiq games;
* :mod:`~exactfair.data.choose`, :mod:`~exactfair.data.compare` — a mechanism by name (a user's too), and
  tables side by side.

Importing this package registers ``Game.from_function``, ``Game.from_pydvl`` and ``Game.from_shapiq``
(:data:`exactfair.core.game.CONSTRUCTORS`), so that ``core`` never imports ``data``.

May import: core, mechanisms, axioms, kernel, smt, symbolic.
"""

from . import adapters, valuation  # noqa: F401  (they register Game's constructors)
