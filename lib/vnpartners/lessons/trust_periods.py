"""When a fact happened, and what a perfect score proves (lesson 04): periods, a translation slip, a bound.

* :func:`period_rules` scores the kit's rule for a fact's year or period beside a naive one (the year the
  article was published) on a gold set; :func:`naive_periods` and :func:`dated_two_ways` give the two
  rules' periods for a chart (``trust.plot_periods``);
* :func:`past_date_plans` lists the rows the kit reads as statements although their sentence says "akan"
  (will): the period had already passed when the article appeared, a slip of news written in translation;
* :func:`miss_rate_upper_bound`: how many misses a perfect score on n facts can still hide.

Reached as ``trust.period_rules`` and so on.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from .trust import WRONG_PERIOD, GoldSet, outcomes

__all__ = ["dated_two_ways", "miss_rate_upper_bound", "naive_periods", "past_date_plans", "period_rules"]


def naive_periods(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """The period a naive rule gives each figure: the year its article was published (``YYYY``; NA when
    the article has no date). The kit's own rule reads the date the sentence gives (``period``)."""
    published = dict(zip(articles["article_id"], articles["published"]))
    years = [published.get(a) for a in figures["article_id"]]
    return pd.Series([pd.NA if y is None or pd.isna(y) else f"{y.year:04d}" for y in years],
                     index=figures.index, dtype="string")


def dated_two_ways(corpus: Any, metric: str = "trade_turnover", partner: str | None = None) -> pd.DataFrame:
    """The stated US-dollar figures of one ``metric`` (and ``partner``), each dated by the kit's rule and by
    the naive rule (:func:`naive_periods`), for :func:`plot_periods`.

    Columns: ``article_id``, ``sentence_id``, ``surface``, ``value_bn`` (billion USD), ``kit_period``
    (the kit's ``period``), ``naive_period``; in text order.
    """
    from ..facts.modality import stated

    fi = stated(corpus.figures)
    fi = fi[(fi["metric"] == metric) & (fi["unit"] == "USD")]
    if partner is not None:
        fi = fi[fi["partner_iso3"] == partner]
    return pd.DataFrame({"article_id": fi["article_id"], "sentence_id": fi["sentence_id"], "surface": fi["surface"],
                         "value_bn": fi["value"].astype(float) / 1e9, "kit_period": fi["period"],
                         "naive_period": naive_periods(fi, corpus.articles)}).reset_index(drop=True)


def period_rules(gs: GoldSet) -> pd.DataFrame:
    """The kit's rule for a fact's year or period beside the naive "year = publication year", scored on the gold.

    One row per (rule, what): ``rule`` (``the kit's rule``, ``publication year``), ``what`` (``partnership
    years``: gold partnerships with a year and an action, found by the kit; ``figure periods``: gold
    figures with a period, found by the kit), ``right``, ``total`` and ``share`` (right / total). The
    naive rule gets the benefit of the doubt the kit gets: a figure the gold dates to the publication
    month counts as right at year precision too.
    """
    facts = outcomes(gs)
    published = dict(zip(gs.corpus.articles["article_id"], gs.corpus.articles["published"]))
    rows = []
    # partnership years
    pa = facts[(facts["table"] == "partnerships") & facts["outcome"].isin(["right", "found, with an error"])]
    gold_pa = gs.gold.partnerships
    kit_right = naive_right = total = 0
    for r in pa.itertuples():
        g = gold_pa.loc[int(r.gold_index)]
        if g["year"] == "" or g["action"] == "mentioned":
            continue
        total += 1
        kit_right += WRONG_PERIOD not in str(r.errors)
        date = published.get(r.article_id)
        naive_right += date is not None and not pd.isna(date) and f"{date.year:04d}" == g["year"]
    rows += [("the kit's rule", "partnership years", kit_right, total),
             ("publication year", "partnership years", naive_right, total)]
    # figure periods
    fi = facts[(facts["table"] == "figures") & facts["outcome"].isin(["right", "found, with an error"])]
    gold_fi = gs.gold.figures
    kit_right = naive_right = total = 0
    for r in fi.itertuples():
        g = gold_fi.loc[int(r.gold_index)]
        if g["period"] == "":
            continue
        total += 1
        kit_right += WRONG_PERIOD not in str(r.errors)
        date = published.get(r.article_id)
        if date is not None and not pd.isna(date):
            naive_right += g["period"] in {f"{date.year:04d}", f"{date.year:04d}-{date.month:02d}"}
    rows += [("the kit's rule", "figure periods", kit_right, total),
             ("publication year", "figure periods", naive_right, total)]
    out = pd.DataFrame(rows, columns=["rule", "what", "right", "total"])
    out["share"] = [r / t if t else math.nan for r, t in zip(out["right"], out["total"])]
    return out


def miss_rate_upper_bound(n: int, confidence: float = 0.95) -> float:
    """The highest miss rate still consistent, at ``confidence``, with finding all of ``n`` facts.

    If the kit missed a share *p* of such facts, the chance of finding all ``n`` is (1 − p)ⁿ; the bound is
    the *p* at which that chance falls to 1 − ``confidence``: 1 − (1 − confidence)^(1/n), close to 3/n for
    95 % (the "rule of three"). ``n`` must be a positive whole number.
    """
    if isinstance(n, bool) or int(n) != n or n < 1:
        raise ValueError(f"n must be a positive whole number of facts, not {n!r}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie between 0 and 1, not {confidence!r}")
    return 1 - (1 - confidence) ** (1 / int(n))


# ----------------------------------------------------------------------------- translation: "akan" of a past period
def past_date_plans(corpus: Any) -> pd.DataFrame:
    """The rows the kit reads as statements although their sentence says "akan" (will) or another plan
    word: the period or date had already passed when the article was published.

    Columns: ``table``, ``article_id``, ``sentence_id``, ``what`` (year, period or date of the row),
    ``modality`` (always ``stated``), ``modality_cue`` (the plan word and "(a past date)"), ``evidence``.
    """
    rows = []
    for table, when in (("partnerships", "year"), ("figures", "period"), ("events", "date")):
        t = getattr(corpus, table)
        hit = t[t["modality_cue"].astype("string").str.endswith("(a past date)", na=False)]
        for _, r in hit.iterrows():
            value = r[when]
            shown = pd.Timestamp(value).date().isoformat() if table == "events" else (
                str(int(value)) if table == "partnerships" else str(value))
            rows.append({"table": table, "article_id": r["article_id"], "sentence_id": r["sentence_id"], "what": shown,
                         "modality": r["modality"], "modality_cue": r["modality_cue"], "evidence": r["evidence"]})
    return pd.DataFrame(rows, columns=["table", "article_id", "sentence_id", "what", "modality", "modality_cue",
                                       "evidence"])
