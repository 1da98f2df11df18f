"""Quotation inventory: every quoted span, straight or curly, classified as attributed quotation or scare quote.

Rule (applied in this order, documented in the notebook and in quotes.csv's ``rule`` column):
1. attributed quotation: in the same sentence, with no other quotation in between, either
   - a speech verb (say, write, tell, claim, ...) or "according to" within ``BEFORE_WINDOW`` words before
     the opening mark ("I wrote earlier this summer that "..."");
   - a labelling verb (call, regard, describe, dub, ...) at most ``LABEL_GAP`` words before it ("who they
     regard as a "political prisoner"");
   - or a speech or labelling verb within ``AFTER_WINDOW`` words after the closing mark ("...," he said).
   The speaker is the nearest pronoun or non-stop word before the verb (after "according to": the words
   that follow it). Words that are often nouns ("report", "claim", "call") count only in a verb form.
2. scare quote: no reporting verb and at most ``SCARE_MAX_WORDS`` words: the writer's own distancing or
   emphasis of a word ("rebels", "balance").
3. unattributed quotation: no reporting verb and a longer span.
Independently, ``is_title`` marks a span in title case (three or more words, every word of four or more
letters capitalised): a quoted headline or title. Framing counts leave titles out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from ..text.lemmas import lemmatize

BEFORE_WINDOW = 8
AFTER_WINDOW = 4
SCARE_MAX_WORDS = 4

# Verbs (lemmas) that attribute a quotation. A project list of common English reporting verbs, in two kinds:
# - speech verbs take a reported clause, so a quote anywhere in the window before is attributed
#   ("I wrote earlier this summer that "...""; "the minister said the plan was "working"");
# - labelling verbs take an object and a label, so the quote must follow within LABEL_GAP words
#   ("who they regard as a "political prisoner""; "critics called it a 'stunt'").
SPEECH_VERBS = frozenset({
    "say", "write", "tell", "state", "claim", "insist", "argue", "add", "announce", "declare", "warn",
    "note", "ask", "reply", "answer", "deny", "admit", "quote", "tweet", "post", "comment", "stress",
    "urge", "assert", "allege", "remark", "report", "read", "explain",
})
LABEL_VERBS = frozenset({
    "call", "dub", "describe", "term", "label", "brand", "regard", "consider", "name", "title",
    "entitle", "headline",
})
LABEL_GAP = 3
# "explain" attributes a quote that it follows ("...," he explained) but, before a quote, usually takes a
# noun phrase ("explained the "temporary" measures"): it counts only after the quote.
AFTER_ONLY = frozenset({"explain"})
# Words that are as often nouns as verbs: they count only in a verb form (-ed, -ing, irregular past) or
# right after a pronoun, "who" or "to" ("they report", "to quote"); never in a possessive ("report's").
NOUN_OR_VERB = frozenset({
    "report", "comment", "post", "quote", "claim", "call", "state", "note", "answer", "reply", "remark",
    "stress", "tweet", "name", "title", "term", "label", "brand", "headline",
})
REPORTING_PHRASES = (("according", "to"), ("as", "put", "it"))
PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it", "who"})
IRREGULAR_PAST = frozenset({"said", "wrote", "written", "told", "read"})

DOUBLE_OPEN, DOUBLE_CLOSE = "\u201c", "\u201d"
SINGLE_OPEN, SINGLE_CLOSE = "\u2018", "\u2019"
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u201e\u201a`\u00ab\u00bb"

_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


@dataclass(frozen=True)
class QuotedSpan:
    quote_id: int
    start: int              # offset of the first character inside the marks
    end: int                # offset just after the last character inside the marks
    open_mark: str
    close_mark: str
    text: str
    sentence_id: int
    paragraph_id: int
    n_words: int
    kind: str               # "attributed quotation" | "scare quote" | "unattributed quotation"
    is_title: bool
    cue: str                # the reporting verb or phrase found, as written
    speaker: str
    rule: str               # which rule decided, in words
    closed: bool = True

    @property
    def mark_style(self) -> str:
        curly = self.open_mark in (DOUBLE_OPEN, SINGLE_OPEN)
        double = self.open_mark in ('"', DOUBLE_OPEN)
        return f"{'curly' if curly else 'straight'} {'double' if double else 'single'}"


# The marks each scanner looks at: a regex visits only them, not every character of the paragraph.
_DOUBLE_MARKS = re.compile(f'["{DOUBLE_OPEN}{DOUBLE_CLOSE}]')
_SINGLE_MARKS = re.compile(f"['{SINGLE_OPEN}{SINGLE_CLOSE}]")


def _double_quote_pairs(text: str) -> list[tuple[int, int, bool]]:
    """(open, close, closed) offsets of double-quote marks in one paragraph; curly marks give direction."""
    pairs, open_at = [], None
    for mark in _DOUBLE_MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        opening = ch == DOUBLE_OPEN or (ch == '"' and open_at is None)
        if opening:
            if open_at is not None:          # two openers in a row: the first one never closed
                pairs.append((open_at, i, False))
            open_at = i
        elif open_at is not None:
            pairs.append((open_at, i, True))
            open_at = None
    if open_at is not None:
        pairs.append((open_at, len(text), False))
    return pairs


def _single_quote_pairs(text: str) -> list[tuple[int, int, bool]]:
    """Single-quoted spans; an apostrophe inside or at the end of a word ("Kiev's", "ambassadors'") is not a mark."""
    pairs, open_at = [], None
    for mark in _SINGLE_MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        can_open = (ch in ("'", SINGLE_OPEN)) and not before.isalnum() and after.isalnum()
        can_close = (ch in ("'", SINGLE_CLOSE)) and not after.isalnum() and (before.isalnum() or before in ".,!?")
        if open_at is None and can_open:
            open_at = i
        elif open_at is not None and can_close:
            pairs.append((open_at, i, True))
            open_at = None
    return pairs


def _is_title(words: list[str]) -> bool:
    long_words = [w for w in words if len(w) >= 4]
    return len(words) >= 3 and bool(long_words) and all(w[0].isupper() for w in long_words)


def _words_with_offsets(text: str, base: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), base + m.start(), base + m.end()) for m in _WORD.finditer(text)]


def _verb_like(words: list[str], i: int) -> bool:
    """Whether words[i] reads as a verb rather than a noun (see NOUN_OR_VERB)."""
    word = words[i].lower().replace("\u2019", "'")
    if word.endswith("'s") or word.endswith("'"):
        return False
    if lemmatize(word) not in NOUN_OR_VERB:
        return True
    if word.endswith("ed") or word.endswith("ing") or word in IRREGULAR_PAST:
        return True
    return i > 0 and words[i - 1].lower() in PRONOUNS | {"to"}


def _speaker(candidates: list[str]) -> str:
    """The nearest pronoun or content word in ``candidates`` (given nearest first)."""
    from ..text.stopwords import is_stopword

    for word in candidates:
        if word.lower() in PRONOUNS or not is_stopword(word):
            return word
    return ""


def _find_cue(before: list[tuple[str, int, int]], after: list[tuple[str, int, int]]):
    """(cue, speaker, side) for the attribution nearest to the quote, or None."""
    words = [w for w, _, _ in before]
    lower = [w.lower() for w in words]
    for i in range(len(words) - 1, -1, -1):
        for phrase in REPORTING_PHRASES:
            if tuple(lower[i:i + len(phrase)]) == phrase:
                rest = words[i + len(phrase):]
                speaker = _speaker(rest) if phrase[0] == "according" else _speaker(words[:i][::-1])
                return " ".join(words[i:i + len(phrase)]), speaker, "before"
        lemma = lemmatize(lower[i])
        gap = len(words) - 1 - i
        speech = lemma in SPEECH_VERBS and lemma not in AFTER_ONLY
        label = lemma in LABEL_VERBS and gap <= LABEL_GAP
        if (speech or label) and _verb_like(words, i):
            return words[i], _speaker(words[:i][::-1]), "before"
    after_words = [w for w, _, _ in after]
    for i, word in enumerate(after_words):
        lemma = lemmatize(word.lower())
        if lemma in SPEECH_VERBS | LABEL_VERBS and _verb_like(after_words, i):
            speaker = _speaker(after_words[:i][::-1]) or _speaker(after_words[i + 1:])
            return word, speaker, "after"
    return None


def find_quotes(article) -> list[QuotedSpan]:
    """Every quoted span in the body, in reading order, classified by the rule in the module docstring."""
    body = article.body
    raw = []
    for para in article.paragraphs:
        for finder in (_double_quote_pairs, _single_quote_pairs):
            for o, c, closed in finder(para.text):
                raw.append((para.start + o, para.start + c, closed, para.id))
    raw.sort()
    spans = []
    for n, (open_at, close_at, closed, para_id) in enumerate(raw, start=1):
        start, end = open_at + 1, close_at
        sentence = article.sentence_at(open_at)
        words = [w for w, _, _ in _words_with_offsets(body[start:end], start)]
        # Context stops at another quoted span so a verb is not borrowed from a neighbouring quote.
        left_limit = max([sentence.start] + [c + 1 for o, c, _, _ in raw if c < open_at])
        right_limit = min([sentence.end] + [o for o, c, _, _ in raw if o > close_at])
        before = _words_with_offsets(body[left_limit:open_at], left_limit)[-BEFORE_WINDOW:]
        after = _words_with_offsets(body[close_at + 1:right_limit], close_at + 1)[:AFTER_WINDOW]
        found = _find_cue(before, after)
        if found:
            cue, speaker, side = found
            kind = "attributed quotation"
            rule = f"reporting verb '{cue}' {side} the quote"
        elif len(words) <= SCARE_MAX_WORDS:
            cue, speaker = "", ""
            kind = "scare quote"
            rule = f"no reporting verb, {len(words)} word{'s' if len(words) != 1 else ''} (at most {SCARE_MAX_WORDS})"
        else:
            cue, speaker = "", ""
            kind = "unattributed quotation"
            rule = f"no reporting verb, {len(words)} words (more than {SCARE_MAX_WORDS})"
        spans.append(QuotedSpan(
            quote_id=n, start=start, end=end, open_mark=body[open_at],
            close_mark=body[close_at] if closed else "", text=body[start:end],
            sentence_id=sentence.id, paragraph_id=para_id, n_words=len(words), kind=kind,
            is_title=_is_title(words), cue=cue, speaker=speaker, rule=rule, closed=closed,
        ))
    return spans


class Spans:
    """A fixed set of (start, end) spans that answers "is [start, end) inside one of them?" by binary search,
    so checking every token of a long text against every quoted title stays n log n."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]
        self._reach = list(accumulate((e for _, e in self.spans), max))   # furthest end among spans so far

    def contains(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self._reach[i] >= end

    def __iter__(self):
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)


def title_spans(article, quotes: list[QuotedSpan] | None = None) -> Spans:
    """(start, end) of every quoted title: text that framing counts, keyness and collocations leave out.

    ``quotes``: the article's ``find_quotes`` result, if the caller has it (spares finding them again).
    """
    quotes = find_quotes(article) if quotes is None else quotes
    return Spans((q.start, q.end) for q in quotes if q.is_title)


def in_spans(start: int, end: int, spans) -> bool:
    """Whether [start, end) lies inside one of ``spans`` (a ``Spans`` or a short list of pairs)."""
    if isinstance(spans, Spans):
        return spans.contains(start, end)
    return any(s <= start and end <= e for s, e in spans)


def quotes_table(article, spans: list[QuotedSpan] | None = None):
    """quotes.csv: one row per quoted span with its classification, rule and sentence."""
    import pandas as pd

    spans = find_quotes(article) if spans is None else spans
    sentences = {s.id: s.text for s in article.sentences}
    rows = [{
        "quote_id": q.quote_id, "text": q.text, "kind": q.kind, "is_title": q.is_title,
        "cue": q.cue, "speaker": q.speaker, "rule": q.rule, "marks": q.mark_style, "closed": q.closed,
        "n_words": q.n_words, "start": q.start, "end": q.end, "paragraph_id": q.paragraph_id,
        "sentence_id": q.sentence_id, "sentence": sentences[q.sentence_id],
    } for q in spans]
    columns = ["quote_id", "text", "kind", "is_title", "cue", "speaker", "rule", "marks", "closed",
               "n_words", "start", "end", "paragraph_id", "sentence_id", "sentence"]
    return pd.DataFrame(rows, columns=columns)
