"""Sentences and word tokens with character offsets: NLTK's Punkt (no downloaded data) for sentences, and for
words the one-pass regular expression of ``newslens.text.words``, which gives NLTK's word tokens."""

from __future__ import annotations

import re
from functools import lru_cache

from .article import Paragraph, Sentence, Token
from .words import word_spans

# Untrained Punkt knows no abbreviations; these are the ones news prose uses most (lower case, no final dot).
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "pres",
    "st", "jr", "sr", "no", "vs", "etc", "e.g", "i.e", "approx", "inc", "ltd", "co", "corp", "dept",
    "u.s", "u.k", "u.n", "e.u", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
}


@lru_cache(maxsize=1)
def _sentence_tokenizer():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


# No sentence is longer than this: a longer one (a text without full stops, a run of thousands of quote marks)
# is cut into pieces, so that every per-sentence method (tokenizer, VADER, quotes, places) works on bounded
# text and time and memory stay linear in the text's length. Far beyond real prose: the longest sentence of
# the seed, the demo corpus and the fixtures has 78 words and 557 characters.
MAX_SENTENCE_WORDS = 250        # whitespace-separated words
MAX_SENTENCE_CHARS = 2500
_WORD_RUN = re.compile(r"\S+")


def _bounded_spans(text: str, start: int, end: int):
    """(start, end) pieces of text[start:end] of at most MAX_SENTENCE_WORDS words and MAX_SENTENCE_CHARS
    characters, cut after a word (a single word longer than the character limit is cut inside)."""
    while start < end:
        limit = min(end, start + MAX_SENTENCE_CHARS)
        cut, words = None, 0
        for m in _WORD_RUN.finditer(text, start, limit):
            if m.end() == limit and limit < end and not text[limit].isspace():
                break                                   # a word that runs past the character limit
            words += 1
            cut = m.end()
            if words == MAX_SENTENCE_WORDS:
                break
        if limit == end and words < MAX_SENTENCE_WORDS:
            cut = end
        elif cut is None:
            cut = limit                                  # one word longer than the limit: cut inside it
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1


def split_sentences(paragraphs: list[Paragraph], body: str, overlong: list | None = None) -> list[Sentence]:
    """Punkt's sentences of every paragraph, each over-long one cut into pieces (``_bounded_spans``).

    ``overlong``, if given, receives (id of the first piece, number of pieces, characters) for every sentence
    that was cut."""
    return sentences_from_spans(_sentence_tokenizer().span_tokenize, paragraphs, body, overlong)


def sentences_from_spans(spans_of, paragraphs: list[Paragraph], body: str,
                         overlong: list | None = None) -> list[Sentence]:
    """Sentence records from a splitter (``spans_of(text)`` -> (start, end) pairs) run on every paragraph, each
    over-long sentence cut into bounded pieces; shared by the English and the Cyrillic segmenters."""
    sentences: list[Sentence] = []
    for para in paragraphs:
        for s, e in spans_of(para.text):
            if e - s > MAX_SENTENCE_CHARS or _too_many_words(para.text, s, e):
                pieces = list(_bounded_spans(para.text, s, e))
                if overlong is not None:
                    overlong.append((len(sentences) + 1, len(pieces), e - s))
            else:
                pieces = [(s, e)]
            for ps, pe in pieces:
                start, end = para.start + ps, para.start + pe
                sentences.append(Sentence(len(sentences) + 1, para.id, start, end, body[start:end]))
    return sentences


def _too_many_words(text: str, start: int, end: int) -> bool:
    words = 0
    for _ in _WORD_RUN.finditer(text, start, end):
        words += 1
        if words > MAX_SENTENCE_WORDS:
            return True
    return False


def tokenize_words(sentences: list[Sentence], body: str) -> list[Token]:
    """Every sentence's word tokens, numbered through the body: made once per article, and every analysis reads
    them from ``Article.tokens``."""
    tokens: list[Token] = []
    # Built as the frozen dataclass's own __init__ would build them, minus its five object.__setattr__ calls
    # (half the cost of a token, and an article has a thousand): the same fields, equality, hash and pickle.
    new = object.__new__
    for sent in sentences:
        base, sid = sent.start, sent.id
        for s, e in word_spans(sent.text):
            start, end = base + s, base + e
            token = new(Token)
            token.__dict__.update(id=len(tokens) + 1, sentence_id=sid, start=start, end=end, text=body[start:end])
            tokens.append(token)
    return tokens
