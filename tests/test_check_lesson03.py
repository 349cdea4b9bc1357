"""Self-checks of lesson 03: right answers pass, typical wrong answers get a teaching message."""

from __future__ import annotations

from kit_lessons import fails

from vnpartners import check, reference
from vnpartners.check import lesson03
from vnpartners.lessons import trade

WHY = "Valuation adds a few per cent at most; the rest needs attribution by origin or consignment."




def test_q1(capsys) -> None:
    before, now = lesson03.q1_values()
    right = (now / before - 1) * 100
    check.lesson03_q1(right)
    check.lesson03_q1(round(right, 1))  # rounding to one decimal is accepted
    assert "like with like" in capsys.readouterr().out
    fails(check.lesson03_q1, right / 100, words=("fraction",))
    fails(check.lesson03_q1, 1 + right / 100, words=("ratio",))
    fails(check.lesson03_q1, (before / now - 1) * 100, words=("wrong way",))
    fails(check.lesson03_q1, now - before, words=("billion USD",))
    fails(check.lesson03_q1, "11 %", words=("text",))
    fails(check.lesson03_q1, right + 1, words=("not the growth",))


def test_q2(capsys) -> None:
    p = lesson03.Q2.params
    first, last = lesson03.q2_values()
    steps = p["last"] - p["first"]
    right = trade.cagr(first, last, steps)
    check.lesson03_q2(right)
    check.lesson03_q2(round(right, 1))
    assert "compounded" in capsys.readouterr().out
    fails(check.lesson03_q2, trade.cagr(first, last, steps + 1), words=("yearly steps",))
    fails(check.lesson03_q2, trade.average_growth(first, last, steps), words=("compounding", "overstates"))
    fails(check.lesson03_q2, (last / first - 1) * 100, words=("total growth",))
    fails(check.lesson03_q2, right / 100, words=("fraction",))


def test_q3_asks_about_a_flow_the_lesson_does_not_print(capsys) -> None:
    p = lesson03.Q3.params
    assert p["flow"] != "turnover"
    sbs = trade.side_by_side(reference.trade(), p["partner"], flow=p["flow"]).dropna(subset=["gap_bn"])
    right = int(sbs.loc[sbs["gap_bn"].abs().idxmax(), "year"])
    check.lesson03_q3(right)
    check.lesson03_q3(float(right))
    assert "widest" in capsys.readouterr().out
    others = [int(y) for y in sbs["year"] if int(y) != right]
    fails(check.lesson03_q3, others[0], words=("another year",))
    full = trade.side_by_side(reference.trade(), p["partner"], flow=p["flow"])
    one_side = [int(y) for y, both in zip(full["year"], full["both"]) if not both]
    fails(check.lesson03_q3, one_side[0], words=("only one",))
    fails(check.lesson03_q3, 1990, words=("outside",))
    fails(check.lesson03_q3, "twenty", words=("text",))


def test_q4(capsys) -> None:
    vietnam, partner = lesson03.q4_values()
    right = (partner / vietnam - 1) * 100
    assert right > 10 * lesson03.CIF_FOB_MARGIN_PCT
    check.lesson03_q4(right, WHY)
    assert "valuation explains almost none" in capsys.readouterr().out
    fails(check.lesson03_q4, partner / vietnam * 100, WHY, words=("minus 100",))
    fails(check.lesson03_q4, (1 - vietnam / partner) * 100, WHY, words=("against the partner's figure",))
    fails(check.lesson03_q4, right / 100, WHY, words=("fraction",))
    fails(check.lesson03_q4, right, "no", words=("too short",))
