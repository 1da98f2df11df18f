"""Actor matching: possessives, hyphenated compounds, exclusions; checked on fixture and seed sentences."""

import math
from pathlib import Path

import pandas as pd
import pytest

from newslens.sentiment.actors import actor_mentions, actor_sentiment, bootstrap_interval, find_mentions, load_actors
from newslens.sentiment.tables import sentence_sentiment

FIXTURES = Path(__file__).parent / "fixtures" / "sentiment"
CASES = pd.read_csv(FIXTURES / "actor_sentences.csv", keep_default_na=False)


@pytest.mark.parametrize("case", CASES.to_dict("records"), ids=list(CASES["why"]))
def test_fixture_sentence(case):
    found = find_mentions(case["text"])
    assert ";".join(m["actor"] for m in found) == case["expected_actors"]
    assert ";".join(m["form"] for m in found) == case["expected_forms"]


def test_actor_file_has_provenance():
    table = load_actors()
    assert list(table.columns) == ["actor", "alias", "kind", "source"]
    assert (table["source"] != "").all()
    assert not table.duplicated(["actor", "alias"]).any()


@pytest.fixture(scope="module")
def mentions(seed_article):
    return actor_mentions(seed_article)


def test_seed_compounds_and_possessives(mentions):
    written = set(mentions["written"])
    for form in ["Kiev's", "Turkish-Ukrainian", "NATO-member", "NATO-Russia", "Russian-Turkish", "Turkish-backed",
                 "Turkish-allied", "Syria's", "Ankara's", "NATO's", "Turkey's", "Russia's"]:
        assert form in written, form
    both = mentions[mentions["written"] == "Turkish-Ukrainian"]
    assert set(both["actor"]) == {"Turkey", "Ukraine"} and set(both["sentence_id"]) == {4}


def test_seed_sentence_ids(seed_article, mentions):
    ids = lambda actor: sorted(set(mentions.loc[mentions["actor"] == actor, "sentence_id"]))  # noqa: E731
    assert ids("Ukraine") == [1, 2, 4, 8, 9, 11, 12, 15, 17, 21]
    assert ids("the West") == [5, 6, 7]          # Western members; East and West, the West, Western ambassadors
    assert ids("Syria") == [16, 17, 18]
    assert ids("China") == [7]
    assert ids("NATO") == [5, 7, 12, 15]
    # offsets point into the body, at the alias
    for row in mentions.itertuples():
        assert seed_article.body[row.start:row.end] == row.alias and row.alias in row.written


def test_bootstrap_is_deterministic():
    values = [-0.9, -0.77, -0.5, -0.44, -0.1, 0.0, 0.05, 0.1, 0.3, 0.33, 0.7, 0.62]
    assert bootstrap_interval(values, "Russia") == bootstrap_interval(values, "Russia")
    low, high = bootstrap_interval(values, "Russia")
    assert low < sum(values) / len(values) < high
    # one sentence: no interval (the note column says so)
    assert all(math.isnan(x) for x in bootstrap_interval([0.25], "Russia"))
    # each actor its own draws (newslens.stats: the project seed with the actor's name as key)
    assert bootstrap_interval(values, "Russia") != bootstrap_interval(values, "Ukraine")


def test_actor_sentiment_on_the_seed(seed_article, mentions):
    table = sentence_sentiment(seed_article)
    actors = actor_sentiment(seed_article, table, mentions).set_index("actor")
    ukraine = actors.loc["Ukraine"]
    compound = table.set_index("sentence_id")["news_compound"]         # the primary score
    reference = table.set_index("sentence_id")["vader_compound"]
    ids = [int(i) for i in ukraine["sentence_ids"].split(";")]
    assert ukraine["sentences"] == 10
    assert ukraine["mean_compound"] == round(compound[ids].mean(), 4)
    assert ukraine["vader_mean_compound"] == round(reference[ids].mean(), 4)
    assert ukraine["ci_low"] <= ukraine["mean_compound"] <= ukraine["ci_high"]
    assert ukraine["most_negative_sentence_id"] == compound[ids].idxmin()
    assert ukraine["vader_most_negative_sentence_id"] == 9 and ukraine["vader_most_positive_sentence_id"] == 1
    assert ukraine["most_positive_compound"] == compound[ids].max()
    assert actors.index[0] == "Turkey"               # named in the most sentences
    assert actors.loc["China", "note"] == "one sentence: no interval"
