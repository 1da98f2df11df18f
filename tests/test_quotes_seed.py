"""Every quoted span in the seed, classified. Each row was decided by reading its sentence.

Rule (newslens.quotes): attributed quotation when a speech verb precedes the quote in its sentence, a
labelling verb ("regard as", "call") stands right before it, or a reporting verb follows it; otherwise a
scare quote when it is four words or fewer. The seed's quotes 1-7 use curly marks, 8-15 straight ones.
"""

import pytest

from newslens.framing.quotes import find_quotes, quotes_table

SEED_QUOTES = [
    # (text, kind, paragraph, marks)
    # P1 "I wrote earlier this summer that “...”": the author's own earlier article, a title
    ("Turkey's Military Engagement With The Lublin Triangle Aims To Balance Russia", "attributed quotation", 1, "curly double"),
    ("drone diplomacy", "scare quote", 2, "curly double"),
    ("military diplomacy", "scare quote", 2, "curly double"),       # defined by the writer, no speaker
    ("balance", "scare quote", 2, "curly double"),
    ("balancing", "scare quote", 3, "curly double"),
    # P3 "a jailed businessman who they regard as a “political prisoner”": the ambassadors' label
    ("political prisoner", "attributed quotation", 3, "curly double"),
    ("drone diplomacy", "scare quote", 4, "curly double"),
    ("drone diplomacy", "scare quote", 5, "straight double"),
    ("military diplomatic", "scare quote", 5, "straight double"),
    ("balance", "scare quote", 6, "straight double"),
    ("rebels", "scare quote", 7, "straight double"),
    ("military diplomacy", "scare quote", 7, "straight double"),
    ("rebels", "scare quote", 8, "straight double"),
    ("balance", "scare quote", 9, "straight double"),
    ("plausible deniability", "scare quote", 10, "straight double"),
]


@pytest.fixture(scope="module")
def quotes(seed_article):
    return find_quotes(seed_article)


def test_every_quoted_span_is_found_and_classified(quotes):
    assert [(q.text, q.kind, q.paragraph_id, q.mark_style) for q in quotes] == SEED_QUOTES


def test_the_title_is_attributed_to_the_author(quotes):
    title = quotes[0]
    assert title.is_title and title.cue == "wrote" and title.speaker == "I"
    assert [q.quote_id for q in quotes if q.is_title] == [1]


def test_political_prisoner_is_the_ambassadors_label(seed_article, quotes):
    quote = quotes[5]
    assert (quote.cue, quote.speaker) == ("regard", "they")
    sentence = next(s for s in seed_article.sentences if s.id == quote.sentence_id)
    assert "10 Western ambassadors' joint statement" in sentence.text


def test_offsets_point_inside_the_marks(seed_article, quotes):
    body = seed_article.body
    for q in quotes:
        assert body[q.start:q.end] == q.text
        assert body[q.start - 1] == q.open_mark and body[q.end] == q.close_mark
        assert q.closed


def test_apostrophes_are_not_quote_marks(quotes):
    # "Kiev's", "ambassadors'", "won't": 15 spans, all double-quoted
    assert all(q.open_mark in ('"', "\u201c") for q in quotes)


def test_quotes_table_carries_rule_and_sentence(seed_article):
    table = quotes_table(seed_article)
    assert len(table) == 15
    assert table["kind"].value_counts().to_dict() == {"scare quote": 13, "attributed quotation": 2}
    assert table.loc[10, "sentence"].startswith("For comparison's sake despite being an imperfect example")
    assert table.loc[10, "rule"] == "no reporting verb, 1 word (at most 4)"
    assert table.loc[5, "rule"] == "reporting verb 'regard' before the quote"
