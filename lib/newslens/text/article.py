"""The Article data model: what every analysis receives from the loader.

All character offsets (``start``, ``end``) point into ``Article.body``, the cleaned body text in which
paragraphs are joined by one blank line ("\\n\\n"). ``body[start:end]`` is always the span's text, so any
finding can be traced back to its sentence and paragraph.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from functools import cached_property, lru_cache

from ..paths import display_path

# Curly quotes and apostrophes mapped one character to one character, so a normalised view keeps offsets.
QUOTE_NORMALISATION = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2032": "'", "\u2033": '"',
})


# The same mapping as (curly, straight) pairs: a few str.replace calls cost far less than translate() with a
# dict table, which looks every character up (this runs several times on every sentence and word).
_QUOTE_PAIRS = tuple((chr(code), straight) for code, straight in QUOTE_NORMALISATION.items())


def normalise_quotes(text: str) -> str:
    """Replace curly quotes with straight ones; the result has the same length as the input."""
    if text.isascii():          # no curly quote to replace
        return text
    for curly, straight in _QUOTE_PAIRS:
        if curly in text:
            text = text.replace(curly, straight)
    return text


# Pieces the word tokenizer splits off ("Kiev's" -> "Kiev" + "'s", "won't" -> "wo" + "n't"): not words.
CLITICS = frozenset({"'s", "'re", "'ve", "'ll", "'d", "'m", "n't"})


@lru_cache(maxsize=65536)
def word_form(token_text: str) -> str | None:
    """A token as the analyses count it: lower case, straight quotes; None for a clitic or a token with no
    letter or digit. Cached per word: the same words recur in every article."""
    text = normalise_quotes(token_text).lower()
    if text in CLITICS or not any(ch.isalnum() for ch in text):
        return None
    return text


@dataclass(frozen=True)
class Paragraph:
    id: int                 # 1-based position among body paragraphs
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    id: int                 # 1-based position in the body
    paragraph_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Token:
    id: int                 # 1-based position in the body
    sentence_id: int
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        """True for tokens that count as words: a letter or digit, and not a split-off clitic (counting
        clitics would inflate every rate per 1,000 words against a whitespace word count)."""
        return word_form(self.text) is not None


@dataclass(frozen=True)
class RemovedLine:
    line_no: int            # 1-based line number in the input file
    text: str
    reason: str


@dataclass(frozen=True)
class Standfirst:
    """The lede printed above the body; ``duplicate_of`` names the body paragraph that repeats it."""
    text: str
    duplicate_of: int | None
    body_start: int | None  # where it stands again inside the body, if it does
    body_end: int | None


# Wire-copy metadata (newslens.text.wire): written to article.json only when the text has a dateline or deck.
WIRE_FIELDS = ("dateline", "dateline_place", "dateline_date", "agency", "deck")


@dataclass
class ArticleMeta:
    title: str = ""
    author: str = ""
    date: str | None = None          # ISO 8601 (YYYY-MM-DD)
    publisher: str = ""
    regions: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    original_source: str = ""        # where the text was first published, if the page says so
    dateline: str = ""               # wire copy: the dateline as written ("MOSCOW, October 27. /TASS/.")
    dateline_place: str = ""         # its place ("Moscow")
    dateline_date: str = ""          # its date as written (agencies leave out the year)
    agency: str = ""                 # the agency it names ("TASS", "Reuters", "AP")
    deck: str = ""                   # the summary under the headline, kept out of the body


@dataclass
class CleaningReport:
    input_format: str
    encoding: str
    sha256: str
    line_endings: str                # "LF", "CRLF" or "CR"
    removed: list[RemovedLine] = field(default_factory=list)
    joined: list[dict] = field(default_factory=list)    # paragraphs re-joined after a mid-sentence break
    links_unwrapped: int = 0         # Markdown links reduced to their text
    language: str = "en"             # "en", "ru", "uk", "other", "mixed" or "too short to judge" (text.language)
    english_function_word_share: float = 0.0
    warnings: list[str] = field(default_factory=list)
    # Written to article.json only when set (an English article's JSON is as it was before languages):
    language_source: str = ""        # "forced (--lang)" when the caller chose the language
    language_evidence: dict = field(default_factory=dict)   # what decided a non-English language


# CleaningReport fields written to article.json only when set.
LANGUAGE_FIELDS = ("language_source", "language_evidence")


@dataclass
class Article:
    source: str                      # the input path as given
    meta: ArticleMeta
    body: str
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    tokens: list[Token]
    standfirst: Standfirst | None
    report: CleaningReport
    language: str = "en"             # the pipeline that segmented it and that the analyses follow: en, ru or uk

    @property
    def normalised_body(self) -> str:
        """The body with straight quotes only; same length, so offsets still apply."""
        return normalise_quotes(self.body)

    @cached_property
    def words(self) -> list[Token]:
        """Word tokens only (no punctuation or clitics); computed once, as every analysis asks for it."""
        return [t for t in self.tokens if t.is_word]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing a body offset; for an offset between sentences (a quotation mark or space
        that the sentence splitter left out), the sentence before it, or the first. A binary search: analyses
        call this for every mention."""
        i = bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[max(i, 0)]

    def to_dict(self) -> dict:
        """Metadata, standfirst and cleaning report as plain data (for article.json)."""
        return {
            # Relative to the repository (or the bare file name): the same article gives the same JSON
            # wherever the repository or the file lives.
            "source": display_path(self.source),
            "meta": {k: v for k, v in asdict(self.meta).items() if v or k not in WIRE_FIELDS},
            "standfirst": asdict(self.standfirst) if self.standfirst else None,
            "counts": {
                "paragraphs": len(self.paragraphs),
                "sentences": len(self.sentences),
                "words": len(self.words),
                "characters": len(self.body),
            },
            "cleaning": {k: v for k, v in asdict(self.report).items() if v or k not in LANGUAGE_FIELDS},
        }
