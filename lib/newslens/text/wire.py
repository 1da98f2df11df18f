"""Wire-copy structure: the dateline that opens agency copy and the deck under the headline.

A dateline is metadata, not body: ``MOSCOW, October 27. /TASS/.``, ``MOSCOW, October 27 – RIA Novosti.``,
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
MAX_DECK_WORDS = 60


def match_dateline(text: str) -> dict | None:
    """The dateline at the start of ``text``: {dateline, place, date, region, agency, end}, or None."""
    for pattern in DATELINE_PATTERNS:
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
    """MOSCOW -> Moscow, KYIV -> Kyiv, ST. PETERSBURG -> St. Petersburg, NUR-SULTAN -> Nur-Sultan."""
    return re.sub(r"[A-Z][A-Z'\u2019]*", lambda m: m.group(0)[0] + m.group(0)[1:].lower(), place)


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
