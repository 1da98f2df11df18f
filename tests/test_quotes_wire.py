"""Quote attribution on wire copy: reporting clauses after the quote, multi-sentence quotes,
partial quotes inside reported speech, quotations inside quotations, and speakers resolved to a name.
The fixture is written for the test in the style of agency copy; every name in it is invented."""

from pathlib import Path

import pytest

import newslens
from newslens.framing.quotes import find_quotes, names_a_person

FIXTURE = Path(__file__).parent / "fixtures" / "framing" / "quotes_wire.txt"


@pytest.fixture(scope="module")
def quotes():
    return {q.text.split()[0] + " " + q.text.split()[-1]: q for q in find_quotes(newslens.load_article(FIXTURE))}


def _row(q):
    return q.kind, q.cue, q.speaker, q.speaker_resolved


def test_reporting_clause_after_the_quote(quotes):
    # '"...," the presidential spokesman said': a role resolved to the spokesman named before
    assert _row(quotes["Such settlement,"]) == (
        "attributed quotation", "said", "presidential spokesman", "Kremlin spokesman Ivan Sorokin")
    # '"...," he pointed out': a phrasal reporting verb; the pronoun resolved to the nearest named speaker
    assert _row(quotes["We optimism,"]) == ("attributed quotation", "pointed", "he", "Kremlin spokesman Ivan Sorokin")
    # '"..." X told reporters': no comma inside the marks
    assert _row(quotes["The week"]) == ("attributed quotation", "told", "Sorokin", "Sorokin")


def test_multi_sentence_quote_ending_with_he_said(quotes):
    q = quotes["We unlimited,"]
    assert _row(q) == ("attributed quotation", "said", "he", "Sorokin")
    assert q.rule == "reporting verb 'said' after the quote"


def test_partial_quote_inside_reported_speech_is_not_a_scare_quote(quotes):
    q = quotes["a process"]
    assert q.kind == "attributed quotation" and q.speaker == "Foreign Minister Marta Kovalenko"
    assert q.rule.startswith("partial quotation inside reported speech")
    # and scare quotes in a sentence without reported speech stay scare quotes
    assert quotes["peace dividend"].kind == "scare quote"
    assert quotes["corridor plan"].kind == "scare quote"


def test_quotation_inside_a_quotation(quotes):
    outer = quotes["Our full,"]
    assert _row(outer)[:3] == ("attributed quotation", "said", "Deputy Foreign Minister")
    inner = quotes["Geneva Geneva"]
    assert inner.nested and inner.kind == "scare quote"
    assert outer.start < inner.start < inner.end < outer.end


def test_next_sentence_continues_the_quotation(quotes):
    q = quotes["We partners."]
    assert q.kind == "attributed quotation" and q.speaker == "Deputy Foreign Minister"
    assert q.rule == "continues the quotation attributed in the sentence before"


def test_according_to(quotes):
    assert _row(quotes["heavy be"])[:3] == ("attributed quotation", "According to", "Dmitri Volkov")


def test_what_names_a_person():
    assert names_a_person("Olaf Scholz") and names_a_person("President Biden") and names_a_person("Draghi")
    assert not names_a_person("the French President") and not names_a_person("Ukrainian Head of State")
    assert not names_a_person("Nobody") and not names_a_person("he")


def test_reversed_curly_quotes_are_read_by_their_neighbours(tmp_path):
    """Translated copy sometimes sets curly marks the wrong way round (”...“); read as drawn, the first ”
    closed nothing and the “ opened a quotation that swallowed the rest of the paragraph."""
    path = tmp_path / "reversed.txt"
    path.write_text("Talks\n\nThe spokesman said: ”We are ready to talk.“ The talks start on Monday in Geneva and "
                    "will last for a week, the ministry added.\n", encoding="utf-8")
    quotes = find_quotes(newslens.load_article(path))
    assert [(q.text, q.closed, q.kind, q.speaker) for q in quotes] == [
        ("We are ready to talk.", True, "attributed quotation", "spokesman")]
    assert quotes[0].mark_style == "curly double"


def test_marks_opened_inside_an_unclosed_quotation_are_no_quotations_of_their_own(tmp_path):
    path = tmp_path / "unclosed.txt"
    path.write_text("Marks\n\n" + "\"x " * 3000 + "end.\n", encoding="utf-8")
    quotes = find_quotes(newslens.load_article(path))
    assert len(quotes) <= 3000 // 250 + 2          # one per sentence piece at most, not one per mark
