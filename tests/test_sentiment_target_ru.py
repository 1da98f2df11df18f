"""The Russian target sentiment model (newslens.sentiment.target_ru) on sentences written for these tests."""

import numpy as np
import pytest

from newslens.paths import DATA_DIR
from newslens.sentiment import target_ru
from newslens.sentiment.cyrillic import target_scores
from newslens.text.cyrillic import tokens


def span_of(text, entity):
    start = text.index(entity)
    return start, start + len(entity)


def toward(text, entity, entity_type=None):
    return target_ru.target_sentiment(tokens(text, "ru"), span_of(text, entity), entity_type)


@pytest.mark.parametrize("text, entity, entity_type", [
    ("Суд приговорил Иванова к двенадцати годам колонии за убийство и разбой.", "Иванова", "PERSON"),
    ("Прокуратура обвинила компанию «Вектор» в мошенничестве и хищении бюджетных средств.", "компанию", None),
    ("Боевики террористической группировки атаковали мирных жителей.", "Боевики", "PROFESSION"),
])
def test_clearly_negative_mentions(text, entity, entity_type):
    label, score = toward(text, entity, entity_type)
    assert label == "negative" and score < 0, (label, score)


@pytest.mark.parametrize("text, entity, entity_type", [
    ("Президент наградил Петрова орденом Мужества за спасение детей.", "Петрова", "PERSON"),
    ("Болельщики тепло поздравили чемпиона Смирнову с блестящей победой.", "Смирнову", "PERSON"),
])
def test_clearly_positive_mentions(text, entity, entity_type):
    label, score = toward(text, entity, entity_type)
    assert label == "positive" and score > 0, (label, score)


def test_a_plain_report_is_neutral():
    label, _ = toward("Делегация Норвегии прибыла в Женеву во вторник утром.", "Норвегии", "COUNTRY")
    assert label == "neutral"


def test_two_entities_of_one_sentence_are_read_apart():
    text = "Суд оправдал журналиста Козлова, а следователя Орлова уволили за подлог."
    acquitted = toward(text, "Козлова", "PERSON")[1]
    dismissed = toward(text, "Орлова", "PERSON")[1]
    assert dismissed < acquitted, (dismissed, acquitted)


def test_score_is_p_positive_minus_p_negative():
    text = "Министр резко раскритиковал губернатора за провал программы."
    toks, span = tokens(text, "ru"), span_of(text, "губернатора")
    p = target_ru.target_probabilities(toks, span, "PROFESSION")
    assert sum(p.values()) == pytest.approx(1.0)
    assert target_ru.target_sentiment(toks, span, "PROFESSION")[1] == pytest.approx(p["positive"] - p["negative"])


def test_the_lexicon_reading_stays_available_beside_the_model():
    text = "Суд приговорил Иванова к двенадцати годам колонии за убийство и разбой."
    lexicon = target_scores(tokens(text, "ru"), span_of(text, "Иванова"), "ru")
    assert {"compound", "label"} <= set(lexicon)
    dense, _ = target_ru.features(tokens(text, "ru"), span_of(text, "Иванова"))
    assert dense[target_ru.DENSE_NAMES.index("lexicon_target")] == lexicon["compound"]


def test_features_never_hold_the_entity_nor_other_names():
    text = "Глава МИД Лавров заявил, что Москва поддерживает посредничество Турции."
    dense, sparse = target_ru.features(tokens(text, "ru"), span_of(text, "Москва"), "COUNTRY")
    lemmas = {name.split(":", 1)[1] for name in sparse}
    assert not {"москва", "лавров", "турция", "мид"} & lemmas
    assert {"L:заявить", "R:поддерживать", "V>:поддерживать", "CASE:nomn", "T:COUNTRY"} <= set(sparse)
    assert len(dense) == len(target_ru.DENSE_NAMES)


def test_a_negated_verb_is_its_own_feature():
    text = "Правительство не поддержало инициативу депутатов."
    _, sparse = target_ru.features(tokens(text, "ru"), span_of(text, "Правительство"))
    assert "V>:не_поддержать" in sparse and "V>:поддержать" not in sparse


def test_bad_spans_and_types_are_refused_with_the_reason():
    toks = tokens("Иванов прилетел в Москву.", "ru")
    with pytest.raises(ValueError, match="empty"):
        target_ru.target_sentiment(toks, (3, 3))
    with pytest.raises(ValueError, match="covers no token"):
        target_ru.target_sentiment(toks, (100, 110))
    with pytest.raises(ValueError, match="choose from PERSON"):
        target_ru.target_sentiment(toks, (0, 6), "PER")


def test_a_broken_model_file_names_the_file(tmp_path, monkeypatch):
    broken = tmp_path / "target_sentiment_ru_model.csv"
    broken.write_text("kind,feature,mean,sd,w_negative,w_neutral,w_positive\nintercept,(intercept),0,1,a,b,c\n",
                      encoding="utf-8")
    monkeypatch.setattr(target_ru, "MODEL_FILE", broken)
    target_ru.load_model.cache_clear()
    try:
        with pytest.raises(ValueError, match="target_sentiment_ru_model.csv data row 1"):
            target_ru.load_model()
        broken.write_text("kind,feature,mean,sd,w_negative,w_neutral,w_positive\n", encoding="utf-8")
        target_ru.load_model.cache_clear()
        with pytest.raises(ValueError, match="incomplete model"):
            target_ru.load_model()
    finally:
        target_ru.load_model.cache_clear()


def test_committed_model_and_its_provenance():
    model = target_ru.load_model()
    assert model["dense"].shape == (len(target_ru.DENSE_NAMES), 3) and (model["sd"] > 0).all()
    assert 1_000 < len(model["sparse"]) < 50_000
    assert np.all(np.isfinite(model["offset"])) and model["offset"][1] == 0
    note = (DATA_DIR / "target_sentiment_ru_model.md").read_text(encoding="utf-8")
    assert "RuSentNE" in note and "MIT" in note and "4d08c885564b57117d35600cd8c6cea3626bbe98" in note
    assert "75c443abcdee178b4e2ac2cbdd63179f9202347b9cc49a652e2f164bb8b8a31d" in note
