"""The optional ``manifest.csv`` of a folder of articles: metadata the text itself may not state.

Columns (all but ``file`` may be left out or blank):

- ``file``: the article's file name in the folder (``000_x.txt``);
- ``title``, ``outlet``, ``url``: as published;
- ``published``: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (read as the first day of that period);
- ``published_basis``: free text saying how the date is known (kept for people, not loaded into tables);
- ``language``: ISO 639-1 code, ``id`` when blank.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from ..errors import CorpusError

__all__ = ["MANIFEST_NAME", "MANIFEST_COLUMNS", "read_manifest", "parse_period"]

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ["file", "title", "outlet", "url", "published", "published_basis", "language"]

# ASCII digits only ("\d" would also take Arabic-Indic or Devanagari digits, which int() reads as numbers)
_PERIOD = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # no cell of a text CSV holds these
_EMPTY = ["file", "title", "outlet", "url", "published", "published_precision", "language"]


def parse_period(value: str) -> tuple[pd.Timestamp, str]:
    """``"2025-05-08"`` -> (2025-05-08, "day"); ``"2025-05"`` -> (2025-05-01, "month"); ``"2025"`` -> year.

    Raises ``ValueError`` for any other form (digits other than 0-9 included), an impossible date,
    or a date outside the years the tables hold (pandas' nanosecond dates: 1677-09-22 to 2262-04-11).
    """
    m = _PERIOD.fullmatch(value.strip())
    if not m:
        raise ValueError(f"{value!r} is not YYYY-MM-DD, YYYY-MM or YYYY written with the digits 0-9")
    year, month, day = m.group(1), m.group(2), m.group(3)
    precision = "day" if day else "month" if month else "year"
    ts = pd.Timestamp(year=int(year), month=int(month or 1), day=int(day or 1))
    if not pd.Timestamp.min <= ts <= pd.Timestamp.max:
        raise ValueError(
            f"{value!r} is outside the dates the kit's tables hold ({pd.Timestamp.min.date()} to "
            f"{pd.Timestamp.max.date()})"
        )
    return ts, precision


def _manifest_text(path: Path, folder: Path) -> str:
    """The manifest's text, decoded; CorpusError when it is not a readable UTF-8 file inside ``folder``."""
    from .reading import wide_encoding

    if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
        raise CorpusError(
            f"{path}: the manifest is a link to a file outside the folder ({path.resolve()}); the kit reads "
            "only files inside the folder it loads. Copy the manifest into the folder instead of linking it."
        )
    if path.is_dir():
        raise CorpusError(
            f"{path} is a folder, not a file: the manifest must be a CSV file. Rename or remove that folder."
        )
    if not path.is_file():
        raise CorpusError(
            f"{path} is not a regular file (a link to nothing, a pipe or a device). Replace it with the "
            "manifest CSV file, or remove it."
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read the manifest ({exc.strerror or exc}). Fix its permissions or remove it.") from None
    wide = wide_encoding(data)
    if wide is not None:
        raise CorpusError(
            f"{path}: the manifest is {wide[0]} text; the kit reads UTF-8. Re-save it as UTF-8 CSV."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path}: the manifest is not valid UTF-8 (byte offset {exc.start}). Re-save it as UTF-8 CSV."
        ) from None


def _check_cell(path: Path, line: int, column: str, value: str) -> None:
    bad = _CONTROL.search(value)
    if bad:
        what = "a NUL character" if bad.group() == "\x00" else f"the control character {bad.group()!r}"
        raise CorpusError(
            f"{path}, line {line}, column {column!r}: the cell holds {what}, which no text CSV holds "
            "(the file may be damaged, or not saved as text). Remove it, or re-save the manifest as UTF-8 CSV."
        )


def _check_header(path: Path, header: list[str]) -> None:
    for number, name in enumerate(header, start=1):
        _check_cell(path, 1, f"#{number}", name)
    if "file" not in header:
        raise CorpusError(
            f"{path}, line 1: the manifest has no 'file' column (columns found: {header}). "
            f"Its first line must name the columns: {','.join(MANIFEST_COLUMNS)}."
        )
    unknown = [c for c in header if c not in MANIFEST_COLUMNS]
    if unknown:
        raise CorpusError(
            f"{path}, line 1: unknown manifest columns {unknown}. Allowed columns: {','.join(MANIFEST_COLUMNS)}."
        )
    for name in dict.fromkeys(header):
        where = [number for number, c in enumerate(header, start=1) if c == name]
        if len(where) > 1:
            raise CorpusError(
                f"{path}, line 1: the column {name!r} is named {len(where)} times (columns "
                f"{', '.join(map(str, where))}); only one would be read. Keep one column of each name."
            )


def read_manifest(folder: Path, txt_names: list[str]) -> pd.DataFrame | None:
    """Read ``folder/manifest.csv`` if present, checked against the folder's ``.txt`` file names.

    Returns None when there is no manifest, else one row per named file with columns ``file``,
    ``title``, ``outlet``, ``url`` (str or NA), ``published`` (Timestamp or NaT),
    ``published_precision`` (``day``/``month``/``year`` or NA), ``language`` (str or NA).
    Raises :class:`CorpusError`, naming the line (and the column where there is one), when the
    manifest is a folder or not a readable UTF-8 file, its header lacks a ``file`` column, names an
    unknown column or one column twice (also when no row follows), a row has more cells than the
    header, a cell holds a NUL or other control character, a row names a file that is not in the
    folder or is listed twice, or a date is badly written or out of range.
    """
    path = folder / MANIFEST_NAME
    if not path.exists() and not path.is_symlink():
        return None
    text = _manifest_text(path, folder)
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, None)
        if header is None:  # an empty file: it describes nothing
            return pd.DataFrame(columns=_EMPTY)
        _check_header(path, header)
        rows: list[tuple[int, list[str]]] = []
        for cells in reader:
            rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise CorpusError(f"{path}, line {reader.line_num}: cannot read the manifest ({exc}). Fix or remove it.") from None
    present = set(txt_names)
    seen: set[str] = set()
    records = []
    for line_no, cells in rows:
        if not any(c.strip() for c in cells):
            continue  # a blank line
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            raise CorpusError(
                f"{path}, line {line_no}: {len(cells)} cells, but the first line names {len(header)} columns. "
                "Put a comma between cells only, and quote a cell that holds a comma (\"a, b\")."
            )
        row = dict(zip(header, cells))
        for column, value in row.items():
            _check_cell(path, line_no, column, value)
        name = (row.get("file") or "").strip()
        if not name:
            raise CorpusError(f"{path}, line {line_no}, column 'file': the cell is empty. Name the article's .txt file.")
        if name in seen:
            raise CorpusError(f"{path}, line {line_no}: {name!r} is listed twice. Keep one row per file.")
        seen.add(name)
        if name not in present:
            raise CorpusError(
                f"{path}, line {line_no}: the manifest names {name!r}, but there is no such .txt file in {folder}. "
                "Add the file or delete its row from the manifest."
            )
        published = (row.get("published") or "").strip()
        ts: pd.Timestamp | None = None
        precision: str | None = None
        if published:
            try:
                ts, precision = parse_period(published)
            except ValueError as exc:
                raise CorpusError(
                    f"{path}, line {line_no} ({name}), column 'published': bad date: {exc}. "
                    "Write it as YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2025-05-08, 2025-05 or 2025)."
                ) from None

        def cell(column: str, row: dict = row) -> str | None:
            value = (row.get(column) or "").strip()
            return value or None

        records.append(
            {
                "file": name,
                "title": cell("title"),
                "outlet": cell("outlet"),
                "url": cell("url"),
                "published": ts,
                "published_precision": precision,
                "language": cell("language"),
            }
        )
    if not records:
        return pd.DataFrame(columns=_EMPTY)
    return pd.DataFrame.from_records(records)
