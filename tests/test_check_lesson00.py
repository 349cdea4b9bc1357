"""Self-checks of lesson 00: right answers pass and say why, typical wrong answers teach."""

from __future__ import annotations

import numpy as np
import pytest
from kit_lessons import fails

from vnpartners import check
from vnpartners.check import lesson00

WHY = "Every period had ended, so the figures are results and not plans at all."




def test_q1(seeds_corpus, capsys) -> None:
    p = seeds_corpus.paragraphs
    kind = lesson00.Q1.params["kind"]
    right = int(((p["kind"] == kind) & ~p["is_duplicate"]).sum())
    for answer in (right, np.int64(right), float(right)):
        check.lesson00_q1(answer)
    assert "each counted once" in capsys.readouterr().out
    if int((p["kind"] == kind).sum()) != right:
        fails(check.lesson00_q1, int((p["kind"] == kind).sum()), words=("is_duplicate",))
    fails(check.lesson00_q1, int((~p["is_duplicate"]).sum()), words=("kind",))
    fails(check.lesson00_q1, "147", words=("text",))


def test_q2(seeds_corpus, capsys) -> None:
    article = lesson00.Q2.params["article"]
    m = seeds_corpus.mentions
    right = set(m.loc[m["article_id"].str.startswith(article), "iso3"])
    check.lesson00_q2(right)
    check.lesson00_q2(sorted(right))
    assert "titles, bodies and captions" in capsys.readouterr().out
    fails(check.lesson00_q2, right - {sorted(right)[0]}, words=("missing",))
    fails(check.lesson00_q2, right | {"FRA"}, words=("FRA", "corpus.mentions"))
    fails(check.lesson00_q2, "RUS", words=("collection",))


@pytest.mark.parametrize("answer", lesson00.q3_candidates())
def test_q3_accepts_every_count_the_rules_missed(answer, capsys) -> None:
    check.lesson00_q3(answer)
    assert "Well spotted" in capsys.readouterr().out


def test_q3_has_answers_to_find() -> None:
    assert len(lesson00.q3_candidates()) >= 2


@pytest.mark.parametrize(("answer", "word"), [
    (("000_5616eb5da7465606:21:0", "2030"), "year"),                   # "hingga 2030": any year is refused
    (("000_5616eb5da7465606:6:0", "75 tahun"), "length of time"),
    (("001_5fd84808cc78ee1b:7:0", "8 hari"), "length of time"),
    (("000_5616eb5da7465606:39:0", "ke-26"), "ordinal"),
    (("004_8ab517d14aded5b6:5:0", "16 kata"), "quotation marks"),
    (("004_8ab517d14aded5b6:47:0", "1088/2-1089"), "identifier"),
    (("001_5fd84808cc78ee1b:1:0", "37"), "already found"),
    (("000_5616eb5da7465606:39:0", "999 negara"), "does not appear"),
    (("nope", "1"), "no sentence"),
    ("149 negara", "pair"),
])
def test_q3_refuses_what_is_not_a_missed_count(answer, word) -> None:
    fails(check.lesson00_q3, answer, words=(word,))


def test_q3_refuses_the_duplicated_paragraph(seeds_corpus) -> None:
    p = seeds_corpus.paragraphs
    dup = p[p["is_duplicate"] & (p["kind"] == "body")].iloc[0]
    s = seeds_corpus.sentences
    sentence = s[(s["article_id"] == dup["article_id"]) & (s["para_no"] == dup["para_no"])].iloc[0]
    number = next(w for w in sentence["text"].split() if any(c.isdigit() for c in w))
    fails(check.lesson00_q3, (sentence["sentence_id"], number), words=("printed twice",))


def test_q4(capsys) -> None:
    published, end, period = lesson00.q4_values()
    right = (published - end).days
    assert period == "2025-Q1" and right > 0
    check.lesson00_q4(right, WHY)
    assert "'akan mencapai' cannot announce a plan" in capsys.readouterr().out
    fails(check.lesson00_q4, right + 1, WHY, words=("one day too many",))
    fails(check.lesson00_q4, -right, WHY, words=("negative",))
    fails(check.lesson00_q4, right, "", words=("why_4", "still empty"))
    fails(check.lesson00_q4, right, "plans", words=("too short",))
    fails(check.lesson00_q4, right + 30, WHY, words=("period",))
