"""Self-checks of lesson 04: right answers pass, typical wrong answers get a teaching message."""

from __future__ import annotations

from kit_lessons import fails

from vnpartners import check, reference, trade, trust
from vnpartners.check import lesson04

WHY = "Four facts prove little; the articles were chosen, and found is not right: half had the wrong modality."
BRIEF = "Russia is a comprehensive strategic partner since 2012; trade grew; the seeds were tuning texts, so hedge."


def test_q1(capsys) -> None:
    v = lesson04.q1_values()
    assert v["right"] < v["found"], "the question is only worth asking if found and right differ"
    assert v["all_right"] != v["right"]
    check.lesson04_q1(v["right"])
    check.lesson04_q1(round(v["right"], 1))
    assert "required" in capsys.readouterr().out
    fails(check.lesson04_q1, v["found"], words=("recall",))
    fails(check.lesson04_q1, v["all_right"], words=("every gold",))
    fails(check.lesson04_q1, v["right"] / 100, words=("fraction",))
    fails(check.lesson04_q1, 12.0, words=("not that share",))


def test_q2_asks_about_a_set_the_lesson_does_not_score(capsys) -> None:
    assert lesson04.Q2.params["set"] != "seeds"
    rules = trust.period_rules(trust.load_set(lesson04.Q2.params["set"]))
    naive = rules[(rules["rule"] == "publication year") & (rules["what"] == lesson04.Q2.params["what"])].iloc[0]
    wrong = int(naive["total"] - naive["right"])
    assert 0 < wrong < naive["total"]
    check.lesson04_q2(wrong)
    check.lesson04_q2(float(wrong))
    assert "growth rate" in capsys.readouterr().out
    fails(check.lesson04_q2, int(naive["right"]), words=("right",))
    fails(check.lesson04_q2, int(naive["total"]), words=("some of them",))
    fails(check.lesson04_q2, "three", words=("text",))


def test_q3_paragraph_is_the_shipped_one() -> None:
    gs = trust.load_set(lesson04.Q3.params["set"])
    assert trust.paragraph_text(gs.corpus, lesson04.Q3.params["article"], lesson04.Q3.params["para"]) == lesson04.Q3_PARAGRAPH
    published = gs.corpus.articles.set_index("article_id")["published"].iloc[0]
    assert f"{published.day} {published:%B %Y}" == lesson04.Q3_PUBLISHED
    assert len(lesson04.q3_gold()) == 2


def test_q3(capsys) -> None:
    right = [{"metric": "trade_turnover", "value": 533.6e6, "unit": "USD", "period": "2024", "modality": "stated"},
             {"metric": "trade_target", "value": 1e9, "unit": "USD", "period": None, "modality": "aim"}]
    check.lesson04_q3(right)
    check.lesson04_q3(list(reversed(right)))
    out = capsys.readouterr().out
    assert "agrees with you on every field for 2" in out and "proves little" in out
    fails(check.lesson04_q3, [{**right[0], "value": 533.6}, right[1]], words=("fully scaled",))
    fails(check.lesson04_q3, [{**right[0], "modality": "planned"}, right[1]], words=("akan mencapai", "translation"))
    fails(check.lesson04_q3, [right[0], {**right[1], "modality": "stated"}], words=("intention",))
    fails(check.lesson04_q3, [right[0], {**right[1], "metric": "trade_turnover"}], words=("trade_target",))
    fails(check.lesson04_q3, [right[0], {**right[1], "period": "2026"}], words=("names no year",))
    fails(check.lesson04_q3, [{**right[0], "period": "2025"}, right[1]], words=("which year",))
    fails(check.lesson04_q3, right[:1], words=("2 figures",))
    fails(check.lesson04_q3, right + [{**right[0], "value": 5.0}], words=("Fact 3 is not among",))
    fails(check.lesson04_q3, [{"partner": "ROU", "level": "strategic", "year": None, "modality": "aim"}],
          words=("no partnership",))
    fails(check.lesson04_q3, "533,6 juta USD", words=("list of dicts",))


def test_q4(capsys) -> None:
    n = lesson04.q4_n()
    right = trust.miss_rate_upper_bound(n) * 100
    check.lesson04_q4(right, WHY)
    assert "held-back" in capsys.readouterr().out
    fails(check.lesson04_q4, 300 / n, WHY, words=("rule of three",))
    fails(check.lesson04_q4, right / 100, WHY, words=("fraction",))
    kit_rows = int(trust.precision_recall(trust.load_set("sample")).set_index("table").loc["partnerships", "kit_rows"])
    assert kit_rows != n
    fails(check.lesson04_q4, trust.miss_rate_upper_bound(kit_rows) * 100, WHY, words=("gold_facts",))
    fails(check.lesson04_q4, right, "too short", words=("too short",))


def test_q5_capstone(capsys) -> None:
    p = lesson04.Q5.params
    v = lesson04.q5_values()
    row = reference.partners(as_of=p["as_of"]).set_index("iso3").loc[p["partner"]]
    series = trade.series(reference.trade(), p["partner"]).set_index("year")["value_bn"]
    right = {"level": row["level"], "since": row["level_since"].year, "forums": v["forums"],
             "growth_pct": trade.cagr(series[p["first"]], series[p["last"]], p["last"] - p["first"]),
             "facts_right": v["facts_right"]}
    check.lesson04_q5(right, BRIEF)
    check.lesson04_q5({**right, "level": "Comprehensive Strategic", "growth_pct": round(right["growth_pct"], 1)}, BRIEF)
    assert "tuned" in capsys.readouterr().out
    fails(check.lesson04_q5, {**right, "level": "strategic"}, BRIEF, words=("'level'",))
    fails(check.lesson04_q5, {**right, "since": 2001}, BRIEF, words=("lower rung",))
    fails(check.lesson04_q5, {**right, "forums": right["forums"] + 3}, BRIEF, words=("member, party or participant",))
    steps = p["last"] - p["first"]
    total = (series[p["last"]] / series[p["first"]] - 1) * 100
    fails(check.lesson04_q5, {**right, "growth_pct": total / steps}, BRIEF, words=("overstates",))
    fails(check.lesson04_q5, {**right, "growth_pct": trade.cagr(series[p["first"]], series[p["last"]], steps + 1)},
          BRIEF, words=("yearly steps",))
    fails(check.lesson04_q5, {**right, "facts_right": v["partnerships_right"]}, BRIEF, words=("figures",))
    fails(check.lesson04_q5, {k: right[k] for k in ("level", "since")}, BRIEF, words=("lacks",))
    fails(check.lesson04_q5, [1, 2, 3], BRIEF, words=("dict",))
    fails(check.lesson04_q5, right, "short", words=("too short",))


def test_answer_key_gives_every_answer() -> None:
    key = lesson04.answer_key()
    assert set(key) == {1, 2, 3, 4, 5}
    assert "'trade_target'" in key[3] and "'aim'" in key[3] and "None" in key[3]
    assert f"'facts_right': {lesson04.q5_values()['facts_right']}" in key[5]
