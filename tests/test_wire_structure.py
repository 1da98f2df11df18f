"""Datelines and decks of agency copy are metadata, not body. Fixtures written for the test in the
styles of TASS, Reuters and AP; no agency text is copied."""

from pathlib import Path

import pytest

import newslens
from newslens.text.wire import match_dateline

FIXTURES = Path(__file__).parent / "fixtures" / "wire"


def test_tass_dateline_and_deck():
    article = newslens.load_article(FIXTURES / "tass_style.txt")
    meta = article.meta
    assert (meta.dateline, meta.dateline_place, meta.dateline_date, meta.agency) == (
        "MOSCOW, October 27. /TASS/.", "Moscow", "October 27", "TASS")
    assert meta.deck.startswith("Spokesman says new deliveries")
    # the body opens with the news, not with "MOSCOW, October 27." and "/TASS/." as two sentences
    assert article.sentences[0].text.startswith("Any new deliveries of attack drones")
    assert "TASS" not in article.body and "Spokesman says" not in article.body
    reasons = [r.reason for r in article.report.removed]
    assert "metadata: dateline" in reasons and "metadata: deck (summary under the headline)" in reasons


def test_reuters_dateline():
    article = newslens.load_article(FIXTURES / "reuters_style.txt")
    assert (article.meta.dateline_place, article.meta.dateline_date, article.meta.agency) == ("Geneva", "Oct 27", "Reuters")
    assert article.body.startswith("Foreign ministers of the two countries")
    assert article.meta.deck == ""


def test_ap_dateline_with_region():
    article = newslens.load_article(FIXTURES / "ap_style.txt")
    assert (article.meta.dateline_place, article.meta.agency) == ("Kyiv", "AP")
    assert article.body.startswith("A drone maker said")


@pytest.mark.parametrize("text, place, agency", [
    ("ST. PETERSBURG, June 3. /TASS/. Text.", "St. Petersburg", "TASS"),
    ("NUR-SULTAN, Jan 5 (Reuters) - Text.", "Nur-Sultan", "Reuters"),
    ("WASHINGTON (AFP) - Text.", "Washington", "AFP"),
    ("BAKU, Nov. 10, 2020 (AP) — Text.", "Baku", "AP"),
    ("GENEVA, Oct 27 — Text.", "Geneva", ""),
    ("MOSCOW, October 27 – RIA Novosti. Text.", "Moscow", "RIA Novosti"),   # the agency after the dash
])
def test_dateline_shapes(text, place, agency):
    found = match_dateline(text)
    assert found and (found["place"], found["agency"]) == (place, agency)
    assert text[found["end"]:] == "Text."


@pytest.mark.parametrize("text", [
    "Moscow, October 27, is a date that matters.",     # not in capitals
    "NATO said on Tuesday that the drills would go on.",
    "KYIV is the capital (and largest city) of Ukraine.",
])
def test_no_dateline(text):
    assert match_dateline(text) is None


def test_a_long_block_before_the_dateline_is_not_a_deck(tmp_path):
    path = tmp_path / "long.txt"
    long = " ".join(["word"] * 70) + "."
    path.write_text(f"Title\n\n{long}\n\nMOSCOW, October 27. /TASS/. Body text here.\n", encoding="utf-8")
    article = newslens.load_article(path)
    assert article.meta.deck == "" and article.meta.dateline == ""
    assert "TASS" in article.body


def test_seed_has_no_wire_metadata_in_article_json(seed_article):
    meta = seed_article.to_dict()["meta"]
    assert "dateline" not in meta and "deck" not in meta
