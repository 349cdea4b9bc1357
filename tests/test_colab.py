"""The Colab path, for real: a lesson alone in an empty folder installs the kit and finds its data.

1. Build the kit's wheel from a copy of the checkout (``pip wheel --no-build-isolation``, offline).
2. Make a fresh venv in tmp whose third-party packages come from the kit venv through a ``.pth`` file
   pointing at a folder of symlinks (everything except vnpartners itself, pip and setuptools), so
   nothing is downloaded.
3. Copy ONE lesson alone into an empty folder, set ``COLAB_RELEASE_TAG=1`` and
   ``VNPARTNERS_KIT_SOURCE=<the wheel>``, and run its setup cell (the first code cell) with IPython in
   that venv's python, then ``import vnpartners; vnpartners.load_seeds()`` in the same process.
4. Check the data paths point into the venv's site-packages and hold the checkout's files.

Builds a wheel and installs it into fresh venvs (no network: ``PIP_NO_INDEX=1``): marked slow.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path
from typing import Any

import nbformat
import pytest
from kit_lessons import KIT, lesson_paths, no_lessons_reason, tags

# what a build needs from the checkout; everything else (notebooks, .venv, .git ...) stays behind
SOURCE_ITEMS = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "lib", "seeds", "data",
                "notebooks/partner_report.ipynb")
IGNORE = shutil.ignore_patterns("__pycache__", "*.py[cod]", "*.egg-info", "_bundled", ".ipynb_checkpoints")
NOT_SHARED = ("vnpartners", "__editable__", "_vnpartners", "pip", "setuptools", "_distutils_hack", "pkg_resources")
MIN_SETUPTOOLS = (77, 0)  # pyproject's `license = "MIT"` (PEP 639) needs setuptools >= 77
RUNNER = r'''
import json, sys
from pathlib import Path
from IPython.core.interactiveshell import InteractiveShell

source, result_path = Path(sys.argv[1]).read_text(encoding="utf-8"), Path(sys.argv[2])
result = InteractiveShell.instance().run_cell(source)
result.raise_error()  # the setup cell must run cleanly
import vnpartners
from vnpartners import paths


def files_under(folder):  # relative paths of the non-hidden files, subfolders included (data/trust/...)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and not any(part.startswith(".") or part == "__pycache__"
                                             for part in p.relative_to(folder).parts))


report = {
    "package": str(Path(vnpartners.__file__).resolve().parent),
    "seeds_dir": str(paths.seeds_dir()),
    "data_dir": str(paths.data_dir()),
    "seeds": files_under(paths.seeds_dir()),
    "data": files_under(paths.data_dir()) if paths.data_dir().is_dir() else None,
}
try:
    corpus = vnpartners.load_seeds()
    report["load_seeds"] = repr(type(corpus))
except Exception as exc:  # reported to the test, which explains it
    report["load_seeds_error"] = f"{type(exc).__name__}: {exc}"
result_path.write_text(json.dumps(report, indent=1), encoding="utf-8")
'''


def clean_env(**extra: str) -> dict[str, str]:
    """An environment without the kit's overrides, offline for pip, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VNPARTNERS_", "PYTHON", "PIP_", "COLAB_", "VIRTUAL_ENV"))}
    env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", MPLBACKEND="Agg", **extra)
    return env


def files_under(folder: Path) -> list[str]:
    """Relative posix paths of the non-hidden files below ``folder``."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in p.relative_to(folder).parts)
    )


@pytest.fixture(scope="module")
def kit_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kit's wheel, built offline from a copy of the checkout."""
    installed = importlib.metadata.version("setuptools")
    if tuple(int(x) for x in installed.split(".")[:2]) < MIN_SETUPTOOLS:
        pytest.fail(
            f"setuptools {installed} in {sys.prefix} cannot build the kit offline "
            f"(needs >= {'.'.join(map(str, MIN_SETUPTOOLS))}); add `setuptools==84.2.1` to requirements.txt and run make setup"
        )
    root = tmp_path_factory.mktemp("build")
    source = root / "src"
    source.mkdir()
    for name in SOURCE_ITEMS:
        item = KIT / name
        if item.is_dir():
            shutil.copytree(item, source / name, ignore=IGNORE)
        elif item.is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(item, source / name)
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "-w", str(root / "wheels"), "--no-deps", "--no-build-isolation", "-q"],
        capture_output=True, text=True, timeout=180, env=clean_env(),
    )
    assert proc.returncode == 0, f"building the wheel failed:\n{proc.stdout}\n{proc.stderr}"
    (wheel,) = (root / "wheels").glob("vnpartners-*.whl")
    return wheel


@pytest.fixture(scope="module")
def colab_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """python of a fresh venv (own pip) that borrows the kit venv's third-party packages, not vnpartners."""
    root = tmp_path_factory.mktemp("colab-venv")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120, capture_output=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True, timeout=60,
    ).stdout.strip())
    shared = root / "shared-site-packages"
    shared.mkdir()
    kit_site = Path(sysconfig.get_paths()["purelib"])
    for entry in sorted(kit_site.iterdir()):
        if entry.name.endswith(".pth") or entry.name.lower().startswith(NOT_SHARED):
            continue
        (shared / entry.name).symlink_to(entry)
    (site / "zz_kit_venv_packages.pth").write_text(f"{shared}\n", encoding="utf-8")
    return python


@pytest.mark.slow
def test_wheel_bundles_seeds_data_and_package_files(kit_wheel: Path) -> None:
    names = set(zipfile.ZipFile(kit_wheel).namelist())
    for folder in ("seeds", "data"):
        expected = {f"vnpartners/_bundled/{folder}/{name}" for name in files_under(KIT / folder)}
        assert expected <= names, f"the wheel lacks {sorted(expected - names)[:5]} from {folder}/"
    package_files = {
        f"vnpartners/{name}" for name in files_under(KIT / "lib" / "vnpartners")
        if not name.startswith("_bundled/") and not name.endswith((".pyc", ".pyo"))
    }
    missing = sorted(package_files - names)
    assert not missing, (
        f"the wheel lacks package files {missing[:8]}: list them in pyproject.toml "
        "[tool.setuptools.package-data] so installs without a checkout (Colab, pip) get them"
    )
    assert not any(n.startswith("vnpartners/_bundled/") for n in files_under(KIT / "lib")), "build wrote into lib/"
    assert "vnpartners/_bundled/notebooks/partner_report.ipynb" in names, "the wheel lacks the report template"


@pytest.fixture(scope="module")
def colab_run(kit_wheel: Path, colab_python: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Run the first lesson's setup cell as Colab would, from an empty folder; return the report."""
    lessons = lesson_paths()
    if not lessons:
        pytest.skip(no_lessons_reason())
    lesson = lessons[0]
    content = tmp_path_factory.mktemp("content")  # like Colab's /content: the notebook and nothing else
    shutil.copy2(lesson, content / lesson.name)
    nb = nbformat.read(content / lesson.name, as_version=4)
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert code_cells and "setup" in tags(code_cells[0]), f"{lesson.name}: the first code cell is not tagged 'setup'"
    cell_file, result_file, runner = content.parent / "setup_cell.py", content.parent / "result.json", content.parent / "runner.py"
    cell_file.write_text(code_cells[0].source, encoding="utf-8")
    runner.write_text(RUNNER, encoding="utf-8")
    proc = subprocess.run(
        [str(colab_python), str(runner), str(cell_file), str(result_file)],
        cwd=content, capture_output=True, text=True, timeout=240,
        env=clean_env(COLAB_RELEASE_TAG="1", VNPARTNERS_KIT_SOURCE=str(kit_wheel), HOME=str(content.parent)),
    )
    assert proc.returncode == 0, f"the setup cell of {lesson.name} failed on 'Colab':\n{proc.stdout}\n{proc.stderr}"
    report = json.loads(result_file.read_text(encoding="utf-8"))
    report.update(stdout=proc.stdout, lesson=lesson.name, python=str(colab_python), content=str(content))
    return report


@pytest.mark.slow
def test_setup_cell_installs_the_kit_with_its_data(colab_run: dict[str, Any]) -> None:
    venv = Path(colab_run["python"]).parent.parent
    package = Path(colab_run["package"])
    assert package.is_relative_to(venv) and "site-packages" in package.parts, f"vnpartners imported from {package}"
    assert "Installing the vnpartners kit" in colab_run["stdout"]
    for key, folder in (("seeds_dir", "seeds"), ("data_dir", "data")):
        found = Path(colab_run[key])
        assert found == package / "_bundled" / folder, f"{key}() is {found}, not the bundled copy"
        if files_under(KIT / folder):
            assert colab_run[folder] == files_under(KIT / folder), f"the installed {folder}/ differs from the checkout's"
    assert os.listdir(colab_run["content"]) == [colab_run["lesson"]], "the setup cell wrote files next to the notebook"


def test_load_seeds_works_without_the_repository(colab_run: dict[str, Any]) -> None:
    if "load_seeds_error" in colab_run and "corpus" not in {p.stem for p in (KIT / "lib" / "vnpartners").iterdir()}:
        pytest.skip(f"vnpartners.corpus is not written yet ({colab_run['load_seeds_error']})")
    assert "load_seeds" in colab_run, f"load_seeds() failed on 'Colab': {colab_run.get('load_seeds_error')}"


def test_setup_cell_does_nothing_outside_colab(tmp_path: Path) -> None:
    lessons = lesson_paths()
    if not lessons:
        pytest.skip(no_lessons_reason())
    nb = nbformat.read(lessons[0], as_version=4)
    setup = next(c for c in nb.cells if c.cell_type == "code" and "setup" in tags(c))
    block = setup.source.split("# --- end colab setup ---")[0]
    assert "# --- colab setup (generated by tools/navigation.py) ---" in block, "run tools/navigation.py"
    guard = "import subprocess\ndef _no(*a, **k):\n    raise AssertionError('the Colab block ran a command outside Colab')\nsubprocess.run = _no\n"
    proc = subprocess.run(
        [sys.executable, "-c", guard + block], cwd=tmp_path, capture_output=True, text=True, timeout=60,
        env=clean_env(VNPARTNERS_KIT_SOURCE="/nonexistent.whl"),
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "" and proc.stderr == "", f"the Colab block printed outside Colab: {proc.stdout!r} {proc.stderr!r}"


@pytest.mark.slow
def test_a_report_renders_from_the_wheel_alone(kit_wheel: Path, colab_python: Path, tmp_path: Path) -> None:
    """``vnpartners report`` installed from the wheel, with no checkout beside it, renders a page."""
    install = subprocess.run([str(colab_python), "-m", "pip", "install", "--no-deps", "-q", str(kit_wheel)],
                             capture_output=True, text=True, timeout=180, env=clean_env())
    assert install.returncode == 0, install.stderr
    # as a pip-installed ipykernel would have it: the python3 kernel of this venv
    kernel = subprocess.run([str(colab_python), "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3"],
                            capture_output=True, text=True, timeout=120, env=clean_env())
    assert kernel.returncode == 0, kernel.stderr
    # and nbconvert's HTML templates, which a pip-installed nbconvert puts under share/jupyter
    venv_share = colab_python.parent.parent / "share" / "jupyter"
    venv_share.mkdir(parents=True, exist_ok=True)
    if not (venv_share / "nbconvert").exists():
        (venv_share / "nbconvert").symlink_to(Path(sys.prefix) / "share" / "jupyter" / "nbconvert")
    work = tmp_path / "elsewhere"  # no kit files here or above
    work.mkdir()
    proc = subprocess.run(
        [str(colab_python), "-m", "vnpartners", "report", "KAZ", "--out", str(work / "out")],
        cwd=work, capture_output=True, text=True, timeout=600,
        env=clean_env(HOME=str(tmp_path), JUPYTER_PLATFORM_DIRS="1"),
    )
    assert proc.returncode == 0, f"the report failed from the wheel:\n{proc.stdout}\n{proc.stderr}"
    page = (work / "out" / "KAZ.html").read_text(encoding="utf-8")
    assert "Kazakhstan" in page and "<script" not in page.lower()
