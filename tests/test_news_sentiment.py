"""News-domain VADER beside the unchanged reference: sentences written for these tests."""

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


# The GDELT-style tone in the news sense (from the review of wire copy: "the one positive GDELT-style tone among the outlets came
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
    assert tone["news_tone"] == -1.8703        # -1.7456 before the second overrides pass and the context rules
    # only sentences with an overridden word or a masked name differ, and only towards the news sense
    differ = table[table["tone"] != table["news_tone"]]
    assert list(differ["sentence_id"]) == [1, 4, 9, 16, 23]


def test_news_scores_reuse_the_reference_only_where_they_cannot_differ(seed_article):
    """A sentence with no name to mask and no overridden word takes the reference scores (VADER runs once);
    every sentence, and texts written to trip the shortcut, score as the news analyzer scores them directly."""
    from newslens.sentiment.news import _news_polarity, _scores_as_reference, masked_text
    from newslens.sentiment.scores import scoring_text

    texts = [scoring_text(s.text) for s in seed_article.sentences] + [
        "I won \U0001F600 big.", "A great day \u263a\ufe0f!", "The Ministry of Defense said so.", "UNITED we stand.",
        "There was no engagement.", "The caf\u00e9 is nice and calm.", "They wonder about the winter.",
        "The shelling stopped as well.", "It held despite the war."]
    for text in texts:
        assert _news_polarity(text) == news_analyzer().polarity_scores(masked_text(text)), text
    assert _scores_as_reference("The talks were calm and good.")
    assert not _scores_as_reference("The line of engagement was quiet.")
    assert not _scores_as_reference("The Ministry of Defense was quiet.")
    assert not _scores_as_reference("A great day \U0001F600")


# Context rules and the wider overrides pass: sentences written for these tests.

def _tone(text):
    """The news tone of a sentence (words: runs of letters and apostrophes)."""
    import re

    counts = news_tone_counts(text, [(m.group(0), m.start()) for m in re.finditer(r"[A-Za-z']+", text)])
    return 100.0 * (counts["positive"] - counts["negative"]) / counts["words"]


def test_firing_a_weapon_is_not_losing_a_job():
    for text in ("The frigate successfully fired a cruise missile during the exercise.",
                 "Two rockets were fired from the southern district overnight.",
                 "The battery fired at the crossing for an hour."):
        assert news_compound(text) >= 0.0, text
        assert "fired" not in [w for w, _ in news_word_spans(text)], text
    # the job sense keeps VADER's valence
    job = "The minister was fired after the audit."
    assert news_compound(job) == vader_scores(job)["compound"] < 0


def news_word_spans(text):
    """(word, start) of the words the news scores still read: those outside the neutral spans."""
    import re

    from newslens.sentiment.news import neutral_spans

    spans = neutral_spans(text)
    return [(m.group(0), m.start()) for m in re.finditer(r"[A-Za-z']+", text)
            if not any(s <= m.start() < e for s, e in spans)]


def test_combat_drones_and_defense_cooperation_are_not_negative():
    assert news_compound("The navy ordered eight combat drones from the plant.") == 0.0
    assert news_compound("Both governments promised to cooperate closely on defense next year.") >= 0.0
    assert news_compound("Kyiv and Ankara cooperate closely on defence and energy.") >= 0.0


def test_a_concessive_does_not_turn_a_problem_positive():
    text = "The minister backed the plan despite the cabinet's problems with its neighbours."
    assert vader_scores(text)["compound"] > 0.05          # the reference reads "despite" as a negation
    assert news_compound(text) < 0.05


def test_as_well_as_is_a_conjunction():
    text = "The convoy carried blankets as well as medicine."
    assert news_compound(text) == news_compound("The convoy carried blankets and medicine.")


def test_diplomatic_and_economic_senses_carry_no_sentiment():
    for text in ("The envoy stressed that the talks would continue.",
                 "The leaders discussed territorial integrity and energy supplies.",
                 "The sanctions freeze the bank's assets held abroad.",
                 "Both sides reviewed the agreements signed in the capital.",
                 "Top officials met the special representative on Monday."):
        assert news_compound(text) == 0.0, text


def test_an_ended_attack_is_not_negative():
    for text in ("The bombardment of the port finally stopped on Friday.",
                 "By noon the attacks had ceased.",
                 "The army halted the offensive near the river."):
        assert news_compound(text) == 0.0, text
        assert _tone(text) == 0.0, text
    ongoing = "The bombardment of the port has not stopped."
    assert news_compound(ongoing) <= 0.0          # VADER alone reads "not stopped" as positive
    assert vader_scores(ongoing)["compound"] > 0
    assert _tone(ongoing) < 0.0
    assert news_compound("Leaders demanded that the army stop the attacks.") < 0.0     # a demand, not an ending
    assert news_compound("The talks ended in failure.") < 0.0                          # an outcome, not an ending
    killed = "Soldiers killed two civilians before the shelling stopped."
    assert news_compound(killed) == news_compound("Soldiers killed two civilians.") < 0.0


def test_a_negated_wish_is_not_positive_in_news_tone():
    from newslens.sentiment.scores import tone_counts, tone_measures

    text = "Officials said they do not want such an outcome to happen."
    assert tone_measures(tone_counts(text.split()))["tone"] > 0       # the reference tone counts "want"
    assert _tone(text) == 0.0
    assert _tone("We don't wish for a war.") < 0.0                      # "war" keeps its own polarity
    assert _tone("We want the talks to go on.") > 0.0                   # an affirmed wish is still positive


def test_the_reference_tone_and_compound_ignore_the_context_rules():
    text = "The bombardment of the port finally stopped on Friday."
    assert vader_scores(text)["compound"] < 0
    assert tone_counts(text.split())["negative"] == 1
