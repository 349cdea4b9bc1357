"""Generated parts of a lesson's exercises and of its slides (used by ``tools/navigation.py``).

Exercises. The questions live once, in ``vnpartners.check.lessonNN.EXERCISES``; for lesson NN this
writes, in order, every

* markdown cell tagged ``question``: ``**Exercise K.** ...`` with the question's parameters filled in;
* code cell tagged ``exercise``: the parameters as variables (``q1_date = '2016-07-01'``) and the
  starter ``answer_K = None  # your answer here: ...`` (plus ``why_K = ""`` for an interpretive one);
* code cell tagged ``check``: ``check.lessonNN_qK(answer_K)``, its output folded in the instructor copy
  (``jupyter.outputs_hidden``), so running all cells does not show the answers;
* code cell tagged ``solution`` keeps its hand-written code, collapsed (``jupyter.source_hidden``) with
  the first line :data:`SOLUTION_FIRST_LINE`, so a closed solution shows only that line.

A lesson whose cells do not match its exercises (a missing or extra cell) is an error naming both.

Answer key. In the lesson's teaching guide (``instructors/NN_*.md``) the block between
``<!-- answers:start -->`` and ``<!-- answers:end -->`` is written from the same exercises and from
``vnpartners.check.answer_key(NN)``: each question as the lesson shows it, with its right answer.

Slides. Every cell gets ``metadata.slideshow.slide_type`` for RISE (``jupyterlab-rise``): a ``#`` or
``##`` heading starts a slide, a ``###`` heading or a question a sub-slide (below it), the navigation,
the Colab set-up and the instructor's note are skipped, everything else continues the slide. The
notebook's ``rise`` metadata lets a long slide scroll.
"""

from __future__ import annotations

import re
from typing import Any

from vnpartners.reports.notebooks import FOLDED_BY_TAG

SOLUTION_FIRST_LINE = "# Worked solution: try the exercise first."
QUESTION, EXERCISE, SOLUTION, CHECK, INSTRUCTOR = "question", "exercise", "solution", "check", "instructor"
SKIPPED_IN_SLIDES = {"nav-top", "nav-bottom", "setup", INSTRUCTOR}
#: RISE settings stored in the notebook: a theme with bundled fonts (the default "simple" theme fetches Google
#: Fonts: nothing may be downloaded while a class runs), long slides scroll, slide numbers, no chalkboard
RISE_SETTINGS = {"theme": "white", "scroll": True, "slideNumber": True, "transition": "none", "enable_chalkboard": False}


class LessonCellsError(ValueError):
    """A lesson's exercise cells do not match the exercises its check module defines."""


def tags(cell: Any) -> list[str]:
    """The tags of a cell."""
    return list(cell.get("metadata", {}).get("tags", []))


def source_text(cell: Any) -> str:
    """A cell's source as one string."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def lesson_number(name: str) -> str | None:
    """``"01"`` for ``01_partnership_levels.ipynb``."""
    match = re.match(r"(\d\d)_", name)
    return match.group(1) if match else None


def _jupyter(cell: Any, **flags: bool) -> None:
    meta = cell.metadata.setdefault("jupyter", {})
    meta.update(flags)


def set_exercise_cells(nb: Any, name: str) -> Any:
    """Write the question, starter and check cells of lesson ``name`` from its check module (``nb`` is changed).

    Raises :class:`LessonCellsError` when the cells tagged question/exercise/check/solution are not one of
    each per exercise.
    """
    from vnpartners import check

    number = lesson_number(name)
    exercises = check.exercises(number) if number else []
    cells = {kind: [c for c in nb.cells if kind in tags(c)] for kind in (QUESTION, EXERCISE, SOLUTION, CHECK)}
    counts = {kind: len(found) for kind, found in cells.items()}
    if not exercises and not any(counts.values()):
        return nb
    if any(n != len(exercises) for n in counts.values()):
        raise LessonCellsError(
            f"{name}: vnpartners.check.lesson{number} defines {len(exercises)} exercise(s), but the lesson has "
            + ", ".join(f"{n} cell(s) tagged {kind!r}" for kind, n in counts.items())
            + ". Each exercise needs one of each, in this order (see notebooks/AUTHORING.md)."
        )
    for exercise, question, starter, solution, check_cell in zip(
            exercises, cells[QUESTION], cells[EXERCISE], cells[SOLUTION], cells[CHECK]):
        if question.cell_type != "markdown" or any(c.cell_type != "code" for c in (starter, solution, check_cell)):
            raise LessonCellsError(f"{name}: exercise {exercise.number}: the question cell must be markdown and "
                                   "the exercise, solution and check cells code.")
        question.source = exercise.markdown()
        starter.source = exercise.starter()
        check_cell.source = exercise.check_call()
        _jupyter(check_cell, **{FOLDED_BY_TAG[CHECK]: True})
        body = source_text(solution).split("\n")
        if body and body[0].startswith("# Worked solution"):
            body = body[1:]
        solution.source = "\n".join([SOLUTION_FIRST_LINE, *body]).rstrip()
        _jupyter(solution, **{FOLDED_BY_TAG[SOLUTION]: True})
    return nb


def slide_type(cell: Any) -> str:
    """The RISE slide type of one cell (see the module's docstring)."""
    cell_tags = set(tags(cell))
    if cell_tags & SKIPPED_IN_SLIDES:
        return "skip"
    if QUESTION in cell_tags:
        return "subslide"
    if cell.cell_type == "markdown":
        first = source_text(cell).lstrip().split("\n", 1)[0]
        if re.match(r"#{1,2}\s", first):
            return "slide"
        if re.match(r"###\s", first):
            return "subslide"
    return "-"


def set_slide_metadata(nb: Any) -> Any:
    """Give every cell its slide type and the notebook its RISE settings (``nb`` is changed)."""
    for cell in nb.cells:
        cell.metadata["slideshow"] = {"slide_type": slide_type(cell)}
    nb.metadata["rise"] = dict(RISE_SETTINGS)
    return nb


# ----------------------------------------------------------------------------- the guide's answer key
ANSWERS_START, ANSWERS_END = "<!-- answers:start -->", "<!-- answers:end -->"


def answers_block(number: str) -> str:
    """The generated answer key of lesson ``number``: every question with its right answer."""
    from vnpartners import check

    key = check.answer_key(number)
    lines = ["<!-- generated by tools/navigation.py from vnpartners.check: edit the check module, not this block -->"]
    for exercise in check.exercises(number):
        lines += ["", exercise.markdown(), "", f"- **Answer:** {key.get(exercise.number, '(no answer key)')}"]
        if exercise.interpretive:
            lines.append("- The written part (`why_{0}`): see the model answer below.".format(exercise.number))
    return "\n".join(lines)


def with_answers(text: str, number: str) -> str | None:
    """Guide text with its answer block regenerated; ``None`` when the markers are missing."""
    start, end = text.find(ANSWERS_START), text.find(ANSWERS_END)
    if start < 0 or end < start:
        return None
    return f"{text[: start + len(ANSWERS_START)]}\n{answers_block(number)}\n{text[end:]}"
