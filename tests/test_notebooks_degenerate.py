"""The notebook series on the inputs that broke it: an article with no scored actor and no place, a
one-paragraph statement, and a corpus with an undated article. Every notebook must run through and say
what is missing instead of raising."""

import json
import shutil

import pytest

from newslens.corpus import run_corpus
from newslens.paths import REPO_ROOT
from newslens.report.notebooks import notebook_paths, run_notebooks

DEMO = REPO_ROOT / "corpus" / "demo"
DEGENERATE = REPO_ROOT / "tests" / "fixtures" / "degenerate"
ONE_PARAGRAPH = DEMO / "whitehouse" / ("2022-02-24_statement-by-president-joe-biden-on-phone-call-with-president-"
                                       "volodymyr.txt")


def _outputs(notebook) -> str:
    """Every text output of an executed notebook, joined (the plain-text rendering of each table or note)."""
    texts = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error", f"{notebook.name}: {output.get('ename')}"
            texts.append("".join(output.get("text", "")) + "".join(output.get("data", {}).get("text/plain", "")))
    return "\n".join(texts)


@pytest.mark.enable_socket   # the kernel talks to papermill over loopback
@pytest.mark.parametrize("article", [DEGENERATE / "weather_no_actors_no_places.txt", ONE_PARAGRAPH],
                         ids=["no_actors_no_places", "one_paragraph_statement"])
def test_article_notebooks_run_on_degenerate_articles(tmp_path, article):
    executed = run_notebooks(article, tmp_path)
    assert [p.name for p in executed] == [p.name for p in notebook_paths()]
    outputs = {p.name: _outputs(p) for p in executed}
    if article.name.startswith("weather"):
        assert "no scored actors in this article" in outputs["01_sentiment.ipynb"]
        assert "no place is mentioned in this article" in outputs["03_places.ipynb"]
        # The empty actors table is written with every column.
        header = (tmp_path / "01_sentiment" / "actors.csv").read_text(encoding="utf-8").splitlines()
        assert header[0].endswith("mean_target_score,target_negative,target_neutral,target_positive")
        assert len(header) == 1
    else:
        assert "no quoted span in this article" in outputs["02_framing.ipynb"]


@pytest.mark.enable_socket
def test_corpus_notebooks_run_on_a_corpus_with_an_undated_article(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(ONE_PARAGRAPH, source / "statement.txt")
    undated = DEMO / "president_ua" / ("2021-10-29_ukraine-uses-weapons-only-to-protect-its-territory-and-does-not-"
                                       "violate-any.txt")
    lines = undated.read_text(encoding="utf-8").splitlines()
    (source / "undated.txt").write_text("\n".join(line for line in lines if line.strip() != "2021-10-29") + "\n",
                                        encoding="utf-8")
    shutil.copy(DEGENERATE / "weather_no_actors_no_places.txt", source / "weather.txt")
    (source / "articles.csv").write_text("path,outlet,date\nstatement.txt,whitehouse.gov,2022-02-24\n"
                                         "undated.txt,president.gov.ua,\nweather.txt,Local Gazette,2022-03-01\n",
                                         encoding="utf-8")
    out = tmp_path / "corpus"
    run_corpus(source, out, workers=1, quiet=True)
    executed = run_notebooks(out, tmp_path / "notebooks", series="corpus")
    assert [p.name for p in executed] == [p.name for p in notebook_paths("corpus")]
    assert "1 of 3 articles have no date" in _outputs(executed[0])
