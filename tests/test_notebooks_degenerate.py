"""The notebook series on inputs other than the seed: a wire report with a dateline, a saved general-news
HTML page, a one-paragraph speech, an article with no actor, no place and no quotation, and a corpus of one
outlet with an undated article. Every notebook must run through, say what is missing instead of raising,
and state nothing about the seed article: its findings are computed for the article that ran."""

import json
import re
import shutil

import pytest
from small_corpora import corpus_with_an_undated_article

from newslens.corpus import run_corpus
from newslens.paths import REPO_ROOT
from newslens.report.notebooks import notebook_paths, run_notebooks

DEMO = REPO_ROOT / "corpus" / "demo"
FIXTURES = REPO_ROOT / "tests" / "fixtures"
WRITTEN = FIXTURES / "notebooks"          # texts written for these tests (see its README.md)
ONE_PARAGRAPH = DEMO / "whitehouse" / ("2022-02-24_statement-by-president-joe-biden-on-phone-call-with-president-"
                                       "volodymyr.txt")
ARTICLES = {
    "wire_with_dateline": WRITTEN / "wire_dateline_dollars.txt",
    "saved_news_page": FIXTURES / "loader" / "saved_page.html",
    "one_paragraph_speech": ONE_PARAGRAPH,
    "no_actors_no_quotes": WRITTEN / "no_actors_no_quotes.txt",
    "russian_agency_report": WRITTEN / "ru_tass_drones.txt",
    "ukrainian_agency_report": WRITTEN / "uk_agency_grain.txt",
}
# Seed words an article names itself: the Russian report names Ankara (Анкары), so its places run may say it.
OWN_WORDS = {"russian_agency_report": {"Ankara"}}
# Words that belong to the seed article and its hand-checked commentary; none may reach another article's run.
SEED_WORDS = ["Korybko", "Lublin Triangle", "Military Engagement", "drone diplomacy", "Ankara", "13 of 25",
              "On the seed", "Global Research op-ed by"]


def _cells(notebook):
    return json.loads(notebook.read_text(encoding="utf-8"))["cells"]


def _outputs(notebook) -> str:
    """Every text output of an executed notebook, joined (the plain-text rendering of each table or note)."""
    texts = []
    for cell in _cells(notebook):
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error", f"{notebook.name}: {output.get('ename')}"
            assert output.get("name") != "stderr", f"{notebook.name}: {''.join(output.get('text', ''))[:300]}"
            texts.append("".join(output.get("text", "")) + "".join(output.get("data", {}).get("text/plain", ""))
                         + "".join(output.get("data", {}).get("text/html", "")))
    return "\n".join(texts)


def _read_by_a_reader(notebook) -> str:
    """What a reader sees: the Markdown cells and every output."""
    markdown = "\n".join("".join(c["source"]) for c in _cells(notebook) if c["cell_type"] == "markdown")
    return markdown + "\n" + _outputs(notebook)


def _seed_words(text: str) -> list[str]:
    return [word for word in SEED_WORDS if word.lower() in text.lower()]


def _unescaped_dollars(notebook) -> list[str]:
    """HTML outputs that show a '$' MathJax could read as maths: outside an element it ignores, or raw."""
    found = []
    for cell in _cells(notebook):
        for output in cell.get("outputs", []):
            html = "".join(output.get("data", {}).get("text/html", ""))
            if "$" in html and "mathjax_ignore" not in html:
                found.append(html[:120])
            for markdown in [output.get("data", {}).get("text/markdown", "")]:
                if re.search(r"(?<!\\)\$", "".join(markdown)):
                    found.append("".join(markdown)[:120])
    return found


@pytest.mark.enable_socket   # the kernel talks to papermill over loopback
@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_notebooks_on_other_articles(tmp_path, name):
    article = ARTICLES[name]
    executed = run_notebooks(article, tmp_path)
    assert [p.name for p in executed] == [p.name for p in notebook_paths()]
    outputs = {p.name: _outputs(p) for p in executed}
    for notebook in executed:
        assert set(_seed_words(_read_by_a_reader(notebook))) <= OWN_WORDS.get(name, set()), notebook.name
        assert "What this notebook found" in outputs[notebook.name], notebook.name
        assert _unescaped_dollars(notebook) == [], notebook.name
    if name == "no_actors_no_quotes":
        assert "no scored actors in this article" in outputs["01_sentiment.ipynb"]
        assert "No actor of actors.csv acts in this article" in outputs["01_sentiment.ipynb"]
        assert "no quoted span in this article" in outputs["02_framing.ipynb"]
        assert "no place is mentioned in this article" in outputs["03_places.ipynb"]
        assert "The article names no place" in outputs["03_places.ipynb"]
        # The empty actors table is written with every column.
        header = (tmp_path / "01_sentiment" / "actors.csv").read_text(encoding="utf-8").splitlines()
        assert header[0].endswith("mean_target_score,target_negative,target_neutral,target_positive")
        assert len(header) == 1
    if name == "one_paragraph_speech":
        assert "no quoted span in this article" in outputs["02_framing.ipynb"]
        assert "1 paragraph," in outputs["00_article.ipynb"]
    if name in ("russian_agency_report", "ukrainian_agency_report"):
        _check_cyrillic_run(outputs, "Russian" if name.startswith("russian") else "Ukrainian", name)
    if name == "wire_with_dateline":
        assert "$8 billion" in outputs["00_article.ipynb"]          # the text is shown, its dollars escaped
        assert "standfirst repeated in the body: none" in outputs["00_article.ipynb"]


def _check_cyrillic_run(outputs, language, name):
    """A Russian or Ukrainian article: each reading the language lacks is said to be missing (the sentence
    of article.json's readings), never reported as "none found"; what the language has is reported."""
    missing = f"not available in {language} yet"
    sentiment, framing, places = (outputs[n] for n in ("01_sentiment.ipynb", "02_framing.ipynb", "03_places.ipynb"))
    assert f"the {language} lexicon with VADER's rules (news_compound)" in sentiment
    assert f"{language} lexicon with VADER's rules compound (primary) by paragraph" in sentiment
    assert "reference_mean: the same score (one score in this language)." in sentiment
    for table in ("sentiment_agreement.csv", "sentiment_disagreements.csv"):
        assert f"{table}: not applicable in {language}" in sentiment, table
    # the actor cells run on the language's aliases and score; the English-only tables say they are English
    assert f"the {language} lexicon with VADER's rules, the one sentence score of a {language} article" in sentiment
    assert "Near Russia: mean" in sentiment and "Near Ukraine: mean" in sentiment
    assert f"In this {language} article the sentiment toward each mention (target_score) is not the NewsMTSC model" \
        in sentiment
    for what in ("The NewsMTSC figures below", "The human ratings below", "The figures below", "The correlations below"):
        assert (f"{what} concern the English method (the news-sense VADER and the English scorers beside it), not "
                f"this {language} article") in sentiment, what
    for claim in ("not available in", "no scored actors in this article", "No actor of actors.csv acts",
                  "news-sense VADER (news_compound)", "give every sentence the same score", "independent lexicons"):
        assert claim not in sentiment, claim
    # every framing table is filled in both languages: no "not available" note, and the reference is the
    # article's language, never English
    assert missing not in framing
    assert "against general English" not in framing and f"Over-used against general {language}" in framing
    assert f"Most over-used against general {language}" in framing
    assert "1 quoted span: 1 attributed quotation." in framing
    assert "floor for unseen lemmas" in framing
    if name == "russian_agency_report":      # Донбасс, Киев, Луганск (naming); так называемый, киевский режим
        assert "Naming choices: Донбасс (1), not Донбас; Киев (1), not Київ; Луганск (1), not Луганськ." in framing
        assert "Most frequent labels: “киевский режим” (1) and “так называемый” (1)." in framing
        assert "Keyword in context: every counted hit" in framing and "так называемая помощь Запада" in framing
        assert "No framing term is counted twice or more in this article: no barcode to draw" in framing
        assert "Propaganda cues to read: name calling 1" in framing
        assert "Moscow" in places and "Donetsk" in places
    else:
        assert "Naming choices: Київ (1), not Киев." in framing
        assert "Odesa" in places


def _corpus_notebooks(source, tmp_path):
    """Run the corpus on ``source``, then the corpus notebooks on its output; the executed notebooks."""
    out = tmp_path / "corpus"
    run_corpus(source, out, workers=1, quiet=True)
    executed = run_notebooks(out, tmp_path / "notebooks", series="corpus")
    assert [p.name for p in executed] == [p.name for p in notebook_paths("corpus")]
    return executed


@pytest.mark.enable_socket
def test_corpus_notebooks_run_on_a_corpus_with_an_undated_article(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    corpus_with_an_undated_article(source, ONE_PARAGRAPH, "statement.txt")
    executed = _corpus_notebooks(source, tmp_path)
    assert "1 of 3 articles have no date" in _outputs(executed[0])


@pytest.mark.enable_socket
def test_corpus_notebooks_on_one_outlet_with_an_undated_article(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(WRITTEN / "wire_dateline_dollars.txt", source / "grain.txt")
    shutil.copy(WRITTEN / "no_actors_no_quotes.txt", source / "library.txt")
    (source / "articles.csv").write_text("path,outlet,date\ngrain.txt,Wire,2023-07-18\nlibrary.txt,Wire,\n",
                                         encoding="utf-8")
    executed = _corpus_notebooks(source, tmp_path)
    assert "1 of 2 articles have no date" in _outputs(executed[0])
    for notebook in executed:
        assert _seed_words(_read_by_a_reader(notebook)) == [], notebook.name
        assert _unescaped_dollars(notebook) == [], notebook.name
