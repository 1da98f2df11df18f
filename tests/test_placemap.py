"""The map: Natural Earth borders with Crimea as stated, an equal-area view set by the focus with far mentions
listed, countries shaded, points by role, labels apart and in words."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402
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


# --- crowded maps, the locator's corner and long titles, on synthetic places tables ---------------------------

def _places(points, countries=(("Ukraine", "UA", 48.4, 31.2, 12), ("Russia", "RU", 55.0, 40.0, 5))):
    """A places table: ``points`` [(name, lat, lon, mentions)] in Ukraine, and ``countries``."""
    import pandas as pd

    rows = [dict(place=name, kind="country", country_code=code, lat=lat, lon=lon, mentions=n, literal_mentions=n,
                 actor_mentions=0, attribute_mentions=0, dateline_mentions=0, surfaces=name, map_point=False)
            for name, code, lat, lon, n in countries]
    rows += [dict(place=name, kind="city", country_code="UA", lat=lat, lon=lon, mentions=n, literal_mentions=n,
                  actor_mentions=0, attribute_mentions=0, dateline_mentions=0, surfaces=name, map_point=True)
             for name, lat, lon, n in points]
    mentions = pd.DataFrame(columns=["place", "place_kind", "country_code"])
    return pd.DataFrame(rows), mentions


# 40 points within about 150 km of Donetsk, a few of them mentioned often: far more than fit.
CROWD = [(f"Town {i:02d}", 48.0 + 0.9 * ((i * 7) % 10) / 10, 37.8 + 1.6 * ((i * 3) % 13) / 13, 1 + (i % 5 == 0) * 3)
         for i in range(40)]


def _label_texts(ax):
    return [t for t in ax.texts if "mention" in t.get_text() and "not places" not in t.get_text()]


def test_crowded_labels_never_overlap_each_other_nor_other_dots():
    from matplotlib.transforms import Bbox
    from newslens.report.placemap import LABEL_LIMIT, draw_place_map, map_view

    places, mentions = _places(CROWD)
    fig, plotted = draw_place_map(places, mentions, focus_codes=("UA",))
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    labels = _label_texts(ax)
    boxes = [Text.get_window_extent(t, renderer) for t in labels]
    assert 2 <= len(labels) <= LABEL_LIMIT
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)
    # No label covers the dot of another place (the dots are the scatter collections' offsets, their sizes in
    # points squared).
    dots = []
    for c in ax.collections:
        if isinstance(c, PathCollection) and c.get_offsets().shape[0] == 1:
            px, py = ax.transData.transform(c.get_offsets()[0])
            r = (c.get_sizes()[0] ** 0.5) / 2 * fig.dpi / 72
            dots.append(Bbox.from_extents(px - r, py - r, px + r, py + r))
    assert len(dots) == len(CROWD)
    for label, box in zip(labels, boxes):
        anchor = ax.transData.transform(label.xy)
        for dot in dots:
            if not dot.contains(*anchor):           # its own dot is the one it may touch
                assert not box.overlaps(dot), label.get_text()
    # What is not drawn is said: label_drawn in the CSV and a note under the map listing it.
    drawn = plotted[plotted["label_drawn"]]
    assert len(drawn) == len(labels)
    left_out = plotted[(plotted["layer"] == "point") & ~plotted["label_drawn"]]
    note = next(t.get_text() for t in fig.texts if t.get_text().startswith("Not labelled")).replace("\u00a0", " ")
    assert all(f"{name} (" in note for name in left_out["name"])
    # The most mentioned towns are among those labelled.
    assert set(drawn["name"]) & {name for name, _, _, n in CROWD if n > 1}
    plt.close(fig)


def test_locator_goes_to_the_corner_that_covers_no_point():
    from newslens.report.placemap import locator_bounds

    fig, ax = plt.subplots(figsize=(10, 6))
    box = ax.get_window_extent()

    def at(fx, fy):
        return (box.x0 + fx * box.width, box.y0 + fy * box.height)

    bounds, corner, covered = locator_bounds(ax, [at(0.1, 0.9), at(0.5, 0.5)])
    assert (corner, covered) == ("upper right", 0) and bounds[0] > 0.7
    bounds, corner, covered = locator_bounds(ax, [at(0.1, 0.9), at(0.9, 0.9), at(0.9, 0.1)])
    assert (corner, covered) == ("lower left", 0) and bounds[1] < 0.1
    # Above the legend in the lower left corner, when something sits there.
    from matplotlib.transforms import Bbox

    legend = Bbox.from_extents(box.x0, box.y0, box.x0 + 0.3 * box.width, box.y0 + 0.2 * box.height)
    bounds, corner, _ = locator_bounds(ax, [at(0.1, 0.9), at(0.9, 0.9), at(0.9, 0.1)], {"lower left": legend})
    assert corner == "lower left" and bounds[1] > 0.2
    # Every corner covered: the one covering fewest.
    points = [at(0.1, 0.9), at(0.12, 0.88), at(0.9, 0.9), at(0.88, 0.88), at(0.9, 0.1), at(0.1, 0.1), at(0.12, 0.1)]
    assert locator_bounds(ax, points)[1:] == ("lower right", 1)
    plt.close(fig)


def test_locator_in_a_map_covers_no_dot():
    from newslens.paths import REPO_ROOT

    # A demo article with a dot in the upper left (Warsaw), where the locator used to sit and hide it, and far
    # countries (the United States, Germany) that call for the locator.
    article = newslens.load_article(REPO_ROOT / "corpus" / "demo" / "president_ua" /
                                    "2022-06-08_battle-for-severodonetsk-is-probably-one-of-the-most-difficult-"
                                    "during-this-war.txt")
    fig, plotted = place_map(article)
    ax = fig.axes[0]
    (locator,) = ax.child_axes                         # an inset of the main map
    assert "Warsaw" in set(plotted.loc[plotted["layer"] == "point", "name"])
    renderer = fig.canvas.get_renderer()
    inset = locator.get_window_extent(renderer)
    dots = [ax.transData.transform(c.get_offsets()[0]) for c in ax.collections if isinstance(c, PathCollection)]
    assert len(dots) >= 8
    assert not any(inset.contains(*xy) for xy in dots)
    plt.close(fig)


def test_long_title_is_wrapped_and_the_map_keeps_its_size():
    from newslens.report.placemap import draw_place_map

    places, mentions = _places([("Kyiv", 50.45, 30.52, 2)])
    sizes = {}
    for title in ("Places in a short title", "Places in \u201c" + "a very long title of an address " * 6 + "\u201d"):
        fig, _ = draw_place_map(places, mentions, title=title, focus_codes=("UA",))
        ax = fig.axes[0]
        renderer = fig.canvas.get_renderer()
        shown = next(c for c in ax.get_children() if isinstance(c, Text) and c.get_text() == ax.get_title("left"))
        assert shown.get_text().replace("\n", " ") == title
        assert Text.get_window_extent(shown, renderer).width <= ax.get_window_extent(renderer).width
        sizes[title] = (ax.get_window_extent(renderer).width / fig.dpi, ax.get_window_extent(renderer).height / fig.dpi,
                        shown.get_text().count("\n") + 1)
        plt.close(fig)
    (short_w, short_h, short_lines), (long_w, long_h, long_lines) = sizes.values()
    assert short_lines == 1 and long_lines >= 2
    assert abs(long_w - short_w) < 0.01 and abs(long_h - short_h) < 0.01


def test_layers_are_plotted_without_a_render_per_layer():
    """geopandas' plot() renders the whole figure after every layer on a file or notebook canvas; inside
    plotting_without_redraws it renders nothing, and the figure keeps its own canvas for the one real render."""
    from newslens.report.placemap import plotting_without_redraws

    world = load_world("recognised")
    fig, ax = plt.subplots()
    canvas = fig.canvas
    renders = []
    canvas.mpl_connect("draw_event", lambda event: renders.append(event))
    world.plot(ax=ax)                           # the cost it avoids: a render for one layer
    assert len(renders) == 1
    with plotting_without_redraws(fig):
        world.plot(ax=ax, color="#cccccc")
        world[world["disputed"]].plot(ax=ax, facecolor="none", hatch="//")
    assert len(renders) == 1
    assert fig.canvas is canvas
    fig.canvas.draw()                           # the figure still renders, with all three layers
    assert len(renders) == 2 and len(ax.collections) == 3
    plt.close(fig)
