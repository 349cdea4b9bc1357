"""The sources section of a partner page: every article cited, every address behind a reference row.

Articles are listed with outlet, title, publication date and address (link text: the domain), each
with the ``id`` the citations on the page link to. Reference rows (partners, partnership history,
trade) are grouped by address, each address once with everything it supports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .. import reference
from .cite import article_labels, domain, url_link
from .page import esc, events_for, figures_for, human_date, level_name, partnership_statements

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["cited_articles", "reference_sources", "sources_html"]


def cited_articles(corpus: "Corpus", iso3: str) -> pd.DataFrame:
    """The articles with a fact on this partner's page, in article order, with ``n_facts`` (rows of
    the partnerships, events and figures tables about the partner, of any modality)."""
    ids = pd.concat([partnership_statements(corpus, iso3)["article_id"], events_for(corpus, iso3)["article_id"],
                     figures_for(corpus, iso3)["article_id"]], ignore_index=True).astype(str)
    counts = ids.value_counts()
    labels = article_labels(corpus)
    out = labels[labels["article_id"].isin(counts.index)].copy()
    out["n_facts"] = out["article_id"].map(counts).astype(int)
    return out.sort_values("article_id", kind="stable").reset_index(drop=True)


def reference_sources(iso3: str) -> pd.DataFrame:
    """Every address behind the partner's reference rows: ``url`` and ``supports`` (what it is the
    source of, "; "-joined), one row per address, sorted by domain then address."""
    found: dict[str, list[str]] = {}

    def add(urls: object, what: str) -> None:
        for url in str(urls).split() if isinstance(urls, str) else []:
            found.setdefault(url, [])
            if what not in found[url]:
                found[url].append(what)

    partner = reference.partners().set_index("iso3").loc[iso3]
    add(partner["source_urls"], "level and relations")
    history = reference.partnership_history()
    for _, h in history[history["iso3"] == iso3].iterrows():
        add(h["source_urls"], f"{h['action']} {level_name(h['level'])} ({human_date(h['date'], h['date_precision'])})")
    trade = reference.trade()
    for _, t in trade[trade["partner_iso3"] == iso3].sort_values(["year", "period", "flow"], kind="stable").iterrows():
        period = "" if t["period"] == "FY" else f" {t['period']}"
        add(t["source_url"], f"trade {t['year']}{period} {t['flow']} ({t['reporter']})")
    out = pd.DataFrame({"url": list(found), "supports": ["; ".join(v) for v in found.values()]})
    if out.empty:
        return out
    out["_d"] = out["url"].map(domain)
    return out.sort_values(["_d", "url"], kind="stable").drop(columns="_d").reset_index(drop=True)


def sources_html(iso3: str, corpus: "Corpus | None" = None) -> str:
    """The articles cited (a table, each row the target of the page's citations) and the addresses
    behind the reference tables (a compact list)."""
    parts = []
    if corpus is not None:
        arts = cited_articles(corpus, iso3)
        if len(arts):
            rows = []
            for _, a in arts.iterrows():
                # an article without an address: its file, in the folder it was read from ("my_articles/x.txt")
                where = url_link(a["url"]) if a["url"] else f"file {esc(corpus.folder.name + '/' + a['file'])}"
                outlet = esc(a["outlet"]) or "<span class='vnp-note'>outlet not named</span>"
                rows.append(f"<tr id='{a['anchor']}'><td>{outlet}</td><td class='vnp-nowrap'>{esc(a['when']) or 'date unknown'}</td>"
                            f"<td lang='id'>{esc(a['title'])}</td><td>{where}</td><td class='vnp-num'>{a['n_facts']}</td></tr>")
            parts.append("<table class='vnp-table vnp-keep vnp-fixed'><colgroup><col style='width:14%'><col style='width:12%'>"
                         "<col style='width:45%'><col style='width:22%'><col style='width:7%'></colgroup>"
                         "<thead><tr><th>article</th><th>published</th>"
                         "<th>title</th><th>address</th><th class='vnp-num'>facts</th></tr></thead>"
                         f"<tbody>{''.join(rows)}</tbody></table>")
        else:
            parts.append("<p class='vnp-empty'>No article states anything about this partner.</p>")
    refs = reference_sources(iso3)
    if len(refs):
        items = "".join(f"<li>{url_link(r['url'])}: {esc(r['supports'])}</li>" for _, r in refs.iterrows())
        parts.append(f"<details class='vnp-fold'><summary>{len(refs)} addresses behind the reference tables (partners.csv, "
                     f"partnership_history.csv, trade.csv), each with what it supports</summary><ul class='vnp-refs'>{items}</ul></details>")
    return "".join(parts)
