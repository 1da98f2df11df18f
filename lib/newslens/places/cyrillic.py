"""Place mentions in Russian and Ukrainian text, as the rows of place_mentions.csv.

Entry point: ``place_mentions(sentences, lang)``. Names come from ``cyrillic_gazetteer`` (Cyrillic spellings
of the English gazetteer's places, matched in any case: "Києві", "Киеве", "Донбассе", "Туреччині"), are resolved
by the English geoparser's own scoring (``geoparse.resolve``: population, country context...), so "Москва" is
Moscow, Russia and "Донецк" the Ukrainian city, and get a role from ``cyrillic_roles``.

The caller gives the sentences of one text in order; offsets are into the text the sentences came from when
``starts`` (each sentence's first character there) is given, else into the sentences joined by one space.
"""

from __future__ import annotations

from dataclasses import replace

from ..schema import PLACE_MENTIONS, conform
from ..text.cyrillic import CYRILLIC_LANGUAGES, Token, tokens, written_in
from ..text.cyrillic_forms import fold, grammemes, likeliest, normal_forms
from ..text.layout import layout
from .cyrillic_gazetteer import CyrillicGazetteer, CyrillicName, load_cyrillic_gazetteer
from .cyrillic_roles import Context, role_of
from .gazetteer import Entry, load_gazetteer
from .geoparse import PlaceMention, resolve
from .tables import mentions_frame


def _capitalised_person_tags(tok: Token | None, lang: str) -> frozenset[str]:
    if tok is None or not tok.is_word or not tok.text[:1].isupper():
        return frozenset()
    return grammemes(tok.text, lang) & {"Name", "Surn", "Patr"}


def _person_neighbour(toks: list[Token], i: int, tags: frozenset[str], lang: str) -> bool:
    """A town spelling that is also a given name, followed by a surname or patronymic ("Владимир Зеленский"),
    or also a surname, after a given name ("Иван Грозный", "Александр Пушкин"): a person."""
    if not tags:
        return False
    after = _capitalised_person_tags(toks[i + 1] if i + 1 < len(toks) else None, lang)
    before = _capitalised_person_tags(toks[i - 1] if i > 0 else None, lang)
    return ("Name" in tags and bool(after & {"Surn", "Patr"})) or ("Surn" in tags and "Name" in before)


def _after_given_name(toks: list[Token], i: int, lang: str) -> bool:
    """The word before is a given name (pymorphy3's Name, more than an initial, never a place name itself)."""
    before = toks[i - 1] if i > 0 else None
    if before is None or len(before.text) < 2:
        return False
    tags = _capitalised_person_tags(before, lang)
    return "Name" in tags and "Geox" not in grammemes(before.text, lang)


def _match_at(toks: list[Token], i: int, lang: str, g: CyrillicGazetteer, sentence_start: bool) -> list[CyrillicName]:
    """The longest names that match from ``toks[i]``, all of that length (one spelling may name several places)."""
    first = toks[i]
    found: list[CyrillicName] = []
    for name in g.starting_with(normal_forms(first.text, lang)):
        n = len(name.words)
        if found and n < len(found[0].words):
            break
        span = toks[i:i + n]
        if len(span) < n or not all(t.is_word and normal_forms(t.text, lang) & keys for t, keys in zip(span, name.words)):
            continue
        if name.form != "demonym" and not all(t.text[:1].isupper() for t, w in zip(span, name.text.split())
                                              if w[:1].isupper()):
            continue                        # capitals where the name has them: "запад" is the direction,
            #                                 "Белая церковь" a church, "Белая Церковь" the town
        if _person_neighbour(toks, i, g.person_tags(name), lang):
            continue                        # "Владимир Зеленский", "Иван Грозный": a person
        if n == 1 and name.form == "name" and name.place is not None and name.place.kind == "city" \
                and _after_given_name(toks, i, lang):
            continue                        # "Джона Болтона", "Бориса Джонсона": a surname after a given name
        if sentence_start and g.guarded(name):
            continue                        # "Того же мнения...": the pronoun, not Togo
        if g.after_preposition_only(name):
            before = toks[i - 1] if i > 0 else None
            if before is None or "PREP" not in grammemes(before.text, lang):
                continue                    # "Королёв" the surname; "в Королёве" the town
        found.append(name)
    return found


def _part_readings(part: str, lang: str) -> frozenset[str]:
    """Readings of one part of a hyphenated word; a first part in "-о" is an adjective's stem ("российско-",
    "турецько-"): read as that adjective too."""
    readings = normal_forms(part, lang)
    if part.endswith("о") and len(part) > 3:
        readings |= {fold(part[:-1] + ending) for ending in ("ий", "ый")}
    return readings


def _compound_parts(tok: Token, sentence: str, offset: int, lang: str, g: CyrillicGazetteer) -> list[PlaceMention]:
    """Mentions inside a hyphenated word that no name spans: "российско-украинские" gives Russia and Ukraine
    (demonyms), "НАТО-Россия" NATO and Russia; each records its neighbours as prefix and suffix."""
    parts, at = [], tok.start
    for part in tok.text.split("-"):
        parts.append((part, at))
        at += len(part) + 1
    found = []
    for k, (part, start) in enumerate(parts):
        if not part:
            continue
        names = [n for n in g.starting_with(_part_readings(part, lang)) if len(n.words) == 1
                 and (n.form == "demonym" or (n.form == "name" and part[:1].isupper()))]
        if not names:
            continue
        form = "name" if any(n.form == "name" for n in names) else "demonym"
        entries, seen = [], set()
        for n in names:
            if n.form == form and n.place is not None and n.place.key not in seen:
                seen.add(n.place.key)
                entries.append(Entry(part, n.place, form))
        m = PlaceMention(offset + start, offset + start + len(part), part, form, entries,
                         prefix=parts[k - 1][0] if k > 0 else "",
                         suffix=parts[k + 1][0] if k + 1 < len(parts) else "")
        found.append(m)
    return found


def find_mentions(sentences: list[str], lang: str, starts: list[int], g: CyrillicGazetteer):
    """Every gazetteer match, left to right and longest first, with the context its rules read (the last item
    of each context is the sentence's language, ``written_in``)."""
    mentions, contexts = [], []
    for index, (sentence, offset) in enumerate(zip(sentences, starts)):
        lang_s = written_in(sentence, lang)
        gs = g if lang_s == lang else load_cyrillic_gazetteer(lang_s)
        mentions_s, contexts_s = _sentence_mentions(sentence, offset, index, lang_s, gs)
        mentions += mentions_s
        contexts += [c + (lang_s,) for c in contexts_s]
    return mentions, contexts


def _sentence_mentions(sentence: str, offset: int, index: int, lang: str, g: CyrillicGazetteer):
    """The matches of one sentence read in ``lang`` with its gazetteer ``g``."""
    mentions, contexts = [], []
    toks = tokens(sentence, lang)
    first_word = next((k for k, t in enumerate(toks) if t.is_word), None)
    i = 0
    while i < len(toks):
        if not toks[i].is_word:
            i += 1
            continue
        names = _match_at(toks, i, lang, g, sentence_start=i == first_word)
        if not names:
            if "-" in toks[i].text:
                for m in _compound_parts(toks[i], sentence, offset, lang, g):
                    mentions.append(m)
                    contexts.append((toks, i, i + 1))
            i += 1
            continue
        n = len(names[0].words)
        start, end = toks[i].start, toks[i + n - 1].end
        entries, seen = [], set()
        for name in names:             # "Киеву" is a GeoNames spelling of Kyiv and a case of "Киев": one candidate
            key = (name.place.key if name.place else "", name.form)
            if key not in seen:
                seen.add(key)
                entries.append(Entry(sentence[start:end], name.place, name.form, reason=name.reason))
        forms = {e.form for e in entries}
        form = "excluded" if "excluded" in forms else ("name" if "name" in forms else "demonym")
        entries = [e for e in entries if e.form == form]
        # sentence_id: the index, replaced by the caller's id once resolved
        m = PlaceMention(offset + start, offset + end, sentence[start:end], form, entries, sentence_id=index)
        mentions.append(m)
        contexts.append((toks, i, i + n))
        i += n
    return mentions, contexts


def analyse(sentences: list[str], lang: str, starts=None, sentence_ids=None, paragraph_ids=None,
            prefer_countries=(), prefer_continents=()) -> list[PlaceMention]:
    """Mentions of places in ``sentences`` (see ``place_mentions``), resolved and with a role."""
    if lang not in CYRILLIC_LANGUAGES:
        raise ValueError(f"place_mentions reads Russian or Ukrainian; got language {lang!r} "
                         f"(choose from {', '.join(CYRILLIC_LANGUAGES)})")
    text, starts, sentence_ids, paragraph_ids = layout(sentences, starts, sentence_ids, paragraph_ids)
    g = load_cyrillic_gazetteer(lang)
    mentions, contexts = find_mentions(sentences, lang, starts, g)
    mentions = resolve(mentions, text, load_gazetteer(), prefer_countries, prefer_continents)
    in_compound: dict[tuple[int, int], int] = {}
    for m, (toks, first, _, _) in zip(mentions, contexts):
        if m.prefix or m.suffix:
            in_compound[(id(toks), first)] = in_compound.get((id(toks), first), 0) + 1
    with_roles, previous = [], None
    for m, (toks, first, after, lang_s) in zip(mentions, contexts):
        parties = in_compound.get((id(toks), first), 0) if (m.prefix or m.suffix) else 0
        role, rule = role_of(Context(m, toks, first, after, lang_s, parties))
        if rule in DEFAULT_RULES and with_roles and previous is not None:
            base = _coordinated_with(previous, (toks, first, after, lang_s), with_roles[-1])
            if base:
                role, rule = with_roles[-1].role, f"coordinated:{base}"
        with_roles.append(replace(m, role=role, rule=rule, sentence_id=sentence_ids[m.sentence_id],
                                  paragraph_id=paragraph_ids[m.sentence_id]))
        previous = (toks, first, after, lang_s)
    return with_roles


# Rules that hold for want of a cue: a mention they decide takes the role of a coordinated neighbour.
DEFAULT_RULES = frozenset({"default_name", "default_region"})
CONJUNCTIONS = frozenset({"и", "или", "та", "і", "й", "або", ","})
CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})


def _coordinated_with(previous, current, previous_mention) -> str:
    """The rule of the mention just before, when the two are joined by a conjunction or a comma alone and share a
    case ("прем'єр-міністрами Чехії та Словаччини", "попросил Москву и Вашингтон"); "" otherwise."""
    toks, first, _, lang = current
    p_toks, _, p_after, _ = previous
    base = previous_mention.rule.removeprefix("coordinated:")
    if p_toks is not toks or base in DEFAULT_RULES or previous_mention.role not in ("actor", "literal") \
            or first - p_after != 1 or toks[p_after].text.lower() not in CONJUNCTIONS:
        return ""
    shared = likeliest(toks[p_after - 1].text, lang)[1] & grammemes(toks[first].text, lang) & CASES
    return base if shared else ""


def place_mentions(sentences: list[str], lang: str, *, starts=None, sentence_ids=None, paragraph_ids=None,
                   prefer_countries=(), prefer_continents=()):
    """place_mentions.csv for Russian (``lang="ru"``) or Ukrainian (``"uk"``) sentences of one text.

    ``sentences``: the text's sentences in order. ``starts``: each sentence's offset in the text (default: the
    sentences joined by one space). ``sentence_ids``, ``paragraph_ids``: their ids (default 1 up, and 1).
    ``prefer_countries``/``prefer_continents``: as for English (ISO codes), a bonus in resolution.

    Columns as schema.PLACE_MENTIONS declares them, filled as for English: ``place``, ``place_kind``,
    ``country_code``, ``country`` are the English gazetteer's ("Kyiv", "city", "UA", "Ukraine"); ``kind`` is
    name, demonym or excluded; ``role`` and ``rule`` come from ``cyrillic_roles``; ``possessive`` is always
    False (Russian and Ukrainian have no "'s"); ``compound`` is the hyphenated word a mention sits in
    ("российско-турецкие": Russia and Turkey, both actors by ``compound_of_parties``). The coordinates are not a column of this table: they are the place's
    (``gazetteer.place(key)``), as in places.csv.
    """
    mentions = analyse(sentences, lang, starts, sentence_ids, paragraph_ids, prefer_countries, prefer_continents)

    return conform(mentions_frame(mentions), PLACE_MENTIONS)
