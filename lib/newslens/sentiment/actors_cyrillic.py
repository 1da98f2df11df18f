"""Actors named in a Russian or Ukrainian article, as the rows of actor_mentions.csv.

Aliases come from ``data/actors_cyrillic.csv`` (lang, actor, aliases, kind, source), under the actor names of
``data/actors.csv`` ("Russia", "NATO", "the West"), so an original and its English version count one actor under
one name. An alias is written in its dictionary form and matches a word in any grammatical case: a text word
matches an alias word when one of the word's pymorphy3 readings (``text.cyrillic_forms.normal_forms``) is the
alias word, or, for a word of a longer alias, its likeliest lemma ("Соединённых Штатов" -> "соединённые
штаты"). So "России", "Россией", "Києві", "Кремлём", "Анкары", "Пескова" are found. Case guards: a capitalised
alias word needs a capitalised text word ("Запад" the bloc, not "запад" the direction; "Путина" the
president, not "путина" the fishing season); an alias in capitals ("США", "ЕС", "НАТО") needs exactly that
spelling. A hyphenated word is also read part by part ("российско-американский" is not an alias, but
"Россия-НАТО" names both): such a mention's form is "compound", any other "plain". Rows of kind ``exclude``
("Латинская Америка", "Российская империя") block the aliases inside them.

Which mention is the actor acting is decided as in English (``actors.with_roles``): the places stage's Cyrillic
rules give each country, capital or demonym mention its role ("Киев заявил": acting; "в Киеве": a setting;
"турецкие беспилотники": an origin), and countries the list lacks are added from the places stage's acting
mentions. A bloc or alliance after "в"/"во"/"внутри" (Ukrainian "в"/"у"/"всередині") is the frame, a setting
("в НАТО", "у Альянсі"), as after English "in/within".

Linear: one pass over each sentence's tokens, and a dictionary look-up per reading of each word.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from ..paths import DATA_DIR
from ..text.cyrillic import CYRILLIC_LANGUAGES, Token, own_language, sentence_language
from ..text.cyrillic_forms import fold, key_forms, normal_forms
from .actors import ActorMention, _whole_word, with_roles

ACTORS_FILE = DATA_DIR / "actors_cyrillic.csv"
KINDS = frozenset({"country", "demonym", "capital", "leader", "official", "institution", "alliance", "bloc",
                   "union", "exclude"})
# Person names are matched on their own spelling only: their likeliest lower-case lemma can be a common word
# ("Песков" -> "песок", sand).
PERSON_KINDS = frozenset({"leader", "official"})
# Words before a bloc or alliance that make it the frame, not the bloc acting ("в НАТО", "у Альянсі").
BLOC_SETTING_WORDS = {"ru": frozenset({"в", "во", "внутри"}), "uk": frozenset({"в", "у", "всередині", "усередині"})}
HYPHENS = "-\u2010\u2011"


@dataclass(frozen=True)
class Alias:
    """One alias: its actor ("" for an exclusion), the alias as written in the list, its kind, and per word the
    spellings a text word's readings must hold one of, with the word's case guard."""
    actor: str
    alias: str
    kind: str
    keys: tuple[frozenset[str], ...]
    guards: tuple[str, ...]      # per word: "upper" (exact capitals), "capital" (first letter) or "" (any case)


def _guard(word: str) -> str:
    if len(word) > 1 and word.isupper():
        return "upper"
    return "capital" if word[:1].isupper() else ""


def _alias(actor: str, alias: str, kind: str, lang: str) -> Alias:
    words = alias.split()
    if len(words) == 1 or kind in PERSON_KINDS:
        keys = tuple(frozenset({fold(w)}) for w in words)
    else:
        keys = tuple(key_forms(w, lang) for w in words)
    return Alias(actor, alias, kind, keys, tuple(_guard(w) for w in words))


@lru_cache(maxsize=None)
def load_aliases(lang: str) -> tuple[Alias, ...]:
    """The aliases of ``lang`` ("ru" or "uk"), in file order; a malformed row is a ValueError naming the file
    and the row."""
    if lang not in CYRILLIC_LANGUAGES:
        raise ValueError(f"no actor aliases for language {lang!r}; choose from {', '.join(CYRILLIC_LANGUAGES)}")
    with open(ACTORS_FILE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    out = []
    for n, row in enumerate(rows, start=1):
        values = {k: (row.get(k) or "").strip() for k in ("lang", "actor", "aliases", "kind", "source")}
        if values["lang"] not in CYRILLIC_LANGUAGES or values["kind"] not in KINDS or not values["aliases"] \
                or not values["source"] or (values["kind"] == "exclude") == bool(values["actor"]):
            raise ValueError(f"{ACTORS_FILE.name} data row {n}: needs lang (ru or uk), an actor (none for kind "
                             f"exclude), aliases, a kind of {', '.join(sorted(KINDS))} and a source; got {row}")
        if values["lang"] != lang:
            continue
        out += [_alias(values["actor"], a.strip(), values["kind"], lang) for a in values["aliases"].split("|")]
    return tuple(out)


@lru_cache(maxsize=None)
def _index(lang: str) -> dict[str, list[Alias]]:
    """Every key of an alias's first word -> the aliases starting with it, longest first."""
    index: dict[str, list[Alias]] = {}
    for alias in load_aliases(lang):
        for key in alias.keys[0]:
            index.setdefault(key, []).append(alias)
    for found in index.values():
        found.sort(key=lambda a: -len(a.keys))
    return index


def _fits(word: str, keys: frozenset[str], guard: str, lang: str) -> bool:
    if guard == "upper" and word != word.upper():
        return False
    if guard == "capital" and not word[:1].isupper():
        return False
    return bool(normal_forms(word, lang) & keys)


def _pieces(tok: Token) -> list[tuple[str, int, int]]:
    """(text, start, end) of a word, and of each part of a hyphenated word."""
    text = tok.text
    if not any(h in text for h in HYPHENS):
        return [(text, tok.start, tok.end)]
    out, at = [(text, tok.start, tok.end)], 0
    for part in text.replace("\u2010", "-").replace("\u2011", "-").split("-"):
        if part:
            out.append((part, tok.start + at, tok.start + at + len(part)))
        at += len(part) + 1
    return out


def _matches(words: list[Token], lang: str):
    """(alias, start, end, compound) of every alias match in one sentence's word tokens, longest alias first at
    each word, scanning on after a match."""
    index = _index(lang)
    k = 0
    while k < len(words):
        advanced = False
        for p, (piece, start, end) in enumerate(_pieces(words[k])):
            compound = p > 0
            candidates = {id(a): a for key in normal_forms(piece, lang) for a in index.get(key, ())}
            for alias in sorted(candidates.values(), key=lambda a: -len(a.keys)):
                n = len(alias.keys)
                if compound and n > 1:
                    continue
                span = [(piece, start, end)] + [(t.text, t.start, t.end) for t in words[k + 1:k + n]]
                if len(span) < n or not all(_fits(w, keys, guard, lang)
                                            for (w, _, _), keys, guard in zip(span, alias.keys, alias.guards)):
                    continue
                yield alias, start, span[-1][2], compound
                # past the alias's words; a hyphenated word matched whole is not read again part by part
                k += n - 1
                advanced = n > 1 or p == 0
                break
            if advanced:
                break
        k += 1


def _outside(found: list[dict], blocked: list[tuple[int, int]]) -> list[dict]:
    """The mentions that start outside every excluded span, in text order. An exclusion begins where its first
    word does, so an alias inside it starts at or after that word; one pass over both, sorted."""
    blocked = sorted(blocked)
    out, b = [], 0
    for f in sorted(found, key=lambda f: (f["start"], f["end"], f["actor"])):
        while b < len(blocked) and blocked[b][1] <= f["start"]:
            b += 1
        if b < len(blocked) and blocked[b][0] <= f["start"] < blocked[b][1]:
            continue
        out.append(f)
    return out


def _scan(sentence_tokens: dict[int, list[Token]], lang: str) -> tuple[list[dict], list[tuple[int, int]]]:
    """(the alias mentions, the spans of the exclusions)."""
    found, blocked = [], []
    for toks in sentence_tokens.values():
        own = sentence_language(toks, lang)      # a Russian sentence in a Ukrainian text: the Russian aliases
        for alias, start, end, compound in _matches([t for t in toks if t.is_word], own):
            if alias.kind == "exclude":
                blocked.append((start, end))
            else:
                found.append({"actor": alias.actor, "alias": alias.alias, "kind": alias.kind, "start": start,
                              "end": end, "form": "compound" if compound else "plain", "lang": own})
    return found, blocked


def find_mentions(sentence_tokens: dict[int, list[Token]], lang: str) -> list[dict]:
    """Every actor alias in the sentences (``text.segment_cyrillic.sentence_tokens``: body offsets), as
    ``actors.find_mentions`` gives them: actor, alias, kind, start, end, form; in text order."""
    found, blocked = _scan(sentence_tokens, lang)
    return _outside(found, blocked)


def bloc_setting(lang: str):
    """The test of ``actors.with_roles`` for a bloc named as the frame: the word just before it is "в", "у"..."""
    def after_preposition(f: dict, text: str) -> str:
        # the words of the mention's sentence's language; a mention the places stage added has none: the text's
        words = BLOC_SETTING_WORDS[f.get("lang") or lang]
        before = text[max(0, f["start"] - 12):f["start"]].split()
        if before and before[-1].lower() in words:
            return f"after '{before[-1]}': the frame, not the bloc acting"
        return ""

    return after_preposition


# An actor's kind as a RuSentNE entity type, for the Russian target model (sentiment.target_ru).
ENTITY_TYPE_OF_KIND = {"country": "COUNTRY", "capital": "COUNTRY", "demonym": "NATIONALITY", "leader": "PERSON",
                       "official": "PERSON", "institution": "ORGANIZATION", "alliance": "ORGANIZATION",
                       "bloc": "ORGANIZATION", "union": "ORGANIZATION"}


def _target(tokens: list[Token], start: int, end: int, lang: str, kind: str) -> tuple[str, float]:
    """Russian: the model fitted on RuSentNE-2023 (F1_PN 0.454 on its validation split against the lexicon's
    0.326); Ukrainian: the lexicon's words near the mention."""
    # lazy: only with the target_sentiment extra (the Russian model's coefficients are 0.8 MB)
    if lang == "ru":
        from .target_ru import target_sentiment

        label, score = target_sentiment(tokens, (start, end), ENTITY_TYPE_OF_KIND.get(kind))
        return label, round(score, 4)
    from .cyrillic import target_scores

    scores = target_scores(tokens, (start, end), lang)
    return {1: "positive", -1: "negative"}.get(scores["label"], "neutral"), round(scores["compound"], 4)


def find_actor_mentions(article, sentence_tokens: dict[int, list[Token]], target: bool = False,
                        place_mentions=None) -> list[ActorMention]:
    """Every actor mention of a Russian or Ukrainian article, in text order, as ``actors.ActorMention``
    records; with ``target``, the sentiment toward each mention (``_target``: the Russian model, the
    Ukrainian lexicon)."""
    lang = article.language
    found, blocked = _scan(sentence_tokens, lang)
    # The exclusions also hold back a country the places stage would add ("Америке" of "Латинской Америке").
    mentions = _outside(with_roles(_outside(found, blocked), place_mentions, article.body,
                                   bloc_setting=bloc_setting(lang)), blocked)
    out = []
    for m in mentions:
        sentence = article.sentence_at(m["start"])
        start, end = m["start"], m["end"]
        written_start, written_end = _whole_word(article.body, start, end)
        written = article.body[written_start:written_end]
        # a country the places stage added has no form yet: a hyphen in its word makes it a compound
        form = m["form"] or ("compound" if any(h in written for h in HYPHENS) else "plain")
        label = score = None
        if target:
            toks, own = own_language(sentence_tokens[sentence.id], lang)
            label, score = _target(toks, start, end, own, m["kind"])
        out.append(ActorMention(actor=m["actor"], alias=m["alias"], kind=m["kind"], form=form, role=m["role"],
                                role_source=m["role_source"], sentence_id=sentence.id, start=start, end=end,
                                written=written, target_label=label,
                                target_score=score))
    return out

