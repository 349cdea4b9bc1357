"""Self-checks for lesson 01, "The ladder of partnership levels".

Every expected answer is computed from :mod:`vnpartners.reference` when the check runs, never typed
in, so the checks follow the reference tables if they are corrected.
"""

from __future__ import annotations

from collections.abc import Iterable
from numbers import Integral
from typing import Any

from ._base import expect, not_missing, ok

__all__ = ["lesson01_q1", "lesson01_q2", "lesson01_q3"]

#: The date of exercise 1 (a week after the seeds' "37").
Q1_DATE = "2025-05-20"
#: Exercise 2 asks for the first year that ended with more than this many CSPs.
Q2_THRESHOLD = 10

def _whole_number(answer: Any, name: str, what: str) -> int:
    """``answer`` as an int, or a teaching AssertionError (bools, floats with decimals, text are refused)."""
    if hasattr(answer, "item") and not isinstance(answer, (str, bytes)):
        try:  # a numpy scalar or a one-element Series/array
            answer = answer.item()
        except (ValueError, TypeError):
            pass
    expect(not isinstance(answer, bool), f"{name} should be {what}, not True/False.")
    if isinstance(answer, float) and answer.is_integer():
        answer = int(answer)
    expect(
        isinstance(answer, Integral),
        f"{name} should be {what} (an int), but it is {type(answer).__name__} {answer!r}. "
        "If you have a Series or a one-row table, take the single value out of it (e.g. `.iloc[0]`).",
    )
    return int(answer)


def lesson01_q1(answer: Any) -> None:
    """Q1: how many partners were at strategic level or above (CSP + SP) on 20 May 2025?"""
    from .. import reference

    not_missing(answer, "answer_1")
    given = _whole_number(answer, "answer_1", "a number of countries")
    p = reference.partners(Q1_DATE)
    counts = p["tier"].value_counts()
    csp, sp = int(counts.get("comprehensive_strategic", 0)), int(counts.get("strategic", 0))
    cp, special = int(counts.get("comprehensive", 0)), int(counts.get("special", 0))
    expected = csp + sp
    if given != expected:
        expect(given != csp + sp + cp,
               f"{given} is the seeds' kind of number: it counts every framework from comprehensive "
               f"partnership up, including the {cp} comprehensive partners. Keep only the rows whose "
               "`tier` is 'comprehensive_strategic' or 'strategic'.")
        expect(given != csp + sp + cp + special,
               f"{given} counts every row of the table, even Laos, Cambodia and Cuba ({special} special "
               "relationships) and the comprehensive partners. Keep only the two strategic tiers.")
        expect(given != csp + sp + special,
               f"{given} includes the {special} special relationships (Laos, Cambodia, Cuba), which sit outside "
               "the ladder. Count only the tiers 'comprehensive_strategic' and 'strategic'.")
        expect(given != csp,
               f"{given} is only the comprehensive strategic partners. The question asks for strategic "
               "level *or above*: add the strategic partners too.")
        expect(given != sp,
               f"{given} is only the strategic partners. 'Or above' includes the comprehensive strategic "
               "partners (China's CSCP among them).")
        expect(given != csp - 1 + sp,
               f"{given} is one short: did you filter on `level == 'comprehensive_strategic'`? China's level "
               "has its own name; filter on the `tier` column, which counts it as a CSP.")
        expect(False,
               f"{given} is not the count. Take `reference.partners('{Q1_DATE}')`, keep the rows whose `tier` "
               "is in ['comprehensive_strategic', 'strategic'] and count them (`len(...)` or `.sum()` of a "
               "boolean mask).")
    ok(f"Right: {expected} partners ({csp} CSP + {sp} SP) were at strategic level or above on 20 May 2025; "
       f"with the {cp} comprehensive partners that makes the {expected + cp} the seeds call 'strategic partners'.")


def lesson01_q2(answer: Any) -> None:
    """Q2: in which year did the number of CSPs (counted on 31 December) first exceed 10?"""
    from .. import reference

    not_missing(answer, "answer_2")
    given = _whole_number(answer, "answer_2", "a year such as 2015")
    counts = reference.level_counts_by_year()
    over = counts[counts["comprehensive_strategic"] > Q2_THRESHOLD]
    expect(len(over) > 0, "The reference tables have no year above the threshold; tell the kit's authors.")
    expected = int(over["year"].iloc[0])
    if given != expected:
        by_year = counts.set_index("year")
        total_year = counts.loc[counts["total"] > Q2_THRESHOLD, "year"]
        sp_year = counts.loc[counts["strategic"] > Q2_THRESHOLD, "year"]
        at_least = counts.loc[counts["comprehensive_strategic"] >= Q2_THRESHOLD, "year"]
        expect(given in by_year.index,
               f"{given} is outside the years the table covers ({int(counts['year'].min())}–"
               f"{int(counts['year'].max())}).")
        expect(len(total_year) == 0 or given != int(total_year.iloc[0]),
               f"{given} is the first year with more than {Q2_THRESHOLD} partners *in total*. Use the "
               "`comprehensive_strategic` column, not `total`.")
        expect(len(sp_year) == 0 or given != int(sp_year.iloc[0]),
               f"{given} is the first year with more than {Q2_THRESHOLD} *strategic* partners. Use the "
               "`comprehensive_strategic` column.")
        expect(len(at_least) == 0 or given != int(at_least.iloc[0]),
               f"{given} is the first year with {Q2_THRESHOLD} or more; 'exceed' means strictly more (`>`).")
        n = int(by_year.loc[given, "comprehensive_strategic"])
        expect(n <= Q2_THRESHOLD,
               f"In {given} there were {n} CSPs, which is more than {Q2_THRESHOLD}, but it is not the *first* "
               "such year: take the smallest year of the rows you kept (`.iloc[0]` after sorting, or `.min()`).")
        expect(False,
               f"At the end of {given} there were only {n} CSPs. Filter "
               f"`reference.level_counts_by_year()` on `comprehensive_strategic > {Q2_THRESHOLD}` and take "
               "the first year.")
    csp = counts.set_index("year")["comprehensive_strategic"]
    n, before = int(csp[expected]), int(csp.get(expected - 1, 0))
    ok(f"Right: {expected}. The count went from {before} at the end of {expected - 1} to {n} at the end of {expected}.")


def _csp_without_sp() -> list[str]:
    """Partners with a step on the CSP rung and no strategic-partnership step before it."""
    from .. import reference

    h = reference.partnership_history()
    steps = h[h["action"] != "deepened"]
    csp = set(steps.loc[steps["tier"] == "comprehensive_strategic", "iso3"])
    sp = set(steps.loc[steps["tier"] == "strategic", "iso3"])
    return sorted(csp - sp)


def lesson01_q3(answer: Any) -> None:
    """Q3: which partners reached the top rung (CSP) without ever being strategic partners?"""
    from .. import reference
    from ..errors import UnknownPartnerError

    not_missing(answer, "answer_3")
    expect(
        isinstance(answer, Iterable) and not isinstance(answer, (str, bytes)),
        "answer_3 should be a collection of ISO3 codes, e.g. a set like {'RUS', 'IND'} (not a single string).",
    )
    given: set[str] = set()
    for item in answer:
        try:
            given.add(reference.resolve_partner(str(item)))
        except UnknownPartnerError:
            expect(False, f"{item!r} is not a country the kit knows: use ISO3 codes such as 'RUS'.")
    expected = set(_csp_without_sp())
    h = reference.partnership_history()
    had_sp = set(h.loc[h["tier"] == "strategic", "iso3"])
    wrong_sp = sorted(given & had_sp)
    expect(not wrong_sp,
           f"{', '.join(wrong_sp)} had a strategic partnership before reaching the top rung: look at "
           f"`reference.partner_path('{wrong_sp[0] if wrong_sp else ''}')`.")
    extra = sorted(given - expected)
    csp = set(h.loc[h["tier"] == "comprehensive_strategic", "iso3"])
    not_top = sorted(set(extra) - csp)
    expect(not not_top,
           f"{', '.join(not_top)} never reached the comprehensive strategic rung, so they cannot have skipped to it.")
    expect(not extra, f"{', '.join(extra)} should not be in your answer.")
    missing = sorted(expected - given)
    if "CHN" in missing:
        expect(False,
               "You are missing China: its level is called 'comprehensive_strategic_cooperative', but its `tier` "
               "is 'comprehensive_strategic'. Work with the `tier` column so China counts as a CSP.")
    expect(not missing,
           f"You are missing {len(missing)} partner(s). Compare, partner by partner, the set of countries with a "
           "CSP-tier step and the set with a strategic-tier step in `reference.partnership_history()`.")
    ok(f"Right: {sorted(expected)} reached the top rung without a strategic-partnership step.")
