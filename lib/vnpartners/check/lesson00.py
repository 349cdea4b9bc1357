"""Self-checks for lesson 00, "From text to tables".

Every expected answer is computed from the seeds when the check runs (never typed in), and every
parameter of a question is stated once, in :data:`EXERCISES`.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ._base import Exercise, codes, expect, explanation, fail, join_words, long_date, not_missing, ok, plural, seeds, whole_number

__all__ = ["lesson00_q1", "lesson00_q2", "lesson00_q3", "lesson00_q4"]

#: the kinds of paragraph facts are read from (the loader's rule)
FACT_KINDS = ("title", "body", "caption")

EXERCISES = [
    Exercise(
        "00", 1,
        "How many *{kind}* paragraphs do the seeds have, counting each paragraph printed twice only once?",
        "a whole number",
        params={"kind": "body"},
    ),
    Exercise(
        "00", 2,
        "Which countries does article {article} name in its fact-bearing text? Give a set of ISO3 codes "
        "(names work too).",
        "a set of ISO3 codes, e.g. {'VNM'}",
        params={"article": "002"},
    ),
    Exercise(
        "00", 3,
        "Rules miss things. Find a **count** (of people, places, countries, projects …) stated in a "
        "fact-bearing sentence that `corpus.figures` has no row for. A year or a date is not a count, nor "
        "is a length of time (*75 tahun*, *8 hari*), a rank or an ordinal (*ke-26*), or a number inside a slogan's "
        "quoted name. Give the sentence id and the words that state the count, exactly as written.",
        '("sentence_id", "words as written")',
    ),
    Exercise(
        "00", 4,
        "Article {article} gives Vietnam–Russia trade in the future tense: *\"pada tahun 2023, omzet "
        "perdagangan bilateral **akan mencapai** 3,63 miliar USD\"* (in 2023, trade **will reach** …). "
        "(a) How many days after the end of the *latest* period of its `{metric}` figures was the article "
        "published? (b) In `why_4`: are these figures plans or results, and what should a program that "
        "labels statements as *stated* or *planned* compare before trusting the word *akan*?",
        "a whole number of days",
        params={"article": "000", "metric": "trade_turnover"},
        interpretive=True,
    ),
]
Q1, Q2, Q3, Q4 = EXERCISES


def _fact_sentences() -> pd.DataFrame:
    """The sentences with their paragraph's ``kind`` and ``is_duplicate``."""
    corpus = seeds()
    return corpus.sentences.merge(corpus.paragraphs[["article_id", "para_no", "kind", "is_duplicate"]],
                                  on=["article_id", "para_no"], how="left")


# --------------------------------------------------------------------------- Q1
def lesson00_q1(answer: Any) -> None:
    """Q1: how many paragraphs of one kind are there, each paragraph printed twice counted once?"""
    kind = Q1.params["kind"]
    given = whole_number(answer, "answer_1", "a whole number (a count of rows)")
    p = seeds().paragraphs
    of_kind = p["kind"] == kind
    expected = int((of_kind & ~p["is_duplicate"]).sum())
    if given != expected:
        expect(given != int(of_kind.sum()) or int(of_kind.sum()) == expected,
               f"{given} counts every {kind} paragraph, including the copies printed twice. Keep only "
               "the rows where `is_duplicate` is False.")
        expect(given != int((~p["is_duplicate"]).sum()),
               f"{given} counts paragraphs of every kind. Keep only the rows whose `kind` is '{kind}'.")
        fail(f"{given} is not the count. Filter `corpus.paragraphs` on its `kind` ('{kind}') and on "
             "`is_duplicate` being False, then count the rows with `len(...)`.")
    ok(f"Right: only the {kind} paragraphs, each counted once: the "
       f"{plural(int(of_kind.sum()) - expected, 'second copy', 'second copies')} of a paragraph printed twice are left out.")


# --------------------------------------------------------------------------- Q2
def lesson00_q2(answer: Any) -> None:
    """Q2: the ISO3 codes of the countries named in one article's fact-bearing sentences."""
    article = Q2.params["article"]
    given = codes(answer, "answer_2")
    corpus = seeds()
    mentions = corpus.mentions
    expected = set(mentions.loc[mentions["article_id"].str.startswith(article), "iso3"])
    extra, missing = sorted(given - expected), sorted(expected - given)
    if extra:
        text = corpus.paragraphs[corpus.paragraphs["article_id"].str.startswith(article)]
        in_boilerplate = [c for c in extra if c in _named_anywhere(text)]
        hint = ("It is named only in the page's furniture (boilerplate, e.g. a related-news list), which "
                "gives no facts. " if in_boilerplate else "")
        fail(f"{join_words(extra)} {'is' if len(extra) == 1 else 'are'} not named in article {article}'s "
             f"fact-bearing text. {hint}Use `corpus.mentions`: it only looks at titles, bodies and captions.")
    expect(not missing,
           f"You are missing {plural(len(missing), 'country', 'countries')}. Select the mentions whose "
           f"`article_id` starts with '{article}' and collect their `iso3` column.")
    ok(f"Right: every country `corpus.mentions` finds in article {article}'s titles, bodies and captions, and none "
       "from its page furniture (a related-news list names other countries, but it states no facts).")


def _named_anywhere(paragraphs: pd.DataFrame) -> set[str]:
    """ISO3 codes named anywhere in these paragraphs, boilerplate included."""
    from ..reference.countries import alias_pattern

    pattern, lookup = alias_pattern()
    return {lookup[m.group(0)] for text in paragraphs["text"] for m in pattern.finditer(str(text))
            if m.group(0) in lookup}


# --------------------------------------------------------------------------- Q3
_NUMBER = re.compile(r"\d[\d.,/]*\d|\d")


def q3_problem(sentence_id: str, words: str) -> str | None:
    """Why ``words`` in sentence ``sentence_id`` are not a count the rules missed; ``None`` when they are."""
    from .. import find_dates

    sentences = _fact_sentences().set_index("sentence_id")
    if sentence_id not in sentences.index:
        return f"There is no sentence {sentence_id!r}: copy a `sentence_id` from `corpus.sentences`."
    row = sentences.loc[sentence_id]
    text = str(row["text"])
    if not words or words not in text:
        return f"{words!r} does not appear in sentence {sentence_id}: copy the words exactly as written."
    numbers = list(_NUMBER.finditer(words))
    if not numbers:
        return "The words should contain the count itself, in digits."
    if row["kind"] not in FACT_KINDS:
        return (f"Sentence {sentence_id} is in a {row['kind']} paragraph (page furniture): no facts are read there, "
                "so nothing was missed. Look in a title, body or caption paragraph.")
    if bool(row["is_duplicate"]):
        return (f"Sentence {sentence_id} is in a paragraph printed twice; its facts are read once, from the first "
                "copy. Look at the first copy, or at another sentence.")
    offset = text.index(words)
    dates = find_dates(text, default_year=2000)
    for m in numbers:
        start, end = offset + m.start(), offset + m.end()
        before, after = text[:start], text[end:]
        unit = re.match(r"\s*(tahun|thn|bulan|minggu|pekan|hari|jam|menit)\b", after, flags=re.IGNORECASE)
        if any(d.start <= start < d.end for d in dates.itertuples()):
            return (f"{m.group()} is part of a date ({_date_at(dates, start)}): dates go to `corpus.events`, not to "
                    "the figures. Look for a count of people, places or things.")
        if re.search(r"ke-\s*$", before):
            return f"ke-{m.group()} is an ordinal (a rank, or the Nth meeting), not a count of anything."
        if re.fullmatch(r"1[89]\d\d|20\d\d", m.group()):
            return (f"{m.group()} is a year: dates go to `corpus.events`, not to the figures. Look for a count of "
                    "people, places or things.")
        if unit:
            return (f"{m.group()} {unit.group(1)} is a length of time (an age, an anniversary, a trip's length), "
                    "not a count of people, places or things.")
        if "/" in m.group() or re.match(r"\s*[/-]\s*\d", after) or re.search(r"\d\s*[/-]\s*$", before):
            return f"{m.group()} is part of an identifier (a code or a landmark number), not a count."
        if before.count('"') % 2 == 1 or before.count("“") > before.count("”"):
            return f"{m.group()} is inside quotation marks, part of a slogan's name, not a count of anything."
    figures = seeds().figures
    found = figures.loc[figures["sentence_id"] == sentence_id, "surface"].astype(str)
    caught = [s for s in found if s in words or words in s]
    if caught:
        return (f"The rules already found that one: `corpus.figures` has {caught[0]!r} from this sentence. "
                "Look for another count.")
    return None


def q3_candidates() -> list[tuple[str, str]]:
    """Every (sentence_id, "number and the word after it") the check of exercise 3 accepts, in reading order."""
    found = []
    sentences = _fact_sentences()
    for row in sentences[sentences["kind"].isin(FACT_KINDS) & ~sentences["is_duplicate"].astype(bool)].itertuples():
        for m in _NUMBER.finditer(str(row.text)):
            words = re.match(r"\S+(\s+\S+)?", str(row.text)[m.start():])
            if words and q3_problem(row.sentence_id, words.group(0).rstrip(".,;:")) is None:
                found.append((str(row.sentence_id), words.group(0).rstrip(".,;:")))
    return found


def lesson00_q3(answer: Any) -> None:
    """Q3: a count the rules missed: ``(sentence_id, words)`` in a fact-bearing sentence, with no figure row."""
    not_missing(answer, "answer_3")
    expect(isinstance(answer, tuple) and len(answer) == 2,
           "answer_3 should be a pair in round brackets: (sentence_id, 'the words that state the count').")
    sentence_id, words = str(answer[0]).strip(), str(answer[1]).strip()
    problem = q3_problem(sentence_id, words)
    if problem:
        fail(problem)
    ok("Well spotted: a count in a fact-bearing sentence that no row of `corpus.figures` holds. It is not a date, "
       "an age, a rank or a name, so a figure rule could have read it.")


def _date_at(dates: pd.DataFrame, start: int) -> str:
    hit = dates[(dates["start"] <= start) & (start < dates["end"])]
    return repr(str(hit["surface"].iloc[0])) if len(hit) else "a date"


# --------------------------------------------------------------------------- Q4
def period_end(period: Any) -> pd.Timestamp:
    """The last day a figure's ``period`` covers: ``'2023'`` → 31 Dec 2023, ``'2025-Q1'`` → 31 Mar 2025,
    ``'2025-01'`` → 31 Jan 2025, ``'2024-01/2024-10'`` → 31 Oct 2024."""
    text = str(period).split("/")[-1].strip()
    if re.fullmatch(r"\d{4}", text):
        return pd.Timestamp(f"{text}-12-31")
    match = re.fullmatch(r"(\d{4})-Q([1-4])", text)
    if match:
        return pd.Period(f"{match.group(1)}Q{match.group(2)}", freq="Q").end_time.normalize()
    match = re.fullmatch(r"(\d{4})-H([12])", text)
    if match:
        return pd.Timestamp(f"{match.group(1)}-{'06-30' if match.group(2) == '1' else '12-31'}")
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return pd.Period(text, freq="M").end_time.normalize()
    return pd.Timestamp(text).normalize()


def q4_values() -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """Publication date of the article, end of its latest figure period, and that period."""
    corpus = seeds()
    article, metric = Q4.params["article"], Q4.params["metric"]
    art = corpus.articles[corpus.articles["article_id"].str.startswith(article)].iloc[0]
    rows = corpus.figures[corpus.figures["article_id"].str.startswith(article) & (corpus.figures["metric"] == metric)]
    if rows.empty:
        raise RuntimeError(f"corpus.figures has no {metric} figure from article {article}: the kit's rules did not "
                           "read it, so this check cannot run (tell your instructor).")
    ends = rows["period"].map(period_end)
    latest = int(ends.values.argmax())
    return pd.Timestamp(art["published"]), ends.iloc[latest], str(rows["period"].iloc[latest])


def lesson00_q4(answer: Any, why: Any = None) -> None:
    """Q4: days from the end of the latest period of an article's trade figures to its publication; why."""
    given = whole_number(answer, "answer_4", "a whole number of days")
    published, end, period = q4_values()
    expected = int((published - end).days)
    if given != expected:
        expect(given != expected + 1,
               f"{given} counts one day too many: the period ends on {long_date(end)}; count the days from that "
               "day to the publication date (subtract the two dates and take `.days`).")
        expect(abs(given) != expected or given > 0,
               f"{given} is negative: subtract the end of the period from the publication date, not the other way round.")
        fail(f"{given} is not the number of days. The latest period is {period!r}: when does it end? Subtract that "
             "date from the article's `published` date (`corpus.articles`) and take `.days`.")
    explanation(why, "why_4")
    ok(f"Right: the latest period, {period}, ended on {long_date(end)}, well before the article appeared. Compare your "
       "explanation with these points: every period had ended, so 'akan mencapai' cannot announce a plan: it is a "
       "slip of the Indonesian version of a Vietnamese article, and the figures are results. A program should compare "
       "the period of a figure with the publication date before it calls a figure 'planned' because of the word 'akan'.")


# --------------------------------------------------------------------------- answer key
def _q1_expected() -> int:
    p = seeds().paragraphs
    return int(((p["kind"] == Q1.params["kind"]) & ~p["is_duplicate"]).sum())


def answer_key() -> dict[int, str]:
    """The right answers, computed as the checks compute them (for the teaching guide)."""
    mentions = seeds().mentions
    q2 = sorted(set(mentions.loc[mentions["article_id"].str.startswith(Q2.params["article"]), "iso3"]))
    published, end, period = q4_values()
    return {
        1: f"`{_q1_expected()}`",
        2: "`{" + ", ".join(repr(c) for c in q2) + "}`",
        3: "any of " + "; ".join(f"`{c!r}`" for c in q3_candidates()) + " (longer quotes of the same words pass too)",
        4: f"`{(published - end).days}` days (period {period} ended on {long_date(end)}; published {long_date(published)})",
    }
