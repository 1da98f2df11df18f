"""Every framing-lexicon term, with its inflections, is matched to that term and to no other.

For each entry of ``data/framing_lexicon.csv`` every declared form (the term and its variants) is put, as
written and capitalised at the start of a sentence, into a short sentence written for this test; so is every
inflection of it that the rules below make: the plural of a noun, the -s, past and -ing forms of a verb,
the possessive of a place name; in a phrase, the inflection of its head word. The inflections come from a
small rule of regular English morphology and the IRREGULAR table here, never from the code under test (not
simplemma, not newslens). Each sentence must give a counted hit of the entry, on exactly the inflected
words, and no hit of another term except the overlaps listed in ALSO_MATCHES.

The lexicon's match mode is respected: an ``exact`` entry declares the forms it allows, so an inflection of
one of them that the entry does not list is either a gap (fixed in the lexicon, see framing_lexicon.md
2.1.0) or an explicit exception below (NOT_MATCHED, OTHER_ENTRY), each with its reason.

Every single-word form must have a word class in WORD_CLASS and every phrase form a head in PHRASE_HEAD: a
new lexicon term without one fails ``test_every_form_has_a_word_class`` until someone says how it inflects.
"""

from __future__ import annotations

import pytest

from newslens.framing.lexicon import load_lexicon
from newslens.framing.terms import find_mentions
from newslens.text.loader import load_text

# ---------------------------------------------------------------------------------------------------------
# Word classes. n: countable noun (singular, plural); u: noun used in the singular only (mass noun, or a
# plural already); v: verb (base, -s, past, past participle, -ing); nv: noun and verb; name: proper name
# (as written and possessive); w: as written only (adjectives, adverbs, modals, and forms that are already
# inflected, which the lexicon lists on purpose).
WORD_CLASS: dict[str, str] = {}


def _classes(cls: str, words: str) -> None:
    for word in words.split():
        assert word not in WORD_CLASS, word
        WORD_CLASS[word] = cls


_classes("n", """
    aggressor invasion rebel separatist militant terrorist insurgent insurgency occupation occupier annexation
    annexe genocide bloc escalation hostility threat provocation regime junta mercenary puppet coup
    disagreement tension rivalry rival competition confrontation war enemy adversary opponent winner loser
    accusation solution expense loss sale investment billion million dollar duty victim civilian child family
    refugee tragedy innocent conflict game-changer economy religion injustice responsibility justice killing
""")
_classes("u", """
    aggression terrorism reunification superiority money grief suffering multipolarity unipolarity
    destabilization destabilisation de-escalation legitimacy accountability morality ethics sales
""")
_classes("v", """
    invade annex escalate threaten provoke disagree compete confront accuse condemn criticize criticise solve
    resolve restrain invest sell suffer grieve kill destabilize destabilise de-escalate embolden seem appear
    suggest prove demonstrate
""")
_classes("nv", "counterbalance dispute clash reproach blame fault cost price profit trade export market shame balance")
_classes("name", """
    Kiev Kyiv Donbass Donbas Lugansk Luhansk Odessa Odesa Kharkov Kharkiv Nikolaev Nikolayev
    Mykolaiv Zaporozhye Zaporizhzhia Zaporizhia Chernobyl Chornobyl Turkey Türkiye Turkiye God
""")
_classes("w", """
    intra-Ukrainian hostile provocative mercenaries expensive shameful tragic children killed balances balancing
    multipolar unipolar asymmetrically asymmetric asymmetrical destabilizing destabilising game-changing
    emboldened emboldens emboldening uncontrollable unchecked tense illegitimate legitimate self-proclaimed
    self-declared so-called unofficial unofficially undeclared potentially perhaps might may maybe possibly
    possible probably probable likely unlikely seems seemed seemingly appears appeared apparently could would
    suggests suggested presumably relatively somewhat arguably allegedly reportedly admittedly proven proves
    proved accurately already clearly clear certainly certain definitely undoubtedly doubtless obviously
    obvious evidently evident indeed surely sure demonstrates demonstrated never entirely extremely immensely
    responsible responsibly accountable urgent urgently economic economically financial personal moral
    immoral ethical unethical religious evil unjust ought
    destabilizes destabilises destabilized destabilised game-changers de-escalates de-escalated de-escalating
    economies costing pricing trading marketing religions injustices
""")

# Phrase forms: (index of the head word, its class); None: a fixed expression, tested as written only.
PHRASE_HEAD: dict[str, tuple[int, str] | None] = {
    "civil war": (1, "n"), "proxy war": (1, "n"), "special military operation": (2, "n"),
    "anti-terrorist operation": (1, "n"), "anti-terror operation": (1, "n"), "hybrid war": (1, "n"),
    "hybrid warfare": None, "military participant": (1, "n"), "hot conflict": (1, "n"), "ethnic cleansing": None,
    "balance of power": (0, "n"), "sphere of influence": (0, "n"), "great power": (1, "n"), "the West": None,
    "East and West": None, "East or West": None, "regional competition": (1, "n"),
    "offensive weapons": None, "offensive weaponry": None, "offensive weapon": (1, "n"),
    "out of the bottle": None, "up the stakes": (0, "v"), "raise the stakes": (0, "v"), "arms race": (1, "n"),
    "red line": (1, "n"), "political prisoner": (1, "n"), "de facto": None, "plausible deniability": None,
    "drone diplomacy": None, "military diplomacy": None, "military diplomatic": None,
    "drone sales": None, "drone sale": (1, "n"), "arms sales": None, "arms sale": (1, "n"),
    "weapons sales": None, "arms exports": None, "arms export": (1, "n"),
    "selling drones": None, "sell drones": (0, "v"),
    "military cooperation": None, "defence cooperation": None, "defense cooperation": None,
    "military-technical cooperation": None, "military aid": None, "military assistance": None,
    "spare parts": None, "a little bit": None, "whether rightly or wrongly": None, "in my view": None,
    "in my opinion": None, "of course": None, "in fact": None, "no doubt": None, "without doubt": None,
    "both sides": None, "two sides": None, "other side": (1, "n"), "left unchecked": None,
}

# Irregular inflections: plural of a noun; (3rd person, past, past participle, -ing) of a verb.
IRREGULAR_PLURAL = {"child": "children"}
IRREGULAR_VERB = {
    "sell": ("sells", "sold", "sold", "selling"),
    "cost": ("costs", "cost", "cost", "costing"),
    "prove": ("proves", "proved", "proven", "proving"),
    "up": ("ups", "upped", "upped", "upping"),          # the verb "up" ("upped the stakes") doubles its p
}

# Inflections that legitimately do not match their entry, each with the reason.
NOT_MATCHED = {
    # Hyland's (2005) lists, which these hedge and booster entries follow (source column), give the base,
    # -s and -ed forms only; the -ing forms are left out as in the source, and "appearing" mostly means
    # showing up ("appearing in court").
    "seeming": "not in Hyland's list", "appearing": "not in Hyland's list; 'appearing in court'",
    "suggesting": "not in Hyland's list", "proving": "not in Hyland's list",
    "demonstrating": "not in Hyland's list",
    # "balanced" is mostly the adjective of fairness ("balanced coverage", "a balanced budget"), not
    # balance-of-power vocabulary; the entry is exact to leave it out.
    "balanced": "the adjective of fairness",
    # The plural of "justice" is judges ("Supreme Court justices"): a change of sense.
    "justices": "judges, not the moral value",
    # "responsibilities" are duties ("his responsibilities as minister"), not the attribution of
    # responsibility that the frame question asks about.
    "responsibilities": "duties, not who is responsible",
}
# Inflections that belong to another entry of the same category by the lexicon's design.
OTHER_ENTRY = {
    "balancing": "balancing",        # its own geopolitical_balance entry
}
# Hits of other terms, in other categories, that an entry's words legitimately make too (a word may count
# in several categories: framing_lexicon.md, counting rules).
ALSO_MATCHES = {
    "civil war": {"war"}, "proxy war": {"war"}, "hybrid war": {"war"}, "hot conflict": {"conflict"},
    "regional competition": {"competition"}, "drone sales": {"sale"}, "arms sales": {"sale", "export"},
    "selling drones": {"sale"}, "left unchecked": {"unchecked"}, "unchecked": {"left unchecked"},
    "sale": {"drone sales", "arms sales", "selling drones"}, "war": {"civil war", "proxy war", "hybrid war"},
}

# Short sentences written for this test; none of their other words is in the lexicon.
CARRIERS = {
    "noun": "On Monday the {} came back again.",
    "name": "Officials met in {} on Monday.",
    "possessive": "On Monday {}'s officials met.",
    "verb_base": "On Monday they {} it again.",
    "verb_s": "On Monday she {} it again.",
    "verb_past": "On Monday he {} it again.",
    "verb_participle": "By Monday it was {} again.",
    "verb_ing": "On Monday they were {} it again.",
    "word": "On Monday they {} went there.",
    "phrase": "On Monday they spoke of {} again.",
    "initial": "{} came back on Monday.",
}


def _plural(noun: str) -> str:
    if noun in IRREGULAR_PLURAL:
        return IRREGULAR_PLURAL[noun]
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _verb_forms(verb: str) -> tuple[str, str, str, str]:
    """(3rd person singular, past, past participle, -ing) by regular English morphology or IRREGULAR_VERB."""
    if verb in IRREGULAR_VERB:
        return IRREGULAR_VERB[verb]
    third = _plural(verb)
    if verb.endswith("e"):
        past = verb + "d"
        ing = verb + "ing" if verb.endswith("ee") else verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        past, ing = verb[:-1] + "ied", verb + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    return third, past, past, ing


def _word_cases(word: str, cls: str) -> list[tuple[str, str]]:
    """(carrier, inflected word) for one word of a class."""
    if cls == "name":
        return [("name", word), ("possessive", word)]
    cases = []
    if cls in ("n", "nv", "u"):
        cases.append(("noun", word))
    if cls in ("n", "nv"):
        cases.append(("noun", _plural(word)))
    if cls in ("v", "nv"):
        third, past, participle, ing = _verb_forms(word)
        cases += [("verb_base", word), ("verb_s", third), ("verb_past", past), ("verb_participle", participle),
                  ("verb_ing", ing)]
    if cls == "w":
        cases.append(("word", word))
    return cases


def _phrase_cases(phrase: str) -> list[tuple[str, str]]:
    head = PHRASE_HEAD[phrase]
    cases = [("phrase", phrase)]
    if head is not None:
        at, cls = head
        words = phrase.split()
        for _, inflected in _word_cases(words[at], cls):
            cases.append(("phrase", " ".join(words[:at] + [inflected] + words[at + 1:])))
    return cases


def _cases(entry) -> list[tuple[str, str]]:
    """(sentence, the words that must be the hit) for every form of an entry and its inflections."""
    out = []
    for form in entry.forms:
        cases = _phrase_cases(form) if " " in form else _word_cases(form, WORD_CLASS[form])
        for carrier, words in dict.fromkeys(cases):
            out.append((CARRIERS[carrier].format(words), words))
        out.append((CARRIERS["initial"].format(form[0].upper() + form[1:]), form[0].upper() + form[1:]))
    seen, unique = set(), []
    for sentence, words in out:
        if sentence not in seen:
            seen.add(sentence)
            unique.append((sentence, words))
    return unique


def _article(sentences: list[str]):
    """One article, one paragraph per sentence (the ``body`` format: no title line)."""
    article = load_text("\n\n".join(sentences) + "\n", "inflections test", "body")
    assert [s.text for s in article.sentences] == sentences      # one sentence each, as written
    return article


def _hits_by_sentence(sentences: list[str]) -> dict[str, list]:
    article = _article(sentences)
    text_of = {s.id: s.text for s in article.sentences}
    hits: dict[str, list] = {text: [] for text in sentences}
    for m in find_mentions(article):
        hits[text_of[m.sentence_id]].append(m)
    return hits


ENTRIES = load_lexicon().entries


def test_every_form_has_a_word_class():
    missing = [f for e in ENTRIES for f in e.forms if (f not in PHRASE_HEAD if " " in f else f not in WORD_CLASS)]
    assert not missing, f"say how these lexicon forms inflect (WORD_CLASS or PHRASE_HEAD): {missing}"
    used = {f for e in ENTRIES for f in e.forms}
    assert not (set(WORD_CLASS) | set(PHRASE_HEAD)) - used, "classes for forms no longer in the lexicon"


def test_the_carrier_sentences_match_nothing_themselves():
    sentences = [c.format("xyzzy") for c in CARRIERS.values()]
    assert not any(_hits_by_sentence(sentences).values())


def test_the_inflection_rule():
    assert [_plural(n) for n in ("war", "clash", "loss", "enemy", "annexe", "child", "day")] == [
        "wars", "clashes", "losses", "enemies", "annexes", "children", "days"]
    assert _verb_forms("provoke") == ("provokes", "provoked", "provoked", "provoking")
    assert _verb_forms("disagree") == ("disagrees", "disagreed", "disagreed", "disagreeing")
    assert _verb_forms("annex") == ("annexes", "annexed", "annexed", "annexing")
    assert _verb_forms("sell") == ("sells", "sold", "sold", "selling")


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e.category}:{e.term}" for e in ENTRIES])
def test_every_inflection_of_every_term_is_that_term(entry):
    cases = _cases(entry)
    hits = _hits_by_sentence([sentence for sentence, _ in cases])
    problems = []
    for sentence, words in cases:
        found = hits[sentence]
        own = [m for m in found if m.category == entry.category]
        key = words.lower()
        if key in NOT_MATCHED:
            if any(m.term == entry.term for m in found):
                problems.append(f"{words!r} matched, but is listed in NOT_MATCHED ({NOT_MATCHED[key]})")
            continue
        expected = OTHER_ENTRY.get(key, entry.term)
        if [(m.term, m.surface, m.counted) for m in own] != [(expected, words, True)]:
            problems.append(f"{sentence!r}: {entry.category} hits {[(m.term, m.surface) for m in own]}, "
                            f"expected {expected!r} on {words!r}")
        others = {m.term for m in found if m.category != entry.category}
        if others - ALSO_MATCHES.get(entry.term, set()):
            problems.append(f"{sentence!r}: also matched {sorted(others)} in other categories")
    assert not problems, "\n".join(problems)
