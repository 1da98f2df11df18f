"""The source-language corpus (corpus/source_languages/): every manifest row names a committed, unchanged
text; every address is there twice, Ukrainian original and English version; the language check reads each
file in the language the manifest gives; and the two English versions that the demo corpus also holds are
word for word the same text."""

import csv
import hashlib
import re
from collections import Counter

from newslens.paths import REPO_ROOT
from newslens.text.loader import load_article

FOLDER = REPO_ROOT / "corpus" / "source_languages"
DEMO = REPO_ROOT / "corpus" / "demo"
COLUMNS = ["path", "pair_id", "language", "outlet", "date", "url", "video_url", "title", "speaker", "licence",
           "licence_evidence", "source_repo", "source_commit", "source_path", "sha256"]

with open(FOLDER / "articles.csv", newline="", encoding="utf-8") as f:
    ROWS = list(csv.DictReader(f))


def _body(path):
    # newslens's plain-text format: title, blank line, date, blank line, then the paragraphs.
    return path.read_text(encoding="utf-8").split("\n\n", 2)[2]


def test_manifest_matches_the_committed_files():
    with open(FOLDER / "articles.csv", newline="", encoding="utf-8") as f:
        assert next(csv.reader(f)) == COLUMNS
    on_disk = {p.relative_to(FOLDER).as_posix() for p in FOLDER.rglob("*.txt")}
    assert on_disk == {r["path"] for r in ROWS}
    for r in ROWS:
        assert hashlib.sha256((FOLDER / r["path"]).read_bytes()).hexdigest() == r["sha256"], r["path"]
        assert r["licence"] == "CC BY 4.0" and r["outlet"] == "president.gov.ua"
        assert "CC0" in r["licence_evidence"] and len(r["source_commit"]) == 40


def test_every_address_is_a_pair_of_one_original_and_one_english_version():
    by_pair = Counter((r["pair_id"], r["language"]) for r in ROWS)
    pairs = {p for p, _ in by_pair}
    assert len(pairs) >= 20
    assert all(by_pair[(p, "uk")] == 1 and by_pair[(p, "en")] == 1 for p in pairs)
    dates = {}
    for r in ROWS:
        dates.setdefault(r["pair_id"], set()).add(r["date"])
        assert r["path"].startswith(f"{r['language']}/")
    assert all(len(d) == 1 for d in dates.values())


def test_language_check_reads_each_file_in_its_manifest_language():
    # Read from the file alone (no manifest): the check must find Ukrainian in uk/ and English in en/, the
    # Russian passages of some originals notwithstanding.
    for r in ROWS:
        assert load_article(FOLDER / r["path"]).language == r["language"], r["path"]


def test_the_english_versions_shared_with_the_demo_corpus_are_the_same_words():
    known = [r for r in ROWS if r["url"]]
    assert len(known) == 2
    with open(DEMO / "articles.csv", newline="", encoding="utf-8") as f:
        demo = {r["url"]: r for r in csv.DictReader(f)}
    for r in known:
        ours = re.findall(r"\w+", _body(FOLDER / r["path"]).lower())
        theirs = re.findall(r"\w+", _body(DEMO / demo[r["url"]]["path"]).lower())
        assert ours == theirs and len(ours) > 600
