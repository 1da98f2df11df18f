"""News-domain VADER beside the unchanged reference (issue 13): sentences written for these tests."""

import csv

from newslens.sentiment.news import (OVERRIDES_FILE, institution_names, mask_names, news_analyzer, news_compound,
                                     news_tone_counts, news_word_valence)
from newslens.sentiment.scores import lexicon_words, reference_analyzer, tone_counts, vader_scores


def test_the_line_of_engagement_is_not_positive():
    text = "The spokesman warned that destabilising the line of engagement would be dangerous."
    assert news_compound(text) < -0.05
    assert news_compound("Both sides said the line of engagement was quiet.") <= 0


def test_military_senses_carry_no_sentiment():
    for text in ("The army launched an offensive near the river.",
                 "The air force kept air superiority over the bridge.",
                 "Russia won the vote in the assembly, the ministry said."):
        assert news_compound(text) == 0.0, text


def test_ministry_of_defense_does_not_move_news_compound():
    plain = "The drones were delivered to the army on Tuesday."
    for named in ("The Ministry of Defense said the drones were delivered to the army on Tuesday.",
                  "Baykar Defense said the drones were delivered to the army on Tuesday.",
                  "Defense Minister Oleksii Reznikov said the drones were delivered to the army on Tuesday."):
        assert news_compound(named) == news_compound(plain) == 0.0, named
        assert vader_scores(named)["compound"] > 0       # the reference scores the name's words


def test_names_containing_sentiment_words_are_masked_whole():
    text = "Freedom House and the UN Security Council condemned the killings."
    assert mask_names(text) == "Institution condemned the killings."
    assert news_compound(text) == news_compound("They condemned the killings.")
    assert institution_names("He said so in Moscow on Monday.") == []


def test_the_reference_analyzer_is_untouched():
    assert news_analyzer() is not reference_analyzer()
    assert reference_analyzer().lexicon["engagement"] == 2.0 and reference_analyzer().lexicon["won"] == 2.7
    assert news_analyzer().lexicon["engagement"] == 0.0
    assert vader_scores("A great engagement party.")["compound"] > 0.5


def test_every_override_has_a_reason_and_a_source():
    with open(OVERRIDES_FILE, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {"engagement", "superiority", "defense", "offensive", "won"} <= {r["word"] for r in rows}
    assert all(r["reason"] and r["source"] for r in rows)
    assert all(r["word"] in reference_analyzer().lexicon for r in rows)


# The GDELT-style tone in the news sense (issue 13: "the one positive GDELT-style tone among the outlets came
# from such words in a report of a threat"). Sentence written for this test; what its words score:
# reference VADER lexicon: threatened -2.0, engagement +2.0, defense +0.5, superiority +1.4 (3 positive,
# 1 negative of 16 words: tone +12.5); news sense: engagement and superiority 0 (news_sense_overrides.csv),
# "Defense" inside the name "Defense Ministry" masked, threatened -2.0 (0 positive, 1 negative: -6.25).
THREAT = ("Moscow threatened to destabilise the line of engagement, the Defense Ministry said, "
          "citing its air superiority.")


def test_a_reported_threat_has_positive_reference_tone_and_no_positive_news_tone():
    from newslens.sentiment.tables import article_tone, sentence_sentiment
    from newslens.text.loader import load_text

    assert lexicon_words(THREAT) == "threatened -2.0; engagement +2.0; defense +0.5; superiority +1.4"
    article = load_text(THREAT + "\n", "news tone test", "body")
    table = sentence_sentiment(article, second_opinions=False)
    row = table.iloc[0]
    assert row["tone"] == 12.5 and row["tone"] > 0
    assert row["news_tone"] == -6.25 and row["news_tone"] <= 0
    tone = article_tone(article, table).set_index("measure")["value"]
    assert tone["tone"] == 12.5 and tone["news_tone"] == -6.25
    assert tone["news_tone_positive_pct"] == 0.0 and tone["news_tone_negative_pct"] == 6.25
    assert tone["news_tone"] == round(tone["news_tone_positive_pct"] - tone["news_tone_negative_pct"], 4)


def test_news_tone_counts_use_the_overrides_and_mask_names():
    text = "The Ministry of Defense praised the engagement."
    words = [(w, text.index(w)) for w in ("The", "Ministry", "of", "Defense", "praised", "the", "engagement")]
    assert tone_counts([w for w, _ in words]) == {"words": 7, "positive": 3, "negative": 0}
    # news sense: "Defense" is inside a name, "engagement" 0; "praised" (+2.6) still counts; same word count
    assert news_tone_counts(text, words) == {"words": 7, "positive": 1, "negative": 0}
    assert news_word_valence("engagement") == 0.0 and news_word_valence("praised") > 0
    assert news_word_valence("Won") == 0.0 and reference_analyzer().lexicon["won"] > 0


def test_the_reference_tone_is_unchanged_beside_the_news_tone(seed_article):
    from newslens.sentiment.tables import article_tone, sentence_sentiment

    table = sentence_sentiment(seed_article, second_opinions=False)
    tone = article_tone(seed_article, table).set_index("measure")["value"]
    assert tone["tone"] == -1.6209 and tone["tone_word_count"] == 802       # as before the news tone
    assert tone["news_tone"] == -1.7456
    # only sentences with an overridden word or a masked name differ, and only towards the news sense
    differ = table[table["tone"] != table["news_tone"]]
    assert list(differ["sentence_id"]) == [1, 4, 9, 16, 23]


def test_news_scores_reuse_the_reference_only_where_they_cannot_differ(seed_article):
    """A sentence with no name to mask and no overridden word takes the reference scores (VADER runs once);
    every sentence, and texts written to trip the shortcut, score as the news analyzer scores them directly."""
    from newslens.sentiment.news import _news_polarity, _scores_as_reference
    from newslens.sentiment.scores import scoring_text

    texts = [scoring_text(s.text) for s in seed_article.sentences] + [
        "I won \U0001F600 big.", "A great day \u263a\ufe0f!", "The Ministry of Defense said so.", "UNITED we stand.",
        "There was no engagement.", "The caf\u00e9 is nice and calm.", "They wonder about the winter."]
    for text in texts:
        assert _news_polarity(text) == news_analyzer().polarity_scores(mask_names(text)), text
    assert _scores_as_reference("The talks were calm and good.")
    assert not _scores_as_reference("The line of engagement was quiet.")
    assert not _scores_as_reference("The Ministry of Defense was quiet.")
    assert not _scores_as_reference("A great day \U0001F600")
