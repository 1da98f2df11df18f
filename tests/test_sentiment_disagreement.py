"""NLTK's VADER port against the reference: which sentences differ, and the diagnosed reason."""

from pathlib import Path

import pytest

from newslens.sentiment.disagreement import disagreement_report, explain

FIXTURES = Path(__file__).parent / "fixtures" / "sentiment"


@pytest.fixture(scope="module")
def report(seed_article):
    return disagreement_report(seed_article).set_index("sentence_id")


def test_sentences_over_the_threshold(report):
    # 6: “political prisoner”. and 18: Turkish-allied "rebels" (checked by reading the seed)
    assert list(report.index[report["above_threshold"]]) == [6, 18]


def test_every_difference_is_listed_and_explained(report):
    assert list(report.index) == [6, 16, 18, 25]
    assert (report["residual"] == 0).all()
    assert report.loc[6, "missed_words"] == 'prisoner".'
    assert report.loc[16, "missed_words"] == '"rebels".'
    assert report.loc[18, "missed_words"] == '"rebels"'
    assert report.loc[25, "boosters_missing_in_nltk"] == "major"
    assert "'major' (before 'challenge')" in report.loc[25, "reason"]
    assert report.loc[6, "difference"] == -0.2771


def test_fixture_sentences():
    lines = (FIXTURES / "vader_differences.txt").read_text(encoding="utf-8").splitlines()
    scare_quoted, boosted, plain, quoted_mid = (explain(line) for line in lines)
    assert scare_quoted["missed_words"] == '"rebels".' and scare_quoted["residual"] == 0
    assert boosted["boosters_missing_in_nltk"] == "major" and boosted["difference"] > 0.05
    assert plain["difference"] == 0 and plain["reason"] == ""
    assert quoted_mid["missed_words"] == '"rebels"'


def test_a_one_mark_quote_is_not_a_difference():
    # NLTK maps a word with ONE mark before or after it: "rebels, is found
    assert explain('The "rebels attacked.')["difference"] == 0
