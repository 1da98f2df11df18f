"""The framing lexicon and stop-word list: versioned, sourced, valid, and rejected when broken."""

import csv

import pytest

from newslens.framing.lexicon import CATEGORIES, COLUMNS, LEXICON_NOTES_PATH, LEXICON_PATH, LexiconError, load_lexicon, parse_lexicon, read_version
from newslens.text.stopwords import STOPWORD_POLICY, is_stopword, load_stopwords


def test_version_is_read_from_the_notes_file():
    lexicon = load_lexicon()
    assert lexicon.version == read_version() == "2.1.0"
    assert "1.0.0 (2026-11-24): first version, 185 entries" in LEXICON_NOTES_PATH.read_text()
    assert f"{len(lexicon.entries)} entries." in LEXICON_NOTES_PATH.read_text()


def test_every_required_category_has_entries_and_every_entry_a_source():
    lexicon = load_lexicon()
    for category in CATEGORIES:
        assert lexicon.by_category(category), category
    for entry in lexicon.entries:
        assert entry.source.startswith("project, ") or "Hyland" in entry.source, entry
    issue_terms = {"civil war", "aggression", "proxy war", "invasion", "rebel", "separatist", "militant",
                   "Kiev", "Kyiv", "Donbass", "Donbas", "Lugansk", "Luhansk", "balance", "balancing", "bloc",
                   "multipolar", "sphere of influence", "destabilizing", "game-changing", "offensive weapons",
                   "emboldened", "political prisoner", "regime", "potentially", "perhaps", "might", "seems",
                   "proven", "accurately", "already", "drone diplomacy", "military diplomacy"}
    assert issue_terms <= {e.term for e in lexicon.entries}


def test_naming_choices_come_in_pairs():
    names = {e.term: e.alternative for e in load_lexicon().by_category("naming_choice")}
    for term, alternative in names.items():
        assert names.get(alternative) == term, term


def _write(tmp_path, rows):
    path = tmp_path / "lexicon.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


GOOD = ["civil war", "", "phrase", "conflict_label", "", "", "", "project, reason: test", ""]


@pytest.mark.parametrize("change, message", [
    ({2: "fuzzy"}, "match must be one of"),
    ({3: "vibes"}, "unknown category"),
    ({7: "a blog post"}, "source must cite"),
    ({0: "war"}, "has one word"),
    ({0: "civil war", 2: "exact"}, "must be one word"),
    ({4: "propaganda"}, "cue must be one of"),
])
def test_a_broken_row_is_rejected_with_its_line(tmp_path, change, message):
    row = list(GOOD)
    for index, value in change.items():
        row[index] = value
    with pytest.raises(LexiconError, match=message) as info:
        parse_lexicon(_write(tmp_path, [row]), "0.0.1")
    assert "line 2" in str(info.value)


def test_duplicate_terms_in_one_category_are_rejected(tmp_path):
    with pytest.raises(LexiconError, match="duplicate term"):
        parse_lexicon(_write(tmp_path, [GOOD, GOOD]), "0.0.1")


def test_a_cited_source_is_accepted(tmp_path):
    row = ["perhaps", "", "exact", "hedge", "", "", "", "Hyland 2005 (hedges)", ""]
    assert parse_lexicon(_write(tmp_path, [row]), "0.0.1").entries[0].source == "Hyland 2005 (hedges)"


def test_the_packaged_csv_has_the_documented_columns():
    with open(LEXICON_PATH, encoding="utf-8") as fh:
        assert tuple(next(csv.reader(fh))) == COLUMNS


def test_stop_words_are_function_words_and_keep_no_framing_term():
    words = load_stopwords()
    assert len(words) == 182
    assert {"the", "of", "and", "would", "might", "n't", "'s"} <= words
    assert is_stopword("The") and is_stopword("n\u2019t")  # any case, curly apostrophe
    for content in ("war", "balance", "drone", "already", "potentially", "perhaps", "aggression"):
        assert not is_stopword(content)
    assert "keyness, collocations and frequent-word lists only" in STOPWORD_POLICY
