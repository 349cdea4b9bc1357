"""Evidence on a partner page: the clause that carries a fact, and the whole sentence on demand.

A row of the page shows the clause (the sentence cut at ";" and ":", as the fact rules cut it) that
holds the matched words, highlighted; a clause longer than :data:`CLAUSE_CHARS` is trimmed around
them with "…". The whole sentence, its English (from :mod:`vnpartners.reference.translations`,
seeds only) and its citation open in a ``<details>`` element, so nothing is lost and the page
stays short. Every character of article text is escaped.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..facts.context import clauses
from ..lessons.evidence import show_fact
from .cite import citation_html

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["CLAUSE_CHARS", "Evidence", "evidence_of", "marked_html", "clause_html", "details_html"]

#: the longest clause shown in full; longer ones are trimmed around the highlighted words
CLAUSE_CHARS = 170

_CREDIT = re.compile(r"\s*\((?:Foto|Photo|Sumber|Source)\b")

Evidence = tuple[str, str, tuple[tuple[int, int], ...]]  # (sentence_id, sentence text, highlighted spans)


def _partner_codes(iso3: str) -> set[str]:
    """A partner's codes in the mentions table: Russia is also named as the Soviet Union (SUN)."""
    return {iso3, "SUN"} if iso3 == "RUS" else {iso3}


def evidence_of(row: pd.Series, corpus: "Corpus", iso3: str | None = None) -> Evidence:
    """The sentence of a fact row and the spans to highlight: what the fact rule matched (the date,
    the number, the level phrase) and, with ``iso3``, every name of that partner in the sentence."""
    view = show_fact(row, corpus)
    spans = list(view.spans)
    sid = str(row["sentence_id"])
    if iso3 is not None and row.get("level") is None:
        m = corpus.mentions
        hits = m[(m["sentence_id"] == sid) & m["iso3"].isin(_partner_codes(iso3))]
        if len(hits):
            start = int(corpus.sentences.loc[corpus.sentences["sentence_id"] == sid, "start"].iloc[0])
            spans += [(int(a) - start, int(b) - start) for a, b in zip(hits["start"], hits["end"])]
    spans = sorted({(a, b) for a, b in spans if 0 <= a < b <= len(view.text)})
    return sid, view.text, tuple(spans)


def marked_html(text: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]], lo: int = 0, hi: int | None = None) -> str:
    """``text[lo:hi]`` escaped, the spans inside it in ``<mark>``."""
    hi = len(text) if hi is None else hi
    out, pos = [], lo
    for a, b in sorted(spans):
        a, b = max(a, lo), min(b, hi)
        if a < pos or a >= b:
            continue
        out.append(html.escape(text[pos:a]))
        out.append(f"<mark>{html.escape(text[a:b])}</mark>")
        pos = b
    out.append(html.escape(text[pos:hi]))
    return "".join(out)


def clause_bounds(text: str, focus: tuple[int, int]) -> tuple[int, int]:
    """The clause of ``text`` that holds the start of ``focus``, trimmed to :data:`CLAUSE_CHARS`
    around it at word boundaries (leading and trailing spaces and commas dropped)."""
    a, b = next(((x, y) for x, y in clauses(text) if x <= focus[0] < y), (0, len(text)))
    if b - a > CLAUSE_CHARS:
        centre = (focus[0] + focus[1]) // 2
        lo = max(a, min(centre - CLAUSE_CHARS // 2, b - CLAUSE_CHARS))
        hi = min(b, lo + CLAUSE_CHARS)
        if lo > a:
            lo = text.find(" ", lo, focus[0]) + 1 or lo
        if hi < b:
            cut = text.rfind(" ", focus[1], hi)
            hi = cut if cut > 0 else hi
        a, b = lo, hi
    credit = _CREDIT.search(text, focus[1], b)  # a photo credit "(Foto: VNA)" after the match adds nothing
    if credit:
        b = credit.start()
    while a < b and text[a] in " ,;:":
        a += 1
    while b > a and text[b - 1] in " ,;:":
        b -= 1
    return a, b


def clause_html(evidence: Evidence, focus: tuple[int, int] | None = None) -> str:
    """The clause of the evidence that holds ``focus`` (default: the first highlighted span), with
    its highlights, "…" where text was left out."""
    _, text, spans = evidence
    if not text:
        return ""
    focus = focus or (spans[0] if spans else (0, 0))
    a, b = clause_bounds(text, focus)
    before = "…" if a > 0 else ""
    after = "…" if b < len(text.rstrip(" .")) and not _CREDIT.match(text, b) else ""
    return f"<span lang='id'>{before}{marked_html(text, spans, a, b)}{after}</span>"


def details_html(corpus: "Corpus", labels: pd.DataFrame, items: list[Evidence], *, lead: str = "") -> str:
    """A ``<details>`` whose summary cites every source of a row ("VOV, May 2025, ¶3; ...") and
    whose body gives, per source, the whole sentence (highlighted) and its English where the kit
    has one. ``lead`` goes before the citations (e.g. "2 sources:")."""
    from ..reference.translations import english_for_sentence

    seen: dict[str, Evidence] = {}
    for item in items:
        seen.setdefault(item[0], item)
    cites = "; ".join(citation_html(labels, sid) for sid in seen)
    body = []
    for sid, text, spans in seen.values():
        english = english_for_sentence(corpus, sid)
        en = f"<div class='vnp-en' lang='en'>{html.escape(english)}</div>" if english else ""
        body.append(f"<div class='vnp-sentence'><div class='vnp-cite'>{citation_html(labels, sid)}</div>"
                    f"<div lang='id'>{marked_html(text, spans)}</div>{en}</div>")
    return f" <details class='vnp-more'><summary>{lead}{cites}</summary>{''.join(body)}</details>"


def first_span_of(evidence: Evidence, needle: Any) -> tuple[int, int] | None:
    """Where ``needle`` (e.g. a date's surface) first occurs in the evidence sentence, if at all."""
    if needle is None or (not isinstance(needle, str) and pd.isna(needle)):
        return None
    at = evidence[1].find(str(needle))
    return (at, at + len(str(needle))) if at >= 0 else None


def appendix_html(corpus: "Corpus", sentence_ids: list[str]) -> str:
    """Every evidence sentence of the page once, by article and paragraph, with its English: the
    print edition's appendix (hidden on screen, where each row opens its own sentences). The body's
    citations ("VOV, May 2025, ¶3") point into it."""
    from ..reference.translations import english_for_sentence
    from .cite import article_labels, citation_text

    labels = article_labels(corpus)
    text_of = dict(zip(corpus.sentences["sentence_id"], corpus.sentences["text"]))

    def order(sid: str) -> tuple[str, int, int]:
        article, para, sent = sid.rsplit(":", 2)
        return article, int(para), int(sent)

    items = []
    for sid in sorted(set(sentence_ids), key=order):
        english = english_for_sentence(corpus, sid)
        en = f"<div class='vnp-en' lang='en'>{html.escape(english)}</div>" if english else ""
        items.append(f"<div class='vnp-sentence'><div class='vnp-cite'>{html.escape(citation_text(labels, sid))}</div>"
                     f"<div lang='id'>{html.escape(str(text_of.get(sid, '')))}</div>{en}</div>")
    if not items:
        return ""
    return (f"<section class='vnp-appendix'><h2>Evidence sentences</h2><p class='vnp-note'>The {len(items)} sentences "
            "cited above, in article order, each with the kit's English where the article is one of its seeds.</p>"
            f"{''.join(items)}</section>")
