"""The stages of newslens, declared once: the folders of the package, in the order data flows.

A module may import from its own stage or from an earlier one, never from a later one; the analyses of
one stage never import each other (a caller passes one analysis's result to another).
`tests/test_layout.py` enforces both rules.
"""

LAYERS: tuple[tuple[str, ...], ...] = (
    ("paths", "errors", "stages", "schema", "stats"),  # base: locations, the one input error, this
                                              # declaration, every output table's columns, the statistics
    ("text", "fetch"),                      # files and HTML -> cleaned Article; URL lists -> WARC (fetch)
    ("sentiment", "framing", "places"),     # the analyses, each reading only the Article
    ("report",),                            # writing tables, figures, the map; running notebooks
    ("analysis",),                          # one article in, every table out: analyze() and write()
    ("corpus",),                            # many articles: inputs, engines (local, Dask), corpus tables
    ("compare",),                           # the corpus tables compared across outlets (or any grouping)
    ("cli",),                               # the `newslens` command
)

# The analyses that analysis.analyze() runs, in this order. Each is a subpackage exposing
# ``article_tables(article, extras, **inputs) -> {output file name: DataFrame}``.
ANALYSES: tuple[str, ...] = ("places", "sentiment", "framing")
# What an analysis takes from one that ran before it (keyword -> table name): the caller passes it, so
# the analyses never import each other. Sentiment learns from places which country mentions are a
# government acting, which a setting and which an origin.
ANALYSIS_INPUTS: dict[str, dict[str, str]] = {"sentiment": {"place_mentions": "place_mentions.csv"}}

# What the default analysis leaves out because it costs more than most questions need; asked for by name
# (Options(extras=...), `--extras`), or all of them at once with "all". Notebooks ask for what they show.
EXTRAS: dict[str, str] = {
    "second_opinions": "NLTK's VADER port, TextBlob, NRC emotions and the op-ed variant per sentence, where "
                       "NLTK's port and the reference differ, and how the methods agree",
    "intervals": "bootstrap 95% intervals of the sentiment near each actor",
    "target_sentiment": "sentiment toward each actor mention by the target-dependent model fitted on NewsMTSC "
                        "(a few ms per article)",
    "collocations": "NLTK likelihood-ratio collocations",
}
