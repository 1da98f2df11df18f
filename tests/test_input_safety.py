"""Corpus input that is hostile or careless: compressed input that expands far beyond one article
(decompression bombs), paths that lead outside the input folder, symlink loops, a manifest that lists one
file twice, and the wording of row errors. Each bad article is one error row; the batch goes on; memory
stays bounded; no input file changes."""

import json

import pytest

from newslens.corpus import inputs


def _items(path):
    return list(inputs.iter_items(path))


def test_a_json_lines_error_reads_as_one_sentence(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "bad\n{"text": "A fine article. It has words."}\n', encoding="utf-8")
    [bad, good] = _items(path)
    assert bad.problem == "row 1 is not valid JSON (Invalid control character at column 14)"
    assert "at at" not in bad.problem and not good.problem


# --- nothing is read from outside the input folder ------------------------------------------------------

ARTICLE = "Kiev said on Friday that the talks in Ankara would go on. Moscow disagreed with the plan.\n"
SECRET = "The secret outside sentence lives in a private file.\n"


def _corpus_with_escapes(tmp_path):
    """A folder whose manifest and symlinks try to reach a file beside it."""
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "x.txt").write_text(SECRET, encoding="utf-8")
    (outside / "sub").mkdir()
    (outside / "sub" / "y.txt").write_text(SECRET, encoding="utf-8")
    root = tmp_path / "corpus" / "in"
    root.mkdir(parents=True)
    (root / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "link.txt").symlink_to(outside / "x.txt")
    (root / "linked_dir").symlink_to(outside / "sub", target_is_directory=True)
    (root / "inner_link.txt").symlink_to(root / "good.txt")          # inside: allowed
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / "loopdir").mkdir()
    (root / "loopdir" / "back").symlink_to(root, target_is_directory=True)    # a folder loop
    (root / "articles.csv").write_text(
        "path,outlet\ngood.txt,A\n../../private/x.txt,B\n" + f"{outside / 'x.txt'},C\n", encoding="utf-8")
    return root


def test_paths_and_symlinks_that_lead_outside_the_folder_are_error_rows(tmp_path):
    root = _corpus_with_escapes(tmp_path)
    items = {item.source: item for item in _items(root)}
    assert not items["good.txt"].problem and items["good.txt"].meta["outlet"] == "A"
    assert not items["inner_link.txt"].problem
    assert items["link.txt"].problem == "link.txt points outside the input folder"
    assert items["linked_dir"].problem == ("linked_dir is a symlinked folder that points outside the input "
                                           "folder; its files are not read")
    assert items["../../private/x.txt"].problem == ("the manifest names ../../private/x.txt, which points "
                                                    "outside the input folder")
    [absolute] = [item for item in items.values() if item.meta.get("outlet") == "C"]
    assert "an absolute path: it points outside the input folder" in absolute.problem
    assert items["loop.txt"].problem == "loop.txt is a symlink loop (following it never reaches a file)"
    assert not any(source.startswith("loopdir") for source in items)
    for item in items.values():
        if item.problem:
            assert item.path is None and item.content is None
        else:
            assert SECRET not in item.raw().decode()


def test_a_corpus_run_never_analyses_text_from_outside_the_folder(tmp_path):
    import pandas as pd

    from newslens.corpus import run_corpus

    root = _corpus_with_escapes(tmp_path)
    out = tmp_path / "out"
    run_corpus(root, out, workers=1, quiet=True, file_format="csv")
    sentences = pd.read_csv(out / "sentences.csv", keep_default_na=False)
    assert not sentences["text"].str.contains("secret outside").any()
    errors = pd.read_csv(out / "errors.csv", keep_default_na=False)
    assert errors["message"].str.contains("points outside the input folder").sum() == 4
    assert errors["message"].str.contains("symlink loop").sum() == 1


def test_analyze_given_a_symlink_loop_is_one_line(tmp_path, capsys):
    from newslens.cli import main

    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    assert main(["analyze", str(tmp_path / "loop.txt"), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == ["newslens: error: loop.txt: is a symlink loop (following it never reaches a file)"]


# --- no manifest row is dropped without a word ------------------------------------------------------------

def test_a_file_listed_twice_in_the_manifest_is_an_error_row_not_a_silent_drop(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Friday", "Monday"), encoding="utf-8")
    # rows as a spreadsheet counts them (a title over two lines is one row)
    (tmp_path / "articles.csv").write_text('path,outlet,title\na.txt,First,"A title\nover two lines"\n'
                                           "b.txt,Other,\n./a.txt,Second,\n", encoding="utf-8")
    items = _items(tmp_path)
    assert [(i.source, i.meta.get("outlet")) for i in items] == [
        ("a.txt", "First"), ("articles.csv row 4", "Second"), ("b.txt", "Other")]
    assert not items[0].problem
    assert items[1].problem == "a.txt is listed twice in articles.csv (rows 2 and 4); row 4 is not read"


# --- decompression bombs: every kind of input is capped at 16 MiB decoded per article ----------------------

GIB = 2**30
BOMB = 2 * GIB                         # what each bomb decodes to; on disk a few MB at most
AS_LIMIT = 2 * GIB                     # the child's address space: a bomb read whole cannot fit
RSS_LIMIT_MIB = 400                    # what reading any of them may take (it takes ~100 MB)

CHILD = r"""
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[2]), int(sys.argv[2])))
from newslens.corpus import inputs
items = [[item.source, item.problem, len(item.content or b"")] for item in inputs.iter_items(sys.argv[1])]
try:        # this process's own peak (ru_maxrss would carry the peak of the pytest process it was forked from)
    with open("/proc/self/status") as fh:
        peak = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"items": items, "maxrss_mib": peak / 1024}))
"""


def gzip_parts(fh, parts):
    """Write a gzip stream of `parts` ((bytes, times) each: the bytes repeated that many times) without ever
    compressing or holding the whole: a repeated block is compressed once, after a full flush (so it
    refers to nothing before it), and written again and again."""
    import struct
    import zlib

    fh.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff")
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    crc = size = 0
    for data, times in parts:
        if times == 1:
            fh.write(deflate.compress(data))
        else:
            fh.write(deflate.flush(zlib.Z_FULL_FLUSH))
            block = deflate.compress(data) + deflate.flush(zlib.Z_FULL_FLUSH)
            for _ in range(times - 1):
                fh.write(block)
                crc = zlib.crc32(data, crc)
            fh.write(block)
        crc = zlib.crc32(data, crc)
        size += len(data) * times
    fh.write(deflate.flush())
    fh.write(struct.pack("<II", crc, size & 0xFFFFFFFF))


def _filler(total=BOMB):
    piece = b"a" * 2**20
    return piece, total // len(piece)


def read_in_child(path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(AS_LIMIT)], capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


SMALL = "Kiev said on Friday that the talks in Ankara would go on. Moscow disagreed."


def _check_bomb(path, bad_source, after_source):
    result = read_in_child(path)
    items = {source: (problem, size) for source, problem, size in result["items"]}
    problem, size = items[bad_source]
    assert "is 2048 MiB decoded, over the 16 MiB limit for one article" in problem and size == 0
    assert items[after_source] == ("", len(SMALL))                   # the batch goes on
    assert result["maxrss_mib"] < RSS_LIMIT_MIB, result["maxrss_mib"]
    return problem


@pytest.mark.timeout(600)
def test_a_gzip_csv_bomb_is_an_error_row_and_memory_stays_bounded(tmp_path):
    path = tmp_path / "bomb.csv.gz"
    with open(path, "wb") as fh:
        gzip_parts(fh, [(b'outlet,text\nBig,"', 1), _filler(), (f'"\nSmall,{SMALL}\n'.encode(), 1)])
    assert path.stat().st_size < 4 * 2**20
    problem = _check_bomb(path, "bomb.csv.gz row 2", "bomb.csv.gz row 3")
    assert problem.startswith("row 2 is 2048 MiB decoded")


@pytest.mark.timeout(600)
def test_a_gzip_json_lines_bomb_is_an_error_row_and_memory_stays_bounded(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    with open(path, "wb") as fh:
        gzip_parts(fh, [(b'{"outlet": "Big", "text": "', 1), _filler(),
                        (b'"}\n' + json.dumps({"outlet": "Small", "text": SMALL}).encode() + b"\n", 1)])
    _check_bomb(path, "bomb.jsonl.gz row 1", "bomb.jsonl.gz row 2")


@pytest.mark.timeout(600)
def test_a_warc_response_with_a_gzip_bomb_body_is_an_error_row_and_memory_stays_bounded(tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = io.BytesIO()
    gzip_parts(body, [(b"<html><body><p>", 1), _filler(), (b"</p></body></html>", 1)])
    path = tmp_path / "pages.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, payload, encoding in (("https://example.org/bomb", body.getvalue(), [("Content-Encoding", "gzip")]),
                                       ("https://example.org/small", SMALL.encode(), [])):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), *encoding,
                                                  ("Content-Length", str(len(payload)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          length=len(payload), http_headers=headers))
    assert path.stat().st_size < 200_000
    problem = _check_bomb(path, "pages.warc.gz https://example.org/bomb", "pages.warc.gz https://example.org/small")
    assert problem.startswith("the page is 2048 MiB decoded")


def test_an_article_over_the_limit_in_a_plain_file_or_cell_is_an_error_row(tmp_path):
    big = "word " * (4 * 2**20)                 # 20 MiB
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "big.txt").write_text(big, encoding="utf-8")
    (tmp_path / "folder" / "small.txt").write_text(SMALL, encoding="utf-8")
    [bigfile, small] = _items(tmp_path / "folder")
    assert bigfile.problem == "big.txt is 20.0 MiB decoded, over the 16 MiB limit for one article"
    assert small.raw() == SMALL.encode()
    cell = "word " * ((16 * 2**20 + 100 * 2**10) // 5)    # 16.1 MiB: over the limit, in a row under the row cap
    (tmp_path / "t.csv").write_text(f"outlet,text\nCell,{cell}\nRow,{big}\nSmall,{SMALL}\n", encoding="utf-8")
    [over, whole_row, after] = _items(tmp_path / "t.csv")
    assert over.problem == "the text of row 2 is 16.1 MiB decoded, over the 16 MiB limit for one article"
    assert whole_row.problem == ("row 3 is 20.0 MiB decoded, over the 16 MiB limit for one article "
                                 "(the whole row; not read)")
    assert over.content is None and whole_row.content is None and after.content == SMALL.encode()


def test_a_long_csv_record_over_many_lines_is_one_error_row_and_the_next_row_is_read(tmp_path, monkeypatch):
    # A quoted cell with line breaks (and doubled quotes) that grows past the row limit: read past to the
    # record's end, whatever its lines, so its lines never turn into rows of their own.
    monkeypatch.setattr(inputs, "ROW_LIMIT", 200)
    long_cell = '"' + "a line with a \"\"quote\"\"\n" * 40 + '"'
    (tmp_path / "t.csv").write_bytes(
        f'\ufeffoutlet,text\r\nA,"short, quoted\nover two lines"\r\nB,{long_cell}\r\nC,{SMALL}\r\n'.encode())
    items = _items(tmp_path / "t.csv")
    assert [(i.source, i.meta.get("outlet")) for i in items] == [
        ("t.csv row 2", "A"), ("t.csv row 3", None), ("t.csv row 4", "C")]
    assert items[0].content == b"short, quoted\nover two lines"
    assert items[1].problem.startswith("row 3 is 0.0 MiB decoded") and items[1].problem.endswith("(the whole row; not read)")
    assert items[2].content == SMALL.encode()
    (tmp_path / "latin1.csv").write_bytes("outlet,text\nA,caf\xe9 ok\n".encode("latin-1"))
    with pytest.raises(inputs.CorpusInputError, match=r"latin1.csv: is not UTF-8 text \(bad byte at offset 17\)"):
        _items(tmp_path / "latin1.csv")


@pytest.mark.timeout(300)
def test_a_corpus_run_over_a_bomb_records_it_and_analyses_the_rest(tmp_path):
    import pandas as pd

    from newslens.corpus import run_corpus

    path = tmp_path / "bomb.jsonl.gz"
    with open(path, "wb") as fh:
        gzip_parts(fh, [(json.dumps({"outlet": "Small", "text": SMALL}).encode() + b'\n{"outlet": "Big", "text": "', 1),
                        _filler(64 * 2**20),
                        (b'"}\n' + json.dumps({"outlet": "After", "text": SMALL.replace("Friday", "Monday")}).encode()
                         + b"\n", 1)])
    out = tmp_path / "out"
    run_corpus(path, out, workers=1, quiet=True, file_format="csv")
    articles = pd.read_csv(out / "articles.csv", keep_default_na=False)
    errors = pd.read_csv(out / "errors.csv", keep_default_na=False)
    assert articles["outlet"].tolist() == ["Small", "After"]
    assert errors[["source", "message"]].values.tolist() == [
        ["bomb.jsonl.gz row 2",
         "row 2 is 64.0 MiB decoded, over the 16 MiB limit for one article (the whole row; not read)"]]


def test_csv_and_json_lines_with_old_mac_line_ends_still_read(tmp_path):
    (tmp_path / "mac.csv").write_bytes(f"outlet,text\rA,{SMALL}\rB,\"two\rlines\"\r".encode())
    assert [(i.meta["outlet"], i.content) for i in _items(tmp_path / "mac.csv")] == [
        ("A", SMALL.encode()), ("B", b"two\rlines")]
    (tmp_path / "mac.jsonl").write_bytes(b'{"text": "one"}\r{"text": "two"}\r\n{"text": "three"}')
    assert [i.content for i in _items(tmp_path / "mac.jsonl")] == [b"one", b"two", b"three"]
