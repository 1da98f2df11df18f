"""Input formats: each parser turns decoded text into metadata, candidate paragraphs and removed lines.

Three formats:
- ``globalresearch``: a Global Research page saved as text (title, "By [Author](#)", "Global Research, <date>",
  Region/Theme lines, site notices above the body, a "*" line and a long footer below it);
- ``plaintext``: the first non-empty line is the title, blank lines separate paragraphs; an optional
  "By NAME" line and an optional ISO date line may follow the title;
- ``html``: a saved web page; the article text and metadata are extracted with trafilatura.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from .article import ArticleMeta, RemovedLine

MARKDOWN_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)\)")


@dataclass
class Block:
    """A run of non-blank lines: one paragraph candidate."""
    line_no: int     # 1-based line number of its first line in the input
    text: str


@dataclass
class ParsedInput:
    input_format: str
    meta: ArticleMeta
    blocks: list[Block]                      # body candidates, in order
    removed: list[RemovedLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # passed on to the cleaning report


def unwrap_links(text: str) -> tuple[str, int]:
    """Reduce Markdown links ``[text](url)`` to their text; return the text and how many were unwrapped."""
    return MARKDOWN_LINK.subn(r"\1", text)


def split_lines(text: str) -> list[Block]:
    """Every non-blank line is its own block (page dumps put one paragraph on one line)."""
    return [Block(no, line.strip()) for no, line in enumerate(text.split("\n"), start=1) if line.strip()]


def split_blocks(text: str) -> list[Block]:
    """Runs of non-blank lines separated by blank lines, each run joined into one block."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for no, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                start = no
            current.append(line.strip())
        elif current:
            blocks.append(Block(start, " ".join(current)))
            current = []
    if current:
        blocks.append(Block(start, " ".join(current)))
    return blocks


def _iso_date(text: str) -> str | None:
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%Y-%m-%d", "%d %B %Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _split_list(value: str) -> list[str]:
    return [part.strip() for part in unwrap_links(value)[0].split(",") if part.strip()]


# --- Global Research ---------------------------------------------------------------------------------------

GR_DATELINE = re.compile(r"^Global Research,\s+(\w+\.? \d{1,2}, \d{4})\s*$")
GR_BYLINE = re.compile(r"^By\s+(.+)$")
GR_REGION = re.compile(r"^Region:\s*(.+)$")
GR_THEME = re.compile(r"^Theme:\s*(.+)$")
GR_ORIGINAL = re.compile(r"^This article was (?:first |originally )published (?:on|in|by|at)\s+(.+?)\.?\s*$", re.I)
GR_END_MARKER = re.compile(r"^\*+$")

# Site boilerplate, recognised wherever it stands. Order matters only for the reason recorded.
GR_BOILERPLATE: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^All Global Research articles can be read in \d+ languages", re.I), "translation notice"),
    (re.compile(r"^(Visit and )?follow us on (Instagram|Twitter|Facebook|Telegram)\b", re.I), "social media plug"),
    (re.compile(r"^Note to readers:", re.I), "share note"),
    (re.compile(r"^internet forums\. etc\.?$", re.I), "share note (continued)"),
    (GR_ORIGINAL, "originally-published note"),
    (re.compile(r"^Featured image", re.I), "image credit"),
    (re.compile(r"^The original source of this article is\b", re.I), "source note"),
    (re.compile(r"^(Copyright\b|©)", re.I), "copyright"),
    (re.compile(r"^Comment on Global Research Articles", re.I), "comment link"),
    (re.compile(r"^Become a Member of Global Research", re.I), "membership link"),
    (re.compile(r"^Articles by:", re.I), "author link"),
    (re.compile(r"^About the author:?$", re.I), "author bio heading"),
    (re.compile(r"^Disclaimer:", re.I), "disclaimer"),
    (re.compile(r"^\S+ contains copyrighted material the use of which", re.I), "fair-use notice"),
    (re.compile(r"^For media inquiries:", re.I), "media contact"),
    (re.compile(r"^Support Global Research|^Click to (share|print)", re.I), "donation or share link"),
]


def looks_like_global_research(text: str) -> bool:
    head = text.split("\n")[:40]
    return any(GR_DATELINE.match(line.strip()) for line in head)


def parse_global_research(text: str) -> ParsedInput:
    blocks = split_lines(text)
    meta = ArticleMeta(publisher="Global Research")
    removed: list[RemovedLine] = []
    body: list[Block] = []
    in_footer = False

    def drop(block: Block, reason: str) -> None:
        removed.append(RemovedLine(block.line_no, block.text, reason))

    for i, block in enumerate(blocks):
        line = block.text
        if i == 0:
            meta.title = unwrap_links(line)[0]
            drop(block, "metadata: title")
            continue
        if not body and not in_footer:
            # Header lines stand above the body only.
            if m := GR_BYLINE.match(line):
                meta.author = unwrap_links(m.group(1))[0].strip()
                drop(block, "metadata: byline")
                continue
            if m := GR_DATELINE.match(line):
                meta.date = _iso_date(m.group(1))
                drop(block, "metadata: publisher and date")
                continue
            if m := GR_REGION.match(line):
                meta.regions = _split_list(m.group(1))
                drop(block, "metadata: region tags")
                continue
            if m := GR_THEME.match(line):
                meta.themes = _split_list(m.group(1))
                drop(block, "metadata: theme tags")
                continue
        if GR_END_MARKER.match(line):
            in_footer = True
            drop(block, "end-of-article marker")
            continue
        plain = unwrap_links(line)[0]
        reason = next((why for pattern, why in GR_BOILERPLATE if pattern.search(plain)), None)
        if m := GR_ORIGINAL.search(plain):
            meta.original_source = m.group(1).strip()
        if reason is None and meta.author and line.startswith(f"{meta.author} is "):
            reason = "author bio"
        if reason is not None:
            # The first footer notice ends the body even where the page has no "*" marker.
            in_footer = in_footer or bool(body)
            drop(block, reason)
            continue
        if in_footer:
            drop(block, "footer after the end of the article")
            continue
        body.append(block)
    return ParsedInput("globalresearch", meta, body, removed)


# --- Plain text ----------------------------------------------------------------------------------------------

PLAIN_DATE = re.compile(r"^(?:Date:\s*)?(\d{4}-\d{2}-\d{2})$")


def _reads_as_prose(text: str) -> bool:
    """Ends like a sentence, or is longer than any headline."""
    return bool(re.search(r"[.!?…][\"'”’»)\]]*\s*$", text)) or len(text.split()) > 40


def parse_body(text: str) -> ParsedInput:
    """The whole text is the body, paragraphs split at blank lines (a CSV or JSONL text column: no title)."""
    return ParsedInput("body", ArticleMeta(), split_blocks(text), [])


def parse_plaintext(text: str) -> ParsedInput:
    blocks = split_blocks(text)
    if len(blocks) == 1 and _reads_as_prose(blocks[0].text):
        # One block of prose and nothing else: an article given as one line (as many exports give it) is
        # all body. A lone short line without end punctuation stays a title (and leaves no body).
        return parse_body(text)
    meta = ArticleMeta()
    removed: list[RemovedLine] = []
    body: list[Block] = []
    for i, block in enumerate(blocks):
        if i == 0:
            meta.title = unwrap_links(block.text)[0]
            removed.append(RemovedLine(block.line_no, block.text, "metadata: title"))
            continue
        if not body:
            if (m := GR_BYLINE.match(block.text)) and len(block.text) < 120:
                meta.author = unwrap_links(m.group(1))[0].strip()
                removed.append(RemovedLine(block.line_no, block.text, "metadata: byline"))
                continue
            if m := PLAIN_DATE.match(block.text):
                meta.date = m.group(1)
                removed.append(RemovedLine(block.line_no, block.text, "metadata: date"))
                continue
        body.append(block)
    return ParsedInput("plaintext", meta, body, removed)


# --- HTML ----------------------------------------------------------------------------------------------------

HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>]|<head[\s>])", re.I | re.S)


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:4096]))


MIN_HTML_ARTICLE_CHARS = 80
# When the precise extraction keeps under this share of the page's text (and the page has at least
# FRAGMENT_MIN_PAGE_CHARS of text), it probably caught a caption or a teaser: trafilatura's recall mode is
# tried, and taken when it finds at least FALLBACK_GAIN times as much text; otherwise the report warns.
FRAGMENT_SHARE = 0.15
FRAGMENT_MIN_PAGE_CHARS = 2000
FALLBACK_GAIN = 3.0

# Page furniture that extractors keep: calls to write in, newsletter and social boxes, "Read more" links.
# A line is dropped only when it is short and the pattern matches its start.
FURNITURE_MAX_CHARS = 160
PAGE_FURNITURE: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^(submit|send|write) (us )?(your|a) letters?\b|^letters? to the editor\b.*\b(submit|send|email)\b",
                re.I), "call to submit letters"),
    (re.compile(r"^(sign up|subscribe|register) (for|to) (our|the|a) .*newsletter|^get (our|the) .*newsletter|"
                r"^newsletter\b", re.I), "newsletter box"),
    (re.compile(r"^(read|see) (more|also)\b\s*[:»›>.…-]*", re.I), "read-more link"),
    (re.compile(r"^(follow|like) [\w .@'’-]{1,40} on (twitter|facebook|instagram)\b", re.I), "social media plug"),
    (re.compile(r"^loading( [\w ]{0,30})?( ?(\.\.\.|…))?$|^advertisement$|^share this (article|story)\b|"
                r"^click here to\b", re.I), "page widget"),
]


def _page_text_chars(html: str) -> int:
    import trafilatura

    return len((trafilatura.html2txt(html) or "").strip())


def _furniture(line: str) -> str | None:
    if len(line) > FURNITURE_MAX_CHARS:
        return None
    return next((why for pattern, why in PAGE_FURNITURE if pattern.search(line)), None)


class NoArticleInHtml(ValueError):
    """trafilatura found no main text in the page."""


def parse_html(text: str) -> ParsedInput:
    """Extract the main text and metadata of a saved web page (trafilatura: offline, no fetching)."""
    import trafilatura  # imported here: only HTML input pays for lxml and trafilatura

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=False,
                                      favor_precision=True)
    notes: list[RemovedLine] = []
    warnings: list[str] = []
    extracted = len((doc.text or "").strip()) if doc is not None else 0
    page_chars = _page_text_chars(text)
    if page_chars >= FRAGMENT_MIN_PAGE_CHARS and extracted < FRAGMENT_SHARE * page_chars:
        wider = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=False,
                                            favor_recall=True)
        found = len((wider.text or "").strip()) if wider is not None else 0
        if found >= FALLBACK_GAIN * max(extracted, 1) and found >= MIN_HTML_ARTICLE_CHARS:
            notes.append(RemovedLine(0, f"the precise extraction kept {extracted:,} of the page's {page_chars:,} "
                                        f"characters of text (a caption or fragment); the recall mode kept {found:,}",
                                     "extraction fallback: trafilatura recall mode"))
            warnings.append(f"the main-text extractor returned only {extracted:,} of the page's {page_chars:,} "
                            f"characters; the body comes from trafilatura's recall mode ({found:,} characters) and "
                            "may include page furniture")
            doc = wider
        else:
            warnings.append(f"the extracted body is only {extracted:,} of the page's {page_chars:,} characters of "
                            "text: it may be a caption or a fragment of an article rendered by scripts")
    # A page with no article still yields scraps (a menu item); under this many characters there is no article.
    if doc is None or len((doc.text or "").strip()) < MIN_HTML_ARTICLE_CHARS:
        raise NoArticleInHtml("no article text found in the HTML page")
    meta = ArticleMeta(
        title=(doc.title or "").strip(),
        author=(doc.author or "").strip(),
        date=_iso_date(doc.date) if doc.date else None,
        publisher=(doc.sitename or "").strip(),
        themes=[t.strip() for t in (doc.categories or []) + (doc.tags or []) if t and t.strip()],
    )
    lines = [line.strip() for line in doc.text.split("\n") if line.strip()]
    removed: list[RemovedLine] = notes
    kept_lines = []
    for line in lines:
        why = _furniture(line)
        if why is None:
            kept_lines.append(line)
        else:
            removed.append(RemovedLine(0, line, f"page furniture: {why}"))
    lines = kept_lines
    # trafilatura repeats the headline as the first line of the text; it is metadata, not body.
    if lines and meta.title and lines[0] == meta.title:
        removed.append(RemovedLine(0, lines.pop(0), "metadata: title (headline)"))
    kept = sum(len(line) for line in lines)
    removed.append(RemovedLine(0, f"{len(text):,} characters of HTML reduced to {kept:,} characters of article text",
                               "page markup, scripts, navigation and footer removed by trafilatura"))
    # Line numbers refer to the extracted text: the page's own lines do not map onto paragraphs.
    return ParsedInput("html", meta, [Block(i, line) for i, line in enumerate(lines, start=1)], removed, warnings)


PARSERS = {"globalresearch": parse_global_research, "plaintext": parse_plaintext, "html": parse_html,
           "body": parse_body}


def detect_format(text: str) -> str:
    if looks_like_html(text):
        return "html"
    return "globalresearch" if looks_like_global_research(text) else "plaintext"
