"""News-domain VADER beside the unchanged reference (issue 13): sentences written for these tests."""

import csv

from newslens.sentiment.news import OVERRIDES_FILE, institution_names, mask_names, news_analyzer, news_compound
from newslens.sentiment.scores import reference_analyzer, vader_scores


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
