"""Language as a property of the article: detection, the Russian and Ukrainian pipeline (sentences, datelines,
quotes with speakers), --lang, the refusals, and language as a corpus grouping. The texts are short
agency-style paragraphs written for these tests (tests/fixtures/languages/README.md)."""

import json

import pytest

import newslens
from newslens.cli import main
from newslens.paths import REPO_ROOT
from newslens.text.language import read_language
from newslens.text.loader import load_text
from newslens.text.wire import match_dateline

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "languages"
RU = FIXTURES / "ru_agency.txt"
UK = FIXTURES / "uk_agency.txt"
MIXED = FIXTURES / "mixed_en_ru.txt"


@pytest.fixture(scope="module")
def ru_result():
    return newslens.analyze(RU)


@pytest.fixture(scope="module")
def uk_result():
    return newslens.analyze(UK)


def test_language_is_detected(ru_result, uk_result, seed_article):
    assert ru_result.article.report.language == "ru" and ru_result.article.language == "ru"
    assert uk_result.article.report.language == "uk" and uk_result.article.language == "uk"
    assert seed_article.report.language == "en" and seed_article.language == "en"
    evidence = uk_result.article.report.language_evidence
    assert evidence["uk_letters"] > 0 and evidence["ru_letters"] == 0 and evidence["cyrillic_share"] == 1.0
    # a few Russian words in an English text (a name, a tank's model) leave it English
    assert read_language(["The T-34 tank, «Победа», led the parade through Red Square on Monday morning."]
                         ).language == "latin"


def test_russian_sentences_and_paragraphs(ru_result):
    sentences = ru_result["sentences"]
    assert len(sentences) == 7 and len(ru_result["paragraphs"]) == 4
    assert sentences["text"].iloc[1] == ("«Мы не видим сейчас никаких оснований для того, чтобы менять подходы», "
                                         "— сказал Песков.")
    assert sentences["text"].iloc[3] == "Он также заявил: «Решение пока не принято»."
    assert sentences["words"].tolist() == [17, 13, 8, 7, 9, 6, 7]
    # the English sentence columns; the Russian lexicon's compound fills the VADER ones, the tone stays empty
    assert list(sentences.columns) == list(newslens.analyze(newslens.seed_path())["sentences"].columns)
    assert sentences["vader_compound"].notna().all() and sentences["news_compound"].equals(sentences["vader_compound"])
    assert sentences["tone"].isna().all() and set(sentences["vader_label"]) <= {"negative", "neutral", "positive"}


def test_dateline_is_metadata_not_body(ru_result, uk_result):
    meta = ru_result.article.meta
    assert (meta.dateline, meta.dateline_place, meta.dateline_date, meta.agency) == (
        "МОСКВА, 27 октября. /ТАСС/.", "Москва", "27 октября", "ТАСС")
    assert ru_result.article.body.startswith("Кремль не видит оснований")
    assert uk_result.article.meta.agency == "Укрінформ" and uk_result.article.meta.dateline_place == "Київ"
    assert uk_result.article.body.startswith("Президент України")


@pytest.mark.parametrize("text, place, date, agency", [
    ("МОСКВА, 27 окт — РИА Новости. Текст.", "Москва", "27 окт", "РИА Новости"),
    ("Москва. 27 октября. INTERFAX.RU - Текст.", "Москва", "27 октября", "INTERFAX.RU"),
    ("Київ. 27 жовтня. ІНТЕРФАКС-УКРАЇНА - Текст.", "Київ", "27 жовтня", "ІНТЕРФАКС-УКРАЇНА"),
    ("САНКТ-ПЕТЕРБУРГ, 3 июня 2021 года. /ТАСС/. Текст.", "Санкт-Петербург", "3 июня 2021 года", "ТАСС"),
    ("МОСКВА, 27 октября. /Корр. ТАСС Иван Петров/. Текст.", "Москва", "27 октября", "ТАСС"),
    ("МОСКВА, 27 окт (Рейтер) - Текст.", "Москва", "27 окт", "Рейтер"),
])
def test_agency_datelines(text, place, date, agency):
    found = match_dateline(text)
    assert (found["place"], found["date"], found["agency"]) == (place, date, agency)
    assert text[found["end"]:] == "Текст."


def test_ordinary_sentence_is_no_dateline():
    assert match_dateline("Москва, 27 октября стало известно о новых переговорах.") is None


def _quotes(result):
    return [(q.text, q.kind, q.speaker, q.speaker_resolved, q.marks)
            for q in result["quotes"].itertuples()]


def test_russian_quotes_and_speakers(ru_result):
    assert _quotes(ru_result) == [
        ("Мы не видим сейчас никаких оснований для того, чтобы менять подходы", "attributed quotation", "Песков",
         "Песков", "guillemets"),
        ("Решение пока не принято", "attributed quotation", "Он", "Песков", "guillemets"),
        ("гарантии", "scare quote", "", "", "guillemets"),
        ("Ситуация остаётся напряжённой", "attributed quotation", "представитель Кремля", "Песков", "dash"),
        ("Газпром", "unattributed quotation", "", "", "guillemets"),
    ]
    quotes = ru_result["quotes"]
    assert quotes["cue"].tolist()[:2] == ["сказал", "заявил"]
    assert quotes["is_title"].tolist() == [False, False, False, False, True]
    body = ru_result.article.body
    assert all(body[q.start:q.end] == q.text for q in quotes.itertuples())


def test_ukrainian_quotes_and_speakers(uk_result):
    assert _quotes(uk_result) == [
        ("Кожен день зволікання коштує нам життів", "attributed quotation", "Зеленський", "Зеленський",
         "guillemets"),
        ("Ми розраховуємо на рішення найближчими тижнями", "attributed quotation",
         "Міністр закордонних справ Дмитро Кулеба", "Дмитро Кулеба", "low-high double"),
        ("гарантії", "scare quote", "", "", "guillemets"),
        ("Переговори тривають", "attributed quotation", "Кулеба", "Кулеба", "dash"),
        ("Українська правда", "unattributed quotation", "", "", "guillemets"),
    ]


def test_quote_attributed_before_and_according_to():
    article = load_text("Заявил Лавров: «Мы готовы к диалогу». По словам Захаровой, «ответ будет дан».\n\n"
                        "Министр отметил, что Запад «не слышит» Москву. Это было сказано вчера и ещё раз сегодня.",
                        "test", "body", lang="ru")
    quotes = newslens.analyze(article)["quotes"]
    assert quotes[["text", "speaker", "speaker_resolved"]].values.tolist() == [
        ["Мы готовы к диалогу", "Лавров", "Лавров"],
        ["ответ будет дан", "Захаровой", "Захарова"],
        ["не слышит", "Министр", "Захарова"],
    ]
    assert quotes["rule"].iloc[2].startswith("partial quotation inside reported speech")


def test_labelling_verb_and_pronoun_after_reported_speech():
    article = load_text("Официальный представитель МИД Мария Захарова заявила, что Москва не примет ультиматумов. "
                        "«Язык ультиматумов с нами не работает», — сказала она. Ранее Госдеп назвал действия России "
                        "«эскалацией».", "test", "body", lang="ru")
    quotes = newslens.analyze(article)["quotes"]
    assert quotes[["text", "kind", "speaker", "speaker_resolved"]].values.tolist() == [
        ["Язык ультиматумов с нами не работает", "attributed quotation", "она", "Мария Захарова"],
        ["эскалацией", "attributed quotation", "Госдеп", "Госдеп"],
    ]
    assert quotes["rule"].iloc[1] == "labelling verb at most 6 words before the quotation"
    # a lone capital opening the sentence is a preposition, not the speaker's initial
    article = load_text("Подоляк заявив, що позиція незмінна. У Брюсселі цю заяву назвали «сигналом».", "test", "body",
                        lang="uk")
    assert newslens.analyze(article)["quotes"]["speaker"].tolist() == ["Брюсселі"]


def test_nested_quotes_pair_inside_out():
    article = load_text("«Мы выполним так называемый „план“ до конца», — заявил Песков журналистам сегодня.",
                        "test", "body", lang="ru")
    quotes = newslens.analyze(article)["quotes"]
    assert quotes[["text", "nested", "kind"]].values.tolist() == [
        ["Мы выполним так называемый „план“ до конца", False, "attributed quotation"],
        ["план", True, "scare quote"],
    ]


def test_article_json_says_which_readings_are_missing(tmp_path, ru_result):
    newslens.write(ru_result, tmp_path, with_map=False)
    data = json.loads((tmp_path / "article.json").read_text(encoding="utf-8"))
    assert data["cleaning"]["language"] == "ru" and data["language"]["analysed_as"] == "ru"
    readings = data["language"]["readings"]
    assert readings["quotes.csv"] == "available"
    assert readings["sentences.csv, paragraphs.csv"] == "available"
    assert readings["place_mentions.csv"] == "available" and readings["term_mentions.csv"].startswith("available")
    assert readings["keyness.csv"].startswith("available: lemmas against general Russian")
    assert not ru_result["keyness"].empty
    assert readings["actors.csv"].startswith("available") and not ru_result["actors"].empty
    assert readings["sentiment_agreement.csv"].startswith("not applicable")   # it compares English scorers


def test_places_terms_and_sentiment_are_wired(ru_result, uk_result):
    mentions = ru_result["place_mentions"]
    # the dateline's place first, not in the body, then the body's mentions
    assert mentions[["surface", "place", "role"]].values.tolist()[0] == ["МОСКВА", "Moscow", "dateline"]
    assert mentions["sentence_id"].isna().tolist() == [True, False, False, False]
    assert "Russia" in set(ru_result["places"]["place"])
    assert ru_result["place_focus"]["country"].iloc[0] == "Russia"
    assert uk_result["place_mentions"]["place"].iloc[0] == "Kyiv"
    terms = ru_result["term_mentions"]
    assert terms["surface"].tolist() == ["так называемые"]
    assert ru_result["article_tone"].set_index("measure").loc["sentences", "value"] == 7


def test_missing_language_modules_leave_tables_empty(monkeypatch):
    """Where a language module is not installed, its tables keep their columns, and article.json says so."""
    from newslens.framing import languages as framing_languages
    from newslens.places import languages as places_languages
    from newslens.sentiment import languages as sentiment_languages

    for module, name in ((places_languages, "_analyse"), (sentiment_languages, "_scorer"),
                         (framing_languages, "_term_mentions")):
        monkeypatch.setattr(module, name, lambda: None)
    result = newslens.analyze(UK)
    assert result["place_mentions"].empty and result["places"].empty and result["term_mentions"].empty
    assert result["terms"].empty and result["keyness"].empty and result["cue_rates"].empty
    assert result["article_tone"].empty and result["sentences"]["vader_compound"].isna().all()
    assert len(result["quotes"]) == 5
    readings = result.metadata["language"]["readings"]
    assert readings["places.csv"].startswith("not available in Ukrainian yet")
    assert readings["article_tone.csv"].startswith("not available in Ukrainian yet")
    assert readings["keyness.csv"].startswith("not available in Ukrainian yet")


def test_english_article_json_has_no_language_block(seed_article):
    data = newslens.analyze(seed_article).metadata
    assert "language" not in data and "language_evidence" not in data["cleaning"]


def test_mixed_article_is_refused_naming_the_file_and_paragraphs(tmp_path, capsys):
    with pytest.raises(newslens.ArticleInputError, match=r"mixed_en_ru\.txt: mixes languages \(paragraphs 1-2 in "
                                                         r"Latin script; paragraphs 3-4 in Cyrillic \(Russian\)\)"):
        newslens.analyze(MIXED)
    assert main(["analyze", str(MIXED), "--out", str(tmp_path / "m"), "--no-map"]) == 2
    assert "--lang en|ru|uk" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_lang_forces_the_pipeline(tmp_path, capsys):
    assert main(["analyze", str(MIXED), "--out", str(tmp_path / "m"), "--no-map", "--lang", "ru"]) == 0
    assert "read as Russian as asked (--lang ru); the language check found a mix of languages" in \
        capsys.readouterr().err
    data = json.loads((tmp_path / "m" / "article.json").read_text(encoding="utf-8"))
    assert data["cleaning"]["language"] == "ru" and data["cleaning"]["language_source"] == "forced (--lang)"
    result = newslens.analyze(RU, newslens.Options(lang="uk"))
    assert result.article.language == "uk" and result.article.report.language == "uk"
    english = newslens.analyze(MIXED, newslens.Options(lang="en"))
    assert english.article.language == "en" and len(english["quotes"]) >= 1


def test_unknown_lang_is_refused():
    with pytest.raises(ValueError, match="unknown language 'de'"):
        newslens.Options(lang="de")
    with pytest.raises(SystemExit):
        main(["analyze", str(RU), "--out", "x", "--lang", "de"])


@pytest.mark.parametrize("text, message", [
    ("Привет, мир.\n\nКак дела?", "too short to tell Russian from Ukrainian"),
    ("Ў нашай краіне ўсё добра, і ўсе ведаюць пра гэта. Ён сказаў, што ўсё будзе добра ў хуткім часе.",
     "neither Russian nor Ukrainian"),
    # Bulgarian: no letter of its own, but ъ as a vowel and its own function words
    ("България и Турция подписаха споразумение за доставка на безпилотни апарати, съобщи министърът на "
     "отбраната. Той каза, че това е важна стъпка във военното сътрудничество между двете страни.",
     "neither Russian nor Ukrainian"),
])
def test_cyrillic_text_that_cannot_be_read_is_refused(text, message):
    article = load_text(text, "odd.txt", "body")
    with pytest.raises(newslens.ArticleInputError, match=f"odd.txt: is Cyrillic text, but {message}"):
        newslens.analyze(article)


def test_russian_hard_sign_is_russian_evidence_not_bulgarian():
    from newslens.text.language import cyrillic_evidence, cyrillic_language
    evidence = cyrillic_evidence("Песков объявил, что съезд партии отложен, и заявил, что это решение Кремля.")
    assert evidence["ru_letters"] == 3 and evidence["bg_letters"] == 0   # объявил, съезд, это
    assert cyrillic_language(evidence) == "ru"


def test_corpus_groups_by_language(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in (RU, UK, MIXED, REPO_ROOT / "corpus" / "demo" / "kremlin" /
                 "2022-05-09_victory-parade-on-red-square.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    assert main(["corpus", str(folder), "--out", str(out), "--format", "csv", "--quiet", "--workers", "1",
                 "--article-timeout", "0", "--article-memory", "0", "--no-compare"]) == 0
    from newslens.compare import read_corpus
    from newslens.compare.run import compare_tables

    corpus = read_corpus(out, by="language")
    articles = corpus["articles"].sort_values("source")
    assert articles[["source", "language"]].values.tolist()[-2:] == [["ru_agency.txt", "ru"], ["uk_agency.txt", "uk"]]
    errors = corpus["errors"]
    assert errors["source"].tolist() == ["mixed_en_ru.txt"] and "mixes languages" in errors["message"].iloc[0]
    tables = compare_tables(out, by="language", corpus=corpus)
    assert tables["groups"]["language"].tolist() == ["en", "ru", "uk"]
    tone = tables["tone"].set_index(["language", "measure"])
    assert tone.loc[("ru", "sentence_compound"), "sentences"] == 7
    assert tone.loc[("en", "sentence_compound"), "sentences"] > 7
    # a Russian article without sentiment scores counts no sentences, rather than seven zeros
    sentences = corpus["sentences"]
    sentences.loc[sentences["group"] == "ru", ["news_compound", "vader_compound"]] = float("nan")
    tone = compare_tables(out, by="language", corpus=corpus)["tone"].set_index(["language", "measure"])
    assert tone.loc[("ru", "sentence_compound"), "sentences"] == 0
    assert tone.loc[("ru", "sentence_compound"), "note"] == "nothing to divide by"
    scare = tables["scare_quotes"]
    assert set(scare[scare["language"] == "ru"]["quoted"]) == {"гарантии"}


def _found(text, lang="ru"):
    from newslens.framing.quotes_cyrillic import quotes_table
    table = quotes_table(load_text(text, "test", "body", lang=lang))
    return table[["text", "kind", "speaker", "speaker_resolved"]].values.tolist(), table


def test_attribution_inside_the_marks_and_a_speaker_ended_by_a_comma():
    rows, _ = _found("Глава комитета Иван Сидоров выступил в Думе. «Бюджет сбалансирован, — сказал Сидоров. — "
                     "Дефицита не будет». «Это главное», — добавил он, по всей видимости, имея в виду Минфин.")
    assert rows == [
        ["Бюджет сбалансирован, — сказал Сидоров. — Дефицита не будет", "attributed quotation", "Сидоров",
         "Сидоров"],
        ["Это главное", "attributed quotation", "он", "Сидоров"],
    ]


def test_speaker_phrase_stops_at_a_title_and_a_role_with_a_genitive_name_is_the_role():
    rows, _ = _found("В интервью телеканалу «Рассвет» министр Олег Белов рассказал, что работы вышли на "
                     "«последний этап». Представитель Белова подчеркнул, что сроки «не сдвинутся».")
    assert rows == [
        ["Рассвет", "unattributed quotation", "", ""],
        ["последний этап", "attributed quotation", "Олег Белов", "Олег Белов"],
        ["не сдвинутся", "attributed quotation", "Представитель Белова", "Олег Белов"],
    ]


def test_a_short_capitalised_name_in_reported_speech_is_a_title_and_confirm_reports():
    rows, table = _found("Он отметил, что встретится с коллегой на саммите «Северного альянса» в марте. Секретарь "
                         "Анна Лис подтвердила встречу, сославшись на «плотный график».")
    assert rows == [
        ["Северного альянса", "unattributed quotation", "", ""],
        ["плотный график", "attributed quotation", "Секретарь Анна Лис", "Анна Лис"],
    ]
    assert table["is_title"].tolist() == [True, False]


def test_block_quotation_after_a_colon():
    rows, table = _found("Об этом журналистам сообщил мэр Пётр Орлов:\n\n"
                         "Мы восстановим мост к осени, и движение «пойдёт» снова.\n\n"
                         "Он добавил:\n\nРанее губернатор Ирина Сом назвала сроки «реальными».", lang="ru")
    assert rows == [
        ["Мы восстановим мост к осени, и движение «пойдёт» снова.", "attributed quotation",
         "мэр Пётр Орлов", "Пётр Орлов"],
        ["пойдёт", "scare quote", "", ""],          # the mayor's own marks, inside his words
        ["реальными", "attributed quotation", "Ирина Сом", "Ирина Сом"],  # it reports: no block
    ]
    assert table["marks"].tolist()[0] == "none (paragraph after a colon)"
    assert table["nested"].tolist() == [False, True, False]
    rows, _ = _found("Речник міністерства Олена Гай повідомила:\n\nПорушень не виявлено.", lang="uk")
    assert rows == [["Порушень не виявлено.", "attributed quotation", "Речник міністерства Олена Гай",
                     "Олена Гай"]]


def test_a_label_rejected_after_a_comma_stays_a_scare_quote():
    rows, _ = _found("Якщо це війна, то я називаю її війною, а не «миротворчою місією».", lang="uk")
    assert rows == [["миротворчою місією", "scare quote", "", ""]]
    rows, _ = _found("Министр назвал переговоры с соседями шагом «в верном направлении».")
    assert rows == [["в верном направлении", "attributed quotation", "Министр", ""]]


def test_a_speaker_before_the_verb_is_in_the_nominative():
    # "Другої" (of the Second world war) is no speaker: the partial quotation is left unattributed
    rows, _ = _found("Сергій Петренко приїхав до Києва. Європа бачила це під час Другої світової війни і про що "
                     "говорила «ніколи знову».", lang="uk")
    assert rows == [["ніколи знову", "scare quote", "", ""]]


def test_the_speaker_is_trimmed_to_the_name_or_the_role_phrase():
    rows, _ = _found("Ранее в пятницу министр иностранных дел Украины Павел Климкин назвал переговоры «трудными». "
                     "Об этом сообщил журналистам сам Сергей Лавров: «Мы готовы к встрече».")
    assert rows == [["трудными", "attributed quotation", "Павел Климкин", "Павел Климкин"],
                    ["Мы готовы к встрече", "attributed quotation", "Сергей Лавров", "Сергей Лавров"]]
