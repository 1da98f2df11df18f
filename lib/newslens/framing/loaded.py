"""The loaded-word list and the wire-standard terms that the propaganda-cue table reads.

``data/loaded_words.csv``: words with strong emotional implications chosen to sway a reader (loaded
language) and labels for people (name calling), after the technique definitions of Da San Martino et al.
(2019, EMNLP; SemEval-2020 Task 11); each row with its category, reason and source. The list holds
*evaluative* words (a judgement of the writer: "despicable", "sham", "heroic"), not words that report an
event ("war", "killed", "bomb"): a sober wire report of a war is full of the latter and none of the former.
Documented in ``data/loaded_words.md``.

``data/wire_standard_terms.csv``: framing-lexicon labels (``cue = name_calling``) that agency copy uses as
the standard neutral term ("separatists", "rebels", "militants"); a hit of one of them is a name-calling
cue only inside scare quotes, where the writer holds the word at a distance.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from ..paths import DATA_DIR
from ..text.lemmas import lemmatize
from ..text.article import normalise_quotes

LOADED_WORDS_FILE = DATA_DIR / "loaded_words.csv"
WIRE_STANDARD_FILE = DATA_DIR / "wire_standard_terms.csv"
LOADED_COLUMNS = ("term", "variants", "match", "cue", "category", "reason", "source")
MATCH_KINDS = ("exact", "lemma", "phrase")
CUE_KINDS = ("loaded", "name_calling")


@dataclass(frozen=True)
class LoadedWord:
    term: str
    variants: tuple[str, ...]
    match: str
    cue: str
    category: str
    reason: str
    source: str

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term,) + self.variants


@dataclass(frozen=True)
class LoadedHit:
    word: LoadedWord
    start: int
    end: int
    sentence_id: int


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    """A token as the list is matched: straight quotes, lower case; cached per token text."""
    return normalise_quotes(text).lower()


@lru_cache(maxsize=1)
def loaded_words() -> tuple[LoadedWord, ...]:
    """Every row of ``loaded_words.csv``, checked: known match and cue kinds, a reason and a source."""
    with open(LOADED_WORDS_FILE, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != LOADED_COLUMNS:
            raise ValueError(f"{LOADED_WORDS_FILE.name}: columns must be {LOADED_COLUMNS}")
        rows = list(reader)
    out = []
    for n, row in enumerate(rows, start=2):
        if row["match"] not in MATCH_KINDS or row["cue"] not in CUE_KINDS or not row["reason"] or not row["source"]:
            raise ValueError(f"{LOADED_WORDS_FILE.name} line {n}: bad match/cue or missing reason/source")
        out.append(LoadedWord(row["term"].lower(), tuple(v.lower() for v in row["variants"].split("|") if v),
                              row["match"], row["cue"], row["category"], row["reason"], row["source"]))
    return tuple(out)


@lru_cache(maxsize=1)
def wire_standard_terms() -> dict[str, dict[str, str]]:
    """Lexicon term -> {"reason", "source"} for the labels that are standard in wire style."""
    with open(WIRE_STANDARD_FILE, encoding="utf-8", newline="") as fh:
        return {row["term"]: {"reason": row["reason"], "source": row["source"]} for row in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, LoadedWord], dict[str, LoadedWord], dict[tuple[str, ...], LoadedWord]]:
    """(exact form -> word, lemma -> word, phrase words -> word)."""
    exact, by_lemma, phrases = {}, {}, {}
    for word in loaded_words():
        for form in word.forms:
            if word.match == "phrase" or " " in form:
                phrases[tuple(form.replace("-", " ").split())] = word
                if "-" in form:
                    exact[form] = word
            elif word.match == "exact" or _participle_of_other_word(form, word):
                exact[form] = word
            else:
                by_lemma[lemmatize(form)] = word
                exact.setdefault(form, word)
    return exact, by_lemma, phrases


def _participle_of_other_word(form: str, word: LoadedWord) -> bool:
    """Whether ``form`` is an -ing or -ed adjective whose lemma is a word the list does not hold: "shocking"
    (lemma "shock"), "appalled", "terrifying", "rigged" (lemma "rig"). Matched by lemma, such a form would
    catch every use of the base word ("Geran-2 shock drones", "shock troops", "an oil rig"), so it matches
    only the -ing and -ed forms of that lemma ("shocking", "shocked"; ``_participles``); "smeared" (lemma
    "smear", a form of the same entry) still matches by lemma."""
    if not form.endswith(("ing", "ed")):
        return False
    lemma = lemmatize(form)
    return lemma != form and lemma not in word.forms


@lru_cache(maxsize=1)
def _participles() -> dict[str, LoadedWord]:
    """Lemma -> word for the -ing/-ed entries that match only in an -ing or -ed form (see
    ``_participle_of_other_word``): "shocked" matches "shocking", "shock" does not."""
    out = {}
    for word in loaded_words():
        if word.match == "lemma":
            for form in word.forms:
                if " " not in form and _participle_of_other_word(form, word):
                    out.setdefault(lemmatize(form), word)
    return out


@lru_cache(maxsize=1)
def _phrase_first_words() -> frozenset[str]:
    """The first word of every phrase in the list."""
    return frozenset(phrase[0] for phrase in _index()[2] if phrase)


def find_loaded_words(article) -> list[LoadedHit]:
    """Every hit of the loaded-word list in the body, in order: one word (by form or lemma) or a phrase
    of consecutive words inside one sentence."""
    exact, by_lemma, phrases = _index()
    participles = _participles()
    longest = max((len(p) for p in phrases), default=1)
    first_words = _phrase_first_words()
    by_sentence: dict[int, list] = {}
    for tok in article.words:
        by_sentence.setdefault(tok.sentence_id, []).append(tok)
    hits = []
    for sentence_id, toks in by_sentence.items():
        forms = [_norm(t.text) for t in toks]
        k = 0
        while k < len(toks):
            found = None
            # A phrase can only start at its first word: elsewhere no slice of the sentence is looked up.
            for n in range(min(longest, len(toks) - k), 1, -1) if forms[k] in first_words else ():
                if (word := phrases.get(tuple(forms[k:k + n]))) is not None:
                    found = (word, n)
                    break
            if found is None:
                form = forms[k]
                word = exact.get(form) or by_lemma.get(lemmatize(form)) or (
                    participles.get(lemmatize(form)) if form.endswith(("ed", "ing")) else None)
                found = (word, 1) if word is not None else None
            if found is None:
                k += 1
                continue
            word, n = found
            hits.append(LoadedHit(word, toks[k].start, toks[k + n - 1].end, sentence_id))
            k += n
    return sorted(hits, key=lambda h: h.start)
