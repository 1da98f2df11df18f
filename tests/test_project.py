"""The project's own contracts: environment.yml agrees with pyproject.toml, seeds are intact, notebooks are
clean Run-All outputs listed in the README and docs/notebooks.md, and the package never reaches for a downloader."""

import hashlib
import json
import re
import tomllib

import pytest

import newslens
from newslens.paths import NOTEBOOKS_DIR, REPO_ROOT, SEEDS_DIR
from newslens.text.seeds import KNOWN_SEEDS

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


def _environment_yml_pip_entries():
    entries, in_pip = [], False
    for line in (REPO_ROOT / "environment.yml").read_text().splitlines():
        if line.strip() == "- pip:":
            in_pip = True
            continue
        if in_pip and line.startswith("    - "):
            entries.append(line.strip()[2:].strip().strip('"'))
    return entries


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    entries = _environment_yml_pip_entries()
    assert entries[-1] == "-e .[dev]", "environment.yml must end with the editable install"
    assert sorted(entries[:-1]) == sorted(wanted)


@pytest.mark.parametrize("name", sorted(KNOWN_SEEDS))
def test_seed_hash_matches_readme_and_file(name):
    digest = hashlib.sha256((SEEDS_DIR / name).read_bytes()).hexdigest()
    assert digest == KNOWN_SEEDS[name]
    assert digest in (SEEDS_DIR / "README.md").read_text()


def test_seed_is_a_byte_copy_of_the_shared_one():
    shared = REPO_ROOT.parent / "shared" / "seeds" / "000_a5575fbe19cd88ca.txt"
    if not shared.exists():
        pytest.skip("../shared is not beside this clone")
    assert shared.read_bytes() == newslens.seed_path().read_bytes()


@pytest.mark.parametrize("doc", ["README.md", "docs/notebooks.md"])
def test_docs_list_exactly_the_notebooks_that_exist(doc):
    text = (REPO_ROOT / doc).read_text()
    listed = set(re.findall(r"notebooks/(\d\d_[\w-]+\.ipynb)", text))
    assert listed == {p.name for p in NOTEBOOKS}
    assert NOTEBOOKS, "no notebooks found"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_a_clean_run_all(path):
    assert re.fullmatch(r"\d\d_[a-z_]+\.ipynb", path.name), "name must be NN_words.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    assert nb["cells"][0]["cell_type"] == "markdown" and nb["cells"][0]["source"][0].startswith("# ")
    tagged = [c for c in code if "parameters" in c.get("metadata", {}).get("tags", [])]
    parameters = "".join(tagged[0]["source"]) if len(tagged) == 1 else ""
    # One parameters cell: an article notebook takes article_path, a corpus notebook corpus_out.
    assert "article_path = None" in parameters or "corpus_out = None" in parameters
    for cell in code:
        source = "".join(cell["source"])
        assert "filterwarnings" not in source and "nltk.download" not in source
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error"
            assert out.get("name") != "stderr"
            assert not re.search(r"(/root/|/work/|/home/|/tmp/|site-packages)", json.dumps(out))


def test_no_untitled_or_checkpoint_notebooks():
    assert not list(REPO_ROOT.glob("**/Untitled*.ipynb"))


def test_package_never_calls_a_downloader():
    pattern = re.compile(r"nltk\.download|urlopen|requests\.get|urllib\.request|hf_hub_download|from_pretrained")
    offenders = [p.name for p in (REPO_ROOT / "lib" / "newslens").rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []


@pytest.mark.filterwarnings("ignore:A test tried to use socket.socket:UserWarning")
def test_tests_run_with_sockets_blocked():
    # `make test` passes --disable-socket; creating a socket (no traffic is sent) must then fail.
    import socket

    from pytest_socket import SocketBlockedError

    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_outputs_doc_documents_every_output_file_and_column(tmp_path):
    from newslens.cli import main

    assert main(["analyze", str(newslens.seed_path()), "--out", str(tmp_path), "--extras", "all"]) == 0
    doc = (REPO_ROOT / "docs" / "outputs.md").read_text()
    section = doc.split("\n## Output files\n", 1)[1].split("\n## ", 1)[0]
    rows = {line.split("`")[1]: line for line in section.splitlines() if line.startswith("| `")}
    written = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert sorted(rows) == written
    for csv_path in tmp_path.glob("*.csv"):
        header = csv_path.read_text(encoding="utf-8").splitlines()[0].split(",")
        documented = rows[csv_path.name].split("|")[3]
        assert [c.strip() for c in documented.split(",")] == header, csv_path.name


def test_whole_analysis_runs_with_every_downloader_disabled(tmp_path, monkeypatch):
    # Beyond the blocked sockets: any attempt to call a downloader fails loudly instead of hiding offline.
    import urllib.request

    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError(f"a downloader was called with {args!r}")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(urllib.request, "urlretrieve", refuse)
    from newslens.cli import main

    for article in (newslens.seed_path(), REPO_ROOT / "tests/fixtures/loader/saved_page.html"):
        assert main(["analyze", str(article), "--out", str(tmp_path / article.name)]) == 0
        assert (tmp_path / article.name / "places_map.png").stat().st_size > 10_000
