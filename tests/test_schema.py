"""Every table newslens writes matches its declaration in newslens.schema (columns, order, types, missing
values), empty tables included; the corpus tables too; docs/tables.md is generated from the declarations."""

import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from small_corpora import corpus_with_an_undated_article

import newslens
from newslens import schema
from newslens.analysis import Options
from newslens.corpus import run_corpus
from newslens.corpus.tables import ARTICLE_COLUMNS, ERROR_COLUMNS, KEYS, TABLE_COLUMNS
from newslens.paths import REPO_ROOT
from newslens.stages import EXTRAS

DEMO = REPO_ROOT / "corpus" / "demo"
DEGENERATE = REPO_ROOT / "tests" / "fixtures" / "degenerate"
NO_QUOTES = DEMO / "whitehouse" / ("2022-02-24_statement-by-president-joe-biden-on-phone-call-with-president-"
                                   "volodymyr.txt")
ARTICLES = {
    "seed": (newslens.seed_path(), "all"),
    "seed_default": (newslens.seed_path(), ""),
    "demo_no_quotes": (NO_QUOTES, "all"),
    "no_actors_no_places": (DEGENERATE / "weather_no_actors_no_places.txt", "all"),
    "one_paragraph": (DEGENERATE / "one_paragraph.txt", "all"),
    "one_paragraph_default": (DEGENERATE / "one_paragraph.txt", ""),
}
# Tables each degenerate article must leave empty (what the case is about).
EMPTY = {
    "demo_no_quotes": {"quotes.csv"},
    "no_actors_no_places": {"actors.csv", "actor_mentions.csv", "places.csv", "place_mentions.csv",
                            "place_focus.csv"},
    "one_paragraph": {"actors.csv", "places.csv", "quotes.csv", "term_mentions.csv", "removed_lines.csv"},
}


@pytest.fixture(scope="module", params=sorted(ARTICLES))
def analysed(request):
    path, extras = ARTICLES[request.param]
    return request.param, newslens.analyze(path, Options(extras=extras))


def test_every_table_matches_its_declaration(analysed):
    name, result = analysed
    extras = result.options.extras
    assert list(result.tables) == schema.article_table_names(extras)
    for table_name, frame in result.tables.items():
        assert schema.problems(frame, schema.ARTICLE_TABLES[table_name], extras) == [], table_name
    for table_name in EMPTY.get(name, ()):
        assert len(result.tables[table_name]) == 0, table_name


def test_written_files_carry_every_declared_column(analysed, tmp_path):
    _, result = analysed
    newslens.write(result, tmp_path, with_map=False)
    for table_name in result.tables:
        header = (tmp_path / table_name).read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header == schema.ARTICLE_TABLES[table_name].column_names(result.options.extras), table_name


def test_the_map_table_matches_its_declaration(tmp_path):
    result = newslens.analyze(DEGENERATE / "weather_no_actors_no_places.txt")
    newslens.write(result, tmp_path)
    header = (tmp_path / "places_map.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == schema.PLACES_MAP.column_names()


def test_conform_fills_an_empty_table_and_refuses_other_columns():
    table = schema.ACTORS
    empty = schema.conform(pd.DataFrame(), table, extras=frozenset(EXTRAS))
    assert list(empty.columns) == table.column_names() and len(empty) == 0
    assert schema.problems(empty, table) == []
    assert list(schema.conform(pd.DataFrame(), table, extras=frozenset()).columns) == \
        [c.name for c in table.columns if not c.extra]
    filled = pd.DataFrame({"line_no": [1], "reason": ["furniture"], "text": ["Share this"]})
    assert schema.conform(filled, schema.REMOVED_LINES) is filled
    with pytest.raises(schema.SchemaError):
        schema.conform(filled[["reason", "line_no", "text"]], schema.REMOVED_LINES)
    with pytest.raises(schema.SchemaError):
        schema.conform(filled.assign(extra=1), schema.REMOVED_LINES)
    with pytest.raises(schema.SchemaError):
        schema.conform_tables({"removed_lines.csv": filled}, frozenset())


def test_declarations_are_well_formed():
    for table in [*schema.WRITTEN_TABLES.values(), *schema.CORPUS_TABLES.values()]:
        names = [c.name for c in table.columns]
        assert len(names) == len(set(names)), table.name
        assert set(table.keys) <= set(names), table.name
        assert table.meaning and all(c.meaning for c in table.columns), table.name
        assert {table.extra, *(c.extra for c in table.columns)} <= {"", *EXTRAS}, table.name
    for name, table in schema.CORPUS_TABLES.items():
        if name not in ("articles", "errors"):
            assert table.column_names()[:len(KEYS)] == KEYS, name


def test_corpus_actor_sentiment_is_the_actor_table_plus_keys():
    corpus = schema.CORPUS_ACTOR_SENTIMENT.column_names()
    assert corpus == KEYS + [n for n in schema.ACTORS.column_names() if n != "note"]


ARROW = {schema.STRING: pa.string(), schema.INT: pa.int64(), schema.NULLABLE_INT: pa.int64(),
         schema.FLOAT: pa.float64(), schema.BOOL: pa.bool_()}


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """Three demo articles, one of them undated (its date line cut, no date in the manifest)."""
    root = tmp_path_factory.mktemp("schema_corpus_in")
    corpus_with_an_undated_article(root, NO_QUOTES, "biden.txt")
    out = tmp_path_factory.mktemp("schema_corpus_out")
    run_corpus(root, out, workers=1, quiet=True)
    return out


def test_corpus_column_lists_come_from_the_schema():
    assert ARTICLE_COLUMNS == schema.CORPUS_ARTICLES.column_names()
    assert ERROR_COLUMNS == schema.CORPUS_ERRORS.column_names()
    assert {name: KEYS + columns for name, columns in TABLE_COLUMNS.items()} == {
        name: t.column_names() for name, t in schema.CORPUS_TABLES.items() if name not in ("articles", "errors")}


def test_corpus_tables_match_their_declarations(small_corpus):
    articles = pd.read_parquet(small_corpus / "articles.parquet")
    assert sorted(articles["date"]) == ["", "2022-02-24", "2022-03-01"]
    for name, table in schema.CORPUS_TABLES.items():
        parquet = pq.read_table(small_corpus / f"{name}.parquet")
        declared = table.column_names()
        assert parquet.schema.names[:len(declared)] == declared, name
        if name != "articles":           # articles: any other manifest column follows the declared ones
            assert parquet.schema.names == declared, name
        for column in table.columns:
            assert parquet.schema.field(column.name).type == ARROW[column.dtype], (name, column.name)
            if not column.nullable:
                assert parquet.column(column.name).null_count == 0, (name, column.name)


def test_docs_tables_md_is_up_to_date():
    generated = subprocess.run([sys.executable, "-m", "newslens.schema"], capture_output=True, text=True,
                               check=True).stdout
    assert generated == schema.markdown()
    committed = (REPO_ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    assert committed == generated, "docs/tables.md is stale: python -m newslens.schema > docs/tables.md"
