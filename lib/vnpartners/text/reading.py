"""Read one article file: its bytes' SHA-256 and its text, decoded strictly as UTF-8.

The decoded text is the reference for every offset the kit hands out: a leading BOM is dropped,
line endings (LF, CRLF, CR) are kept exactly as read, nothing else is changed, so
``text[start:end]`` is a row's text for every paragraph, sentence and mention.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..errors import CorpusError

__all__ = ["ArticleText", "EmptyArticleWarning", "read_article", "decode_article"]

# control characters that never occur in a text file (tab, LF, VT, FF, CR and ESC excluded)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_BINARY_SHARE = 0.10  # more than this share of control bytes: not a text file
# the same bytes as a deletion table: counting them is len(data) - len(data.translate(None, ...)),
# which is the number of _CONTROL matches (one byte each) in a fast pass
_CONTROL_BYTES = bytes(b for b in range(256) if _CONTROL.fullmatch(bytes([b])))
_BOM = "\ufeff"


class EmptyArticleWarning(UserWarning):
    """An article file is empty or holds only whitespace; it is loaded with no paragraphs."""


@dataclass(frozen=True)
class ArticleText:
    """One article file as read: ``name`` (file name), ``text`` (decoded), ``sha256`` (of the bytes)."""

    path: Path
    name: str
    text: str
    sha256: str


def decode_article(data: bytes, name: str) -> str:
    """Decode ``data`` (the bytes of file ``name``) strictly as UTF-8 and drop one leading BOM.

    Raises :class:`CorpusError` for binary data (NUL bytes or mostly control characters) and for
    bytes that are not UTF-8 (the message gives the byte offset and how to re-save the file).
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise CorpusError(
            f"{name}: this file is UTF-16 text (it starts with a UTF-16 byte-order mark), and the kit reads "
            f"UTF-8. Convert it, e.g. `iconv -f utf-16 -t utf-8 {name} > fixed.txt`, or choose 'UTF-8' "
            "when saving it in your editor."
        )
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
    """Read one article file; warn (:class:`EmptyArticleWarning`) when it is empty or blank.

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
    if not text or text.isspace():  # (what `not text.strip()` says, without copying the text)
        warnings.warn(
            f"{path.name} is empty or holds only whitespace; it is loaded with no paragraphs.",
            EmptyArticleWarning,
            stacklevel=2,
        )
    return ArticleText(path=path, name=path.name, text=text, sha256=hashlib.sha256(data).hexdigest())
