"""What a notebook says about a reading the article's language does not have: the sentence of article.json's
language.readings for a Russian article, nothing for an English one; and the score's method named."""

import newslens
from newslens.paths import REPO_ROOT
from newslens.report.findings import score_method, unavailable, unavailable_note

RUSSIAN = REPO_ROOT / "tests" / "fixtures" / "notebooks" / "ru_tass_drones.txt"
ENGLISH = REPO_ROOT / "tests" / "fixtures" / "notebooks" / "wire_dateline_dollars.txt"


def test_unavailable_and_score_method_on_a_russian_and_an_english_article():
    russian, english = newslens.analyze(RUSSIAN), newslens.analyze(ENGLISH)
    assert unavailable(russian, "sentiment_agreement.csv") == (
        "sentiment_agreement.csv: not applicable in Russian: it compares English scorers (NLTK's port, TextBlob, "
        "NRC, the tone, the op-ed variant), and a Russian sentence has one score.")
    assert unavailable(russian, "actors.csv") is None                 # filled for Russian
    assert unavailable(russian, "term_mentions.csv") is None          # filled for Russian
    assert unavailable(russian, "places.csv") is None
    assert unavailable(english, "actors.csv") is None
    assert unavailable_note(russian, "actors.csv") is None
    assert "not applicable in Russian" in str(unavailable_note(russian, "sentiment_agreement.csv"))
    assert unavailable_note(russian, "keyness.csv") is None           # filled for Russian (lemmas)
    assert unavailable_note(english, "keyness.csv") is None
    assert score_method(russian) == "the Russian lexicon with VADER's rules"
    assert score_method(english) == "the news-sense VADER"
