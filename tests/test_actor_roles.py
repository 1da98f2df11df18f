"""Actors from the places stage: a country acts only where its place role says so; settings and origins are
counted apart and never scored; countries outside actors.csv become actors. And the wire dateline's place.

Every text here is written for the test.
"""

import pandas as pd
import pytest

import newslens
from newslens.sentiment.actors import actor_mentions, actor_sentiment
from newslens.sentiment.tables import sentence_sentiment
from newslens.text.loader import load_text

REPORT = (
    "Ceasefire talks\n\n"
    "BAKU, Oct 27 (Reuters) - Azerbaijan warned Armenia on Tuesday that the talks would fail. "
    "Baku's negotiators rejected the proposal. "
    "Turkish drones made by a Turkish company were seen near the border. "
    "Conflicts in Syria have displaced millions of people. "
    "Israel sold weapons to Azerbaijan last year. "
    "Fighting continued in Eastern Ukraine on Monday.\n"
)


@pytest.fixture(scope="module")
def report():
    return newslens.analyze(load_text(REPORT, "report.txt", "auto"))


def _mentions(result, actor):
    m = result["actor_mentions"]
    return m[m["actor"] == actor]


def test_countries_outside_the_alias_list_become_actors(report):
    actors = report["actors"].set_index("actor")
    # Neither Azerbaijan nor Israel is in actors.csv; both act here ("Azerbaijan warned", "Israel sold").
    assert {"Azerbaijan", "Israel"} <= set(actors.index)
    azerbaijan = _mentions(report, "Azerbaijan")
    # "Azerbaijan warned", "Baku's negotiators" (the capital), "sold weapons to Azerbaijan" (a trade party).
    assert azerbaijan["written"].tolist() == ["Azerbaijan", "Baku's", "Azerbaijan"]
    assert set(azerbaijan["role"]) == {"acting"}
    assert azerbaijan["kind"].tolist() == ["country", "capital", "country"]
    assert actors.loc["Azerbaijan", "mentions"] == 3 and actors.loc["Azerbaijan", "sentences"] == 3


def test_settings_are_listed_and_never_scored(report):
    syria = _mentions(report, "Syria")
    assert syria["role"].tolist() == ["setting"]            # "Conflicts in Syria"
    assert "Syria" not in set(report["actors"]["actor"])
    ukraine = _mentions(report, "Ukraine")
    # "Ukraine" inside the region "Eastern Ukraine": the region is where, the country does not act.
    assert ukraine["role"].tolist() == ["setting"] and "Eastern Ukraine" in ukraine["role_source"].iloc[0]
    assert "Ukraine" not in set(report["actors"]["actor"])


def test_origin_adjectives_are_counted_apart(report):
    turkey = _mentions(report, "Turkey")
    assert turkey["role"].tolist() == ["origin", "origin"]  # "Turkish drones", "a Turkish company"
    assert "Turkey" not in set(report["actors"]["actor"])   # never acts: no row, no score


def test_an_actor_row_counts_its_settings_and_origins_without_scoring_them():
    text = ("Two reports\n\nRussia rejected the offer angrily. Protesters gathered in Russia peacefully and "
            "happily. Russian vodka is popular.\n")
    result = newslens.analyze(load_text(text, "russia.txt", "auto"))
    row = result["actors"].set_index("actor").loc["Russia"]
    assert (row["mentions"], row["setting_mentions"], row["origin_mentions"]) == (1, 1, 1)
    sentences = result["sentences"].set_index("sentence_id")["news_compound"]
    # Only the sentence where Russia acts is scored: not the mean of the three sentences.
    assert row["sentences"] == 1 and row["mean_compound"] == pytest.approx(sentences[1], abs=1e-4)
    assert sentences[2] > 0 > sentences[1]                  # so scoring the setting would have moved the mean


def test_without_a_place_table_every_alias_mention_is_scored_as_before():
    article = load_text(REPORT, "report.txt", "auto")
    mentions = actor_mentions(article)
    assert set(mentions["role"]) == {""}
    actors = actor_sentiment(article, sentence_sentiment(article, second_opinions=False), mentions, intervals=False)
    # Only actors.csv aliases: Turkey (its demonym) and Syria are scored; Azerbaijan is not found at all.
    assert {"Turkey", "Syria"} <= set(actors["actor"]) and "Azerbaijan" not in set(actors["actor"])


def test_wire_dateline_is_a_place_mention_with_role_dateline(report):
    assert report.article.meta.dateline_place == "Baku"
    mentions = report["place_mentions"]
    first = mentions.iloc[0]
    assert (first["mention_id"], first["surface"], first["place"], first["country"], first["role"]) == \
        (1, "BAKU", "Baku", "Azerbaijan", "dateline")
    assert pd.isna(first["sentence_id"]) and pd.isna(first["start"])          # not in the body
    assert str(mentions["start"].dtype) == "Int64"                            # whole numbers, not floats
    assert (mentions["role"] == "dateline").sum() == 1
    places = report["places"].set_index("place")
    assert places.loc["Baku", ["mentions", "dateline_mentions", "actor_mentions"]].tolist() == [2, 1, 1]
    assert places.loc["Baku", "first_sentence"] == 2                          # the first mention in the body
    counts = report["place_role_counts"].set_index("role")["mentions"]
    assert counts["dateline"] == 1
    # The dateline's place is never an actor mention: "Baku" counts once for Azerbaijan (sentence 2).
    assert _mentions(report, "Azerbaijan")["sentence_id"].tolist() == [1, 2, 5]


def test_dateline_region_qualifies_the_place():
    text = "Title\n\nPARIS, Texas (AP) — Storms hit the town on Monday, officials said.\n"
    result = newslens.analyze(load_text(text, "paris.txt", "auto"))
    first = result["place_mentions"].iloc[0]
    assert (first["place"], first["country_code"], first["role"]) == ("Paris", "US", "dateline")


def test_no_dateline_no_dateline_mention():
    result = newslens.analyze(newslens.seed_path())
    assert "dateline" not in set(result["place_mentions"]["role"])
    assert result["place_mentions"]["start"].notna().all()


def test_a_bare_country_name_without_a_cue_is_scored_as_acting():
    # No cue either way: the places stage's default (literal, rule default_name); in political news such a
    # name is more often the state (bench/place_roles_news.py), so the actor table scores it.
    result = newslens.analyze(load_text("T\n\nThe summit was a success for Kenya. Talks continue.\n", "k.txt", "auto"))
    place = result["place_mentions"].iloc[0]
    assert (place["surface"], place["role"], place["rule"]) == ("Kenya", "literal", "default_name")
    kenya = _mentions(result, "Kenya")
    assert kenya["role"].tolist() == ["acting"] and kenya["role_source"].iloc[0].startswith("places: default_name")
    assert result["actors"].set_index("actor").loc["Kenya", "mentions"] == 1


def test_an_alias_inside_a_place_of_another_country_is_not_that_actor():
    # "American" inside "Latin American" (a region outside the United States) is no origin of the United
    # States; "Ukraine" inside "eastern Ukraine" stays Ukraine's setting.
    text = ("Talks\n\nLatin American governments praised the deal. American officials welcomed it. "
            "Fighting went on in eastern Ukraine. Ukraine rejected the plan.\n")
    result = newslens.analyze(load_text(text, "latin.txt", "auto"))
    us = _mentions(result, "United States")
    assert us["written"].tolist() == ["American", "American"]
    assert us["role"].tolist() == ["not_the_actor", "acting"]
    assert _mentions(result, "Ukraine")["role"].tolist() == ["setting", "acting"]
    actors = result["actors"].set_index("actor")
    assert actors.loc["United States", ["mentions", "origin_mentions"]].tolist() == [1, 0]
    assert actors.loc["Ukraine", ["mentions", "setting_mentions"]].tolist() == [1, 1]


def test_a_town_named_like_the_capital_is_not_the_capital():
    # Washington, Utah and Washington, Illinois are US towns, not the seat of the US government: a town
    # council voting there is not the United States acting.
    text = "Floods\n\nThe council of Washington, Utah, voted on Monday. Floods hit Washington, Illinois, too.\n"
    result = newslens.analyze(load_text(text, "washington.txt", "auto"))
    places = result["place_mentions"]
    washington = places[places["surface"] == "Washington"]
    assert washington["country_named"].tolist() == ["", ""]
    assert _mentions(result, "United States")["role"].tolist() == ["setting", "setting"]      # towns in the US
    assert "United States" not in set(result["actors"]["actor"])
    # The capital itself still names the country.
    capital = newslens.analyze(load_text("Talks\n\nWashington warned Moscow.\n", "dc.txt", "auto"))
    assert capital["place_mentions"]["country_named"].tolist() == ["United States", "Russia"]
    assert _mentions(capital, "United States")["role"].tolist() == ["acting"]


def test_geotext_comparison_reads_only_the_body(report):
    # geotext reads the body; the dateline's "BAKU" is not in it, so it is no "ours only" finding.
    from newslens.places.baseline import compare_with_geotext

    comparison = compare_with_geotext(report.article, report["place_mentions"])
    assert "BAKU" not in set(comparison["surface"])
    assert comparison.set_index("surface").loc["Baku", "ours_count"] == 1      # "Baku's negotiators"


def test_country_actors_are_named_as_the_gazetteer_names_them():
    # The places stage adds countries under the gazetteer's name; an actors.csv row naming the same country
    # otherwise ("USA", "Türkiye") would split one country into two actors. Each alias must also resolve to
    # that country (its name or demonym) or to its national capital, or the places stage could not give it a
    # role. The one exception: Brussels stands for the European Union, not for Belgium.
    from newslens.places.gazetteer import load_gazetteer
    from newslens.sentiment.actors import PLACE_KINDS, load_actors

    g = load_gazetteer()
    table = load_actors()
    rows = table[table["kind"].isin(PLACE_KINDS) & (table["actor"] != "European Union")]
    assert len(rows) > 30
    for row in rows.itertuples(index=False):
        named = {g.country_name(e.place.country_code) for e in g.lookup(row.alias) if e.place is not None
                 and (e.place.kind == "country" or g.capital_of(e.place))}
        assert row.actor in named, (row.actor, row.alias, named)
    assert set(table.loc[table["actor"] == "European Union", "kind"]) == {"union", "capital"}


def test_a_name_the_places_stage_takes_for_no_country_says_its_rule():
    # "Russia" in "NATO-Russia Council" is the places stage's organisation_name (not a place): the same span,
    # not a name inside another place's name.
    text = "T\n\nThe NATO-Russia Council met in the city on Monday, and the members of it spoke.\n"
    russia = _mentions(newslens.analyze(load_text(text, "council.txt", "auto")), "Russia")
    assert russia["role"].tolist() == ["not_the_actor"]
    assert russia["role_source"].tolist() == ["places: organisation_name (names no country here)"]


def test_the_people_of_a_country_are_not_the_state_acting():
    result = newslens.analyze(load_text("T\n\nThe people of Chile voted on Sunday. Chile protested.\n", "c.txt", "auto"))
    assert _mentions(result, "Chile")["role"].tolist() == ["setting", "acting"]


def test_a_bloc_acts_unless_its_name_is_an_origin_or_part_of_a_region():
    text = ("T\n\nShelling hit Western Ukraine. Western Europe warned Russia. Pro-Western parties won. "
            "The West responded.\n")
    west = _mentions(newslens.analyze(load_text(text, "w.txt", "auto")), "the West")
    assert list(zip(west["written"], west["role"])) == [
        ("Western", "not_the_actor"),    # "Western Ukraine": a region of Ukraine, not the bloc
        ("Western", "acting"),           # "Western Europe" counts as the bloc (actors.csv, a project decision)
        ("Pro-Western", "origin"),       # an alignment with the bloc, not the bloc acting
        ("West", "acting"),
    ]


def test_an_actors_extreme_sentences_are_read_in_the_news_sense():
    """Written sentences: the reference VADER makes the line of engagement an actor's most positive sentence;
    the news-sense score, primary in actors.csv, does not. The reference stays in the vader_ columns."""
    text = ("Two statements\n\nMoscow said the drills may destabilize the situation at the engagement line. "
            "Moscow welcomed the talks in Geneva.\n")
    article = load_text(text, "statements.txt", "auto")
    table = sentence_sentiment(article, second_opinions=False)
    row = actor_sentiment(article, table, actor_mentions(article), intervals=False).set_index("actor").loc["Russia"]
    assert row["vader_most_positive_sentence_id"] == 1                  # "engagement" +2.0 in VADER's lexicon
    assert row["most_positive_sentence_id"] == 2 and row["most_positive_compound"] > 0
    assert row["mean_compound"] < row["vader_mean_compound"]


def test_a_bloc_after_a_preposition_of_place_is_the_setting_not_the_bloc_acting():
    text = ("Talks\n\nPoland still coordinates with NATO in the Lublin Triangle. The Lublin Triangle met in July. "
            "Prices rose in the West. NATO warned Minsk.\n")
    mentions = newslens.analyze(load_text(text, "talks.txt", "auto"))["actor_mentions"]
    roles = list(zip(mentions["written"], mentions["role"]))
    assert ("Lublin Triangle", "setting") in roles and ("Lublin Triangle", "acting") in roles
    assert roles.count(("NATO", "acting")) == 2 and ("West", "setting") in roles
