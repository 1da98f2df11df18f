"""The stages of newslens, declared once: the folders of the package, in the order data flows.

A module may import from its own stage or from an earlier one, never from a later one; the analyses of
one stage never import each other (a caller passes one analysis's result to another).
`tests/test_layout.py` enforces both rules.
"""

LAYERS: tuple[tuple[str, ...], ...] = (
    ("paths", "errors", "stages", "schema", "stats", "annotations"),  # base: locations, the one input error,
                                              # this declaration, every output table's columns, the statistics,
                                              # what an analysis hands back (records and tables)
    ("text", "fetch"),                      # files and HTML -> cleaned Article; URL lists -> WARC (fetch)
    ("sentiment", "framing", "places"),     # the analyses, each reading only the Article
    ("report",),                            # writing tables, figures, the map; running notebooks
    ("analysis",),                          # one article in, every table out: analyze() and write()
    ("corpus",),                            # many articles: inputs, engines (local, Dask), corpus tables
    ("compare",),                           # the corpus tables compared across outlets (or any grouping)
    ("cli",),                               # the `newslens` command
)

# The analyses that analysis.analyze() runs, in this order (analysis.ANALYSIS_STEPS names the function of
# each). Each is a subpackage exposing ``annotate(article, extras, **inputs) -> annotations.Annotations``
# (its records and tables) and ``article_tables(...)``, the tables alone. Like the components of a spaCy
# pipeline, each declares what it needs (ANALYSIS_INPUTS) and what it adds (ANALYSIS_RECORDS, ANALYSIS_OUTPUTS).
ANALYSES: tuple[str, ...] = ("places", "sentiment", "framing")
# What an analysis takes from one that ran before it (keyword -> a table's file name, or the name of a kind of
# records): the caller passes it, so the analyses never import each other. Sentiment learns from places which
# country mentions are a government acting, which a setting and which an origin: from the table, whose
# country names places looked up in its gazetteer (the records hold gazetteer places, which sentiment does
# not know).
ANALYSIS_INPUTS: dict[str, dict[str, str]] = {"sentiment": {"place_mentions": "place_mentions.csv"}}
# The records each analysis adds, by name (annotations.Annotations.records; every one, whatever the extras).
# Their types: places.geoparse.PlaceMention; sentiment.tables.SentenceScore, sentiment.actors.ActorMention;
# framing.terms.TermMatch, framing.quotes.Quote, framing.cues.Cue.
ANALYSIS_RECORDS: dict[str, tuple[str, ...]] = {
    "places": ("place_mentions",),
    "sentiment": ("sentence_scores", "actor_mentions"),
    "framing": ("term_matches", "quotes", "cues"),
}
# The tables each analysis adds (with every extra; newslens.schema declares their columns). The analysis
# stage adds paragraphs, sentences and removed lines first; sentence_sentiment.csv is joined into sentences.
BASE_TABLES: tuple[str, ...] = ("paragraphs.csv", "sentences.csv", "removed_lines.csv")
ANALYSIS_OUTPUTS: dict[str, tuple[str, ...]] = {
    "places": ("places.csv", "place_mentions.csv", "place_role_counts.csv", "place_focus.csv"),
    "sentiment": ("sentence_sentiment.csv", "actors.csv", "actor_mentions.csv", "sentiment_disagreements.csv",
                  "sentiment_agreement.csv", "article_tone.csv"),
    "framing": ("terms.csv", "term_categories.csv", "naming_choices.csv", "term_mentions.csv", "keyness.csv",
                "quotes.csv", "cues.csv", "cue_rates.csv", "collocations.csv"),
}


def analysis_order_problems(analyses=ANALYSES, inputs=ANALYSIS_INPUTS, outputs=ANALYSIS_OUTPUTS,
                            records=ANALYSIS_RECORDS) -> list[str]:
    """What is wrong with the order of the analyses: an input (table or records) no earlier analysis adds, an
    analysis with no declared outputs or records, a table or kind of records two analyses add. An empty list
    when the order holds."""
    problems, available = [], set(BASE_TABLES)
    for name in analyses:
        for declared, what in ((outputs, "outputs"), (records, "records")):
            if name not in declared:
                problems.append(f"{name} declares no {what}")
        for keyword, needed in inputs.get(name, {}).items():
            if needed not in available:
                problems.append(f"{name} needs {needed} ({keyword}), which no earlier analysis adds")
        adds = set(outputs.get(name, ())) | set(records.get(name, ()))
        problems.extend(f"{name} adds {added}, which an earlier analysis added" for added in sorted(available & adds))
        available |= adds
    return problems

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
