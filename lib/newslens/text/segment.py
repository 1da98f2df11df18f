"""Sentences and word tokens with character offsets, using NLTK classes that need no downloaded data."""

from __future__ import annotations

import re
from functools import lru_cache

from .article import Paragraph, Sentence, Token

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


@lru_cache(maxsize=1)
def _word_tokenizer():
    from nltk.tokenize import NLTKWordTokenizer

    return NLTKWordTokenizer()


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
    tokenizer = _sentence_tokenizer()
    sentences: list[Sentence] = []
    for para in paragraphs:
        for s, e in tokenizer.span_tokenize(para.text):
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
    tokenizer = _word_tokenizer()
    tokens: list[Token] = []
    for sent in sentences:
        for s, e in tokenizer.span_tokenize(sent.text):
            start, end = sent.start + s, sent.start + e
            tokens.append(Token(len(tokens) + 1, sent.id, start, end, body[start:end]))
    return tokens
