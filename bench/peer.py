"""The peer newslens is measured against: the pipeline a researcher writes in an afternoon.

Plain text in; out: Punkt sentences, the reference VADER compound of each sentence, places by geotext,
framing-lexicon hits by one regular-expression pass, and the wordfreq Zipf frequency of every distinct
word. No cleaning, no offsets kept, no roles, no evidence: the least work that gives a researcher the
same kinds of numbers. `bench/scale.py` times it beside newslens in the same process, so that the ratio,
not the absolute time of a shared and noisy machine, is the figure that counts.

    python bench/peer.py ARTICLE.txt      # prints what it found, as a sanity check
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from functools import lru_cache

from newslens.paths import DATA_DIR

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


@lru_cache(maxsize=1)
def _tools():
    """Everything the peer loads once per process (the same libraries newslens loads)."""
    from geotext import GeoText
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    from wordfreq import zipf_frequency

    with open(DATA_DIR / "framing_lexicon.csv", encoding="utf-8") as fh:
        forms = set()
        for row in csv.DictReader(fh):
            forms.add(row["term"].lower())
            forms.update(v.strip().lower() for v in row["variants"].split("|") if v.strip())
    # One alternation, longest forms first, whole words only.
    lexicon = re.compile(r"\b(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b",
                         re.IGNORECASE)
    return PunktSentenceTokenizer(), SentimentIntensityAnalyzer(), GeoText, lexicon, zipf_frequency


def analyse(text: str) -> dict:
    """The peer's whole analysis of one text."""
    punkt, vader, geotext, lexicon, zipf = _tools()
    sentences = punkt.tokenize(text)
    compounds = [vader.polarity_scores(s)["compound"] for s in sentences]
    found = geotext(text)
    places = Counter(found.cities + found.countries)
    terms = Counter(m.group(1).lower() for m in lexicon.finditer(text))
    words = Counter(w.lower() for w in WORD.findall(text))
    frequencies = {w: zipf(w, "en") for w in words}
    return {"sentences": len(sentences), "mean_compound": sum(compounds) / max(len(compounds), 1),
            "places": places, "terms": terms, "words": sum(words.values()), "frequencies": frequencies}


if __name__ == "__main__":
    result = analyse(open(sys.argv[1], encoding="utf-8").read())
    print(f"{result['sentences']} sentences, {result['words']} words, mean compound {result['mean_compound']:.4f}")
    print("places:", dict(result["places"].most_common(8)))
    print("terms:", dict(result["terms"].most_common(8)))
