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
