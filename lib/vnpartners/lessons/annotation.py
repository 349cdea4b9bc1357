"""A learner's own annotation of one paragraph, and the kit scored against it (lesson 04).

An annotation is what a careful reader writes down from a paragraph: a list of dicts (or a DataFrame
with these columns), one per fact. A **figure** has ``metric``, ``value`` (the number fully scaled:
533,6 juta is ``533.6e6``), ``unit`` (``USD``, ``EUR``, ``percent``, ``persons``, ``projects`` ...),
``period`` (``"2024"``, ``"2025-Q1"``, ``"2025-05"``; ``None`` when the text names none) and
``modality`` (``stated``, ``planned`` or ``aim``). A **partnership** has ``partner`` (ISO3 code or
name), ``level``, ``year`` (or ``None``) and ``modality``, and may give ``action``.

>>> facts = [{"metric": "trade_turnover", "value": 3.63e9, "unit": "USD", "period": "2023", "modality": "stated"}]
>>> score_annotation(facts, corpus, "000", 36)  # doctest: +SKIP

:func:`score_annotation` puts each of your facts beside the kit's reading of the same paragraph;
:func:`annotation_summary` gives the kit's recall and precision measured against your annotation.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from numbers import Real
from typing import Any

import pandas as pd

__all__ = ["FIGURE_FIELDS", "PARTNERSHIP_FIELDS", "MODALITIES", "annotation_frame", "annotation_summary",
           "find_article", "kit_facts_in_paragraph", "paragraph_text", "score_annotation", "values_match"]

FIGURE_FIELDS = ("metric", "value", "unit", "period", "modality")
PARTNERSHIP_FIELDS = ("partner", "level", "year", "modality")
MODALITIES = ("stated", "planned", "aim")
LEVELS = ("comprehensive_strategic", "strategic", "comprehensive", "comprehensive_strategic_cooperative")
#: the units the kit gives figures (``corpus.figures["unit"]``)
UNITS = ("USD", "EUR", "IDR", "AUD", "SGD", "CAD", "TWD", "BND", "percent", "persons", "projects", "documents",
         "count")
#: how close two values must be to be the same figure (as in :func:`vnpartners.scoring.figure_pairs`)
RELATIVE_TOLERANCE = 0.005

_EXAMPLE = ("[{'metric': 'trade_turnover', 'value': 3.63e9, 'unit': 'USD', 'period': '2023', "
            "'modality': 'stated'}]")
_RESULT_COLUMNS = ["fact", "yours", "kit", "verdict", "differences", "kit_index"]


# ----------------------------------------------------------------------------- the paragraph
def find_article(corpus: Any, article: str) -> str:
    """The ``article_id`` of ``corpus`` that is ``article`` or starts with it (``"15_rou"``); one only."""
    ids = [a for a in corpus.articles["article_id"] if a == article or a.startswith(str(article))]
    if len(ids) != 1:
        known = ", ".join(corpus.articles["article_id"])
        raise ValueError(f"{article!r} names {len(ids)} articles of this corpus; give one of: {known}.")
    return ids[0]


def paragraph_text(corpus: Any, article: str, para_no: int) -> str:
    """The text of paragraph ``para_no`` (numbered from 0, as in ``corpus.paragraphs``) of ``article``."""
    aid = find_article(corpus, article)
    p = corpus.paragraphs
    hit = p[(p["article_id"] == aid) & (p["para_no"] == int(para_no))]
    if hit.empty:
        raise ValueError(f"{aid} has no paragraph {para_no}: its paragraphs are numbered 0 to "
                         f"{int(p.loc[p['article_id'] == aid, 'para_no'].max())}.")
    return str(hit["text"].iloc[0])


def _in_paragraph(table: pd.DataFrame, aid: str, para_no: int) -> pd.DataFrame:
    prefix = f"{aid}:{int(para_no)}:"
    return table[table["sentence_id"].astype(str).str.startswith(prefix)]


def kit_facts_in_paragraph(corpus: Any, article: str, para_no: int) -> pd.DataFrame:
    """What the kit reads from one paragraph, in the annotation's terms, one row per fact.

    Columns: ``fact`` (``figure`` or ``partnership``), the figure fields (``metric``, ``value``,
    ``unit``, ``period``), the partnership fields (``partner``, ``level``, ``action``, ``year``),
    ``modality``, and ``kit_index`` (the row in ``corpus.figures`` or ``corpus.partnerships``).
    Fields that do not apply are missing.
    """
    aid = find_article(corpus, article)
    paragraph_text(corpus, aid, para_no)  # a missing paragraph is an error, not an empty table
    rows = []
    for i, r in _in_paragraph(corpus.figures, aid, para_no).iterrows():
        rows.append({"fact": "figure", "metric": r["metric"], "value": float(r["value"]), "unit": r["unit"],
                     "period": None if pd.isna(r["period"]) else str(r["period"]), "modality": r["modality"],
                     "kit_index": i})
    for i, r in _in_paragraph(corpus.partnerships, aid, para_no).iterrows():
        rows.append({"fact": "partnership", "partner": r["partner_iso3"], "level": r["level"], "action": r["action"],
                     "year": None if pd.isna(r["year"]) else int(r["year"]), "modality": r["modality"],
                     "kit_index": i})
    columns = ["fact", "metric", "value", "unit", "period", "partner", "level", "action", "year", "modality",
               "kit_index"]
    return pd.DataFrame(rows, columns=columns)


# ----------------------------------------------------------------------------- reading an annotation
def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and math.isnan(value)) or value is pd.NA


def _period(value: Any, n: int) -> str | None:
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(f"fact {n}: 'period' should be text such as '2024' or None, not {value!r}.")
    if isinstance(value, Real):
        if float(value).is_integer():
            return str(int(value))
        raise ValueError(f"fact {n}: 'period' {value!r} is not a period: write a year as '2024', a quarter as "
                         "'2024-Q1', a month as '2024-05'.")
    return str(value).strip()


def _year(value: Any, n: int) -> int | None:
    if _blank(value):
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        raise ValueError(f"fact {n}: 'year' should be a year such as 2025 or None, not {value!r}.") from None
    return year


def _records(annotation: Any) -> list[Mapping[str, Any]]:
    if isinstance(annotation, pd.DataFrame):
        return annotation.to_dict("records")
    if isinstance(annotation, Mapping):
        return [annotation]
    if isinstance(annotation, (list, tuple)) and all(isinstance(r, Mapping) for r in annotation):
        return list(annotation)
    raise ValueError(f"Write the annotation as a list of dicts, one per fact, e.g. {_EXAMPLE}.")


def annotation_frame(annotation: Any) -> pd.DataFrame:
    """The annotation checked and in one form: one row per fact, columns as :func:`kit_facts_in_paragraph`
    (without ``kit_index``). Raises ``ValueError`` with a message naming the fact and field that is wrong."""
    from ..reference import resolve_partner

    rows = []
    for n, record in enumerate(_records(annotation), start=1):
        keys = {str(k).strip().lower(): v for k, v in record.items()}
        is_partnership = "level" in keys or "partner" in keys
        needed = PARTNERSHIP_FIELDS if is_partnership else FIGURE_FIELDS
        missing = [f for f in needed if f not in keys]
        if missing:
            raise ValueError(f"fact {n} has no {', '.join(repr(m) for m in missing)}: a "
                             f"{'partnership' if is_partnership else 'figure'} needs {', '.join(needed)}.")
        modality = str(keys["modality"]).strip().lower()
        if modality not in MODALITIES:
            raise ValueError(f"fact {n}: 'modality' is {keys['modality']!r}; write one of {', '.join(MODALITIES)}.")
        if is_partnership:
            level = str(keys["level"]).strip().lower().replace(" ", "_")
            if level not in LEVELS:
                raise ValueError(f"fact {n}: 'level' is {keys['level']!r}; write one of {', '.join(LEVELS)}.")
            try:
                partner = str(resolve_partner(str(keys["partner"]).strip()))
            except Exception:
                raise ValueError(f"fact {n}: the kit does not know the partner {keys['partner']!r}: give its ISO3 "
                                 "code (e.g. 'KAZ') or its name.") from None
            action = keys.get("action")
            rows.append({"fact": "partnership", "partner": partner, "level": level,
                         "action": None if _blank(action) else str(action).strip().lower(),
                         "year": _year(keys["year"], n), "modality": modality})
            continue
        value = keys["value"]
        if isinstance(value, str):
            raise ValueError(f"fact {n}: 'value' is the text {value!r}. Write the number fully scaled, without "
                             "quotes: 533,6 juta is 533.6e6 (or 533600000), 1 miliar is 1e9.")
        if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(float(value)):
            raise ValueError(f"fact {n}: 'value' should be one number, fully scaled, not {value!r}.")
        unit = str(keys["unit"]).strip()
        known = {u.lower(): u for u in UNITS}
        if unit.lower() not in known:
            raise ValueError(f"fact {n}: 'unit' is {unit!r}; the kit writes units as one of {', '.join(UNITS)}.")
        rows.append({"fact": "figure", "metric": str(keys["metric"]).strip(), "value": float(value),
                     "unit": known[unit.lower()], "period": _period(keys["period"], n), "modality": modality})
    if not rows:
        raise ValueError(f"The annotation is empty: write one dict per fact, e.g. {_EXAMPLE}.")
    columns = ["fact", "metric", "value", "unit", "period", "partner", "level", "action", "year", "modality"]
    return pd.DataFrame(rows, columns=columns)


# ----------------------------------------------------------------------------- scoring
def values_match(a: float, b: float) -> bool:
    """Whether two values are the same figure: within 0.5 % of the larger (as the kit's scoring)."""
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b), 1e-9)


def _describe(row: Mapping[str, Any]) -> str:
    if row["fact"] == "figure":
        period = row["period"] if isinstance(row["period"], str) and row["period"] else "no period"
        return f"{row['metric']} {period}: {row['value']:,.15g} {row['unit']} ({row['modality']})"
    year = "" if _blank(row["year"]) else f" {int(row['year'])}"
    action = "" if _blank(row.get("action")) else f" {row['action']}"
    return f"{row['partner']} {row['level']}{action}{year} ({row['modality']})"


def _differences(yours: Mapping[str, Any], kit: Mapping[str, Any]) -> list[str]:
    fields = ("metric", "period", "modality") if yours["fact"] == "figure" else ("year", "action", "modality")
    out = []
    for f in fields:
        a, b = yours.get(f), kit.get(f)
        if f == "action" and _blank(a):
            continue  # an action is optional in an annotation
        a = None if _blank(a) else (int(a) if f == "year" else a)
        b = None if _blank(b) else (int(b) if f == "year" else b)
        if a != b:
            out.append(f"{f}: yours {a if a is not None else 'none'}, kit {b if b is not None else 'none'}")
    return out


def score_annotation(annotation: Any, corpus: Any, article: str, para_no: int) -> pd.DataFrame:
    """Your annotation of one paragraph beside what the kit reads from it.

    One row per fact of yours, then one per kit fact that matches none of yours. Columns: ``fact``
    (figure or partnership); ``yours`` and ``kit`` (each side's fact in words, "—" where a side has
    none); ``verdict`` (``the kit agrees``, ``the kit differs``, ``the kit misses it``, ``only the kit
    reads it``); ``differences`` (the fields where the two disagree: metric, period, year, action,
    modality); ``kit_index`` (the kit's row, NA when it has none). A figure is matched by unit and value
    (within 0.5 %), a partnership by partner and level; each kit fact matches at most one of yours.
    """
    mine = annotation_frame(annotation)
    kit = kit_facts_in_paragraph(corpus, article, para_no)
    used: set[int] = set()
    rows = []
    for _, y in mine.iterrows():
        match = None
        for j, k in kit.iterrows():
            if j in used or k["fact"] != y["fact"]:
                continue
            same = (k["unit"] == y["unit"] and values_match(float(k["value"]), float(y["value"]))
                    if y["fact"] == "figure" else (k["partner"] == y["partner"] and k["level"] == y["level"]))
            if same:
                match = j
                break
        if match is None:
            rows.append({"fact": y["fact"], "yours": _describe(y), "kit": "—", "verdict": "the kit misses it",
                         "differences": "", "kit_index": None})
            continue
        used.add(match)
        k = kit.loc[match]
        diff = _differences(y, k)
        rows.append({"fact": y["fact"], "yours": _describe(y), "kit": _describe(k),
                     "verdict": "the kit differs" if diff else "the kit agrees", "differences": "; ".join(diff),
                     "kit_index": int(k["kit_index"])})
    for j, k in kit.iterrows():
        if j not in used:
            rows.append({"fact": k["fact"], "yours": "—", "kit": _describe(k), "verdict": "only the kit reads it",
                         "differences": "", "kit_index": int(k["kit_index"])})
    out = pd.DataFrame(rows, columns=_RESULT_COLUMNS)
    out["kit_index"] = out["kit_index"].astype("Int64")
    return out


def annotation_summary(scored: pd.DataFrame) -> pd.DataFrame:
    """The kit measured against your annotation (a table from :func:`score_annotation`), in one row.

    Columns: ``your_facts``; ``kit_finds`` (of them, the kit has the same figure or partnership);
    ``kit_agrees`` (found with every field the same); ``kit_facts`` (facts the kit reads from the
    paragraph); ``recall`` (kit_finds / your_facts); ``precision`` (kit facts matching one of yours /
    kit_facts); ``agreement`` (kit_agrees / your_facts). A ratio over nothing is NaN.
    """
    yours = scored[scored["verdict"] != "only the kit reads it"]
    finds = int(yours["verdict"].isin(["the kit agrees", "the kit differs"]).sum())
    agrees = int((yours["verdict"] == "the kit agrees").sum())
    kit_facts = int(scored["kit_index"].notna().sum())

    def ratio(a: int, b: int) -> float:
        return a / b if b else math.nan

    return pd.DataFrame([{"your_facts": len(yours), "kit_finds": finds, "kit_agrees": agrees, "kit_facts": kit_facts,
                          "recall": ratio(finds, len(yours)), "precision": ratio(finds, kit_facts),
                          "agreement": ratio(agrees, len(yours))}])
