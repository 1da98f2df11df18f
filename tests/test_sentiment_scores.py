"""Sentence scores on the seed: wiring to the reference VADER and the other methods, checked by reading."""

import math

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from newslens.text.article import normalise_quotes
from newslens.sentiment.tables import article_tone, extremes, sentence_sentiment, sentiment_tables, trajectory
from newslens.sentiment.scores import label, nltk_analyzer, nrc_counts, tone_counts, tone_measures
from newslens.text.tables import sentences_frame


@pytest.fixture(scope="module")
def table(seed_article):
    return sentence_sentiment(seed_article)


def test_every_sentence_equals_the_reference_vader(seed_article, table):
    fresh = SentimentIntensityAnalyzer()          # a new instance, not the module's cached one
    assert list(table["sentence_id"]) == list(range(1, 26))
    for s, score in zip(seed_article.sentences, table["vader_compound"]):
        assert score == round(fresh.polarity_scores(normalise_quotes(s.text))["compound"], 4)


def test_curly_quotes_hide_prisoner_only_in_sentence_6(seed_article, table):
    # “political prisoner”. : VADER strips only ASCII punctuation, so the curly quote keeps 'prisoner' out
    differs = table[table["vader_compound"] != table["vader_compound_as_written"]]
    assert list(differs["sentence_id"]) == [6]
    assert differs.iloc[0]["vader_compound"] == -0.7722
    assert differs.iloc[0]["vader_compound_as_written"] == -0.4951
    assert "prisoner -2.5" in differs.iloc[0]["vader_words"]


def test_known_sentences(table):
    row = table.set_index("sentence_id")
    # 9: "offensive weapons ... aggression ... civil war": the most negative sentence
    assert row.loc[9, "vader_compound"] == -0.9001
    assert row.loc[9, "vader_words"] == "offensive -2.0; weapons -1.9; aggression -1.2; war -2.9"
    # 25: "Hopefully ... major challenge ... effectively": the most positive
    assert row.loc[25, "vader_compound"] == 0.7346
    # 1: "Military Engagement" read as the happy kind of engagement (+2.0): a lexicon misreading
    assert row.loc[1, "vader_words"] == "engagement +2.0; well +1.1"
    assert row.loc[3, "vader_label"] == "neutral"


def test_nltk_port_runs_without_nltk_data():
    analyzer = nltk_analyzer()
    assert len(analyzer.lexicon) == 7506          # the vaderSentiment lexicon, read from the installed package
    assert analyzer.polarity_scores("The book was good.")["compound"] == 0.4404


def test_second_opinions_are_in_range(table):
    assert table["textblob_polarity"].between(-1, 1).all()
    assert table["textblob_subjectivity"].between(0, 1).all()
    assert table["oped_score"].between(-1, 1).all()
    assert (table["nrc_balance"] == table["nrc_positive"] - table["nrc_negative"]).all()


def test_nrc_counts_on_lemmas():
    # "wars" is not in NRC, its lemma "war" is (fear, negative, sadness, anger in NRC's list)
    assert nrc_counts(["wars"])["fear"] == 0
    counts = nrc_counts(["war"])
    assert counts["fear"] == 1 and counts["negative"] == 1 and counts["joy"] == 0


def test_gdelt_style_tone():
    counts = tone_counts(["good", "bad", "war", "the"])
    assert counts == {"words": 4, "positive": 1, "negative": 2}
    measures = tone_measures(counts)
    assert measures["tone"] == -25.0 and measures["polarity"] == 75.0


def test_seed_article_tone(seed_article, table):
    tone = article_tone(seed_article, table).set_index("measure")["value"]
    assert tone["sentences"] == 25
    assert tone["tone_word_count"] == len(seed_article.words)
    assert math.isclose(tone["tone"], tone["tone_positive_pct"] - tone["tone_negative_pct"], abs_tol=1e-3)
    assert tone["vader_mean_compound"] == round(table["vader_compound"].mean(), 4)
    assert tone["vader_share_negative"] == 0.52     # 13 of 25 sentences at <= -0.05


def test_labels_use_vaders_band():
    assert label(0.05) == "positive" and label(0.0499) == "neutral" and label(-0.05) == "negative"


@pytest.fixture(scope="module")
def sentences(seed_article, table):
    return sentences_frame(seed_article).merge(table, on="sentence_id", validate="one_to_one")


def test_trajectory_marks_paragraph_starts(sentences):
    frame = trajectory(sentences)
    starts = list(frame.loc[frame["paragraph_start"], "sentence_id"])
    assert starts == [1, 3, 6, 8, 11, 14, 16, 18, 21, 23]
    # the primary score; centred window of 3: sentence 2 averages sentences 1-3 (0 for "Military Engagement")
    assert list(frame["news_compound"][:3]) == [0.0, -0.4404, 0.0]
    assert frame.loc[1, "rolling_mean"] == round((0.0 - 0.4404 + 0.0) / 3, 4)
    reference = trajectory(sentences, score="vader_compound")
    assert reference.loc[1, "rolling_mean"] == round((0.6249 - 0.4404 + 0.0) / 3, 4)


def test_extremes(sentences):
    # by the primary score sentence 15 ("proxy war") is the most negative; by the reference VADER, 9
    ends = extremes(sentences, n=2)
    assert list(ends["sentence_id"]) == [15, 16, 25, 22]
    assert list(extremes(sentences, n=2, score="vader_compound")["sentence_id"]) == [9, 15, 25, 22]
    assert ends.loc[0, "text"].startswith("Selling drones to NATO-member Poland")


def test_contested_sentences(table):
    row = table.set_index("sentence_id")
    assert bool(row.loc[1, "contested"]) and row.loc[1, "contested_signs"] == "vader:+; textblob:-; nrc:+"
    assert not bool(row.loc[11, "contested"])      # "war": negative for all three


def test_tables_merge_into_sentences_csv(seed_article):
    tables = sentiment_tables(seed_article)
    assert set(tables) == {"sentence_sentiment.csv", "actors.csv", "actor_mentions.csv",
                           "sentiment_disagreements.csv", "sentiment_agreement.csv", "article_tone.csv"}
    extra = tables["sentence_sentiment.csv"]
    base = sentences_frame(seed_article)
    assert set(extra.columns) & set(base.columns) == {"sentence_id"}
    merged = base.merge(extra, on="sentence_id", how="left", validate="one_to_one")
    assert len(merged) == 25 and merged["vader_compound"].notna().all()


def test_tables_are_deterministic(seed_article):
    first, second = sentiment_tables(seed_article), sentiment_tables(seed_article)
    for name in first:
        assert first[name].equals(second[name]), name


def test_vader_words_show_the_valence_after_vaders_rules():
    """Found on wire copy: "problems -1.7" was listed for a sentence that scores positive; negation flips it."""
    from newslens.sentiment.scores import lexicon_words

    assert lexicon_words("There are no problems with the plan.") == "no +0.0 (lexicon -1.2); problems +1.3 (lexicon -1.7)"
    assert lexicon_words("The plan is good but the results are terrible.") == (
        "good +0.9 (lexicon +1.9); terrible -3.2 (lexicon -2.1)")
    assert lexicon_words("It is very bad.") == "bad -2.8 (lexicon -2.5)"


def test_word_valences_add_up_to_the_compound(seed_article):
    """The rule-adjusted valences are what VADER sums: normalised, they give its compound (sentences without
    '!' or '?', whose emphasis VADER adds after the words)."""
    from vaderSentiment.vaderSentiment import normalize

    from newslens.sentiment.scores import vader_scores, word_valences

    checked = 0
    for sentence in seed_article.sentences:
        if "!" in sentence.text or "?" in sentence.text:
            continue
        total = sum(used for _, _, used in word_valences(sentence.text))
        expected = vader_scores(sentence.text)["compound"]
        assert (round(normalize(total), 4) if total else 0.0) == pytest.approx(expected, abs=1e-4), sentence.text
        checked += 1
    assert checked >= 20
