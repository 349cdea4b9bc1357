"""Build hook: bundle the kit's ``seeds/``, ``data/`` and report template inside built wheels and sdists.

All project metadata lives in ``pyproject.toml``; this file only adds one step to ``build_py``.
When setuptools builds the package (``pip wheel .``, ``pip install <sdist or git URL>``), the
checkout's ``seeds/`` and ``data/`` folders are copied into the *build* tree as
``vnpartners/_bundled/seeds`` and ``vnpartners/_bundled/data`` -- never into ``lib/`` -- so a
wheel installed on Colab or anywhere without the repository finds them through
``vnpartners.paths``. The papermill template ``notebooks/partner_report.ipynb`` goes to
``vnpartners/_bundled/notebooks/``, so ``vnpartners report`` works from a wheel too. Editable installs (``pip install -e .``) skip the copy and keep reading the
checkout. An sdist carries the two folders too (see ``MANIFEST.in``), so a wheel built from an
sdist is complete.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
BUNDLED_FOLDERS = ("seeds", "data")
BUNDLED_FILES = ("notebooks/partner_report.ipynb",)  # single files, under _bundled/ at the same path
PACKAGE = "vnpartners"


class BuildPyWithData(build_py):
    """``build_py`` that also copies ``seeds/`` and ``data/`` into ``<build>/vnpartners/_bundled/``."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # editable installs read the checkout directly
            return
        target_root = Path(self.build_lib) / PACKAGE / "_bundled"
        for name in BUNDLED_FOLDERS:
            self._copy_folder(HERE / name, target_root / name)
        for name in BUNDLED_FILES:
            source = HERE / name
            if not source.is_file():
                self.warn(f"{source} is missing: the wheel will not bundle it")
                continue
            (target_root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target_root / name)

    def _copy_folder(self, source: Path, target: Path) -> None:
        """Replace ``target`` with a copy of ``source``'s regular files (sorted, no hidden files)."""
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        if not source.is_dir():
            self.warn(f"{source} is missing: the wheel will not bundle it")
            return
        for path in sorted(source.rglob("*")):
            relative = path.relative_to(source)
            if any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
                continue
            if path.is_file():
                destination = target / relative
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, destination)
        if not any(target.iterdir()):  # an empty folder would be dropped from the wheel
            (target / ".bundled").write_text(f"the kit's {source.name}/ was empty at build time\n", encoding="utf-8")


setup(cmdclass={"build_py": BuildPyWithData})
