"""Run the notebook series on any article with papermill (one parameter cell: article_path, out_dir)."""

from __future__ import annotations

from pathlib import Path

from ..paths import NOTEBOOKS_DIR


def notebook_paths() -> list[Path]:
    """The series in order: notebooks/NN_name.ipynb."""
    return sorted(p for p in NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))


class NotebookFailed(Exception):
    """A notebook of the series raised an error; the message says which cell, and where the partial run is."""


def run_notebooks(article_path: Path, out_dir: Path) -> list[Path]:
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from ..paths import display_path

    executed_dir = out_dir / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for notebook in notebook_paths():
        target = executed_dir / notebook.name
        try:
            papermill.execute_notebook(
                str(notebook), str(target),
                parameters={"article_path": str(article_path), "out_dir": str(out_dir)},
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
