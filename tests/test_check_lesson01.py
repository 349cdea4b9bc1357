"""Tests of the self-checks of lesson 01 (vnpartners.check.lesson01)."""

from __future__ import annotations

import numpy as np
import pytest

from vnpartners import check, reference


def _raises(fn, answer, *words: str) -> str:
    with pytest.raises(AssertionError) as info:
        fn(answer)
    message = str(info.value)
    assert len(message.split()) >= 5, f"not a teaching message: {message!r}"
    for word in words:
        assert word in message, (word, message)
    return message


def _q1_counts() -> dict[str, int]:
    counts = reference.partners("2025-05-20")["tier"].value_counts()
    return {t: int(counts.get(t, 0)) for t in ("comprehensive_strategic", "strategic", "comprehensive", "special")}


# --------------------------------------------------------------------------- exercise 1
def test_q1_right_answers_pass(capsys) -> None:
    c = _q1_counts()
    right = c["comprehensive_strategic"] + c["strategic"]
    check.lesson01_q1(right)
    check.lesson01_q1(np.int64(right))
    check.lesson01_q1(float(right))
    assert capsys.readouterr().out.startswith("✓ Right")


@pytest.mark.parametrize("answer", [None, ...])
def test_q1_missing(answer) -> None:
    _raises(check.lesson01_q1, answer, "answer_1", "None")


def test_q1_typical_wrong_answers_teach() -> None:
    c = _q1_counts()
    csp, sp, cp, special = c["comprehensive_strategic"], c["strategic"], c["comprehensive"], c["special"]
    _raises(check.lesson01_q1, csp + sp + cp, "comprehensive partners", "tier")     # the seeds' 37
    _raises(check.lesson01_q1, csp + sp + cp + special, "Laos")
    _raises(check.lesson01_q1, csp, "add the strategic partners")
    _raises(check.lesson01_q1, sp, "comprehensive strategic")
    _raises(check.lesson01_q1, csp + sp - 1, "China", "tier")
    _raises(check.lesson01_q1, 5, "reference.partners")
    _raises(check.lesson01_q1, "23", "int")
    _raises(check.lesson01_q1, True, "True/False")


# --------------------------------------------------------------------------- exercise 2
def test_q2_right_answer_passes(capsys) -> None:
    counts = reference.level_counts_by_year()
    year = int(counts.loc[counts["comprehensive_strategic"] > 10, "year"].min())
    check.lesson01_q2(year)
    check.lesson01_q2(np.int64(year))
    assert "✓ Right" in capsys.readouterr().out


def test_q2_typical_wrong_answers_teach() -> None:
    counts = reference.level_counts_by_year()
    right = int(counts.loc[counts["comprehensive_strategic"] > 10, "year"].min())
    total_year = int(counts.loc[counts["total"] > 10, "year"].min())
    _raises(check.lesson01_q2, total_year, "total")
    _raises(check.lesson01_q2, right - 1, "only")
    _raises(check.lesson01_q2, 1990, "outside")
    _raises(check.lesson01_q2, None, "answer_2")
    _raises(check.lesson01_q2, counts["year"], "iloc")  # a whole column, not one year


# --------------------------------------------------------------------------- exercise 3
def _expected_q3() -> set[str]:
    h = reference.partnership_history()
    return set(h.loc[h["tier"] == "comprehensive_strategic", "iso3"]) - set(h.loc[h["tier"] == "strategic", "iso3"])


def test_q3_right_answers_pass(capsys) -> None:
    expected = _expected_q3()
    assert "CHN" in expected   # China went straight to the top rung
    check.lesson01_q3(expected)
    check.lesson01_q3(sorted(expected))
    names = [reference.partners().set_index("iso3").loc[c, "country_en"] for c in sorted(expected)]
    check.lesson01_q3(names)   # names are accepted too
    assert capsys.readouterr().out.count("✓ Right") == 3


def test_q3_typical_wrong_answers_teach() -> None:
    expected = _expected_q3()
    _raises(check.lesson01_q3, expected - {"CHN"}, "China", "tier")
    if len(expected) > 1:
        _raises(check.lesson01_q3, {"CHN"}, "missing")
    _raises(check.lesson01_q3, expected | {"AUS"}, "AUS", "partner_path")
    _raises(check.lesson01_q3, expected | {"MNG"}, "MNG", "never reached")
    _raises(check.lesson01_q3, "CHN", "collection")
    _raises(check.lesson01_q3, {"Atlantis"}, "Atlantis")
    _raises(check.lesson01_q3, None, "answer_3")
