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
import re
from pathlib import Path

import pandas as pd

from ..errors import CorpusError

__all__ = ["MANIFEST_NAME", "MANIFEST_COLUMNS", "read_manifest", "parse_period"]

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ["file", "title", "outlet", "url", "published", "published_basis", "language"]

_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_period(value: str) -> tuple[pd.Timestamp, str]:
    """``"2025-05-08"`` -> (2025-05-08, "day"); ``"2025-05"`` -> (2025-05-01, "month"); ``"2025"`` -> year.

    Raises ``ValueError`` for any other form or an impossible date.
    """
    m = _PERIOD.fullmatch(value.strip())
    if not m:
        raise ValueError(f"{value!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = m.group(1), m.group(2), m.group(3)
    precision = "day" if day else "month" if month else "year"
    ts = pd.Timestamp(year=int(year), month=int(month or 1), day=int(day or 1))
    return ts, precision



def read_manifest(folder: Path, txt_names: list[str]) -> pd.DataFrame | None:
    """Read ``folder/manifest.csv`` if present, checked against the folder's ``.txt`` file names.

    Returns None when there is no manifest, else one row per named file with columns ``file``,
    ``title``, ``outlet``, ``url`` (str or NA), ``published`` (Timestamp or NaT),
    ``published_precision`` (``day``/``month``/``year`` or NA), ``language`` (str or NA).
    Raises :class:`CorpusError` for a row naming a file that is not in the folder, a duplicate row,
    a missing ``file`` column, unknown columns, or a badly written date.
    """
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
            header = list(rows[0].keys()) if rows else []
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path}: the manifest is not valid UTF-8 (byte offset {exc.start}). Re-save it as UTF-8 CSV."
        ) from None
    except (OSError, csv.Error) as exc:
        raise CorpusError(f"{path}: cannot read the manifest ({exc}). Fix or remove it.") from None
    if not rows:
        return pd.DataFrame(columns=["file", "title", "outlet", "url", "published", "published_precision", "language"])
    if "file" not in header:
        raise CorpusError(
            f"{path}: the manifest has no 'file' column (columns found: {header}). "
            f"Its first line must name the columns: {','.join(MANIFEST_COLUMNS)}."
        )
    unknown = [c for c in header if c not in MANIFEST_COLUMNS]
    if unknown:
        raise CorpusError(
            f"{path}: unknown manifest columns {unknown}. Allowed columns: {','.join(MANIFEST_COLUMNS)}."
        )
    present = set(txt_names)
    seen: set[str] = set()
    records = []
    for line_no, row in enumerate(rows, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            raise CorpusError(f"{path}, line {line_no}: the 'file' cell is empty. Name the article's .txt file.")
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
                    f"{path}, line {line_no} ({name}): bad 'published' date: {exc}. "
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
    return pd.DataFrame.from_records(records)
