"""Propaganda cues: places a reader should look at, each linked to its evidence. No verdicts.

The labels follow technique names used in propaganda-span annotation (Da San Martino et al. 2019,
"Fine-grained analysis of propaganda in news articles", and SemEval-2020 Task 11): repetition, loaded
language, name calling. Here they are *cues* found by simple, stated rules, not judgements that a text is
propaganda: repetition is common in ordinary editing, loaded words are common in opinion writing.

- repetition: the standfirst repeated in the body; duplicated sentences and paragraphs; word n-grams of at
  least ``MIN_NGRAM`` words that occur more than once (maximal ones only); scare quotes used more than once.
- loaded language: lexicon entries marked ``cue = loaded``, and the words of the loaded-word list
  (``data/loaded_words.csv``, ``newslens.framing.loaded``): evaluative words chosen for their emotional
  force ("despicable", "sham", "heroic"), each with a reason and a source. Not words that report an event:
  before the sourced word list (loaded words 1.0.0) any word with a strong VADER valence counted, so "war", "killed" and "bomb" made a sober
  wire report look more loaded than a partisan one.
- name calling: lexicon entries marked ``cue = name_calling`` (labels for people and governments) and the
  list's ``name_calling`` rows, with how many of the hits sit in scare quotes (the writer holding the
  label at a distance). A term that agency copy uses as the standard neutral word (``data/
  wire_standard_terms.csv``: "separatist", "rebel", "militant") counts only inside scare quotes.

Whose words (``voice``, ``speaker``). Every row says whose words its evidence is: ``outlet`` (the text's own
voice), ``quoted`` (inside an attributed or unattributed quotation: ``speaker`` is the quotation's resolved
speaker, empty when none is named) or ``reported`` (a sentence of indirect speech, "Kremlin Spokesman
Dmitry Peskov told reporters", "according to the ministry": ``quotes.reported_speech``). Scare quotes are
the writer's own device and stay in the outlet's voice. Hits of one term in different voices are separate
rows. A transcript the site publishes without quotation marks (a speech, an address, a briefing) is the
outlet's voice: the site speaks through its principal; the speaker's words become ``quoted`` or
``reported`` only where the text marks them so. ``cue_rates_table`` counts each voice apart, so a rate of
the outlet's own loaded language leaves out the loaded words of the people it quotes.

Names are not labels: a loaded-word or lexicon hit written with a capital inside a run of two or more
capitalised words ("the Ceasefire Regime", "the Joint Centre for Control and Coordination of the Ceasefire
Regime") is part of a name or title, not a cue (labels spelled with a capital by
convention, "Nazis", words in capitals for emphasis, "WITCH HUNT", and the words of a Title-Case heading, in
which most words are capitalised, still count).

A denied word is not a cue: a hit with "not", "no", "never" or "n't" at most two words before it ("These are
not noble gestures", "My family is not traitors").

Repetition keeps to repeats that can carry a message, by three stated rules on repeated n-grams:
- a repeat whose occurrences are in different voices (a quotation and the lede that paraphrases it, "may
  destabilize the situation on the line of contact") is wire structure, not repetition;
- a repeat with no clause in it (no auxiliary, modal, copula or subject pronoun: "of Turkish combat drones
  Bayraktar TB2", "the Ministry of Foreign Affairs", "Russia and the United States") names a thing; it does
  not repeat a claim;
- a repeat whose content words are only reporting verbs, names and the stock words of ``STOCK_WORDS`` ("I
  would like to emphasise", "as I have already said", "he said. Oleksiy Danilov stressed that") is the
  stock phrasing of speech and wire copy.
Duplicated paragraphs and sentences and repeated scare quotes are kept, in the voice of their occurrences.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, groupby
from operator import attrgetter

from ..schema import columns
from ..text.article import normalise_quotes
from .quotes import QUOTE_CHARS, SPEECH_VERBS, Spans, _names_in, find_quotes, in_spans, reported_speech, title_spans
from ..text.lemmas import lemmatize
from ..text.stopwords import is_stopword
from .loaded import find_loaded_words, wire_standard_terms
from .terms import find_mentions

MIN_NGRAM = 5
RATE_COLUMNS = ["voice", "speaker", "words", "loaded_language", "name_calling", "repetition", "word_cues",
                "word_cues_per_1000"]
VOICES = ("outlet", "quoted", "reported")
# Words a repeat may hold besides reporting verbs and names and still be stock phrasing ("I would like to
# emphasise", "as I have already said").
STOCK_WORDS = frozenset({"like", "already", "also", "again", "once", "further"})
# A repeat with one of these holds a clause (a predicate or its subject), so it can repeat a claim.
CLAUSE_WORDS = frozenset("""
is are was were be been being am isn't aren't wasn't weren't have has had having haven't hasn't hadn't do does
did doesn't don't didn't will would shall should can could may might must won't wouldn't can't couldn't
shouldn't i we you he she they it there
""".split())
# Labels spelled with a capital by convention: inside a run of capitalised words they are still labels.
CAPITALISED_LABELS = frozenset({"nazi", "fascist"})
# A sentence with at least this share of capitalised words is a Title-Case heading ("Trump Calls Dictator a
# Friend"), whose words are not names.
HEADING_SHARE = 0.6
_NAME_WORD = r"[A-Z][\w'\u2019&.-]*"
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:(?:[ \t]+(?:of|for|the|and|on|de|in)){{0,2}}[ \t]+(?:\(?{_NAME_WORD}\)?))+")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", normalise_quotes(text)).strip().lower()


class Voices:
    """Whose words a body span is: ``voice(start, end) -> (voice, speaker)`` (see the module docstring)."""

    def __init__(self, article, quotes):
        self.article = article
        self.quoted = sorted((q.start, q.end, q) for q in quotes if q.kind != "scare quote" and not q.is_title)
        self.reported = reported_speech(article, quotes)
        self._speakers = None
        self._canonical: dict[str, str] = {}     # speaker -> its fullest form, found once per speaker
        self._by_last_word = None
        self._starts = [s for s, _, _ in self.quoted]
        self._reach = list(accumulate((e for _, e, _ in self.quoted), max))    # furthest end so far

    @property
    def speakers(self) -> set[str]:
        """Every speaker of a quotation or of reported speech, and every person named in the body."""
        if self._speakers is None:
            self._speakers = {q.speaker_resolved or q.speaker for _, _, q in self.quoted} | {
                r.speaker_resolved or r.speaker for r in self.reported.values()} | set(_names_in(self.article.body))
        return self._speakers

    def _innermost(self, start: int, end: int):
        """The innermost quotation holding [start, end), by binary search over the quotations' starts."""
        j = bisect_right(self._starts, start) - 1
        while j >= 0 and self._reach[j] >= end:     # no quotation at or before j reaches the span otherwise
            s, e, q = self.quoted[j]
            if e >= end:
                return q                            # the latest-starting one that holds it: the innermost
            j -= 1
        return None

    def canonical(self, speaker: str) -> str:
        """The fullest form of a speaker named in the article: "Peskov" and "Kremlin Spokesman Dmitry Peskov"
        are one speaker (the longest speaker phrase ending in the same word)."""
        found = self._canonical.get(speaker)
        if found is None:
            if self._by_last_word is None:      # speakers by their last word: the candidates of one look-up
                self._by_last_word = defaultdict(list)
                for s in self.speakers:
                    if s.split():
                        self._by_last_word[s.split()[-1]].append(s)
            words = speaker.split()
            fuller = [s for s in self._by_last_word.get(words[-1], ()) if len(s) > len(speaker)] if words else []
            found = self._canonical[speaker] = max(fuller, key=lambda s: (len(s), s)) if fuller else speaker
        return found

    def voice(self, start: int, end: int) -> tuple[str, str]:
        q = self._innermost(start, end)
        if q is not None:
            return "quoted", self.canonical(q.speaker_resolved or q.speaker)
        reported = self.reported.get(self.article.sentence_at(start).id)
        if reported is not None:
            return "reported", self.canonical(reported.speaker_resolved or reported.speaker)
        return "outlet", ""


    def word_counts(self, words) -> dict[tuple[str, str], int]:
        """(voice, speaker) -> how many of ``words`` (tokens, in body order) are in that voice. A sentence no
        quotation reaches is in one voice throughout (its reporting clause's or the outlet's), so only the
        words of sentences a quotation reaches are looked up one by one."""
        counts: dict[tuple[str, str], int] = defaultdict(int)
        by_id = {s.id: s for s in self.article.sentences}
        for sid, group in groupby(words, key=attrgetter("sentence_id")):
            group = list(group)
            sentence = by_id[sid]
            k = bisect_left(self._starts, sentence.end)
            if k and self._reach[k - 1] > sentence.start:       # a quotation overlaps the sentence
                for tok in group:
                    counts[self.voice(tok.start, tok.end)] += 1
            else:
                counts[self.voice(group[0].start, group[0].end)] += len(group)
        return counts


def name_spans(article) -> list[tuple[int, int]]:
    """(start, end) of every run of two or more capitalised words in the body ("Joint Centre for Control and
    Coordination of the Ceasefire Regime (JCCC)"): names of organisations, offices and titles."""
    return [(m.start(), m.end()) for m in _NAME_RUN.finditer(article.body)]


NEGATIONS = frozenset({"not", "no", "never", "nor", "n't", "neither"})
NEGATION_WINDOW = 2


def _negated(article, start: int) -> bool:
    """Whether a hit is denied: "not", "no", "never", "n't" at most ``NEGATION_WINDOW`` words before it in its
    sentence ("These are not noble gestures", "My family is not traitors")."""
    sentence = article.sentence_at(start)
    before = re.findall(r"n't|[\w'\u2019-]+", article.body[sentence.start:start].lower().replace("\u2019", "'"))
    return any(w in NEGATIONS for w in before[-NEGATION_WINDOW:])


def _in_name(article, start: int, end: int, names, term: str) -> bool:
    """Whether a hit is part of a name: written with a capital, inside a run of capitalised words, and not
    the first word of its sentence (which is capitalised anyway)."""
    surface = article.body[start:end]
    if not surface[:1].isupper() or term.split()[0].lower() in CAPITALISED_LABELS:
        return False
    if sum(ch.isalpha() for ch in surface) > 1 and surface.isupper():
        return False                        # "WITCH HUNT": capitals for emphasis, not a name
    sentence = article.sentence_at(start)
    if sentence.start == start:
        return False
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", sentence.text)
    if words and sum(w[0].isupper() for w in words) >= HEADING_SHARE * len(words):
        return False                        # a Title-Case heading: its words are the writer's, not a name's
    return in_spans(start, end, names)


@dataclass(frozen=True)
class Cue:
    """One piece of evidence for a propaganda cue (a place to look, not a verdict); a row of cues.csv."""
    cue_id: int
    cue: str                             # repetition, loaded language or name calling
    evidence_type: str
    evidence: str
    occurrences: int
    paragraph_ids: tuple[int, ...]
    sentence_ids: tuple[int, ...]
    spans: tuple[tuple[int, int], ...]   # (start, end) in the body, in order
    detail: str
    first_sentence: str
    voice: str                           # outlet, quoted or reported
    speaker: str


def _row(article, cue, evidence_type, evidence, spans, detail, voice=("outlet", ""), occurrences=None) -> dict:
    """One cue's fields (all but its id) from a list of (start, end) spans in the body."""
    spans = tuple(sorted(spans))
    sentences = sorted({article.sentence_at(s).id for s, _ in spans})
    by_id = {s.id: s for s in article.sentences}
    return {
        "cue": cue, "evidence_type": evidence_type, "evidence": evidence,
        "occurrences": len(spans) if occurrences is None else occurrences,
        "paragraph_ids": tuple(sorted({by_id[s].paragraph_id for s in sentences})),
        "sentence_ids": tuple(sentences), "spans": spans,
        "detail": detail, "first_sentence": by_id[sentences[0]].text if sentences else "",
        "voice": voice[0], "speaker": voice[1],
    }


def cues_frame(cues: list[Cue]):
    """cues.csv from the records (its columns as newslens.schema declares them)."""
    import pandas as pd

    return pd.DataFrame([[c.cue_id, c.cue, c.evidence_type, c.evidence, c.occurrences,
                          ";".join(map(str, c.paragraph_ids)), ";".join(map(str, c.sentence_ids)),
                          ";".join(str(s) for s, _ in c.spans), c.detail, c.first_sentence, c.voice, c.speaker]
                         for c in cues], columns=columns("cues.csv"))


@lru_cache(maxsize=65536)
def _repetition_word(text: str) -> str | None:
    """A token as repetition compares it (``_squash``), or None for punctuation and quote marks.

    Cached per token text: the same words recur in every article.
    """
    if not any(ch.isalnum() for ch in text) or all(ch in QUOTE_CHARS for ch in text):
        return None
    return _squash(text)


def _suffix_array(ids: list[int]) -> list[int]:
    """The suffix array of an integer sequence, by prefix doubling with numpy sorts (n log^2 n)."""
    import numpy as np

    n = len(ids)
    rank = np.unique(np.asarray(ids, dtype=np.int64), return_inverse=True)[1].reshape(-1)
    order = np.arange(n)
    k = 1
    while n > 1:
        second = np.full(n, -1, dtype=np.int64)
        if k < n:
            second[:n - k] = rank[k:]
        order = np.lexsort((second, rank))
        changed = (rank[order][1:] != rank[order][:-1]) | (second[order][1:] != second[order][:-1])
        rank = np.empty(n, dtype=np.int64)
        rank[order] = np.concatenate(([0], np.cumsum(changed)))
        if rank[order[-1]] == n - 1:
            break
        k *= 2
    return order.tolist()


def _lcp_array(ids: list[int], sa: list[int]) -> list[int]:
    """Kasai's algorithm: lcp[r] = words shared by the suffixes at ranks r-1 and r (lcp[0] = 0); linear."""
    n = len(ids)
    rank = [0] * n
    for r, i in enumerate(sa):
        rank[i] = r
    lcp = [0] * n
    h = 0
    for i in range(n):
        r = rank[i]
        if r == 0:
            h = 0
            continue
        j = sa[r - 1]
        while i + h < n and j + h < n and ids[i + h] == ids[j + h]:
            h += 1
        lcp[r] = h
        h = max(h - 1, 0)
    return lcp


class _Cover:
    """Word ranges [a, b) reported so far; asks whether one of them contains [i, j). A Fenwick tree of the
    furthest end b among ranges starting at or before each a: log n per step."""

    def __init__(self, n: int):
        self.tree = [0] * (n + 1)

    def add(self, a: int, b: int) -> None:
        a += 1
        while a < len(self.tree):
            self.tree[a] = max(self.tree[a], b)
            a += a & -a

    def covers(self, i: int, j: int) -> bool:
        best, a = 0, i + 1
        while a > 0:
            best = max(best, self.tree[a])
            a -= a & -a
        return best >= j


def repeated_ngrams(article, min_n: int = MIN_NGRAM) -> list[tuple[str, list[tuple[int, int]]]]:
    """Maximal word n-grams (n >= min_n) that occur at least twice, with their body spans.

    A repeat never crosses a paragraph break (a duplicated paragraph is its own cue). Longest first, an
    n-gram is reported unless every occurrence lies inside one already reported. Found with a suffix
    array over word ids, so the cost grows as n log n with the text: an occurrence can only be new at
    the deepest length it shares with a neighbouring suffix, so each word is looked at once.
    """
    paragraph_of = {s.id: s.paragraph_id for s in article.sentences}
    ids: list[int] = []            # word ids, with a unique negative id at each paragraph break
    toks = []                      # the token behind each position of ids (None at a break)
    vocabulary: dict[str, int] = {}
    previous_paragraph = None
    for t in article.tokens:
        word = _repetition_word(t.text)
        if word is None:
            continue
        paragraph = paragraph_of.get(t.sentence_id)
        if previous_paragraph is not None and paragraph != previous_paragraph:
            ids.append(-len(ids) - 1)
            toks.append(None)
        previous_paragraph = paragraph
        ids.append(vocabulary.setdefault(word, len(vocabulary)))
        toks.append(t)
    n = len(ids)
    if n < 2 * min_n:
        return []
    sa = _suffix_array(ids)
    lcp = _lcp_array(ids, sa)
    # Deepest repeat each position belongs to: its longest common prefix with a neighbouring suffix.
    depth = [max(lcp[r], lcp[r + 1] if r + 1 < n else 0) for r in range(n)]
    candidates = sorted((r for r in range(n) if depth[r] >= min_n), key=lambda r: (-depth[r], sa[r]))
    cover = _Cover(n)
    found: list[tuple[str, list[tuple[int, int]]]] = []
    for r in candidates:
        length, i = depth[r], sa[r]
        if cover.covers(i, i + length):
            continue
        low, high = r, r            # every suffix sharing these `length` words is a neighbour in the array
        while low > 0 and lcp[low] >= length:
            low -= 1
        while high + 1 < n and lcp[high + 1] >= length:
            high += 1
        starts = sorted(sa[low:high + 1])
        for start in starts:
            cover.add(start, start + length)
        gram = " ".join(_repetition_word(toks[k].text) for k in range(i, i + length))
        found.append((gram, [(toks[k].start, toks[k + length - 1].end) for k in starts]))
    return sorted(found, key=lambda item: item[1][0])


def _duplicates(units) -> list[list]:
    groups = defaultdict(list)
    for unit in units:
        groups[_squash(unit.text)].append(unit)
    return [group for group in groups.values() if len(group) > 1]


def _has_clause(words: list[str]) -> bool:
    """Whether a repeat's words hold a clause: an auxiliary, modal, copula or subject pronoun."""
    return any(w.replace("\u2019", "'") in CLAUSE_WORDS for w in words)


def _stock_phrase(words: list[str], surfaces: list[str]) -> bool:
    """Whether a repeat says nothing but who speaks: its content words are reporting verbs, names (capitalised
    in the text) or ``STOCK_WORDS``."""
    content = [(w, t) for w, t in zip(words, surfaces) if not is_stopword(w) and any(ch.isalpha() for ch in w)]
    return bool(content) and all(lemmatize(w) in SPEECH_VERBS or w in STOCK_WORDS or t[:1].isupper()
                                 for w, t in content)


def _repeat_voice(voices, spans):
    """The voice shared by every occurrence of a repeat, or None when they differ (a quote and its
    paraphrase)."""
    found = {voices.voice(s, e) for s, e in spans}
    return found.pop() if len(found) == 1 else None


def cues_table(article, mentions=None, quotes=None, min_ngram: int = MIN_NGRAM, voices: Voices | None = None):
    """cues.csv: one row per piece of evidence (``find_cues``)."""
    return cues_frame(find_cues(article, mentions, quotes, min_ngram, voices))


def find_cues(article, mentions=None, quotes=None, min_ngram: int = MIN_NGRAM,
              voices: Voices | None = None) -> list[Cue]:
    """Every piece of evidence, grouped by cue and by whose words it is. ``voices``: the article's Voices,
    when the caller has them (they read the reported speech, which cue_rates_table needs too)."""
    quotes = find_quotes(article) if quotes is None else quotes
    mentions = find_mentions(article, quotes=quotes) if mentions is None else mentions
    voices = Voices(article, quotes) if voices is None else voices
    rows = []

    # Repetition
    sf = article.standfirst
    if sf is not None and sf.body_start is not None:
        rows.append(_row(article, "repetition", "standfirst repeated in body", sf.text, [(sf.body_start, sf.body_end)],
                         f"the lede printed above the body stands again word for word in paragraph "
                         f"{sf.duplicate_of}; only the body copy is counted",
                         occurrences=2))  # once above the body (no body offset), once inside it
    # A duplicated paragraph is not reported again as duplicated sentences, nor those as n-grams.
    reported: list[tuple[int, int]] = []

    def already_reported(spans) -> bool:
        return all(in_spans(start, end, reported) for start, end in spans)

    def sentence_voice(spans):
        # a duplicated sentence or paragraph: the voice of its first word in each copy
        return _repeat_voice(voices, [(s, s + 1) for s, _ in spans]) or ("outlet", "")

    for group in _duplicates(article.paragraphs):
        spans = [(p.start, p.end) for p in group]
        reported.extend(spans)
        rows.append(_row(article, "repetition", "duplicated paragraph", group[0].text, spans,
                         f"paragraphs {', '.join(str(p.id) for p in group)}", sentence_voice(spans)))
    for group in _duplicates(article.sentences):
        spans = [(s.start, s.end) for s in group]
        if not already_reported(spans):
            reported.extend(spans)
            rows.append(_row(article, "repetition", "duplicated sentence", group[0].text, spans,
                             f"sentences {', '.join(str(s.id) for s in group)}", sentence_voice(spans)))
    reported_spans = Spans(reported)        # fixed from here on: looked up by binary search
    for gram, spans in repeated_ngrams(article, min_ngram):
        if all(reported_spans.contains(start, end) for start, end in spans):
            continue
        words = gram.split()
        surfaces = article.body[spans[0][0]:spans[0][1]].split()
        voice = _repeat_voice(voices, spans)
        if voice is None or not _has_clause(words) or _stock_phrase(words, surfaces):
            continue
        rows.append(_row(article, "repetition", f"repeated n-gram (>= {min_ngram} words)", gram, spans,
                         f"{len(words)} words, {len(spans)} times", voice))
    scare = defaultdict(list)
    for q in quotes:
        if q.kind == "scare quote":
            scare[(_squash(q.text), voices.voice(q.start, q.end))].append(q)
    for (text, voice), group in sorted(scare.items(), key=lambda kv: kv[1][0].start):
        if len(group) > 1:
            ids = ", ".join(str(q.quote_id) for q in group)
            rows.append(_row(article, "repetition", "repeated scare quote", text,
                             [(q.start, q.end) for q in group], f"quote ids {ids}", voice))

    # Loaded language and name calling from the framing lexicon; a wire-standard label only in scare quotes;
    # nothing inside a name ("the Ceasefire Regime")
    names = Spans(name_spans(article))      # looked up once per hit: by binary search
    wire_standard = wire_standard_terms()
    lexicon_spans = []
    for cue_kind, label in (("loaded", "loaded language"), ("name_calling", "name calling")):
        grouped = defaultdict(list)
        for m in mentions:
            if m.cue == cue_kind and m.counted:
                lexicon_spans.append((m.start, m.end))
                if not _in_name(article, m.start, m.end, names, m.term) and not _negated(article, m.start):
                    grouped[(m.category, m.term, voices.voice(m.start, m.end))].append(m)
        for (category, term, voice), group in sorted(grouped.items(), key=lambda kv: kv[1][0].start):
            n_scare = sum(m.quote_kind == "scare quote" for m in group)
            detail = f"{n_scare} of {len(group)} in scare quotes"
            if cue_kind == "name_calling" and term in wire_standard:
                plain = len(group) - n_scare
                group = [m for m in group if m.quote_kind == "scare quote"]
                if not group:
                    continue
                if plain:
                    detail += f"; standard in wire style, its {plain} plain uses are not a cue"
            rows.append(_row(article, label, f"lexicon term ({category})", term, [(m.start, m.end) for m in group],
                             detail, voice))

    # Loaded language and name calling from the loaded-word list (not inside quoted titles, names or lexicon
    # hits)
    titles = title_spans(article, quotes)
    scare_spans = Spans((q.start, q.end) for q in quotes if q.kind == "scare quote")
    listed = defaultdict(list)
    # Whether a hit overlaps a lexicon hit: among the lexicon hits that start before it ends, the furthest end.
    lexicon_spans.sort()
    lexicon_starts = [s for s, _ in lexicon_spans]
    lexicon_reach = list(accumulate((e for _, e in lexicon_spans), max))

    def overlaps_lexicon(start: int, end: int) -> bool:
        k = bisect_left(lexicon_starts, end)
        return k > 0 and lexicon_reach[k - 1] > start

    for hit in find_loaded_words(article):
        if not in_spans(hit.start, hit.end, titles) and not overlaps_lexicon(hit.start, hit.end) and \
                not _in_name(article, hit.start, hit.end, names, hit.word.term) and not _negated(article, hit.start):
            listed[(hit.word, voices.voice(hit.start, hit.end))].append(hit)
    for (word, voice), hits in sorted(listed.items(), key=lambda kv: kv[1][0].start):
        n_scare = sum(in_spans(h.start, h.end, scare_spans) for h in hits)
        rows.append(_row(article, "loaded language" if word.cue == "loaded" else "name calling",
                         f"loaded-word list ({word.category})", word.term, [(h.start, h.end) for h in hits],
                         f"{word.reason}; {n_scare} of {len(hits)} in scare quotes", voice))

    return [Cue(cue_id=i, **row) for i, row in enumerate(rows, start=1)]


def cue_rates_table(article, cues, quotes=None, voices: Voices | None = None):
    """cue_rates.csv: per voice (the outlet, then each quoted or reported speaker), its words and its cues
    (``cues``: the Cue records, or cues.csv).

    ``words``: body words in that voice; ``loaded_language`` and ``name_calling``: occurrences (each flagged
    word or phrase); ``repetition``: repetition rows; ``word_cues_per_1000``: loaded-language and
    name-calling occurrences per 1,000 of the voice's words. The outlet's row is always there (zeros
    included); the rate a corpus compares across outlets is that row's.
    """
    import pandas as pd

    quotes = find_quotes(article) if quotes is None else quotes
    voices = Voices(article, quotes) if voices is None else voices
    words = voices.word_counts(article.words)
    counts = defaultdict(lambda: defaultdict(int))
    for row in cues.itertuples(index=False) if hasattr(cues, "itertuples") else cues:
        key = (row.voice, row.speaker)
        counts[key][row.cue] += 1 if row.cue == "repetition" else int(row.occurrences)
    keys = [("outlet", "")] + sorted((set(words) | set(counts)) - {("outlet", "")},
                                     key=lambda k: (VOICES.index(k[0]), k[1]))
    rows = []
    for key in keys:
        c = counts.get(key, {})
        n = words.get(key, 0)
        word_cues = c.get("loaded language", 0) + c.get("name calling", 0)
        rows.append({"voice": key[0], "speaker": key[1], "words": n,
                     "loaded_language": c.get("loaded language", 0), "name_calling": c.get("name calling", 0),
                     "repetition": c.get("repetition", 0), "word_cues": word_cues,
                     "word_cues_per_1000": round(1000 * word_cues / n, 3) if n else None})
    return pd.DataFrame(rows, columns=RATE_COLUMNS)
