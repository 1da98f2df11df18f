"""Run the notebook series on any article with papermill (one parameter cell: article_path, out_dir)."""

from __future__ import annotations

from pathlib import Path

from .paths import NOTEBOOKS_DIR


def notebook_paths() -> list[Path]:
    """The series in order: notebooks/NN_name.ipynb."""
    return sorted(p for p in NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))


def run_notebooks(article_path: Path, out_dir: Path) -> list[Path]:
    import papermill

    executed_dir = out_dir / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for notebook in notebook_paths():
        target = executed_dir / notebook.name
        papermill.execute_notebook(
            str(notebook), str(target),
            parameters={"article_path": str(article_path), "out_dir": str(out_dir)},
            cwd=str(NOTEBOOKS_DIR),          # as in JupyterLab: the kernel starts in the notebook's folder
            kernel_name="python3", progress_bar=False, log_output=False,
        )
        written.append(target)
    return written
