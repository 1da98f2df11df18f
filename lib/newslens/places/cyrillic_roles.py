"""Is a place mention in Russian or Ukrainian text a location (literal), the state acting (actor) or an origin
(attribute)? The same roles as ``places.roles`` for English, from rules written for these languages.

Russian and Ukrainian mark a noun's job by its case, so the rules read pymorphy3's readings of the mention
and its neighbours (``text.cyrillic_forms``) where English rules read word order and "'s":

- a name in the genitive after a government noun is that government: "власти Украины", "МИД России",
  "президент Турции" (English "Ukraine's authorities");
- a name in the nominative next to a verb of saying or acting is its subject: "Киев заявил", "Москва вважає",
  "заявила Анкара";
- "в Москве заявили", "у Києві вважають" (a plural verb with no subject) mean the government of that city's
  state speaks;
- a demonym adjective before a government noun is the state ("российские власти", "киевский режим"), and
  otherwise an origin ("турецкие беспилотники", "турецькі безпілотники");
- a name after a locative preposition is a setting: "в Киеве", "на Донбассе", "у Харкові".

Rules are tried in order and the first that holds gives the role (``RULES``; ``rules_frame()`` shows them).
Their word lists, one row per list and language with its meaning and source, are in
``data/place_role_words_cyrillic.csv``. Names the rules share with the English ones mean the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..paths import DATA_DIR
from ..text.cyrillic import Token
from ..text.cyrillic_forms import grammemes, likeliest, normal_forms
from .geoparse import PlaceMention
from .roles import AGENTIVE_KINDS
from .rule import Rule, load_word_lists

WORDS_FILE = DATA_DIR / "place_role_words_cyrillic.csv"
_W = load_word_lists(WORDS_FILE)
# How many words before a genitive name a government noun may stand: "министр иностранных дел России".
GENITIVE_REACH = 3
# How many words after a verb of supplying its recipient may stand: "поставила в прошлом году Киеву".
TRANSFER_REACH = 3
# How many words after a demonym its noun may stand: "российские вооруженные силы".
DEMONYM_REACH = 2
# How many words after a verb of addressing its object may stand: "призвал в тот же день Киев" is out of reach.
ADDRESS_REACH = 2
# How many words before an accusative name the verb governing it may stand: "поділити нашу державу й Україну".
OBJECT_REACH = 4
# Adverbs and particles a verb may stand behind: "Киев уже заявил", "Москва не вважає".
SUBJECT_GAP = 2


OPENING_QUOTES = frozenset("«„“\"")
CLOSING_QUOTES = frozenset("»“”\"")


def words(list_name: str, lang: str) -> frozenset[str]:
    return _W[f"{list_name}_{lang}"]


@dataclass
class Context:
    """A mention's sentence as tokens: the mention covers ``tokens[first:after]``."""
    mention: PlaceMention
    tokens: list[Token]
    first: int
    after: int
    lang: str
    parties_in_compound: int = 0      # mentions inside the same hyphenated word

    def readings(self, token: Token) -> frozenset[str]:
        return normal_forms(token.text, self.lang)

    def tags(self, token: Token) -> frozenset[str]:
        return grammemes(token.text, self.lang)

    def word_before(self) -> Token | None:
        """The word just before the mention (None after punctuation or at the start)."""
        return self.tokens[self.first - 1] if self.first > 0 and self.tokens[self.first - 1].is_word else None

    def words_before(self, limit: int) -> list[Token]:
        """Up to ``limit`` words before the mention, nearest first, stopping at punctuation."""
        out = []
        for t in reversed(self.tokens[max(0, self.first - limit):self.first]):
            if not t.is_word:
                break
            out.append(t)
        return out

    def words_after(self, limit: int) -> list[Token]:
        """Up to ``limit`` words after the mention, nearest first, stopping at punctuation."""
        out = []
        for t in self.tokens[self.after:self.after + limit]:
            if not t.is_word:
                break
            out.append(t)
        return out

    def head(self) -> Token:
        """The word that carries the name's case: the last word ("Черном море", "Донецкой области")."""
        return self.tokens[self.after - 1]

    @property
    def agentive(self) -> bool:
        p = self.mention.place
        return p is not None and p.kind in AGENTIVE_KINDS


def _lemma_in(ctx: Context, token: Token, list_name: str) -> bool:
    return bool(ctx.readings(token) & words(list_name, ctx.lang))


def _excluded(ctx: Context) -> bool:
    return ctx.mention.form == "excluded"


def _bloc(ctx: Context) -> bool:
    return ctx.mention.place is not None and not ctx.mention.place.is_place


def _compound_of_parties(ctx: Context) -> bool:
    m = ctx.mention
    return bool(m.prefix or m.suffix) and m.place is not None and (m.place.kind in AGENTIVE_KINDS or not m.place.is_place) \
        and ctx.parties_in_compound >= 2


def _demonym_before_agent_noun(ctx: Context) -> bool:
    return ctx.mention.form == "demonym" and any(
        _lemma_in(ctx, t, "agent_nouns") for t in ctx.words_after(DEMONYM_REACH))


def _demonym(ctx: Context) -> bool:
    return ctx.mention.form == "demonym"


def _genitive_after_agent_noun(ctx: Context) -> bool:
    if not ctx.agentive or "gent" not in ctx.tags(ctx.head()):
        return False
    for t in ctx.words_before(GENITIVE_REACH):
        if _lemma_in(ctx, t, "agent_nouns"):
            return True
        if likeliest(t.text, ctx.lang)[1] & {"PREP", "VERB", "CONJ"}:    # likeliest: "дел" is "дело", not "деть"
            return False                    # "уряд звернувся до Молдови": the noun governs no genitive here
    return False


def _recipient_of_transfer(ctx: Context) -> bool:
    if not ctx.agentive or "datv" not in ctx.tags(ctx.head()):
        return False
    before = ctx.word_before()
    if before is not None and "PREP" in ctx.tags(before):
        return False            # "допомагаєте нам в Україні": the same form after a preposition is the locative
    for t in ctx.words_before(TRANSFER_REACH):
        if _lemma_in(ctx, t, "transfer_verbs"):
            return True
    return False


def _object_of_addressing_verb(ctx: Context) -> bool:
    if not ctx.agentive or "accs" not in ctx.tags(ctx.head()):
        return False
    for t in ctx.words_before(ADDRESS_REACH):
        if _lemma_in(ctx, t, "addressing_verbs") and "VERB" in likeliest(t.text, ctx.lang)[1] | ctx.tags(t):
            return True
    return False


def _title_in_quotes(ctx: Context) -> bool:
    """The name alone fills quotation marks right after a noun: "СИЗО «Лефортово»", "отель «Украина»" name a
    building, a company or a ship, not the place. After "так называемой", a preposition or a verb the marks
    distance the writer from the name ("так званої «ДНР»", "в «ЛНР»"): still the place."""
    toks, first, after = ctx.tokens, ctx.first, ctx.after
    return (first >= 2 and after < len(toks) and toks[first - 1].text in OPENING_QUOTES
            and toks[after].text in CLOSING_QUOTES and toks[first - 2].is_word
            and "NOUN" in ctx.tags(toks[first - 2]) and "PREP" not in ctx.tags(toks[first - 2]))


def _plural_saying_verb(ctx: Context, token: Token) -> bool:
    lemma, tags = likeliest(token.text, ctx.lang)
    return lemma in words("acting_verbs", ctx.lang) and "VERB" in tags and "plur" in tags


def _in_place_said(ctx: Context) -> bool:
    before = ctx.word_before()
    if not ctx.agentive or before is None or before.text.lower() not in words("in_place_prepositions", ctx.lang):
        return False
    # A comma may stand between: "в Анкаре, как и в Москве, считают" is not covered; "в Москве заявили" is.
    after = ctx.tokens[ctx.after:ctx.after + 1]
    return bool(after) and after[0].is_word and _plural_saying_verb(ctx, after[0])


def _is_acting_verb(ctx: Context, token: Token) -> bool:
    lemma, tags = likeliest(token.text, ctx.lang)
    return "VERB" in tags and lemma in words("acting_verbs", ctx.lang)


def _subject_of_verb(ctx: Context) -> bool:
    if not ctx.agentive or "nomn" not in ctx.tags(ctx.head()):
        return False
    before = ctx.word_before()
    if before is not None and "PREP" in ctx.tags(before):
        return False
    for t in ctx.words_after(SUBJECT_GAP + 1):
        if _is_acting_verb(ctx, t):
            return True
        if not (ctx.tags(t) & {"ADVB", "PRCL", "CONJ"}):
            break
    # Inverted order, common in Russian and Ukrainian news: "как заявил Киев", "заявила Анкара".
    return before is not None and _is_acting_verb(ctx, before)


def _locative_preposition(ctx: Context) -> bool:
    before = ctx.word_before()
    return before is not None and before.text.lower() in words("locative_prepositions", ctx.lang)


def _verb_tags(ctx: Context, token: Token) -> frozenset[str]:
    """pymorphy3's likeliest tags of ``token`` when it is a verb form (finite, infinitive, gerund), else empty."""
    tags = likeliest(token.text, ctx.lang)[1]
    return tags if tags & {"VERB", "INFN", "GRND"} else frozenset()


def _object_of_verb(ctx: Context) -> bool:
    """An accusative or dative name governed by a verb: acted upon, not acting. The accusative may stand a few
    words after the verb ("поділити нашу державу й Україну") or right before it ("Бо Росію вигнали"); the
    dative only right after it ("відмовивши Україні"). A name whose form is also the nominative ("Киев") counts
    only after a verb that cannot have it as its subject (plural, infinitive, gerund: "обстреляли Киев"). A
    dative before an infinitive is the infinitive's agent ("не дозволимо Росії зупинити експорт"), not this."""
    if not ctx.agentive:
        return False
    case = ctx.tags(ctx.head())
    if not case & {"accs", "datv"}:
        return False
    before = ctx.words_before(OBJECT_REACH)
    if before and "PREP" in ctx.tags(before[0]):
        return False                # "в Україні", "на Россию": the preposition governs the name
    if "accs" not in case and any(_verb_tags(ctx, t) & {"INFN", "infn"} for t in ctx.words_after(2)):
        return False                # "не дозволимо Росії зупинити": the dative is the infinitive's agent
    for distance, t in enumerate(before):
        verb = _verb_tags(ctx, t)
        if verb:
            if "nomn" in case:
                return distance == 0 and bool(verb & {"plur", "INFN", "infn", "GRND"})   # infn: the uk dictionary's tag
            return "accs" in case or distance == 0
        if likeliest(t.text, ctx.lang)[1] & {"PREP", "NOUN"} and "accs" not in ctx.tags(t):
            return False            # "отказ от поставок России": another word governs the name
    after = ctx.words_after(1)
    return bool(after) and "nomn" not in case and "accs" in case and bool(_verb_tags(ctx, after[0]))


def _region(ctx: Context) -> bool:
    p = ctx.mention.place
    return p is not None and p.kind not in AGENTIVE_KINDS


def _always(ctx: Context) -> bool:
    return True


RULES = [
    Rule("excluded_name", "not_a_place", "the name is on the exclusion list (\"Киевская Русь\", a football club)",
         _excluded),
    Rule("name_in_title_quotes", "not_a_place",
         "the name alone fills quotation marks after a word: \"СИЗО «Лефортово»\", \"отель «Україна»\" (a "
         "building's, company's or ship's name)", _title_in_quotes),
    Rule("bloc_or_organisation", "actor", "a bloc, organisation or seat of government (НАТО, Кремль, Запад) acts",
         _bloc),
    Rule("compound_of_parties", "actor",
         "a hyphenated word joins two parties: \"российско-турецкие отношения\", \"НАТО-Россия\"",
         _compound_of_parties),
    Rule("demonym_before_agent_noun", "actor",
         "a demonym before a government noun within 2 words: \"российские власти\", \"київський режим\"",
         _demonym_before_agent_noun),
    Rule("default_demonym", "attribute",
         "a demonym with no such noun gives an origin: \"турецкие беспилотники\", \"турецькі безпілотники\"",
         _demonym),
    Rule("genitive_after_agent_noun", "actor",
         "a country or city in the genitive after a government noun within 3 words: \"власти Украины\", "
         "\"МИД России\", \"президент Турції\"", _genitive_after_agent_noun),
    Rule("recipient_of_transfer", "actor",
         "a country or city in the dative within 3 words after a verb of supplying or selling: \"поставила "
         "Киеву\", \"передали Україні\"", _recipient_of_transfer),
    Rule("object_of_addressing_verb", "actor",
         "a country or city in the accusative within 2 words after a verb that addresses, urges, accuses or judges "
         "it: \"попросил Москву\", \"обвинили Россию\", \"закликав Київ\"", _object_of_addressing_verb),
    Rule("in_place_said", "actor",
         "\"в/у X\" before a plural verb of saying with no subject: \"в Москве заявили\", \"у Києві вважають\"",
         _in_place_said),
    Rule("subject_of_verb", "actor",
         "a country or city in the nominative next to a verb of saying or acting: \"Киев заявил\", "
         "\"Москва вважає\", \"заявила Анкара\"", _subject_of_verb),
    Rule("locative_preposition", "literal", "after a preposition of place: \"в Киеве\", \"на Донбассе\", \"у Харкові\"",
         _locative_preposition),
    Rule("default_region", "literal", "regions, seas and provinces are places", _region),
    Rule("object_of_verb", "literal",
         "a country or city in the accusative or dative governed by a verb, with no other cue: acted upon, not "
         "acting (\"поділити Україну\", \"Бо Росію вигнали\", \"відмовивши Україні\"), as the English rules "
         "read the object of an attack", _object_of_verb),
    Rule("default_name", "literal", "no cue: literal, the majority use of place names", _always),
]


def role_of(ctx: Context) -> tuple[str, str]:
    """(role, rule) of the first rule that holds."""
    for rule in RULES:
        if rule.applies(ctx):
            return rule.role, rule.name
    raise AssertionError("default_name always holds")


def rules_frame():
    """The rules as a table, in the order they are tried."""

    return pd.DataFrame([{"order": i, "rule": rule.name, "role": rule.role, "looks_for": rule.looks_for}
                         for i, rule in enumerate(RULES, 1)])
