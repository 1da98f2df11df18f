"""The examples in the public API's docstrings run, offline, on the seed article, the demo corpus or a tiny
corpus each example writes to a temporary folder: a changed result or signature fails here."""

import doctest
import importlib

import pytest

# The public API (docs/api.md): the package, one article, the corpus runner and its readers, the comparison;
# and the helpers the notebooks call on analyze's tables.
MODULES = [
    "newslens",
    "newslens.analysis",
    "newslens.corpus",
    "newslens.corpus.inputs",
    "newslens.corpus.runner",
    "newslens.compare",
    "newslens.compare.load",
    "newslens.compare.run",
    "newslens.compare.timeline",
    "newslens.sentiment.tables",
    "newslens.sentiment.validity",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)          # an example that names a relative path finds nothing of the repository's
    module = importlib.import_module(name)
    failed, attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
                                        report=True, verbose=False)
    assert attempted > 0, f"{name} has no docstring example"
    assert failed == 0, f"{failed} of {attempted} examples of {name} failed (above)"
