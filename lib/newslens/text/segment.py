"""Sentences and word tokens with character offsets: NLTK's Punkt (no downloaded data) for sentences, and for
words the one-pass regular expression of ``newslens.text.words``, which gives NLTK's word tokens."""

from __future__ import annotations

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


def split_sentences(paragraphs: list[Paragraph], body: str) -> list[Sentence]:
    tokenizer = _sentence_tokenizer()
    sentences: list[Sentence] = []
    for para in paragraphs:
        for s, e in tokenizer.span_tokenize(para.text):
            start, end = para.start + s, para.start + e
            sentences.append(Sentence(len(sentences) + 1, para.id, start, end, body[start:end]))
    return sentences


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
