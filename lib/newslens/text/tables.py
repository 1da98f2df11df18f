"""The article's own tables (paragraphs, sentences) as DataFrames, shared by the CLI and the notebooks."""

from __future__ import annotations

from .article import Article


def paragraphs_frame(article: Article):
    """One row per body paragraph, plus the standfirst (paragraph_id 0) marked as a duplicate."""
    import pandas as pd

    words_per_paragraph: dict[int, int] = {}
    sentences_per_paragraph: dict[int, int] = {}
    sentence_paragraph = {s.id: s.paragraph_id for s in article.sentences}
    for s in article.sentences:
        sentences_per_paragraph[s.paragraph_id] = sentences_per_paragraph.get(s.paragraph_id, 0) + 1
    for t in article.words:
        pid = sentence_paragraph[t.sentence_id]
        words_per_paragraph[pid] = words_per_paragraph.get(pid, 0) + 1
    rows = []
    if article.standfirst is not None:
        sf = article.standfirst
        rows.append({"paragraph_id": 0, "role": "standfirst", "duplicate_of": sf.duplicate_of,
                     "start": None, "end": None, "sentences": None,
                     "words": len(sf.text.split()), "text": sf.text})
    for p in article.paragraphs:
        rows.append({"paragraph_id": p.id, "role": "body", "duplicate_of": None, "start": p.start, "end": p.end,
                     "sentences": sentences_per_paragraph.get(p.id, 0), "words": words_per_paragraph.get(p.id, 0),
                     "text": p.text})
    # Built column by column: the nullable integer columns are made Int64 directly (no astype afterwards).
    nullable = ("duplicate_of", "start", "end", "sentences")
    columns = list(rows[0]) if rows else []
    return pd.DataFrame({col: pd.array([row[col] for row in rows], dtype="Int64") if col in nullable
                         else [row[col] for row in rows] for col in columns})


def sentences_frame(article: Article):
    """One row per body sentence with its offsets into the cleaned body."""
    import pandas as pd

    words_per_sentence: dict[int, int] = {}
    for t in article.words:
        words_per_sentence[t.sentence_id] = words_per_sentence.get(t.sentence_id, 0) + 1
    return pd.DataFrame([
        {"sentence_id": s.id, "paragraph_id": s.paragraph_id, "start": s.start, "end": s.end,
         "words": words_per_sentence.get(s.id, 0), "text": s.text}
        for s in article.sentences
    ])


def removed_lines_frame(article: Article):
    """Every line the cleaning removed, with its line number and the reason."""
    import pandas as pd

    return pd.DataFrame([{"line_no": r.line_no, "reason": r.reason, "text": r.text} for r in article.report.removed],
                        columns=["line_no", "reason", "text"])
