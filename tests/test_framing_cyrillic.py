"""Framing terms in Russian and Ukrainian sentences written for these tests: lemma, phrase and exact matches
in any case, what must not match, and the term_mentions.csv columns."""

import pytest

from newslens.framing.cyrillic import COLUMNS, load_lexicon, parse_lexicon, term_mentions
from newslens.framing.lexicon import CATEGORIES, LexiconError
from newslens.schema import TERM_MENTIONS


def terms(sentence, lang):
    frame = term_mentions([sentence], lang)
    return [(r.term, r.category, r.surface) for r in frame.itertuples()]


@pytest.mark.parametrize("lang,sentence,expected", [
    ("ru", "Началась специальная военная операция.",
     ("специальная военная операция", "conflict_label", "специальная военная операция")),
    ("ru", "Итоги специальной военной операции подведут позже.",
     ("специальная военная операция", "conflict_label", "специальной военной операции")),
    ("uk", "Росія називає це спеціальною військовою операцією.",
     ("спеціальна військова операція", "conflict_label", "спеціальною військовою операцією")),
    ("ru", "Мир осудил вторжение.", ("вторжение", "conflict_label", "вторжение")),
    ("ru", "После вторжения цены выросли.", ("вторжение", "conflict_label", "вторжения")),
    ("uk", "Після вторгнення ціни зросли.", ("вторгнення", "conflict_label", "вторгнення")),
    ("ru", "Это оккупация.", ("оккупация", "conflict_label", "оккупация")),
    ("uk", "Під окупацією опинилися міста.", ("окупація", "conflict_label", "окупацією")),
    ("ru", "Так называемая республика провела выборы.", ("так называемый", "legitimacy_label", "Так называемая")),
    ("uk", "Так звана республіка провела вибори.", ("так званий", "legitimacy_label", "Так звана")),
    ("ru", "Против киевского режима выступили.", ("киевский режим", "legitimacy_label", "киевского режима")),
    ("uk", "Проти київського режиму виступили.", ("київський режим", "legitimacy_label", "київського режиму")),
    ("ru", "Боевики отступили.", ("боевик", "conflict_label", "Боевики")),
    ("uk", "Бойовиків відтіснили.", ("бойовик", "conflict_label", "Бойовиків")),
    ("ru", "Ополченцы заняли высоту.", ("ополченец", "conflict_label", "Ополченцы")),
    ("ru", "Сепаратистов поддержали.", ("сепаратист", "conflict_label", "Сепаратистов")),
    ("ru", "Так говорят о нацистах.", ("нацист", "conflict_label", "нацистах")),
    ("ru", "Власти ДНР объявили мобилизацию.", ("ДНР", "legitimacy_label", "ДНР")),
    ("ru", "Он, якобы, уехал.", ("якобы", "hedge", "якобы")),
    ("uk", "Він нібито поїхав.", ("нібито", "hedge", "нібито")),
    ("ru", "Он, возможно, уехал.", ("возможно", "hedge", "возможно")),
    ("ru", "По данным разведки, колонна ушла.", ("по данным", "hedge", "По данным")),
    ("uk", "За даними розвідки, колона пішла.", ("за даними", "hedge", "За даними")),
    ("ru", "Это, безусловно, победа.", ("безусловно", "certainty_marker", "безусловно")),
    ("uk", "Це, безумовно, перемога.", ("безумовно", "certainty_marker", "безумовно")),
    ("ru", "Очевидно, что это ошибка.", ("очевидно", "certainty_marker", "Очевидно")),
    ("ru", "Из Киева пришел ответ.", ("Киев", "naming_choice", "Киева")),
    ("uk", "З Києва прийшла відповідь.", ("Київ", "naming_choice", "Києва")),
    ("ru", "Бои на Донбассе продолжаются.", ("Донбасс", "naming_choice", "Донбассе")),
    ("uk", "Бої на Донбасі тривають.", ("Донбас", "naming_choice", "Донбасі")),
    ("ru", "Он живет на Украине.", ("на Украине", "naming_choice", "на Украине")),
    ("ru", "Он живет в Украине.", ("в Украине", "naming_choice", "в Украине")),
    ("ru", "Режим в Минске сохраняется.", ("режим", "legitimacy_label", "Режим")),   # the label itself still counts
])
def test_matches(lang, sentence, expected):
    assert expected in terms(sentence, lang)


@pytest.mark.parametrize("lang,sentence", [
    ("ru", "Так называют это место местные жители."),      # "so they call it": not "так называемый"
    ("ru", "Режим тишины соблюдается."),                   # a ceasefire, not the label "режим"
    ("uk", "Працюємо в режимі онлайн."),                   # a mode, not the label
    ("ru", "В регионе введен режим ЧС."),                  # administrative "режим": an emergency regime
    ("ru", "Власти продлили визовый режим."),              # a visa regime
    ("ru", "Санкционный режим ужесточен."),                # a sanctions regime
    ("uk", "Безвізовий режим із ЄС діє."),                 # visa-free travel
    ("uk", "У регіоні запроваджено режим надзвичайної ситуації."),
    ("ru", "Его приговорили к семи годам колонии строгого режима."),   # a penal colony's regime
    ("ru", "Суд назначил отбывание в колонии общего режима."),
    ("uk", "Його засудили до восьми років колонії суворого режиму."),
    ("ru", "Конечный результат известен."),                # "конечный" (final) is not "конечно"
    ("ru", "Днр не пишут строчными."),                     # the acronym only in capitals
    ("ru", "Киевская Русь приняла христианство."),         # the adjective is not the city's name
])
def test_does_not_match(lang, sentence):
    assert terms(sentence, lang) == []


def test_a_language_reads_only_its_own_entries():
    assert ("Київ", "naming_choice", "Київ") not in terms("Київ", "ru")
    assert [t for t, *_ in terms("Вторжение началось.", "uk")] == []


def test_columns_offsets_and_positions():
    text = "Вступление.\n\nВ ходе вторжения, по данным разведки, погибли люди."
    frame = term_mentions(["Вступление.", "В ходе вторжения, по данным разведки, погибли люди."], "ru",
                          starts=[0, 13], sentence_ids=[1, 2], paragraph_ids=[1, 2])
    assert list(frame.columns) == TERM_MENTIONS.column_names()
    assert [text[r.start:r.end] for r in frame.itertuples()] == ["вторжения", "по данным"]
    assert frame["word_position"].tolist() == [4, 5] and frame["paragraph_id"].tolist() == [2, 2]
    assert frame["counted"].all() and frame["quote_id"].isna().all()


def test_a_hit_inside_a_quoted_title_is_listed_not_counted():
    class Span:
        quote_id, start, end, kind, is_title = 1, 0, 30, "scare quote", True

    frame = term_mentions(["«Вторжение» — название фильма."], "ru", quotes=[Span()])
    assert frame["counted"].tolist() == [False] and frame["quote_id"].tolist() == [1]
    assert frame["not_counted_reason"].tolist() == ["inside a quoted title"]


def test_lexicon_rows_are_complete():
    lexicon = load_lexicon()
    assert lexicon.version.count(".") == 2
    for e in lexicon.entries:
        assert e.category in CATEGORIES and e.gloss and e.source
    assert {e.lang for e in lexicon.entries} == {"ru", "uk"}


def test_a_bad_lexicon_row_is_named(tmp_path):
    bad = tmp_path / "lexicon.csv"
    bad.write_text(",".join(COLUMNS) + "\nвойна,by,,lemma,frame_conflict,,,war,,Hyland 2005,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="lexicon.csv line 2 .*lang must be one of"):
        parse_lexicon(bad)


def test_the_innermost_quote_holding_a_hit_is_given():
    class Span:
        def __init__(self, quote_id, start, end, kind):
            self.quote_id, self.start, self.end, self.kind, self.is_title = quote_id, start, end, kind, False

    sentence = "Он сказал: «Это не «вторжение», а помощь». Вторжение продолжилось."
    inner = sentence.index("«вторжение»")
    spans = [Span(1, sentence.index("«Это"), sentence.index("»."), "attributed quotation"),
             Span(2, inner, inner + len("«вторжение»"), "scare quote")]
    frame = term_mentions([sentence], "ru", quotes=spans)
    assert frame["surface"].tolist() == ["вторжение", "Вторжение"]
    assert frame["quote_id"].iloc[0] == 2 and frame["quote_id"].isna().tolist() == [False, True]
    assert frame["quote_kind"].tolist() == ["scare quote", ""] and frame["counted"].all()


@pytest.mark.parametrize("row", ["война,ru,,lemma", "война,ru,,lemma,frame_conflict,,,war,,Hyland 2005,,extra"])
def test_a_row_with_too_few_or_too_many_fields_is_named(tmp_path, row):
    bad = tmp_path / "lexicon.csv"
    bad.write_text(",".join(COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="lexicon.csv line 2: 11 fields expected"):
        parse_lexicon(bad)
