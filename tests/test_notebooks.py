"""The notebooks: committed stripped and in sync with their builder, and executed headless (nbclient)."""

import importlib.util
import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

HERE = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = ["balanced_reciprocity.ipynb", "rho_shapley_vs_reciprocity.ipynb", "fair_set_bargaining.ipynb",
         "symbolic_parameters.ipynb", "your_own_mechanism.ipynb", "collaborative_learning.ipynb",
         "bargaining_any_game.ipynb", "axiom_landscape.ipynb"]
WITH_FIGURES = {"rho_shapley_vs_reciprocity.ipynb", "fair_set_bargaining.ipynb", "symbolic_parameters.ipynb",
                "collaborative_learning.ipynb", "bargaining_any_game.ipynb", "axiom_landscape.ipynb"}


def _builder():
    spec = importlib.util.spec_from_file_location("build_notebooks", HERE / "build_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_is_stripped_and_in_sync(name):
    nb = nbformat.read(HERE / name, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert [c.source for c in nb.cells] == [c.source for c in _builder().build(name).cells], \
        "regenerate with: python notebooks/build_notebooks.py"
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "assert " in code
    for match in re.finditer(r'"[^"\n]*\.png"', code):                # figures go to a temporary folder
        assert code[:match.start()].endswith("FIGURES / "), match.group()
    for line in code.splitlines():
        if line.startswith(("import ", "from ")) and "exactfair" in line:
            assert "._" not in line and " _" not in line.split("import")[1], line  # public API only


@pytest.mark.parametrize("name", NAMES)
def test_notebook_executes(name, tmp_path):
    nb = nbformat.read(HERE / name, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    before = sorted(p.name for p in HERE.iterdir())
    client.execute()
    assert sorted(p.name for p in HERE.iterdir()) == before, "the notebook wrote into notebooks/"
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    if name in WITH_FIGURES:
        assert any("image/png" in o.get("data", {}) for o in outputs), "a figure should render"
