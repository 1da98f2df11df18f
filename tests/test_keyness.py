"""Keyness against wordfreq: the measures, the floor, the reference-size assumption, and seed words."""

import math

import pytest

from newslens.framing.keyness import REFERENCE_SIZE, keyness_summary, keyness_table, keyness_words, unseen_frequency
from newslens.stats import g2, log_ratio, p_band


def test_g2_by_hand():
    # a=5 in c=100, b=5 in d=1000: E1 = 100*10/1100, E2 = 1000*10/1100
    e1, e2 = 100 * 10 / 1100, 1000 * 10 / 1100
    expected = 2 * (5 * math.log(5 / e1) + 5 * math.log(5 / e2))
    assert g2(5, 5, 100, 1000) == pytest.approx(expected)
    assert round(expected, 2) == 11.07
    assert g2(10, 100, 1000, 10000) == pytest.approx(0.0)   # same relative frequency
    assert g2(0, 50, 100, 1000) > 0                           # absence is evidence too


def test_log_ratio_and_zero_counts():
    assert log_ratio(4, 1, 100, 100) == pytest.approx(2.0)
    assert log_ratio(0, 2, 100, 100) == pytest.approx(-2.0)   # a zero count is read as 0.5
    assert p_band(3.83) == "n.s." and p_band(3.84) == "p<0.05" and p_band(16) == "p<0.0001"


@pytest.fixture(scope="module")
def table(seed_article):
    return keyness_table(seed_article).set_index("word")


def test_possessives_case_and_compounds(seed_article):
    words = keyness_words(seed_article)
    assert "kiev's" not in words and "'s" not in words
    assert words.count("kiev") == 4                  # "Kiev's" twice, "Kiev" twice
    assert "game-changing" not in words and words.count("changing") == 2
    assert words.count("civil") == 3                 # "Civil War" and "civil war" are one word
    assert "will" in words and "wo" not in words     # "won't" -> will + n't


def test_title_words_are_left_out(seed_article, table):
    assert table.loc["turkey", "article_count"] == 12   # 13 with the quoted title
    assert table.loc["lublin", "article_count"] == 2
    assert table.loc["balance", "article_count"] == 3


def test_seed_overused_words(table):
    for word in ("diplomacy", "kiev", "destabilizing", "aggression", "potentially"):
        assert table.loc[word, "direction"] == "over"
        assert table.loc[word, "p_band"] == "p<0.0001"
    assert table.loc["diplomacy", "article_count"] == 5    # "drone diplomacy" 3 + "military diplomacy" 2


def test_floor_for_unseen_words(table):
    assert unseen_frequency() == pytest.approx(0.5 * 1.0233e-8, rel=1e-3)
    floored = table[table["reference_floor"]]
    assert set(floored.index) == {"prognosticated", "counterproductively"}


def test_stop_words_are_not_listed(table):
    assert not {"the", "of", "would", "might"} & set(table.index)


def test_both_directions(table):
    under = table[table["direction"] == "under"]
    assert len(under) > 100
    assert under.loc["people", "article_count"] == 0 and under.loc["people", "log_ratio"] < 0
    assert (table[table["direction"] == "over"]["log_ratio"] > 0).all()


def test_g2_barely_depends_on_the_assumed_reference_size(seed_article):
    small = keyness_table(seed_article, reference_size=REFERENCE_SIZE).set_index("word")["g2"]
    large = keyness_table(seed_article, reference_size=REFERENCE_SIZE * 100).set_index("word")["g2"]
    for word in ("diplomacy", "kiev", "balance", "drone"):
        assert abs(small[word] - large[word]) < 0.1


def test_summary_keeps_words_seen_twice(seed_article):
    over, under = keyness_summary(keyness_table(seed_article), n=10)
    assert len(over) == len(under) == 10
    assert (over["article_count"] >= 2).all()
    assert list(over["word"][:3]) == ["turkey", "turkish", "russia"]


def test_an_abbreviation_with_dots_stays_one_word():
    from newslens.framing.keyness import _keyness_parts

    assert _keyness_parts("u.s.") == ("u.s.",)
    assert _keyness_parts("nato-russia") == ("nato", "russia")
