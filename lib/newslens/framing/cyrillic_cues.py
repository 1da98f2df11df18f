"""cues.csv and cue_rates.csv of a Russian or Ukrainian article: the English cues (``framing.cues``) by rules of
those languages, with whose words each piece of evidence is.

- loaded language and name calling: the counted term_mentions.csv hits of Cyrillic lexicon entries marked
  ``loaded`` or ``name_calling`` (хунта, киевский режим, нацисты, каратели, рашисты, агрессия...), grouped
  by entry and voice, with how many stand in scare quotes; a hit with a negation (не, ни; ні) at most
  ``NEGATION_WINDOW`` words before it in its sentence is not a cue ("не нацисты").
- repetition: duplicated paragraphs and sentences, and a scare quote used more than once in one voice. The
  English repeated n-grams are not read: their filters (clause words, stock phrasing) are English word lists.

Voices: ``quoted`` inside an attributed or unattributed quotation of ``quotes_cyrillic`` (scare quotes and
quoted titles stay the writer's), with the quotation's resolved speaker; ``reported`` in a sentence of indirect
speech: a reporting verb of ``quotes_cyrillic.SPEECH_VERBS`` with its speaker written beside it ("заявил
министр Сергей Лавров", "Кулеба заявив, що"), or "по словам X" / "за словами X" (a pronoun, "по его словам",
resolved to the last person named before it); ``outlet`` otherwise. A speaker is given in the fullest form
the article names ("Песков" and "Дмитрий Песков" are one speaker), as in English.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from itertools import accumulate

import pandas as pd

from ..schema import CUE_RATES, conform
from .cues import Cue, cues_frame
from .quotes_cyrillic import ACCORDING_TO, PRONOUNS, ROLE_WORDS, _Article

NEGATIONS = {"ru": frozenset({"не", "ни"}), "uk": frozenset({"не", "ні", "ані"})}
NEGATION_WINDOW = 2
VOICE_ORDER = ("outlet", "quoted", "reported")
# Possessive pronouns of "по его словам" / "за його словами": the speaker is the last person named.
POSSESSIVES = frozenset({"его", "ее", "её", "их", "його", "її", "їх"})
CLAUSE_BREAKS = frozenset(",:;\u2014\u2013()«»„“”\"")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


class CyrillicVoices:
    """Whose words a body span is: ``voice(start, end) -> (voice, speaker)`` (see the module docstring)."""

    def __init__(self, article, quotes):
        self.article = article
        self.A = _Article(article)
        self.quoted = sorted((q.start, q.end, q) for q in quotes if q.kind != "scare quote" and not q.is_title)
        self._starts = [s for s, _, _ in self.quoted]
        self._reach = list(accumulate((e for _, e, _ in self.quoted), max))
        self.reported = self._reported_sentences()
        names = {q.speaker_resolved or q.speaker for _, _, q in self.quoted} | set(self.reported.values())
        self.speakers = {n for n in names if n}
        # the fullest speaker of each last word, and each speaker's canonical form once found (``canonical``)
        self._fullest: dict[str, str] = {}
        for s in self.speakers:
            last = s.split()[-1]
            if last not in self._fullest or (len(s), s) > (len(self._fullest[last]), self._fullest[last]):
                self._fullest[last] = s
        self._canonical: dict[str, str] = {}

    def _inside_quotation(self, start: int, end: int):
        j = bisect_right(self._starts, start) - 1
        while j >= 0 and self._reach[j] >= end:
            s, e, q = self.quoted[j]
            if e >= end:
                return q
            j -= 1
        return None

    def _speaker_name(self, phrase: list, offset: int, last_named) -> str:
        """A speaker phrase's person name; for a pronoun, the last named speaker; else the phrase as written
        ("представитель Кремля")."""
        A = self.A
        if not phrase:
            return ""
        name = A.person_name(phrase)
        if name:
            return name
        text = A.text(phrase)
        # a pronoun, or a role without a name ("представитель Кремля"), is the last named speaker, as for quotations
        return last_named(offset) if text.lower() in PRONOUNS[A.lang] or phrase[0].lemma in ROLE_WORDS else text

    def _clauses(self, sentence) -> list[list]:
        """The word tokens of each clause of a sentence (cut at , : ; dashes, brackets and quote marks),
        words inside a quotation left out."""
        A = self.A
        i = bisect_right(A.starts, sentence.start - 1)
        clauses, current = [], []
        while i < len(A.tokens) and A.tokens[i].end <= sentence.end:
            t = A.tokens[i]
            if t.is_word:
                if self._inside_quotation(t.start, t.end) is None:
                    current.append(t)
            elif t.text in CLAUSE_BREAKS and current:
                clauses.append(current)
                current = []
            i += 1
        return clauses + ([current] if current else [])

    def _speaker_phrase(self, words: list, k: int) -> list:
        """The speaker of the reporting verb at ``words[k]``: written after it, else everything from the first
        capitalised word or pronoun before it up to it ("Украинская сторона говорит")."""
        after = self.A.speaker_after(words, k)
        if after:
            return after
        before = self.A.speaker_before(words, k)
        if not before or before[0].text.lower() in PRONOUNS[self.A.lang]:
            return before[:1]              # "Он также заявил": the pronoun, resolved by the caller
        return words[words.index(before[0]):k]

    def _reported_sentences(self) -> dict[int, str]:
        """{sentence id: speaker} of every sentence of indirect speech (outside its quotations)."""
        A, out = self.A, {}
        according = ACCORDING_TO[A.lang]
        # (offset, speaker) of every named speaker so far: a pronoun ("по его словам", "он заявил") is the last
        # of them, as for quotations; the last person the text names only when there is none
        quoted = sorted((q.start, q.speaker_resolved) for _, _, q in self.quoted if q.speaker_resolved)
        reported: list[tuple[int, str]] = []         # appended in reading order, so sorted too

        def last_named(offset: int) -> str:
            found = [names[k] for names in (quoted, reported) if (k := bisect_right(names, (offset, "")) - 1) >= 0]
            return max(found)[1] if found else A.last_person_before(offset)

        for sentence in self.article.sentences:
            speaker = ""
            for words in self._clauses(sentence):
                lowered = [w.text.lower() for w in words]
                if lowered[:2] == list(according):                                 # по словам Пескова
                    speaker = self._speaker_name(words[2:], words[0].start, last_named)
                elif len(lowered) > 2 and lowered[0] == according[0] and lowered[1] in POSSESSIVES \
                        and lowered[2] == according[1]:                             # по его словам
                    speaker = last_named(words[0].start)
                for k, w in enumerate(words):
                    if not speaker and A.is_verb(w):
                        speaker = self._speaker_name(self._speaker_phrase(words, k), w.start, last_named)
                if speaker:
                    break
            if speaker:
                out[sentence.id] = speaker
                reported.append((sentence.start, speaker))
        return out

    def canonical(self, speaker: str) -> str:
        """The fullest form of a speaker the article names, by the same last word."""
        if speaker not in self._canonical:
            words = speaker.split()
            fullest = self._fullest.get(words[-1], "") if words else ""
            self._canonical[speaker] = fullest if len(fullest) > len(speaker) else speaker
        return self._canonical[speaker]

    def voice(self, start: int, end: int) -> tuple[str, str]:
        q = self._inside_quotation(start, end)
        if q is not None:
            return "quoted", self.canonical(q.speaker_resolved or q.speaker)
        reported = self.reported.get(self.article.sentence_at(start).id)
        if reported is not None:
            return "reported", self.canonical(reported)
        return "outlet", ""


def _negated(article, start: int) -> bool:
    sentence = article.sentence_at(start)
    before = _WORD.findall(article.body[sentence.start:start].lower())
    return any(w in NEGATIONS[article.language] for w in before[-NEGATION_WINDOW:])


def _squash(text: str) -> str:
    return " ".join(text.split()).lower()


def _row(article, by_id, cue, evidence_type, evidence, spans, detail, voice) -> dict:
    """One cue's fields (all but its id); ``by_id``: the article's sentences by id, built once."""
    spans = tuple(sorted(spans))
    sentences = sorted({article.sentence_at(s).id for s, _ in spans})
    return {"cue": cue, "evidence_type": evidence_type, "evidence": evidence, "occurrences": len(spans),
            "paragraph_ids": tuple(sorted({by_id[s].paragraph_id for s in sentences})),
            "sentence_ids": tuple(sentences), "spans": spans, "detail": detail,
            "first_sentence": by_id[sentences[0]].text if sentences else "", "voice": voice[0], "speaker": voice[1]}


def find_cues(article, mentions: pd.DataFrame, quotes, voices: CyrillicVoices) -> list[Cue]:
    """Every piece of evidence (module docstring), as ``framing.cues.Cue`` records."""
    rows = []
    by_id = {s.id: s for s in article.sentences}
    reported_spans: list[tuple[int, int]] = []      # of the paragraphs already listed, sorted
    for units, what in ((article.paragraphs, "paragraph"), (article.sentences, "sentence")):
        # inside a listed paragraph: one starting at or before the span reaches its end (units of one kind do
        # not overlap, so only the spans listed for the kind before are looked at)
        starts = [s for s, _ in reported_spans]
        reach = list(accumulate((e for _, e in reported_spans), max))
        groups = defaultdict(list)
        for unit in units:
            groups[_squash(unit.text)].append(unit)
        new_spans = []
        for group in (g for g in groups.values() if len(g) > 1):
            spans = [(u.start, u.end) for u in group]
            if all((j := bisect_right(starts, a) - 1) >= 0 and reach[j] >= b for a, b in spans):
                continue                    # the sentences of a duplicated paragraph are not listed again
            new_spans.extend(spans)
            rows.append(_row(article, by_id, "repetition", f"duplicated {what}", group[0].text, spans,
                             f"{what}s {', '.join(str(u.id) for u in group)}", voices.voice(spans[0][0], spans[0][0] + 1)))
        reported_spans = sorted(reported_spans + new_spans)
    scare = defaultdict(list)
    for q in quotes:
        if q.kind == "scare quote":
            scare[(_squash(q.text), voices.voice(q.start, q.end))].append(q)
    for (text, voice), group in sorted(scare.items(), key=lambda kv: kv[1][0].start):
        if len(group) > 1:
            rows.append(_row(article, by_id, "repetition", "repeated scare quote", text, [(q.start, q.end) for q in group],
                             f"quote ids {', '.join(str(q.quote_id) for q in group)}", voice))
    # «...» right after "так называемый"/"так званий": the writer distancing from the words, not calling names
    distanced = sorted((q.start, q.end) for q in quotes if q.rule.startswith("after 'so-called'"))
    distanced_starts = [a for a, _ in distanced]

    def so_called(m) -> bool:
        k = bisect_right(distanced_starts, int(m.start)) - 1
        return m.cue == "name_calling" and k >= 0 and int(m.end) <= distanced[k][1]

    if len(mentions):
        for cue_kind, label in (("loaded", "loaded language"), ("name_calling", "name calling")):
            grouped = defaultdict(list)
            for m in mentions.itertuples(index=False):
                if m.cue == cue_kind and bool(m.counted) and not _negated(article, int(m.start)) and not so_called(m):
                    grouped[(m.category, m.term, voices.voice(int(m.start), int(m.end)))].append(m)
            for (category, term, voice), group in sorted(grouped.items(), key=lambda kv: kv[1][0].start):
                n_scare = sum(m.quote_kind == "scare quote" for m in group)
                rows.append(_row(article, by_id, label, f"lexicon term ({category})", term,
                                 [(int(m.start), int(m.end)) for m in group],
                                 f"{n_scare} of {len(group)} in scare quotes", voice))
    return [Cue(cue_id=i, **row) for i, row in enumerate(rows, start=1)]


def cues_table(cues: list[Cue]) -> pd.DataFrame:
    return cues_frame(cues)


def cue_rates_table(article, cues: list[Cue], voices: CyrillicVoices) -> pd.DataFrame:
    """cue_rates.csv: per voice (the outlet first, zeros included), its words and its cues, as in English."""
    words = defaultdict(int)
    for tok in article.words:
        words[voices.voice(tok.start, tok.end)] += 1
    counts = defaultdict(lambda: defaultdict(int))
    for c in cues:
        counts[(c.voice, c.speaker)][c.cue] += 1 if c.cue == "repetition" else c.occurrences
    keys = [("outlet", "")] + sorted((set(words) | set(counts)) - {("outlet", "")},
                                     key=lambda k: (VOICE_ORDER.index(k[0]), k[1]))
    rows = []
    for key in keys:
        c, n = counts.get(key, {}), words.get(key, 0)
        word_cues = c.get("loaded language", 0) + c.get("name calling", 0)
        rows.append({"voice": key[0], "speaker": key[1], "words": n, "loaded_language": c.get("loaded language", 0),
                     "name_calling": c.get("name calling", 0), "repetition": c.get("repetition", 0),
                     "word_cues": word_cues, "word_cues_per_1000": round(1000 * word_cues / n, 3) if n else None})
    return conform(pd.DataFrame(rows, columns=CUE_RATES.column_names()), CUE_RATES)
