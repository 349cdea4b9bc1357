"""vnpartners.lessons.trust (lesson 04): the kit scored against a gold, on a small gold set written for the
test (every outcome known in advance) and on the gold the kit ships."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd
import pytest

import vnpartners
from vnpartners import trust
from vnpartners.errors import DataFileMissing

ARTICLE = """Vietnam dan Kanada memperkuat kerja sama

Hanoi, 10 Maret 2024. Vietnam dan Kanada meningkatkan hubungan menjadi Kemitraan Komprehensif pada tahun 2017.

Pada tahun 2023, omzet perdagangan bilateral mencapai 3,63 miliar USD. Kedua negara menargetkan omzet perdagangan 10 miliar USD pada tahun 2030.

Saat ini terdapat lima proyek investasi Kanada di Vietnam.
"""
MANIFEST = "file,title,outlet,url,published,published_basis,language\n01_tst.txt,Vietnam dan Kanada,Test,,2024-03-10,stated,id\n"
# the gold, with one error of each kind planted on purpose: the partnership's year is 2016 in this gold
# (the kit reads 2017), the target is a plan (the kit says aim), the 2023 event a plan (the kit says stated),
# and two facts the kit cannot read (a count in words, an undated visit)
GOLD = {
    "partnerships.csv": "file,partner_iso3,level,action,year,month,modality,modality_cue,evidence_hint\n"
                        "01_tst.txt,CAN,comprehensive,upgraded,2016,,stated,,Kemitraan Komprehensif pada tahun 2017\n",
    "figures.csv": "file,metric,partner_iso3,direction,period,value,unit,qualifier,usd_value,modality,required,surface\n"
                   "01_tst.txt,trade_turnover,CAN,bilateral,2023,3630000000,USD,exact,,stated,yes,\"3,63 miliar USD\"\n"
                   "01_tst.txt,trade_target,CAN,bilateral,2030,10000000000,USD,exact,,planned,no,10 miliar USD\n"
                   "01_tst.txt,investment_projects,CAN,inbound,2024-03,5,projects,exact,,stated,yes,lima proyek investasi\n",
    "events.csv": "file,date,date_end,precision,countries,kind,modality,required,evidence_hint\n"
                  "01_tst.txt,2017,,year,CAN VNM,partnership,stated,yes,Kemitraan Komprehensif pada tahun 2017\n"
                  "01_tst.txt,2023,,year,CAN VNM,other,planned,no,Pada tahun 2023\n"
                  "01_tst.txt,2025-06,,month,CAN VNM,visit,planned,yes,kunjungan bulan Juni\n",
}


def write_set(folder: Path, gold: dict[str, str] = GOLD) -> tuple[Path, Path]:
    articles, gold_dir = folder / "articles", folder / "gold"
    articles.mkdir()
    gold_dir.mkdir()
    (articles / "01_tst.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    for name, text in gold.items():
        (gold_dir / name).write_text(text, encoding="utf-8")
    return articles, gold_dir


@pytest.fixture()
def mine(tmp_path: Path) -> trust.GoldSet:
    return trust.from_folders(*write_set(tmp_path))


@pytest.fixture(scope="module")
def sample() -> trust.GoldSet:
    return trust.load_set("sample")


@pytest.fixture(scope="module")
def seeds() -> trust.GoldSet:
    return trust.load_set("seeds")


# ----------------------------------------------------------------------------- a gold set written for the test
def test_outcomes_of_every_fact(mine: trust.GoldSet) -> None:
    out = trust.outcomes(mine)
    assert list(out.columns) == ["table", "article_id", "partner", "fact", "required", "outcome", "errors",
                                 "gold_index", "kit_index", "words"]
    got = {(r.table, r.fact): (r.outcome, r.errors) for r in out.itertuples()}
    assert got == {
        ("partnerships", "CAN comprehensive upgraded 2016"): ("found, with an error", "wrong year or period"),
        ("figures", "trade_turnover 2023: 3,630,000,000 USD"): ("right", ""),
        ("figures", "trade_target 2030: 10,000,000,000 USD"): ("found, with an error", "plan and aim confused"),
        ("figures", "investment_projects 2024-03: 5 projects"): ("missed", "missed"),
        ("events", "partnership 2017"): ("right", ""),
        ("events", "other 2023"): ("found, with an error", "plan or aim read as a fact"),
        ("events", "visit 2025-06"): ("missed", "missed"),
        ("events", "other 2024-03-10"): ("not in the gold", "not in the gold"),
        ("events", "other 2030"): ("not in the gold", "not in the gold"),
    }
    missed = out[out["outcome"] == "missed"]
    assert missed["kit_index"].isna().all() and missed["gold_index"].notna().all()
    extra = out[out["outcome"] == "not in the gold"]
    assert extra["gold_index"].isna().all() and extra["required"].isna().all()
    assert set(out.loc[out["table"] != "events", "partner"]) == {"CAN"}


def test_precision_and_recall_per_table(mine: trust.GoldSet) -> None:
    pr = trust.precision_recall(mine).set_index("table")
    assert pr.loc["partnerships", ["gold_facts", "found", "found_right", "kit_rows", "confirmed"]].tolist() == [1, 1, 0, 1, 1]
    assert pr.loc["figures", ["gold_facts", "found", "found_right", "missed", "kit_rows", "not_in_gold"]].tolist() == [3, 2, 1, 1, 2, 0]
    assert pr.loc["figures", "recall"] == pytest.approx(2 / 3) and pr.loc["figures", "precision"] == 1.0
    assert pr.loc["events", "recall"] == pytest.approx(2 / 3)
    assert pr.loc["events", "precision"] == pytest.approx(2 / 4)


def test_errors_by_kind(mine: trust.GoldSet) -> None:
    err = trust.errors(mine)
    year = err[err["kind"] == "wrong year or period"].iloc[0]
    assert (year["gold"], year["kit"]) == ("2016", "2017")
    aim = err[err["kind"] == "plan and aim confused"].iloc[0]
    assert (aim["gold"], aim["kit"]) == ("planned", "aim")
    counts = trust.error_counts(err)
    assert list(counts.index) == ["missed", "wrong year or period", "plan or aim read as a fact", "plan and aim confused",
                                  "not in the gold"]
    assert counts.loc["missed"].tolist() == [0, 1, 1, 2]
    assert counts.loc["not in the gold", "events"] == 2
    assert counts["total"].sum() == len(err)


def test_modality_is_not_scored_where_the_gold_has_none(tmp_path: Path) -> None:
    no_modality = {name: pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
                   .drop(columns="modality").to_csv(index=False) for name, text in GOLD.items()}
    gs = trust.from_folders(*write_set(tmp_path, no_modality))
    assert gs.modality_annotated == frozenset()
    kinds = set(trust.errors(gs)["kind"])
    assert not kinds & {"plan or aim read as a fact", "fact read as a plan or aim", "plan and aim confused"}
    assert "wrong year or period" in kinds


def test_fact_row_gives_a_missed_fact_its_sentence(mine: trust.GoldSet) -> None:
    err = trust.errors(mine)
    missed = err[(err["kind"] == "missed") & (err["table"] == "figures")].iloc[0]
    row = trust.fact_row(mine, missed)
    assert row["evidence"] == "Saat ini terdapat lima proyek investasi Kanada di Vietnam."
    assert row["value"] == 5.0 and row["surface"] == "lima proyek investasi"
    shown = str(vnpartners.show_fact(row))
    assert "[lima proyek investasi]" in shown and "investment_projects" in shown
    found = err[err["kind"] == "wrong year or period"].iloc[0]
    assert trust.fact_row(mine, found)["year"] == 2017  # the kit's own row


def test_period_rules_score_both_rules(mine: trust.GoldSet) -> None:
    rules = trust.period_rules(mine).set_index(["rule", "what"])
    assert rules.loc[("the kit's rule", "figure periods"), ["right", "total"]].tolist() == [2, 2]
    assert rules.loc[("publication year", "figure periods"), ["right", "total"]].tolist() == [0, 2]
    assert rules.loc[("the kit's rule", "partnership years"), ["right", "total"]].tolist() == [0, 1]


def test_naive_periods_are_the_publication_year(mine: trust.GoldSet) -> None:
    naive = trust.naive_periods(mine.corpus.figures, mine.corpus.articles)
    assert naive.tolist() == ["2024", "2024"]
    two = trust.dated_two_ways(mine.corpus)
    assert two[["kit_period", "naive_period"]].values.tolist() == [["2023", "2024"]]  # the target is an aim
    assert two["value_bn"].tolist() == [pytest.approx(3.63)]


def test_gold_sizes(mine: trust.GoldSet, seeds: trust.GoldSet) -> None:
    sizes = trust.gold_sizes(mine, seeds)
    assert sizes.loc["mine"].tolist() == [1, 1, 3, 3, "yes"]
    assert sizes.loc["seeds", "modality"] == "no" and sizes.loc["seeds", "articles"] == 5


def test_bad_names_and_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="No gold set 'dev'"):
        trust.load_set("dev")
    with pytest.raises(FileNotFoundError, match="does not exist"):
        trust.from_folders(tmp_path / "nowhere", tmp_path)
    monkeypatch.setenv("VNPARTNERS_DATA", str(tmp_path))
    with pytest.raises(DataFileMissing, match="gold folder"):
        trust.load_set("sample")


def test_miss_rate_upper_bound() -> None:
    assert trust.miss_rate_upper_bound(1) == pytest.approx(0.95)
    assert trust.miss_rate_upper_bound(59) <= 0.05 < trust.miss_rate_upper_bound(58)
    assert trust.miss_rate_upper_bound(300) == pytest.approx(3 / 300, rel=0.01)  # the rule of three
    assert trust.miss_rate_upper_bound(10, 0.99) > trust.miss_rate_upper_bound(10)
    for bad in (0, -3, 2.5, True):
        with pytest.raises(ValueError):
            trust.miss_rate_upper_bound(bad)
    with pytest.raises(ValueError):
        trust.miss_rate_upper_bound(5, 1.0)


# ----------------------------------------------------------------------------- the shipped gold
def test_the_samples_errors_are_the_ones_the_lesson_shows(sample: trust.GoldSet) -> None:
    err = trust.errors(sample)
    aim = err[err["kind"] == "plan or aim read as a fact"]
    assert aim[["article_id", "table", "gold", "kit"]].values.tolist() == [
        ["32_pol_pidato-universitas-warsawa", "partnerships", "aim", "stated"]]
    reverse = err[(err["kind"] == "fact read as a plan or aim") & (err["table"] == "partnerships")]
    assert reverse["article_id"].tolist() == ["25_bgr_konferensi-pers"]
    # the misses are counts the rules skip on purpose; a missed fact's row shows its whole sentence, however
    # short its words ("2 presiden")
    missed = err[(err["kind"] == "missed") & (err["table"] == "figures")]
    assert set(missed["fact"].str.split(":").str[0]) == {"other 2023-08", "other 2025-01"}
    pol = trust.fact_row(sample, missed[missed["article_id"].str.startswith("32_pol")].iloc[0])
    assert pol["surface"] == "2 presiden" and pol["evidence"].startswith("Dengan tradisi lebih dari 200 tahun")
    # the aid "sejak tahun 1977 ... 20-25 juta euro/tahun": a rate the kit dates by its first year, the gold not at all
    period = err[err["kind"] == "wrong year or period"]
    assert period["kit"].tolist() == ["1977 (text)", "1977 (text)"] and (period["gold"] == "no period").all()
    assert err.loc[err["kind"] == "wrong kind of figure", "gold"].tolist() == ["investment_projects"]
    pr = trust.precision_recall(sample).set_index("table")
    assert pr.loc["partnerships", "recall"] == 1.0 and 0.5 < pr.loc["figures", "recall"] < 1.0


def test_the_seeds_are_read_as_they_were_tuned(seeds: trust.GoldSet) -> None:
    pr = trust.precision_recall(seeds).set_index("table")
    assert pr.loc["partnerships", "recall"] == 1.0 and pr.loc["figures", "recall"] == 1.0
    rules = trust.period_rules(seeds).set_index(["rule", "what"])["share"]
    assert rules[("the kit's rule", "figure periods")] == 1.0
    assert rules[("publication year", "figure periods")] < 0.5
    assert not (trust.errors(seeds)["kind"].isin(["plan or aim read as a fact", "fact read as a plan or aim"])).any()


def test_past_date_plans_are_the_translated_will(seeds: trust.GoldSet) -> None:
    settled = trust.past_date_plans(seeds.corpus)
    figures = settled[settled["table"] == "figures"]
    assert sorted(figures["what"]) == ["2023", "2024", "2025-Q1"]
    assert (settled["modality"] == "stated").all()
    assert settled["modality_cue"].str.endswith("(a past date)").all()
    assert all("akan" in text for text in settled["evidence"])


def test_sets_load_once_and_reload_when_a_file_changes(tmp_path: Path) -> None:
    articles, gold = write_set(tmp_path)
    first = trust.from_folders(articles, gold)
    assert trust.from_folders(articles, gold) is first
    (gold / "figures.csv").write_text(GOLD["figures.csv"].rsplit("01_tst.txt,investment", 1)[0], encoding="utf-8")
    again = trust.from_folders(articles, gold)
    assert again is not first and len(again.gold.figures) == 2


# ----------------------------------------------------------------------------- charts
def _texts(fig) -> str:
    return " ".join(t.get_text() for t in fig.texts) + " " + " ".join(
        ax.get_title() + " " + ax.get_title(loc="left") + " " + ax.get_xlabel() + " " + ax.get_ylabel() for ax in fig.axes)


def test_charts_have_titles_axes_and_sources(mine: trust.GoldSet) -> None:
    import matplotlib.pyplot as plt

    fig = trust.plot_outcomes({"mine": trust.precision_recall(mine)})
    text = _texts(fig)
    assert "Source:" in text and "number of facts" in text and "mine" in text
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert " 3 (recall 67%)" in labels and " 2 (precision 100%)" in labels
    fig2 = trust.plot_periods(trust.dated_two_ways(mine.corpus))
    assert "billion USD" in _texts(fig2) and "Source:" in _texts(fig2)
    fig3 = trust.plot_miss_bound({"mine": 3})
    assert "n = 3, up to 63 %" in " ".join(t.get_text() for t in fig3.axes[0].texts)
    for f in (fig, fig2, fig3):
        plt.close(f)
    with pytest.raises(ValueError):
        trust.plot_outcomes({})


def test_ratios_over_nothing_are_nan(tmp_path: Path) -> None:
    empty = {name: text.splitlines()[0] + "\n" for name, text in GOLD.items()}
    gs = trust.from_folders(*write_set(tmp_path, empty))
    pr = trust.precision_recall(gs)
    assert pr["gold_facts"].tolist() == [0, 0, 0] and all(math.isnan(v) for v in pr["recall"])
    assert isinstance(trust.outcomes(gs), pd.DataFrame)
