"""What notebook 02 reads for the language an article was analysed in: the framing lexicon of that language,
its stop-word policy and the keyness reference (wordfreq's list of the language, and its floor for unseen
words). An English article gets exactly what the notebook showed before languages."""

from __future__ import annotations

from dataclasses import dataclass

from ..framing import cyrillic, cyrillic_keyness, keyness, lexicon as english_lexicon
from ..text.language import LANGUAGE_NAMES
from ..text.stopwords import STOPWORD_POLICY, load_stopwords


@dataclass(frozen=True)
class LanguageLexicon:
    """The Russian or Ukrainian entries of the Cyrillic framing lexicon, read like the English ``Lexicon``."""
    version: str
    entries: tuple
    file: str

    def to_frame(self):
        import pandas as pd   # lazy: only a notebook showing the lexicon needs a frame of it

        return pd.DataFrame([{"term": e.term, "lang": e.lang, "variants": "|".join(e.variants), "match": e.match,
                              "category": e.category, "cue": e.cue, "alternative": e.alternative,
                              "gloss": e.gloss, "source": e.source} for e in self.entries])


@dataclass(frozen=True)
class FramingLanguage:
    code: str                   # en, ru or uk
    name: str                   # English, Russian, Ukrainian
    lexicon: object             # entries of the language: .version, .entries, .to_frame()
    naming_lexicon: object      # what ``framing.tables.naming_pairs`` reads the origin of each name from
    stopword_policy: str
    reference_floor: float      # wordfreq's floor for a word (or lemma) it does not know
    counts: str                 # what keyness counts: "word" or "lemma"


def framing_language(article) -> FramingLanguage:
    """The lexicon, stop-word policy and keyness reference of ``article``'s language."""
    code = article.language
    if code not in cyrillic.CYRILLIC_LANGUAGES:
        english = english_lexicon.load_lexicon()
        return FramingLanguage("en", "English", english, english, STOPWORD_POLICY, keyness.unseen_frequency(),
                               "word")
    both = cyrillic.load_lexicon()
    own = LanguageLexicon(both.version, both.of(code), cyrillic.LEXICON_PATH.name)
    return FramingLanguage(code, LANGUAGE_NAMES[code], own, both, cyrillic_keyness.STOPWORD_POLICY,
                           cyrillic_keyness.unseen_frequency(code), "lemma")


def stopword_lines(language: FramingLanguage) -> str:
    """The stop-word paragraph of notebook 02: the policy, then the list's size and first words (English) or
    the parts of speech (Russian, Ukrainian)."""
    if language.code == "en":
        stopwords = load_stopwords()
        return (f"{language.stopword_policy}\n{len(stopwords)} stop words, e.g. "
                f"{', '.join(sorted(w for w in stopwords if w.isalpha())[:12])}")
    return language.stopword_policy
