"""Word tokens of a sentence in one pass of one compiled regular expression, as NLTK's word tokenizer makes them.

NLTK's ``NLTKWordTokenizer`` (the Treebank tokenizer with Unicode quotes) runs some thirty regular-expression
substitutions over each sentence, each through NLTK's timeout-guarded ``regex`` calls, and then finds every
token again in the sentence to recover its offsets: about 6 ms of a 900-word article. Every one of its rules
only inserts spaces (or turns a double quote into `` or ''), so its tokens are pieces of the sentence: the
split-off pieces (quotes, punctuation, clitics such as "'s" and "n't", the sentence's final period, the halves
of "cannot" and "gonna") are found here by one compiled regular expression, with lookarounds standing in for
the spaces that earlier rules would have inserted, and the text between them, split on white space, gives the
remaining tokens. The expression runs only over the white-space-delimited runs that are not plain letters and
digits (most runs are one word and one token), so the cost is linear in the sentence's length.

Checked token for token against NLTK on the seed and every demo article (``bench/tokenizer_diff.py``, results
in ``bench/results/tokenizer_diff.md``): no difference. On 20,000 strings glued at random from contractions,
quotes, dashes, abbreviations, numbers and URLs to find differences, one differs (four straight single quotes
after a sentence's final abbreviation); runs of four or more commas or colons would too.
"""

from __future__ import annotations

import re

# Characters NLTK always splits off on both sides: ; @ # $ % & * ? !, figure/en/em dashes and the horizontal bar,
# and brackets.
_SPLIT_CHARS = r";@#$%&*?!\u2012-\u2015\[\](){}<>"
# A sentence's final period: what may follow it is closing brackets, quotes and spaces, then any white space to the
# end. A " or '' after a space or an opening bracket is an opening quote to NLTK (``) and does not count.
_FINAL = r"\.(?=(?:[\]\)}>»”’ ]|(?<![\s(\[{<])\"|(?<![\s(\[{<'])''|'(?!'))*+\s*$)"
# A closing single quote NLTK splits off before it pads brackets and double quotes.
_CLOSING_QUOTE = r"'(?= |[;@#$%&?!\u2012-\u2015«“‘„]|\.\.|[:,](?!\d)|" + _FINAL + ")"


# NLTK splits "'tis" and "'twas" ("'t" "is") only where an earlier contraction split put a space before them.
_AFTER_TIS = ("cannot", "d'ye", "gimme", "gonna", "gotta", "lemme", "more'n")


def _piece_pattern(final: str, closing_quote: str) -> re.Pattern:
    breaks = (r"\s|$|[«“‘„»”’`\"" + _SPLIT_CHARS + r"]|''|\.\.|--|[:,](?!\d)|(?<=[^.])" + final
              + r"|(?<=[^'])" + closing_quote)
    boundary = "(?=" + breaks + ")"
    # NLTK splits "'s 'm 'd '" before "'ll 're 've n't": the latter also end where one of the former is split off.
    boundary2 = "(?=(?:'[sSmMdD]|')?(?:" + breaks + "))"
    return re.compile(
        r"[«“‘„»”’]"                                    # curly quotes, each alone
        r"|``|`|''|\""                                  # backticks in pairs, '' and "
        r"|\.{2,}|--"                                   # ellipses, double hyphens
        r"|[" + _SPLIT_CHARS + r"]"
        r"|(?<![:,])[:,](?!\d)|(?<=[:,][:,])[:,](?!\d)"  # a comma or colon not before a digit (NLTK's match of
                                                        # one swallows the character after it: ",," splits once)
        r"|(?<=[^.])" + final +                         # the sentence's final period
        r"|(?:'[sSmMdD]|')" + boundary +                # clitics and a closing single quote at a word's end
        r"|(?:'ll|'LL|'re|'RE|'ve|'VE|n't|N'T)" + boundary2 +
        r"|(?<!\w)'(?!(?i:re|ve|ll|m|t|s|d|n)\b)(?=\w)"  # an opening single quote
        # Robert MacIntyre's contractions, both halves ("cannot" -> "can" "not"), and "'tis"/"'twas" after one.
        r"|(?i:\bcan(?=not\b)|(?<=\bcan)not\b|\bd(?='ye\b)|(?<=\bd)'ye\b|\bgim(?=me\b)|(?<=\bgim)me\b"
        r"|\bgon(?=na\b)|(?<=\bgon)na\b|\bgot(?=ta\b)|(?<=\bgot)ta\b|\blem(?=me\b)|(?<=\blem)me\b"
        r"|\bmore(?='n\b)|(?<=\bmore)'n\b|\bwan(?=na" + boundary2 + r")|(?<=\bwan)na" + boundary2 +
        r"|(?:" + "|".join(f"(?<=\\b{w})" for w in _AFTER_TIS) + r")'t(?=(?:is|was)\b)"
        r"|(?:" + "|".join(f"(?<=\\b{w}'t)" for w in _AFTER_TIS) + r")(?:is|was)\b)"
    )


# Three forms of one pattern. _PIECE sees the whole sentence, for its last words (where the final period may be).
# The others are run on one white-space-delimited run at a time (``endpos`` at its end, so ``$`` stands for the
# white space after it, and the scan never leaves the run), where no period can be the final one:
# _PIECE_BEFORE_SPACE for a run followed by a space, _PIECE_BEFORE_OTHER for one followed by a tab or line break
# (NLTK's closing-quote rule looks for a space).
_PIECE = _piece_pattern(_FINAL, _CLOSING_QUOTE)
_PIECE_BEFORE_SPACE = _piece_pattern("(?!)", "'(?=$|" + _CLOSING_QUOTE.replace(_FINAL, "(?!)")[len("'(?= |"):])
_PIECE_BEFORE_OTHER = _piece_pattern("(?!)", _CLOSING_QUOTE.replace(_FINAL, "(?!)"))

_RUN = re.compile(r"\S+")
# Words NLTK splits in two although they hold only letters ("cannot" -> "can" "not").
_CONTRACTED = frozenset({"cannot", "gimme", "gonna", "gotta", "lemme", "wanna"})


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word token of one sentence, in order: NLTK's ``span_tokenize`` spans."""
    spans: list[tuple[int, int]] = []
    runs = [m.span() for m in _RUN.finditer(text)]
    # The sentence's tail: its last run holding more than closing brackets and quotes, and the runs after it.
    tail = len(runs)
    while tail > 0:
        tail -= 1
        s, e = runs[tail]
        if text[s:e].strip("])}>»”’\"'"):
            break
    for s, e in runs[:tail]:
        run = text[s:e]
        if run.isalnum() and run.lower() not in _CONTRACTED:
            spans.append((s, e))            # most runs: a plain word, one token
        else:
            pattern = _PIECE_BEFORE_SPACE if text[e] == " " else _PIECE_BEFORE_OTHER
            _split_run(text, pattern.finditer(text, s, e), s, e, spans)
    if runs:
        _split_run(text, _PIECE.finditer(text, runs[tail][0]), runs[tail][0], len(text), spans)
    return spans


def _split_run(text: str, pieces, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """The pieces found in text[start:end] and the white-space-delimited text between them, in order."""
    pos = start
    for m in pieces:
        s = m.start()
        if s > pos:
            spans.extend(w.span() for w in _RUN.finditer(text, pos, s))
        spans.append(m.span())
        pos = m.end()
    if pos < end:
        spans.extend(w.span() for w in _RUN.finditer(text, pos, end))


def word_tokens(text: str) -> list[str]:
    """The word tokens of one sentence as strings (NLTK's ``tokenize``, but quotes keep their own characters)."""
    return [text[s:e] for s, e in word_spans(text)]
