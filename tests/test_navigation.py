"""tools/navigation.py: navigation cells, Colab block and README table, generated idempotently.

Works on a temporary copy of the lessons (and of README.md, or a stand-in with the markers), never
on the originals.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from kit_lessons import KIT, lesson_paths, lessons_dir, no_lessons_reason, tags

SCRIPT = KIT / "tools" / "navigation.py"
sys.path.insert(0, str(KIT / "tools"))
import lesson_cells  # noqa: E402
import navigation  # noqa: E402


@pytest.fixture()
def kit_copy(tmp_path: Path) -> Path:
    """tmp/notebooks with copies of the lessons and tmp/README.md with the lesson-table markers."""
    if not lesson_paths():
        pytest.skip(no_lessons_reason())
    (tmp_path / "notebooks").mkdir()
    for path in lesson_paths():
        shutil.copy2(path, tmp_path / "notebooks" / path.name)
    readme = lessons_dir().parent / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    if navigation.README_START not in text:
        text += f"\n## Lessons\n\n{navigation.README_START}\n{navigation.README_END}\n"
    (tmp_path / "README.md").write_text(text, encoding="utf-8")
    guides = lessons_dir().parent / navigation.GUIDE_DIR
    if guides.is_dir():
        shutil.copytree(guides, tmp_path / navigation.GUIDE_DIR)
    return tmp_path


def run(kit: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run the script on the copy."""
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--notebooks", str(kit / "notebooks"), "--readme", str(kit / "README.md"), *extra],
        capture_output=True, text=True, timeout=120,
    )


def test_generates_once_then_changes_nothing(kit_copy: Path) -> None:
    assert run(kit_copy).returncode == 0
    before = {p.name: p.read_bytes() for p in sorted(kit_copy.rglob("*")) if p.is_file()}
    second = run(kit_copy, "--check")
    assert second.returncode == 0, f"a second run would change files:\n{second.stdout}"
    assert {p.name: p.read_bytes() for p in sorted(kit_copy.rglob("*")) if p.is_file()} == before


def test_navigation_cells_and_colab_block(kit_copy: Path) -> None:
    originals = {p.name: nbformat.read(p, as_version=4) for p in lesson_paths()}
    assert run(kit_copy).returncode == 0
    names = sorted(originals)
    for i, name in enumerate(names):
        nb = nbformat.read(kit_copy / "notebooks" / name, as_version=4)
        assert "nav-top" in tags(nb.cells[0]) and "nav-bottom" in tags(nb.cells[-1])
        top = nb.cells[0].source
        assert "(../README.md#lessons)" in top
        if i > 0:
            assert "Previous: [" in top and f"({names[i - 1]})" in top
        else:
            assert "Previous" not in top
        if i + 1 < len(names):
            assert f"({names[i + 1]}) →" in top
        else:
            assert "Next" not in top
        setup = next(c for c in nb.cells if "setup" in tags(c))
        assert setup.source.startswith(navigation.COLAB_BLOCK)
        kept = {c.id for c in originals[name].cells}
        assert kept <= {c.id for c in nb.cells}, "cell ids changed"
        body = [c for c in nb.cells if not tags(c) & {"nav-top", "nav-bottom"}]
        old_body = [c for c in originals[name].cells if not tags(c) & {"nav-top", "nav-bottom"}]
        assert [c.id for c in body] == [c.id for c in old_body]
        for new, old in zip(body, old_body):
            if "setup" not in tags(new):
                assert new.source == old.source and new.get("outputs") == old.get("outputs")
            else:
                assert navigation.with_colab_block(old.source) == new.source


def test_readme_table_lists_every_lesson(kit_copy: Path) -> None:
    assert run(kit_copy).returncode == 0
    text = (kit_copy / "README.md").read_text(encoding="utf-8")
    block = text.split(navigation.README_START)[1].split(navigation.README_END)[0]
    rows = [line for line in block.splitlines() if line.startswith("| ") and not line.startswith("| #")]
    assert [row.split("|")[1].strip() for row in rows] == [p.name[:2] for p in lesson_paths()]
    for row, path in zip(rows, lesson_paths()):
        assert f"(notebooks/{path.name})" in row


def test_missing_markers_warn_and_skip(tmp_path: Path) -> None:
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "README.md").write_text("# Kit\n", encoding="utf-8")
    proc = run(tmp_path)
    assert proc.returncode == 0 and "markers" in proc.stderr
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# Kit\n"


def test_parsing_the_intro_cell() -> None:
    intro = (
        "# Partner *network*\n\n**What you will learn**\n\n- who is linked to whom\n- draw a `graph`\n\n"
        "**Prerequisites**: lesson 01\n\n**Time needed:** 25 minutes\n"
    )
    assert navigation.parse_title(intro) == "Partner network"
    assert navigation.parse_learn(intro) == "who is linked to whom; draw a graph"
    assert navigation.parse_time(intro) == "25 minutes"
    assert navigation.with_colab_block(navigation.with_colab_block("import x\n")) == navigation.COLAB_BLOCK + "\n\nimport x\n"


# --------------------------------------------------------------------------- generated exercise cells, slides, guide
def read_copy(kit: Path, name: str):
    return nbformat.read(kit / "notebooks" / name, as_version=4)


def test_exercise_cells_are_written_from_the_checks(kit_copy: Path) -> None:
    from vnpartners import check

    name = lesson_paths()[0].name
    path = kit_copy / "notebooks" / name
    nb = nbformat.read(path, as_version=4)
    question = next(c for c in nb.cells if "question" in tags(c))
    starter = next(c for c in nb.cells if "exercise" in tags(c))
    solution = next(c for c in nb.cells if "solution" in tags(c))
    question.source, starter.source = "**Exercise 1.** typed by hand, out of step", "answer_1 = 42"
    solution.source = "answer_1 = 1"
    solution.metadata.pop("jupyter", None)
    nbformat.write(nb, path)
    assert run(kit_copy, "--check").returncode == 1
    assert run(kit_copy).returncode == 0
    nb = read_copy(kit_copy, name)
    exercises = check.exercises(name[:2])
    questions = [c for c in nb.cells if "question" in tags(c)]
    starters = [c for c in nb.cells if "exercise" in tags(c)]
    checks = [c for c in nb.cells if "check" in tags(c)]
    solutions = [c for c in nb.cells if "solution" in tags(c)]
    assert [c.source for c in questions] == [e.markdown() for e in exercises]
    assert [c.source for c in starters] == [e.starter() for e in exercises]
    assert [c.source for c in checks] == [e.check_call() for e in exercises]
    for cell in solutions:
        assert cell.source.split("\n")[0] == lesson_cells.SOLUTION_FIRST_LINE
        assert cell.metadata["jupyter"]["source_hidden"] is True
    assert all(c.metadata["jupyter"]["outputs_hidden"] for c in checks)


def test_a_lesson_whose_cells_do_not_match_its_exercises_is_refused(kit_copy: Path) -> None:
    name = lesson_paths()[0].name
    path = kit_copy / "notebooks" / name
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if c.id != next(c for c in nb.cells if "question" in tags(c)).id]
    nbformat.write(nb, path)
    proc = run(kit_copy)
    assert proc.returncode == 2 and "tagged 'question'" in proc.stderr and "Traceback" not in proc.stderr


def test_slide_types_follow_the_headings(kit_copy: Path) -> None:
    assert run(kit_copy).returncode == 0
    for path in sorted((kit_copy / "notebooks").glob(navigation.LESSON_GLOB)):
        nb = nbformat.read(path, as_version=4)
        assert nb.metadata["rise"]["scroll"] is True
        types = [c.metadata["slideshow"]["slide_type"] for c in nb.cells]
        assert types[0] == "skip" and types[-1] == "skip"            # navigation
        title = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and c.source.startswith("# "))
        assert types[title] == "slide"
        for cell, kind in zip(nb.cells, types):
            first = cell.source.split("\n", 1)[0]
            if cell.cell_type == "markdown" and first.startswith("## "):
                assert kind == "slide", first
            if "question" in tags(cell) or (cell.cell_type == "markdown" and first.startswith("### ")):
                assert kind == "subslide", first
            if tags(cell) & {"setup", "instructor"}:
                assert kind == "skip"


def test_guide_answer_keys_are_written_from_the_checks(kit_copy: Path) -> None:
    guides = sorted((kit_copy / navigation.GUIDE_DIR).glob("[0-9][0-9]_*.md"))
    if not guides:
        pytest.skip("no teaching guide pages")
    page = guides[0]
    text = page.read_text(encoding="utf-8")
    start, end = text.index(lesson_cells.ANSWERS_START), text.index(lesson_cells.ANSWERS_END)
    page.write_text(text[: start + len(lesson_cells.ANSWERS_START)] + "\nstale\n" + text[end:], encoding="utf-8")
    assert run(kit_copy, "--check").returncode == 1
    assert run(kit_copy).returncode == 0
    assert page.read_text(encoding="utf-8") == text
    assert lesson_cells.answers_block(page.name[:2]) in text


def test_a_new_lesson_needs_no_edit_of_the_tools(kit_copy: Path) -> None:
    """A lesson 99 with its title, set-up cell and no exercises yet: navigation, table and slides take it."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Can we trust machine-read facts?\n\n**What you will learn**\n- precision\n\n"
                                      "**Time needed:** 60 minutes (45 teaching, 15 exercises)"),
        nbformat.v4.new_code_cell("import vnpartners"),
        nbformat.v4.new_markdown_cell("## 1. Gold facts"),
    ]
    nb.cells[1].metadata["tags"] = ["setup"]
    nbformat.write(nb, kit_copy / "notebooks" / "99_trust.ipynb")
    proc = run(kit_copy)
    assert proc.returncode == 0, proc.stderr
    assert "no teaching guide" in proc.stderr
    new = read_copy(kit_copy, "99_trust.ipynb")
    assert "Previous: [" in new.cells[0].source and "Next" not in new.cells[0].source
    assert [c.metadata["slideshow"]["slide_type"] for c in new.cells][1:4] == ["slide", "skip", "slide"]
    last = sorted(p.name for p in (kit_copy / "notebooks").glob(navigation.LESSON_GLOB))[-2]
    assert "(99_trust.ipynb) →" in read_copy(kit_copy, last).cells[0].source
    assert "| 99 | [Can we trust machine-read facts?](notebooks/99_trust.ipynb)" in (kit_copy / "README.md").read_text()
