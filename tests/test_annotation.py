"""A learner's annotation of one paragraph, and the kit scored against it (vnpartners.lessons.annotation)."""

from __future__ import annotations

import pandas as pd
import pytest

from vnpartners import trust

RIGHT = [
    {"metric": "trade_turnover", "value": 533.6e6, "unit": "USD", "period": "2024", "modality": "stated"},
    {"metric": "trade_target", "value": 1e9, "unit": "USD", "period": None, "modality": "aim"},
]


@pytest.fixture(scope="module")
def exercise():
    return trust.load_set("exercise")


@pytest.fixture(scope="module")
def seeds():
    return trust.load_set("seeds")


def test_paragraph_and_what_the_kit_reads(exercise) -> None:
    text = trust.paragraph_text(exercise.corpus, "15_rou", 7)
    assert text.startswith("Pada tahun 2024, omzet") and text.endswith("di tahun-tahun mendatang.")
    kit = trust.kit_facts_in_paragraph(exercise.corpus, "15_rou", 7).sort_values("value", ignore_index=True)
    assert kit[["fact", "metric", "value", "modality"]].values.tolist() == [
        ["figure", "trade_turnover", 533.6e6, "stated"],
        ["figure", "trade_target", 1e9, "aim"],  # "bermaksud meningkatkan ... menjadi": an intention
    ]
    assert kit["period"].iloc[0] == "2024" and pd.isna(kit["period"].iloc[1])  # "tahun-tahun mendatang": no year
    assert trust.kit_facts_in_paragraph(exercise.corpus, "15_rou", 1).empty  # a paragraph with no figure


def test_the_kit_scored_against_an_annotation(exercise) -> None:
    scored = trust.score_annotation(RIGHT, exercise.corpus, "15_rou", 7)
    assert scored["verdict"].tolist() == ["the kit agrees", "the kit agrees"], scored
    summary = trust.annotation_summary(scored).iloc[0]
    assert summary[["your_facts", "kit_finds", "kit_agrees", "kit_facts"]].tolist() == [2, 2, 2, 2]
    assert (summary["recall"], summary["precision"], summary["agreement"]) == (1.0, 1.0, 1.0)
    # an annotation that dates the target differs from the kit in that field, and says so
    dated = trust.score_annotation(RIGHT[:1] + [{**RIGHT[1], "period": "2026"}], exercise.corpus, "15_rou", 7)
    differs = dated[dated["verdict"] == "the kit differs"]
    assert len(differs) == 1 and differs["differences"].tolist() == ["period: yours 2026, kit none"]


def test_facts_only_one_side_has(exercise) -> None:
    only_first = trust.score_annotation(RIGHT[:1] + [{**RIGHT[1], "value": 2e9}], exercise.corpus, "15_rou", 7)
    assert only_first["verdict"].tolist() == ["the kit agrees", "the kit misses it", "only the kit reads it"]
    summary = trust.annotation_summary(only_first).iloc[0]
    assert (summary["recall"], summary["precision"]) == (0.5, 0.5)
    as_frame = trust.score_annotation(pd.DataFrame(RIGHT), exercise.corpus, "15_rou", 7)
    assert as_frame["verdict"].tolist() == ["the kit agrees", "the kit agrees"]


def test_a_partnership_annotation(seeds) -> None:
    sentence = seeds.corpus.partnerships.query("partner_iso3 == 'KAZ' and action == 'upgraded'").iloc[0]["sentence_id"]
    para = int(sentence.split(":")[1])
    mine = [{"partner": "Kazakhstan", "level": "strategic", "year": 2025, "modality": "stated"},
            {"partner": "AZE", "level": "strategic", "action": "established", "year": "2025", "modality": "stated"}]
    scored = trust.score_annotation(mine, seeds.corpus, "001", para)
    ours = scored[scored["verdict"] != "only the kit reads it"]
    assert ours["verdict"].tolist()[0] == "the kit agrees"
    assert ours["yours"].tolist()[0] == "KAZ strategic 2025 (stated)"
    assert "action: yours established, kit upgraded" in ours["differences"].tolist()[1]


@pytest.mark.parametrize(("annotation", "words"), [
    ("533,6 juta", "list of dicts"),
    ([], "empty"),
    ([{"metric": "trade_turnover", "value": 1.0}], "no 'unit', 'period', 'modality'"),
    ([{**RIGHT[0], "value": "533,6 juta"}], "fully scaled"),
    ([{**RIGHT[0], "unit": "dollars"}], "one of USD"),
    ([{**RIGHT[0], "modality": "future"}], "stated, planned, aim"),
    ([{**RIGHT[0], "period": 2024.5}], "not a period"),
    ([{"partner": "Atlantis", "level": "strategic", "year": None, "modality": "aim"}], "does not know the partner"),
    ([{"partner": "KAZ", "level": "best friends", "year": None, "modality": "aim"}], "'level'"),
    ([{"partner": "KAZ", "level": "strategic", "year": "soon", "modality": "aim"}], "'year'"),
])
def test_a_bad_annotation_says_what_is_wrong(exercise, annotation, words: str) -> None:
    with pytest.raises(ValueError, match=words.replace("(", r"\(")):
        trust.score_annotation(annotation, exercise.corpus, "15_rou", 7)


def test_a_year_as_a_number_is_a_period() -> None:
    frame = trust.annotation_frame([{**RIGHT[0], "period": 2024}])
    assert frame.loc[0, "period"] == "2024"


def test_unknown_article_or_paragraph(exercise) -> None:
    with pytest.raises(ValueError, match="names 0 articles"):
        trust.paragraph_text(exercise.corpus, "99_xyz", 0)
    with pytest.raises(ValueError, match="no paragraph 40"):
        trust.kit_facts_in_paragraph(exercise.corpus, "15_rou", 40)
