"""Cut paragraphs into sentences, with exact offsets.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (possibly repeated and followed by closing quotes or
brackets: ``."``, ``.”``, ``?)``) when whitespace follows and the next text starts like a sentence
(a capital letter, a digit, an opening quote or bracket). It does not end:

- inside numbers ("3,63", "1.500") or joined forms ("GSBezdetko", "s.d.", "Vietnam.vn"): no whitespace follows;
- after an ellipsis or an abbreviation followed by a lower-case word ("pendidikan... dibangun", "dll. melalui");
- after titles and abbreviations that precede a name or number ("Dr.", "St. Petersburg", "No. 5", "Prof.",
  "Jl.", "s.d.") or after an initial ("Aleksandr V. Fomin").
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["sentence_spans", "split_sentences", "NON_FINAL_ABBREVIATIONS"]

# abbreviations that (almost) never end a sentence: they stand before a name, a number or a place
NON_FINAL_ABBREVIATIONS = frozenset(
    """Dr Drs Dra dr drg Prof Ir Ph St Sta No Nos Nr Jl Jln Gg Mr Mrs Ms Mt H Hj KH Tn Ny Nn Sdr Sdri Bpk Bp
    Kol Jend Letjen Mayjen Brigjen Kapt Lettu Letda Serka Kombes AKBP Komjen Irjen Brigjen Laksamana Marsekal
    Pdt Rm Rp Yth Moh Muh Mhd Abd Kec Kab Prov Kel Ds Kp RT RW Tel Telp Fax Hlm hlm vs cf ca approx Vol Ed
    s.d a.n u.p d.a s/d u.b q.q c.q e.g i.e Inc Co Corp Gen Lt Sgt Capt Sen Rep Gov Pres Rev Hon Ave Blvd""".split()
)

_BOUNDARY = re.compile(
    r"([.!?…]+)([\"'”’»)\]]*)(\s+)"
    r"(?!\((?:Foto|Photo|Ảnh|Sumber)\b)"  # a photo credit stays with its caption sentence
    r"(?=[\"“'‘«(\[]?[^\W_a-z]|[\"“'‘«(\[]?\d)"
)
_LAST_TOKEN = re.compile(r"(\S+)$")
_INITIAL = re.compile(r"(?:^|[\s(\"“'‘])(?:[A-Z]\.)*[A-Z]$")


def _is_non_final(before: str, punct: str) -> bool:
    """True when the ``.`` that follows ``before`` belongs to an abbreviation or an initial."""
    if punct != ".":
        return False
    m = _LAST_TOKEN.search(before)
    if not m:
        return False
    token = m.group(1).lstrip("\"“'‘(«[")
    if token in NON_FINAL_ABBREVIATIONS or token.rstrip(".") in NON_FINAL_ABBREVIATIONS:
        return True
    # a single capital letter (an initial) or a run of them: "V.", "G.S."
    return bool(_INITIAL.search(before))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (a paragraph), relative to ``text``.

    Spans are in order, do not overlap, hold no leading or trailing whitespace, and cover every
    non-blank character of ``text``.
    """
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for m in _BOUNDARY.finditer(text):
        if _is_non_final(text[start : m.start()], m.group(1)):
            continue
        end = m.start(3)
        if end > start:
            spans.append((start, end))
        start = m.end()
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


def split_sentences(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The sentences table's rows for a paragraphs table (every paragraph, any kind).

    Columns: ``sentence_id`` (``"{article_id}:{para_no}:{sent_no}"``); ``article_id``; ``para_no``;
    ``sent_no`` (0, 1, ... within the paragraph); ``text``; ``start``/``end`` (offsets in the file's
    text, like the paragraph's).
    """
    ids: list[str] = []
    arts: list[str] = []
    paras: list[int] = []
    nos: list[int] = []
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for art, para_no, ptext, pstart in zip(
        paragraphs["article_id"], paragraphs["para_no"], paragraphs["text"], paragraphs["start"]
    ):
        for sent_no, (s, e) in enumerate(sentence_spans(ptext)):
            ids.append(f"{art}:{para_no}:{sent_no}")
            arts.append(art)
            paras.append(int(para_no))
            nos.append(sent_no)
            texts.append(ptext[s:e])
            starts.append(int(pstart) + s)
            ends.append(int(pstart) + e)
    return pd.DataFrame(
        {
            "sentence_id": ids,
            "article_id": arts,
            "para_no": paras,
            "sent_no": nos,
            "text": texts,
            "start": starts,
            "end": ends,
        }
    )
