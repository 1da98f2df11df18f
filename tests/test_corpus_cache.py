"""The corpus result cache and the Arrow rows: an article's rows keep the values and types the Parquet tables
declare, and a cache file is Arrow data behind a JSON header, read back as written (no pickle)."""

import pandas as pd
import pyarrow as pa
import pytest

from newslens.corpus import store
from newslens.corpus.tables import TABLE_COLUMNS, analyse_item
from newslens.corpus.inputs import iter_items
from newslens.analysis import Options
from newslens.paths import REPO_ROOT

DEMO_ARTICLE = REPO_ROOT / "corpus" / "demo" / "state_dept" / "2022-08-24_ukraines-independence-day.txt"


def _conformed(frame, columns):
    """What the Parquet writer of whole frames makes of them (``_conform``), for comparison."""
    schema = store.schema_for(columns)
    return pa.Table.from_pandas(store._conform(frame.reindex(columns=columns), schema), schema=schema,
                                preserve_index=False)


def test_arrow_rows_hold_what_the_declared_types_make_of_mixed_columns():
    columns = TABLE_COLUMNS["place_mentions"]
    frame = pd.DataFrame({
        "mention_id": [1, 2, 3],
        "sentence_id": pd.array([4, None, 6], dtype="Int64"),       # whole numbers with a gap
        "start": [10.0, 20.0, 30.0],                                   # whole numbers held as floats
        "end": ["15", "x", None],                                      # text that is (mostly) a number
        "surface": ["Kyiv", None, "Kharkiv"],
        "place": pd.array(["Kyiv", pd.NA, "Kharkiv"], dtype="str"),
        "country_named": [True, False, None],                         # text column holding booleans
        "kind": [1, 2, 3],                                             # text column holding numbers
        "lat": [50.45, None, 49.99],
        "lon": [30.52, float("nan"), 36.23],
    })                                                                 # the other declared columns are missing
    table = store.arrow_table(frame, columns)
    assert table.schema == store.schema_for(columns)
    assert table.equals(_conformed(frame, columns))
    rows = table.to_pylist()
    assert [r["sentence_id"] for r in rows] == [4, None, 6]
    assert [r["start"] for r in rows] == [10, 20, 30]
    assert [r["end"] for r in rows] == [15, None, None]
    assert [r["surface"] for r in rows] == ["Kyiv", None, "Kharkiv"]
    assert [r["country_named"] for r in rows] == ["True", "False", None]
    assert [r["kind"] for r in rows] == ["1", "2", "3"]
    assert rows[1]["lat"] is None and rows[1]["lon"] is None and rows[0]["lat"] == 50.45
    assert all(r["role"] is None for r in rows)


def test_a_cached_article_is_arrow_behind_a_json_header_and_reads_back_as_written(tmp_path):
    item = next(i for i in iter_items(DEMO_ARTICLE.parent) if i.source.endswith(DEMO_ARTICLE.name))
    result = analyse_item(item, Options())
    assert "error" not in result and isinstance(result["tables"], bytes)
    cache = store.ResultCache(tmp_path)
    cache.put("ab" * 32, result)
    data = cache.path("ab" * 32).read_bytes()
    assert data.startswith(store.MAGIC) and not data.startswith(b"\x80")      # not a pickle
    back = cache.get("ab" * 32)
    assert back["summary"]["words"] == result["summary"]["words"] > 100
    assert back["summary"]["title"] == "Ukraine’s Independence Day"
    assert set(back["tables"]) == set(TABLE_COLUMNS)
    for name, table in back["tables"].items():
        assert table.column_names == TABLE_COLUMNS[name], name
        assert table.schema == store.schema_for(TABLE_COLUMNS[name]), name
    assert back["tables"]["sentences"].num_rows == result["summary"]["sentences"]
    words = dict(zip(*back["tables"]["word_counts"].to_pydict().values()))
    assert words["ukraine"] >= 3 and sum(words.values()) > 100


def test_an_error_is_cached_without_tables(tmp_path):
    cache = store.ResultCache(tmp_path)
    cache.put("cd" * 32, {"error": {"stage": "load", "error_type": "ArticleInputError", "message": "empty"}})
    assert cache.get("cd" * 32) == {"error": {"stage": "load", "error_type": "ArticleInputError",
                                              "message": "empty"}}


def test_a_file_that_is_not_a_cache_file_is_named(tmp_path):
    cache = store.ResultCache(tmp_path)
    cache.path("ef" * 32).parent.mkdir(parents=True)
    cache.path("ef" * 32).write_bytes(b"\x80\x05junk")
    with pytest.raises(ValueError, match="not a newslens result cache file"):
        cache.get("ef" * 32)
