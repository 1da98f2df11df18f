"""Is this English? A cheap, transparent check before English-only lexicons score the text.

English prose is held together by a few dozen function words: in the seed article they make up 43% of the
words, and in ordinary English prose typically 35-50%. A French, German, Russian or Turkish text scores
far lower (its own function words are different; a few such as "in" or "die" collide). Below the threshold
the text is reported as not English instead of getting meaningless English sentiment and keyness scores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ENGLISH_FUNCTION_WORDS = frozenset("""
a about above after again against all also an and any are as at be because been before being between both
but by can could did do does during each for from further had has have having he her here hers him his how
i if in into is it its itself just me more most my no nor not now of off on once only or other our out over
own same she should so some such than that the their them then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your
""".split())

MIN_WORDS_TO_JUDGE = 30
MIN_ENGLISH_SHARE = 0.20


def english_share(words: list[str]) -> float:
    """Share of the words that are common English function words (0 to 1)."""
    if not words:
        return 0.0
    return sum(w.lower() in ENGLISH_FUNCTION_WORDS for w in words) / len(words)


def judge_language(words: list[str]) -> tuple[str, float]:
    """("en" | "not English" | "too short to judge", share of English function words)."""
    share = english_share(words)
    if len(words) < MIN_WORDS_TO_JUDGE:
        return "too short to judge", share
    return ("en" if share >= MIN_ENGLISH_SHARE else "not English"), share


# --- Which language: English, Russian, Ukrainian or another --------------------------------------------------
#
# The script first: the share of Cyrillic among the letters. A Cyrillic text is then Russian or Ukrainian by
# evidence only one of them gives: letters the other alphabet lacks (Ukrainian і ї є ґ; Russian ы э ъ ё) and
# common function words the other language does not use ("что", "это", "был" against "що", "це", "був").
# Letters peculiar to other Cyrillic alphabets (Belarusian ў, Serbian and Macedonian ђ ћ џ ј љ њ ѓ ќ, Kazakh
# and others ә ө ү ұ қ ғ ң һ) make it "other". Bulgarian has no letter of its own, so it is told by use: its
# ъ is a vowel ("България", "път", "във"), while Russian writes ъ only as a separator before е ё ю я
# ("объявил"); and by its own function words ("че", "това", "са"). A Latin-script text is English by the
# function-word check above.

LANGUAGES = ("en", "ru", "uk")          # the languages newslens has a pipeline for (--lang)
LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "uk": "Ukrainian"}
CYRILLIC_LANGUAGES = ("ru", "uk")

UKRAINIAN_LETTERS = frozenset("іїєґ")
RUSSIAN_LETTERS = frozenset("ыэё")                     # and ъ as a separator: RUSSIAN_HARD_SIGN
RUSSIAN_HARD_SIGN = re.compile(r"ъ(?=[еёюя])")
BULGARIAN_VOWEL_HARD_SIGN = re.compile(r"ъ(?![еёюя])")
OTHER_CYRILLIC_LETTERS = frozenset("ўђћџјљњѓќѕәөүұқғңһ")
# Frequent words of one language that the other does not use (project lists; "не", "на", "в", "до", "для"
# and the like are shared and left out).
RUSSIAN_WORDS = frozenset("""
и что это как он она они его её ее был была было были также с из от при или после года который которая которые
чтобы уже только если между более может будет сказал заявил есть этого этой всех время где когда
""".split())
UKRAINIAN_WORDS = frozenset("""
і й та що це як він вона вони його її був була було були також з із від або після року який яка які щоб вже
лише тільки якщо між більш може буде сказав заявив є цього цієї всіх час де коли
""".split())
# Frequent Bulgarian words that neither Russian nor Ukrainian uses ("ще" is left out: Ukrainian has it).
BULGARIAN_WORDS = frozenset("""
че това са като беше също които която който тази този във със днес бъде няма трябва според
""".split())

# A paragraph belongs to the script most of its letters are in; an article mixes languages when paragraphs of
# the other script hold at least this share of its letters and this many letters (a Russian name or a short
# quotation inside an English report is not a second language).
MIXED_MIN_SHARE = 0.15
MIXED_MIN_LETTERS = 150
CYRILLIC_MIN_SHARE = 0.5
MIN_CYRILLIC_EVIDENCE = 3   # distinctive letters + function words needed to tell Russian from Ukrainian


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def script_letters(text: str) -> tuple[int, int]:
    """(Cyrillic letters, other letters) of ``text``."""
    cyrillic = other = 0
    for ch in text:
        if ch.isalpha():
            if _is_cyrillic(ch):
                cyrillic += 1
            else:
                other += 1
    return cyrillic, other


def cyrillic_evidence(text: str) -> dict:
    """What tells Russian, Ukrainian and other Cyrillic languages apart in ``text``: counts of each one's
    distinctive letters and function words."""
    lower = text.lower()
    words = re.findall(r"[^\W\d_]+(?:['\u2019\u02bc][^\W\d_]+)*", lower)
    return {
        "ru_letters": sum(lower.count(ch) for ch in RUSSIAN_LETTERS) + len(RUSSIAN_HARD_SIGN.findall(lower)),
        "uk_letters": sum(lower.count(ch) for ch in UKRAINIAN_LETTERS),
        "other_letters": sum(lower.count(ch) for ch in OTHER_CYRILLIC_LETTERS),
        "ru_words": sum(w in RUSSIAN_WORDS for w in words),
        "uk_words": sum(w in UKRAINIAN_WORDS for w in words),
        "bg_letters": len(BULGARIAN_VOWEL_HARD_SIGN.findall(lower)),
        "bg_words": sum(w in BULGARIAN_WORDS for w in words),
    }


def cyrillic_language(evidence: dict) -> str:
    """"ru", "uk", "other" or "too short to judge" from ``cyrillic_evidence``."""
    ru = evidence["ru_letters"] + evidence["ru_words"]
    uk = evidence["uk_letters"] + evidence["uk_words"]
    if evidence["other_letters"] > max(evidence["ru_letters"], evidence["uk_letters"]):
        return "other"
    bulgarian = evidence.get("bg_letters", 0) + evidence.get("bg_words", 0)
    if bulgarian >= MIN_CYRILLIC_EVIDENCE and bulgarian > max(ru, uk):
        return "other"
    if max(ru, uk) < MIN_CYRILLIC_EVIDENCE or ru == uk:
        return "too short to judge"
    return "ru" if ru > uk else "uk"


@dataclass
class LanguageReading:
    """What the language check found: the language of the pipeline to run and the evidence."""
    language: str                   # "en" or "latin" (judged later by English function words), "ru", "uk",
                                    # "other", "mixed" or "too short to judge"
    cyrillic_share: float           # Cyrillic letters among all letters
    evidence: dict = field(default_factory=dict)
    paragraphs: dict = field(default_factory=dict)   # script -> paragraph ids, for a mixed article


def _ranges(ids: list[int]) -> str:
    """[1, 2, 3, 5] -> "1-3, 5"."""
    out, start = [], None
    for i, n in enumerate(ids):
        if start is None:
            start = n
        if i + 1 == len(ids) or ids[i + 1] != n + 1:
            out.append(f"{start}-{n}" if n != start else f"{n}")
            start = None
    return ", ".join(out)


def read_language(paragraph_texts: list[str]) -> LanguageReading:
    """The language of an article from its body paragraphs (one pass over the text)."""
    per_script: dict[str, list[int]] = {"cyrillic": [], "latin": []}
    letters = {"cyrillic": 0, "latin": 0}
    total_cyrillic = total_other = 0
    for pid, text in enumerate(paragraph_texts, start=1):
        cyrillic, other = script_letters(text)
        total_cyrillic, total_other = total_cyrillic + cyrillic, total_other + other
        if cyrillic or other:
            script = "cyrillic" if cyrillic > other else "latin"
            per_script[script].append(pid)
            letters[script] += cyrillic + other
    all_letters = total_cyrillic + total_other
    share = total_cyrillic / all_letters if all_letters else 0.0
    cyrillic_text = "\n".join(paragraph_texts[i - 1] for i in per_script["cyrillic"])
    evidence = cyrillic_evidence(cyrillic_text) if per_script["cyrillic"] else {}
    minority = min(letters.values())
    if all_letters and minority >= MIXED_MIN_LETTERS and minority / all_letters >= MIXED_MIN_SHARE:
        return LanguageReading("mixed", round(share, 4), evidence,
                               {s: ids for s, ids in per_script.items() if ids})
    if share >= CYRILLIC_MIN_SHARE:
        return LanguageReading(cyrillic_language(evidence), round(share, 4), evidence)
    return LanguageReading("latin", round(share, 4))


def mixed_description(reading: LanguageReading) -> str:
    """"paragraphs 1-3 in Latin script (English or another), 4-5 in Cyrillic (Russian)": for the refusal."""
    cyrillic = cyrillic_language(reading.evidence) if reading.evidence else "too short to judge"
    name = LANGUAGE_NAMES.get(cyrillic, "Russian or Ukrainian undecided" if cyrillic == "too short to judge"
                              else "not Russian or Ukrainian")
    parts = {"latin": "in Latin script", "cyrillic": f"in Cyrillic ({name})"}
    return "; ".join(f"paragraph{'s' if len(ids) > 1 else ''} {_ranges(ids)} {parts[script]}"
                     for script, ids in sorted(reading.paragraphs.items(), key=lambda item: item[1][0]))


def mixed_description_of(evidence: dict) -> str:
    """``mixed_description`` from the evidence a CleaningReport keeps (language_evidence)."""
    reading = LanguageReading("mixed", evidence.get("cyrillic_share", 0.0),
                              {k: v for k, v in evidence.items() if k not in ("cyrillic_share", "paragraphs")},
                              evidence.get("paragraphs", {}))
    return mixed_description(reading)
