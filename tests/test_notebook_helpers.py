"""Functions the notebooks call between the stages and the display: the tables and findings of notebook 00,
contested sentences of 01, the place examples of 03, the corpus notebooks' corpus, comparison figures and
findings of 05. Each on the seed or on a small corpus written here, with what a reader of the notebook sees."""

import re

import matplotlib

matplotlib.use("Agg")   # no display in the test run; must precede pyplot

import matplotlib.pyplot as plt
import pytest

import newslens
from newslens.compare import compare_figures, compare_tables, read_corpus
from newslens.compare.naming import load_variants, variants_version
from newslens.corpus import corpus_for_notebooks
from newslens.framing.lexicon import load_lexicon
from newslens.paths import DATA_DIR, REPO_ROOT, display_path
from newslens.places.examples import example_paths
from newslens.report.findings import article_findings, commentary_for, compare_findings, seed_commentary
from newslens.sentiment.agreement import contested_sentences
from newslens.sentiment.tables import sentiment_tables
from newslens.text.tables import paragraphs_frame, removed_lines_frame, sentences_frame

from small_corpora import write_plain_corpus

ARTICLES = [  # (folder, outlet, date, title, body paragraphs): two outlets that spell the same places apart
    ("alpha", "alpha.example", "2022-03-01", "Talks in Kiev",
     ["Officials in Kiev met envoys from Donbass on Monday.",
      "Kiev said the talks would go on. The mood was calm and hopeful."]),
    ("alpha", "alpha.example", "2022-03-05", "Kiev and Donbass",
     ["Kiev is far from Donbass, the envoy said. The people of Lugansk wait for peace."]),
    ("beta", "beta.example", "2022-03-02", "Kyiv under fire",
     ["Shelling hit Kyiv again. Terrible losses were reported in Donbas and Luhansk.",
      "Officials in Kyiv condemned the brutal attack."]),
    ("beta", "beta.example", "2022-03-08", "Donbas front",
     ["Fighting in Donbas killed many. The war is a disaster for Ukraine and its people."]),
]


# 00 · the article as data ---------------------------------------------------------------------------------
def test_display_path_is_relative_to_the_repository_and_never_a_machine_path(tmp_path):
    assert display_path(newslens.seed_path()) == \
        "seeds/globalresearch_2021-10-27_korybko_genie-out-of-the-bottle.txt"
    assert display_path(REPO_ROOT / "notebooks" / ".." / "README.md") == "README.md"
    outside = tmp_path / "mine" / "article.txt"
    assert display_path(outside) == "article.txt"              # outside the repository: the name alone
    assert display_path("relative/article.txt") == "relative/article.txt"


def test_removed_lines_of_the_seed_page_with_their_reasons(seed_article):
    removed = removed_lines_frame(seed_article)
    assert list(removed.columns) == ["line_no", "reason", "text"]
    assert len(removed) == len(seed_article.report.removed) == 23
    first = removed.iloc[0]
    assert (first["line_no"], first["reason"]) == (3, "metadata: title")
    assert first["text"].startswith("The Genie's Out of the Bottle")
    assert removed["line_no"].is_monotonic_increasing              # file order
    assert (removed["reason"] == "author bio").sum() == 2          # the page prints the bio twice
    body = " ".join(s.text for s in seed_article.sentences)
    assert "Become a Member of Global Research" not in body


def test_article_findings_sum_up_the_seed_cleaning_and_body(seed_article):
    removed, paragraphs, sentences = (removed_lines_frame(seed_article), paragraphs_frame(seed_article),
                                      sentences_frame(seed_article))
    items = article_findings(seed_article, removed, paragraphs, sentences)
    assert items[0] == "Input read as globalresearch (utf-8)."
    assert items[1].startswith("The cleaning removed 23 lines, each with a recorded reason: metadata (5);")
    assert "a standfirst that body paragraph 4 repeats" in items[2]
    assert items[3] == (f"The body: 10 paragraphs, {len(sentences)} sentences, {int(sentences['words'].sum())} "
                        f"words; median sentence {sentences['words'].median():g} words, the longest sentence "
                        f"{int(sentences.loc[sentences['words'].idxmax(), 'sentence_id'])} "
                        f"({int(sentences['words'].max())} words).")


def test_article_findings_on_a_plain_text_with_only_a_title_to_remove(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Council approves budget\n\nThe council met on Monday. It approved the budget.\n\n"
                    "The mayor was pleased.\n", encoding="utf-8")
    article = newslens.load_article(path)
    removed = removed_lines_frame(article)
    assert list(zip(removed["line_no"], removed["reason"], removed["text"])) == \
        [(1, "metadata: title", "Council approves budget")]
    items = article_findings(article, removed, paragraphs_frame(article), sentences_frame(article))
    assert items[1] == "The cleaning removed 1 line, each with a recorded reason: metadata (1)."
    assert items[2].startswith("No repair was needed")
    assert items[3].startswith("The body: 2 paragraphs, 3 sentences, 13 words; ")


def test_commentary_is_shown_only_where_it_was_checked(seed_article, tmp_path):
    assert commentary_for(False, "00_article/page") is None
    shown = commentary_for(True, "00_article/page")
    assert "checked by hand" in str(shown) and "shown only for it" in str(shown)
    other = tmp_path / "other.txt"
    other.write_text("Kiev said the talks would go on.\n", encoding="utf-8")
    assert seed_commentary(newslens.load_article(other), "00_article/page") is None
    assert str(seed_commentary(seed_article, "00_article/page")) == str(shown)


# 01 · sentiment --------------------------------------------------------------------------------------------
def test_contested_sentences_are_those_whose_lexicons_disagree_in_sign(seed_article):
    scores = sentiment_tables(seed_article, intervals=False)["sentence_sentiment.csv"]
    contested = contested_sentences(scores, seed_article)
    assert list(contested["sentence_id"]) == list(scores.loc[scores["contested"], "sentence_id"])
    assert 0 < len(contested) < len(scores)
    first = contested.iloc[0]
    assert first["sentence_id"] == 1 and first["contested_signs"] == "vader:+; textblob:-; nrc:+"
    assert first["vader_compound"] > 0 > first["textblob_polarity"]
    text_of = {s.id: s.text for s in seed_article.sentences}
    assert list(contested["text"]) == [text_of[i] for i in contested["sentence_id"]]
    assert 11 not in set(contested["sentence_id"])                 # "war": negative for all three


# 02 · framing ---------------------------------------------------------------------------------------------
def test_the_lexicon_as_a_table_has_a_row_per_entry_with_its_variants():
    lexicon = load_lexicon()
    frame = lexicon.to_frame()
    assert list(frame.columns) == ["term", "variants", "match", "category", "cue", "alternative", "source"]
    assert list(frame["term"]) == [e.term for e in lexicon.entries]
    invasion = frame[frame["term"] == "invasion"].iloc[0]
    assert (invasion["variants"], invasion["match"], invasion["category"]) == ("invade", "lemma", "conflict_label")
    kiev = frame[(frame["term"] == "Kiev") & (frame["category"] == "naming_choice")].iloc[0]
    assert (kiev["variants"], kiev["alternative"]) == ("", "Kyiv")
    several = [e for e in lexicon.entries if len(e.variants) > 1]
    assert several                               # variants are joined in their order, none lost
    row = frame[(frame["term"] == several[0].term) & (frame["category"] == several[0].category)].iloc[0]
    assert row["variants"].split("|") == list(several[0].variants)


# 03 · places -----------------------------------------------------------------------------------------------
def test_place_examples_are_the_shipped_texts_in_name_order():
    paths = example_paths()
    assert [p.name for p in paths] == sorted(p.name for p in paths)
    assert {"moscow_idaho.txt", "namesakes.txt"} <= {p.name for p in paths}
    moscow = next(p for p in paths if p.name == "moscow_idaho.txt")
    assert "Moscow" in moscow.read_text(encoding="utf-8")


# 05 · comparing outlets ------------------------------------------------------------------------------------
def test_variants_version_is_the_one_recorded_beside_the_table():
    notes = (DATA_DIR / "naming_variants.md").read_text(encoding="utf-8").splitlines()
    recorded = [line.split(":", 1)[1].strip() for line in notes if line.startswith("version:")]
    assert [variants_version()] == recorded and re.fullmatch(r"\d+\.\d+\.\d+", variants_version())
    assert {"Kiev", "Kyiv"} <= set(load_variants()["form"])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("two_outlets")
    folder, out = root / "in", root / "out"
    write_plain_corpus(folder, ARTICLES)
    tables_dir = corpus_for_notebooks(folder, out, workers=1)
    corpus = read_corpus(tables_dir)
    return tables_dir, out, corpus, compare_tables(tables_dir, corpus=corpus)


def test_corpus_for_notebooks_analyses_the_input_or_reads_an_earlier_run(corpus, tmp_path):
    tables_dir, out, data, _ = corpus
    assert tables_dir == out and (out / "articles.parquet").exists()
    assert sorted(data["articles"]["outlet"].unique()) == ["alpha.example", "beta.example"]
    # corpus_out alone is an earlier run, read as it is: nothing is analysed into it
    never = tmp_path / "never_run"
    assert corpus_for_notebooks(None, never) == never and not never.exists()


def test_compare_findings_name_each_outlets_spelling(corpus):
    _, _, _, tables = corpus
    items = compare_findings(tables, "outlet")
    assert items[0] == "2 outlets, 4 articles: alpha.example (2), beta.example (2)."
    assert "Kiev / Kyiv: alpha.example writes Kiev (3); beta.example writes Kyiv (2)." in items
    assert "Donbass / Donbas: alpha.example writes Donbass (2); beta.example writes Donbas (2)." in items
    tone = next(i for i in items if i.startswith("Sentence sentiment"))
    assert "lowest beta.example" in tone and "highest alpha.example" in tone     # shelling, losses, war
    assert items[-1] == "No two articles share a passage of 20 words or more."


def test_compare_figures_plot_the_tables_they_come_with(corpus):
    _, _, data, tables = corpus
    figures = compare_figures(tables, data, "outlet")
    try:
        names = [name for name, _, _ in figures]
        assert names == ["tone", "actor_tone", "naming", "framing_rates", "keyness", "timeline", "place_map"]
        plotted = {name: frame for name, _, frame in figures}
        assert len(plotted["timeline"]) == len(ARTICLES)
        assert set(plotted["tone"]["outlet"]) == {"alpha.example", "beta.example"}
        naming = plotted["naming"]
        kyiv = naming[(naming["form"] == "Kyiv") & (naming["outlet"] == "beta.example")]["count"]
        assert list(kyiv) == [2]
    finally:
        for _, fig, _ in figures:
            plt.close(fig)
