"""Saved news pages: what trafilatura keeps of the page is removed, title and author tidied.

The two pages are written for these tests; each failure they show was found on real saved pages
(bench/real_pages.py, bench/results/real_pages.md)."""

import newslens
from newslens.paths import REPO_ROOT
from newslens.text.formats import _clean_author, _strip_title_suffix

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "loader"


def _reasons(article):
    return [(r.reason, r.text) for r in article.report.removed]


def test_site_lines_around_and_inside_the_article_are_removed():
    article = newslens.load_article(FIXTURES / "wire_page_boilerplate.html")
    assert article.meta.title == "Ferry strike ends after nine days in Tallinn"     # "| Baltic Wire" dropped
    assert article.meta.original_source == "Harbour Weekly"
    assert [p.text.split()[0] for p in article.paragraphs] == ["Ferry", "The", "Passengers"]
    reasons = _reasons(article)
    for reason, text in [
        ("metadata: title (headline)", "Ferry strike ends after nine days in Tallinn"),
        ("page furniture: newsletter promo", "[Get the morning briefing from the Baltic in your inbox.]"),
        ("page furniture: photo credit", "(Photos: Baltic Wire staff)"),
        ("page furniture: read-more link", "Continue reading the main story"),
        ("page furniture: originally-published note", "This article originally appeared on Harbour Weekly."),
        ("page furniture: read-more link", "Read more:"),
        ("page furniture: copyright", "© 2024 Baltic Wire. All rights reserved."),
    ]:
        assert (reason, text) in reasons, text
    assert ("page furniture: author bio", "Mari Tamm is a reporter for Baltic Wire covering transport and labour "
            "in Estonia and Finland.") in reasons


def test_section_heading_title_gallery_and_tags():
    article = newslens.load_article(FIXTURES / "section_title_gallery.html")
    # trafilatura takes the section's <h1>; the page's <title> and the first line are the headline.
    assert article.meta.title == "Grain exports through Odesa rise for third month"
    assert article.body.startswith("Grain shipments from Odesa rose")
    assert article.body.endswith("while they waited for buyers.")
    assert len(article.paragraphs) == 3
    reasons = [reason for reason, _ in _reasons(article)]
    assert reasons.count("page furniture: photo gallery caption") == 5
    assert reasons.count("page furniture: list of links or tags below the article") == 3
    assert "page furniture: label above the article" in reasons                   # "Wire"


def test_title_suffix_naming_the_site_or_the_author_goes():
    assert _strip_title_suffix("Talks stall in Gdansk | Example News Politics", "Example News", "") == \
        "Talks stall in Gdansk"
    assert _strip_title_suffix("Whales strand again on the coast | Ana Roe", "The Daily", "Ana Roe") == \
        "Whales strand again on the coast"
    assert _strip_title_suffix("Talks stall -- Example.net", "Example.net", "") == "Talks stall -- Example.net"  # head too short
    assert _strip_title_suffix("Warsaw - Kyiv rail link reopens", "Example News", "") == "Warsaw - Kyiv rail link reopens"


def test_author_placeholders_repeats_degrees_and_glued_months():
    assert _clean_author("Username", "2015-03-18") == ""
    assert _clean_author("Jane Roe; JANE ROE", None) == "Jane Roe"
    assert _clean_author("Brenda Goode; MA", None) == "Brenda Goode"
    assert _clean_author("Joshua Sokolov May", "2019-05-20") == "Joshua Sokolov"
    assert _clean_author("Theresa May", "2019-05-20") == "Theresa May"     # two words: a name, not a dateline
    assert _clean_author("Joshua Sokolov May", "2019-06-20") == "Joshua Sokolov May"
