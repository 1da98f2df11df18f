"""The README is a short front door and the docs behind it hold together: every relative link (and anchor)
resolves, every docs page can be reached from the README, the exit codes table agrees with the command, and
the README's test command is the one CI runs."""

import re
from pathlib import Path

import pytest

from newslens import cli
from newslens.paths import REPO_ROOT

README = REPO_ROOT / "README.md"
README_MAX_LINES = 200
DOCS = sorted((REPO_ROOT / "docs").rglob("*.md"))
PAGES = [README, *DOCS]

# [text](target) and ![alt](target); a target may carry a "title" after a space.
LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)


def _links(page: Path) -> list[str]:
    # Code blocks hold commands and Python, not links.
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    return LINK.findall(text)


def _is_relative(target: str) -> bool:
    return not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) and not target.startswith("//")


def _anchors(page: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation but hyphens dropped, spaces to hyphens."""
    anchors = set()
    for line in FENCE.sub("", page.read_text(encoding="utf-8")).splitlines():
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading:
            slug = re.sub(r"[^\w\- ]", "", heading.group(1).lower()).replace(" ", "-")
            anchors.add(slug)
    return anchors


def _resolve(page: Path, target: str) -> tuple[Path, str]:
    path, _, anchor = target.partition("#")
    return ((page.parent / path).resolve() if path else page), anchor


def test_readme_is_a_short_front_door():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, f"README.md has {len(lines)} lines; move detail into docs/"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_every_relative_link_points_to_an_existing_file(page):
    broken = []
    for target in filter(_is_relative, _links(page)):
        path, anchor = _resolve(page, target)
        if not path.exists() or REPO_ROOT not in (path, *path.parents):
            broken.append(f"{target}: no such file in the repository")
        elif anchor and path.suffix == ".md" and anchor not in _anchors(path):
            broken.append(f"{target}: no heading #{anchor} in {path.name}")
    assert broken == []


def test_link_checker_finds_links_and_catches_a_broken_one(tmp_path):
    # The checker itself: a page with a good link, a broken one, an anchor and a link inside a code block.
    (tmp_path / "there.md").write_text("# There\n\n## Output files\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("See [there](there.md#output-files), [gone](gone.md), ![fig](img/x.png),\n"
                    "[web](https://example.org).\n\n```\n[not a link](nowhere.md)\n```\n", encoding="utf-8")
    assert _links(page) == ["there.md#output-files", "gone.md", "img/x.png", "https://example.org"]
    assert [t for t in _links(page) if _is_relative(t)] == ["there.md#output-files", "gone.md", "img/x.png"]
    assert "output-files" in _anchors(tmp_path / "there.md")
    assert not _resolve(page, "gone.md")[0].exists()


def test_readme_links_the_docs_and_every_docs_page_is_reachable_from_it():
    seen, queue = {README}, [README]
    while queue:
        page = queue.pop()
        for target in filter(_is_relative, _links(page)):
            path, _ = _resolve(page, target)
            if path.suffix == ".md" and path.exists() and path not in seen:
                seen.add(path)
                queue.append(path)
    unreachable = [p.relative_to(REPO_ROOT).as_posix() for p in DOCS if p not in seen]
    assert unreachable == [], "link these from README.md or from a page it links"
    direct = {_resolve(README, t)[0].name for t in filter(_is_relative, _links(README))}
    assert {"outputs.md", "cli.md", "validity.md", "performance.md", "limitations.md", "data.md"} <= direct


def test_exit_codes_table_matches_the_command():
    doc = (REPO_ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    section = doc.split("\n## Exit codes\n", 1)[1].split("\n## ", 1)[0]
    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", section, re.M)}
    declared = {value for name, value in vars(cli).items() if name.startswith("EXIT_")}
    assert documented == declared | {0}


def test_readme_test_command_is_the_one_ci_runs():
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)
    readme = README.read_text(encoding="utf-8")
    assert re.search(r"^make test\b", readme, re.M)
    assert re.search(r"^test:", (REPO_ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
