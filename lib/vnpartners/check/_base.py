"""Building blocks of the self-checks: the failure a learner sees, the answers accepted, the exercises.

* :class:`CheckFailed` is what every check raises for a missing or wrong answer. IPython shows an
  exception's ``_render_traceback_()`` instead of a traceback, so the learner sees the teaching
  message alone, in one short box: no traceback, no code of the check.
* :func:`whole_number`, :func:`number`, :func:`codes`, :func:`country`, :func:`labels` and
  :func:`explanation` read an answer the same way in every lesson (a count may be an ``int``, a numpy
  integer, a whole ``float`` or a one-value Series; a country an ISO3 code or a name in English or
  Indonesian, in any case ...), or fail with a message that says what was expected.
* :class:`Exercise` states an exercise's question and its parameters (a date, a partner, a threshold)
  once: the check reads the parameters, and ``tools/navigation.py`` writes the question, the starter
  cell and the check cell of the lesson from it.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from numbers import Integral, Real
from typing import Any

import pandas as pd

from ..wording import join_words, plural

__all__ = ["CheckFailed", "Exercise", "codes", "country", "expect", "explanation", "fail", "join_words", "labels",
           "long_date", "not_missing", "number", "ok", "plural", "seeds", "whole_number"]

#: how wide a failure message is wrapped (JupyterLab wraps too; nbconvert and terminals do not)
MESSAGE_WIDTH = 100
#: an explanation (the written part of an interpretive question) has at least this many words
MIN_EXPLANATION_WORDS = 8


class CheckFailed(AssertionError):
    """A missing or wrong answer. IPython shows only the teaching message, never a traceback.

    A subclass of ``AssertionError``, so ``pytest.raises(AssertionError)`` and a plain ``except
    AssertionError`` still catch it.
    """

    def _render_traceback_(self) -> list[str]:
        """What IPython prints instead of the traceback: the message, marked and wrapped."""
        lines: list[str] = []
        for paragraph in str(self).split("\n"):
            lines.extend(textwrap.wrap(paragraph, MESSAGE_WIDTH) or [""])
        return [f"\x1b[1;31m✗ Not yet.\x1b[0m {lines[0]}", *lines[1:]] if lines else ["✗ Not yet."]


def fail(message: str) -> None:
    """Stop the check with ``message`` (raises :class:`CheckFailed`, with no chained exception)."""
    raise CheckFailed(message) from None


def expect(condition: bool, message: str) -> None:
    """Raise :class:`CheckFailed` with ``message`` unless ``condition`` holds."""
    if not condition:
        fail(message)


def not_missing(answer: Any, name: str) -> None:
    """Fail with a friendly message while the learner has not answered yet."""
    if answer is None or answer is Ellipsis:
        fail(f"{name} is still empty: replace `None` with your answer, then run this cell again.")


def ok(message: str) -> None:
    """Print the confirmation shown under a passed check (say *why* the answer is right)."""
    print(f"✓ {message}")


# --------------------------------------------------------------------------- answers, read the same way everywhere
def _scalar(answer: Any) -> Any:
    """A numpy scalar or a one-value Series/array/list as a plain Python value; anything else unchanged."""
    if isinstance(answer, (pd.Series, pd.Index)) and len(answer) == 1:
        answer = answer.iloc[0] if isinstance(answer, pd.Series) else answer[0]
    elif isinstance(answer, (list, tuple)) and len(answer) == 1 and not isinstance(answer[0], (list, tuple)):
        answer = answer[0]
    if hasattr(answer, "item") and not isinstance(answer, (str, bytes)):
        try:
            answer = answer.item()
        except (ValueError, TypeError):
            pass
    return answer


def _type_hint(answer: Any) -> str:
    """Why a collection or a table is not one value, and what to do."""
    if isinstance(answer, (pd.DataFrame, pd.Series, list, tuple, set, dict)):
        return (f" You gave a {type(answer).__name__} with {plural(len(answer), 'value')}: take the single value "
                "out of it (for example with `.iloc[0]`, `.max()` or `len(...)`).")
    return ""


def whole_number(answer: Any, name: str, what: str = "a whole number") -> int:
    """``answer`` as an int: an int, a numpy integer, a whole float, or one such value in a Series.

    Text, True/False and numbers with decimals are refused with a message.
    """
    not_missing(answer, name)
    value = _scalar(answer)
    expect(not isinstance(value, bool), f"{name} should be {what}, not True/False.")
    expect(not isinstance(value, (str, bytes)),
           f"{name} should be {what}, not the text {value!r}: compute it, or remove the quotes.")
    if isinstance(value, Real) and not isinstance(value, Integral) and float(value).is_integer():
        value = int(value)
    expect(isinstance(value, Integral),
           f"{name} should be {what}, but it is {type(value).__name__} {value!r}." + _type_hint(value))
    return int(value)


def number(answer: Any, name: str, what: str = "a number") -> float:
    """``answer`` as a finite float: any real number, or one in a one-value Series. Text is refused."""
    not_missing(answer, name)
    value = _scalar(answer)
    expect(not isinstance(value, bool), f"{name} should be {what}, not True/False.")
    expect(not isinstance(value, (str, bytes)),
           f"{name} should be {what}, not the text {value!r}: compute it with Python, or remove the quotes.")
    expect(isinstance(value, Real), f"{name} should be one number ({what})." + _type_hint(value))
    value = float(value)
    expect(math.isfinite(value), f"{name} is {value}: look for a division by zero or a missing value (NaN).")
    return value


#: how far a percentage answer may be from the expected one, in percentage points
PCT_TOLERANCE = 0.1


def close(a: float, b: float, tol: float = PCT_TOLERANCE) -> bool:
    """True if ``a`` and ``b`` differ by at most ``tol``."""
    return abs(a - b) <= tol


def percent(answer: Any, name: str, what: str, expected: float) -> float:
    """The answer as a float, refusing a fraction where a percentage is asked for."""
    value = number(answer, name, what)
    expect(not close(value * 100, expected) or close(value, expected),
           f"{value} looks like a fraction; the question asks for percent ({value * 100:.2f}).")
    return value


def _items(answer: Any, name: str, what: str) -> list[Any]:
    """The items of a collection answer (set, list, tuple, Series, Index); a lone string is refused."""
    not_missing(answer, name)
    expect(not isinstance(answer, (str, bytes)),
           f"{name} should be a collection of {what}, e.g. a set like {{'A', 'B'}}, not one piece of text.")
    if isinstance(answer, pd.DataFrame):
        fail(f"{name} is a whole table: take one column of it (e.g. `set(table['iso3'])`).")
    if isinstance(answer, Mapping):
        answer = list(answer)
    expect(isinstance(answer, Iterable), f"{name} should be a collection of {what}, e.g. a set.")
    return list(answer)


def country(answer: Any, name: str) -> str:
    """The ISO3 code ``answer`` names: a code or a name in English or Indonesian, in any case.

    A name the kit does not know stays as written (in capitals), so the check can say it is not
    among the expected answers.
    """
    from ..errors import UnknownPartnerError
    from ..reference import resolve_partner

    not_missing(answer, name)
    value = _scalar(answer)
    expect(isinstance(value, str),
           f"{name} should be one country as text: its ISO3 code (e.g. 'KAZ') or its name." + _type_hint(value))
    text = value.strip()
    try:
        return str(resolve_partner(text))
    except (UnknownPartnerError, ValueError, KeyError):
        return text.upper()


def codes(answer: Any, name: str) -> set[str]:
    """A set of ISO3 codes from a collection of codes or names (see :func:`country`)."""
    return {country(item, name) for item in _items(answer, name, "countries (ISO3 codes or names)")}


def labels(answer: Any, name: str, what: str) -> set[str]:
    """A set of short texts (periods, kinds ...) from a collection, stripped; compared as written."""
    return {str(item).strip() for item in _items(answer, name, what)}


def explanation(answer: Any, name: str) -> str:
    """The written part of an interpretive question: text of at least :data:`MIN_EXPLANATION_WORDS` words."""
    expect(answer is not None and answer is not Ellipsis and not (isinstance(answer, str) and not answer.strip()),
           f"{name} is still empty: write your explanation between the quotes, in two or three sentences.")
    expect(isinstance(answer, str), f"{name} should be your explanation as text, between quotes.")
    expect(len(answer.split()) >= MIN_EXPLANATION_WORDS,
           f"{name} is too short to explain anything: write two or three full sentences "
           f"(at least {MIN_EXPLANATION_WORDS} words).")
    return answer.strip()


# --------------------------------------------------------------------------- exercises, stated once
def long_date(value: Any) -> str:
    """``"2016-07-01"`` → ``"1 July 2016"``."""
    when = pd.Timestamp(value)
    return f"{when.day} {when:%B %Y}"


@dataclass(frozen=True)
class Exercise:
    """One exercise of a lesson, stated once: its question, its parameters and the answer it expects.

    ``question`` is Markdown with ``{name}`` fields for the ``params``; each parameter can also be
    written as ``{name_code}`` (its Python literal, e.g. ``'2016-07-01'``). ``display`` gives a
    parameter's words where they differ from ``str(value)`` (a date as "1 July 2016").
    ``answer`` says what the learner gives (it ends the starter line). An ``interpretive`` exercise
    also asks for ``why_N``, a written explanation; its check verifies the factual part and shows
    the points a good explanation makes. The lesson's cells are written from this by
    ``tools/navigation.py``; the check function reads :attr:`params`.
    """

    lesson: str
    number: int
    question: str
    answer: str
    params: Mapping[str, Any] = field(default_factory=dict)
    display: Mapping[str, str] = field(default_factory=dict)
    interpretive: bool = False

    @property
    def answer_name(self) -> str:
        """The learner's variable: ``answer_1``."""
        return f"answer_{self.number}"

    @property
    def why_name(self) -> str:
        """The learner's explanation of an interpretive exercise: ``why_1``."""
        return f"why_{self.number}"

    @property
    def check_name(self) -> str:
        """The check function: ``lesson01_q1``."""
        return f"lesson{self.lesson}_q{self.number}"

    def fields(self) -> dict[str, str]:
        """The values the question's ``{fields}`` are filled with."""
        out: dict[str, str] = dict(self.display)  # may also name words derived from the parameters
        for key, value in self.params.items():
            out[key] = self.display.get(key, str(value))
            out[f"{key}_code"] = repr(value)
        return out

    def markdown(self) -> str:
        """The question as the lesson shows it."""
        kind = " *(interpretation)*" if self.interpretive else ""
        return f"**Exercise {self.number}.**{kind} " + self.question.format(**self.fields()).strip()

    def starter(self) -> str:
        """The exercise cell: the parameters as variables, then the empty answer(s)."""
        lines = [f"q{self.number}_{key} = {value!r}" for key, value in self.params.items()]
        if lines:
            lines.insert(0, f"# the question's {'parameter' if len(lines) == 1 else 'parameters'} "
                            "(the check asks about these values)")
        lines.append(f"{self.answer_name} = None  # your answer here: {self.answer}")
        if self.interpretive:
            lines.append(f'{self.why_name} = ""  # your explanation here: two or three sentences')
        return "\n".join(lines)

    def check_call(self) -> str:
        """The check cell."""
        args = f"{self.answer_name}, {self.why_name}" if self.interpretive else self.answer_name
        return f"check.{self.check_name}({args})"


# --------------------------------------------------------------------------- the seeds, read once
_SEEDS_CACHE: dict[Any, Any] = {}


def seeds() -> Any:
    """The seeds as :func:`vnpartners.load_seeds` reads them, loaded once per set of files.

    The checks only read the corpus; it is reloaded when the seeds folder (``VNPARTNERS_SEEDS``)
    or any file in it (name, size, modification time) changes.
    """
    from ..corpus import load_seeds
    from ..paths import seeds_dir

    folder = seeds_dir()
    try:
        key = (str(folder), tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns)
                                         for p in folder.iterdir())))
    except OSError:  # let load_seeds report a missing folder its own way
        return load_seeds()
    if key not in _SEEDS_CACHE:
        _SEEDS_CACHE.clear()
        _SEEDS_CACHE[key] = load_seeds()
    return _SEEDS_CACHE[key]
