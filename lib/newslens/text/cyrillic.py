"""Sentences, word tokens and lemmas of Russian and Ukrainian text, for every stage that reads them.

razdel (MIT, Natasha project) splits sentences and tokens for Russian; it serves Ukrainian too, which shares
the script and the punctuation. razdel cuts a word at an ASCII or typographic apostrophe ("м", "'", "ясо"),
so ``tokens`` joins such pieces back into one word ("м'ясо", "Слов’янськ", "прем'єр-міністр") and parses it
with the apostrophe the Ukrainian dictionary uses (ASCII "'"; it does not know "м’ясо"). pymorphy3 with its OpenCorpora
(Russian) and VESUM-based (Ukrainian) dictionaries gives each word's lemma and grammatical tags; both dictionary
packages state CC BY-SA 3.0 for their data (the Ukrainian package's metadata also says GPLv3: we ship neither
dictionary, we depend on the installed package).

One ``Token`` per word or punctuation mark, with its character offsets in the text it came from, so every
reading stays traceable to the words behind it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import re

import razdel

from .language import RUSSIAN_LETTERS, UKRAINIAN_LETTERS

CYRILLIC_LANGUAGES = ("ru", "uk")


@dataclass(frozen=True)
class Token:
    """One token: its text, offsets [start, end) in the source text, lemma (lower case) and pymorphy3 tag."""

    text: str
    start: int
    end: int
    lemma: str
    tag: str

    @property
    def is_word(self) -> bool:
        return any(ch.isalpha() for ch in self.text)


@lru_cache(maxsize=None)
def morph_analyzer(lang: str):
    """The pymorphy3 analyser of ``lang`` ("ru" or "uk"), loaded once per process (about 0.1 s)."""
    if lang not in CYRILLIC_LANGUAGES:
        raise ValueError(f"no morphology for language {lang!r}; choose from {', '.join(CYRILLIC_LANGUAGES)}")
    import pymorphy3   # imported on first use: English-only runs never pay for the dictionaries

    return pymorphy3.MorphAnalyzer(lang=lang)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) offsets of each sentence of ``text`` (razdel's sentence splitter)."""
    return [(s.start, s.stop) for s in razdel.sentenize(text)]


# pymorphy3's tags for proper names: a capitalised word prefers such a reading ("Песков" is the surname, not
# the plural genitive of "песок", sand).
PROPER_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


def _grammemes(tag) -> set:
    # A set of grammeme names: the Ukrainian tag set lacks some Russian ones (Geox), and `in` on a tag raises on those.
    return set(str(tag).replace(" ", ",").split(","))


# Apostrophes inside a word, as Ukrainian writes them: ASCII, typographic (U+2019), the modifier letter (U+02BC).
APOSTROPHES = frozenset("'\u2019\u02bc")
_TO_ASCII_APOSTROPHE = str.maketrans({"\u2019": "'", "\u02bc": "'"})


@lru_cache(maxsize=200_000)
def _parse(word: str, lang: str) -> tuple[str, str]:
    parses = morph_analyzer(lang).parse(word.translate(_TO_ASCII_APOSTROPHE))
    best = parses[0]
    if word[:1].isupper():
        best = next((p for p in parses if _grammemes(p.tag) & PROPER_NAME_TAGS), best)
    return best.normal_form, str(best.tag)


def lemma(word: str, lang: str) -> str:
    """The lemma ``tokens`` gives ``word`` (lower case), for a word met outside a token list (a part of a
    hyphenated compound)."""
    return _parse(word, lang)[0]


@lru_cache(maxsize=200_000)
def reading_lemmas(word: str, lang: str, parts_of_speech: frozenset[str] | None = None) -> tuple[str, ...]:
    """Lemmas of all dictionary readings of ``word`` (only those whose part of speech, pymorphy3's POS, is in
    ``parts_of_speech`` if given), in the dictionary's order, without repeats.

    For a caller matching lemmas against its own word list when the reading ``tokens`` chose is not on it: the
    Ukrainian dictionary has no frequencies, its readings all tie and the first wins, so «війни», «війну» are
    read as the rare verb «війнути» rather than as the noun «війна».
    """
    parses = morph_analyzer(lang).parse(word.translate(_TO_ASCII_APOSTROPHE))
    return tuple(dict.fromkeys(p.normal_form for p in parses
                               if parts_of_speech is None or p.tag.POS in parts_of_speech))


def _word_spans(text: str) -> list[tuple[int, int]]:
    """razdel's token spans, with a word, an apostrophe and a word written together joined into one."""
    spans = [(t.start, t.stop) for t in razdel.tokenize(text)]
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(spans):
        start, stop = spans[k]
        while (k + 2 < len(spans) and text[stop - 1:stop].isalpha() and spans[k + 1] == (stop, stop + 1)
               and text[stop] in APOSTROPHES and spans[k + 2][0] == stop + 1 and text[stop + 1:stop + 2].isalpha()):
            stop = spans[k + 2][1]
            k += 2
        out.append((start, stop))
        k += 1
    return out


def tokens(text: str, lang: str) -> list[Token]:
    """Tokens of ``text`` with lemma and tag; punctuation and numbers keep their own text as lemma."""
    out = []
    for start, stop in _word_spans(text):
        word = text[start:stop]
        if any(ch.isalpha() for ch in word):
            lemma, tag = _parse(word, lang)
        else:
            lemma, tag = word, "PNCT"
        out.append(Token(word, start, stop, lemma, tag))
    return out


_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\u02bc][^\W\d_]+)*")     # "п'ять" one word, as ``tokens`` reads it


@lru_cache(maxsize=200_000)
def _known(word: str, lang: str) -> bool:
    return morph_analyzer(lang).word_is_known(word)


def written_in(sentence: str, lang: str) -> str:
    """The language of one sentence of a Russian (``lang="ru"``) or Ukrainian (``"uk"``) text: a Russian sentence
    inside a Ukrainian text (a quotation, an address to Russians) has letters only Russian writes (ы, э, ё) and
    none only Ukrainian writes (і, ї, є, ґ), and the other way round. A sentence with neither ("Что они
    сделали?", "Вот такие приказы.") is in the other language when the other's dictionary knows more of its
    words than the text language's does; any other sentence is the text's language."""
    lowered = sentence.lower()
    letters = set(lowered)
    own, other = (UKRAINIAN_LETTERS, RUSSIAN_LETTERS) if lang == "uk" else (RUSSIAN_LETTERS, UKRAINIAN_LETTERS)
    other_lang = "ru" if lang == "uk" else "uk"
    if letters & own:
        return lang
    if letters & other:
        return other_lang
    words = _WORD.findall(lowered.translate(_TO_ASCII_APOSTROPHE))
    return other_lang if sum(_known(w, other_lang) for w in words) > sum(_known(w, lang) for w in words) else lang


def sentence_language(sentence_tokens: list[Token], lang: str) -> str:
    """The language of one sentence of a ``lang`` text, from its tokens (``written_in``): "ru" for a Russian
    sentence quoted in a Ukrainian text, and the other way round."""
    return written_in(" ".join(t.text for t in sentence_tokens), lang)


def in_language(sentence_tokens: list[Token], lang: str) -> list[Token]:
    """The same tokens (text, offsets) with the lemmas and tags of ``lang``'s dictionary: a sentence tokenized
    as part of a text in the other language, read in its own."""
    return [Token(t.text, t.start, t.end, *_parse(t.text, lang)) if t.is_word else t for t in sentence_tokens]


def own_language(sentence_tokens: list[Token], lang: str) -> tuple[list[Token], str]:
    """(the tokens read in the sentence's own language, that language): ``sentence_language``, then
    ``in_language`` when it is not ``lang``."""
    own = sentence_language(sentence_tokens, lang)
    return (sentence_tokens if own == lang else in_language(sentence_tokens, own)), own
