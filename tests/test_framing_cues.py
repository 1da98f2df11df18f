"""Propaganda cues and collocations: labelled as cues, each linked to its evidence."""

from pathlib import Path

import pytest

import newslens
from newslens.framing.collocations import collocations_table
from newslens.framing.cues import cues_table

FIXTURES = Path(__file__).parent / "fixtures" / "framing"


@pytest.fixture(scope="module")
def cues(seed_article):
    return cues_table(seed_article)


def test_cues_are_cues_not_verdicts(cues):
    assert set(cues["cue"]) == {"repetition", "loaded language", "name calling"}
    assert not any("propaganda" in c.lower() or "verdict" in c.lower() for c in cues.columns)


def test_the_repeated_lede_is_evidence(seed_article, cues):
    lede = cues[cues["evidence_type"] == "standfirst repeated in body"].iloc[0]
    assert lede["evidence"] == seed_article.standfirst.text
    assert (lede["paragraph_ids"], lede["sentence_ids"], lede["occurrences"]) == ("4", "9", 2)


def test_repeated_long_ngram(cues):
    grams = cues[cues["evidence_type"].str.startswith("repeated n-gram")]
    # P4 "that have already been proven to have emboldened its aggression" / P9 "which have already been
    # proven to have emboldened it"
    assert list(grams["evidence"]) == ["have already been proven to have emboldened"]
    assert grams.iloc[0]["sentence_ids"] == "9;21"


def test_repeated_scare_quotes(cues):
    repeated = cues[cues["evidence_type"] == "repeated scare quote"].set_index("evidence")["occurrences"]
    assert repeated.to_dict() == {"drone diplomacy": 3, "military diplomacy": 2, "balance": 3, "rebels": 2}


def test_name_calling_notes_the_scare_quotes(cues):
    names = cues[cues["cue"] == "name calling"]
    assert list(names["evidence"]) == ["rebel"]
    assert names.iloc[0]["detail"] == "2 of 2 in scare quotes"


def test_loaded_language_links_to_sentences(seed_article, cues):
    loaded = cues[cues["cue"] == "loaded language"].set_index("evidence")
    assert loaded.loc["aggression", "sentence_ids"] == "9;12;21"
    assert "VADER valence" not in set(cues["evidence_type"])      # event words (war, bomb, prisoner) are not cues
    for row in cues.itertuples():
        for start in row.starts.split(";"):
            assert str(seed_article.sentence_at(int(start)).id) in row.sentence_ids.split(";")


def test_duplicated_paragraphs_and_sentences():
    article = newslens.load_article(FIXTURES / "repetition.txt")
    table = cues_table(article)
    rep = table[table["cue"] == "repetition"]
    # paragraph 2 = paragraph 4; sentence 1 = sentence 4; nothing reported twice at a smaller grain
    assert list(zip(rep["evidence_type"], rep["sentence_ids"])) == [
        ("duplicated paragraph", "3;6"), ("duplicated sentence", "1;4")]
    names = table[table["cue"] == "name calling"]
    assert list(names["evidence"]) == ["regime"]          # "separatists", unquoted, is the wire-standard term


def test_seed_collocations(seed_article):
    table = collocations_table(seed_article).set_index("ngram")
    assert table.loc["black sea region", "count"] == 3
    assert table.loc["black sea region", "sentence_ids"] == "4;14;22"
    assert table.loc["drone diplomacy", "count"] == 3
    assert table.loc["lublin triangle", "count"] == 2     # the third is inside the quoted title
    assert not any(word in {"the", "of", "a", "to"} for gram in table.index for word in gram.split())
    assert (table["likelihood_ratio"] > 0).all()
