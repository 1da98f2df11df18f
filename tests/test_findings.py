"""Findings stated in words are computed from the article's tables; the seed's hand-checked commentary is
shown for the seed only; a dollar sign in article text never reaches MathJax."""

import pandas as pd

import newslens
from newslens.framing.tables import framing_tables, naming_pairs
from newslens.paths import REPO_ROOT
from newslens.report.display import kwic_table, show_findings, show_note, show_table
from newslens.report.findings import (framing_findings, is_seed, near_and_toward_disagree, places_findings,
                                      seed_commentary, sentiment_findings)
from newslens.sentiment.tables import sentiment_tables
from newslens.text.tables import sentences_frame

WIRE = REPO_ROOT / "tests" / "fixtures" / "notebooks" / "wire_dateline_dollars.txt"
QUIET = REPO_ROOT / "tests" / "fixtures" / "notebooks" / "no_actors_no_quotes.txt"


def test_dollars_are_kept_from_mathjax():
    frame = pd.DataFrame({"text": ["about $8 billion last season, $10 billion next"]})
    for table in (show_table(frame), show_note("$8 billion ... $10 billion"), show_findings(["$8 and $10"], "x")):
        assert "$" not in table.html and "&#36;" in table.html
        assert "mathjax_ignore" in table.html      # JupyterLab 4's MathJax skips it
        assert "$" in table.text                                  # the plain text keeps the sign
    lines = pd.DataFrame({"sentence_id": [1], "paragraph_id": [1], "left": ["worth $8"], "surface": ["billion"],
                          "right": ["and $10 billion"]})
    assert "$" not in kwic_table([("billion", lines)]).html


def test_names_are_not_broken_inside_a_word():
    table = show_table(pd.DataFrame({"tables": ["sentence_sentiment.csv;actors.csv;article_tone.csv"]}))
    assert "sentence_<wbr>" not in table.html and "sentence_sentiment.csv;<wbr>" in table.html


def test_seed_commentary_only_on_the_seed():
    seed = newslens.load_article(newslens.seed_path())
    other = newslens.load_article(WIRE)
    assert is_seed(seed) and not is_seed(other)
    assert seed_commentary(other, "02_framing/counts") is None
    shown = seed_commentary(seed, "02_framing/counts").text
    assert "checked by hand on the seed article" in shown and "drone diplomacy" in shown


def test_framing_findings_follow_the_article():
    seed_items = " ".join(framing_findings(framing_tables(newslens.load_article(newslens.seed_path()))))
    assert "Kiev (4), not Kyiv" in seed_items and "13 scare quotes" in seed_items
    wire_items = " ".join(framing_findings(framing_tables(newslens.load_article(WIRE))))
    assert "Kyiv (1), not Kiev" in wire_items
    assert "drone diplomacy" not in wire_items and "scare quotes" not in wire_items
    quiet_items = framing_findings(framing_tables(newslens.load_article(QUIET)))
    assert "No quoted span in the article." in quiet_items


def test_sentiment_findings_and_the_rule_for_examples():
    article = newslens.load_article(WIRE)
    tables = sentiment_tables(article)
    sentences = sentences_frame(article).merge(tables["sentence_sentiment.csv"], on="sentence_id")
    items = sentiment_findings(sentences, tables["actors.csv"])
    lowest = sentences.loc[sentences["news_compound"].idxmin(), "sentence_id"]
    assert items[1].startswith(f"Most negative: sentence {lowest} ")
    picked = near_and_toward_disagree(tables["actor_mentions.csv"], sentences)
    assert picked["sentence_id"].is_unique and (picked["gap"].diff().dropna() <= 0).all()
    quiet = newslens.load_article(QUIET)
    quiet_tables = sentiment_tables(quiet)
    quiet_sentences = sentences_frame(quiet).merge(quiet_tables["sentence_sentiment.csv"], on="sentence_id")
    assert any("No actor" in item for item in sentiment_findings(quiet_sentences, quiet_tables["actors.csv"]))
    assert near_and_toward_disagree(quiet_tables["actor_mentions.csv"], quiet_sentences).empty


def test_places_findings():
    from newslens.places.tables import places_tables

    items = places_findings(places_tables(newslens.load_article(newslens.seed_path())))
    assert items[0].startswith("77 mentions: 66 as a government or state acting")
    assert places_findings(places_tables(newslens.load_article(QUIET))) == ["The article names no place, bloc or country."]


def test_naming_pairs():
    tables = framing_tables(newslens.load_article(newslens.seed_path()))
    transliterated, other = naming_pairs(tables["naming_choices.csv"])
    assert "Kiev (4)" in set(transliterated["Russian-derived form (count)"])
    assert set(transliterated["the article uses"]) <= {"Russian-derived", "Ukrainian-derived", "both", "neither"}
    assert list(other.columns) == ["form (count)", "other form (count)", "the article uses"]
