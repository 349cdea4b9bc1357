"""Self-checks for lesson 01, "The ladder of partnership levels".

Every expected answer is computed from :mod:`vnpartners.reference` when the check runs, never typed
in, so the checks follow the reference tables if they are corrected. Each question's parameters (a
date, a threshold) are stated once, in :data:`EXERCISES`.
"""

from __future__ import annotations

from typing import Any

from ..wording import number_word
from ._base import Exercise, codes, expect, explanation, fail, join_words, long_date, ok, plural, whole_number

__all__ = ["lesson01_q1", "lesson01_q2", "lesson01_q3", "lesson01_q4"]

#: the two tiers counted as "strategic level or above"
STRATEGIC_OR_ABOVE = ("comprehensive_strategic", "strategic")
#: where the official "30" of exercise 4 was said (Foreign Minister Bui Thanh Son to VNA, 18 March 2024)
Q4_SOURCE = ("https://english.vtv.vn/news/vietnams-upgrade-of-ties-with-major-partners-reflects-enhanced-"
             "political-trust-minister-20240319115100805.htm")

#: the minister's figures quoted in exercise 4 (the source above): the total and the CSPs among them
Q4_OFFICIAL_TOTAL, Q4_OFFICIAL_CSP = 30, 7

EXERCISES = [
    Exercise(
        "01", 1,
        "How many partners were at strategic level *or above* (CSP or SP) on {date}? "
        "*Hint:* `reference.partners(q1_date)` and its `tier` column.",
        "a whole number",
        params={"date": "2016-07-01"}, display={"date": long_date("2016-07-01")},
    ),
    Exercise(
        "01", 2,
        "In which year did the number of **Strategic** Partners (the middle rung only), counted on 31 "
        "December, first exceed {threshold}? *Hint:* `reference.level_counts_by_year()`.",
        "a year, e.g. 2015",
        params={"threshold": 10},
    ),
    Exercise(
        "01", 3,
        "Which partners went from a **Comprehensive** Partnership straight to the top rung, with no "
        "Strategic Partnership in between? Give a set of ISO3 codes (names work too). *Hint:* "
        "`reference.partnership_history()` lists each partner's steps in date order; leave out the `deepened` ones.",
        "a set of ISO3 codes, e.g. {'RUS', 'IND'}",
    ),
    Exercise(
        "01", 4,
        "On {date} Vietnam's foreign minister said that \"among the **{official_total} strategic partners and "
        "comprehensive partners**, Vietnam now has comprehensive strategic partnerships with {official_csp} countries\" "
        f"([VNA, via VTV]({Q4_SOURCE})). (a) How many partners does the kit's reference table put on the ladder "
        "(comprehensive partnership or above) that day? (b) In `why_4`: what does the minister's {official_total} count, "
        "and what would a reader wrongly conclude from a headline saying \"{official_total} strategic partners\"?",
        "a whole number",
        params={"date": "2024-03-18"},
        display={"date": long_date("2024-03-18"), "official_total": str(Q4_OFFICIAL_TOTAL),
                 "official_csp": number_word(Q4_OFFICIAL_CSP)},
        interpretive=True,
    ),
]
Q1, Q2, Q3, Q4 = EXERCISES


def _tier_counts(as_of: Any) -> dict[str, int]:
    from .. import reference

    counts = reference.partners(as_of)["tier"].value_counts()
    return {t: int(counts.get(t, 0)) for t in ("comprehensive_strategic", "strategic", "comprehensive", "special")}


# --------------------------------------------------------------------------- Q1
def lesson01_q1(answer: Any) -> None:
    """Q1: how many partners were at strategic level or above (CSP + SP) on the exercise's date?"""
    date = Q1.params["date"]
    given = whole_number(answer, "answer_1", "a number of countries")
    c = _tier_counts(date)
    csp, sp, cp, special = c["comprehensive_strategic"], c["strategic"], c["comprehensive"], c["special"]
    expected = csp + sp
    if given != expected:
        hints = {
            csp + sp + cp: f"{given} counts every framework from comprehensive partnership up, including the "
                           f"{plural(cp, 'comprehensive partner')}. Keep only the two strategic tiers.",
            csp + sp + cp + special: f"{given} counts every row of the table, the special relationships (Laos, "
                                     "Cambodia, Cuba) and the comprehensive partners too. Keep only the two strategic tiers.",
            csp + sp + special: f"{given} includes the {plural(special, 'special relationship')}, which sit outside "
                                "the ladder. Count only the tiers 'comprehensive_strategic' and 'strategic'.",
            csp: f"{given} is only the comprehensive strategic partners; 'or above' starts at strategic: add the "
                 "strategic partners.",
            sp: f"{given} is only the strategic partners; 'or above' adds the comprehensive strategic partners.",
            csp - 1 + sp: f"{given} is one short: did you filter on `level`? China's level has its own name; "
                          "the `tier` column counts it as a CSP.",
        }
        fail(hints.get(given, f"{given} is not the count. Take `reference.partners(q1_date)`, keep the rows whose "
                              "`tier` is 'comprehensive_strategic' or 'strategic', and count them."))
    ok(f"Right: the CSPs and the SPs together on {long_date(date)}, China's 'cooperative' CSP counted as a CSP, the "
       f"{plural(cp, 'comprehensive partner')} below and the {plural(special, 'special relationship')} left out.")


# --------------------------------------------------------------------------- Q2
def lesson01_q2(answer: Any) -> None:
    """Q2: in which year did the number of Strategic Partners (middle rung) first exceed the threshold?"""
    from .. import reference

    threshold = Q2.params["threshold"]
    given = whole_number(answer, "answer_2", "a year such as 2015")
    counts = reference.level_counts_by_year()
    over = counts[counts["strategic"] > threshold]
    expect(len(over) > 0, "The reference tables have no year above the threshold; tell your instructor.")
    expected = int(over["year"].iloc[0])
    by_year = counts.set_index("year")
    if given != expected:
        def first(column: str, at_least: bool = False) -> int | None:
            rows = counts[counts[column] >= threshold] if at_least else counts[counts[column] > threshold]
            return int(rows["year"].iloc[0]) if len(rows) else None

        expect(given in by_year.index,
               f"{given} is outside the years the table covers ({int(counts['year'].min())}–{int(counts['year'].max())}).")
        expect(given != first("total"),
               f"{given} is the first year with more than {threshold} partners *in total*. Use the `strategic` column.")
        expect(given != first("comprehensive_strategic"),
               f"{given} is the first year with more than {threshold} *comprehensive strategic* partners. The "
               "question asks about the middle rung: the `strategic` column.")
        expect(given != first("strategic", at_least=True),
               f"{given} is the first year with {threshold} or more; 'exceed' means strictly more.")
        n = int(by_year.loc[given, "strategic"])
        expect(n <= threshold,
               f"In {given} there were {n} strategic partners, more than {threshold}, but it is not the *first* such "
               "year: take the smallest year of the rows you kept.")
        fail(f"At the end of {given} there were only {n} strategic partners. Keep the rows of "
             f"`reference.level_counts_by_year()` whose `strategic` count is above {threshold} and take the first year.")
    n, before = int(by_year.loc[expected, "strategic"]), int(by_year["strategic"].get(expected - 1, 0))
    ok(f"Right: the first year-end with strictly more than {threshold} on the middle rung; the year before it "
       f"had {before}.")


# --------------------------------------------------------------------------- Q3
def cp_straight_to_top() -> list[str]:
    """Partners whose step onto the CSP tier came straight after a comprehensive-partnership step."""
    from .. import reference

    h = reference.partnership_history()
    steps = h[(h["action"] != "deepened") & h["date"].notna()].sort_values(["iso3", "date"], kind="stable")
    found = []
    for code, path in steps.groupby("iso3"):
        tiers = list(path["tier"])
        found += [code for a, b in zip(tiers, tiers[1:]) if a == "comprehensive" and b == "comprehensive_strategic"]
    return sorted(set(found))


def lesson01_q3(answer: Any) -> None:
    """Q3: which partners went from CP straight to CSP, with no SP in between?"""
    from .. import reference

    given = codes(answer, "answer_3")
    expected = set(cp_straight_to_top())
    h = reference.partnership_history()
    known = set(reference.partners()["iso3"])
    unknown = sorted(given - known)
    expect(not unknown, f"{join_words(unknown)}: not among Vietnam's partners in the kit. Use ISO3 codes such as 'USA'.")
    had_sp = set(h.loc[h["tier"] == "strategic", "iso3"])
    via_sp = sorted(given & had_sp & set(h.loc[h["tier"] == "comprehensive_strategic", "iso3"]))
    expect(not via_sp,
           f"{join_words(via_sp)} had a Strategic Partnership before reaching the top rung: look at "
           f"`reference.partner_path('{via_sp[0] if via_sp else ''}')`.")
    started_on_top = sorted(c for c in given if c not in expected and c in set(
        h.loc[(h["action"] == "established") & (h["tier"] == "comprehensive_strategic"), "iso3"]))
    expect(not started_on_top,
           f"{join_words(started_on_top)} went straight to the top with its *first* framework: there was no "
           "comprehensive partnership to skip from.")
    not_top = sorted(given - set(h.loc[h["tier"] == "comprehensive_strategic", "iso3"]))
    expect(not not_top, f"{join_words(not_top)} never reached the top rung.")
    missing = sorted(expected - given)
    expect(not missing,
           f"You are missing {plural(len(missing), 'partner')}. For each partner, look at its steps in date order "
           "(leave out `deepened`) and find a comprehensive step followed directly by a comprehensive strategic one.")
    paths = []
    names = reference.partners().set_index("iso3")["country_en"]
    for code in sorted(expected):
        p = reference.partner_path(code)
        p = p[p["event"].isin(["established", "upgraded"])]
        paths.append(f"{names.get(code, code)}: "
                     + " → ".join(f"{t.framework_name} ({t.date:%Y})" for t in p.itertuples()))
    ok("Right: a comprehensive partnership followed directly by a comprehensive strategic one, with no strategic "
       "step between. A partner can skip a rung: the ladder is a ranking, not a queue.")


# --------------------------------------------------------------------------- Q4
def lesson01_q4(answer: Any, why: Any = None) -> None:
    """Q4: partners on the ladder on the day of the minister's "30", and what "30" counts."""
    date = Q4.params["date"]
    given = whole_number(answer, "answer_4", "a number of countries")
    c = _tier_counts(date)
    csp, sp, cp, special = c["comprehensive_strategic"], c["strategic"], c["comprehensive"], c["special"]
    expected = csp + sp + cp
    if given != expected:
        expect(given != csp + sp,
               f"{given} counts only the strategic partners and above. The minister names two groups, 'strategic "
               "partners and comprehensive partners': count all three rungs.")
        expect(given != expected + special,
               f"{given} includes the {plural(special, 'special relationship')} (Laos, Cambodia, Cuba), which sit "
               "outside the ladder and outside official tallies.")
        fail(f"{given} is not the count. Take `reference.partners(q4_date)` and count the rows whose `tier` is one "
             "of the ladder's three rungs.")
    explanation(why, "why_4")
    agree = "the same as" if (expected, csp) == (Q4_OFFICIAL_TOTAL, Q4_OFFICIAL_CSP) else "not"
    ok(f"Right: the reference table's count on {long_date(date)} is {agree} the minister's, and so is its number of CSPs. "
       "Compare your explanation with these points: his total counts all three rungs and names two groups ('strategic "
       f"partners and comprehensive partners'); a headline calling them all 'strategic partners' would add the "
       f"{plural(cp, 'comprehensive partner')} to the strategic ones. Count by rung, and quote the official wording.")


# --------------------------------------------------------------------------- answer key
def answer_key() -> dict[int, str]:
    """The right answers, computed as the checks compute them (for the teaching guide)."""
    from .. import reference

    c1 = _tier_counts(Q1.params["date"])
    counts = reference.level_counts_by_year()
    q2 = int(counts.loc[counts["strategic"] > Q2.params["threshold"], "year"].iloc[0])
    c4 = _tier_counts(Q4.params["date"])
    return {
        1: f"`{c1['comprehensive_strategic'] + c1['strategic']}` ({c1['comprehensive_strategic']} CSP + {c1['strategic']} SP)",
        2: f"`{q2}`",
        3: "`{" + ", ".join(repr(c) for c in cp_straight_to_top()) + "}`",
        4: f"`{c4['comprehensive_strategic'] + c4['strategic'] + c4['comprehensive']}` "
           f"({c4['comprehensive_strategic']} CSP + {c4['strategic']} SP + {c4['comprehensive']} CP)",
    }
