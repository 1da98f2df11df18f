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
- roles, approximated by position in the scope (no parser): the word that governs the target from the left is
  the verb or noun it is the object of ("praised X", "accused the former President X", "attack on X"); the
  first word after it, past auxiliaries, adverbs, a possessor's noun ("X's economy") and ", who", is its verb
  (the target its subject: "X lied"), or, after a form of "be" and ending in -ed/-en, a passive one ("X was
  condemned": the target is acted upon); "condemned by X" makes X the agent. The lexicon valence of each of
  these is a dense feature of its own and the governing words are sparse features ("V<:", "V>:", "VP:",
  "VB:"), so the fitted weights differ by role: an accuser is not negative, the accused is;
- holders: "critics", "supporters" and the like only name who judges when they open a clause ("Critics
  praised X"): their own valence is masked (same length, so offsets hold) for every VADER score and valence
  sum; before "of"/"for" ("critics of X") it stays;
- sparse features: the lemmas within ``WINDOW`` words left ("L:") and right ("R:") of the target, every lemma
  of the target's scope ("S:"), the adjacent word and word pair on each side ("L1:", "R1:", "L2:", "R2:");
  never the target's own words nor names (capitalised words, a capitalised first word that is no English
  word: "Clinton said", and a lower-case particle before a name: "bin Salman", "al-Assad"): a name's prior in
  one data set (US politics 2017-2019) is no evidence about another article.

A multinomial logistic regression (L2) over these, fitted with numpy by ``bench/actor_sentiment_validity.py``
on the NewsMTSC training split (Hamborg & Donnay 2021, EACL; MIT licence; github.com/fhamborg/NewsMTSC),
combines them. The coefficients ship in ``data/target_sentiment_model.csv`` (provenance beside it in
``data/target_sentiment_model.md``); nothing is downloaded and no model library is needed at run time.

Quality (NewsMTSC test sets, see bench/results/actor_sentiment_validity.md): better than whole-sentence
VADER, far below the paper's language-model classifier. It still reads words, not syntax: who does what to
whom is only approximated by the patterns above and the contrast scope (the role features did not raise the
NewsMTSC dev scores beyond noise; they fix clear cases such as "Critics praised Ankara"); a contrast carried
by "and" ("called X a friend and called Y a bully") is not split.
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
SCOPED_S = True             # S: lemmas come from the target's side of a contrast only
MASK_HOLDERS = True         # HOLDERS opening a clause lose their valence (the bench compares both settings)
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
# Words that only name who judges ("Critics praised Ankara", "supporters cheered"): their own VADER valence does
# not colour the clause they open. Before "of"/"for" they do say something about the target ("critics of X").
HOLDERS = frozenset({"critics", "critic", "supporters", "supporter", "skeptics", "skeptic", "sceptics", "sceptic",
                     "admirers", "admirer", "defenders", "defender", "detractors", "opponents"})
# Lower-case particles of names ("bin Salman", "al-Assad", "van Gogh"): part of the name when a name follows.
NAME_PARTICLES = frozenset({"al", "bin", "ibn", "abu", "el", "de", "da", "del", "der", "van", "von", "la", "le"})
# Role approximation. Left of the target, words skipped on the way to the word that governs it ("praised the
# former X", "condemned X's"); right of it, words skipped on the way to its verb ("X has repeatedly praised",
# "X, who ... "), with the forms of "be" that make a following participle passive ("X was condemned").
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
                         "these", "those", "former", "then", "late", '"', "'"})
AUXILIARIES = frozenset({"has", "have", "had", "was", "were", "is", "are", "been", "being", "be", "will", "would",
                         "could", "should", "can", "may", "might", "must", "did", "does", "do", "also", "then",
                         "now", "still", "just", "already", "reportedly", "allegedly", "repeatedly", "never",
                         "not", "who", "later", "again", "even", "only", "got", "get", "gets"})
BE_FORMS = frozenset({"was", "were", "is", "are", "been", "being", "be", "get", "got", "gets"})
PREPOSITIONS = frozenset({"of", "for", "with", "against", "to", "on", "about", "from", "toward", "towards",
                          "over", "at", "into", "by"})
ROLE_REACH = 4              # words skipped at most on the way to the governing word
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
    ("object_valence", "lexicon valence of the word governing the target from the left, the target its object "
                       "('praised X', 'attack on X'; negation applied)"),
    ("subject_valence", "lexicon valence of the verb after the target in the active voice, the target its subject "
                        "('X lied', 'X's economy flourished')"),
    ("passive_valence", "lexicon valence of the participle after the target in the passive voice ('X was "
                        "condemned'): the target is acted upon"),
    ("agent_valence", "lexicon valence of the participle before 'by X' ('condemned by X'): the target acts"),
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
    # a name particle before a name ("bin Salman", "al-Assad") is part of the name
    for i in range(len(words) - 1, -1, -1):
        if words[i] in NAME_PARTICLES and not names[i]:
            k = i + 2 if i + 2 < len(words) and words[i + 1] == "-" else i + 1
            names[i] = k < len(words) and names[k]
    # a holder noun that only names who judges ("Critics praised X") is masked, same length, for VADER
    masked = list(text)
    for i, word in enumerate(words):
        if MASK_HOLDERS and word in HOLDERS and (i + 1 >= len(words) or words[i + 1] not in ("of", "for")):
            valences[i] = 0.0
            s, e = spans[i]
            masked[s:e] = "x" * (e - s)
    text = "".join(masked)
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
    role_dense, role_sparse = _roles(words, lemmas, valences, names, first, last, s_lo, s_hi)
    sparse = _sparse(words, lemmas, names, first, last, s_lo, s_hi) | role_sparse
    return dense + role_dense, sorted(sparse)


def _roles(words, lemmas, valences, names, first: int, last: int, s_lo: int, s_hi: int):
    """Who does what to whom, approximated by position in the target's scope: [object_valence, subject_valence,
    passive_valence, agent_valence] and the governing words as sparse features (V<: the word the target is
    the object of, "attack_on" for a preposition; V>: its verb in the active voice; VP: its participle in the
    passive; VB: the participle before "by X"). An accuser is not negative, the accused is: the fitted weights
    of these features differ by role."""
    dense = [0.0, 0.0, 0.0, 0.0]
    sparse = set()

    def usable(k):
        return s_lo <= k <= s_hi and _is_word(words[k]) and not names[k]

    # left: skip determiners and names ("praised the former President X") to the governing word
    i, skipped = first - 1, 0
    while i >= s_lo and skipped < ROLE_REACH and (words[i] in DETERMINERS or names[i]):
        i, skipped = i - 1, skipped + 1
    if usable(i) and words[i] not in CLAUSE_WORDS and words[i] not in AUXILIARIES:
        if words[i] == "by":                       # "condemned by X": X acts
            if usable(i - 1):
                dense[3] = valences[i - 1]
                sparse.add(f"VB:{lemmas[i - 1]}")
        elif words[i] in PREPOSITIONS:             # "attack on X", "critics of X", "support for X"
            if usable(i - 1) and words[i - 1] not in PREPOSITIONS:
                dense[0] = valences[i - 1]
                sparse.add(f"V<:{lemmas[i - 1]}_{words[i]}")
        else:                                      # "praised X", "accused X"
            dense[0] = valences[i]
            sparse.add(f"V<:{lemmas[i]}")
    # right: a possessor's noun ("X's economy collapsed"), auxiliaries, adverbs, ", who", to the verb
    j, skipped, passive = last + 1, 0, False
    if words[last].endswith("'s") and usable(j):
        j += 1
    while j <= s_hi and skipped < ROLE_REACH:
        if words[j] in AUXILIARIES or (words[j] in DETERMINERS and passive):
            passive = passive or words[j] in BE_FORMS
        elif words[j] == "," and j + 1 <= s_hi and words[j + 1] == "who":
            pass
        else:
            break
        j, skipped = j + 1, skipped + 1
    if usable(j) and words[j] not in CLAUSE_WORDS:
        if passive and words[j].endswith(("ed", "en")):
            dense[2] = valences[j]
            sparse.add(f"VP:{lemmas[j]}")
        else:
            dense[1] = valences[j]
            sparse.add(f"V>:{lemmas[j]}")
    return dense, sparse


def _sparse(words, lemmas, names, first: int, last: int, s_lo: int = 0, s_hi: int | None = None) -> set[str]:
    """Word features: lemmas within WINDOW words left (L:) and right (R:), every lemma of the sentence (S:),
    the adjacent word (L1:, R1:) and word pair (L2:, R2:) as written (lower case). The target's own words
    and capitalised words after the first (names, mostly) are left out."""
    n = len(words)
    usable = [_is_word(w) and not (EXCLUDE_NAMES and names[i]) for i, w in enumerate(words)]
    sparse = {f"L:{lemmas[i]}" for i in range(max(0, first - WINDOW), first) if usable[i]}
    sparse |= {f"R:{lemmas[i]}" for i in range(last + 1, min(n, last + 1 + WINDOW)) if usable[i]}
    s_hi = n - 1 if s_hi is None or not SCOPED_S else s_hi
    s_lo = s_lo if SCOPED_S else 0
    sparse |= {f"S:{lemmas[i]}" for i in range(s_lo, s_hi + 1) if (i < first or i > last) and usable[i]}
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
