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

__all__ = ["sentence_spans", "split_sentences", "sentence_columns", "NON_FINAL_ABBREVIATIONS"]

# abbreviations that (almost) never end a sentence: they stand before a name, a number or a place
NON_FINAL_ABBREVIATIONS = frozenset(
    """Dr Drs Dra dr drg Prof Ir Ph St Sta No Nos Nr Jl Jln Gg Mr Mrs Ms Mt H Hj KH Tn Ny Nn Sdr Sdri Bpk Bp
    Kol Jend Letjen Mayjen Brigjen Kapt Lettu Letda Serka Kombes AKBP Komjen Irjen Brigjen Laksamana Marsekal
    Pdt Rm Rp Yth Moh Muh Mhd Abd Kec Kab Prov Kel Ds Kp RT RW Tel Telp Fax Hlm hlm vs cf ca approx Vol Ed
    s.d a.n u.p d.a s/d u.b q.q c.q e.g i.e Inc Co Corp Gen Lt Sgt Capt Sen Rep Gov Pres Rev Hon Ave Blvd""".split()
)

_BOUNDARY = re.compile(
    # "[.!?…][.!?…]*" is "[.!?…]+" written so the regex starts with a character set, which lets the
    # engine skip quickly to the next candidate (about twice as fast on running text)
    r"([.!?…][.!?…]*)([\"'”’»)\]]*)(\s+)"
    r"(?!\((?:Foto|Photo|Ảnh|Sumber)\b)"  # a photo credit stays with its caption sentence
    r"(?=[\"“'‘«(\[]?[^\W_a-z]|[\"“'‘«(\[]?\d)"
)
_LAST_TOKEN = re.compile(r"(\S+)$")
_ANY_END = re.compile(r"[.!?…]")
_INITIAL = re.compile(r"(?:^|[\s(\"“'‘])(?:[A-Z]\.)*[A-Z]$")


def _is_non_final(text: str, start: int, end: int, punct: str) -> bool:
    """True when the ``.`` at ``text[end]`` belongs to an abbreviation or an initial.

    ``text[start:end]`` is the text before it in the current sentence. Only the last word of that
    text is looked at (found from the right, so a long sentence costs no more than a short one).
    """
    if punct != ".":
        return False
    # the last run of non-blanks before `end` (like r"(\S+)$", whose "$" also matches before a final "\n")
    stop = end - 1 if end > start and text[end - 1] == "\n" else end
    first = stop
    while first > start and not text[first - 1].isspace():
        first -= 1
    if first == stop:
        return False
    token = text[first:stop].lstrip("\"“'‘(«[")
    if token in NON_FINAL_ABBREVIATIONS or token.rstrip(".") in NON_FINAL_ABBREVIATIONS:
        return True
    # a single capital letter (an initial) or a run of them: "V.", "G.S."; the match lies within the
    # last word and the character before it (an extra "^" at a blank there cannot match)
    return bool(_INITIAL.search(text[max(start, first - 1) : end]))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (a paragraph), relative to ``text``.

    Spans are in order, do not overlap, hold no leading or trailing whitespace, and cover every
    non-blank character of ``text``.
    """
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    if not _ANY_END.search(text):  # no sentence-final punctuation at all: one sentence (or none)
        end = len(text.rstrip())
        return [(start, end)] if end > start else spans
    for m in _BOUNDARY.finditer(text):
        if _is_non_final(text, start, m.start(), m.group(1)):
            continue
        end = m.start(3)
        if end > start:
            spans.append((start, end))
        start = m.end()
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


def sentence_columns(
    article_ids: list[str], para_nos: list[int], texts: list[str], starts: list[int]
) -> dict[str, list]:
    """The sentences table's columns (plain lists) for paragraphs given as parallel lists."""
    ids: list[str] = []
    arts: list[str] = []
    paras: list[int] = []
    nos: list[int] = []
    out_texts: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    for art, para_no, ptext, pstart in zip(article_ids, para_nos, texts, starts):
        para_no = int(para_no)
        pstart = int(pstart)
        spans = sentence_spans(ptext)
        n = len(spans)
        ids += [f"{art}:{para_no}:{sent_no}" for sent_no in range(n)]
        arts += [art] * n
        paras += [para_no] * n
        nos += range(n)
        out_texts += [ptext[s:e] for s, e in spans]
        out_starts += [pstart + s for s, _ in spans]
        out_ends += [pstart + e for _, e in spans]
    return {
        "sentence_id": ids,
        "article_id": arts,
        "para_no": paras,
        "sent_no": nos,
        "text": out_texts,
        "start": out_starts,
        "end": out_ends,
    }


def split_sentences(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The sentences table's rows for a paragraphs table (every paragraph, any kind).

    Columns: ``sentence_id`` (``"{article_id}:{para_no}:{sent_no}"``); ``article_id``; ``para_no``;
    ``sent_no`` (0, 1, ... within the paragraph); ``text``; ``start``/``end`` (offsets in the file's
    text, like the paragraph's).
    """
    return pd.DataFrame(
        sentence_columns(
            paragraphs["article_id"].tolist(),
            paragraphs["para_no"].tolist(),
            paragraphs["text"].tolist(),
            paragraphs["start"].tolist(),
        )
    )
