"""Is a mention a place (literal) or a government/state/army acting (metonymic actor)? Rules, in order.

Each mention gets a ``role`` and the ``rule`` that fired. Roles:
- ``literal``: the place as a location ("in Eastern Ukraine", "struck Donbass", "Moscow-based");
- ``actor``: the name stands for a government, state, army or bloc ("Kiev's aggression", "Ankara can do",
  "Turkey provided", "sales to Ukraine", "relations with Turkey");
- ``attribute``: a demonym that only says where something comes from ("Kiev's Turkish drones"), or a name or
  prefix that only gives an origin or an alignment ("Ukraine separatists", "ex-Soviet", "pro-Russian forces":
  an alignment of others with the state, not the state acting, which "Russian-backed" is);
- ``not_a_place``: an excluded name ("Lublin Triangle").

Each rule in ``RULES`` is a name, the role it gives, what it looks for and a small test; they are tried in
order (the table the notebooks show is made from the same list, ``rules_frame()``), and the first that
matches wins. A mention no rule matches gets the default of its kind (names: literal, the majority use of
place names in Markert and Nissim's metonymy data; demonyms: attribute), and a mention with only a default
that is coordinated with a neighbour ("to Ukraine, Poland, and perhaps soon also Lithuania") takes the
neighbour's role. The word lists the tests read live in ``data/place_role_words.csv`` (one row per list: its
meaning, its source and the words), so a reader can check every decision without reading code.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import cached_property, lru_cache
from typing import Callable

from ..paths import DATA_DIR
from ..text.article import normalise_quotes
from .geoparse import PlaceMention
from .persons import PERSON_RULES
from .rule import Rule, load_word_lists
from ..text.lemmas import lemmatize

TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*|[^\w\s]")
QUOTES = {'"', "'"}
WORDS_FILE = DATA_DIR / "place_role_words.csv"


_W = load_word_lists(WORDS_FILE)
AGENT_NOUNS = _W["agent_nouns"]
DEMONYM_ONLY_NOUNS = _W["demonym_only_nouns"]
# For names and demonyms the list is narrower: "Turkish drones" says where the drones were made, not who acts.
NAME_AGENT_NOUNS = AGENT_NOUNS - _W["origin_nouns"]
DEMONYM_AGENT_NOUNS = NAME_AGENT_NOUNS | DEMONYM_ONLY_NOUNS
MILITARY_NOUN_FOLLOWERS = _W["military_noun_followers"]
GEOGRAPHIC_NOUNS = _W["geographic_nouns"]
EVENT_NOUNS = _W["event_nouns"]
TRANSFER_WORDS = _W["transfer_words"]
RELATION_WORDS = _W["relation_words"]
LOCATIVE_PREPOSITIONS = _W["locative_prepositions"]
PREPOSITIONS = LOCATIVE_PREPOSITIONS | _W["other_prepositions"]
DETERMINERS = _W["determiners"]
OBJECT_VERBS = _W["object_verbs"]
ATTACK_VERBS = _W["attack_verbs"]
AUXILIARIES = _W["auxiliaries"]
AGENT_VERBS = _W["agent_verbs"]
FINITE_AGENT_VERBS = _W["finite_agent_verbs"]
PASSIVE_TARGET_AUX = _W["passive_target_auxiliaries"]
RANKING_WORDS = _W["ranking_words"]
NOT_SUPERLATIVES = _W["not_superlatives"]
GEOGRAPHIC_PARTICIPLES = _W["geographic_participles"]
IRREGULAR_PARTICIPLES = _W["irregular_participles"]
SUBJECT_ADVERBS = _W["subject_adverbs"]
AGENTIVE_SUFFIXES = _W["agentive_suffixes"]
LOCATIVE_SUFFIXES = _W["locative_suffixes"]
COORDINATION_WORDS = _W["coordination_words"]
ATTRIBUTIVE_PREFIXES = _W["attributive_prefixes"]
GROUP_NOUNS = _W["group_nouns"]
MOVEMENT_WORDS = _W["movement_words"]
SEND_WORDS = _W["send_words"]
TROOP_NOUNS = _W["troop_nouns"]
PARTNER_DETERMINERS = _W["partner_determiners"]
SUPPORT_NOUNS = _W["support_nouns"]
SIDING_WORDS = _W["siding_words"]
ATTACK_NOUNS = _W["attack_nouns"]
PART_NOUNS = _W["part_nouns"]
WEAPON_NOUNS = _W["weapon_nouns"]
COMPANY_NOUNS = _W["company_nouns"]
LANDFORM_NOUNS = _W["landform_nouns"]
ENVOY_NOUNS = _W["envoy_nouns"]
VERB_LEMMAS = OBJECT_VERBS | ATTACK_VERBS | AGENT_VERBS
MILITARY_VERB_LEMMAS = VERB_LEMMAS | MOVEMENT_WORDS
# Place kinds whose name can stand for a government (a region, sea or continent cannot).
AGENTIVE_KINDS = {"country", "city", "us_state", "province", "de facto entity"}
# Rules that read a preposition before the mention: a name coordinated after such a mention is inside the
# same prepositional phrase, whatever verb follows the list.
PREPOSITION_SCOPED_RULES = {"locative_preposition", "destination_of_movement"}
DEFAULT_RULES = {"default_region", "default_name", "default_demonym", "possessive_other"}


@lru_cache(maxsize=1024)
def _sentence_tokens(sentence: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    """The starts, ends and texts of a sentence's tokens (in order, without overlaps), quotes straightened;
    cached: a sentence often holds several mentions."""
    found = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(normalise_quotes(sentence))]
    return tuple(s for s, _, _ in found), tuple(e for _, e, _ in found), tuple(t for _, _, t in found)


class _Context:
    """Tokens of one sentence around a mention (straight quotes), lower-cased for matching."""

    def __init__(self, text: str, sentence_start: int, sentence_end: int, mention: PlaceMention):
        starts, ends, tokens = _sentence_tokens(text[sentence_start:sentence_end])
        # A token holding the mention ("Kiev's", "Turkish-backed", "NATO-Russia") belongs to neither side, so
        # the context starts outside the compound and after the possessive. Tokens come in order without
        # overlaps, so the ends are sorted as the starts are: two binary searches find both sides.
        self.before = list(tokens[:bisect_right(ends, mention.start - sentence_start)])
        self.after = list(tokens[bisect_left(starts, mention.end - sentence_start):])
        if mention.possessive and self.after[:1] == ["'"]:
            self.after.pop(0)  # plural possessive: "ambassadors'"

    @staticmethod
    def words(tokens: list[str], limit: int) -> list[str]:
        """Up to ``limit`` words, skipping quotes and stopping at other punctuation."""
        out = []
        for t in tokens:
            if t in QUOTES:
                continue
            if not (t[0].isalnum()):
                break
            out.append(t)
            if len(out) == limit:
                break
        return out

    def next_words(self, limit: int) -> list[str]:
        return self.words(self.after, limit)

    def previous_words(self, limit: int) -> list[str]:
        return self.words(list(reversed(self.before)), limit)


def _lower(words: list[str]) -> list[str]:
    return [w.lower().removesuffix("'s") for w in words]


def _lemmas(words: list[str]) -> list[str]:
    return [lemmatize(w.lower().removesuffix("'s")) for w in words]


def _is_party(m: PlaceMention | None) -> bool:
    return m is not None and m.form != "excluded"


def _preposition_before(ctx: _Context, prepositions: set[str]) -> tuple[str, int] | None:
    """The nearest preposition before the mention, with at most 3 modifiers between ("to NATO-member X")."""
    previous = ctx.previous_words(5)
    for i, w in enumerate(previous[:4]):
        lw = w.lower()
        if lw in prepositions:
            return lw, i
        if lw in LOCATIVE_PREPOSITIONS or lw in {"with", "against", "between", "by", "for", "on", "as", "than"}:
            return None
        if w[0].isupper() and "-" not in w and lw not in DETERMINERS:
            return None  # another name in between: not this mention's phrase
        if lemmatize(lw) in VERB_LEMMAS:
            return None  # "to make X", "to regard X": an infinitive, not a preposition of place
    return None


def _military_is_noun(ctx: _Context) -> bool:
    """"the Russian military" is the army when no noun follows "military" (tokens after the demonym)."""
    if ctx.after[0].lower().endswith("'s"):
        return True  # "the Russian military's losses"
    after = ctx.after[1:2]
    if not after or not after[0][0].isalnum():
        return True  # "blows to the Russian military."
    w = after[0].lower()
    return (w in AUXILIARIES or w in PREPOSITIONS or w in DETERMINERS or w in MILITARY_NOUN_FOLLOWERS
            or (w.endswith("ed") and after[0].islower()) or lemmatize(w) in MILITARY_VERB_LEMMAS)


def _infinitive_between(words: list[str]) -> bool:
    """Words between "to" and a possessive name that make "to" an infinitive's ("to discuss Russia's war", "to
    talk about X's status"): a lower-case word that is no determiner or -ly adverb."""
    return any(w.islower() and w not in DETERMINERS and not w.endswith("ly") for w in words)


class _Reading:
    """What the rules read around one mention: its words before and after (cached), its neighbours."""

    def __init__(self, m: PlaceMention, ctx: _Context, prev_m: PlaceMention | None, next_m: PlaceMention | None):
        self.m, self.ctx, self.prev_m, self.next_m = m, ctx, prev_m, next_m
        self.place = m.place
        self.suffix = m.suffix.lower()

    @cached_property
    def nxt(self) -> list[str]:
        return _lower(self.ctx.next_words(3))

    @cached_property
    def prev(self) -> list[str]:
        return self.ctx.previous_words(6)

    @cached_property
    def prev_lemmas(self) -> list[str]:
        return _lemmas(self.prev)

    @cached_property
    def agentive(self) -> bool:
        return self.place.kind in AGENTIVE_KINDS

    @cached_property
    def to_or_from(self) -> tuple[str, int] | None:
        """The preposition to/from/into/toward before the mention, unless "to" is an infinitive's and the
        mention a possessive of its object ("came to Geneva to review Kenya's budget")."""
        found = _preposition_before(self.ctx, {"to", "from", "into", "toward", "towards"})
        if found is not None and self.m.possessive and found[0] == "to" and _infinitive_between(self.prev[:found[1]]):
            return None
        return found

    def words_after(self, found: tuple[str, int]) -> tuple[list[str], list[str]]:
        """Up to six words (and their lemmas) before the preposition ``found``."""
        _, at = found
        return self.prev[at + 1:at + 7], self.prev_lemmas[at + 1:at + 7]

    @cached_property
    def verbs_after(self) -> list[str]:
        return [w for w in self.nxt if not (w.endswith("ly") or w == "not" or w in SUBJECT_ADVERBS)]

    @cached_property
    def after_preposition(self) -> bool:
        return bool(self.prev) and self.prev[0].lower() in PREPOSITIONS


# --- the rules: each a small test on a _Reading; the first that holds decides --------------------------------

def _compound_of_parties(r: _Reading) -> bool:
    m, next_m, prev_m = r.m, r.next_m, r.prev_m
    joined = (m.suffix and next_m is not None and next_m.start == m.end + 1) or \
             (m.prefix and prev_m is not None and prev_m.end == m.start - 1)
    return bool(joined) and _is_party(next_m if m.suffix else prev_m)


def _demonym_military_noun(r: _Reading) -> bool:
    return r.m.form == "demonym" and r.nxt[:1] == ["military"] and _military_is_noun(r.ctx)


def _possessive_ranking(r: _Reading) -> bool:
    nxt = r.nxt
    return r.m.possessive and ((nxt[:1] and (nxt[0] in RANKING_WORDS or nxt[0].endswith("-ever") or (
        nxt[0].endswith("est") and len(nxt[0]) > 4 and nxt[0] not in NOT_SUPERLATIVES)))
        or [w.lower() for w in r.prev[:2]] == ["of", "one"])


def _name_before_agent_noun(r: _Reading) -> bool:
    nxt = r.nxt
    return bool(nxt) and r.agentive and (nxt[0] in NAME_AGENT_NOUNS or (
        nxt[0] == "military" and len(nxt) > 1 and nxt[1] in AGENT_NOUNS))


def _destination_of_movement(r: _Reading) -> bool:
    found = r.to_or_from
    if found is None or found[0] == "from":
        return False
    window, lemmas = r.words_after(found)
    return any(lemma in MOVEMENT_WORDS for lemma in lemmas) or (
        any(lemma in SEND_WORDS for lemma in lemmas) and any(w.lower() in TROOP_NOUNS for w in window))


def _recipient_of_transfer(r: _Reading) -> bool:
    found = r.to_or_from
    if found is None or found[0] not in ("to", "from"):
        return False
    window, lemmas = r.words_after(found)
    return any(lemma in TRANSFER_WORDS or w.lower() in TRANSFER_WORDS for w, lemma in zip(window, lemmas))


def _before_preposition(r: _Reading, prepositions: tuple[str, ...], nouns: frozenset[str]) -> bool:
    """"<noun> <preposition> X" right before a country or city named without a possessive."""
    prev = r.prev
    return r.agentive and not r.m.possessive and len(prev) > 1 and prev[0].lower() in prepositions \
        and prev[1].lower() in nouns


def _party_to_relation(r: _Reading) -> bool:
    found = _preposition_before(r.ctx, {"with", "against", "on"})
    return found is not None and any(w.lower() in RELATION_WORDS for w in r.prev[found[1] + 1:found[1] + 4])


def _object_of_attack_verb(r: _Reading) -> bool:
    return bool(r.prev_lemmas[:2]) and any(lemma in ATTACK_VERBS or w.lower() in ATTACK_VERBS
                                           for w, lemma in zip(r.prev[:1], r.prev_lemmas[:1]))


def _object_of_agentive_verb(r: _Reading) -> bool:
    prev, lemmas = r.prev, r.prev_lemmas
    return r.agentive and bool(prev) and (lemmas[0] in OBJECT_VERBS or (
        len(prev) > 1 and prev[0].lower() in DETERMINERS and lemmas[1] in OBJECT_VERBS))


def _agent_of_passive(r: _Reading) -> bool:
    prev = r.prev
    by = 1 if prev[:1] and prev[0].lower() in {"the", "both", "either", "neither"} else 0
    if not (r.agentive and len(prev) >= by + 2 and prev[by].lower() == "by"):
        return False
    verb = prev[by + 1]
    return verb.islower() and verb not in GEOGRAPHIC_PARTICIPLES and (
        verb.endswith(("ed", "en")) or verb in IRREGULAR_PARTICIPLES)


def _locative_preposition(r: _Reading) -> bool:
    found = _preposition_before(r.ctx, LOCATIVE_PREPOSITIONS)
    return found is not None and not (r.m.possessive and found[0] == "to" and _infinitive_between(r.prev[:found[1]]))


def _passive_target(r: _Reading) -> bool:
    verbs = r.verbs_after
    return len(verbs) >= 2 and verbs[0] in PASSIVE_TARGET_AUX and lemmatize(verbs[1]) in ATTACK_VERBS


def _subject_of_verb(r: _Reading) -> bool:
    verbs = r.verbs_after
    return bool(verbs) and not r.after_preposition and (
        verbs[0] in AUXILIARIES or lemmatize(verbs[0]) in AGENT_VERBS or verbs[0] in FINITE_AGENT_VERBS
        or (verbs[0].endswith("ed") and verbs[0].islower()))


def _subject_beyond_is(name: str) -> Callable[[_Reading], bool]:
    def applies(r: _Reading) -> bool:
        return not r.after_preposition and not r.m.possessive and r.ctx.after[:1] in (["and"], [","]) \
            and _subject_beyond(r.ctx.after) == name
    return applies


def _demonym(test: Callable[[_Reading], bool]) -> Callable[[_Reading], bool]:
    return lambda r: r.m.form == "demonym" and test(r)


def _possessive(test: Callable[[_Reading], bool]) -> Callable[[_Reading], bool]:
    return lambda r: r.m.possessive and test(r)


RULES: tuple[Rule, ...] = (
    Rule("excluded_name", "not_a_place", "the name is on the exclusion list (an alliance, publisher, treaty...)",
         lambda r: r.m.form == "excluded"),
    *PERSON_RULES,                  # decided by the persons module before roles are read
    Rule("attributive_prefix", "attribute",
         "\"ex-/post-/pre-/pro-X\": \"ex-Soviet\", \"post-Soviet space\", \"pro-Russian forces\": an origin or "
         "alignment of something else, not the state acting",
         lambda r: r.m.prefix.lower() in ATTRIBUTIVE_PREFIXES),
    Rule("bloc_or_organisation", "actor", "a bloc, alliance or organisation (NATO, the West, EU) acts; it is not a place",
         lambda r: not r.place.is_place),
    Rule("compound_of_parties", "actor", "hyphen joins two parties: \"Russian-Turkish relations\", \"NATO-Russia\"",
         _compound_of_parties),
    Rule("agentive_compound", "actor", "\"X-backed\", \"X-allied\", \"X-led\": the state as sponsor",
         lambda r: r.suffix in AGENTIVE_SUFFIXES),
    Rule("locative_compound", "literal", "\"X-based\", \"X-born\": a location",
         lambda r: r.suffix in LOCATIVE_SUFFIXES),
    Rule("demonym_before_armed_weapon", "attribute",
         "demonym before \"armed\" describing a weapon (\"Turkish armed drones\"): the weapon's origin",
         _demonym(lambda r: r.nxt[:1] == ["armed"] and len(r.nxt) > 1 and r.nxt[1] in WEAPON_NOUNS)),
    Rule("demonym_before_landform", "literal",
         "demonym before peninsula/coast/border/territory...: the land itself (\"the Crimean peninsula\")",
         _demonym(lambda r: bool(r.nxt) and r.nxt[0] in LANDFORM_NOUNS)),
    Rule("demonym_before_agent_noun", "actor",
         "demonym before a government/political noun within 2 words (\"Turkish backing\", \"Russian interests\")",
         _demonym(lambda r: any(w in DEMONYM_AGENT_NOUNS for w in r.nxt[:2]))),
    Rule("demonym_military_noun", "actor",
         "demonym before \"military\" used as a noun (\"the Russian military has/is/was\", \"by the Ukrainian "
         "military in\", \"to the Russian military.\"), not as a modifier (\"Russian military equipment\")",
         _demonym_military_noun),
    Rule("demonym_before_event_noun", "literal", "demonym before war/conflict/crisis: where it happens",
         _demonym(lambda r: any(w in EVENT_NOUNS for w in r.nxt[:2]))),
    Rule("default_demonym", "attribute", "a demonym with no cue describes origin or nationality",
         lambda r: r.m.form == "demonym", fallback=True),
    Rule("possessive_geographic_noun", "literal", "\"X's coast/border/streets...\": part of the place",
         _possessive(lambda r: any(w in GEOGRAPHIC_NOUNS for w in r.nxt[:3]))),
    Rule("possessive_company", "attribute",
         "\"X's company/firm/manufacturer...\" (\"Ukraine's company Ukrspetsexport\"): a firm based there, an origin",
         _possessive(lambda r: bool(r.nxt) and r.nxt[0] in COMPANY_NOUNS)),
    Rule("possessive_agent_noun", "actor", "\"X's aggression/drones/representatives...\" within 3 words",
         _possessive(lambda r: any(w in AGENT_NOUNS for w in r.nxt[:3]) and r.agentive)),
    Rule("possessive_ranking", "literal",
         "\"X's oldest/most/first/leading...\", \"one of X's...\": the place as the field of a ranking",
         _possessive_ranking),
    Rule("name_before_agent_noun", "actor", "a name used as a modifier of a government noun: \"U.K. officials\"",
         _name_before_agent_noun),
    Rule("name_before_group_noun", "attribute",
         "a name as modifier of a non-state group: \"Ukraine separatists\", \"Donbass militia\", \"US veterans\"",
         lambda r: bool(r.nxt) and r.nxt[0] in GROUP_NOUNS and not r.m.possessive and not r.m.suffix),
    Rule("envoy_to", "actor", "\"ambassador/envoy/embassy to X\": accredited to the state",
         lambda r: len(r.prev) > 1 and r.prev[0].lower() == "to" and r.prev[1].lower() in ENVOY_NOUNS and r.agentive),
    Rule("destination_of_movement", "literal",
         "\"to/into X\" after deploy/move/reposition/travel... or \"send troops/forces to X\": where they go (not "
         "\"came to Bucha to document X's crimes\")",
         _destination_of_movement),
    Rule("recipient_of_transfer", "actor", "\"to/from X\" after selling/providing/weapons...: the state as trade party",
         _recipient_of_transfer),
    Rule("recipient_of_support", "actor",
         "\"support/assistance/aid/help/funding/solidarity for|to X\": the state that receives",
         lambda r: _before_preposition(r, ("for", "to"), SUPPORT_NOUNS)),
    Rule("siding_with", "actor", "\"stand with/by/behind X\", \"side with X\", \"solidarity with X\": the party one sides with",
         lambda r: _before_preposition(r, ("with", "by", "behind"), SIDING_WORDS)),
    Rule("party_to_relation", "actor", "\"with/against/on X\" after ties/relations/diplomacy/competition/sanctions...",
         _party_to_relation),
    Rule("between_parties", "actor", "\"between X and Y\"",
         lambda r: _preposition_before(r.ctx, {"between"}) is not None),
    Rule("object_of_attack_verb", "literal", "object of struck/bombed/shelled/invaded...: the place hit",
         _object_of_attack_verb),
    Rule("object_of_attack_noun", "literal",
         "\"invasion/occupation/annexation/siege/shelling... of X\": the place invaded or held, as territory",
         lambda r: len(r.prev) > 1 and r.prev[0].lower() == "of" and r.prev[1].lower() in ATTACK_NOUNS),
    Rule("part_of_place", "literal",
         "\"part/people/citizens/territory/the east... of X\" (not \"part of X's squad\"): the land a part or its "
         "inhabitants belong to",
         lambda r: len(r.prev) > 1 and r.prev[0].lower() == "of" and r.prev[1].lower() in PART_NOUNS
         and not r.m.possessive),
    Rule("object_of_agentive_verb", "actor", "object of balance/restrain/regard/make/outfit/enable/warn...",
         _object_of_agentive_verb),
    Rule("agent_of_passive", "actor", "\"captured by X\", \"sponsored by X\", \"backed by both X and Y\": the agent "
                                      "of a passive verb (not \"bordered/surrounded by X\")",
         _agent_of_passive),
    Rule("locative_preposition", "literal",
         "\"in/at/near/to/from X\" (up to 3 modifiers between); not \"to discuss X's war\", where \"to\" is an "
         "infinitive's and X's belongs to its noun",
         _locative_preposition),
    Rule("default_region", "literal", "regions, seas, straits and continents are places",
         lambda r: not r.agentive),
    Rule("passive_target", "literal", "\"X was bombed/struck/attacked\"", _passive_target),
    Rule("subject_of_verb", "actor",
         "X, not after a preposition, followed (past -ly adverbs and \"not\") by a modal/auxiliary, an agentive "
         "verb (\"won\", \"uses\", \"cooperate\"...) or an -ed verb",
         _subject_of_verb),
    Rule("subject_with_partners", "actor",
         "\"X and its/our allies (and partners) will/have...\": a subject widened by a partner phrase",
         _subject_beyond_is("subject_with_partners")),
    Rule("subject_before_aside", "actor",
         "\"X, on the other hand, is ready\", \"X, together with our allies, will...\": a subject before an aside",
         _subject_beyond_is("subject_before_aside")),
    Rule("possessive_other", "actor", "any other possessive of a country or city: the state as owner",
         lambda r: r.m.possessive),
    Rule("coordinated", "(as neighbour)",
         "coordinated with a neighbouring mention that a rule decided (never a person's or an excluded name); "
         "also after a mention in a prepositional phrase, before a verb: \"in Syria and Libya continue\""),
    Rule("listed_with_places", "literal",
         "a place named like a person, listed with other places: \"Istanbul, Geneva, Brussels\""),
    Rule("default_name", "literal", "no cue: literal, the majority use of place names",
         lambda r: True, fallback=True),
)
RULE_ROLE = {rule.name: rule.role for rule in RULES}
_TESTED_RULES = tuple(rule for rule in RULES if rule.applies is not None and rule not in PERSON_RULES)


def rules_frame():
    """The rules as a table, in the order they are tried."""
    import pandas as pd

    return pd.DataFrame([{"order": i, "rule": rule.name, "role": rule.role, "looks_for": rule.looks_for}
                         for i, rule in enumerate(RULES, 1)])


def _first_rule(m: PlaceMention, ctx: _Context, prev_m: PlaceMention | None, next_m: PlaceMention | None) -> str:
    """The name of the first rule that holds ("coordinated_or:" before a fallback's name). A mention the
    persons module set aside keeps its rule; a name the gazetteer could not resolve is a plain default."""
    if m.form != "excluded":
        if m.person_rule:
            return m.person_rule
        if m.place is None:
            return "default_name"
    reading = _Reading(m, ctx, prev_m, next_m)
    for rule in _TESTED_RULES:
        if rule.applies(reading):
            return f"coordinated_or:{rule.name}" if rule.fallback else rule.name
    raise AssertionError("default_name always applies")


def _is_clause_verb(word: str) -> bool:
    lw = word.lower()
    return lw in AUXILIARIES or lw in FINITE_AGENT_VERBS or lemmatize(lw) in AGENT_VERBS or (
        lw.endswith("ed") and word.islower())


def _subject_beyond(after: list[str]) -> str:
    """"X and its allies will...", "X, on the other hand, is...": the rule, or "" (tokens after the mention)."""
    if after[0] == "and":
        if len(after) < 3 or after[1].lower() not in PARTNER_DETERMINERS:
            return ""
        for t in after[2:8]:
            if not t[0].isalnum():
                return ""
            if t.lower() != "and" and _is_clause_verb(t):
                return "subject_with_partners"
        return ""
    # "X, <aside of up to 7 words>, verb"
    for i, t in enumerate(after[1:9], start=1):
        if t == ",":
            if i < 2 or len(after) <= i + 1 or not any(w.islower() for w in after[1:i]):
                return ""  # "Paris, Texas, has": a qualifier, not an aside
            verbs = [w for w in after[i + 1:i + 4] if w.isalpha() and not (w.endswith("ly") or w == "not"
                                                                            or w in SUBJECT_ADVERBS)]
            return "subject_before_aside" if verbs and verbs[0].islower() and _is_clause_verb(verbs[0]) else ""
        if not t[0].isalnum() or _is_clause_verb(t):
            return ""
    return ""


def _coordinated(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    """True when only commas, and/or and a few adverbs stand between two mentions."""
    between = normalise_quotes(text[a.end:b.start])
    if a.possessive:
        return False
    words = TOKEN.findall(between)
    return 0 < len(words) <= 6 and all(w.lower() in COORDINATION_WORDS or w in QUOTES for w in words) and \
        any(w.lower() in {"and", "or", ",", "nor"} for w in words)


def _in_same_phrase(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    """``b`` continues the prepositional phrase of ``a`` ("in Syria and Libya", "to Kenya and Uganda"). Two
    names joined by a comma are two clauses or an aside ("war broke out in Poland, and Belgium remained
    neutral", "Born in Egypt, Jordan moved"), unless ``a`` is already a list item."""
    if a.form != b.form or a.rule.removeprefix("coordinated:") not in PREPOSITION_SCOPED_RULES:
        return False
    if not _coordinated(text, a, b):
        return False
    return "," not in text[a.end:b.start] or a.rule.startswith("coordinated:")


def assign_roles(mentions: list[PlaceMention], article) -> list[PlaceMention]:
    """The mentions, each with its ``role`` and ``rule`` (new records, in order)."""
    text = article.body
    # Each mention is replaced in this list as its role is found: a later one reads its neighbours' roles.
    mentions = list(mentions)
    pending: list[int] = []
    for i, m in enumerate(mentions):
        s = article.sentence_at(m.start)
        ctx = _Context(text, s.start, s.end, m)
        prev_m = mentions[i - 1] if i > 0 else None
        next_m = mentions[i + 1] if i + 1 < len(mentions) else None
        rule = _first_rule(m, ctx, prev_m, next_m)
        if rule == "subject_of_verb" and prev_m is not None and _in_same_phrase(text, prev_m, m):
            # "Conflicts in Syria and Libya continue": Libya is still inside "in ...", not the verb's subject.
            rule = "coordinated:" + prev_m.rule.removeprefix("coordinated:")
        if rule.startswith("coordinated_or:"):
            pending.append(i)
            rule = rule.split(":", 1)[1]
        mentions[i] = replace(m, rule=rule, role=RULE_ROLE[rule.removeprefix("coordinated:")])
    # Coordination: "to Ukraine, Poland, and perhaps soon also Lithuania"; "until Turkey or Russia approves".
    for _ in range(2):
        for i in pending:
            m = mentions[i]
            if m.rule not in DEFAULT_RULES and not m.rule.startswith("coordinated"):
                continue
            for j in (i - 1, i + 1):
                if not 0 <= j < len(mentions):
                    continue
                other = mentions[j]
                a, b = (other, m) if j < i else (m, other)
                if other.form != m.form or other.rule in DEFAULT_RULES or other.form == "excluded":
                    continue
                base = other.rule.removeprefix("coordinated:")
                # A person's name next to a place ("the President of Turkey, Vladimir Putin") says nothing
                # about the place: only the roles of places pass along a list.
                if RULE_ROLE.get(base) == "not_a_place" or not _coordinated(text, a, b):
                    continue
                mentions[i] = replace(m, rule=f"coordinated:{base}", role=RULE_ROLE[base])
                break
    # A small town named like a person, listed with places that are places: the list is the evidence.
    for i, m in enumerate(mentions):
        if m.rule != "given_name_without_place_evidence" or not m.set_aside:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(mentions) and mentions[j].role in ("literal", "actor") and mentions[j].place is not None:
                a, b = (mentions[j], m) if j < i else (m, mentions[j])
                if _coordinated(text, a, b):
                    place, resolved_by, alternatives = m.set_aside
                    mentions[i] = replace(m, rule="listed_with_places", role="literal", place=place,
                                          resolved_by=resolved_by, alternatives=alternatives)
                    break
    return mentions
