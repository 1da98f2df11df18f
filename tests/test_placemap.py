"""The map: Natural Earth borders with Crimea as stated, countries shaded, points by role, labels apart."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from shapely.geometry import Point  # noqa: E402

import newslens  # noqa: E402
from newslens.report.output import save_figure  # noqa: E402
from newslens.report.placemap import load_world, map_extent, place_map  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "places"
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
    assert layers["country"] == {"Turkey", "Russia", "Ukraine", "Poland", "Lithuania", "Syria", "China"}
    assert layers["point"] == {"Kyiv", "Ankara", "Black Sea", "Donbas", "Eastern Ukraine"}
    assert layers["actor without a location"] == {"NATO", "the West", "the East"}
    assert "Lublin" not in set(plotted["name"])
    kyiv = plotted.set_index("name").loc["Kyiv"]
    assert (kyiv["actor_mentions"], kyiv["literal_mentions"]) == (4, 0)
    assert kyiv["label"].startswith("Kyiv (Kiev): 4")


def test_seed_map_extent_holds_every_point(seed_map):
    _, plotted = seed_map
    lon0, lon1, lat0, lat1 = map_extent(plotted)
    drawn = plotted[plotted["layer"].isin(["country", "point"])]
    assert ((drawn["lon"] > lon0) & (drawn["lon"] < lon1) & (drawn["lat"] > lat0) & (drawn["lat"] < lat1)).all()
    assert lon1 - lon0 < 180        # fitted, not the whole world


def test_seed_map_labels_do_not_collide_and_notes_are_there(seed_map):
    fig, _ = seed_map
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    labels = [t for t in ax.texts if ":" in t.get_text() and "Actors" not in t.get_text()]
    assert len(labels) == 12
    boxes = [Text.get_window_extent(t, renderer) for t in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("literal" in t for t in legend) and any("actor" in t for t in legend)
    assert any("Crimea" in t for t in legend)
    notes = " ".join(t.get_text() for t in fig.texts)
    assert "Natural Earth" in notes and "internationally recognised borders" in notes


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
