"""How well the fact rules read a folder of articles, measured against hand-made gold.

A *gold* folder holds what a careful reader takes out of each article (``gold/partnerships.csv``,
``figures.csv``, ``events.csv``, with the columns of the kit's gold files: ``file``, the fact's
fields, ``modality``, ``required``). :func:`score` compares the loader's tables with it and gives
one row per measure:

========================  ====================================================================
measure                   what it counts
========================  ====================================================================
partnerships_found        gold (article, partner, level) pairs the loader finds (recall)
partnership_year          of the gold rows with a year, those whose partner and level the loader
                          gives that same year (the row with the same action, if there is one)
figures_found             required trade and investment figures found (same value and unit)
figures_precision         loader figures that are real figures: they match a gold figure
figure_period             matched figures whose period is the one the text gives (gold period)
events_found              required dated events found (same date, precision and range end)
event_kind                of those, the ones whose kind is the gold one (no target: the gold's kinds
                          and the kit's are near but not the same list; it shows which act a date is
                          read as)
modality                  matched facts of all three kinds whose modality is the gold one
========================  ====================================================================

A figure matches a gold figure of the same article with the same unit and a value within 0.5 %
(one loader row per gold row, the closest period first). A figure the text does not date ("saat ini
memiliki 60 proyek") is dated by the article (``period_basis`` ``article_date``): its period is right
when it names the article's year or month and the gold does too, at either precision. :func:`figure_pairs`,
:func:`partnership_pairs`, :func:`event_pairs` (each gold row beside the loader row that answers it) and
:func:`missed` show the rows behind the numbers, for error analysis.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

__all__ = ["NEEDED", "Gold", "event_pairs", "figure_pairs", "figure_period_right", "missed", "partnership_pairs",
           "read_gold", "score"]

#: what each measure must reach (the kit's target on text it was not tuned to)
NEEDED: dict[str, float] = {
    "partnerships_found": 0.95,
    "partnership_year": 0.90,
    "figures_found": 0.90,
    "figures_precision": 0.90,
    "figure_period": 0.90,
    "events_found": 0.95,
}
_MONEY_METRICS = ("trade_turnover", "trade_growth", "exports", "imports", "investment_registered_capital",
                  "investment_projects")
_TABLES = ("partnerships", "figures", "events")


@dataclass(frozen=True)
class Gold:
    """A folder's gold tables (every column as text, ``article_id`` added from ``file``)."""

    partnerships: pd.DataFrame
    figures: pd.DataFrame
    events: pd.DataFrame


def read_gold(folder: Path | str) -> Gold:
    """The gold tables of ``folder`` (``folder/gold/*.csv``, or ``folder`` itself if it holds them).

    Missing optional columns (``modality``, ``required``, ``month`` ...) are added empty, with
    ``modality`` ``stated`` and ``required`` ``yes``.
    """
    base = Path(folder)
    if (base / "gold").is_dir():
        base = base / "gold"
    tables = {}
    for name in _TABLES:
        path = base / f"{name}.csv"
        if not path.is_file():
            raise FileNotFoundError(f"No gold table {path}: a gold folder holds partnerships.csv, figures.csv "
                                    "and events.csv.")
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        df["article_id"] = df["file"].str.replace(r"\.txt$", "", regex=True, case=False)
        for column, default in (("modality", "stated"), ("required", "yes"), ("month", ""), ("year", ""),
                                ("date_end", ""), ("usd_value", ""), ("qualifier", ""), ("period", "")):
            if column not in df.columns:
                df[column] = default
        df.loc[df["modality"] == "", "modality"] = "stated"
        tables[name] = df
    return Gold(**tables)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def figure_pairs(figures: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Gold figures and the loader figures they match, one row per gold figure.

    Columns: the gold row's ``article_id``, ``metric``, ``value``, ``unit``, ``period``,
    ``modality``, ``required``, ``surface``; then ``found`` (bool) and the matched loader row's
    ``found_index`` (its index in ``figures``), ``found_metric``, ``found_period``, ``found_modality``,
    ``found_surface``. A loader row matches at most one gold row.
    """
    used: set[int] = set()
    rows = []
    by_article = {aid: group for aid, group in figures.groupby("article_id", sort=False)}
    for g in gold.itertuples(index=False):
        cands = by_article.get(g.article_id)
        best = None
        if cands is not None:
            value = float(g.value)
            options = [(i, r) for i, r in cands.iterrows()
                       if i not in used and r["unit"] == g.unit and _close(float(r["value"]), value)]
            if options:
                # the same period first, then the same metric, then text order
                best = min(options, key=lambda o: (str(o[1]["period"]) != g.period, o[1]["metric"] != g.metric, o[0]))
        row = {"article_id": g.article_id, "metric": g.metric, "value": float(g.value), "unit": g.unit,
               "period": g.period, "modality": g.modality, "required": g.required, "surface": g.surface,
               "found": best is not None}
        if best is not None:
            i, r = best
            used.add(i)
            row.update(found_index=i, found_metric=r["metric"], found_period=r["period"],
                       found_basis=r.get("period_basis"), found_modality=r.get("modality", "stated"),
                       found_surface=r["surface"])
        rows.append(row)
    columns = ["article_id", "metric", "value", "unit", "period", "modality", "required", "surface", "found",
               "found_index", "found_metric", "found_period", "found_basis", "found_modality", "found_surface"]
    return pd.DataFrame(rows, columns=columns)


def partnership_pairs(partnerships: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Each gold partnership row with the loader row that answers it (same article, partner and level; the
    same action preferred, then a dated row).

    Columns: the gold row's ``article_id``, ``partner_iso3``, ``level``, ``action``, ``year`` (text, empty
    when the text gives none), ``modality``; then ``found`` (bool) and the loader row's ``found_index``
    (its index in ``partnerships``), ``found_action``, ``found_year`` (text), ``found_modality``."""
    rows = []
    for g in gold.itertuples(index=False):
        same = partnerships[(partnerships["article_id"] == g.article_id)
                            & (partnerships["partner_iso3"] == g.partner_iso3) & (partnerships["level"] == g.level)]
        pick = None
        if len(same):
            exact = same[same["action"] == g.action]
            pool = exact if len(exact) else same
            dated = pool[pool["year"].notna()]
            pick = (dated if len(dated) else pool).iloc[0]
        rows.append({"article_id": g.article_id, "partner_iso3": g.partner_iso3, "level": g.level,
                     "action": g.action, "year": g.year, "modality": g.modality, "found": pick is not None,
                     "found_index": None if pick is None else pick.name,
                     "found_action": None if pick is None else pick["action"],
                     "found_year": None if pick is None or pd.isna(pick["year"]) else str(int(pick["year"])),
                     "found_modality": None if pick is None else pick.get("modality", "stated")})
    return pd.DataFrame(rows, columns=["article_id", "partner_iso3", "level", "action", "year", "modality", "found",
                                       "found_index", "found_action", "found_year", "found_modality"])


def _as_period_text(value: object, precision: str) -> str:
    if value is None or pd.isna(value):
        return ""
    ts = pd.Timestamp(value)
    return {"year": f"{ts.year:04d}", "month": f"{ts.year:04d}-{ts.month:02d}"}.get(precision, ts.strftime("%Y-%m-%d"))


def event_pairs(events: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Each gold event with the loader event of that article on that date (same precision, and the same
    end for a range; the same kind preferred).

    Columns: the gold row's ``article_id``, ``date``, ``date_end`` (text at the gold's precision),
    ``kind``, ``modality``, ``required``; then ``found`` (bool) and the loader row's ``found_index`` (its
    index in ``events``), ``found_kind``, ``found_modality``."""
    rows = []
    for g in gold.itertuples(index=False):
        same = events[(events["article_id"] == g.article_id) & (events["precision"] == g.precision)]
        pick = None
        for _, e in same.iterrows():
            if _as_period_text(e["date"], g.precision) == g.date and _as_period_text(e["date_end"], g.precision) == g.date_end:
                pick = e
                if e["kind"] == g.kind:
                    break
        rows.append({"article_id": g.article_id, "date": g.date, "date_end": g.date_end, "kind": g.kind,
                     "modality": g.modality, "required": g.required, "found": pick is not None,
                     "found_index": None if pick is None else pick.name,
                     "found_kind": None if pick is None else pick["kind"],
                     "found_modality": None if pick is None else pick.get("modality", "stated")})
    return pd.DataFrame(rows, columns=["article_id", "date", "date_end", "kind", "modality", "required", "found",
                                       "found_index", "found_kind", "found_modality"])


def figure_period_right(pairs: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """Whether each matched figure of :func:`figure_pairs` carries the gold period (a figure the loader dated
    by its article, ``found_basis`` ``article_date``: the article's year or month, at either precision)."""
    published = dict(zip(articles["article_id"], articles["published"]))
    right = []
    for row in pairs.itertuples(index=False):
        ok = row.found_period == row.period
        if not ok and row.found_basis == "article_date":
            date = published.get(row.article_id)
            if date is not None and not pd.isna(date):
                same = {f"{date.year:04d}", f"{date.year:04d}-{date.month:02d}"}
                ok = row.found_period in same and row.period in same
        right.append(ok)
    return pd.Series(right, index=pairs.index, dtype=bool)


def _ratio(hits: int, total: int) -> float:
    return float("nan") if total == 0 else hits / total


def score(corpus: object, gold: Gold) -> pd.DataFrame:
    """One row per measure (see the module doc): ``measure``, ``hits``, ``total``, ``value`` (hits/total),
    ``needed`` (the target, NaN where there is none) and ``met``. Only the articles the gold names count."""
    articles = set(gold.partnerships["article_id"]) | set(gold.figures["article_id"]) | set(gold.events["article_id"])
    articles &= set(corpus.articles["article_id"])  # type: ignore[attr-defined]
    pa = corpus.partnerships[corpus.partnerships["article_id"].isin(articles)]  # type: ignore[attr-defined]
    fi = corpus.figures[corpus.figures["article_id"].isin(articles)]  # type: ignore[attr-defined]
    ev = corpus.events[corpus.events["article_id"].isin(articles)]  # type: ignore[attr-defined]

    pm = partnership_pairs(pa, gold.partnerships)
    keys = pm.drop_duplicates(["article_id", "partner_iso3", "level"])
    dated = pm[(pm["year"] != "") & (pm["action"] != "mentioned")]
    fp = figure_pairs(fi, gold.figures)
    required = fp[(fp["required"] == "yes") & fp["metric"].isin(_MONEY_METRICS)]
    matched = fp[fp["found"]]
    with_period = matched[matched["period"] != ""]
    em = event_pairs(ev, gold.events)
    req_events = em[em["required"] == "yes"]
    modal = pd.concat([pm.loc[pm["found"], ["modality", "found_modality"]],
                       matched[["modality", "found_modality"]], em.loc[em["found"], ["modality", "found_modality"]]])

    rows = [
        ("partnerships_found", int(keys["found"].sum()), len(keys)),
        ("partnership_year", int((dated["found_year"] == dated["year"]).sum()), len(dated)),
        ("figures_found", int(required["found"].sum()), len(required)),
        ("figures_precision", len(matched), len(fi)),
        ("figure_period", int(figure_period_right(with_period, corpus.articles).sum()), len(with_period)),  # type: ignore[attr-defined]
        ("events_found", int(req_events["found"].sum()), len(req_events)),
        ("event_kind", int((req_events["found"] & (req_events["found_kind"] == req_events["kind"])).sum()),
         int(req_events["found"].sum())),
        ("modality", int((modal["modality"] == modal["found_modality"]).sum()), len(modal)),
    ]
    out = pd.DataFrame(rows, columns=["measure", "hits", "total"])
    out["value"] = [_ratio(h, t) for h, t in zip(out["hits"], out["total"])]
    out["needed"] = out["measure"].map(NEEDED).astype(float)
    out["met"] = out["value"] >= out["needed"].fillna(0)
    return out


def _wrong_period(pairs: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    dated = pairs[pairs["found"] & (pairs["period"] != "")]
    return dated[~figure_period_right(dated, articles)]


def missed(corpus: object, gold: Gold) -> dict[str, pd.DataFrame]:
    """The rows behind each shortfall: gold facts not found, figures with another period, loader
    figures that match no gold figure, facts with another modality (for error analysis)."""
    articles = set(gold.figures["article_id"]) | set(gold.events["article_id"]) | set(gold.partnerships["article_id"])
    fi = corpus.figures[corpus.figures["article_id"].isin(articles)]  # type: ignore[attr-defined]
    pa = corpus.partnerships[corpus.partnerships["article_id"].isin(articles)]  # type: ignore[attr-defined]
    ev = corpus.events[corpus.events["article_id"].isin(articles)]  # type: ignore[attr-defined]
    fp = figure_pairs(fi, gold.figures)
    pm = partnership_pairs(pa, gold.partnerships)
    em = event_pairs(ev, gold.events)
    matched_index = set(fp.loc[fp["found"], "found_index"].astype(int))
    return {
        "partnerships_not_found": pm[~pm["found"]],
        "partnership_wrong_year": pm[pm["found"] & (pm["year"] != "") & (pm["action"] != "mentioned")
                                     & (pm["found_year"] != pm["year"])],
        "figures_not_found": fp[~fp["found"]],
        "figures_wrong_period": _wrong_period(fp, corpus.articles),  # type: ignore[attr-defined]
        "figures_not_in_gold": fi[~fi.index.isin(matched_index)],
        "events_not_found": em[~em["found"] & (em["required"] == "yes")],
        "modality_differs": pd.concat([
            pm.loc[pm["found"] & (pm["modality"] != pm["found_modality"])].assign(table="partnerships"),
            fp.loc[fp["found"] & (fp["modality"] != fp["found_modality"])].assign(table="figures"),
            em.loc[em["found"] & (em["modality"] != em["found_modality"])].assign(table="events"),
        ], ignore_index=True),
    }
