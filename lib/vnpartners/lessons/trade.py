"""Vietnam's goods trade with its partners: series, disagreements, growth and charts (lesson 03).

Everything here takes and returns pandas DataFrames (or matplotlib Figures) and is deterministic:
rows are sorted, ties are broken by a written rule, nothing is random. Nothing is interpolated:
a year with no figure stays a row with a missing value, and a chart shows it as a gap.

Two sources of numbers:

* :func:`vnpartners.reference.trade` (``trade_df`` below), the kit's curated table: one row per
  (source record, flow), values in US dollars, with ``reporter`` saying whose statistics they are
  (``vietnam``, ``partner`` = mirror data, ``unstated``);
* ``corpus.figures`` from :func:`vnpartners.load_seeds`, the figures the seed articles state
  (:func:`seed_trade_figures`, :func:`investment_table`).

Tables derived here give money in **billion USD** (columns ending ``_bn``), the unit of the charts.
The charts (``plot_series``, ``plot_side_by_side``, ``plot_scale``) live in :mod:`.trade_charts` and are
reached from here; the growth arithmetic (``cagr``, ``growth_paths`` ...) lives in :mod:`.growth`.

>>> from vnpartners import reference, trade
>>> t = reference.trade()
>>> trade.series(t, "RUS").dropna(subset=["value_bn"]).head(2)[["year", "value_bn", "record_id"]]  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..facts.modality import stated
from .growth import annualise, annualise_quarter, average_growth, cagr, compound_path, growth_paths

__all__ = [
    "BILLION",
    "EAEU_FTA_IN_FORCE",
    "REPORTER_LABELS",
    "TABLE_SOURCE",
    "SEEDS_SOURCE",
    "PERIOD_MONTHS",
    "partner_rows",
    "partner_label",
    "eaeu_members",
    "series",
    "side_by_side",
    "growth_table",
    "cagr",
    "compound_path",
    "average_growth",
    "growth_paths",
    "partners_with_trade",
    "annualise",
    "annualise_quarter",
    "stated_growth_pct",
    "part_year_table",
    "seed_trade_figures",
    "seed_vs_table",
    "latest_turnover",
    "investment_table",
]

#: one billion: the unit of every ``*_bn`` column and of the charts' value axes
BILLION = 1e9
#: the Vietnam-EAEU free trade agreement came into force in October 2016 (first day of the month
#: used as the date; see ``reference.forums()``, forum ``EAEU``, column ``vietnam_role``)
EAEU_FTA_IN_FORCE = pd.Timestamp("2016-10-01")
#: how the ``reporter`` values read in legends and prose
REPORTER_LABELS = {
    "vietnam": "Vietnamese statistics",
    "partner": "partner's statistics (mirror data)",
    "unstated": "statistics not named",
}
#: source lines of the charts
TABLE_SOURCE = ("Source: the kit's trade table, vnpartners.reference.trade() (news reports quoting "
                "Vietnamese and partner statistics)")
SEEDS_SOURCE = "Source: the kit's seed articles, read by vnpartners.load_seeds()"
#: months covered by each ``period`` of the trade table
PERIOD_MONTHS = {"FY": 12, "Q1": 3, "H1": 6, "Jan-Aug": 8, "9M": 9, "11M": 11}

_FLOW_TITLES = {"turnover": "trade turnover", "exports": "trade: Vietnam's exports",
                "imports": "trade: Vietnam's imports"}
_REPORTER_STYLE = {  # colour, marker
    "vietnam": ("#C44E52", "o"),
    "partner": ("#4C72B0", "s"),
    "unstated": ("#8C8C8C", "D"),
}
_SERIES_COLUMNS = ["year", "value_usd", "value_bn", "record_id", "reporter", "is_lower_bound", "is_approx",
                   "flag", "statistic_source", "n_rows", "other_values_bn"]


# ----------------------------------------------------------------------------- partners
def partner_rows(trade_df: pd.DataFrame, partner: str) -> pd.DataFrame:
    """The rows of ``trade_df`` about one partner.

    ``partner`` is an ISO3 code (``"RUS"``), a country name the kit knows (``"Russia"``,
    ``"Tiongkok"``) or a grouping's name or abbreviation (``"EAEU"``, ``"ASEAN"``,
    ``"European Union"``). Unknown partners give an empty table (not an error).
    """
    return _partner_rows(trade_df, partner).copy()


def _partner_rows(trade_df: pd.DataFrame, partner: str) -> pd.DataFrame:
    """:func:`partner_rows` without the copy (for reading only)."""
    key = str(partner).strip()
    iso = trade_df["partner_iso3"].astype("string").str.upper()
    hit = iso == key.upper()
    if not hit.any():
        names = trade_df["partner_name"].astype("string")
        short = names.str.extract(r"\(([^)]*)\)", expand=False)
        hit = (names.str.casefold() == key.casefold()) | (short.str.casefold() == key.casefold())
    if not hit.fillna(False).any():
        try:
            from ..reference import resolve_partner

            hit = iso == resolve_partner(key)
        except Exception:  # an unknown name is simply a partner with no rows
            pass
    return trade_df[hit.fillna(False).to_numpy(dtype=bool)]


def partner_label(partner: str, trade_df: pd.DataFrame | None = None) -> str:
    """A readable name for ``partner``: the trade table's name, else the kit's partner list, else the code."""
    if trade_df is not None:
        rows = _partner_rows(trade_df, partner)
        if len(rows):
            return str(rows["partner_name"].iloc[0])
    try:
        from ..reference import partners

        p = partners().set_index("iso3")
        if str(partner).upper() in p.index:
            return str(p.loc[str(partner).upper(), "country_en"])
    except Exception:  # pragma: no cover - the reference tables are shipped with the kit
        pass
    return str(partner)


def eaeu_members() -> list[str]:
    """ISO3 codes of the Eurasian Economic Union's members (from ``reference.forums()``), sorted."""
    from ..reference import forums

    f = forums()
    members = f[(f["forum"] == "EAEU") & (f["member_role"] == "member")]["member_iso3"].dropna()
    return sorted(str(x) for x in members)


# ----------------------------------------------------------------------------- one series
def _reporters(reporter: str | Sequence[str]) -> tuple[str, ...]:
    reporters = (reporter,) if isinstance(reporter, str) else tuple(reporter)
    unknown = sorted(set(reporters) - set(REPORTER_LABELS))
    if unknown or not reporters:
        raise ValueError(f"reporter must be one of {sorted(REPORTER_LABELS)} (or a sequence of them), got {reporter!r}")
    return reporters


def series(
    trade_df: pd.DataFrame,
    iso3: str,
    flow: str = "turnover",
    reporter: str | Sequence[str] = "vietnam",
    *,
    period: str = "FY",
) -> pd.DataFrame:
    """One value per year for one partner, flow and reporter; years without a figure stay missing.

    ``reporter`` is ``"vietnam"``, ``"partner"`` or ``"unstated"``, or a sequence of them in order
    of preference (e.g. ``("vietnam", "unstated")``): a later reporter is used only in years where
    no earlier one has a row. The ``reporter`` column says whose figure each year shows.

    **Rule when a year has several rows** (e.g. Kazakhstan 2024, partner side: 879 m and 860 m),
    the first row after sorting by

    1. reporter, in the order given;
    2. unflagged before flagged (``suspect``, ``pre_year_end_estimate``);
    3. exact before lower bound ("more than ...");
    4. exact before approximate ("about", "nearly", rounded);
    5. ``record_id`` (the research table's order; seed rows ``S…`` after ``R…``).

    The other candidates' values are listed in ``other_values_bn`` so nothing is hidden, and
    ``n_rows`` counts the candidates. Only rows of the given ``flow`` count: exports and imports
    are never added up into a turnover.

    Returns one row per year from the first to the last year with a figure (years in between with
    no figure have missing values: **no interpolation**), columns ``year`` (Int64), ``value_usd``,
    ``value_bn``, ``record_id``, ``reporter``, ``is_lower_bound``, ``is_approx``, ``flag``,
    ``statistic_source``, ``n_rows`` (Int64), ``other_values_bn`` (text). No rows → an empty
    table with these columns.
    """
    reporters = _reporters(reporter)
    rows = _partner_rows(trade_df, iso3)
    rows = rows[((rows["flow"] == flow) & (rows["period"] == period) & rows["reporter"].isin(reporters))
                .to_numpy(dtype=bool)]
    if rows.empty:
        return _empty_series()
    # the sort keys keep the table's dtypes (missing values last, as in a sort of the rows themselves)
    order = pd.DataFrame({
        "year": rows["year"].array, "_rep": rows["reporter"].map({r: i for i, r in enumerate(reporters)}).array,
        "_flagged": rows["flag"].notna().array, "is_lower_bound": rows["is_lower_bound"].array,
        "is_approx": rows["is_approx"].array, "record_id": rows["record_id"].array,
    })
    pos = order.sort_values(list(order.columns), kind="stable").index.to_numpy()
    # group the (few) sorted rows by year in plain Python: the first row of a year is the one
    # chosen, the others are listed; rows without a year belong to no year
    cols = {}
    for c in ("year", "value_usd", "record_id", "reporter", "flag", "statistic_source", "is_lower_bound", "is_approx"):
        values = rows[c].tolist()
        cols[c] = [values[i] for i in pos]
    by_year: dict[int, list[int]] = {}
    for i, y in enumerate(cols["year"]):
        if not pd.isna(y):
            by_year.setdefault(int(y), []).append(i)
    if not by_year:
        return _empty_series()
    years = range(min(by_year), max(by_year) + 1)
    first = [by_year[y][0] if y in by_year else None for y in years]

    def pick(col: str) -> list[Any]:
        return [None if i is None else cols[col][i] for i in first]

    others = []
    for y in years:
        rest = by_year.get(y, [])[1:]
        text = "; ".join(f"{cols['value_usd'][i] / BILLION:.4g} ({cols['reporter'][i]}, {cols['record_id'][i]})"
                         for i in rest)
        others.append(text or None)
    value_usd = np.array([np.nan if v is None else v for v in pick("value_usd")], dtype="float64")
    # one DataFrame built column-wise at once (adding columns one by one cost more than the rest)
    out: dict[str, Any] = {"year": pd.array(list(years), dtype="Int64"), "value_usd": value_usd,
                           "value_bn": value_usd / BILLION}
    for col in ("record_id", "reporter", "flag", "statistic_source"):
        out[col] = pd.array(pick(col), dtype="string")
    for col in ("is_lower_bound", "is_approx"):
        out[col] = pd.array(pick(col), dtype="boolean")
    out["n_rows"] = pd.array([len(by_year.get(y, [])) for y in years], dtype="Int64")
    out["other_values_bn"] = pd.array(others, dtype="string")
    return pd.DataFrame(out, columns=_SERIES_COLUMNS)


def _empty_series() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in _series_dtypes().items()})


def _series_dtypes() -> dict[str, Any]:
    return {"year": "Int64", "value_usd": "float64", "value_bn": "float64", "record_id": "string",
            "reporter": "string", "is_lower_bound": "boolean", "is_approx": "boolean", "flag": "string",
            "statistic_source": "string", "n_rows": "Int64", "other_values_bn": "string"}


def side_by_side(trade_df: pd.DataFrame, iso3: str, flow: str = "turnover") -> pd.DataFrame:
    """Vietnam's and the partner's statistics for the same trade, one row per year.

    Each side is :func:`series` with ``reporter="vietnam"`` or ``"partner"`` (same rule for
    several rows). Rows ``unstated`` are left out: nobody says whose statistics they are.

    Columns: ``year``; ``vietnam_bn``, ``partner_bn`` (billion USD, missing where that side has no
    figure); ``gap_bn`` = partner − Vietnam; ``ratio`` = partner / Vietnam (both only where both
    sides have a figure); ``both`` (True when both sides exist); ``vietnam_record``,
    ``partner_record``. Years run from the first to the last year either side has.
    """
    vn = series(trade_df, iso3, flow, "vietnam")
    pa = series(trade_df, iso3, flow, "partner")
    cols = ["year", "vietnam_bn", "partner_bn", "gap_bn", "ratio", "both", "vietnam_record", "partner_record"]
    if vn.empty and pa.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
            cols, ["Int64", "float64", "float64", "float64", "float64", "bool", "string", "string"])})
    # each side's years as plain dicts (a series has one row per year), then one DataFrame
    sides = []
    for side in (vn, pa):
        years_ = [int(y) for y in side["year"].tolist()]
        sides.append((dict(zip(years_, side["value_bn"].tolist())), dict(zip(years_, side["record_id"].tolist()))))
    known = set(sides[0][0]) | set(sides[1][0])
    years = range(min(known), max(known) + 1)
    (vn_bn, vn_rec), (pa_bn, pa_rec) = sides
    vietnam = np.array([vn_bn.get(y, np.nan) for y in years], dtype=float)
    partner = np.array([pa_bn.get(y, np.nan) for y in years], dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = partner / vietnam
    return pd.DataFrame({
        "year": pd.array(list(years), dtype="Int64"),
        "vietnam_bn": vietnam,
        "partner_bn": partner,
        "gap_bn": partner - vietnam,
        "ratio": ratio,
        "both": ~np.isnan(vietnam) & ~np.isnan(partner),
        "vietnam_record": pd.array([vn_rec.get(y) for y in years], dtype="string"),
        "partner_record": pd.array([pa_rec.get(y) for y in years], dtype="string"),
    }, columns=cols)


# ----------------------------------------------------------------------------- growth
def growth_table(series_df: pd.DataFrame) -> pd.DataFrame:
    """Year-on-year growth of a series (the output of :func:`series`).

    ``growth_pct`` = (this year / previous year − 1) × 100, computed **only when the previous
    calendar year has a figure**: growth is never bridged across a gap (a 2-year change is not a
    1-year growth rate; use :func:`cagr` for that).

    Columns: ``year``, ``value_bn``, ``previous_bn`` (last year's value, missing in a gap),
    ``change_bn``, ``growth_pct``.
    """
    s = series_df[["year", "value_bn"]].dropna(subset=["year"]).copy()
    s["year"] = s["year"].astype(int)
    s = s.drop_duplicates("year").set_index("year").sort_index()
    if s.empty:
        return pd.DataFrame({"year": pd.Series(dtype="Int64"), "value_bn": pd.Series(dtype=float),
                             "previous_bn": pd.Series(dtype=float), "change_bn": pd.Series(dtype=float),
                             "growth_pct": pd.Series(dtype=float)})
    years = pd.Index(range(int(s.index.min()), int(s.index.max()) + 1), name="year")
    value = s["value_bn"].reindex(years).astype(float)
    out = pd.DataFrame({"value_bn": value, "previous_bn": value.shift(1)}, index=years)
    out["change_bn"] = out["value_bn"] - out["previous_bn"]
    out["growth_pct"] = (out["value_bn"] / out["previous_bn"] - 1) * 100
    out = out.reset_index()
    out["year"] = out["year"].astype("Int64")
    return out


# ----------------------------------------------------------------------------- part years
_GROWTH = re.compile(r"([+\-\u2212]\d+(?:\.\d+)?)\s*%\s*y/y")


def stated_growth_pct(note: Any) -> float:
    """The year-on-year growth a trade row's ``note`` states (``"+18.4% y/y"`` → 18.4), else NaN."""
    if note is None or (not isinstance(note, str) and pd.isna(note)):
        return float("nan")
    match = _GROWTH.search(str(note))
    return float(match.group(1).replace("\u2212", "-")) if match else float("nan")


def part_year_table(trade_df: pd.DataFrame, iso3: str, year: int, flow: str = "turnover") -> pd.DataFrame:
    """Part-year figures of one partner and year, and what they say about the full year.

    One row per part-year row of the table (``period`` other than ``FY``), sorted by months:

    * ``naive_full_year_bn``: :func:`annualise` (× 12 / months);
    * ``stated_growth_pct``: growth on the same months a year earlier, when the row's note states it;
    * ``implied_last_year_bn``: the same months of the year before, value / (1 + growth);
    * ``last_full_year_bn`` and ``last_full_year_reporter``: the previous full year, from
      :func:`series` preferring the row's own reporter, then Vietnam, unstated, partner;
    * ``share_pct``: implied_last_year / last_full_year × 100, the part of last year's trade those
      months carried, beside ``even_share_pct`` (months / 12 × 100) that "× 12 / months" assumes.

    Nothing is invented: where a note states no growth, the derived columns stay missing.
    """
    rows = partner_rows(trade_df, iso3)
    rows = rows[(rows["flow"] == flow) & (rows["year"] == int(year)) & (rows["period"] != "FY")].copy()
    out_cols = ["year", "period", "months", "value_bn", "reporter", "record_id", "naive_full_year_bn",
                "stated_growth_pct", "implied_last_year_bn", "last_full_year_bn", "last_full_year_reporter",
                "share_pct", "even_share_pct"]
    if rows.empty:
        return pd.DataFrame(columns=out_cols)
    records = []
    for _, row in rows.iterrows():
        months = PERIOD_MONTHS.get(str(row["period"]))
        if months is None:
            continue
        value_bn = float(row["value_usd"]) / BILLION
        growth = stated_growth_pct(row["note"])
        implied = value_bn / (1 + growth / 100) if not np.isnan(growth) else float("nan")
        prefs = [str(row["reporter"])] + [r for r in ("vietnam", "unstated", "partner") if r != row["reporter"]]
        last = series(trade_df, iso3, flow, prefs)
        last = last[last["year"] == int(year) - 1]
        last_bn = float(last["value_bn"].iloc[0]) if len(last) and pd.notna(last["value_bn"].iloc[0]) else float("nan")
        last_rep = str(last["reporter"].iloc[0]) if len(last) and pd.notna(last["reporter"].iloc[0]) else pd.NA
        records.append({
            "year": int(year), "period": str(row["period"]), "months": months, "value_bn": value_bn,
            "reporter": str(row["reporter"]), "record_id": str(row["record_id"]),
            "naive_full_year_bn": annualise(value_bn, months), "stated_growth_pct": growth,
            "implied_last_year_bn": implied, "last_full_year_bn": last_bn, "last_full_year_reporter": last_rep,
            "share_pct": implied / last_bn * 100 if not np.isnan(implied) and not np.isnan(last_bn) else float("nan"),
            "even_share_pct": months / 12 * 100,
        })
    out = pd.DataFrame.from_records(records, columns=out_cols)
    return out.sort_values(["months", "record_id"], kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------------------- the seeds' figures
def _period_parts(period: Any) -> tuple[Any, Any]:
    """``'2023'`` → (2023, 12); ``'2025-Q1'`` → (2025, 3); ``'2025-01'`` → (2025, 1); else (NA, NA)."""
    text = "" if period is None or (not isinstance(period, str) and pd.isna(period)) else str(period)
    if re.fullmatch(r"\d{4}", text):
        return int(text), 12
    if re.fullmatch(r"\d{4}-Q[1-4]", text):
        return int(text[:4]), 3
    if re.fullmatch(r"\d{4}-H[12]", text):
        return int(text[:4]), 6
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return int(text[:4]), 1
    return pd.NA, pd.NA


def _money_usd(value: Any, unit: Any) -> float:
    """A figure's value in US dollars; ``unit`` ``USD`` means already fully scaled."""
    v = float(value)
    u = "" if unit is None or (not isinstance(unit, str) and pd.isna(unit)) else str(unit).strip().lower()
    for word, factor in (("bn", 1e9), ("billion", 1e9), ("miliar", 1e9), ("million", 1e6), ("juta", 1e6),
                         ("m usd", 1e6), ("musd", 1e6)):
        if word in u:
            return v * factor
    return v


def seed_trade_figures(corpus: Any, metric: str = "trade_turnover", *, plans: bool = False) -> pd.DataFrame:
    """The trade figures the seed articles state: ``corpus.figures`` rows of one ``metric``.

    Only figures stated as fact (:func:`vnpartners.stated`): a target or a hoped-for value is not a
    trade figure; ``plans=True`` keeps the planned and aimed ones too.

    Columns: ``article_id``, ``sentence_id``, ``partner_iso3``, ``direction``, ``period``
    (``'2023'``, ``'2025-Q1'`` …), ``year`` and ``months`` (how many months the period covers),
    ``value_usd``, ``value_bn``, ``qualifier``, ``surface`` (the words in the text) and
    ``evidence`` (the sentence). Sorted by partner, year, months (full years first) and sentence.
    """
    fig = corpus.figures if plans else stated(corpus.figures)
    rows = fig[fig["metric"] == metric].copy()
    parts = rows["period"].map(_period_parts)
    rows["year"] = pd.array([p[0] for p in parts], dtype="Int64")
    rows["months"] = pd.array([p[1] for p in parts], dtype="Int64")
    rows["value_usd"] = [_money_usd(v, u) for v, u in zip(rows["value"], rows["unit"])]
    rows["value_usd"] = rows["value_usd"].astype(float)
    rows["value_bn"] = rows["value_usd"] / BILLION
    cols = ["article_id", "sentence_id", "partner_iso3", "direction", "period", "year", "months", "value_usd",
            "value_bn", "qualifier", "surface", "evidence"]
    rows = rows[cols].sort_values(["partner_iso3", "year", "months", "sentence_id"],
                                  ascending=[True, True, False, True], kind="stable")
    return rows.drop_duplicates(["partner_iso3", "period", "value_usd"]).reset_index(drop=True)


def seed_vs_table(seed_df: pd.DataFrame, trade_df: pd.DataFrame, flow: str = "turnover") -> pd.DataFrame:
    """Each seed figure beside the trade table's rows for the same partner and period.

    ``seed_df`` is :func:`seed_trade_figures`. One row per (seed figure, table row); the table's
    rows transcribed from the seed itself (``record_id`` ``S…``) are left out, so what remains is
    what other sources say. Columns: ``partner_iso3``, ``period``, ``seed_bn``, ``table_bn``,
    ``difference_bn`` (table − seed), ``reporter``, ``statistic_source``, ``record_id``; a seed
    figure no other source confirms has one row with missing table columns.
    """
    table_period = {12: "FY", 3: "Q1", 8: "Jan-Aug", 6: "H1"}
    records = []
    for _, s in seed_df.iterrows():
        months = s["months"]
        period = table_period.get(int(months)) if pd.notna(months) else None
        rows = partner_rows(trade_df, str(s["partner_iso3"])) if pd.notna(s["partner_iso3"]) else trade_df.iloc[0:0]
        rows = rows[(rows["flow"] == flow) & (rows["year"] == s["year"]) & (rows["period"] == period)
                    & ~rows["record_id"].str.startswith("S")] if pd.notna(s["year"]) else rows.iloc[0:0]
        base = {"partner_iso3": s["partner_iso3"], "period": s["period"], "seed_bn": s["value_bn"]}
        if rows.empty:
            records.append({**base, "table_bn": np.nan, "difference_bn": np.nan, "reporter": pd.NA,
                            "statistic_source": "(no other source in the table)", "record_id": pd.NA})
        for _, r in rows.sort_values("record_id").iterrows():
            table_bn = float(r["value_usd"]) / BILLION
            records.append({**base, "table_bn": table_bn, "difference_bn": table_bn - float(s["value_bn"]),
                            "reporter": r["reporter"], "statistic_source": r["statistic_source"],
                            "record_id": r["record_id"]})
    cols = ["partner_iso3", "period", "seed_bn", "table_bn", "difference_bn", "reporter", "statistic_source",
            "record_id"]
    return pd.DataFrame.from_records(records, columns=cols)


def latest_turnover(trade_df: pd.DataFrame, reporter: str | Sequence[str] = "vietnam",
                    partners: Iterable[str] | None = None) -> pd.DataFrame:
    """Each country's most recent full-year turnover from one reporter (groupings left out).

    Columns ``partner_iso3``, ``partner_name``, ``year``, ``value_bn``, ``reporter``,
    ``record_id``, sorted from largest to smallest (ties by ``partner_iso3``). ``partners``
    restricts the countries (ISO3 codes); the default is every country in the table.
    """
    codes = partners if partners is not None else trade_df["partner_iso3"].dropna().unique()
    records = []
    for code in sorted(str(c) for c in codes):
        s = series(trade_df, code, "turnover", reporter)
        values = s["value_bn"].tolist()
        have = [i for i, v in enumerate(values) if not pd.isna(v)]
        if not have:
            continue
        i = have[-1]
        records.append({"partner_iso3": code, "partner_name": partner_label(code, trade_df),
                        "year": int(s["year"].iat[i]), "value_bn": float(values[i]),
                        "reporter": str(s["reporter"].iat[i]), "record_id": str(s["record_id"].iat[i])})
    out = pd.DataFrame.from_records(records, columns=["partner_iso3", "partner_name", "year", "value_bn",
                                                      "reporter", "record_id"])
    if out.empty:
        return out
    out["year"] = out["year"].astype("Int64")
    out = out.sort_values(["value_bn", "partner_iso3"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


def partners_with_trade(trade_df: pd.DataFrame, partners_df: pd.DataFrame) -> tuple[list[tuple[str, str]], list[str]]:
    """Which partners a trade menu can offer: ``(options, without)``.

    ``options`` are ``(English name, ISO3)`` pairs, sorted by name, for the partners of ``partners_df``
    with at least one row in ``trade_df``; ``without`` are the names of the others, sorted (the kit's
    trade table covers the partners the lessons and the seeds discuss, not all of them).
    """
    have = set(trade_df["partner_iso3"].dropna().astype(str))
    names = partners_df.set_index("iso3")["country_en"].astype(str)
    options = sorted((name, code) for code, name in names.items() if code in have)
    without = sorted(name for code, name in names.items() if code not in have)
    return options, without


# ----------------------------------------------------------------------------- investment
def investment_table(corpus: Any) -> pd.DataFrame:
    """Investment in both directions as the seeds state it, one row per (partner, direction, period).

    From ``corpus.figures`` rows whose metric is ``investment_projects`` or
    ``investment_registered_capital``, stated as fact (:func:`vnpartners.stated`; a pledge is not
    an investment). ``direction``: ``inbound`` = the partner invests in
    Vietnam, ``outbound`` = Vietnam invests in the partner.

    Columns: ``partner_iso3``, ``direction``, ``period`` (as the seed dates it; missing where the
    text says "currently"), ``projects``, ``registered_capital_bn``, ``capital_per_project_musd``
    (million USD per project, where both are stated), ``projects_qualifier`` and
    ``capital_qualifier`` (the extractor's ``qualifier`` of each figure, e.g. ``approx`` for
    "sekitar", *about*), ``evidence`` (the sentence the figures come from). Sorted by partner, direction.
    """
    fig = stated(corpus.figures)
    rows = fig[fig["metric"].isin(["investment_projects", "investment_registered_capital"])].copy()
    cols = ["partner_iso3", "direction", "period", "projects", "registered_capital_bn", "capital_per_project_musd",
            "projects_qualifier", "capital_qualifier", "evidence"]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    rows["_period"] = rows["period"].astype("string").fillna("")
    records = []
    for (iso, direction, period), g in rows.groupby(["partner_iso3", "direction", "_period"], sort=True, dropna=False):
        proj = g[g["metric"] == "investment_projects"]
        cap = g[g["metric"] == "investment_registered_capital"]
        projects = float(proj["value"].iloc[0]) if len(proj) else np.nan
        capital = _money_usd(cap["value"].iloc[0], cap["unit"].iloc[0]) / BILLION if len(cap) else np.nan
        def qual(part: pd.DataFrame) -> Any:
            return str(part["qualifier"].iloc[0]) if len(part) and pd.notna(part["qualifier"].iloc[0]) else pd.NA

        evidence = " | ".join(dict.fromkeys(str(e) for e in g.sort_values("sentence_id")["evidence"].dropna()))
        records.append({
            "partner_iso3": iso, "direction": direction, "period": period or pd.NA,
            "projects": projects, "registered_capital_bn": capital,
            "capital_per_project_musd": capital * 1000 / projects if projects and not np.isnan(projects) else np.nan,
            "projects_qualifier": qual(proj), "capital_qualifier": qual(cap), "evidence": evidence,
        })
    out = pd.DataFrame.from_records(records, columns=cols)
    out["projects"] = out["projects"].round().astype("Int64")
    return out.sort_values(["partner_iso3", "direction"], kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------------------- charts (own module, loaded on use)
_CHARTS = ("plot_series", "plot_side_by_side", "plot_scale")


def __getattr__(name: str) -> Any:
    """``trade.plot_series`` and the other charts live in :mod:`.trade_charts`, imported the first time they are used."""
    if name in _CHARTS:
        from . import trade_charts

        return getattr(trade_charts, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_CHARTS))
