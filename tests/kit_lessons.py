"""Which lesson notebooks the notebook-facing tests run over.

By default the kit's own ``notebooks/NN_*.ipynb``; set ``VNPARTNERS_LESSONS_DIR`` to another folder
of lesson-shaped notebooks to point test_student, test_colab, test_navigation and test_browser at it
(the folder's parent is treated as the kit root holding ``README.md``). With no lessons, the tests
that need one skip and say why.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

KIT = Path(__file__).resolve().parent.parent
LESSON_GLOB = "[0-9][0-9]_*.ipynb"
ENV_VAR = "VNPARTNERS_LESSONS_DIR"


def lessons_dir() -> Path:
    """The folder holding the lessons under test."""
    override = os.environ.get(ENV_VAR)
    return Path(override).expanduser().resolve() if override else KIT / "notebooks"


def lesson_paths() -> list[Path]:
    """The lessons under test, sorted by name."""
    return sorted(lessons_dir().glob(LESSON_GLOB))


def no_lessons_reason() -> str:
    """Why a lesson test is skipped when there is nothing to run."""
    return f"no lessons {LESSON_GLOB} in {lessons_dir()} yet (set {ENV_VAR} to test another folder)"


def lesson_params() -> list[Any]:
    """``pytest.param`` per lesson (id = file name), or one skipped param when there are none."""
    paths = lesson_paths()
    if not paths:
        return [pytest.param(None, marks=pytest.mark.skip(reason=no_lessons_reason()), id="no-lessons")]
    return [pytest.param(path, id=path.name) for path in paths]


def tags(cell: Any) -> set[str]:
    """The tags of a notebook cell."""
    return set(cell.get("metadata", {}).get("tags", []))


def fails(fn: Any, *args: Any, words: tuple[str, ...] = ()) -> str:
    """The message of the CheckFailed that ``fn(*args)`` raises: a sentence of five words or more
    holding every one of ``words`` (a check's teaching message, as the lesson shows it)."""
    from vnpartners import check

    with pytest.raises(check.CheckFailed) as info:
        fn(*args)
    message = str(info.value)
    assert len(message.split()) >= 5, message
    for word in words:
        assert word in message, message
    return message
