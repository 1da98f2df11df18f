"""`newslens analyze`: the tables it writes for the seed, and the output-folder safety rules."""

import json

import pandas as pd
import pytest

import newslens
from newslens.cli import main

SEED = str(newslens.seed_path())


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed_out")
    assert main(["analyze", SEED, "--out", str(out), "--force", "--extras", "all"]) == 0
    return out


def test_article_json(seed_out):
    data = json.loads((seed_out / "article.json").read_text(encoding="utf-8"))
    assert data["meta"]["author"] == "Andrew Korybko"
    assert data["counts"] == {"paragraphs": 10, "sentences": 25, "words": 802, "characters": 5255}
    assert data["standfirst"]["duplicate_of"] == 4
    assert len(data["cleaning"]["removed"]) == 23


def test_paragraphs_csv(seed_out):
    paras = pd.read_csv(seed_out / "paragraphs.csv")
    assert list(paras.columns[:3]) == ["paragraph_id", "role", "duplicate_of"]
    assert paras["role"].tolist() == ["standfirst"] + ["body"] * 10
    assert paras.loc[0, "duplicate_of"] == 4
    assert paras.loc[paras.role == "body", "sentences"].sum() == 25


def test_sentences_csv_offsets_point_into_the_body(seed_out, seed_article):
    sents = pd.read_csv(seed_out / "sentences.csv")
    assert len(sents) == 25
    for row in sents.itertuples():
        assert seed_article.body[row.start:row.end] == row.text


def test_default_is_the_fast_path_and_extras_add_to_it(tmp_path, seed_out):
    assert main(["analyze", SEED, "--out", str(tmp_path / "fast"), "--no-map"]) == 0
    fast = {p.name for p in (tmp_path / "fast").glob("*.csv")}
    full = {p.name for p in seed_out.glob("*.csv")} - {"places_map.csv"}
    assert full - fast == {"sentiment_disagreements.csv", "sentiment_agreement.csv", "collocations.csv"}
    for name in fast - {"sentences.csv", "actors.csv", "actor_mentions.csv", "article_tone.csv"}:   # same bytes
        assert (tmp_path / "fast" / name).read_bytes() == (seed_out / name).read_bytes(), name
    sentences = pd.read_csv(tmp_path / "fast" / "sentences.csv")
    assert "textblob_polarity" not in sentences and "vader_compound" in sentences
    actors = pd.read_csv(tmp_path / "fast" / "actors.csv")
    assert actors["ci_low"].isna().all() and actors["mean_compound"].notna().all()
    assert "mean_target_score" not in actors and "target_score" not in pd.read_csv(tmp_path / "fast" / "actor_mentions.csv")
    full_actors = pd.read_csv(seed_out / "actors.csv").set_index("actor")
    # Toward an actor, not near it: the seed speaks of Ukraine's "aggression" in nearly every mention where it
    # acts (9; "in Eastern Ukraine" and "the Ukrainian civil war" are settings, not scored).
    assert full_actors.loc["Ukraine", "target_negative"] == 7 and full_actors.loc["Ukraine", "mean_target_score"] < -0.4


def test_unknown_extra_is_a_one_line_error(tmp_path, capsys):
    assert main(["analyze", SEED, "--out", str(tmp_path), "--extras", "intervals,sparkles"]) == 2
    assert "unknown extras sparkles" in capsys.readouterr().err


def test_two_runs_are_byte_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["analyze", SEED, "--out", str(a)]) == 0
    assert main(["analyze", SEED, "--out", str(b)]) == 0
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_refuses_a_foreign_non_empty_folder(tmp_path, capsys):
    (tmp_path / "thesis.docx").write_text("precious")
    assert main(["analyze", SEED, "--out", str(tmp_path)]) == 3
    assert "not written by newslens" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis.docx"]
    # Rerunning into its own earlier output is fine.
    out = tmp_path / "ours"
    assert main(["analyze", SEED, "--out", str(out)]) == 0
    assert main(["analyze", SEED, "--out", str(out)]) == 0


def test_unknown_format_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["analyze", SEED, "--out", str(tmp_path), "--format", "pdf"])
    assert info.value.code == 2


def test_a_refused_output_folder_is_named_before_any_analysis(tmp_path, capsys, monkeypatch):
    import newslens.analysis

    def no_analysis(*args, **kwargs):
        raise AssertionError("analysed before the output folder was checked")

    monkeypatch.setattr(newslens.analysis, "analyze", no_analysis)
    (tmp_path / "thesis.docx").write_text("precious")
    assert main(["analyze", SEED, "--out", str(tmp_path)]) == 3
    assert "not written by newslens" in capsys.readouterr().err


def test_a_bad_article_leaves_no_output_folder(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["analyze", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o")]) == 2
    assert "empty.txt: is empty" in capsys.readouterr().err and not (tmp_path / "o").exists()
