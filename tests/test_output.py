"""Writing outputs: identical bytes on every run, atomic replacement, no stray temporary files."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from newslens.report.output import save_figure, write_csv  # noqa: E402


def _figure():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([1, 2, 3], [0.5, -0.25, 0.125])
    ax.set_title("Kiev's \u201cbalance\u201d")
    return fig


def test_figure_and_csv_are_byte_identical_across_runs(tmp_path):
    data = pd.DataFrame({"x": [1, 2, 3], "y": [0.5, -0.25, 0.125]})
    fig = _figure()
    png_a, csv_a = save_figure(fig, data, tmp_path / "a", "line")
    png_b, csv_b = save_figure(_figure(), data, tmp_path / "b", "line")
    plt.close("all")
    assert png_a.read_bytes() == png_b.read_bytes()
    assert csv_a.read_text() == "x,y\n1,0.5000\n2,-0.2500\n3,0.1250\n"
    assert b"Software" not in png_a.read_bytes() and b"Creation" not in png_a.read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["line.csv", "line.png"]


def test_write_csv_replaces_without_leftovers(tmp_path):
    path = tmp_path / "t.csv"
    write_csv(pd.DataFrame({"a": ["\u201cquoted\u201d"]}), path)
    write_csv(pd.DataFrame({"a": ["second"]}), path)
    assert path.read_text(encoding="utf-8") == "a\nsecond\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]
