"""Wire-copy structure: the dateline that opens agency copy and the deck under the headline.

A dateline is metadata, not body (Russian and Ukrainian agency forms too: ``МОСКВА, 27 октября. /ТАСС/.``,
``КИЇВ, 27 жовтня. /Укрінформ/.``, ``МОСКВА, 27 окт — РИА Новости.``, ``Москва. 27 октября. INTERFAX.RU -``): ``MOSCOW, October 27. /TASS/.``, ``MOSCOW, October 27 – RIA Novosti.``,
``KYIV, Oct 27 (Reuters) -``, ``KYIV, Ukraine (AP) —`` or ``WASHINGTON (AFP) -`` at the start of the first body paragraph is cut from the
paragraph and parsed into ``ArticleMeta.dateline`` (as written), ``dateline_place``, ``dateline_date`` (as
written: agencies leave out the year) and ``agency``; the report lists it as a removed line. Without this,
the sentence splitter makes two sentences of "MOSCOW, October 27." and "/TASS/. The Kremlin said ...".

A deck (the one- or two-line summary set under a headline) is the block or blocks between the title and a
paragraph that opens with a dateline; it goes to ``ArticleMeta.deck``, so it is neither body nor a
"repeated passage" when the lede restates it.
"""

from __future__ import annotations

import re

from .article import RemovedLine

# Agencies whose names stand in a dateline (a project list; case as the agencies write them).
AGENCIES = ("TASS", "RIA Novosti", "RIA", "Interfax", "Ukrinform", "UNIAN", "Reuters", "AP", "AFP", "Bloomberg",
            "dpa", "DPA", "Xinhua", "Anadolu", "ANSA", "EFE", "Kyodo", "Yonhap", "UPI", "PAP", "BelTA", "Sputnik",
            "IANS", "PTI", "Trend", "APA", "Azertag", "Armenpress")
_AGENCY = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
_CITY = r"(?P<place>[A-Z][A-Z'\u2019.-]+(?: [A-Z][A-Z'\u2019.-]+){0,3})"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?P<date>{_MONTH} \d{{1,2}}(?:, \d{{4}})?)"
_REGION = r"(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})"
_DASH = r"\s*[-\u2013\u2014]+\s*"

DATELINE_PATTERNS = (
    # TASS, RIA, Interfax: "MOSCOW, October 27. /TASS/." (the dot after the agency may be missing)
    re.compile(rf"^{_CITY}, {_DATE}\.? /(?P<agency>{_AGENCY})/\.?\s+"),
    # Reuters, AFP: "KYIV, Oct 27 (Reuters) -" ; AP: "KYIV, Ukraine (AP) —" ; "WASHINGTON (AFP) -"
    re.compile(rf"^{_CITY}(?:, (?:{_DATE}|{_REGION}))? \((?P<agency>{_AGENCY})\){_DASH}"),
    # RIA Novosti's style: "MOSCOW, October 27 – RIA Novosti." (the agency after the dash)
    re.compile(rf"^{_CITY}, {_DATE}{_DASH}(?P<agency>{_AGENCY})\.\s+"),
    # no agency: "GENEVA, Oct 27 —" (a newspaper's own dateline)
    re.compile(rf"^{_CITY}, {_DATE}{_DASH}"),
)

# Russian and Ukrainian agency datelines: "МОСКВА, 27 октября. /ТАСС/.", "КИЇВ, 27 жовтня. /Укрінформ/.",
# "МОСКВА, 27 окт — РИА Новости.", "Москва. 27 октября. INTERFAX.RU - ", "Київ. 27 жовтня. ІНТЕРФАКС-УКРАЇНА - ",
# "МОСКВА, 27 окт (Рейтер) -". Month names in full (genitive) or abbreviated, in either language.
_CYR_UPPER = "А-ЯЁЇІЄҐ"
_CYR_LOWER = "а-яёїієґ"
_CYR_CITY = rf"(?P<place>[{_CYR_UPPER}][{_CYR_UPPER}{_CYR_LOWER}'\u2019.-]+(?: [{_CYR_UPPER}][{_CYR_UPPER}{_CYR_LOWER}'\u2019.-]+){{0,3}})"
_CYR_CAPS_CITY = rf"(?P<place>[{_CYR_UPPER}][{_CYR_UPPER}'\u2019.-]+(?: [{_CYR_UPPER}][{_CYR_UPPER}'\u2019.-]+){{0,3}})"
_CYR_MONTH = (r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
              r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"
              r"(?:янв|фев|мар|апр|июн|июл|авг|сент|сен|окт|нояб|ноя|дек|"
              rf"січ|лют|бер|квіт|трав|черв|лип|серп|вер|жовт|лист|груд)(?![{_CYR_LOWER}])\.?)")
_CYR_DATE = rf"(?P<date>\d{{1,2}} {_CYR_MONTH}(?: \d{{4}}(?: (?:года|року|г\.|р\.))?)?)"
_CYR_AGENCY = ("ТАСС", "РИА Новости", "РИА", "Интерфакс", "ИНТЕРФАКС", "Интерфакс-Украина", "Інтерфакс-Україна",
               "ІНТЕРФАКС-УКРАЇНА", "ИНТЕРФАКС-УКРАИНА", "INTERFAX.RU", "Укрінформ", "Укринформ", "УНІАН", "УНИАН",
               "Рейтер", "Прайм", "ПРАЙМ", "РБК-Україна", "Спутник", "БелТА")
_CYR_AGENCIES = "|".join(re.escape(a) for a in sorted(_CYR_AGENCY, key=len, reverse=True))
CYRILLIC_DATELINE_PATTERNS = (
    # TASS, Ukrinform: "МОСКВА, 27 октября. /ТАСС/." ; "/Корр. ТАСС Иван Иванов/." names the correspondent
    re.compile(rf"^{_CYR_CITY}, {_CYR_DATE}\.? /(?:Корр\. )?(?P<agency>{_CYR_AGENCIES})[^/\n]{{0,60}}/\.?\s+"),
    # Interfax: "Москва. 27 октября. INTERFAX.RU - " ; Interfax-Ukraine: "Київ. 27 жовтня. ІНТЕРФАКС-УКРАЇНА - "
    re.compile(rf"^{_CYR_CITY}[.,] {_CYR_DATE}\.? (?P<agency>{_CYR_AGENCIES})(?:{_DASH}|\.\s+)"),
    # Reuters in Russian: "МОСКВА, 27 окт (Рейтер) -"
    re.compile(rf"^{_CYR_CITY}, {_CYR_DATE} \((?P<agency>{_CYR_AGENCIES})\){_DASH}"),
    # RIA Novosti: "МОСКВА, 27 окт — РИА Новости."
    re.compile(rf"^{_CYR_CITY}, {_CYR_DATE}{_DASH}(?P<agency>{_CYR_AGENCIES})\.\s+"),
    # no agency, the city in capitals: "КИЇВ, 27 жовтня —"
    re.compile(rf"^{_CYR_CAPS_CITY}, {_CYR_DATE}{_DASH}"),
)
MAX_DECK_WORDS = 60


def match_dateline(text: str) -> dict | None:
    """The dateline at the start of ``text``: {dateline, place, date, region, agency, end}, or None."""
    # Only a text that opens with a Cyrillic letter tries the Cyrillic patterns, so English copy is read as before.
    patterns = CYRILLIC_DATELINE_PATTERNS if text[:1] and "\u0400" <= text[0] <= "\u04ff" else DATELINE_PATTERNS
    for pattern in patterns:
        m = pattern.match(text)
        if m:
            groups = m.groupdict()
            place = groups["place"]
            return {
                "dateline": text[:m.end()].strip(),
                "place": _title_case(place),
                "date": groups.get("date") or "",
                "region": groups.get("region") or "",
                "agency": groups.get("agency") or "",
                "end": m.end(),
            }
    return None


def _title_case(place: str) -> str:
    """MOSCOW -> Moscow, KYIV -> Kyiv, ST. PETERSBURG -> St. Petersburg, NUR-SULTAN -> Nur-Sultan, МОСКВА -> Москва."""
    return re.sub(r"[A-ZА-ЯЁЇІЄҐ][A-ZА-ЯЁЇІЄҐ'\u2019]*", lambda m: m.group(0)[0] + m.group(0)[1:].lower(), place)


def apply_wire_structure(parsed, has_title: bool = True) -> None:
    """Cut the dateline (and the deck above it) out of ``parsed.blocks`` into ``parsed.meta``, in place."""
    blocks = parsed.blocks
    for i, block in enumerate(blocks[:4]):
        found = match_dateline(block.text)
        if not found:
            continue
        deck = blocks[:i]
        if deck and (not has_title or sum(len(b.text.split()) for b in deck) > MAX_DECK_WORDS):
            return                  # text before the dateline that is no deck: leave the body as it is
        meta = parsed.meta
        meta.dateline, meta.dateline_place, meta.agency = found["dateline"], found["place"], found["agency"]
        meta.dateline_date = found["date"]
        for b in deck:
            parsed.removed.append(RemovedLine(b.line_no, b.text, "metadata: deck (summary under the headline)"))
        meta.deck = " ".join(b.text for b in deck)
        parsed.removed.append(RemovedLine(block.line_no, found["dateline"], "metadata: dateline"))
        rest = block.text[found["end"]:].strip()
        block.text = rest
        parsed.blocks = [b for b in blocks[i:] if b.text]
        return
