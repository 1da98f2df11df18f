"""The one-pass word tokenizer gives NLTK's word tokens, span for span, on text written to exercise its rules."""

import pytest
from nltk.tokenize import NLTKWordTokenizer

from newslens.text.segment import tokenize_words
from newslens.text.article import Sentence
from newslens.text.words import word_spans, word_tokens

SENTENCES = [
    # contractions and clitics
    "Ankara's drones won't stop, and they can't say they're sure; I'm told we'll see what he'd do.",
    "Kiev’s army doesn’t agree, nor do the students' unions.",
    "They cannot wait: gonna, gotta, wanna, gimme and lemme are split, 'tis said, as is d'ye and more'n.",
    "He DOESN'T know, SHE'LL go, O'Brien's aides said 'no' to the '90s rock 'n roll.",
    # quotes
    '"We will respond," Erdogan said, calling it “drone diplomacy” and ‘a balance’.',
    "He said ''never again'' and `perhaps` with ``backticks''.",
    'The minister added: "Nothing has changed."',
    "It was the “end.”",
    # dashes, brackets, symbols
    "The war -- which began in 2014 — and the truce–talks (in Minsk) [sic] cost $3.5bn, or 4% of GDP & more!",
    "Why? Because... nobody knew... *really* @ #news",
    # abbreviations and numbers
    "Mr. Lavrov met Dr. Smith of the U.S. State Dept. at 10:30 a.m. on Jan. 5, with 3,000 troops and 1.5 million.",
    "Talks were held in the U.S.",
    "It is, e.g., a case for the U.N.; i.e. not for NATO etc.",
    # URLs and e-mail addresses
    "See https://www.example.org/path?a=1&b=2, or mail press@example.com: http://x.org.",
    # white space other than single spaces
    "Two  spaces,\ta tab and\u00a0a no-break space.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_spans_match_nltk(text):
    assert word_spans(text) == list(NLTKWordTokenizer().span_tokenize(text))


def test_word_tokens_are_the_spans_texts():
    text = SENTENCES[0]
    assert word_tokens(text) == [text[s:e] for s, e in word_spans(text)]
    assert word_tokens("Kiev's") == ["Kiev", "'s"]
    assert word_tokens("They won't.") == ["They", "wo", "n't", "."]


def test_tokens_keep_body_offsets():
    body = "First one. Ankara's drones won't stop."
    sentences = [Sentence(1, 1, 0, 10, body[:10]), Sentence(2, 1, 11, len(body), body[11:])]
    tokens = tokenize_words(sentences, body)
    assert [t.text for t in tokens] == ["First", "one", ".", "Ankara", "'s", "drones", "wo", "n't", "stop", "."]
    assert all(body[t.start:t.end] == t.text for t in tokens)
    assert [t.id for t in tokens] == list(range(1, 11))
    assert [t.sentence_id for t in tokens] == [1] * 3 + [2] * 7
