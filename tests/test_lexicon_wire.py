"""Lexicon matching on wire copy: inflections the lemmatiser misses, terms it lacked, and words
counted under the wrong term or sense. Texts written for the test."""

import pytest

import newslens
from newslens.framing.terms import find_mentions


def _mentions(tmp_path, text):
    path = tmp_path / "t.txt"
    path.write_text("Test article\n\n" + text + "\n", encoding="utf-8")
    return find_mentions(newslens.load_article(path))


@pytest.mark.parametrize("word", ["annexation", "annex", "annexes", "annexed", "annexing", "annexations"])
def test_every_inflection_of_annex_is_the_crimea_term(tmp_path, word):
    hits = [m for m in _mentions(tmp_path, f"Russia {word} Crimea, the statement said.") if m.term == "annexation"]
    assert [m.surface for m in hits] == [word]


@pytest.mark.parametrize("text, term, surface", [
    ("Moscow called it an intra-Ukrainian conflict.", "intra-Ukrainian", "intra-Ukrainian"),
    ("Foreign mercenaries were seen near the town.", "mercenary", "mercenaries"),
    ("A mercenary was captured.", "mercenary", "mercenary"),
])
def test_new_terms(tmp_path, text, term, surface):
    assert [m.surface for m in _mentions(tmp_path, text) if m.term == term] == [surface]


def test_million_is_not_billion(tmp_path):
    mentions = _mentions(tmp_path, "The contract is worth $69 million, or 2 billion dollars over ten years.")
    terms = {m.surface: m.term for m in mentions if m.category == "frame_economic"}
    assert terms == {"million": "million", "billion": "billion", "dollars": "dollar"}


def test_reportedly_is_not_allegedly(tmp_path):
    mentions = _mentions(tmp_path, "The drones were reportedly delivered. They were allegedly used.")
    assert {m.surface: m.term for m in mentions if m.category == "hedge"} == {
        "reportedly": "reportedly", "allegedly": "allegedly"}


def test_reported_future_would_is_not_a_hedge(tmp_path):
    mentions = [m for m in _mentions(tmp_path,
                                     "The spokesman said the talks would resume on Monday. "
                                     "A deal would be the best outcome.") if m.term == "would"]
    assert [(m.counted, m.not_counted_reason) for m in mentions] == [
        (False, "reported future after 'said'"), (True, "")]


def test_capitalised_may_is_the_month_or_a_name_not_a_hedge(tmp_path):
    mentions = [m for m in _mentions(tmp_path,
                                     "The talks began in May 2014 and resumed on May 9. "
                                     "Theresa May spoke on Monday. "
                                     "May 21 was chosen for the vote. "
                                     "The ceasefire may not hold, officials said. "
                                     "May the talks succeed, he said.") if m.term == "may"]
    assert [(m.surface, m.counted) for m in mentions] == [
        ("May", False), ("May", False), ("May", False), ("May", False), ("may", True), ("May", True)]
    assert {m.not_counted_reason for m in mentions if not m.counted} == {"capitalised 'May': the month or a name"}
