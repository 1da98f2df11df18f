"""Quotation inventory: every quoted span, straight or curly, classified as attributed quotation or scare quote.

Marks: curly marks give their direction; a straight mark takes it from its neighbours (a letter after it
opens, a space or punctuation after it closes), so a quotation inside a quotation ('"... implement the
"Minsk" points," said X') pairs inside out; such a span is ``nested`` and looks for its cue only inside the
outer quotation.

Rule (applied in this order, documented in the notebook and in quotes.csv's ``rule`` column):
1. attributed quotation: with no other quotation in between, either
   - a speech verb (say, write, tell, claim, stress, point out, ...) or "according to" within
     ``BEFORE_WINDOW`` words before the opening mark ("I wrote earlier this summer that "..."");
   - a labelling verb (call, regard, describe, dub, ...) at most ``LABEL_GAP`` words before it ("who they
     regard as a "political prisoner""), not in the passive without "by" ("can be called "..."");
   - a speech or labelling verb after the closing mark, up to the end of the sentence the closing mark
     stands in (so a quote of several sentences ending '...," he said.' is attributed): within
     ``AFTER_WINDOW`` words, or ``AFTER_WINDOW_CLAUSE`` when the quote ends in a comma, question mark,
     exclamation mark or dash ('"...," the presidential spokesman said');
   - a partial quotation inside reported speech: "X said that ... "..."" or "according to X, ... "..."" anywhere
     earlier in the sentence;
   - a quotation that opens its sentence right after a sentence with an attributed quotation continues it
     ('"...," she said. "More words."'), and one right after reported speech of a named speaker ('X
     stressed that ... . "Words."') is that speaker's.
   The speaker is the name or role written with the verb ("Kremlin spokesman Dmitry Peskov told", "said the
   Secretary of the National Security and Defense Council", "he"); ``speaker_resolved`` names the person:
   a pronoun resolves to a person named earlier in its sentence, else to the nearest named speaker before
   it; a role ("the President") to the nearest named speaker or person named with that role.
2. scare quote: no attribution and at most ``SCARE_MAX_WORDS`` words: the writer's own distancing or
   emphasis of a word ("rebels", "balance").
3. unattributed quotation: no attribution and a longer span.
Independently, ``is_title`` marks a span in title case (three or more words, every word of four or more
letters capitalised): a quoted headline or title. Framing counts leave titles out.
Measured on 121 hand-coded spans of licensed press releases: ``bench/quote_attribution.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from ..text.lemmas import lemmatize

BEFORE_WINDOW = 8
AFTER_WINDOW = 4
# After a quotation that ends in a comma, question or exclamation mark or dash ('"...," the presidential
# spokesman said'), the reporting clause may name its speaker at length before the verb.
AFTER_WINDOW_CLAUSE = 10
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
    # wire and press-office reporting verbs (agency copy and government press releases)
    "emphasize", "emphasise", "assure", "sum", "point", "conclude", "recall", "observe", "inform", "remind",
    "underline", "underscore", "acknowledge", "confirm", "caution", "vow", "pledge", "promise", "respond",
    "mention", "specify", "clarify", "continue", "recount", "predict", "complain", "joke", "quip",
})
# Phrasal reporting verbs count only with their particle ("he pointed out", "summed up").
PHRASAL = {"sum": "up", "point": "out"}
LABEL_VERBS = frozenset({
    "call", "dub", "describe", "term", "label", "brand", "regard", "consider", "name", "title",
    "entitle", "headline",
})
_REPORTING_VERBS = SPEECH_VERBS | LABEL_VERBS     # made once: the tests below run per word
LABEL_GAP = 3
# "explain" attributes a quote that it follows ("...," he explained) but, before a quote, usually takes a
# noun phrase ("explained the "temporary" measures"): it counts only after the quote.
AFTER_ONLY = frozenset({"explain", "continue"})
# "can be rightfully called "..."": a labelling verb in the passive names no labeller; the label is the
# writer's own (a scare quote), unless "by" names one.
PASSIVE_AUX = frozenset({"be", "is", "are", "was", "were", "been", "being"})
# Words that are as often nouns as verbs: they count only in a verb form (-ed, -ing, irregular past) or
# right after a pronoun, "who" or "to" ("they report", "to quote"); never in a possessive ("report's").
NOUN_OR_VERB = frozenset({
    "report", "comment", "post", "quote", "claim", "call", "state", "note", "answer", "reply", "remark",
    "stress", "tweet", "name", "title", "term", "label", "brand", "headline",
    "pledge", "promise", "vow", "joke", "quip", "point", "sum", "caution", "continue",
})
REPORTING_PHRASES = (("according", "to"), ("as", "put", "it"))
PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it", "who"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
RESOLVED_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Speaker phrases: role nouns join capitalised names ("Kremlin spokesman Dmitry Peskov"), these connectors
# join the parts of a title ("Secretary of the National Security and Defense Council").
ROLE_WORDS = frozenset({
    "president", "presidential", "spokesman", "spokeswoman", "spokesperson", "minister", "ministry",
    "secretary", "secretary-general", "chancellor", "prime", "premier", "ambassador", "envoy", "aide",
    "adviser", "advisor", "official", "officials", "diplomat", "chief", "head", "leader", "commander",
    "general", "deputy", "press", "foreign", "defense", "defence", "senator", "governor", "mayor", "king",
    "queen", "pope", "chairman", "chairwoman", "chair", "director", "representative", "negotiator",
    "speaker", "lawmaker", "prosecutor", "mr", "mrs", "ms", "dr", "vice", "first", "interior",
})
ORG_WORDS = frozenset({
    "council", "office", "department", "government", "administration", "kremlin", "house", "republic",
    "federation", "state", "states", "security", "national", "united", "nations", "affairs", "union",
    "commission", "agency", "service", "forces", "army", "committee", "party", "white", "cabinet",
    "parliament", "ministry", "nato", "un", "eu", "osce",
})
CONNECTORS = frozenset({"of", "the", "and", "for"})
# Unions the word tests use, made once (a set union per word cost more than the rest of the test).
_ANY_PRONOUN = PRONOUNS | OBJECT_PRONOUNS
_NOT_NAME_WORDS = ROLE_WORDS | ORG_WORDS | CONNECTORS
_PRONOUN_OR_TO = PRONOUNS | {"to"}
# A single capitalised word names a person only when rarer than this in general English (wordfreq's Zipf
# scale: "Putin" 4.1, "Draghi" 2.2; "Nobody" 5.0, "Let" 5.6), so a sentence-initial word is not a speaker.
COMMON_WORD_ZIPF = 4.5
SENTENCE_START_ZIPF = 3.0
# Words that may stand between a speaker and the reporting verb ("he also said", "X, for his part, noted").
SUBJECT_VERB_GAP = frozenset({
    "also", "then", "later", "further", "again", "repeatedly", "once", "earlier", "additionally", "has",
    "have", "had", "was", "part", "his", "her", "their", "for", "in", "turn", "personally", "clearly",
    "has", "had", "reportedly",
})
IRREGULAR_PAST = frozenset({"said", "wrote", "written", "told", "read"})

DOUBLE_OPEN, DOUBLE_CLOSE = "\u201c", "\u201d"
SINGLE_OPEN, SINGLE_CLOSE = "\u2018", "\u2019"
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u201e\u201a`\u00ab\u00bb"

_CLAUSE_BREAK = re.compile(r"[.;:!?,()\[\]\"\u201c\u201d\u2014\u2013]+")
_TITLE_ABBREVIATION = re.compile(r"\b(Mr|Mrs|Ms|Dr|St|Gen|Col|Sen|Rep|Gov)\.")
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


@dataclass(frozen=True)
class Quote:
    """One quoted span of the body, with its kind and speaker; a row of quotes.csv."""
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
    speaker_resolved: str = ""  # a pronoun or bare role resolved to the nearest named speaker before it
    nested: bool = False        # inside another quotation (the speaker's own quotation marks)

    @property
    def mark_style(self) -> str:
        curly = self.open_mark in (DOUBLE_OPEN, DOUBLE_CLOSE, SINGLE_OPEN, SINGLE_CLOSE)
        double = self.open_mark in ('"', DOUBLE_OPEN, DOUBLE_CLOSE)
        return f"{'curly' if curly else 'straight'} {'double' if double else 'single'}"


# The marks each scanner looks at: a regex visits only them, not every character of the paragraph.
_DOUBLE_MARKS = re.compile(f'["{DOUBLE_OPEN}{DOUBLE_CLOSE}]')
_SINGLE_MARKS = re.compile(f"['{SINGLE_OPEN}{SINGLE_CLOSE}]")


def _straight_direction(text: str, i: int) -> str:
    """Whether the straight mark at ``i`` reads as opening, closing or either, from its neighbours: a letter,
    digit or opening bracket right after it opens ('said:"The', 'the "Minsk'); a space, punctuation or the
    end right after it closes ('points," said', 'now" we')."""
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    if after.isalnum() or after in "([\u2018'":
        return "either" if before.isalnum() else "open"
    if after.isspace() or after in ".,;:!?)]\u2014\u2013-":
        return "close"
    return "either"


def _double_quote_pairs(text: str) -> list[tuple[int, int, bool]]:
    """(open, close, closed) offsets of double-quote marks in one paragraph; curly marks give direction.

    Straight marks take their direction from their neighbours, so a quotation inside a quotation ('"...
    implement the "Minsk" points," said X') pairs inside out instead of splitting the outer one; a mark
    whose direction is unclear closes the innermost open quotation, or opens one when none is open."""
    pairs, stack = [], []
    for mark in _DOUBLE_MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch in (DOUBLE_OPEN, DOUBLE_CLOSE):
            opening = _curly_opens(text, i, ch)
        else:
            direction = _straight_direction(text, i)
            opening = direction == "open" or (direction == "either" and not stack) or \
                (direction == "close" and not stack)
        if opening:
            stack.append(i)
        elif stack:
            pairs.append((stack.pop(), i, True))
    # Never closed: the outermost runs to the end of the paragraph (a quotation continued in the next one);
    # marks opened inside it and never closed are no quotations of their own (a table of thousands of spans,
    # each to the paragraph's end, would grow with the square of a malformed paragraph).
    for open_at in stack[:1]:
        pairs.append((open_at, len(text), False))
    return pairs


def _curly_opens(text: str, i: int, ch: str) -> bool:
    """A curly double mark opens or closes as drawn, unless its neighbours say the opposite: translated copy
    sometimes sets them reversed (”...“), which would open a quotation that swallows the rest of the
    paragraph. A ” after a space and before a letter opens; a “ after a word or a stop and before a space or
    a stop closes."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == DOUBLE_CLOSE:
        return (before.isspace() or before in "([") and after.isalnum()
    return not ((before.isalnum() or before in ".,;:!?") and (after.isspace() or after in ".,;:!?)"))


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


@lru_cache(maxsize=4096)
def _words_with_offsets(text: str, base: int) -> tuple[tuple[str, int, int], ...]:
    """(word, start, end) of the words of ``text`` found at offset ``base``. Cached: the speakers, the quotes
    and the reported speech read the same sentences."""
    return tuple((m.group(0), base + m.start(), base + m.end()) for m in _WORD.finditer(text))


def _verb_like(words: list[str], i: int) -> bool:
    """Whether words[i] reads as a verb rather than a noun (see NOUN_OR_VERB)."""
    word = words[i].lower().replace("\u2019", "'")
    if word.endswith("'s") or word.endswith("'"):
        return False
    if lemmatize(word) not in NOUN_OR_VERB:
        return True
    if word.endswith("ed") or word.endswith("ing") or word in IRREGULAR_PAST:
        return True
    return i > 0 and words[i - 1].lower() in _PRONOUN_OR_TO


def _speaker(candidates: list[str]) -> str:
    """The nearest pronoun or content word in ``candidates`` (given nearest first)."""
    from ..text.stopwords import is_stopword

    for word in candidates:
        if word.lower() in _ANY_PRONOUN or not is_stopword(word):
            return word
    return ""


def _is_name_part(word: str) -> bool:
    return word[:1].isupper() or word.lower().replace("\u2019", "'").removesuffix("'s") in ROLE_WORDS


def _trim(phrase: list[str]) -> str:
    """A speaker phrase without the function words at its edges ("As President Biden" -> "President Biden")."""
    from ..text.stopwords import is_stopword

    while phrase and (is_stopword(phrase[0]) or phrase[0].lower() in CONNECTORS):
        phrase = phrase[1:]
    while phrase and (is_stopword(phrase[-1]) or phrase[-1].lower() in CONNECTORS):
        phrase = phrase[:-1]
    return " ".join(phrase)


def _subject_before(words: list[str], i: int) -> str:
    """The speaker named right before the verb at ``i``: a pronoun, or a run of capitalised words and role
    nouns ("the Ukrainian Head of State said", "Kremlin spokesman Dmitry Peskov told"), over adverbs and
    asides between subject and verb ("Alar Karis, for his part, noted")."""
    j = i - 1
    while j >= 0 and words[j].lower() in SUBJECT_VERB_GAP and i - j <= 4:
        j -= 1
    if j >= 0 and words[j].lower() in PRONOUNS:
        return words[j]
    phrase = []
    while j >= 0 and (_is_name_part(words[j]) or (words[j].lower() in CONNECTORS and phrase)):
        phrase.insert(0, words[j])
        j -= 1
    return _trim(phrase)


def _subject_after(words: list[str], i: int) -> str:
    """The speaker named right after the verb at ``i`` ("said the President's Press Secretary")."""
    j = i + 1
    if j < len(words) and words[j].lower() == "by":            # "This was stated by President X"
        j += 1
    if j < len(words) and words[j].lower() in _ANY_PRONOUN:
        return words[j]
    while j < len(words) and words[j].lower() in ("the", "a", "an"):
        j += 1
    phrase = []
    while j < len(words) and (_is_name_part(words[j]) or (words[j].lower() in CONNECTORS and phrase)):
        phrase.append(words[j])
        j += 1
    return _trim(phrase)


def _according_to(words: list[str], i: int) -> str:
    """The source after "according to" at ``i`` (the index of "according")."""
    return _subject_after(words, i + 1) or _speaker(words[i + 2:])


def _find_cue(before: list[tuple[str, int, int]], after: list[tuple[str, int, int]], after_window: int,
              sentence_before: list[tuple[str, int, int]] = (), introduces_next: bool = False):
    """(cue, speaker, side) for the attribution nearest to the quote, or None.

    ``before`` holds the last BEFORE_WINDOW words before the quote, ``after`` the words after it up to the
    end of the sentence that the closing mark ends in, ``sentence_before`` every word of the quote's
    sentence before it (for a partial quote inside reported speech)."""
    words = [w for w, _, _ in before]
    lower = [w.lower() for w in words]
    for i in range(len(words) - 1, -1, -1):
        for phrase in REPORTING_PHRASES:
            if tuple(lower[i:i + len(phrase)]) == phrase:
                speaker = _according_to(words, i) if phrase[0] == "according" else _speaker(words[:i][::-1])
                return " ".join(words[i:i + len(phrase)]), speaker, "before"
        lemma = lemmatize(lower[i])
        gap = len(words) - 1 - i
        speech = lemma in SPEECH_VERBS and lemma not in AFTER_ONLY and _particle_ok(lemma, lower, i)
        label = lemma in LABEL_VERBS and gap <= LABEL_GAP and not (
            PASSIVE_AUX & set(lower[max(i - 2, 0):i]) and "by" not in lower[i + 1:])
        if (speech or label) and _verb_like(words, i):
            speaker = _subject_before(words, i) or _subject_after(words, i) if speech else ""
            return words[i], speaker or _nearby_pronoun(words, i) or _speaker(words[:i][::-1]), "before"
    after_words = [w for w, _, _ in after][:after_window]
    after_lower = [w.lower() for w in after_words]
    for i, word in enumerate(after_words):
        lemma = lemmatize(after_lower[i])
        if i == len(after) - 1 and introduces_next and "and" in after_lower[:i]:
            break                   # '"Title", he stood up and said: "Words."': the verb is the next quote's
        if lemma in _REPORTING_VERBS and _verb_like(after_words, i) and \
                _particle_ok(lemma, after_lower, i):
            speaker = (_subject_before(after_words, i) if i else "") or _subject_after(after_words, i) \
                or _speaker(after_words[:i][::-1]) or _speaker(after_words[i + 1:])
            return word, speaker, "after"
    # A partial quotation inside reported speech: "X said that the talks were ... "constructive"".
    words = [w for w, _, _ in sentence_before]
    lower = [w.lower() for w in words]
    for i in range(len(words) - 1, -1, -1):
        if tuple(lower[i:i + 2]) == ("according", "to"):
            return "according to", _according_to(words, i), "reported"
        lemma = lemmatize(lower[i])
        if lemma in SPEECH_VERBS and "that" in lower[i + 1:i + 3] and _verb_like(words, i) and \
                _particle_ok(lemma, lower, i):
            return words[i], _subject_before(words, i) or _nearby_pronoun(words, i) or \
                _speaker(words[:i][::-1]), "reported"
    return None


def _nearby_pronoun(words: list[str], i: int) -> str:
    """A subject pronoun at most four words before the verb ("he stood up and said")."""
    for word in reversed(words[max(i - 4, 0):i]):
        if word.lower() in PRONOUNS - {"it", "who", "you"}:
            return word
    return ""


def _particle_ok(lemma: str, lower: list[str], i: int) -> bool:
    """A phrasal reporting verb counts only with its particle ("he pointed out", "summed up")."""
    particle = PHRASAL.get(lemma)
    return particle is None or particle in lower[i + 1:i + 3]


_DEMONYMS: frozenset[str] | None = None


def _place_words() -> frozenset[str]:
    """Country names, aliases and demonyms (lower case), read from the package's countries table: a speaker
    phrase made only of these and role nouns ("the French President") names a role, not a person."""
    global _DEMONYMS
    if _DEMONYMS is None:
        import csv

        from ..paths import DATA_DIR

        words = set()
        with open(DATA_DIR / "countries.csv", encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for field in ("name", "aliases", "demonyms"):
                    for value in (row.get(field) or "").split("|"):
                        words.update(value.lower().split())
        _DEMONYMS = frozenset(words)
    return _DEMONYMS


@lru_cache(maxsize=65536)
def _name_word(word: str) -> bool:
    """A capitalised word that can be part of a personal name: no role, office, organisation, country,
    demonym or pronoun."""
    bare = word.replace("\u2019", "'").removesuffix("'s")
    low = bare.lower()
    return bare[:1].isupper() and len(bare) > 1 and low not in _NOT_NAME_WORDS \
        and low not in PRONOUNS and low not in _place_words()


@lru_cache(maxsize=8192)
def _rare(word: str) -> bool:
    """Rarer in general English than COMMON_WORD_ZIPF: "Lenin", "Draghi" but not "Let", "Nobody", "God"."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower().replace("\u2019", "'").removesuffix("'s"), "en") < COMMON_WORD_ZIPF


def names_a_person(speaker: str) -> bool:
    """Whether a speaker phrase contains a personal name: two capitalised name words in a row ("Olaf
    Scholz"), a role before one ("President Biden"), or one word rare in general English ("Draghi").
    "The Ukrainian Head of State", "the French President", "Let" and "Everyone" name no person."""
    words = speaker.split()
    for k, word in enumerate(words):
        if not _name_word(word):
            continue
        previous = words[k - 1] if k else ""
        if k and (_name_word(previous) or previous.lower().rstrip(".") in ROLE_WORDS):
            return True
        if _rare(word):
            return True
    return False


def _resolvable(speaker: str) -> bool:
    """A pronoun or a bare role ("he", "the President"): resolved to a named speaker before it."""
    low = speaker.lower()
    if low in RESOLVED_PRONOUNS:
        return True
    return any(w.lower().rstrip(".") in ROLE_WORDS for w in speaker.split()) and not names_a_person(speaker)


def _roles(phrase: str) -> set[str]:
    return {w.lower().rstrip(".") for w in phrase.split()} & ROLE_WORDS


class _Resolver:
    """The person a pronoun or role names: for a pronoun, a person named earlier in the quote's own sentence
    ("Joseph Biden, in turn, focused on what he described as ..."), else the nearest named speaker before
    the quote; for a role, the nearest named speaker with that role word ("the President" -> "President
    Volodymyr Zelenskyy"), else the nearest person named with it before the quote, else the nearest named
    speaker.

    The names in the body are found once and indexed by role word, so each quote costs a binary search, not a
    reading of the whole body before it (which made an article of many quotes quadratic)."""

    def __init__(self, named: list[tuple[int, int, str]], body: str):
        self.named = named                                  # (offset, sentence id, name), in reading order
        self.named_offsets = [o for o, _, _ in named]
        self.named_by_role = self._by_role(name for _, _, name in named)
        self.body = body
        self._chunks = None

    @staticmethod
    def _by_role(names) -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            for role in _roles(name):
                index.setdefault(role, []).append(i)
        return index

    @staticmethod
    def _last_before(index: dict[str, list[int]], roles: set[str], limit: int) -> int:
        """The largest position under ``limit`` of a name with one of ``roles``; -1 if none."""
        best = -1
        for role in roles:
            positions = index.get(role, ())
            k = bisect_left(positions, limit)
            if k:
                best = max(best, positions[k - 1])
        return best

    def _index_mentions(self) -> None:
        """The body as ``_names_in`` reads it (title abbreviations without their dot, cut at clause breaks):
        its clauses, the names in each, and every name's position in reading order."""
        self._dots = [m.end() for m in _TITLE_ABBREVIATION.finditer(self.body)]     # one character dropped each
        text = _TITLE_ABBREVIATION.sub(r"\1", self.body)
        self._text = text
        starts, ends, at = [], [], 0
        for m in _CLAUSE_BREAK.finditer(text):
            starts.append(at)
            ends.append(m.start())
            at = m.end()
        starts.append(at)
        ends.append(len(text))
        self._chunks = (starts, ends)
        self._mentions, self._first_mention = [], []
        for s, e in zip(starts, ends):
            self._first_mention.append(len(self._mentions))
            self._mentions.extend(_names_in_chunk(text[s:e]))
        self._first_mention.append(len(self._mentions))
        self._mentions_by_role = self._by_role(self._mentions)

    def resolve(self, speaker: str, offset: int, sentence_names: list[str]) -> str:
        n_before = bisect_left(self.named_offsets, offset)
        nearest = self.named[n_before - 1][2] if n_before else speaker
        if speaker.lower() in RESOLVED_PRONOUNS:
            return sentence_names[-1] if sentence_names else nearest
        roles = _roles(speaker)
        i = self._last_before(self.named_by_role, roles, n_before)      # a speaker with that role
        if i >= 0:
            return self.named[i][2]
        # Anyone so named in the body before the quote (``_names_in(body[:offset])``, read from the index).
        if self._chunks is None:
            self._index_mentions()
        starts, ends = self._chunks
        x = offset - bisect_right(self._dots, offset)
        complete = bisect_right(ends, x)                    # clauses that end before the quote
        if complete < len(starts) and starts[complete] < x:
            for name in reversed(_names_in_chunk(self._text[starts[complete]:x])):
                if roles & _roles(name):
                    return name
        i = self._last_before(self._mentions_by_role, roles, self._first_mention[complete])
        if i >= 0:
            return self._mentions[i]
        return nearest


def _names_in(text: str) -> list[str]:
    """Runs of capitalised words that name a person, in order ("Joseph Biden"), never across punctuation;
    a lone word opening a sentence or clause ("Repeatedly, he asserted") only when rarer than
    SENTENCE_START_ZIPF."""
    names = []
    text = _TITLE_ABBREVIATION.sub(r"\1", text)
    for chunk in _CLAUSE_BREAK.split(text):
        names.extend(_names_in_chunk(chunk))
    return names


def _names_in_chunk(chunk: str) -> list[str]:
    """``_names_in`` of one clause (text between clause breaks)."""
    from wordfreq import zipf_frequency

    names = []
    words = [m.group(0) for m in _WORD.finditer(chunk)]
    run, first = [], 0
    for k, word in enumerate(words + [""]):
        if word[:1].isupper() and (_name_word(word) or word.lower() in ROLE_WORDS):
            if not run:
                first = k
            run.append(word)
            continue
        if not run:
            continue
        phrase = _trim(run)
        lone_opener = len(run) == 1 and first == 0 and zipf_frequency(run[0].lower(), "en") >= SENTENCE_START_ZIPF
        if phrase and names_a_person(phrase) and not lone_opener:
            names.append(phrase)
        run = []
    return names


def _blank(body: str, quoted) -> str:
    """The body with the inside of every quoted span blanked: words inside quotation marks name no speaker
    of the article."""
    chars = list(body)
    for o, c in quoted:
        chars[o:c] = " " * (c - o)
    return "".join(chars)


def _named_speakers(article, body: str) -> list[tuple[int, int, str]]:
    """(offset, sentence id, name) of every named speaker of reported speech in the body, in reading order:
    the subject of a reporting verb ("Oleksiy Danilov stressed that"), the agent after it ("said X",
    "stated by X") and the source after "according to"."""
    found = []
    for sentence in article.sentences:
        tokens = _words_with_offsets(body[sentence.start:sentence.end], sentence.start)
        words = [w for w, _, _ in tokens]
        lower = [w.lower() for w in words]
        for i, word in enumerate(lower):
            if word == "according" and lower[i + 1:i + 2] == ["to"]:
                name = _according_to(words, i)
            elif lemmatize(word) in SPEECH_VERBS and _verb_like(words, i) and _particle_ok(lemmatize(word), lower, i):
                name = _subject_before(words, i)
                if not names_a_person(name):
                    name = _subject_after(words, i)
            else:
                continue
            if name and names_a_person(name):
                found.append((tokens[i][1], sentence.id, name))
    return found


def find_quotes(article) -> list[Quote]:
    """Every quoted span in the body, in reading order, classified by the rule in the module docstring."""
    body = article.body
    raw = []
    for para in article.paragraphs:
        for family, finder in enumerate((_double_quote_pairs, _single_quote_pairs)):
            for o, c, closed in finder(para.text):
                raw.append((para.start + o, para.start + c, closed, para.id, family))
    raw.sort()                              # every mark has its own offset: the family never decides the order
    blanked = _blank(body, [(o + 1, c) for o, c, _, _, _ in raw]) if raw else body
    named = _named_speakers(article, blanked) if raw else []
    reported_in: dict[int, list[str]] = {}
    for _, sid, name in named:
        reported_in.setdefault(sid, []).append(name)
    attributed_in: dict[int, Quote] = {}     # sentence id -> its last attributed quotation so far
    opens = [o for o, _, _, _, _ in raw]
    closes = sorted(c for _, c, _, _, _ in raw)
    enclosing = _innermost_enclosing(raw)
    resolver = _Resolver(named, blanked)
    spans = []
    for n, (open_at, close_at, closed, para_id, _) in enumerate(raw, start=1):
        start, end = open_at + 1, close_at
        sentence = article.sentence_at(open_at)
        end_sentence = article.sentence_at(max(close_at - 1, open_at)) if closed else sentence
        words = [w for w, _, _ in _words_with_offsets(body[start:end], start)]
        # The spans around this one, by binary search (a scan of every span for every span was quadratic in
        # the number of quotation marks): the nearest close before it, the nearest open after it, and the
        # innermost span enclosing it (the "outer" quotation).
        k = bisect_left(closes, open_at)
        close_before = [closes[k - 1] + 1] if k else []
        k = bisect_right(opens, close_at)
        next_open = opens[k] if k < len(opens) else None
        outer = enclosing[n - 1]            # (largest open, smallest close) among enclosing spans, or None
        # Context stops at another quoted span so a verb is not borrowed from a neighbouring quote, and a
        # quotation inside a quotation looks only inside the outer one.
        left_limit = max([sentence.start] + close_before + ([outer[0] + 1] if outer else []))
        right_limit = min([max(end_sentence.end, close_at + 1)] + ([next_open] if next_open is not None else [])
                          + ([outer[1]] if outer else []))
        sentence_before = _words_with_offsets(body[left_limit:open_at], left_limit)
        before = sentence_before[-BEFORE_WINDOW:]
        after = _words_with_offsets(body[close_at + 1:right_limit], close_at + 1)
        inner = body[start:end].rstrip()
        # "...," he said / "...?" she asked: the quote ends where a reporting clause begins, which may name
        # a speaker at length ("said the Secretary of the National Security and Defense Council").
        clause_follows = bool(inner) and (inner[-1] in ",?!\u2014" or body[close_at + 1:close_at + 2] == ",")
        # The last word after the quote introduces the next quote ('said: "') rather than ending this one.
        introduces_next = next_open is not None and right_limit == next_open and bool(after) and \
            body[after[-1][2]:right_limit].strip() in (":", ",", "")
        found = _find_cue(before, after, AFTER_WINDOW_CLAUSE if clause_follows else AFTER_WINDOW,
                          sentence_before if not outer else (), introduces_next)
        speaker_resolved = ""
        if found:
            cue, speaker, side = found
            kind = "attributed quotation"
            rule = {"before": f"reporting verb '{cue}' before the quote",
                    "after": f"reporting verb '{cue}' after the quote",
                    "reported": f"partial quotation inside reported speech ('{cue}' earlier in the sentence)",
                    }[side]
        elif len(words) <= SCARE_MAX_WORDS:
            cue, speaker = "", ""
            kind = "scare quote"
            rule = f"no reporting verb, {len(words)} word{'s' if len(words) != 1 else ''} (at most {SCARE_MAX_WORDS})"
        else:
            cue, speaker = "", ""
            kind = "unattributed quotation"
            rule = f"no reporting verb, {len(words)} words (more than {SCARE_MAX_WORDS})"
            # A quotation that opens its sentence right after one attributed in the sentence before
            # continues it ('"...," he said. "More words."'); after reported speech ('X stressed that ...
            # . "Words."') it is that speaker's.
            opens_sentence = not body[sentence.start:open_at].strip()
            previous = attributed_in.get(sentence.id - 1)
            reported = reported_in.get(sentence.id - 1, [])
            if opens_sentence and not outer and previous:
                kind, cue = "attributed quotation", ""
                speaker, speaker_resolved = previous.speaker, previous.speaker_resolved
                rule = "continues the quotation attributed in the sentence before"
            elif opens_sentence and not outer and reported:
                kind, cue, speaker = "attributed quotation", "", reported[-1]
                rule = f"follows speech reported from {reported[-1]} in the sentence before"
        if kind == "attributed quotation" and not speaker_resolved:
            speaker_resolved = speaker
            if _resolvable(speaker):
                names_before = _names_in(blanked[sentence.start:open_at])
                speaker_resolved = resolver.resolve(speaker, open_at, names_before)
        spans.append(Quote(
            quote_id=n, start=start, end=end, open_mark=body[open_at],
            close_mark=body[close_at] if closed else "", text=body[start:end],
            sentence_id=sentence.id, paragraph_id=para_id, n_words=len(words), kind=kind,
            is_title=_is_title(words), cue=cue, speaker=speaker, rule=rule, closed=closed,
            speaker_resolved=speaker_resolved, nested=bool(outer),
        ))
        if kind == "attributed quotation":
            attributed_in[sentence.id] = spans[-1]
    return spans


def _innermost_enclosing(raw) -> list[tuple[int, int] | None]:
    """For each span of ``raw`` (sorted by open; (open, close, closed, paragraph, family)): (largest open,
    smallest close) among the spans that enclose it (open before its open, close after its close), or None.

    The spans of one family (double or single marks) nest or are disjoint, so the enclosing spans of a family
    form a chain, held on a stack whose closes never increase from bottom to top; the innermost one with a
    close after the span's close is found by binary search. O(n log n) in the number of spans."""
    stacks: dict[int, list[tuple[int, int]]] = {}
    out = []
    for open_at, close_at, _, _, family in raw:
        best = None
        for stack in stacks.values():
            while stack and stack[-1][1] < open_at:
                stack.pop()
            lo, hi = 0, len(stack)              # the first index whose close is not after close_at
            while lo < hi:
                mid = (lo + hi) // 2
                if stack[mid][1] > close_at:
                    lo = mid + 1
                else:
                    hi = mid
            if lo:
                o, c = stack[lo - 1]
                best = (o, c) if best is None else (max(best[0], o), min(best[1], c))
        out.append(best)
        stacks.setdefault(family, []).append((open_at, close_at))
    return out


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


def title_spans(article, quotes: list[Quote] | None = None) -> Spans:
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


def quotes_table(article, spans: list[Quote] | None = None):
    """quotes.csv: one row per quoted span with its classification, rule and sentence."""
    import pandas as pd

    spans = find_quotes(article) if spans is None else spans
    sentences = {s.id: s.text for s in article.sentences}
    rows = [{
        "quote_id": q.quote_id, "text": q.text, "kind": q.kind, "is_title": q.is_title,
        "cue": q.cue, "speaker": q.speaker, "speaker_resolved": q.speaker_resolved, "nested": q.nested,
        "rule": q.rule, "marks": q.mark_style, "closed": q.closed,
        "n_words": q.n_words, "start": q.start, "end": q.end, "paragraph_id": q.paragraph_id,
        "sentence_id": q.sentence_id, "sentence": sentences[q.sentence_id],
    } for q in spans]
    columns = ["quote_id", "text", "kind", "is_title", "cue", "speaker", "speaker_resolved", "nested", "rule",
               "marks", "closed",
               "n_words", "start", "end", "paragraph_id", "sentence_id", "sentence"]
    return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True)
class ReportedSpeech:
    """A sentence of indirect speech: the writer's words for what a named source said."""
    sentence_id: int
    cue: str                # the reporting verb or phrase, as written
    speaker: str            # as written ("Kremlin Spokesman Dmitry Peskov", "the minister", "he", "the JCCC")
    speaker_resolved: str   # a pronoun or bare role resolved to the nearest named speaker before it
    rule: str


# Subjects that make a reporting verb the text's own voice: the writer or the speaker of a transcript
# ("I would like to emphasise that", "we have repeatedly said"), an address to the reader ("you know").
FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "it", "who", "me", "us"})
# "This was stated by President X" / "This was emphasized by ...": the press-office convention that
# attributes the sentence before (its paraphrase of the speaker) as well.
_STATED_BY = re.compile(r"^\W*(?:This|That|It|These words|Such statements?)\s+(?:was|were|has been|have been)\s+"
                        r"(?:\w+\s+){0,2}?(?:\w+ed)\s+by\b")


def reported_speech(article, quotes: list[Quote] | None = None) -> dict[int, ReportedSpeech]:
    """Sentence id -> its reporting clause, for every sentence of indirect speech in the body.

    A sentence is reported speech when, outside its quotation marks, it has "according to X", or a speech
    verb (``SPEECH_VERBS``: said, told, stressed, recalled, denied ...) or labelling verb ("described ...
    as", "called", not in the passive) with a speaker: the subject before it ("Kremlin Spokesman Dmitry
    Peskov told reporters", "The ministry said"), the agent after it ("said the JCCC", "stated by X") or a
    pronoun just before it ("he said"). A first- or second-person subject ("I would like to emphasise
    that", "we said") is the text's own voice, not reported speech. "This was stated by X" makes the
    sentence before it X's as well (the press-office convention of a paraphrase followed by its source).
    The whole sentence is the speaker's claim in the writer's words; the speaker is resolved as quotes'
    speakers are (a pronoun or role to the nearest named speaker before it).
    """
    quotes = find_quotes(article) if quotes is None else quotes
    body = article.body
    blanked = _blank(body, [(q.start, q.end) for q in quotes])
    named = _named_speakers(article, blanked)
    resolver = _Resolver(named, blanked)
    found: dict[int, ReportedSpeech] = {}
    previous = None
    for sentence in article.sentences:
        hit = _reporting_clause(_words_with_offsets(blanked[sentence.start:sentence.end], sentence.start), blanked)
        resolved = None
        if hit is not None:
            cue, speaker, offset = hit
            resolved = _named_source(speaker, offset, sentence, found, named, blanked, resolver)
        if resolved:
            found[sentence.id] = ReportedSpeech(sentence.id, cue, speaker, resolved,
                                                f"reporting verb '{cue}' with speaker '{speaker}'")
            if previous is not None and previous.id not in found and _STATED_BY.match(sentence.text):
                found[previous.id] = ReportedSpeech(previous.id, cue, speaker, resolved,
                                                    f"'{sentence.text[:40]}...' in the next sentence")
                found = dict(sorted(found.items()))
        previous = sentence
    return found


def _named_source(speaker: str, offset: int, sentence, found: dict, named: list, blanked: str,
                  resolver: "_Resolver") -> str | None:
    """The source a reporting clause names, or None when it names none: reported speech needs a named source.

    A capitalised speaker ("Kremlin Spokesman Dmitry Peskov", "the JCCC", "Tehran") names one; "he"/"she"
    resolves to the nearest named speaker; "it" to the source reported in one of the two sentences before
    ("..., it said"); a lower-case role or body ("the minister", "the ministry") to the nearest source named
    with that word. "They", "officials" and a role that no earlier source carries name nobody: a speech
    telling what "they asked us" stays in the speech's voice."""
    low = speaker.lower()
    if low == "it":
        recent = [r.speaker_resolved for sid, r in found.items() if sentence.id - 2 <= sid < sentence.id]
        return recent[-1] if recent else None
    if low in RESOLVED_PRONOUNS:
        resolved = resolver.resolve(speaker, offset, _names_in(blanked[sentence.start:offset]))
        return None if resolved.lower() in _ANY_PRONOUN else resolved
    if low in _ANY_PRONOUN:
        return None
    words = speaker.split()
    if not any(w[:1].isupper() for w in words):
        roles = {w.lower() for w in words} & (ROLE_WORDS | ORG_WORDS)
        # the earlier sources, read only here (the one branch that needs them): not for every reporting clause
        earlier = [r.speaker_resolved for sid, r in found.items() if sid < sentence.id]
        candidates = [*reversed(earlier), *reversed([name for o, _, name in named if o < offset])]
        for name in candidates:
            if roles & {w.lower().rstrip(".") for w in name.split()}:
                return name
        return None
    if _resolvable(speaker):
        return resolver.resolve(speaker, offset, _names_in(blanked[sentence.start:offset]))
    return speaker


# Where a clause ends inside a sentence: a speaker phrase never reaches across one ("On Tuesday, the
# General Staff said": the speaker is "the General Staff", not "Tuesday the General Staff").
_CLAUSE_MARK = re.compile(r"[,;:\u2014\u2013]")
AFTER_SUBJECT_TAIL = 6      # "..., said the President's Press Secretary.": the agent ends the clause
# Verbs of opinion, not of speech: "Turkey would regard Russia as ..." reports no words.
ATTITUDE_VERBS = frozenset({"regard", "consider"})
PREPOSITION_FORMS = frozenset({"regarding", "considering", "concerning"})   # "Regarding the invasion, ..."


def _reporting_clause(tokens: list[tuple[str, int, int]], text: str):
    """(cue, speaker, offset) of the first reporting verb of a sentence (quotations blanked) with a speaker
    that is not the writer's own voice, or None."""
    if not tokens:
        return None
    clause, k = [], 0
    for n, (_, start, _) in enumerate(tokens):
        if n and _CLAUSE_MARK.search(text[tokens[n - 1][2]:start]):
            k += 1
        clause.append(k)
    words = [w for w, _, _ in tokens]
    lower = [w.lower() for w in words]
    members: dict[int, list[int]] = {}
    for j, k in enumerate(clause):
        members.setdefault(k, []).append(j)
    for i, word in enumerate(lower):
        if word != "according" and lemmatize(word) not in _REPORTING_VERBS:
            continue
        part = members[clause[i]]
        local = [words[j] for j in part]
        at = i - part[0]
        if word == "according" and lower[i + 1:i + 2] == ["to"]:
            speaker, cue = _according_to(local, at), "according to"
        else:
            lemma = lemmatize(word)
            # "continued expansion", "continues to inflict": "continue" and "explain" report only after a quote
            speech = lemma in SPEECH_VERBS - AFTER_ONLY and _particle_ok(lemma, lower, i)
            label = lemma in LABEL_VERBS - ATTITUDE_VERBS and not (
                PASSIVE_AUX & set(lower[max(i - 2, 0):i]) and "by" not in lower[i + 1:])
            if not (speech or label) or not _verb_like(words, i) or word in PREPOSITION_FORMS:
                continue
            cue = words[i]
            speaker = _subject_before(local, at)
            if speaker.lower() == "it" and not (at and local[at - 1].lower() == "it"):
                speaker = ""                 # "It was noted that": a passive names no speaker
            if not speaker:
                after = _subject_after(local, at)
                by_agent = lower[i + 1:i + 2] == ["by"]
                # a pronoun after the verb is the reported clause's subject ("says it doesn't want"), not the
                # speaker
                if after and after.lower() not in _ANY_PRONOUN and \
                        (by_agent or len(local) - at - 1 <= AFTER_SUBJECT_TAIL):
                    speaker = after
            if not speaker:
                speaker = _nearby_pronoun(local, at)
            if not speaker:
                # "prompting Russian presidential spokesman Peskov to once again warn": the subject of "to"
                j = at - 1
                while j >= 0 and local[j].lower() in SUBJECT_VERB_GAP:
                    j -= 1
                if j > 0 and local[j].lower() == "to":
                    speaker = _subject_before(local, j)
            opens_aside = clause[i] > 1 and lower[members[clause[i] - 1][0]] in ("who", "which")
            # ", cautioning against ...", ", calling the claims ...": a participle opening its clause has the
            # sentence's subject
            participle = clause[i] > 0 and at == 0 and word.endswith("ing")
            if not speaker and (opens_aside or participle):
                # "Turkish Foreign Minister Mevlut Cavusoglu, who hosted the talks, said": the sentence's
                # subject, when it names a person
                first = [words[j] for j in members[0]]
                opening = _trim([w for w in first[:next((n for n, w in enumerate(first) if not _is_name_part(w)),
                                                        len(first))]])
                speaker = opening if opening and (names_a_person(opening) or _resolvable(opening)) else ""
        if speaker.endswith(("'s", "\u2019s", "'", "\u2019")):
            speaker = ""                     # a possessive is not a subject ("NATO's continued expansion")
        if speaker and speaker.lower() not in FIRST_SECOND_PERSON - {"it"}:
            return cue, speaker, tokens[i][1]
    return None
