"""Sentiment toward one named-entity mention in a Russian sentence, by a fitted model (offline, numpy only).

``target_sentiment(tokens, span)`` gives ("negative" | "neutral" | "positive", score) for the mention at
character offsets ``span`` of the text that ``tokens`` (``newslens.text.cyrillic.tokens(text, "ru")``) came from;
``score`` = P(positive) - P(negative) in [-1, 1]. The lexicon reading of the same mention stays available as
``newslens.sentiment.cyrillic.target_scores``.

Why a model: the lexicon with VADER's rules reaches F1_PN 0.33 on RuSentNE-2023's validation split; most
labels there are implicit ("X was dismissed", "the court refused X") or carried by who does what to whom, which
a word list near the entity cannot see. A multinomial logistic regression over the words around the mention
learns which words and roles go with which attitude.

Features of the mention (never the entity's own words, nor other names: capitalised words after the first and
words that pymorphy3 tags as names; a name's prior in one data set is no evidence about another article):

- sparse: lemmas within ``WINDOW`` words left ("L:") and right ("R:"), every lemma of the entity's clause
  ("C:"; a clause ends at , ; : ( ) a dash or a contrast word) and of the sentence ("S:"), the adjacent token on
  each side ("L1:", "R1:"); the nearest verb or participle left and right of the entity in its clause ("V<:",
  "V>:"; "не_" before the lemma when a negation precedes it); the entity's grammatical case ("CASE:"; nominative
  is mostly the actor, accusative and genitive the one acted upon) and the case joined with the governing verb
  ("CV:"); the entity's type when given ("T:"; the entity's own common words, "E:", did not raise the
  cross-validated F1_PN: 0.420 against 0.422, and are left out);
- dense: the lexicon's readings (``cyrillic.target_scores`` compound with its defaults and with the clause
  only, the sentence's compound), sums of positive and negative lexicon valence in the clause and the counts of
  lexicon words within 3 words of the entity, a negation within 3 words before it, the lexicon valence of the
  governing verbs, whether the entity opens the sentence or sits inside «quotes», its relative position and the
  sentence's length in words.

The fitted coefficients ship in ``data/target_sentiment_ru_model.csv`` (provenance in
``data/target_sentiment_ru_model.md``): fitted by ``bench/rusentne.py`` on RuSentNE-2023's training split (MIT).
The "offset" row holds per-class additions to the logits, tuned on cross-validation of the training split for
the task's measure (F1 over the positive and negative classes): they apply to the decision only, not to the
probabilities. Figures (bench/results/rusentne.md): F1_PN 0.426 on 5-fold cross-validation of the training
split, 0.454 on the validation split (read once; the lexicon 0.326). Cost: about 1.4 ms per mention with the
tokens given, four times the lexicon's (its readings are features). With the target_sentiment extra it scores
every actor mention of a Russian article (``sentiment.actors_cyrillic``).
"""

from __future__ import annotations

import csv
import math
from functools import lru_cache

import numpy as np

from ..paths import DATA_DIR
from ..text.cyrillic import PROPER_NAME_TAGS, Token
from .cyrillic import CLAUSE_MARKS, CONTRASTS, NEGATORS, sentence_scores, target_scores, word_valences

MODEL_FILE = DATA_DIR / "target_sentiment_ru_model.csv"
LABELS = ("negative", "neutral", "positive")
LANG = "ru"
WINDOW = 5                       # words each side for the L:/R: features
NEAR = 3                         # words each side counted as near (lexicon counts, negation)
VERB_POS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2")
# RuSentNE-2023's entity types (natasha's PER and ORG are PERSON and ORGANIZATION; a LOC that is a state, COUNTRY)
ENTITY_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY", "PROFESSION", "NATIONALITY")
QUOTE_OPEN, QUOTE_CLOSE = "«„“", "»“”"
DENSE_FEATURES = (
    ("lexicon_target", "compound of cyrillic.target_scores with its defaults (clause weight 1, window 20)"),
    ("lexicon_clause", "compound of cyrillic.target_scores over the entity's clause only"),
    ("lexicon_sentence", "compound of cyrillic.sentence_scores over the whole sentence"),
    ("clause_positive", "sum of positive lexicon valence in the entity's clause (negation applied)"),
    ("clause_negative", "sum of negative lexicon valence in the entity's clause (negation applied)"),
    ("near_positive", f"lexicon words of positive valence within {NEAR} words of the entity"),
    ("near_negative", f"lexicon words of negative valence within {NEAR} words of the entity"),
    ("negation_before", f"a negator within {NEAR} words before the entity"),
    ("verb_left_valence", "lexicon valence of the nearest verb left of the entity in its clause"),
    ("verb_right_valence", "lexicon valence of the nearest verb right of the entity in its clause"),
    ("opens_sentence", "the entity is the first word of the sentence"),
    ("in_quotes", "the entity sits inside «quotes»"),
    ("relative_position", "where the entity starts, as a share of the sentence's words"),
    ("log_words", "log of the sentence's number of words"),
)
DENSE_NAMES = tuple(name for name, _ in DENSE_FEATURES)


def _grammemes(tag: str) -> set[str]:
    return set(tag.replace(" ", ",").split(","))


def _pos(tag: str) -> str:
    return tag.split(",", 1)[0].split(" ", 1)[0]


def _is_name(token: Token, position: int) -> bool:
    """A proper name: tagged so by pymorphy3, or capitalised after the sentence's first word."""
    return bool(_grammemes(token.tag) & PROPER_NAME_TAGS) or (position > 0 and token.text[:1].isupper())


def _case(tokens: list[Token], inside: list[int]) -> str:
    """The grammatical case of the entity: that of its first word with a case ("" when none has one)."""
    for i in inside:
        found = _grammemes(tokens[i].tag) & set(CASES)
        if found:
            return sorted(found)[0]
    return ""


def features(tokens: list[Token], span: tuple[int, int], entity_type: str | None = None
             ) -> tuple[list[float], list[str]]:
    """(dense values in DENSE_NAMES order, sorted sparse feature names) of the mention at ``span``;
    ``entity_type``, one of ENTITY_TYPES, adds the feature "T:<type>" (without it the type's weight is 0, the
    average over types: sparse weights are centred)."""
    if entity_type is not None and entity_type not in ENTITY_TYPES:
        raise ValueError(f"entity type {entity_type!r} unknown; choose from {', '.join(ENTITY_TYPES)} or None")
    start, end = span
    if not start < end:
        raise ValueError(f"target span {span!r} is empty: expected (start, end) with start < end")
    inside = [i for i, t in enumerate(tokens) if t.start < end and t.end > start]
    if not inside:
        raise ValueError(f"target span {span!r} covers no token of the sentence")
    first, last = inside[0], inside[-1]
    words = [i for i, t in enumerate(tokens) if t.is_word]
    word_rank = {i: k for k, i in enumerate(words)}
    contrasts = CONTRASTS[LANG]
    clause, n = [], 0
    for t in tokens:
        if t.text in CLAUSE_MARKS or t.lemma in contrasts:
            n += 1
        clause.append(n)
    target_clauses = {clause[i] for i in inside}
    valence = {w.index: w.valence for w in word_valences(tokens, LANG, contrast=False)}
    usable = {i for k, i in enumerate(words) if not (first <= i <= last) and not _is_name(tokens[i], k)}
    negators = NEGATORS[LANG]

    def lemma(i: int) -> str:
        return tokens[i].lemma.lower()

    left = [i for i in words if i < first]
    right = [i for i in words if i > last]
    sparse = {f"L:{lemma(i)}" for i in left[-WINDOW:] if i in usable}
    sparse |= {f"R:{lemma(i)}" for i in right[:WINDOW] if i in usable}
    sparse |= {f"C:{lemma(i)}" for i in usable if clause[i] in target_clauses}
    sparse |= {f"S:{lemma(i)}" for i in usable}
    if first > 0:
        sparse.add(f"L1:{lemma(first - 1)}" if first - 1 in usable or not tokens[first - 1].is_word else "L1:NAME")
    if last + 1 < len(tokens):
        sparse.add(f"R1:{lemma(last + 1)}" if last + 1 in usable or not tokens[last + 1].is_word else "R1:NAME")

    def verb(candidates) -> int | None:
        return next((i for i in candidates if clause[i] in target_clauses and i in usable
                     and _pos(tokens[i].tag) in VERB_POS), None)

    def negated(i: int) -> bool:
        k = word_rank[i]
        return any(lemma(j) in negators for j in words[max(0, k - 2):k])

    if entity_type is not None:
        sparse.add(f"T:{entity_type}")
    case = _case(tokens, inside)
    sparse.add(f"CASE:{case or 'none'}")
    verb_valence = []
    for side, found in (("<", verb(reversed(left))), (">", verb(right))):
        if found is None:
            verb_valence.append(0.0)
            continue
        name = ("не_" if negated(found) else "") + lemma(found)
        sparse.add(f"V{side}:{name}")
        sparse.add(f"CV:{case or 'none'}{side}{name}")
        verb_valence.append(valence.get(found, 0.0))
    in_clause = [valence[i] for i in words if clause[i] in target_clauses and i in usable]
    near = [valence[i] for i in left[-NEAR:] + right[:NEAR] if i in usable]
    before = [lemma(i) for i in left[-NEAR:]]
    quote_depth = sum(1 if t.text in QUOTE_OPEN and t.text not in QUOTE_CLOSE else -1 if t.text in QUOTE_CLOSE
                      and t.text not in QUOTE_OPEN else 0 for t in tokens[:first])
    dense = [
        target_scores(tokens, span, LANG)["compound"],
        target_scores(tokens, span, LANG, window=0, decay=0.0)["compound"],
        sentence_scores(tokens, LANG)["compound"],
        sum(v for v in in_clause if v > 0),
        sum(v for v in in_clause if v < 0),
        float(sum(v > 0 for v in near)),
        float(sum(v < 0 for v in near)),
        float(any(w in negators for w in before)),
        *verb_valence,
        float(not left),
        float(quote_depth > 0),
        len(left) / max(len(words), 1),
        math.log(max(len(words), 1)),
    ]
    return dense, sorted(sparse)


# ---------------------------------------------------------------------------------------------------------
# The fitted model (written by bench/rusentne.py)

@lru_cache(maxsize=1)
def load_model() -> dict:
    """The committed coefficients: intercepts, decision offsets, dense means/sds/weights, sparse weights."""
    dense, sparse, rows_of = {}, {}, {}
    with open(MODEL_FILE, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(line for line in fh if not line.startswith("#")), start=1):
            try:
                weights = np.array([float(row[f"w_{label}"]) for label in LABELS])
                kind, name = row["kind"], row["feature"]
                if kind == "dense":
                    dense[name] = (float(row["mean"]), float(row["sd"]), weights)
                elif kind == "sparse":
                    sparse[name] = weights
                else:
                    rows_of[kind] = weights
            except (KeyError, TypeError, ValueError):
                raise ValueError(f"{MODEL_FILE.name} data row {n}: expected kind, feature, mean, sd and "
                                 f"w_negative/w_neutral/w_positive numbers, got {row}") from None
    missing = [name for name in DENSE_NAMES if name not in dense] + [k for k in ("intercept", "offset")
                                                                     if k not in rows_of]
    if missing:
        raise ValueError(f"{MODEL_FILE.name}: incomplete model (missing {', '.join(missing)})")
    return {"intercept": rows_of["intercept"], "offset": rows_of["offset"],
            "mean": np.array([dense[k][0] for k in DENSE_NAMES]), "sd": np.array([dense[k][1] for k in DENSE_NAMES]),
            "dense": np.array([dense[k][2] for k in DENSE_NAMES]), "sparse": sparse}


def logits(model: dict, dense: list[float], sparse: list[str]) -> np.ndarray:
    """The model's logits (negative, neutral, positive) for one mention, without the decision offsets."""
    z = model["intercept"] + ((np.asarray(dense, dtype=float) - model["mean"]) / model["sd"]) @ model["dense"]
    for name in sparse:
        w = model["sparse"].get(name)
        if w is not None:
            z = z + w
    return z


def _softmax(z: np.ndarray) -> np.ndarray:
    p = np.exp(z - z.max())
    return p / p.sum()


def target_probabilities(tokens: list[Token], span: tuple[int, int], entity_type: str | None = None
                         ) -> dict[str, float]:
    """P(negative), P(neutral), P(positive) toward the mention at ``span``."""
    p = _softmax(logits(load_model(), *features(tokens, span, entity_type)))
    return {label: float(v) for label, v in zip(LABELS, p)}


def target_sentiment(tokens: list[Token], span: tuple[int, int], entity_type: str | None = None
                     ) -> tuple[str, float]:
    """(label, score) toward the mention at character offsets ``span`` of the text ``tokens`` came from
    (``newslens.text.cyrillic.tokens(text, "ru")``); score = P(positive) - P(negative). The label is the class
    with the largest logit after the decision offsets. ``entity_type``: one of ENTITY_TYPES when known."""
    model = load_model()
    z = logits(model, *features(tokens, span, entity_type))
    p = _softmax(z)
    return LABELS[int((z + model["offset"]).argmax())], float(p[2] - p[0])
