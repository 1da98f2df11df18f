"""Hostile or broken input must not hang the loader: every regular expression that reads a page or an article
runs in time linear in its length (see docs/limitations.md).

The timeouts are guards, not benchmarks: each case takes well under a second or two; before the fixes several
ran for minutes. ``method="thread"`` because a regular expression stuck in C code never sees a signal.
"""

import pytest

from newslens.errors import ArticleInputError
from newslens.text import formats
from newslens.text.loader import load_text

ARTICLE = ("<article><h1>Grain exports through Odesa rise for third month</h1>"
           "<p>Grain shipments from Odesa rose for a third month in a row in March, the port authority said on "
           "Monday, as insurers returned to the corridor.</p>"
           "<p>Traders said the rise was driven by maize bound for Spain and Egypt, while wheat prices held steady "
           "after a volatile winter.</p></article>")


def _page(head: str = "", body: str = ARTICLE, before: str = "") -> str:
    return (f"{before}<!DOCTYPE html><html><head><title>Grain exports through Odesa rise for third month</title>{head}</head>"
            f"<body>{body}</body></html>")


def reuters_like_page(n_meta: int = 61, blob_chars: int = 300_000) -> str:
    """A page shaped like the one that hung the loader: meta tags with the content before the property and no
    og:title among them, and a long script of JSON (quote marks, no '>') after them."""
    metas = "".join(f'<meta content="value {i} &amp; more" name="tag{i}"/>' for i in range(n_meta))
    blob = '{"k": "v", ' * (blob_chars // 11)
    return _page(head=metas + f'<script type="application/ld+json">{blob}</script>')


def _load(page: str):
    """The loader's answer: an article, or the refusal of a page with no article text; never a hang."""
    try:
        return load_text(page, "adversarial page")
    except ArticleInputError:
        return None


@pytest.mark.timeout(60, method="thread")
def test_reuters_like_page_loads():
    article = _load(reuters_like_page())
    assert article is not None
    assert article.meta.title.startswith("Grain exports")
    assert article.body.startswith("Grain shipments from Odesa")


@pytest.mark.timeout(60, method="thread")
def test_page_titles_are_read_by_a_parser():
    page = _page(head='<meta content="Grain &amp; oil: exports rise" property="og:title"/>')
    assert formats._page_titles(page) == ["Grain & oil: exports rise", "Grain exports through Odesa rise for third month"]
    # content before the property, a page of other meta tags and a JSON blob: still linear
    assert formats._page_titles(reuters_like_page(n_meta=2000)) == ["Grain exports through Odesa rise for third month"]


@pytest.mark.timeout(60, method="thread")
def test_thousands_of_meta_tags_and_unclosed_quotes():
    metas = "".join(f'<meta property="og:title content=\'x{i}>' for i in range(3000))
    metas += "".join(f'<meta content="{i} name=\'a>' for i in range(3000))
    _load(_page(head=metas))
    formats._page_titles(_page(head=metas))


@pytest.mark.timeout(60, method="thread")
def test_one_megabyte_attribute():
    huge = '"' + "x " * 500_000
    _load(_page(head=f'<meta content={huge}" property="og:description"/><meta content="{"y" * 1_000_000}">'))


@pytest.mark.timeout(60, method="thread")
def test_ten_thousand_deep_nesting():
    _load(_page(body="<div>" * 10_000 + ARTICLE + "</div>" * 10_000))
    _load(_page(body="<span><b>" * 5_000 + ARTICLE))


@pytest.mark.timeout(60, method="thread")
def test_huge_comments():
    comment = "<!--" + "x -- > " * 150_000 + "-->"
    _load(_page(before=comment))         # read as plain text: no page starts in its first 4,096 characters
    _load(_page(body=comment + ARTICLE))
    _load(_page(body=ARTICLE + "<!--" + "x" * 1_000_000))            # never closed
    # A run of comments that no page follows: the old "(<!--.*?-->\s*)*" backtracked exponentially.
    assert not formats.looks_like_html("<!---->" * 500 + "plain text")
    assert formats.looks_like_html("<!-- a -->\n <!--b-->  <html><body></body></html>")
    assert not formats.looks_like_html("<!-- never closed <html>")


@pytest.mark.timeout(60, method="thread")
def test_line_patterns_on_long_lines():
    """The boilerplate and title patterns read whole lines, which a page can make a megabyte long."""
    lines = [
        "a@" + "a." * 100_000 + "!",                                   # e-mail: every "@" against every "."
        "[" + "newsletter " * 50_000,                                 # promo box never closed
        "x " * 200_000 + "all rights reserved?",
        "© " + "x" * 500_000,
        "Jane Roe is a " + "very " * 100_000 + "x",
        "reviewed by " + "x" * 500_000,
    ]
    for line in lines:
        assert formats._boilerplate_reason(line) is None
    assert formats._boilerplate_reason("jane.roe@example.com") == "reporter e-mail"
    assert formats._boilerplate_reason("[Sign up for the newsletter]") == "newsletter promo"
    kept, removed = formats.clean_html_lines(["Some text of the article, as it stands.", *lines], formats.ArticleMeta())
    assert kept[0] == "Some text of the article, as it stands."
    title = "Grain exports rise" + " " * 200_000 + "x"
    assert formats._strip_title_suffix(title, "Example Wire", "") == title
    assert formats._strip_title_suffix("Grain exports rise again | Example Wire", "Example Wire", "") == \
        "Grain exports rise again"


@pytest.mark.timeout(60, method="thread")
def test_global_research_lines():
    page = ("Title\nBy Jane Roe\nGlobal Research, October 27, 2021\n\nFirst paragraph of the article. It goes on.\n"
            "This article was originally published on " + "x" + " " * 200_000 + "y\n")
    parsed = formats.parse_global_research(page)
    assert parsed.meta.original_source.startswith("x") and parsed.meta.original_source.endswith("y")
    parsed = formats.parse_global_research(page.replace("x" + " " * 200_000 + "y", "Harbour Weekly."))
    assert parsed.meta.original_source == "Harbour Weekly"
