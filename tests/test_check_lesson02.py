"""Self-checks of lesson 02: right answers pass, typical wrong answers teach."""

from __future__ import annotations

import numpy as np
import pytest

from vnpartners import check, reference
from vnpartners.lessons import network


def raises(func, answer) -> str:
    with pytest.raises(AssertionError) as info:
        func(answer)
    message = str(info.value)
    assert len(message.split()) >= 5, f"not a teaching message: {message!r}"
    return message


@pytest.fixture(scope="module")
def comentions(seeds_corpus):
    return network.comention_graph(seeds_corpus.mentions)


@pytest.fixture(scope="module")
def projection():
    return network.project_partners(network.forum_graph(reference.forums(), reference.partners()))


def test_checks_are_exported() -> None:
    for name in ("lesson02_q1", "lesson02_q2", "lesson02_q3"):
        assert name in check.__all__ and callable(getattr(check, name))


@pytest.mark.parametrize("func", [check.lesson02_q1, check.lesson02_q2, check.lesson02_q3])
def test_missing_answer(func) -> None:
    assert "still empty" in raises(func, None)


# --------------------------------------------------------------------------- Q1
def expected_q1(C) -> str:
    degree = {n: d for n, d in C.degree() if n != network.VIETNAM}
    return max(sorted(degree), key=degree.get)


def test_q1_right_answers(comentions, capsys) -> None:
    code = expected_q1(comentions)
    name = comentions.nodes[code]["name"]
    for answer in (code, code.lower(), name, f"  {name.upper()} "):
        check.lesson02_q1(answer)
    assert "✓" in capsys.readouterr().out


def test_q1_vietnam_is_left_out() -> None:
    assert "leaves it out" in raises(check.lesson02_q1, "VNM")
    assert "leaves it out" in raises(check.lesson02_q1, "Vietnam")


def test_q1_heavy_but_not_wide(comentions) -> None:
    # China is named in many sentences, but only with Vietnam: its weight is high, its degree 1
    assert comentions.degree("CHN") == 1
    message = raises(check.lesson02_q1, "CHN")
    assert "Count neighbours" in message and "China" in message


def test_q1_other_wrong_answers() -> None:
    assert "not a node" in raises(check.lesson02_q1, "FRA")
    assert "co-mentioned with" in raises(check.lesson02_q1, "Kazakhstan")
    assert "as text" in raises(check.lesson02_q1, 7)


# --------------------------------------------------------------------------- Q2
def tier_counts(year: int) -> dict[str, int]:
    counts = reference.level_counts_by_year(year, year).iloc[0]
    return {k: int(counts[k]) for k in ("comprehensive_strategic", "strategic", "comprehensive", "special")}


def test_q2_right_answer(capsys) -> None:
    c = tier_counts(2015)
    expected = c["comprehensive_strategic"] + c["strategic"]
    check.lesson02_q2(expected)
    check.lesson02_q2(np.int64(expected))  # what pandas' .sum() returns
    assert f"{expected} partners" in capsys.readouterr().out


def test_q2_typical_wrong_answers() -> None:
    c = tier_counts(2015)
    csp, sp, cp, special = c["comprehensive_strategic"], c["strategic"], c["comprehensive"], c["special"]
    assert "rung *below* strategic" in raises(check.lesson02_q2, csp + sp + cp)
    assert "special relationships" in raises(check.lesson02_q2, csp + sp + special)
    assert "strategic tier only" in raises(check.lesson02_q2, sp)
    assert "comprehensive strategic partners only" in raises(check.lesson02_q2, csp)
    today = int(reference.partners()["tier"].isin(["comprehensive_strategic", "strategic"]).sum())
    assert "2015-12-31" in raises(check.lesson02_q2, today)
    assert "not the count" in raises(check.lesson02_q2, 999)


def test_q2_not_a_number() -> None:
    assert "whole number" in raises(check.lesson02_q2, "15")
    assert "whole number" in raises(check.lesson02_q2, True)


# --------------------------------------------------------------------------- Q3
def test_q3_right_answers(projection, capsys) -> None:
    wdeg = dict(projection.degree(weight="weight"))
    code = max(sorted(wdeg), key=wdeg.get)
    check.lesson02_q3(code)
    check.lesson02_q3(projection.nodes[code]["name"])
    assert "weighted degree" in capsys.readouterr().out


def test_q3_typical_wrong_answers(projection) -> None:
    B = network.forum_graph(reference.forums(), reference.partners())
    wdeg = dict(projection.degree(weight="weight"))
    best = max(sorted(wdeg), key=wdeg.get)
    most = max(B.degree(n) for n in projection)
    # a partner in as many forums as the best one, but with a lower weighted degree
    rivals = sorted(n for n in projection if B.degree(n) == most and n != best)
    assert rivals, "the data no longer has a tie on forum count; pick another typical wrong answer"
    assert "as many as any partner" in raises(check.lesson02_q3, rivals[0])
    assert "point of view" in raises(check.lesson02_q3, "VNM")
    assert "is a forum" in raises(check.lesson02_q3, "ASEAN")
    assert "weighted degree" in raises(check.lesson02_q3, "Argentina")
    assert "not one of Vietnam's partners" in raises(check.lesson02_q3, "Peru")
