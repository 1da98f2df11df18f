"""Quotation rules on a written fixture: straight and curly, double and single, before and after verbs."""

from pathlib import Path

import pytest

import newslens
from newslens.framing.quotes import find_quotes

FIXTURE = Path(__file__).parent / "fixtures" / "framing" / "quotes_mixed.txt"


@pytest.fixture(scope="module")
def quotes():
    return find_quotes(newslens.load_article(FIXTURE))


def test_fixture_quotes(quotes):
    assert [(q.text, q.kind, q.cue, q.speaker, q.mark_style) for q in quotes] == [
        # partial quotation inside reported speech
        ("working as intended", "attributed quotation", "said", "minister", "straight double"),
        # labelling verb right before the quote
        ("stunt", "attributed quotation", "called", "Critics", "curly single"),
        # reporting verb after the quote
        ("We will not retreat,", "attributed quotation", "told", "general", "straight double"),
        # single straight quotes; "ministers'" later in the sentence is an apostrophe, not a mark
        ("peace plan", "scare quote", "", "", "straight single"),
        # "The report's summary reads:" - the possessive "report's" is not a verb, "reads" is
        ("Reserves are falling faster than any forecast had predicted in the spring.", "attributed quotation",
         "reads", "summary", "straight double"),
        # "explained the “temporary” measures": explain before a quote takes a noun phrase
        ("temporary", "scare quote", "", "", "curly double"),
        ("constructive", "attributed quotation", "According to", "ambassador", "straight double"),
        ("Victory Of The People Over Lies Forever", "unattributed quotation", "", "", "straight double"),
    ]


def test_title_case_spans_are_titles(quotes):
    assert [q.text for q in quotes if q.is_title] == ["Victory Of The People Over Lies Forever"]


def test_unclosed_quote_is_reported(tmp_path):
    path = tmp_path / "unclosed.txt"
    path.write_text('Unclosed\n\nHe said "this never ends. The next sentence goes on.\n', encoding="utf-8")
    quotes = find_quotes(newslens.load_article(path))
    assert len(quotes) == 1 and not quotes[0].closed
    assert quotes[0].text == "this never ends. The next sentence goes on."
