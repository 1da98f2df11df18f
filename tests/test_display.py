"""The notebooks' table display (report.display) on the seed's real tables: counts as integers, NaN as the
chosen word, long text whole, no leftover index, the rest of a wide table one click away, HTML escaped."""

import re
from html import unescape

import pandas as pd
import pytest

import newslens
from newslens.report.display import cut_left, cut_right, kwic_table, show_record, show_table
from newslens.paths import REPO_ROOT


def _cells(html: str) -> list[str]:
    """The visible text of every td, in order."""
    return [unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)]


def _headers(html: str) -> list[str]:
    return [unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<th[^>]*>(.*?)</th>", html, re.S)]


@pytest.fixture(scope="module")
def seed_tables(seed_article):
    return newslens.analyze(seed_article, newslens.Options(extras="all")).tables


def test_counts_in_a_float_column_show_as_integers(seed_tables):
    tone = seed_tables["article_tone.csv"]
    assert tone["value"].dtype == float                          # the CSV column mixes counts and means
    table = show_table(tone, mixed=["value"])
    cells = _cells(table.html)
    n = len(tone.columns)
    values = dict(zip(cells[0::n], cells[2::n]))
    assert values["sentences"] == "25" and values["tone_word_count"] == "802" and values["nrc_anger"] == "24"
    assert values["vader_mean_compound"] == "-0.1529"
    assert "25.0000" not in table.text and "802.0" not in table.text


def test_integer_and_float_columns(seed_tables):
    actors = seed_tables["actors.csv"]
    table = show_table(actors, columns=["actor", "mentions", "sentences", "mean_compound"])
    rows = [_cells(table.html)[i:i + 4] for i in range(0, 4 * len(actors), 4)]
    assert rows[0] == ["Turkey", "25", "19", "-0.2053"]      # news-sense mean (reference VADER: -0.1077)
    assert rows[-1] == ["Lublin Triangle", "1", "1", "0.0000"]   # a float column keeps its decimals on zero


def test_missing_values_become_the_chosen_word(seed_tables):
    paragraphs = seed_tables["paragraphs.csv"] if "paragraphs.csv" in seed_tables else None
    if paragraphs is None:
        from newslens.text.tables import paragraphs_frame

        paragraphs = paragraphs_frame(newslens.load_article(newslens.seed_path()))
    table = show_table(paragraphs.drop(columns="text"), na={"duplicate_of": "", "*": "not in body"})
    assert "<NA>" not in table.html and "nan" not in table.html.lower().replace("nan;", "")
    first = _cells(table.html)[:7]
    assert first == ["0", "standfirst", "4", "not in body", "not in body", "not in body", "44"]
    second = _cells(table.html)[7:14]
    assert second[2] == ""                                       # a body paragraph duplicates nothing: blank


def test_long_text_is_whole_and_wraps(seed_article):
    from newslens.sentiment.tables import extremes, sentence_sentiment
    from newslens.text.tables import sentences_frame

    sentences = sentences_frame(seed_article).merge(sentence_sentiment(seed_article), on="sentence_id")
    frame = extremes(sentences, n=1)
    longest = max(frame["text"], key=len)
    assert len(longest) > 200
    table = show_table(frame)
    assert longest in _cells(table.html)                         # not cut, not ellipsised
    assert re.search(r'<td style="[^"]*white-space:normal;min-width:34em;max-width:34em[^"]*">', table.html)


def test_no_index_named_index_becomes_a_column(seed_tables):
    terms = seed_tables["terms.csv"]
    found = terms[terms["count"] > 2][["term", "count"]]          # a filtered index: 0, 1, 20, 21...
    assert list(found.index) != list(range(len(found)))
    table = show_table(found)
    assert _headers(table.html) == ["term", "count"]
    assert _cells(table.html)[0] == found["term"].iloc[0]
    per_kind = seed_tables["quotes.csv"].groupby("kind").size().rename("spans")
    table = show_table(per_kind)
    assert _headers(table.html) == ["kind", "spans"]
    assert _cells(table.html) == ["attributed quotation", "2", "scare quote", "13"]


def test_wide_table_keeps_the_rest_one_click_away(seed_tables):
    mentions = seed_tables["place_mentions.csv"]
    table = show_table(mentions, columns=["sentence_id", "surface", "role", "rule"], more_key="surface",
                       source="place_mentions.csv")
    main, details = table.html.split("<details", 1)
    assert _headers(main) == ["sentence_id", "surface", "role", "rule"]
    hidden = [c for c in mentions.columns if c not in ("sentence_id", "surface", "role", "rule")]
    assert f"{len(hidden)} more columns" in details
    assert _headers(details.split("</summary>", 1)[1]) == ["surface"] + hidden
    assert "Full table: place_mentions.csv" in table.html


def test_html_is_escaped_and_deterministic():
    frame = pd.DataFrame({"title": ['Talks <script>alert("x")</script> & <b>bold</b>'], "n": [1]})
    table = show_table(frame, "caption <b>here</b>")
    assert "<script" not in table.html and not re.search(r"<b[\s>]", table.html)
    assert "&lt;script&gt;" in table.html
    assert show_table(frame).html == show_table(frame).html
    assert "0x" not in repr(table) and "Styler" not in repr(table)


def test_record_and_plain_text(seed_article):
    meta = seed_article.meta
    table = show_record({"title": meta.title, "words": 802, "mean": 32.08})
    assert meta.title in _cells(table.html)                     # the full title: no 50-character cut
    assert _cells(table.html)[1::2] == [meta.title, "802", "32.08"]
    assert repr(table).splitlines()[1].startswith("title")


def test_kwic_cuts_at_word_boundaries_and_marks_the_term(seed_tables):
    mentions = seed_tables["term_mentions.csv"]
    lines = mentions[mentions["term"] == "aggression"][["sentence_id", "paragraph_id", "left", "surface", "right"]]
    table = kwic_table([("aggression: 3 hits", lines)], width=30)
    assert table.html.count("<mark") == len(lines) == 3
    for row in lines.itertuples():
        left, right = cut_left(row.left, 30), cut_right(row.right, 30)
        assert row.left.endswith(left.removeprefix("\u2026 "))           # a suffix of whole words
        assert left.removeprefix("\u2026 ").split(" ")[0] in row.left.split(" ")
        assert right.removesuffix(" \u2026").split(" ")[-1] in row.right.split(" ")
    assert cut_right("destabilizing aggression in the ongoing war", 20) == "destabilizing \u2026"
    assert cut_left("emboldened its aggression", 12) == "\u2026 aggression"


def test_hostile_text_in_kwic_is_escaped():
    lines = pd.DataFrame({"sentence_id": [1], "paragraph_id": [1], "left": ["<script>x</script> near"],
                          "surface": ["<b>Gdansk</b>"], "right": ["and <b>more</b>"]})
    html = kwic_table([("<b>term</b>", lines)]).html
    assert not re.search(r"<(script|b)[\s>]", html)
    assert (REPO_ROOT / "tests/fixtures/loader/hostile_article.txt").exists()


def test_an_empty_table_can_say_so_instead():
    from newslens.schema import ACTORS, empty

    actors = empty(ACTORS)
    table = show_table(actors, "Sentiment near each actor", columns=["actor", "mean_compound"],
                       empty="no scored actors in this article.")
    assert repr(table) == "Sentiment near each actor: no scored actors in this article."
    assert "<table" not in table.html
    assert "<table" in show_table(actors, "Sentiment near each actor").html        # without ``empty``: the header
    with pytest.raises(KeyError):
        show_table(actors, columns=["no such column"], empty="none")
