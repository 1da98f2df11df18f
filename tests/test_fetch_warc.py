"""Reading a WARC back for a corpus (iter_warc_articles) and mending one a killed run left: no network, the
WARCs are written here with warcio."""

import gzip
import io
import json

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newslens.fetch import iter_warc_articles
from newslens.fetch.warc import METADATA_KIND, _records, complete_length, read_metadata_records, repair_tail

HTML = "<!doctype html><html><head><title>Été</title></head><body><p>Texte.</p></body></html>".encode("utf-8")


def response(writer, url, status, body, content_type, extra=()):
    headers = StatusAndHeaders(f"{status} X", [("Content-Type", content_type), *extra], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                       http_headers=headers)
    writer.write_record(record)
    return record.rec_headers.get_header("WARC-Record-ID")


def metadata(writer, url, refers_to, listed):
    payload = json.dumps({"kind": METADATA_KIND, "url": url, "list": listed, "fetch": {"url": url}}).encode()
    record = writer.create_warc_record(url, "metadata", payload=io.BytesIO(payload), length=len(payload),
                                       warc_content_type="application/json",
                                       warc_headers_dict={"WARC-Refers-To": refers_to} if refers_to else {})
    writer.write_record(record)


@pytest.fixture
def newslens_warc(tmp_path):
    path = tmp_path / "pages.warc.gz"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        response(w, "http://a.example/robots.txt", 200, b"User-agent: *\nAllow: /\n", "text/plain")
        response(w, "http://a.example/old", 301, b"", "text/html", [("Location", "http://a.example/new")])
        new = response(w, "http://a.example/new", 200, gzip.compress(HTML), "text/html; charset=UTF-8",
                       [("Content-Encoding", "gzip")])
        metadata(w, "http://a.example/old", new, {"source": "mediacloud", "outlet": "A News",
                                                  "publish_date": "2022-02-24", "columns": {"stories_id": "7"}})
        gone = response(w, "http://a.example/gone", 404, b"<html>gone</html>", "text/html")
        metadata(w, "http://a.example/gone", gone, {"source": "mediacloud"})
        pdf = response(w, "http://b.example/r.pdf", 200, b"%PDF-1.4", "application/pdf")
        metadata(w, "http://b.example/r.pdf", pdf, {})
        plain = response(w, "http://b.example/p", 200, HTML, "text/html")
        metadata(w, "http://b.example/p", plain, {"source": "text", "line": 3})
        metadata(w, "http://c.example/x", None, {"source": "text"})        # disallowed: no response at all
    return path


def test_reads_final_html_responses_joined_to_their_list_rows(newslens_warc):
    articles = list(iter_warc_articles(newslens_warc))
    assert [(a["url"], a["final_url"]) for a in articles] == [
        ("http://a.example/old", "http://a.example/new"), ("http://b.example/p", "http://b.example/p")]
    first = articles[0]
    assert first["html"] == HTML and first["charset"] == "utf-8"              # gzip content encoding undone
    assert first["metadata"]["columns"] == {"stories_id": "7"}
    assert (first["outlet"], first["publish_date"]) == ("A News", "2022-02-24")
    assert first["fetch_date"].endswith("Z") and first["record_id"].startswith("<urn:uuid:")
    assert articles[1]["outlet"] == "b.example" and articles[1]["publish_date"] is None   # host when no outlet
    assert set(read_metadata_records(newslens_warc)) == {
        "http://a.example/old", "http://a.example/gone", "http://b.example/r.pdf", "http://b.example/p",
        "http://c.example/x"}


def test_a_warc_from_another_tool_gives_every_2xx_html_page(tmp_path):
    path = tmp_path / "other.warc.gz"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        response(w, "https://x.example/1", 200, HTML, "text/html")
        response(w, "https://x.example/2", 500, HTML, "text/html")
        response(w, "https://x.example/3", 200, b"  <!DOCTYPE html><html></html>", "")      # sniffed
        response(w, "https://x.example/4", 200, b"{}", "application/json")
    articles = list(iter_warc_articles(path))
    assert [a["url"] for a in articles] == ["https://x.example/1", "https://x.example/3"]
    assert articles[0]["metadata"] == {} and articles[0]["outlet"] == "x.example"


@pytest.mark.parametrize("kept", [0.3, 0.9])
def test_a_torn_last_record_is_cut_off_and_kept_aside(newslens_warc, kept):
    whole = newslens_warc.read_bytes()
    extra = io.BytesIO()
    response(WARCWriter(extra, gzip=True), "http://d.example/", 200, HTML * 50, "text/html")
    torn = extra.getvalue()[: int(len(extra.getvalue()) * kept)]
    newslens_warc.write_bytes(whole + torn)                                            # killed mid-write
    assert complete_length(newslens_warc) == len(whole)
    # warcio alone reads a torn member as a short record or not at all, silently; newslens stops before it
    with pytest.warns(UserWarning, match="incomplete record"):
        assert len(list(_records(newslens_warc))) == 11
    with pytest.warns(UserWarning, match="incomplete record"):
        assert len(list(iter_warc_articles(newslens_warc))) == 2                       # what came before
    cut, aside = repair_tail(newslens_warc)
    assert cut == len(torn) and aside.read_bytes() == torn
    assert newslens_warc.read_bytes() == whole
    with open(newslens_warc, "rb") as fh:
        assert len(list(ArchiveIterator(fh))) == 11                                    # warcio reads it all
    assert repair_tail(newslens_warc) == (0, None)


def test_repair_refuses_a_file_that_is_not_gzip(tmp_path):
    path = tmp_path / "x.warc.gz"
    path.write_bytes(b"WARC/1.0\r\n")
    with pytest.raises(ValueError, match="not a gzip-compressed WARC"):
        repair_tail(path)
    assert path.read_bytes() == b"WARC/1.0\r\n"
