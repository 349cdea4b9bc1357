"""Self-checks for lesson 00, "From text to tables"."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ._base import expect, not_missing, ok, seeds

__all__ = ["lesson00_q1", "lesson00_q2", "lesson00_q3"]


def _seeds() -> Any:
    return seeds()


def lesson00_q1(answer: Any) -> None:
    """Q1: how many body paragraphs in the seeds are not duplicates?"""
    not_missing(answer, "answer_1")
    paragraphs = _seeds().paragraphs
    expected = int(((paragraphs["kind"] == "body") & ~paragraphs["is_duplicate"]).sum())
    all_body = int((paragraphs["kind"] == "body").sum())
    expect(isinstance(answer, (int,)) or hasattr(answer, "__int__"), "answer_1 should be a whole number (a count of rows).")
    answer = int(answer)
    expect(
        answer != all_body or all_body == expected,
        f"{answer} counts every body paragraph, including the copies printed twice. "
        "Keep only the rows where `is_duplicate` is False.",
    )
    expect(
        answer == expected,
        f"{answer} is not the count. Filter `corpus.paragraphs` on `kind == 'body'` and on "
        "`~is_duplicate`, then count the rows (`len(...)`).",
    )
    ok(f"Right: {expected} body paragraphs, each counted once.")


def lesson00_q2(answer: Any) -> None:
    """Q2: the ISO3 codes of the countries named in article 003's fact-bearing sentences."""
    not_missing(answer, "answer_2")
    expect(
        isinstance(answer, Iterable) and not isinstance(answer, str),
        "answer_2 should be a collection of ISO3 codes, e.g. a set like {'VNM', 'RUS'}.",
    )
    given = {str(code).upper() for code in answer}
    mentions = _seeds().mentions
    expected = set(mentions.loc[mentions["article_id"].str.startswith("003"), "iso3"])
    extra = sorted(given - expected)
    missing = sorted(expected - given)
    expect(
        not extra,
        f"{', '.join(extra)} {'is' if len(extra) == 1 else 'are'} not named in 003's fact-bearing text. "
        "The related-news block at the end of 003 names other countries, but it is boilerplate: "
        "use `corpus.mentions`, which only looks at title, body and caption paragraphs.",
    )
    expect(not missing, f"You are missing {', '.join(missing)}. Select the mentions whose article_id starts with '003'.")
    ok(f"Right: article 003 names {sorted(expected)} in its fact-bearing text.")


def lesson00_q3(answer: Any) -> None:
    """Q3: a number the rules missed: ``(sentence_id, words)`` where ``words`` appear in that sentence
    and no row of ``corpus.figures`` comes from that sentence with those words."""
    not_missing(answer, "answer_3")
    expect(
        isinstance(answer, tuple) and len(answer) == 2,
        "answer_3 should be a pair: (sentence_id, 'the words that state the number').",
    )
    sentence_id, words = str(answer[0]), str(answer[1])
    corpus = _seeds()
    sentences = corpus.sentences.set_index("sentence_id")["text"]
    expect(sentence_id in sentences.index, f"There is no sentence {sentence_id!r}; copy a `sentence_id` from `corpus.sentences`.")
    text = str(sentences[sentence_id])
    expect(words and words in text, f"{words!r} does not appear in sentence {sentence_id}: copy the words exactly as written.")
    expect(any(ch.isdigit() for ch in words), "The words should contain the number itself (its digits).")
    figures = corpus.figures
    found = figures.loc[figures["sentence_id"] == sentence_id, "surface"].astype(str)
    caught = [s for s in found if s in words or words in s]
    if caught:
        raise AssertionError(
            f"The rules already found that one: corpus.figures has {caught[0]!r} from this sentence. "
            "Look for another number."
        )
    ok(f"Well spotted: {words!r} in {sentence_id} states a number the rules did not turn into a row.")
