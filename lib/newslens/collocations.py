"""Collocations: word pairs and triples that occur together more than chance, scored by likelihood ratio.

NLTK's BigramCollocationFinder / TrigramCollocationFinder (no nltk_data needed) over the sentences of the
body, so no pair spans a sentence break. Words are lower-cased with clitics dropped and quoted titles left out; n-grams containing a
stop word (``newslens.stopwords``) or a token without a letter are filtered out after counting, and only
n-grams seen at least ``MIN_COUNT`` times are scored (Dunning's likelihood ratio, NLTK's
``likelihood_ratio`` association measure).
"""

from __future__ import annotations

MIN_COUNT = 2
CLITICS = frozenset({"'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"})


def sentence_word_lists(article) -> dict[tuple[int, int], list[str]]:
    """Lower-case words of each sentence, clitics and punctuation dropped.

    Keys are (sentence_id, segment): a quoted title splits its sentence into segments and is itself left
    out, as in the framing counts, so no n-gram joins the words on either side of it.
    """
    from .quotes import in_spans, title_spans

    titles = title_spans(article)
    out: dict[tuple[int, int], list[str]] = {}
    segment = {s.id: 0 for s in article.sentences}
    previous_in_title = False
    for tok in article.tokens:
        now_in_title = in_spans(tok.start, tok.end, titles)
        if now_in_title and not previous_in_title:
            segment[tok.sentence_id] += 1
        previous_in_title = now_in_title
        if now_in_title:
            continue
        text = tok.text.lower().replace("\u2019", "'")
        if text in CLITICS or not any(ch.isalnum() for ch in text):
            continue
        out.setdefault((tok.sentence_id, segment[tok.sentence_id]), []).append(text)
    return out


def collocations_table(article, min_count: int = MIN_COUNT):
    """collocations.csv: ngram, n, count, likelihood-ratio score and the sentences it occurs in."""
    import pandas as pd
    from nltk.collocations import (BigramAssocMeasures, BigramCollocationFinder, TrigramAssocMeasures,
                                   TrigramCollocationFinder)

    from .stopwords import is_stopword

    by_sentence = sentence_word_lists(article)
    documents = [by_sentence[sid] for sid in sorted(by_sentence)]

    def drop(word: str) -> bool:
        return is_stopword(word) or not any(ch.isalpha() for ch in word)

    rows = []
    for n, finder_class, measures in ((2, BigramCollocationFinder, BigramAssocMeasures()),
                                      (3, TrigramCollocationFinder, TrigramAssocMeasures())):
        finder = finder_class.from_documents(documents)
        finder.apply_freq_filter(min_count)
        finder.apply_word_filter(drop)
        for gram, score in finder.score_ngrams(measures.likelihood_ratio):
            sentences = sorted({key[0] for key, words in by_sentence.items()
                                if any(tuple(words[i:i + n]) == gram for i in range(len(words)))})
            rows.append({"ngram": " ".join(gram), "n": n, "count": finder.ngram_fd[gram],
                         "likelihood_ratio": round(score, 2),
                         "sentence_ids": ";".join(map(str, sentences))})
    frame = pd.DataFrame(rows, columns=["ngram", "n", "count", "likelihood_ratio", "sentence_ids"])
    frame = frame.sort_values(["n", "likelihood_ratio", "ngram"], ascending=[True, False, True], kind="stable")
    return frame.reset_index(drop=True)
