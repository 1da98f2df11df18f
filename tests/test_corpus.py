"""Corpus mode: folders with a manifest, CSV and JSON Lines exports, bad articles recorded while the batch
goes on, duplicates analysed once, resumable runs and engines that give the same bytes."""

import hashlib
import json
import shutil

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import newslens
from newslens.cli import main
from newslens.corpus import CorpusInputError, run_corpus
from newslens.corpus import store as corpus_store
from newslens.paths import REPO_ROOT

DEMO = REPO_ROOT / "corpus" / "demo"
TABLES = ("articles", "sentences", "actor_sentiment", "framing_terms", "scare_quotes", "place_mentions",
          "word_counts", "errors")


def _demo_files(n):
    manifest = pd.read_csv(DEMO / "articles.csv", dtype=str, keep_default_na=False)
    # A few articles of each outlet, short ones first: a small corpus that still has four outlets.
    manifest["size"] = [(DEMO / p).stat().st_size for p in manifest["path"]]
    return manifest.sort_values(["size", "path"]).groupby("outlet").head(n).sort_values("path")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A folder as a researcher gives it: a manifest, a broken file, a duplicate, a missing file and more."""
    root = tmp_path_factory.mktemp("corpus_in")
    rows = []
    for row in _demo_files(2).itertuples():
        target = root / row.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DEMO / row.path, target)
        rows.append({"path": row.path, "outlet": row.outlet, "date": row.date, "url": row.url, "title": row.title})
    seed = newslens.load_article(newslens.seed_path())
    body = " ".join(p.text for p in seed.paragraphs)
    (root / "extra").mkdir()
    (root / "extra" / "one_line.txt").write_text(body + "\n", encoding="utf-8")            # no title, one line
    (root / "extra" / "utf16.txt").write_bytes(("A title\n\n" + body + "\n").encode("utf-16"))
    (root / "extra" / "broken.txt").write_bytes(bytes(range(256)) * 12)                       # binary
    (root / "extra" / "empty.txt").write_bytes(b"")
    first = rows[0]["path"]
    shutil.copy(root / first, root / "extra" / "copy_of_first.txt")                          # the same text twice
    rows.append({"path": "extra/missing.txt", "outlet": "Nowhere", "date": "2022-01-01", "url": "", "title": ""})
    rows.append({"path": "extra/one_line.txt", "outlet": "Global Research", "date": "2021-10-27", "url": "",
                 "title": "Genie out of the bottle (one line)"})
    pd.DataFrame(rows).to_csv(root / "articles.csv", index=False)
    return root


def _digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _table_bytes(out, suffix=".parquet"):
    return {name: (out / f"{name}{suffix}").read_bytes() for name in TABLES}


@pytest.fixture(scope="module")
def run_local(folder, tmp_path_factory):
    before = _digest(folder)
    out = tmp_path_factory.mktemp("corpus_out")
    run = run_corpus(folder, out, workers=1, quiet=True)
    assert _digest(folder) == before                     # no input file is touched
    return run, out


def test_every_article_is_a_row_or_an_error(run_local, folder):
    run, out = run_local
    articles = pd.read_parquet(out / "articles.parquet")
    errors = pd.read_parquet(out / "errors.parquet")
    n_files = len(_demo_files(2)) + 3          # demo files, one line, utf-16, copy (broken and empty are errors)
    assert len(articles) == n_files
    assert sorted(errors["source"]) == ["extra/broken.txt", "extra/empty.txt", "extra/missing.txt"]
    by_source = errors.set_index("source")
    assert by_source.loc["extra/broken.txt", "message"].startswith("looks like a binary file")
    assert by_source.loc["extra/empty.txt", "message"] == "is empty"
    assert "does not exist" in by_source.loc["extra/missing.txt", "message"]
    assert by_source.loc["extra/missing.txt", "outlet"] == "Nowhere"
    assert run.errors == 3 and run.duplicates == 1


def test_manifest_values_win_and_files_outside_it_are_still_analysed(run_local):
    _, out = run_local
    articles = pd.read_parquet(out / "articles.parquet").set_index("source")
    one_line = articles.loc["extra/one_line.txt"]
    assert one_line["title"] == "Genie out of the bottle (one line)" and one_line["outlet"] == "Global Research"
    assert one_line["sentences"] == 25 and one_line["words"] == 802           # the seed's body, on one line
    assert one_line["tone"] == -1.6209 and one_line["news_tone"] == -1.8703    # reference and news-sense tone
    utf16 = articles.loc["extra/utf16.txt"]
    assert utf16["outlet"] == "" and utf16["title"] == "A title" and utf16["words"] == 802
    assert set(articles["outlet"]) >= {"kremlin.ru", "president.gov.ua", "state.gov", "whitehouse.gov"}


def test_the_same_text_twice_is_analysed_once_and_listed_twice(run_local, folder):
    _, out = run_local
    articles = pd.read_parquet(out / "articles.parquet")
    first = articles.iloc[0]
    copies = articles[articles["article_id"] == first["article_id"]]
    assert len(copies) == 2
    assert copies["duplicate_of_item"].isna().tolist() == [True, False]
    assert copies["duplicate_of_item"].iloc[1] == first["item"]
    sentences = pd.read_parquet(out / "sentences.parquet")
    per_item = sentences.groupby("item").size()
    assert per_item[copies["item"].iloc[0]] == per_item[copies["item"].iloc[1]]


def test_tables_carry_keys_and_trace_to_sentences(run_local):
    _, out = run_local
    sentences = pd.read_parquet(out / "sentences.parquet")
    for name in ("sentences", "actor_sentiment", "framing_terms", "place_mentions", "word_counts"):
        table = pd.read_parquet(out / f"{name}.parquet")
        assert list(table.columns[:4]) == ["item", "article_id", "outlet", "date"], name
    mentions = pd.read_parquet(out / "place_mentions.parquet")
    joined = mentions.merge(sentences[["item", "sentence_id", "text"]], on=["item", "sentence_id"])
    assert len(joined) == len(mentions)
    assert all(row.surface in row.text for row in joined.itertuples())
    for name in ("articles", "sentences"):      # the news tone is declared, so typed like the reference tone
        schema = pq.read_schema(out / f"{name}.parquet")
        assert schema.field("news_tone").type == schema.field("tone").type == pa.float64(), name
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["errors"] == 3 and manifest["tables"]["articles"]["rows"] == len(
        pd.read_parquet(out / "articles.parquet"))


def test_a_run_killed_half_way_resumes_to_the_same_bytes(run_local, folder, tmp_path, monkeypatch):
    _, reference = run_local
    out = tmp_path / "resumed"
    real_put = corpus_store.ResultCache.put
    calls = {"n": 0}

    def dying_put(self, key, result):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt        # as if killed: three articles are in the cache, no table is written
        real_put(self, key, result)

    monkeypatch.setattr(corpus_store.ResultCache, "put", dying_put)
    with pytest.raises(KeyboardInterrupt):
        run_corpus(folder, out, workers=1, quiet=True)
    assert not list(out.glob("*.parquet"))
    monkeypatch.setattr(corpus_store.ResultCache, "put", real_put)
    run = run_corpus(folder, out, workers=1, quiet=True)
    assert run.cached == 3
    assert _table_bytes(out) == _table_bytes(reference)


def test_two_workers_give_the_same_bytes(run_local, folder, tmp_path):
    _, reference = run_local
    run_corpus(folder, tmp_path, workers=2, quiet=True)
    assert _table_bytes(tmp_path) == _table_bytes(reference)


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_dask_gives_the_same_bytes(run_local, folder, tmp_path):
    _, reference = run_local
    run_corpus(folder, tmp_path, engine="dask", workers=2, quiet=True, dask_processes=False)
    assert _table_bytes(tmp_path) == _table_bytes(reference)


def test_csv_and_jsonl_exports(tmp_path):
    seed = newslens.load_article(newslens.seed_path())
    body = "\n\n".join(p.text for p in seed.paragraphs)
    rows = [
        {"stories_id": 1, "media_name": "Global Research", "publish_date": "2021-10-27 08:00:00",
         "title": "Genie", "url": "https://www.globalresearch.ca/x", "language": "en", "text": body},
        {"stories_id": 2, "media_name": "Nobody", "publish_date": "2021-10-28", "title": "Empty", "url": "",
         "language": "en", "text": ""},
        {"stories_id": 3, "media_name": "", "publish_date": "20211029", "title": "Short",
         "url": "https://www.example.org/short", "language": "en",
         "text": "Kiev said on Friday that the talks in Ankara would go on. Moscow disagreed."},
    ]
    pd.DataFrame(rows).to_csv(tmp_path / "export.csv", index=False)
    with open(tmp_path / "export.jsonl", "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
        fh.write("{not json\n")
    for name in ("export.csv", "export.jsonl"):
        out = tmp_path / f"out_{name}"
        run_corpus(tmp_path / name, out, workers=1, quiet=True, file_format="csv")
        articles = pd.read_csv(out / "articles.csv", keep_default_na=False)
        assert articles["outlet"].tolist() == ["Global Research", "example.org"]      # outlet from the url's host
        assert articles["date"].tolist() == ["2021-10-27", "2021-10-29"]
        assert articles["sentences"].tolist() == [25, 2] and articles["stories_id"].tolist() == [1, 3]
        errors = pd.read_csv(out / "errors.csv", keep_default_na=False)
        assert errors["message"].iloc[0] == "the row has no text"
        if name == "export.jsonl":
            assert errors["message"].iloc[1].startswith("row 4 is not valid JSON")


def test_a_folder_written_by_run_corpus_is_reused_by_the_command(run_local, folder, capsys):
    # What the corpus notebooks do (run_corpus from Python), then `newslens corpus` on the same folder.
    _, out = run_local
    assert main(["corpus", str(folder), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    assert "0 analysed" in capsys.readouterr().out


def test_bad_corpus_input_is_one_line(tmp_path, capsys):
    (tmp_path / "urls.csv").write_text("url\nhttps://example.org/a\n", encoding="utf-8")
    assert main(["corpus", str(tmp_path / "urls.csv"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "urls.csv: has no text column" in err and "Traceback" not in err
    assert main(["corpus", str(tmp_path / "nothing_here"), "--out", str(tmp_path / "o")]) == 2
    assert "nothing_here: no such file or folder" in capsys.readouterr().err
    with pytest.raises(CorpusInputError):
        run_corpus(tmp_path / "urls.csv", tmp_path / "o2", quiet=True)


def test_command_line_summary_and_strict(folder, tmp_path, capsys):
    assert main(["corpus", str(folder), "--out", str(tmp_path / "o"), "--quiet", "--format", "csv",
                 "--workers", "1", "--no-compare"]) == 0
    out = capsys.readouterr().out
    # 13 distinct texts: 10 analysed, 3 errors (not counted as analysed); the folder named as given.
    assert ": 10 analysed, 0 skipped (cached), 3 errors, 1 duplicates analysed once; 11 articles in the tables, " in out
    assert out.rstrip().endswith(f"; wrote {tmp_path / 'o'}")
    assert main(["corpus", str(folder), "--out", str(tmp_path / "o"), "--quiet", "--format", "csv",
                 "--strict", "--workers", "1", "--no-compare"]) == 5
    # Everything came from the cache the second time; the errors are still rows of the table.
    assert ": 0 analysed, 13 skipped (cached), 3 errors, 1 duplicates analysed once;" in capsys.readouterr().out
