"""What happened, apart from what is planned or wished: ``vnpartners.stated`` and the views built on it."""

from __future__ import annotations

import pandas as pd
import pytest

import vnpartners
from vnpartners.lessons import evidence


def _rows() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["a", "a", "a"],
        "sentence_id": ["a:1:0", "a:2:0", "a:3:0"],
        "kind": ["visit", "visit", "meeting"],
        "date": pd.to_datetime(["2025-05-08", "2025-06-01", "2025-07-01"]),
        "countries": ["RUS VNM"] * 3,
        "surface": ["8 Mei", "Juni", "Juli"],
        "modality": ["stated", "planned", "aim"],
        "modality_cue": [None, "akan", "bertujuan"],
        "evidence": ["Kunjungan pada 8 Mei.", "Presiden akan berkunjung pada Juni.",
                     "Kedua pihak bertujuan bertemu pada Juli."],
    })


def test_stated_keeps_only_what_happened_with_its_index() -> None:
    rows = _rows()
    kept = vnpartners.stated(rows)
    assert kept["sentence_id"].tolist() == ["a:1:0"]
    assert kept.index.tolist() == [0]


def test_stated_names_what_it_needs() -> None:
    with pytest.raises(KeyError, match="modality"):
        vnpartners.stated(pd.DataFrame({"x": [1]}))


def test_show_fact_marks_a_plan_and_its_cue() -> None:
    view = vnpartners.show_fact(_rows().iloc[1])
    assert str(view).splitlines()[0].endswith("[planned: akan]")
    assert "[akan]" in str(view) and "[Juni]" in str(view)
    assert "[" not in str(vnpartners.show_fact(_rows().iloc[0])).splitlines()[0].split("(")[0]


def test_modality_counts_on_the_seeds(seeds_corpus) -> None:
    counts = evidence.modality_counts(seeds_corpus)
    assert counts.index.tolist() == ["stated", "planned", "aim", "total"]
    for table in ("partnerships", "events", "figures"):
        frame = getattr(seeds_corpus, table)
        assert counts.loc["total", table] == len(frame)
        assert counts.loc["stated", table] == len(vnpartners.stated(frame))
    # the seeds state plans and aims: the May 2025 visit announced with "akan", aims with "bertujuan"
    assert counts.loc["planned", "events"] >= 1 and counts.loc["aim", "partnerships"] >= 1
