"""Keyness and collocations of a Russian or Ukrainian article, on lemmas, against general Russian or
Ukrainian (wordfreq's "large" lists for ``ru`` and ``uk``).

Why lemmas: a Russian or Ukrainian noun has a dozen case forms and a verb several dozen, so word forms split
one word's count into many small ones. Each word is counted under one pymorphy3 lemma: where one of its
readings is a naming choice of the framing lexicon, that name ("Києві" is Київ, not the given name Кий); a
capitalised word with a proper-name reading, that name ("Песков", not "песок"); a word the dictionary does not
know, the word as written (no guessed lemma); else the normal form of its readings with the largest expected
frequency: the lemma's reference frequency (below: summed over its forms) times the share of the word's
readings, by the dictionary's scores, that are that lemma's; the Ukrainian dictionary's scores tie, so there the
summed frequency alone ("мая" is май, not the name Мая; "європи" is європа, not a plural-only "європи";
"війни" is війна, not the verb війнути; "дати" the verb, not the plural of дата). A word with a function-word
reading ("проти": adverb and preposition) is counted under that reading, as a stop word, unless it is read
as a proper name.

Sentences in the other language (``text.cyrillic.sentence_language``: a Russian address quoted in a Ukrainian
text) are left out of keyness and collocations, and of the article's size: their words are neither over-used
words of the article's language nor comparable with its reference list.

Reference: wordfreq gives frequencies of word forms, not of lemmas. A lemma's reference frequency is the sum
of wordfreq's frequencies of every form in its pymorphy3 paradigm (``lexeme``), each under both spellings
with "ё" and "е" (wordfreq keeps "ещё" and "еще" apart). A form shared by two lemmas ("стали": стать, сталь)
counts for both, so a lemma with a homonym gets a reference frequency that is too high (its over-use is
under-stated). The measures, the assumed reference size and the floor for a lemma wordfreq does not know
(half its smallest listed frequency) are those of ``framing.keyness``.

Stop words: the words with a function-word reading by pymorphy3's part of speech (prepositions,
conjunctions, particles, interjections, pronouns and pronominal adjectives) and the verb "to be" (быть, бути). They count in the
article's size but are not listed; no list file is needed. Under-use candidates: the lemmas of wordfreq's
``UNDERUSE_CANDIDATES`` most frequent forms of the language that are not stop words.

Collocations: NLTK's finders (as ``framing.collocations``) over the lemmas of each sentence, quoted titles
left out, stop words and tokens without a letter filtered out after counting.

wordfreq's code is Apache 2.0; its word lists are CC BY-SA 4.0 (Speer et al., wordfreq 3); they are read from
the installed package, not copied into this repository.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from itertools import accumulate

import pandas as pd
from wordfreq import get_frequency_dict, top_n_list

from ..schema import COLLOCATIONS, KEYNESS, conform
from ..stats import g2, log_ratio, p_band
from ..text.cyrillic import PROPER_NAME_TAGS, morph_analyzer, sentence_language
from ..text.cyrillic_forms import fold, normal_forms
from ..text.segment_cyrillic import sentence_tokens
from .cyrillic import load_lexicon
from .keyness import REFERENCE_SIZE, UNDERUSE_CANDIDATES, WORDLIST

STOP_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO"})
STOP_GRAMMEMES = frozenset({"Apro"})          # этот, который, свой: pronouns in the form of adjectives
STOP_LEMMAS = frozenset({"быть", "бути"})
MIN_COUNT = 2
STOPWORD_POLICY = (
    "Stop words of a Russian or Ukrainian article are its function words by pymorphy3's part of speech "
    "(prepositions, conjunctions, particles, interjections, pronouns and pronominal adjectives) and the verb "
    "'to be' (быть, бути); no list file. They are dropped from keyness and collocations only, which read "
    "lemmas. They are kept for lexicon matching, quotations and repetition, and they count in the word total "
    "behind every rate per 1,000 words."
)
_APOSTROPHE = str.maketrans({"\u2019": "'", "\u02bc": "'", "`": "'"})


def _key(word: str) -> str:
    """A lemma as keyness lists it: lower case, ASCII apostrophe ("ё" kept, as the dictionaries write it)."""
    return word.translate(_APOSTROPHE).lower()


def _is_stop(lemma: str, tag: str) -> bool:
    grammemes = set(tag.replace(" ", ",").split(","))
    return lemma in STOP_LEMMAS or bool(grammemes & STOP_POS) or bool(grammemes & STOP_GRAMMEMES)


@lru_cache(maxsize=2)
def _naming_names(lang: str) -> frozenset[str]:
    """The framing lexicon's one-word naming choices of ``lang``, folded: a word that can be read as one of
    them is counted under it."""
    return frozenset(fold(e.term) for e in load_lexicon().of(lang) if e.category == "naming_choice"
                     and " " not in e.term)


@lru_cache(maxsize=200_000)
def _common_lemma(word: str, lang: str) -> str:
    """A lower-case word's lemma for keyness: the word as written when the dictionary does not know it (a
    guessed lemma is often no word: "понимаете" read as Ukrainian gives "понимаути"), else the normal form
    of its parses with the largest expected frequency: the lemma's summed reference frequency over its forms
    times its share of the parses' scores where the dictionary has scores (Russian), the summed frequency alone
    where they tie (Ukrainian) ("мая" is май, not the name Мая; "європи" is європа; "дати" the verb)."""
    analyser = morph_analyzer(lang)
    if not analyser.word_is_known(word):
        return _key(word)
    parses = analyser.parse(word)
    share: dict[str, float] = {}
    for p in parses:
        share[_key(p.normal_form)] = share.get(_key(p.normal_form), 0.0) + p.score
    if len({p.score for p in parses}) == 1:
        # scores that tie (the Ukrainian dictionary has none) say nothing: a count of case readings would favour
        # a noun's plural ("дати": дата, 3 readings) over the verb (дати, 1)
        share = dict.fromkeys(share, 1.0)
    return max(sorted(share), key=lambda lemma: share[lemma] * reference_frequency(lemma, lang)[0])


@lru_cache(maxsize=200_000)
def function_lemma(word: str, lang: str) -> str:
    """The lemma of a lower-case word's first function-word reading ("проти": the preposition, though the adverb
    reading comes first), "" when it has none."""
    return next((_key(p.normal_form) for p in morph_analyzer(lang).parse(word)
                 if _is_stop(_key(p.normal_form), str(p.tag))), "")


def lemma_of(token, lang: str) -> str:
    """The lemma keyness counts a token under (see the module docstring)."""
    named = normal_forms(token.text, lang) & _naming_names(lang)
    if named and fold(token.lemma) not in named:
        return min(named)
    grammemes = set(token.tag.replace(" ", ",").split(","))
    if token.text[:1].isupper() and grammemes & PROPER_NAME_TAGS:
        return _key(token.lemma)            # a name keeps its name reading ("Песков", not "песок")
    return _common_lemma(_key(token.text), lang)


@lru_cache(maxsize=2)
def _frequencies(lang: str) -> dict[str, float]:
    return get_frequency_dict(lang, wordlist=WORDLIST)


@lru_cache(maxsize=2)
def unseen_frequency(lang: str) -> float:
    """Half the smallest frequency in wordfreq's list of ``lang``: the floor for a lemma it does not know."""
    return min(_frequencies(lang).values()) / 2


@lru_cache(maxsize=65536)
def paradigm(lemma: str, lang: str) -> frozenset[str]:
    """The lemma and every form of each pymorphy3 parse whose normal form it is, lower case."""
    forms = {lemma}
    for parse in morph_analyzer(lang).parse(lemma):
        if _key(parse.normal_form) == lemma or fold(parse.normal_form) == fold(lemma):
            forms.update(_key(f.word) for f in parse.lexeme)
    return frozenset(forms)


@lru_cache(maxsize=65536)
def reference_frequency(lemma: str, lang: str) -> tuple[float, bool]:
    """(the summed wordfreq frequency of the lemma's forms, whether it is the floor for an unknown lemma)."""
    freq = _frequencies(lang)
    spellings = {s for form in paradigm(lemma, lang) for s in (form, form.replace("ё", "е"))}
    total = sum(freq.get(s, 0.0) for s in spellings)
    return (unseen_frequency(lang), True) if total == 0 else (total, False)


@lru_cache(maxsize=8)
def _underuse_candidates(lang: str, n: int) -> frozenset[str]:
    """The non-stop lemmas of wordfreq's ``n`` most frequent forms of ``lang`` (letters only, longer than one)."""
    out = set()
    for word in top_n_list(lang, n, wordlist=WORDLIST):
        if not word.replace("'", "").isalpha() or len(word) < 2:
            continue
        parses = morph_analyzer(lang).parse(word)
        # a common form with any function-word reading ("до", "як") is left out
        if parses and not any(_is_stop(_key(p.normal_form), str(p.tag)) for p in parses):
            out.add(_key(parses[0].normal_form))
    return frozenset(out)


def lemma_sentences(article, quotes=()) -> tuple[dict[tuple[int, int], list[str]], set[str]]:
    """{(sentence id, segment): the lemmas of its words}, quoted titles left out (a title splits its sentence
    into segments, as in ``framing.collocations``), and the set of lemmas read as stop words. A sentence in the
    other language is left out (the module docstring)."""
    titles = sorted((q.start, q.end) for q in quotes if q.is_title)
    title_starts = [s for s, _ in titles]
    title_reach = list(accumulate((e for _, e in titles), max))    # the furthest end of the titles so far
    lang = article.language
    out: dict[tuple[int, int], list[str]] = {}
    stops: set[str] = set()
    for sid, toks in sentence_tokens(article).items():
        if sentence_language(toks, lang) != lang:
            continue
        segment, previous_in_title = 0, False
        for t in toks:
            # inside a title: some title starting at or before the token reaches past its end
            j = bisect_right(title_starts, t.start) - 1
            in_title = j >= 0 and title_reach[j] >= t.end
            if in_title and not previous_in_title:
                segment += 1
            previous_in_title = in_title
            if in_title or not t.is_word:
                continue
            lemma = lemma_of(t, lang)
            name = t.text[:1].isupper() and bool(set(t.tag.replace(" ", ",").split(",")) & PROPER_NAME_TAGS)
            function = "" if name else function_lemma(_key(t.text), lang)
            if function:
                lemma = function            # "проти" the preposition, not the adverb
            if function or _is_stop(_key(t.lemma), t.tag):
                stops.add(lemma)
            out.setdefault((sid, segment), []).append(lemma)
    return out, stops


def keyness_table(article, quotes=(), reference_size: int = REFERENCE_SIZE,
                  underuse_candidates: int = UNDERUSE_CANDIDATES, lemmas=None) -> pd.DataFrame:
    """keyness.csv of a Russian or Ukrainian article: every non-stop lemma, plus the common lemmas of the
    language it never uses, with G2 and log-ratio (the columns and order of the English table). ``lemmas``:
    ``lemma_sentences(article, quotes)``, if the caller has it."""
    lang = article.language
    by_sentence, stops = lemmas or lemma_sentences(article, quotes)
    counts = Counter(lemma for lemmas in by_sentence.values() for lemma in lemmas)
    c, d = sum(counts.values()), reference_size
    if not c:
        return conform(pd.DataFrame(columns=KEYNESS.column_names()), KEYNESS)
    candidates = []
    for lemma in sorted((set(counts) - stops) | (_underuse_candidates(lang, underuse_candidates) - set(counts))):
        if not any(ch.isalpha() for ch in lemma):
            continue
        candidates.append((lemma, counts.get(lemma, 0), *reference_frequency(lemma, lang)))
    a_all = [a for _, a, _, _ in candidates]
    b_all = [f * d for _, _, f, _ in candidates]
    g2_all, lr_all = g2(a_all, b_all, c, d).tolist(), log_ratio(a_all, b_all, c, d).tolist()
    rows = []
    for (lemma, a, _, floored), b, value, ratio in zip(candidates, b_all, g2_all, lr_all):
        over = a / c > b / d
        if not over and a == 0 and value < 0:
            continue
        rows.append({"word": lemma, "direction": "over" if over else "under", "article_count": a,
                     "article_per_million": round(1e6 * a / c, 1), "reference_per_million": round(1e6 * b / d, 3),
                     "reference_floor": floored, "expected_count": round(c * b / d, 3), "g2": round(value, 2),
                     "log_ratio": round(ratio, 2), "p_band": p_band(value)})
    rows.sort(key=lambda r: (r["direction"], -r["g2"], r["word"]))
    return conform(pd.DataFrame(rows, columns=KEYNESS.column_names()), KEYNESS)


def collocations_table(article, quotes=(), min_count: int = MIN_COUNT, lemmas=None) -> pd.DataFrame:
    """collocations.csv of a Russian or Ukrainian article: lemma pairs and triples seen at least ``min_count``
    times inside a sentence, scored by NLTK's likelihood ratio. ``lemmas``: as for ``keyness_table``."""
    from nltk.collocations import (BigramAssocMeasures, BigramCollocationFinder, TrigramAssocMeasures,
                                   TrigramCollocationFinder)   # only with the collocations extra, as in English

    by_sentence, stops = lemmas or lemma_sentences(article, quotes)
    documents = [by_sentence[k] for k in sorted(by_sentence)]

    def drop(word: str) -> bool:
        return word in stops or not any(ch.isalpha() for ch in word)

    rows = []
    for n, finder_class, measures in ((2, BigramCollocationFinder, BigramAssocMeasures()),
                                      (3, TrigramCollocationFinder, TrigramAssocMeasures())):
        finder = finder_class.from_documents(documents)
        finder.apply_freq_filter(min_count)
        finder.apply_word_filter(drop)
        wanted = set(finder.ngram_fd)
        sentences_of: dict[tuple, set[int]] = {}
        for (sid, _), lemmas in by_sentence.items():
            for i in range(len(lemmas) - n + 1):
                gram = tuple(lemmas[i:i + n])
                if gram in wanted:
                    sentences_of.setdefault(gram, set()).add(sid)
        for gram in wanted:
            try:
                score = finder.score_ngram(measures.likelihood_ratio, *gram)
            except ValueError:      # NLTK's formula fails on degenerate counts: no score, no row
                continue
            if score is None:
                continue
            rows.append({"ngram": " ".join(gram), "n": n, "count": finder.ngram_fd[gram],
                         "likelihood_ratio": round(score, 2),
                         "sentence_ids": ";".join(map(str, sorted(sentences_of.get(gram, ()))))})
    rows.sort(key=lambda r: (r["n"], -r["likelihood_ratio"], r["ngram"]))
    return conform(pd.DataFrame(rows, columns=COLLOCATIONS.column_names(["collocations"])), COLLOCATIONS,
                   ["collocations"])
