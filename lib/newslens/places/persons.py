"""People are not places: the evidence a reader uses to tell "Joaquin Phoenix said" from "in Phoenix, Arizona".

A gazetteer mention that the evidence below says is part of a person's name (or of a street, square or
organisation named after a place or person) keeps its candidates for the record but gets no place: its role
is ``not_a_place`` and its rule says why. Rules, tried in order on each mention (the first that fires wins):

- ``person:title_before``: a title just before, possibly past a first name ("Mr Phoenix", "President Barack
  Obama", "King Bell", "Dr. King");
- ``person:first_name_before``: a first name just before ("Joaquin Phoenix", "Judy Garland", "Nathan Lyon");
- ``person:initial_before``: an initial just before ("John W. Houston");
- ``person:surname_after``: the mention is itself a first name and a surname follows ("David Warner",
  "Chad Myers", "Paris Hilton");
- ``person:name_run``: a small town (see ``weak``) joined to a capitalised word that is neither an English
  word nor a place ("Quint Davis", "Barack Obama", "Bela Lugosi");
- ``street_or_square``: "X Street", "X Avenue", "X Square", "X-Straße": a street named after someone;
- ``named_after``: "named after X", "in honour of X": a namesake, not the place;
- ``person:introduced``: a small town after "named", "called" ("a student named Quint Davis");
- ``title``: after film, drama, novel, album... ("the drama Selma");
- ``organisation_name``: the start of an organisation's name ("Hampton Inn", "Dallas Police Department");
- ``person:speech_verb``: a small town followed by a verb of saying ("Seabrook said", "Phoenix told");
- ``person:office_noun``: a small town before "administration", "presidency" ("the Obama administration");
- ``person:same_name``: the same spelling was shown to be a person elsewhere in the text, and this mention
  has no place evidence of its own (no preposition of place just before, no "X, State" qualifier).

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
from functools import lru_cache
from importlib import resources

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

SURNAMES_KEPT = 5000
WEAK_POPULATION = 500_000

TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady", "lord", "king", "queen",
    "prince", "princess", "president", "gov", "governor", "sen", "senator", "rep", "representative", "judge",
    "justice", "pope", "coach", "capt", "captain", "gen", "general", "col", "colonel", "sgt", "sergeant", "rev",
    "reverend", "mayor", "chancellor", "minister", "premier", "sheikh", "emperor", "tsar", "czar", "kaiser",
    "herr", "frau", "monsieur", "madame", "señor", "senor", "uncle", "aunt", "mme",
}
# Capitalised words that make a place name bigger, not a person's: "Upper Midwest", "Fort Worth", "New ...".
PLACE_MODIFIERS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
    "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "upper", "lower",
    "central", "greater", "inner", "outer", "old", "new", "little", "great", "mount", "mt", "fort", "ft", "lake",
    "port", "cape", "saint", "st", "ste", "san", "santa", "los", "las", "la", "le", "el", "al", "bad", "isle",
    "downtown", "metro", "royal", "colonial", "historic", "rural", "urban", "suburban", "coastal", "occupied", "free",
}
# Words after a name that make it a place bigger than a person: "Madison County", "Yarra River".
GEO_HEADS = {
    "county", "city", "island", "islands", "river", "lake", "bay", "beach", "valley", "mountain", "mountains",
    "hills", "heights", "springs", "falls", "sea", "ocean", "gulf", "strait", "peninsula", "coast", "region",
    "province", "oblast", "krai", "republic", "canal", "harbour", "harbor", "creek", "township", "borough",
    "parish", "district", "state", "territory", "basin", "desert", "plain", "plains", "delta", "forest", "park",
}
STREET_HEADS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "square", "plaza",
                "straße", "strasse", "str", "platz", "allee", "weg", "gasse", "drive", "terrace", "crescent"}
ORGANISATION_HEADS = {
    "inn", "hotel", "motel", "university", "college", "school", "academy", "institute", "club", "association",
    "society", "foundation", "department", "police", "airport", "airlines", "airways", "times", "post", "herald",
    "tribune", "journal", "gazette", "chronicle", "festival", "fair", "center", "centre", "hospital", "museum",
    "library", "company", "corporation", "corp", "inc", "council", "bureau", "agency", "commission", "office",
    "church", "orchestra", "symphony", "zoo", "stadium", "arena", "trophy", "cup", "bank", "league", "fc",
    "ballet", "opera", "theatre", "theater", "railroad", "railway", "airline", "institution", "institutions",
}
ORGANISATION_LINKS = {"&", "and", "of", "for", "the"}
SPEECH_VERBS = {
    "said", "says", "say", "told", "tells", "added", "adds", "explained", "explains", "recalled", "recalls",
    "wrote", "writes", "describes", "described", "asked", "asks", "replied", "replies", "noted", "notes",
    "argued", "argues", "insisted", "laughed", "smiled", "joked", "admitted", "admits", "believes", "thinks",
    "thought", "hopes", "felt", "feels", "shrugged", "nodded", "recalls", "remembers", "remembered", "stars",
    "starred", "sang", "sings", "played", "plays", "scored", "directed", "died", "married",
}
# "a student named Quint Davis", "the drama Selma": a name or a title introduced as such.
INTRODUCED = re.compile(r"\b(?:named|called|dubbed|nicknamed)\s+(?:[A-Z][\w'’-]*\s+){0,2}$")
TITLE_NOUNS = re.compile(r"\b(?:film|movie|drama|documentary|novel|book|album|song|musical|play|series|show|"
                         r"sitcom|opera|painting|poem)\s+$", re.I)
NAMED_AFTER = re.compile(r"(?:named|renamed)\s+(?:after|for)\s+(?:the\s+)?$|in\s+hono(?:u)?r\s+of\s+(?:the\s+)?$", re.I)
# "the Obama administration", "the Bush presidency": a leader's name before the office.
PERSON_OFFICE_NOUNS = {"administration", "presidency", "premiership", "chancellorship"}
PLACE_PREPOSITIONS = {"in", "at", "near", "from", "to", "outside", "around", "into", "across", "throughout",
                      "inside", "toward", "towards", "via", "within"}


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


def person_rule(m, t: _Text, gazetteer) -> str:
    """The rule that makes a mention part of a person's (or a street's, an organisation's) name, or ""."""
    firsts, surnames = name_lists()
    text = t.text
    is_weak = weak(m, gazetteer)
    word, gap, at = t.previous(m.start)
    lw = word.lower()
    adjacent = gap in (" ", ". ") and not m.prefix
    if adjacent and lw in TITLES and gap in (" ", ". ") and _capitalised(word):
        return "person:title_before"
    if gap == " " and not m.prefix:
        if _first_name(word, at, t) and not gazetteer.lookup(word):
            return "person:first_name_before"
        if _name_like(word, at, t, gazetteer):
            before, gap2, at2 = t.previous(at)
            if gap2 in (" ", ". ") and before.lower() in TITLES and _capitalised(before):
                return "person:title_before"
            if is_weak:
                return "person:name_run"
    if gap == ". " and len(word) == 1 and word.isupper() and (at == 0 or text[at - 1] != "."):
        return "person:initial_before"
    after, gap_after = t.following(m.end)
    la = after.lower()
    if gap_after == " " and not m.suffix and _capitalised(after) and la not in GEO_HEADS | STREET_HEADS \
            and la not in ORGANISATION_HEADS and not gazetteer.lookup(after):
        # "President of France Emmanuel Macron": a country after "of" names the office's country, even when
        # a given name follows.
        of_country = lw == "of" and any(p.kind == "country" for p in m.candidates)
        if m.surface in firsts and (after in surnames or _name_like(after, -1, t, gazetteer)) and not of_country:
            return "person:surname_after"
        if is_weak and _name_like(after, -1, t, gazetteer):
            return "person:name_run"
    if (gap_after in (" ", ". ") and la in STREET_HEADS and _capitalised(after)) or \
            m.suffix.lower() in STREET_HEADS:
        return "street_or_square"
    if NAMED_AFTER.search(text[max(0, m.start - 30):m.start]):
        return "named_after"
    if is_weak and INTRODUCED.search(text[max(0, m.start - 60):m.start]):
        return "person:introduced"
    if TITLE_NOUNS.search(text[max(0, m.start - 20):m.start]):
        return "title"
    if _organisation_follows(m, t):
        return "organisation_name"
    if is_weak and not _place_evidence(m, t, gazetteer):
        verb = after
        if la.endswith("ly") and gap_after == " ":
            verb, _ = t.following(m.end + len(gap_after) + len(after))
        if gap_after == " " and verb.lower() in SPEECH_VERBS and verb.islower():
            return "person:speech_verb"
        if gap_after == " " and la in PERSON_OFFICE_NOUNS:
            return "person:office_noun"
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


def mark_persons(mentions, text: str, sentence_starts: set[int], gazetteer) -> None:
    """Set ``person_rule`` on mentions that the evidence says are not places (in place)."""
    t = _Text(text, sentence_starts)
    people: set[str] = set()
    for m in mentions:
        if m.form != "name" or m.person_rule:
            continue
        m.person_rule = person_rule(m, t, gazetteer)
        if m.person_rule.startswith("person:"):
            people.add(m.surface)
    for m in mentions:
        if m.form == "name" and not m.person_rule and m.surface in people and not m.place_evidence \
                and not _place_evidence(m, t, gazetteer):
            m.person_rule = "person:same_name"


def reject_given_names(mentions, text: str, sentence_starts: set[int], gazetteer) -> None:
    """After resolution: a small town named like a person needs evidence that it is a place (in place)."""
    firsts, _ = name_lists()
    t = _Text(text, sentence_starts)
    for m in mentions:
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
        m.person_rule = "given_name_without_place_evidence"
