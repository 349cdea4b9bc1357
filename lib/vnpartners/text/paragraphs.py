"""Cut an article's text into paragraphs and say what each one is.

A paragraph is a non-empty run of text between line breaks, with surrounding whitespace left out
(offsets still index the file's text exactly); a line of only zero-width characters is none. Each
paragraph gets a ``kind``:

- ``title``: the first heading-like line (short, no sentence-final punctuation, not a byline or a label)
  and later sub-headings of the same shape;
- ``caption``: a photo caption, e.g. ending "(Foto: VNA)" / "(Photo: ...)" / "(ANTARA FOTO/...)", or a
  sentence followed by the bare credit of a news agency ("... 2018. Vietnam News");
- ``boilerplate``: everything that is not the article's own running text: image file names, "Baca:",
  "Baca juga ...", "Baca Selengkapnya", "Iklan", "Advertising", "Komentar (0)", "Foto:", "No data",
  bylines ("Budi Riza", "Van Hieu/VOV", "REUTERS | TASS"), "Pilihan editor: ...", datelines
  ("Jumat, 7 September 2018 10:47 WIB", "VietnamPlusVietnamPlus08/05/2025"), "6 jam lalu",
  "Source:"/"Sumber:" lines, site headers, lines mostly in Vietnamese, one- or two-word navigation
  labels, and everything from a related-news / footer marker ("Berita terkait", "Dalam topik yang
  sama", "Artikel terkait", "Komentar (n)" ...) to the end of the article;
- ``body``: all other running text (including "- Nota Kesepahaman ..." list items and lead-ins ending ":").

``is_duplicate`` is True for the second and later copies of the same text (case and spacing ignored)
in one article, whatever their kind.

The rules are general rules of Indonesian online news pages, not keyed to any particular article.
"""

from __future__ import annotations

import re
from itertools import accumulate

import pandas as pd

from ..facts.vocabulary import MONTH_NAMES, WEEKDAYS_ID
from .reading import has_visible_text

__all__ = ["KINDS", "FACT_KINDS", "classify", "classify_plain", "is_dateline", "is_dateline_plain", "normalise",
           "paragraph_spans", "split_paragraphs"]

KINDS = ("title", "body", "caption", "boilerplate")
FACT_KINDS = ("title", "body", "caption")

# line breaks as str.splitlines knows them; a paragraph never crosses one
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_PARAGRAPH = re.compile(rf"[^\s](?:[^{_BREAKS}]*[^\s])?")
_SPACES = re.compile(r"\s+")

# --- footer / related-news markers: this paragraph and everything after it is boilerplate
_FOOTER = re.compile(
    r"(?:Berita|Artikel|Baca|Topik|Video)\s+(?:terkait|lainnya|terpopuler|pilihan)"
    r"|Dalam\s+(?:topik|kategori)\s+yang\s+sama|Dari\s+penulis\s+yang\s+sama"
    r"|Komentar\s*\(\d+\)|Tulis\s+komentar|Berita\s+terbaru|Terpopuler|Rekomendasi\s+untuk\s+anda"
    r"|Related\s+(?:news|articles?)|Read\s+more\s+news",
    re.IGNORECASE,
)

# --- one-paragraph boilerplate rules
_IMAGE_FILE = re.compile(r"[\w.%~+-]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif)(?:\?\S*)?", re.IGNORECASE)
_READ_MORE = re.compile(
    r"(?:Baca(?:\s+[Jj]uga)?|Lihat\s+[Jj]uga|Simak\s+[Jj]uga|Simak|Read\s+also)\s*:.*"
    r"|Baca\s+(?:[Jj]uga|Selengkapnya|[Ll]ebih\s+[Ll]anjut|[Bb]erita)\b.*"
    r"|Baca|Read\s+more|Selengkapnya",
    re.DOTALL,
)
_ADS = re.compile(
    r"Iklan|Advertising|Advertisement|ADVERTISEMENT|Sponsored|Konten\s+(?:Bersponsor|Sponsor)"
    r"|Scroll\s+(?:to|untuk)\s+(?:continue|melanjutkan)(?:\s+with\s+content)?|Gulir\s+untuk\s+melanjutkan.*",
    re.IGNORECASE,
)
_LABEL_LINE = re.compile(
    r"(?:Foto|Photo|Video|Editor|Penulis|Reporter|Redaktur|Pewarta|Penyunting|Sumber|Source"
    r"|Pilihan\s+[Ee]ditor|Tag|Tags|Topik|Kata\s+kunci|Copyright|Hak\s+cipta)\s*:.*"
    r"|(?:Foto|Photo|Video|Editor|Penulis|Reporter|Redaktur|Pewarta|Penyunting)"
    r"|(?:©|\(c\)|Copyright|COPYRIGHT|Hak\s+[Cc]ipta|HAK\s+CIPTA).*"
    r"|No\s+data|No\s+videos?\s+available|Tidak\s+ada\s+data|Belum\s+ada\s+komentar.*"
    r"|\(\s*[a-z]{2,4}(?:\s*/\s*[a-z]{2,4})+\s*\)",  # editors' initials closing a story: "(rds/bac)"
    re.DOTALL,
)
_RELATIVE_TIME = re.compile(
    r"(?:\d+|se|satu)\s*(?:detik|menit|jam|hari|minggu|pekan|bulan|tahun)\s+(?:yang\s+)?lalu"
    r"|(?:\d+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?)\s+ago|Baru\s+saja|Kemarin",
    re.IGNORECASE,
)
# month names with an optional full stop ("Sept."), and weekdays: from the vocabulary of dates
_MONTHS = rf"(?:{'|'.join(sorted((n for names in MONTH_NAMES for n in names), key=len, reverse=True))})\.?"
_DAYS = rf"(?:{'|'.join(WEEKDAYS_ID)})"
_DATE_IN_LINE = re.compile(
    rf"(?:{_DAYS},?\s*)?\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|(?:pukul\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:WIB|WITA|WIT|GMT[+-]?\d*|\(GMT[+-]\d+\))?"
    rf"|\b{_DAYS}\b|\b(?:WIB|WITA|WIT)\b",
    re.IGNORECASE,
)
_SITE_HEADER = re.compile(
    r"(?:[\w-]+\.)+(?:vn|com|co|id|net|org|info|news)(?:\.[a-z]{2})?\s*[-–—|:].*", re.IGNORECASE | re.DOTALL
)
_URL_ONLY = re.compile(r"(?:https?://|www\.)\S+")
# letters of Vietnamese that Indonesian never uses
_VIETNAMESE = re.compile(
    r"[ăâđêôơưĂÂĐÊÔƠƯ"
    r"ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
    r"ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TOKEN = re.compile(r"\S+")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]*(?![\w'’-])")
_ASCII_LOWER = re.compile(r"[a-z]+")

# --- bylines: a bare name, or names joined by "/" or "|" ("Van Hieu/VOV", "REUTERS | TASS")
_NAME_TOKEN = r"(?:[A-Z][\w'’.-]*|[A-Z]{2,})"
_SLASH_BYLINE = re.compile(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,4}}(?:\s*[/|]\s*{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})+")
_BARE_NAME = re.compile(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}")

# --- captions
_AGENCIES = (
    r"(?:Vietnam\s+News(?:\s+Agency)?|VNA|TTXVN|VNS|VOV|VietnamPlus|Reuters|REUTERS|AFP|AP|Antara|ANTARA"
    r"|ANTARA\s+FOTO(?:/[^\s].*)?|TASS|Xinhua|XINHUA|Kyodo|Bernama|Sputnik|Getty\s+Images|EPA|Yonhap"
    r"|Tempo|TEMPO(?:/.*)?|Kompas|KOMPAS(?:/.*)?|Istimewa|Dok\.?\s*\w*)"
)
_CAPTION_CREDIT = re.compile(
    r".*\((?:Foto|Photo|Ảnh|Sumber\s+foto|Foto\s+ilustrasi|Ilustrasi|ANTARA\s+FOTO|AP\s+Photo|Reuters)"
    r"\b[^()]*\)\s*\.?",
    re.IGNORECASE | re.DOTALL,
)
_CAPTION_AGENCY = re.compile(rf".*[.!?)]\s+{_AGENCIES}\s*\.?", re.DOTALL)

# --- headings
_SENTENCE_END = re.compile(r"[.!?…:;,\"”’')\]]$")
_LIST_ITEM = re.compile(r"[-–—•*·●▪►]\s*|\d+[.)]\s")

# --- the same rules, written for speed (each gives exactly the answer of the rule it stands for)
def _scoped(rule: re.Pattern[str]) -> str:
    """``rule`` as a group carrying its own flags, to sit in an alternation with other rules."""
    letters = ("i" if rule.flags & re.IGNORECASE else "") + ("s" if rule.flags & re.DOTALL else "")
    return f"(?{letters}:{rule.pattern})"


def _at_end(rule: re.Pattern[str]) -> re.Pattern[str]:
    """A rule ``.*X`` matched in full (DOTALL) is the same as finding ``X`` at the very end."""
    assert rule.pattern.startswith(".*") and rule.flags & re.DOTALL
    return re.compile(rule.pattern[2:] + r"\Z", rule.flags)


# the one-paragraph boilerplate rules
_BOILERPLATE_LINES = (_IMAGE_FILE, _READ_MORE, _ADS, _LABEL_LINE, _RELATIVE_TIME, _URL_ONLY, _SITE_HEADER)
# any of the one-paragraph boilerplate rules, in one pass (an alternation matched in full is
# matched in full by one of its branches)
_ANY_BOILERPLATE_LINE = re.compile(
    "|".join(_scoped(r) for r in _BOILERPLATE_LINES)
)
# the footer marker or any one-paragraph boilerplate rule (which of them: ask _FOOTER)
_FOOTER_OR_BOILERPLATE_LINE = re.compile(_scoped(_FOOTER) + "|" + _ANY_BOILERPLATE_LINE.pattern)
_CAPTION_CREDIT_END = _at_end(_CAPTION_CREDIT)
_CAPTION_AGENCY_END = _at_end(_CAPTION_AGENCY)
# is there any date in the line (the optional parts of _DATE_IN_LINE left out: same yes/no, fewer tries)
_ANY_DATE_DIGITS = (
    rf"\d(?:\d?\s+{_MONTHS}\s+\d{{4}}|\d?[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{3}}-\d{{2}}-\d{{2}}|\d?[:.]\d{{2}})"
)
_TIME_ZONES = ("WIB", "WITA", "WIT")
_DATE_WORDS = (*WEEKDAYS_ID, *_TIME_ZONES)
_ANY_DATE_WORDS = rf"\b{_DAYS}\b|\b(?:{'|'.join(_TIME_ZONES)})\b"
_ANY_DATE = re.compile(f"{_ANY_DATE_DIGITS}|{_ANY_DATE_WORDS}", re.IGNORECASE)
# its two halves: the first starts with a digit (the engine skips to digits); the words are also
# looked for as plain lower-case text in ASCII lines (where that is what IGNORECASE matches)
_ANY_DATE_DIGITS_RE = re.compile(_ANY_DATE_DIGITS, re.IGNORECASE)
_ANY_DATE_WORDS_RE = re.compile(_ANY_DATE_WORDS, re.IGNORECASE)
_DATE_WORDS_LOWER = tuple(dict.fromkeys(w.lower() for w in _DATE_WORDS))
_END_CHARS = frozenset(".!?…:;,\"”’')]")


def _ends_like_sentence(par: str) -> bool:
    """``_SENTENCE_END.search(par)`` without scanning the line: its "$" is the end or a final newline."""
    if not par:
        return False
    if par[-1] in _END_CHARS:
        return True
    return par[-1] == "\n" and len(par) > 1 and par[-2] in _END_CHARS


def normalise(text: str) -> str:
    """Text compared for duplicates: case-folded, runs of whitespace made one space."""
    # str.split() and the regex \s agree on what whitespace is (both use str.isspace)
    return " ".join(text.split()).casefold()


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every paragraph: non-blank runs between line breaks, surrounding spaces left out.

    A line that holds only invisible characters (zero-width spaces, direction marks: see
    :data:`vnpartners.text.reading.INVISIBLE`) and blanks is not a paragraph: nothing in it shows.
    """
    return [m.span() for m in _PARAGRAPH.finditer(text) if m.group().isascii() or has_visible_text(m.group())]


def _paragraphs(text: str) -> tuple[list[str], list[int], list[int]]:
    """``(texts, starts, ends)`` of the paragraphs :func:`paragraph_spans` finds, found line by line.

    ``str.splitlines`` breaks at the same characters as ``_BREAKS`` ("\\r\\n" is one break) and
    ``str.strip`` drops what ``\\s`` matches, so the stripped non-empty lines are the paragraphs;
    each line's offset is the sum of the lengths (line ends included) of the lines before it.
    """
    lines = text.splitlines(True)
    stripped = list(map(str.strip, lines))
    offsets = list(accumulate(map(len, lines), initial=0))
    # a line with nothing that shows (blank, or only zero-width characters) is no paragraph
    keep = [i for i, par in enumerate(stripped) if par and (par.isascii() or has_visible_text(par))]
    pars = [stripped[i] for i in keep]
    starts = [
        offsets[i] + (len(lines[i]) - len(lines[i].lstrip()) if lines[i][0].isspace() else 0) for i in keep
    ]
    ends = [start + len(par) for start, par in zip(starts, pars)]
    return pars, starts, ends


def _mostly_vietnamese(par: str) -> bool:
    if not _VIETNAMESE.search(par):  # no Vietnamese letter at all: the usual case, decided in one scan
        return False
    return _mostly_vietnamese_plain(par)


def _has_date(par: str) -> bool:
    """``_ANY_DATE.search(par) is not None``: one of its alternatives matches somewhere in ``par``."""
    if _ANY_DATE_DIGITS_RE.search(par):
        return True
    if par.isascii():
        # in ASCII text IGNORECASE matches ASCII letters of either case only, so each day or zone
        # word that the regex finds is in the lower-cased line
        low = par.lower()
        for word in _DATE_WORDS_LOWER:
            if word in low:
                break
        else:
            return False
    return _ANY_DATE_WORDS_RE.search(par) is not None


def is_dateline(par: str) -> bool:
    """True for a short line that is a date (and time) with at most a short outlet name around it."""
    if len(par) > 90 or not _has_date(par):
        return False
    rest = _DATE_IN_LINE.sub(" ", par)
    # what is left besides the date: at most a short outlet name / separators
    return len(_TOKEN.findall(rest)) <= 3 and not re.search(r"[.!?]\s|[.!?]$", rest.strip())


class _LowerVocab:
    """``word in vocab``: is ``word`` one of the article's lower-case words (``_LOWER_WORD``)?

    The same answers as ``frozenset(_LOWER_WORD.findall(joined))``, found lazily: the first few
    words asked about are each looked up with one fast literal search of the text; only an article
    that asks about many words gets its whole vocabulary listed (once).
    """

    __slots__ = ("_paragraphs", "_joined", "_words", "_answers")
    _MAX_LOOKUPS = 16

    def __init__(self, paragraphs: list[str]) -> None:
        self._paragraphs = paragraphs
        self._joined: str | None = None
        self._words: frozenset[str] | None = None
        self._answers: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        if self._words is not None:
            return word in self._words
        answer = self._answers.get(word)
        if answer is not None:
            return answer
        if self._joined is None:
            self._joined = "\n".join(self._paragraphs)
        if len(self._answers) >= self._MAX_LOOKUPS:
            self._words = frozenset(_LOWER_WORD.findall(self._joined))
            return word in self._words
        if not _ASCII_LOWER.fullmatch(word):
            answer = False  # every vocabulary word is a run of a-z
        else:
            # the word standing alone, as _LOWER_WORD finds it: the literal first (a fast scan),
            # then "not after a word character, apostrophe or hyphen" as a look-behind over it
            standalone = re.escape(word) + rf"(?<![\w'’-]{re.escape(word)})(?![\w'’-])"
            answer = re.search(standalone, self._joined) is not None
        self._answers[word] = answer
        return answer


def _is_byline(par: str, lower_vocab: frozenset[str] | _LowerVocab) -> bool:
    if len(par) > 80:
        return False
    # (a slash byline holds "/" or "|"; both kinds start with a capital A-Z)
    if not ("A" <= par[:1] <= "Z"):
        return False
    if ("/" in par or "|" in par) and _SLASH_BYLINE.fullmatch(par):
        return True
    if _BARE_NAME.fullmatch(par):
        # a line of 2-4 capitalised words is a name unless its words are ordinary words of this article
        words = [w.casefold().strip(".") for w in par.split()]
        return not any(w in lower_vocab for w in words)
    return False


# --- the rules as written, one at a time: what a paragraph's kind means. classify() below gives
# exactly their answers, faster (tests/test_loader_batch.py compares the two on generated text)
def _mostly_vietnamese_plain(par: str) -> bool:
    words = _WORD.findall(par)
    if not words:
        return False
    viet = sum(1 for w in words if _VIETNAMESE.search(w))
    return viet >= 2 and viet * 3 >= len(words) or (len(words) <= 2 and viet >= 1)


def is_dateline_plain(par: str) -> bool:
    """:func:`is_dateline` as written: a line of at most 90 characters with a date, and little else."""
    if len(par) > 90 or not _ANY_DATE.search(par):
        return False
    rest = _DATE_IN_LINE.sub(" ", par)
    return len(_TOKEN.findall(rest)) <= 3 and not re.search(r"[.!?]\s|[.!?]$", rest.strip())


def _is_byline_plain(par: str, lower_vocab: frozenset[str]) -> bool:
    if len(par) > 80:
        return False
    if _SLASH_BYLINE.fullmatch(par):
        return True
    if _BARE_NAME.fullmatch(par):
        # a line of 2-4 capitalised words is a name unless its words are ordinary words of this article
        words = [w.casefold().strip(".") for w in par.split()]
        return not any(w in lower_vocab for w in words)
    return False


def _boilerplate_plain(par: str, lower_vocab: frozenset[str]) -> bool:
    return (
        any(rule.fullmatch(par) for rule in _BOILERPLATE_LINES)
        or _mostly_vietnamese_plain(par)
        or is_dateline_plain(par)
        or _is_byline_plain(par, lower_vocab)
        # one- or two-word navigation labels ("Berita", "Sistem Politik", "Editor")
        or (len(par.split()) <= 2 and not _SENTENCE_END.search(par) and not _LIST_ITEM.match(par))
    )


def _caption_plain(par: str) -> bool:
    return bool(_CAPTION_CREDIT.fullmatch(par) or _CAPTION_AGENCY.fullmatch(par))


def _heading_plain(par: str) -> bool:
    return (
        len(par) <= 160
        and not _SENTENCE_END.search(par)
        and not _LIST_ITEM.match(par)
        and 3 <= len(par.split()) <= 20
        and _starts_like_heading(par)
    )


def classify_plain(paragraphs: list[str]) -> list[str]:
    """The ``kind`` of each paragraph, by the rules as written (slow; :func:`classify` gives the same)."""
    vocab = frozenset(_LOWER_WORD.findall("\n".join(paragraphs)))
    kinds, in_footer = [], False
    for par in paragraphs:
        in_footer = in_footer or bool(_FOOTER.fullmatch(par))
        if in_footer or _boilerplate_plain(par, vocab):
            kinds.append("boilerplate")
        elif _caption_plain(par):
            kinds.append("caption")
        elif _heading_plain(par):
            kinds.append("title")
        else:
            kinds.append("body")
    return kinds


def classify(paragraphs: list[str]) -> list[str]:
    """The ``kind`` of each paragraph of one article (see the module docstring for the rules)."""
    # the rules of classify_plain, in the same order, written out in one loop:
    # the footer marker and the one-line boilerplate rules are one regex (a paragraph matching it is
    # boilerplate; only then is the footer marker itself asked about), cheap tests go first (length,
    # last character, "(" present, ASCII-only text has no Vietnamese letter) and none is repeated
    lower_vocab = _LowerVocab(paragraphs)
    kinds: list[str] = []
    append = kinds.append
    in_footer = False
    footer_or_line = _FOOTER_OR_BOILERPLATE_LINE.fullmatch
    footer = _FOOTER.fullmatch
    credit_end = _CAPTION_CREDIT_END.search
    agency_end = _CAPTION_AGENCY_END.search
    list_item = _LIST_ITEM.match
    end_chars = _END_CHARS
    for par in paragraphs:
        if in_footer:
            append("boilerplate")
            continue
        if footer_or_line(par):
            if footer(par):
                in_footer = True
            append("boilerplate")
            continue
        n = len(par)
        if (
            (not par.isascii() and _mostly_vietnamese(par))
            or (n <= 90 and is_dateline(par))
            or (n <= 80 and _is_byline(par, lower_vocab))
        ):
            append("boilerplate")
            continue
        # _ends_like_sentence(par)
        last = par[-1:]
        ends_like_sentence = last in end_chars if last else False
        if not ends_like_sentence and last == "\n" and n > 1:
            ends_like_sentence = par[-2] in end_chars
        if not ends_like_sentence and len(par.split(None, 2)) <= 2 and not list_item(par):
            append("boilerplate")  # a one- or two-word navigation label
        elif ("(" in par and credit_end(par)) or agency_end(par):
            append("caption")
        elif (
            n <= 160
            and not ends_like_sentence
            and not list_item(par)
            and 3 <= len(par.split(None, 20)) <= 20
            and _starts_like_heading(par)
        ):
            append("title")
        else:
            append("body")
    return kinds


def _starts_like_heading(par: str) -> bool:
    first = par.lstrip("\"“'‘(")[:1]
    return first.isupper() or first.isdigit()


def paragraph_columns(text: str) -> tuple[list[str], list[str], list[bool], list[int], list[int]]:
    """One article's paragraphs as plain lists: ``(texts, kinds, is_duplicate, starts, ends)``.

    The same rows as :func:`split_paragraphs` without building a DataFrame (the loader builds one
    table for the whole folder).
    """
    pars, starts, ends = _paragraphs(text)
    kinds = classify(pars)
    seen: set[str] = set()
    dup: list[bool] = []
    for p in pars:
        # a paragraph starts and ends with a non-blank; when its only blanks are single spaces
        # (isprintable: no tab, line break or other Unicode space), normalise(p) is p.casefold()
        key = p.casefold() if p.isprintable() and "  " not in p else normalise(p)
        dup.append(key in seen)
        seen.add(key)
    return pars, kinds, dup, starts, ends


def split_paragraphs(article_id: str, text: str) -> pd.DataFrame:
    """The paragraphs table's rows for one article.

    Columns: ``article_id``; ``para_no`` (0, 1, ... in text order); ``kind`` (title/body/caption/
    boilerplate); ``is_duplicate`` (a later copy of an earlier paragraph's text); ``text``;
    ``start``/``end`` (offsets in ``text``: ``text[start:end]`` is the paragraph).
    """
    pars, kinds, dup, starts, ends = paragraph_columns(text)
    return pd.DataFrame(
        {
            "article_id": [article_id] * len(pars),
            "para_no": range(len(pars)),
            "kind": kinds,
            "is_duplicate": dup,
            "text": pars,
            "start": starts,
            "end": ends,
        }
    )
