"""Do the sentiment methods agree, sentence by sentence? Pairwise correlation and sign agreement."""

from __future__ import annotations

from .scores import NEUTRAL_BAND

# column in the sentence table -> (method name, neutral band used for its sign)
METHOD_COLUMNS = {
    "vader_compound": ("reference VADER", NEUTRAL_BAND),
    "nltk_vader_compound": ("NLTK VADER", NEUTRAL_BAND),
    "textblob_polarity": ("TextBlob polarity", NEUTRAL_BAND),
    "nrc_balance": ("NRC positive - negative", 0.5),        # integer counts: any non-zero balance has a sign
    "tone": ("GDELT-style tone", 1e-9),                      # any non-zero tone has a sign
    "oped_score": ("op-ed variant", NEUTRAL_BAND),
}


def signs(values, band: float):
    import numpy as np

    values = np.asarray(values, dtype=float)
    return np.where(values >= band, 1, np.where(values <= -band, -1, 0))


def agreement_table(sentence_table):
    """One row per pair of methods: Pearson r, Spearman rho, share of sentences with the same 3-class sign,
    and how many sentences have opposite signs (one positive, the other negative)."""
    import pandas as pd

    columns = list(METHOD_COLUMNS)
    # Each column's values, ranks and signs, computed once rather than once per pair.
    values = {c: sentence_table[c].astype(float) for c in columns}
    ranks = {c: values[c].rank() for c in columns}
    sign_of = {c: signs(values[c], METHOD_COLUMNS[c][1]) for c in columns}
    rows = []
    for i, a in enumerate(columns):
        for b in columns[i + 1:]:
            x, y = values[a], values[b]
            sa, sb = sign_of[a], sign_of[b]
            rows.append({
                "method_a": METHOD_COLUMNS[a][0], "method_b": METHOD_COLUMNS[b][0],
                "column_a": a, "column_b": b, "sentences": len(x),
                # Spearman = Pearson on average ranks (pandas' own spearman needs scipy)
                "pearson_r": x.corr(y, method="pearson"), "spearman_rho": ranks[a].corr(ranks[b]),
                "same_sign_share": float((sa == sb).mean()),
                "opposite_sign_sentences": int(((sa * sb) == -1).sum()),
            })
    return pd.DataFrame(rows).round(4)


def contested_sentences(sentence_table, article):
    """The sentences where the independent lexicons (VADER, TextBlob, NRC) disagree in sign, with text."""
    text_of = {s.id: s.text for s in article.sentences}
    frame = sentence_table.loc[sentence_table["contested"], ["sentence_id", "vader_compound", "textblob_polarity",
                                                             "nrc_balance", "contested_signs"]].copy()
    frame["text"] = [text_of[int(i)] for i in frame["sentence_id"]]
    return frame.reset_index(drop=True)


def correlation_matrix(sentence_table):
    """Pearson r between every pair of methods across sentences, as a long table (the heatmap's data)."""
    import pandas as pd

    columns = list(METHOD_COLUMNS)
    rows = []
    for a in columns:
        for b in columns:
            r = sentence_table[a].astype(float).corr(sentence_table[b].astype(float))
            rows.append({"method_a": METHOD_COLUMNS[a][0], "method_b": METHOD_COLUMNS[b][0], "pearson_r": r})
    return pd.DataFrame(rows).round(4)
