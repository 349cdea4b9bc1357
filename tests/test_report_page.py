"""The partner page's pieces against the tables they come from (no kernel: the functions are called directly).

- the summary's numbers are recomputed here from the reference tables and the corpus;
- the timeline has no two rows for one event, and every dated statement is in exactly one row;
- the trade chart draws the years, cells and flags of the trade table, and nothing else;
- citations, level names, English, modality and the page's promises (escaped, no scripts).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from types import SimpleNamespace

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import vnpartners
from vnpartners import reference
from vnpartners.lessons.trade_flows import flow_years, plot_yearly_flows, yearly_flows
from vnpartners.reports import page
from vnpartners.reports.timeline import backdrop_countries, timeline
from vnpartners.reports.trade_section import trade_cells

TRADE_PARTNERS = sorted(reference.trade()["partner_iso3"].dropna().unique())
EVENT_PARTNERS = ["AZE", "BLR", "CHN", "KAZ", "RUS"]


# ----------------------------------------------------------------------------- summary
@pytest.mark.parametrize("iso3", ["RUS", "KAZ", "CHN", "USA", "LAO"])
def test_summary_numbers_agree_with_the_tables(seeds_corpus, iso3: str) -> None:
    s = page.summary(seeds_corpus, iso3, rendered="2026-01-02")
    partners = reference.partners().set_index("iso3")
    names = dict(zip(reference.levels()["level"], reference.levels()["name_en"]))
    assert s["level"] == names[partners.loc[iso3, "level"]]
    assert str(pd.Timestamp(partners.loc[iso3, "level_since"]).year) in s["level_since"]
    # facts: the stated rows of the fact tables about the partner (plans and aims are no facts)
    c = seeds_corpus
    statements = c.partnerships[(c.partnerships["partner_iso3"] == iso3) & (c.partnerships["modality"] == "stated")]
    events = c.events[c.events["countries"].fillna("").str.split().map(lambda codes: iso3 in codes)
                      & (c.events["modality"] == "stated")]
    figures = c.figures[(c.figures["partner_iso3"] == iso3) & (c.figures["modality"] == "stated")]
    assert (s["n_statements"], s["n_events"], s["n_figures"]) == (len(statements), len(events), len(figures))
    assert s["n_facts"] == len(statements) + len(events) + len(figures)
    assert s["n_articles"] == len(set(statements["article_id"]) | set(events["article_id"]) | set(figures["article_id"]))
    # latest full-year trade per statistic, and its growth on the calendar year before (same statistic and flow)
    fy = reference.trade()
    fy = fy[(fy["partner_iso3"] == iso3) & (fy["period"] == "FY")]
    assert [t["reporter"] for t in s["trade"]] == [r for r in ("vietnam", "partner", "unstated") if (fy["reporter"] == r).any()]
    for t in s["trade"]:
        mine = fy[fy["reporter"] == t["reporter"]]
        assert t["year"] == int(mine["year"].max())
        for item in t["flows"]:
            if item["flow"] == "balance":
                continue
            rows = mine[(mine["year"] == t["year"]) & (mine["flow"] == item["flow"])]
            assert item["value_bn"] * 1e9 in set(rows["value_usd"].astype(float))
            before = mine[(mine["year"] == t["year"] - 1) & (mine["flow"] == item["flow"])]
            if before.empty:
                assert item["growth_pct"] is None
            elif len(before) == 1 and len(rows) == 1:
                expected = (float(rows["value_usd"].iloc[0]) / float(before["value_usd"].iloc[0]) - 1) * 100
                assert item["growth_pct"] == pytest.approx(expected)
    assert s["data_to"] == "31 Dec 2025" and s["rendered"] == "2 Jan 2026"


def test_summary_box_prints_the_numbers(seeds_corpus) -> None:
    box = page.summary_html(seeds_corpus, "RUS", rendered="2026-01-02")
    s = page.summary(seeds_corpus, "RUS", rendered="2026-01-02")
    assert "Comprehensive Strategic Partnership</b> since Jul 2012" in box
    assert f"{s['n_facts']} stated facts from {s['n_articles']} articles" in box
    assert "Vietnam&#x27;s statistics, 2024:</b> turnover 4.60 bn USD (+26.7% on the year before)" in box
    assert "diplomatic relations 30 Jan 1950 → Strategic Partnership Mar 2001 → Comprehensive Strategic Partnership Jul 2012" in box
    assert "newest article 8 May 2025" in box and "rendered 2 Jan 2026" in box


def test_plans_and_aims_are_not_counted_as_facts(seeds_corpus) -> None:
    """Only stated rows are counted; planned and aimed rows come after them, marked."""
    pa = seeds_corpus.partnerships[seeds_corpus.partnerships["partner_iso3"] == "RUS"]
    wished = pa[pa["modality"] != "stated"]
    assert len(wished) >= 2  # "bertujuan untuk ... memperdalam", "komitmennya untuk memperdalam": aims
    assert page.summary(seeds_corpus, "RUS")["n_statements"] == (pa["modality"] == "stated").sum()
    html = page.statements_html(seeds_corpus, "RUS")
    stated_part, _, wished_part = html.partition("<details class='vnp-fold vnp-plans'>")
    assert "vnp-plan'" not in stated_part  # what happened comes first, unmarked
    wished_rows = re.findall(r"<tr class='vnp-plan'>.*?</tr>", wished_part)
    acted = wished[wished["action"] != "mentioned"]  # a level only named is folded with the other namings
    assert len(wished_rows) == len(acted.groupby(["level", "action", "year", "month", "modality"], dropna=False))
    assert any("aim or wish (not a fact)" in r for r in wished_rows)


def test_only_stated_rows_count_as_facts() -> None:
    given = pd.DataFrame({"modality": ["planned", "stated", "aim"]})
    assert vnpartners.facts.modality.is_stated(given).tolist() == [False, True, False]


# ----------------------------------------------------------------------------- timeline
@pytest.mark.parametrize("iso3", EVENT_PARTNERS)
def test_the_timeline_has_one_row_per_event(seeds_corpus, iso3: str) -> None:
    t = timeline(seeds_corpus, iso3)
    key = ["date", "date_end", "precision", "kind", "countries", "dated_for_partner"]
    assert not t.duplicated(subset=key).any(), t[t.duplicated(subset=key, keep=False)][key]
    # every dated statement naming the partner is in exactly one row (its sentence cited there)
    events = page.events_for(seeds_corpus, iso3)
    cited = [sid for ids in t["sentence_ids"] for sid in ids]
    assert set(cited) == set(events["sentence_id"])
    assert (t["n_sources"] == t["sentence_ids"].map(len)).all()


def test_one_visit_told_twice_is_one_row_and_a_backdrop_country_takes_no_date(seeds_corpus) -> None:
    rus = timeline(seeds_corpus, "RUS")
    visit = rus[(rus["date"] == pd.Timestamp("2024-06-20")) & (rus["kind"] == "visit")]
    assert len(visit) == 1
    # the caption of seed 000 and Tempo's "setelah lawatan dua hari ke Korea Utara" (North Korea only the backdrop)
    assert {"000_5616eb5da7465606:24:0", "002_a2986a158941a6a1:0:0"} <= set(visit["sentence_ids"].iloc[0])
    assert visit["countries"].iloc[0] == "RUS VNM"
    kaz = timeline(seeds_corpus, "KAZ")
    row = kaz[kaz["kind"] == "visit"].iloc[0]
    assert not row["dated_for_partner"]  # 8-11 May is the Russia leg of the trip, not the Kazakhstan visit
    html = page.timeline_html(seeds_corpus, "KAZ")
    assert "no date for Kazakhstan" in html and "is the date of Russia" in html
    leg = rus[(rus["date"] == pd.Timestamp("2025-05-08")) & (rus["kind"] == "visit")].iloc[0]
    assert leg["dated_for_partner"] and leg["countries"] == "RUS VNM"


def test_backdrop_countries_are_those_named_only_in_an_after_or_before_phrase() -> None:
    text = "Setelah kunjungan ke Kazakhstan, To Lam akan ke Rusia dari tanggal 8 hingga 11 Mei."
    mentions = [("KAZ", text.index("Kazakhstan"), text.index("Kazakhstan") + 10), ("RUS", text.index("Rusia"), text.index("Rusia") + 5)]
    date = (text.index("8 hingga"), text.index("11 Mei") + 6)
    assert backdrop_countries(text, date, mentions) == {"KAZ"}
    both = "Rusia dan Kazakhstan bertemu pada 10 Mei, setelah pertemuan di Kazakhstan dan Rusia."
    ms = [("RUS", 0, 5), ("KAZ", 10, 20), ("KAZ", both.rindex("Kazakhstan"), both.rindex("Kazakhstan") + 10)]
    assert backdrop_countries(both, (both.index("10 Mei"), both.index("10 Mei") + 6), ms) == set()
    inside = "Setelah bertemu Presiden Rusia pada 10 Mei, ia terbang ke Hanoi."
    assert backdrop_countries(inside, (inside.index("10 Mei"), inside.index("10 Mei") + 6), [("RUS", 25, 30)]) == set()


def test_commemorations_and_plans_are_shown_apart(seeds_corpus) -> None:
    events = seeds_corpus.events.assign(modality="stated", modality_cue=pd.NA)
    leg = (events["sentence_id"] == "000_5616eb5da7465606:3:0")
    events.loc[leg, ["modality", "modality_cue"]] = ["planned", "akan"]
    victory = events["surface"].eq("9 Mei 1945")
    events.loc[victory, ["kind", "countries"]] = ["commemoration", "RUS"]
    corpus = SimpleNamespace(**{k: getattr(seeds_corpus, k) for k in ("articles", "paragraphs", "sentences", "mentions",
                                                                        "partnerships", "figures")}, events=events)
    t = timeline(corpus, "RUS")
    assert t.loc[t["date"] == pd.Timestamp("2025-05-08"), "group"].tolist() == ["plans"]
    assert t.loc[t["date"] == pd.Timestamp("1945-05-09"), "group"].tolist() == ["remembered"]
    html = page.timeline_html(corpus, "RUS")
    happened = html.split("Planned or wished for")[0]
    assert "8 hingga 11 Mei" not in happened.split("vnp-fold")[0]
    assert "planned (not yet happened): “akan”" in html
    assert "anniversaries and national days" in html


# ----------------------------------------------------------------------------- trade: chart and table
def _bars(fig) -> set[tuple[int, str, str, str]]:
    cells = set()
    for ax in fig.axes:
        for artist in [*ax.patches, *ax.lines]:
            gid = artist.get_gid()
            if gid and not gid.startswith("gap|"):
                year, reporter, flow, style = gid.split("|")
                cells.add((int(year), reporter, flow, style))
    return cells


def _gaps(fig) -> set[int]:
    return {int(p.get_gid().split("|")[1]) for ax in fig.axes for p in ax.patches if (p.get_gid() or "").startswith("gap|")}


@pytest.mark.parametrize("iso3", TRADE_PARTNERS)
def test_chart_and_table_show_the_same_years_values_and_flags(iso3: str) -> None:
    table = reference.trade()
    flows = yearly_flows(table, iso3)
    fig = plot_yearly_flows(table, iso3)
    try:
        drawn = _bars(fig)
        gaps = _gaps(fig)
        ticks = sorted({int(round(x)) for x in fig.axes[-1].get_xticks()})
        lo, hi = fig.axes[-1].get_xlim()
    finally:
        plt.close(fig)
    cells = trade_cells(iso3)
    shown = {(int(r["year"]), r["reporter"], r["flow"], r["style"]) for _, r in cells.dropna(subset=["flow"]).iterrows()}
    assert drawn == shown == {(int(r["year"]), r["reporter"], r["flow"], r["style"]) for _, r in flows.iterrows()}
    years = flow_years(flows)
    assert sorted(set(cells["year"])) == years  # the table's rows, gap years included
    assert gaps == set(years) - set(flows["year"].astype(int))
    assert lo < years[0] and years[-1] < hi and set(ticks) <= set(range(years[0], years[-1] + 1))
    html = page.trade_html(iso3)
    assert re.findall(r"<tr(?: class='vnp-gap')?><th>(\d{4})</th>", html) == [str(y) for y in years]
    for _, r in cells.dropna(subset=["flow"]).iterrows():  # each value shown with its mark
        assert f">{escape(r['text'])}<" in html.replace("</a>", "<"), r["text"]


def test_flagged_lower_bound_and_approximate_values_are_marked() -> None:
    rus = trade_cells("RUS")
    assert rus.loc[(rus["year"] == 2013) & (rus["flow"] == "turnover"), "text"].tolist() == ["4.00?"]
    assert rus.loc[(rus["year"] == 2012) & (rus["flow"] == "turnover"), "text"].tolist() == ["≈2.45"]
    chn = trade_cells("CHN")
    assert chn.loc[(chn["year"] == 2024) & (chn["flow"] == "turnover"), "text"].iloc[0].startswith(">")


def test_a_partner_without_trade_gets_words_not_an_empty_chart() -> None:
    assert page.plot_trade("FRA") is None
    assert "a gap, not a zero" in page.trade_html("FRA")


# ----------------------------------------------------------------------------- citations, names, English
def test_citations_name_outlet_date_and_paragraph_and_link_to_the_sources(seeds_corpus) -> None:
    parts = [page.timeline_html(seeds_corpus, "RUS"), page.statements_html(seeds_corpus, "RUS"),
             page.figures_html(seeds_corpus, "RUS"), page.sources_html("RUS", seeds_corpus)]
    html = "".join(parts)
    assert "VietnamPlus, 8 May 2025</a>, ¶21" in html and "VOV, May 2025</a>, ¶3" in html
    assert not re.search(r"\(\d{3} · \d+:\d+\)", html)  # the old "(000 · 21:0)"
    ours = re.sub(r"<(span|div|td) lang='id'>.*?</\1>", " ", html, flags=re.S)  # article text may say "nan" (= yang)
    assert "nan" not in re.sub(r"<[^>]+>", " ", ours).split()
    targets = set(re.findall(r"href='#([^']+)'", html))
    assert targets and targets <= set(re.findall(r"id='([^']+)'", html))


def test_an_article_without_an_outlet_is_cited_by_its_file_name(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "catatan.txt").write_text(
        "Vietnam dan Rusia menjalin Kemitraan Strategis pada tahun 2001 & <b>tebal</b>.\n", encoding="utf-8")
    corpus = vnpartners.load_folder(folder)
    html = page.statements_html(corpus, "RUS") + page.sources_html("RUS", corpus)
    assert "catatan.txt</a>, ¶0" in html
    assert "&lt;b&gt;tebal&lt;/b&gt;" in html and "<b>tebal" not in html
    assert "vnp-en" not in html  # a user's article has no English: Indonesian alone


def test_seed_evidence_carries_its_english(seeds_corpus) -> None:
    html = page.timeline_html(seeds_corpus, "RUS")
    assert "<div class='vnp-en' lang='en'>On 10 May, at the Kremlin, General Secretary To Lam held talks" in html


def test_levels_have_human_names_and_tables_no_index_column(seeds_corpus) -> None:
    html = "".join([page.level_history_html("RUS"), page.statements_html(seeds_corpus, "RUS"), page.summary_html(seeds_corpus, "RUS"),
                    page.sources_html("RUS", seeds_corpus)])
    text = re.sub(r"<[^>]+>", " ", html)
    machine = set(reference.levels()["level"])
    assert not any(re.search(rf"\b{name}\b", text) for name in machine if "_" in name), "a machine name of a level"
    cells = re.findall(r"<tr><td class='vnp-nowrap'>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>", page.level_history_html("RUS"))
    assert cells and set(cells) - {""} <= set(reference.levels()["name_en"])
    assert "class=\"dataframe\"" not in html  # a pandas table, with its index column
    assert "<script" not in html


def test_the_index_lists_level_latest_trade_and_facts_without_scripts(seeds_corpus) -> None:
    from vnpartners.reports.index import index_html, index_rows

    rows = index_rows(["RUS", "LAO", "USA"], seeds_corpus).set_index("iso3")
    assert rows.loc["RUS", "level"] == "Comprehensive Strategic Partnership"
    assert rows.loc["RUS", "n_facts"] == page.summary(seeds_corpus, "RUS")["n_facts"]
    assert (rows.loc["RUS", "trade_text"], rows.loc["RUS", "trade_note"]) == ("4.60 bn USD", "2024, Vietnam's statistics")
    assert rows.loc["LAO", "trade_text"] == "" and rows.loc["LAO", "n_facts"] == 0
    html = index_html(["RUS", "LAO", "USA"], {"LAO": "RuntimeError: <boom>"}, seeds_corpus)
    assert "<script" not in html and "&lt;boom&gt;" in html
    for order in ("by-name", "by-level", "by-trade", "by-facts"):
        assert f"href='#{order}'" in html and f"id='{order}'" in html
    by_trade = html.split("id='by-trade'")[1].split("</section>")[0]
    assert by_trade.index("United States") < by_trade.index("Russia") < by_trade.index("Laos")


def test_figures_read_as_a_reader_writes_them() -> None:
    from vnpartners.reports.facts_html import format_period, format_value

    def fig(**kw: object) -> pd.Series:
        return pd.Series({"value": 3.63e9, "unit": "USD", "qualifier": "exact", **kw})

    assert format_value(fig()) == "3.63 billion USD"
    assert format_value(fig(value=995.82e6, qualifier="approx")) == "about 995.8 million USD"
    assert format_value(fig(value=117800.0, unit="persons", qualifier="more_than")) == "more than 117,800 people"
    assert format_value(fig(value=81.0, unit="percent")) == "81%"
    # issue 14: an amount in its own currency, with the USD equivalent the text gives
    assert format_value(fig(value=3e9, unit="EUR", usd_value=3.3e9)) == "3 billion EUR (≈ 3.3 billion USD)"
    assert format_value(fig(value=272e12, unit="IDR")) == "272 trillion IDR"
    assert [format_period(p) for p in ("2023", "2025-Q1", "2024-01/2024-10", "2025-01", None)] == \
        ["2023", "Q1 2025", "Jan–Oct 2024", "Jan 2025", ""]
