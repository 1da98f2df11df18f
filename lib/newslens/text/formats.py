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
# The source is the rest of the line (see _original_source): "(.+?)\.?\s*$" retried the end at every character.
GR_ORIGINAL = re.compile(r"^This article was (?:first |originally )published (?:on|in|by|at)\s+(.+)$", re.I)
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


def _original_source(rest: str) -> str:
    """The source named after "published on": the rest of the line without a final full stop."""
    rest = rest.rstrip()
    if rest.endswith(".") and len(rest) > 1:
        rest = rest[:-1]
    return rest.strip()


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
            meta.original_source = _original_source(m.group(1))
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


# A date written at the end of a byline ("By bne IntelliNews October 27, 2021", "By Jane Roe, 27 October 2021").
BYLINE_DATE = re.compile(r"[\s,|·–—-]+((?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})|(?:\d{1,2} [A-Z][a-z]{2,8} \d{4})|"
                         r"(?:\d{4}-\d{2}-\d{2}))$")


def _header_line(line: str, meta: ArticleMeta) -> str | None:
    """Read one line above the body as a byline or a date into ``meta``; the removal reason, or None. A
    byline that ends with a date gives both: the author without the date, and the date."""
    if (m := GR_BYLINE.match(line)) and len(line) < 120:
        author = unwrap_links(m.group(1))[0].strip()
        dated = BYLINE_DATE.search(author)
        if dated and (date := _iso_date(dated.group(1).replace(".", "").replace("Sept ", "Sep "))):
            author, meta.date = author[:dated.start()].strip(), date
        meta.author = author
        return "metadata: byline"
    if m := PLAIN_DATE.match(line):
        meta.date = m.group(1)
        return "metadata: date"
    return None


def parse_plaintext(text: str) -> ParsedInput:
    blocks = split_blocks(text)
    if len(blocks) == 1 and _reads_as_prose(blocks[0].text):
        # One block of prose and nothing else: an article given as one line (as many exports give it) is
        # all body. A lone short line without end punctuation stays a title (and leaves no body).
        return parse_body(text)
    lines = text.split("\n")
    meta = ArticleMeta()
    removed: list[RemovedLine] = []
    body: list[Block] = []
    for i, block in enumerate(blocks):
        if i == 0:
            meta.title = unwrap_links(block.text)[0]
            removed.append(RemovedLine(block.line_no, block.text, "metadata: title"))
            continue
        if not body:
            # A byline and a date on consecutive lines form one block: each line is read on its own.
            own = []
            for no in range(block.line_no, len(lines) + 1):
                if not lines[no - 1].strip():
                    break
                own.append((no, lines[no - 1].strip()))
            if len(own) > 1 and all(_header_line(line, ArticleMeta()) for _, line in own):
                for no, line in own:
                    removed.append(RemovedLine(no, line, _header_line(line, meta)))
                continue
            if reason := _header_line(block.text, meta):
                removed.append(RemovedLine(block.line_no, block.text, reason))
                continue
        body.append(block)
    return ParsedInput("plaintext", meta, body, removed)


# --- HTML ----------------------------------------------------------------------------------------------------

# What a page opens with, after any comments and whitespace.
HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]", re.I)


def looks_like_html(text: str) -> bool:
    """Whether the text opens (within its first 4,096 characters, after comments) like an HTML page.

    Comments are skipped with str.find, not a repeated lazy regex group: "(<!--.*?-->\\s*)*" backtracks
    exponentially over a run of comments that is not followed by a page."""
    head = text[:4096]
    at = len(head) - len(head.lstrip())
    while head.startswith("<!--", at):
        end = head.find("-->", at + 4)
        if end < 0:
            return False
        at = end + 3
        at += len(head[at:]) - len(head[at:].lstrip())
    return bool(HTML_START.match(head, at))


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


# Lines trafilatura keeps that belong to the page, not the article; recognised wherever they stand (each
# pattern is matched against the whole line, a leading list dash removed). Found by reading 42 saved news
# pages from 35 sites (bench/real_pages.py).
HTML_BOILERPLATE: list[tuple[re.Pattern, str]] = [
    (re.compile(r"continue reading the main story|(read|see) more:?", re.I), "read-more link"),
    (re.compile(r"related (videos|stories|articles|coverage|content)|recent slide shows|comments|"
                r"loading comments\W*|advertisement", re.I), "related-content label"),
    # The lookahead finds the word once; "[^\]]*\b(...)\b[^\]]*\]" rescanned the line at every word found.
    (re.compile(r"\[(?=[^\]]*\b(?:newsletter|inbox|sign up|subscribe)\b)[^\]]*\]", re.I), "newsletter promo"),
    (re.compile(r"\((all )?(photos?|images?|pictures?|illustrations?)( by)?:?\s[^)]*\)", re.I), "photo credit"),
    (re.compile(r"(topics|tags|filed under):.*", re.I), "topic tags"),
    (re.compile(r"(medically )?reviewed by [^.]{0,80}(\.[^.]{0,40})?", re.I), "reviewer credit"),
    (re.compile(r"(\W{0,4}(©|copyright\b).{0,200})|(.{0,200}\ball rights reserved\.?)", re.I), "copyright"),
    (re.compile(r"this (article|story|piece) (was )?(originally |first )?(appeared|published|reprinted|ran) "
                r"(on|in|at|by)\b.*", re.I), "originally-published note"),
    (re.compile(r"this (story|article) has been updated\b.*", re.I), "update note"),
    # The first "@" splits the address: "\S+@\S+" tried every "@" against every later "." (quadratic).
    (re.compile(r"[^\s@]+@\S+\.[a-z]{2,}", re.I), "reporter e-mail"),
    (re.compile(r"\(END\)"), "wire end mark"),
]
# "12/50 Blockbusters aid Pinewood expansion ...": the captions of a photo gallery, in a run of three or more.
GALLERY_CAPTION = re.compile(r"^(?:- )?\d{1,3}/\d{1,3}\s")
# "Max Blumenthal is an award-winning journalist ...": an author's bio as the last paragraph.
AUTHOR_BIO = re.compile(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3} is (?:a|an|the)\b.{0,200}\b(?:journalist|reporter|"
                        r"writer|editor|author|correspondent|columnist|contributor)\b", re.S)
SENTENCE_END = re.compile(r"[.!?:;]['\"”’)]*$")
# Tried only where a run of whitespace begins: from inside a long run it rescanned the rest of the run.
TITLE_SEPARATOR = re.compile(r"(?<!\s)\s+(?:\||-|–|—|--|::|·)\s+")
PLACEHOLDER_AUTHORS = {"username", "user name", "admin", "administrator", "author", "byline"}
DEGREES = re.compile(r"(MA|MS|MD|PhD|MPH|RN|DO|BSc|MSc|BA)\.?", re.I)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _norm_text(text: str) -> str:
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                                         "\u00a0": " "}))
    return re.sub(r"\s+", " ", text).strip().casefold()


def _page_titles(html: str) -> list[str]:
    """The page's og:title and <title>, as the page gives them (empty strings left out).

    Read with lxml's HTML parser (trafilatura's loader), which is linear in the page's length: regular
    expressions with lazy spans over the page backtracked for minutes on a real page."""
    import html as html_lib

    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return []
    candidates = []
    og = next((meta.get("content") for meta in tree.iter("meta")
               if (meta.get("property") or "").casefold() == "og:title" and meta.get("content") is not None), None)
    if og is not None:
        candidates.append(og)
    title = next(tree.iter("title"), None)
    if title is not None:
        candidates.append(title.text_content())
    found = []
    for value in candidates:
        text = " ".join(html_lib.unescape(value).split())
        if text:
            found.append(text)
    return found


def _strip_title_suffix(title: str, publisher: str, author: str) -> str:
    """'Headline | CNN Politics' -> 'Headline': a last segment that names the site or the author goes."""
    separators = list(TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    last = separators[-1]
    head, tail = title[:last.start()].strip(), _norm_text(title[last.end():])
    names = [_norm_text(x) for x in (publisher, author) if x and x.strip()]
    if tail and any(tail == n or n in tail or tail in n for n in names) and len(head.split()) >= 3:
        return head
    return title


def _clean_author(author: str, date: str | None) -> str:
    """Drop placeholders ('Username'), degrees given as authors ('MA'), repeats in other case, and a month
    glued on from the dateline ('Joshua Sokol May' when the article is dated in May)."""
    parts, seen = [], set()
    for part in (p.strip() for p in author.split(";")):
        key = part.casefold()
        if not part or key in seen or key in PLACEHOLDER_AUTHORS or DEGREES.fullmatch(part):
            continue
        seen.add(key)
        parts.append(part)
    if date and parts:
        month = MONTHS[int(date[5:7]) - 1]
        if parts[-1].endswith(" " + month) and len(parts[-1].split()) >= 3:
            parts[-1] = parts[-1][: -len(month) - 1].rstrip()
    return "; ".join(parts)


def _boilerplate_reason(line: str) -> str | None:
    plain = line[2:] if line.startswith("- ") else line
    return next((why for pattern, why in HTML_BOILERPLATE if pattern.fullmatch(plain)), None)


def clean_html_lines(lines: list[str], meta: ArticleMeta) -> tuple[list[str], list[tuple[str, str]]]:
    """Remove the page's lines from trafilatura's text: boilerplate anywhere, photo-gallery captions, a byline
    or label above the article, and link lists, labels and an author bio below it. Returns the kept lines
    and (line, reason) for every removed one."""
    removed: list[tuple[str, str]] = []
    keep = [True] * len(lines)
    for i, line in enumerate(lines):
        reason = _boilerplate_reason(line)
        if reason:
            keep[i] = False
            removed.append((line, reason))
    # Gallery captions: runs of three or more "N/M ..." lines.
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and GALLERY_CAPTION.match(lines[j]):
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                if keep[k]:
                    keep[k] = False
                    removed.append((lines[k], "photo gallery caption"))
        i = max(j, i + 1)
    kept = [(i, line) for i, line in enumerate(lines) if keep[i]]

    def drop(index: int, reason: str) -> None:
        i, line = kept.pop(index)
        keep[i] = False
        removed.append((line, reason))

    # Above the article: a short label ("CNN") or the author's name on its own line.
    author_words = [w.casefold() for w in re.findall(r"[^\W\d_]+", meta.author.split(";")[0])]
    for _ in range(3):
        if len(kept) < 2:
            break
        first = kept[0][1]
        words = first.split()
        if len(words) <= 2 and not SENTENCE_END.search(first):
            drop(0, "label above the article")
            continue
        lowered = {w.casefold() for w in re.findall(r"[^\W\d_]+", first)}
        if len(author_words) >= 2 and len(words) <= 6 and {author_words[0], author_words[-1]} <= lowered:
            drop(0, "byline")
            continue
        if len(kept) > 2 and len(author_words) >= 2 and len(kept[1][1].split()) <= 6 and \
                {author_words[0], author_words[-1]} <= {w.casefold() for w in re.findall(r"[^\W\d_]+", kept[1][1])}:
            drop(1, "byline")
            continue
        break
    # Below the article: links, tags and labels (short lines with no sentence end), an author bio.
    in_list = False
    while len(kept) > 1:
        last = kept[-1][1]
        plain = last[2:] if last.startswith("- ") else last
        if last.startswith("- ") and len(plain) < 100 and not plain.endswith(".") and \
                (in_list or (len(kept) > 2 and kept[-2][1].startswith("- "))):
            drop(len(kept) - 1, "list of links or tags below the article")
            in_list = True
            continue
        in_list = False
        if len(plain.split()) <= 4 and not SENTENCE_END.search(plain):
            drop(len(kept) - 1, "label below the article")
            continue
        if (meta.author and last.startswith(meta.author.split(";")[0].strip() + " is ")) or AUTHOR_BIO.match(last):
            drop(len(kept) - 1, "author bio")
            continue
        break
    return [line for _, line in kept], removed


def parse_html(text: str) -> ParsedInput:
    """Extract the main text and metadata of a saved web page (trafilatura: offline, no fetching); drop page
    furniture line by line, then what ``clean_html_lines`` finds around the article, and tidy title and author."""
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
    date = _iso_date(doc.date) if doc.date else None
    meta = ArticleMeta(
        title=(doc.title or "").strip(),
        author=_clean_author((doc.author or "").strip(), date),
        date=date,
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
    # The title: trafilatura sometimes takes a section name or a banner from an <h1> ("Allergies Health
    # Center"); where its title is in neither og:title nor <title>, the page's own headline is used.
    page_titles = _page_titles(text)
    if meta.title and page_titles and not any(_norm_text(meta.title) in _norm_text(t) for t in page_titles):
        if lines and any(_norm_text(lines[0]) == _norm_text(t) for t in page_titles):
            meta.title = lines[0]
        else:
            meta.title = page_titles[0]
    elif not meta.title and page_titles:
        meta.title = page_titles[0]
    meta.title = _strip_title_suffix(meta.title, meta.publisher, meta.author)
    # trafilatura repeats the headline as the first line of the text; it is metadata, not body.
    if lines and meta.title and _norm_text(lines[0]) == _norm_text(meta.title):
        removed.append(RemovedLine(0, lines.pop(0), "metadata: title (headline)"))
    lines, dropped = clean_html_lines(lines, meta)
    removed += [RemovedLine(0, line, f"page furniture: {reason}") for line, reason in dropped]
    for line, reason in dropped:
        if reason == "originally-published note" and not meta.original_source:
            m = re.search(r"\b(?:on|in|at|by)\s+(.+?)\.?$", line)
            meta.original_source = m.group(1) if m else ""
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
