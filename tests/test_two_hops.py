"""Two hops from a number in a notebook to its method: every newslens function or class a notebook uses has a
docstring and a test that names it (bench/two_hops.py reads the notebooks and tests; docs/two-hops.md is its
table). Also the reader itself, on a notebook and tests written here."""

import importlib.util
import json
import re
import sys

import pytest

from newslens.paths import REPO_ROOT

DOC = REPO_ROOT / "docs" / "two-hops.md"


def _tool():
    spec = importlib.util.spec_from_file_location("two_hops", REPO_ROOT / "bench" / "two_hops.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


two_hops = _tool()


@pytest.fixture(scope="module")
def committed():
    return two_hops.survey(REPO_ROOT / "notebooks", REPO_ROOT / "tests")


def test_every_function_a_notebook_uses_has_a_docstring_and_a_test(committed):
    cells, functions = committed
    assert len(cells) > 50 and len(functions) > 20          # the reader found the notebooks' calls at all
    assert [c for c in cells if c.error] == []
    gaps = {f"{name} ({fn.location})": fn.problems for name, fn in functions.items() if fn.problems}
    assert gaps == {}, "document the function (what it computes, from which table) and test it by name"


def test_the_two_hops_page_lists_what_the_notebooks_use_now(committed):
    # Notebook, cell and function of every row; the tests column changes with every new test and is not compared.
    cells, _ = committed
    expected = {(c.notebook, c.number, name) for c in cells for name in c.calls}
    listed, notebook = set(), None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## (\S+\.ipynb)$", line)
        if heading:
            notebook = heading.group(1)
        row = re.match(r"^\| (\d+) \| `[^`]+`[^|]* \| `([^`]+)` ", line)
        if row and notebook:
            listed.add((notebook, int(row.group(1)), row.group(2)))
    assert listed == expected, f"regenerate it: {two_hops.COMMAND}"


# As in the package: annotations are strings, so a return type is looked up by name.
HEADER = "from __future__ import annotations\n\nfrom dataclasses import dataclass\n"
PROBE = '''
def documented(text):
    """The number of words of a text, split on white space."""
    return len(text.split())


def undocumented(text):
    return text.upper()


@dataclass
class Settings:
    width: int = 3


@dataclass
class Shown:
    """How many words the probe shows, at most."""
    words: int = 10


def untested(text):
    """The words of a text in reverse order, last word first."""
    return text.split()[::-1]


def _inner(text):
    """The first word of a text, or an empty string for a text without words."""
    return (text.split() or [""])[0]


def probe_tables(text):
    """The probe's one table: the text's first word."""
    return {"first.csv": _inner(text)}


class Box:
    """A text kept for the probe, its words counted on demand."""

    def __init__(self, text):
        self.text = text

    def words(self):
        """The number of words of the kept text."""
        return len(self.text.split())


def boxed(text) -> Box:
    """The text, kept in a Box."""
    return Box(text)


def shout(text):
    """The text in capital letters.

        >>> shout("a b")
        'A B'
    """
    return text.upper()
'''


@pytest.fixture
def probe(tmp_path, monkeypatch):
    """A module of the package written for this test (``newslens._two_hops_probe``), with a notebook and tests
    that use it."""
    source = tmp_path / "probe.py"
    source.write_text(HEADER + PROBE, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("newslens._two_hops_probe", source)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "newslens._two_hops_probe", module)
    spec.loader.exec_module(module)

    def code(src):
        return {"cell_type": "code", "source": src, "metadata": {}, "outputs": [], "execution_count": None}

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    cells = [
        {"cell_type": "markdown", "source": "# A probe", "metadata": {}},
        code("%matplotlib inline\nimport newslens._two_hops_probe as probe\n"
             "from newslens._two_hops_probe import documented as count, Settings\n"),
        code("n = count('a b c')\nwords = list(map(probe.untested, ['x y']))\n!ls\n"),
        code("def local(text):\n    return probe.undocumented(text)\n"
             "settings = Settings(width=2)\nshown = probe.Shown()\n"),
        code("first = probe._inner('a b')\nn.bit_length()\nprobe.shout('x')\n"
             "box = probe.boxed('a b')\nbox.words()\nbox.text.upper()\n"),
        code("for for\n"),
        code("%%bash\necho probe.untested\n"),
    ]
    (notebooks / "99_probe.ipynb").write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4,
                                                          "nbformat_minor": 5}), encoding="utf-8")
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "conftest.py").write_text(
        "import pytest\nfrom newslens._two_hops_probe import probe_tables\n\n\n"
        "@pytest.fixture\ndef first():\n    return probe_tables('a b')\n", encoding="utf-8")
    (tests / "helpers.py").write_text(
        "from newslens._two_hops_probe import documented\n\n\ndef words(text):\n    return documented(text)\n",
        encoding="utf-8")
    (tests / "test_probe.py").write_text(
        "import newslens._two_hops_probe as p\nfrom helpers import words\n\nTEXT = p.Settings()\n\n\n"
        "def test_through_a_helper():\n    assert words('a b') == 2\n\n\n"
        "def test_through_a_fixture(first):\n    assert first == {'first.csv': 'a'}\n\n\n"
        "class TestUpper:\n    def test_upper(self):\n        assert p.undocumented('a') == 'A'\n\n"
        "    def test_box(self):\n        box = p.boxed('a b')\n        assert box.words() == 2\n\n"
        "    def test_settings(self):\n        assert TEXT.width == 3 and p.Shown().words == 10\n", encoding="utf-8")
    (tests / "test_examples.py").write_text(
        "import doctest\nimport importlib\n\nMODULES = ['newslens._two_hops_probe']\n\n\n"
        "def test_examples():\n    for name in MODULES:\n        doctest.testmod(importlib.import_module(name))\n",
        encoding="utf-8")
    return two_hops.survey(notebooks, tests)


def test_reader_follows_imports_aliases_references_helpers_and_fixtures(probe):
    cells, functions = probe
    assert [c.number for c in cells] == [1, 2, 3, 4, 5, 6]           # cells counted as the notebook numbers them
    used = {c.number: sorted(name.rsplit(".", 1)[1] for name in c.calls) for c in cells}
    assert used == {1: [], 2: ["documented", "untested"], 3: ["Settings", "Shown", "undocumented"],
                    4: ["_inner", "boxed", "shout", "words"], 5: [], 6: []}
    assert cells[4].error.startswith("cannot parse") and cells[5].error is None    # %%bash is not Python
    assert cells[1].names["newslens._two_hops_probe.documented"] == "count"   # as the cell writes it
    name = "newslens._two_hops_probe."
    assert functions[name + "documented"].tests == ["tests/test_probe.py::test_through_a_helper"]
    assert functions[name + "undocumented"].tests == ["tests/test_probe.py::TestUpper::test_upper"]
    assert functions[name + "Settings"].tests == ["tests/test_probe.py::TestUpper::test_settings"]
    lines = (HEADER + PROBE).splitlines()
    shown_at = lines.index("class Shown:")           # 1-based, its decorator's line
    assert functions[name + "Shown"].location.endswith(f"probe.py:{shown_at}")
    assert functions[name + "Shown"].summary == "How many words the probe shows, at most."
    inner = functions[name + "_inner"]
    assert inner.tests == [] and inner.via == {name + "probe_tables": ["tests/test_probe.py::test_through_a_fixture"]}
    # a method of the class a package function returns, through the variable it is assigned to
    assert functions[name + "Box.words"].tests == ["tests/test_probe.py::TestUpper::test_box"]
    assert cells[3].names[name + "Box.words"] == "box.words"
    # no test names shout, but its docstring example does, and a test runs the module's examples
    assert functions[name + "shout"].doctests == ["tests/test_examples.py::test_examples"]


def test_reader_reports_the_missing_docstring_and_the_missing_test(probe):
    _, functions = probe
    problems = {name.rsplit(".", 1)[1]: fn.problems for name, fn in functions.items() if fn.problems}
    # a dataclass's generated __doc__ (its signature) is not a docstring
    assert problems == {"undocumented": ["no docstring"], "Settings": ["no docstring"],
                        "untested": ["no test names it or an entry point of its module that calls it"]}
    page = two_hops.markdown(*probe)
    assert f"Generated by `{two_hops.COMMAND}`" in page
    assert "| 2 | `probe.untested` (no test names it" in page and "**none**" in page
    assert "| 4 | `probe._inner` | `newslens._two_hops_probe._inner`" in page
    assert "through `newslens._two_hops_probe.probe_tables`: `tests/test_probe.py::test_through_a_fixture`" in page
