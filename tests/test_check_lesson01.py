"""Self-checks of lesson 01 (vnpartners.check.lesson01): right answers pass, typical wrong answers teach."""

from __future__ import annotations

import numpy as np
import pytest

from vnpartners import check, reference
from vnpartners.check import lesson01

WHY = "The minister counts all three rungs, so thirty is not the number of strategic partners."


def fails(fn, *args, words: tuple[str, ...] = ()) -> str:
    with pytest.raises(check.CheckFailed) as info:
        fn(*args)
    message = str(info.value)
    assert len(message.split()) >= 5, f"not a teaching message: {message!r}"
    for word in words:
        assert word in message, (word, message)
    return message


def counts(as_of: str) -> dict[str, int]:
    c = reference.partners(as_of)["tier"].value_counts()
    return {t: int(c.get(t, 0)) for t in ("comprehensive_strategic", "strategic", "comprehensive", "special")}


# --------------------------------------------------------------------------- exercise 1
def test_q1(capsys) -> None:
    c = counts(lesson01.Q1.params["date"])
    csp, sp, cp, special = c["comprehensive_strategic"], c["strategic"], c["comprehensive"], c["special"]
    for answer in (csp + sp, np.int64(csp + sp), float(csp + sp)):
        check.lesson01_q1(answer)
    assert capsys.readouterr().out.count("✓ Right") == 3
    fails(check.lesson01_q1, csp + sp + cp, words=("comprehensive partner",))
    fails(check.lesson01_q1, csp + sp + cp + special, words=("special relationships",))
    fails(check.lesson01_q1, csp, words=("add the strategic partners",))
    fails(check.lesson01_q1, sp, words=("comprehensive strategic",))
    fails(check.lesson01_q1, csp + sp - 1, words=("China", "tier"))
    fails(check.lesson01_q1, 99, words=("reference.partners",))
    fails(check.lesson01_q1, "23", words=("text",))
    fails(check.lesson01_q1, True, words=("True/False",))


def test_q1_is_not_the_number_printed_in_the_lesson() -> None:
    """The lesson prints the strategic-or-above count of 12 May 2025; exercise 1 asks about another date."""
    c = counts(lesson01.Q1.params["date"])
    may = counts("2025-05-12")
    assert c["comprehensive_strategic"] + c["strategic"] != may["comprehensive_strategic"] + may["strategic"]


# --------------------------------------------------------------------------- exercise 2
def test_q2(capsys) -> None:
    threshold = lesson01.Q2.params["threshold"]
    by_year = reference.level_counts_by_year()
    right = int(by_year.loc[by_year["strategic"] > threshold, "year"].min())
    check.lesson01_q2(right)
    check.lesson01_q2(np.int64(right))
    assert "✓ Right" in capsys.readouterr().out
    total_year = int(by_year.loc[by_year["total"] > threshold, "year"].min())
    fails(check.lesson01_q2, total_year, words=("total",))
    at_least = by_year.loc[by_year["strategic"] >= threshold, "year"]
    if int(at_least.min()) != right:
        fails(check.lesson01_q2, int(at_least.min()), words=("strictly",))
    fails(check.lesson01_q2, right + 1, words=("first",))
    fails(check.lesson01_q2, 1990, words=("outside",))
    fails(check.lesson01_q2, by_year["year"], words=("iloc",))


# --------------------------------------------------------------------------- exercise 3
def test_q3(capsys) -> None:
    right = set(lesson01.cp_straight_to_top())
    assert right == {"USA"}   # CP in 2013, CSP in 2023 (data/partnership_history.csv)
    check.lesson01_q3(right)
    check.lesson01_q3(["United States"])
    check.lesson01_q3({"amerika serikat"})
    assert capsys.readouterr().out.count("✓ Right") == 3
    fails(check.lesson01_q3, {"USA", "AUS"}, words=("AUS", "Strategic Partnership"))
    fails(check.lesson01_q3, {"USA", "CHN"}, words=("first", "framework"))
    fails(check.lesson01_q3, {"USA", "MNG"}, words=("never reached",))
    fails(check.lesson01_q3, set(), words=("missing",))
    fails(check.lesson01_q3, "USA", words=("collection",))
    fails(check.lesson01_q3, {"Atlantis"}, words=("not among",))


# --------------------------------------------------------------------------- exercise 4
def test_q4_matches_the_ministers_30(capsys) -> None:
    c = counts(lesson01.Q4.params["date"])
    right = c["comprehensive_strategic"] + c["strategic"] + c["comprehensive"]
    assert (right, c["comprehensive_strategic"]) == (lesson01.Q4_OFFICIAL_TOTAL, lesson01.Q4_OFFICIAL_CSP)
    check.lesson01_q4(right, WHY)
    out = capsys.readouterr().out
    assert "the same as the minister's" in out and "strategic partners and comprehensive partners" in out
    fails(check.lesson01_q4, c["comprehensive_strategic"] + c["strategic"], WHY, words=("all three rungs",))
    fails(check.lesson01_q4, right + c["special"], WHY, words=("special",))
    fails(check.lesson01_q4, right, "thirty", words=("too short",))
