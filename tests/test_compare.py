"""The comparison stage on small fixtures: a spelling split between two outlets, a cross-posted pair found as
shared, keyness with the right sign, intervals absent for a one-article outlet; and the command line."""

import json

import numpy as np
import pandas as pd
import pytest

from newslens.compare import compare_tables, read_corpus, write_compare
from newslens.compare.load import Corpus, date_bin
from newslens.compare.naming import find_forms, load_variants
from newslens.compare.shared import find_shared_passages
from newslens.stats import bootstrap_mean, bootstrap_ratio, g2, log_ratio
from newslens.corpus import run_corpus

from small_corpora import write_plain_corpus

CROSS_POSTED = ("The ministers agreed that the grain corridor through the Black Sea must stay open for every ship "
                "carrying food to the hungry nations of Africa and Asia, whatever the weather and whatever the "
                "threats made against the ports in recent weeks.")

ARTICLES = [  # (folder, outlet, date, title, body paragraphs)
    ("alpha", "alpha.example", "2022-03-01", "Talks in Kiev",
     ["Officials in Kiev met envoys from Donbass on Monday.", CROSS_POSTED,
      "Kiev said the talks would go on. The mood was calm and hopeful."]),
    ("alpha", "alpha.example", "2022-03-05", "Kiev and Donbass",
     ["Kiev is far from Donbass, the envoy said. The people of Lugansk wait for peace.",
      "The talks were good and friendly; everyone hoped for a happy outcome."]),
    ("alpha", "alpha.example", "2022-03-09", "A quiet week",
     ["Nothing much happened in Kiev this week. Markets were steady."]),
    ("beta", "beta.example", "2022-03-02", "Kyiv under fire",
     ["Shelling hit Kyiv again. Terrible losses were reported in Donbas and Luhansk.",
      "Officials in Kyiv condemned the brutal attack."]),
    ("beta", "beta.example", "2022-03-04", "Grain and ports",
     ["A statement from the foreign ministry in Kyiv followed.", CROSS_POSTED]),
    ("beta", "beta.example", "2022-03-08", "Donbas front",
     ["Fighting in Donbas killed many. The war is a disaster for Ukraine and its people."]),
    ("solo", "solo.example", "2022-03-03", "One view",
     ["A single article from a small outlet about Ukraine and Kyiv, hopeful and warm."]),
]


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory):
    root = tmp_path_factory.mktemp("compare_fixture")
    folder, out = root / "in", root / "out"
    write_plain_corpus(folder, ARTICLES)
    run_corpus(folder, out, workers=1, quiet=True)
    return out


@pytest.fixture(scope="module")
def tables(corpus_out):
    return compare_tables(corpus_out)


def test_a_known_spelling_split_between_two_outlets(tables):
    naming = tables["naming"].set_index(["outlet", "pair", "form"])["count"]
    assert naming[("alpha.example", "Kiev / Kyiv", "Kiev")] == 4          # titles are not body text
    assert naming[("alpha.example", "Kiev / Kyiv", "Kyiv")] == 0
    assert naming[("beta.example", "Kiev / Kyiv", "Kyiv")] == 3
    assert naming[("beta.example", "Kiev / Kyiv", "Kiev")] == 0
    assert naming[("alpha.example", "Donbass / Donbas", "Donbass")] == 2
    assert naming[("beta.example", "Donbass / Donbas", "Donbas")] == 2
    assert naming[("alpha.example", "Lugansk / Luhansk", "Lugansk")] == 1
    shares = tables["naming"].set_index(["outlet", "pair", "form"])["share"]
    assert shares[("alpha.example", "Kiev / Kyiv", "Kiev")] == 1.0
    examples = tables["naming_examples"]
    first = examples[(examples["outlet"] == "alpha.example") & (examples["form"] == "Kiev")].iloc[0]
    assert "Kiev" in first["text"] and first["surface"] == "Kiev"


def test_naming_rules_the_ukraine_exclusions_and_case():
    forms = lambda text: [(f, s) for _, f, _, _, s in find_forms(text)]
    assert ("the Ukraine", "the Ukraine") in forms("He travelled to the Ukraine in 1990.")
    assert ("Ukraine", "Ukraine") not in forms("He travelled to the Ukraine in 1990.")
    assert ("Ukraine", "Ukraine") in forms("the Ukraine crisis deepened")          # attributive: current name
    assert ("the Ukraine", "the Ukraine") not in forms("The Ukraine is large.")    # capital The: not counted
    assert forms("They ate Chicken Kiev in Kievan Rus style.") == []
    assert ("people's republics", "People\u2019s Republic") in forms("the Donetsk People\u2019s Republic said")
    assert forms("the People's Republic of China") == []
    assert ("Kiev", "Kiev") in forms("the pro-Kiev camp and Kiev's allies")
    assert ("separatists", "Separatists") in forms("Separatists shelled the town.")
    assert forms("kiev") == []                                                      # place names: case-sensitive


def test_naming_table_is_the_source_of_the_lexicon_pairs():
    from newslens.framing.lexicon import load_lexicon

    variants = load_variants()
    sets = {frozenset(rows["form"]) for _, rows in variants[variants["kind"] == "place_name"].groupby("pair")}
    for entry in load_lexicon().by_category("naming_choice"):
        assert frozenset({entry.term, entry.alternative}) in sets, entry.term
    assert variants["source"].str.len().gt(0).all()
    assert set(variants["case"]) <= {"sensitive", "insensitive"}


def test_a_cross_posted_pair_is_found_as_shared(tables):
    shared = tables["shared_passages"]
    assert len(shared) == 1
    row = shared.iloc[0]
    assert (row["outlet_a"], row["date_a"]) == ("alpha.example", "2022-03-01")      # published first
    assert (row["outlet_b"], row["date_b"]) == ("beta.example", "2022-03-04")
    assert row["first"] == "a: alpha.example 2022-03-01"
    assert row["passage"] == CROSS_POSTED.rstrip(".")
    assert row["passage_words"] == len(CROSS_POSTED.split())
    assert 0 < row["share_a"] < row["share_b"] < 1
    assert row["sentence_ids_a"] == "2" and row["sentence_ids_b"] == "2"


def test_shared_passages_ignore_common_short_phrases_and_find_edited_copies():
    text = ("Sanctions were imposed on the largest banks of the country today, freezing every asset they hold in "
            "the United States and cutting them off from the financial system for many years to come.")
    sentences = pd.DataFrame({
        "item": [0, 1, 2], "sentence_id": [1, 1, 1],
        "text": [text, "In other news, " + text.replace("today", "on Monday"), "The United States and its allies met."]})
    articles = pd.DataFrame({"item": [0, 1, 2], "outlet": ["a", "b", "c"], "date": ["2022-01-02", "2022-01-01", ""],
                             "title": ["x", "y", "z"]})
    shared = find_shared_passages(sentences, articles)
    assert set(shared["item_a"]) == {1} and set(shared["item_b"]) == {0}            # item 1 was first
    assert shared["passage"].str.startswith("freezing every asset").any()          # after the edit
    assert shared["passage_words"].max() >= 20


def _toy_corpus(word_counts, articles):
    return Corpus(out_dir=None, file_format="parquet", by="outlet",
                  tables={"word_counts": word_counts, "articles": articles})


def test_keyness_sign_on_a_toy_corpus():
    from newslens.compare.framing import keyness_by_group

    rows = []
    for item, group, counts in [(0, "A", {"regime": 30, "peace": 2, "talks": 10}),
                                (1, "A", {"regime": 20, "peace": 3, "talks": 10}),
                                (2, "B", {"regime": 1, "peace": 40, "talks": 10}),
                                (3, "B", {"regime": 2, "peace": 35, "talks": 10})]:
        rows += [{"item": item, "group": group, "word": w, "count": c} for w, c in counts.items()]
    words = pd.DataFrame(rows)
    articles = pd.DataFrame({"item": [0, 1, 2, 3], "group": ["A", "A", "B", "B"]})
    key = keyness_by_group(_toy_corpus(words, articles), min_count=1).set_index(["group", "word"])
    assert key.loc[("A", "regime"), "direction"] == "over" and key.loc[("A", "regime"), "log_ratio"] > 0
    assert key.loc[("A", "peace"), "direction"] == "under" and key.loc[("A", "peace"), "log_ratio"] < 0
    assert key.loc[("B", "peace"), "direction"] == "over"
    assert key.loc[("A", "regime"), "g2"] == pytest.approx(float(g2(50, 3, 75, 98)))
    assert key.loc[("A", "regime"), "p_band"] == "p<0.0001"
    assert key.loc[("A", "talks"), "p_band"] == "n.s."


def test_g2_and_log_ratio_match_the_published_formulas():
    # a=10 in c=1000 vs b=2 in d=1000: expected 6 each, G2 = 2 (10 ln(10/6) + 2 ln(2/6)) = 5.822
    assert float(g2(10, 2, 1000, 1000)) == pytest.approx(5.8221, abs=1e-4)
    assert float(g2(0, 5, 100, 100)) == pytest.approx(2 * 5 * np.log(2))
    assert float(log_ratio(10, 2, 1000, 1000)) == pytest.approx(np.log2(5))
    assert float(log_ratio(4, 0, 1000, 1000)) == pytest.approx(np.log2(8))      # zero read as 0.5


def test_intervals_absent_for_a_one_article_outlet(tables):
    tone = tables["tone"]
    solo = tone[tone["outlet"] == "solo.example"]
    assert len(solo) == 6 and solo["ci_low"].isna().all() and solo["ci_high"].isna().all()
    assert solo["note"].str.contains("no interval: 1 article").all()
    assert solo["value"].notna().all()
    alpha = tone[tone["outlet"] == "alpha.example"]
    assert alpha["ci_low"].notna().all() and (alpha["note"] == "").all()
    assert (alpha["ci_low"] <= alpha["value"]).all() and (alpha["value"] <= alpha["ci_high"]).all()
    actors = tables["actor_tone"]
    assert actors[actors["outlet"] == "solo.example"]["ci_low"].isna().all()


def test_news_tone_is_shown_beside_the_reference_tone(tables):
    tone = tables["tone"]
    alpha = tone[tone["outlet"] == "alpha.example"].set_index("measure")
    assert list(alpha.index) == ["tone", "news_tone", "article_mean_compound", "sentence_compound",
                                 "vader_article_mean_compound", "vader_sentence_compound"]
    assert alpha.loc["news_tone", "articles"] == alpha.loc["tone", "articles"]


def test_the_primary_compound_is_the_news_sense_score_with_the_reference_beside_it(tables, corpus_out):
    from newslens.compare.sentiment import tone_by_group

    corpus = read_corpus(corpus_out)
    tone = tables["tone"]
    alpha = tone[tone["outlet"] == "alpha.example"].set_index("measure")
    articles = corpus["articles"]
    arts = articles[articles["group"] == "alpha.example"]
    assert alpha.loc["article_mean_compound", "value"] == pytest.approx(arts["news_mean_compound"].mean(), abs=1e-9)
    assert alpha.loc["vader_article_mean_compound", "value"] == pytest.approx(arts["vader_mean_compound"].mean(),
                                                                              abs=1e-9)
    assert "vader_mean_compound" in tables["actor_tone"]
    # corpus tables written before the news-sense score was primary: the reference, said so, no duplicate rows
    old = Corpus(corpus.out_dir, corpus.file_format, corpus.by, {
        **corpus.tables, "articles": articles.drop(columns=["news_mean_compound", "news_body_compound"]),
        "sentences": corpus["sentences"].drop(columns=["news_compound"])})
    fallback = tone_by_group(old)
    part = fallback[fallback["group"] == "alpha.example"].set_index("measure")
    assert "vader_article_mean_compound" not in part.index
    assert part.loc["article_mean_compound", "value"] == pytest.approx(arts["vader_mean_compound"].mean(), abs=1e-9)
    assert "reference VADER" in part.loc["article_mean_compound", "description"]


def test_bootstrap_is_over_articles_and_deterministic():
    values = [0.1, 0.2, 0.3, 0.9]
    assert bootstrap_mean(values, "g") == bootstrap_mean(values, "g")
    est, low, high, note = bootstrap_mean(values, "g")
    assert est == pytest.approx(0.375) and low < est < high and note == ""
    # a pooled ratio: one article with 100 sentences and one with 1 -> the estimate weighs sentences
    est, low, high, note = bootstrap_ratio([10.0, 1.0], [100, 1], "g")
    assert est == pytest.approx(11 / 101) and np.isnan(low) and note.startswith("no interval: 2 articles")


def test_date_bins():
    assert date_bin(["2022-02-24", "2022-03-01", ""], "month") == ["2022-02", "2022-03", "(no date)"]
    assert date_bin(["2022-02-24"], "week") == ["2022-W08"]
    assert date_bin(["2022-02-24"], "day") == ["2022-02-24"]


def test_places_timeline_and_groups(tables):
    roles = tables["place_roles"]
    assert set(roles["role"]) == {"literal", "actor", "attribute"}      # the demo corpus has no wire datelines
    timeline = tables["timeline"]
    assert timeline.groupby("outlet")["articles"].sum().to_dict() == {
        "alpha.example": 3, "beta.example": 3, "solo.example": 1}
    assert tables["groups"]["outlet"].tolist() == ["alpha.example", "beta.example", "solo.example"]
    countries = tables["place_countries"]
    assert countries[countries["is_focus"]].groupby("outlet").size().eq(1).all()


def test_group_by_another_column(corpus_out):
    corpus = read_corpus(corpus_out, by="date", date_bins="week")
    assert corpus.groups == ["2022-W09", "2022-W10"]
    tables = compare_tables(corpus_out, by="date", date_bins="week")
    assert "date" in tables["tone"].columns and set(tables["tone"]["date"]) == {"2022-W09", "2022-W10"}


def test_command_line_writes_compare_and_corpus_runs_it(corpus_out, tmp_path, capsys):
    from newslens.cli import main

    assert main(["compare", str(corpus_out), "--no-figures"]) == 0
    manifest = json.loads((corpus_out / "compare" / "manifest.json").read_text())
    assert manifest["groups"] == ["alpha.example", "beta.example", "solo.example"]
    assert (corpus_out / "compare" / "naming.parquet").exists()
    assert main(["compare", str(corpus_out), "--by", "nope"]) == 2
    assert "no column 'nope'" in capsys.readouterr().err
    assert main(["compare", str(tmp_path)]) == 2
    assert "no corpus tables" in capsys.readouterr().err


def test_figures_are_saved_with_their_data(corpus_out, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    written = write_compare(corpus_out)
    for name in ("tone_figure", "naming_figure", "place_map_figure", "timeline_figure", "keyness_figure"):
        assert written[name].exists() and written[name].with_suffix(".csv").exists()
    again = write_compare(corpus_out)
    assert written["naming_figure"].read_bytes() == again["naming_figure"].read_bytes()


def test_place_countries_count_datelines_in_their_own_column():
    # A wire dateline's place counts toward a country's mentions (as in the article's focus): its own column,
    # so that the role columns add up to the mentions.
    import pandas as pd

    from newslens.compare.places import place_countries

    class Corpus(dict):
        groups = ["wire.example"]

    mentions = pd.DataFrame({"group": "wire.example", "item": [1, 1, 1], "country": "Azerbaijan",
                             "country_code": "AZ", "role": ["dateline", "actor", "literal"]})
    articles = pd.DataFrame({"group": ["wire.example"], "item": [1], "focus_country": ["Azerbaijan"]})
    row = place_countries(Corpus(place_mentions=mentions, articles=articles)).iloc[0]
    assert (row["mentions"], row["place"], row["actor"], row["attribute"], row["dateline"]) == (3, 1, 1, 0, 1)


def test_place_roles_show_the_dateline_role_only_where_a_corpus_has_datelines():
    import pandas as pd

    from newslens.compare.places import place_roles

    class Corpus(dict):
        groups = ["wire.example"]

    articles = pd.DataFrame({"group": ["wire.example"], "item": [1], "words": [500]})
    with_dateline = pd.DataFrame({"group": "wire.example", "item": [1, 1], "role": ["dateline", "actor"]})
    roles = place_roles(Corpus(place_mentions=with_dateline, articles=articles)).set_index("role")["mentions"]
    assert roles.to_dict() == {"literal": 0, "actor": 1, "attribute": 0, "dateline": 1}
    without = with_dateline.assign(role=["literal", "actor"])
    assert "dateline" not in set(place_roles(Corpus(place_mentions=without, articles=articles))["role"])


def test_cue_rates_count_the_outlets_voice_apart_from_its_speakers(corpus_out, tables):
    from newslens.compare.load import read_corpus

    rates = tables["cue_rates"]
    articles = read_corpus(corpus_out)["articles"]
    assert set(rates["voice"]) == {"outlet", "speakers"}
    for outlet, part in rates.groupby("outlet"):
        own = articles[articles["outlet"] == outlet]
        by_voice = part.set_index("voice")
        assert by_voice.loc["outlet", "words"] == own["outlet_words"].sum()
        assert by_voice.loc["speakers", "words"] == own["speaker_words"].sum()
        assert by_voice.loc["outlet", "words"] + by_voice.loc["speakers", "words"] == own["words"].sum()
