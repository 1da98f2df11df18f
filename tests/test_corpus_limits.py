"""Per-article limits in corpus mode: an article that runs too long or takes too much memory, or whose process
dies, is stopped and becomes a row of `errors` with its stage and the reason, and the run goes on with the
other articles (the rest of its batch too), on the local engine, with one worker, and on Dask.

The bad articles are injected through tests/corpus_hooks.py, which the workers import in place of
newslens.analysis.analyze (run_corpus's private `_analyse`)."""

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

import corpus_hooks
from newslens.corpus import run_corpus
from newslens.paths import REPO_ROOT

DEMO = REPO_ROOT / "corpus" / "demo"
HOOK = "corpus_hooks:analyse"


def _corpus(root: Path, markers: list[str], normal: int = 4) -> list[str]:
    """A folder of the `normal` shortest demo articles and one article per marker (a short article with the
    marker in its last paragraph); the names of the normal files."""
    files = sorted(DEMO.rglob("*.txt"), key=lambda p: (p.stat().st_size, p.name))[:normal]
    root.mkdir(parents=True, exist_ok=True)
    names = []
    for n, path in enumerate(files):
        shutil.copy(path, root / f"a{n}.txt")
        names.append(f"a{n}.txt")
    text = files[0].read_text(encoding="utf-8")
    for marker in markers:
        (root / f"z_{marker}.txt").write_text(f"{text}\n\nThis paragraph says {marker} to the test hook.\n",
                                              encoding="utf-8")
    return names


def _errors(out: Path) -> dict:
    errors = pd.read_parquet(out / "errors.parquet")
    return {row.source: (row.stage, row.error_type, row.message) for row in errors.itertuples()}


def test_slow_stuck_crashing_and_refused_articles_are_errors_and_the_run_goes_on(tmp_path):
    markers = [corpus_hooks.SLOW, corpus_hooks.STUCK, corpus_hooks.CRASH, corpus_hooks.NO_MEMORY]
    normal = _corpus(tmp_path / "in", markers)
    run = run_corpus(tmp_path / "in", tmp_path / "out", workers=2, quiet=True, article_timeout=4,
                     article_memory=0, _analyse=HOOK)
    stopped = ("analysis", "TimeLimit", "stopped after 4 s (--article-timeout)")
    assert _errors(tmp_path / "out") == {
        f"z_{corpus_hooks.SLOW}.txt": stopped,                  # stopped inside the worker, which goes on
        f"z_{corpus_hooks.STUCK}.txt": stopped,                 # deaf to that: its process is killed
        f"z_{corpus_hooks.CRASH}.txt": ("analysis", "WorkerDied", "the worker process died (SIGSEGV)"),
        f"z_{corpus_hooks.NO_MEMORY}.txt": ("analysis", "MemoryError", "ran out of memory"),
    }
    articles = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert sorted(articles["source"]) == normal
    assert run.errors == 4 and run.articles == len(normal)


def test_one_worker_keeps_the_memory_ceiling(tmp_path):
    normal = _corpus(tmp_path / "in", [corpus_hooks.HOG])
    run = run_corpus(tmp_path / "in", tmp_path / "out", workers=1, quiet=True, article_timeout=0,
                     article_memory=450, _analyse=HOOK)
    assert _errors(tmp_path / "out") == {
        f"z_{corpus_hooks.HOG}.txt": ("analysis", "MemoryLimit",
                                      "over the 450 MB memory ceiling (--article-memory)")}
    assert sorted(pd.read_parquet(tmp_path / "out" / "articles.parquet")["source"]) == normal
    assert run.errors == 1


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_dask_workers_keep_the_limits(tmp_path, monkeypatch):
    # Worker processes, as on a real cluster: they find the hook module through PYTHONPATH.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")]))
    normal = _corpus(tmp_path / "in", [corpus_hooks.SLOW, corpus_hooks.HOG, corpus_hooks.CRASH])
    run = run_corpus(tmp_path / "in", tmp_path / "out", engine="dask", workers=2, quiet=True, article_timeout=10,
                     article_memory=450, _analyse=HOOK)
    assert _errors(tmp_path / "out") == {
        f"z_{corpus_hooks.SLOW}.txt": ("analysis", "TimeLimit", "stopped after 10 s (--article-timeout)"),
        f"z_{corpus_hooks.HOG}.txt": ("analysis", "MemoryLimit", "over the 450 MB memory ceiling (--article-memory)"),
        f"z_{corpus_hooks.CRASH}.txt": ("analysis", "WorkerDied", "the worker process died (SIGSEGV)"),
    }
    assert sorted(pd.read_parquet(tmp_path / "out" / "articles.parquet")["source"]) == normal
    assert run.errors == 3
