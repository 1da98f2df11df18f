"""Text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is written to CSV
with a ' before it; numbers stay numbers, Parquet stays exact, and newslens reads its own CSV back exactly."""

import pandas as pd
import pytest

from newslens.cli import main
from newslens.compare import read_corpus
from newslens.report import output
from newslens.report.output import write_csv

# (A carriage return is guarded too, but the csv module leaves a lone one unquoted: not written here.)
RISKY = ["=SUM(A1:A3)", "+1 more", "-ish, they said", "@user wrote", "\tindented", "'=already quoted",
         "''=twice", "- a dash"]
SAFE = ["plain", "'quoted", "-0.25", "+3", "1e-5", "", "a=b", " =spaced"]


def test_cells_that_would_run_are_guarded_and_read_back_exactly(tmp_path):
    frame = pd.DataFrame({"text": RISKY + SAFE, "score": [-0.5] * len(RISKY + SAFE),
                          "count": range(-8, 8), "mixed": [-1, "=1+1", None, 2.5] * 4})
    from newslens.report.output import guard_csv_text, unguard_csv, unguard_csv_text

    path = write_csv(frame, tmp_path / "t.csv")
    back = pd.read_csv(path, keep_default_na=False)
    assert back["text"].tolist()[:len(RISKY)] == ["'" + t for t in RISKY]
    assert back["text"].tolist()[len(RISKY):] == SAFE
    assert back["score"].dtype == float and (back["score"] == -0.5).all()      # numbers stay numbers
    assert back["count"].tolist() == list(range(-8, 8))
    text = path.read_text(encoding="utf-8")
    assert "'=1+1" in text and "'-" not in text.replace("'- a dash", "").replace("'-ish", "")
    assert frame["text"][0] == "=SUM(A1:A3)"                                       # the caller's frame is unchanged
    assert [unguard_csv_text(guard_csv_text(t)) for t in RISKY + SAFE] == RISKY + SAFE
    assert unguard_csv(pd.read_csv(path, keep_default_na=False, dtype={"text": str}))["text"].tolist() == RISKY + SAFE


def test_numbers_written_as_text_are_not_guarded():
    guard_csv_text, unguard_csv_text = output.guard_csv_text, output.unguard_csv_text
    assert [guard_csv_text(v) for v in ("-0.123456789012", "+12", "-.5", "-3E+02")] == \
           ["-0.123456789012", "+12", "-.5", "-3E+02"]
    assert guard_csv_text(-1.5) == -1.5 and guard_csv_text(None) is None
    assert guard_csv_text("\rreturn") == "'\rreturn" and unguard_csv_text("'\rreturn") == "\rreturn"


@pytest.fixture(scope="module")
def risky_article(tmp_path_factory):
    path = tmp_path_factory.mktemp("risky") / "risky.txt"
    path.write_text("=HYPERLINK(\"http://example.invalid\",\"Click\") and the grain deal\n\n2022-03-01\n\n"
                    "=SUM(A1:A9) was what the leaked spreadsheet in Kyiv showed, officials said on Monday.\n\n"
                    "-1 percent growth was reported by the ministry in Moscow, the envoy added.\n\n"
                    "\"=cmd|' /C calc'!A0\" was the text of the message, a spokesman said in Berlin.\n",
                    encoding="utf-8")
    return path


def test_analyze_guards_real_sentences(risky_article, tmp_path):
    out = tmp_path / "out"
    assert main(["analyze", str(risky_article), "--out", str(out), "--no-map"]) == 0
    sentences = pd.read_csv(out / "sentences.csv", keep_default_na=False)
    starts = sentences["text"].str[:2].tolist()
    assert "'=" in starts and "'-" in starts
    assert not any(t.startswith(("=", "-", "+", "@")) for t in sentences["text"])
    paragraphs = pd.read_csv(out / "paragraphs.csv", keep_default_na=False)
    assert not any(t.startswith(("=", "-", "+", "@")) for t in paragraphs["text"])
    quotes = pd.read_csv(out / "quotes.csv", keep_default_na=False)
    assert any(t.startswith("'=cmd") for t in quotes["text"])
    assert pd.read_csv(out / "sentences.csv")["vader_compound"].dtype == float        # numbers stay numbers


def test_corpus_csv_is_guarded_parquet_exact_and_read_back_exactly(risky_article, tmp_path):
    from newslens.compare.load import read_table

    folder = tmp_path / "in"
    folder.mkdir()
    text = risky_article.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("grain deal", "grain deal, again"), encoding="utf-8")
    title = '=HYPERLINK("http://example.invalid","Click") and the grain deal'
    for file_format in ("csv", "parquet"):
        out = tmp_path / file_format
        assert main(["corpus", str(folder), "--out", str(out), "--workers", "1", "--quiet", "--format", file_format,
                     "--no-compare"]) == 0
        suffix = ".csv" if file_format == "csv" else ".parquet"
        raw = (pd.read_csv(out / f"articles{suffix}", keep_default_na=False) if file_format == "csv"
               else pd.read_parquet(out / f"articles{suffix}"))
        assert raw["title"][0] == ("'" + title if file_format == "csv" else title)
        assert read_table(out / f"articles{suffix}")["title"][0] == title
        sentences = read_corpus(out)["sentences"]
        assert sentences["text"].str.startswith("=SUM").any() and sentences["text"].str.startswith("-1 ").any()
        assert sentences["vader_compound"].dtype == float
