"""newslens's one-pass word tokenizer (`newslens.text.words`) against NLTK's `NLTKWordTokenizer`, token for token.

Compared: every sentence of the seed and of every article in corpus/demo (as the loader splits them), and every
form of the framing lexicon and the loaded-words list (the forms are tokenized the way article text is). A
difference is a sentence whose (start, end) spans differ; each one is listed with the tokens on either side.
Then the same on text made to find differences: random strings glued from contractions, quotes, dashes,
abbreviations, numbers and URLs (fixed seed), whose differences are summarised by kind.

    python bench/tokenizer_diff.py      # writes bench/results/tokenizer_diff.md
"""

from __future__ import annotations

import csv
import random
import time

import newslens
from nltk.tokenize import NLTKWordTokenizer
from newslens.paths import DATA_DIR, REPO_ROOT
from newslens.text.words import word_spans

RESULTS = REPO_ROOT / "bench" / "results"
DEMO = REPO_ROOT / "corpus" / "demo"
PIECES = ["can", "not", "cannot", "don't", "won't", "Kiev's", "students'", "'s", "'", "''", '"', "``", "“", "”",
          "‘", "’", "U.S.", ".", "...", ",", ":", "3,000", "10:30", "http://x.org/a?b=1", "--", "—", "-", "(", ")",
          "[", "]", "$", "%", "&", "@", "#", "*", "?", "!", ";", "gonna", "wanna", "gimme", "'tis", "d'ye", "more'n",
          "O'Brien", "'90s", "rock", "'n", "I'm", "we'll", "they're", "I'd", "they've", "CAN'T", "it’s", " ", " ",
          "e.g.", "x", "1"]


def compare(texts, nltk_tok) -> tuple[int, list[tuple[str, list[str], list[str]]]]:
    tokens, differences = 0, []
    for text in texts:
        ref = list(nltk_tok.span_tokenize(text))
        got = word_spans(text)
        tokens += len(ref)
        if ref != got:
            differences.append((text, [text[s:e] for s, e in ref], [text[s:e] for s, e in got]))
    return tokens, differences


def lexicon_forms() -> list[str]:
    forms = set()
    for name in ("framing_lexicon.csv", "loaded_words.csv"):
        with open(DATA_DIR / name, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for key in ("term", "variants", "word"):
                    for value in (row.get(key) or "").split("|"):
                        if value.strip():
                            forms.add(value.strip())
    return sorted(forms)


def fuzz_texts(n: int, seed: int = 20261205) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) + (" " if rng.random() < 0.6 else "") for _ in range(rng.randint(1, 12)))
            for _ in range(n)]


def kind(text: str, ref: list[str], got: list[str]) -> str:
    if "'" * 3 in text:
        return "three or more straight single quotes in a row"
    if any(c + d in text for c in ",:" for d in ",:"):
        return "a run of commas or colons (NLTK's match of one swallows the character after it)"
    if "\t" in text:
        return "a tab where NLTK's rules look for a space"
    return "other"


def main() -> None:
    nltk_tok = NLTKWordTokenizer()
    paths = [newslens.seed_path()] + sorted(DEMO.rglob("*.txt"))
    sentences = [s.text for p in paths for s in newslens.load_article(p).sentences]
    t = time.perf_counter()
    for text in sentences:
        list(nltk_tok.span_tokenize(text))
    nltk_s = time.perf_counter() - t
    t = time.perf_counter()
    for text in sentences:
        word_spans(text)
    ours_s = time.perf_counter() - t
    n_tokens, diffs = compare(sentences, nltk_tok)
    forms = lexicon_forms()
    n_form_tokens, form_diffs = compare(forms, nltk_tok)
    fuzz = fuzz_texts(20000)
    n_fuzz_tokens, fuzz_diffs = compare(fuzz, nltk_tok)
    kinds: dict[str, list] = {}
    for d in fuzz_diffs:
        kinds.setdefault(kind(*d), []).append(d)

    lines = ["# Word tokens: newslens's one-pass regular expression against NLTK's word tokenizer", "",
             f"Measured {time.strftime('%Y-%m-%d')} by `python bench/tokenizer_diff.py`. Spans compared token for token "
             "((start, end) in each sentence).", "",
             "| text | sentences or forms | NLTK tokens | sentences that differ |", "|---|---:|---:|---:|",
             f"| the seed and the {len(paths) - 1} demo articles | {len(sentences):,} | {n_tokens:,} | {len(diffs)} |",
             f"| framing lexicon and loaded-words forms | {len(forms):,} | {n_form_tokens:,} | {len(form_diffs)} |",
             f"| made-up text to find differences (random glue of contractions, quotes, dashes, abbreviations, "
             f"numbers, URLs) | {len(fuzz):,} | {n_fuzz_tokens:,} | {len(fuzz_diffs)} |", "",
             f"Time to tokenize the seed's and demo articles' sentences (one warm process, a shared 2-core machine): "
             f"NLTK {nltk_s:.3f} s, newslens {ours_s:.3f} s ({nltk_s / ours_s:.0f}x faster).", ""]
    for title, found in (("Seed and demo articles", diffs), ("Lexicon forms", form_diffs)):
        lines += [f"## {title}", ""]
        if not found:
            lines += ["No difference: every token has the same start and end.", ""]
        for text, ref, got in found:
            lines += [f"- `{text}`", f"  - NLTK: {ref}", f"  - newslens: {got}"]
    lines += ["## Made-up text: the differences by kind", "",
              "Text built to break the tokenizer; none of these patterns occurs in the seed or the demo corpus.", ""]
    for name, found in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        lines += [f"- {name}: {len(found)} texts, for example:"]
        for text, ref, got in found[:3]:
            lines += [f"  - `{text!r}`: NLTK {ref}, newslens {got}"]
    (RESULTS / "tokenizer_diff.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

