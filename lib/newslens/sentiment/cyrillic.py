"""Sentiment of Russian and Ukrainian sentences, and toward a named entity in a sentence, with VADER's rules.

Input is the token list of ``newslens.text.cyrillic.tokens`` (pymorphy3 lemmas), so a word matches the lexicon in
any of its inflected forms. The lexicons (``data/sentiment_ru.csv``, ``data/sentiment_uk.csv``) were written for
this project by translating the VADER entries that matter in news and reviewing them for their news sense ("удар"
is a strike, "силы" are armed forces and neutral); each row keeps its English source word(s). Provenance and
licence: the files' headers and docs/sentiment-ru-uk.md.

The rules are VADER's (Hutto and Gilbert 2014), with their constants, applied to lemmas:

- negation: a negator among the three words before a lexicon word ("не", "ни", "нет", "без"; "не", "ні",
  "немає", "без") multiplies its valence by -0.74 ("не поддержит" is negative, "без проблем" positive);
  "не просто", "не лише", "не только" (not merely) negate nothing;
- boosters and dampeners among the three words before ("очень", "крайне", "весьма"; "дуже", "вкрай"; "слегка",
  "трохи") add or take 0.293 in the direction of the valence, less with distance (x1, x0.95, x0.9);
- contrast: with "но"/"однако" ("але"/"проте"/"однак"), words before it count half and words after it 1.5 times,
  as VADER does for "but";
- so-called (the project's rule): a positive word among the three after "так называемый" / "так званий"
  counts 0 (scare quotes);
- look-up (the project's): an unknown hyphenated compound by its parts ("державою-терористом": "терорист"); a
  Ukrainian word also by its other dictionary readings (they tie: "війни" is read first as the verb "війнути");
- compound: the sum of valences normalised as VADER does, s / sqrt(s^2 + 15), in [-1, 1]; pos/neg/neu are
  VADER's shares (a positive word counts its valence + 1, a negative one its valence - 1, any other word 1).

``target_scores`` scores the same way but only the words near one entity mention: words of the entity's clause
(a clause ends at , ; : ( ) a dash, or a contrast word) weigh 1 and the other words of the sentence within
``window`` words weigh ``outside``, nearer words can count more (``decay``); the entity's own words do not
count. The defaults were chosen on the
RuSentNE-2023 training split (bench/rusentne.py, bench/results/rusentne.md). For Russian, a model fitted on
that split (``newslens.sentiment.target_ru``) reads the same mention better and uses this score as a feature.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import lru_cache

from ..paths import DATA_DIR
from ..text.cyrillic import CYRILLIC_LANGUAGES, Token, own_language, reading_lemmas
from ..text.cyrillic import lemma as lemma_of   # a name of its own: `lemma` is a common local name here

LEXICON_FILES = {"ru": DATA_DIR / "sentiment_ru.csv", "uk": DATA_DIR / "sentiment_uk.csv"}

# VADER's constants (vaderSentiment 3.3.2): booster increment, negation scalar, normalisation alpha.
B_INCR = 0.293
N_SCALAR = -0.74
ALPHA = 15
BEFORE_CONTRAST, AFTER_CONTRAST = 0.5, 1.5
SCOPE = 3                      # words before a lexicon word that a negator or booster reaches, as in VADER
BOOSTER_DECAY = (1.0, 0.95, 0.9)

NEGATORS = {
    "ru": frozenset("не ни нет без никогда ничуть".split()),
    "uk": frozenset("не ні немає нема без ніколи аніскільки".split()),
}
BOOSTERS = {
    "ru": frozenset("очень крайне весьма чрезвычайно чрезмерно особенно абсолютно совершенно полностью "
                    "глубоко сильно невероятно исключительно резко крайний".split()),
    "uk": frozenset("дуже вкрай вельми надзвичайно надмірно особливо абсолютно цілком повністю глибоко "
                    "сильно неймовірно винятково різко".split()),
}
DAMPENERS = {
    "ru": frozenset("слегка немного чуть отчасти частично едва почти несколько довольно".split()),
    "uk": frozenset("трохи злегка трішки дещо частково ледь майже досить".split()),
}
# "не просто", "не лише", "не только" (not merely): the "не" adds to what follows, it negates nothing.
NOT_MERELY = {
    "ru": frozenset("просто только лишь".split()),
    "uk": frozenset("просто лише тільки лиш".split()),
}
CONTRASTS = {
    "ru": frozenset("но однако".split()),
    "uk": frozenset("але проте однак".split()),
}
# "so-called": "так" then a participle beginning so; a positive word in the three words after it is in scare quotes
# («так званої дружби», «так называемые миротворцы») and counts 0. Matched on the word, not the lemma: Russian
# participles are lemmatised to their verb, and "так называют" (so they call it) is no scare quote.
SO_CALLED = {
    "ru": ("так", "называем"),
    "uk": ("так", "зван"),
}
CLAUSE_MARKS = frozenset(",;:()\u2013\u2014-")

# target_scores defaults, chosen on the RuSentNE-2023 training split (bench/rusentne.py)
TARGET_WINDOW = 20
TARGET_OUTSIDE = 0.6
TARGET_DECAY = 2.0
TARGET_THRESHOLD = 0.0      # any sentiment word in reach decides: RuSentNE's training split prefers recall


def _check_lang(lang: str) -> None:
    if lang not in CYRILLIC_LANGUAGES:
        raise ValueError(f"no sentiment lexicon for language {lang!r}; choose from {', '.join(CYRILLIC_LANGUAGES)}")


@lru_cache(maxsize=None)
def lexicon(lang: str) -> dict[str, float]:
    """lemma -> valence (VADER's -4..+4 scale) of ``lang``'s lexicon; '#' lines are its provenance header."""
    _check_lang(lang)
    path = LEXICON_FILES[lang]
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    out = {}
    for n, row in enumerate(rows, start=1):
        try:
            lemma, valence = row["lemma"].strip(), float(row["valence"])
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"{path.name} data row {n}: needs a lemma and a numeric valence, got {row}") from None
        if not lemma or not -4.0 <= valence <= 4.0:
            raise ValueError(f"{path.name} data row {n}: empty lemma or valence outside -4..4 ({row})")
        out[lemma] = valence
    return out


# Ukrainian: the dictionary has no frequencies, its readings tie and the first wins, so a word whose chosen lemma
# is not in the lexicon is also looked up by the lemmas of its other readings: «війни», «війну» are read first as
# the rare verb «війнути» (noun «війна»), «кризи» as «криз» (noun «криза»), «била» as the noun «било» (verb
# «бити»), and substantivised neuter adjectives ("погане") are nouns of their own that win over the adjective
# ("поганий"). Not for Russian, whose readings are ranked and where taking any reading finds wrong words
# ("вышли" is also the imperative of "выслать", expel; "благодаря" the gerund of "благодарить").
OTHER_READINGS = frozenset({"uk"})


def _lookup(word: str, lemma: str, lex: dict, lang: str) -> float | None:
    if lemma in lex:
        return lex[lemma]
    if lang in OTHER_READINGS:
        for other in reading_lemmas(word, lang):
            if other in lex:
                return lex[other]
    return None


def _valence(token: Token, lex: dict, lang: str) -> float:
    word = token.text.lower()
    valence = _lookup(word, token.lemma.lower(), lex, lang)
    if valence is None and "-" in word:
        # a hyphenated compound the dictionary does not know is one unknown lemma ("державою-терористом" ->
        # "державою-терорист"): its parts are looked up instead, and the mean of those in the lexicon taken
        found = [v for part in word.split("-") if part
                 if (v := _lookup(part, lemma_of(part, lang), lex, lang)) is not None]
        valence = sum(found) / len(found) if found else None
    return valence or 0.0


@dataclass(frozen=True)
class _Word:
    index: int          # position among the sentence's tokens
    lemma: str
    valence: float      # after negation, boosters and contrast weighting; 0 for a word outside the lexicon


def word_valences(tokens: list[Token], lang: str, contrast: bool = True) -> list[_Word]:
    """Each word token with its valence in context (VADER's negation and booster rules, and with ``contrast``
    its contrast weighting)."""
    _check_lang(lang)
    lex, negators = lexicon(lang), NEGATORS[lang]
    boosters, dampeners, contrasts = BOOSTERS[lang], DAMPENERS[lang], CONTRASTS[lang]
    words = [(i, t.lemma.lower()) for i, t in enumerate(tokens) if t.is_word]
    lemmas = [lemma for _, lemma in words]
    last_contrast = max((k for k, lemma in enumerate(lemmas) if lemma in contrasts), default=-1)
    so, called = SO_CALLED[lang]
    texts = [tokens[i].text.lower() for i, _ in words]
    merely = NOT_MERELY[lang]
    # a negator followed by "просто"/"лише"/... negates nothing: its position is left out of the negation check
    not_negating = {k for k in range(len(texts) - 1) if lemmas[k] in negators and texts[k + 1] in merely}
    so_called = [k for k in range(1, len(texts)) if texts[k - 1] == so
                 and texts[k].startswith(called) and len(texts[k]) > len(called)]   # not "так называем" (we call)
    in_quotes = set()           # words a "so-called" reaches
    for k in so_called:
        in_quotes.update(range(k + 1, k + 1 + SCOPE))
    out = []
    for k, (i, lemma) in enumerate(words):
        valence = _valence(tokens[i], lex, lang)
        if valence:
            before = lemmas[max(0, k - SCOPE):k]
            for distance, prev in enumerate(reversed(before)):
                step = B_INCR if prev in boosters else -B_INCR if prev in dampeners else 0.0
                # away from zero for a booster, toward zero for a dampener, whatever the valence's sign
                valence += math.copysign(1.0, valence) * step * BOOSTER_DECAY[distance]
            if any(prev in negators and k - len(before) + j not in not_negating for j, prev in enumerate(before)):
                valence *= N_SCALAR
            if k in in_quotes and valence > 0:
                valence = 0.0
            if contrast and last_contrast >= 0:
                valence *= BEFORE_CONTRAST if k < last_contrast else AFTER_CONTRAST if k > last_contrast else 1.0
        out.append(_Word(i, lemma, valence))
    return out


def _normalise(total: float) -> float:
    return max(-1.0, min(1.0, total / math.sqrt(total * total + ALPHA))) if total else 0.0


def _scores(valences: list[float], weights: list[float]) -> dict:
    total = sum(v * w for v, w in zip(valences, weights))
    pos = sum((v + 1) * w for v, w in zip(valences, weights) if v > 0)
    neg = sum((v - 1) * w for v, w in zip(valences, weights) if v < 0)
    neu = sum(w for v, w in zip(valences, weights) if v == 0)
    whole = pos + abs(neg) + neu
    share = (lambda x: round(abs(x) / whole, 3)) if whole else (lambda x: 0.0)
    return {"compound": round(_normalise(total), 4), "pos": share(pos), "neg": share(neg), "neu": share(neu),
            "words": sum(1 for w in weights if w > 0)}


def sentence_scores(tokens: list[Token], lang: str) -> dict:
    """VADER-style scores of one sentence: compound in [-1, 1], pos/neg/neu shares, number of words.

    ``tokens``: ``newslens.text.cyrillic.tokens(sentence, lang)``; ``lang``: "ru" or "uk", the text's language.
    A sentence in the other language (``text.cyrillic.sentence_language``: a Russian quotation in a Ukrainian
    text) is read and scored in its own, with its own lexicon.
    """
    _check_lang(lang)
    tokens, lang = own_language(tokens, lang)
    words = word_valences(tokens, lang)
    return _scores([w.valence for w in words], [1.0] * len(words))


def _clause_ids(tokens: list[Token], lang: str) -> list[int]:
    """The clause number of each token: a clause ends at , ; : ( ) or a dash, and at a contrast word."""
    contrasts, ids, n = CONTRASTS[lang], [], 0
    for t in tokens:
        if t.text in CLAUSE_MARKS or t.lemma.lower() in contrasts:
            n += 1
        ids.append(n)
    return ids


def _distance(k: int, first: int, last: int) -> int:
    return first - k if k < first else k - last if k > last else 0


def target_scores(sentence_tokens: list[Token], target_span: tuple[int, int], lang: str, *,
                  window: int = TARGET_WINDOW, outside: float = TARGET_OUTSIDE, decay: float = TARGET_DECAY,
                  threshold: float = TARGET_THRESHOLD, include_target: bool = False) -> dict:
    """Sentiment toward the entity at ``target_span`` (character offsets [start, end) in the text the tokens
    came from) in one sentence.

    Words of the entity's clause weigh 1; other words within ``window`` words of the entity weigh ``outside``;
    the rest 0. With ``decay`` > 0 every weight is further multiplied by 1 / (1 + d / decay), d the number of
    words between the word and the entity, so nearer words count more. The entity's own words count only with
    ``include_target``. Returns the scores of
    ``sentence_scores`` over the weighted words plus ``label``: 1 if compound > threshold, -1 if
    compound < -threshold, else 0.
    """
    start, end = target_span
    if not start < end:
        raise ValueError(f"target_span {target_span!r} is empty: expected (start, end) with start < end")
    inside = [i for i, t in enumerate(sentence_tokens) if t.start < end and t.end > start]
    if not inside:
        raise ValueError(f"target_span {target_span!r} covers no token of the sentence")
    first, last = inside[0], inside[-1]
    clause = _clause_ids(sentence_tokens, lang)
    target_clauses = {clause[i] for i in inside}
    # no contrast weighting here: the contrast word ends the entity's clause, which already separates the
    # two sides ("похвалила Анкару, но осудила Киев": each side is scored toward its own entity)
    words = word_valences(sentence_tokens, lang, contrast=False)
    # word distance: count word tokens between the entity and each word
    word_pos = {w.index: k for k, w in enumerate(words)}
    first_w = min((k for i, k in word_pos.items() if i >= first), default=0)
    last_w = max((k for i, k in word_pos.items() if i <= last), default=first_w)
    valences, weights = [], []
    for k, w in enumerate(words):
        if first <= w.index <= last:
            weight = 1.0 if include_target else 0.0
        elif clause[w.index] in target_clauses:
            weight = 1.0
        else:
            weight = outside if _distance(k, first_w, last_w) <= window else 0.0
        if decay and weight:
            weight /= 1 + _distance(k, first_w, last_w) / decay
        valences.append(w.valence)
        weights.append(weight)
    scores = _scores(valences, weights)
    c = scores["compound"]
    scores["label"] = 1 if c > threshold else -1 if c < -threshold else 0
    return scores
