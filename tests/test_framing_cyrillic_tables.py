"""The framing tables of Russian and Ukrainian articles beyond term_mentions.csv: terms, term categories, naming
choices, keyness on lemmas, cues with their voice, cue rates and collocations, on sentences written for these
tests."""

import pytest
from wordfreq import word_frequency

import newslens
from newslens.framing.cyrillic import load_lexicon
from newslens.framing.lexicon import CATEGORIES
from newslens.schema import ARTICLE_TABLES, problems
from newslens.text.loader import load_text

RUSSIAN = """Так называемый киевский режим продолжает обстрелы Донбасса. Хунта в Киеве, безусловно, боится выборов.

«Это не нацисты, а обычные солдаты», — сказал пресс-секретарь президента Дмитрий Песков. По его словам, так называемая «помощь» Запада лишь затягивает конфликт.

Возможно, переговоры возобновятся на Украине. Агрессия против Донбасса продолжается, заявила Мария Захарова.

Так называемая «помощь» не помогает."""

UKRAINIAN = """Російські бойовики знову обстріляли Харків. Рашисти, нібито, готують новий наступ на Донбасі.

«Окупанти не пройдуть», — заявив Дмитро Кулеба журналістам у Києві. За його словами, агресія Росії триває.

Російські ЗМІ досі пишуть Киев, а не Київ. Окупація Криму триває з 2014 року."""


def analyse(text, lang, extras=()):
    return newslens.analyze(load_text(text, "test", "body", lang=lang), newslens.Options(extras=list(extras)))


@pytest.fixture(scope="module")
def ru():
    return analyse(RUSSIAN, "ru", ["collocations"])


@pytest.fixture(scope="module")
def uk():
    return analyse(UKRAINIAN, "uk", ["collocations"])


def found(terms):
    rows = terms[terms["count"] > 0]
    return {(r.term, r.category): r for r in rows.itertuples()}


def test_every_framing_table_keeps_the_english_columns(ru, uk):
    for result in (ru, uk):
        for name in ("terms.csv", "term_categories.csv", "naming_choices.csv", "keyness.csv", "cues.csv",
                     "cue_rates.csv", "collocations.csv"):
            assert problems(result[name], ARTICLE_TABLES[name], {"collocations"}) == [], name


def test_terms_are_summed_from_the_counted_mentions(ru):
    terms, mentions = ru["terms"], ru["term_mentions"]
    assert len(terms) == len(load_lexicon().of("ru"))            # zeros included, Russian entries only
    assert int(terms["count"].sum()) == int(mentions["counted"].sum()) == 13
    rows = found(terms)
    so_called = rows[("так называемый", "legitimacy_label")]
    assert (so_called.count, so_called.paragraphs, so_called.surfaces) == (
        3, "1;2;4", "Так называемая;Так называемый;так называемая")
    assert rows[("Донбасс", "naming_choice")].count == 2
    nazi = rows[("нацист", "conflict_label")]
    assert (nazi.count, nazi.in_attributed_quotes, nazi.cue) == (1, 1, "name_calling")
    n_words = len(ru.article.words)
    assert so_called.per_1000 == round(3000 / n_words, 2)
    assert set(terms["lexicon_version"]) == {load_lexicon().version}


def test_term_categories_add_up(ru):
    categories = ru["term_categories"].set_index("category")
    assert list(categories.index) == list(CATEGORIES)
    assert categories.loc["legitimacy_label", "count"] == 5        # так называемый 3, киевский режим 1, хунта 1
    assert categories.loc["hedge", "count"] == 1 and categories.loc["certainty_marker", "count"] == 1
    assert categories.loc["geopolitical_balance", "entries"] == 0


def test_naming_choices_name_the_form_the_article_uses(ru, uk):
    ru_pairs = ru["naming_choices"].set_index(["spelling_a", "spelling_b"])
    assert ru_pairs.loc[("Донбас", "Донбасс"), "picked"] == "Донбасс"
    assert ru_pairs.loc[("в Украине", "на Украине"), "picked"] == "на Украине"
    assert ru_pairs.loc[("Киев", "Київ")].tolist() == [1, 0, "Киев"]
    uk_pairs = uk["naming_choices"].set_index(["spelling_a", "spelling_b"])
    # "Киев" in Ukrainian text is counted by its Russian forms; Київ twice (Києві, Київ)
    assert uk_pairs.loc[("Киев", "Київ")].tolist() == [1, 2, "both"]
    assert uk_pairs.loc[("Харків", "Харьков")].tolist() == [1, 0, "Харків"]
    assert uk_pairs.loc[("Донбас", "Донбасс"), "picked"] == "Донбас"


def test_keyness_counts_lemmas_against_the_forms_of_general_russian():
    result = analyse("Поставки оружия выросли. Объем поставок растет. Новые поставки начнутся завтра, и он рад.",
                     "ru")
    keyness = result["keyness"].set_index(["word", "direction"])
    row = keyness.loc[("поставка", "over")]
    assert row["article_count"] == 3                               # поставки, поставок, поставки
    # the reference sums the lemma's forms: more than the dictionary form alone
    assert row["reference_per_million"] > 1e6 * word_frequency("поставка", "ru", wordlist="large")
    words = set(result["keyness"]["word"])
    assert "и" not in words and "он" not in words                 # function words are stop words
    assert "поставки" not in words


def test_cues_say_whose_words_they_are(ru):
    cues = ru["cues"]
    rows = {(r.cue, r.evidence): r for r in cues.itertuples()}
    assert (rows[("name calling", "киевский режим")].voice, rows[("name calling", "хунта")].voice) == ("outlet", "outlet")
    aggression = rows[("loaded language", "агрессия")]
    assert (aggression.voice, aggression.speaker) == ("reported", "Мария Захарова")
    assert ("name calling", "нацист") not in rows                  # "не нацисты": denied, not a label
    # the scare-quoted «помощь» twice, but in two voices (Песков reported, then the outlet): no repetition
    assert "repetition" not in set(cues["cue"])


def test_cue_rates_count_every_word_once(ru):
    rates = ru["cue_rates"]
    assert rates.iloc[0][["voice", "speaker"]].tolist() == ["outlet", ""]
    assert int(rates["words"].sum()) == len(ru.article.words)
    outlet = rates.iloc[0]
    assert (outlet["name_calling"], outlet["loaded_language"]) == (2, 0)
    speakers = set(rates["speaker"])
    assert "Дмитрий Песков" in speakers and "Песков" not in speakers   # one speaker, in the fullest form


def test_ukrainian_cues_and_reported_speech(uk):
    cues = uk["cues"]
    rows = {(r.cue, r.evidence): r for r in cues.itertuples()}
    assert rows[("name calling", "бойовик")].voice == "outlet"
    assert rows[("name calling", "рашист")].voice == "outlet"
    aggression = rows[("loaded language", "агресія")]
    assert (aggression.voice, aggression.speaker) == ("reported", "Дмитро Кулеба")   # "За його словами"
    assert uk["quotes"]["speaker_resolved"].tolist() == ["Дмитро Кулеба"]             # not "Кий" of "у Києві"


def test_a_repeated_scare_quote_in_one_voice_is_repetition():
    result = analyse("Так называемая «помощь» пришла с Запада. Эксперты спорят.\n\nЭта «помощь» не помогает.", "ru")
    cues = result["cues"]
    repeated = cues[cues["evidence_type"] == "repeated scare quote"]
    assert repeated[["evidence", "occurrences", "voice"]].values.tolist() == [["помощь", 2, "outlet"]]


def test_collocations_join_the_cases_of_a_phrase():
    result = analyse("Специальная военная операция продолжается. Цели специальной военной операции ясны. "
                     "Итоги специальной военной операции подведут.", "ru", ["collocations"])
    ngrams = result["collocations"].set_index("ngram")
    assert ngrams.loc["специальный военный операция", "count"] == 3
    assert ngrams.loc["специальный военный операция", "sentence_ids"] == "1;2;3"


def test_article_json_says_the_framing_tables_are_available(ru):
    readings = ru.metadata["language"]["readings"]
    for name in ("terms.csv", "term_categories.csv", "naming_choices.csv", "keyness.csv", "cues.csv",
                 "cue_rates.csv", "collocations.csv", "term_mentions.csv"):
        assert readings[name].startswith("available"), name
    assert "general Russian" in readings["keyness.csv"]


def test_hand_checked_ukrainian_address():
    """The counts checked by hand in docs/framing-ru-uk.md: a Ukrainian address of 1 March 2022."""
    from newslens.paths import REPO_ROOT

    result = newslens.analyze(REPO_ROOT / "corpus" / "source_languages" / "uk" /
                              "2022-03-01_the-missile-at-the-central-square-of-kharkiv-is-terrorism.txt")
    counts = {(r.term, r.category): r.count for r in result["terms"].itertuples() if r.count}
    assert counts == {("Харків", "naming_choice"): 9, ("Київ", "naming_choice"): 5, ("терорист", "conflict_label"): 3,
                      ("агресія", "conflict_label"): 2, ("окупація", "conflict_label"): 1,
                      ("війна", "frame_conflict"): 3, ("очевидно", "certainty_marker"): 1}
    assert result["cue_rates"][["voice", "words", "name_calling", "loaded_language"]].values.tolist() == [
        ["outlet", len(result.article.words), 3, 2]]


def test_hand_checked_russian_agency_report_voices():
    from newslens.paths import REPO_ROOT

    result = newslens.analyze(REPO_ROOT / "tests" / "fixtures" / "notebooks" / "ru_tass_drones.txt")
    rates = result["cue_rates"][["voice", "speaker", "words", "name_calling"]].values.tolist()
    assert rates == [["outlet", "", 0, 0], ["quoted", "Дмитрий Песков", 9, 0], ["reported", "Дмитрий Песков", 32, 0],
                     ["reported", "Сергей Лавров", 30, 1]]


def test_framing_language_and_stopword_lines_follow_the_article(ru):
    from newslens.report.framing_language import framing_language, stopword_lines

    russian = framing_language(ru.article)
    assert (russian.name, russian.counts, russian.lexicon.version) == ("Russian", "lemma", load_lexicon().version)
    assert {e.lang for e in russian.lexicon.entries} == {"ru"}
    assert {e.lang for e in russian.naming_lexicon.entries} == {"ru", "uk"}     # Київ's origin is read too
    assert "pymorphy3's part of speech" in stopword_lines(russian)
    english = framing_language(newslens.load_article(newslens.seed_path()))
    assert (english.name, english.counts) == ("English", "word")
    assert "182 stop words, e.g. a, about" in stopword_lines(english)


def test_keyness_leaves_out_a_sentence_in_the_other_language():
    result = analyse("Окупанти зруйнували місто. Окупанти катували людей. Что они сделали? Зачем их убили? "
                     "Вы не могли не знать, что они лишены всего человеческого.", "uk")
    words = set(result["keyness"]["word"])
    assert "окупант" in words
    assert not words & {"они", "их", "вы", "зачем", "сделать", "знать", "человеческий"}
    # the article's size is its Ukrainian words alone: окупант 2 of 6 words
    assert result["keyness"].set_index("word").loc["окупант", "article_per_million"] == round(1e6 * 2 / 6, 1)


def test_keyness_reads_a_form_as_its_commonest_lemma_summed_over_forms():
    ru = analyse("Девятого мая прошёл парад. Парад мая собрал людей. В мае снова парад.", "ru")
    words = set(ru["keyness"]["word"])
    assert "май" in words and "мая" not in words                    # the month, not the given name Мая
    assert ru["keyness"].set_index("word").loc["май", "article_count"] == 3
    uk = analyse("Європа допомагає. Лідери Європи зібралися. Європа єдина.", "uk")
    rows = uk["keyness"][uk["keyness"]["word"].str.startswith("європ")]
    assert rows[["word", "article_count"]].values.tolist() == [["європа", 3]]


def test_a_word_with_a_function_word_reading_is_a_stop_word():
    # "проти": adverb and preposition; the adverb reading comes first
    result = analyse("Санкції проти Росії. Протести проти війни. Виступ проти агресії.", "uk")
    assert "проти" not in set(result["keyness"]["word"])


def test_a_speaker_is_named_in_the_fullest_form_and_a_duplicated_paragraph_once():
    text = ("Дмитрий Песков заявил, что переговоры идут. Песков заявил, что всё спокойно.\n\n"
            "Хунта в Киеве боится выборов.\n\nХунта в Киеве боится выборов.")
    result = analyse(text, "ru")
    cues = result["cues"]
    speakers = set(result["cue_rates"]["speaker"]) - {""}
    assert speakers == {"Дмитрий Песков"}
    repeated = cues[cues["cue"] == "repetition"]
    assert repeated["evidence_type"].tolist() == ["duplicated paragraph"]    # its sentence is not listed again


def test_a_ukrainian_verb_is_not_read_as_a_nouns_plural():
    # "дати": the verb (to give) and the plural of "дата"; the dictionary's readings tie, the verb is commoner
    result = analyse("Треба дати людям зброю. Треба дати їм час. Дати шанс миру.", "uk")
    words = set(result["keyness"]["word"])
    assert "дати" in words and "дата" not in words


def test_name_calling_in_scare_quotes_after_so_called_is_no_cue():
    # the writer distances from the words; "террористы" outside such quotes still counts
    quoted = analyse("Суд вынес приговор по так называемому «делу крымских террористов».", "ru")["cues"]
    assert "name calling" not in set(quoted["cue"])
    plain = analyse("Суд вынес приговор по делу крымских террористов.", "ru")["cues"]
    assert "name calling" in set(plain["cue"])
