"""The notebook series on any article: run with papermill through `newslens notebooks`, the tables the
notebooks write must be byte-identical to the ones `newslens analyze` writes for the same article."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

import newslens
from newslens.report.notebooks import notebook_paths
from newslens.paths import REPO_ROOT

NEWSLENS = str(Path(sys.executable).with_name("newslens"))
ARTICLES = {
    "seed": newslens.seed_path(),
    "plain_text": REPO_ROOT / "tests/fixtures/loader/plain_article.txt",
    "html_page": REPO_ROOT / "tests/fixtures/loader/saved_page.html",
    # <script> in the title, the byline and next to a place name: no notebook may emit it as live HTML.
    "hostile": REPO_ROOT / "tests/fixtures/loader/hostile_article.txt",
}


def _unescaped_markup(notebook_path: Path) -> list[str]:
    import nbformat

    found = []
    for cell in nbformat.read(notebook_path, as_version=4).cells:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            if re.search(r"<(script|b)[\s>]", html):   # the fixture's tags, live rather than escaped
                found.append(f"{notebook_path.name}: cell {cell.get('execution_count')}")
    return found


def _run(*args):
    result = subprocess.run([NEWSLENS, *args], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_notebook_tables_equal_analyze_tables(tmp_path, name):
    article = ARTICLES[name]
    _run("analyze", str(article), "--out", str(tmp_path / "analyze"), "--extras", "all")
    _run("notebooks", "--article", str(article), "--out", str(tmp_path / "notebooks"))
    executed = sorted(p.name for p in (tmp_path / "notebooks" / "notebooks").glob("*.ipynb"))
    assert executed == sorted(p.name for p in notebook_paths())
    analyze_tables = {p.name: p for p in (tmp_path / "analyze").glob("*.csv")}
    compared = 0
    for csv in sorted((tmp_path / "notebooks").glob("*/*.csv")):
        if csv.name in analyze_tables:
            assert csv.read_bytes() == analyze_tables[csv.name].read_bytes(), f"{csv.parent.name}/{csv.name}"
            compared += 1
    # paragraphs, removed lines, the sentiment tables and the framing tables at least.
    assert compared >= 12
    for notebook in (tmp_path / "notebooks" / "notebooks").glob("*.ipynb"):
        assert _unescaped_markup(notebook) == []


@pytest.mark.enable_socket   # the kernel talks to papermill over loopback
def test_a_failing_notebook_gives_one_line(tmp_path, monkeypatch, capsys):
    import nbformat

    from newslens.report import notebooks as notebook_runner
    from newslens.cli import main

    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("article_path = None\nout_dir = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("raise ValueError('no places in this article')"),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, folder / "00_fails.ipynb")
    monkeypatch.setattr(notebook_runner, "NOTEBOOKS_DIR", folder)
    assert main(["notebooks", "--article", str(newslens.seed_path()), "--out", str(tmp_path / "out")]) == 4
    err = capsys.readouterr().err.strip()
    assert err.startswith("newslens: error: 00_fails.ipynb: cell ")
    assert "raised ValueError: no places in this article" in err and "\n" not in err
