"""newslens.analyze(): the one per-article entry point (every table, nothing written) and write()."""

from dataclasses import FrozenInstanceError

import pytest

import newslens
from newslens.analysis import ANALYSIS_STEPS, analysis_tables, article_tables
from newslens.paths import REPO_ROOT
from newslens.stages import ANALYSIS_INPUTS, ANALYSIS_OUTPUTS, ANALYSIS_RECORDS, BASE_TABLES, EXTRAS

FRENCH = REPO_ROOT / "tests/fixtures/loader/french_article.txt"


@pytest.fixture(scope="module")
def seed_result():
    return newslens.analyze(newslens.seed_path())


def test_analyze_gives_every_table_and_writes_nothing(seed_result, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = newslens.analyze(newslens.seed_path())
    assert list(tmp_path.iterdir()) == []
    assert result["sentences"].shape[0] == 25 and result["sentences.csv"] is result["sentences"]
    assert {"paragraphs.csv", "sentences.csv", "actors.csv", "terms.csv", "quotes.csv", "place_mentions.csv",
            "place_focus.csv"} <= set(result.tables)
    assert result.metadata["counts"] == {"paragraphs": 10, "sentences": 25, "words": 802, "characters": 5255}


def test_write_saves_what_analyze_computed(seed_result, tmp_path):
    written = newslens.write(seed_result, tmp_path, with_map=False)
    names = {p.name for p in written}
    assert names == {"article.json"} | set(seed_result.tables)
    terms = (tmp_path / "terms.csv").read_text(encoding="utf-8")
    assert "drone diplomacy,military_diplomacy,3,3.7400," in terms


def test_analyze_refuses_non_english_unless_allowed():
    with pytest.raises(newslens.ArticleInputError, match="french_article.txt: does not look like English"):
        newslens.analyze(FRENCH)
    result = newslens.analyze(FRENCH, newslens.Options(allow_non_english=True))
    assert result.article.report.language == "other"


def test_analyze_takes_a_loaded_article(seed_result):
    article = newslens.load_article(newslens.seed_path())
    again = newslens.analyze(article)
    assert again.article is article
    assert again["actors"].equals(seed_result["actors"])


def test_each_step_adds_the_tables_and_records_stages_declares(seed_article):
    tables, records = article_tables(seed_article), {}
    assert tuple(tables) == BASE_TABLES
    for stage, step in ANALYSIS_STEPS.items():
        inputs = {keyword: tables[name] if name.endswith(".csv") else records[name]
                  for keyword, name in ANALYSIS_INPUTS.get(stage, {}).items()}
        found = step(seed_article, frozenset(EXTRAS), **inputs)
        assert tuple(found.tables) == ANALYSIS_OUTPUTS[stage], stage
        assert tuple(found.records) == ANALYSIS_RECORDS[stage], stage
        tables.update(found.tables)
        records.update(found.records)


def test_the_records_are_frozen_and_the_tables_are_made_from_them(seed_result):
    # The records beside each table hold the same findings, row for row, as objects that cannot change.
    notes = seed_result.annotations
    assert set(notes) == {name for names in ANALYSIS_RECORDS.values() for name in names}
    places = seed_result["place_mentions"]
    assert [(m.surface, m.role, m.rule) for m in notes["place_mentions"]] == \
        list(zip(places["surface"], places["role"], places["rule"]))
    assert notes["place_mentions"][0].place.name == "Turkey"
    actors = seed_result["actor_mentions"]
    assert [(m.actor, m.role, m.span) for m in notes["actor_mentions"]] == \
        list(zip(actors["actor"], actors["role"], zip(actors["start"], actors["end"])))
    assert [s.sentence_id for s in notes["sentence_scores"]] == seed_result["sentences"]["sentence_id"].tolist()
    assert [round(s.news_compound, 4) for s in notes["sentence_scores"]] == \
        seed_result["sentences"]["news_compound"].tolist()
    assert [q.text for q in notes["quotes"]] == seed_result["quotes"]["text"].tolist()
    assert [(c.term, c.start) for c in notes["term_matches"]] == \
        list(zip(seed_result["term_mentions"]["term"], seed_result["term_mentions"]["start"]))
    cues = seed_result["cues"]
    assert [(c.cue_id, c.evidence, c.occurrences) for c in notes["cues"]] == \
        list(zip(cues["cue_id"], cues["evidence"], cues["occurrences"]))
    for name, records in notes.items():
        assert isinstance(records, tuple) and records, name
        with pytest.raises(FrozenInstanceError):
            records[0].start = 0


def test_no_extras_unless_asked(seed_article, seed_result):
    assert seed_result.options.extras == frozenset()
    assert set(analysis_tables(seed_article)) == set(seed_result.tables)
