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
from bisect import bisect_right

import pandas as pd

from .paragraphs import _BREAKS

__all__ = [
    "sentence_spans",
    "split_sentences",
    "sentence_columns",
    "article_sentence_spans",
    "append_article_sentences",
    "NON_FINAL_ABBREVIATIONS",
]

# abbreviations that (almost) never end a sentence: they stand before a name, a number or a place
NON_FINAL_ABBREVIATIONS = frozenset(
    """Dr Drs Dra dr drg Prof Ir Ph St Sta No Nos Nr Jl Jln Gg Mr Mrs Ms Mt H Hj KH Tn Ny Nn Sdr Sdri Bpk Bp
    Kol Jend Letjen Mayjen Brigjen Kapt Lettu Letda Serka Kombes AKBP Komjen Irjen Brigjen Laksamana Marsekal
    Pdt Rm Rp Yth Moh Muh Mhd Abd Kec Kab Prov Kel Ds Kp RT RW Tel Telp Fax Hlm hlm vs cf ca approx Vol Ed
    s.d a.n u.p d.a s/d u.b q.q c.q e.g i.e Inc Co Corp Gen Lt Sgt Capt Sen Rep Gov Pres Rev Hon Ave Blvd""".split()
)

_BOUNDARY = re.compile(
    # "[.!?…][.!?…]*" is "[.!?…]+" written so the regex starts with a character set, which lets the
    # engine skip quickly to the next candidate (about twice as fast on running text).
    # Linear on any text: a match starts only at the first mark of a run (the look-behind: this mark
    # and the one before it are not both marks), and the runs of marks, closers and blanks are taken
    # whole (possessive "*+", "++": what follows each run can never be one of its characters, so
    # giving a character back could not help the match). Written as "[.!?…]+" alone, a run of 16,000
    # full stops with no blank after it was tried from each of its marks and shortened one mark at a
    # time: quadratic, 7 s; 2 MB never finished.
    r"([.!?…](?<![.!?…][.!?…])[.!?…]*+)([\"'”’»)\]]*+)(\s++)"
    r"(?!\((?:Foto|Photo|Ảnh|Sumber)\b)"  # a photo credit stays with its caption sentence
    r"(?=[\"“'‘«(\[]?[^\W_a-z]|[\"“'‘«(\[]?\d)"
)
# the same boundary whose blanks hold no line break (those of str.splitlines): within one paragraph it
# matches exactly where _BOUNDARY does, and it never runs from one paragraph into the next
assert _BOUNDARY.pattern.count(r"(\s++)") == 1
_BOUNDARY_IN_LINE = re.compile(_BOUNDARY.pattern.replace(r"(\s++)", rf"([^\S{_BREAKS}]++)"))
_LAST_TOKEN = re.compile(r"(\S+)$")
_ANY_END = re.compile(r"[.!?…]")
_BLANK = re.compile(r"\s")
_INITIAL = re.compile(r"(?:^|[\s(\"“'‘])(?:[A-Z]\.)*[A-Z]$")
_WORD_WINDOW = 64  # characters searched for the last plain space before a full stop


def _last_word_start_plain(text: str, start: int, stop: int) -> int:
    """Where the last run of non-blanks in ``text[start:stop]`` begins (``stop`` if it ends in a blank)."""
    first = stop
    while first > start and not text[first - 1].isspace():
        first -= 1
    return first


def _last_word_start(text: str, start: int, stop: int) -> int:
    """:func:`_last_word_start_plain`, found faster in a long sentence (a test compares the two).

    The last plain space among the last few characters first (a fast search); when there is none
    there, or another blank follows it, the plain step back one character at a time. (The search
    never looks further back than the window: in a sentence of tab-separated "Dr." with no plain
    space, every full stop made it scan the sentence so far, which is quadratic.)
    """
    space = text.rfind(" ", max(start, stop - _WORD_WINDOW), stop)
    if space >= 0 and not _BLANK.search(text, space + 1, stop):
        return space + 1
    return _last_word_start_plain(text, start, stop)


def _is_non_final(text: str, start: int, end: int, punct: str) -> bool:
    """True when the ``.`` at ``text[end]`` belongs to an abbreviation or an initial.

    ``text[start:end]`` is the text before it in the current sentence. Only the last word of that
    text is looked at (found from the right, so a long sentence costs no more than a short one).
    """
    if punct != ".":
        return False
    # the last run of non-blanks before `end` (like r"(\S+)$", whose "$" also matches before a final "\n")
    stop = end - 1 if end > start and text[end - 1] == "\n" else end
    first = _last_word_start(text, start, stop)
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


def article_sentence_spans(
    text: str, starts: list[int], ends: list[int]
) -> tuple[list[int], list[int], list[int]] | None:
    """Every sentence of an article's paragraphs, found with one scan of the article's text.

    ``starts``/``ends`` are the paragraphs' offsets as :func:`vnpartners.paragraphs.paragraph_spans`
    gives them: in order, each ``text[start:end]`` without surrounding whitespace, nothing but
    whitespace between them. Returns ``(cuts_para, cut_ends, cut_nexts)``: for each place where a
    paragraph is cut into two sentences (in text order), the paragraph's index, where the sentence
    ends and where the next one starts (offsets in ``text``); ``None`` when no paragraph is cut.
    The sentences are exactly :func:`sentence_spans` of each paragraph in turn:

    - the scan uses ``_BOUNDARY`` with blanks that hold no line break: the blanks between two
      paragraphs always hold one, so no match runs from a paragraph into the next (alone, the
      paragraph has no blank after its last character, and ``_BOUNDARY`` finds no boundary there);
    - a match within a paragraph sees the same characters as in the paragraph alone (blanks inside a
      paragraph hold no line break and are always followed by more of it), and the scan goes on from
      the same place;
    - the abbreviation check looks only between the sentence's start and the full stop.
    """
    cut_paras: list[int] = []
    cut_ends: list[int] = []
    cut_nexts: list[int] = []
    para_end = -1
    k = start = 0
    for m in _BOUNDARY_IN_LINE.finditer(text):
        at = m.start()
        if at >= para_end:  # the first boundary in a later paragraph (punctuation lies in a paragraph)
            k = bisect_right(starts, at) - 1
            start, para_end = starts[k], ends[k]
        after = m.end()
        if after > para_end:  # (cannot happen: the blanks between paragraphs hold a line break)
            continue
        if m.group(1) == "." and _is_non_final(text, start, at, "."):
            continue
        # never an empty sentence: the match starts at or after `start` and its punctuation comes first
        cut_paras.append(k)
        cut_ends.append(m.start(3))
        cut_nexts.append(after)
        start = after
    return (cut_paras, cut_ends, cut_nexts) if cut_paras else None


def append_article_sentences(
    columns: dict[str, list], article_id: str, text: str, pars: list[str], starts: list[int], ends: list[int]
) -> int:
    """Append one article's rows to the sentences table's ``columns`` (as :func:`sentence_columns`
    would give them for its paragraphs, numbered 0, 1, ...); return how many rows were added.

    ``pars``/``starts``/``ends`` are the article's paragraphs as
    :func:`vnpartners.paragraphs.paragraph_spans` cuts them from ``text`` (``pars[k] == text[starts[k]:ends[k]]``).
    """
    cuts = article_sentence_spans(text, starts, ends)
    if cuts is None:  # one sentence per paragraph: the paragraph itself
        n = len(pars)
        columns["sentence_id"] += [f"{article_id}:{k}:0" for k in range(n)]
        columns["article_id"] += [article_id] * n
        columns["para_no"] += range(n)
        columns["sent_no"] += [0] * n
        columns["text"] += pars
        columns["start"] += starts
        columns["end"] += ends
        return n
    # sentences as (paragraph, start, end, number in the paragraph); uncut paragraphs are whole
    para_of: list[int] = []
    s_starts: list[int] = []
    s_ends: list[int] = []
    s_nos: list[int] = []
    done = 0  # paragraphs before this one are already listed
    cut_paras, cut_ends, cut_nexts = cuts
    i, n_cuts = 0, len(cut_paras)
    while i < n_cuts:
        k = cut_paras[i]
        if k > done:
            para_of += range(done, k)
            s_starts += starts[done:k]
            s_ends += ends[done:k]
            s_nos += [0] * (k - done)
        start, no = starts[k], 0
        while i < n_cuts and cut_paras[i] == k:
            para_of.append(k)
            s_starts.append(start)
            s_ends.append(cut_ends[i])
            s_nos.append(no)
            start, no = cut_nexts[i], no + 1
            i += 1
        para_of.append(k)
        s_starts.append(start)
        s_ends.append(ends[k])
        s_nos.append(no)
        done = k + 1
    n = len(pars)
    if n > done:
        para_of += range(done, n)
        s_starts += starts[done:n]
        s_ends += ends[done:n]
        s_nos += [0] * (n - done)
    columns["sentence_id"] += [f"{article_id}:{k}:{no}" for k, no in zip(para_of, s_nos)]
    columns["article_id"] += [article_id] * len(para_of)
    columns["para_no"] += para_of
    columns["sent_no"] += s_nos
    # a whole paragraph is its own text object (as slicing it whole would give)
    columns["text"] += [
        pars[k] if s == starts[k] and e == ends[k] else text[s:e] for k, s, e in zip(para_of, s_starts, s_ends)
    ]
    columns["start"] += s_starts
    columns["end"] += s_ends
    return len(para_of)


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
