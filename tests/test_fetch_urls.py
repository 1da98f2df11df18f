"""Reading URL lists for `newslens fetch` (no network): Media Cloud and GDELT exports, JSONL, plain text,
and the one-line errors for a list that cannot be used."""

import json
import re

import pytest

from newslens.cli import main
from newslens.fetch import UrlListError, read_url_list
from newslens.fetch.client import make_user_agent

MEDIACLOUD = (
    "stories_id,publish_date,title,url,language,media_id,media_name,ap_syndicated\n"
    "1001,2022-02-24 05:10:00,\"Invasion, day one\",https://news.example.org/a,en,17,Example News,False\n"
    "1002,2022-02-25 09:00:00,Second,https://other.example.net/b?x=1,en,18,Other Daily,False\n"
    "1003,2022-02-25 10:00:00,Repeated,https://news.example.org/a,en,17,Example News,False\n"
    "1004,2022-02-26 10:00:00,No link,,en,17,Example News,False\n"
)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_mediacloud_export_columns_become_metadata(tmp_path):
    urls = read_url_list(write(tmp_path, "mc.csv", MEDIACLOUD))
    assert urls.source == "mediacloud"
    assert [r.url for r in urls.records] == ["https://news.example.org/a", "https://other.example.net/b?x=1"]
    assert urls.duplicates == 1 and [(line, why) for line, _, why in urls.invalid] == [(5, "empty url")]
    meta = urls.records[0].metadata
    assert meta["outlet"] == "Example News" and meta["publish_date"] == "2022-02-24 05:10:00"
    assert meta["id"] == "1001" and meta["title"] == "Invasion, day one" and meta["language"] == "en"
    assert meta["columns"]["media_id"] == "17" and meta["line"] == 2


def test_new_mediacloud_search_export(tmp_path):
    text = ("id,indexed_date,language,media_name,media_url,publish_date,title,url\n"
            "abc,2024-01-02,en,nytimes.com,nytimes.com,2024-01-01,T,https://www.nytimes.com/x.html\n")
    record = read_url_list(write(tmp_path, "mc2.csv", text)).records[0]
    assert record.metadata["outlet"] == "nytimes.com" and record.metadata["id"] == "abc"


def test_gdelt_events_with_header_dates_made_iso(tmp_path):
    text = ("GLOBALEVENTID,SQLDATE,Actor1Name,SOURCEURL\n"
            "955,20220224,RUSSIA,https://www.example.com/story\n")
    urls = read_url_list(write(tmp_path, "gdelt.csv", text))
    assert urls.source == "gdelt-events"
    assert urls.records[0].metadata["publish_date"] == "2022-02-24"
    assert urls.records[0].metadata["id"] == "955"


def test_headerless_gdelt_downloads(tmp_path):
    event = ["x"] * 61
    event[0], event[1], event[60] = "955", "20220224", "https://www.example.com/e"
    gkg = ["y"] * 27
    gkg[0], gkg[1], gkg[3], gkg[4] = "20220224-1", "20220224101500", "example.com", "https://example.com/g"
    gkg[17] = "c" * 5000                         # GCAM: far too long to carry
    events = read_url_list(write(tmp_path, "20220224.export.CSV", "\t".join(event) + "\n"))
    assert events.source == "gdelt-events" and events.records[0].url == "https://www.example.com/e"
    assert events.records[0].metadata["publish_date"] == "2022-02-24"
    kg = read_url_list(write(tmp_path, "20220224.gkg.csv", "\t".join(gkg) + "\n"))
    meta = kg.records[0].metadata
    assert kg.source == "gdelt-gkg" and meta["outlet"] == "example.com"
    assert meta["publish_date"] == "2022-02-24T10:15:00Z" and "GCAM" not in json.dumps(meta)


def test_jsonl_and_text_lists(tmp_path):
    lines = [{"url": "https://a.example/1", "media_name": "A", "publish_date": "2023-05-01"},
             {"URL": "https://b.example/2", "title": "B"}]
    jl = read_url_list(write(tmp_path, "list.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n"))
    assert [r.url for r in jl.records] == ["https://a.example/1", "https://b.example/2"]
    assert jl.records[0].metadata["outlet"] == "A" and jl.records[1].metadata["title"] == "B"
    text = read_url_list(write(tmp_path, "list.txt", "url\n# a comment\nhttps://a.example/1\n\nftp://x.example/f\n"))
    assert text.source == "text" and [r.url for r in text.records] == ["https://a.example/1"]
    assert text.invalid == [(5, "ftp://x.example/f", "not an http(s) URL")]


@pytest.mark.parametrize("name, content, problem", [
    ("missing.csv", None, "no such file"),
    ("empty.csv", "", "empty file: no URLs to fetch"),
    ("nourl.csv", "stories_id,title\n1,Hello\n", "no url column"),
    ("onlybad.txt", "not a url\n", "no URLs to fetch (1 without a usable http(s) URL; first, line 1: "),
])
def test_bad_url_list_is_one_line_and_exit_2(tmp_path, capsys, name, content, problem):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(UrlListError, match=re.escape(problem)):
        read_url_list(path)
    assert main(["fetch", str(path), "--out", str(tmp_path / "p.warc.gz")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"newslens: error: {name}: {problem}")
    assert "Traceback" not in err and not (tmp_path / "p.warc.gz").exists()


def test_bad_options_are_one_line_errors(tmp_path, capsys):
    urls = write(tmp_path, "u.txt", "https://a.example/1\n")
    assert main(["fetch", str(urls), "--out", str(tmp_path / "p.warc")]) == 2
    assert "--out must name a .warc.gz file" in capsys.readouterr().err
    assert main(["fetch", str(urls), "--out", str(tmp_path / "p.warc.gz"), "--workers", "0"]) == 2
    assert capsys.readouterr().err == "newslens: error: workers must be at least 1\n"


def test_user_agent_names_newslens_and_the_contact():
    agent, contact = make_user_agent(None)
    assert agent.startswith("newslens/") and "set --user-agent" in agent and not contact
    agent, contact = make_user_agent("Jane Doe jane@uni.example")
    assert agent.startswith("newslens/") and agent.endswith("(+research; contact: Jane Doe jane@uni.example)")
    assert contact
    assert make_user_agent("newslens-lab/2 (+https://lab.example/bot)") == ("newslens-lab/2 (+https://lab.example/bot)", True)


def test_only_the_fetch_client_imports_an_http_library():
    # `fetch` is the one part of newslens that reaches the network, and only when asked; everything else
    # stays offline (test_project.py blocks downloaders in the analysis).
    import ast

    from newslens.paths import PACKAGE_DIR

    network = {"requests", "httpx", "urllib3", "aiohttp", "socket", "http.client"}
    importers = set()
    for path in PACKAGE_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else []
            if any(n.split(".")[0] in network or n in network for n in names):
                importers.add(path.relative_to(PACKAGE_DIR).as_posix())
    assert importers == {"fetch/client.py"}
