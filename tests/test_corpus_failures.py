"""`newslens corpus` when things go wrong around the articles: options that cannot work are refused at once, a
scheduler out of reach or a cluster without workers is one line (and what is cached stays), Ctrl-C says how
to resume."""

import shutil
import time

import pytest

import newslens.corpus
from newslens.cli import main
from newslens.corpus import CorpusEngineError, run_corpus
from newslens.corpus import runner
from newslens.paths import REPO_ROOT

DEMO = REPO_ROOT / "corpus" / "demo"


@pytest.fixture()
def small(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    for path in sorted(DEMO.rglob("*.txt"), key=lambda p: (p.stat().st_size, p.name))[:3]:
        shutil.copy(path, root / path.name)
    return root


@pytest.mark.parametrize("options, message", [
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
    (["--limit", "-1"], "--limit must be 1 or more"),
    (["--limit", "0"], "--limit must be 1 or more"),
    (["--article-timeout", "-5"], "--article-timeout and --article-memory must be 0 (no limit) or more"),
])
def test_options_that_cannot_work_are_refused(small, tmp_path, capsys, options, message):
    assert main(["corpus", str(small), "--out", str(tmp_path / "o"), "--quiet", *options]) == 2
    assert capsys.readouterr().err.strip() == f"newslens: error: {message}"
    assert not (tmp_path / "o").exists()


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_a_scheduler_out_of_reach_is_one_line(small, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(runner, "SCHEDULER_TIMEOUT", 2)
    started = time.monotonic()
    code = main(["corpus", str(small), "--out", str(tmp_path / "o"), "--quiet", "--engine", "dask",
                 "--scheduler", "tcp://127.0.0.1:9"])                # the discard port: nobody there
    err = capsys.readouterr().err
    assert code == 6 and time.monotonic() - started < 15
    assert err.startswith("newslens: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9 within 2 s (")
    assert len(err.strip().splitlines()) == 1


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_a_cluster_without_workers_gives_up_and_says_a_rerun_resumes(small, tmp_path, monkeypatch):
    from dask.distributed import LocalCluster

    monkeypatch.setattr(runner, "NO_WORKERS_WAIT", 2)
    with LocalCluster(n_workers=0, processes=False, protocol="tcp", host="127.0.0.1",
                      dashboard_address=None) as cluster:
        with pytest.raises(CorpusEngineError) as info:
            run_corpus(small, tmp_path / "o", engine="dask", scheduler=cluster.scheduler_address, quiet=True)
    message = str(info.value)
    assert message.startswith("no Dask worker for 2 s: gave up with 3 articles sent and not analysed (")
    assert message.endswith("run the same command again (with workers) to resume")


def test_ctrl_c_says_how_to_resume(small, tmp_path, capsys, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(newslens.corpus, "run_corpus", interrupted)
    assert main(["corpus", str(small), "--out", str(tmp_path / "o"), "--quiet"]) == 130
    assert capsys.readouterr().err == "newslens: interrupted; run the same command again to resume\n"
