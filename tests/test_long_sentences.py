"""Over-long sentences are cut into bounded pieces, so time and memory stay linear in the text's length.

A text without full stops (20,000 words) or a run of 20,000 quotation marks used to be one sentence that every
per-sentence method (tokenizer, VADER, quotes, places) worked on whole: 20,000 quote marks took 202 s and
6.1 GB. The timeouts are guards, not benchmarks (each case takes seconds).
"""

import pytest

from newslens.analysis import Options, analyze
from newslens.text.loader import load_text
from newslens.text.article import Paragraph
from newslens.text.segment import MAX_SENTENCE_CHARS, MAX_SENTENCE_WORDS, split_sentences


def _assert_bounded(article):
    for s in article.sentences:
        assert len(s.text.split()) <= MAX_SENTENCE_WORDS and len(s.text) <= MAX_SENTENCE_CHARS
        assert s.text == s.text.strip() and s.text == article.body[s.start:s.end]
    # The pieces cover the body: only whitespace lies between them.
    covered = "".join("".join(s.text.split()) for s in article.sentences)
    assert covered == "".join(article.body.split())


@pytest.mark.timeout(300, method="thread")
def test_twenty_thousand_words_without_a_full_stop():
    article = load_text("word " * 20_000, "no full stops", "body")
    assert len(article.sentences) == 20_000 // MAX_SENTENCE_WORDS
    assert {len(s.text.split()) for s in article.sentences} == {MAX_SENTENCE_WORDS}
    _assert_bounded(article)
    warning = next(w for w in article.report.warnings if "cut at word boundaries" in w)
    assert warning.startswith(f"1 sentence longer than {MAX_SENTENCE_WORDS} words or {MAX_SENTENCE_CHARS:,} characters "
                              "was cut at word boundaries into 80 pieces")
    tables = analyze(article, Options(allow_non_english=True)).tables
    assert len(tables["sentences.csv"]) == 80


@pytest.mark.timeout(300, method="thread")
def test_twenty_thousand_quote_marks():
    article = load_text('"a" ' * 20_000, "quote marks", "body")
    _assert_bounded(article)
    tables = analyze(article, Options(allow_non_english=True)).tables
    assert len(tables["quotes.csv"]) == 20_000
    assert tables["quotes.csv"]["sentence"].str.len().max() <= MAX_SENTENCE_CHARS


@pytest.mark.timeout(120, method="thread")
def test_one_long_word_and_mixed_lengths():
    body = "x" * 6_000 + " tail words. " + "Short sentence here. " * 3
    article = load_text(body, "long word", "body")
    _assert_bounded(article)
    # one 6,000-character word is cut inside at the character bound; its sentence's tail keeps its words
    assert [len(s.text) for s in article.sentences][:3] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 1_012]
    assert [s.text for s in article.sentences][-3:] == ["Short sentence here."] * 3


def test_real_sentences_are_not_cut(seed_article):
    # The seed's longest sentence has 57 words; nothing in it reaches the bounds.
    paragraphs = seed_article.paragraphs
    overlong = []
    assert split_sentences(paragraphs, seed_article.body, overlong) == seed_article.sentences
    assert overlong == []
    assert not any("cut at word boundaries" in w for w in seed_article.report.warnings)


def test_cut_at_whitespace_within_the_bounds():
    text = " ".join(f"w{i}" for i in range(600)) + "."
    sentences = split_sentences([Paragraph(1, 0, len(text), text)], text)
    assert [len(s.text.split()) for s in sentences] == [250, 250, 100]
    assert sentences[1].text.startswith("w250 ") and sentences[2].text.endswith("w599.")


@pytest.mark.timeout(300, method="thread")
def test_many_quotes_by_a_role_resolve_in_linear_time():
    # Each "the President" was resolved by reading the whole body before it: 1,000 of these sentences took
    # 78 s, 2,000 took 267 s.
    text = 'President Joe Biden met Olaf Scholz. "We will talk," the President said. ' * 3_000
    article = load_text(text, "many quotes", "body")
    quotes = analyze(article).tables["quotes.csv"]
    assert len(quotes) == 3_000
    assert set(quotes["speaker"]) == {"President"}
    assert set(quotes["speaker_resolved"]) == {"President Joe Biden"}
