"""Run a notebook series with papermill: the article notebooks on any article (parameters article_path,
out_dir), the corpus notebooks on any corpus output folder (parameters corpus_out, out_dir)."""

from __future__ import annotations

import json
from pathlib import Path

from ..paths import NOTEBOOKS_DIR

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
    corpus output folder); executed notebooks go to out_dir/notebooks/, figures to out_dir/<notebook>/."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from ..paths import display_path

    executed_dir = out_dir / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
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
