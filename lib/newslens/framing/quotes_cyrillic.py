"""Quotations in Russian and Ukrainian text: the same quotes.csv as English (``quotes.quotes_table``'s columns),
found by the typography and the reporting verbs of those languages.

Marks: «...» (the usual outer quotes), „...“ (the inner ones, and the outer ones in some Ukrainian copy), “...”
and straight "...". An opening mark is paired with its own closing mark, innermost first, so «... „Минск“ ...»
gives the outer quotation and a ``nested`` inner one.

Direct speech without marks: "Ситуация стабильная, — сказал Песков." (a comma, question or exclamation mark,
a dash, then the reporting verb) is a quotation whose marks are "dash"; it runs from the start of its sentence
(or, when the paragraph opens with a dash, of the paragraph) to the comma.

Attribution (the rule column says which), in this order:
1. after the quotation: «...», — сказал Песков / «...», — заявив Зеленський / «...», — отметил он: a reporting
   verb among the first ``AFTER_VERB_WORDS`` words of the clause after the closing mark (a dash, or a comma,
   question or exclamation mark) and up to the end of that clause; the speaker is the name or role written with
   the verb, after it or before it;
2. before it: Песков заявил: «...» / Він також зазначив: „...“ (a reporting verb in the clause that ends with
   the colon right before the opening mark), or "по словам Пескова, «...»" / "за словами міністра, «...»";
3. a partial quotation inside reported speech: a reporting verb earlier in the same sentence (Лавров заявил,
   что Запад «...»), or a labelling verb at most ``LABEL_GAP`` words before it (Госдеп назвал действия России
   «эскалацией»);
4. a quotation that opens its sentence right after an attributed quotation in the same paragraph continues it.
A span right after "так называемый" / "так званий" (so-called) is a scare quote: the writer's distancing.
Otherwise a span of at most ``SCARE_MAX_WORDS`` words that starts in lower case is a scare quote; one that
starts with a capital is a name or title (Russian and Ukrainian set names of companies, media, ships, treaties
in quotes: «Газпром», «Северный поток — 2»): ``is_title``, kind "unattributed quotation"; any longer span is an
unattributed quotation.
``speaker_resolved`` names the person: the person-name words of the speaker in their dictionary form ("Дмитрий
Песков" from "пресс-секретарь президента России Дмитрий Песков", "Песков" from "Пескова"); a pronoun (он, она,
він, вона) or a role without a name ("представитель Кремля") resolves to the nearest named speaker before it,
else to the last person the text names before it.

The reporting verbs are project lists of common news usage, matched on pymorphy3 lemmas, so every form counts
(заявил, заявила, заявили -> заявить; заявив, заявила -> заявити).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import pandas as pd

from ..text.cyrillic import morph_analyzer
from ..text.segment_cyrillic import sentence_tokens
from .quotes import SCARE_MAX_WORDS, Quote
from .quotes import quotes_table as english_table

SPEECH_VERBS = {
    "ru": frozenset("""
сказать заявить отметить подчеркнуть добавить сообщить написать пояснить ответить заметить рассказать уточнить
говорить указать призвать предупредить констатировать заверить признать напомнить объяснить процитировать
цитировать утверждать резюмировать пообещать настаивать спросить сообщать заявлять отмечать подчёркивать
подчеркивать добавлять писать рассказывать заключить возразить парировать посетовать признаться подтвердить
подтверждать
""".split()),
    "uk": frozenset("""
сказати заявити зазначити наголосити підкреслити додати повідомити написати пояснити відповісти помітити
розповісти уточнити говорити казати вказати закликати попередити констатувати запевнити визнати нагадати
процитувати цитувати стверджувати резюмувати пообіцяти наполягати запитати повідомляти заявляти зазначати
наголошувати підкреслювати додавати писати розповідати заперечити висловитися підтвердити підтверджувати
""".split()),
}
# Labelling verbs: "назвал действия «эскалацией»", "назвали «сигналом»" (the quote at most LABEL_GAP words after).
LABEL_VERBS = {"ru": frozenset("назвать называть охарактеризовать окрестить".split()),
               "uk": frozenset("назвати називати охарактеризувати охрестити".split())}
_LABEL_BREAK = re.compile(r"[,;:\u2014\u2013]")
LABEL_GAP = 6          # "назвал освобождение Солошенко и Афанасьева вопросом «ближайших недель»"
# "по словам X" / "за словами X": according to X.
ACCORDING_TO = {"ru": ("по", "словам"), "uk": ("за", "словами")}
PRONOUNS = {"ru": frozenset({"он", "она", "они", "я", "мы"}), "uk": frozenset({"він", "вона", "вони", "я", "ми"})}
SO_CALLED = {"ru": "называем", "uk": "зван"}     # так называемый, так званий: the start of the word
IN_PLACE = frozenset({"в", "во", "у", "на"})
RESOLVED_PRONOUNS = frozenset({"он", "она", "він", "вона"})
# Roles a speaker is named by without a name ("представитель Кремля", "речник МЗС"): resolved to the last named
# speaker, as English roles are.
ROLE_WORDS = frozenset("""
представитель пресс-секретарь секретарь президент министр глава спикер посол премьер премьер-министр советник
руководитель лидер замминистра официальный представник речник секретар міністр голова прем'єр-міністр прем'єр радник
керівник лідер
""".split())
PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
PERSON_LOOKBACK = 200         # tokens: about two paragraphs of agency copy
AFTER_VERB_WORDS = 3          # the reporting verb opens the clause after the quotation: "— сказал", "— отметил он"
MAX_SPEAKER_WORDS = 8
TITLE_MAX_WORDS = 4           # «Большой двадцатки», «Северный поток — 2»: names, not partial quotations
# pymorphy3 tags of the words that start no speaker phrase (a capital at the start of a sentence).
FUNCTION_TAGS = ("PREP", "CONJ", "PRCL", "ADVB", "INTJ", "NUMR")

OPENERS = {"«": "»", "„": "“”", "“": "”", '"': '"'}
_MARKS_TEXT = '«»„“”"'
_MARKS = re.compile(f"[{_MARKS_TEXT}]")
_AFTER = re.compile(r"\s*(?:[,!?\u2026]\s*(?:[\u2014\u2013-]\s*)?|[\u2014\u2013]\s*)")
_CLAUSE_END = re.compile(r"[.!?;:«»„“”\"\n]|,\s*[\u2014\u2013]")
_DASH_SPEECH = re.compile(r"[,!?\u2026]\s*[\u2014\u2013]\s+")
_LEADING_DASH = re.compile(r"^[\u2014\u2013]\s*")
_CLAUSE_START = re.compile(r"[.!?;«»„“”\"]\s*")


def _mark_pairs(text: str) -> list[tuple[int, int | None, bool]]:
    """(opening mark index, closing mark index or None if never closed, nested) of every quotation in ``text``,
    innermost pairs first closed. A straight mark opens where a letter or digit follows it and closes otherwise."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for m in _MARKS.finditer(text):
        ch, i = m.group(0), m.start()
        top = stack[-1][0] if stack else ""
        if ch == '"':
            if top == '"':
                o = stack.pop()[1]
                pairs.append((o, i, len(stack) > 0))
            elif i + 1 < len(text) and not text[i + 1].isspace():
                stack.append((ch, i))
            continue
        if ch in "“”" and top in ("„", "“") and ch in OPENERS[top]:
            o = stack.pop()[1]
            pairs.append((o, i, len(stack) > 0))
        elif ch == "»":
            while stack and stack[-1][0] != "«":        # an inner mark never closed
                o = stack.pop()[1]
                pairs.append((o, None, True))
            if stack:
                o = stack.pop()[1]
                pairs.append((o, i, len(stack) > 0))
        elif ch in ("«", "„", "“"):
            stack.append((ch, i))
    pairs.extend((o, None, k > 0) for k, (_, o) in enumerate(stack))
    return sorted(pairs)


BLOCK_STYLE = "none (paragraph after a colon)"
MARK_STYLE = {"«": "guillemets", "„": "low-high double", "“": "curly double", '"': "straight double", "": "dash"}


class _Article:
    """The article's tokens with lemmas, in body order, and the lookups the rules need."""

    def __init__(self, article):
        self.article = article
        self.lang = article.language
        self.verbs = SPEECH_VERBS[self.lang]
        self.pronouns = PRONOUNS[self.lang]
        by_sentence = sentence_tokens(article)
        self.tokens = [t for sid in sorted(by_sentence) for t in by_sentence[sid]]
        self.starts = [t.start for t in self.tokens]

    def words(self, start: int, end: int) -> list:
        """Word tokens inside [start, end)."""
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.tokens) and self.tokens[i].end <= end:
            if self.tokens[i].is_word:
                out.append(self.tokens[i])
            i += 1
        return out

    def is_verb(self, token) -> bool:
        return token.lemma in self.verbs

    def starts_phrase(self, token) -> bool:
        """A capitalised content word or a pronoun: where a speaker phrase can start."""
        if token.lemma in self.pronouns or token.text.lower() in self.pronouns:
            return True
        # a lone capital letter opening a sentence is a preposition ("В", "У", "С"), though pymorphy3 may prefer
        # an initial for a capitalised word
        return token.text[:1].isupper() and len(token.text) > 1 and not token.tag.startswith(FUNCTION_TAGS)

    def ends_phrase(self, token) -> bool:
        return token.text[:1].isupper() or token.text.lower() in self.pronouns

    def speaker_after(self, words: list, i: int) -> list:
        """The speaker written after the verb at ``words[i]`` (its tokens): up to the last capitalised word or
        pronoun, not past a comma ("— добавил он, имея в виду Россию": the speaker is "он") and not past a
        preposition that follows a person's name."""
        phrase = self.unbroken(words[i + 1:i + 1 + MAX_SPEAKER_WORDS], ",")
        # "сказав Кулеба журналістам у Києві": a preposition after a person's name opens an adverbial, not
        # the speaker ("Києві" would read as the given name Кий)
        named = next((k for k, t in enumerate(phrase) if PERSON_TAGS & set(t.tag.replace(" ", ",").split(","))), None)
        if named is not None:
            phrase = phrase[:next((k for k in range(named + 1, len(phrase)) if phrase[k].tag.startswith("PREP")),
                                  len(phrase))]
        last = max((k for k, t in enumerate(phrase) if self.ends_phrase(t)), default=-1)
        return self.trimmed(phrase[:last + 1])

    def speaker_before(self, words: list, i: int) -> list:
        """The speaker written before the verb at ``words[i]``: from the first capitalised content word or
        pronoun to the verb ("Пресс-секретарь президента России Дмитрий Песков", "Он" of "Он также заявил")."""
        before = self.unbroken(words[max(0, i - MAX_SPEAKER_WORDS):i][::-1], _MARKS_TEXT)[::-1]
        first = next((k for k, t in enumerate(before) if self.starts_phrase(t)), None)
        if first is None:
            return []
        phrase = before[first:]
        last = max(k for k, t in enumerate(phrase) if self.ends_phrase(t) or k == 0)
        phrase = self.trimmed(phrase[:last + 1])
        # "У Брюсселі ... назвали": the place speaks for its government, as the places rules read "в Москве
        # заявили"
        in_place = first > 0 and before[first - 1].text.lower() in IN_PLACE and "NOUN" in _grammemes(before[first])
        # otherwise the verb's subject is in the nominative: "під час Другої світової війни ... говорила" has none
        return phrase if in_place or any(_is_subject(t) for t in phrase) else []

    def trimmed(self, phrase: list) -> list:
        """The speaker phrase as it is when it opens with a role word or a nominative noun or pronoun
        ("Пресс-секретарь президента России Дмитрий Песков", "мэр Пётр Орлов"), else from its first nominative
        role word, else the person-name run at its end ("Трамп" of "журналистам сам Трамп", "Павел Климкин" of
        "Украины Павел Климкин"), else as it is."""
        if not phrase or phrase[0].lemma in ROLE_WORDS or _is_subject(phrase[0]):
            return phrase           # "мэр Пётр Орлов", "Он": the phrase opens with its head
        role = next((k for k, t in enumerate(phrase) if t.lemma in ROLE_WORDS and "nomn" in t.tag), None)
        if role is not None:
            return phrase[role:]
        run = 0
        while run < len(phrase) and PERSON_TAGS & _grammemes(phrase[-run - 1]):
            run += 1
        return phrase[-run:] if run else phrase

    def unbroken(self, phrase: list, marks: str) -> list:
        """The words of ``phrase`` up to the first gap between two of them that holds one of ``marks`` (a
        comma; a quotation mark, so that "«Интер» Порошенко" gives "Порошенко")."""
        for k in range(1, len(phrase)):
            a, b = sorted((phrase[k - 1], phrase[k]), key=lambda tok: tok.start)
            if any(ch in marks for ch in self.article.body[a.end:b.start]):
                return phrase[:k]
        return phrase

    def text(self, phrase: list) -> str:
        return self.article.body[phrase[0].start:phrase[-1].end] if phrase else ""

    def speaker(self, words: list, i: int) -> list:
        return self.speaker_after(words, i) or self.speaker_before(words, i)

    def person_name(self, phrase: list) -> str:
        """The person-name words at the end of a speaker phrase, in the nominative ("Захарова" from "Захаровой":
        pymorphy3's inflection keeps a surname's gender, where its lemma is the masculine form)."""
        run = []
        for t in reversed(phrase):
            grammemes = set(t.tag.replace(" ", ",").split(","))
            if not t.text[:1].isupper() or t.lemma in ROLE_WORDS or "NPRO" in grammemes or "Geox" in grammemes \
                    or ("inan" in grammemes and "nomn" not in grammemes):
                break
            run.append(t)
        if run and len(run) < len(phrase) and phrase[-len(run) - 1].lemma in ROLE_WORDS \
                and "nomn" in phrase[-len(run) - 1].tag and not any("nomn" in t.tag for t in run):
            return ""           # "представитель Путина": Putin's spokesman, not Putin; resolved as a role
        return " ".join(self._nominative(t) for t in reversed(run))

    def last_person_before(self, offset: int) -> str:
        """The last run of person-name words (pymorphy3's Name, Surn, Patr) before ``offset``, in the
        nominative; "" if none within ``PERSON_LOOKBACK`` tokens."""
        i = bisect_left(self.starts, offset) - 1
        stop = max(-1, i - PERSON_LOOKBACK)
        while i > stop:
            if len(self.tokens[i].text) > 1 and PERSON_TAGS & set(self.tokens[i].tag.replace(" ", ",").split(",")):
                run = [self.tokens[i]]
                while i - 1 > stop and PERSON_TAGS & set(self.tokens[i - 1].tag.replace(" ", ",").split(",")):
                    i -= 1
                    run.insert(0, self.tokens[i])
                return " ".join(self._nominative(t) for t in run)
            i -= 1
        return ""

    def _nominative(self, token) -> str:
        if "nomn" in token.tag:
            return token.text
        parse = next((p for p in morph_analyzer(self.lang).parse(token.text) if str(p.tag) == token.tag), None)
        form = parse.inflect({"nomn"}) if parse is not None else None
        word = form.word if form is not None else token.lemma
        return "-".join(part.capitalize() for part in word.split("-"))


def _grammemes(token) -> set[str]:
    return set(token.tag.replace(" ", ",").split(","))


def _is_subject(token) -> bool:
    """A nominative noun or pronoun (a name, a role, an institution, "он"): what can be a verb's subject."""
    grammemes = _grammemes(token)
    return "nomn" in grammemes and bool(grammemes & {"NOUN", "NPRO"})


def _find_verb(A: _Article, words: list, first: int | None = None):
    """Index of the first reporting verb among ``words`` (or among their first ``first``), else None."""
    for k, t in enumerate(words if first is None else words[:first]):
        if A.is_verb(t):
            return k
    return None


def _after_rule(A: _Article, body: str, close: int, para_end: int):
    """(cue, speaker, cue end) from the clause after a closing mark at ``close``, or None."""
    m = _AFTER.match(body, close + 1, para_end)
    if not m or m.end() == close + 1:
        return None
    end = _CLAUSE_END.search(body, m.end(), para_end)
    words = A.words(m.end(), end.start() if end else para_end)
    k = _find_verb(A, words, AFTER_VERB_WORDS)
    if k is None:
        return None
    return words[k].text, A.speaker(words, k), words[k].end


def _inside_rule(A: _Article, body: str, start: int, end: int):
    """(cue, speaker) of an attribution the writer put inside the marks: «..., — сказал Песков. — ...»."""
    for m in _DASH_SPEECH.finditer(body, start, end):
        stop = _CLAUSE_END.search(body, m.end(), end)
        words = A.words(m.end(), stop.start() if stop else end)
        k = _find_verb(A, words, AFTER_VERB_WORDS)
        if k is not None:
            return words[k].text, A.speaker(words, k)
    return None


def _block_quotes(A: _Article, article) -> list:
    """Paragraphs quoted as a block after a paragraph that ends with a colon and a reporting verb ("Об этом
    сообщил журналистам сам Трамп:" then the words, as web pages set a quotation off without marks): the raw
    entries of ``find_quotes`` with their attribution."""
    body = article.body
    out = []
    paragraphs = list(article.paragraphs)
    for para, following in zip(paragraphs, paragraphs[1:]):
        head = body[para.start:para.end].rstrip()
        text = body[following.start:following.end].strip()
        if not head.endswith(":") or not text or text[0] in _MARKS_TEXT + "\u2014\u2013-":
            continue
        if any(A.is_verb(w) or w.lemma in LABEL_VERBS[A.lang] for w in A.words(following.start, following.end)):
            continue            # it reports speech itself: narrative, not the words announced by the colon
        colon = para.start + len(head) - 1
        words = A.words(article.sentence_at(colon).start, colon)
        k = next((k for k in range(len(words) - 1, -1, -1) if A.is_verb(words[k])), None)
        if k is None:
            continue
        start = body.index(text, following.start)
        given = (words[k].text, A.speaker_before(words, k) or A.speaker_after(words, k),
                 "block quotation: the paragraph after a reporting verb and a colon, without marks")
        out.append((start, start + len(text), "", "", True, False, following, given))
    return out


def _before_rule(A: _Article, body: str, open_: int, para_start: int):
    """(cue, speaker, rule) from the clause before an opening mark at ``open_``, or None."""
    head = body[para_start:open_].rstrip()
    clause_start = para_start
    for m in _CLAUSE_START.finditer(head):
        clause_start = para_start + m.end()
    words = A.words(clause_start, para_start + len(head))
    if head.endswith(":"):
        k = next((k for k in range(len(words) - 1, -1, -1) if A.is_verb(words[k])), None)
        if k is not None:
            return (words[k].text, A.speaker_before(words, k) or A.speaker_after(words, k),
                    "reporting verb before the colon that opens the quotation")
    if head.endswith(","):
        lowered = [t.text.lower() for t in words]
        a, b = ACCORDING_TO[A.lang]
        for k in range(len(lowered) - 1):
            if lowered[k] == a and lowered[k + 1] == b:
                phrase = words[k + 2:k + 2 + MAX_SPEAKER_WORDS]
                return (f"{words[k].text} {words[k + 1].text}", phrase,
                        f"'{a} {b}' (according to) before the quotation")
    return None


def _reported_rule(A: _Article, sentence_start: int, open_: int):
    """(cue, speaker, rule) of a reporting verb earlier in the quotation's sentence (a partial quotation), or of
    a labelling verb right before it ("назвал действия России «эскалацией»")."""
    words = A.words(sentence_start, open_)
    k = next((k for k in range(len(words) - 1, -1, -1) if A.is_verb(words[k])), None)
    if k is not None:
        # the verb's subject must be written in the sentence: "як під час Другої світової війни, про що
        # говорила «ніколи знову»" names no speaker, and the last person named is not one
        speaker = A.speaker_before(words, k) or A.speaker_after(words, k)
        if speaker:
            return (words[k].text, speaker,
                    "partial quotation inside reported speech (reporting verb earlier in the sentence)")
    k = next((k for k in range(len(words) - 1, max(len(words) - 1 - LABEL_GAP, 0) - 1, -1)
              if words[k].lemma in LABEL_VERBS[A.lang]), None)
    if k is not None and not _LABEL_BREAK.search(A.article.body, words[k].end, open_):
        # within one clause: "я називаю її війною, а не «спеціальною операцією»" rejects the label (a scare quote)
        return (words[k].text, A.speaker_before(words, k),
                f"labelling verb at most {LABEL_GAP} words before the quotation")
    return None


def _looks_like_name(text: str, n_words: int) -> bool:
    """A short capitalised span that is no sentence: a name or title even inside reported speech ("отметил, что
    встретится с ним на саммите «Большой двадцатки»")."""
    return n_words <= TITLE_MAX_WORDS and text[:1].isupper() and text.rstrip()[-1:] not in ".!?…"


def find_quotes(article) -> list[Quote]:
    """Every quoted span of a Russian or Ukrainian article, in text order, classified and attributed."""
    A = _Article(article)
    body = article.body
    raw = []            # (start, end, open mark, close mark, closed, nested, paragraph, attribution)
    for para in article.paragraphs:
        marked = []
        for o, c, nested in _mark_pairs(para.text):
            start, close = para.start + o, (para.start + c if c is not None else para.end)
            raw.append((start + 1, close, para.text[o], para.text[c] if c is not None else "", c is not None,
                        nested, para, None))
            marked.append((start, close + 1))
        # direct speech set off by a dash, without marks
        for sent in (s for s in article.sentences if s.paragraph_id == para.id):
            m = _DASH_SPEECH.search(body, sent.start, sent.end)
            if not m or any(s <= m.start() < e for s, e in marked):
                continue
            end_clause = _CLAUSE_END.search(body, m.end(), para.end)
            words = A.words(m.end(), end_clause.start() if end_clause else para.end)
            if _find_verb(A, words, AFTER_VERB_WORDS) is None:
                continue
            start = sent.start
            if sent.start == para.start or _LEADING_DASH.match(para.text):
                start = para.start + (_LEADING_DASH.match(para.text).end() if _LEADING_DASH.match(para.text) else 0)
            if any(s < m.start() and start < e for s, e in marked):
                start = max(e for s, e in marked if s < m.start())
                while start < m.start() and not body[start].isalnum():
                    start += 1
            if start < m.start():
                raw.append((start, m.start(), "", "", True, False, para, None))
    blocks = _block_quotes(A, article)
    if blocks:
        # marks inside a block quotation are the speaker's own; direct speech inside it is not a new quotation
        # block quotations are whole paragraphs, so they do not overlap: the one that can hold a span is the last
        # starting at or before it (sorted starts, bisect: linear in the number of quotes)
        inside = sorted((b[0], b[1]) for b in blocks)
        block_starts = [b for b, _ in inside]

        def block_end(offset: int) -> int:
            k = bisect_right(block_starts, offset) - 1
            return inside[k][1] if k >= 0 else -1

        raw = [r[:5] + (True,) + r[6:] if r[2] and r[1] <= block_end(r[0]) else r
               for r in raw if r[2] or not r[0] < block_end(r[0])] + blocks
    raw.sort(key=lambda r: r[0])

    spans: list[Quote] = []
    named: list[tuple[int, str]] = []      # (offset, person) of every named speaker so far
    last_attributed: dict[int, Quote] = {}     # paragraph id -> its last attributed quotation
    last_speaker: dict[int, list] = {}              # and its speaker's tokens
    for start, end, open_mark, close_mark, closed, nested, para, given in raw:
        text = body[start:end]
        n_words = len(A.words(start, end))
        sentence = article.sentence_at(start)
        cue = rule = ""
        speaker: list = []
        before = A.words(max(para.start, start - 40), start - 1)[-2:]
        if given:
            cue, speaker, rule = given
        elif nested:
            rule = "inside a quotation: the speaker's own quotation marks"
        elif len(before) == 2 and before[0].text.lower() == "так" \
                and before[1].text.lower().startswith(SO_CALLED[A.lang]):
            rule = "after 'so-called' (так называемый, так званий): the writer's distancing"
        else:
            found = _after_rule(A, body, end if closed and open_mark else end - 1, para.end) if closed else None
            if found:
                cue, speaker, _ = found
                rule = "reporting verb in the clause after the quotation" + (" (direct speech set off by a dash)"
                                                                              if not open_mark else "")
            elif open_mark and closed and (inside := _inside_rule(A, body, start, end)):
                cue, speaker = inside
                rule = "reporting verb inside the quotation marks («..., — сказал X. — ...»)"
            elif open_mark and (before := _before_rule(A, body, start - 1, para.start)):
                cue, speaker, rule = before
            elif open_mark and not _looks_like_name(text, n_words) \
                    and (reported := _reported_rule(A, sentence.start, start - 1)):
                cue, speaker, rule = reported
            elif open_mark and para.id in last_attributed and body[sentence.start:start - 1].strip(" \u2014\u2013") == "" \
                    and last_attributed[para.id].sentence_id == sentence.id - 1:
                previous = last_attributed[para.id]
                cue, speaker = previous.cue, last_speaker[para.id]
                rule = "continues the attributed quotation of the sentence before"
        resolved = ""
        so_called = rule.startswith("after 'so-called'")
        if rule and not nested and not so_called:
            kind = "attributed quotation"
            resolved = A.person_name(speaker)
            if resolved:
                named.append((start, resolved))
            elif not speaker or A.text(speaker).lower() in RESOLVED_PRONOUNS or speaker[0].lemma in ROLE_WORDS:
                # a pronoun or a role ("представитель Кремля"): the last named speaker, else the last person the
                # text names before it ("Мария Захарова заявила, что ... «...», — сказала она")
                resolved = named[-1][1] if named else A.last_person_before(start)
        elif so_called or (n_words <= SCARE_MAX_WORDS and text[:1].islower()):
            kind = "scare quote"
            rule = rule or f"no attribution, {SCARE_MAX_WORDS} words or fewer, lower case"
        else:
            kind = "unattributed quotation"
            rule = rule or ("no attribution; a capitalised name or title in quotation marks" if n_words <= 6
                            and text[:1].isupper() and open_mark else "no attribution")
        is_title = (kind == "unattributed quotation" and n_words <= 6 and text[:1].isupper() and bool(open_mark)
                    and not nested and (len(text) < 2 or text.rstrip()[-1:] not in ".!?"))
        span = Quote(
            quote_id=len(spans) + 1, start=start, end=end, open_mark=open_mark, close_mark=close_mark, text=text,
            sentence_id=sentence.id, paragraph_id=para.id, n_words=n_words, kind=kind, is_title=is_title, cue=cue,
            speaker=A.text(speaker), rule=rule, closed=closed, speaker_resolved=resolved, nested=nested)
        if kind == "attributed quotation":
            last_attributed[para.id], last_speaker[para.id] = span, speaker
        spans.append(span)
    return spans


def quotes_table(article, spans: list[Quote] | None = None):
    """quotes.csv of a Russian or Ukrainian article: the columns of the English table."""
    spans = find_quotes(article) if spans is None else spans
    frame = english_table(article, spans)
    frame["marks"] = [BLOCK_STYLE if q.rule.startswith("block quotation") else
                      MARK_STYLE.get(q.open_mark, "straight double") for q in spans]
    return frame if len(frame) else pd.DataFrame(columns=frame.columns)
