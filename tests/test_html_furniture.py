"""HTML pages: page furniture is removed with a reason; a caption-only extraction falls back or warns.

The pages here were written for these tests (MIT).
"""

import types

import newslens
from newslens.text import formats

PARAGRAPH = ("The council met on Tuesday to discuss the state of the roads, and members agreed that the repairs "
             "promised last year had not been made. Residents who attended said the potholes had grown worse.")

LETTERS_PAGE = f"""<!DOCTYPE html>
<html><head><title>Letters: fix the roads first</title></head>
<body><nav><a href="/">Home</a></nav>
<article>
<h1>Letters: fix the roads first</h1>
<p>Submit your letter to the editor via our online form.</p>
<p>{PARAGRAPH}</p>
<p>— David Smith, Gary</p>
<p>Read more: council budget explained</p>
<p>{PARAGRAPH.replace("Tuesday", "Thursday")}</p>
<p>Sign up for our daily newsletter</p>
<p>Follow Jane Doe on Twitter</p>
<p>Loading Photo Gallery</p>
</article></body></html>
"""


def test_page_furniture_is_removed_with_a_reason(tmp_path):
    path = tmp_path / "letters.html"
    path.write_text(LETTERS_PAGE, encoding="utf-8")
    article = newslens.load_article(path)
    body = article.body
    for gone in ("Submit your letter", "Read more", "newsletter", "Follow Jane", "Loading Photo"):
        assert gone not in body
    assert "— David Smith, Gary" in body and "potholes" in body
    reasons = [r.reason for r in article.report.removed]
    for why in ("call to submit letters", "read-more link", "newsletter box", "social media plug", "page widget"):
        assert f"page furniture: {why}" in reasons


def test_furniture_rules_leave_sentences_alone():
    assert formats._furniture("Loading the ship took the crew three hours.") is None
    assert formats._furniture("Readers wrote to say the letters page should return.") is None
    assert formats._furniture("See more: photos of the storm") == "read-more link"
    assert formats._furniture("Advertisement") == "page widget"
    assert formats._furniture("Letters to the editor: send yours by email to letters@example.org") == \
        "call to submit letters"


def _fake_trafilatura(monkeypatch, precise: str, recall: str, page_chars: int):
    import trafilatura

    def bare_extraction(html, favor_precision=False, favor_recall=False, **kwargs):
        text = recall if favor_recall else precise
        return types.SimpleNamespace(text=text, title="A page", author="", date=None, sitename="", categories=[],
                                     tags=[])

    monkeypatch.setattr(trafilatura, "bare_extraction", bare_extraction)
    monkeypatch.setattr(formats, "_page_text_chars", lambda html: page_chars)


def test_caption_only_extraction_falls_back_to_recall_mode(monkeypatch):
    caption = "A photo of the new bridge at dusk, taken from the east bank of the river by our photographer."
    full = "\n".join([PARAGRAPH] * 12)
    _fake_trafilatura(monkeypatch, caption, full, page_chars=len(full) + 500)
    parsed = formats.parse_html("<html><body>page</body></html>")
    assert len(parsed.blocks) == 12
    assert parsed.removed[0].reason == "extraction fallback: trafilatura recall mode"
    assert "recall mode" in parsed.warnings[0]


def test_short_extraction_without_a_better_one_is_kept_with_a_warning(monkeypatch):
    caption = "A photo of the new bridge at dusk, taken from the east bank of the river by our photographer."
    _fake_trafilatura(monkeypatch, caption, caption, page_chars=5000)
    parsed = formats.parse_html("<html><body>page</body></html>")
    assert [b.text for b in parsed.blocks] == [caption]
    assert "caption or a fragment" in parsed.warnings[0]


def test_a_full_extraction_gives_no_warning(monkeypatch):
    full = "\n".join([PARAGRAPH] * 12)
    _fake_trafilatura(monkeypatch, full, full, page_chars=len(full) + 500)
    parsed = formats.parse_html("<html><body>page</body></html>")
    assert parsed.warnings == [] and len(parsed.blocks) == 12
