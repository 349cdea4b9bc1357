"""Article metadata read from the text itself, for files the manifest does not describe.

- outlet: from the address of a ``Source:``/``Sumber:`` line (``vov.vn`` -> VOV), else from a wire
  dateline at the start of a paragraph ("TEMPO.CO, Jakarta -" -> Tempo), a byline credit
  ("Van Hieu/VOV" -> VOV) or an outlet name glued to a dateline ("VietnamPlus08/05/2025");
- url: the address on a ``Source:``/``Sumber:`` line;
- published: a dateline paragraph ("Jumat, 7 September 2018 10:47 WIB", "VietnamPlus08/05/2025"),
  precision ``day``; dates inside running text are events, not publication dates, and are not used;
- title: the first paragraph of kind ``title``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..facts.dates import MONTH_NUMBERS
from .paragraphs import is_dateline

__all__ = ["TextMeta", "meta_from_columns", "OUTLETS"]

# outlet name -> web domains and the spellings that name it in bylines and datelines
OUTLETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "VietnamPlus": (("vietnamplus.vn",), ("VietnamPlus",)),
    "VOV": (("vov.vn", "vovworld.vn"), ("VOV", "VOV.VN", "VOVWorld")),
    "VNA": (("vnanet.vn", "bnews.vn"), ("TTXVN",)),
    "Nhan Dan": (("nhandan.vn", "nhandan.com.vn"), ("Nhandan", "NDO")),
    "Vietnam.vn": (("vietnam.vn",), ()),
    "QDND": (("qdnd.vn",), ("QĐND", "QDND")),
    "Tempo": (("tempo.co",), ("TEMPO.CO", "Tempo.co", "TEMPO")),
    "Antara": (("antaranews.com",), ("ANTARA", "ANTARANEWS.COM", "Antaranews.com")),
    "Kompas": (("kompas.com", "kompas.id"), ("KOMPAS.com", "KOMPAS.COM", "Kompas.com", "KOMPAS")),
    "Detik": (("detik.com",), ("detikNews", "detikcom", "Detik.com")),
    "CNN Indonesia": (("cnnindonesia.com",), ("CNN Indonesia", "CNNIndonesia.com")),
    "Republika": (("republika.co.id",), ("REPUBLIKA.CO.ID", "Republika.co.id")),
    "Liputan6": (("liputan6.com",), ("Liputan6.com", "Liputan6")),
    "Kontan": (("kontan.co.id",), ("KONTAN.CO.ID", "Kontan.co.id")),
    "Bisnis Indonesia": (("bisnis.com",), ("Bisnis.com", "JIBI")),
    "Jakarta Post": (("thejakartapost.com",), ()),
}

_SOURCE_LINE = re.compile(r"^(?:Source|Sumber|Sumber berita)\s*:\s*(https?://\S+)\s*$", re.IGNORECASE)
_DOMAIN = re.compile(r"https?://(?:www\.)?([^/\s:]+)", re.IGNORECASE)
# "TEMPO.CO, Jakarta -", "Hanoi, VOV (VNA) -". The place's run of letters and spaces and the blanks
# after it are each taken whole ("*+"): written lazily ("[\w .]*?\s*") with a blank run after it, a
# line "Hanoi, A" with 2,000 spaces took 16 s (every split of the spaces between the two was tried)
_WIRE_DATELINE = re.compile(r"^([A-Za-z][\w.]*(?:\s[A-Z][\w.]*)?)\s*,\s*[A-Z][\w .]*+\s*+(?:\(([\w.]+)\))?\s*[-–—]\s")
_CREDIT = re.compile(r"[/|]\s*([\w.]+)\s*$")
# the lead's dateline prefix before the dash: "HANOI, KOMPAS.com - ", "Jakarta (ANTARA) - "
_LEAD_PREFIX = re.compile(r"^(.{2,60}?)\s*[-–—]{1,2}\s")
# Indonesian wire style: the news day in the lead, "Minggu (10/9/2023)"
_LEAD_DAY = re.compile(r"\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)\s*\((\d{1,2})/(\d{1,2})/(\d{4})\)")

_LONG_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})")
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


@dataclass(frozen=True)
class TextMeta:
    """Metadata found in one article's text; None where the text does not state it."""

    title: str | None
    outlet: str | None
    url: str | None
    published: pd.Timestamp | None


def _outlet_of_name(name: str) -> str | None:
    for outlet, (_, names) in OUTLETS.items():
        if name in names or name == outlet:
            return outlet
    return None


def _outlet_of_url(url: str) -> str | None:
    m = _DOMAIN.match(url)
    if not m:
        return None
    host = m.group(1).lower()
    for outlet, (domains, _) in OUTLETS.items():
        if any(host == d or host.endswith("." + d) for d in domains):
            return outlet
    return None


def _day(year: str, month: int | str, day: str) -> pd.Timestamp:
    """The day as a Timestamp; ValueError when there is no such day or the tables cannot hold it.

    (The tables hold dates from 1677 to 2262: a dateline "7 September 9999" is no publication date,
    and taking it would stop the whole load with pandas' OutOfBoundsDatetime.)
    """
    ts = pd.Timestamp(year=int(year), month=int(month), day=int(day))
    if not pd.Timestamp.min <= ts <= pd.Timestamp.max:
        raise ValueError(f"{ts.date()} is outside the dates the tables hold")
    return ts


def _date_in(text: str) -> pd.Timestamp | None:
    for m in _LONG_DATE.finditer(text):
        month = MONTH_NUMBERS.get(m.group(2).lower())
        if month:
            try:
                return _day(m.group(3), month, m.group(1))
            except ValueError:
                continue
    m = _ISO_DATE.search(text)
    if m:
        try:
            return _day(m.group(1), m.group(2), m.group(3))
        except ValueError:
            pass
    m = _NUMERIC_DATE.search(text)
    if m:  # Indonesian and Vietnamese pages write day/month/year
        try:
            return _day(m.group(3), m.group(2), m.group(1))
        except ValueError:
            pass
    return None


def meta_from_columns(kinds: list[str], texts: list[str]) -> TextMeta:
    """Metadata from one article's paragraph kinds and texts (parallel lists, in text order)."""
    title = next((t for k, t in zip(kinds, texts) if k == "title"), None)

    url = None
    for t in texts:
        m = _SOURCE_LINE.match(t)
        if m:
            url = m.group(1).rstrip(".,;)")
            break

    outlet = _outlet_of_url(url) if url else None
    if outlet is None:
        for t in texts:
            m = _WIRE_DATELINE.match(t)
            if m:
                outlet = _outlet_of_name(m.group(1)) or (_outlet_of_name(m.group(2)) if m.group(2) else None)
                if outlet:
                    break
    if outlet is None:
        outlet = _outlet_in_lead(kinds, texts)
    published = None
    for k, t in zip(kinds, texts):
        if k == "boilerplate" and is_dateline(t):
            published = _date_in(t)
            if outlet is None:
                glued = re.match(r"([A-Za-z][\w.]*?)\d", t)
                if glued:
                    name = glued.group(1)
                    # "VietnamPlusVietnamPlus08/05/2025": a name printed twice
                    half = len(name) // 2
                    if len(name) % 2 == 0 and name[:half] == name[half:]:
                        name = name[:half]
                    outlet = _outlet_of_name(name)
            if published is not None:
                break
    if outlet is None:
        for k, t in zip(kinds, texts):
            if k == "boilerplate":
                m = _CREDIT.search(t)
                if m and len(t) <= 60:
                    outlet = _outlet_of_name(m.group(1))
                    if outlet:
                        break
    if published is None:
        published = _lead_day(kinds, texts)
    return TextMeta(title=title, outlet=outlet, url=url, published=published)


def _outlet_in_lead(kinds: list[str], texts: list[str]) -> str | None:
    """An outlet named in the first body paragraph's dateline prefix ("HANOI, KOMPAS.com - ")."""
    for k, t in zip(kinds, texts):
        if k != "body":
            continue
        m = _LEAD_PREFIX.match(t)
        if m:
            # whole segments first ("CNN Indonesia"), then single words ("KOMPAS.com", "ANTARA")
            segments = [seg.strip() for seg in re.split(r"[,()]+", m.group(1))]
            for token in segments + re.split(r"[,()\s]+", m.group(1)):
                outlet = _outlet_of_name(token) if token else None
                if outlet:
                    return outlet
        return None  # only the lead paragraph carries the dateline
    return None


def _lead_day(kinds: list[str], texts: list[str]) -> pd.Timestamp | None:
    """The news day written in the lead in wire style, "Minggu (10/9/2023)": day/month/year."""
    for k, t in zip(kinds, texts):
        if k != "body":
            continue
        m = _LEAD_DAY.search(t)
        if m:
            try:
                return _day(m.group(3), m.group(2), m.group(1))
            except ValueError:
                return None
        return None
    return None
