"""Run a notebook series with papermill: the article notebooks on any article (parameters article_path,
out_dir), the corpus notebooks on any corpus output folder (parameters corpus_out, out_dir)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ..paths import NOTEBOOKS_DIR, display_path
from .output import WRITTEN_LOG_ENV, record_outputs

SERIES_PARAMETER = {"article": "article_path", "corpus": "corpus_out"}


def _parameters(notebook: Path) -> str:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return next(("".join(c["source"]) for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])), "")


def notebook_paths(series: str = "article") -> list[Path]:
    """A series in order: notebooks/NN_name.ipynb whose parameters cell sets the series' parameter."""
    wanted = SERIES_PARAMETER[series]
    return sorted(p for p in NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb") if f"{wanted} =" in _parameters(p))


class NotebookFailed(Exception):
    """A notebook of the series raised an error; the message says which cell, and where the partial run is."""


def run_notebooks(target_path: Path, out_dir: Path, series: str = "article") -> list[Path]:
    """Execute every notebook of ``series`` with its parameter set to ``target_path`` (an article file, or a
    corpus output folder); executed notebooks go to out_dir/notebooks/, figures to out_dir/<notebook>/.
    In a newslens output folder, what an earlier run of the notebooks wrote and this one did not is removed
    at the end of a successful run."""
    executed_dir = out_dir / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
    # The kernels note every file they write through report.output in a log (WRITTEN_LOG_ENV): what this
    # run wrote is recorded, and what an earlier run wrote and this one did not is removed at the end.
    fd, log = tempfile.mkstemp(prefix="newslens-written.", suffix=".txt")
    os.close(fd)
    before = os.environ.get(WRITTEN_LOG_ENV)
    os.environ[WRITTEN_LOG_ENV] = log
    try:
        written = _execute(target_path, out_dir, executed_dir, series)
        figures = Path(log).read_text(encoding="utf-8").splitlines()
    finally:
        if before is None:
            os.environ.pop(WRITTEN_LOG_ENV, None)
        else:
            os.environ[WRITTEN_LOG_ENV] = before
        os.unlink(log)
    record_outputs(out_dir, "notebooks", written + [Path(p) for p in figures])
    return written


def _execute(target_path: Path, out_dir: Path, executed_dir: Path, series: str) -> list[Path]:
    import papermill
    from papermill.exceptions import PapermillExecutionError


    written = []
    for notebook in notebook_paths(series):
        target = executed_dir / notebook.name
        try:
            papermill.execute_notebook(
                str(notebook), str(target),
                parameters={SERIES_PARAMETER[series]: str(target_path), "out_dir": str(out_dir)},
                cwd=str(NOTEBOOKS_DIR),          # as in JupyterLab: the kernel starts in the notebook's folder
                kernel_name="python3", progress_bar=False, log_output=False,
            )
        except PapermillExecutionError as exc:
            raise NotebookFailed(
                f"{notebook.name}: cell {exc.exec_count} raised {exc.ename}: {exc.evalue}; "
                f"the partly executed notebook is {display_path(target)}"
            ) from None
        written.append(target)
    return written
