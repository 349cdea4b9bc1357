"""The kit's curated reference tables (``data/*.csv``), handed out as pandas DataFrames.

Every table is read once (cached) and each call returns a fresh copy, so a caller may change
what it gets without changing what the next caller sees. Rows come sorted, with a fresh
``RangeIndex``; date columns are ``datetime64`` (the first day of the period that is known,
with a ``*_precision`` column saying how much of the date is known).

Tables: :func:`levels`, :func:`partners`, :func:`partnership_history`, :func:`forums`,
:func:`glossary`, :func:`trade`, :func:`world_map`. Helpers: :func:`resolve_partner`,
:func:`level_counts_by_year`, :func:`partner_path`.

This module never imports matplotlib (drawing lives in :mod:`vnpartners.maps`).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

import pandas as pd

from ..errors import UnknownPartnerError
from ..paths import cached_per_data_folder, data_file

__all__ = [
    "STATUS_DATE",
    "LADDER_TIERS",
    "levels",
    "partners",
    "partnership_history",
    "forums",
    "glossary",
    "trade",
    "world_map",
    "resolve_partner",
    "level_counts_by_year",
    "partner_path",
]

#: The date the tables describe: levels in ``partners.csv`` are those in force on this day.
STATUS_DATE = pd.Timestamp("2025-12-31")
#: The rungs of the partnership ladder, highest first (``special`` is outside the ladder).
LADDER_TIERS: tuple[str, ...] = ("comprehensive_strategic", "strategic", "comprehensive")

DateLike = str | date | datetime | pd.Timestamp


# --------------------------------------------------------------------------- reading helpers
def _read_csv(name: str) -> pd.DataFrame:
    """Read one shipped CSV as text: empty cells become NA, nothing else is guessed."""
    path = data_file(name)
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")


def _parse_partial_date(values: pd.Series) -> pd.Series:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` text -> the first day of that period (NaT if empty)."""

    def one(v: Any) -> pd.Timestamp:
        if v is None or pd.isna(v) or str(v).strip() == "":
            return pd.NaT
        s = str(v).strip()
        if re.fullmatch(r"\d{4}", s):
            s += "-01-01"
        elif re.fullmatch(r"\d{4}-\d{2}", s):
            s += "-01"
        return pd.Timestamp(s)

    return pd.to_datetime(values.map(one)).astype("datetime64[ns]")


def _precision_of(values: pd.Series) -> pd.Series:
    def one(v: Any) -> Any:
        if v is None or pd.isna(v):
            return pd.NA
        return {4: "year", 7: "month", 10: "day"}.get(len(str(v).strip()), pd.NA)

    return values.map(one).astype("str")


def _to_timestamp(value: DateLike) -> pd.Timestamp:
    ts = pd.Timestamp(value)
    if pd.isna(ts):
        raise ValueError(f"as_of must be a date such as '2024-06-30', got {value!r}")
    return ts.normalize()


def _bool(series: pd.Series) -> pd.Series:
    return series.str.strip().str.lower().map({"true": True, "false": False}).astype(bool)


# --------------------------------------------------------------------------- levels
@cached_per_data_folder
def _levels() -> pd.DataFrame:
    df = _read_csv("levels.csv")
    df["rank"] = pd.to_numeric(df["rank"]).astype("Int64")
    df["in_ladder"] = _bool(df["in_ladder"])
    return df.sort_values(["rank", "level"], na_position="last", kind="stable").reset_index(drop=True)


def levels() -> pd.DataFrame:
    """The partnership levels (tiers) Vietnam uses, one row per level.

    Columns:
        level: machine name (``comprehensive_strategic``, ``comprehensive_strategic_cooperative``,
            ``strategic``, ``comprehensive``, ``special``).
        tier: the rung a level counts as; China's ``comprehensive_strategic_cooperative`` counts
            as ``comprehensive_strategic``.
        rank: 1 = highest rung; NA for ``special`` (outside the ladder).
        in_ladder: False for ``special`` (Laos, Cambodia, Cuba), which official tallies leave out.
        name_en, name_id, name_vi: the level's name in English, Indonesian and Vietnamese.
        meaning: one line on what the level means.
        source: space-separated addresses the row rests on.
    """
    return _levels().copy()


# --------------------------------------------------------------------------- partnership history
@cached_per_data_folder
def _history() -> pd.DataFrame:
    df = _read_csv("partnership_history.csv")
    df["date_text"] = df["date"]
    df["date"] = _parse_partial_date(df["date_text"])
    df["date_end"] = _parse_partial_date(df["date_end"])
    tiers = _levels().set_index("level")
    df["tier"] = df["level"].map(tiers["tier"]).astype("str")
    df["rank"] = df["level"].map(tiers["rank"]).astype("Int64")
    cols = ["iso3", "level", "tier", "rank", "action", "date", "date_end", "date_precision", "date_text",
            "framework_name", "source_urls", "note"]
    df = df[cols].sort_values(["iso3", "date", "action"], na_position="first", kind="stable")
    return df.reset_index(drop=True)


def partnership_history() -> pd.DataFrame:
    """Every dated step of every partnership, one row per (country, level, action).

    Columns:
        iso3: the partner (ISO 3166-1 alpha-3).
        level, tier, rank: the level set (see :func:`levels`).
        action: ``established`` (first framework), ``upgraded`` (a higher tier), or ``deepened``
            (an existing level strengthened, e.g. Japan's "extensive" SP of 2014, Russia's June-2024
            joint statement on deepening the CSP). As-of logic ignores ``deepened`` rows.
        date: first day of the known period (datetime; NaT where no date was found).
        date_end: last possible day when only a range is known (``date_precision == "range"``).
        date_precision: ``day``, ``month``, ``year``, ``range`` or ``unknown``.
        date_text: the date as written in the CSV.
        framework_name: the framework's own name (e.g. "Extensive Strategic Partnership ...").
        source_urls: space-separated addresses; note: disagreements and caveats.
    """
    return _history().copy()


# --------------------------------------------------------------------------- partners
@cached_per_data_folder
def _partners_table() -> pd.DataFrame:
    df = _read_csv("partners.csv")
    tiers = _levels().set_index("level")
    df["tier"] = df["level"].map(tiers["tier"]).astype("str")
    df["rank"] = df["level"].map(tiers["rank"]).astype("Int64")
    df["level_since"] = _parse_partial_date(df["since"])
    df["level_since_precision"] = df["since_precision"].astype("str")
    df["diplomatic_relations_since"] = _parse_partial_date(df["diplomatic_relations_since"])
    df["lat"] = pd.to_numeric(df["lat"]).astype(float)
    df["lon"] = pd.to_numeric(df["lon"]).astype(float)
    return df.sort_values("iso3", kind="stable").reset_index(drop=True)


_PARTNER_COLUMNS = ["iso3", "country_en", "country_id", "region", "level", "tier", "rank", "level_since",
                    "level_since_precision", "diplomatic_relations_since", "capital", "lat", "lon",
                    "source_urls", "note"]


@cached_per_data_folder
def _partners_by_iso3() -> pd.DataFrame:
    return _partners_table().set_index("iso3")


@cached_per_data_folder
def _dated_steps() -> pd.DataFrame:
    """The history's level steps (``deepened`` left out), each with the day it takes effect
    (``_effective``), sorted by partner then that day: the part of :func:`_partners_as_of` that does
    not depend on the date, computed once."""
    base = _partners_by_iso3()
    hist = _history()
    steps = hist[hist["action"] != "deepened"]
    # dated steps on or before as_of; undated ones (Cambodia's and Cuba's "special" label) count
    # from the day diplomatic relations began
    relations = steps["iso3"].map(base["diplomatic_relations_since"])
    effective = steps["date"].fillna(relations)
    steps = steps.assign(_effective=effective)
    steps = steps[steps["_effective"].notna()]
    return steps.sort_values(["iso3", "_effective"], kind="stable")


@cached_per_data_folder
def _partners_as_of(as_of: pd.Timestamp) -> pd.DataFrame:
    base = _partners_by_iso3()
    steps = _dated_steps()
    steps = steps[steps["_effective"] <= as_of]
    # the last step of each partner on or before as_of (steps are sorted by partner, then date)
    last = steps.drop_duplicates("iso3", keep="last").set_index("iso3")
    out = base.loc[last.index].copy()
    out["level"] = last["level"]
    out["tier"] = last["tier"]
    out["rank"] = last["rank"]
    out["level_since"] = last["date"]
    out["level_since_precision"] = last["date_precision"]
    out = out.reset_index()[_PARTNER_COLUMNS]
    return out.sort_values("iso3", kind="stable").reset_index(drop=True)


def partners(as_of: DateLike | None = None) -> pd.DataFrame:
    """Vietnam's partners and each one's level, one row per country, sorted by ``iso3``.

    ``as_of=None`` gives the table as of 31 Dec 2025 (:data:`STATUS_DATE`): 14 comprehensive
    strategic (China's under its own name), 14 strategic, 14 comprehensive, plus Laos, Cambodia and
    Cuba ("special"). With ``as_of`` (``"2024-06-30"``, a ``date``...), each country's level on
    that day is rebuilt from :func:`partnership_history`; countries with no level yet are dropped,
    ``deepened`` steps are ignored, and a step known only to the month (or year) counts from the
    first day of that month (or year). Dates after 2025-12-31 give the end-2025 picture: the
    tables are not updated past it.

    Columns:
        iso3: ISO 3166-1 alpha-3 code.
        country_en, country_id: English and Indonesian short names.
        region: broad region for layouts (Southeast Asia, East Asia, South Asia, Europe, Central Asia,
            South Caucasus, Middle East & North Africa, Sub-Saharan Africa, Americas, Oceania).
        level, tier, rank: the level in force (see :func:`levels`).
        level_since: when that level was set (datetime; NaT for Cambodia's and Cuba's undated label);
        level_since_precision: ``day``, ``month``, ``year``, ``range`` or ``unknown``.
        diplomatic_relations_since: date diplomatic relations were established (datetime).
        capital, lat, lon: the capital, used as a representative point for map markers.
        source_urls: space-separated addresses; note: disagreements and confidence.
    """
    if as_of is None:
        return _partners_table()[_PARTNER_COLUMNS].copy()
    return _partners_as_of(_to_timestamp(as_of)).copy()


def partner_names() -> pd.DataFrame:
    """partners.csv as read, with its ``other_names`` column (the names :func:`resolve_partner` knows)."""
    return _partners_table().copy()


# --------------------------------------------------------------------------- forums, glossary, trade
@cached_per_data_folder
def _forums() -> pd.DataFrame:
    df = _read_csv("forums.csv")
    df["since"] = pd.to_numeric(df["since"]).astype("Int64")
    return df.sort_values(["forum", "member_iso3", "member_name"], na_position="last",
                          kind="stable").reset_index(drop=True)


def forums() -> pd.DataFrame:
    """Membership of the groupings the seed articles name, one row per (forum, member).

    Columns:
        forum: short code (UN, ASEAN, APEC, ASEM, ARF, CICA, EAEU, SCO, BRICS, RCEP, CPTPP, ACFTA).
        forum_name_en, forum_name_id: the grouping's name in English and Indonesian.
        forum_kind: international organisation, regional organisation, economic forum, FTA ...
        vietnam_role: Vietnam's place in the grouping (member, participant, party, FTA partner,
            BRICS partner country since 2025, or none for the SCO).
        member_iso3: the member's ISO3 code (NA for organisations such as the EU in ARF/ASEM).
        member_name: English name; member_kind: ``state``, ``economy`` (Hong Kong, Chinese Taipei)
            or ``organisation``.
        member_role: member, participant, party, partner country, FTA partner.
        since: year of joining or of entry into force, where known (Int64).
        source_url: official page; note: caveats. The UN rows cover only the countries in
            :func:`partners` plus Vietnam.
    """
    return _forums().copy()


@cached_per_data_folder
def _glossary() -> pd.DataFrame:
    df = _read_csv("glossary.csv")
    return df.sort_values(["category", "term_id"], key=lambda s: s.str.casefold(),
                          kind="stable").reset_index(drop=True)


def glossary() -> pd.DataFrame:
    """Diplomatic terms of the seed articles, one row per Indonesian term.

    Columns:
        term_id: the term in Indonesian as the seeds write it.
        term_en, term_vi: English and Vietnamese (with diacritics) equivalents.
        category: partnership level, action, relation, visit, document, office, mechanism, economy.
        meaning: one line; seen_in: space-separated seed numbers (``000``...) whose text uses it.
        source: where the term and its equivalents come from.
    """
    return _glossary().copy()


@cached_per_data_folder
def _trade() -> pd.DataFrame:
    df = _read_csv("trade.csv")
    df["year"] = pd.to_numeric(df["year"]).astype("Int64")
    df["value_usd"] = pd.to_numeric(df["value_usd"]).astype(float)
    for col in ("is_lower_bound", "is_approx"):
        df[col] = _bool(df[col])
    return df.reset_index(drop=True)


def trade() -> pd.DataFrame:
    """Vietnam's goods trade with partners by year, tidy: one row per (record, flow).

    Values are transcribed as reported; nothing is interpolated or derived, and where sources
    disagree each keeps its own row (e.g. Russia 2017: 3.55 bn Vietnamese vs 5.35 bn Russian).

    Columns:
        record_id: the source record (``R…`` from the research table, ``S…`` from seed article 000);
            the flows of one record share it.
        partner_iso3: ISO3 of the partner (NA for the EU, ASEAN and EAEU groupings);
        partner_name: English name of the partner or grouping.
        year (Int64), period: ``FY`` (full year), ``Q1``, ``Jan-Aug``.
        flow: ``turnover`` (exports + imports as stated), ``exports`` (Vietnam's exports to the partner),
            ``imports`` (Vietnam's imports from it). Partner-side figures are already flipped.
        value_usd: US dollars, fully scaled (3.63 bn -> 3630000000.0).
        reporter: whose statistics: ``vietnam``, ``partner`` (mirror data) or ``unstated``.
        statistic_source: the statistic the article cites; source_url: the article.
        is_lower_bound: the source says "more than"; is_approx: "nearly", "about", rounded.
        flag: ``suspect`` or ``pre_year_end_estimate`` where the research found a problem.
        note: disagreements, mirror details, growth rates stated.
    """
    return _trade().copy()


# --------------------------------------------------------------------------- world map
# Natural Earth gives -99 in iso_a3_eh for a few units; these are the codes the kit uses instead.
_NE_CODE_FIX = {"KOS": "XKX", "SAH": "ESH", "PSX": "PSE", "SDS": "SSD"}


def _ne_iso3(props: dict[str, Any]) -> str:
    eh = str(props.get("iso_a3_eh") or "-99")
    adm = str(props.get("adm0_a3") or "")
    if eh != "-99":
        return eh
    return _NE_CODE_FIX.get(adm, adm)


@cached_per_data_folder
def _world_map() -> pd.DataFrame:
    with open(data_file("ne_110m_countries.geojson"), encoding="utf-8") as fh:
        gj = json.load(fh)
    rows = []
    for feat in gj["features"]:
        props = feat["properties"]
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = tuple(tuple(tuple((float(x), float(y)) for x, y in ring) for ring in poly) for poly in polys)
        xs = [x for poly in rings for ring in poly for x, _ in ring]
        ys = [y for poly in rings for ring in poly for _, y in ring]
        rows.append({
            "iso3": _ne_iso3(props), "adm0_a3": props["adm0_a3"],
            "iso_a2": None if props["iso_a2"] == "-99" else props["iso_a2"],
            "name": props["name"], "name_id": props["name_id"], "polygons": rings,
            "min_lon": min(xs), "max_lon": max(xs), "min_lat": min(ys), "max_lat": max(ys),
        })
    df = pd.DataFrame(rows)
    return df.sort_values("iso3", kind="stable").reset_index(drop=True)


def world_map() -> pd.DataFrame:
    """Natural Earth 1:110m country outlines (public domain), one row per map unit.

    Columns:
        iso3: ISO3 code (Natural Earth's ``iso_a3_eh``; where that is -99 the unit's ``adm0_a3``, with
            Kosovo -> XKX; Norway resolves to NOR; N. Cyprus (CYN) and Somaliland (SOL) keep
            Natural Earth's own codes).
        adm0_a3, iso_a2: Natural Earth's codes (iso_a2 NA where Natural Earth has -99).
        name, name_id: English and Indonesian names.
        polygons: a tuple of polygons; each polygon a tuple of rings (the first the outline, the others
            holes); each ring a tuple of (lon, lat) pairs in degrees (WGS84).
        min_lon, max_lon, min_lat, max_lat: the unit's bounding box.
    Singapore has no polygon at this scale (see :mod:`vnpartners.maps`, which draws a marker).
    """
    return _world_map().copy()


# --------------------------------------------------------------------------- resolve_partner
def resolve_partner(name_or_code: str) -> str:
    """ISO3 code of a country from its code or its English, Indonesian or Vietnamese name.

    The kit's one country-name resolver, :func:`vnpartners.reference.countries.resolve_country`
    (see there for the order of look-up): ``"Rusia"`` -> ``"RUS"``, ``"AS"`` -> ``"USA"``.

    Raises:
        UnknownPartnerError: nothing matches; the message lists the closest known names.
    """
    from .countries import resolve_country

    return resolve_country(name_or_code)


# --------------------------------------------------------------------------- derived views
def level_counts_by_year(start: int = 2001, end: int = 2025) -> pd.DataFrame:
    """How many partners were at each tier on 31 Dec of each year, one row per year.

    Columns: ``year``; ``comprehensive_strategic`` (China counted here), ``strategic``,
    ``comprehensive``; ``total`` (the three tiers: the figure official tallies give, e.g. 42 at
    end-2025); ``special`` (Laos, Cambodia, Cuba, not in ``total``).
    """
    if start > end:
        raise ValueError(f"start ({start}) must not be after end ({end})")
    # the same counts as partners(f"{year}-12-31")["tier"].value_counts(), without building each table:
    # a partner's tier on a day is the tier of its last step on or before that day
    steps = _dated_steps()
    unknown = set(steps["iso3"]) - set(_partners_by_iso3().index)
    if unknown:  # partners() would fail on these: keep its error
        return pd.DataFrame([_year_counts(partners(f"{y}-12-31"), y) for y in range(start, end + 1)],
                            columns=["year", *LADDER_TIERS, "total", "special"])
    timeline = list(zip(steps["_effective"].tolist(), steps["iso3"].tolist(), steps["tier"].tolist()))
    rows = []
    for year in range(start, end + 1):
        day = _to_timestamp(f"{year}-12-31")
        tier_of: dict[str, str] = {}
        for when, iso3, tier in timeline:
            if when <= day:
                tier_of[iso3] = tier
        counts: dict[str, int] = {}
        for tier in tier_of.values():
            counts[tier] = counts.get(tier, 0) + 1
        row: dict[str, int] = {"year": year}
        for tier in LADDER_TIERS:
            row[tier] = int(counts.get(tier, 0))
        row["total"] = sum(row[t] for t in LADDER_TIERS)
        row["special"] = int(counts.get("special", 0))
        rows.append(row)
    return pd.DataFrame(rows, columns=["year", *LADDER_TIERS, "total", "special"])


def _year_counts(p: pd.DataFrame, year: int) -> dict[str, int]:
    counts = p["tier"].value_counts()
    row: dict[str, int] = {"year": year}
    for tier in LADDER_TIERS:
        row[tier] = int(counts.get(tier, 0))
    row["total"] = sum(row[t] for t in LADDER_TIERS)
    row["special"] = int(counts.get("special", 0))
    return row


def partner_path(iso3: str) -> pd.DataFrame:
    """One partner's path upward: diplomatic relations, then every level step, in date order.

    ``iso3`` may be any form :func:`resolve_partner` accepts. Columns: ``iso3``, ``step`` (0 =
    diplomatic relations), ``date`` (datetime), ``date_precision``, ``event``
    (``diplomatic_relations`` or the action: established/upgraded/deepened), ``level``, ``tier``,
    ``rank``, ``framework_name``, ``source_urls``, ``note``.

    Raises:
        UnknownPartnerError: the country is not in :func:`partners`.
    """
    code = resolve_partner(iso3)
    table = _partners_table()
    if code not in set(table["iso3"]):
        raise UnknownPartnerError(
            f"{iso3!r} ({code}) has no partnership framework with Vietnam in the kit's tables "
            "(see vnpartners.reference.partners())."
        )
    p = table.set_index("iso3").loc[code]
    first = pd.DataFrame([{
        "iso3": code, "date": p["diplomatic_relations_since"], "date_precision": "day",
        "event": "diplomatic_relations", "level": pd.NA, "tier": pd.NA, "rank": pd.NA,
        "framework_name": "Diplomatic relations", "source_urls": p["source_urls"], "note": pd.NA,
    }])
    h = _history()
    h = h[h["iso3"] == code].rename(columns={"action": "event"})
    cols = ["iso3", "date", "date_precision", "event", "level", "tier", "rank", "framework_name", "source_urls", "note"]
    out = pd.concat([first.astype({"rank": "Int64"}), h[cols]], ignore_index=True)
    out = out.sort_values("date", kind="stable", na_position="last").reset_index(drop=True)
    out.insert(1, "step", range(len(out)))
    return out[["iso3", "step", *cols[1:]]]
