"""Self-checks for the lessons' exercises.

Each function takes the learner's answer, prints a short confirmation that says why it is right, or
raises :class:`CheckFailed` with a teaching message (what was expected, and a hint). IPython shows
that message alone, without a traceback. They are plain functions, tested with pytest like the rest
of the library.

Every module ``lessonNN.py`` in this package is found by its name (nothing to register): its
``__all__`` functions become ``check.lessonNN_qK`` and its ``EXERCISES`` (a list of
:class:`Exercise`) state each question and its parameters once, for the check and for the lesson.

>>> from vnpartners import check
>>> check.lesson00_q1(None)   # doctest: +SKIP
✗ Not yet. answer_1 is still empty: replace `None` with your answer, then run this cell again.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

from ._base import CheckFailed, Exercise, expect, not_missing, ok

__all__ = ["CheckFailed", "Exercise", "answer_key", "exercises", "expect", "lesson_modules", "not_missing", "ok"]

_LESSON_MODULE = re.compile(r"lesson(\d\d)")


def lesson_modules(paths: list[str] | None = None) -> dict[str, str]:
    """``{"00": "vnpartners.check.lesson00", ...}``: every ``lessonNN`` module of this package, sorted.

    ``paths`` (default: this package's folder) is where to look; a new ``lessonNN.py`` is found by its name.
    """
    found = {}
    for info in pkgutil.iter_modules(__path__ if paths is None else paths):
        match = _LESSON_MODULE.fullmatch(info.name)
        if match:
            found[match.group(1)] = f"{__name__}.{info.name}"
    return dict(sorted(found.items()))


def exercises(lesson: str) -> list[Exercise]:
    """The exercises of lesson ``lesson`` (``"01"`` or ``1``), in order; empty when it has no checks."""
    key = f"{int(lesson):02d}"
    name = lesson_modules().get(key)
    if name is None:
        return []
    return list(getattr(importlib.import_module(name), "EXERCISES", []))


def answer_key(lesson: str) -> dict[int, str]:
    """The right answers of lesson ``lesson``'s exercises, as Markdown, computed as its checks compute them."""
    name = lesson_modules().get(f"{int(lesson):02d}")
    module = importlib.import_module(name) if name else None
    return dict(module.answer_key()) if module is not None and hasattr(module, "answer_key") else {}


for _key, _name in lesson_modules().items():
    _mod = importlib.import_module(_name)
    for _fn in getattr(_mod, "__all__", []):
        globals()[_fn] = getattr(_mod, _fn)
        __all__.append(_fn)
