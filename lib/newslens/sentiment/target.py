"""Sentiment toward one target mention in a sentence (target-dependent), offline and cheap.

``target_sentiment(sentence, start, end)`` gives ("negative" | "neutral" | "positive", score) for the
mention ``sentence[start:end]``; ``score`` = P(positive) - P(negative) in [-1, 1].

Why: newslens's actor sentiment gives every actor the compound of the whole sentence that names it, so in
"The minister said the talks with Kiev were difficult." the minister is as negative as Kiev. Here the
sentence is read around the target:

- scope: where the sentence sets two evaluations against each other (but, while, whereas, yet, however,
  although, a semicolon; "Although X won, Y lost" at its first comma), the target's side of the contrast is
  its scope: "Critics praised Ankara but condemned Moscow" reads Ankara with "praised" and Moscow with
  "condemned". The sentence scores below are then those of the scope, and the window and valence sums stop at
  its edges;
- dense features: reference-VADER compound, pos and neg of the sentence (or scope); VADER compound of the
  clause holding the target and of a window of words on each side; sums of lexicon valence (VADER lexicon,
  negation within three words flips and damps a word as VADER does) left and right of the target, plain and
  decayed with distance; whether the target opens the sentence, is followed by a speech verb (a speaker is
  mostly neutral), sits inside quotation marks, is a pronoun; the sentence's length;
- sparse features: the lemmas within ``WINDOW`` words left ("L:") and right ("R:") of the target, every lemma
  of the sentence ("S:"), the adjacent word and word pair on each side ("L1:", "R1:", "L2:", "R2:"); never
  the target's own words nor names (capitalised words, and a capitalised first word that is no English
  word: "Clinton said"): a name's prior in one data set (US politics 2017-2019) is no evidence about
  another article.

A multinomial logistic regression (L2) over these, fitted with numpy by ``bench/actor_sentiment_validity.py``
on the NewsMTSC training split (Hamborg & Donnay 2021, EACL; MIT licence; github.com/fhamborg/NewsMTSC),
combines them. The coefficients ship in ``data/target_sentiment_model.csv`` (provenance beside it in
``data/target_sentiment_model.md``); nothing is downloaded and no model library is needed at run time.

Quality (NewsMTSC test sets, see bench/results/actor_sentiment_validity.md): better than whole-sentence
VADER, far below the paper's language-model classifier. It still reads words, not syntax: who does what to
whom is only approximated by left/right position and the contrast scope; a contrast carried by "and" ("called
X a friend and called Y a bully") is not split.
Cost: a few hundred microseconds per mention; the sentence's parse is cached for its other mentions.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from ..paths import DATA_DIR
from ..text.lemmas import lemmatize
from .scores import reference_analyzer, reference_polarity, scoring_text

MODEL_FILE = DATA_DIR / "target_sentiment_model.csv"
LABELS = ("negative", "neutral", "positive")
WINDOW = 6                  # words each side for the sparse L:/R: features and the window compound
DECAY = 4.0                 # words: e-folding distance of the decayed valence sums
NEGATION_REACH = 3          # words before a lexicon word in which a negation flips it (as VADER)
NEGATION_SCALAR = -0.74     # VADER's N_SCALAR
EXCLUDE_NAMES = True        # capitalised words after the first word are never sparse features
TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*|[0-9]+(?:[.,][0-9]+)*|[^\sA-Za-z0-9]")
CLAUSE_PUNCT = frozenset(",;:()[]—–")
CLAUSE_WORDS = frozenset({"but", "while", "whereas", "although", "though", "however", "yet", "because"})
# Words and marks that set two evaluations against each other ("praised X but condemned Y", "X flourished,
# while Y collapsed", "X won; Y lost"): the target's side of the contrast is its scope.
CONTRAST_WORDS = frozenset({"but", "while", "whereas", "yet", "however", "although", "though", "whilst"})
CONTRAST_MARKS = frozenset({";"})
# A sentence opening with one of these ("Although X won, Y lost") holds its contrast at the first comma.
SUBORDINATORS = frozenset({"although", "though", "while", "whereas", "whilst"})

SPEECH_VERBS = frozenset({
    "said", "says", "say", "told", "tells", "wrote", "writes", "added", "adds", "stated", "states",
    "according", "explained", "explains", "argued", "argues", "noted", "notes", "announced", "announces",
    "tweeted", "tweets", "asked", "asks", "replied", "continued", "claimed", "claims", "insisted", "insists",
})
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "hers", "their", "it", "i", "we",
                      "you", "me", "us"})
DENSE_FEATURES = (
    ("sent_compound", "reference-VADER compound of the whole sentence, or of the target's side of a contrast"),
    ("sent_pos", "reference-VADER share of positive valence, sentence or scope"),
    ("sent_neg", "reference-VADER share of negative valence, sentence or scope"),
    ("clause_compound", "reference-VADER compound of the clause holding the target"),
    ("window_compound", f"reference-VADER compound of the {WINDOW} words each side of the target, in its scope"),
    ("left_valence", "VADER-normalised sum of lexicon valence left of the target in its scope (negation applied)"),
    ("right_valence", "VADER-normalised sum of lexicon valence right of the target in its scope (negation applied)"),
    ("left_decayed", f"sum of valence * exp(-distance / {DECAY:g}) left of the target in its scope"),
    ("right_decayed", f"sum of valence * exp(-distance / {DECAY:g}) right of the target in its scope"),
    ("near_negative", "lexicon words with negative valence within 3 words of the target, in its scope"),
    ("near_positive", "lexicon words with positive valence within 3 words of the target, in its scope"),
    ("negation_near", "a negation word within 3 words after the target"),
    ("opens_sentence", "the target is the first word of the sentence (after quotes)"),
    ("speaker", "a speech verb (said, told, according ...) within 3 words after or 2 before the target"),
    ("in_quotes", "an odd number of quotation marks before the target"),
    ("pronoun", "the target is a pronoun"),
    ("relative_position", "where the target starts, as a share of the sentence's length"),
    ("log_words", "log of the sentence's number of words"),
)
DENSE_NAMES = tuple(name for name, _ in DENSE_FEATURES)


def _normalise(total: float, alpha: float = 15.0) -> float:
    """VADER's normalisation of a raw valence sum into (-1, 1)."""
    return total / math.sqrt(total * total + alpha)


@lru_cache(maxsize=4096)
def _sentence_parse(sentence: str):
    """The quote-normalised sentence; its tokens' spans, lower-case words, lemmas, valences after negation and
    name flags; the whole sentence's VADER scores. Cached: an article's sentence is parsed once for all its mentions."""
    from vaderSentiment.vaderSentiment import NEGATE


    text = scoring_text(sentence)
    lexicon = reference_analyzer().lexicon
    negate = frozenset(NEGATE)
    spans, words, valences, names = [], [], [], []
    for m in TOKEN.finditer(text):
        word = m.group().lower()
        # a capitalised word after the first word: most likely part of a name (never a sparse feature)
        # a capitalised word: a name (never a sparse feature) unless it opens the sentence and is an English
        # word ("The", "Critics"); a sentence-opening name ("Clinton said") is a name too
        names.append(m.group()[:1].isupper() and word != "i" and (
            any(_is_word(w) for w in words) or not _is_english_word(m.group())))
        spans.append((m.start(), m.end()))
        words.append(word)
        valence = lexicon.get(word, 0.0)
        if valence:
            before = words[max(0, len(words) - 1 - NEGATION_REACH):-1]
            if any(w in negate or w.endswith("n't") for w in before):
                valence *= NEGATION_SCALAR
        valences.append(valence)
    lemmas = tuple(lemmatize(w) if _is_word(w) else w for w in words)
    return text, tuple(spans), tuple(words), lemmas, tuple(valences), tuple(names), reference_polarity(text)


@lru_cache(maxsize=65536)
def _is_english_word(word: str) -> bool:
    """A capitalised word that simplemma's English dictionary lower-cases ("The", "Critics"); a name keeps its
    capital ("Clinton")."""
    import simplemma

    return simplemma.lemmatize(word, lang="en")[:1].islower()


def _scope(words: list[str], first: int, last: int) -> tuple[int, int]:
    """Token range of the target's side of a contrast (the whole sentence when there is none)."""
    n = len(words)
    lo, hi = 0, n - 1
    for i in range(first - 1, -1, -1):
        if words[i] in CONTRAST_WORDS or words[i] in CONTRAST_MARKS:
            lo = i + 1
            break
    for j in range(last + 1, n):
        if words[j] in CONTRAST_WORDS or words[j] in CONTRAST_MARKS:
            hi = j - 1
            break
    # "Although X won praise, Y was condemned": the subordinate clause ends at its first comma.
    opener = next((i for i, w in enumerate(words) if _is_word(w)), None)
    if opener is not None and words[opener] in SUBORDINATORS:
        comma = next((k for k in range(opener + 1, n) if words[k] == ","), None)
        if comma is not None:
            if last < comma:
                hi = min(hi, comma - 1)
            elif first > comma and lo <= opener + 1:
                lo = comma + 1
    return lo, max(hi, lo)


def _is_word(token: str) -> bool:
    return token[:1].isalnum()


def features(sentence: str, start: int, end: int) -> tuple[list[float], list[str]]:
    """(dense feature values in DENSE_NAMES order, sparse feature names) of the target sentence[start:end]."""
    text, spans, words, lemmas, valences, names, whole = _sentence_parse(sentence)
    n = len(words)
    if not n:                           # nothing to read: the sentence's (empty) scores, no word features
        return [whole["compound"], whole["pos"], whole["neg"]] + [0.0] * (len(DENSE_NAMES) - 3), []
    inside = [i for i, (s, e) in enumerate(spans) if s < end and start < e]
    if not inside:                      # an empty or off-token span: take the token at or after start
        after = [i for i, (s, _) in enumerate(spans) if s >= start]
        inside = [after[0] if after else n - 1]
    first, last = inside[0], inside[-1]
    # the clause: up to the nearest clause punctuation or conjunction on each side
    lo = first
    while lo > 0 and words[lo - 1] not in CLAUSE_PUNCT and words[lo - 1] not in CLAUSE_WORDS:
        lo -= 1
    hi = last
    while hi < n - 1 and words[hi + 1] not in CLAUSE_PUNCT and words[hi + 1] not in CLAUSE_WORDS:
        hi += 1
    clause = reference_polarity(text[spans[lo][0]:spans[hi][1]])["compound"]
    # The target's side of a contrast: the window and the valence sums stay inside it, and the "sentence"
    # scores are those of that side ("praised X but condemned Y": Y is read with "condemned", not "praised").
    s_lo, s_hi = _scope(words, first, last)
    w_lo, w_hi = max(s_lo, first - WINDOW), min(s_hi, last + WINDOW)
    window = reference_polarity(text[spans[w_lo][0]:spans[w_hi][1]])["compound"]
    left = valences[s_lo:first]
    right = valences[last + 1:s_hi + 1]
    if (s_lo, s_hi) != (0, n - 1):
        whole = reference_polarity(text[spans[s_lo][0]:spans[s_hi][1]])
    left_decayed = sum(v * math.exp(-(first - i) / DECAY) for i, v in enumerate(left) if v)
    right_decayed = sum(v * math.exp(-(j + 1) / DECAY) for j, v in enumerate(right) if v)
    near = valences[max(s_lo, first - 3):first] + valences[last + 1:min(s_hi + 1, last + 4)]
    after3 = words[last + 1:last + 4]
    before2 = words[max(0, first - 2):first]
    opening = all(not _is_word(w) for w in words[:first])
    n_words = sum(_is_word(w) for w in words)
    dense = [
        whole["compound"], whole["pos"], whole["neg"], clause, window,
        _normalise(sum(left)), _normalise(sum(right)), left_decayed, right_decayed,
        float(sum(v < 0 for v in near)), float(sum(v > 0 for v in near)),
        float(any(w in ("not", "never", "no") or w.endswith("n't") for w in after3)),
        float(opening),
        float(any(w in SPEECH_VERBS for w in after3) or any(w in SPEECH_VERBS for w in before2)),
        float(text[:start].count('"') % 2 == 1),
        float(last == first and words[first] in PRONOUNS),
        start / max(len(text), 1),
        math.log(max(n_words, 1)),
    ]
    return dense, sorted(_sparse(words, lemmas, names, first, last))


def _sparse(words, lemmas, names, first: int, last: int) -> set[str]:
    """Word features: lemmas within WINDOW words left (L:) and right (R:), every lemma of the sentence (S:),
    the adjacent word (L1:, R1:) and word pair (L2:, R2:) as written (lower case). The target's own words
    and capitalised words after the first (names, mostly) are left out."""
    n = len(words)
    usable = [_is_word(w) and not (EXCLUDE_NAMES and names[i]) for i, w in enumerate(words)]
    sparse = {f"L:{lemmas[i]}" for i in range(max(0, first - WINDOW), first) if usable[i]}
    sparse |= {f"R:{lemmas[i]}" for i in range(last + 1, min(n, last + 1 + WINDOW)) if usable[i]}
    sparse |= {f"S:{lemmas[i]}" for i in range(n) if (i < first or i > last) and usable[i]}
    if first >= 1 and not names[first - 1]:
        sparse.add(f"L1:{words[first - 1]}")
        if first >= 2 and not names[first - 2]:
            sparse.add(f"L2:{words[first - 2]}_{words[first - 1]}")
    if last + 1 < n and not names[last + 1]:
        sparse.add(f"R1:{words[last + 1]}")
        if last + 2 < n and not names[last + 2]:
            sparse.add(f"R2:{words[last + 1]}_{words[last + 2]}")
    return sparse


# ---------------------------------------------------------------------------------------------------------
# The fitted model (written by bench/actor_sentiment_validity.py)

@lru_cache(maxsize=1)
def load_model() -> dict:
    """The committed coefficients: dense means/sds/weights, sparse weights, intercepts (3 classes each)."""
    import csv

    import numpy as np

    dense, sparse, intercept = {}, {}, None
    with open(MODEL_FILE, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            weights = np.array([float(row[f"w_{label}"]) for label in LABELS])
            if row["kind"] == "intercept":
                intercept = weights
            elif row["kind"] == "dense":
                dense[row["feature"]] = (float(row["mean"]), float(row["sd"]), weights)
            else:
                sparse[row["feature"]] = weights
    missing = [name for name in DENSE_NAMES if name not in dense]
    if intercept is None or missing:
        raise ValueError(f"{MODEL_FILE.name}: incomplete model (missing {missing or 'intercept'})")
    mean = np.array([dense[name][0] for name in DENSE_NAMES])
    sd = np.array([dense[name][1] for name in DENSE_NAMES])
    weight = np.array([dense[name][2] for name in DENSE_NAMES])
    return {"intercept": intercept, "mean": mean, "sd": sd, "dense": weight, "sparse": sparse}


def _probabilities(model: dict, dense: list[float], sparse: list[str]):
    import numpy as np

    z = model["intercept"] + ((np.asarray(dense) - model["mean"]) / model["sd"]) @ model["dense"]
    table = model["sparse"]
    for name in sparse:
        w = table.get(name)
        if w is not None:
            z = z + w
    z = z - z.max()
    p = np.exp(z)
    return p / p.sum()


def target_probabilities(sentence: str, start: int, end: int) -> dict[str, float]:
    """P(negative), P(neutral), P(positive) toward sentence[start:end]."""
    p = _probabilities(load_model(), *features(sentence, start, end))
    return {label: float(v) for label, v in zip(LABELS, p)}


def target_sentiment(sentence: str, start: int, end: int) -> tuple[str, float]:
    """(label, score) toward the mention sentence[start:end]; score = P(positive) - P(negative).

    Offsets index ``sentence`` as given (curly quotes are straightened internally, same length).
    """
    p = _probabilities(load_model(), *features(sentence, start, end))
    return LABELS[int(p.argmax())], float(p[2] - p[0])


def target_sentiments(items) -> list[tuple[str, float]]:
    """``target_sentiment`` for each (sentence, start, end) in ``items``; sentences repeat cheaply (cached)."""
    return [target_sentiment(sentence, start, end) for sentence, start, end in items]
