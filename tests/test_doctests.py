"""The examples in the public API's docstrings run, offline, on the seed article, the demo corpus or a tiny
corpus each example writes to a temporary folder: a changed result or signature fails here."""

import doctest
import importlib
import re

import pytest

from newslens.paths import REPO_ROOT

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


def test_api_page_examples_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    failed, attempted = doctest.testfile(str(REPO_ROOT / "docs" / "api.md"), module_relative=False,
                                         optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert attempted > 0 and failed == 0


@pytest.mark.parametrize("package", ["newslens", "newslens.corpus", "newslens.compare"])
def test_public_names_are_the_documented_ones(package):
    """Each public package exports what docs/api.md documents under its heading, each with a docstring."""
    module = importlib.import_module(package)
    page = (REPO_ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    section = next(part for part in re.split(r"^## ", page, flags=re.MULTILINE)
                   if part.splitlines()[0].endswith(f"`{package}`"))
    documented = set(re.findall(r"^\| `([A-Za-z_]+)", section, flags=re.MULTILINE))
    documented |= {name for pair in re.findall(r"^\| `([A-Za-z_]+)\([^`]*\)` / `([A-Za-z_]+)", section,
                                               flags=re.MULTILINE) for name in pair}
    documented |= {name for pair in re.findall(r"^\| `([A-Za-z_]+)`, `([A-Za-z_]+)`", section, flags=re.MULTILINE)
                   for name in pair}
    assert set(module.__all__) == documented
    assert [name for name in module.__all__ if not (getattr(module, name).__doc__ or "").strip()] == []
