"""Country mentions: one row per country name in a fact-bearing sentence.

Rules (see :mod:`vnpartners.gazetteer` for the names):

- longest name first: "Federasi Rusia" and "Republik Rakyat Tiongkok" are one mention each;
- whole words only: "VietnamPlus", "Rusvietpetro", "Vietnam.vn" are not mentions; a hyphen separates
  names, so "Vietnam-Tiongkok" is two mentions;
- names as written (proper case) or in capitals; "AS" only in capitals;
- not a mention: a language ("bahasa Inggris", "berbahasa Jepang"), a currency ("dolar AS",
  "yen Jepang", "yuan Tiongkok"), or part of a news outlet's name ("CNN Indonesia", "Vietnam News",
  "Vietnam Television": the outlet is not the country). A people or origin ("rakyat Vietnam", "wisatawan Rusia",
  "orang Jepang") *is* counted: it names the country the people belong to.
"""

from __future__ import annotations

import re

import pandas as pd

from .gazetteer import alias_pattern, country_name

__all__ = ["find_mentions", "extract_mentions"]

# a word right before the name that makes it a language or a currency, not the country
_NOT_COUNTRY_BEFORE = re.compile(
    r"(?:\b(?:bahasa|berbahasa|Bahasa|Berbahasa|BAHASA|dolar|dollar|Dolar|Dollar|DOLAR|yen|yuan|renminbi|rubel"
    r"|rubel|won|ringgit|baht|peso|rupee|dong|pound|poundsterling|franc|frank|krona|lira|riyal|dirham)"
    r")\s+$"
)
_BEFORE_WINDOW = 20
# news outlets and broadcasters whose names hold a country name
_MEDIA_NAME = re.compile(
    r"\b(?:CNN\s+Indonesia|Vietnam\s+News|Vietnam\s+Television|Vietnam\s+Times|Voice\s+of\s+Vietnam"
    r"|China\s+Central\s+(?:Radio\s+and\s+)?Television|China\s+Daily|Japan\s+Times|Korea\s+Herald"
    r"|Russia\s+Today|Radio\s+Free\s+Asia)\b"
)


def _media_spans(text: str) -> list[tuple[int, int]]:
    """Spans of outlet names in ``text`` (empty for almost every sentence)."""
    return [m.span() for m in _MEDIA_NAME.finditer(text)]


def find_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, surface, iso3)`` of every country named in ``text``, in order."""
    pattern, lookup = alias_pattern()
    not_country = _NOT_COUNTRY_BEFORE.search
    found = []
    media = _media_spans(text)
    for m in pattern.finditer(text):
        start = m.start()
        if not_country(text[max(0, start - _BEFORE_WINDOW) : start]):
            continue
        if media and any(a <= start and m.end() <= b for a, b in media):
            continue
        surface = m.group()
        found.append((start, m.end(), surface, lookup[surface]))
    return found


def extract_mentions(fact_sentences: pd.DataFrame) -> pd.DataFrame:
    """The mentions table's rows for the given (fact-bearing) sentences.

    Columns: ``article_id``; ``sentence_id`` (the sentence naming the country); ``iso3`` (ISO 3166-1
    alpha-3, ``SUN`` for the Soviet Union); ``country`` (English short name); ``surface`` (the name as
    written); ``start``/``end`` (offsets in the file's text).
    """
    # find_mentions inlined: one regex scan per sentence, no call per sentence
    pattern, lookup = alias_pattern()
    finditer = pattern.finditer
    not_country = _NOT_COUNTRY_BEFORE.search
    rows = []
    names: dict[str, str] = {}
    for art, sid, text, start in zip(
        fact_sentences["article_id"].tolist(),
        fact_sentences["sentence_id"].tolist(),
        fact_sentences["text"].tolist(),
        fact_sentences["start"].tolist(),
    ):
        media = _media_spans(text)
        for m in finditer(text):
            s = m.start()
            if not_country(text[max(0, s - _BEFORE_WINDOW) : s]):
                continue
            if media and any(a <= s and m.end() <= b for a, b in media):
                continue
            surface = m.group()
            iso3 = lookup[surface]
            name = names.get(iso3)
            if name is None:
                name = names[iso3] = country_name(iso3)
            rows.append((art, sid, iso3, name, surface, start + s, start + m.end()))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "iso3", "country", "surface", "start", "end"])
