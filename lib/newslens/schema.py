"""Every table newslens writes, declared once: its name, what one row is, its columns (type, whether it
may be empty, what it means) and its key columns.

Two kinds of table: the per-article tables ``newslens.analyze`` makes (``ARTICLE_TABLES``, keyed by output
file name, "sentences.csv"...) and the corpus tables ``newslens corpus`` writes (``CORPUS_TABLES``,
"sentences", "actor_sentiment"...). A column or table that only an extra makes (``newslens.stages.EXTRAS``)
names it. ``conform`` gives an empty table every declared column with its type, and refuses a table whose
columns are not the declared ones. ``python -m newslens.schema`` prints the tables as Markdown
(docs/tables.md).

Column types: "string", "int", "nullable int" (whole numbers with gaps), "float", "bool". A float column is
empty (NaN) where there is no number; a string column holds "" where there is nothing to say.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

STRING, INT, NULLABLE_INT, FLOAT, BOOL = "string", "int", "nullable int", "float", "bool"
DTYPES = (STRING, INT, NULLABLE_INT, FLOAT, BOOL)
# The pandas type of each column type, for an empty table (a filled one already has it).
PANDAS_DTYPE = {STRING: "str", INT: "int64", NULLABLE_INT: "Int64", FLOAT: "float64", BOOL: "bool"}


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    meaning: str
    nullable: bool = False      # may a value be missing (NaN, <NA>, None)?
    extra: str = ""             # the extra without which the column is left out ("": always there)


@dataclass(frozen=True)
class Table:
    name: str
    meaning: str                # what one row is
    columns: tuple[Column, ...]
    keys: tuple[str, ...] = ()  # the columns that identify a row
    extra: str = ""             # the extra without which the table is not made ("": always made)

    def column_names(self, extras=None) -> list[str]:
        """The columns, in order; with ``extras`` (a set of extra names), only those made with them."""
        return [c.name for c in self.columns if extras is None or not c.extra or c.extra in extras]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


class SchemaError(Exception):
    """A table whose columns are not its declaration's: a defect of newslens, not of the input."""


def C(name, dtype, meaning, nullable=False, extra=""):
    assert dtype in DTYPES, dtype
    return Column(name, dtype, meaning, nullable, extra)


def _pick(table: Table, names) -> tuple[Column, ...]:
    """Columns of ``table`` by name, as declared there; a corpus table has them all, whatever the extras, so
    a column an extra makes is empty without it."""
    picked = []
    for column in (table.column(n) for n in names):
        if column.extra:
            column = replace(column, extra="", nullable=True,
                             dtype=NULLABLE_INT if column.dtype == INT else column.dtype)
        picked.append(column)
    return tuple(picked)


SO, TS, CO = "second_opinions", "target_sentiment", "collocations"   # the extras that add columns or tables
OFFSETS = (C("start", INT, "offset of the first character in the cleaned body"),
           C("end", INT, "offset after the last character in the cleaned body"))

# --- The per-article tables, in the order newslens.analyze makes them -------------------------------------

PARAGRAPHS = Table("paragraphs.csv", "paragraph (row 0: the standfirst)", (
    C("paragraph_id", INT, "paragraph number, 1 up in body order; 0 for the standfirst"),
    C("role", STRING, "body, or standfirst"),
    C("duplicate_of", NULLABLE_INT, "the body paragraph the standfirst repeats, if it does", nullable=True),
    C("start", NULLABLE_INT, "offset of the paragraph in the cleaned body (empty for the standfirst)", nullable=True),
    C("end", NULLABLE_INT, "offset after the paragraph (empty for the standfirst)", nullable=True),
    C("sentences", NULLABLE_INT, "body sentences in the paragraph (empty for the standfirst)", nullable=True),
    C("words", INT, "word tokens in the paragraph"),
    C("text", STRING, "the paragraph's text"),
), keys=("paragraph_id",))

def _scores_may_be_empty(columns) -> tuple[Column, ...]:
    """The float columns may be empty: a Russian or Ukrainian article has no sentiment score where its language
    has no sentiment lexicon yet (docs/languages.md)."""
    return tuple(replace(c, nullable=True) if c.dtype == FLOAT else c for c in columns)


SENTENCES = Table("sentences.csv", "body sentence, with every sentiment score of it (scores empty where the "
                  "article's language has no sentiment lexicon yet)", _scores_may_be_empty((
    C("sentence_id", INT, "sentence number, 1 up in body order"),
    C("paragraph_id", INT, "the paragraph it belongs to"),
    *OFFSETS,
    C("words", INT, "word tokens in the sentence"),
    C("text", STRING, "the sentence's text"),
    C("vader_compound", FLOAT, "reference VADER compound score, -1 to 1 (as shipped, kept for comparability)"),
    C("vader_pos", FLOAT, "reference VADER positive share"),
    C("vader_neu", FLOAT, "reference VADER neutral share"),
    C("vader_neg", FLOAT, "reference VADER negative share"),
    C("vader_label", STRING, "negative (<= -0.05), neutral or positive (>= 0.05) by vader_compound"),
    C("vader_words", STRING, "the VADER lexicon words behind the score, each with the valence VADER used"),
    C("vader_compound_as_written", FLOAT, "reference VADER on the sentence with its curly quotes kept"),
    C("news_compound", FLOAT, "news-sense VADER compound, -1 to 1 (the primary score): news-sense valences, "
                               "organisation names masked"),
    C("nltk_vader_compound", FLOAT, "NLTK's port of VADER", extra=SO),
    C("textblob_polarity", FLOAT, "TextBlob polarity, -1 to 1", extra=SO),
    C("textblob_subjectivity", FLOAT, "TextBlob subjectivity, 0 to 1", extra=SO),
    *(C(f"nrc_{e}", INT, f"lemmas in the NRC emotion lexicon's '{e}' list", extra=SO)
      for e in ("anger", "anticipation", "disgust", "fear", "joy", "negative", "positive", "sadness", "surprise",
                "trust")),
    C("nrc_balance", INT, "nrc_positive - nrc_negative", extra=SO),
    C("tone_words", INT, "word tokens counted for the GDELT-style tone"),
    C("tone_positive_pct", FLOAT, "% of words with positive VADER-lexicon valence"),
    C("tone_negative_pct", FLOAT, "% of words with negative VADER-lexicon valence"),
    C("tone", FLOAT, "GDELT-style tone: positive % - negative %"),
    C("news_tone", FLOAT, "the same tone with news-sense valences, organisation names masked"),
    C("oped_score", FLOAT, "the op-ed variant's score (estimated human rating / 4)", extra=SO),
    C("vader_rolling_mean", FLOAT, "centred rolling mean of vader_compound"),
    C("contested", BOOL, "VADER, TextBlob and NRC disagree in sign", extra=SO),
    C("contested_signs", STRING, "the sign each of those methods gives", extra=SO),
)), keys=("sentence_id",))

REMOVED_LINES = Table("removed_lines.csv", "line the cleaning removed", (
    C("line_no", INT, "line number in the input file"),
    C("reason", STRING, "why it was removed"),
    C("text", STRING, "the line as read"),
), keys=("line_no",))

PLACES = Table("places.csv", "place (blocs and excluded names left out), most mentioned first", (
    C("place", STRING, "the place's name in the gazetteer"),
    C("kind", STRING, "country, city, region..."),
    C("country_code", STRING, "ISO 3166-1 alpha-2 code of its country"),
    C("country", STRING, "its country's name"),
    C("lat", FLOAT, "latitude of its representative point (empty if the gazetteer has none)", nullable=True),
    C("lon", FLOAT, "longitude of its representative point (empty if the gazetteer has none)", nullable=True),
    C("mentions", INT, "mentions of the place"),
    C("literal_mentions", INT, "mentions as a location (a setting)"),
    C("actor_mentions", INT, "mentions as a government or state acting"),
    C("attribute_mentions", INT, "mentions as an origin (a demonym naming where a thing comes from)"),
    C("dateline_mentions", INT, "mentions in a wire dateline"),
    C("name_mentions", INT, "mentions by name"),
    C("demonym_mentions", INT, "mentions by demonym"),
    C("surfaces", STRING, "the forms found, |-separated"),
    C("first_sentence", NULLABLE_INT, "first sentence that mentions it (empty if only the dateline does)",
      nullable=True),
    C("map_point", BOOL, "drawn as a point on the map (not only as a shaded country)"),
    C("source", STRING, "where the place's entry comes from (gazetteer, curated list)"),
), keys=("place",))

PLACE_MENTIONS = Table("place_mentions.csv", "place mention, in text order (a wire dateline's place first)", (
    C("mention_id", INT, "mention number, 1 up"),
    C("sentence_id", NULLABLE_INT, "the sentence (empty for a dateline's place)", nullable=True),
    C("paragraph_id", NULLABLE_INT, "the paragraph (empty for a dateline's place)", nullable=True),
    C("start", NULLABLE_INT, "offset in the cleaned body (empty for a dateline's place)", nullable=True),
    C("end", NULLABLE_INT, "offset after the mention (empty for a dateline's place)", nullable=True),
    C("surface", STRING, "the text as written"),
    C("place", STRING, "the place it resolves to (\"\" if none)"),
    C("place_kind", STRING, "that place's kind (country, city, bloc...)"),
    C("kind", STRING, "name, demonym, or excluded (a name that contains a place but is not one)"),
    C("country_code", STRING, "ISO code of the place's country"),
    C("country", STRING, "the place's country"),
    C("role", STRING, "literal, actor, attribute, dateline or not_a_place"),
    C("rule", STRING, "the rule that gave the role"),
    C("country_named", STRING, "the country named directly (by name, demonym or capital), else \"\""),
    C("possessive", BOOL, "written as a possessive (\"Russia's\")"),
    C("compound", STRING, "the hyphenated compound it sits in (\"Russia-Ukraine\"), else \"\""),
    C("candidates", INT, "gazetteer entries the surface could name"),
    C("resolved_by", STRING, "how the candidate was chosen"),
    C("alternatives", STRING, "the other candidates"),
    C("note", STRING, "why a name was excluded, if it was"),
), keys=("mention_id",))

PLACE_ROLE_COUNTS = Table("place_role_counts.csv", "role a place mention can have", (
    C("role", STRING, "literal, actor, attribute, dateline or not_a_place"),
    C("mentions", INT, "mentions with the role"),
    C("place_names", INT, "of them, names of places"),
    C("demonyms", INT, "of them, demonyms"),
    C("blocs", INT, "of them, blocs and organisations (NATO, the West)"),
    C("excluded", INT, "of them, excluded names"),
), keys=("role",))

PLACE_FOCUS = Table("place_focus.csv", "country the article mentions, best score first", (
    C("rank", INT, "1 for the highest score"),
    C("country_code", STRING, "ISO 3166-1 alpha-2 code"),
    C("country", STRING, "the country's name"),
    C("score", FLOAT, "sum over its mentions of role weight x position weight"),
    C("share", FLOAT, "its share of all countries' scores"),
    C("focus", BOOL, "share at least 10%: a country the article is about"),
    C("mentions", INT, "mentions of the country or of places in it"),
    C("actor_mentions", INT, "of them, as a government acting"),
    C("literal_mentions", INT, "of them, as a location"),
    C("attribute_mentions", INT, "of them, as an origin"),
    C("dateline_mentions", INT, "of them, in a wire dateline"),
    C("via_cities_regions", INT, "of them, mentions of a city or region in the country"),
    C("first_offset", INT, "offset of the first mention in the cleaned body"),
), keys=("country_code",))

ACTORS = Table("actors.csv", "actor that acts at least once, most sentences first", (
    C("actor", STRING, "the actor: a country (its government), alliance, bloc or leader"),
    C("mentions", INT, "mentions where it acts"),
    C("sentences", INT, "sentences where it acts"),
    C("sentence_ids", STRING, "those sentences, ;-separated"),
    C("mean_compound", FLOAT, "mean news-sense VADER compound of those sentences (the primary score)"),
    C("ci_low", FLOAT, "low end of the bootstrap 95% interval of mean_compound (empty without the intervals "
                       "extra, and for one sentence)", nullable=True),
    C("ci_high", FLOAT, "high end of that interval (empty without the intervals extra, and for one sentence)",
      nullable=True),
    C("most_negative_sentence_id", INT, "its most negative sentence (news-sense score)"),
    C("most_negative_compound", FLOAT, "that sentence's news-sense compound"),
    C("most_positive_sentence_id", INT, "its most positive sentence (news-sense score)"),
    C("most_positive_compound", FLOAT, "that sentence's news-sense compound"),
    C("aliases_found", STRING, "the aliases that named it, comma-separated"),
    C("note", STRING, "a warning when there are too few sentences for the interval"),
    C("setting_mentions", INT, "mentions as a setting (counted, not scored)"),
    C("origin_mentions", INT, "mentions as an origin (counted, not scored)"),
    C("vader_mean_compound", FLOAT, "mean reference VADER compound of the same sentences (for comparability)"),
    C("vader_most_negative_sentence_id", INT, "its most negative sentence by the reference VADER"),
    C("vader_most_negative_compound", FLOAT, "that sentence's reference compound"),
    C("vader_most_positive_sentence_id", INT, "its most positive sentence by the reference VADER"),
    C("vader_most_positive_compound", FLOAT, "that sentence's reference compound"),
    C("mean_target_score", FLOAT, "mean sentiment toward its mentions by the target-dependent model", extra=TS),
    C("target_negative", INT, "mentions the model rates negative", extra=TS),
    C("target_neutral", INT, "mentions the model rates neutral", extra=TS),
    C("target_positive", INT, "mentions the model rates positive", extra=TS),
), keys=("actor",))

ACTOR_MENTIONS = Table("actor_mentions.csv", "actor alias found", (
    C("actor", STRING, "the actor"),
    C("alias", STRING, "the alias of actors.csv (or the place) that matched"),
    C("kind", STRING, "what the alias is: country, demonym, capital, leader, official, alliance or bloc"),
    C("form", STRING, "plain, possessive or compound (\"NATO-member\")"),
    C("role", STRING, "acting, setting or origin (\"\" without a places table: all scored)"),
    C("role_source", STRING, "what gave the role: the alias kind, or the places rule"),
    C("sentence_id", INT, "the sentence"),
    *OFFSETS,
    C("written", STRING, "the text as written"),
    C("target_label", STRING, "negative, neutral or positive toward this mention (target-dependent model)",
      extra=TS),
    C("target_score", FLOAT, "the model's score toward this mention (Russian: P(positive) - P(negative), and "
      "target_label is the class picked with decision offsets, so their signs can differ)", extra=TS),
))

SENTIMENT_DISAGREEMENTS = Table(
    "sentiment_disagreements.csv", "sentence where NLTK's VADER and the reference differ", (
        C("sentence_id", INT, "the sentence"),
        C("reference_compound", FLOAT, "reference VADER compound"),
        C("nltk_compound", FLOAT, "NLTK's VADER compound"),
        C("difference", FLOAT, "nltk_compound - reference_compound"),
        C("above_threshold", BOOL, "the difference is large enough to matter"),
        C("missed_words", STRING, "lexicon words one port scores and the other does not"),
        C("boosters_missing_in_nltk", STRING, "booster words NLTK's port lacks"),
        C("residual", FLOAT, "the part of the difference those words do not explain"),
        C("reason", STRING, "the explanation in words"),
        C("text", STRING, "the sentence's text"),
    ), keys=("sentence_id",), extra=SO)

SENTIMENT_AGREEMENT = Table("sentiment_agreement.csv", "pair of sentiment methods", (
    C("method_a", STRING, "first method"),
    C("method_b", STRING, "second method"),
    C("column_a", STRING, "its column of sentences.csv"),
    C("column_b", STRING, "its column of sentences.csv"),
    C("sentences", INT, "sentences compared"),
    C("pearson_r", FLOAT, "Pearson correlation (empty when a method does not vary)", nullable=True),
    C("spearman_rho", FLOAT, "Spearman rank correlation (empty when a method does not vary)", nullable=True),
    C("same_sign_share", FLOAT, "share of sentences where both give the same sign"),
    C("opposite_sign_sentences", INT, "sentences where one is positive and the other negative"),
), keys=("method_a", "method_b"), extra=SO)

ARTICLE_TONE = Table("article_tone.csv", "article-level measure", (
    C("measure", STRING, "the measure's name (vader_mean_compound, tone...)"),
    C("method", STRING, "the method behind it"),
    C("value", FLOAT, "its value for the article", nullable=True),
    C("definition", STRING, "what it is"),
), keys=("measure",))

TERMS = Table("terms.csv", "framing lexicon entry (zeros included)", (
    C("term", STRING, "the lexicon entry"),
    C("category", STRING, "its lexicon category"),
    C("count", INT, "hits counted (outside attributed quotations)"),
    C("per_1000", FLOAT, "count per 1,000 words"),
    C("paragraphs", STRING, "paragraphs with a counted hit, ;-separated"),
    C("n_paragraphs", INT, "how many paragraphs"),
    C("dispersion_dp", FLOAT, "Gries's DP across paragraphs: 0 spread like the text, near 1 clumped (empty "
                              "without a hit)", nullable=True),
    C("in_scare_quotes", INT, "counted hits inside scare quotes"),
    C("in_attributed_quotes", INT, "counted hits inside attributed quotations"),
    C("not_counted", INT, "hits not counted (in a quoted title, or a wire-standard term)"),
    C("surfaces", STRING, "the forms found, ;-separated"),
    C("match", STRING, "how the entry matches: exact form, lemma or phrase"),
    C("cue", STRING, "loaded or name_calling: the propaganda cue it is evidence for (\"\" if none)"),
    C("alternative", STRING, "the rival term or spelling, if any"),
    C("source", STRING, "where the entry comes from"),
    C("lexicon_version", STRING, "version of the framing lexicon"),
), keys=("term", "category"))

TERM_CATEGORIES = Table("term_categories.csv", "framing lexicon category", (
    C("category", STRING, "the category"),
    C("description", STRING, "what it collects"),
    C("entries", INT, "lexicon entries in it"),
    C("terms_found", INT, "entries found in the article"),
    C("count", INT, "hits counted"),
    C("per_1000", FLOAT, "hits per 1,000 words"),
    C("paragraphs", STRING, "paragraphs with a hit, ;-separated"),
    C("n_paragraphs", INT, "how many paragraphs"),
), keys=("category",))

NAMING_CHOICES = Table("naming_choices.csv", "pair of rival spellings", (
    C("spelling_a", STRING, "one spelling"),
    C("count_a", INT, "its hits"),
    C("spelling_b", STRING, "the rival spelling"),
    C("count_b", INT, "its hits"),
    C("picked", STRING, "the spelling the article uses, or both, or neither"),
), keys=("spelling_a", "spelling_b"))

TERM_MENTIONS = Table("term_mentions.csv", "framing lexicon hit (the KWIC lines)", (
    C("mention_id", INT, "hit number, 1 up"),
    C("term", STRING, "the lexicon entry"),
    C("category", STRING, "its category"),
    C("surface", STRING, "the text as written"),
    C("sentence_id", INT, "the sentence"),
    C("paragraph_id", INT, "the paragraph"),
    *OFFSETS,
    C("word_position", INT, "position of its first word in the body's words"),
    C("quote_id", NULLABLE_INT, "the quotes.csv span it sits in, if any", nullable=True),
    C("quote_kind", STRING, "that span's kind, or \"\""),
    C("counted", BOOL, "counted in terms.csv"),
    C("not_counted_reason", STRING, "why not, or \"\""),
    C("cue", STRING, "the propaganda cue of the entry, if any"),
    C("left", STRING, "words before it"),
    C("right", STRING, "words after it"),
), keys=("mention_id",))

KEYNESS = Table("keyness.csv", "word the article over- or underuses against general usage of its language "
                                "(English, Russian or Ukrainian)", (
    C("word", STRING, "the word (lower case; its lemma in a Russian or Ukrainian article)"),
    C("direction", STRING, "over or under"),
    C("article_count", INT, "times in the article"),
    C("article_per_million", FLOAT, "per million words of the article"),
    C("reference_per_million", FLOAT, "per million words of the article's language (wordfreq; for a lemma, "
                                      "its forms summed)"),
    C("reference_floor", BOOL, "the reference frequency is the floor given to rare words"),
    C("expected_count", FLOAT, "times expected at the reference frequency"),
    C("g2", FLOAT, "log-likelihood G2"),
    C("log_ratio", FLOAT, "binary log of the ratio of the two frequencies"),
    C("p_band", STRING, "significance band of g2 (p<0.05...)"),
), keys=("word", "direction"))

QUOTES = Table("quotes.csv", "quoted span", (
    C("quote_id", INT, "span number, 1 up"),
    C("text", STRING, "the quoted text"),
    C("kind", STRING, "attributed quotation or scare quote"),
    C("is_title", BOOL, "the span is a quoted title"),
    C("cue", STRING, "the reporting verb or cue word that classified it, if any"),
    C("speaker", STRING, "the speaker as written"),
    C("speaker_resolved", STRING, "a pronoun or role resolved to the name"),
    C("nested", BOOL, "inside another quoted span"),
    C("rule", STRING, "the rule that gave the kind"),
    C("marks", STRING, "the quote marks used (curly double, straight double...)"),
    C("closed", BOOL, "the span has its closing mark"),
    C("n_words", INT, "words in the span"),
    *OFFSETS,
    C("paragraph_id", INT, "the paragraph"),
    C("sentence_id", INT, "the sentence"),
    C("sentence", STRING, "that sentence's text"),
), keys=("quote_id",))

CUES = Table("cues.csv", "piece of evidence for a propaganda cue (a place to look, not a verdict)", (
    C("cue_id", INT, "row number, 1 up"),
    C("cue", STRING, "repetition, loaded language or name calling"),
    C("evidence_type", STRING, "what kind of evidence"),
    C("evidence", STRING, "the words or passage"),
    C("occurrences", INT, "how often it occurs"),
    C("paragraph_ids", STRING, "where, ;-separated"),
    C("sentence_ids", STRING, "where, ;-separated"),
    C("starts", STRING, "offsets in the cleaned body, ;-separated"),
    C("detail", STRING, "the rule, reason or source behind it"),
    C("first_sentence", STRING, "the text of the first sentence it occurs in"),
    C("voice", STRING, "whose words the evidence is: outlet, quoted or reported"),
    C("speaker", STRING, "the quoted or reported speaker (empty for the outlet)"),
), keys=("cue_id",))

CUE_RATES = Table("cue_rates.csv", "voice in the article: the outlet's own words, then each quoted or reported "
                                   "speaker", (
    C("voice", STRING, "outlet, quoted or reported"),
    C("speaker", STRING, "the speaker (empty for the outlet)"),
    C("words", INT, "words in that voice"),
    C("loaded_language", INT, "loaded-language occurrences in that voice"),
    C("name_calling", INT, "name-calling occurrences in that voice"),
    C("repetition", INT, "repetition rows in that voice"),
    C("word_cues", INT, "loaded language + name calling"),
    C("word_cues_per_1000", FLOAT, "word cues per 1,000 words of that voice (empty with no words)", nullable=True),
), keys=("voice", "speaker"))

COLLOCATIONS = Table("collocations.csv", "repeated word pair or triple", (
    C("ngram", STRING, "the words"),
    C("n", INT, "2 or 3"),
    C("count", INT, "times it occurs"),
    C("likelihood_ratio", FLOAT, "NLTK's likelihood-ratio score"),
    C("sentence_ids", STRING, "sentences it occurs in, ;-separated"),
), keys=("ngram",), extra=CO)

PLACES_MAP = Table("places_map.csv", "map layer item (country shade or point): what places_map.png draws", (
    C("layer", STRING, "country shade or point"),
    C("name", STRING, "the country or place"),
    C("label", STRING, "the label drawn, if any"),
    C("kind", STRING, "the place's kind"),
    C("country_code", STRING, "ISO code of its country"),
    C("lat", FLOAT, "latitude", nullable=True),
    C("lon", FLOAT, "longitude", nullable=True),
    C("mentions", INT, "mentions"),
    C("literal_mentions", INT, "of them, as a location"),
    C("actor_mentions", INT, "of them, as a government acting"),
    C("attribute_mentions", INT, "of them, as an origin"),
    C("dateline_mentions", INT, "of them, in a wire dateline"),
    C("label_drawn", BOOL, "its label is drawn on the map beside its point or on its country; False for one "
                           "left out for lack of room or beyond the 25 most mentioned (listed under the map), "
                           "and for rows listed in a box instead (far places, actors without a location)"),
))

# Every table newslens.analyze returns, by output file name (places_map.csv is written by newslens.write,
# with its figure).
ARTICLE_TABLES: dict[str, Table] = {t.name: t for t in (
    PARAGRAPHS, SENTENCES, REMOVED_LINES, PLACES, PLACE_MENTIONS, PLACE_ROLE_COUNTS, PLACE_FOCUS, ACTORS,
    ACTOR_MENTIONS, SENTIMENT_DISAGREEMENTS, SENTIMENT_AGREEMENT, ARTICLE_TONE, TERMS, TERM_CATEGORIES,
    NAMING_CHOICES, TERM_MENTIONS, KEYNESS, QUOTES, CUES, CUE_RATES, COLLOCATIONS)}
WRITTEN_TABLES: dict[str, Table] = {**ARTICLE_TABLES, PLACES_MAP.name: PLACES_MAP}

# --- The corpus tables: every row keyed by the article's place in the input and its identity --------------

KEY_COLUMNS = (
    C("item", INT, "the article's place in the input, from 0"),
    C("article_id", STRING, "sha256 of the article's bytes"),
    C("outlet", STRING, "the outlet (from the manifest, the export or the URL; \"\" if unknown)"),
    C("date", STRING, "publication date as given, YYYY-MM-DD where known (\"\" if unknown)"),
)
KEYS = tuple(c.name for c in KEY_COLUMNS)
_ITEM, _ARTICLE_ID, _OUTLET, _DATE = KEY_COLUMNS


def _corpus(name, meaning, columns, keys) -> Table:
    return Table(name, meaning, (*KEY_COLUMNS, *columns), keys=(*KEYS, *keys))


CORPUS_ARTICLES = Table("articles", "article (and any other manifest or export column after these)", _scores_may_be_empty((
    _ITEM, _ARTICLE_ID,
    C("source", STRING, "where it was read: path, \"file.csv row 12\", or WARC record"),
    _OUTLET, _DATE,
    C("url", STRING, "its URL (empty if unknown)", nullable=True),
    C("title", STRING, "its title (empty if unknown)", nullable=True),
    C("author", STRING, "its author (empty if unknown)", nullable=True),
    C("language", STRING, "en, ru, uk, other or too short to judge: what the language check found, or the "
                          "language given with --lang (docs/languages.md)"),
    C("input_format", STRING, "how it was read: globalresearch, plaintext or html"),
    C("paragraphs", INT, "body paragraphs"),
    C("sentences", INT, "body sentences"),
    C("words", INT, "word tokens in the body"),
    C("news_mean_compound", FLOAT, "mean news-sense VADER compound of its sentences (the primary score)"),
    C("news_body_compound", FLOAT, "the body as one news-sense VADER score"),
    C("vader_mean_compound", FLOAT, "mean reference VADER compound of its sentences (for comparability)"),
    C("vader_body_compound", FLOAT, "the body as one reference VADER score"),
    C("tone", FLOAT, "GDELT-style tone: positive % - negative %"),
    C("tone_positive_pct", FLOAT, "% of words with positive valence"),
    C("tone_negative_pct", FLOAT, "% of words with negative valence"),
    C("news_tone", FLOAT, "tone with news-sense valences, organisation names masked"),
    C("outlet_words", INT, "words in the outlet's own voice (cue_rates.csv)"),
    C("outlet_word_cues", INT, "loaded-language and name-calling cues in the outlet's own voice"),
    C("outlet_cues_per_1000", FLOAT, "those cues per 1,000 words of the outlet's voice", nullable=True),
    C("speaker_words", INT, "words in quoted or reported speech"),
    C("speaker_word_cues", INT, "cues in quoted or reported speech"),
    C("speaker_cues_per_1000", FLOAT, "those cues per 1,000 words of quoted or reported speech", nullable=True),
    C("top_places", STRING, "its three most mentioned places, ;-separated"),
    C("focus_country", STRING, "the country it is most about, or \"\""),
    C("duplicate_of_item", NULLABLE_INT, "the item with the same text, if it repeats one", nullable=True),
    C("warnings", STRING, "the loader's warnings, |-separated"),
)), keys=("item",))

CORPUS_SENTENCES = _corpus("sentences", "sentence", _pick(SENTENCES, (
    "sentence_id", "paragraph_id", "words", "news_compound", "vader_compound", "vader_label", "tone", "news_tone",
    "text")),
    keys=("sentence_id",))
# The per-article actors.csv, less its note (which only restates the sentence count).
CORPUS_ACTOR_SENTIMENT = _corpus("actor_sentiment", "actor in an article", _pick(
    ACTORS, [n for n in ACTORS.column_names() if n != "note"]), keys=("actor",))
CORPUS_FRAMING_TERMS = _corpus("framing_terms", "lexicon term found in an article (terms.csv rows with a count)",
                               _pick(TERMS, ("term", "category", "count", "per_1000", "in_scare_quotes", "cue",
                                             "alternative")), keys=("term", "category"))
CORPUS_SCARE_QUOTES = _corpus("scare_quotes", "scare quote (quotes.csv rows of that kind)", _pick(
    QUOTES, ("quote_id", "text", "sentence_id", "paragraph_id", "start", "end")), keys=("quote_id",))
CORPUS_PLACE_MENTIONS = _corpus("place_mentions", "place mention, with its place's point", (
    *_pick(PLACE_MENTIONS, ("mention_id", "sentence_id", "paragraph_id", "start", "end", "surface", "place",
                            "place_kind", "kind", "country_code", "country", "role", "rule", "country_named")),
    *_pick(PLACES, ("lat", "lon"))), keys=("mention_id",))
CORPUS_WORD_COUNTS = _corpus("word_counts", "word in an article", (
    C("word", STRING, "the word as keyness counts it: lower case, stop words kept, quoted titles left out"),
    C("count", INT, "times in the article"),
), keys=("word",))
CORPUS_ERRORS = Table("errors", "article that could not be analysed", (
    _ITEM,
    C("source", STRING, "where it was read: path, or \"file.csv row 12\""),
    _OUTLET, _DATE,
    C("stage", STRING, "where it failed: input, read, load, analysis, tables"),
    C("error_type", STRING, "the kind of error"),
    C("message", STRING, "one line on what went wrong"),
), keys=("item",))

CORPUS_TABLES: dict[str, Table] = {t.name: t for t in (
    CORPUS_ARTICLES, CORPUS_SENTENCES, CORPUS_ACTOR_SENTIMENT, CORPUS_FRAMING_TERMS, CORPUS_SCARE_QUOTES,
    CORPUS_PLACE_MENTIONS, CORPUS_WORD_COUNTS, CORPUS_ERRORS)}


# --- Using the declarations --------------------------------------------------------------------------------

def columns(name: str, extras=None) -> list[str]:
    """The declared columns of the per-article table ``name`` ("cues.csv"), in order; with ``extras``, only
    those made with them. The ``*_frame`` functions that make a table from an analysis's records take its
    columns from here."""
    return ARTICLE_TABLES[name].column_names(extras)


def article_table_names(extras) -> list[str]:
    """The per-article tables newslens.analyze makes with ``extras`` (a set of extra names)."""
    return [name for name, t in ARTICLE_TABLES.items() if not t.extra or t.extra in extras]


def empty(table: Table, extras=None):
    """A table with no rows and every declared column (made with ``extras``) in its type."""
    import pandas as pd

    return pd.DataFrame({c.name: pd.Series([], dtype=PANDAS_DTYPE[c.dtype]) for c in table.columns
                         if extras is None or not c.extra or c.extra in extras})


def conform(frame, table: Table, extras=None):
    """``frame`` as ``table`` declares it: an empty frame becomes ``empty(table, extras)``; a filled one is
    returned as it is if its columns are the declared ones, in order, and raises SchemaError if not."""
    if len(frame) == 0:
        return empty(table, extras)
    expected = table.column_names(extras)
    if list(frame.columns) != expected:
        missing = [c for c in expected if c not in frame.columns]
        unexpected = [c for c in frame.columns if c not in expected]
        raise SchemaError(f"{table.name}: columns differ from the declaration (missing {missing}, undeclared "
                          f"{unexpected}, or in another order)")
    return frame


def conform_each(tables: dict, extras) -> dict:
    """What an analysis stage returns: each declared table conformed (``conform``), any other (a part of a
    table, such as the sentence columns the analysis joins into sentences.csv) as it is."""
    return {name: conform(frame, ARTICLE_TABLES[name], extras) if name in ARTICLE_TABLES else frame
            for name, frame in tables.items()}


def conform_tables(tables: dict, extras) -> dict:
    """Every per-article table conformed (``conform``); SchemaError if a declared table is missing or an
    undeclared one is there."""
    expected = article_table_names(extras)
    if sorted(tables) != sorted(expected):
        raise SchemaError(f"tables differ from the declaration: missing {sorted(set(expected) - set(tables))}, "
                          f"undeclared {sorted(set(tables) - set(expected))}")
    return {name: conform(frame, ARTICLE_TABLES[name], extras) for name, frame in tables.items()}


def problems(frame, table: Table, extras=None) -> list[str]:
    """How ``frame`` departs from ``table``: column names and order, types, values missing where the
    declaration allows none. [] if it matches."""
    import pandas as pd

    found = []
    expected = table.column_names(extras)
    if list(frame.columns) != expected:
        found.append(f"columns {list(frame.columns)} != declared {expected}")
    for name in (n for n in expected if n in frame.columns):
        column, values = table.column(name), frame[name]
        dtype = values.dtype
        if column.dtype == STRING:
            ok = isinstance(dtype, pd.StringDtype) or (dtype == object and all(
                isinstance(v, str) or v is None or v is pd.NA or (isinstance(v, float) and v != v) for v in values))
        elif column.dtype == INT:
            ok = dtype == "int64"
        elif column.dtype == NULLABLE_INT:
            ok = dtype == "Int64"
        elif column.dtype == FLOAT:
            ok = dtype == "float64"
        else:
            ok = dtype == "bool"
        if not ok:
            found.append(f"{name}: {dtype}, declared {column.dtype}")
        if not column.nullable and values.isna().any():
            found.append(f"{name}: missing values, declared not nullable")
    return found


def markdown() -> str:
    """Every table as Markdown: what docs/tables.md holds."""
    lines = ["# Tables", "",
             "Generated by `python -m newslens.schema > docs/tables.md` from `lib/newslens/schema.py`; do not edit.",
             "", "Types: string, int, nullable int (whole numbers with gaps), float, bool. \"may be empty\": the "
             "value can be missing. A column or table marked with an extra is only made with it "
             "(`--extras`, `Options(extras=...)`).", ""]
    for title, tables in (("Per-article tables (`newslens analyze`, `newslens.analyze`)", WRITTEN_TABLES),
                          ("Corpus tables (`newslens corpus`)", CORPUS_TABLES)):
        lines += [f"## {title}", ""]
        for t in tables.values():
            lines += [f"### `{t.name}`", "", f"One row per {t.meaning}."
                      + (f" Keys: {', '.join(t.keys)}." if t.keys else "")
                      + (f" Only with the extra `{t.extra}`." if t.extra else ""), "",
                      "| column | type | may be empty | meaning |", "|---|---|---|---|"]
            for c in t.columns:
                meaning = c.meaning.replace("|", "\\|") + (f" (extra `{c.extra}`)" if c.extra else "")
                lines.append(f"| {c.name} | {c.dtype} | {'yes' if c.nullable else ''} | {meaning} |")
            lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown(), end="")
