"""The map: Natural Earth borders with Crimea as stated, an equal-area view set by the focus with far mentions
listed, countries shaded, points by role, labels apart and in words."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from shapely.geometry import Point  # noqa: E402

import newslens  # noqa: E402
from newslens.report.output import save_figure  # noqa: E402
from newslens.report.placemap import FAR_LAYER, load_world, map_view, place_map, plotted_frame  # noqa: E402

from newslens.places.examples import EXAMPLES_DIR  # noqa: E402

FIXTURES = EXAMPLES_DIR          # texts written to test namesakes and roles (package data)
SIMFEROPOL = Point(34.1, 44.95)


def _country_at(world, point):
    return world[~world["disputed"] & world.contains(point)]["name"].tolist()


def test_crimea_recognised_and_de_facto():
    recognised = load_world("recognised")
    assert _country_at(recognised, SIMFEROPOL) == ["Ukraine"]
    assert recognised.loc[recognised["disputed"], "name"].tolist() == ["Crimea"]
    assert _country_at(recognised, Point(37.6, 55.75)) == ["Russia"]           # Moscow stays in Russia
    assert _country_at(load_world("de_facto"), SIMFEROPOL) == ["Russia"]
    with pytest.raises(ValueError):
        load_world("whatever")


@pytest.fixture(scope="module")
def seed_map(seed_article):
    fig, plotted = place_map(seed_article)
    yield fig, plotted
    plt.close(fig)


def test_seed_map_layers(seed_map):
    _, plotted = seed_map
    layers = plotted.groupby("layer")["name"].apply(set).to_dict()
    assert layers["country"] == {"Turkey", "Russia", "Ukraine", "Poland", "Lithuania", "Syria"}
    assert layers["country," + FAR_LAYER] == {"China"}        # named once, 6,000 km from the Black Sea
    assert layers["point"] == {"Kyiv", "Ankara", "Black Sea", "Donbas", "Eastern Ukraine"}
    assert layers["actor without a location"] == {"NATO", "the West", "the East"}
    assert "Lublin" not in set(plotted["name"])
    kyiv = plotted.set_index("name").loc["Kyiv"]
    assert (kyiv["actor_mentions"], kyiv["literal_mentions"]) == (4, 0)
    assert kyiv["label"] == "Kyiv (Kiev): 4 mentions\n4 as a state"
    labels = plotted.set_index("name")["label"]
    assert labels["Ukraine"] == "Ukraine: 6 mentions\n5 as a state, 1 as a place"
    assert labels["Turkey"].endswith("1 as an adjective") and labels["China"] == "China: 1 mention\n1 as a state"


def test_seed_map_view_is_equal_area_on_the_focus(seed_map, seed_article):
    from newslens.places.tables import places_tables
    from pyproj import Transformer

    _, plotted = seed_map
    tables = places_tables(seed_article)
    view = map_view(plotted_frame(tables["places.csv"], tables["place_mentions.csv"]), load_world(),
                    ("TR", "RU", "UA"))
    assert "+proj=laea" in view.crs and 40 <= view.centre[1] <= 50 and 28 <= view.centre[0] <= 40
    assert view.far == ["China"]
    to_map = Transformer.from_crs("EPSG:4326", view.crs, always_xy=True)
    x0, x1, y0, y1 = view.bounds
    assert x1 - x0 < 5_000_000 and y1 - y0 < 4_000_000          # a region, not half the world
    drawn = plotted[plotted["layer"].isin(["country", "point"])]
    for _, row in drawn[drawn["layer"] == "point"].iterrows():
        x, y = to_map.transform(row["lon"], row["lat"])
        assert x0 < x < x1 and y0 < y < y1, row["name"]


def test_seed_map_labels_do_not_collide_and_notes_are_there(seed_map):
    fig, _ = seed_map
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    labels = [t for t in ax.texts if "mention" in t.get_text() and "not places" not in t.get_text()]
    assert len(labels) == 11                                   # 6 countries and 5 points; China is listed
    boxes = [Text.get_window_extent(t, renderer) for t in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)
    from matplotlib.transforms import Bbox

    hatched = [c for c in ax.collections if c.get_hatch()]
    assert len(hatched) == 1
    corners = [hatched[0].get_transform().transform(path.vertices) for path in hatched[0].get_paths()]
    hatch_box = Bbox.union([Bbox.from_extents(*xy.min(axis=0), *xy.max(axis=0)) for xy in corners])
    assert not any(b.overlaps(hatch_box) for b in boxes)       # no label over the hatching
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("as a place" in t for t in legend) and any("government" in t for t in legend)
    assert any("Crimea" in t for t in legend)
    box = [t.get_text().replace("\u00a0", " ") for t in ax.texts if "not places" in t.get_text()][0]
    assert "NATO: 5 mentions" in box and "China: 1 mention" in box
    notes = " ".join(t.get_text() for t in fig.texts)
    assert "Natural Earth" in notes and "internationally recognised borders" in notes
    assert "equal-area" in notes and "as an adjective: a demonym" in notes


def test_save_figure_writes_png_and_csv(seed_map, tmp_path):
    fig, plotted = seed_map
    png, csv = save_figure(fig, plotted, tmp_path, "places_map")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert csv.read_text().splitlines()[0].startswith("layer,name,label")


def test_fixture_map_without_crimea_has_no_crimea_note():
    article = newslens.load_article(FIXTURES / "namesakes.txt")
    fig, plotted = place_map(article)
    notes = " ".join(t.get_text() for t in fig.texts)
    plt.close(fig)
    assert "Crimea" not in notes
    assert set(plotted.loc[plotted["layer"] == "point", "name"]) >= {"Paris", "London", "Atlanta", "Georgia"}
    assert plotted["country_code"].isin(["US", "CA", "GB"]).all()
