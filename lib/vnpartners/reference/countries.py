"""Country names and codes: the kit's one place that turns a name into an ISO 3166-1 alpha-3 code.

- :func:`aliases` and :func:`alias_pattern`: names as Indonesian news writes them, for finding
  countries in text (:mod:`vnpartners.facts.mentions`);
- :func:`resolve_country`: a name or code a user types ("Rusia", "RUS", "ru", "Tiongkok") to its
  code (reports, ``reference.partner_path`` ...);
- :func:`continuing_state`: the rule that the Soviet Union (``SUN``) counts as Russia, its
  continuing state, wherever facts are counted per partner;
- :func:`country_name`: the English short name of a code.

The names come from two sources, the curated one winning on a clash:

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
import difflib
import gettext
import re
import unicodedata

import pandas as pd
import pycountry

from ..errors import UnknownPartnerError
from ..paths import cached_per_data_folder, data_file

__all__ = ["ALIASES_FILE", "CONTINUING_STATES", "aliases", "alias_pattern", "continuing_state", "country_name",
           "resolve_country"]

ALIASES_FILE = "country_aliases.csv"
#: codes outside ISO 3166-1 the kit uses: a historic state and a union of states
_HISTORIC_NAMES = {"SUN": "Soviet Union", "EUU": "European Union"}
#: a state that no longer exists -> the state that continues it (its treaties, seat and ties)
CONTINUING_STATES = {"SUN": "RUS"}


def continuing_state(iso3: str) -> str:
    """The code facts about ``iso3`` are counted under: the Soviet Union's under Russia, others unchanged.

    >>> continuing_state("SUN"), continuing_state("KAZ")
    ('RUS', 'KAZ')
    """
    return CONTINUING_STATES.get(iso3, iso3)


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


@cached_per_data_folder
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


@cached_per_data_folder
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


# --------------------------------------------------------------------------- names a user types
def _norm(text: str) -> str:
    """Case, accents and punctuation folded away: "Việt Nam" and "viet nam" give the same key."""
    t = unicodedata.normalize("NFKD", str(text)).casefold()
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = t.replace("đ", "d")
    t = re.sub(r"[.'’`]", "", t)
    t = re.sub(r"[^0-9a-z]+", " ", t)
    return t.strip()


@cached_per_data_folder
def _name_index() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(iso3 codes, names, iso2 codes, display form per normalised key), all keyed by normalised text."""
    from .tables import partner_names, world_map

    codes3: dict[str, str] = {}
    names: dict[str, str] = {}
    codes2: dict[str, str] = {}
    display: dict[str, str] = {}

    def add(table: dict[str, str], key: object, iso3: str) -> None:
        if not isinstance(key, str):
            return
        k = _norm(key)
        if k and k not in table:
            table[k] = iso3
            display.setdefault(k, key)

    # 1. the kit's own partner names come first (Indonesian usage: "AS" is the United States)
    for row in partner_names().itertuples(index=False):
        add(codes3, row.iso3, row.iso3)
        for name in [row.country_en, row.country_id, *str(row.other_names or "").split(";")]:
            if name and name != "nan":
                add(names, name.strip(), row.iso3)
    # 2. the curated aliases of news text (Vietnam, Uni Soviet ...), then the map's names
    for alias, iso3 in zip(aliases()["alias"], aliases()["iso3"]):
        add(names, alias, iso3)
        if iso3 in _HISTORIC_NAMES:
            add(codes3, iso3, iso3)
    for row in world_map().itertuples(index=False):
        add(names, row.name, row.iso3)
        add(names, row.name_id, row.iso3)
        if len(row.iso3) == 3 and row.iso3.isalpha():
            add(codes3, row.iso3, row.iso3)
        if row.iso_a2:
            add(codes2, row.iso_a2, row.iso3)
    # 3. ISO 3166 names and codes
    for c in pycountry.countries:
        add(codes3, c.alpha_3, c.alpha_3)
        add(codes2, c.alpha_2, c.alpha_3)
        for attr in ("name", "common_name", "official_name"):
            add(names, getattr(c, attr, None), c.alpha_3)
    return codes3, names, codes2, display


def resolve_country(name_or_code: str) -> str:
    """ISO3 code of a country given its ISO3 or ISO2 code or its English, Indonesian or Vietnamese name.

    Case, accents and punctuation are ignored: ``"RUS"``, ``"Russia"``, ``"Rusia"``,
    ``"Federasi Rusia"`` all give ``"RUS"``; ``"Tiongkok"`` and ``"China"`` give ``"CHN"``.
    Order of look-up: ISO3 code, then names (the kit's partner names first, then the curated
    aliases of news text, Natural Earth's and ISO 3166's names), then ISO2 code, so the Indonesian
    abbreviation ``"AS"`` (Amerika Serikat) gives ``"USA"``, not American Samoa. ``"Uni Soviet"``
    gives ``"SUN"``.

    Raises:
        UnknownPartnerError: nothing matches; the message lists the closest known names.
    """
    if not isinstance(name_or_code, str) or not name_or_code.strip():
        raise UnknownPartnerError(f"A partner name or code is needed, got {name_or_code!r}.")
    codes3, names, codes2, display = _name_index()
    key = _norm(name_or_code)
    raw = name_or_code.strip()
    if len(raw) == 3 and raw.isalpha() and key in codes3:
        return codes3[key]
    if key in names:
        return names[key]
    if len(raw) == 2 and raw.isalpha() and key in codes2:
        return codes2[key]
    candidates = sorted(set(names) | set(codes3))
    close = difflib.get_close_matches(key, candidates, n=5, cutoff=0.6)
    table = {**codes3, **names}
    hint = ", ".join(f"{display.get(k, k)!r} ({table[k]})" for k in close)
    msg = f"Unknown partner {name_or_code!r}."
    msg += f" Close matches: {hint}." if hint else " No close match among the known country names."
    msg += " Use an ISO3/ISO2 code or an English or Indonesian country name (see vnpartners.reference.partners())."
    raise UnknownPartnerError(msg)
