"""Read one article file: its bytes' SHA-256 and its text, decoded strictly as UTF-8.

The decoded text is the reference for every offset the kit hands out: a leading BOM is dropped,
line endings (LF, CRLF, CR) are kept exactly as read, nothing else is changed, so
``text[start:end]`` is a row's text for every paragraph, sentence and mention.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..errors import CorpusError

__all__ = ["ArticleText", "EmptyArticleWarning", "read_article", "decode_article", "wide_encoding", "has_visible_text"]

# control characters that never occur in a text file (tab, LF, VT, FF, CR and ESC excluded)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_BINARY_SHARE = 0.10  # more than this share of control bytes: not a text file
# the same bytes as a deletion table: counting them is len(data) - len(data.translate(None, ...)),
# which is the number of _CONTROL matches (one byte each) in a fast pass
_CONTROL_BYTES = bytes(b for b in range(256) if _CONTROL.fullmatch(bytes([b])))
_BOM = "\ufeff"
# byte-order marks of the wider Unicode encodings (UTF-32's little-endian mark starts like UTF-16's)
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32", "little-endian"),
    (b"\x00\x00\xfe\xff", "UTF-32", "big-endian"),
    (b"\xff\xfe", "UTF-16", "little-endian"),
    (b"\xfe\xff", "UTF-16", "big-endian"),
)
_WIDE_CODECS = (("utf-32-le", "UTF-32", "little-endian"), ("utf-32-be", "UTF-32", "big-endian"),
                ("utf-16-le", "UTF-16", "little-endian"), ("utf-16-be", "UTF-16", "big-endian"))
_SNIFF_BYTES = 4096  # how much of a file is looked at to recognise UTF-16/32 text without a mark
_TEXT_SHARE = 0.95  # at least this share of printable characters (or tab, line break) makes it text
# ... and at least this share of ASCII characters (Indonesian text is mostly ASCII; bytes of other data
# read two at a time give characters from all over Unicode, so a stray NUL byte is not taken for UTF-16)
_ASCII_SHARE = 0.5
# the format characters (Unicode category Cf) that show nothing: soft hyphen, zero-width space, joiners
# and non-joiners, direction marks and embeddings, word joiner and invisible operators, BOM, annotation
# marks, tags. (Cf also holds marks drawn with a glyph, such as the Arabic number sign U+0600: not these.)
INVISIBLE_RANGES = (
    (0x00AD, 0x00AD), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064),
    (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)
INVISIBLE = "".join(chr(c) for lo, hi in INVISIBLE_RANGES for c in range(lo, hi + 1))
_VISIBLE = re.compile(f"[^\\s{re.escape(INVISIBLE)}]")


class EmptyArticleWarning(UserWarning):
    """An article file is empty or holds only whitespace or invisible characters; it is loaded with no paragraphs."""


@dataclass(frozen=True)
class ArticleText:
    """One article file as read: ``name`` (file name), ``text`` (decoded), ``sha256`` (of the bytes)."""

    path: Path
    name: str
    text: str
    sha256: str


def wide_encoding(data: bytes) -> tuple[str, str, bool] | None:
    """``(encoding, byte order, has a byte-order mark)`` when ``data`` is UTF-16 or UTF-32 text, else None.

    With a byte-order mark the mark says it. Without one, the start of the file is decoded in each
    of the four forms (UTF-32 first: its text would also decode as UTF-16, with NUL characters);
    the form that gives text (no NUL, almost only printable characters, mostly ASCII, as Indonesian
    text is) is the file's encoding.
    Text in these encodings has NUL bytes beside every ASCII letter, so data without a NUL byte
    is only looked at for its mark.
    """
    for bom, encoding, order in _WIDE_BOMS:
        if data.startswith(bom):
            return encoding, order, True
    sample = data[:_SNIFF_BYTES]
    if b"\x00" not in sample:
        return None
    for codec, encoding, order in _WIDE_CODECS:
        try:
            text = codecs.getincrementaldecoder(codec)("strict").decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        if text and "\x00" not in text:
            readable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r")
            ascii_share = sum(1 for ch in text if ch < "\x80")
            if readable >= _TEXT_SHARE * len(text) and ascii_share >= _ASCII_SHARE * len(text):
                return encoding, order, False
    return None


def _wide_encoding_advice(name: str, encoding: str, order: str, bom: bool) -> str:
    how = "it starts with a byte-order mark" if bom else f"{order}, without a byte-order mark"
    source = encoding.lower() if bom else encoding.lower() + ("le" if order == "little-endian" else "be")
    return (
        f"{name}: this file is {encoding} text ({how}), and the kit reads UTF-8. Convert it, e.g. "
        f"`iconv -f {source} -t utf-8 {name} > fixed.txt`, or choose 'UTF-8' when saving it in your editor."
    )


def has_visible_text(text: str) -> bool:
    """True when ``text`` holds a character that shows: not a blank, not an invisible format
    character (``INVISIBLE``: U+200B ZERO WIDTH SPACE, U+200D ZERO WIDTH JOINER, U+FEFF ...)."""
    return _VISIBLE.search(text) is not None


def decode_article(data: bytes, name: str) -> str:
    """Decode ``data`` (the bytes of file ``name``) strictly as UTF-8 and drop one leading BOM.

    Raises :class:`CorpusError` for text in another Unicode encoding (UTF-16 or UTF-32, with or
    without a byte-order mark: the message names it and how to convert the file), for binary data
    (NUL bytes or mostly control characters) and for bytes that are not UTF-8 (the message gives
    the byte offset and how to re-save the file).
    """
    wide = wide_encoding(data)
    if wide is not None:
        raise CorpusError(_wide_encoding_advice(name, *wide))
    nul = data.find(b"\x00")
    if nul >= 0:
        raise CorpusError(
            f"{name}: this looks like a binary file (it contains NUL bytes, the first at byte {nul}), "
            "not a text article. Remove it from the folder or save the article as plain UTF-8 text (.txt)."
        )
    if data and len(data) - len(data.translate(None, _CONTROL_BYTES)) > _BINARY_SHARE * len(data):
        raise CorpusError(
            f"{name}: this looks like a binary file (mostly control characters), not a text article. "
            "Remove it from the folder or save the article as plain UTF-8 text (.txt)."
        )
    try:
        text = data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        snippet = data[max(0, exc.start - 20) : exc.start + 1]
        raise CorpusError(
            f"{name}: not valid UTF-8 at byte offset {exc.start} (byte 0x{data[exc.start]:02x}, "
            f"after {snippet[:-1]!r}). Re-save the file as UTF-8, e.g. "
            f"`iconv -f cp1252 -t utf-8 {name} > fixed.txt` (use the encoding the file was written in, "
            "such as cp1252 or latin-1), or choose 'UTF-8' when saving it in your editor."
        ) from None
    if text.startswith(_BOM):
        text = text[1:]
    return text


def read_article(path: Path | str) -> ArticleText:
    """Read one article file; warn (:class:`EmptyArticleWarning`) when nothing in it shows (empty,
    blank, or only zero-width characters).

    Raises :class:`CorpusError` naming the file when it cannot be read, is binary, or is not UTF-8.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except PermissionError:
        raise CorpusError(
            f"{path.name}: cannot read the file (permission denied, {path}). "
            "Give your user read permission (e.g. `chmod u+r`) or remove it from the folder."
        ) from None
    except OSError as exc:
        raise CorpusError(
            f"{path.name}: cannot read the file ({exc.strerror or exc}, {path}). "
            "Check that it is a regular readable file, or remove it from the folder."
        ) from None
    text = decode_article(data, path.name)
    if not has_visible_text(text):
        warnings.warn(
            f"{path.name} is empty or holds only whitespace or invisible characters (such as zero-width "
            "spaces); it is loaded with no paragraphs.",
            EmptyArticleWarning,
            stacklevel=2,
        )
    return ArticleText(path=path, name=path.name, text=text, sha256=hashlib.sha256(data).hexdigest())
