"""Target-dependent sentiment (newslens.sentiment.target) and the NewsMTSC benchmark's metric code.

The benchmark itself needs the NewsMTSC files (bench/actor_sentiment_validity.py --data DIR); these tests
use only sentences written here and the committed results.
"""

import importlib.util
import json

import numpy as np
import pandas as pd
import pytest

from newslens.paths import DATA_DIR, REPO_ROOT
from newslens.sentiment import target as ts
from newslens.sentiment.scores import vader_scores


@pytest.fixture(scope="module")
def bench():
    path = REPO_ROOT / "bench" / "actor_sentiment_validity.py"
    spec = importlib.util.spec_from_file_location("actor_sentiment_validity_bench", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def about(sentence: str, target: str, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(target, start + 1)
    return ts.target_sentiment(sentence, start, start + len(target))


# --- metrics -----------------------------------------------------------------------------------------------

def test_per_class_f1_and_macro_f1_by_hand(bench):
    truth = np.array([1, 1, 0, -1])
    predicted = np.array([1, 0, 0, 1])
    # positive: tp 1, fp 1, fn 1 -> 0.5; neutral: tp 1, fp 1, fn 0 -> 2/3; negative: tp 0 -> 0
    m = bench.classification_metrics(truth, predicted)
    assert m["f1_positive"] == pytest.approx(0.5)
    assert m["f1_neutral"] == pytest.approx(2 / 3)
    assert m["f1_negative"] == 0.0
    assert m["macro_f1"] == pytest.approx((0.5 + 2 / 3) / 3)
    assert m["accuracy"] == pytest.approx(0.5)


def test_majority_class_macro_f1(bench):
    # always neutral on 2 neutral of 4: F1 neutral = 2*2/(2*2+2+0) = 2/3, the others 0
    m = bench.classification_metrics([0, 0, 1, -1], [0, 0, 0, 0])
    assert m["macro_f1"] == pytest.approx(2 / 9)


def test_bootstrap_is_deterministic_and_brackets_the_estimate(bench):
    rng = np.random.default_rng(1)
    truth = rng.integers(-1, 2, size=300)
    predicted = np.where(rng.random(300) < 0.7, truth, rng.integers(-1, 2, size=300))
    clusters = np.arange(300) // 2                     # two targets per sentence
    a = bench.bootstrap_intervals(truth, predicted, clusters, samples=300)
    b = bench.bootstrap_intervals(truth, predicted, clusters, samples=300)
    assert a == b
    estimate = bench.classification_metrics(truth, predicted)
    for name, (low, high) in a.items():
        assert low <= estimate[name] <= high
    assert bench.bootstrap_intervals(truth, truth, clusters, samples=50)["macro_f1"] == (1.0, 1.0)
    assert bench.paired_difference_interval(truth, predicted, predicted, clusters, samples=50) == (0.0, 0.0)


def test_three_class_band(bench):
    assert list(bench.three_class([0.05, 0.049, -0.05, -0.2])) == [1, 0, -1, -1]


def test_read_split_checks_the_sha256(bench, tmp_path):
    folder = tmp_path / "newsmtsc-rw-hf"
    folder.mkdir()
    row = {"mention": "Smith", "polarity": -1, "from": 0, "to": 5, "sentence": "Smith lied.", "id": "x_0_5"}
    (folder / "test.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        bench.read_split(tmp_path, "newsmtsc-rw-hf/test.jsonl")
    rows, sha = bench.read_split(tmp_path, "newsmtsc-rw-hf/test.jsonl", any_version=True)
    assert rows == [{"id": "x_0_5", "sentence": "Smith lied.", "start": 0, "end": 5, "mention": "Smith",
                     "gold": -1}]
    assert len(sha) == 64


def test_current_actor_method_scores_the_sentence_holding_the_mention(bench):
    text = "What a wonderful day. Moscow lied."
    assert bench.current_actor_method(text, text.index("Moscow")) == vader_scores("Moscow lied.")["compound"]
    assert bench.current_actor_method(text, 0) == vader_scores("What a wonderful day.")["compound"]


# --- target_sentiment --------------------------------------------------------------------------------------

def test_speaker_is_neutral_where_whole_sentence_vader_is_negative():
    sentence = "The minister said the talks with Kiev were difficult."
    assert vader_scores(sentence)["compound"] <= -0.05          # whole-sentence VADER: negative for both
    assert about(sentence, "minister")[0] == "neutral"
    assert about(sentence, "Kiev")[0] == "negative"


def test_clear_cases():
    assert about("Smith won the award for her brilliant work.", "Smith")[0] == "positive"
    assert about("Smith was accused of fraud and corruption.", "Smith")[0] == "negative"
    assert about("Smith met Jones in Paris on Tuesday.", "Smith")[0] == "neutral"
    assert about("Smith met Jones in Paris on Tuesday.", "Jones")[0] == "neutral"


def test_contrast_moscow_is_negative():
    assert about("Critics praised Ankara but condemned Moscow.", "Moscow")[0] == "negative"


def test_contrast_ankara_is_positive():
    # "critics" (VADER -1.2) only names who judges; Ankara is the object of "praised"
    assert about("Critics praised Ankara but condemned Moscow.", "Ankara")[0] == "positive"


def roles(sentence: str, target: str) -> dict[str, float]:
    start = sentence.index(target)
    dense, _ = ts.features(sentence, start, start + len(target))
    return dict(zip(ts.DENSE_NAMES, dense))


def test_roles_follow_who_does_what_to_whom():
    accusation = "Smith accused Jones of fraud."
    assert roles(accusation, "Jones")["object_valence"] < 0          # the accused
    assert roles(accusation, "Smith")["object_valence"] == 0         # the accuser is no object ...
    assert roles(accusation, "Smith")["subject_valence"] < 0         # ... but the subject of "accused"
    passive = "Smith was condemned by Jones."
    assert roles(passive, "Smith")["passive_valence"] < 0 and roles(passive, "Smith")["subject_valence"] == 0
    assert roles(passive, "Jones")["agent_valence"] < 0 and roles(passive, "Jones")["object_valence"] == 0
    # auxiliaries, adverbs and a title between target and verb
    assert roles("Smith has repeatedly praised the former President Jones.", "Jones")["object_valence"] > 0
    assert roles("Smith has repeatedly praised the former President Jones.", "Smith")["subject_valence"] > 0
    assert roles("The attack on Jones shocked the town.", "Jones")["object_valence"] < 0
    # the target's side of a contrast bounds the roles: Moscow is not the object of "praised"
    assert roles("Critics praised Ankara but condemned Moscow.", "Moscow")["object_valence"] < 0


def test_holders_do_not_colour_their_own_clause():
    masked = roles("Critics praised Ankara.", "Ankara")
    assert masked["left_valence"] > 0 and masked["sent_neg"] == 0      # "critics" (-1.2) masked
    assert roles("Critics of Ankara met on Tuesday.", "Ankara")["sent_neg"] > 0   # "critics of X" kept
    _, sparse = ts.features("Critics praised Ankara.", 16, 22)
    assert "S:critic" in sparse                                        # still a word feature


def test_accused_is_negative_accuser_is_not():
    sentence = "Smith accused Jones of fraud."
    assert about(sentence, "Jones")[0] == "negative"
    assert about(sentence, "Jones")[1] < about(sentence, "Smith")[1]


def test_scope_is_the_targets_side_of_a_contrast():
    def scope(sentence, target):
        _, spans, words, *_ = ts._sentence_parse(sentence)
        start = sentence.index(target)
        i = next(k for k, (s, e) in enumerate(spans) if s <= start < e)
        lo, hi = ts._scope(list(words), i, i)
        return " ".join(words[lo:hi + 1])

    assert scope("Critics praised Ankara but condemned Moscow.", "Ankara") == "critics praised ankara"
    assert scope("Critics praised Ankara but condemned Moscow.", "Moscow") == "condemned moscow ."
    assert scope("Although Kenya won praise, Uganda was condemned.", "Kenya") == "kenya won praise"
    assert scope("Although Kenya won praise, Uganda was condemned.", "Uganda") == "uganda was condemned ."
    assert scope("Morocco's talks succeeded; Algeria's failed.", "Algeria") == "algeria's failed ."
    assert scope("Smith met Jones in Paris.", "Jones") == "smith met jones in paris ."


def test_both_targets_of_contrast_sentences_written_before_the_model():
    """44 sentences with two targets of opposite polarity, written before the scoped model was fitted
    (bench/data/target_contrast_sentences.md): both targets right in at least three quarters of them."""
    rows = pd.read_csv(REPO_ROOT / "bench" / "data" / "target_contrast_sentences.csv")
    rows["predicted"] = [ts.target_sentiment(r.sentence, r.start, r.end)[0] for r in rows.itertuples()]
    both = (rows["predicted"] == rows["gold"]).groupby(rows["sentence_id"]).all()
    assert len(both) == 44 and both.mean() >= 0.75


def test_names_are_no_word_features_even_when_they_open_the_sentence():
    _, sparse = ts.features("Clinton said Obama misled the voters.", 13, 18)
    assert not any(name.split(":", 1)[1].split("_")[0] in ("clinton", "obama") for name in sparse)
    _, sparse = ts.features("Critics said Obama misled the voters.", 13, 18)
    assert "S:critic" in sparse                 # an English word opening the sentence stays a feature
    # a lower-case particle before a name is part of the name
    _, sparse = ts.features("Mohammed bin Salman met al-Assad in Riyadh.", 0, 8)
    assert not any(name.split(":", 1)[1].split("_")[0] in ("bin", "al", "salman", "assad") for name in sparse)
    names = {"clinton", "obama", "trump", "donald", "hillary", "mcconnell", "pelosi", "sanders", "bernie",
             "bin", "al"}
    model_words = {part for name in ts.load_model()["sparse"] for part in name.split(":", 1)[1].split("_")}
    assert not names & model_words


def test_score_is_a_probability_difference():
    sentence = "Smith was accused of fraud and corruption."
    label, score = about(sentence, "Smith")
    p = ts.target_probabilities(sentence, 0, 5)
    assert sum(p.values()) == pytest.approx(1.0)
    assert score == pytest.approx(p["positive"] - p["negative"])
    assert -1.0 <= score <= 1.0 and label == max(p, key=p.get)


def test_curly_quotes_change_nothing_and_batch_matches_single():
    straight = 'Smith called the deal "a disaster" for Jones.'
    curly = "Smith called the deal “a disaster” for Jones."
    for target in ("Smith", "Jones"):
        start = straight.index(target)
        assert ts.target_sentiment(straight, start, start + 5) == ts.target_sentiment(curly, start, start + 5)
    items = [(straight, 0, 5), (curly, straight.index("Jones"), straight.index("Jones") + 5)]
    assert ts.target_sentiments(items) == [ts.target_sentiment(*item) for item in items]


def test_odd_spans_do_not_fail():
    assert ts.target_sentiment("Smith lied.", 5, 5)[0] in ts.LABELS       # empty span
    assert ts.target_sentiment("Smith lied.", 0, 100)[0] in ts.LABELS     # past the end
    assert ts.target_sentiment("", 0, 0)[0] in ts.LABELS


def test_committed_model_and_its_provenance():
    model = ts.load_model()
    assert len(model["dense"]) == len(ts.DENSE_NAMES) and (model["sd"] > 0).all()
    assert 100 < len(model["sparse"]) < 10_000
    # names are never features: no sparse feature holds a capital letter
    assert not any(any(ch.isupper() for ch in name.split(":", 1)[1]) for name in model["sparse"])
    note = (DATA_DIR / "target_sentiment_model.md").read_text(encoding="utf-8")
    assert "NewsMTSC" in note and "MIT" in note and "b9d9b79704ed1b35cecaf1d7c2343dc1bd734fb7" in note


def test_committed_results_cover_both_test_sets_and_every_method():
    from newslens.sentiment.validity import load_actor_validity_table

    table = load_actor_validity_table()
    assert set(table["dataset"]) == {"mt test", "rw test"}
    assert dict(table.groupby("dataset")["rows"].first()) == {"mt test": 1034, "rw test": 803}
    for method in ["majority class (train: negative)", "whole-sentence reference VADER",
                   "newslens current actor method", "newslens target_sentiment (fitted)"]:
        assert (table["method"] == method).sum() == 2
    assert (table["dataset_commit"] == "b9d9b79704ed1b35cecaf1d7c2343dc1bd734fb7").all()
    assert (table["macro_f1_low"] <= table["macro_f1"]).all() and (table["macro_f1"] <= table["macro_f1_high"]).all()
    errors = pd.read_csv(REPO_ROOT / "bench" / "results" / "actor_sentiment_errors.csv")
    assert len(errors) == 30 and (errors["gold"] != errors["predicted"]).all()
