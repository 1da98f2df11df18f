"""Every dictionary reading of a Russian or Ukrainian word, for matching names and lexicon terms in any case.

``text.cyrillic.tokens`` keeps one lemma per word (the likeliest parse). That lemma is sometimes wrong for
a place name: pymorphy3's Ukrainian dictionary reads "Києві" first as a case of the given name "Кий". So
matching looks at the set of normal forms of all parses of a word, plus the word itself: "Києві" gives
{"києві", "кий", "київ"}, which holds "київ", the name as written in a gazetteer. A name or term is keyed by
its own spelling and its likeliest lemma (``key_forms``), and a text word matches it when the word's set holds
one of them. Spellings are folded (lower case, "ё" as "е", typographic apostrophes as "'") so "Черное" and
"Чёрное", "Мар’їнка" and "Мар'їнка" meet.
"""

from __future__ import annotations

from functools import lru_cache

from .cyrillic import morph_analyzer

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "Ё": "Е", "ё": "е"})


def fold(text: str) -> str:
    """Lower case, "ё" as "е", every apostrophe as "'"."""
    return text.translate(_APOSTROPHES).lower()


@lru_cache(maxsize=200_000)
def normal_forms(word: str, lang: str) -> frozenset[str]:
    """The folded word and the folded normal form of each of its pymorphy3 parses in ``lang``."""
    folded = fold(word)
    return frozenset({folded, *(fold(p.normal_form) for p in morph_analyzer(lang).parse(folded))})


@lru_cache(maxsize=50_000)
def key_forms(word: str, lang: str) -> frozenset[str]:
    """What a gazetteer name's or lexicon term's word is keyed by: its folded spelling and its likeliest lemma
    ("Черное" -> {"черное", "черный"}), not every reading ("Киев" is not keyed by "кий")."""
    folded = fold(word)
    parses = morph_analyzer(lang).parse(folded)
    return frozenset({folded, fold(parses[0].normal_form)} if parses else {folded})


@lru_cache(maxsize=200_000)
def grammemes(word: str, lang: str) -> frozenset[str]:
    """Every grammeme of every parse of ``word`` (case names such as "gent", "nomn"; "Surn", "VERB"...)."""
    out: set[str] = set()
    for p in morph_analyzer(lang).parse(word):
        out.update(str(p.tag).replace(" ", ",").split(","))
    return frozenset(out)


@lru_cache(maxsize=200_000)
def likeliest(word: str, lang: str) -> tuple[str, frozenset[str]]:
    """(folded normal form, grammemes) of the likeliest parse of the lower-cased word: its reading as a
    common word, to tell "Того" (the pronoun "того") from Togo."""
    parses = morph_analyzer(lang).parse(fold(word))
    if not parses:
        return fold(word), frozenset()
    best = parses[0]
    return fold(best.normal_form), frozenset(str(best.tag).replace(" ", ",").split(","))
