"""Column names and types of every table the loader hands out (the contract in the kit's spec).

Every table is built through :func:`conform`, so each one has exactly these columns, in this order,
sorted by article and position in the text, with a fresh ``RangeIndex``.
"""

from __future__ import annotations

import pandas as pd

# table -> ordered {column: pandas dtype}
SCHEMAS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "str",
        "file": "str",
        "title": "str",
        "outlet": "str",
        "url": "str",
        "published": "datetime64[ns]",
        "published_precision": "str",
        "published_source": "str",
        "language": "str",
        "sha256": "str",
        "n_chars": "int64",
        "n_paragraphs": "int64",
        "n_sentences": "int64",
    },
    "paragraphs": {
        "article_id": "str",
        "para_no": "int64",
        "kind": "str",
        "is_duplicate": "bool",
        "text": "str",
        "start": "int64",
        "end": "int64",
    },
    "sentences": {
        "sentence_id": "str",
        "article_id": "str",
        "para_no": "int64",
        "sent_no": "int64",
        "text": "str",
        "start": "int64",
        "end": "int64",
    },
    "mentions": {
        "article_id": "str",
        "sentence_id": "str",
        "iso3": "str",
        "country": "str",
        "surface": "str",
        "start": "int64",
        "end": "int64",
    },
    "partnerships": {
        "article_id": "str",
        "sentence_id": "str",
        "partner_iso3": "str",
        "level": "str",
        "action": "str",
        "year": "Int64",
        "month": "Int64",
        "evidence": "str",
    },
    "events": {
        "article_id": "str",
        "sentence_id": "str",
        "date": "datetime64[ns]",
        "date_end": "datetime64[ns]",
        "precision": "str",
        "year_inferred": "bool",
        "kind": "str",
        "countries": "str",
        "surface": "str",
        "evidence": "str",
    },
    "figures": {
        "article_id": "str",
        "sentence_id": "str",
        "metric": "str",
        "partner_iso3": "str",
        "direction": "str",
        "period": "str",
        "value": "float64",
        "unit": "str",
        "qualifier": "str",
        "surface": "str",
        "evidence": "str",
    },
}

# columns that order each table's rows (article, then position in the text)
SORT_KEYS: dict[str, list[str]] = {
    "articles": ["article_id"],
    "paragraphs": ["article_id", "para_no"],
    "sentences": ["article_id", "para_no", "sent_no"],
    "mentions": ["article_id", "start", "end", "iso3"],
    "partnerships": ["article_id", "sentence_id", "partner_iso3", "level", "action"],
    "events": ["article_id", "sentence_id", "date", "surface", "kind"],
    "figures": ["article_id", "sentence_id", "metric", "value", "surface"],
}


def empty_frame(table: str) -> pd.DataFrame:
    """An empty table with the right columns and dtypes."""
    return conform(pd.DataFrame(columns=list(SCHEMAS[table])), table)


def conform(df: pd.DataFrame, table: str, *, sort: bool = True) -> pd.DataFrame:
    """Return ``df`` with exactly the schema's columns, in order, typed, sorted, with a fresh index.

    Raises ``KeyError`` naming the missing columns if ``df`` lacks any.
    """
    schema = SCHEMAS[table]
    missing = [c for c in schema if c not in df.columns]
    if missing:
        raise KeyError(f"table {table!r} is missing columns {missing}")
    out = df.loc[:, list(schema)].copy()
    for column, dtype in schema.items():
        if dtype == "str":
            # pandas' string dtype with NaN for missing values (the default "str" dtype of pandas 3)
            out[column] = out[column].astype(pd.StringDtype(na_value=float("nan")))
        elif dtype.startswith("datetime64"):
            out[column] = pd.to_datetime(out[column]).astype(dtype)
        else:
            out[column] = out[column].astype(dtype)
    if sort and len(out):
        if table == "sentences" or table == "paragraphs" or table == "articles":
            out = out.sort_values(SORT_KEYS[table], kind="mergesort")
        else:
            # sentence ids sort in text order when compared by (article, para, sent) numbers
            keys = SORT_KEYS[table]
            order = out.copy()
            if "sentence_id" in order.columns:
                parts = order["sentence_id"].str.rsplit(":", n=2, expand=True)
                order["_para"] = parts[1].astype("int64")
                order["_sent"] = parts[2].astype("int64")
                keys = ["article_id", "_para", "_sent"] + [k for k in keys if k not in ("article_id", "sentence_id")]
            out = out.loc[order.sort_values(keys, kind="mergesort", na_position="last").index]
    return out.reset_index(drop=True)
