"""The notebooks: each one runs top to bottom on a fresh kernel, and is committed without outputs.

Every ``notebooks/*.ipynb`` is executed with nbclient on the ``python3`` kernel,
from the ``notebooks/`` folder (so their relative paths hold).  ipykernel's
native ``python3`` kernel starts with the interpreter running these tests, so
the notebooks see this checkout's ``timeline``; :func:`test_kernel_is_this_python`
makes sure no other ``python3`` kernelspec shadows it.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
KERNEL = "python3"
TIMEOUT = 300  # seconds per cell
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _client(nb: nbformat.NotebookNode) -> NotebookClient:
    return NotebookClient(nb, timeout=TIMEOUT, kernel_name=KERNEL,
                          resources={"metadata": {"path": str(NOTEBOOKS_DIR)}})


def _failed_cell(nb: nbformat.NotebookNode) -> tuple[int, nbformat.NotebookNode] | None:
    """The cell that raised (it holds an error output), else the last cell that started running."""
    code = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    for i, cell in code:
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return i, cell
    started = [(i, c) for i, c in code if c.get("execution_count") is not None]
    return started[-1] if started else None


def _failure(path: Path, nb: nbformat.NotebookNode, exc: Exception) -> str:
    """What went wrong, for a person: which cell, its source, and the error with its traceback."""
    found = _failed_cell(nb)
    if found is None:
        return f"{path.name}: the kernel failed before any cell ran: {type(exc).__name__}: {exc}"
    index, cell = found
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    if errors:
        err = errors[0]
        detail = f"{err['ename']}: {err['evalue']}\n\n" + ANSI.sub("", "\n".join(err.get("traceback", [])))
    else:
        detail = f"{type(exc).__name__}: {ANSI.sub('', str(exc))}"
    return (f"{path.name}: cell {index} (In [{cell.get('execution_count')}]) failed\n"
            f"---- cell source ----\n{cell.source}\n"
            f"---- error ----\n{detail}")


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS, f"no notebooks in {NOTEBOOKS_DIR}"


def test_kernel_is_this_python() -> None:
    """The ``python3`` kernel runs this interpreter (the venv) and imports this checkout's ``timeline``."""
    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import json, sys, timeline\n"
        "print(json.dumps({'executable': sys.executable, 'prefix': sys.prefix, 'timeline': timeline.__file__}))")])
    _client(probe).execute()
    seen = json.loads(probe.cells[0].outputs[0]["text"])
    assert Path(seen["prefix"]).resolve() == Path(sys.prefix).resolve(), (
        f"the {KERNEL!r} kernel runs {seen['executable']}, not {sys.executable}: "
        f"another kernelspec named {KERNEL!r} shadows ipykernel's own")
    assert Path(seen["timeline"]).resolve().is_relative_to(ROOT), (
        f"the kernel imports timeline from {seen['timeline']}, not from {ROOT}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    try:
        _client(nb).execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        pytest.fail(_failure(path, nb, exc), pytrace=False)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_clean(path: Path) -> None:
    """Valid nbformat 4 on the python3 kernel, with no outputs and no execution counts (clean diffs)."""
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.get("kernelspec", {}).get("name") == KERNEL, nb.metadata.get("kernelspec")
    dirty = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            dirty.append(f"cell {index} has {len(cell.outputs)} output(s)")
        if cell.get("execution_count") is not None:
            dirty.append(f"cell {index} has execution count {cell.execution_count}")
    assert not dirty, (f"{path.name} is committed with outputs; clear all outputs before committing "
                       f"(Jupyter: Edit > Clear Outputs of All Cells):\n" + "\n".join(dirty))
