"""A sample of the page sweep (bench/page_sweep.py, bench/results/page_sweep_before.md) that runs without the
page cache: small pages written here that copy the structures of the real saved pages that hung or failed in
the sweep, each run through `newslens analyze` (the CLI's main()) with a generous time limit.

The first page hung before page titles were read with an HTML parser (the og:title regex of
text/formats.py `_page_titles`). The last two tests check the sweep's own kill-at-budget and outcome
classification."""

from __future__ import annotations

import json
import sys

import pytest

from newslens.cli import main

# Limits are generous: a fixed page takes a second or two of CPU, and the machine may be shared.
LIMIT = 60

PARAGRAPHS = [
    "The harbour authority in Tallinn said on Tuesday that ferry traffic to Helsinki would resume on Friday "
    "after a nine-day strike by deck crews ended with a new wage agreement.",
    "Union leaders told reporters that the deal raises pay by six percent over two years and limits night "
    "shifts, while the operators said the settlement was expensive but fair.",
    "Passengers who had booked crossings during the strike will be offered refunds or new tickets, the "
    "company said, and freight lorries waiting at the port will be loaded first.",
    "The transport minister welcomed the agreement and said the government would review how such disputes "
    "are settled, adding that the strike had cost the economy millions of euros.",
]
TITLE = "Ferry strike ends after nine days in Tallinn"


def page(head_extra: str = "", body_extra: str = "", paragraphs: list[str] = PARAGRAPHS, title: str = TITLE) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>{title} | Baltic Wire</title>\n"
            f"{head_extra}\n</head><body>\n<header><nav><a href=\"/\">Home</a></nav></header>\n"
            f"<article><h1>{title}</h1>\n{body}\n</article>\n{body_extra}\n</body></html>\n")


def analyze(tmp_path, html: str) -> dict:
    src = tmp_path / "page.html"
    src.write_text(html, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--out", str(out), "--no-map"]) == 0
    return json.loads((out / "article.json").read_text(encoding="utf-8"))


@pytest.mark.timeout(LIMIT, method="signal")
def test_an_ordinary_page(tmp_path):
    data = analyze(tmp_path, page('<meta property="og:title" content="Ferry strike ends after nine days in Tallinn">'))
    assert data["meta"]["title"] == TITLE
    assert data["counts"]["paragraphs"] == len(PARAGRAPHS)


# Hung when titles were read with regular expressions: after many <meta content=...> tags, a long stretch without
# '>' holding many quotes (the page's data as JSON in a <script>, as on the readability fixtures buzzfeed-1,
# cnet, keep-images, medium-1) made the og:title regex backtrack for minutes.
@pytest.mark.timeout(LIMIT, method="signal")
def test_many_meta_tags_and_a_long_script_without_angle_brackets(tmp_path):
    metas = "\n".join(f'<meta name="site:key{i}" content="value {i}">' for i in range(40))
    data = ", ".join(f'"key{i}": "value number {i}"' for i in range(4000))
    html = page('<meta property="og:title" content="Ferry strike ends after nine days in Tallinn">\n' + metas
                + f"\n<script>window.__DATA__ = {{{data}}};</script>")
    result = analyze(tmp_path, html)
    assert result["meta"]["title"] == TITLE


@pytest.mark.timeout(LIMIT, method="signal")
def test_a_huge_data_uri_attribute(tmp_path):
    # An inline image of 2 MB as a data: URI (pages saved with their images inlined).
    blob = "iVBORw0KGgoAAAANSUhEUgAA" * 85_000
    data = analyze(tmp_path, page(body_extra=f'<figure><img alt="map" src="data:image/png;base64,{blob}"></figure>'))
    assert data["counts"]["paragraphs"] == len(PARAGRAPHS)


@pytest.mark.timeout(LIMIT, method="signal")
def test_og_title_with_content_before_property(tmp_path):
    data = analyze(tmp_path, page('<meta content="Ferry strike ends after nine days in Tallinn" property="og:title">'))
    assert data["meta"]["title"] == TITLE


# The clean errors of the sweep: exit 2 with one "newslens: error:" line, no traceback.
@pytest.mark.timeout(LIMIT, method="signal")
@pytest.mark.parametrize("paragraphs, problem", [
    (["La autoridad portuaria de Tallin dijo el martes que el tráfico de transbordadores hacia Helsinki se "
      "reanudará el viernes después de una huelga de nueve días de las tripulaciones, que terminó con un nuevo "
      "acuerdo salarial para los trabajadores del puerto y de los barcos."] * 4, "does not look like English"),
    ([], "no article text found"),
], ids=["not English", "no article text"])
def test_clean_errors(tmp_path, capsys, paragraphs, problem):
    src = tmp_path / "page.html"
    src.write_text(page(paragraphs=paragraphs, title="Noticias"), encoding="utf-8")
    assert main(["analyze", str(src), "--out", str(tmp_path / "out"), "--no-map"]) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and err[0].startswith("newslens: error:") and problem in err[0], err


# The sweep's own bookkeeping: a run over its budget is killed and says where it was; outcomes are classified.
def _page_sweep():
    import importlib.util

    from newslens.paths import REPO_ROOT

    spec = importlib.util.spec_from_file_location("page_sweep", REPO_ROOT / "bench" / "page_sweep.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.timeout(LIMIT, method="signal")
def test_sweep_kills_a_run_over_budget_and_says_where(tmp_path, monkeypatch):
    sweep = _page_sweep()
    stuck = tmp_path / "newslens" / "stuck.py"        # a module path the sweep reads as newslens's own
    stuck.parent.mkdir()
    stuck.write_text("import time\ndef wait():\n    while True:\n        time.sleep(0.01)\nwait()\n")
    monkeypatch.setattr(sweep, "newslens_command", lambda: [sys.executable, str(stuck)])
    run = sweep.run_one(tmp_path / "page.html", budget=1.0)
    run["budget"] = 1.0
    assert run["timed_out"] and 1.0 <= run["seconds"] < 5
    assert sweep.classify(run) == ("timeout", "over 1 s in stuck.py:4 wait", "")


def test_sweep_classifies_outcomes():
    sweep = _page_sweep()
    base = {"timed_out": False, "seconds": 1.0}
    assert sweep.classify({**base, "exit_code": 0, "stderr": "newslens: warning: x\n"})[0] == "ok"
    assert sweep.classify({**base, "exit_code": 2, "stderr": "newslens: error: p.html: does not look like English "
                                                           "(3% common English function words)\n"})[:2] == ("error", "not English")
    trace = 'Traceback (most recent call last):\n  File "x.py", line 1, in <module>\nKeyError: \'title\'\n'
    assert sweep.classify({**base, "exit_code": 1, "stderr": trace})[:2] == ("traceback", "KeyError")
    assert sweep.classify({**base, "exit_code": -11, "stderr": "Fatal Python error: Segmentation fault\n"})[:2] == (
        "crash", "signal 11")
    assert sweep.percentile([3.0, 1.0, 2.0], 50) == 2.0 and sweep.percentile([1.0] * 99 + [9.0], 99) == 1.0
