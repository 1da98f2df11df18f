"""An output folder holds one run's results: a rerun removes what the previous run of the same command wrote
and this one did not (and nothing newslens did not write); a folder newslens may not write in is one line
and exit 3."""

import json
import os
import tempfile

import pandas as pd
import pytest

import newslens
from newslens.cli import EXIT_BAD_OUTPUT, main
from newslens.compare import read_corpus
from newslens.compare.load import find_tables
from newslens.paths import REPO_ROOT
from newslens.report import output

SEED = str(newslens.seed_path())
PLAIN = str(REPO_ROOT / "tests/fixtures/loader/plain_article.txt")
TABLES = ("articles", "sentences", "actor_sentiment", "framing_terms", "scare_quotes", "place_mentions",
          "word_counts", "errors")


def _corpus_folder(root, articles):
    """A folder of short articles with a manifest: [(outlet, title)]."""
    root.mkdir(parents=True)
    rows = []
    for n, (outlet, title) in enumerate(articles):
        name = f"a{n}.txt"
        (root / name).write_text(f"{title}\n\n2022-03-0{n % 9 + 1}\n\nOfficials in Kyiv met envoys from Moscow on "
                                 f"Monday, article {n} says. The talks were calm and the mood was hopeful.\n",
                                 encoding="utf-8")
        rows.append({"path": name, "outlet": outlet, "date": f"2022-03-0{n % 9 + 1}", "title": title})
    pd.DataFrame(rows).to_csv(root / "articles.csv", index=False)
    return root


# --- stale results --------------------------------------------------------------------------------------

def test_analyze_rerun_leaves_only_this_articles_files(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["analyze", SEED, "--out", str(out), "--extras", "all"]) == 0
    for name in ("collocations.csv", "sentiment_agreement.csv", "sentiment_disagreements.csv", "places_map.png",
                 "places_map.csv"):
        assert (out / name).exists()
    (out / "my_notes.txt").write_text("mine\n")
    (out / "sub").mkdir()
    (out / "sub" / "mine.csv").write_text("a\n1\n")
    assert main(["analyze", PLAIN, "--out", str(out), "--no-map"]) == 0
    left = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    for name in ("collocations.csv", "sentiment_agreement.csv", "sentiment_disagreements.csv", "places_map.png",
                 "places_map.csv"):
        assert name not in left
    assert "my_notes.txt" in left and "sub/mine.csv" in left          # never what newslens did not write
    recorded = json.loads((out / output.OUTPUT_MARKER).read_text())["files"]["analyze"]
    assert sorted(recorded + ["my_notes.txt", "sub/mine.csv", output.OUTPUT_MARKER]) == left
    assert json.loads((out / "article.json").read_text())["source"].endswith("plain_article.txt")


def test_only_listed_files_inside_the_folder_are_ever_removed(tmp_path):
    out = output.prepare_output_dir(tmp_path / "out")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep")
    (out / "kept.csv").write_text("keep")
    record = json.loads((out / output.OUTPUT_MARKER).read_text())
    record["files"]["analyze"] = ["../outside.txt", str(outside), "sub/../../outside.txt", "kept.csv/..",
                                  output.OUTPUT_MARKER]
    (out / output.OUTPUT_MARKER).write_text(json.dumps(record))
    assert output.record_outputs(out, "analyze", []) == []
    assert outside.read_text() == "keep" and (out / "kept.csv").exists() and (out / output.OUTPUT_MARKER).exists()
    # A folder without the marker is not newslens's: nothing is recorded or removed there.
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.csv").write_text("x")
    assert output.record_outputs(plain, "analyze", [plain / "b.csv"]) == []
    assert sorted(p.name for p in plain.iterdir()) == ["a.csv"]


@pytest.fixture(scope="module")
def corpus_inputs(tmp_path_factory):
    root = tmp_path_factory.mktemp("stale_corpus")
    ten = _corpus_folder(root / "ten", [("alpha.example" if n % 2 else "beta.example", f"Old article {n}")
                                       for n in range(10)])
    seven = _corpus_folder(root / "seven", [("gamma.example" if n % 2 else "delta.example", f"New article {n}")
                                           for n in range(7)])
    one = _corpus_folder(root / "one", [("solo.example", "Alone")])
    return ten, seven, one


def test_corpus_rerun_in_another_format_and_input_replaces_tables_and_comparison(corpus_inputs, tmp_path, capsys):
    ten, seven, one = corpus_inputs
    out = tmp_path / "out"
    assert main(["corpus", str(ten), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    assert (out / "articles.parquet").exists() and (out / "compare" / "groups.parquet").exists()
    (out / "my_notes.txt").write_text("mine\n")

    assert main(["corpus", str(seven), "--out", str(out), "--workers", "1", "--quiet", "--format", "csv"]) == 0
    assert not list(out.glob("*.parquet")) and not list((out / "compare").glob("*.parquet"))
    assert sorted(p.stem for p in out.glob("*.csv")) == sorted(TABLES)
    groups = pd.read_csv(out / "compare" / "groups.csv")
    assert groups["articles"].sum() == 7 and set(groups["outlet"]) == {"gamma.example", "delta.example"}
    assert (out / "my_notes.txt").exists() and (out / ".newslens-cache").is_dir()
    cached = sorted((out / ".newslens-cache").rglob("*.arrows"))
    assert len(cached) == 17                       # the cache is kept: both inputs' articles

    # One outlet: no comparison is written, and the previous one goes (a file of the user's in it stays).
    (out / "compare" / "mine.txt").write_text("mine\n")
    assert main(["corpus", str(one), "--out", str(out), "--workers", "1", "--quiet", "--format", "csv"]) == 0
    assert [p.name for p in (out / "compare").iterdir()] == ["mine.txt"]
    assert len(pd.read_csv(out / "articles.csv")) == 1


def test_compare_reads_the_tables_of_the_last_run_only(corpus_inputs, tmp_path):
    ten, seven, _ = corpus_inputs
    out = tmp_path / "out"
    newslens.corpus.run_corpus(ten, out, workers=1, quiet=True)
    stale = {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}
    newslens.corpus.run_corpus(seven, out, workers=1, quiet=True, file_format="csv")
    for name, data in stale.items():                  # as an older newslens, or a user, might leave them
        (out / f"{name}.parquet").write_bytes(data)
    paths, file_format = find_tables(out)
    assert file_format == "csv" and {p.suffix for p in paths.values()} == {".csv"}
    assert len(read_corpus(out)["articles"]) == 7


@pytest.mark.enable_socket   # the kernel talks to papermill over loopback
def test_notebooks_rerun_removes_the_figures_of_the_previous_run(tmp_path, monkeypatch):
    import nbformat

    from newslens.report import notebooks as notebook_runner

    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("article_path = None\nout_dir = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("from pathlib import Path\nimport pandas as pd\n"
                                  "from newslens.report.output import write_csv\n"
                                  "write_csv(pd.DataFrame({'a': [1]}), Path(out_dir) / '00_tiny' / "
                                  "(Path(article_path).stem + '.csv'))"),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, folder / "00_tiny.ipynb")
    monkeypatch.setattr(notebook_runner, "NOTEBOOKS_DIR", folder)
    out = output.prepare_output_dir(tmp_path / "out")
    notebook_runner.run_notebooks(tmp_path / "first.txt", out)
    assert (out / "00_tiny" / "first.csv").exists()
    (out / "00_tiny" / "mine.txt").write_text("mine\n")
    notebook_runner.run_notebooks(tmp_path / "second.txt", out)
    assert sorted(p.name for p in (out / "00_tiny").iterdir()) == ["mine.txt", "second.csv"]
    assert (out / "notebooks" / "00_tiny.ipynb").exists()
    assert output.WRITTEN_LOG_ENV not in os.environ


# --- a folder newslens may not write in --------------------------------------------------------------------

def _refuse_writes_under(monkeypatch, folder):
    """The system refusing to create files under ``folder``, as a read-only folder does for a user who is
    not root (chmod does not stop root, so the tests that run as root simulate it here)."""
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args, dir=None, **kwargs):
        if dir is not None and os.path.abspath(dir).startswith(os.path.abspath(folder)):
            raise PermissionError(13, "Permission denied", str(dir))
        return real_mkstemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def _one_line(capsys, folder):
    err = capsys.readouterr().err.strip()
    assert err == f"newslens: error: {folder}: cannot write here (permission denied)", err


@pytest.fixture(scope="module")
def compared(corpus_inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("compared") / "out"
    assert main(["corpus", str(corpus_inputs[0]), "--out", str(out), "--workers", "1", "--quiet",
                 "--no-compare"]) == 0
    return out


def test_a_folder_that_refuses_writes_is_one_line_and_exit_3(tmp_path, monkeypatch, capsys, corpus_inputs,
                                                             compared):
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    _refuse_writes_under(monkeypatch, readonly)
    capsys.readouterr()
    assert main(["analyze", PLAIN, "--out", str(readonly), "--no-map"]) == EXIT_BAD_OUTPUT
    _one_line(capsys, readonly)
    assert main(["corpus", str(corpus_inputs[2]), "--out", str(readonly), "--workers", "1",
                 "--quiet"]) == EXIT_BAD_OUTPUT
    _one_line(capsys, readonly)
    assert main(["notebooks", "--article", PLAIN, "--out", str(readonly)]) == EXIT_BAD_OUTPUT
    _one_line(capsys, readonly)
    _refuse_writes_under(monkeypatch, compared)
    assert main(["compare", str(compared), "--no-figures"]) == EXIT_BAD_OUTPUT
    _one_line(capsys, compared)
    assert not (compared / "compare").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in a read-only folder: chmod cannot test this as root")
def test_a_read_only_folder_really_is_refused(tmp_path, capsys, compared):
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    readonly.chmod(0o555)
    compared.chmod(0o555)
    try:
        assert main(["analyze", PLAIN, "--out", str(readonly), "--no-map"]) == EXIT_BAD_OUTPUT
        _one_line(capsys, readonly)
        assert main(["analyze", PLAIN, "--out", str(readonly / "new"), "--no-map"]) == EXIT_BAD_OUTPUT
        _one_line(capsys, readonly / "new")
        assert main(["compare", str(compared), "--no-figures"]) == EXIT_BAD_OUTPUT
        _one_line(capsys, compared)
    finally:
        readonly.chmod(0o755)
        compared.chmod(0o755)


def test_a_folder_the_kernel_refuses_even_to_root(capsys):
    """A real refusal that holds for root too: sysfs lets nobody create a file (skipped where there is none)."""
    target = "/sys/newslens-output-test"
    if not os.path.isdir("/sys") or os.path.exists(target):
        pytest.skip("no /sys here")
    try:
        fd, probe = tempfile.mkstemp(dir="/sys")
    except PermissionError:
        pass
    except OSError:
        pytest.skip("/sys refuses files here for another reason")
    else:
        os.close(fd)
        os.unlink(probe)
        pytest.skip("/sys accepts files here")
    assert main(["analyze", PLAIN, "--out", target, "--no-map"]) == EXIT_BAD_OUTPUT
    _one_line(capsys, target)
