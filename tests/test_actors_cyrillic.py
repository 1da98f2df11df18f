"""Actors in Russian and Ukrainian articles: which actors are found in which inflected forms, their roles from
the places stage, and the sign of their scores. The sentences are written for these tests."""

import pytest

import newslens
from newslens.sentiment import actors_cyrillic
from newslens.sentiment.actors_cyrillic import load_aliases
from newslens.text.loader import load_text


def _analyse(text: str, lang: str, extras=("target_sentiment", "intervals")):
    return newslens.analyze(load_text("Заголовок\n\n" + text + "\n", "written.txt", "auto", lang=lang),
                            newslens.Options(extras=list(extras)))


def _found(result):
    m = result["actor_mentions"]
    return list(zip(m["actor"], m["written"], m["role"]))


@pytest.mark.parametrize("lang, text, expected", [
    ("ru", "Переговоры с Россией и санкции против России обсуждали, а Кремлём недовольны.",
     [("Russia", "Россией"), ("Russia", "России"), ("Russia", "Кремлём")]),
    ("uk", "Санкції проти Росії та заява Кремля, а Київ подякував Вашингтону.",
     [("Russia", "Росії"), ("Russia", "Кремля"), ("Ukraine", "Київ"), ("United States", "Вашингтону")]),
    ("ru", "США и НАТО поддержали Украину, а ЕС ввёл санкции.",
     [("United States", "США"), ("NATO", "НАТО"), ("Ukraine", "Украину"), ("European Union", "ЕС")]),
    ("uk", "США і НАТО підтримали Україну, а ЄС запровадив санкції.",
     [("United States", "США"), ("NATO", "НАТО"), ("Ukraine", "Україну"), ("European Union", "ЄС")]),
    # words of a longer alias in another case, and person names in any case
    ("ru", "Президент Соединённых Штатов позвонил Си Цзиньпину, Европейского союза там не было.",
     [("United States", "Соединённых Штатов"), ("China", "Си Цзиньпину"), ("European Union", "Европейского союза")]),
    ("uk", "Журналісти запитали Пєскова про Путіна, Зеленського та Ердогана.",
     [("Russia", "Пєскова"), ("Russia", "Путіна"), ("Ukraine", "Зеленського"), ("Turkey", "Ердогана")]),
])
def test_actors_are_found_in_their_inflected_forms(lang, text, expected):
    assert [(actor, written) for actor, written, _ in _found(_analyse(text, lang))] == expected


@pytest.mark.parametrize("lang, text, expected", [
    # the direction, the fishing season ("путина"), sand ("песок"): not the West, Putin or Peskov
    ("ru", "Запад поддержал Киев. Ветер дул на запад. Сезон путина начался. Песок засыпал дорогу.",
     [("the West", "Запад"), ("Ukraine", "Киев")]),
    ("uk", "Захід підтримав Київ. Вітер дув на захід.", [("the West", "Захід"), ("Ukraine", "Київ")]),
    # an exclusion holds back the alias inside it, and the country the places stage would add
    ("ru", "В Латинской Америке спокойно, а Америка молчит.", [("United States", "Америка")]),
])
def test_case_guards_and_exclusions(lang, text, expected):
    assert [(actor, written) for actor, written, _ in _found(_analyse(text, lang))] == expected


def test_a_hyphenated_word_names_each_actor_in_it_as_a_compound():
    m = _analyse("Совет Россия-НАТО не собирался.", "ru")["actor_mentions"]
    assert list(zip(m["actor"], m["form"], m["written"])) == [("Russia", "compound", "Россия-НАТО"),
                                                             ("NATO", "compound", "Россия-НАТО")]


@pytest.mark.parametrize("lang, text", [
    ("ru", "В Киеве прошла встреча. Турецкие беспилотники прибыли. Украина не в НАТО."),
    ("uk", "У Києві відбулася зустріч. Турецькі безпілотники прибули. Україна не в НАТО."),
])
def test_settings_and_origins_are_counted_apart_and_not_scored(lang, text):
    result = _analyse(text, lang)
    assert [role for _, _, role in _found(result)] == ["setting", "origin", "acting", "setting"]
    actors = result["actors"].set_index("actor")
    # only Ukraine acts (sentence 3); Kyiv in sentence 1 is its setting, the drones Turkey's origin, NATO a frame
    assert list(actors.index) == ["Ukraine"] and actors.loc["Ukraine", "sentence_ids"] == "3"
    assert actors.loc["Ukraine", "setting_mentions"] == 1


@pytest.mark.parametrize("lang, text", [
    ("ru", "Москва похвалила Анкару, но осудила Киев."),
    ("uk", "Москва похвалила Анкару, але засудила Київ."),
])
def test_target_scores_tell_the_praised_from_the_condemned(lang, text):
    result = _analyse(text, lang)
    m = result["actor_mentions"].set_index("actor")
    assert m.loc["Turkey", "target_label"] == "positive" and m.loc["Turkey", "target_score"] > 0
    assert m.loc["Ukraine", "target_label"] == "negative" and m.loc["Ukraine", "target_score"] < 0
    actors = result["actors"].set_index("actor")
    # near every actor: the whole sentence's score, negative ("но" weighs the condemnation more)
    assert (actors["mean_compound"] < 0).all()
    assert actors.loc["Turkey", "mean_target_score"] > 0 > actors.loc["Ukraine", "mean_target_score"]


@pytest.mark.parametrize("lang, text", [
    ("ru", "Россия жестоко атаковала мирные города. Украина благодарна Польше за щедрую помощь. "
           "Украина потеряла ещё один город."),
    ("uk", "Росія жорстоко атакувала мирні міста. Україна вдячна Польщі за щедру допомогу. "
           "Україна втратила ще одне місто."),
])
def test_actor_scores_take_the_sign_of_their_sentences_with_english_columns_and_intervals(lang, text):
    result = _analyse(text, lang)
    actors = result["actors"].set_index("actor")
    assert actors.loc["Russia", "mean_compound"] < 0 < actors.loc["Poland", "mean_compound"]
    assert actors.loc["Ukraine", "sentences"] == 2 and actors.loc["Ukraine", "sentence_ids"] == "2;3"
    # two sentences: a bootstrap interval as in English, around the mean
    assert actors.loc["Ukraine", "ci_low"] <= actors.loc["Ukraine", "mean_compound"] <= actors.loc["Ukraine", "ci_high"]
    assert actors.loc["Russia", "note"] == "one sentence: no interval"
    # one score in these languages: the reference columns repeat it
    assert (actors["vader_mean_compound"] == actors["mean_compound"]).all()
    english = newslens.analyze(newslens.seed_path(), newslens.Options(extras=["target_sentiment", "intervals"]))
    assert list(result["actors"].columns) == list(english["actors"].columns)
    assert list(result["actor_mentions"].columns) == list(english["actor_mentions"].columns)


def test_without_extras_the_tables_have_the_default_columns_and_records_are_given():
    result = _analyse("Россия атаковала Украину.", "ru", extras=())
    assert "target_score" not in result["actor_mentions"] and result["actors"]["ci_low"].isna().all()
    assert [m.actor for m in result.annotations["actor_mentions"]] == ["Russia", "Ukraine"]


def test_article_json_says_actors_are_available_and_comparisons_not_applicable():
    readings = _analyse("Россия атаковала Украину.", "ru").metadata["language"]["readings"]
    assert readings["actors.csv"].startswith("available: the mean Russian sentence score")
    assert readings["actor_mentions.csv"].startswith("available")
    assert readings["sentiment_agreement.csv"].startswith("not applicable in Russian")
    assert readings["sentiment_disagreements.csv"].startswith("not applicable in Russian")


def test_a_malformed_alias_row_names_the_file_and_the_row(tmp_path, monkeypatch):
    bad = tmp_path / "actors_cyrillic.csv"
    bad.write_text("# header\nlang,actor,aliases,kind,source\nru,Russia,Россия,country,name\nru,Russia,,country,x\n",
                   encoding="utf-8")
    monkeypatch.setattr(actors_cyrillic, "ACTORS_FILE", bad)
    load_aliases.cache_clear()
    try:
        with pytest.raises(ValueError, match="actors_cyrillic.csv data row 2"):
            load_aliases("ru")
    finally:
        load_aliases.cache_clear()


def test_notebook_notes_name_the_method_for_russian_and_say_nothing_for_english():
    from newslens.report.findings import actor_score_words, english_method_note, target_method_note

    russian = _analyse("Россия атаковала Украину.", "ru")
    english = newslens.analyze(newslens.seed_path())
    assert actor_score_words(russian) == ("mean_compound: the Russian lexicon with VADER's rules, the one sentence "
                                          "score of a Russian article (vader_mean_compound repeats it).")
    assert actor_score_words(english).startswith("mean_compound: news-sense VADER (primary)")
    assert english_method_note(english, "The figures below") is None and target_method_note(english) is None
    assert "concern the English method" in english_method_note(russian, "The figures below").text
    note = target_method_note(russian).text
    assert "fitted on RuSentNE-2023" in note and "0.454 on its validation split" in note


def test_a_russian_sentence_in_a_ukrainian_text_finds_the_russian_aliases():
    result = _analyse("Україна звертається до світу. Я хочу, чтобы все руководители Российской Федерации "
                      "увидели это. Вот такое решение Кремля.", "uk")
    m = result["actor_mentions"]
    # matched by the Russian alias list (before, only the places stage added them, as unlisted countries)
    assert list(zip(m["actor"], m["alias"], m["written"])) == [
        ("Ukraine", "Україна", "Україна"), ("Russia", "Российская Федерация", "Российской Федерации"),
        ("Russia", "Кремль", "Кремля")]


@pytest.mark.parametrize("lang, text", [
    ("uk", "Бо Росію вигнали з міста."),
    ("ru", "Союзники предали Украину."),
])
def test_a_state_acted_upon_is_not_acting(lang, text):
    roles = [role for _, _, role in _found(_analyse(text, lang, extras=()))]
    assert roles and "acting" not in roles


@pytest.mark.parametrize("lang, text", [
    ("uk", "Ми не дозволимо Росії зупинити експорт зерна."),
    ("ru", "Мы не позволим России остановить экспорт зерна."),
])
def test_a_dative_before_an_infinitive_is_its_agent(lang, text):
    assert [role for _, _, role in _found(_analyse(text, lang, extras=()))] == ["acting"]
