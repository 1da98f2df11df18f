"""Ukrainian words written with an apostrophe (newslens.text.cyrillic.tokens) on sentences written for these
tests: razdel cuts "м'ясо" into "м", "'", "ясо"; the tokens must give one word, with the dictionary's lemma,
so places, roles and the sentiment lexicon see it."""

import pytest

from newslens.places.cyrillic import place_mentions
from newslens.sentiment.cyrillic import sentence_scores
from newslens.text.cyrillic import lemma, reading_lemmas, sentence_language, tokens, written_in


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc"])
def test_a_word_with_an_apostrophe_is_one_token_with_its_lemma(apostrophe):
    text = f"Зустріч із прем{apostrophe}єр-міністром триває п{apostrophe}ять годин."
    words = [(t.text, t.lemma) for t in tokens(text, "uk") if t.is_word]
    assert words == [("Зустріч", "зустріч"), ("із", "із"), (f"прем{apostrophe}єр-міністром", "прем'єр-міністр"),
                     ("триває", "тривати"), (f"п{apostrophe}ять", "п'ять"), ("годин", "година")]
    for t in tokens(text, "uk"):
        assert text[t.start:t.end] == t.text


def test_quote_marks_around_a_word_stay_apart():
    text = "Він назвав це 'перемогою' і пішов."
    assert [t.text for t in tokens(text, "uk")] == ["Він", "назвав", "це", "'", "перемогою", "'", "і", "пішов", "."]


@pytest.mark.parametrize("sentence, surface, place", [
    ("Бої тривають біля Слов\u2019янська.", "Слов\u2019янська", "Slovyansk"),
    ("Бої тривають біля Слов'янська.", "Слов'янська", "Slovyansk"),
    ("Війська залишили Придністров'я.", "Придністров'я", "Transnistria"),
])
def test_place_names_with_an_apostrophe_are_found(sentence, surface, place):
    frame = place_mentions([sentence], "uk")
    assert frame[["surface", "place"]].values.tolist() == [[surface, place]]


def test_a_state_after_a_title_with_an_apostrophe_is_the_actor():
    frame = place_mentions(["Президент провів зустріч із прем\u2019єр-міністром Польщі."], "uk")
    assert frame[["surface", "role", "rule"]].values.tolist() == [["Польщі", "actor", "genitive_after_agent_noun"]]


def test_lexicon_words_with_an_apostrophe_count():
    # "перемир'я" (truce) and "ув'язнення" (prison) are in the Ukrainian lexicon, written with "'"
    assert sentence_scores(tokens("Сторони оголосили перемир\u2019я.", "uk"), "uk")["compound"] > 0
    assert sentence_scores(tokens("Суд призначив йому ув'язнення.", "uk"), "uk")["compound"] < 0


def test_reading_lemmas_lists_the_other_readings():
    # the Ukrainian dictionary's readings tie: «війни» is read first as the verb «війнути»
    assert lemma("війни", "uk") == "війнути"
    assert reading_lemmas("війни", "uk", frozenset({"NOUN"})) == ("війна",)
    assert reading_lemmas("війни", "uk")[:2] == ("війнути", "війна")
    # a typographic apostrophe is read as the dictionary's ASCII one
    assert "в'язень" in reading_lemmas("в\u2019язні", "uk")


@pytest.mark.parametrize("lang, sentence, expected", [
    # the letters only one alphabet has decide
    ("uk", "Вы не могли не заметить, что они лишены всего человеческого.", "ru"),
    ("ru", "Ми не могли не помітити, що вони втратили все людське.", "uk"),
    # no such letter: the dictionary that knows more of the words
    ("uk", "Что они сделали?", "ru"),
    ("uk", "Вот такие приказы.", "ru"),
    # a sentence both read alike, or in the text's own letters, stays in the text's language
    ("uk", "Героям слава!", "uk"),
    ("uk", "Дякую.", "uk"),
    ("uk", "П’ять ракет.", "uk"),                 # "п'ять" one word, whatever the apostrophe
    ("ru", "Слава Украине!", "ru"),
])
def test_each_sentence_is_read_in_its_own_language(lang, sentence, expected):
    assert written_in(sentence, lang) == expected
    assert sentence_language(tokens(sentence, lang), lang) == expected
