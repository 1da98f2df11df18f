"""News-domain VADER: the reference method with words scored in their news sense and names masked.

VADER's lexicon was rated for social-media text: "engagement" +2.0 (the line of engagement is the front
line), "superiority" +1.4 (air superiority), "defense" +0.5, "offensive" -2.0 (offensive weapons), "won"
+2.7 (a war). This module keeps a *separate* ``SentimentIntensityAnalyzer`` whose lexicon dict is updated from
``data/news_sense_overrides.csv`` (word, valence in the news sense, reason, source per row); the shared
reference analyzer (``scores.reference_analyzer``) and its scores stay vaderSentiment's own.

Before scoring, names of organisations and offices are masked: a run of capitalised words (with "of", "for",
"the", "and" between them) that contains an institution word ("Ministry of Defense", "Baykar Defense",
"Defense Minister Oleksii Reznikov", "Security Council", "Freedom House", "Committee to Protect
Journalists") becomes one neutral word, so the words of a name do not count as sentiment.

Context rules (``neutral_spans``): a few words whose sense depends on their neighbours score 0 where the
context gives the news sense. Each is replaced by the same neutral word before VADER runs and has no polarity
in the news tone:

- "fired" near a munition or with a target ("fired a missile", "rockets were fired", "fired at positions"):
  discharging a weapon, not losing a job (-2.6 in VADER's lexicon, kept where no such context is found);
  scored 0 as "launched" is (US DoD Dictionary of Military and Associated Terms: fire; Merriam-Webster, fire
  sense 'to discharge a firearm or artillery');
- "well" in "as well (as)": the conjunction 'and in addition', not "well" approving (Merriam-Webster, as well
  as);
- "despite": a concessive, not a negation. VADER's negation list holds it, so "despite Ankara's problems"
  read as "no problems" (+1.3); the news analyzer keeps the conceded word's own valence (Merriam-Webster,
  despite 'in spite of': the fact is granted, not denied);
- an ended harmful event ("the shelling stopped", "attacks have ceased", "Russia halted the offensive"): the
  event word and the verb of ending ("stopped" is -0.9 in VADER's lexicon) score 0. A report that harm has
  ended is not read as harm; it is not read as praise either (no positive word was written), so neutral,
  not positive. The verb comes after the event in the clause (up to six words, not past "and", "before",
  "when"...), or is a past-tense verb before it (up to four words: "stopped the shelling"; not "ended in
  failure", where a preposition follows); bare "stop" (a demand: "stop the war") is not an
  ending. A negation before the verb ("has not stopped") cancels the rule: the harm goes on; only the verb
  scores 0 in the compound, where VADER's negation would otherwise read "not stopped" as positive.

``news_tone_counts`` gives the GDELT-style tone the same treatment: word polarity from this lexicon, the
words of those names and of the context rules without polarity, and one rule of its own that VADER's
compound does not need (VADER negates by itself): a wished-for word negated ("we don't want this to happen",
"do not wish", "no hope") has no positive polarity: a negated wish is an aversion, and counting it negative
instead would count twice against the unwanted thing when that is itself a negative word ("we do not want
war").
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from ..paths import DATA_DIR
from .scores import reference_analyzer, reference_polarity, scoring_text

OVERRIDES_FILE = DATA_DIR / "news_sense_overrides.csv"
MASK = "Institution"          # not in VADER's lexicon, not all capitals: carries no valence and no emphasis
# Words that make a run of capitalised words the name of an organisation, office or state.
INSTITUTION_WORDS = frozenset("""
Ministry Minister Ministers Department Secretary Secretariat Council Committee Commission Commissioner Agency
Service Services Court Bureau Office Organization Organisation Party Forces Army Navy Guard Corps Fund Foundation
Institute University Union Nations States Kingdom Emirates Company Corporation Corp Inc Ltd Industries Systems Group
Watch International House Radio Defense Defence Security Intelligence Justice Front Movement Alliance Coalition
Assembly Parliament Senate Congress Duma Rada Administration Authority Directorate Command Headquarters Prize
""".split())
_NAME = r"[A-Z](?:[A-Za-z'\u2019&-]|\.(?=[A-Za-z]))*"      # "U.S." keeps its dots, a final full stop is left
_RUN = re.compile(rf"\b{_NAME}(?:(?:\s+(?:of|for|to|the|and|on|de)){{0,2}}\s+{_NAME})+")

# Context rules (module docstring). Words are read clause by clause: a clause ends at , ; : ( ) or a dash.
_CLAUSE = re.compile(r"[^,;:()\u2013\u2014]+")
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*")
MUNITIONS = frozenset("""
missile missiles rocket rockets shell shells shot shots round rounds salvo salvos volley volleys projectile
projectiles torpedo torpedoes bullet bullets artillery mortar mortars gun guns howitzer howitzers weapon weapons
cannon drone drones grenade grenades warhead warheads munition munitions ammunition interceptor interceptors
""".split())
FIRE_TARGETS = frozenset("at on upon into towards toward across over".split())
HARMFUL_EVENTS = frozenset("""
shelling shellings bombing bombings bombardment bombardments fighting fights clashes hostilities attack attacks
assault assaults strike strikes airstrikes fire firing violence war wars aggression killing killings offensive
blockade invasion occupation escalation provocations provocation raids raid siege persecution repression
""".split())
ENDING_AFTER = frozenset("stopped stops ceased ceases ended ends halted halts subsided".split())
ENDING_BEFORE = frozenset("stopped ceased ended halted".split())
NEGATORS = frozenset("""
not no never neither nor without cannot didn't doesn't don't isn't wasn't weren't haven't hasn't hadn't won't
wouldn't can't couldn't shouldn't mustn't aren't didnt doesnt dont isnt wasnt werent havent hasnt wont
""".split())
WISHES = frozenset("want wants wish wishes hope hopes hoped".split())
CLAUSE_LINKS = frozenset("and but or before after until when while since as because that which who so then".split())
OUTCOME_PREPOSITIONS = frozenset("in with up by at on after before without because".split())


@lru_cache(maxsize=1)
def overrides() -> dict[str, float]:
    """word -> valence in the news sense, from ``news_sense_overrides.csv`` (every row needs a reason and source)."""
    with open(OVERRIDES_FILE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = {}
    for n, row in enumerate(rows, start=2):
        if not row["reason"] or not row["source"]:
            raise ValueError(f"{OVERRIDES_FILE.name} line {n}: a reason and a source are required")
        out[row["word"].lower()] = float(row["valence"])
    return out


@lru_cache(maxsize=1)
def news_analyzer():
    """A VADER analyzer of its own (never the shared reference one) with the news-sense valences."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon = dict(analyzer.lexicon)      # a copy: the update below touches no other instance
    analyzer.lexicon.update(overrides())
    return analyzer


def institution_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of every run of capitalised words that names an organisation or office."""
    return list(_institution_names(text))


@lru_cache(maxsize=8192)
def _institution_names(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for m in _RUN.finditer(text):
        words = re.findall(_NAME, m.group(0))
        if any(w.rstrip(".") in INSTITUTION_WORDS for w in words):
            spans.append((m.start(), m.end()))
    return tuple(spans)


def mask_names(text: str) -> str:
    """The text with every organisation or office name replaced by one neutral word."""
    return _replace(text, _institution_names(text))


def _replace(text: str, spans) -> str:
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:            # inside a span already replaced
            continue
        out.append(text[last:start])
        out.append(MASK)
        last = end
    out.append(text[last:])
    return "".join(out)


def masked_text(text: str) -> str:
    """The text the news analyzer scores: organisation names and the words of the context rules replaced by
    one neutral word each."""
    return _replace(text, _institution_names(text) + _neutral_spans(text))


def neutral_spans(text: str, tone: bool = False) -> list[tuple[int, int]]:
    """(start, end) of every word that a context rule scores 0 (module docstring); with ``tone`` also the
    negated wishes, which only the word-counting tone needs."""
    return list(_neutral_spans(text, tone))


def _neutral_spans(text: str, tone: bool = False) -> tuple[tuple[int, int], ...]:
    return _neutral_span_pair(text)[tone]


@lru_cache(maxsize=8192)
def _neutral_span_pair(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """(the spans for the compound, the spans for the tone) of ``text``: the two differ only in the negated
    rules, so one pass over the words finds both (the compound and the tone ask for every sentence)."""
    spans: set[tuple[int, int]] = set()          # both
    compound_only: set[tuple[int, int]] = set()
    tone_only: set[tuple[int, int]] = set()
    for clause in _CLAUSE.finditer(text):
        words = [(m.group(0).lower().replace("\u2019", "'"), clause.start() + m.start(), clause.start() + m.end())
                 for m in _WORD.finditer(clause.group(0))]
        low = [w for w, _, _ in words]
        for i, (word, start, end) in enumerate(words):
            if word == "fired":
                around = low[max(0, i - 4):i] + low[i + 1:i + 5]
                if any(w in MUNITIONS for w in around) or (i + 1 < len(low) and low[i + 1] in FIRE_TARGETS):
                    spans.add((start, end))
            elif word == "well" and i > 0 and low[i - 1] == "as":
                spans.add((start, end))
            elif word == "despite":
                spans.add((start, end))
            elif word in ENDING_AFTER:
                # back over the subject (up to six words, not past a conjunction: "killed civilians before
                # the shelling stopped" keeps "killed"); forward over the object of a past-tense verb, unless a
                # preposition follows it ("the talks ended in failure" is an outcome, not an ended harm)
                events = []
                for k in range(i - 1, max(-1, i - 7), -1):
                    if low[k] in CLAUSE_LINKS:
                        break
                    if _harmful(low[k]):
                        events.append(k)
                if word in ENDING_BEFORE and i + 1 < len(low) and low[i + 1] not in OUTCOME_PREPOSITIONS:
                    events += [k for k in range(i + 1, min(len(low), i + 5)) if _harmful(low[k])]
                if not events:
                    continue
                if any(w in NEGATORS for w in low[max(0, i - 3):i]):
                    # "has not stopped": the harm goes on. VADER would read the negated verb as positive, so the
                    # compound scores the verb 0; the tone, which has no negation, keeps its negative word.
                    compound_only.add((start, end))
                    continue
                spans.add((start, end))
                spans.update(words[k][1:] for k in events)
            elif word in WISHES and any(w in NEGATORS for w in low[max(0, i - 3):i]):
                tone_only.add((start, end))
    return tuple(sorted(spans | compound_only)), tuple(sorted(spans | tone_only))


def _harmful(word: str) -> bool:
    """A harmful event, or any word of negative news-sense valence, for the ended-event rule."""
    return word in HARMFUL_EVENTS or news_analyzer().lexicon.get(word, 0.0) < 0


@lru_cache(maxsize=1)
def _changed_words() -> tuple[str, ...]:
    """The lexicon keys whose entry (presence or valence) differs between the news and the reference analyzer."""
    news, reference = news_analyzer().lexicon, reference_analyzer().lexicon
    missing = object()
    return tuple(sorted(word for word in news.keys() | reference.keys()
                        if news.get(word, missing) != reference.get(word, missing)))


def _scores_as_reference(text: str) -> bool:
    """Whether the news analyzer must give ``text`` exactly the reference scores: it has no name to mask, and
    no word whose lexicon entry differs, so every lexicon look-up VADER makes (a word of the text, lower case)
    gives the same answer. Conservative: a changed word anywhere in the lower-case text, even inside another
    word, counts; so does any emoji (VADER scores an emoji by its description's words)."""
    if _institution_names(text) or _neutral_spans(text):
        return False
    low = text.lower()
    if any(word in low for word in _changed_words()):
        return False
    return text.isascii() or not any(ch in news_analyzer().emojis for ch in text)


@lru_cache(maxsize=8192)
def _news_polarity(text: str) -> dict:
    # Most sentences hold no name and no overridden word: their news scores are the reference scores, which
    # the sentence table has already computed (cached by text), so VADER does not run a second time.
    if _scores_as_reference(text):
        return dict(reference_polarity(text))
    return news_analyzer().polarity_scores(masked_text(text))


def news_scores(text: str) -> dict:
    """News-domain VADER scores (neg, neu, pos, compound) of the quote-normalised, name-masked text."""
    return _news_polarity(scoring_text(text))


def news_compound(text: str) -> float:
    return news_scores(text)["compound"]


@lru_cache(maxsize=65536)
def news_word_valence(word: str) -> float:
    """A word's context-free valence in the news-domain lexicon (VADER's with the overrides; 0.0 if absent)."""
    return news_analyzer().lexicon.get(scoring_text(word).lower(), 0.0)


def news_tone_counts(text: str, words) -> dict[str, int]:
    """GDELT-style counts (as ``scores.tone_counts``) of one text's words with their news-sense valence.

    ``words``: (word, offset of its first character in ``text``) pairs. A word inside an organisation or
    office name (``institution_names``, the masking of ``news_scores``) or neutral by a context rule
    (``neutral_spans`` with ``tone``: also negated wishes) has no polarity, so "Defense" in
    "Ministry of Defense" counts neither way; it still counts as a word, so that the reference tone and the
    news tone divide by the same word count and differ only in which words are positive or negative.
    """
    text = scoring_text(text)
    names = _institution_names(text) + _neutral_spans(text, tone=True)
    positive = negative = n = 0
    for word, offset in words:
        n += 1
        if names and any(start <= offset < end for start, end in names):
            continue
        valence = news_word_valence(word)
        positive += valence > 0
        negative += valence < 0
    return {"words": n, "positive": int(positive), "negative": int(negative)}
