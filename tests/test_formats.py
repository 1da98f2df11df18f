"""Saved HTML pages and the non-English check."""

import newslens
from newslens.cli import main
from newslens.paths import REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "loader"


def test_html_page_keeps_the_article_and_drops_the_page():
    article = newslens.load_article(FIXTURES / "saved_page.html")
    assert article.report.input_format == "html"
    assert article.meta.author == "Jane Example"
    assert article.meta.date == "2024-03-05"
    assert article.meta.publisher == "Example News"
    body = article.body
    assert body.startswith("Negotiators met in Gdansk on Monday")
    assert "dockworkers' union had been invited" in body
    for junk in ("Subscribe", "trackRead", "tracker", "Home", "Log in", "Most read", "Copyright", "Cookie"):
        assert junk not in body, junk
    assert len(article.paragraphs) == 3
    assert [s.text.split()[0] for s in article.sentences] == ["Negotiators", "Warsaw's", '"We', "Critics", "The"]


def test_html_without_article_text_is_refused(tmp_path):
    page = tmp_path / "empty_page.html"
    page.write_text("<!DOCTYPE html><html><head><script>var a = 1;</script></head><body><nav>Home</nav></body></html>")
    before = page.read_bytes()
    try:
        newslens.load_article(page)
    except newslens.ArticleInputError as exc:
        assert str(exc) == "empty_page.html: no article text found in the HTML page"
    else:
        raise AssertionError("an HTML page with no text was accepted")
    assert page.read_bytes() == before


def test_seed_is_english(seed_article):
    assert seed_article.report.language == "en"
    assert 0.35 < seed_article.report.english_function_word_share < 0.5


def test_french_text_is_reported_and_refused_by_analyze(tmp_path, capsys):
    path = FIXTURES / "french_article.txt"
    article = newslens.load_article(path)
    assert article.report.language == "other"
    assert article.report.english_function_word_share < 0.1
    assert any("does not look like English" in w for w in article.report.warnings)
    assert main(["analyze", str(path), "--out", str(tmp_path / "fr")]) == 2
    assert "does not look like English" in capsys.readouterr().err
    assert not (tmp_path / "fr").exists()
    assert main(["analyze", str(path), "--out", str(tmp_path / "fr"), "--allow-non-english"]) == 0
