"""Tests of vnpartners.levels_chart (lesson 01's pictures and tables)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import vnpartners  # noqa: E402
from vnpartners import levels_chart, reference  # noqa: E402
from vnpartners.errors import UnknownPartnerError  # noqa: E402
from vnpartners.lessons import claims  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.texts] + [t.get_text() for ax in fig.axes for t in ax.texts]


def _assert_chart(fig: Figure, source_start: str = "Source:") -> None:
    """Title, labelled axes and a source line: the kit's rule for every chart."""
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_title(), "chart has no title"
    assert ax.get_xlabel() and ax.get_ylabel(), "chart axes are not labelled"
    assert any(t.startswith(source_start) for t in _texts(fig)), "chart has no source line"


def partnerships(rows: list[dict]) -> pd.DataFrame:
    """A partnerships table (spec columns) from a few hand-made statements."""
    base = {"article_id": "900_test", "sentence_id": "", "partner_iso3": "", "level": "", "action": "mentioned",
            "year": pd.NA, "month": pd.NA, "evidence": "text"}
    df = pd.DataFrame([{**base, **r} for r in rows], columns=list(base))
    return df.astype({"year": "Int64", "month": "Int64"})


# --------------------------------------------------------------------------- charts
def test_ladder_draws_every_rung_with_counts() -> None:
    fig = levels_chart.plot_ladder(reference.levels(), as_of="2025-12-31")
    _assert_chart(fig)
    texts = _texts(fig)
    for name in reference.levels().query("level == tier")["name_en"]:
        assert any(t.startswith(name) for t in texts), name
    counts = reference.partners("2025-12-31")["tier"].value_counts()
    for tier in [*reference.LADDER_TIERS, "special"]:
        assert str(int(counts[tier])) in texts
    assert "31 Dec 2025" in fig.axes[0].get_title()


def test_ladder_without_a_date_has_no_bars() -> None:
    fig = levels_chart.plot_ladder(reference.levels())
    _assert_chart(fig)
    assert len(fig.axes[0].containers) == 0


def test_level_counts_bars_stack_to_the_reference_totals() -> None:
    counts = reference.level_counts_by_year(2001, 2025)
    fig = levels_chart.plot_level_counts(counts)
    _assert_chart(fig)
    ax = fig.axes[0]
    assert len(ax.containers) == len(reference.LADDER_TIERS)
    heights = sum(pd.Series([bar.get_height() for bar in c], index=counts["year"]) for c in ax.containers)
    assert heights.astype(int).tolist() == counts["total"].tolist()
    # 2025: the bars match the end-2025 reference table
    end = reference.partners("2025-12-31")
    assert int(heights.loc[2025]) == int(end["tier"].isin(reference.LADDER_TIERS).sum())
    assert str(int(counts["total"].iloc[-1])) in _texts(fig)


def test_partner_paths_label_russia_steps() -> None:
    history = reference.partnership_history()
    fig = levels_chart.plot_partner_paths(history, ["RUS", "China", "Jepang"], highlight="RUS")
    _assert_chart(fig)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Russia (RUS)", "China (CHN)", "Japan (JPN)"]
    labels = [t.get_text().replace("\n", " ") for t in ax.texts]
    path = reference.partner_path("RUS")
    years = path["date"].dt.year.tolist()
    for expected in (f"relations {years[0]}", f"SP {years[1]}", f"CSP {years[2]}", f"deepened {years[3]}"):
        assert expected in labels, (expected, labels)
    assert "Russia" in ax.get_title()


def test_partner_paths_refuse_a_country_without_framework() -> None:
    with pytest.raises(UnknownPartnerError):
        levels_chart.plot_partner_paths(reference.partnership_history(), ["NOR"])


def test_map_for_date_accepts_a_year() -> None:
    fig = levels_chart.map_for_date(2012)
    assert "31 December 2012" in fig.axes[0].get_title()
    assert fig.axes[0].get_xlabel() and fig.axes[0].get_ylabel()


def test_year_end_options_are_sorted_and_include_extra_dates() -> None:
    options = levels_chart.year_end_options(2001, 2025, extra=("2025-05-12",))
    dates = [d for _, d in options]
    assert dates == sorted(dates) and len(dates) == 26
    assert ("12 May 2025", "2025-05-12") in options and ("31 Dec 2001", "2001-12-31") in options


# --------------------------------------------------------------------------- what "37" counts
def test_count_what_37_means_on_the_trip_date() -> None:
    table = levels_chart.count_what_37_means("2025-05-12")
    p = reference.partners("2025-05-12")
    assert table["tier"].tolist() == [*reference.LADDER_TIERS, "special"]
    assert table["partners"].tolist() == [int((p["tier"] == t).sum()) for t in table["tier"]]
    ladder = table.iloc[:3]
    assert ladder["this_rung_or_above"].tolist() == ladder["partners"].cumsum().tolist()
    assert pd.isna(table["this_rung_or_above"].iloc[3])
    # the datasheet's finding: "37" counts CP and above; 22-23 at strategic level or above
    assert int(ladder["this_rung_or_above"].iloc[2]) == 37
    assert int(ladder["this_rung_or_above"].iloc[1]) == levels_chart.strategic_tier_count("2025-05-12") == 23


def test_seed_figure_is_the_cp_and_above_count(seeds_corpus) -> None:
    claim = seeds_corpus.figures.query("metric == 'strategic_partner_count'")
    if claim.empty:
        pytest.skip("the figures extractor found no strategic_partner_count")
    table = levels_chart.count_what_37_means("2025-05-12").set_index("tier")
    assert int(claim["value"].iloc[0]) == int(table.loc["comprehensive", "this_rung_or_above"])
    assert int(claim["value"].iloc[0]) != int(table.loc["strategic", "this_rung_or_above"])


# --------------------------------------------------------------------------- seeds vs reference
def test_seeds_vs_reference_flags_agreement() -> None:
    statements = partnerships([
        {"sentence_id": "900_test:1:0", "partner_iso3": "RUS", "level": "strategic", "action": "established", "year": 2001},
        {"sentence_id": "900_test:2:0", "partner_iso3": "RUS", "level": "comprehensive_strategic", "action": "upgraded", "year": 2010},
        {"sentence_id": "900_test:3:0", "partner_iso3": "KAZ", "level": "comprehensive_strategic"},
        {"sentence_id": "900_test:4:0", "partner_iso3": "AZE", "level": "strategic", "action": "upgraded", "year": 2025, "month": 5},
        {"sentence_id": "900_test:5:0", "partner_iso3": "AZE", "level": "strategic", "action": "established", "year": 2025, "month": 9},
        {"sentence_id": "900_test:10:0", "partner_iso3": "RUS", "level": "comprehensive_strategic", "action": "deepened", "year": 2025, "month": 5},
        {"sentence_id": "900_test:11:0", "partner_iso3": "CHN", "level": "comprehensive_strategic_cooperative"},
        {"sentence_id": "900_test:12:0", "partner_iso3": "USA", "level": "strategic", "action": "established", "year": 2013},
    ])
    out = levels_chart.seeds_vs_reference(statements).set_index("sentence_id")
    assert list(out.index) == [f"900_test:{n}:0" for n in (1, 2, 3, 4, 5, 10, 11, 12)]  # reading order
    assert out.loc["900_test:1:0", "agrees"]
    assert out.loc["900_test:1:0", "reference_date"] == pd.Timestamp("2001-03-01")
    assert not out.loc["900_test:2:0", "agrees"]
    assert out.loc["900_test:2:0", "verdict"].startswith("year differs")
    assert not out.loc["900_test:3:0", "agrees"]          # KAZ is SP, not CSP (status date)
    assert out.loc["900_test:3:0", "level_in_force"] == "strategic"
    assert out.loc["900_test:4:0", "agrees"]               # an "upgrade" that was a first framework
    assert "established" in out.loc["900_test:4:0", "verdict"]
    assert not out.loc["900_test:5:0", "agrees"]           # right year, wrong month
    assert out.loc["900_test:5:0", "verdict"].startswith("month differs")
    assert out.loc["900_test:10:0", "agrees"]              # deepening keeps the rung
    assert out.loc["900_test:11:0", "agrees"]              # China's CSCP counts as CSP
    assert not out.loc["900_test:12:0", "agrees"]          # the US never had an SP
    assert out["agrees"].dtype == bool
    # the action is checked apart from the level
    assert out.loc["900_test:1:0", "action_agrees"]         # established, and the reference says so
    assert not out.loc["900_test:4:0", "action_agrees"]     # "upgraded", but the reference has a first framework
    assert pd.isna(out.loc["900_test:3:0", "action_agrees"])  # a mere mention states no action
    assert not out.loc["900_test:10:0", "action_agrees"]    # no deepening of Russia's CSP in May 2025


def test_statement_agreement_sums_up_level_and_action(seeds_corpus) -> None:
    comparison = levels_chart.seeds_vs_reference(seeds_corpus)
    summary = levels_chart.statement_agreement(comparison).set_index("stated_action")
    assert summary["statements"].sum() == len(comparison)
    assert summary["level_agrees"].sum() == int(comparison["agrees"].sum())
    assert summary.loc["mentioned", "action_stated"] == 0
    assert (summary["action_agrees"] + summary["action_differs"] == summary["action_stated"]).all()
    if "upgraded" in summary.index:  # the seeds call Kazakhstan's, Azerbaijan's and Belarus's first frameworks upgrades
        upgraded = comparison[comparison["stated_action"] == "upgraded"]
        first = upgraded[upgraded["reference_step"] == "established"]
        assert set(first["partner_iso3"]) == {"AZE", "BLR", "KAZ"}
        assert not first["action_agrees"].any()


def test_the_ladder_began_with_russia_in_march_2001() -> None:
    """Hanoi Times and Vietcetera: Russia was the first Strategic Partner, 1 March 2001."""
    assert levels_chart.ladder_began() == pd.Timestamp("2001-03-01")
    gaps = levels_chart.first_framework_gaps(["RUS", "KAZ", "KOR"]).set_index("iso3")
    assert gaps.loc["RUS", "years_since_ladder_or_relations"] == 0.0
    assert gaps.loc["RUS", "years_since_relations"] > 50
    assert gaps.loc["KAZ", "years_since_ladder_or_relations"] < gaps.loc["KAZ", "years_since_relations"]
    assert list(gaps["years_since_ladder_or_relations"]) == sorted(gaps["years_since_ladder_or_relations"])


def test_map_region_menu_has_no_empty_entry() -> None:
    """The region menu's values are all regions: ipywidgets shows a blank box for a None value."""
    from vnpartners import maps

    values = [value for _, value in levels_chart.MAP_REGIONS]
    assert None not in values and set(values) == set(maps.REGIONS)
    assert levels_chart.MAP_REGIONS[0] == ("World", "world")


def test_seeds_vs_reference_on_the_seeds(seeds_corpus) -> None:
    out = levels_chart.seeds_vs_reference(seeds_corpus)
    assert len(out) == len(vnpartners.stated(seeds_corpus.partnerships))
    assert list(out.columns) == claims._SEED_COLUMNS
    assert out.equals(levels_chart.seeds_vs_reference(seeds_corpus))     # deterministic
    if len(out):
        russia_2001 = out[(out["partner_iso3"] == "RUS") & (out["stated_year"] == 2001)]
        assert russia_2001["agrees"].all()
        assert out["verdict"].str.len().gt(0).all()


def test_seeds_vs_reference_with_no_statements() -> None:
    empty = partnerships([]).iloc[0:0]
    out = levels_chart.seeds_vs_reference(empty)
    assert out.empty and list(out.columns) == claims._SEED_COLUMNS


def test_seeds_vs_reference_compares_the_statements_it_is_given(seeds_corpus) -> None:
    """By default the stated statements are compared; ``statements=`` compares others (plans too)."""
    every = levels_chart.seeds_vs_reference(seeds_corpus)
    assert set(every["sentence_id"]) == set(vnpartners.stated(seeds_corpus.partnerships)["sentence_id"])
    with_plans = levels_chart.seeds_vs_reference(seeds_corpus, statements=seeds_corpus.partnerships)
    assert len(with_plans) == len(seeds_corpus.partnerships) > len(every)
    stated = vnpartners.stated(seeds_corpus.partnerships)
    some = stated[stated["partner_iso3"] == "RUS"]
    only = levels_chart.seeds_vs_reference(seeds_corpus, statements=some)
    assert len(only) == len(some) and set(only["partner_iso3"]) <= {"RUS"}
    pd.testing.assert_frame_equal(only.reset_index(drop=True),
                                  every[every["partner_iso3"] == "RUS"].reset_index(drop=True))
