"""Bad input: a clear one-line error naming the file (or a recorded warning), never a change to the input."""

import shutil
import subprocess
import sys

import pytest

import newslens
from newslens import ArticleInputError
from newslens.text import seeds as seeds_module

PLAIN = "A Title\n\nFirst paragraph of the story. It has two sentences.\n\nSecond paragraph here.\n"


# (file name, bytes, what the one-line message must say): used on the API and on the command line.
BAD_FILES = [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\t\n   \n", "contains only whitespace"),
    ("binary.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("undecodable.txt", b"Title\n\nBad \x81\x8d bytes here.\n", "not valid UTF-8"),
    ("title_only.txt", b"Only A Title\n", "no article body found"),
    ("punctuation.txt", b"Title\n\n... --- !!!\n", "no words"),
    ("nothing.html", b"<html><body><nav>Home</nav></body></html>", "no article text found"),
]


@pytest.mark.parametrize("name, content, message", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_give_a_clear_error_and_stay_unchanged(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ArticleInputError) as info:
        newslens.load_article(path)
    text = str(info.value)
    assert name in text and message in text
    assert "\n" not in text
    assert path.read_bytes() == content


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ArticleInputError, match="missing.txt: no such file"):
        newslens.load_article(tmp_path / "missing.txt")
    with pytest.raises(ArticleInputError, match="is a folder, not a file"):
        newslens.load_article(tmp_path)


def test_cp1252_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "windows.txt"
    raw = "Caf\u00e9 Diplomacy\n\nThe minister\u2019s \u201cbalance\u201d held.\n".encode("cp1252")
    path.write_bytes(raw)
    article = newslens.load_article(path)
    assert article.report.encoding == "cp1252"
    assert any("cp1252" in w for w in article.report.warnings)
    assert "\u201cbalance\u201d" in article.body
    assert path.read_bytes() == raw


def test_bom_and_crlf(tmp_path):
    path = tmp_path / "bom_crlf.txt"
    raw = b"\xef\xbb\xbf" + PLAIN.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(raw)
    article = newslens.load_article(path)
    assert article.meta.title == "A Title"
    assert article.report.encoding == "utf-8-sig"
    assert article.report.line_endings == "CRLF"
    assert "\r" not in article.body
    assert len(article.paragraphs) == 2 and len(article.sentences) == 3
    assert path.read_bytes() == raw


def test_crlf_seed_copy_gives_the_same_body(tmp_path, seed_article):
    copy = tmp_path / "seed_crlf.txt"
    copy.write_bytes(newslens.seed_path().read_bytes().replace(b"\n", b"\r\n"))
    article = newslens.load_article(copy)
    assert article.body == seed_article.body
    assert article.report.line_endings == "CRLF"


def test_load_article_reads_the_file_and_does_not_check_the_repository(tmp_path, monkeypatch):
    # A changed copy inside a stand-in seeds/ folder loads like any file: whether the shipped seeds are intact
    # is the repository's check (tests/test_project.py), not the loader's.
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    fake = seeds / seeds_module.SEED_ARTICLE
    fake.write_bytes(newslens.seed_path().read_bytes().replace(b"Genie", b"Gene", 1))
    monkeypatch.setattr(seeds_module, "SEEDS_DIR", seeds)
    assert newslens.load_article(fake).report.sha256 != seeds_module.KNOWN_SEEDS[seeds_module.SEED_ARTICLE]


def test_command_line_reports_one_line_without_traceback(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    exe = shutil.which("newslens") or str(__import__("pathlib").Path(sys.executable).with_name("newslens"))
    result = subprocess.run([exe, "analyze", str(bad), "--out", str(tmp_path / "out")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == "newslens: error: empty.txt: is empty"
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)      # sparse: costs no disk, and the size check comes first
    with pytest.raises(ArticleInputError, match=r"huge.txt: is 52 MB; newslens reads files up to 16 MiB"):
        newslens.load_article(path)


def test_single_enormous_line_loads_with_a_warning(tmp_path):
    path = tmp_path / "one_line.txt"
    raw = ("Title\n\n" + "the talks in Gdansk stalled again and again " * 5000 + "\n").encode()
    path.write_bytes(raw)
    article = newslens.load_article(path)
    # One 40,000-word sentence is cut into pieces of at most 250 words (time and memory stay linear).
    assert len(article.sentences) == 160 and len(article.words) == 40000
    assert any(w.startswith("1 sentence longer than 250 words or 2,500 characters was cut at word boundaries into "
                            "160 pieces") for w in article.report.warnings)
    assert path.read_bytes() == raw


def test_html_full_of_scripts(tmp_path):
    scripts = "".join(f"<script>var x{i} = '{'y' * 200}'; document.write('Buy now');</script>" for i in range(500))
    text = ("<!DOCTYPE html><html><head><title>T</title>" + scripts + "</head><body>" + scripts
            + "<article><p>Officials in Riga said on Tuesday that the new border post would open next year, "
              "after a long delay caused by a dispute over its cost.</p></article>" + scripts + "</body></html>")
    path = tmp_path / "scripts.html"
    path.write_text(text)
    article = newslens.load_article(path)
    assert article.body == ("Officials in Riga said on Tuesday that the new border post would open next year, "
                            "after a long delay caused by a dispute over its cost.")


@pytest.mark.parametrize("name, content, message", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_command_line_matrix(tmp_path, capsys, name, content, message):
    from newslens.cli import main

    path = tmp_path / name
    path.write_bytes(content)
    assert main(["analyze", str(path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"newslens: error: {name}: ") and message in err and err.count("\n") == 1
    assert path.read_bytes() == content
    assert not (tmp_path / "out").exists()
