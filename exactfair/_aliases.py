"""Old import paths, kept: ``exactfair.game`` is ``exactfair.core.game``, and so on (see CHANGELOG.md).

The modules moved into layers after 0.1.0 (ARCHITECTURE.md).  Code written against 0.1 keeps working:
an old path imports the module at its new home, and both names refer to the *same* module object, so
``monkeypatch.setattr("exactfair.valuation.X", ...)`` still reaches the code that reads ``X``.

>>> import exactfair.game, exactfair.core.game
>>> exactfair.game is exactfair.core.game
True
>>> exactfair.core.game.__spec__.name
'exactfair.core.game'
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys

__all__ = ["MOVED", "install", "protect", "attribute"]

#: old dotted path → new dotted path (the changelog's table, as data).
MOVED: dict[str, str] = {
    "exactfair.array_check": "exactfair.axioms.array_check",
    "exactfair.check": "exactfair.axioms.check",
    "exactfair.f4": "exactfair.axioms.f4",
    "exactfair.logic": "exactfair.axioms.logic",
    "exactfair.registry": "exactfair.axioms.registry",
    "exactfair.relations": "exactfair.axioms.relations",
    "exactfair.claim": "exactfair.claims.api",
    "exactfair.smt.engine": "exactfair.claims.engine",
    "exactfair.explore": "exactfair.claims.explore",
    "exactfair.report": "exactfair.claims.report",
    "exactfair.rho": "exactfair.claims.rho",
    "exactfair.smt.search": "exactfair.claims.search",
    "exactfair.commands": "exactfair.cli.commands",
    "exactfair.cli_explore": "exactfair.cli.explore",
    "exactfair.coalitions": "exactfair.core.coalitions",
    "exactfair.digits": "exactfair.core.digits",
    "exactfair.errors": "exactfair.core.errors",
    "exactfair.escape": "exactfair.core.escape",
    "exactfair.exact": "exactfair.core.exact",
    "exactfair.expressions": "exactfair.core.expressions",
    "exactfair.fast": "exactfair.core.fast",
    "exactfair.fewest": "exactfair.core.fewest",
    "exactfair.game": "exactfair.core.game",
    "exactfair.memory": "exactfair.core.memory",
    "exactfair.npz": "exactfair.core.npz",
    "exactfair.output": "exactfair.core.output",
    "exactfair.plotting": "exactfair.core.plotting",
    "exactfair.progress": "exactfair.core.progress",
    "exactfair.random_games": "exactfair.core.random_games",
    "exactfair.repair": "exactfair.core.repair",
    "exactfair.scaled": "exactfair.core.scaled",
    "exactfair.table": "exactfair.core.table",
    "exactfair.usercode": "exactfair.core.usercode",
    "exactfair.workers": "exactfair.core.workers",
    "exactfair.adapters": "exactfair.data.adapters",
    "exactfair.cache": "exactfair.data.cache",
    "exactfair.choose": "exactfair.data.choose",
    "exactfair.compare": "exactfair.data.compare",
    "exactfair.examples": "exactfair.data.examples",
    "exactfair.io": "exactfair.data.io",
    "exactfair.valuation": "exactfair.data.valuation",
    "exactfair.smt.compile": "exactfair.kernel.compile",
    "exactfair.smt.generic": "exactfair.kernel.generic",
    "exactfair.smt.induction": "exactfair.kernel.induction",
    "exactfair.smt.instances": "exactfair.kernel.instances",
    "exactfair.smt.solvers": "exactfair.kernel.solvers",
    "exactfair.smt.isolated": "exactfair.kernel.isolated",
    "exactfair.verdicts": "exactfair.kernel.verdicts",
    "exactfair.parametric": "exactfair.symbolic.parametric",
    "exactfair.parametric_plot": "exactfair.symbolic.parametric_plot",
}


class _Alias(importlib.abc.Loader):
    """Loads an old path as the module at its new path (one object under two names)."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.spec: importlib.machinery.ModuleSpec | None = None

    def create_module(self, spec):
        module = importlib.import_module(self.target)
        self.spec = module.__spec__
        return module

    def exec_module(self, module) -> None:
        # the import system stamped the old name's spec on the module; give it back its own
        module.__spec__ = self.spec

    def get_code(self, fullname: str):
        """``python -m OLD.PATH`` runs the module at its new path (as ``python -m NEW.PATH`` would)."""
        return importlib.util.find_spec(self.target).loader.get_code(self.target)


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path=None, target=None):
        new = MOVED.get(fullname)
        if new is None:
            return None
        return importlib.util.spec_from_loader(fullname, _Alias(new))


def install() -> None:
    """Put the finder on ``sys.meta_path`` (once; ``exactfair/__init__`` calls it first thing)."""
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.append(_Finder())


def protect() -> None:
    """Register at once every old path whose name is also an attribute of its package.

    ``exactfair.explore`` is both the old module path and the function ``exactfair.explore``: importing
    the old path lazily would make the import system set the package's attribute to the module and hide
    the function.  Registered here (``exactfair/__init__`` calls this last), the old path is found in
    ``sys.modules`` and the attribute is left alone — as it was when the module lived at that path.
    """
    for old, new in MOVED.items():
        parent, _, leaf = old.rpartition(".")
        package = sys.modules.get(parent)
        if package is None or old in sys.modules or leaf not in vars(package):
            continue
        module = importlib.import_module(new)
        if getattr(package, leaf) is not module:
            sys.modules[old] = module


def attribute(package: str, name: str):
    """An old module as an attribute of its package: ``import exactfair; exactfair.game`` (0.1's package
    imported its modules, which set these attributes).  The package's ``__getattr__`` calls this.

    >>> import exactfair
    >>> exactfair.coalitions is importlib.import_module("exactfair.core.coalitions")
    True
    """
    old = f"{package}.{name}"
    if old in MOVED:
        return importlib.import_module(old)
    raise AttributeError(f"module {package!r} has no attribute {name!r}")
