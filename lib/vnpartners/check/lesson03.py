"""Self-checks for lesson 03, "Trade in numbers: Vietnam and its partners".

Every expected answer is computed from the kit (``vnpartners.trade`` on
``vnpartners.reference.trade()``), never typed in, so the checks follow the data. Answers in percent
are accepted within :data:`PCT_TOLERANCE` percentage points, so a learner who rounds to one decimal
passes. Each question's parameters (a partner, years, a flow) are stated once, in :data:`EXERCISES`.
"""

from __future__ import annotations

from typing import Any

from ._base import PCT_TOLERANCE, Exercise, expect, explanation, fail, ok, whole_number
from ._base import close as _close
from ._base import percent as _percent

__all__ = ["lesson03_q1", "lesson03_q2", "lesson03_q3", "lesson03_q4"]

#: the tolerance as the questions state it
_ACCEPTED = f"Answers within ±{PCT_TOLERANCE} percentage points are accepted."
#: freight and insurance as a share of the value of goods: about 5-6 % on average (OECD Statistics
#: Directorate, 2017); the IMF's Direction of Trade Statistics converts with a factor of 1.06
CIF_FOB_MARGIN_PCT = 6.0

_Q1_YEAR = 2022  # exercise 1 asks about the growth from the year before to this one

EXERCISES = [
    Exercise(
        "03", 1,
        "By how many percent did Vietnam's trade turnover with **{partner}** grow from {previous} to {year}, in "
        f"Vietnamese statistics (`trade.series(t, q1_partner)`)? {_ACCEPTED}",
        "a growth rate in percent, e.g. 12.5",
        params={"partner": "KOR", "year": _Q1_YEAR}, display={"partner": "South Korea", "previous": str(_Q1_YEAR - 1)},
    ),
    Exercise(
        "03", 2,
        "What is the compound annual growth rate (in %) of Vietnam–**{partner}** turnover from {first} to {last}, "
        f"in Vietnamese statistics? {_ACCEPTED}",
        "a yearly growth rate in percent, e.g. 8.3",
        params={"partner": "CHN", "first": 2016, "last": 2023}, display={"partner": "China"},
    ),
    Exercise(
        "03", 3,
        "Take **Vietnam's {flow} to {partner}** instead of the turnover: `trade.side_by_side(t, q3_partner, "
        "flow=q3_flow)` (the partner's column is the partner's imports from Vietnam). In which year do the two "
        "statistics differ the most, in billion USD?",
        "a year, e.g. 2015",
        params={"partner": "USA", "flow": "exports"}, display={"partner": "the United States"},
    ),
    Exercise(
        "03", 4,
        "Suppose the whole gap between **{partner}'s** and Vietnam's turnover figures for {year} came from valuation "
        "(freight and insurance counted by one side only). (a) What margin, in % of Vietnam's figure, would that "
        f"take? {_ACCEPTED} (b) In `why_4`: freight and insurance average about 5–6 % of the value of goods "
        "(OECD; the IMF uses a factor of 1.06). Can valuation explain this gap? Which other reasons of section 4 "
        "could, and what would you need to know to tell which?",
        "a margin in percent, e.g. 12.5",
        params={"partner": "AZE", "year": 2024}, display={"partner": "Azerbaijan"},
        interpretive=True,
    ),
]
Q1, Q2, Q3, Q4 = EXERCISES


# ----------------------------------------------------------------------------- Q1
def q1_values() -> tuple[float, float]:
    """The exercise partner's turnover in the year before and the year, Vietnamese statistics, billion USD."""
    from ..lessons.trade import series
    from ..reference import trade as table

    partner, year = Q1.params["partner"], Q1.params["year"]
    s = series(table(), partner, "turnover", "vietnam").set_index("year")["value_bn"]
    return float(s.loc[year - 1]), float(s.loc[year])


def lesson03_q1(answer: Any) -> None:
    """Q1: year-on-year growth of one partner's turnover, Vietnamese statistics, in %."""
    before, now = q1_values()
    year = Q1.params["year"]
    expected = (now / before - 1) * 100
    value = _percent(answer, "answer_1", "a growth rate in percent, e.g. 12.5", expected)
    expect(not _close((value - 1) * 100, expected),
           f"{value} is the ratio {year} / {year - 1}. Growth is that ratio minus 1, times 100.")
    expect(not _close(value, (before / now - 1) * 100),
           f"You divided the wrong way round: growth from {year - 1} to {year} divides the {year} value by the "
           f"{year - 1} value (the old value goes underneath).")
    expect(not _close(value, now - before, 0.005),
           f"{value} is the change in billion USD; the question asks for the change relative to {year - 1}, in %.")
    expect(_close(value, expected),
           f"{value} is not the growth. Take the {year - 1} and {year} values from `trade.series(t, q1_partner)`, "
           f"divide the new by the old, subtract 1 and multiply by 100. {_ACCEPTED}")
    ok(f"Right: the {year} value divided by the {year - 1} value, minus 1, times 100. Both figures are Vietnam's own "
       "statistics, so the growth compares like with like.")


# ----------------------------------------------------------------------------- Q2
def q2_values() -> tuple[float, float]:
    """The exercise partner's turnover in its first and last year, Vietnamese statistics, billion USD."""
    from ..lessons.trade import series
    from ..reference import trade as table

    p = Q2.params
    s = series(table(), p["partner"], "turnover", "vietnam").set_index("year")["value_bn"]
    return float(s.loc[p["first"]]), float(s.loc[p["last"]])


def lesson03_q2(answer: Any) -> None:
    """Q2: compound annual growth of one partner's turnover between two years, Vietnamese statistics, in %."""
    from ..lessons.trade import cagr

    p = Q2.params
    first, last = q2_values()
    steps = p["last"] - p["first"]
    expected = cagr(first, last, steps)
    value = _percent(answer, "answer_2", "a yearly growth rate in percent, e.g. 8.3", expected)
    expect(not _close(value, cagr(first, last, steps + 1)),
           f"You spread the growth over {steps + 1} years. From {p['first']} to {p['last']} there are {steps} yearly "
           "steps: count the jumps between years, not the years.")
    expect(not _close(value, (last / first - 1) * 100 / steps),
           f"{value:.2f} is the total growth divided by {steps}. That ignores compounding and overstates the yearly "
           "rate: each year's growth builds on the last. Use `trade.cagr(first, last, years)`.")
    expect(not _close(value, (last / first - 1) * 100),
           f"{value:.2f} % is the total growth over the whole period; the question asks for the constant yearly rate.")
    expect(_close(value, expected),
           f"{value} is not the compound annual growth. Take the turnover in {p['first']} and {p['last']} from "
           f"`trade.series(t, q2_partner)` and use `trade.cagr(first, last, years)`. {_ACCEPTED}")
    ok(f"Right: the constant yearly rate that, compounded over {steps} yearly steps, takes {first} to {last} billion "
       "USD. Total growth divided by the years would overstate it.")


# ----------------------------------------------------------------------------- Q3
def q3_table() -> Any:
    """The side-by-side table of the exercise's flow and partner, years where both statistics exist."""
    from ..lessons.trade import side_by_side
    from ..reference import trade as table

    t = side_by_side(table(), Q3.params["partner"], flow=Q3.params["flow"])
    return t[t["both"]].reset_index(drop=True)


def lesson03_q3(answer: Any) -> None:
    """Q3: the year in which the two statistics of one flow differ the most, in billion USD."""
    from ..lessons.trade import side_by_side
    from ..reference import trade as table

    partner, flow = Q3.params["partner"], Q3.params["flow"]
    year = whole_number(answer, "answer_3", "a year such as 2015")
    t = q3_table()
    expect(len(t) > 0, "The kit's table has no year with both statistics; tell your instructor.")
    best = t.loc[t["gap_bn"].abs().idxmax()]
    expected = int(best["year"])
    full = side_by_side(table(), partner, flow=flow)
    both_years = [int(y) for y in t["year"]]
    if year != expected:
        expect(year in {int(y) for y in full["year"]},
               f"{year} is outside the years of this table ({int(full['year'].min())}–{int(full['year'].max())}).")
        expect(year in both_years,
               f"In {year} only one of the two statistics has a figure, so there is no gap to measure: gaps stay gaps. "
               f"Look only at the years where both exist: {both_years}.")
        ratio_year = int(t.loc[(t["ratio"] - 1).abs().idxmax(), "year"])
        expect(year != ratio_year,
               f"{year} is the year with the largest *ratio*. The question asks for the largest difference in billion "
               "USD: the `gap_bn` column.")
        fail(f"In {year} the two statistics differ by {abs(float(t.set_index('year').loc[year, 'gap_bn'])):.2f} "
             "billion USD; another year differs more. Sort the table by `gap_bn`.")
    ok(f"Right: the widest gap in billion USD of the {len(both_years)} years in which both sides give a figure.")


# ----------------------------------------------------------------------------- Q4
def q4_values() -> tuple[float, float]:
    """Vietnam's and the partner's turnover figures for the exercise's year, billion USD."""
    from ..lessons.trade import side_by_side
    from ..reference import trade as table

    t = side_by_side(table(), Q4.params["partner"]).set_index("year")
    row = t.loc[Q4.params["year"]]
    return float(row["vietnam_bn"]), float(row["partner_bn"])


def lesson03_q4(answer: Any, why: Any = None) -> None:
    """Q4: the valuation margin the whole gap would take, in % of Vietnam's figure; what else explains it."""
    vietnam, partner = q4_values()
    expected = (partner / vietnam - 1) * 100
    value = _percent(answer, "answer_4", "a margin in percent, e.g. 12.5", expected)
    expect(not _close(value, partner / vietnam * 100, 0.5) or _close(value, expected),
           f"{value:.1f} % is the partner's figure as a share of Vietnam's. The margin is what would have to be "
           "*added* to Vietnam's figure: that share minus 100.")
    expect(not _close(value, (1 - vietnam / partner) * 100),
           f"{value:.1f} % measures the gap against the partner's figure. The question takes Vietnam's figure as "
           "the base: the gap divided by Vietnam's figure.")
    expect(_close(value, expected),
           f"{value} is not the margin. Take both {Q4.params['year']} figures from `trade.side_by_side(t, q4_partner)` "
           f"and express the gap (partner − Vietnam) as a percentage of Vietnam's figure. {_ACCEPTED}")
    explanation(why, "why_4")
    ok(f"Right: far beyond the {CIF_FOB_MARGIN_PCT:.0f} % or so that freight and insurance add, so valuation explains "
       "almost none of it. Compare your explanation with these points: the rest needs partner attribution (goods such "
       "as crude oil sold through traders or third countries, recorded by origin on one side and by consignment on the "
       "other), coverage or timing; to tell which, you would need the two sides' figures by product and by month, and "
       "each customs office's rules on origin and consignment.")


# --------------------------------------------------------------------------- answer key
def answer_key() -> dict[int, str]:
    """The right answers, computed as the checks compute them (for the teaching guide)."""
    from ..lessons.trade import cagr

    before, now = q1_values()
    first, last = q2_values()
    t = q3_table()
    vietnam, partner = q4_values()
    return {
        1: f"`{(now / before - 1) * 100:.2f}` % (± {PCT_TOLERANCE})",
        2: f"`{cagr(first, last, Q2.params['last'] - Q2.params['first']):.2f}` % a year (± {PCT_TOLERANCE})",
        3: f"`{int(t.loc[t['gap_bn'].abs().idxmax(), 'year'])}`",
        4: f"`{(partner / vietnam - 1) * 100:.1f}` % (± {PCT_TOLERANCE})",
    }
