"""Show a fact with the sentence that states it, the words that state it highlighted.

>>> import pandas as pd
>>> row = pd.Series({"article_id": "a", "sentence_id": "a:1:0", "metric": "trade_turnover", "partner_iso3": "RUS",
...                  "direction": "bilateral", "period": "2023", "value": 3.63e9, "unit": "USD", "qualifier": "exact",
...                  "surface": "3,63 miliar USD", "evidence": "Omzet <b> mencapai 3,63 miliar USD."})
>>> print(show_fact(row))
figure: trade_turnover RUS bilateral 2023 = 3630000000 USD (exact)
  Omzet <b> mencapai [3,63 miliar USD].
>>> "&lt;b&gt;" in show_fact(row)._repr_html_() and "<mark>3,63 miliar USD</mark>" in show_fact(row)._repr_html_()
True

``show_fact(row)`` takes one row (a ``Series`` or a ``dict``) of the partnerships, events, figures
or mentions table and returns a :class:`FactView`: ``str()`` is plain text with the matched words
in [brackets]; in a notebook it renders as HTML, every character of the source text escaped (a
``<script>`` in an article shows as text) and the matched words in ``<mark>``. What is highlighted:
the ``surface`` of an event, figure or mention; the level phrase of a partnership (found again with
:func:`vnpartners.partnerships.find_levels`) and the partner's country names when ``corpus`` is
given. A mentions row has no ``evidence`` column: pass ``corpus`` so its sentence can be found.
A row that states a plan or an aim says so after its summary ("planned: akan"), and its cue word
is highlighted too. With ``corpus``, a sentence of a seed shows the kit's English under it
(``data/seed_translations.csv``, :func:`vnpartners.reference.english_for_sentence`); an article a
user adds shows Indonesian alone.

:func:`modality_counts` counts the rows of the three fact tables by modality.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..facts.partnerships import find_levels

__all__ = ["FactView", "modality_counts", "show_fact"]


@dataclass(frozen=True)
class FactView:
    """A fact and its evidence sentence with highlighted spans (``[start, end)`` offsets in ``text``)."""

    summary: str
    text: str
    spans: tuple[tuple[int, int], ...]
    english: str | None = None  # the kit's translation of the sentence (seeds only)

    def _pieces(self) -> list[tuple[str, bool]]:
        out: list[tuple[str, bool]] = []
        pos = 0
        for a, b in self.spans:
            if a < pos:
                continue
            out.append((self.text[pos:a], False))
            out.append((self.text[a:b], True))
            pos = b
        out.append((self.text[pos:], False))
        return [p for p in out if p[0]]

    def __str__(self) -> str:
        body = "".join(f"[{t}]" if marked else t for t, marked in self._pieces())
        english = f"\n  English (the kit's translation): {self.english}" if self.english else ""
        return f"{self.summary}\n  {body}{english}"

    def __repr__(self) -> str:
        return str(self)

    def sentence_html(self) -> str:
        """The evidence sentence alone as HTML: every character escaped, matched words in <mark>."""
        return "".join(f"<mark>{html.escape(t)}</mark>" if marked else html.escape(t) for t, marked in self._pieces())

    def _repr_html_(self) -> str:
        body = self.sentence_html()
        english = (f'<div style="margin:-0.3em 0 0.6em 1em;color:#444;font-style:italic">{html.escape(self.english)} '
                   '<span style="font-style:normal;color:#777">(the kit\'s translation)</span></div>') if self.english else ""
        return (
            f'<div class="vnpartners-fact"><div><b>{html.escape(self.summary)}</b></div>'
            f'<blockquote style="margin:0.3em 0 0.6em 1em">{body}</blockquote>{english}</div>'
        )


def _get(row: Mapping[str, Any], key: str) -> Any:
    value = row.get(key) if hasattr(row, "get") else None
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _all_spans(text: str, needle: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if not needle:
        return spans
    start = text.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return spans


def _summary(row: Mapping[str, Any]) -> str:
    modality, cue = _get(row, "modality"), _get(row, "modality_cue")
    said = f" [{modality}: {cue}]" if modality not in (None, "stated") and cue is not None else (
        f" [{modality}]" if modality not in (None, "stated") else "")
    return _what(row) + said


def _what(row: Mapping[str, Any]) -> str:
    def fmt(*keys: str) -> str:
        return " ".join(str(_get(row, k)) for k in keys if _get(row, k) is not None)

    if _get(row, "level") is not None:
        return "partnership: " + fmt("partner_iso3", "level", "action", "year", "month")
    if _get(row, "metric") is not None:
        value = _get(row, "value")
        shown = f"{value:.15g}" if isinstance(value, float) else str(value)
        return (f"figure: {fmt('metric', 'partner_iso3', 'direction', 'period')} = {shown} "
                f"{fmt('unit')} ({fmt('qualifier')})")
    if _get(row, "kind") is not None and _get(row, "date") is not None:
        date = pd.Timestamp(_get(row, "date")).date().isoformat()
        end = _get(row, "date_end")
        when = date + (f" to {pd.Timestamp(end).date().isoformat()}" if end is not None else "")
        return f"event: {fmt('kind')} {when} ({fmt('precision')}) {fmt('countries')}"
    if _get(row, "iso3") is not None:
        return "mention: " + fmt("iso3", "country")
    return "fact"


def show_fact(row: pd.Series | Mapping[str, Any], corpus: Any = None) -> FactView:
    """A printable, notebook-renderable view of one fact row with its evidence (see the module doc)."""
    if isinstance(row, pd.DataFrame):
        if len(row) != 1:
            raise ValueError(f"show_fact takes one row; this frame has {len(row)} (use df.iloc[i])")
        row = row.iloc[0]
    text = _get(row, "evidence")
    sentences = getattr(corpus, "sentences", None)
    if text is None and sentences is not None and _get(row, "sentence_id") is not None:
        hit = sentences.loc[sentences["sentence_id"] == _get(row, "sentence_id"), "text"]
        text = str(hit.iloc[0]) if len(hit) else None
    if text is None:
        raise ValueError("this row has no 'evidence' column; pass corpus= so its sentence can be found")
    text = str(text)
    spans: list[tuple[int, int]] = []
    level = _get(row, "level")
    if level is not None:
        spans += [(m.start, m.end) for m in find_levels(text) if m.level == level]
        mentions = getattr(corpus, "mentions", None)
        partner = _get(row, "partner_iso3")
        if mentions is not None and partner is not None:
            ms = mentions.loc[(mentions["sentence_id"] == _get(row, "sentence_id")) & (mentions["iso3"] == partner), "surface"]
            for surface in sorted(set(map(str, ms))):
                spans += _all_spans(text, surface)
    else:
        surface = _get(row, "surface")
        if surface is not None:
            spans += _all_spans(text, str(surface))[:1]
    cue = _get(row, "modality_cue")
    if cue is not None and _get(row, "modality") not in (None, "stated"):
        first = min((a for a, _ in spans), default=len(text))
        before = [span for span in _all_spans(text, str(cue)) if span[1] <= first]
        spans += before[-1:]  # the cue nearest before the fact's words
    spans = sorted(set(spans))
    english = None
    if corpus is not None and _get(row, "sentence_id") is not None and getattr(corpus, "paragraphs", None) is not None:
        from ..reference.translations import english_for_sentence

        english = english_for_sentence(corpus, str(_get(row, "sentence_id")))
    return FactView(_summary(row), text, tuple(spans), english)


def modality_counts(corpus: Any) -> pd.DataFrame:
    """How many rows of each fact table state what happened, a plan, an aim.

    One row per modality (``stated``, ``planned``, ``aim``, in that order), one column per table
    (``partnerships``, ``events``, ``figures``), and a ``total`` row: numbers of rows.
    """
    from ..facts.modality import MODALITIES

    tables = ("partnerships", "events", "figures")
    counts = pd.DataFrame({name: getattr(corpus, name)["modality"].value_counts() for name in tables})
    counts = counts.reindex(list(MODALITIES)).fillna(0).astype(int)
    counts.loc["total"] = counts.sum()
    counts.index.name = "modality"
    return counts
