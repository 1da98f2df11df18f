"""How well each sentiment method agrees with human ratings: Hutto and Gilbert's (2014) four rated sets.

The sets ship inside the vaderSentiment source distribution (additional_resources/hutto_ICWSM_2014.tar.gz);
``bench/sentiment_validity.py`` fetches and verifies it, then calls ``evaluate`` and commits the table
``data/sentiment_validity.csv`` that the notebook shows.

Three classes, one convention for humans and methods: a mean human rating (-4..4) is divided by 4, then
VADER's own band applies to both sides: >= 0.05 positive, <= -0.05 negative, otherwise neutral. With it
the reference VADER reaches accuracy 0.533 on the editorial snippets, the figure quoted in the project
notes. The news-sense VADER (``sentiment.news``, the primary score of the tables) is scored beside it; why it
is primary, on news gold, is in bench/results/news_sentiment_validity.md.
"""

from __future__ import annotations

from pathlib import Path

from ..paths import DATA_DIR
from ..stats import macro_f1 as macro
from .news import news_compound
from .scores import nltk_vader_compound, textblob_scores, vader_scores

VALIDITY_FILE = DATA_DIR / "sentiment_validity.csv"
# Sentiment toward a target on the NewsMTSC test sets (bench/actor_sentiment_validity.py writes it).
ACTOR_VALIDITY_FILE = DATA_DIR / "actor_sentiment_validity.csv"
# The primary score (news-sense VADER) against the reference, with intervals of the difference, on the rated
# sets and on NewsMTSC (bench/news_sentiment_validity.py writes it; provenance in its .md).
NEWS_VALIDITY_FILE = DATA_DIR / "news_sentiment_validity.csv"
# dataset key -> (file inside hutto_ICWSM_2014/, what it is)
DATASETS = {
    "tweets": ("tweets_GroundTruth.txt", "4,200 tweet-like texts"),
    "nyt_editorials": ("nytEditorialSnippets_GroundTruth.txt", "5,190 NYT editorial/opinion sentence snippets"),
    "movie_reviews": ("movieReviewSnippets_GroundTruth.txt", "10,605 rotten tomatoes review snippets"),
    "product_reviews": ("amazonReviewSnippets_GroundTruth.txt", "3,708 Amazon product review snippets"),
}
CLASSES = (-1, 0, 1)


def read_ground_truth(path: str | Path):
    """One rated set as a DataFrame (id, rating, text). Files are tab-separated: ID, mean rating, text."""
    import pandas as pd

    rows = []
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        if not line.strip():
            continue
        item_id, rating, *rest = line.split("\t")
        rows.append((item_id, float(rating), "\t".join(rest)))
    return pd.DataFrame(rows, columns=["id", "rating", "text"])


def three_class(scores, band: float = 0.05):
    import numpy as np

    scores = np.asarray(scores, dtype=float)
    return np.where(scores >= band, 1, np.where(scores <= -band, -1, 0))


def pearson_r(a, b) -> float:
    import numpy as np

    return float(np.corrcoef(np.asarray(a, float), np.asarray(b, float))[0, 1])


def macro_f1(truth, predicted) -> float:
    """Unweighted mean of the per-class F1 over negative, neutral, positive (``newslens.stats.macro_f1``)."""
    return macro(truth, predicted, CLASSES)


def metrics(ratings, scores) -> dict[str, float]:
    """Pearson r against the mean human rating, 3-class accuracy and macro-F1 (see module docstring)."""
    import numpy as np

    truth = three_class(np.asarray(ratings, float) / 4.0)
    predicted = three_class(scores)
    return {"pearson_r": pearson_r(ratings, scores), "accuracy_3class": float((truth == predicted).mean()),
            "macro_f1": macro_f1(truth, predicted)}


# How each unfitted method was evaluated (the evaluation column of the validity table).
EVALUATION = {"news-sense VADER (primary)": "news-sense overrides and rules written from dictionaries and "
                                            "corpus/demo, nothing fitted on these sets"}
NOT_FITTED = "as shipped, nothing fitted"


def method_scores(texts) -> dict[str, list[float]]:
    """Scores of the methods that are not fitted: the news-sense VADER (the primary score), reference VADER,
    NLTK VADER, TextBlob polarity."""
    texts = list(texts)
    return {
        "news-sense VADER (primary)": [news_compound(t) for t in texts],
        "reference VADER": [vader_scores(t)["compound"] for t in texts],
        "NLTK VADER": [nltk_vader_compound(t) for t in texts],
        "TextBlob polarity": [textblob_scores(t)[0] for t in texts],
    }


def load_validity_table():
    """The committed validity table."""
    import pandas as pd

    return pd.read_csv(VALIDITY_FILE)


def load_actor_validity_table():
    """The committed table of sentiment toward a target on NewsMTSC (macro-F1 with intervals, by method)."""
    import pandas as pd

    return pd.read_csv(ACTOR_VALIDITY_FILE)


def load_news_validity_table():
    """The committed table of the primary score (news-sense VADER) against the reference VADER: one row per
    gold set and method, with 95% intervals of the difference news-sense minus reference.

        >>> table = load_news_validity_table()
        >>> row = table[(table["dataset"] == "NewsMTSC mt test (whole sentence)")].set_index("method")
        >>> row.loc[["reference VADER", "news-domain VADER"], "macro_f1"].tolist()
        [0.4783, 0.5014]
    """
    import pandas as pd

    return pd.read_csv(NEWS_VALIDITY_FILE)
