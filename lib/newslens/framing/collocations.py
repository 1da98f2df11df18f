"""Collocations: word pairs and triples that occur together more than chance, scored by likelihood ratio.

NLTK's BigramCollocationFinder / TrigramCollocationFinder (no nltk_data needed) over the sentences of the
body, so no pair spans a sentence break. Words are lower-cased with clitics dropped and quoted titles left out; n-grams containing a
stop word (``newslens.stopwords``) or a token without a letter are filtered out after counting, and only
n-grams seen at least ``MIN_COUNT`` times are scored (Dunning's likelihood ratio, NLTK's
``likelihood_ratio`` association measure).
"""

from __future__ import annotations

from ..text.article import word_form
from .quotes import in_spans, title_spans
from ..text.stopwords import is_stopword

MIN_COUNT = 2


def sentence_word_lists(article, quotes=None) -> dict[tuple[int, int], list[str]]:
    """Lower-case words of each sentence, clitics and punctuation dropped.

    Keys are (sentence_id, segment): a quoted title splits its sentence into segments and is itself left
    out, as in the framing counts, so no n-gram joins the words on either side of it.
    ``quotes``: the article's ``find_quotes`` result, if the caller has it.
    """
    titles = title_spans(article, quotes)
    out: dict[tuple[int, int], list[str]] = {}
    segment = {s.id: 0 for s in article.sentences}
    previous_in_title = False
    for tok in article.tokens:
        now_in_title = bool(titles) and in_spans(tok.start, tok.end, titles)
        if now_in_title and not previous_in_title:
            segment[tok.sentence_id] += 1
        previous_in_title = now_in_title
        if now_in_title:
            continue
        text = word_form(tok.text)
        if text is None:
            continue
        out.setdefault((tok.sentence_id, segment[tok.sentence_id]), []).append(text)
    return out


def _ngram_sentences(by_sentence: dict[tuple[int, int], list[str]], n: int, wanted) -> dict[tuple[str, ...], set[int]]:
    """Each wanted n-gram -> the ids of the sentences it occurs in (one pass over the text)."""
    found: dict[tuple[str, ...], set[int]] = {}
    for (sentence_id, _), words in by_sentence.items():
        for i in range(len(words) - n + 1):
            gram = tuple(words[i:i + n])
            if gram in wanted:
                found.setdefault(gram, set()).add(sentence_id)
    return found


def _finder(n: int, documents: list[list[str]]):
    """NLTK's bigram or trigram collocation finder over sentences (no window spans two sentences)."""
    from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder

    finder_class = BigramCollocationFinder if n == 2 else TrigramCollocationFinder
    return finder_class.from_documents(documents)


def collocations_table(article, min_count: int = MIN_COUNT, quotes=None):
    """collocations.csv: ngram, n, count, likelihood-ratio score and the sentences it occurs in.

    ``quotes``: the article's ``find_quotes`` result, if the caller has it.
    """
    import pandas as pd
    from nltk.collocations import BigramAssocMeasures, TrigramAssocMeasures


    by_sentence = sentence_word_lists(article, quotes)
    documents = [by_sentence[sid] for sid in sorted(by_sentence)]

    def drop(word: str) -> bool:
        return is_stopword(word) or not any(ch.isalpha() for ch in word)

    rows = []
    for n, measures in ((2, BigramAssocMeasures()), (3, TrigramAssocMeasures())):
        finder = _finder(n, documents)
        finder.apply_freq_filter(min_count)
        finder.apply_word_filter(drop)
        sentences_of = _ngram_sentences(by_sentence, n, finder.ngram_fd)     # the n-grams left after filtering
        for gram in finder.ngram_fd:
            try:
                score = finder.score_ngram(measures.likelihood_ratio, *gram)
            except ValueError:      # NLTK's formula fails on degenerate counts ("Kiev Kiev Kiev"): no score, no row
                continue
            if score is None:
                continue
            sentences = sorted(sentences_of.get(gram, ()))
            rows.append({"ngram": " ".join(gram), "n": n, "count": finder.ngram_fd[gram],
                         "likelihood_ratio": round(score, 2),
                         "sentence_ids": ";".join(map(str, sentences))})
    # Rows sorted in Python (n, then score descending, then n-gram), the order sort_values gave.
    rows.sort(key=lambda row: (row["n"], -row["likelihood_ratio"], row["ngram"]))
    return pd.DataFrame(rows, columns=["ngram", "n", "count", "likelihood_ratio", "sentence_ids"])
