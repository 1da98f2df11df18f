"""Validity benchmark: each sentiment method against Hutto and Gilbert's (2014) human ratings.

Run from the repository root:  .venv/bin/python bench/sentiment_validity.py

1. Obtains the vaderSentiment 3.3.2 source distribution from PyPI with pip (the human-rated sets are only in
   the sdist, not in the wheel), into .cache/vader_sdist/ (gitignored). pip is given the sha256 below
   (--require-hashes) and the script checks it again before opening the archive.
2. Extracts the four GroundTruth files from additional_resources/hutto_ICWSM_2014.tar.gz.
3. Scores every item with reference VADER, NLTK VADER, TextBlob and the op-ed variant, and writes
   lib/newslens/data/sentiment_validity.csv (committed; the notebook shows it).
4. Fits the op-ed variant (ridge on standardised features, see newslens/oped_sentiment.py) on all NYT
   editorial snippets and writes lib/newslens/data/oped_sentiment_model.csv. Its editorial row is the
   10-fold cross-validated score (fixed seed); on the other sets the model never saw their items.

Needs network only for step 1, once; afterwards the cached archive is reused.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # bench/, also when loaded by a test
from benchfiles import sha256_of  # noqa: E402

from newslens.sentiment import oped as oped
from newslens.sentiment import validity as sv
from newslens.report.output import write_csv
from newslens.paths import DATA_DIR, REPO_ROOT

SDIST_NAME = "vaderSentiment-3.3.2.tar.gz"
SDIST_SHA256 = "5d7c06e027fc8b99238edb0d53d970cf97066ef97654009890b83703849632f9"  # checked 2026-11-24
INNER_ARCHIVE = "vaderSentiment-3.3.2/additional_resources/hutto_ICWSM_2014.tar.gz"
CACHE_DIR = REPO_ROOT / ".cache" / "vader_sdist"
EXTRACT_DIR = CACHE_DIR / "hutto_ICWSM_2014"
SOURCE = (f"Hutto & Gilbert (2014) ICWSM, human-rated sets from {SDIST_NAME} (PyPI sdist, sha256 "
          f"{SDIST_SHA256[:12]}...), additional_resources/hutto_ICWSM_2014.tar.gz")
MODEL_SOURCE = ("ridge fit (lambda 1, standardised features) on all 5,190 NYT editorial snippets of "
                "Hutto & Gilbert (2014) by bench/sentiment_validity.py")


def obtain_sdist() -> Path:
    """The verified sdist in the cache; downloaded with pip (hash-checked) when it is not there yet."""
    sdist = CACHE_DIR / SDIST_NAME
    if not sdist.exists():
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            requirements = Path(tmp) / "requirements.txt"
            requirements.write_text(f"vaderSentiment==3.3.2 --hash=sha256:{SDIST_SHA256}\n", encoding="utf-8")
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                            "--require-hashes", "-r", str(requirements), "-d", str(CACHE_DIR)], check=True)
    found = sha256_of(sdist)
    if found != SDIST_SHA256:
        raise SystemExit(f"{sdist.name}: sha256 {found} does not match the recorded {SDIST_SHA256}")
    return sdist


def extract_ground_truth(sdist: Path) -> Path:
    """Only the four GroundTruth files, read by name from the nested archive (no path taken from the tar)."""
    EXTRACT_DIR.mkdir(parents=True, exist_ok=True)
    with tarfile.open(sdist, "r:gz") as outer:
        inner_bytes = outer.extractfile(INNER_ARCHIVE).read()
    with tarfile.open(fileobj=io.BytesIO(inner_bytes), mode="r:gz") as inner:
        for file_name, _ in sv.DATASETS.values():
            member = inner.extractfile(f"hutto_ICWSM_2014/{file_name}")
            (EXTRACT_DIR / file_name).write_bytes(member.read())
    return EXTRACT_DIR


def main() -> None:
    import numpy as np
    import pandas as pd

    folder = extract_ground_truth(obtain_sdist())
    sets = {key: sv.read_ground_truth(folder / file_name) for key, (file_name, _) in sv.DATASETS.items()}

    print("computing op-ed features for", sum(len(f) for f in sets.values()), "items ...", flush=True)
    feature_sets = {key: oped.feature_matrix(frame["text"]) for key, frame in sets.items()}
    editorials = sets["nyt_editorials"]["rating"].to_numpy(float)
    model = oped.fit_ridge(feature_sets["nyt_editorials"], editorials)
    write_csv(oped.model_frame(model, MODEL_SOURCE), DATA_DIR / "oped_sentiment_model.csv")

    rows = []
    for key, frame in sets.items():
        ratings = frame["rating"].to_numpy(float)
        file_name, description = sv.DATASETS[key]
        for method, scores in sv.method_scores(frame["text"]).items():
            rows.append({"dataset": key, "items": len(frame), "method": method,
                         **sv.metrics(ratings, scores), "evaluation": sv.EVALUATION.get(method, sv.NOT_FITTED),
                         "source": f"{SOURCE}/{file_name}"})
        if key == "nyt_editorials":
            cv = oped.to_score(oped.cross_validated_ratings(feature_sets[key], ratings))
            rows.append({"dataset": key, "items": len(frame), "method": "op-ed variant", **sv.metrics(ratings, cv),
                         "evaluation": f"{oped.CV_FOLDS}-fold cross-validated (seed {oped.CV_SEED}), out-of-fold",
                         "source": f"{SOURCE}/{file_name}"})
            fitted = oped.to_score(oped.predict_rating(model, feature_sets[key]))
            rows.append({"dataset": key, "items": len(frame), "method": "op-ed variant (in-sample)",
                         **sv.metrics(ratings, fitted),
                         "evaluation": "in-sample fit, optimistic: for comparison only",
                         "source": f"{SOURCE}/{file_name}"})
        else:
            scores = oped.to_score(oped.predict_rating(model, feature_sets[key]))
            rows.append({"dataset": key, "items": len(frame), "method": "op-ed variant", **sv.metrics(ratings, scores),
                         "evaluation": "fitted on NYT editorials only; this set never seen",
                         "source": f"{SOURCE}/{file_name}"})
    table = pd.DataFrame(rows)
    for col in ("pearson_r", "accuracy_3class", "macro_f1"):
        table[col] = table[col].astype(float).round(3)
    write_csv(table, sv.VALIDITY_FILE)
    with pd.option_context("display.width", 160, "display.max_columns", 10):
        print(table.drop(columns=["source"]).to_string(index=False))
    print("weights:", dict(zip(oped.FEATURE_NAMES, np.round(model["weight"], 3).tolist())))


if __name__ == "__main__":
    main()
