"""Is a mention a place (literal) or a government/state/army acting (metonymic actor)? Rules, in order.

Each mention gets a ``role`` and the ``rule`` that fired. Roles:
- ``literal``: the place as a location ("in Eastern Ukraine", "struck Donbass", "Moscow-based");
- ``actor``: the name stands for a government, state, army or bloc ("Kiev's aggression", "Ankara can do",
  "Turkey provided", "sales to Ukraine", "relations with Turkey");
- ``attribute``: a demonym that only says where something comes from ("Kiev's Turkish drones"), or a name or
  prefix that only gives an origin or an alignment ("Ukraine separatists", "ex-Soviet", "pro-Russian forces":
  an alignment of others with the state, not the state acting, which "Russian-backed" is);
- ``not_a_place``: an excluded name ("Lublin Triangle").

The rules are listed in ``RULES`` (name, role, what it looks for) in the order they are tried; the first that
matches wins. A mention no rule matches gets the default of its kind (names: literal, the majority use of
place names in Markert and Nissim's metonymy data; demonyms: attribute), and a mention with only a default
that is coordinated with a neighbour ("to Ukraine, Poland, and perhaps soon also Lithuania") takes the
neighbour's role. Word lists are small and explicit so a reader can check every decision.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.article import normalise_quotes
from .geoparse import Mention
from ..text.lemmas import lemmatize

TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*|[^\w\s]")
QUOTES = {'"', "'"}

# Nouns that make "X's ..." or "Turkish ..." the state acting or owning (possessive window: 3 words).
AGENT_NOUNS = {
    "aggression", "army", "armed", "military", "forces", "troops", "soldiers", "navy", "drones", "drone", "weapons",
    "weaponry", "missiles", "government", "regime", "authorities", "administration", "leadership", "leader",
    "leaders", "president", "presidential", "minister", "ministry", "officials", "spokesman", "spokeswoman",
    "representatives", "diplomats", "diplomacy", "diplomatic", "policy", "policies", "strategy", "strategic",
    "interests", "goals", "ambitions", "intentions", "position", "stance", "decision", "response", "reaction",
    "backing", "support", "sanctions", "problems", "partner", "partners", "ally", "allies", "neighbor",
    "neighbour", "rivals", "engagement", "superiority", "role", "influence", "campaign", "offensive", "attack",
    "attacks", "demands", "claims", "plans", "efforts", "actions", "threat", "threats", "security", "intelligence",
    "relations", "cooperation", "ties", "side", "delegation", "negotiators", "envoy", "ambassador", "ambassadors",
    "parliament", "elites", "establishment", "propaganda", "narrative", "sovereignty", "veto", "assistance",
}
# For names and demonyms the list is narrower: "Turkish drones" says where the drones were made, not who acts.
# Nouns only a demonym makes the state's: "the Ukrainian state", "the Russian invasion", "the Russian occupiers"
# ("the Kuwait invasion" names the country invaded, so names are left out). Not "Republic": "the Argentine
# Republic" is the country's name, with any role.
DEMONYM_ONLY_NOUNS = {"state", "statehood", "invasion", "occupation", "occupiers", "annexation"}
NAME_AGENT_NOUNS = AGENT_NOUNS - {"drones", "drone", "weapons", "weaponry", "missiles", "military", "diplomatic",
                                  "strategic"}
DEMONYM_AGENT_NOUNS = NAME_AGENT_NOUNS | DEMONYM_ONLY_NOUNS
# Words that can follow "military" only when it is a noun ("the Russian military is/has/may", "... was doing",
# "by the Ukrainian military in the east", "to the Russian military."): an auxiliary, a preposition, a
# determiner or conjunction; a known verb or an -ed verb is checked apart. Anything else is read as the noun
# "military" modifies ("Russian military equipment": an origin).
MILITARY_NOUN_FOLLOWERS = {"and", "or", "but", "that", "which", "who", "itself", "also", "still", "now", "then",
                           "not", "says", "said"}
GEOGRAPHIC_NOUNS = {
    "coast", "coastline", "border", "borders", "east", "west", "north", "south", "capital", "streets", "territory",
    "territories", "region", "regions", "city", "cities", "airport", "port", "ports", "outskirts", "suburbs",
    "soil", "airspace", "waters", "shores", "countryside", "villages", "towns", "landscape", "climate",
    "population", "people", "citizens", "residents", "center", "centre", "heart", "frontier", "steppe",
}
EVENT_NOUNS = {"war", "civil", "conflict", "crisis", "front", "battlefield", "revolution", "election", "elections"}
TRANSFER_LEMMAS = {
    "sell", "selling", "sale", "sales", "provide", "providing", "supply", "supplies", "deliver", "delivery",
    "deliveries", "export", "exports", "exporting", "send", "give", "transfer", "offer", "buy", "purchase",
    "weapon", "weapons", "drone", "drones", "arm", "arms", "aid", "equipment",
}
RELATION_WORDS = {
    "ties", "tie", "relations", "relation", "relationship", "cooperation", "diplomacy", "competition", "talks",
    "deal", "agreement", "negotiations", "tensions", "rivalry", "alliance", "partnership", "dispute",
    "engagement", "dialogue", "coordinate", "coordinates", "cooperate", "cooperates", "trade", "war", "conflict",
    "confrontation", "standoff", "friendship", "détente", "rapprochement", "dealings",
    "sanctions", "pressure", "embargo", "tariffs", "demands",  # "sanctions on Moscow": the state targeted
}
LOCATIVE_PREPOSITIONS = {
    "in", "at", "near", "inside", "outside", "across", "throughout", "around", "into", "from", "to", "toward",
    "towards", "via", "over", "within", "off", "through", "above", "beyond", "along", "visited", "visiting",
}
# Prepositions that cannot precede a subject ("as", "than", "after" can: "just as Russia seems").
PREPOSITIONS = LOCATIVE_PREPOSITIONS | {"of", "for", "on", "by", "with", "against", "between", "about", "under",
                                       "during", "without"}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "that", "this", "those", "these", "all", "of"}
# Verbs whose object is a state acting or acted upon as an agent ("balance Russia", "outfitted Syria").
OBJECT_VERB_LEMMAS = {
    "balance", "contain", "restrain", "regard", "make", "outfit", "enable", "warn", "sanction", "support", "arm",
    "back", "pressure", "urge", "accuse", "blame", "criticise", "criticize", "condemn", "persuade", "convince",
    "help", "allow", "force", "push", "provoke", "deter", "threaten", "trust", "court", "punish", "reassure",
    "confront", "oppose", "appease", "isolate", "recognise", "recognize", "ask", "tell", "call", "join",
}
ATTACK_VERB_LEMMAS = {
    "strike", "struck", "bomb", "shell", "hit", "attack", "invade", "occupy", "capture", "annex", "liberate",
    "target", "raid", "besiege", "storm", "seize", "overrun", "devastate",
}
AUXILIARIES = {
    "can", "could", "would", "will", "might", "may", "must", "should", "shall", "is", "was", "are", "were", "has",
    "had", "have", "does", "did", "do", "won't", "can't", "wouldn't", "isn't", "wasn't", "hasn't", "doesn't",
    "didn't",
}
AGENT_VERB_LEMMAS = {
    "approve", "provide", "seem", "regard", "want", "say", "claim", "insist", "decide", "demand", "refuse",
    "agree", "sign", "impose", "announce", "deny", "accuse", "warn", "threaten", "respond", "reject", "plan",
    "intend", "hope", "fear", "believe", "continue", "keep", "try", "seek", "prefer", "remain", "send",
    "sell", "buy", "export", "supply", "deploy", "launch", "invade", "attack", "sanction", "support", "back",
    "oppose", "need", "expect", "see", "view", "consider", "know", "act", "retaliate", "negotiate", "host",
    "coordinate", "enhance", "pursue", "lead", "arm", "recognise", "recognize", "condemn", "welcome", "veto",
    "vote", "summon", "expel", "tell", "ask", "offer", "promise", "pledge", "outfit", "let", "meet",
}
# Finite forms only, matched as written: "Argentina won", "Ukraine uses drones", "Moscow and Ankara cooperate"
# not "Luhansk using its representatives", a participle after a place.
FINITE_AGENT_VERBS = {"win", "wins", "won", "use", "uses", "lose", "loses", "lost", "cooperate", "cooperates"}
PASSIVE_TARGET_AUX = {"is", "was", "are", "were", "been", "being", "be"}
# "X's oldest/finest/most ...", "one of X's ...": the place as the field of a ranking, not an actor (in ReLocaR
# and SemEval-2007 training sentences such possessives are literal 25 times in 33).
RANKING_WORDS = {"most", "least", "first", "top", "leading", "best", "worst", "only", "biggest", "largest",
                 "oldest", "second", "third", "greatest", "finest", "highest", "longest", "main", "premier"}
NOT_SUPERLATIVES = {"interest", "request", "protest", "conquest", "contest", "arrest", "forest", "harvest",
                    "inquest", "manifest", "unrest", "honest", "modest", "earnest", "suggest", "digest", "invest",
                    "northwest", "southwest", "midwest"}
# Participles after which "by X" names a place, not an agent: "bordered by France", "surrounded by hills".
GEOGRAPHIC_PARTICIPLES = {"bordered", "surrounded", "bounded", "flanked", "separated", "divided", "crossed",
                          "drained", "washed", "fed", "linked", "connected", "served", "reached", "visited",
                          "followed", "preceded"}
# Past participles not ending in -ed/-en: "led by X", "won by X", "made by X".
IRREGULAR_PARTICIPLES = {"made", "held", "led", "won", "built", "sent", "brought", "bought", "sold", "caught",
                         "fought", "taught", "set", "put", "run", "hit", "cut", "struck", "kept", "left", "lost",
                         "paid", "told", "found", "shot", "spent", "begun", "done", "overrun", "dealt", "felt",
                         "meant", "sought", "spread", "shut", "bound", "ruled", "sponsored", "funded"}
# Adverbs that may stand between a subject and its verb: "Taiwan first established", "Austria also finished".
SUBJECT_ADVERBS = {"also", "first", "then", "later", "still", "already", "never", "soon", "again", "finally",
                   "now", "subsequently", "eventually", "once", "often", "always"}
AGENTIVE_SUFFIXES = {"backed", "allied", "led", "sponsored", "supported", "funded", "controlled", "aligned",
                     "friendly", "brokered", "installed", "armed", "trained", "imposed", "dominated"}
LOCATIVE_SUFFIXES = {"based", "born", "bound", "headquartered", "area", "region"}
COORDINATION_WORDS = {"and", "or", ",", "also", "perhaps", "soon", "even", "then", "maybe", "possibly",
                      "potentially", "eventually", "as", "well", "nor", "either", "neither"}
# "ex-Soviet", "post-Soviet", "pro-Russian": a prefix that makes the name say an origin or an alignment of
# something else; nothing is done by the state ("pro-Russian forces" are not Russia's forces). "anti-" is left
# out: "anti-Russia sanctions" target the state.
ATTRIBUTIVE_PREFIXES = {"ex", "post", "pre", "pro"}
# People and groups that a name in front of them only locates or gives a nationality ("Ukraine separatists",
# "Donbass militia", "US veterans"); the state's own organs are AGENT_NOUNS ("Ukraine troops").
GROUP_NOUNS = {"separatists", "separatist", "rebels", "rebel", "insurgents", "militants", "militia", "militias",
               "partisans", "veterans", "citizens", "nationals", "residents", "natives", "martyrs", "refugees",
               "journalists", "activists", "nationalists", "students", "volunteers", "émigrés", "emigres",
               "diaspora", "expats", "fans", "workers", "pilgrims", "tourists"}
# "deploy/move/reposition ... to X", "send troops to X": X is where they go, not a party to a transfer
# ("sell drones to Ukraine" stays a trade party).
MOVEMENT_LEMMAS = {"deploy", "redeploy", "reposition", "relocate", "move", "station", "fly", "travel",
                   "march", "advance", "head", "evacuate", "flee", "come", "go", "withdraw", "rotate", "airlift",
                   "deployment", "redeployment", "relocation", "movement", "trip", "visit", "journey"}
SEND_LEMMAS = {"send", "dispatch", "sent"}
TROOP_NOUNS = {"troops", "forces", "soldiers", "units", "brigades", "battalions", "personnel", "peacekeepers",
               "marines", "paratroopers", "warships", "ships", "fleet", "jets", "aircraft", "staff", "diplomats",
               "observers", "envoy", "delegation", "mission"}
# "X and its/our allies will ...": a subject widened by a partner phrase.
PARTNER_DETERMINERS = {"its", "our", "their", "his", "her", "other", "allied", "all", "some", "many", "several"}
AGENTIVE_KINDS = {"country", "city", "us_state", "province", "de facto entity"}
# "support/assistance for X", "aid to X": X the state that receives (the word right before the preposition).
SUPPORT_NOUNS = {"support", "assistance", "aid", "help", "funding", "solidarity", "backing"}
# "stand with/by/behind X", "side with X", "solidarity with X": X the party one takes side with.
SIDING_WORDS = {"stand", "stands", "stood", "standing", "side", "sides", "sided", "siding", "solidarity"}
# "invasion/occupation/siege of X": the place invaded or held, as territory (like "invaded X").
ATTACK_NOUNS = {"invasion", "occupation", "annexation", "bombing", "bombardment", "shelling", "siege", "capture",
                "conquest", "blockade", "partition", "liberation"}
# "part/people/citizens/territory/the east of X": X as the land its part or its inhabitants belong to.
PART_NOUNS = {"part", "parts", "people", "peoples", "citizens", "residents", "inhabitants", "population",
              "territory", "territories", "region", "regions", "rest", "east", "west", "north", "south", "heart",
              "centre", "center", "soil", "borders", "outskirts"}

# "Turkish armed drones": "armed" describes the weapon, so the demonym gives its origin ("Turkish armed forces"
# stays the state's).
WEAPON_NOUNS = {"drones", "drone", "uavs", "uav", "vehicles", "boats", "aircraft", "helicopters", "missiles",
                "systems"}
# "Ukraine's company Ukrspetsexport", "Turkey's manufacturer Baykar": a firm the country is home to, an origin.
COMPANY_NOUNS = {"company", "companies", "firm", "firms", "manufacturer", "manufacturers", "maker", "makers",
                 "producer", "producers", "corporation", "exporter", "exporters", "concern", "enterprise"}
# "the Crimean peninsula", "the Russian border", "Ukrainian territory": the land itself (not its people, who
# are a nationality: "the Ukrainian people" keeps the demonym's default).
LANDFORM_NOUNS = {"peninsula", "coast", "coastline", "border", "borders", "territory", "territories", "soil",
                  "airspace", "waters", "steppe", "mountains", "lowlands", "countryside", "shore", "shores",
                  "frontier", "hinterland"}
# "ambassador to Turkey", "envoy to Ukraine", "embassy to X": accredited to the state.
ENVOY_NOUNS = {"ambassador", "ambassadors", "envoy", "envoys", "emissary", "embassy", "representative",
               "representatives", "consul", "attaché", "attache"}

VERB_LEMMAS = OBJECT_VERB_LEMMAS | ATTACK_VERB_LEMMAS | AGENT_VERB_LEMMAS
MILITARY_VERB_LEMMAS = VERB_LEMMAS | MOVEMENT_LEMMAS

RULES = [
    ("excluded_name", "not_a_place", "the name is on the exclusion list (an alliance, publisher, treaty...)"),
    ("person:title_before", "not_a_place", "a title before: \"Mr Phoenix\", \"President Barack Obama\", \"King Bell\""),
    ("person:first_name_before", "not_a_place", "a first name (1990 US Census list) before: \"Joaquin Phoenix\""),
    ("person:initial_before", "not_a_place", "an initial before: \"John W. Houston\""),
    ("person:surname_after", "not_a_place", "the name is a first name and a surname follows: \"David Warner\""),
    ("person:name_run", "not_a_place", "a small town joined to a capitalised non-word: \"Quint Davis\", \"Barack Obama\""),
    ("street_or_square", "not_a_place", "\"X Street/Avenue/Square/-Straße\": a street named after someone"),
    ("named_after", "not_a_place", "\"named after X\", \"in honour of X\": a namesake"),
    ("organisation_name", "not_a_place", "the start of an organisation's name: \"Hampton Inn\", \"Dallas Police Department\""),
    ("person:introduced", "not_a_place", "a small town after \"named\"/\"called\": \"a student named Quint Davis\""),
    ("title", "not_a_place", "after film/drama/novel/album...: \"the drama Selma\""),
    ("person:speech_verb", "not_a_place", "a small town followed by a verb of saying: \"Seabrook said\""),
    ("person:office_noun", "not_a_place", "a small town before administration/presidency: \"the Obama administration\""),
    ("person:same_name", "not_a_place", "the same name is a person elsewhere in the text, and no place cue here"),
    ("given_name_without_place_evidence", "not_a_place",
     "a small town named like a person (David, Gary, Anna) with no qualifier, preposition, state or dateline"),
    ("attributive_prefix", "attribute",
     "\"ex-/post-/pre-/pro-X\": \"ex-Soviet\", \"post-Soviet space\", \"pro-Russian forces\": an origin or "
     "alignment of something else, not the state acting"),
    ("bloc_or_organisation", "actor", "a bloc, alliance or organisation (NATO, the West, EU) acts; it is not a place"),
    ("compound_of_parties", "actor", "hyphen joins two parties: \"Russian-Turkish relations\", \"NATO-Russia\""),
    ("agentive_compound", "actor", "\"X-backed\", \"X-allied\", \"X-led\": the state as sponsor"),
    ("locative_compound", "literal", "\"X-based\", \"X-born\": a location"),
    ("demonym_before_armed_weapon", "attribute",
     "demonym before \"armed\" describing a weapon (\"Turkish armed drones\"): the weapon's origin"),
    ("demonym_before_landform", "literal", "demonym before peninsula/coast/border/territory...: the land itself "
                                          "(\"the Crimean peninsula\")"),
    ("demonym_before_agent_noun", "actor",
     "demonym before a government/political noun within 2 words (\"Turkish backing\", \"Russian interests\")"),
    ("demonym_military_noun", "actor",
     "demonym before \"military\" used as a noun (\"the Russian military has/is/was\", \"by the Ukrainian military "
     "in\", \"to the Russian military.\"), not as a modifier (\"Russian military equipment\")"),
    ("demonym_before_event_noun", "literal", "demonym before war/conflict/crisis: where it happens"),
    ("possessive_geographic_noun", "literal", "\"X's coast/border/streets...\": part of the place"),
    ("possessive_company", "attribute",
     "\"X's company/firm/manufacturer...\" (\"Ukraine's company Ukrspetsexport\"): a firm based there, an origin"),
    ("possessive_agent_noun", "actor", "\"X's aggression/drones/representatives...\" within 3 words"),
    ("possessive_ranking", "literal",
     "\"X's oldest/most/first/leading...\", \"one of X's...\": the place as the field of a ranking"),
    ("name_before_agent_noun", "actor", "a name used as a modifier of a government noun: \"U.K. officials\""),
    ("name_before_group_noun", "attribute",
     "a name as modifier of a non-state group: \"Ukraine separatists\", \"Donbass militia\", \"US veterans\""),
    ("envoy_to", "actor", "\"ambassador/envoy/embassy to X\": accredited to the state"),
    ("destination_of_movement", "literal",
     "\"to/into X\" after deploy/move/reposition/travel... or \"send troops/forces to X\": where they go (not "
     "\"came to Bucha to document X's crimes\")"),
    ("recipient_of_transfer", "actor", "\"to/from X\" after selling/providing/weapons...: the state as trade party"),
    ("recipient_of_support", "actor",
     "\"support/assistance/aid/help/funding/solidarity for|to X\": the state that receives"),
    ("siding_with", "actor", "\"stand with/by/behind X\", \"side with X\", \"solidarity with X\": the party one sides with"),
    ("party_to_relation", "actor",
     "\"with/against/on X\" after ties/relations/diplomacy/competition/sanctions..."),
    ("between_parties", "actor", "\"between X and Y\""),
    ("object_of_attack_verb", "literal", "object of struck/bombed/shelled/invaded...: the place hit"),
    ("object_of_attack_noun", "literal",
     "\"invasion/occupation/annexation/siege/shelling... of X\": the place invaded or held, as territory"),
    ("part_of_place", "literal",
     "\"part/people/citizens/territory/the east... of X\" (not \"part of X's squad\"): the land a part or its "
     "inhabitants belong to"),
    ("object_of_agentive_verb", "actor", "object of balance/restrain/regard/make/outfit/enable/warn..."),
    ("agent_of_passive", "actor", "\"captured by X\", \"sponsored by X\", \"backed by both X and Y\": the agent "
                                  "of a passive verb (not \"bordered/surrounded by X\")"),
    ("locative_preposition", "literal",
     "\"in/at/near/to/from X\" (up to 3 modifiers between); not \"to discuss X's war\", where \"to\" is an "
     "infinitive's and X's belongs to its noun"),
    ("default_region", "literal", "regions, seas, straits and continents are places"),
    ("passive_target", "literal", "\"X was bombed/struck/attacked\""),
    ("subject_of_verb", "actor",
     "X, not after a preposition, followed (past -ly adverbs and \"not\") by a modal/auxiliary, an agentive "
     "verb (\"won\", \"uses\", \"cooperate\"...) or an -ed verb"),
    ("subject_with_partners", "actor",
     "\"X and its/our allies (and partners) will/have...\": a subject widened by a partner phrase"),
    ("subject_before_aside", "actor",
     "\"X, on the other hand, is ready\", \"X, together with our allies, will...\": a subject before an aside"),
    ("possessive_other", "actor", "any other possessive of a country or city: the state as owner"),
    ("coordinated", "(as neighbour)",
     "coordinated with a neighbouring mention that a rule decided (never a person's or an excluded name); "
     "also after a mention in a prepositional phrase, before a verb: \"in Syria and Libya continue\""),
    ("listed_with_places", "literal",
     "a place named like a person, listed with other places: \"Istanbul, Geneva, Brussels\""),
    ("default_name", "literal", "no cue: literal, the majority use of place names"),
    ("default_demonym", "attribute", "a demonym with no cue describes origin or nationality"),
]
RULE_ROLE = {name: role for name, role, _ in RULES}
# Rules that read a preposition before the mention: a name coordinated after such a mention is inside the
# same prepositional phrase, whatever verb follows the list.
PREPOSITION_SCOPED_RULES = {"locative_preposition", "destination_of_movement"}
DEFAULT_RULES = {"default_region", "default_name", "default_demonym", "possessive_other"}


def rules_frame():
    """The rules as a table, in the order they are tried."""
    import pandas as pd

    return pd.DataFrame([{"order": i, "rule": n, "role": r, "looks_for": d} for i, (n, r, d) in enumerate(RULES, 1)])


@lru_cache(maxsize=1024)
def _sentence_tokens(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, text) of a sentence's tokens, quotes straightened; cached: a sentence often holds several
    mentions."""
    return tuple((m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(normalise_quotes(sentence)))


class _Context:
    """Tokens of one sentence around a mention (straight quotes), lower-cased for matching."""

    def __init__(self, text: str, sentence_start: int, sentence_end: int, mention: Mention):
        tokens = [(s + sentence_start, e + sentence_start, t)
                  for s, e, t in _sentence_tokens(text[sentence_start:sentence_end])]
        # A token holding the mention ("Kiev's", "Turkish-backed", "NATO-Russia") belongs to neither side, so
        # the context starts outside the compound and after the possessive.
        self.before = [t for s, e, t in tokens if e <= mention.start]
        self.after = [t for s, e, t in tokens if s >= mention.end]
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


def _is_party(m: Mention | None) -> bool:
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


def _first_rule(m: Mention, ctx: _Context, prev_m: Mention | None, next_m: Mention | None) -> str:
    if m.form == "excluded":
        return "excluded_name"
    if m.person_rule:
        return m.person_rule
    place = m.place
    if place is None:
        return "default_name"
    if m.prefix.lower() in ATTRIBUTIVE_PREFIXES:
        return "attributive_prefix"
    if not place.is_place:
        return "bloc_or_organisation"
    nxt = _lower(ctx.next_words(3))
    prev = ctx.previous_words(6)
    prev_lemmas = _lemmas(prev)
    suffix = m.suffix.lower()
    joined_to_party = (m.suffix and next_m is not None and next_m.start == m.end + 1) or \
                      (m.prefix and prev_m is not None and prev_m.end == m.start - 1)
    if joined_to_party and _is_party(next_m if m.suffix else prev_m):
        return "compound_of_parties"
    if suffix in AGENTIVE_SUFFIXES:
        return "agentive_compound"
    if suffix in LOCATIVE_SUFFIXES:
        return "locative_compound"
    if m.form == "demonym":
        if nxt[:1] == ["armed"] and nxt[1:2] and nxt[1] in WEAPON_NOUNS:
            return "demonym_before_armed_weapon"
        if nxt[:1] and nxt[0] in LANDFORM_NOUNS:
            return "demonym_before_landform"
        if any(w in DEMONYM_AGENT_NOUNS for w in nxt[:2]):
            return "demonym_before_agent_noun"
        if nxt[:1] == ["military"] and _military_is_noun(ctx):
            return "demonym_military_noun"
        if any(w in EVENT_NOUNS for w in nxt[:2]):
            return "demonym_before_event_noun"
        return "coordinated_or:default_demonym"
    if m.possessive:
        if any(w in GEOGRAPHIC_NOUNS for w in nxt[:3]):
            return "possessive_geographic_noun"
        if nxt[:1] and nxt[0] in COMPANY_NOUNS:
            return "possessive_company"
        if any(w in AGENT_NOUNS for w in nxt[:3]) and place.kind in AGENTIVE_KINDS:
            return "possessive_agent_noun"
        if (nxt[:1] and (nxt[0] in RANKING_WORDS or nxt[0].endswith("-ever") or (
                nxt[0].endswith("est") and len(nxt[0]) > 4 and nxt[0] not in NOT_SUPERLATIVES))) \
                or [w.lower() for w in prev[:2]] == ["of", "one"]:
            return "possessive_ranking"
    if nxt[:1] and place.kind in AGENTIVE_KINDS and (nxt[0] in NAME_AGENT_NOUNS or (
            nxt[0] == "military" and len(nxt) > 1 and nxt[1] in AGENT_NOUNS)):
        return "name_before_agent_noun"  # "U.K. officials", "U.S. military assistance"
    if nxt[:1] and nxt[0] in GROUP_NOUNS and not m.possessive and not m.suffix:
        return "name_before_group_noun"
    if len(prev) > 1 and prev[0].lower() == "to" and prev[1].lower() in ENVOY_NOUNS \
            and place.kind in AGENTIVE_KINDS:
        return "envoy_to"
    found = _preposition_before(ctx, {"to", "from", "into", "toward", "towards"})
    if found is not None and m.possessive and found[0] == "to" and _infinitive_between(prev[:found[1]]):
        found = None  # "came to Geneva to review Kenya's budget": "to" is the infinitive's, X's its noun's
    if found is not None:
        prep, at = found
        window = prev[at + 1:at + 7]
        lemmas = prev_lemmas[at + 1:at + 7]
        if prep != "from" and (any(lemma in MOVEMENT_LEMMAS for lemma in lemmas) or (
                any(lemma in SEND_LEMMAS for lemma in lemmas) and any(w.lower() in TROOP_NOUNS for w in window))):
            return "destination_of_movement"
        if prep in ("to", "from") and any(lemma in TRANSFER_LEMMAS or w.lower() in TRANSFER_LEMMAS
                                          for w, lemma in zip(window, lemmas)):
            return "recipient_of_transfer"
    if place.kind in AGENTIVE_KINDS and not m.possessive and len(prev) > 1:
        p0, p1 = prev[0].lower(), prev[1].lower()
        if p0 in ("for", "to") and p1 in SUPPORT_NOUNS:
            return "recipient_of_support"
        if p0 in ("with", "by", "behind") and p1 in SIDING_WORDS:
            return "siding_with"
    found = _preposition_before(ctx, {"with", "against", "on"})
    if found is not None:
        _, at = found
        if any(w.lower() in RELATION_WORDS for w in prev[at + 1:at + 4]):
            return "party_to_relation"
    if _preposition_before(ctx, {"between"}) is not None:
        return "between_parties"
    if prev_lemmas[:2] and any(lemma in ATTACK_VERB_LEMMAS or w.lower() in ATTACK_VERB_LEMMAS
                               for w, lemma in zip(prev[:1], prev_lemmas[:1])):
        return "object_of_attack_verb"
    if len(prev) > 1 and prev[0].lower() == "of" and prev[1].lower() in ATTACK_NOUNS:
        return "object_of_attack_noun"
    if len(prev) > 1 and prev[0].lower() == "of" and prev[1].lower() in PART_NOUNS and not m.possessive:
        return "part_of_place"
    if place.kind in AGENTIVE_KINDS and prev and (
            prev_lemmas[0] in OBJECT_VERB_LEMMAS
            or (len(prev) > 1 and prev[0].lower() in DETERMINERS and prev_lemmas[1] in OBJECT_VERB_LEMMAS)):
        return "object_of_agentive_verb"
    by = 1 if prev[:1] and prev[0].lower() in {"the", "both", "either", "neither"} else 0
    if place.kind in AGENTIVE_KINDS and len(prev) >= by + 2 and prev[by].lower() == "by":
        verb = prev[by + 1]
        if verb.islower() and verb not in GEOGRAPHIC_PARTICIPLES and (
                verb.endswith(("ed", "en")) or verb in IRREGULAR_PARTICIPLES):
            return "agent_of_passive"
    found = _preposition_before(ctx, LOCATIVE_PREPOSITIONS)
    if found is not None and not (m.possessive and found[0] == "to" and _infinitive_between(prev[:found[1]])):
        return "locative_preposition"
    if place.kind not in AGENTIVE_KINDS:
        return "default_region"
    verbs = [w for w in nxt if not (w.endswith("ly") or w == "not" or w in SUBJECT_ADVERBS)]
    if len(verbs) >= 2 and verbs[0] in PASSIVE_TARGET_AUX and lemmatize(verbs[1]) in ATTACK_VERB_LEMMAS:
        return "passive_target"
    after_preposition = bool(prev) and prev[0].lower() in PREPOSITIONS
    if verbs and not after_preposition and (verbs[0] in AUXILIARIES or lemmatize(verbs[0]) in AGENT_VERB_LEMMAS
                  or verbs[0] in FINITE_AGENT_VERBS or (verbs[0].endswith("ed") and verbs[0].islower())):
        return "subject_of_verb"
    if not after_preposition and not m.possessive and ctx.after[:1] in (["and"], [","]):
        rule = _subject_beyond(ctx.after)
        if rule:
            return rule
    if m.possessive:
        return "possessive_other"
    return "coordinated_or:default_name"


def _is_clause_verb(word: str) -> bool:
    lw = word.lower()
    return lw in AUXILIARIES or lw in FINITE_AGENT_VERBS or lemmatize(lw) in AGENT_VERB_LEMMAS or (
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


def _coordinated(text: str, a: Mention, b: Mention) -> bool:
    """True when only commas, and/or and a few adverbs stand between two mentions."""
    between = normalise_quotes(text[a.end:b.start])
    if a.possessive:
        return False
    words = TOKEN.findall(between)
    return 0 < len(words) <= 6 and all(w.lower() in COORDINATION_WORDS or w in QUOTES for w in words) and \
        any(w.lower() in {"and", "or", ",", "nor"} for w in words)


def _in_same_phrase(text: str, a: Mention, b: Mention) -> bool:
    """``b`` continues the prepositional phrase of ``a`` ("in Syria and Libya", "to Kenya and Uganda"). Two
    names joined by a comma are two clauses or an aside ("war broke out in Poland, and Belgium remained
    neutral", "Born in Egypt, Jordan moved"), unless ``a`` is already a list item."""
    if a.form != b.form or a.rule.removeprefix("coordinated:") not in PREPOSITION_SCOPED_RULES:
        return False
    if not _coordinated(text, a, b):
        return False
    return "," not in text[a.end:b.start] or a.rule.startswith("coordinated:")


def assign_roles(mentions: list[Mention], article) -> list[Mention]:
    """Set ``role`` and ``rule`` on every mention (in place); returns the list."""
    text = article.body
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
        m.rule, m.role = rule, RULE_ROLE[rule.removeprefix("coordinated:")]
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
                m.rule, m.role = f"coordinated:{base}", RULE_ROLE[base]
                break
    # A small town named like a person, listed with places that are places: the list is the evidence.
    for i, m in enumerate(mentions):
        if m.rule != "given_name_without_place_evidence" or not m.set_aside:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(mentions) and mentions[j].role in ("literal", "actor") and mentions[j].place is not None:
                a, b = (mentions[j], m) if j < i else (m, mentions[j])
                if _coordinated(text, a, b):
                    m.rule, m.role = "listed_with_places", "literal"
                    m.place, m.resolved_by, m.alternatives = m.set_aside
                    break
    return mentions
