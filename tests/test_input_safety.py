"""Corpus input that is hostile or careless: compressed input that expands far beyond one article
(decompression bombs), paths that lead outside the input folder, symlink loops, a manifest that lists one
file twice, and the wording of row errors. Each bad article is one error row; the batch goes on; memory
stays bounded; no input file changes."""

import json

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
    (tmp_path / "articles.csv").write_text("path,outlet\na.txt,First\nb.txt,Other\n./a.txt,Second\n",
                                           encoding="utf-8")
    items = _items(tmp_path)
    assert [(i.source, i.meta.get("outlet")) for i in items] == [
        ("a.txt", "First"), ("articles.csv row 4", "Second"), ("b.txt", "Other")]
    assert not items[0].problem
    assert items[1].problem == "a.txt is listed twice in articles.csv (rows 2 and 4); row 4 is not read"
