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
