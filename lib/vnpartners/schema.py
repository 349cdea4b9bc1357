"""The column contract of every table the loader hands out: names, types and what each column means.

This module is the contract (:data:`SCHEMAS` for names and types, :data:`MEANINGS` for what each
column holds; :func:`describe` shows both as a table). Every table is built through :func:`conform`,
so each one has exactly these columns, in this order, sorted by article and position in the text,
with a fresh ``RangeIndex``; the same folder gives equal tables on every run and machine.

Conventions for all tables:

- offsets ``start``/``end`` index the file's decoded text (UTF-8, a BOM dropped, line ends kept as
  read), so ``text_of_file[start:end]`` is exactly the row's text;
- facts (mentions, partnerships, events, figures) come only from paragraphs of kind ``title``,
  ``body`` or ``caption`` that are not duplicates;
- country codes are ISO 3166-1 alpha-3 (``VNM``, ``RUS``, ``CHN`` ...); the Soviet Union is ``SUN``.
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
        "modality": "str",
        "modality_cue": "str",
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
        "modality": "str",
        "modality_cue": "str",
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
        "period_basis": "str",
        "value": "float64",
        "unit": "str",
        "usd_value": "float64",
        "qualifier": "str",
        "modality": "str",
        "modality_cue": "str",
        "surface": "str",
        "evidence": "str",
    },
}

#: table -> {column: what it means}
MEANINGS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "the file name without .txt",
        "file": "the file name",
        "title": "from the manifest, else the first title-like paragraph",
        "outlet": "publisher as named in the manifest or the text (VietnamPlus, VOV, Tempo ...), or NA",
        "url": "source address from the manifest or a Source:/Sumber: line, or NA",
        "published": "first day of the period of publication that is known (NaT if unknown)",
        "published_precision": "how much of the date is known: day, month or year (NA if unknown)",
        "published_source": "where the date came from: manifest or text (NA if unknown)",
        "language": "language code: id unless the manifest says otherwise",
        "sha256": "SHA-256 of the file's bytes",
        "n_chars": "characters of decoded text",
        "n_paragraphs": "paragraphs in the article",
        "n_sentences": "sentences in the article",
    },
    "paragraphs": {
        "article_id": "the article",
        "para_no": "paragraph number in the article, from 0",
        "kind": "title, body, caption (a photo caption) or boilerplate (navigation, bylines, related news ...)",
        "is_duplicate": "True for the second and later copies of the same text in one article",
        "text": "the paragraph (a run of text between line breaks)",
        "start": "offset of its first character in the file's text",
        "end": "offset just past its last character",
    },
    "sentences": {
        "sentence_id": "'{article_id}:{para_no}:{sent_no}'",
        "article_id": "the article",
        "para_no": "its paragraph",
        "sent_no": "sentence number in the paragraph, from 0",
        "text": "the sentence",
        "start": "offset of its first character in the file's text",
        "end": "offset just past its last character",
    },
    "mentions": {
        "article_id": "the article",
        "sentence_id": "the sentence naming the country",
        "iso3": "the country's ISO 3166-1 alpha-3 code (SUN for the Soviet Union)",
        "country": "English short name",
        "surface": "the name as written",
        "start": "offset of the name in the file's text",
        "end": "offset just past the name",
    },
    "partnerships": {
        "article_id": "the article",
        "sentence_id": "the sentence that states it",
        "partner_iso3": "the other country (Vietnam is the kit's subject, never the partner)",
        "level": "comprehensive_strategic_cooperative (China's name), comprehensive_strategic, strategic or comprehensive",
        "action": "established (set up), upgraded (raised from a lower level), deepened (strengthened) or mentioned",
        "year": "year the level was set, raised or deepened, where the text or the article's date says so (NA otherwise)",
        "month": "its month, where known (NA otherwise)",
        "modality": "stated (it happened or is the case), planned (agreed or scheduled: 'akan', 'sepakat untuk') "
                    "or aim (a wish, goal or target: 'bertujuan', 'berharap', 'menargetkan'); counts use stated rows",
        "modality_cue": "the words that decided the modality (NA for a plain statement)",
        "evidence": "the sentence",
    },
    "events": {
        "article_id": "the article",
        "sentence_id": "the sentence that states it",
        "date": "first day of the period",
        "date_end": "first day of a range's last period ('8 hingga 11 Mei'), NaT for a single date",
        "precision": "day, month or year",
        "year_inferred": "True where the year is the article's, not written in the sentence",
        "kind": "visit, talks, phone_call, meeting, joint_statement, treaty, agreement_signing, trade_agreement, "
                "partnership, diplomatic_relations, anniversary, multilateral_meeting, cultural_event, commemoration "
                "(a holiday or anniversary of one country) or other",
        "countries": "sorted, space-separated ISO3 codes of the countries the event involves (one, for a "
                     "commemoration)",
        "modality": "stated (it happened or is the case), planned (agreed or scheduled: 'akan', 'sepakat untuk') "
                    "or aim (a wish, goal or target: 'bertujuan', 'berharap', 'menargetkan'); counts use stated rows",
        "modality_cue": "the words that decided the modality (NA for a plain statement)",
        "surface": "the date as written",
        "evidence": "the sentence",
    },
    "figures": {
        "article_id": "the article",
        "sentence_id": "the sentence that states it",
        "metric": "trade_turnover, trade_growth, exports, imports, trade_target, investment_registered_capital, "
                  "investment_projects, tourist_arrivals, tourist_arrivals_growth, students, scholarships_per_year, "
                  "community_size, agreements_signed, strategic_partner_count or other",
        "partner_iso3": "the other country, or NA (Vietnam's own totals, several partners at once)",
        "direction": "inbound (partner to Vietnam), outbound (Vietnam to partner), bilateral, or NA",
        "period": "the period the figure is of: 2023, 2025-Q1, 2024-01/2024-10 (January to October), "
                  "2025-01 (as of that month); NA where neither the text nor the article's date gives one",
        "period_basis": "where the period comes from: text (a date the text gives), relative ('tahun lalu', "
                        "'enam bulan pertama tahun ini', read against the article's date) or article_date (an "
                        "undated figure: the article's date); NA with no period",
        "value": "the number, fully scaled ('3,63 miliar USD' is 3630000000.0, '81%' is 81.0); a growth that is "
                 "a fall is negative ('turun 12 persen' is -12.0)",
        "unit": "a currency's own ISO 4217 code (USD, EUR, IDR, CNY, JPY, KRW, CHF ...), persons, projects, "
                "documents, tonnes (goods by weight), count or percent",
        "usd_value": "the same amount in US dollars where the text gives it beside ('3 miliar euro, setara "
                     "3,3 miliar USD'); NaN otherwise (never converted by the kit)",
        "qualifier": "exact, approx ('sekitar'), more_than ('lebih dari'), less_than ('kurang dari', 'hampir')",
        "modality": "stated (it happened or is the case), planned (agreed or scheduled: 'akan', 'sepakat untuk') "
                    "or aim (a wish, goal or target: 'bertujuan', 'berharap', 'menargetkan'); counts use stated rows",
        "modality_cue": "the words that decided the modality (NA for a plain statement)",
        "surface": "the number as written, with its unit words",
        "evidence": "the sentence",
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


def describe(table: str) -> pd.DataFrame:
    """The columns of ``table``: one row per column with its ``column`` name, pandas ``dtype`` and ``meaning``.

    >>> describe("figures").head(3)["column"].tolist()
    ['article_id', 'sentence_id', 'metric']
    """
    if table not in SCHEMAS:
        raise KeyError(f"No table {table!r}; the tables are {', '.join(SCHEMAS)}.")
    return pd.DataFrame(
        [(c, t, MEANINGS[table][c]) for c, t in SCHEMAS[table].items()], columns=["column", "dtype", "meaning"]
    )


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
