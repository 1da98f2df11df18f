"""Framing-term counts on the seed, each checked by reading the ten body paragraphs.

The standfirst (the lede above the body) is not part of the body, so the lede's words count once: where
paragraph 4 repeats it. Words inside the quoted title in paragraph 1 are listed but not counted.
"""

import pytest

from newslens.framing.terms import dispersion_dp, find_mentions, kwic
from newslens.framing.tables import framing_tables


@pytest.fixture(scope="module")
def tables(seed_article):
    return framing_tables(seed_article)


@pytest.fixture(scope="module")
def terms(tables):
    return tables["terms.csv"].set_index(["category", "term"])


def count(terms, category, term):
    return int(terms.loc[(category, term), "count"])


def paragraphs(terms, category, term):
    return terms.loc[(category, term), "paragraphs"]


# (category, term, count, paragraphs): read off the article body.
SEED_COUNTS = [
    # P2 "Turkey's “drone diplomacy”", P4 "that country's “drone diplomacy”", P5 'its "drone diplomacy"'
    ("military_diplomacy", "drone diplomacy", 3, "2;4;5"),
    # P2 “military diplomacy”, P5 "military diplomatic" inertia (variant), P7 "military diplomacy"
    ("military_diplomacy", "military diplomacy", 3, "2;5;7"),
    # P2 “balance” Russia's, P6 "balance" Russia, P9 military "balance"; the P1 title's "Balance" is not counted
    ("geopolitical_balance", "balance", 3, "2;6;9"),
    # P3 a very careful “balancing” act
    ("geopolitical_balance", "balancing", 1, "3"),
    # P4 emboldened its aggression (the lede), P5 Kiev's destabilizing aggression, P9 acts of destabilizing aggression
    ("conflict_label", "aggression", 3, "4;5;9"),
    # P4 ongoing civil war (the lede), P5 the Ukrainian Civil War, P6 its ongoing civil war
    ("conflict_label", "civil war", 3, "4;5;6"),
    # P6 NATO-Russia proxy war
    ("conflict_label", "proxy war", 1, "6"),
    # P7 Turkish-backed "rebels", P8 Turkish-allied "rebels"
    ("conflict_label", "rebel", 2, "7;8"),
    # P4 potentially game-changing (the lede), P6 potentially to that country's, P9 potentially game-changing,
    # P10 potentially hostile, potentially major
    ("hedge", "potentially", 5, "4;6;9;10"),
    # P4 already out of the bottle, already been proven (the lede); P5 already had; P7 already armed;
    # P8 as was already written; P9 already been proven
    ("certainty_marker", "already", 6, "4;5;7;8;9"),
    # P4 and P9 "have already been proven"
    ("certainty_marker", "proven", 2, "4;9"),
    # P1 "my work accurately assessed"
    ("certainty_marker", "accurately", 1, "1"),
    # P1 and perhaps soon also Lithuania, P9 or perhaps it did
    ("hedge", "perhaps", 2, "1;9"),
    # P6 Erdogan might therefore, P9 Turkey might not
    ("hedge", "might", 2, "6;9"),
    # P8 Russia unofficially seems to regard
    ("hedge", "seems", 1, "8"),
    # P3 would prefer, P7 it would be as if, P8 so too would Turkey, P10 would be, would at least, would worsen
    ("hedge", "would", 6, "3;7;8;10"),
    # P1 Kiev's Turkish drones, P4 Now that Kiev (the lede), P5 Kiev's destabilizing, P9 weapons to Kiev
    ("naming_choice", "Kiev", 4, "1;4;5;9"),
    # P1 just struck Donbass
    ("naming_choice", "Donbass", 1, "1"),
    # P4 potentially game-changing (the lede), P9 potentially game-changing
    ("escalation_threat", "game-changing", 2, "4;9"),
    # P1 destabilizing impact, P5 destabilizing aggression, P9 destabilizing aggression
    ("escalation_threat", "destabilizing", 3, "1;5;9"),
    # P4 offensive weapons (the lede), P7 similar offensive weaponry
    ("escalation_threat", "offensive weapons", 2, "4;7"),
    # P3 "who they regard as a “political prisoner”"
    ("legitimacy_label", "political prisoner", 1, "3"),
]


@pytest.mark.parametrize("category, term, expected, where", SEED_COUNTS, ids=[row[1] for row in SEED_COUNTS])
def test_seed_count(terms, category, term, expected, where):
    assert count(terms, category, term) == expected
    assert paragraphs(terms, category, term) == where


@pytest.mark.parametrize("category, term", [
    ("naming_choice", "Kyiv"), ("naming_choice", "Donbas"), ("naming_choice", "Lugansk"),
    ("naming_choice", "Luhansk"), ("conflict_label", "invasion"), ("conflict_label", "separatist"),
    ("legitimacy_label", "regime"), ("geopolitical_balance", "multipolar"),
    # P8 "Be that as it may" is an idiom, not a hedge; P10 "as effectively as possible" likewise
    ("hedge", "may"), ("hedge", "possibly"),
])
def test_seed_absent_terms(terms, category, term):
    assert count(terms, category, term) == 0


def test_the_quoted_title_is_listed_but_not_counted(tables, terms):
    mentions = tables["term_mentions.csv"]
    title_hits = mentions[~mentions["counted"]]
    assert sorted(title_hits["surface"]) == ["Balance", "Turkey"]
    assert set(title_hits["paragraph_id"]) == {1}
    assert set(title_hits["not_counted_reason"]) == {"inside a quoted title"}
    assert int(terms.loc[("geopolitical_balance", "balance"), "not_counted"]) == 1


def test_the_lede_is_counted_once(seed_article, tables):
    standfirst = seed_article.standfirst
    mentions = tables["term_mentions.csv"]
    inside_lede = mentions[(mentions["start"] >= standfirst.body_start) & (mentions["end"] <= standfirst.body_end)]
    # The lede's framing words, each once, all in paragraph 4.
    assert sorted(inside_lede["term"]) == sorted([
        "Kiev", "potentially", "game-changing", "offensive weapons", "already", "proven", "emboldened",
        "aggression", "civil war", "war", "restrain"])
    assert set(inside_lede["paragraph_id"]) == {4}
    assert seed_article.body.count("potentially game-changing offensive weapons") == 1


def test_scare_quoted_terms_are_marked(terms):
    assert int(terms.loc[("military_diplomacy", "drone diplomacy"), "in_scare_quotes"]) == 3
    assert int(terms.loc[("conflict_label", "rebel"), "in_scare_quotes"]) == 2
    assert int(terms.loc[("legitimacy_label", "political prisoner"), "in_attributed_quotes"]) == 1
    assert int(terms.loc[("conflict_label", "aggression"), "in_scare_quotes"]) == 0


def test_every_count_traces_to_its_kwic_lines(seed_article, tables):
    terms_frame, mentions = tables["terms.csv"], tables["term_mentions.csv"]
    for row in terms_frame.itertuples():
        lines = kwic(mentions[mentions["category"] == row.category], term=row.term)
        assert len(lines) == row.count, row.term
    for m in mentions.itertuples():
        assert seed_article.body[m.start:m.end] == m.surface
        sentence = next(s for s in seed_article.sentences if s.id == m.sentence_id)
        assert sentence.start <= m.start and m.end <= sentence.end


def test_kwic_context_shows_the_line(tables):
    lines = kwic(tables["term_mentions.csv"], term="proxy war")
    assert len(lines) == 1
    assert lines.loc[0, "left"].endswith("(whether rightly or wrongly) as a NATO-Russia ")
    assert lines.loc[0, "right"].startswith(". \u00b6 For comparison's sake")  # ¶ marks the paragraph break


def test_rates_per_1000_words(seed_article, terms):
    n_words = len(seed_article.words)
    assert n_words == 802
    assert terms.loc[("hedge", "potentially"), "per_1000"] == round(5 * 1000 / 802, 2) == 6.23


def test_category_totals_and_absent_frames(seed_article, tables):
    totals = tables["term_categories.csv"].set_index("category")
    assert totals.loc["frame_human_interest", "count"] == 0
    assert totals.loc["frame_morality", "count"] == 0
    terms_frame = tables["terms.csv"]
    for category, row in totals.iterrows():
        assert row["count"] == terms_frame.loc[terms_frame["category"] == category, "count"].sum()


def test_naming_choices_record_the_spelling_picked(tables):
    naming = tables["naming_choices.csv"].set_index("spelling_a")
    assert naming.loc["Kiev", "picked"] == "Kiev" and naming.loc["Kiev", "count_b"] == 0
    assert naming.loc["Donbas", "picked"] == "Donbass"
    assert naming.loc["Lugansk", "picked"] == "neither"


def test_longest_match_wins_inside_a_category(seed_article):
    # "civil war" (conflict_label) and "war" (frame_conflict) both count; inside frame_conflict "war" counts once.
    mentions = [m for m in find_mentions(seed_article) if m.surface.lower().endswith("war")]
    assert sorted({(m.category, m.term) for m in mentions}) == [
        ("conflict_label", "civil war"), ("conflict_label", "proxy war"), ("frame_conflict", "war")]
    assert sum(m.category == "frame_conflict" for m in mentions) == 4


def test_dispersion_dp():
    words = {1: 50, 2: 50}
    assert dispersion_dp([1, 2], words) == 0.0
    assert dispersion_dp([1, 1], words) == 0.5
    assert dispersion_dp([], words) is None


def test_tables_are_deterministic(seed_article, tables):
    again = framing_tables(seed_article)
    assert list(again) == ["terms.csv", "term_categories.csv", "naming_choices.csv", "term_mentions.csv",
                           "keyness.csv", "quotes.csv", "cues.csv", "cue_rates.csv", "collocations.csv"]
    for name, frame in tables.items():
        assert frame.equals(again[name]), name


def test_table_columns(tables):
    assert list(tables["terms.csv"].columns)[:5] == ["term", "category", "count", "per_1000", "paragraphs"]
    assert {"sentence_id", "start", "end", "surface", "term", "category"} <= set(tables["term_mentions.csv"].columns)
