"""The package's shape, checked: layers (imports only go down), no import circles, small modules, a small kernel.

ARCHITECTURE.md describes the layers; this file is the rule.  Every ``import`` counts — at module level or
inside a function — since a function-level import is still a dependency, only a later one.
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
from pathlib import Path

import pytest

import exactfair
from exactfair import _aliases

PACKAGE = Path(exactfair.__file__).parent

#: The layers, bottom first: a module may import from its own layer and the layers below it.
LAYERS = ["core", "mechanisms", "axioms", "kernel", "smt", "symbolic", "data", "fairsets", "claims", "cli"]
#: Top-level modules: the public API, ``python -m exactfair`` and the old-path aliases.
TOP = {"exactfair", "exactfair.__main__", "exactfair._aliases"}
MAX_LINES = 600


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


MODULES = _modules()


def _edges(name: str, path: Path) -> set[tuple[str, int]]:
    """(module imported, line) for every import of an exactfair module in ``name``'s source."""
    is_package = path.name == "__init__.py"
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")[: len(name.split(".")) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("exactfair"):
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add((sub if sub in MODULES else target, node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("exactfair"):
                    out.add((alias.name, node.lineno))
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str) and node.args[0].value.startswith("exactfair")
              and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr
                   if isinstance(node.func, ast.Attribute) else None) in ("import_module", "__import__")):
            out.add((node.args[0].value, node.lineno))          # an import by name is an import too
    return {(t, line) for t, line in out if t != name}


EDGES = {name: _edges(name, path) for name, path in MODULES.items()}


def layer(name: str) -> int:
    if name in TOP:
        return len(LAYERS)
    return LAYERS.index(name.split(".")[1])


def test_every_module_is_in_a_layer():
    stray = [m for m in MODULES if m not in TOP and (m.count(".") < 1 or m.split(".")[1] not in LAYERS)]
    assert not stray, f"modules outside the layers: {stray}"
    for name in LAYERS:
        assert f"exactfair.{name}" in MODULES, f"layer {name} has no package"


def test_imports_only_go_down():
    up = [f"{m}:{line} imports {t}" for m, edges in EDGES.items() for t, line in edges
          if t in MODULES and layer(t) > layer(m)]
    unknown = [f"{m}:{line} imports {t}" for m, edges in EDGES.items() for t, line in edges
               if t not in MODULES and t not in _aliases.MOVED]
    old = [f"{m}:{line} imports the old path {t}" for m, edges in EDGES.items() for t, line in edges
           if t in _aliases.MOVED and m != "exactfair._aliases"]
    assert not up and not unknown and not old, "\n".join(up + unknown + old)


def _cycles() -> list[list[str]]:
    graph = {m: sorted({t for t, _ in EDGES[m] if t in MODULES}) for m in MODULES}
    index, low, stack, on, out = {}, {}, [], set(), []
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_no_import_circles():
    assert _cycles() == []


def test_no_module_over_600_lines():
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


@pytest.mark.parametrize("name", LAYERS)
def test_each_layer_says_what_it_holds_and_may_import(name):
    doc = importlib.import_module(f"exactfair.{name}").__doc__ or ""
    assert "May import:" in doc, f"exactfair.{name}'s docstring does not say what it may import"
    allowed = doc.split("May import:")[1].split("\n\n")[0]
    below = LAYERS[: LAYERS.index(name)]
    said = set(re.findall(r"\b(" + "|".join(LAYERS) + r")\b", allowed))
    assert said == set(below), f"exactfair.{name} says it may import {sorted(said)}; the layers below are {below}"


# --------------------------------------------------------------------------- the kernel
VERDICT_MAKERS = {"Proved", "ProvedOneSolver", "solver_proved", "with_second_solver"}


def _makes_proved(path: Path) -> bool:
    """Does this module use a maker of "proved" — ``Proved``, ``ProvedOneSolver``, ``solver_proved``,
    ``with_second_solver`` (under any alias) — other than in ``isinstance``, or subclass a verdict?

    A use is any reference (``cls = Proved if … else Refuted`` counts, not only a call).  A static rule: it
    cannot see ``getattr(module, "Pro" + "ved")``; ``Proved`` itself refuses to say "proved" without a
    confirmed second-solver record, whoever builds it.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set(VERDICT_MAKERS)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names |= {a.asname for a in node.names if a.name in VERDICT_MAKERS and a.asname}
    in_isinstance = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("isinstance",
                                                                                                 "issubclass"):
            in_isinstance |= {id(n) for arg in node.args[1:] for n in ast.walk(arg)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(
                (b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute) else "")
                in names | {"Verdict"} for b in node.bases):
            return True
        name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
        if name in names and id(node) not in in_isinstance and isinstance(getattr(node, "ctx", None), ast.Load):
            return True
    return False


def test_the_proved_detector_sees_indirect_uses(tmp_path):
    """The rule above catches the shapes a "proved" was once built in without a call of ``Proved(...)``."""
    shapes = ["cls = Proved if ok else Refuted\nv = cls('c', 's', 1)",
              "from exactfair.kernel.verdicts import Proved as P\nv = P('c', 's', 1)",
              "import exactfair.kernel.verdicts as V\nv = V.ProvedOneSolver('c', 's', 1)",
              "v = with_second_solver(w, record)",
              "class Looks(Verdict):\n    verdict = 'proved'"]
    for k, text in enumerate(shapes):
        path = tmp_path / f"m{k}.py"
        path.write_text(text, encoding="utf-8")
        assert _makes_proved(path), text
    innocent = tmp_path / "innocent.py"
    innocent.write_text("from exactfair.kernel.verdicts import Proved\nok = isinstance(v, (Proved, Refuted))\n",
                        encoding="utf-8")
    assert not _makes_proved(innocent)


def test_no_verdict_says_proved_without_a_record():
    """The kernel's own check, whoever builds the verdict: a missing or unconfirmed record is refused."""
    import dataclasses

    from exactfair.kernel.verdicts import InternalCheckError, Proved, ProvedOneSolver, Verdict, exact

    for record in (None, {}, {"solver": "cvc5", "agrees": None, "answer": "unknown"}, {"solver": "z3", "agrees": True}):
        with pytest.raises(InternalCheckError):
            Proved("c", "n = 2", 2, second_solver=record)
    proof = Proved("c", "n = 2", 2, second_solver=exact("by hand"))
    with pytest.raises(InternalCheckError):
        dataclasses.replace(proof, second_solver=None)
    assert ProvedOneSolver("c", "n = 2", 2).verdict == "proved (z3 only)"
    with pytest.raises(TypeError):
        type("Looks", (Verdict,), {"verdict": "proved"})


def test_only_the_kernel_and_its_declared_routes_make_a_proved():
    from exactfair.kernel import MODULES as KERNEL, ROUTES
    makers = {m for m, p in MODULES.items() if _makes_proved(p)}
    undeclared = sorted(makers - set(KERNEL) - set(ROUTES))
    stale = sorted(set(ROUTES) - makers)
    assert not undeclared, f"these modules make a 'proved' but are neither kernel nor a declared route: {undeclared}"
    assert not stale, f"declared routes that make no 'proved' (remove them from kernel.ROUTES): {stale}"
    assert set(KERNEL) == {m for m in MODULES if m.startswith("exactfair.kernel.")}, "kernel.MODULES is not the package"
    assert all(r.split(".")[1] in LAYERS[LAYERS.index("kernel") + 1:] for r in ROUTES)


def test_the_kernel_trusts_only_what_it_lists():
    """Third-party code in the kernel: z3, cvc5 and sympy only (plus the standard library)."""
    allowed = {"z3", "cvc5", "sympy"} | set(sys.stdlib_module_names) | {"__future__"}
    found = set()
    for name, path in MODULES.items():
        if not name.startswith("exactfair.kernel"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level:
                found.add((node.module or "").split(".")[0])
    assert found - allowed - {"exactfair"} == set()
    doc = importlib.import_module("exactfair.kernel").__doc__
    for trusted in ("z3", "cvc5", "Fraction", "sympy"):
        assert trusted in doc


# --------------------------------------------------------------------------- old import paths
@pytest.mark.parametrize("old, new", sorted(_aliases.MOVED.items()))
def test_old_import_path_is_the_same_module(old, new):
    assert importlib.import_module(old) is importlib.import_module(new)
    assert importlib.import_module(new).__spec__.name == new          # the module keeps its own name
    assert old not in MODULES and new in MODULES


def test_old_paths_do_not_hide_the_public_api():
    """``exactfair.explore`` is both an old module path and the public function: importing the path keeps the function."""
    importlib.import_module("exactfair.explore")
    assert callable(exactfair.explore) and exactfair.explore.__module__ == "exactfair.claims.explore"
    for name in exactfair.__all__:
        assert hasattr(exactfair, name)


def test_changelog_lists_every_move():
    text = (PACKAGE.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    missing = [f"{old} → {new}" for old, new in _aliases.MOVED.items() if f"`{old}`" not in text or f"`{new}`" not in text]
    assert not missing, missing


def test_old_paths_patch_the_real_module(monkeypatch):
    """A test written against 0.1 that patches through an old path reaches the code that reads the name."""
    import exactfair.smt.solvers as old_solvers
    from exactfair.kernel import solvers
    monkeypatch.setattr(old_solvers, "cvc5_available", lambda: False)
    assert solvers.cvc5_available() is False


def test_one_module_per_command():
    """Every sub-command of ``exactfair`` is a module of ``exactfair.cli`` with ``add_parser`` and ``run``."""
    import argparse

    from exactfair.cli import COMMANDS, build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(sub.choices) == list(COMMANDS)
    for name, module in COMMANDS.items():
        assert module.__name__ == f"exactfair.cli.{name}"
        assert callable(module.add_parser) and callable(module.run)


def _dotted_paths(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w/])(?:exactfair|(?:core|mechanisms|axioms|kernel|smt|symbolic|data|fairsets|claims"
                          r"|cli))(?:\.[A-Za-z_]\w*)+", text))


def _resolves(path: str) -> bool:
    parts = path.split(".")
    if parts[0] != "exactfair":
        parts = ["exactfair"] + parts
    for k in range(len(parts), 0, -1):
        name = ".".join(parts[:k])
        if name in _aliases.MOVED:                   # documents must use the new paths
            return False
        try:
            obj = importlib.import_module(name)
        except ImportError:
            continue
        for attr in parts[k:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


@pytest.mark.parametrize("document", ["ARCHITECTURE.md", "proofs/SOUNDNESS.md"])
def test_documents_name_modules_that_exist(document):
    """Every dotted path in ARCHITECTURE.md and SOUNDNESS.md names a module or object at its new home."""
    text = (PACKAGE.parent / document).read_text(encoding="utf-8")
    for ext in (".md", ".py", ".txt", ".json", ".png", ".nfg"):
        text = text.replace(ext + " ", " ").replace(ext + "`", "`").replace(ext + ")", ")").replace(ext + ",", ",")
    paths = _dotted_paths(text)
    assert paths
    bad = sorted(p for p in paths if not _resolves(p))
    assert not bad, bad


def test_architecture_names_every_layer_and_soundness_points_to_the_kernel():
    arch = (PACKAGE.parent / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for name in LAYERS:
        assert re.search(rf"^{name}\s", arch, re.M), name
    soundness = (PACKAGE.parent / "proofs" / "SOUNDNESS.md").read_text(encoding="utf-8")
    assert "exactfair/kernel/" in soundness and "exactfair.kernel.MODULES" in soundness
    from exactfair.kernel import MODULES as KERNEL, ROUTES
    for name in KERNEL + tuple(ROUTES):
        assert importlib.import_module(name).__name__ == name


def test_imports_by_name_count(tmp_path):
    """``importlib.import_module("exactfair.cli")`` or ``__import__("exactfair.cli")`` is an edge like ``import``."""
    path = tmp_path / "m.py"
    path.write_text("import importlib\nimportlib.import_module('exactfair.cli')\n__import__('exactfair.claims.api')\n",
                    encoding="utf-8")
    assert {t for t, _ in _edges("exactfair.kernel.m", path)} == {"exactfair.cli", "exactfair.claims.api"}


def test_the_kernel_names_every_library_it_reaches():
    """Third-party code anywhere below the kernel (what its imports import, transitively) is named in its docstring."""
    closure, todo = set(), [m for m in MODULES if m.startswith("exactfair.kernel")]
    while todo:
        m = todo.pop()
        if m in closure or m not in MODULES:
            continue
        closure.add(m)
        todo += [t for t, _ in EDGES[m]]
    assert not any(layer(m) > LAYERS.index("kernel") for m in closure)
    found = set()
    for name in closure:
        for node in ast.walk(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level:
                found.add((node.module or "").split(".")[0])
    third = found - set(sys.stdlib_module_names) - {"__future__", "exactfair"}
    doc = importlib.import_module("exactfair.kernel").__doc__.lower()
    assert third and all(lib.lower() in doc for lib in third), sorted(lib for lib in third if lib.lower() not in doc)


def test_the_verdict_cache_fingerprint_covers_the_trusted_code(monkeypatch):
    """Replacing a function in any kernel, specification or smt-route module changes code_epoch (cached
    verdicts are then recomputed, never reused)."""
    from exactfair.kernel import MODULES as KERNEL, ROUTES, SPECIFICATION
    from exactfair.smt.guards import code_epoch

    for name in (*KERNEL, *SPECIFICATION, *(r for r in ROUTES if r.startswith("exactfair.smt."))):
        module = importlib.import_module(name)
        target = next(k for k, v in sorted(vars(module).items()) if callable(v) and not k.startswith("__"))
        before = code_epoch()
        with monkeypatch.context() as m:
            m.setattr(module, target, lambda *a, **k: None)
            assert code_epoch() != before, f"{name}.{target}"
        assert code_epoch() == before


def test_old_paths_as_attributes_and_names_kept():
    """What 0.1 code did besides importing a path: attributes of the package, names of moved helpers."""
    import subprocess

    code = ("import exactfair; print(exactfair.game.Game.__module__, exactfair.explore.__module__); "
            "from exactfair.cli import MECHANISM_HELP; from exactfair.smt.decide import _recheck_refutation; "
            "from exactfair.commands import cmd_rewards, load_game; "
            "from exactfair.kernel.lemma import LEMMAS; print(sorted(LEMMAS)[:2])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["exactfair.core.game exactfair.claims.explore", "['L-F1', 'L-F2']"]
    with pytest.raises(AttributeError):
        exactfair.nonesuch


@pytest.mark.parametrize("module", ["exactfair", "exactfair.cli"])
def test_python_m_runs_the_command(module):
    import subprocess

    run = subprocess.run([sys.executable, "-m", module, "rewards", "theorem5", "--min-size", "3"],
                         capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.splitlines()[0].split() == ["C", "{1,2,3}"], run.stderr
