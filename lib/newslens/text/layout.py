"""A text rebuilt from its sentences and their offsets, for stages that are given sentences, not a body.

The Russian and Ukrainian place and term finders (``places.cyrillic``, ``framing.cyrillic``) take a list of
sentences; their offsets must still point into the text the sentences came from, and the keyword-in-context
view needs that text.
"""

from __future__ import annotations


def layout(sentences: list[str], starts=None, sentence_ids=None, paragraph_ids=None):
    """(text, starts, sentence ids, paragraph ids) of ``sentences``: the text they came from, rebuilt with
    each sentence at its offset (one space between sentences when no offsets are given), ids 1 up and
    paragraph 1 when none are given. Checks that the lists agree."""
    n = len(sentences)
    if any(not isinstance(s, str) for s in sentences):
        raise TypeError("sentences must be a list of strings")
    if starts is None:
        starts, at = [], 0
        for s in sentences:
            starts.append(at)
            at += len(s) + 1
    for name, values in (("starts", starts), ("sentence_ids", sentence_ids), ("paragraph_ids", paragraph_ids)):
        if values is not None and len(values) != n:
            raise ValueError(f"{name} has {len(values)} values for {n} sentences")
    ends = [a + len(s) for a, s in zip(starts, sentences)]
    if any(b < e for e, b in zip(ends, starts[1:])):
        raise ValueError("starts must be in order and sentences must not overlap")
    parts, at = [], 0
    for a, s in zip(starts, sentences):
        parts.append(" " * (a - at) + s)
        at = a + len(s)
    sentence_ids = list(sentence_ids) if sentence_ids is not None else list(range(1, n + 1))
    paragraph_ids = list(paragraph_ids) if paragraph_ids is not None else [1] * n
    return "".join(parts), list(starts), sentence_ids, paragraph_ids
