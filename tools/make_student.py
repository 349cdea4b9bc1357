"""Write student copies of the lessons, without the worked solutions (``make student``).

Usage::

    python tools/make_student.py --out student [--notebooks notebooks]

For every lesson ``NN_*.ipynb`` it writes ``<out>/NN_*.ipynb`` where

* cells tagged ``solution`` and the instructor's notes (tag ``instructor``) are removed;
* exercise and check cells keep their source but lose their outputs and execution counts, and each
  exercise's ``answer_N = None`` starter line gets a ``# your answer here`` comment; a check cell's
  output is no longer folded (the learner wants to read it);
* every other cell keeps its outputs (charts and tables stay visible before anything is run);
* a short note cell (tag ``student-note``) follows the navigation bar: how to get the kit and open the
  lesson, and how the checks work. It says nothing of solutions: a student copy has none.

The check cells still run against the learner's ``answer_N`` and show a short teaching message while
it is missing or wrong. Files are written through ``write_atomically``; the instructor notebooks are
only read. Lessons that no longer exist are removed from ``<out>``.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path
from typing import Any

import nbformat

from vnpartners.reports.notebooks import write_atomically

KIT = Path(__file__).resolve().parent.parent
LESSON_GLOB = "[0-9][0-9]_*.ipynb"
SOLUTION, EXERCISE, CHECK, NAV_TOP, NOTE_TAG = "solution", "exercise", "check", "nav-top", "student-note"
INSTRUCTOR = "instructor"
REPOSITORY = "https://github.com/vnpartners/vnpartners-kit"
NOTE_START = "> **Student copy.**"
NOTE = f"""{NOTE_START} Work through the cells from the top (Shift+Enter runs one). In each exercise, replace
> `None` with your answer, then run the check cell under it: it tells you whether you are right and why.
>
> **To open this lesson** you need the kit (its library, articles and data), one of three ways:
> - **Colab:** upload this file (File → Upload notebook) and run the first code cell; it installs the kit.
> - **The kit on your computer:** get it from your instructor or from {REPOSITORY} (Python 3.11 and `make`),
>   put this file in its `student/` folder, run `make lab` in the kit's folder and open `student/{{name}}`.
> - **Any Python 3.11 with Jupyter:** `pip install "git+{REPOSITORY}"`, then open this file in JupyterLab."""
STARTER = re.compile(r"^(\s*answer_\w+\s*=\s*(?:None|\.\.\.))\s*$")
STARTER_COMMENT = "  # your answer here"


def tags(cell: Any) -> set[str]:
    """The tags of a cell."""
    return set(cell.get("metadata", {}).get("tags", []))


def mark_starters(source: str) -> str:
    """Add ``# your answer here`` to bare ``answer_N = None`` lines (lines with a comment are kept)."""
    lines = [STARTER.sub(r"\1" + STARTER_COMMENT, line) for line in source.split("\n")]
    return "\n".join(lines)


def clear_outputs(cell: Any) -> None:
    """Remove a code cell's outputs and execution count, in place."""
    cell.outputs = []
    cell.execution_count = None


def note_cell(taken: set[str], name: str = "NN_lesson.ipynb") -> Any:
    """The note shown at the top of every student copy (``name``: the lesson's file name)."""
    cell = nbformat.v4.new_markdown_cell(NOTE.format(name=name))
    if NOTE_TAG not in taken:
        cell.id = NOTE_TAG
    cell.metadata["tags"] = [NOTE_TAG]
    return cell


def student_copy(nb: Any, name: str = "NN_lesson.ipynb") -> Any:
    """The student version of one instructor notebook (the argument is not modified)."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        cell_tags = tags(cell)
        if cell_tags & {SOLUTION, NOTE_TAG, INSTRUCTOR}:
            continue
        if cell.cell_type == "code" and cell_tags & {EXERCISE, CHECK}:
            clear_outputs(cell)
            cell.metadata.get("jupyter", {}).pop("outputs_hidden", None)
            if not cell.metadata.get("jupyter", True):
                del cell.metadata["jupyter"]
            if EXERCISE in cell_tags:
                cell.source = mark_starters(cell.source)
        cells.append(cell)
    position = 1 if cells and NAV_TOP in tags(cells[0]) else 0
    note = note_cell({c.get("id") for c in cells}, name)
    note.metadata["slideshow"] = {"slide_type": "skip"}
    cells.insert(position, note)
    nb.cells = cells
    return nb


def find_lessons(notebooks_dir: Path) -> list[Path]:
    """The lesson notebooks ``NN_*.ipynb`` in ``notebooks_dir``, sorted by name."""
    return sorted(notebooks_dir.glob(LESSON_GLOB))


def write_student_copies(notebooks_dir: Path, out_dir: Path) -> list[Path]:
    """Write a student copy of every lesson into ``out_dir``; returns the paths written."""
    notebooks_dir, out_dir = notebooks_dir.resolve(), out_dir.resolve()
    if out_dir == notebooks_dir:
        raise SystemExit(f"make_student: refusing to write into the instructor folder {notebooks_dir}")
    lessons = find_lessons(notebooks_dir)
    if not lessons:
        print(f"make_student: warning: no lessons {LESSON_GLOB} in {notebooks_dir}", file=sys.stderr)
    written = []
    for path in lessons:
        nb = nbformat.read(path, as_version=4)
        target = out_dir / path.name
        write_atomically(target, nbformat.writes(student_copy(nb, path.name)) + "\n")
        written.append(target)
    names = {path.name for path in lessons}
    for stale in sorted(out_dir.glob(LESSON_GLOB)) if out_dir.is_dir() else []:
        if stale.name not in names:
            stale.unlink()
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the student copies, e.g. student")
    parser.add_argument("--notebooks", type=Path, default=KIT / "notebooks", help="folder of the instructor lessons")
    args = parser.parse_args(argv)
    for path in write_student_copies(args.notebooks, args.out):
        print(f"make_student: wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
