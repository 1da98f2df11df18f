"""The validity benchmark's archive handling, when the verified sdist is already in the cache (no network)."""

import importlib.util

import pytest

from newslens.paths import REPO_ROOT


def _bench():
    path = REPO_ROOT / "bench" / "sentiment_validity.py"
    spec = importlib.util.spec_from_file_location("sentiment_validity_bench", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cached_sdist_verifies_and_extracts():
    bench = _bench()
    sdist = bench.CACHE_DIR / bench.SDIST_NAME
    if not sdist.exists():
        pytest.skip("the sdist is not cached; run bench/sentiment_validity.py once with network")
    assert bench.sha256_of(sdist) == bench.SDIST_SHA256
    folder = bench.extract_ground_truth(sdist)
    from newslens.sentiment.validity import DATASETS, read_ground_truth

    sizes = {key: len(read_ground_truth(folder / name)) for key, (name, _) in DATASETS.items()}
    assert sizes == {"tweets": 4200, "nyt_editorials": 5190, "movie_reviews": 10605, "product_reviews": 3708}
