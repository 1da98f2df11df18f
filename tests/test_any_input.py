"""No input crashes the per-article entry point: random text, quotation marks and HTML give a result or a
one-line ArticleInputError, never another exception (Hypothesis generates the inputs)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslens
from newslens.text.loader import load_text

QUOTES = "\"'“”‘’«»„‟‹›`"
WORDS = ["Kiev", "Kyiv", "Russia", "Turkey", "said", "the", "war", "drones", "Mr", "Phoenix", "balance", "not",
         "aggression", "is", "a", "of", "in", "and", "Donbass", "’s", "—", ".", ",", "?", "!", "\n", "\n\n", " "]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def analyse_or_refuse(text: str, input_format: str = "auto") -> None:
    try:
        article = load_text(text, "generated", input_format)
    except newslens.ArticleInputError as exc:
        assert str(exc).startswith("generated: ")
        return
    result = newslens.analyze(article, newslens.Options(allow_non_english=True, extras="all"))
    assert len(result["sentences"]) == len(article.sentences)


@SETTINGS
@given(st.text(max_size=400))
def test_any_text(text):
    analyse_or_refuse(text)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(list(QUOTES))), max_size=300))
def test_words_and_quotation_marks(parts):
    analyse_or_refuse(" ".join(parts), "body")


@SETTINGS
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>x()</script>", "<h1>", "</h1>",
                                 "<article>", "</article>", "&amp;", "&quot;", "<br>", "Kiev said “no”.",
                                 "The war in Donbass goes on.", "<html>", "<body>", "<!DOCTYPE html>"]),
                max_size=80))
def test_random_html(parts):
    analyse_or_refuse("<!DOCTYPE html><html><body>" + "".join(parts))


def test_thousands_of_quotation_marks():
    text = "Title\n\n" + " ".join(f"He said {q}yes{q} and {q}no." for q in QUOTES * 300)
    analyse_or_refuse(text)
