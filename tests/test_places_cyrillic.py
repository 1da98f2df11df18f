"""Places in Russian and Ukrainian sentences written for these tests: which place each name resolves to (the
same as the English gazetteer's), in any grammatical case, which role the rules give, and what is not a place."""

import pytest

from newslens.places.cyrillic import place_mentions
from newslens.places.cyrillic_gazetteer import read_aliases
from newslens.places.cyrillic_roles import RULES, rules_frame
from newslens.places.gazetteer import load_gazetteer
from newslens.schema import PLACE_MENTIONS


def rows(sentences, lang, **kw):
    frame = place_mentions(sentences, lang, **kw)
    return [(r.surface, r.place, r.role, r.rule) for r in frame.itertuples()]


def one(sentence, lang, surface):
    frame = place_mentions([sentence], lang)
    hit = frame[frame["surface"] == surface]
    assert len(hit) == 1, (surface, frame[["surface", "place", "rule"]].to_dict("records"))
    return hit.iloc[0]


@pytest.mark.parametrize("lang,sentence,surface,place,country", [
    ("ru", "Делегация прибыла в Киев.", "Киев", "Kyiv", "UA"),
    ("ru", "Переговоры прошли в Киеве.", "Киеве", "Kyiv", "UA"),
    ("ru", "Делегация уехала из Киева.", "Киева", "Kyiv", "UA"),
    ("uk", "Делегація прибула до Києва.", "Києва", "Kyiv", "UA"),
    ("uk", "Переговори відбулися в Києві.", "Києві", "Kyiv", "UA"),       # pymorphy3's lemma is "кий"
    ("ru", "Бои идут на Донбассе.", "Донбассе", "Donbas", "UA"),
    ("uk", "Бої тривають на Донбасі.", "Донбасі", "Donbas", "UA"),
    ("ru", "Жители Харькова ушли в укрытия.", "Харькова", "Kharkiv", "UA"),
    ("uk", "Жителі Харкова пішли в укриття.", "Харкова", "Kharkiv", "UA"),
    ("ru", "Концерт прошел в Москве.", "Москве", "Moscow", "RU"),
    ("uk", "Концерт відбувся в Москві.", "Москві", "Moscow", "RU"),
    ("ru", "Отдыхающие вернулись из Крыма.", "Крыма", "Crimea", "UA"),
    ("uk", "Відпочивальники повернулися з Криму.", "Криму", "Crimea", "UA"),
    ("ru", "Самолет сел в Анкаре.", "Анкаре", "Ankara", "TR"),
    ("ru", "Туристы отдыхают в Турции.", "Турции", "Turkey", "TR"),
    ("uk", "Туристи відпочивають у Туреччині.", "Туреччині", "Turkey", "TR"),
    ("ru", "Граница Украины проходит здесь.", "Украины", "Ukraine", "UA"),
    ("uk", "Кордон України проходить тут.", "України", "Ukraine", "UA"),
    ("ru", "Корабли вошли в Черное море.", "Черное море", "Black Sea", ""),
    ("ru", "Корабли стоят в Черном море.", "Черном море", "Black Sea", ""),
    ("uk", "Кораблі стоять у Чорному морі.", "Чорному морі", "Black Sea", ""),
    ("ru", "Войска стоят в Приднестровье.", "Приднестровье", "Transnistria", "MD"),
    ("ru", "Обстрелы Харьковщины продолжаются.", "Харьковщины", "Kharkivska oblast", "UA"),
    ("uk", "Обстріли Харківщини тривають.", "Харківщини", "Kharkivska oblast", "UA"),
    ("ru", "Погода в Донецке испортилась.", "Донецке", "Donetsk", "UA"),     # not Donetsk, Rostov oblast
    ("ru", "Поезд пришел в Бахмут.", "Бахмут", "Bakhmut", "UA"),
    ("ru", "Выпускники уехали в Херсон.", "Херсон", "Kherson", "UA"),
])
def test_resolves_to_the_english_gazetteers_place(lang, sentence, surface, place, country):
    row = one(sentence, lang, surface)
    assert (row["place"], row["country_code"]) == (place, country)


def test_moscow_is_russias_even_though_idaho_has_one():
    row = one("Москва ответила быстро.", "ru", "Москва")
    assert (row["place"], row["country_code"], row["country_named"]) == ("Moscow", "RU", "Russia")


def test_place_key_is_the_english_gazetteers():
    g = load_gazetteer()
    for row in read_aliases():
        if row["target"] and not row["target"].startswith("subdivision:"):
            assert g.place(row["target"]) is not None, row


@pytest.mark.parametrize("lang,sentence,surface,role,rule", [
    ("ru", "Киев заявил о готовности к переговорам.", "Киев", "actor", "subject_of_verb"),
    ("uk", "Москва вважає ці вимоги неприйнятними.", "Москва", "actor", "subject_of_verb"),
    ("ru", "Анкара поставила беспилотники.", "Анкара", "actor", "subject_of_verb"),
    ("ru", "Об этом заявила Анкара.", "Анкара", "actor", "subject_of_verb"),
    ("ru", "Власти Украины ответили.", "Украины", "actor", "genitive_after_agent_noun"),
    ("ru", "МИД России выступил с заявлением.", "России", "actor", "genitive_after_agent_noun"),
    ("ru", "Президент Турции прилетел.", "Турции", "actor", "genitive_after_agent_noun"),
    ("uk", "Президент Туреччини прилетів.", "Туреччини", "actor", "genitive_after_agent_noun"),
    ("uk", "Влада України відповіла.", "України", "actor", "genitive_after_agent_noun"),
    ("ru", "Министр иностранных дел России прилетел.", "России", "actor", "genitive_after_agent_noun"),
    ("ru", "В Москве заявили, что ответят.", "Москве", "actor", "in_place_said"),
    ("uk", "У Києві вважають, що це провокація.", "Києві", "actor", "in_place_said"),
    ("ru", "Анкара продала Киеву беспилотники.", "Киеву", "actor", "recipient_of_transfer"),
    ("ru", "Турецкие беспилотники ударили по колонне.", "Турецкие", "attribute", "default_demonym"),
    ("uk", "Турецькі безпілотники вдарили по колоні.", "Турецькі", "attribute", "default_demonym"),
    ("ru", "Российский паспорт лежал на столе.", "Российский", "attribute", "default_demonym"),
    ("uk", "Український прапор висів над школою.", "Український", "attribute", "default_demonym"),
    ("ru", "Российские власти ответили.", "Российские", "actor", "demonym_before_agent_noun"),
    ("uk", "Київський режим відповів.", "Київський", "actor", "demonym_before_agent_noun"),
    ("ru", "Переговоры прошли в Киеве.", "Киеве", "literal", "locative_preposition"),
    ("ru", "Бои идут на Донбассе.", "Донбассе", "literal", "locative_preposition"),
    ("uk", "Ми гуляли у Харкові.", "Харкові", "literal", "locative_preposition"),
    ("ru", "Кремль ответил.", "Кремль", "actor", "bloc_or_organisation"),
    ("uk", "Донбас заявив про готовність.", "Донбас", "literal", "default_region"),   # a region does not act
])
def test_roles(lang, sentence, surface, role, rule):
    row = one(sentence, lang, surface)
    assert (row["role"], row["rule"]) == (role, rule)


def test_kievan_rus_is_a_historical_state_not_kyivs_government():
    for lang, sentence, surface in (("ru", "Киевская Русь приняла христианство.", "Киевская Русь"),
                                    ("uk", "Київська Русь прийняла християнство.", "Київська Русь")):
        row = one(sentence, lang, surface)
        assert (row["kind"], row["place"], row["role"]) == ("excluded", "", "not_a_place")


def test_what_is_not_a_place():
    assert rows(["Писатель Донецкий прочитал лекцию."], "ru") == []          # a surname, not Donetsk
    assert rows(["Того же мнения придерживается автор."], "ru") == []         # the pronoun, not Togo
    assert rows(["Солнце садится на запад."], "ru") == []                     # the direction, not the West
    assert rows(["Кий лежал на бильярдном столе."], "ru") == []               # a cue, not Kyiv
    assert rows(["Орел и решка.", "Мирный атом служит людям."], "ru") == []   # common words at a sentence start
    assert rows(["Иван Грозный правил долго.", "Владимир Зеленский выступил."], "ru") == []   # persons
    assert rows(["Володимир Зеленський виступив."], "uk") == []
    assert rows(["Белая церковь стояла на холме."], "ru") == []               # a church; the town is "Белая Церковь"


def test_towns_named_like_words_are_kept_where_they_are_places():
    assert [p for _, p, _, _ in rows(["Жители вернулись в Орел."], "ru")] == ["Orël"]     # mid-sentence
    assert [p for _, p, _, _ in rows(["Буча стала символом.", "Сумы обстреляли."], "ru")] == ["Bucha", "Sumy"]
    assert [p for _, p, _, _ in rows(["Туреччина заявила про підтримку.", "Суми обстріляли."], "uk")] == ["Turkey", "Sumy"]
    assert [p for _, p, _, _ in rows(["Белая Церковь встретила гостей."], "ru")] == ["Bila Tserkva"]


def test_offsets_point_into_the_callers_text():
    text = "Первое предложение.\n\nВ Киеве тихо. Москва ответила."
    sentences, starts = ["Первое предложение.", "В Киеве тихо.", "Москва ответила."], [0, 21, 35]
    frame = place_mentions(sentences, "ru", starts=starts, sentence_ids=[1, 2, 3], paragraph_ids=[1, 2, 2])
    assert [text[r.start:r.end] for r in frame.itertuples()] == ["Киеве", "Москва"]
    assert frame["sentence_id"].tolist() == [2, 3] and frame["paragraph_id"].tolist() == [2, 2]
    assert list(frame.columns) == PLACE_MENTIONS.column_names()


def test_default_offsets_join_sentences_with_a_space():
    frame = place_mentions(["Тихо.", "Киев ответил."], "ru")
    assert (frame.loc[0, "start"], frame.loc[0, "end"], frame.loc[0, "sentence_id"]) == (6, 10, 2)


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="Russian or Ukrainian"):
        place_mentions(["Kyiv said."], "en")
    with pytest.raises(ValueError, match="starts has 1 values for 2 sentences"):
        place_mentions(["а", "б"], "ru", starts=[0])


def test_empty_input_gives_the_declared_columns():
    frame = place_mentions([], "uk")
    assert frame.empty and list(frame.columns) == PLACE_MENTIONS.column_names()


def test_every_rule_is_listed_with_what_it_looks_for():
    table = rules_frame()
    assert table["rule"].tolist() == [r.name for r in RULES] and table["looks_for"].str.len().min() > 20


def test_hyphenated_compounds_of_two_parties():
    frame = place_mentions(["Российско-турецкие отношения улучшились.", "Саммит НАТО-Россия отменили."], "ru")
    assert [(r.surface, r.place, r.role, r.compound) for r in frame.itertuples()] == [
        ("Российско", "Russia", "actor", "Российско-турецкие"), ("турецкие", "Turkey", "actor", "Российско-турецкие"),
        ("НАТО", "NATO", "actor", "НАТО-Россия"), ("Россия", "Russia", "actor", "НАТО-Россия")]
    uk = place_mentions(["Українсько-турецькі переговори тривають."], "uk")
    assert uk["place"].tolist() == ["Ukraine", "Turkey"] and uk["rule"].tolist() == ["compound_of_parties"] * 2


def test_a_hyphenated_name_is_one_place():
    frame = place_mentions(["Делегация прилетела в Нью-Йорк."], "ru")
    assert frame[["surface", "place", "compound"]].values.tolist() == [["Нью-Йорк", "New York City", ""]]


def test_every_word_list_is_sourced_sorted_and_used():
    import csv
    from pathlib import Path

    import newslens.places.cyrillic_roles as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    with open(module.WORDS_FILE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    bases = {}
    for row in rows:
        words = row["words"].split("|")
        assert row["meaning"] and row["source"] and words == sorted(set(words)), row["list"]
        base, lang = row["list"].rsplit("_", 1)
        bases.setdefault(base, set()).add(lang)
    for base, langs in bases.items():
        assert langs == {"ru", "uk"}, base                      # every list in both languages
        assert f'"{base}"' in source, f"{base} is read by no rule"


@pytest.mark.parametrize("lang,sentence,surface,role,rule", [
    # a verb that addresses, urges, accuses or judges a state named as its object
    ("ru", "Министр попросил Москву отложить решение.", "Москву", "actor", "object_of_addressing_verb"),
    ("ru", "Оппозиция обвинила Турцию во вмешательстве.", "Турцию", "actor", "object_of_addressing_verb"),
    ("uk", "Прем'єр закликав Варшаву діяти швидше.", "Варшаву", "actor", "object_of_addressing_verb"),
    ("ru", "Он посетил Москву в мае.", "Москву", "literal", "object_of_verb"),      # a visit: the city
    # a noun of an act with the state in the genitive: the state acts
    ("ru", "Атака Турции продолжалась всю ночь.", "Турции", "actor", "genitive_after_agent_noun"),
    ("uk", "Допомога Литви прибула вчора.", "Литви", "actor", "genitive_after_agent_noun"),
    ("ru", "Обращение МВД Грузии опубликовано вечером.", "Грузии", "actor", "genitive_after_agent_noun"),
    ("uk", "Мер Львова відкрив засідання.", "Львова", "actor", "genitive_after_agent_noun"),
    ("ru", "Делегация говорила с турецкой стороной.", "турецкой", "actor", "demonym_before_agent_noun"),
    # more verbs whose subject, a state, acts
    ("ru", "Ранее Анкара обратилась к соседям с просьбой.", "Анкара", "actor", "subject_of_verb"),
    ("uk", "Литва дає генератори.", "Литва", "actor", "subject_of_verb"),
    # a name alone in quotation marks after a word names a building, a company or a ship
    ("ru", "Гости жили в гостинице «Москва» неделю.", "Москва", "not_a_place", "name_in_title_quotes"),
    ("uk", "Судно «Одеса» вийшло з порту.", "Одеса", "not_a_place", "name_in_title_quotes"),
    # marks that distance the writer from the name leave it a place
    ("uk", "Вони діють за прикладом так званої «ДНР».", "ДНР", "literal", "default_name"),
    ("ru", "Боевики в «ЛНР» готовятся.", "ЛНР", "literal", "default_name"),
])
def test_roles_found_by_the_real_text_hand_check(lang, sentence, surface, role, rule):
    hit = one(sentence, lang, surface)
    assert (hit["role"], hit["rule"]) == (role, rule)


@pytest.mark.parametrize("lang,sentence,surface,role,rule", [
    # the dative of a name after a preposition is the locative: no recipient of a transfer
    ("uk", "Ви допомагаєте нам в Україні.", "Україні", "literal", "locative_preposition"),
    ("uk", "Партнери передали зброю у Львові.", "Львові", "literal", "locative_preposition"),
    # an accusative or dative name governed by a verb is acted upon, not the state acting
    ("uk", "Бо Росію вигнали.", "Росію", "literal", "object_of_verb"),
    ("uk", "Вони думали, що, відмовивши Україні, зможуть домовитися.", "Україні", "literal", "object_of_verb"),
    ("uk", "Вони хотіли поділити нашу державу й Україну.", "Україну", "literal", "object_of_verb"),
    ("ru", "Они обстреляли Киев.", "Киев", "literal", "object_of_verb"),
    ("ru", "Киев ответил.", "Киев", "actor", "subject_of_verb"),                 # the same form as subject
    ("ru", "Москва похвалила Анкару.", "Анкару", "actor", "object_of_addressing_verb"),   # judged: addressed
])
def test_objects_of_verbs_and_the_locative(lang, sentence, surface, role, rule):
    hit = one(sentence, lang, surface)
    assert (hit["role"], hit["rule"]) == (role, rule)


def test_city_adjectives_and_people_and_a_surname_after_a_given_name():
    assert rows(["Одесский порт и харьковские заводы работали, львовяне помогали."], "ru") == [
        ("Одесский", "Odesa", "attribute", "default_demonym"),
        ("харьковские", "Kharkiv", "attribute", "default_demonym"),
        ("львовяне", "Lviv", "attribute", "default_demonym")]
    assert rows(["Шановні кияни, севастопольці теж чекають."], "uk") == [
        ("кияни", "Kyiv", "attribute", "default_demonym"), ("севастопольці", "Sevastopol", "attribute",
                                                          "default_demonym")]
    # a town's spelling after a given name is a surname: no Bolton, England
    assert rows(["Сенаторы ждали визита Джона Болтона в Варшаву."], "ru") == [
        ("Варшаву", "Warsaw", "literal", "locative_preposition")]


def test_a_sentence_in_the_other_language_is_read_with_its_own_gazetteer():
    # an address to Russians inside a Ukrainian text: Russian spellings, Russian rules
    assert rows(["Уважаемые граждане Российской Федерации, этой ночью бомбили Одессу.", "Київ заявив про удар."],
                "uk") == [("Российской Федерации", "Russia", "literal", "default_name"),
                          ("Одессу", "Odesa", "literal", "object_of_verb"),
                          ("Київ", "Kyiv", "actor", "subject_of_verb")]
    # a Ukrainian quotation inside a Russian text
    assert rows(["«Ми захистимо Харків», — сказал он.", "Харьков готовится."], "ru")[0][:2] == ("Харків", "Kharkiv")


def test_a_coordinated_name_takes_the_role_of_the_one_before():
    assert rows(["Прем'єр-міністри Естонії та Латвії прибули до Праги та Варшави."], "uk") == [
        ("Естонії", "Estonia", "actor", "genitive_after_agent_noun"),
        ("Латвії", "Latvia", "actor", "coordinated:genitive_after_agent_noun"),
        ("Праги", "Prague", "literal", "locative_preposition"),
        ("Варшави", "Warsaw", "literal", "coordinated:locative_preposition")]
    assert rows(["Министр попросил Анкару и Афины не спешить."], "ru") == [
        ("Анкару", "Ankara", "actor", "object_of_addressing_verb"),
        ("Афины", "Athens", "actor", "coordinated:object_of_addressing_verb")]
    # no conjunction between them: each keeps its own rule
    assert rows(["Власти Латвии сообщили, Эстония молчит."], "ru")[1][3] == "default_name"
