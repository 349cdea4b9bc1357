"""Country names as Indonesian news writes them, mapped to ISO 3166-1 alpha-3 codes.

Two sources, the curated one winning on a clash:

1. ``data/country_aliases.csv`` (columns ``alias,iso3,note,source``): the forms pycountry lacks or
   gets wrong for news text (Tiongkok, Rusia, AS, Inggris, Prancis, Ceko, Uni Soviet = ``SUN`` ...);
2. pycountry's Indonesian translations of ISO 3166-1 (``Cina``, ``Federasi Rusia``, ``Korea Utara``,
   ``Perancis`` ...): each country's translated name, translated official name, and for names written
   "Short, Qualifier" ("Iran, Republik Islam") the short part.

The ``country`` column is the English short name: pycountry's ``common_name`` where it has one,
else its ``name`` ("Vietnam", "Russian Federation"); ``SUN`` is "Soviet Union".
"""

from __future__ import annotations

import csv
import gettext
import re
from functools import lru_cache

import pandas as pd
import pycountry

from .paths import data_file

__all__ = ["ALIASES_FILE", "aliases", "country_name", "alias_pattern"]

ALIASES_FILE = "country_aliases.csv"
_HISTORIC_NAMES = {"SUN": "Soviet Union"}


def country_name(iso3: str) -> str:
    """English short name of an ISO 3166-1 alpha-3 code (``SUN`` -> "Soviet Union")."""
    if iso3 in _HISTORIC_NAMES:
        return _HISTORIC_NAMES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        historic = pycountry.historic_countries.get(alpha_3=iso3)
        if historic is None:
            raise KeyError(f"{iso3!r} is not an ISO 3166-1 alpha-3 code")
        return str(historic.name)
    return str(getattr(country, "common_name", None) or country.name)


def _pycountry_aliases() -> list[tuple[str, str, str]]:
    """(alias, iso3, source) from pycountry's Indonesian translation, short names first."""
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    full: list[tuple[str, str, str]] = []
    heads: list[tuple[str, str, str]] = []
    for c in pycountry.countries:
        name = translation.gettext(c.name)
        full.append((name, c.alpha_3, "pycountry name (id)"))
        official = getattr(c, "official_name", None)
        if official:
            full.append((translation.gettext(official), c.alpha_3, "pycountry official_name (id)"))
        if "," in name:
            heads.append((name.split(",")[0].strip(), c.alpha_3, "pycountry name (id), part before the comma"))
    return full + heads


@lru_cache(maxsize=1)
def aliases() -> pd.DataFrame:
    """Every alias the kit recognises: columns ``alias``, ``iso3``, ``country``, ``source``, sorted by alias.

    Curated aliases come first and win; a pycountry alias is dropped if it is already taken, has a
    comma, or is shorter than 3 letters (too ambiguous without curation).
    """
    table: dict[str, tuple[str, str]] = {}
    with data_file(ALIASES_FILE).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            alias = row["alias"].strip()
            if alias and alias not in table:
                table[alias] = (row["iso3"].strip(), row["source"].strip() or "curated")
    for alias, iso3, source in _pycountry_aliases():
        if "," in alias or len(alias) < 3 or alias in table:
            continue
        table[alias] = (iso3, source)
    rows = [(a, i, country_name(i), s) for a, (i, s) in sorted(table.items())]
    return pd.DataFrame(rows, columns=["alias", "iso3", "country", "source"])


def _trie_regex(words: list[str]) -> str:
    """An alternation of ``words`` as a character trie (fast to match; longer words tried first)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        alt = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{alt})?" if "" in node else alt

    return build(trie)


@lru_cache(maxsize=1)
def alias_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """A compiled regex matching any alias as a whole word, longest alias first, and surface -> iso3.

    Each alias matches as written (proper case) and in capitals ("RUSIA", "FEDERASI RUSIA");
    short all-capital aliases such as "AS" only as written. A match is a whole word: not inside a
    longer word ("VietnamPlus", "Rusvietpetro"), not a domain ("Vietnam.vn"); a hyphen separates
    words, so "Vietnam-Tiongkok" gives two matches.
    """
    lookup: dict[str, str] = {}
    for alias, iso3 in zip(aliases()["alias"], aliases()["iso3"]):
        lookup.setdefault(alias, iso3)
    for alias, iso3 in list(lookup.items()):
        lookup.setdefault(alias.upper(), iso3)
    pattern = re.compile(rf"{_first_char_trie_regex(sorted(lookup))}(?![\w])(?!\.\w)(?!@)")
    return pattern, lookup


def _first_char_trie_regex(words: list[str]) -> str:
    """``(?<![\\w@/])(?:trie)`` written so that the regex starts with the words' first letters.

    The "not after a word character, '@' or '/'" check is made right after the first letter, as a
    two-character look-behind, which means the same thing; starting with a literal letter lets the
    regex engine skip every position whose character cannot begin a name (about twice as fast).
    """
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        rest = _trie_regex([r for r in rests if r])
        if rest and "" in rests:
            rest = f"(?:{rest})?"
        branches.append(re.escape(first) + r"(?<![\w@/].)" + rest)
    return "(?:" + "|".join(branches) + ")"
