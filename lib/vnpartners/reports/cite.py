"""Citations and links on a partner page: "VOV, May 2025, ¶20", linking to the article in the sources.

A citation names the article by its outlet (the file name when the articles table has none), the
date it was published (as precise as it is known; left out when unknown) and the paragraph number
as :func:`vnpartners.load_seeds` counts paragraphs (from 0, boilerplate included: the number in the
sentence id ``"{article_id}:{para_no}:{sent_no}"``). Never "nan", never an empty name.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pandas as pd

from .page import esc, human_date

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["article_labels", "anchor", "citation_text", "citation_html", "domain", "url_link", "url_links"]


def anchor(article_id: str) -> str:
    """The ``id`` of an article's entry in the sources list: safe in HTML, unique per article id."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", str(article_id))[:40].strip("-") or "article"
    return f"src-{slug}-{hashlib.sha256(str(article_id).encode('utf-8')).hexdigest()[:6]}"


def article_labels(corpus: "Corpus") -> pd.DataFrame:
    """One row per article: ``article_id``, ``name`` (outlet, else file name), ``when`` (publication
    date as precise as known, ``""`` if unknown), ``anchor``, ``title``, ``url``, ``outlet`` (``""`` if
    none), ``file``."""
    a = corpus.articles
    names = [str(o).strip() if isinstance(o, str) and str(o).strip() else str(f) for o, f in zip(a["outlet"], a["file"])]
    whens = [human_date(d, p if isinstance(p, str) else "day") for d, p in zip(a["published"], a["published_precision"])]
    return pd.DataFrame({
        "article_id": a["article_id"].astype(str),
        "name": names,
        "when": whens,
        "anchor": [anchor(x) for x in a["article_id"].astype(str)],
        "title": a["title"].fillna("").astype(str),
        "url": [u if isinstance(u, str) else "" for u in a["url"]],
        "outlet": [str(o).strip() if isinstance(o, str) else "" for o in a["outlet"]],
        "file": a["file"].astype(str),
    }).set_index("article_id", drop=False).rename_axis(None)


def _para_no(sentence_id: str) -> str:
    parts = str(sentence_id).rsplit(":", 2)
    return parts[1] if len(parts) == 3 else "?"


def citation_text(labels: pd.DataFrame, sentence_id: str) -> str:
    """``"VOV, May 2025, ¶20"`` for a sentence id (plain text)."""
    article_id = str(sentence_id).rsplit(":", 2)[0]
    if article_id not in labels.index:
        return f"{article_id}, ¶{_para_no(sentence_id)}"
    row = labels.loc[article_id]
    return ", ".join(x for x in (row["name"], row["when"], f"¶{_para_no(sentence_id)}") if x)


def citation_html(labels: pd.DataFrame, sentence_id: str) -> str:
    """The citation of one sentence as HTML: outlet and date link to the article in the sources list."""
    article_id = str(sentence_id).rsplit(":", 2)[0]
    if article_id not in labels.index:
        return esc(citation_text(labels, sentence_id))
    row = labels.loc[article_id]
    who = ", ".join(x for x in (row["name"], row["when"]) if x)
    return f"<a href='#{row['anchor']}'>{esc(who)}</a>, ¶{esc(_para_no(sentence_id))}"


def domain(url: Any) -> str:
    """The host of an address without ``www.`` (``"english.vov.vn"``); the text itself if it has none."""
    text = str(url).strip()
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        host = ""
    return host[4:] if host.startswith("www.") else host or text


def url_link(url: Any, text: str | None = None, title: str | None = None) -> str:
    """An ``<a>`` to ``url`` whose text is ``text`` or the address's domain (hover: ``title``, else
    the address); a value that is not an http(s) address is shown as escaped text, never as a link."""
    address = "" if url is None or (not isinstance(url, str) and pd.isna(url)) else str(url).strip()
    if not address:
        return ""
    label = esc(text if text else domain(address))
    if address.startswith(("http://", "https://")):
        return f"<a href='{esc(address)}' title='{esc(title or address)}'>{label}</a>"
    return label


def url_links(urls: list[str]) -> str:
    """Several addresses as domain links separated by " · " (duplicates once)."""
    return " · ".join(url_link(u) for u in dict.fromkeys(u for u in urls if u))
