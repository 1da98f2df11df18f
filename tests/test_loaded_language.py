"""Loaded language and name calling from the sourced word list, not from sentiment valence."""

import csv

from newslens.framing.cues import cues_table
from newslens.framing.loaded import LOADED_WORDS_FILE, WIRE_STANDARD_FILE, find_loaded_words, loaded_words
from newslens.text.loader import load_text


def cues_of(text):
    table = cues_table(load_text(text, "written.txt", input_format="body"))
    return table[table["cue"].isin(["loaded language", "name calling"])]


def test_a_sober_wire_report_of_killing_is_not_loaded():
    text = ("KYIV, March 3 (Reuters) - Two people were killed and five wounded when a bomb exploded near a market "
            "in the city on Thursday, police said. The war has destroyed much of the district, officials said.")
    assert cues_of(text).empty


def test_evaluative_words_are_loaded():
    text = "The minister called the vote a sham and said the despicable smear campaign was an outrageous lie machine."
    loaded = cues_of(text)
    assert set(loaded["evidence"]) == {"sham", "despicable", "smear", "outrageous"}
    assert set(loaded["cue"]) == {"loaded language"}
    assert all(t.startswith("loaded-word list (") for t in loaded["evidence_type"])


def test_separatists_in_wire_copy_are_not_name_calling():
    text = ("DONETSK, Ukraine (AP) - Russia-backed separatists shelled two villages overnight, the Ukrainian "
            "military said. Rebels and militants in the east have fought government forces since 2014.")
    assert cues_of(text).empty


def test_a_wire_standard_label_in_scare_quotes_is_still_a_cue():
    text = 'The "separatists" are soldiers in all but name, and the separatists themselves say so.'
    names = cues_of(text)
    row = names.set_index("evidence").loc["separatist"]
    assert row["cue"] == "name calling" and row["occurrences"] == 1
    assert row["detail"] == "1 of 2 in scare quotes; standard in wire style, its 1 plain uses are not a cue"


def test_name_calling_words_from_the_list_and_the_lexicon():
    text = "The regime's thugs and its terrorist allies answer to a tyrant."
    names = cues_of(text)
    assert set(names["evidence"]) == {"regime", "thug", "terrorist", "tyrant"}
    assert set(names["cue"]) == {"name calling"}


def test_phrases_and_ambiguous_forms():
    article = load_text("They call the inquiry a witch hunt. He was lying on the ground. Those are lies.", "w.txt",
                        input_format="body")
    assert [h.word.term for h in find_loaded_words(article)] == ["witch hunt", "lies"]


def test_every_row_has_a_reason_and_a_source():
    words = loaded_words()
    assert len(words) >= 80 and all(w.reason and w.source for w in words)
    with open(WIRE_STANDARD_FILE, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["term"] for r in rows} == {"separatist", "rebel", "militant"}
    assert all(r["reason"] and r["source"] for r in rows)
    # no event word whose sentiment valence made it a cue before the sourced word list
    with open(LOADED_WORDS_FILE, encoding="utf-8") as fh:
        forms = {f for r in csv.DictReader(fh) for f in [r["term"], *r["variants"].split("|")]}
    assert not forms & {"war", "killed", "kill", "bomb", "destroyed", "prisoner", "attack", "death"}
