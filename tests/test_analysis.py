"""newslens.analyze(): the one per-article entry point (every table, nothing written) and write()."""

import pytest

import newslens
from newslens.analysis import ANALYSIS_STEPS, analysis_tables, article_tables
from newslens.paths import REPO_ROOT
from newslens.stages import ANALYSIS_INPUTS, ANALYSIS_OUTPUTS, BASE_TABLES, EXTRAS

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


def test_each_step_adds_the_tables_stages_declares(seed_article):
    tables = article_tables(seed_article)
    assert tuple(tables) == BASE_TABLES
    for stage, step in ANALYSIS_STEPS.items():
        inputs = {keyword: tables[name] for keyword, name in ANALYSIS_INPUTS.get(stage, {}).items()}
        produced = step(seed_article, frozenset(EXTRAS), **inputs)
        assert tuple(produced) == ANALYSIS_OUTPUTS[stage], stage
        tables.update(produced)


def test_no_extras_unless_asked(seed_article, seed_result):
    assert seed_result.options.extras == frozenset()
    assert set(analysis_tables(seed_article)) == set(seed_result.tables)
