"""Sentences and word tokens with character offsets, using NLTK classes that need no downloaded data."""

from __future__ import annotations

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


def split_sentences(paragraphs: list[Paragraph], body: str) -> list[Sentence]:
    tokenizer = _sentence_tokenizer()
    sentences: list[Sentence] = []
    for para in paragraphs:
        for s, e in tokenizer.span_tokenize(para.text):
            start, end = para.start + s, para.start + e
            sentences.append(Sentence(len(sentences) + 1, para.id, start, end, body[start:end]))
    return sentences


def tokenize_words(sentences: list[Sentence], body: str) -> list[Token]:
    tokenizer = _word_tokenizer()
    tokens: list[Token] = []
    for sent in sentences:
        for s, e in tokenizer.span_tokenize(sent.text):
            start, end = sent.start + s, sent.start + e
            tokens.append(Token(len(tokens) + 1, sent.id, start, end, body[start:end]))
    return tokens
