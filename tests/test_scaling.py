"""Long text: the seed body repeated 16 times (about 12,800 words) is analysed in full, and its counts scale
with the text. A step whose cost grows with the square of the length would make this test hang, which is
what it guards against; it asserts counts, never times."""

import pytest

import newslens
from newslens.paths import REPO_ROOT

REPEATS = 16
INTRO = "This file holds one text many times over."      # 8 words, one sentence, no lexicon term or place


@pytest.fixture(scope="module")
def seed_and_repeated(tmp_path_factory):
    seed = newslens.analyze(newslens.seed_path())
    body = "\n\n".join(p.text for p in seed.article.paragraphs)
    path = tmp_path_factory.mktemp("long") / "repeated.txt"
    # A first paragraph of its own: a first paragraph that the body repeats would be read as a standfirst.
    path.write_text("The seed body, sixteen times\n\n" + INTRO + "\n\n" + "\n\n".join([body] * REPEATS) + "\n",
                    encoding="utf-8")
    return seed, newslens.analyze(path, newslens.Options(extras="all"))


def test_sentences_and_words_scale(seed_and_repeated):
    seed, long = seed_and_repeated
    assert len(long.article.sentences) == REPEATS * len(seed.article.sentences) + 1
    assert len(long.article.words) == REPEATS * len(seed.article.words) + 8


def test_framing_term_counts_scale(seed_and_repeated):
    seed, long = seed_and_repeated
    once = seed["terms"].set_index("term")["count"]
    many = long["terms"].set_index("term")["count"]
    assert (many == REPEATS * once).all()
    assert many["drone diplomacy"] == REPEATS * 3


def test_place_and_actor_mentions_scale(seed_and_repeated):
    seed, long = seed_and_repeated
    assert len(long["place_mentions"]) == REPEATS * len(seed["place_mentions"])
    assert len(long["actor_mentions"]) == REPEATS * len(seed["actor_mentions"])


def test_repeated_passages_are_found(seed_and_repeated):
    _, long = seed_and_repeated
    cues = long["cues"]
    duplicated = cues[cues["evidence_type"] == "duplicated paragraph"]
    assert len(duplicated) == 10                                  # every paragraph of the body ...
    assert set(duplicated["occurrences"]) == {REPEATS}            # ... found at each of its 16 places
    # The seed's own repeated phrase lies inside a duplicated paragraph, so it is not reported again.
    assert not (cues["evidence_type"] == "repeated n-gram (>= 5 words)").any()


def test_body_compound_saturates_but_sentence_mean_does_not(seed_and_repeated):
    seed, long = seed_and_repeated
    once = seed["sentences"]["vader_compound"].tolist()
    assert long["sentences"]["vader_compound"].tolist()[1:] == once * REPEATS     # after the intro sentence
    tone = long["article_tone"].set_index("measure")["value"]
    assert tone["vader_body_compound"] <= -0.999 < seed["article_tone"].set_index("measure")["value"]["vader_body_compound"]


def test_repeated_ngrams_within_a_paragraph():
    from newslens.framing.cues import repeated_ngrams

    path = REPO_ROOT / "tests/fixtures/framing/repetition.txt"
    found = dict(repeated_ngrams(newslens.load_article(path)))
    # The fixture's two repeated passages are whole sentence and paragraph; the longest repeat in each wins.
    assert "the regime in the capital has lost control of the northern provinces" in found
    assert "supply lines run through the mountains and across the river to the coast" in found
