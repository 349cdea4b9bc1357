"""Write student copies of the lessons, without the worked solutions (``make student``).

Usage::

    python tools/make_student.py --out student [--notebooks notebooks]

For every lesson ``NN_*.ipynb`` it writes ``<out>/NN_*.ipynb`` where

* cells tagged ``solution`` are removed;
* exercise and check cells keep their source but lose their outputs and execution counts, and each
  exercise's ``answer_N = None`` starter line gets a ``# your answer here`` comment;
* every other cell keeps its outputs (charts and tables stay visible before anything is run);
* a short note cell (tag ``student-note``) follows the navigation bar.

The check cells still run against the learner's ``answer_N`` and raise an ``AssertionError`` with a
teaching message while it is missing or wrong. Files are written through ``write_atomically``; the
instructor notebooks are only read. Lessons that no longer exist are removed from ``<out>``.
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
NOTE = (
    "> **Student copy:** worked solutions removed; type your answers in the exercise cells "
    "and run the check cells."
)
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


def note_cell(taken: set[str]) -> Any:
    """The note shown at the top of every student copy."""
    cell = nbformat.v4.new_markdown_cell(NOTE)
    if NOTE_TAG not in taken:
        cell.id = NOTE_TAG
    cell.metadata["tags"] = [NOTE_TAG]
    return cell


def student_copy(nb: Any) -> Any:
    """The student version of one instructor notebook (the argument is not modified)."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        cell_tags = tags(cell)
        if SOLUTION in cell_tags or NOTE_TAG in cell_tags:
            continue
        if cell.cell_type == "code" and cell_tags & {EXERCISE, CHECK}:
            clear_outputs(cell)
            if EXERCISE in cell_tags:
                cell.source = mark_starters(cell.source)
        cells.append(cell)
    position = 1 if cells and NAV_TOP in tags(cells[0]) else 0
    cells.insert(position, note_cell({c.get("id") for c in cells}))
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
        write_atomically(target, nbformat.writes(student_copy(nb)) + "\n")
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
