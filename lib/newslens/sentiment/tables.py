"""Sentiment tables for one article: every method per sentence, article-level numbers, and the assembly
that `newslens.analysis` calls (``sentiment_tables``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..annotations import Annotations
from ..schema import conform_each
from ..text.article import Article
from .news import news_compound, news_tone_counts
from .scores import (CONTEST_METHODS, NRC_EMOTIONS, ROLLING_WINDOW, label, lexicon_words,
                     nltk_vader_compound, nrc_counts, reference_polarity, sign, summed_compound, textblob_scores,
                     tone_counts, tone_measures, vader_scores, word_lemma)
from .actors import actor_mentions_frame, actor_sentiment, find_actor_mentions


def _sentence_words(article: Article) -> dict[int, list[str]]:
    words: dict[int, list[str]] = {s.id: [] for s in article.sentences}
    for token in article.words:
        words[token.sentence_id].append(token.text)
    return words


def _news_tone_counts(article: Article) -> dict[int, dict[str, int]]:
    """Per sentence id: the GDELT-style counts in the news sense (``news.news_tone_counts``) of its words."""
    start_of = {s.id: s.start for s in article.sentences}
    words: dict[int, list[tuple[str, int]]] = {s.id: [] for s in article.sentences}
    for token in article.words:
        words[token.sentence_id].append((token.text, token.start - start_of[token.sentence_id]))
    return {s.id: news_tone_counts(s.text, words[s.id]) for s in article.sentences}


@dataclass(frozen=True)
class SecondOpinions:
    """The second_opinions extra's scores of one sentence (unrounded)."""
    nltk_vader_compound: float
    textblob_polarity: float
    textblob_subjectivity: float
    nrc: tuple[tuple[str, int], ...]     # (emotion, lemmas in it), in the order of scores.NRC_EMOTIONS
    nrc_balance: int                     # positive - negative
    oped_score: float
    contested: bool                      # VADER, TextBlob and NRC disagree in sign
    contested_signs: str


@dataclass(frozen=True)
class SentenceScore:
    """Every method's score of one body sentence (unrounded; ``sentence_frame`` rounds), as
    ``sentence_sentiment`` describes the columns."""
    sentence_id: int
    vader_compound: float
    vader_pos: float
    vader_neu: float
    vader_neg: float
    vader_label: str
    vader_words: str
    vader_compound_as_written: float
    news_compound: float
    tone_words: int
    tone_positive_pct: float
    tone_negative_pct: float
    tone: float
    news_tone: float
    second_opinions: SecondOpinions | None = None    # only with the second_opinions extra


def sentence_scores(article: Article, second_opinions: bool = True, news_counts=None) -> list[SentenceScore]:
    """One record per body sentence, in order (see ``sentence_sentiment`` for what each score is)."""
    words = _sentence_words(article)
    news_counts = _news_tone_counts(article) if news_counts is None else news_counts
    texts = [s.text for s in article.sentences]
    if second_opinions:
        from .oped import oped_scores   # only with the second_opinions extra, the one user of the op-ed variant

        # TextBlob is scored once per sentence: its column and the op-ed variant's features share the result.
        textblob = [textblob_scores(text) for text in texts]
        oped = oped_scores(texts, textblob=textblob)
    symbol = {1: "+", 0: "0", -1: "-"}
    records = []
    for k, s in enumerate(article.sentences):
        ref = vader_scores(s.text)
        tone = tone_measures(tone_counts(words[s.id]))
        more = None
        if second_opinions:
            polarity, subjectivity = textblob[k]
            nrc = nrc_counts([word_lemma(w) for w in words[s.id]])
            balance = nrc["positive"] - nrc["negative"]
            # the sign of each CONTEST_METHODS score (unrounded)
            signs = {"vader": sign(ref["compound"]), "textblob": sign(polarity),
                     "nrc": int(balance > 0) - int(balance < 0)}
            more = SecondOpinions(
                nltk_vader_compound=nltk_vader_compound(s.text), textblob_polarity=polarity,
                textblob_subjectivity=subjectivity, nrc=tuple((e, nrc[e]) for e in NRC_EMOTIONS), nrc_balance=balance,
                oped_score=float(oped[k]),
                contested=any(signs[m] == 1 for m in CONTEST_METHODS) and any(signs[m] == -1 for m in CONTEST_METHODS),
                contested_signs="; ".join(f"{m}:{symbol[signs[m]]}" for m in CONTEST_METHODS))
        records.append(SentenceScore(
            sentence_id=s.id, vader_compound=ref["compound"], vader_pos=ref["pos"], vader_neu=ref["neu"],
            vader_neg=ref["neg"], vader_label=label(ref["compound"]), vader_words=lexicon_words(s.text),
            vader_compound_as_written=reference_polarity(s.text)["compound"], news_compound=news_compound(s.text),
            tone_words=len(words[s.id]), tone_positive_pct=tone["positive_pct"],
            tone_negative_pct=tone["negative_pct"], tone=tone["tone"],
            news_tone=tone_measures(news_counts[s.id])["tone"], second_opinions=more))
    return records


def sentence_frame(records: list[SentenceScore]):
    """sentence_sentiment.csv (the sentence columns the analysis joins into sentences.csv) from the records:
    one row per sentence, with the rolling mean of vader_compound; floats rounded to 4 decimals."""
    import pandas as pd

    rows = []
    for r in records:
        row = {"sentence_id": r.sentence_id, "vader_compound": r.vader_compound, "vader_pos": r.vader_pos,
               "vader_neu": r.vader_neu, "vader_neg": r.vader_neg, "vader_label": r.vader_label,
               "vader_words": r.vader_words, "vader_compound_as_written": r.vader_compound_as_written,
               "news_compound": r.news_compound}
        more = r.second_opinions
        if more is not None:
            row.update({"nltk_vader_compound": more.nltk_vader_compound, "textblob_polarity": more.textblob_polarity,
                        "textblob_subjectivity": more.textblob_subjectivity})
            row.update({f"nrc_{e}": n for e, n in more.nrc})
            row["nrc_balance"] = more.nrc_balance
        row.update({"tone_words": r.tone_words, "tone_positive_pct": r.tone_positive_pct,
                    "tone_negative_pct": r.tone_negative_pct, "tone": r.tone, "news_tone": r.news_tone})
        if more is not None:
            row["oped_score"] = more.oped_score
        rows.append(row)
    frame = pd.DataFrame(rows)
    frame["vader_rolling_mean"] = frame["vader_compound"].rolling(ROLLING_WINDOW, center=True, min_periods=1).mean()
    if records and records[0].second_opinions is not None:
        frame["contested"] = [r.second_opinions.contested for r in records]
        frame["contested_signs"] = [r.second_opinions.contested_signs for r in records]
    return frame.round(4)


def sentence_sentiment(article: Article, second_opinions: bool = True, news_counts=None):
    """One row per sentence_id with every method's score (floats rounded to 4 decimals).

    No paragraph_id or text: the analysis merges these columns into sentences.csv, which has them.
    Always: vader_compound/pos/neu/neg: reference VADER (as shipped, for comparability); vader_label; vader_words: the
    lexicon words behind it, each with the valence VADER used after its rules (``scores.lexicon_words``); vader_compound_as_written: curly quotes kept; news_compound: the
    news-domain VADER, the primary score (``newslens.sentiment.news``: news-sense valences, context rules,
    organisation names masked); tone_words, tone_positive_pct,
    tone_negative_pct, tone (GDELT-style); news_tone: the same tone with the news-domain word valences and
    organisation names masked (``news.news_tone_counts``); vader_rolling_mean.
    With ``second_opinions``: nltk_vader_compound; textblob_polarity, textblob_subjectivity; nrc_<emotion>
    counts on lemmas and nrc_balance (positive - negative); oped_score; contested (VADER, TextBlob and NRC
    disagree in sign) and contested_signs.
    ``news_counts``: ``_news_tone_counts(article)``, if the caller has it (``sentiment_tables`` passes the
    same counts to ``article_tone``).
    """
    return sentence_frame(sentence_scores(article, second_opinions, news_counts))


# The primary score of sentences.csv: the news-sense VADER (bench/results/news_sentiment_validity.md says why).
PRIMARY_SCORE = "news_compound"


def trajectory(sentences, score: str = PRIMARY_SCORE):
    """The data of the trajectory figure, from a sentences table (``newslens.analyze(...)["sentences"]``):
    ``score`` per sentence, its centred rolling mean over ROLLING_WINDOW sentences (``rolling_mean``), and
    whether the sentence starts a paragraph.

        >>> import newslens
        >>> path = trajectory(newslens.analyze(newslens.seed_path())["sentences"])
        >>> path[["news_compound", "rolling_mean"]].head(2).values.tolist()     # sentences 1 and 2
        [[0.0, -0.2202], [-0.4404, -0.1468]]
        >>> path.loc[path["paragraph_start"], "sentence_id"].tolist()[:4]
        [1, 3, 6, 8]
    """
    frame = sentences[["sentence_id", "paragraph_id", score]].reset_index(drop=True)
    frame["rolling_mean"] = frame[score].rolling(ROLLING_WINDOW, center=True, min_periods=1).mean().round(4)
    frame["paragraph_start"] = frame["paragraph_id"].ne(frame["paragraph_id"].shift())
    return frame


def extremes(sentences, n: int = 3, score: str = PRIMARY_SCORE):
    """The n most negative and n most positive sentences by ``score``, with their text, from a sentences
    table (``newslens.analyze(...)["sentences"]``); ties go to the earlier sentence.

        >>> import newslens
        >>> ends = extremes(newslens.analyze(newslens.seed_path())["sentences"], n=1)
        >>> ends[["end", "sentence_id", "news_compound"]].values.tolist()
        [['most negative', 15, -0.8834], ['most positive', 25, 0.7346]]
    """
    import pandas as pd

    frames = []
    for end, ascending in (("most negative", True), ("most positive", False)):
        ordered = sentences.sort_values([score, "sentence_id"], ascending=[ascending, True], kind="stable").head(n)
        frames.append(pd.DataFrame({"end": end, "rank": range(1, len(ordered) + 1),
                                    "sentence_id": ordered["sentence_id"].astype(int).to_numpy(),
                                    score: ordered[score].to_numpy(), "text": ordered["text"].to_numpy()}))
    return pd.concat(frames, ignore_index=True)


def article_tone(article: Article, sentence_table=None, news_counts=None):
    """Article-level numbers, one row each: measure, method, value, definition.

    ``news_counts``: ``_news_tone_counts(article)``, if the caller has it.
    """
    import pandas as pd

    per_sentence = _news_tone_counts(article) if news_counts is None else news_counts
    table = sentence_table if sentence_table is not None else sentence_sentiment(article, news_counts=per_sentence)
    words = [t.text for t in article.words]
    counts = tone_counts(words)
    tone = tone_measures(counts)
    news_counts = {"words": 0, "positive": 0, "negative": 0}
    for sentence_counts in per_sentence.values():
        for key in news_counts:
            news_counts[key] += sentence_counts[key]
    news_tone = tone_measures(news_counts)
    labels = Counter(table["vader_label"].tolist())      # a plain count: value_counts costs more on a few rows
    news_labels = Counter(label(c) for c in table["news_compound"].tolist())
    n = len(table)
    body_compound = summed_compound(vader_scores(s.text)["compound"] for s in article.sentences)
    news_body = summed_compound(table["news_compound"].tolist())
    rows = [
        ("sentences", "count", n, "body sentences scored"),
        # The primary score: the news-sense VADER (bench/results/news_sentiment_validity.md says why).
        ("news_mean_compound", "news-sense VADER (primary)", table["news_compound"].mean(),
         "mean sentence compound of VADER with news-sense valences, context rules and organisation names "
         "masked (news_sense_overrides.csv); the headline number"),
        ("news_median_compound", "news-sense VADER (primary)", table["news_compound"].median(),
         "median sentence compound"),
        ("news_share_negative", "news-sense VADER (primary)", news_labels.get("negative", 0) / n,
         "share of sentences <= -0.05"),
        ("news_share_neutral", "news-sense VADER (primary)", news_labels.get("neutral", 0) / n,
         "share of sentences in (-0.05, 0.05)"),
        ("news_share_positive", "news-sense VADER (primary)", news_labels.get("positive", 0) / n,
         "share of sentences >= 0.05"),
        ("news_body_compound", "news-sense VADER (primary)", news_body,
         "the body as one score: the sentences' summed valence, normalised as VADER normalises a text; "
         "saturates towards -1 or 1 on long texts"),
        ("vader_mean_compound", "reference VADER", table["vader_compound"].mean(),
         "mean of the sentence compounds of vaderSentiment as shipped (kept for comparability)"),
        ("vader_median_compound", "reference VADER", table["vader_compound"].median(), "median sentence compound"),
        ("vader_share_negative", "reference VADER", labels.get("negative", 0) / n, "share of sentences <= -0.05"),
        ("vader_share_neutral", "reference VADER", labels.get("neutral", 0) / n, "share of sentences in (-0.05, 0.05)"),
        ("vader_share_positive", "reference VADER", labels.get("positive", 0) / n, "share of sentences >= 0.05"),
        ("vader_body_compound", "reference VADER", body_compound,
         "the body as one score: the sentences' summed VADER valence, normalised as VADER normalises a text; "
         "saturates towards -1 or 1 on long texts"),
    ]
    if "nltk_vader_compound" in table:      # the second opinions were computed
        rows += [
            ("nltk_vader_mean_compound", "NLTK VADER", table["nltk_vader_compound"].mean(), "mean sentence compound"),
            ("textblob_mean_polarity", "TextBlob", table["textblob_polarity"].mean(), "mean sentence polarity"),
            ("textblob_mean_subjectivity", "TextBlob", table["textblob_subjectivity"].mean(),
             "mean sentence subjectivity"),
            ("oped_mean_score", "op-ed variant", table["oped_score"].mean(),
             "mean sentence score of the op-ed variant (estimated human rating / 4)"),
        ]
    rows += [
        ("tone_word_count", "GDELT-style", counts["words"], "word tokens in the body"),
        ("tone_positive_pct", "GDELT-style", tone["positive_pct"], "% of words with positive VADER-lexicon valence"),
        ("tone_negative_pct", "GDELT-style", tone["negative_pct"], "% of words with negative VADER-lexicon valence"),
        ("tone_polarity", "GDELT-style", tone["polarity"], "positive % + negative %"),
        ("tone", "GDELT-style", tone["tone"], "positive % - negative % (GDELT's Tone field)"),
        ("news_tone_positive_pct", "GDELT-style, news sense", news_tone["positive_pct"],
         "% of words with positive news-domain valence (news_sense_overrides.csv), organisation names masked, "
         "context rules applied (ended harmful events, negated wishes...)"),
        ("news_tone_negative_pct", "GDELT-style, news sense", news_tone["negative_pct"],
         "% of words with negative news-domain valence, organisation names masked, context rules applied"),
        ("news_tone", "GDELT-style, news sense", news_tone["tone"],
         "positive % - negative % with the news-domain valences; same words counted as tone; the primary tone"),
    ]
    for emotion in NRC_EMOTIONS if "nltk_vader_compound" in table else ():
        rows.append((f"nrc_{emotion}", "NRC", int(table[f"nrc_{emotion}"].sum()), f"lemmas in NRC '{emotion}'"))
    frame = pd.DataFrame(rows, columns=["measure", "method", "value", "definition"])
    frame["value"] = frame["value"].astype(float).round(4)
    return frame


def sentiment_tables(article: Article, second_opinions: bool = True, intervals: bool = True,
                     target: bool = True, place_mentions=None) -> dict:
    """Every sentiment table for one article, keyed by output file name (``sentiment_annotations`` without
    the records)."""
    return sentiment_annotations(article, second_opinions, intervals, target, place_mentions).tables


def sentiment_annotations(article: Article, second_opinions: bool = True, intervals: bool = True,
                          target: bool = True, place_mentions=None) -> Annotations:
    """Records "sentence_scores" (``SentenceScore``) and "actor_mentions" (``actors.ActorMention``), and
    every sentiment table for one article, keyed by output file name.

    "sentence_sentiment.csv" (merged into sentences.csv by the analysis), "actors.csv", "actor_mentions.csv",
    "article_tone.csv"; with ``second_opinions`` (NLTK's VADER, TextBlob, NRC, the op-ed variant) also
    "sentiment_disagreements.csv" and "sentiment_agreement.csv". ``intervals``: bootstrap intervals per actor;
    ``target``: sentiment toward each actor mention (the target-dependent model) in both actor tables.
    ``place_mentions``: the places stage's table, which tells acting countries from settings and origins
    (``actors``); ``newslens.analyze`` passes it.
    """
    # The news-sense tone counts of every sentence, taken once for the sentence table and the article's tone.
    news_counts = _news_tone_counts(article)
    scores = tuple(sentence_scores(article, second_opinions=second_opinions, news_counts=news_counts))
    table = sentence_frame(scores)
    found = tuple(find_actor_mentions(article, target=target, place_mentions=place_mentions))
    mentions = actor_mentions_frame(found, target)
    tables = {
        "sentence_sentiment.csv": table,
        "actors.csv": actor_sentiment(article, table, mentions, intervals=intervals),
        "actor_mentions.csv": mentions,
    }
    if second_opinions:
        # Only with the second_opinions extra: the default path does not load NLTK's port or the comparisons.
        from .agreement import agreement_table
        from .disagreement import disagreement_report

        tables["sentiment_disagreements.csv"] = disagreement_report(article)
        tables["sentiment_agreement.csv"] = agreement_table(table)
    tables["article_tone.csv"] = article_tone(article, table, news_counts=news_counts)
    extras = {name for name, wanted in (("second_opinions", second_opinions), ("intervals", intervals),
                                        ("target_sentiment", target)) if wanted}
    # An empty table with every column it has when filled.
    return Annotations(records={"sentence_scores": scores, "actor_mentions": found},
                       tables=conform_each(tables, extras))
