"""From a URL list to corpus tables: a Media Cloud style export whose pages are served on 127.0.0.1 goes through
`newslens fetch` and `newslens corpus`, with outlet and date carried from the list."""

import csv
import html

import pandas as pd
import pytest

from fetch_server import LocalSite, Reply
from newslens.cli import main
from newslens.paths import REPO_ROOT

pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])
DEMO = REPO_ROOT / "corpus" / "demo"


def as_page(path) -> bytes:
    lines = (DEMO / path).read_text(encoding="utf-8").split("\n\n")
    title, paragraphs = lines[0], [p for p in lines[1:] if p.strip() and not p.startswith("By ")]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{html.escape(title)}</title></head><body><nav>Home | News</nav>"
            f"<article><h1>{html.escape(title)}</h1>{body}</article><footer>Contact us</footer></body></html>").encode()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_url_list_to_corpus_tables(tmp_path, capsys):
    manifest = pd.read_csv(DEMO / "articles.csv", dtype=str, keep_default_na=False)
    chosen = manifest.groupby("outlet").head(1).sort_values("path")
    with LocalSite() as site:
        site.route("/robots.txt", Reply(200, b"User-agent: *\nAllow: /\n", content_type="text/plain"))
        rows = []
        for n, row in enumerate(chosen.itertuples(), start=1):
            site.route(f"/story/{n}", Reply(200, as_page(row.path)))
            rows.append({"stories_id": n, "publish_date": f"{row.date} 09:00:00", "title": row.title,
                         "url": site.url(f"/story/{n}"), "language": "en", "media_name": row.outlet})
        rows.append({"stories_id": 99, "publish_date": "2022-03-01 00:00:00", "title": "Gone",
                     "url": site.url("/gone"), "language": "en", "media_name": "Nobody"})
        with open(tmp_path / "export.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        warc = tmp_path / "pages.warc.gz"
        assert main(["fetch", str(tmp_path / "export.csv"), "--out", str(warc), "--delay", "0.05",
                     "--user-agent", "newslens tests test@example.org"]) == 0
    assert main(["corpus", str(warc), "--out", str(tmp_path / "out"), "--quiet", "--workers", "1"]) == 0
    assert "4 analysed, 0 skipped (cached), 0 errors" in capsys.readouterr().out    # the 404 page is not an article
    articles = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert sorted(articles["outlet"]) == sorted(chosen["outlet"])
    assert sorted(articles["date"]) == sorted(chosen["date"])
    assert (articles["words"] > 50).all()
    sentences = pd.read_parquet(tmp_path / "out" / "sentences.parquet")
    assert not sentences["text"].str.contains("Contact us|Home \\| News").any()      # page furniture left out
