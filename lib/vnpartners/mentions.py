"""Country mentions: one row per country name in a fact-bearing sentence.

Rules (see :mod:`vnpartners.gazetteer` for the names):

- longest name first: "Federasi Rusia" and "Republik Rakyat Tiongkok" are one mention each;
- whole words only: "VietnamPlus", "Rusvietpetro", "Vietnam.vn" are not mentions; a hyphen separates
  names, so "Vietnam-Tiongkok" is two mentions;
- names as written (proper case) or in capitals; "AS" only in capitals;
- not a mention: a language ("bahasa Inggris", "berbahasa Jepang") or a currency ("dolar AS",
  "yen Jepang", "yuan Tiongkok"). A people or origin ("rakyat Vietnam", "wisatawan Rusia",
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


def find_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, surface, iso3)`` of every country named in ``text``, in order."""
    pattern, lookup = alias_pattern()
    found = []
    for m in pattern.finditer(text):
        if _NOT_COUNTRY_BEFORE.search(text[max(0, m.start() - _BEFORE_WINDOW) : m.start()]):
            continue
        found.append((m.start(), m.end(), m.group(), lookup[m.group()]))
    return found


def extract_mentions(fact_sentences: pd.DataFrame) -> pd.DataFrame:
    """The mentions table's rows for the given (fact-bearing) sentences.

    Columns: ``article_id``; ``sentence_id`` (the sentence naming the country); ``iso3`` (ISO 3166-1
    alpha-3, ``SUN`` for the Soviet Union); ``country`` (English short name); ``surface`` (the name as
    written); ``start``/``end`` (offsets in the file's text).
    """
    rows = []
    for art, sid, text, start in zip(
        fact_sentences["article_id"], fact_sentences["sentence_id"], fact_sentences["text"], fact_sentences["start"]
    ):
        for s, e, surface, iso3 in find_mentions(text):
            rows.append((art, sid, iso3, country_name(iso3), surface, int(start) + s, int(start) + e))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "iso3", "country", "surface", "start", "end"])
