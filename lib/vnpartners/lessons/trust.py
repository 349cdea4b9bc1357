"""How far to trust the facts the kit reads (lesson 04): the kit scored against hand-made gold.

The gold ships with the kit in ``data/trust/`` (see its README): three **gold sets**, each a folder of
articles and the facts a careful reader wrote down from them.

* ``seeds``: the five seed articles and their gold (``data/trust/seeds_gold/``). The kit's rules were
  tuned on these texts, so a score here is a score on the material the rules were written against.
* ``sample``: five articles of the kit's development set, with their gold (``data/trust/sample/``),
  chosen because they show the kinds of error the kit makes; their scores are not the kit's average.
* ``exercise``: one more development article (``data/trust/exercise/``), kept for the exercise in which
  learners annotate a paragraph themselves.

Matching a gold fact to a kit row is :mod:`vnpartners.scoring`'s job (:func:`~vnpartners.scoring.figure_pairs`,
:func:`~vnpartners.scoring.partnership_pairs`, :func:`~vnpartners.scoring.event_pairs`); this module sorts
the results into what a lesson shows: every fact's outcome (:func:`outcomes`), precision and recall per
table (:func:`precision_recall`) and the errors by kind (:func:`errors`). Reached from here too: the rule
that dates a fact beside a naive one and the bound on a perfect score (``period_rules``,
``miss_rate_upper_bound`` ... in :mod:`.trust_periods`), the charts (``plot_outcomes`` ... in
:mod:`.trust_charts`) and the scorer of a learner's own annotation (``score_annotation``, in :mod:`.annotation`).

What counts as one fact, in each table:

* **partnerships**: a gold row (a statement of a level) is found when the kit has a row of the same
  article, partner and level; a kit row is *confirmed* when the gold has that (article, partner, level);
* **figures**: one kit row per gold row, same unit and a value within 0.5 %
  (:func:`vnpartners.scoring.figure_pairs`);
* **events**: a gold event is found when the kit has an event of that article on the same date (same
  precision, same end of a range); a kit event is confirmed when the gold has that date.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .. import scoring
from ..paths import data_dir

# the names defined here; the functions of :mod:`.trust_periods`, :mod:`.trust_charts` and :mod:`.annotation`
# are reached from here too (``trust.period_rules``, ``trust.plot_outcomes``, ``trust.score_annotation`` ...)
__all__ = [
    "ERROR_KINDS", "GOLD_SETS", "OUTCOMES", "TABLES", "GoldSet", "error_counts", "errors", "fact_row", "from_folders",
    "gold_sizes", "load_set", "outcomes", "precision_recall", "trust_dir",
]

#: the gold sets shipped in ``data/trust/``: name -> (folder of the articles or None for the seeds, gold folder)
GOLD_SETS: dict[str, tuple[str | None, str]] = {
    "seeds": (None, "seeds_gold"),
    "sample": ("sample", "sample/gold"),
    "exercise": ("exercise", "exercise/gold"),
}
TABLES = ("partnerships", "figures", "events")
#: what can become of a fact: the first three for gold facts, the last for kit rows the gold lacks
OUTCOMES = ("right", "found, with an error", "missed", "not in the gold")

MISSED = "missed"
NOT_IN_GOLD = "not in the gold"
WRONG_PERIOD = "wrong year or period"
PLAN_AS_FACT = "plan or aim read as a fact"
FACT_AS_PLAN = "fact read as a plan or aim"
PLAN_AIM = "plan and aim confused"
WRONG_METRIC = "wrong kind of figure"
#: the kinds of error, in the order tables list them
ERROR_KINDS = (MISSED, WRONG_PERIOD, PLAN_AS_FACT, FACT_AS_PLAN, PLAN_AIM, WRONG_METRIC, NOT_IN_GOLD)

_OUTCOME_COLUMNS = ["table", "article_id", "partner", "fact", "required", "outcome", "errors", "gold_index", "kit_index",
                    "words"]
_ERROR_COLUMNS = ["table", "article_id", "kind", "fact", "gold", "kit", "gold_index", "kit_index", "words"]


@dataclass(frozen=True)
class GoldSet:
    """One gold set: the articles as the kit reads them, and the gold a careful reader wrote.

    ``modality_annotated`` names the gold tables that record a modality; where the gold has no
    ``modality`` column (the seeds' gold), :func:`vnpartners.scoring.read_gold` assumes ``stated``,
    and the modality is not scored.
    """

    name: str
    corpus: Any
    gold: scoring.Gold
    modality_annotated: frozenset[str]


def trust_dir() -> Path:
    """The folder of the shipped gold, ``data/trust`` (follows ``VNPARTNERS_DATA``)."""
    return data_dir() / "trust"


def _stamp(folder: Path) -> tuple:
    return tuple(sorted((str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns)
                        for p in folder.rglob("*") if p.is_file()))


def load_set(name: str = "sample") -> GoldSet:
    """The gold set ``name`` (``seeds``, ``sample`` or ``exercise``), read once per version of its files."""
    if name not in GOLD_SETS:
        raise ValueError(f"No gold set {name!r}: choose one of {', '.join(map(repr, GOLD_SETS))}.")
    articles, gold = GOLD_SETS[name]
    base = trust_dir()
    gold_folder = base / gold
    if not gold_folder.is_dir():
        from ..errors import DataFileMissing

        raise DataFileMissing(f"The kit's gold folder {gold_folder} is missing. Reinstall the kit with `make setup` "
                              "(or `pip install -r requirements.txt`), or set VNPARTNERS_DATA to a folder that holds it.")
    if articles is None:
        from ..paths import seeds_dir

        folder = seeds_dir()
    else:
        folder = base / articles
    return _load(name, str(folder), str(gold_folder), _stamp(folder), _stamp(gold_folder))


def from_folders(articles: Path | str, gold: Path | str, name: str = "mine") -> GoldSet:
    """A gold set of your own: a folder of articles (as :func:`vnpartners.load_folder` reads it) and a gold
    folder holding ``partnerships.csv``, ``figures.csv`` and ``events.csv`` in the kit's gold format
    (see ``data/trust/README.md``). Every function of this module takes the result."""
    folder, gold_folder = Path(articles), Path(gold)
    for path, what in ((folder, "articles"), (gold_folder, "gold")):
        if not path.is_dir():
            raise FileNotFoundError(f"The {what} folder {path} does not exist (or is not a folder).")
    return _load(name, str(folder.resolve()), str(gold_folder.resolve()), _stamp(folder), _stamp(gold_folder))


@lru_cache(maxsize=8)
def _load(name: str, folder: str, gold_folder: str, *_stamps: tuple) -> GoldSet:
    import warnings

    from ..corpus import load_folder

    with warnings.catch_warnings():  # the gold/ subfolder beside the articles is not an article
        warnings.simplefilter("ignore")
        corpus = load_folder(folder)
    annotated = frozenset(t for t in TABLES
                          if "modality" in pd.read_csv(Path(gold_folder) / f"{t}.csv", nrows=0).columns)
    return GoldSet(name, corpus, scoring.read_gold(gold_folder), annotated)


def gold_sizes(*sets: GoldSet) -> pd.DataFrame:
    """How big each gold set is: one row per set (index: its name), columns ``articles`` and the number of
    gold rows of each table (``partnerships``, ``figures``, ``events``), and ``modality`` (``yes`` when
    its gold records the modality of every table, ``no`` when it records none, ``partly`` otherwise)."""
    rows = {}
    for gs in sets:
        annotated = len(gs.modality_annotated)
        rows[gs.name] = {"articles": len(gs.corpus.articles),
                         **{t: len(getattr(gs.gold, t)) for t in TABLES},
                         "modality": "yes" if annotated == len(TABLES) else ("no" if annotated == 0 else "partly")}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "gold set"
    return out


# ----------------------------------------------------------------------------- matching, per table
def _in_gold_articles(gs: GoldSet, table: str) -> pd.DataFrame:
    kit = getattr(gs.corpus, table)
    gold = getattr(gs.gold, table)
    return kit[kit["article_id"].isin(set(gold["article_id"]) | _gold_articles(gs))]


def _gold_articles(gs: GoldSet) -> set[str]:
    ids: set[str] = set()
    for table in TABLES:
        ids |= set(getattr(gs.gold, table)["article_id"])
    return ids & set(gs.corpus.articles["article_id"])


def _date_text(value: Any, precision: str) -> str:
    if value is None or pd.isna(value):
        return ""
    ts = pd.Timestamp(value)
    return {"year": f"{ts.year:04d}", "month": f"{ts.year:04d}-{ts.month:02d}"}.get(precision, ts.strftime("%Y-%m-%d"))


def _modality_kind(gold: str, kit: str) -> str | None:
    if gold == kit:
        return None
    if kit == "stated":
        return PLAN_AS_FACT
    if gold == "stated":
        return FACT_AS_PLAN
    return PLAN_AIM


def _number(value: float) -> str:
    return f"{value:,.15g}" if abs(value) >= 1000 else f"{value:.15g}"


def _partnership_text(partner: Any, level: Any, action: Any, year: Any) -> str:
    when = "" if year is None or (not isinstance(year, str) and pd.isna(year)) or year == "" else f" {year}"
    return f"{partner} {level} {action}{when}"


def _figure_text(metric: Any, period: Any, value: Any, unit: Any) -> str:
    when = period if isinstance(period, str) and period else "no period"
    return f"{metric} {when}: {_number(float(value))} {unit}"


def _event_text(kind: Any, date: str, end: str) -> str:
    return f"{kind} {date}" + (f" to {end}" if end else "")


def _rows_partnerships(gs: GoldSet) -> tuple[list[dict], list[dict]]:
    kit = _in_gold_articles(gs, "partnerships")
    gold = gs.gold.partnerships
    pairs = scoring.partnership_pairs(kit, gold)
    facts, errs = [], []
    for g, p in zip(gold.itertuples(), pairs.itertuples()):
        fact = _partnership_text(g.partner_iso3, g.level, g.action, g.year)
        found_errors = []
        if p.found:
            if g.year != "" and g.action != "mentioned" and p.found_year != g.year:
                found_errors.append((WRONG_PERIOD, g.year, p.found_year or "no year"))
            kind = _modality_kind(g.modality, p.found_modality) if "partnerships" in gs.modality_annotated else None
            if kind:
                found_errors.append((kind, g.modality, p.found_modality))
        _add_fact(facts, errs, "partnerships", g.article_id, g.partner_iso3, fact, g.required, p.found, found_errors,
                  g.Index, p.found_index, g.evidence_hint)
    keys = set(zip(gold["article_id"], gold["partner_iso3"], gold["level"]))
    for i, r in kit.iterrows():
        if (r["article_id"], r["partner_iso3"], r["level"]) not in keys:
            year = None if pd.isna(r["year"]) else str(int(r["year"]))
            fact = _partnership_text(r["partner_iso3"], r["level"], r["action"], year)
            _add_extra(facts, errs, "partnerships", r["article_id"], r["partner_iso3"], fact, i, r["evidence"])
    return facts, errs


def _rows_figures(gs: GoldSet) -> tuple[list[dict], list[dict]]:
    kit = _in_gold_articles(gs, "figures")
    gold = gs.gold.figures
    pairs = scoring.figure_pairs(kit, gold)
    pairs.index = gold.index
    matched = pairs[pairs["found"].astype(bool)]
    period_ok = scoring.figure_period_right(matched, gs.corpus.articles)
    facts, errs = [], []
    for g, p in zip(gold.itertuples(), pairs.itertuples()):
        fact = _figure_text(g.metric, g.period, g.value, g.unit)
        found_errors = []
        if p.found:
            kit_row = kit.loc[int(p.found_index)]
            if g.period != "" and not period_ok.loc[g.Index]:
                found_errors.append((WRONG_PERIOD, g.period, p.found_period))
            elif g.period == "" and isinstance(p.found_period, str) and kit_row["period_basis"] not in ("article_date",):
                # the kit gives a period the text does not: "di tahun-tahun mendatang" read as next year
                found_errors.append((WRONG_PERIOD, "no period", f"{p.found_period} ({kit_row['period_basis']})"))
            if p.found_metric != g.metric:
                found_errors.append((WRONG_METRIC, g.metric, p.found_metric))
            kind = _modality_kind(g.modality, p.found_modality) if "figures" in gs.modality_annotated else None
            if kind:
                found_errors.append((kind, g.modality, p.found_modality))
        index = None if not p.found else int(p.found_index)
        _add_fact(facts, errs, "figures", g.article_id, g.partner_iso3, fact, g.required, p.found, found_errors,
                  g.Index, index, g.surface)
    used = set(matched["found_index"].astype(int))
    for i, r in kit.iterrows():
        if i not in used:
            fact = _figure_text(r["metric"], r["period"], r["value"], r["unit"])
            _add_extra(facts, errs, "figures", r["article_id"], r["partner_iso3"], fact, i, r["surface"])
    return facts, errs


def _rows_events(gs: GoldSet) -> tuple[list[dict], list[dict]]:
    kit = _in_gold_articles(gs, "events")
    gold = gs.gold.events
    pairs = scoring.event_pairs(kit, gold)
    facts, errs = [], []
    for g, p in zip(gold.itertuples(), pairs.itertuples()):
        fact = _event_text(g.kind, g.date, g.date_end)
        found_errors = []
        if p.found:
            kind = _modality_kind(g.modality, p.found_modality) if "events" in gs.modality_annotated else None
            if kind:
                found_errors.append((kind, g.modality, p.found_modality))
        index = None if not p.found else int(p.found_index)
        _add_fact(facts, errs, "events", g.article_id, None, fact, g.required, p.found, found_errors, g.Index, index,
                  g.evidence_hint)
    keys = set(zip(gold["article_id"], gold["date"], gold["precision"], gold["date_end"]))
    for i, r in kit.iterrows():
        key = (r["article_id"], _date_text(r["date"], r["precision"]), r["precision"],
               _date_text(r["date_end"], r["precision"]))
        if key not in keys:
            fact = _event_text(r["kind"], key[1], key[3])
            _add_extra(facts, errs, "events", r["article_id"], None, fact, i, r["surface"])
    return facts, errs


def _fact(table: str, article: str, partner: Any, fact: str, required: str, found: bool, found_errors: list,
          gold_index: Any, kit_index: Any, words: Any) -> dict:
    outcome = "missed" if not found else ("found, with an error" if found_errors else "right")
    return {"table": table, "article_id": article, "partner": partner or None, "fact": fact, "required": required,
            "outcome": outcome,
            "errors": "; ".join(kind for kind, _, _ in found_errors) if found else MISSED,
            "gold_index": gold_index, "kit_index": None if kit_index is None or pd.isna(kit_index) else int(kit_index),
            "words": words}


def _fact_errors(table: str, article: str, fact: str, found: bool, found_errors: list, gold_index: Any,
                 kit_index: Any, words: Any) -> list[dict]:
    kit_index = None if kit_index is None or pd.isna(kit_index) else int(kit_index)
    if not found:
        return [{"table": table, "article_id": article, "kind": MISSED, "fact": fact, "gold": fact, "kit": "—",
                 "gold_index": gold_index, "kit_index": None, "words": words}]
    return [{"table": table, "article_id": article, "kind": kind, "fact": fact, "gold": str(gold), "kit": str(kit),
             "gold_index": gold_index, "kit_index": kit_index, "words": words} for kind, gold, kit in found_errors]


def _extra(table: str, article: str, partner: Any, fact: str, kit_index: Any, words: Any) -> dict:
    partner = None if partner is None or pd.isna(partner) else partner
    return {"table": table, "article_id": article, "partner": partner, "fact": fact, "required": None,
            "outcome": NOT_IN_GOLD, "errors": NOT_IN_GOLD,
            "gold_index": None, "kit_index": int(kit_index), "words": words}


def _extra_error(table: str, article: str, fact: str, kit_index: Any, words: Any) -> dict:
    return {"table": table, "article_id": article, "kind": NOT_IN_GOLD, "fact": fact, "gold": "—", "kit": fact,
            "gold_index": None, "kit_index": int(kit_index), "words": words}


def _add_fact(facts: list[dict], errs: list[dict], table: str, article: str, partner: Any, fact: str, required: str,
              found: bool, found_errors: list, gold_index: Any, kit_index: Any, words: Any) -> None:
    """Add a gold fact's row to ``facts`` and its error rows (if any) to ``errs``."""
    facts.append(_fact(table, article, partner, fact, required, found, found_errors, gold_index, kit_index, words))
    errs += _fact_errors(table, article, fact, found, found_errors, gold_index, kit_index, words)


def _add_extra(facts: list[dict], errs: list[dict], table: str, article: str, partner: Any, fact: str,
               kit_index: Any, words: Any) -> None:
    """Add a kit row the gold does not hold to ``facts`` and to ``errs``."""
    facts.append(_extra(table, article, partner, fact, kit_index, words))
    errs.append(_extra_error(table, article, fact, kit_index, words))


_BUILDERS = {"partnerships": _rows_partnerships, "figures": _rows_figures, "events": _rows_events}


def _both(gs: GoldSet) -> tuple[pd.DataFrame, pd.DataFrame]:
    facts, errs = [], []
    for table in TABLES:
        f, e = _BUILDERS[table](gs)
        facts += f
        errs += e
    out = pd.DataFrame(facts, columns=_OUTCOME_COLUMNS)
    err = pd.DataFrame(errs, columns=_ERROR_COLUMNS)
    for df in (out, err):
        df["gold_index"] = df["gold_index"].astype("Int64")
        df["kit_index"] = df["kit_index"].astype("Int64")
    return out, err


def outcomes(gs: GoldSet) -> pd.DataFrame:
    """What became of every fact: one row per gold fact, then one per kit row the gold does not have.

    Columns: ``table`` (partnerships, figures, events); ``article_id``; ``partner`` (ISO3 code of the
    partnership's or figure's partner, NA for events and where none is named); ``fact`` (a short
    description: partner, level, action and year; metric, period, value and unit; kind and date);
    ``required`` (the gold's ``yes``/``no``: a fact any complete reader must find; NA for a kit row the
    gold lacks); ``outcome``
    (``right``; ``found, with an error``; ``missed``; ``not in the gold`` for a kit row the gold lacks);
    ``errors`` (the kinds of error, ``; ``-separated, empty for a right fact); ``gold_index`` (the row
    in ``gs.gold.<table>``, NA for a kit row the gold lacks); ``kit_index`` (the row in
    ``gs.corpus.<table>``, NA for a missed fact); ``words`` (the gold's words or hint, or the kit's
    surface or sentence).
    """
    return _both(gs)[0]


def errors(gs: GoldSet) -> pd.DataFrame:
    """Every error, one row per fact and kind (a fact can be wrong in several ways).

    Columns: ``table``, ``article_id``, ``kind`` (one of :data:`ERROR_KINDS`), ``fact`` (as in
    :func:`outcomes`), ``gold`` and ``kit`` (what each says: a year, a period, a modality, a metric, or
    the whole fact for a missed fact or a row not in the gold; "—" where one side has nothing),
    ``gold_index``, ``kit_index`` and ``words`` (as in :func:`outcomes`).
    """
    return _both(gs)[1]


def error_counts(errors_df: pd.DataFrame) -> pd.DataFrame:
    """How many errors of each kind (rows, in :data:`ERROR_KINDS` order, only kinds that occur) in each
    table (columns partnerships, figures, events), with a ``total`` column."""
    counts = pd.crosstab(errors_df["kind"], errors_df["table"]).reindex(columns=list(TABLES), fill_value=0)
    counts = counts.reindex([k for k in ERROR_KINDS if k in counts.index]).astype(int)
    counts["total"] = counts.sum(axis=1)
    counts.index.name = "kind"
    counts.columns.name = None
    return counts


def precision_recall(gs: GoldSet) -> pd.DataFrame:
    """Recall and precision of the kit, one row per table.

    Columns: ``table``; ``gold_facts`` (facts in the gold), ``found`` (of them, found by the kit),
    ``found_right`` (found with no error), ``missed``; ``recall`` (found / gold_facts);
    ``kit_rows`` (rows the kit gives for the gold's articles), ``confirmed`` (of them, the gold has
    them too), ``not_in_gold``; ``precision`` (confirmed / kit_rows). A ratio over nothing is NaN.
    """
    out = outcomes(gs)
    rows = []
    for table in TABLES:
        t = out[out["table"] == table]
        gold_facts = int((t["outcome"] != NOT_IN_GOLD).sum())
        found = int(t["outcome"].isin(["right", "found, with an error"]).sum())
        kit_rows = len(_in_gold_articles(gs, table))
        extra = int((t["outcome"] == NOT_IN_GOLD).sum())
        rows.append({"table": table, "gold_facts": gold_facts, "found": found,
                     "found_right": int((t["outcome"] == "right").sum()), "missed": gold_facts - found,
                     "recall": found / gold_facts if gold_facts else math.nan,
                     "kit_rows": kit_rows, "confirmed": kit_rows - extra, "not_in_gold": extra,
                     "precision": (kit_rows - extra) / kit_rows if kit_rows else math.nan})
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- one fact, with its sentence
def _sentence_with(corpus: Any, article_id: str, words: str) -> str | None:
    """The first sentence of the article that holds ``words`` (however short: "2 presiden"), or a piece of
    them of 12 characters or more (a gold hint may join fragments with "..." and add a note in brackets)."""
    sentences = corpus.sentences[corpus.sentences["article_id"] == article_id]["text"].astype(str)
    pieces = [words] + sorted((p.strip(" .,;:'\"") for p in str(words).replace("(", "...").replace(")", "...").split("...")),
                              key=len, reverse=True)
    for piece in pieces:
        if piece == words or len(piece) >= 12:
            hit = sentences[sentences.str.contains(piece, regex=False)]
            if len(hit):
                return str(hit.iloc[0])
    return None


def fact_row(gs: GoldSet, row: pd.Series) -> pd.Series:
    """A row of :func:`outcomes` or :func:`errors` as a fact row for :func:`vnpartners.show_fact`.

    A fact the kit found (or a kit row the gold lacks) is the kit's own row, with its sentence. A
    missed fact is the gold's row, with the sentence that holds its words (``evidence``; the gold's
    hint itself when no sentence holds it) and ``surface`` set to those words.
    """
    table = row["table"]
    if not pd.isna(row["kit_index"]):
        return getattr(gs.corpus, table).loc[int(row["kit_index"])]
    gold: dict[str, Any] = dict(getattr(gs.gold, table).loc[int(row["gold_index"])].to_dict())
    words = str(row["words"])
    sentence = _sentence_with(gs.corpus, row["article_id"], words)
    gold["evidence"] = sentence if sentence is not None else words
    if table == "figures":
        gold["value"] = float(gold["value"])
        gold["surface"] = words if sentence is None or words in sentence else None
    elif table == "events":
        gold["surface"] = None
    return pd.Series(gold, dtype=object)  # built whole: pandas may turn a Series of text to str dtype when it grows


# ----------------------------------------------------------------------------- functions of their own modules
_ELSEWHERE = {
    **{name: "trust_periods" for name in ("naive_periods", "dated_two_ways", "period_rules", "miss_rate_upper_bound",
                                          "past_date_plans")},
    **{name: "trust_charts" for name in ("plot_outcomes", "plot_periods", "plot_miss_bound")},
    **{name: "annotation" for name in ("score_annotation", "annotation_summary", "annotation_frame",
                                       "kit_facts_in_paragraph", "paragraph_text")},
}


def __getattr__(name: str) -> Any:
    """Periods, charts and the annotation scorer live in :mod:`.trust_periods`, :mod:`.trust_charts` and
    :mod:`.annotation`, imported the first time one of their functions is used."""
    if name in _ELSEWHERE:
        import importlib

        return getattr(importlib.import_module(f"{__package__}.{_ELSEWHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_ELSEWHERE))
