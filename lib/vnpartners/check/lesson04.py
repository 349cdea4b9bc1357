"""Self-checks for lesson 04, "Can we trust machine-read facts?".

Every expected answer is computed from the kit (the shipped gold in ``data/trust`` scored by
``vnpartners.lessons.trust``, the reference tables, the trade table), never typed in, so the checks
follow the data if it is corrected. Each question's parameters are stated once, in :data:`EXERCISES`.
Exercise 3's paragraph is quoted in its question; a test keeps the quote equal to the shipped text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import PCT_TOLERANCE, Exercise, expect, explanation, fail, ok, plural, whole_number
from ._base import close as _close
from ._base import number as _number
from ._base import percent as _percent

__all__ = ["lesson04_q1", "lesson04_q2", "lesson04_q3", "lesson04_q4", "lesson04_q5"]

#: the tolerance as the questions state it
_ACCEPTED = f"Answers within ±{PCT_TOLERANCE} percentage points are accepted."
#: the paragraph of exercise 3, as the shipped article has it (tests/test_check_lesson04.py compares them)
Q3_PARAGRAPH = ("Pada tahun 2024, omzet perdagangan dua arah antara Vietnam dan Rumania akan mencapai sekitar 533,6 "
                "juta USD; kedua belah pihak bermaksud meningkatkan angka ini menjadi 1 miliar USD di tahun-tahun "
                "mendatang.")
Q3_PUBLISHED = "6 December 2025"
CAPSTONE_KEYS = ("level", "since", "forums", "growth_pct", "facts_right")

EXERCISES = [
    Exercise(
        "04", 1,
        "Found is not right. Recall counts a fact as found even when the kit gets a detail of it wrong (its "
        "period, its modality, its kind). The gold marks with `required` = `yes` the facts any complete reader "
        "must find (mostly trade and investment numbers). What share (in %) of the **required {table}** of the "
        "**{set}** gold set does the kit read **right**, with no error at all? *Hint:* the columns `required` and "
        f"`outcome` of `trust.outcomes(...)`. {_ACCEPTED}",
        "a share in percent, e.g. 85.0",
        params={"set": "sample", "table": "figures"},
    ),
    Exercise(
        "04", 2,
        "Section 4 scored the naive rule \"a fact's year is the year its article was published\" on the seeds. "
        "Score it on the **{set}** gold set: of the **{what}** the kit found and the gold dates, how many would "
        "the naive rule date **wrongly**?",
        "a whole number",
        params={"set": "sample", "what": "figure periods"},
    ),
    Exercise(
        "04", 3,
        "**Annotate a paragraph yourself, then score the kit on it.** Here is paragraph {para} of the article "
        "`{article}` of the *{set}* gold set, published on {published}:\n\n> {paragraph}\n\n"
        "Some words: *omzet perdagangan dua arah* two-way trade turnover, *bermaksud* intend, *meningkatkan ... "
        "menjadi* raise ... to, *di tahun-tahun mendatang* in the coming years. Write down, as a careful reader, "
        "every figure it states: a list of dicts with `metric` (`trade_turnover` for trade that took place, "
        "`trade_target` for a level of trade someone wants to reach), `value` (fully scaled: 533,6 juta is "
        "`533.6e6`), `unit` (`'USD'`), `period` (`'2024'`, or `None` when the text names no period) and "
        "`modality` (`'stated'`, `'planned'` or `'aim'`). The check compares your list with the gold; once it "
        "passes, run `trust.score_annotation(answer_3, ex_set.corpus, q3_article, q3_para)` to see what the "
        "kit reads from the same paragraph (load the set with `ex_set = trust.load_set(q3_set)`).",
        "a list of dicts, one per figure",
        params={"set": "exercise", "article": "15_rou", "para": 7},
        display={"paragraph": Q3_PARAGRAPH, "published": Q3_PUBLISHED},
    ),
    Exercise(
        "04", 4,
        "On the **{set}** gold set the kit finds every gold fact of the **{table}** table: recall 100 %. "
        "(a) With `trust.miss_rate_upper_bound(n)`, what is the highest miss rate (in %) still consistent, at "
        f"95 % confidence, with finding all of them? {_ACCEPTED} (b) In `why_4`: would you tell a newsroom that "
        "the kit \"never misses a partnership\"? Say what this 100 % rests on (how many facts, which articles, "
        "what \"found\" does not check) and what a fairer test would need.",
        "a miss rate in percent, e.g. 12.5",
        params={"set": "sample", "table": "partnerships"},
        interpretive=True,
    ),
    Exercise(
        "04", 5,
        "**Capstone: a brief on {partner}, using all four lessons.** Give a dict `answer_5` with five keys: "
        "`'level'`: the partner's level on {as_of} (lesson 01, `reference.partners(as_of=...)`); `'since'`: "
        "the year it reached that level; `'forums'`: how many groupings it takes full part in (member, party or "
        "participant: lesson 02, `network.forum_graph`); `'growth_pct'`: the compound annual growth (%) of "
        "Vietnam's trade turnover with it from {first} to {last}, in Vietnamese statistics (lesson 03, "
        "`trade.series` and `trade.cagr`); `'facts_right'`: how many of the seeds' gold facts about it "
        "(partnerships and figures) the kit reads right (this lesson, `trust.outcomes`). Then, in `why_5`, write "
        "the brief for a newsroom in a few sentences: what you would state as fact, what you would hedge, and why.",
        "a dict with the keys 'level', 'since', 'forums', 'growth_pct', 'facts_right'",
        params={"partner": "RUS", "as_of": "2025-12-31", "first": 2016, "last": 2024},
        display={"partner": "Russia", "as_of": "31 December 2025"},
        interpretive=True,
    ),
]
Q1, Q2, Q3, Q4, Q5 = EXERCISES


def _set(name: str) -> Any:
    from ..lessons.trust import load_set

    return load_set(name)


# ----------------------------------------------------------------------------- Q1
def q1_values() -> dict[str, float]:
    """The exercise's table on its set, in %: required facts read right (the answer), required facts found
    (their recall), every gold fact read right, and the number of required facts."""
    from ..lessons.trust import outcomes

    out = outcomes(_set(Q1.params["set"]))
    gold = out[(out["table"] == Q1.params["table"]) & (out["outcome"] != "not in the gold")]
    required = gold[gold["required"] == "yes"]
    return {"right": float((required["outcome"] == "right").mean() * 100),
            "found": float((required["outcome"] != "missed").mean() * 100),
            "all_right": float((gold["outcome"] == "right").mean() * 100),
            "n_required": float(len(required))}


def lesson04_q1(answer: Any) -> None:
    """Q1: the share of one table's required gold facts the kit reads right, on one gold set, in %."""
    v = q1_values()
    expected = v["right"]
    value = _percent(answer, "answer_1", "a share in percent, e.g. 85.0", expected)
    if not _close(value, expected):
        expect(not _close(value, v["found"]),
               f"{value:.1f} % is the recall: it counts 'found, with an error' as found. The question asks how many "
               "are read right: keep only the rows whose `outcome` is 'right'.")
        expect(not _close(value, v["all_right"]),
               f"{value:.1f} % is the share over every gold {Q1.params['table'][:-1]}, required or not. Keep only the "
               "rows whose `required` is 'yes'.")
        fail(f"{value} is not that share. From `trust.outcomes(trust.load_set(q1_set))` keep the rows of `q1_table` "
             "whose `required` is 'yes'; the share is the part of them whose `outcome` is 'right', times 100. "
             f"{_ACCEPTED}")
    ok(f"Right: of the {plural(int(v['n_required']), 'required fact')}, the share the kit reads with no error; it "
       f"finds {v['found']:.0f} % of them. A recall alone would hide the difference: found is not right, so say "
       "which one a score counts.")


# ----------------------------------------------------------------------------- Q2
def q2_row() -> Any:
    """The naive rule's row of :func:`trust.period_rules` for the exercise's set and what."""
    from ..lessons.trust_periods import period_rules

    rules = period_rules(_set(Q2.params["set"]))
    return rules[(rules["rule"] == "publication year") & (rules["what"] == Q2.params["what"])].iloc[0]


def lesson04_q2(answer: Any) -> None:
    """Q2: how many found, dated gold facts the publication-year rule dates wrongly on one set."""
    from ..lessons.trust_periods import period_rules

    row = q2_row()
    right, total = int(row["right"]), int(row["total"])
    expected = total - right
    given = whole_number(answer, "answer_2", "a whole number (a count of facts)")
    if given != expected:
        expect(given != right, f"{given} is how many the naive rule dates *right*; the question asks how many it "
                               "dates wrongly.")
        expect(given != total, f"{given} is every {Q2.params['what'][:-1]} scored; some of them the naive rule "
                               "gets right (the figures of the year the article appeared).")
        seeds = period_rules(_set("seeds"))
        naive_seeds = seeds[(seeds["rule"] == "publication year") & (seeds["what"] == Q2.params["what"])].iloc[0]
        expect(given != int(naive_seeds["total"] - naive_seeds["right"]),
               f"{given} is the seeds' count, from section 4. Score the gold set `q2_set`.")
        fail(f"{given} is not the count. In `trust.period_rules(trust.load_set(q2_set))`, take the row of the rule "
             "'publication year' and `q2_what`: the wrong ones are `total` minus `right`.")
    ok(f"Right: of the {total} {Q2.params['what']} scored, those would be dated by the day's news instead of by the "
       "sentence. Figures of earlier years are exactly the ones a growth rate needs.")


# ----------------------------------------------------------------------------- Q3
def q3_gold() -> Any:
    """The gold figures of exercise 3's paragraph (rows of the exercise set's gold whose words it holds)."""
    from ..lessons.annotation import find_article, paragraph_text

    gs = _set(Q3.params["set"])
    aid = find_article(gs.corpus, Q3.params["article"])
    text = paragraph_text(gs.corpus, aid, Q3.params["para"])
    gold = gs.gold.figures
    return gold[(gold["article_id"] == aid) & gold["surface"].map(lambda s: s in text)].reset_index(drop=True)


def _gold_period(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def lesson04_q3(answer: Any) -> None:
    """Q3: the learner's annotation of one paragraph, compared with the gold; then the kit scored on it."""
    from ..lessons.annotation import annotation_frame, annotation_summary, score_annotation, values_match

    expect(answer is not None and answer is not Ellipsis,
           "answer_3 is still empty: write a list of dicts, one per figure, e.g. [{'metric': 'trade_turnover', "
           "'value': 3.63e9, 'unit': 'USD', 'period': '2023', 'modality': 'stated'}].")
    try:
        mine = annotation_frame(answer)
    except ValueError as exc:
        fail(f"{exc}")
    expect((mine["fact"] == "figure").all(), "This paragraph states no partnership level: write down its figures only.")
    gold = q3_gold()
    used: set[int] = set()
    for _, g in gold.iterrows():
        value = float(g["value"])
        hit = [i for i, y in mine.iterrows() if i not in used and values_match(float(y["value"]), value)]
        if not hit:
            scaled = any(values_match(float(y["value"]) * k, value) for _, y in mine.iterrows() for k in (1e3, 1e6, 1e9))
            expect(not scaled, "A value is not fully scaled: 'juta' is a million and 'miliar' a billion, so "
                               "533,6 juta is 533.6e6 (533600000), not 533.6.")
            fail(f"The paragraph states {plural(len(gold), 'figure')}, and one of them is not in your list (or its "
                 "value is off). Read the paragraph again, number by number: each number with a unit is one figure.")
        y = mine.loc[hit[0]]
        used.add(hit[0])
        expect(y["unit"] == g["unit"], f"Fact {hit[0] + 1}: the text gives this value in {g['unit']}.")
        expect(y["metric"] == g["metric"],
               f"Fact {hit[0] + 1}: is this trade that took place, or a level someone wants to reach? Choose the "
               "metric that says which (`trade_turnover` or `trade_target`).")
        expect(y["modality"] == g["modality"],
               {"stated": f"Fact {hit[0] + 1} is a result, not a plan: the sentence says 'akan mencapai' (will "
                          f"reach), but the article appeared on {Q3_PUBLISHED}. Had that period ended? A future tense "
                          "for a past period is a slip of the translation.",
                "aim": f"Fact {hit[0] + 1}: 'bermaksud meningkatkan ... menjadi' is an intention. Has it happened? Is "
                       "it scheduled, or only wished for? Choose the modality that says so.",
                "planned": f"Fact {hit[0] + 1} is something agreed or scheduled, not yet done."}[g["modality"]])
        expect(_gold_period(y["period"]) == _gold_period(g["period"]),
               f"Fact {hit[0] + 1}: " + ("'di tahun-tahun mendatang' (in the coming years) names no year: leave the "
                                         "period empty (`None`) rather than guess one." if not g["period"] else
                                         "which year does the sentence tie this figure to? Write it as text, e.g. "
                                         "'2023'."))
    extra = [i + 1 for i in mine.index if i not in used]
    expect(not extra, f"{'Facts' if len(extra) > 1 else 'Fact'} {', '.join(map(str, extra))} "
                      f"{'are' if len(extra) > 1 else 'is'} not among the figures the paragraph states. Count each "
                      "number once.")
    summary = annotation_summary(score_annotation(answer, _set(Q3.params["set"]).corpus, Q3.params["article"],
                                                  Q3.params["para"])).iloc[0]
    finds, agrees, yours = int(summary["kit_finds"]), int(summary["kit_agrees"]), int(summary["your_facts"])
    then = ("Run `trust.score_annotation(...)` to see where it differs, and why." if agrees < yours else
            "One paragraph proves little: section 6 says how little a perfect score on a few facts shows.")
    ok(f"Right: your annotation matches the careful reader's, fact by fact. Measured against it, the kit finds "
       f"{finds} of your {plural(yours, 'fact')} and agrees with you on every field for {agrees}. {then}")


# ----------------------------------------------------------------------------- Q4
def q4_n() -> int:
    """How many gold facts of the exercise's table the set has (all found, as the question says)."""
    from ..lessons.trust import precision_recall

    pr = precision_recall(_set(Q4.params["set"])).set_index("table").loc[Q4.params["table"]]
    return int(pr["gold_facts"])


def lesson04_q4(answer: Any, why: Any = None) -> None:
    """Q4: the 95 % upper bound of the miss rate after finding all n facts, in %; what 100 % rests on."""
    from ..lessons.trust import precision_recall
    from ..lessons.trust_periods import miss_rate_upper_bound

    n = q4_n()
    expected = miss_rate_upper_bound(n) * 100
    value = _percent(answer, "answer_4", "a miss rate in percent, e.g. 12.5", expected)
    if not _close(value, expected):
        expect(not _close(value, 300 / n, 0.5),
               f"{value:.1f} % is 3/n, the rule of three. It approximates the bound well only for large n; with so few "
               "facts use the exact bound, `trust.miss_rate_upper_bound(n)`.")
        kit_rows = int(precision_recall(_set(Q4.params["set"])).set_index("table").loc[Q4.params["table"], "kit_rows"])
        expect(not _close(value, miss_rate_upper_bound(kit_rows) * 100),
               "n is the number of gold facts the kit was tested on (`gold_facts`), not the number of rows the kit "
               "gives (`kit_rows`).")
        fail(f"{value} is not the bound. Take n = the `gold_facts` of `q4_table` in "
             f"`trust.precision_recall(trust.load_set(q4_set))`, then `trust.miss_rate_upper_bound(n) * 100`. {_ACCEPTED}")
    explanation(why, "why_4")
    ok(f"Right: finding all of {plural(n, 'fact')} is still consistent with missing about half of such facts. Compare "
       "your explanation with these points: the 100 % rests on very few facts, from articles chosen to show errors, "
       "not drawn at random; 'found' checks only partner and level, and half of these facts were found with a wrong "
       "modality; on the seeds the rules were tuned on the text, so their 100 % proves even less. A fairer test needs "
       "many more unseen articles, drawn at random and scored once (the kit keeps a held-back set for that), with "
       "every kind of error counted and the counts reported beside the percentages.")


# ----------------------------------------------------------------------------- Q5 (capstone)
def q5_values() -> dict[str, Any]:
    """The capstone's five facts, computed from the reference tables, the trade table and the seeds' gold."""
    import pandas as pd

    from ..lessons.growth import cagr
    from ..lessons.network import MEMBERSHIP_ROLES, forum_graph
    from ..lessons.trade import series
    from ..lessons.trust import outcomes
    from ..reference import forums, partners, trade

    p = Q5.params
    row = partners(as_of=p["as_of"]).set_index("iso3").loc[p["partner"]]
    B = forum_graph(forums(), partners(as_of=p["as_of"]))
    roles = [B.edges[p["partner"], f]["role"] for f in B.neighbors(p["partner"])]
    s = series(trade(), p["partner"], "turnover", "vietnam").set_index("year")["value_bn"]
    out = outcomes(_set("seeds"))
    about = out[(out["partner"] == p["partner"]) & out["table"].isin(["partnerships", "figures"])]
    return {"level": str(row["level"]), "since": int(pd.Timestamp(row["level_since"]).year),
            "forums": sum(r in MEMBERSHIP_ROLES for r in roles), "forums_any_role": len(roles),
            "growth_pct": float(cagr(float(s.loc[p["first"]]), float(s.loc[p["last"]]), p["last"] - p["first"])),
            "first_value": float(s.loc[p["first"]]), "last_value": float(s.loc[p["last"]]),
            "facts_right": int((about["outcome"] == "right").sum()),
            "partnerships_right": int(((about["outcome"] == "right") & (about["table"] == "partnerships")).sum()),
            "figures_right": int(((about["outcome"] == "right") & (about["table"] == "figures")).sum()),
            "facts": int((about["outcome"] != "not in the gold").sum())}


def _record(answer: Any) -> Mapping[str, Any]:
    expect(answer is not None and answer is not Ellipsis,
           "answer_5 is still empty: write a dict such as {'level': ..., 'since': ..., 'forums': ..., "
           "'growth_pct': ..., 'facts_right': ...}.")
    expect(isinstance(answer, Mapping), f"answer_5 should be a dict with the keys {', '.join(CAPSTONE_KEYS)}, "
                                        f"not a {type(answer).__name__}.")
    keys = {str(k).strip().lower(): v for k, v in answer.items()}
    missing = [k for k in CAPSTONE_KEYS if k not in keys]
    expect(not missing, f"answer_5 lacks the {plural(len(missing), 'key')} {', '.join(repr(k) for k in missing)}.")
    return keys


def lesson04_q5(answer: Any, why: Any = None) -> None:
    """Q5, the capstone: level, year, forums, trade growth and facts read right for one partner; a brief."""
    from ..lessons.growth import cagr

    p = Q5.params
    v = q5_values()
    given = _record(answer)
    level = str(given["level"]).strip().lower().replace(" ", "_").replace("-", "_")
    expect(level == v["level"],
           f"'level': {given['level']!r} is not the partner's level on {p['as_of']}. Take the `level` column of "
           "`reference.partners(as_of=q5_as_of)` for the partner (lesson 01).")
    since = whole_number(given["since"], "answer_5['since']", "a year, e.g. 2019")
    expect(since == v["since"],
           f"'since': {since} is not the year the partner reached that level. Read `level_since` in the same row "
           "(a partner may have stood on a lower rung before).")
    forums = whole_number(given["forums"], "answer_5['forums']", "a whole number of groupings")
    if forums != v["forums"]:
        expect(forums != v["forums_any_role"],
               "'forums' counts only full participation: a BRICS 'partner country' is not a member "
               "(`network.MEMBERSHIP_ROLES`).")
        fail(f"'forums': {forums} is not the count. In `network.forum_graph(reference.forums(), ...)` count the "
             "partner's edges whose `role` is member, party or participant; a participant (the ARF) takes full part too.")
    growth = _number(given["growth_pct"], "answer_5['growth_pct']", "a growth rate in percent")
    steps = p["last"] - p["first"]
    if not _close(growth, v["growth_pct"]):
        expect(not _close(growth * 100, v["growth_pct"]), f"'growth_pct': {growth} looks like a fraction; give percent.")
        expect(not _close(growth, (v["last_value"] / v["first_value"] - 1) * 100 / steps),
               "'growth_pct': total growth divided by the years overstates the yearly rate: use `trade.cagr`.")
        expect(not _close(growth, cagr(v["first_value"], v["last_value"], steps + 1)),
               f"'growth_pct': from {p['first']} to {p['last']} there are {steps} yearly steps, not {steps + 1}.")
        fail(f"'growth_pct': {growth} is not the compound annual growth. Take the two years' turnover from "
             f"`trade.series(t, q5_partner)` and use `trade.cagr(first, last, years)`. {_ACCEPTED}")
    right = whole_number(given["facts_right"], "answer_5['facts_right']", "a whole number of facts")
    if right != v["facts_right"]:
        expect(right != v["partnerships_right"], "'facts_right': count the figures about the partner too, not only "
                                                 "the partnerships.")
        expect(right != v["figures_right"], "'facts_right': count the partnerships about the partner too.")
        fail(f"'facts_right': {right} is not the count. In `trust.outcomes(trust.load_set('seeds'))` keep the "
             "partnerships and figures whose `partner` is the partner, and count the outcome 'right'.")
    explanation(why, "why_5")
    ok(f"Right: all five facts agree with the kit's tables. Compare your brief with these points: the level and its "
       "year come from the reference table, with sources, and the seeds state them too; the groupings say where "
       "the partner sits among Vietnam's partners, not how close it is to Vietnam; the growth is a yearly average "
       f"over {steps} steps of Vietnamese statistics, with missing years left missing, so say whose statistics and "
       "which years; the kit reads the seeds' facts about this partner right, but the seeds "
       "are the texts its rules were tuned on, so state the facts from the reference and the statistics, quote the "
       "articles as articles, and hedge anything resting on one article alone (a quarter's figure, a plan or an aim).")


# --------------------------------------------------------------------------- answer key
def answer_key() -> dict[int, str]:
    """The right answers, computed as the checks compute them (for the teaching guide)."""
    from ..lessons.trust_periods import miss_rate_upper_bound

    row = q2_row()
    gold = q3_gold()
    facts = "; ".join(
        f"`{{'metric': {g['metric']!r}, 'value': {float(g['value']):.6g}, 'unit': {g['unit']!r}, "
        f"'period': {_gold_period(g['period'])!r}, 'modality': {g['modality']!r}}}`" for _, g in gold.iterrows())
    v = q5_values()
    capstone = {"level": v["level"], "since": v["since"], "forums": v["forums"],
                "growth_pct": round(v["growth_pct"], 2), "facts_right": v["facts_right"]}
    return {
        1: f"`{q1_values()['right']:.2f}` % (± {PCT_TOLERANCE})",
        2: f"`{int(row['total']) - int(row['right'])}` (of {int(row['total'])})",
        3: f"{plural(len(gold), 'figure')}: {facts}",
        4: f"`{miss_rate_upper_bound(q4_n()) * 100:.1f}` % (± {PCT_TOLERANCE}; n = {q4_n()})",
        5: f"A dict: `{capstone!r}` (growth ± {PCT_TOLERANCE})",
    }
