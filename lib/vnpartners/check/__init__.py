"""Self-checks for the lessons' exercises.

Each function takes the learner's answer, prints a short confirmation when it is right, and raises
``AssertionError`` with a teaching message (what was expected, and a hint) when it is not.
They are plain functions, tested with pytest like the rest of the library.

>>> from vnpartners import check
>>> check.lesson00_q1(None)   # doctest: +SKIP
AssertionError: answer_1 is still None: ...
"""

from __future__ import annotations

from ._base import expect, not_missing, ok

__all__ = ["expect", "not_missing", "ok"]
for _module in ("lesson00", "lesson01", "lesson02", "lesson03"):
    try:
        _mod = __import__(f"{__name__}.{_module}", fromlist=["__all__"])
    except ModuleNotFoundError as _exc:  # a lesson's checks not written yet
        if _exc.name != f"{__name__}.{_module}":
            raise
        continue
    for _name in getattr(_mod, "__all__", []):
        globals()[_name] = getattr(_mod, _name)
        __all__.append(_name)
