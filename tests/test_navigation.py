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
