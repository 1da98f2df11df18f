"""The loader on the seed article: every expectation below was checked by reading the seed file."""

import re

import pytest

import newslens
from newslens.paths import REPO_ROOT
from newslens.text.article import normalise_quotes


def test_metadata(seed_article):
    meta = seed_article.meta
    assert meta.title == "The Genie's Out of the Bottle after Kiev's Turkish Drones Strike Donbass"
    assert meta.author == "Andrew Korybko"
    assert meta.date == "2021-10-27"
    assert meta.publisher == "Global Research"
    assert meta.regions == ["Europe", "Russia and FSU"]
    assert meta.themes == ["Militarization and WMD"]
    assert meta.original_source == "OneWorld"


def test_body_is_the_ten_paragraphs(seed_article):
    paras = seed_article.paragraphs
    assert len(paras) == 10
    assert paras[0].text.startswith("I wrote earlier this summer")
    assert paras[-1].text.endswith("given the new circumstances.")
    assert [p.id for p in paras] == list(range(1, 11))


@pytest.mark.parametrize("boilerplate", [
    "Translate Website", "Instagram", "share buttons", "internet forums", "originally published",
    "Moscow-based", "Featured image", "Copyright", "Facebook", "Become a Member", "Disclaimer",
    "fair use", "media inquiries", "globalresearch.ca", "About the author",
])
def test_no_boilerplate_in_body(seed_article, boilerplate):
    assert boilerplate.lower() not in seed_article.body.lower()


def test_every_removed_line_has_a_reason(seed_article):
    reasons = {r.line_no: r.reason for r in seed_article.report.removed}
    assert reasons[13] == "translation notice"
    assert reasons[15] == "social media plug"
    assert reasons[49] == "author bio" and reasons[64] == "author bio"
    assert reasons[54] == "copyright"
    assert reasons[68] == "fair-use notice"
    assert reasons[70] == "media contact"
    # 5 metadata lines, 2 notices above the body, the "*" marker and 15 footer lines.
    assert len(reasons) == 23
    assert all(r.reason for r in seed_article.report.removed)


def test_markdown_links_reduced_to_text(seed_article):
    assert "](" not in seed_article.body and "[" not in seed_article.body
    assert seed_article.report.links_unwrapped == 5
    assert "drone sales to Ukraine, Poland, and perhaps" in seed_article.body


def test_broken_paragraph_is_rejoined(seed_article):
    joined = seed_article.report.joined
    assert len(joined) == 1
    assert joined[0]["line_no"] == 25 and joined[0]["continued_at_line_no"] == 27
    p4 = seed_article.paragraphs[3]
    assert "there's nothing that Ankara can do to restrain its partner. To the contrary" in p4.text


def test_standfirst_is_flagged_not_counted(seed_article):
    sf = seed_article.standfirst
    assert sf.text.startswith("Now that Kiev is in possession")
    assert sf.duplicate_of == 4
    assert seed_article.body[sf.body_start:sf.body_end] == sf.text
    # Counted once: the lede's sentence appears exactly once among the body sentences.
    assert sum(s.text == sf.text for s in seed_article.sentences) == 1
    assert seed_article.body.count("Now that Kiev is in possession") == 1


def test_sentences_and_offsets(seed_article):
    sents = seed_article.sentences
    assert len(sents) == 25
    assert sents[0].text.startswith("I wrote earlier this summer")
    assert sents[-1].text.startswith("Hopefully that won't happen")
    for s in sents:
        assert seed_article.body[s.start:s.end] == s.text
    # Sentences per paragraph, read off the article.
    per_para = [sum(s.paragraph_id == p for s in sents) for p in range(1, 11)]
    assert per_para == [2, 3, 2, 3, 3, 2, 2, 3, 2, 3]


def test_tokens_point_into_the_body(seed_article):
    for t in seed_article.tokens:
        assert seed_article.body[t.start:t.end] == t.text
    texts = [t.text for t in seed_article.tokens]
    assert "Turkish-Ukrainian" in texts          # compounds stay whole
    i = texts.index("Kiev")
    assert texts[i + 1] == "'s"                   # possessive split off, not counted as a word
    assert len(seed_article.words) == len(re.findall(r"[A-Za-z0-9][\w'\u2019-]*", seed_article.body))


def test_quotes_kept_as_written_with_normalised_view(seed_article):
    body = seed_article.body
    assert "\u201cdrone diplomacy\u201d" in body       # curly, as printed
    assert '"drone diplomacy"' in body                 # straight, as printed elsewhere
    norm = seed_article.normalised_body
    assert len(norm) == len(body)
    assert "\u201c" not in norm and norm.count('"drone diplomacy"') == 3
    assert normalise_quotes("\u2018x\u2019") == "'x'"


def test_plain_text_format():
    path = REPO_ROOT / "tests/fixtures/loader/plain_article.txt"
    article = newslens.load_article(path)
    assert article.report.input_format == "plaintext"
    assert article.meta.title == "Harbour Talks Stall in Gdansk"
    assert article.meta.author == "Jane Example"
    assert article.meta.date == "2024-03-05"
    assert len(article.paragraphs) == 2
    # Lines inside one paragraph are joined with a space.
    assert "left early, and the talks were adjourned" in article.paragraphs[0].text
    assert len(article.sentences) == 4
    assert article.standfirst is None


def test_sentence_at(seed_article):
    s = seed_article.sentences[5]
    assert seed_article.sentence_at(s.start + 3) == s
    # Between sentences (the blank line between two paragraphs): the sentence before; past the end: the last.
    assert seed_article.sentence_at(seed_article.paragraphs[1].start - 1) == seed_article.sentences[1]
    assert seed_article.sentence_at(len(seed_article.body) + 10) == seed_article.sentences[-1]


def test_article_on_one_line_is_all_body(seed_article, tmp_path):
    # How CSV and JSON Lines exports give an article: no title, no paragraph breaks.
    path = tmp_path / "one_line.txt"
    path.write_text(" ".join(p.text for p in seed_article.paragraphs) + "\n", encoding="utf-8")
    article = newslens.load_article(path)
    assert article.meta.title == ""
    assert len(article.sentences) == len(seed_article.sentences) and len(article.words) == len(seed_article.words)


def test_utf16_with_byte_order_mark_is_decoded(seed_article, tmp_path):
    path = tmp_path / "utf16.txt"
    text = "A title\n\n" + "\n\n".join(p.text for p in seed_article.paragraphs) + "\n"
    path.write_bytes(text.encode("utf-16"))              # little-endian with its BOM on this machine
    before = path.read_bytes()
    article = newslens.load_article(path)
    assert article.report.encoding == "utf-16-le" and article.meta.title == "A title"
    assert article.body == seed_article.body
    assert path.read_bytes() == before


def test_text_from_a_table_row_names_its_row():
    from newslens.text.loader import load_text

    with pytest.raises(newslens.ArticleInputError, match=r"^exports.csv row 7: contains only whitespace$"):
        load_text("   \n ", "exports.csv row 7", "body")


def test_plain_text_byline_and_date_on_consecutive_lines(tmp_path):
    path = tmp_path / "byline_date.txt"
    path.write_text("Talks resume in Gdansk\n\nBy Maria Kovalenko\n2023-03-14\n\n"
                    "Negotiators met again on Monday. They said little.\n\nThe talks go on.\n", encoding="utf-8")
    article = newslens.load_article(path)
    assert article.meta.author == "Maria Kovalenko"
    assert article.meta.date == "2023-03-14"
    assert [(r.line_no, r.text, r.reason) for r in article.report.removed] == [
        (1, "Talks resume in Gdansk", "metadata: title"),
        (3, "By Maria Kovalenko", "metadata: byline"),
        (4, "2023-03-14", "metadata: date"),
    ]
    assert article.body.startswith("Negotiators met again")
    # A date line alone stays a date; a byline on one line with the date is left as it was.
    path.write_text("Talks resume\n\n2023-03-14\n\nNegotiators met again on Monday.\n\nMore.\n", encoding="utf-8")
    assert newslens.load_article(path).meta.date == "2023-03-14"


@pytest.mark.parametrize("byline, author, date", [
    ("By bne IntelliNews October 27, 2021", "bne IntelliNews", "2021-10-27"),
    ("By Jane Roe, 27 October 2021", "Jane Roe", "2021-10-27"),
    ("By John Smith | Sept. 5, 2022", "John Smith", "2022-09-05"),
    ("By Jane Roe", "Jane Roe", None),
])
def test_a_date_at_the_end_of_a_byline_is_the_date_not_part_of_the_author(tmp_path, byline, author, date):
    path = tmp_path / "byline.txt"
    path.write_text(f"Drones over Donbas\n\n{byline}\n\nUkraine used a drone in Donbas, the army said on "
                    "Wednesday.\n", encoding="utf-8")
    meta = newslens.load_article(path).meta
    assert (meta.author, meta.date) == (author, date)
