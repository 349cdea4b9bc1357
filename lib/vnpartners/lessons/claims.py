"""The seeds' statements about partnership levels, held up against the reference tables (lesson 01).

* :func:`seeds_vs_reference` sets every partnership statement of the seeds beside the reference
  history and says, in words, whether the *level* and the *action* (established, upgraded,
  deepened) agree; :func:`statement_agreement` sums that up per action.
* :func:`count_what_37_means` and :func:`strategic_tier_count` count the partners on each rung on a
  date, to say what a headline number ("37 strategic partners") counts.
* :func:`ladder_began` and :func:`first_framework_gaps` put a partner's wait for its first framework
  beside the day the ladder itself began (Russia's Strategic Partnership, March 2001).

Re-exported by :mod:`vnpartners.lessons.levels` (``levels_chart`` in the lessons).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pandas as pd

from .. import reference
from ..facts.modality import stated

#: Short names used in labels and tables.
TIER_SHORT: dict[str, str] = {
    "comprehensive_strategic": "CSP",
    "strategic": "SP",
    "comprehensive": "CP",
    "special": "special",
}

def _tier_of(level: Any) -> Any:
    """The rung a level counts as (China's CSCP -> ``comprehensive_strategic``); NA stays NA."""
    if level is None or (not isinstance(level, str) and pd.isna(level)):
        return pd.NA
    return str(_tiers().get(level, level))


@lru_cache(maxsize=1)
def _tiers() -> dict[str, str]:
    """level -> tier, from :func:`vnpartners.reference.levels` (a shipped table, read once)."""
    levels = reference.levels()
    return dict(zip(levels["level"], levels["tier"]))


# --------------------------------------------------------------------------- seeds vs reference
_SEED_COLUMNS = ["article_id", "sentence_id", "partner_iso3", "partner", "stated_level", "stated_action",
                 "stated_year", "stated_month", "level_in_force", "reference_step", "reference_date",
                 "agrees", "action_agrees", "verdict", "evidence"]


def _published(corpus: Any) -> dict[str, pd.Timestamp]:
    """Each article's publication date, at the *end* of the period known (May 2025 -> 31 May 2025)."""
    articles = getattr(corpus, "articles", None)
    if articles is None or "published" not in articles:
        return {}
    precision = articles["published_precision"] if "published_precision" in articles else pd.Series("day", index=articles.index)
    out = {}
    for aid, when, prec in zip(articles["article_id"], articles["published"], precision):
        if pd.isna(when):
            continue
        when = pd.Timestamp(when)
        if prec == "month":
            when = when + pd.offsets.MonthEnd(0)
        elif prec == "year":
            when = pd.Timestamp(f"{when.year}-12-31")
        out[str(aid)] = when
    return out


def _sentence_key(sentence_id: Any) -> tuple:
    """Sort key of ``"article:para:sent"``: paragraph and sentence as numbers (2 before 17)."""
    parts = str(sentence_id).split(":")
    return tuple(int(x) if x.isdigit() else x for x in parts[1:])


def _short(level: Any) -> str:
    if level is None or (not isinstance(level, str) and pd.isna(level)):
        return "no framework"
    return TIER_SHORT.get(str(_tier_of(level)), str(level))


def seeds_vs_reference(corpus: Any, history: pd.DataFrame | None = None, *,
                       statements: pd.DataFrame | None = None) -> pd.DataFrame:
    """Set each partnership statement of the seeds against the reference tables.

    Args:
        corpus: a :class:`vnpartners.Corpus` (the statements of its ``partnerships`` table that
            say what happened, :func:`vnpartners.stated`: plans and aims are not compared, and its
            articles' publication dates for statements without a year), or a DataFrame with the
            ``partnerships`` columns (``article_id, sentence_id, partner_iso3, level, action, year,
            month, evidence``).
        history: :func:`vnpartners.reference.partnership_history` (the default) or the same columns.
        statements: the partnership rows to compare, when not the stated ones (for example every
            row, plans included); the corpus still gives publication dates.

    Returns one row per statement, in reading order (article, paragraph, sentence), with columns
    ``article_id``, ``sentence_id``, ``partner_iso3``, ``partner`` (English name), ``stated_level``,
    ``stated_action``, ``stated_year``, ``stated_month``; ``level_in_force`` (the reference level at
    the stated time: the end of the stated month or year, or, for a statement without a date, the end
    of the period the article's publication date is known to); ``reference_step`` and
    ``reference_date`` (the reference's own step for that partner and rung: for a ``deepened``
    statement the nearest ``deepened`` step, else the step that set the rung); ``agrees`` (bool: the
    level, and for a dated step its date, agree); ``action_agrees`` (nullable bool: an ``established``
    or ``upgraded`` statement whose reference step has the same action; a ``deepened`` statement whose
    deepening the reference records that month; NA for ``mentioned``) and ``verdict`` (why, in words).

    When a statement agrees:
        * ``established`` / ``upgraded``: the reference has the partner reach that rung in the stated
          year (and month, where both give one). Calling a first framework an upgrade still agrees;
          the verdict says what the reference calls it.
        * ``deepened``: the stated rung was in force then (deepening keeps the level). The verdict
          says whether the reference also records a deepening step that month.
        * ``mentioned``: the stated rung was in force when the article appeared.
    """
    if statements is not None:
        table = statements
    else:
        table = corpus if isinstance(corpus, pd.DataFrame) else corpus.partnerships
        table = stated(table) if "modality" in table.columns else table
    published = {} if isinstance(corpus, pd.DataFrame) else _published(corpus)
    hist = reference.partnership_history() if history is None else history
    names = reference.partners().set_index("iso3")["country_en"]
    order = sorted(range(len(table)), key=lambda i: (str(table["article_id"].iloc[i]),
                                                      _sentence_key(table["sentence_id"].iloc[i]),
                                                      str(table["partner_iso3"].iloc[i])))
    hist_iso3 = hist["iso3"]
    hist_tier = hist["level"].map(_tier_of)
    in_force: dict[Any, pd.Series] = {}
    rows = []
    for st in table.iloc[order].itertuples(index=False):
        code = str(st.partner_iso3)
        tier = _tier_of(st.level)
        short = _short(st.level)
        action = None if pd.isna(st.action) else str(st.action)
        year = None if pd.isna(st.year) else int(st.year)
        month = None if pd.isna(st.month) else int(st.month)
        if year is not None and month is not None:
            when = pd.Timestamp(year=year, month=month, day=1) + pd.offsets.MonthEnd(0)
            when_text = f"at the end of {when:%b %Y}"
        elif year is not None:
            when = pd.Timestamp(f"{year}-12-31")
            when_text = f"at the end of {year}"
        else:
            when = published.get(str(st.article_id), reference.STATUS_DATE)
            when_text = f"when the article appeared ({when:%b %Y})"
        if when not in in_force:  # the levels in force on each date asked about, read once
            in_force[when] = reference.partners(when).set_index("iso3")["level"]
        level_in_force = in_force[when].get(code, pd.NA)
        level_ok = bool(pd.notna(level_in_force) and _tier_of(level_in_force) == tier)

        mine = hist[(hist_iso3 == code) & (hist_tier == tier)]
        if action == "deepened":
            mine = mine[mine["action"] == "deepened"]
        else:
            mine = mine[mine["action"] != "deepened"]
        step = None
        if len(mine):
            if year is not None and mine["date"].notna().any():
                target = pd.Timestamp(year=year, month=month or 6, day=15)
                step = mine.loc[(mine["date"] - target).abs().idxmin()]
            else:
                step = mine.iloc[0]

        action_agrees: Any = pd.NA  # a statement that only mentions a level states no action
        if action in ("established", "upgraded") and year is not None:
            action_agrees = bool(step is not None and step["action"] == action)
            if step is None:
                agrees = False
                verdict = f"the reference has {code} never reaching {short}"
            else:
                ref = step["date"]
                same_year = pd.notna(ref) and ref.year == year
                precise = step["date_precision"] in ("day", "month", "range")
                same_month = month is None or not precise or (pd.notna(ref) and ref.month == month)
                agrees = bool(same_year and same_month)
                if agrees:
                    verdict = f"agrees: the reference dates this step {step['date_text']}"
                    if step["action"] != action:
                        verdict += f" and calls it '{step['action']}'"
                        if step["action"] == "established":
                            verdict += " (the first framework)"
                else:
                    what = "year" if not same_year else "month"
                    verdict = f"{what} differs: the reference dates this step {step['date_text']}"
        elif action == "deepened":
            agrees = level_ok
            action_agrees = bool(step is not None and pd.notna(step["date"]) and year is not None
                                 and step["date"].year == year and (month is None or step["date"].month == month))
            if not agrees:
                verdict = f"level differs: the reference has {_short(level_in_force)} {when_text}"
            elif step is not None and pd.notna(step["date"]) and step["date"].year == year and (
                    month is None or step["date"].month == month):
                verdict = f"agrees: {short} in force, and the reference records this deepening ({step['date_text']})"
            elif step is not None:
                verdict = (f"agrees on the level ({short} in force); the reference lists no deepening then "
                           f"(its nearest: {step['date_text']})")
            else:
                verdict = f"agrees on the level ({short} in force); the reference lists no deepening step"
        else:  # mentioned, or a dated statement of another kind
            agrees = level_ok
            verdict = (f"agrees: {short} was in force {when_text}" if agrees
                       else f"level differs: the reference has {_short(level_in_force)} {when_text}")
        rows.append({
            "article_id": st.article_id, "sentence_id": st.sentence_id, "partner_iso3": code,
            "partner": names.get(code, code), "stated_level": st.level, "stated_action": action,
            "stated_year": year, "stated_month": month, "level_in_force": level_in_force,
            "reference_step": None if step is None else step["action"],
            "reference_date": pd.NaT if step is None else step["date"],
            "agrees": agrees, "action_agrees": action_agrees, "verdict": verdict, "evidence": st.evidence,
        })
    out = pd.DataFrame(rows, columns=_SEED_COLUMNS)
    out = out.astype({"stated_year": "Int64", "stated_month": "Int64", "agrees": bool,
                      "action_agrees": "boolean", "reference_date": "datetime64[ns]"})
    for col in ("article_id", "sentence_id", "partner_iso3", "partner", "stated_level", "stated_action",
                "level_in_force", "reference_step", "verdict", "evidence"):
        out[col] = out[col].astype("string")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- what "37" counts
def count_what_37_means(as_of: Any = "2025-05-12") -> pd.DataFrame:
    """How many partners stood on each rung on ``as_of``, and how many on that rung *or above*.

    One row per rung, highest first, then the special relationships. Columns: ``rung`` (1–3, NA for
    special), ``tier``, ``short`` (CSP/SP/CP/special), ``level_name``, ``partners`` (on this rung),
    ``this_rung_or_above`` (running total down the ladder; NA for special, which no tally counts),
    ``countries`` (ISO3 codes, comma-separated).

    The last ladder row's running total is the "every framework from comprehensive partnership up"
    figure (37 on 12 May 2025); the strategic row's is the "strategic partners or above" figure.
    """
    p = reference.partners(as_of)
    names = reference.levels().set_index("level")["name_en"]
    rows = []
    running = 0
    for rung, tier in enumerate(reference.LADDER_TIERS, start=1):
        members = sorted(p.loc[p["tier"] == tier, "iso3"])
        running += len(members)
        rows.append({"rung": rung, "tier": tier, "short": TIER_SHORT[tier], "level_name": names[tier],
                     "partners": len(members), "this_rung_or_above": running, "countries": ", ".join(members)})
    special = sorted(p.loc[p["tier"] == "special", "iso3"])
    rows.append({"rung": pd.NA, "tier": "special", "short": "special", "level_name": names["special"],
                 "partners": len(special), "this_rung_or_above": pd.NA, "countries": ", ".join(special)})
    out = pd.DataFrame(rows)
    return out.astype({"rung": "Int64", "partners": int, "this_rung_or_above": "Int64"})


def strategic_tier_count(as_of: Any) -> int:
    """Partners at strategic level or above (CSP + SP, China's CSCP included) on ``as_of``."""
    p = reference.partners(as_of)
    return int(p["tier"].isin(["comprehensive_strategic", "strategic"]).sum())




def statement_agreement(comparison: pd.DataFrame) -> pd.DataFrame:
    """Sum up :func:`seeds_vs_reference` per stated action: what agrees, and on what.

    One row per ``stated_action`` (sorted), columns ``statements``; ``level_agrees`` (the rung, and a
    dated step's date, agree); ``action_stated`` (statements that state an action the reference can
    confirm: every one but ``mentioned``); ``action_agrees`` (the reference has the same action: the
    same word for a step, the deepening itself for a ``deepened`` statement); ``action_differs``.
    """
    rows = []
    for action, part in comparison.groupby("stated_action", sort=True):
        stated = part["action_agrees"].notna()
        agree = int(part["action_agrees"].fillna(False).astype(bool).sum())
        rows.append({"stated_action": action, "statements": len(part), "level_agrees": int(part["agrees"].sum()),
                     "action_stated": int(stated.sum()), "action_agrees": agree,
                     "action_differs": int(stated.sum()) - agree})
    cols = ["stated_action", "statements", "level_agrees", "action_stated", "action_agrees", "action_differs"]
    return pd.DataFrame(rows, columns=cols)


# --------------------------------------------------------------------------- when the ladder began
def ladder_began(history: pd.DataFrame | None = None) -> pd.Timestamp:
    """The day of the first framework on the ladder: the earliest dated step onto a ladder rung.

    In the kit's history this is Russia's Strategic Partnership, signed on 1 March 2001: before it, no
    partner could "wait" for a framework, because there was none.
    """
    h = reference.partnership_history() if history is None else history
    steps = h[h["tier"].isin(reference.LADDER_TIERS) & h["date"].notna() & (h["action"] != "deepened")]
    return pd.Timestamp(steps["date"].min())


def first_framework_gaps(codes: list[str]) -> pd.DataFrame:
    """For each partner, the years from diplomatic relations to its first framework, and from the later of
    relations and :func:`ladder_began`.

    One row per code (sorted by the second gap): ``iso3``, ``relations`` (step 0), ``first_framework``
    (step 1), ``years_since_relations`` and ``years_since_ladder_or_relations`` (years of 365.25 days,
    one decimal). The second gap is the honest "wait": a relationship older than the ladder could not
    have had a framework before the ladder existed.
    """
    began = ladder_began()
    rows = []
    for code in codes:
        path = reference.partner_path(code)
        relations = path.loc[path["step"] == 0, "date"].iloc[0]
        first = path.loc[path["step"] == 1, "date"].iloc[0]
        start = max(relations, began)
        rows.append({"iso3": path["iso3"].iloc[0], "relations": relations, "first_framework": first,
                     "years_since_relations": round((first - relations).days / 365.25, 1),
                     "years_since_ladder_or_relations": round((first - start).days / 365.25, 1)})
    out = pd.DataFrame(rows, columns=["iso3", "relations", "first_framework", "years_since_relations",
                                      "years_since_ladder_or_relations"])
    return out.sort_values(["years_since_ladder_or_relations", "iso3"], kind="stable").reset_index(drop=True)
