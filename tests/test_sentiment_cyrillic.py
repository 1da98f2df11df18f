"""Russian and Ukrainian sentiment (newslens.sentiment.cyrillic) on sentences written for these tests."""

import pytest

from newslens.sentiment import cyrillic
from newslens.sentiment.cyrillic import lexicon, sentence_scores, target_scores
from newslens.text.cyrillic import _parse, tokens


def compound(text, lang):
    return sentence_scores(tokens(text, lang), lang)["compound"]


def toward(text, entity, lang, **kwargs):
    start = text.index(entity)
    return target_scores(tokens(text, lang), (start, start + len(entity)), lang, **kwargs)


@pytest.mark.parametrize("lang, plain, negated", [
    ("ru", "Министр поддержал решение правительства.", "Министр не поддержал решение правительства."),
    ("ru", "Суд признал его виновным.", "Суд не признал его виновным."),
    ("uk", "Міністр підтримав рішення уряду.", "Міністр не підтримав рішення уряду."),
    ("uk", "Це погане рішення.", "Це не погане рішення."),
])
def test_negation_flips_the_sign(lang, plain, negated):
    a, b = compound(plain, lang), compound(negated, lang)
    assert a * b < 0, (a, b)


@pytest.mark.parametrize("lang, text", [
    ("uk", "Це не просто вторгнення Росії в Україну."),
    ("uk", "Це не лише вторгнення."),
    ("uk", "Це не тільки вторгнення."),
    ("ru", "Это не просто вторжение."),
    ("ru", "Это не только вторжение."),
    ("ru", "Это не лишь вторжение."),
])
def test_not_merely_is_no_negation(lang, text):
    # "не просто" (not merely) adds to the word after it: the invasion stays negative
    assert compound(text, lang) < 0


def test_without_negates_a_negative_noun():
    assert compound("Переговоры прошли без проблем.", "ru") > 0
    assert compound("Переговори пройшли без проблем.", "uk") > 0
    assert compound("Переговоры прошли с проблемами.", "ru") < 0


@pytest.mark.parametrize("lang, boosted, plain, damped", [
    ("ru", "Это очень хорошее решение.", "Это хорошее решение.", "Это слегка хорошее решение."),
    ("ru", "Ситуация крайне опасная.", "Ситуация опасная.", "Ситуация немного опасная."),
    ("uk", "Це дуже погане рішення.", "Це погане рішення.", "Це трохи погане рішення."),
    ("uk", "Ситуація вкрай небезпечна.", "Ситуація небезпечна.", "Ситуація трохи небезпечна."),
])
def test_boosters_and_dampeners_move_the_intensity(lang, boosted, plain, damped):
    b, p, d = (abs(compound(t, lang)) for t in (boosted, plain, damped))
    assert b > p > d > 0


def test_contrast_weights_the_clause_after_but():
    # one positive and one negative word of similar strength: the side after "но"/"але" wins
    assert compound("Решение хорошее, но опасное.", "ru") < 0
    assert compound("Решение опасное, но хорошее.", "ru") > 0
    assert compound("Рішення добре, але небезпечне.", "uk") < 0


@pytest.mark.parametrize("lang, text", [
    ("ru", "Вооружённые силы провели операцию на границе."),
    ("ru", "Стороны договорились о прекращении огня."),
    ("uk", "Збройні сили провели операцію на кордоні."),
    ("uk", "Сторони домовилися про припинення вогню."),
    ("ru", "Президент подписал указ о безопасности и обороне."),
])
def test_news_senses_are_not_sentiment(lang, text):
    # forces, an operation, fire (ceasefire), security and defence are neutral in news
    assert compound(text, lang) >= 0


def test_civilians_are_not_peace():
    # "мирные жители" are civilians: their deaths are not offset by a "peaceful" word
    assert compound("При обстреле погибли мирные жители.", "ru") == compound("При обстреле погибли жители.", "ru")
    assert compound("Під час обстрілу загинули мирні мешканці.", "uk") < 0


def test_a_strike_is_an_attack_not_luck():
    assert compound("Армия нанесла удар по городу.", "ru") < 0
    assert compound("Армія завдала удару по місту.", "uk") < 0


def test_inflected_forms_match_their_lemma():
    for text in ("Убийство", "убийства", "убийством", "убили"):
        assert compound(text, "ru") < 0, text
    for text in ("вбивство", "вбивства", "вбили", "вбивці"):
        assert compound(text, "uk") < 0, text


def test_scores_are_bounded_shares():
    text = "Ужасная война, жестокие убийства, террор, катастрофа и смерть."
    s = sentence_scores(tokens(text, "ru"), "ru")
    assert -1 <= s["compound"] < -0.9
    assert s["neg"] > s["neu"] > s["pos"] == 0
    assert abs(s["pos"] + s["neg"] + s["neu"] - 1) < 0.01
    assert sentence_scores(tokens("Стол стоит у окна.", "ru"), "ru")["compound"] == 0


def test_target_contrast_praise_and_condemnation():
    text = "Москва похвалила Анкару, но осудила Киев."
    assert toward(text, "Анкару", "ru")["label"] == 1
    assert toward(text, "Киев", "ru")["label"] == -1
    text = "Київ похвалив Анкару, але засудив Москву."
    assert toward(text, "Анкару", "uk")["label"] == 1
    assert toward(text, "Москву", "uk")["label"] == -1


def test_target_negation_aware():
    text = "Власти не поддержали Минск, зато поблагодарили Варшаву."
    assert toward(text, "Минск", "ru")["compound"] < 0
    assert toward(text, "Варшаву", "ru")["compound"] > 0


def test_target_window_limits_the_reach():
    text = ("Жестокое убийство потрясло город; через неделю в столице открылась выставка, "
            "где выступили художники из разных стран, а затем гостей принимал мэр Петров.")
    far = toward(text, "Петров", "ru", window=5, outside=0.5)
    assert far["compound"] == 0 and far["label"] == 0
    assert toward(text, "Петров", "ru", window=40, outside=0.5, decay=0)["compound"] < 0


def test_target_span_errors_name_the_problem():
    toks = tokens("Москва похвалила Анкару.", "ru")
    with pytest.raises(ValueError, match="empty"):
        target_scores(toks, (5, 5), "ru")
    with pytest.raises(ValueError, match="covers no token"):
        target_scores(toks, (100, 110), "ru")
    with pytest.raises(ValueError, match="choose from"):
        sentence_scores(toks, "be")


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_lexicon_lemmas_are_normal_forms(lang):
    lex = lexicon(lang)
    assert len(lex) >= 780
    wrong = [lemma for lemma in lex if _parse(lemma, lang)[0] != lemma]
    assert wrong == []
    # the news-sense review: these are deliberately neutral
    neutral = {"ru": ["сила", "операция", "огонь", "оборона", "безопасность", "мир", "мирный"],
               "uk": ["сила", "операція", "вогонь", "оборона", "безпека", "мир", "мирний"]}[lang]
    assert [lex[w] for w in neutral] == [0.0] * len(neutral)


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_lexicon_files_carry_provenance(lang):
    head = cyrillic.LEXICON_FILES[lang].read_text(encoding="utf-8")[:800]
    assert "VADER" in head and "MIT" in head and "Hutto" in head and "version" in head


def test_a_bad_lexicon_row_is_a_clear_error(tmp_path, monkeypatch):
    bad = tmp_path / "sentiment_ru.csv"
    bad.write_text("# header\nlemma,valence,source,note\nвойна,very bad,war,\n", encoding="utf-8")
    monkeypatch.setitem(cyrillic.LEXICON_FILES, "ru", bad)
    cyrillic.lexicon.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"sentiment_ru\.csv data row 1"):
            lexicon("ru")
    finally:
        cyrillic.lexicon.cache_clear()


def test_the_docs_page_names_every_rule_word():
    import re

    from newslens.paths import REPO_ROOT

    page = (REPO_ROOT / "docs" / "sentiment-ru-uk.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\w+", page))
    for table in (cyrillic.NEGATORS, cyrillic.BOOSTERS, cyrillic.DAMPENERS, cyrillic.CONTRASTS):
        for lang, words in table.items():
            assert sorted(words - named) == [], lang


@pytest.mark.parametrize("text", ["Уряд почав війну.", "Ціна війни зростає.",
                                  "Артилерія била по селищу."])
def test_ukrainian_tied_readings_find_the_lexicon_word(text):
    # the Ukrainian dictionary's readings tie and the first wins: «війну», «війни» are read as the rare verb
    # «війнути», «била» as the noun «било»; the other readings (noun «війна», verb «бити») find the lexicon word
    assert compound(text, "uk") < 0


def test_russian_takes_only_its_ranked_reading():
    # "вышли" is also the imperative of "выслать" (expel, in the lexicon): Russian readings are ranked, the
    # first one is kept
    assert compound("Делегаты вышли из зала.", "ru") == 0
    assert compound("Цена войны растёт.", "ru") < 0


@pytest.mark.parametrize("lang, text", [
    ("uk", "Армія знищує села."), ("uk", "Вони хотіли стерти місто з лиця землі."),
    ("uk", "Кремль намагається дестабілізувати регіон."), ("uk", "Телебачення спотворило історію."),
    ("uk", "Кредитори тиснуть на уряд."), ("uk", "Опозиція зірвала засідання."),
    ("uk", "Нацисти прийшли до міста."), ("uk", "Загарбники прийшли до міста."),
    ("ru", "Армия уничтожает деревни."), ("ru", "Они хотели стереть город с лица земли."),
    ("ru", "Кремль пытается дестабилизировать регион."), ("ru", "Телевидение исказило историю."),
    ("ru", "Кредиторы давят на правительство."), ("ru", "Оппозиция сорвала заседание."),
    ("ru", "Артиллерия била по посёлку."), ("ru", "Нацисты вошли в город."), ("ru", "Захватчики вошли в город."),
])
def test_war_verbs_and_names_of_the_enemy(lang, text):
    assert compound(text, lang) < 0


@pytest.mark.parametrize("lang, text, entity", [
    ("uk", "Сенат визнав країну державою-терористом.", "країну"),
    ("ru", "Сенат признал страну государством-террористом.", "страну"),
])
def test_an_unknown_hyphenated_compound_is_read_by_its_parts(lang, text, entity):
    assert toward(text, entity, lang)["label"] == -1


def test_a_compound_of_neutral_parts_stays_neutral():
    assert compound("Прем'єр-міністр прибув до Києва.", "uk") == 0


@pytest.mark.parametrize("lang, plain, so_called, entity", [
    ("uk", "Вони говорили про дружбу з Москвою.", "Вони говорили про так звану дружбу з Москвою.", "Москвою"),
    ("ru", "Они говорили о дружбе с Москвой.", "Они говорили о так называемой дружбе с Москвой.", "Москвой"),
    ("uk", "Вони згадали газову дружбу з Москвою.", "Вони згадали так звану газову дружбу з Москвою.", "Москвою"),
])
def test_so_called_cancels_a_positive_word(lang, plain, so_called, entity):
    assert toward(plain, entity, lang)["label"] == 1
    assert toward(so_called, entity, lang)["label"] == 0


def test_so_called_is_no_scare_quote_elsewhere():
    # a negative word after "so-called" keeps its sign; "так называем" (we call it so) is no scare quote
    assert compound("Уряд говорить про так звану загрозу.", "uk") < 0
    assert compound("Мы так называем это дружбой.", "ru") > 0


def test_a_russian_sentence_in_a_ukrainian_text_is_scored_with_the_russian_lexicon():
    # tokenized as Ukrainian (the text's language), read in Russian: "убивать", "насиловать" are negative
    sentence = "Как можно было насиловать женщин и убивать их на глазах у детей?"
    assert compound(sentence, "ru") < 0
    assert sentence_scores(tokens(sentence, "uk"), "uk")["compound"] == compound(sentence, "ru")
