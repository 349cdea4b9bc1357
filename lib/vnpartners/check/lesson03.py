"""Self-checks for lesson 03, "Trade in numbers: Vietnam and its partners".

Every expected answer is computed from the kit (``vnpartners.trade`` on the seeds' figures and on
``vnpartners.reference.trade()``), never typed in, so the checks follow the data. Answers in
percent are accepted within :data:`PCT_TOLERANCE` percentage points, so a learner who rounds to
one decimal passes.
"""

from __future__ import annotations

import math
from typing import Any

from . import _base
from ._base import expect, not_missing, ok

__all__ = ["lesson03_q1", "lesson03_q2", "lesson03_q3"]

#: how far (in percentage points) a percent answer may be from the exact value
PCT_TOLERANCE = 0.1


def _number(answer: Any, name: str, what: str) -> float:
    """The answer as a float, or a teaching AssertionError."""
    expect(not isinstance(answer, (str, bytes, bool)), f"{name} should be a number ({what}), not {type(answer).__name__}: "
           "compute it with Python instead of typing text.")
    try:
        value = float(answer)
    except (TypeError, ValueError):
        raise AssertionError(f"{name} should be one number ({what}); got {type(answer).__name__}. "
                             "If you have a one-row table, take the value out with `.iloc[0]` or `float(...)`.") from None
    expect(math.isfinite(value), f"{name} is {value}: check for a division by zero or a missing value (NaN).")
    return value


def _close(a: float, b: float, tol: float = PCT_TOLERANCE) -> bool:
    return abs(a - b) <= tol


# ----------------------------------------------------------------------------- Q1
def q1_values() -> tuple[float, float]:
    """The seeds' Vietnam–Russia turnover for 2023 and 2024, in billion USD."""
    from ..lessons.trade import seed_trade_figures

    seeds = seed_trade_figures(_base.seeds())
    rus = seeds[(seeds["partner_iso3"] == "RUS") & (seeds["months"] == 12)].set_index("year")["value_bn"]
    missing = [y for y in (2023, 2024) if y not in rus.index]
    if missing:
        raise RuntimeError(f"corpus.figures has no Russia turnover for {missing}: the kit's extractor did not find "
                           "the seeds' trade figures, so this check cannot run (tell your instructor).")
    return float(rus.loc[2023]), float(rus.loc[2024])


def lesson03_q1(answer: Any) -> None:
    """Q1: growth of Vietnam–Russia turnover from 2023 to 2024 in %, from the seeds' figures."""
    not_missing(answer, "answer_1")
    value = _number(answer, "answer_1", "a growth rate in percent, e.g. 12.5")
    v23, v24 = q1_values()
    expected = (v24 / v23 - 1) * 100
    from ..lessons.trade import series
    from ..reference import trade as table

    s = series(table(), "RUS").set_index("year")["value_bn"]
    table_growth = (float(s.loc[2024]) / v23 - 1) * 100 if 2024 in s.index else math.nan
    expect(not _close(value * 100, expected) or _close(value, expected),
           f"{value} looks like a fraction: growth in percent is (new / old − 1) × 100, i.e. {value * 100:.2f}.")
    expect(not _close((value - 1) * 100, expected),
           f"{value} is the ratio 2024 / 2023 ({v24} / {v23}). Growth is that ratio minus 1, times 100.")
    expect(not _close(value, (v23 / v24 - 1) * 100),
           "You divided the wrong way round: growth from 2023 to 2024 divides the 2024 value by the 2023 value "
           "(the old value goes underneath).")
    expect(not _close(value, v24 - v23, 0.005),
           f"{value} is the change in billion USD ({v24} − {v23}); the question asks for the change relative to 2023, in %.")
    expect(math.isnan(table_growth) or not _close(value, table_growth) or _close(value, expected),
           f"{value:.2f} % uses the trade table's 2024 figure ({float(s.loc[2024])} bn, the ambassador's rounded number). "
           f"The question asks for the seeds' own figures: 2023 = {v23} and 2024 = {v24} bn "
           "(from `trade.seed_trade_figures(corpus)`).")
    expect(_close(value, expected),
           f"{value} is not the growth. Take the seeds' Russia turnover for 2023 and 2024 from "
           "`trade.seed_trade_figures(corpus)` and compute (2024 / 2023 − 1) × 100. "
           f"Answers within {PCT_TOLERANCE} percentage points are accepted.")
    ok(f"Right: from {v23} to {v24} billion USD is a rise of {expected:.2f} % "
       f"(accepted within ±{PCT_TOLERANCE} percentage points).")


# ----------------------------------------------------------------------------- Q2
Q2_PARTNER, Q2_FIRST, Q2_LAST = "CHN", 2016, 2023


def q2_values() -> tuple[float, float]:
    """China turnover in :data:`Q2_FIRST` and :data:`Q2_LAST`, Vietnamese statistics, billion USD."""
    from ..lessons.trade import series
    from ..reference import trade as table

    s = series(table(), Q2_PARTNER, "turnover", "vietnam").set_index("year")["value_bn"]
    return float(s.loc[Q2_FIRST]), float(s.loc[Q2_LAST])


def lesson03_q2(answer: Any) -> None:
    """Q2: compound annual growth of China turnover 2016 → 2023 (Vietnamese statistics), in %."""
    not_missing(answer, "answer_2")
    value = _number(answer, "answer_2", "a yearly growth rate in percent, e.g. 8.3")
    from ..lessons.trade import cagr

    first, last = q2_values()
    steps = Q2_LAST - Q2_FIRST
    expected = cagr(first, last, steps)
    expect(not _close(value * 100, expected) or _close(value, expected),
           f"{value} looks like a fraction; the question asks for percent ({value * 100:.2f}).")
    expect(not _close(value, cagr(first, last, steps + 1)),
           f"You spread the growth over {steps + 1} years. From {Q2_FIRST} to {Q2_LAST} there are "
           f"{Q2_LAST} − {Q2_FIRST} = {steps} yearly steps (count the jumps between years, not the years).")
    expect(not _close(value, (last / first - 1) * 100 / steps),
           f"{value:.2f} is the total growth divided by {steps}: that ignores compounding (each year's growth builds on "
           "the last). Use (last / first) ** (1 / years) − 1, or `trade.cagr(first, last, years)`.")
    expect(not _close(value, (last / first - 1) * 100),
           f"{value:.2f} % is the total growth over the whole period; the question asks for the constant yearly rate.")
    expect(_close(value, expected),
           f"{value} is not the compound annual growth. Take China's turnover in {Q2_FIRST} and {Q2_LAST} from "
           "`trade.series(t, 'CHN')` (Vietnamese statistics) and use `trade.cagr(first, last, years)`. "
           f"Answers within {PCT_TOLERANCE} percentage points are accepted.")
    ok(f"Right: {first} → {last} billion USD in {steps} years is {expected:.2f} % a year, compounded "
       f"(accepted within ±{PCT_TOLERANCE} percentage points).")


# ----------------------------------------------------------------------------- Q3
Q3_PARTNER = "RUS"


def q3_table() -> Any:
    """The side-by-side table of Russia's turnover, years where both statistics exist."""
    from ..lessons.trade import side_by_side
    from ..reference import trade as table

    t = side_by_side(table(), Q3_PARTNER)
    return t[t["both"]].reset_index(drop=True)


def lesson03_q3(answer: Any) -> None:
    """Q3: the year in which Russia's statistics exceed Vietnam's by the most billion USD."""
    not_missing(answer, "answer_3")
    expect(not isinstance(answer, bool), "answer_3 should be a year such as 2015, not True/False.")
    try:
        year = int(str(answer).strip()) if isinstance(answer, str) else int(answer)
    except (TypeError, ValueError):
        raise AssertionError("answer_3 should be a year, a whole number such as 2015 (if you have a table row, "
                             "take its `year`).") from None
    t = q3_table()
    expect(len(t) > 0, "The kit's table has no year with both statistics; tell your instructor.")
    best = t.loc[t["gap_bn"].idxmax()]
    expected = int(best["year"])
    both_years = [int(y) for y in t["year"]]
    from ..lessons.trade import side_by_side
    from ..reference import trade as table

    full = side_by_side(table(), Q3_PARTNER)
    largest_partner_year = int(full.loc[full["partner_bn"].idxmax(), "year"])
    ratio_year = int(t.loc[t["ratio"].idxmax(), "year"])
    expect(year in set(int(y) for y in full["year"]),
           f"{year} is outside the years of the Russia table ({int(full['year'].min())}–{int(full['year'].max())}).")
    expect(year in both_years,
           f"In {year} only one of the two statistics has a figure, so there is no gap to measure: gaps stay gaps. "
           f"Look only at the years where both exist: {both_years}.")
    expect(year != ratio_year or ratio_year == expected,
           f"{year} is the year with the largest *ratio* (Russian / Vietnamese = {float(t.loc[t['ratio'].idxmax(), 'ratio']):.2f}). "
           "The question asks for the largest gap in billion USD: partner − Vietnam, the `gap_bn` column.")
    expect(year != largest_partner_year or largest_partner_year == expected,
           f"{year} has the largest Russian figure, but the Vietnamese figure is large that year too. "
           "Subtract the two (the `gap_bn` column of `trade.side_by_side`) and find the year where the difference is largest.")
    expect(year == expected,
           f"In {year} the gap is {float(t.set_index('year').loc[year, 'gap_bn']):.2f} billion USD; another year has a "
           "larger one. Sort `trade.side_by_side(t, 'RUS')` by `gap_bn`.")
    ok(f"Right: in {expected} Russia's statistics show {best['partner_bn']:.2f} and Vietnam's {best['vietnam_bn']:.2f} "
       f"billion USD, a gap of {best['gap_bn']:.2f} billion.")
