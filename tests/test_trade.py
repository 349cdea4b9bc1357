"""vnpartners.lessons.trade: series rules, side-by-side gaps, growth maths, no interpolation, charts for every partner."""

from __future__ import annotations

import math
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from vnpartners import reference, trade  # noqa: E402


@pytest.fixture(scope="module")
def t() -> pd.DataFrame:
    return reference.trade()


def value(s: pd.DataFrame, year: int, col: str = "value_bn") -> object:
    return s.set_index("year").loc[year, col]


# ----------------------------------------------------------------------------- series
def test_series_is_one_row_per_year_with_the_documented_columns(t):
    s = trade.series(t, "RUS")
    assert list(s.columns) == ["year", "value_usd", "value_bn", "record_id", "reporter", "is_lower_bound",
                               "is_approx", "flag", "statistic_source", "n_rows", "other_values_bn"]
    assert s["year"].is_unique and s["year"].is_monotonic_increasing
    assert s["year"].tolist() == list(range(2011, 2025))
    assert set(s["reporter"].dropna()) == {"vietnam"}


def test_series_keeps_the_reporter_apart(t):
    assert value(trade.series(t, "RUS", reporter="vietnam"), 2017) == pytest.approx(3.55)
    assert value(trade.series(t, "RUS", reporter="partner"), 2017) == pytest.approx(5.35)
    # the seeds' 4.58 is "unstated": Vietnam's own series keeps the ambassador's 4.6
    assert value(trade.series(t, "RUS"), 2024) == pytest.approx(4.6)
    assert value(trade.series(t, "RUS", reporter="unstated"), 2024) == pytest.approx(4.58)


def test_series_rule_for_several_rows_of_one_reporter(t):
    # Kazakhstan 2024, Kazakh side: R039 879 m and R040 860 m, both exact and unflagged -> record order
    s = trade.series(t, "KAZ", reporter="partner")
    assert value(s, 2024, "record_id") == "R039"
    assert value(s, 2024, "value_usd") == pytest.approx(879e6)
    assert value(s, 2024, "n_rows") == 2
    assert "0.86" in value(s, 2024, "other_values_bn")


def test_series_prefers_exact_and_unflagged_rows():
    rows = pd.DataFrame({
        "record_id": ["X1", "X2", "X3"], "partner_iso3": ["AAA"] * 3, "partner_name": ["A"] * 3,
        "year": pd.array([2020] * 3, dtype="Int64"), "period": ["FY"] * 3, "flow": ["turnover"] * 3,
        "value_usd": [1e9, 2e9, 3e9], "reporter": ["vietnam"] * 3, "statistic_source": ["s"] * 3,
        "source_url": ["u"] * 3, "is_lower_bound": [False, True, False], "is_approx": [False, False, True],
        "flag": ["suspect", pd.NA, pd.NA], "note": [pd.NA] * 3,
    })
    s = trade.series(rows, "AAA")
    assert value(s, 2020, "record_id") == "X3"  # unflagged beats flagged; approx beats lower bound
    assert value(s, 2020, "n_rows") == 3


def test_series_reporter_preference_order(t):
    s = trade.series(t, "RUS", reporter=("vietnam", "partner"))
    assert value(s, 2017, "reporter") == "vietnam"
    assert value(s, 2020, "reporter") == "partner"  # no Vietnamese figure for 2020
    with pytest.raises(ValueError):
        trade.series(t, "RUS", reporter="russia")


def test_no_interpolation_missing_years_stay_missing(t):
    s = trade.series(t, "RUS")
    for year in (2013, 2015, 2020):
        assert math.isnan(value(s, year))
        assert value(s, year, "n_rows") == 0
    g = trade.growth_table(s).set_index("year")
    # growth is never bridged over a gap
    assert math.isnan(g.loc[2014, "growth_pct"]) and math.isnan(g.loc[2016, "growth_pct"])
    assert g.loc[2017, "growth_pct"] == pytest.approx((3.55 / 2.70 - 1) * 100)
    # exports + imports are never summed into a turnover: 2014 turnover is the stated 2.5
    assert value(s, 2014) == pytest.approx(2.5)


def test_series_of_a_partner_without_figures_is_empty(t):
    s = trade.series(t, "FRA")
    assert s.empty and "value_bn" in s.columns
    assert trade.series(t, "nowhere").empty


def test_groupings_by_name(t):
    assert value(trade.series(t, "EAEU"), 2016) == pytest.approx(3.04)
    assert value(trade.series(t, "Russia"), 2017) == pytest.approx(3.55)


# ----------------------------------------------------------------------------- side by side
def test_side_by_side_russia_2017(t):
    sbs = trade.side_by_side(t, "RUS").set_index("year")
    row = sbs.loc[2017]
    assert row["partner_bn"] == pytest.approx(5.35) and row["vietnam_bn"] == pytest.approx(3.55)
    assert row["gap_bn"] == pytest.approx(1.80)
    assert row["ratio"] == pytest.approx(5.35 / 3.55)
    assert bool(row["both"])
    assert sorted(sbs.index[sbs["both"]]) == [2011, 2017, 2018, 2021]
    assert math.isnan(sbs.loc[2020, "gap_bn"]) and sbs.loc[2020, "partner_bn"] == pytest.approx(5.7)


def test_side_by_side_empty(t):
    assert trade.side_by_side(t, "FRA").empty


# ----------------------------------------------------------------------------- growth maths
def test_cagr_math():
    assert trade.cagr(100, 121, 2) == pytest.approx(10.0)
    assert trade.cagr(50, 50, 3) == pytest.approx(0.0)
    assert trade.cagr(71.9, 171.2, 7) == pytest.approx(((171.2 / 71.9) ** (1 / 7) - 1) * 100)
    path = trade.compound_path(2.7, trade.cagr(2.7, 4.6, 8), 8)
    assert path["compound"].iloc[-1] == pytest.approx(4.6)
    assert path["simple"].iloc[-1] < 4.6
    for bad in ((0, 1, 1), (1, 2, 0), (-1, 2, 3)):
        with pytest.raises(ValueError):
            trade.cagr(*bad)


@given(first=st.floats(0.1, 1000), growth=st.floats(-0.9, 3.0), years=st.integers(2, 30))
@settings(max_examples=200, deadline=None)
def test_total_over_years_overstates_the_compound_rate(first, growth, years):
    """Bernoulli: ((1 + g)^n - 1) / n >= g, strictly for n > 1 and g != 0; so total ÷ years is never the CAGR."""
    last = first * (1 + growth) ** years
    rate, average = trade.cagr(first, last, years), trade.average_growth(first, last, years)
    assert average >= rate - 1e-9
    if abs(growth) > 1e-3:
        assert average > rate


def test_growth_paths_explain_both_mistakes():
    """The lesson's numbers: 2.70 -> 4.60 bn over 8 steps (Russia 2016-2024)."""
    paths = trade.growth_paths(2.7, 4.6, 8)
    end = paths.iloc[-1]
    assert end["compound"] == pytest.approx(4.6)                       # the CAGR reaches the last value
    assert end["average_not_compounded"] == pytest.approx(4.6)         # so does total ÷ years, added as an amount
    assert end["cagr_not_compounded"] < 4.6                            # the CAGR without compounding falls short
    assert end["average_compounded"] > 4.6                             # total ÷ years as a rate overshoots
    assert paths.attrs["average_pct"] == pytest.approx(70.370370 / 8, rel=1e-6)
    assert paths.attrs["average_pct"] > paths.attrs["cagr_pct"]
    old = trade.compound_path(2.7, paths.attrs["cagr_pct"], 8)
    assert list(old["simple"]) == pytest.approx(list(paths["cagr_not_compounded"]))


def test_partner_menu_offers_the_partners_with_trade_rows(t):
    options, without = trade.partners_with_trade(t, reference.partners())
    codes = {code for _, code in options}
    assert codes == set(t["partner_iso3"].dropna()) & set(reference.partners()["iso3"])
    assert {"RUS", "CHN", "KAZ"} <= codes
    assert len(options) + len(without) == len(reference.partners())
    assert [name for name, _ in options] == sorted(name for name, _ in options)
    for _, code in options:
        assert trade.partner_rows(t, code).shape[0] > 0


def test_annualising():
    assert trade.annualise_quarter(1.11) == pytest.approx(4.44)
    assert trade.annualise_quarter(1.0, 0.2) == pytest.approx(5.0)
    assert trade.annualise(3.3, 8) == pytest.approx(4.95)
    with pytest.raises(ValueError):
        trade.annualise_quarter(1.0, 0)
    assert trade.stated_growth_pct("+18.4% y/y.") == pytest.approx(18.4)
    assert math.isnan(trade.stated_growth_pct(pd.NA))


def test_part_year_table_uses_only_stated_numbers(t):
    kaz = trade.part_year_table(t, "KAZ", 2025).iloc[0]
    assert kaz["implied_last_year_bn"] == pytest.approx(0.1463 / 1.184)
    assert kaz["share_pct"] == pytest.approx(0.1463 / 1.184 / 0.8 * 100)
    rus = trade.part_year_table(t, "RUS", 2025).set_index("period")
    assert math.isnan(rus.loc["Q1", "share_pct"])  # no growth stated: nothing derived
    assert rus.loc["Q1", "naive_full_year_bn"] == pytest.approx(4.44)


# ----------------------------------------------------------------------------- the seeds
def fake_corpus() -> SimpleNamespace:
    cols = ["article_id", "sentence_id", "metric", "partner_iso3", "direction", "period", "value", "unit",
            "qualifier", "surface", "evidence", "modality"]
    rows = [
        ["000", "000:1:0", "trade_turnover", "RUS", "bilateral", "2025-Q1", 1.11e9, "USD", "exact", "1,11", "s1"],
        ["000", "000:1:0", "trade_turnover", "RUS", "bilateral", "2023", 3.63e9, "USD", "exact", "3,63", "s1"],
        ["000", "000:1:0", "trade_turnover", "RUS", "bilateral", "2024", 4.58e9, "USD", "exact", "4,58", "s1"],
        ["000", "000:2:0", "investment_projects", "RUS", "inbound", "2025-01", 202, "projects", "exact", "202", "s2"],
        ["000", "000:2:0", "investment_registered_capital", "RUS", "inbound", "2025-01", 995.82e6, "USD", "approx",
         "995,82 juta", "s2"],
        ["000", "000:3:0", "investment_projects", "RUS", "outbound", pd.NA, 16, "projects", "exact", "16", "s3"],
        ["000", "000:3:0", "investment_registered_capital", "RUS", "outbound", pd.NA, 1.6e9, "USD", "exact", "1,6", "s3"],
        ["000", "000:4:0", "other", "RUS", "bilateral", "2024", 1e9, "USD", "more_than", "1 miliar", "s4"],
        # "berharap omzet mencapai 10 miliar USD pada 2030": a hope, not a trade figure
        ["000", "000:5:0", "trade_turnover", "RUS", "bilateral", "2030", 10e9, "USD", "exact", "10 miliar", "s5"],
        ["000", "000:6:0", "investment_projects", "RUS", "inbound", "2026", 50, "projects", "exact", "50", "s6"],
    ]
    rows = [row + ["stated"] for row in rows[:-2]] + [row + ["aim"] for row in rows[-2:]]
    return SimpleNamespace(figures=pd.DataFrame(rows, columns=cols))


def test_seed_trade_figures():
    s = trade.seed_trade_figures(fake_corpus())
    assert s["period"].tolist() == ["2023", "2024", "2025-Q1"]
    assert s["months"].tolist() == [12, 12, 3]
    assert s["value_bn"].tolist() == pytest.approx([3.63, 4.58, 1.11])


def test_a_hoped_for_figure_is_no_trade_figure():
    assert "2030" not in trade.seed_trade_figures(fake_corpus())["period"].tolist()
    assert "2030" in trade.seed_trade_figures(fake_corpus(), plans=True)["period"].tolist()
    assert "2026" not in trade.investment_table(fake_corpus())["period"].astype(str).tolist()


def test_seed_vs_table(t):
    v = trade.seed_vs_table(trade.seed_trade_figures(fake_corpus()), t).set_index("period")
    assert v.loc["2023", "record_id"] == "R019" and v.loc["2023", "difference_bn"] == pytest.approx(0)
    assert v.loc["2024", "table_bn"] == pytest.approx(4.6)
    assert pd.isna(v.loc["2025-Q1", "table_bn"])  # no other source: the gap is shown, not filled


def test_investment_table():
    inv = trade.investment_table(fake_corpus()).set_index("direction")
    assert inv.loc["inbound", "projects"] == 202
    assert inv.loc["inbound", "registered_capital_bn"] == pytest.approx(0.99582)
    assert inv.loc["inbound", "capital_qualifier"] == "approx"
    assert inv.loc["outbound", "capital_per_project_musd"] == pytest.approx(100.0)
    assert pd.isna(inv.loc["outbound", "period"])


def test_seed_functions_on_the_real_seeds(seeds_corpus):
    s = trade.seed_trade_figures(seeds_corpus)
    rus = s[s["partner_iso3"] == "RUS"]
    if rus.empty:
        pytest.skip("the extractor has not produced trade figures yet")
    assert set(rus["period"]) >= {"2023", "2024"}


# ----------------------------------------------------------------------------- charts
def _texts(fig) -> str:
    parts = [txt.get_text() for txt in fig.texts]
    for ax in fig.axes:
        parts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()] + [x.get_text() for x in ax.texts]
    return " | ".join(parts)


@pytest.mark.parametrize("iso3", reference.partners()["iso3"].tolist())
def test_plot_series_works_for_every_partner(t, iso3):
    fig = trade.plot_series(t, iso3)
    try:
        text = _texts(fig)
        assert "billion USD" in text and "year" in text and "Source:" in text
        if trade.series(t, iso3)["value_bn"].notna().sum() == 0:
            assert "kit's trade table" in text and "No turnover figures" in text
    finally:
        plt.close(fig)


def test_plot_series_shows_gaps_and_the_fta(t):
    fig = trade.plot_series(t, "RUS")
    try:
        ax = fig.axes[0]
        labels = ax.get_legend_handles_labels()[1]
        assert any("EAEU FTA" in lab for lab in labels)
        assert "no figure in the table" in labels
        # no line segment crosses a missing year
        for line in ax.get_lines():
            xs = list(line.get_xdata())
            if len(xs) == 2 and line.get_linestyle() == "-":
                assert xs[1] - xs[0] == 1
    finally:
        plt.close(fig)
    fig = trade.plot_series(t, "CHN")
    try:
        assert not any("EAEU" in lab for lab in fig.axes[0].get_legend_handles_labels()[1])
    finally:
        plt.close(fig)


def test_other_charts_have_titles_axes_and_source(t):
    for fig in (trade.plot_side_by_side(t, "RUS"), trade.plot_scale(t), trade.plot_side_by_side(t, "FRA")):
        try:
            text = _texts(fig)
            assert "billion USD" in text and "Source:" in text
            assert any(ax.get_title() for ax in fig.axes) or fig._suptitle is not None
        finally:
            plt.close(fig)
    fig = trade.plot_scale(t)
    try:
        assert fig.axes[1].get_xscale() == "log"
    finally:
        plt.close(fig)


def test_fta_date_agrees_with_the_forums_table():
    f = reference.forums()
    role = f.loc[f["forum"] == "EAEU", "vietnam_role"].iloc[0]
    assert f"in force {trade.EAEU_FTA_IN_FORCE:%b %Y}" in role
    assert "RUS" in trade.eaeu_members()
