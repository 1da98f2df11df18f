"""People are not places: the evidence a reader uses to tell "Joaquin Phoenix said" from "in Phoenix, Arizona".

A gazetteer mention that the evidence below says is part of a person's name (or of a street, square or
organisation named after a place or person) keeps its candidates for the record but gets no place: its role
is ``not_a_place`` and its rule says why. The rules are ``PERSON_RULES``, tried in order on each mention (the
first that holds wins): a title, a first name or an initial before the mention; a surname or another name
after it; a street, a namesake, a title of a work or an organisation's name around it; a verb of saying or
an office after a small town with no place evidence. ``person:same_name``: the same spelling was shown to be a
person elsewhere in the text, and this mention has no place evidence of its own (no preposition of place just
before, no "X, State" qualifier). Their word lists are in ``data/person_rule_words.csv``.

After resolution, ``given_name_without_place_evidence`` rejects a small town whose name is also a given name
(David, Gary, Anna, Kent, Lawrence) unless something shows a place: a qualifier ("Gary, Indiana"), a
preposition of place just before ("in Gary"), its state named elsewhere in the article, its country holding
a dateline or a letter's signature line. (Its country being the article's main country is not enough: a
US article names US towns called Kent and David by chance.)

Name lists: first names and surnames of the 1990 US Census (public domain), as shipped by the ``names``
package (MIT): 5,163 first names and the 5,000 most frequent surnames. Countries, US states, capitals and
cities of 500,000+ are "strong" places: only a title, a first name, an initial before them or a surname after
them (when the name itself is a first name: "Chad Myers", "Jordan Peterson") makes them a person.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property, lru_cache
from importlib import resources

from ..paths import DATA_DIR
from .rule import Rule, load_word_lists

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

SURNAMES_KEPT = 5000
WEAK_POPULATION = 500_000

_W = load_word_lists(DATA_DIR / "person_rule_words.csv")
TITLES = _W["titles"]
# Capitalised words that make a place name bigger, not a person's: "Upper Midwest", "Fort Worth", "New ...".
PLACE_MODIFIERS = _W["place_modifiers"]
# Words after a name that make it a place bigger than a person: "Madison County", "Yarra River".
GEO_HEADS = _W["geographic_heads"]
STREET_HEADS = _W["street_heads"]
ORGANISATION_HEADS = _W["organisation_heads"]
ORGANISATION_LINKS = _W["organisation_links"]
SPEECH_VERBS = _W["speech_verbs"]
# "a student named Quint Davis", "the drama Selma": a name or a title introduced as such.
INTRODUCED = re.compile(r"\b(?:named|called|dubbed|nicknamed)\s+(?:[A-Z][\w'’-]*\s+){0,2}$")
TITLE_NOUNS = re.compile(r"\b(?:film|movie|drama|documentary|novel|book|album|song|musical|play|series|show|"
                         r"sitcom|opera|painting|poem)\s+$", re.I)
NAMED_AFTER = re.compile(r"(?:named|renamed)\s+(?:after|for)\s+(?:the\s+)?$|in\s+hono(?:u)?r\s+of\s+(?:the\s+)?$", re.I)
# "the Obama administration", "the Bush presidency": a leader's name before the office.
PERSON_OFFICE_NOUNS = _W["person_office_nouns"]
PLACE_PREPOSITIONS = _W["place_prepositions"]


@lru_cache(maxsize=1)
def name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, surnames) in title case, from the 1990 US Census lists inside the ``names`` package."""
    package = resources.files("names")

    def first_column(file: str, limit: int | None = None) -> list[str]:
        out = []
        with package.joinpath(file).open(encoding="ascii") as fh:
            for line in fh:
                out.append(line.split()[0].title())
                if limit and len(out) >= limit:
                    break
        return out

    firsts = frozenset(first_column("dist.male.first") + first_column("dist.female.first"))
    surnames = frozenset(first_column("dist.all.last", SURNAMES_KEPT))
    return firsts, surnames


@lru_cache(maxsize=65536)
def _is_english_word(word: str) -> bool:
    """True when simplemma's English dictionary lower-cases the capitalised word ("Visiting" -> "visit",
    "Field" -> "field"); proper names ("Barack", "Warner") and unknown words ("Lugosi") keep their capital."""
    import simplemma

    return simplemma.lemmatize(word, lang="en")[:1].islower()


def weak(mention, gazetteer) -> bool:
    """True when every candidate is a town: not a country, state, region or capital, under 500,000 people."""
    places = mention.candidates
    if not places:
        return False
    capitals = _capitals(gazetteer)
    return all(p.kind == "city" and p.population < WEAK_POPULATION and (p.country_code, p.name) not in capitals
               for p in places)


def _capitals(gazetteer) -> set[tuple[str, str]]:
    cached = getattr(gazetteer, "_capital_pairs", None)
    if cached is None:
        cached = {(row["iso2"], row["capital"]) for row in gazetteer.country_rows.values()}
        gazetteer._capital_pairs = cached
    return cached


class _Text:
    """Word-level look-arounds on the body."""

    def __init__(self, text: str, sentence_starts: set[int]):
        self.text = text
        self.starts = sentence_starts

    def previous(self, start: int) -> tuple[str, str, int]:
        """The word just before ``start``, the characters between, and the word's start ("", "", -1 if none)."""
        m = None
        for m in WORD.finditer(self.text, max(0, start - 40), start):
            pass
        if m is None:
            return "", "", -1
        return m.group(0), self.text[m.end():start], m.start()

    def following(self, end: int) -> tuple[str, str]:
        m = WORD.search(self.text, end, end + 40)
        if m is None:
            return "", ""
        return m.group(0), self.text[end:m.start()]


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper() and not word.isupper()


def _name_like(word: str, at: int, t: _Text, gazetteer) -> bool:
    """A capitalised word that is neither an English word, a place name nor a place modifier, and does not
    start a sentence: "Quint", "Barack", "Lugosi"."""
    if not _capitalised(word) or at in t.starts or word.lower() in PLACE_MODIFIERS:
        return False
    if word.endswith(("'s", "’s")):
        return False  # a possessive before a place: "New York's Times Square"
    if gazetteer.names_starting_with(word):
        return False
    return not _is_english_word(word)


def _first_name(word: str, at: int, t: _Text) -> bool:
    """A census first name; one that is also a common English word ("Will", "Mark", "May") only mid-sentence."""
    firsts, _ = name_lists()
    if not _capitalised(word) or word not in firsts or word.lower() in PLACE_MODIFIERS:
        return False
    return at not in t.starts or not _is_english_word(word)


QUALIFIER_AFTER = re.compile(r",\s*([A-Z][\w.]*(?: [A-Z][\w.]*)?)")


def _place_evidence(m, t: _Text, gazetteer=None) -> bool:
    """A preposition of place just before, a qualifier ("X, Alabama") or a locative compound ("X-based")."""
    q = QUALIFIER_AFTER.match(t.text, m.end)
    if q is not None and gazetteer is not None:
        for candidate in (q.group(1), q.group(1).split(" ")[0]):
            if any(e.place is not None and e.place.kind in ("us_state", "country", "province")
                   for e in gazetteer.lookup(candidate)):
                return True
    word, gap, _ = t.previous(m.start)
    if word.lower() in PLACE_PREPOSITIONS and gap.strip() == "":
        return True
    if m.prefix in ("R", "D", "I") and t.text[max(0, m.start - 3):m.start - 2] == "(":
        return True  # "(R-Warren)": a legislator's party and home county
    return m.suffix.lower() in {"based", "born", "area", "region"}


class _Reading:
    """The words around one mention that the person rules read (each computed once, when first asked)."""

    def __init__(self, m, t: _Text, gazetteer):
        self.m, self.t, self.gazetteer = m, t, gazetteer
        self.word, self.gap, self.at = t.previous(m.start)
        self.after, self.gap_after = t.following(m.end)

    @cached_property
    def is_weak(self) -> bool:
        return weak(self.m, self.gazetteer)

    @cached_property
    def joined_before(self) -> bool:
        """One space and no prefix between the word before and the mention ("Joaquin Phoenix")."""
        return self.gap == " " and not self.m.prefix

    @cached_property
    def name_like_before(self) -> bool:
        return self.joined_before and _name_like(self.word, self.at, self.t, self.gazetteer)

    @cached_property
    def capitalised_after(self) -> bool:
        """A capitalised word right after that is no place head, organisation word or place ("Warner")."""
        after, la = self.after, self.after.lower()
        return self.gap_after == " " and not self.m.suffix and _capitalised(after) \
            and la not in GEO_HEADS | STREET_HEADS and la not in ORGANISATION_HEADS \
            and not self.gazetteer.lookup(after)

    @cached_property
    def verb_after(self) -> str:
        """The word after the mention, past one -ly adverb ("Seabrook quickly said")."""
        if self.after.lower().endswith("ly") and self.gap_after == " ":
            return self.t.following(self.m.end + len(self.gap_after) + len(self.after))[0]
        return self.after

    def looking_back(self, chars: int) -> str:
        return self.t.text[max(0, self.m.start - chars):self.m.start]


def _title_before_name(r: _Reading) -> bool:
    if not r.name_like_before:
        return False
    before, gap, _ = r.t.previous(r.at)
    return gap in (" ", ". ") and before.lower() in TITLES and _capitalised(before)


def _initial_before(r: _Reading) -> bool:
    word, at, text = r.word, r.at, r.t.text
    return r.gap == ". " and len(word) == 1 and word.isupper() and (at == 0 or text[at - 1] != ".")


def _surname_after(r: _Reading) -> bool:
    if not r.capitalised_after:
        return False
    firsts, surnames = name_lists()
    # "President of France Emmanuel Macron": a country after "of" names the office's country, even when a
    # given name follows.
    of_country = r.word.lower() == "of" and any(p.kind == "country" for p in r.m.candidates)
    return r.m.surface in firsts and not of_country and (
        r.after in surnames or _name_like(r.after, -1, r.t, r.gazetteer))


def _street_or_square(r: _Reading) -> bool:
    return (r.gap_after in (" ", ". ") and r.after.lower() in STREET_HEADS and _capitalised(r.after)) \
        or r.m.suffix.lower() in STREET_HEADS


def _weak_without_evidence(r: _Reading) -> bool:
    return r.is_weak and not _place_evidence(r.m, r.t, r.gazetteer)


# Tried in this order on each name mention; the first that holds decides (see the module docstring).
PERSON_RULES: tuple[Rule, ...] = (
    Rule("person:title_before", "not_a_place", "a title before: \"Mr Phoenix\", \"King Bell\", \"Dr. King\"",
         lambda r: r.gap in (" ", ". ") and not r.m.prefix and r.word.lower() in TITLES and _capitalised(r.word)),
    Rule("person:first_name_before", "not_a_place", "a first name (1990 US Census list) before: \"Joaquin Phoenix\"",
         lambda r: r.joined_before and _first_name(r.word, r.at, r.t) and not r.gazetteer.lookup(r.word)),
    Rule("person:title_before_name", "not_a_place",
         "a title and a name that is no word or place before: \"President Barack Obama\", \"Dr. Quint Davis\"",
         _title_before_name),
    Rule("person:name_run", "not_a_place",
         "a small town after a capitalised word that is no English word or place: \"Quint Davis\", \"Bela Lugosi\"",
         lambda r: r.name_like_before and r.is_weak),
    Rule("person:initial_before", "not_a_place", "an initial before: \"John W. Houston\"", _initial_before),
    Rule("person:surname_after", "not_a_place", "the name is a first name and a surname follows: \"David Warner\"",
         _surname_after),
    Rule("person:name_run_after", "not_a_place",
         "a small town before a capitalised word that is no English word or place: \"Vladimir Putin\" (Vladimir, a town)",
         lambda r: r.capitalised_after and r.is_weak and _name_like(r.after, -1, r.t, r.gazetteer)),
    Rule("street_or_square", "not_a_place", "\"X Street/Avenue/Square/-Straße\": a street named after someone",
         _street_or_square),
    Rule("named_after", "not_a_place", "\"named after X\", \"in honour of X\": a namesake",
         lambda r: bool(NAMED_AFTER.search(r.looking_back(30)))),
    Rule("person:introduced", "not_a_place", "a small town after \"named\"/\"called\": \"a student named Quint Davis\"",
         lambda r: r.is_weak and bool(INTRODUCED.search(r.looking_back(60)))),
    Rule("title", "not_a_place", "after film/drama/novel/album...: \"the drama Selma\"",
         lambda r: bool(TITLE_NOUNS.search(r.looking_back(20)))),
    Rule("organisation_name", "not_a_place",
         "the start of an organisation's name: \"Hampton Inn\", \"Dallas Police Department\"",
         lambda r: _organisation_follows(r.m, r.t)),
    Rule("person:speech_verb", "not_a_place",
         "a small town with no place evidence followed by a verb of saying: \"Seabrook said\"",
         lambda r: r.gap_after == " " and r.verb_after.lower() in SPEECH_VERBS and r.verb_after.islower()
         and _weak_without_evidence(r)),
    Rule("person:office_noun", "not_a_place",
         "a small town with no place evidence before administration/presidency: \"the Obama administration\"",
         lambda r: r.gap_after == " " and r.after.lower() in PERSON_OFFICE_NOUNS and _weak_without_evidence(r)),
    Rule("person:same_name", "not_a_place",
         "the same name is a person elsewhere in the text, and no place cue here"),
    Rule("given_name_without_place_evidence", "not_a_place",
         "a small town named like a person (David, Gary, Anna) with no qualifier, preposition, state or dateline"),
)
_TESTED = tuple(rule for rule in PERSON_RULES if rule.applies is not None)


def person_rule(m, t: _Text, gazetteer) -> str:
    """The rule that makes a mention part of a person's (or a street's, an organisation's) name, or ""."""
    reading = _Reading(m, t, gazetteer)
    for rule in _TESTED:
        if rule.applies(reading):
            return rule.name
    return ""


def _organisation_follows(m, t: _Text) -> bool:
    """The mention starts a Title Case name that ends in an organisation word within four words."""
    end = m.end
    for _ in range(4):
        after, gap = t.following(end)
        if not after or gap not in (" ", "-", "’s ", "'s ", "' ", "’ ", " & "):
            return False
        if after.lower() in ORGANISATION_HEADS and _capitalised(after):
            return True
        if not (_capitalised(after) or after.lower() in ORGANISATION_LINKS):
            return False
        end = t.text.find(after, end) + len(after)
    return False


def mark_persons(mentions, text: str, sentence_starts: set[int], gazetteer) -> list:
    """The mentions, those the evidence says are not places with their ``person_rule`` (new records)."""
    t = _Text(text, sentence_starts)
    people: set[str] = set()
    marked = []
    for m in mentions:
        rule = person_rule(m, t, gazetteer) if m.form == "name" and not m.person_rule else ""
        if rule:            # a new record only where there is something to say (most names are places)
            m = replace(m, person_rule=rule)
            if rule.startswith("person:"):
                people.add(m.surface)
        marked.append(m)
    return [replace(m, person_rule="person:same_name")
            if m.form == "name" and not m.person_rule and m.surface in people and not m.place_evidence
            and not _place_evidence(m, t, gazetteer) else m for m in marked]


def reject_given_names(mentions, text: str, sentence_starts: set[int], gazetteer) -> list:
    """After resolution: a small town named like a person needs evidence that it is a place. The mentions,
    those without it given ``person_rule`` "given_name_without_place_evidence" (new records)."""
    firsts, _ = name_lists()
    t = _Text(text, sentence_starts)
    mentions = list(mentions)   # a rejected name no longer names the state of the mentions after it
    for i, m in enumerate(mentions):
        if m.form != "name" or m.person_rule or m.place is None or m.place_evidence:
            continue
        if m.surface not in firsts or not weak(m, gazetteer):
            continue
        if m.components.get("qualifier", 0):
            continue
        # Its state or province named by another mention (a town's own name does not count).
        around = {(o.place.country_code, o.place.admin1) for o in mentions
                  if o.place is not None and o.surface != m.surface and not o.person_rule and o.place.admin1}
        if m.place.admin1 and (m.place.country_code, m.place.admin1) in around:
            continue
        if _place_evidence(m, t):
            continue
        mentions[i] = replace(m, person_rule="given_name_without_place_evidence")
    return mentions
