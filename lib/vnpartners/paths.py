"""Where the kit's seeds and reference data live, found from the package itself, never from the cwd.

Resolution order for each folder:

1. an environment variable (``VNPARTNERS_SEEDS`` for the seeds, ``VNPARTNERS_DATA`` for the data);
2. a copy bundled inside the installed package (``vnpartners/_bundled/``, present in wheels, e.g. on Colab);
3. the repository checkout the package was installed from in editable mode (``<kit>/seeds``, ``<kit>/data``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any, TypeVar

from .errors import DataFileMissing

_T = TypeVar("_T")

_PACKAGE_DIR = Path(__file__).resolve().parent
_BUNDLED = _PACKAGE_DIR / "_bundled"
_CHECKOUT = _PACKAGE_DIR.parent.parent  # lib/vnpartners -> kit root


def kit_root() -> Path:
    """The kit's repository folder (meaningful for an editable install from a checkout)."""
    return _CHECKOUT


def _resolve(env_var: str, name: str) -> Path:
    override = os.environ.get(env_var)
    if override:
        return Path(override).expanduser().resolve()
    for candidate in (_BUNDLED / name, _CHECKOUT / name):
        if candidate.is_dir():
            return candidate
    return _CHECKOUT / name


def seeds_dir() -> Path:
    """The folder holding the kit's five seed articles and their ``manifest.csv``."""
    return _resolve("VNPARTNERS_SEEDS", "seeds")


def data_dir() -> Path:
    """The folder holding the curated reference tables (``levels.csv``, ``partners.csv`` ...)."""
    return _resolve("VNPARTNERS_DATA", "data")


def data_file(name: str) -> Path:
    """Path of one shipped data file; raises :class:`DataFileMissing` with advice when it is absent."""
    path = data_dir() / name
    if not path.is_file():
        raise DataFileMissing(
            f"The kit's data file {name!r} is missing (looked for {path}). "
            "Reinstall the kit with `make setup` (or `pip install -r requirements.txt`), "
            "or set VNPARTNERS_DATA to a folder that holds it."
        )
    return path


def cached_per_data_folder(build: Callable[..., _T]) -> Callable[..., _T]:
    """Cache ``build(*args)`` per data folder: a table read once per folder, re-read when it changes.

    The folder is :func:`data_dir` at call time, so setting ``VNPARTNERS_DATA`` to another folder
    gives that folder's tables, never a stale copy of the first one read. ``cache_clear`` empties it.
    """

    @lru_cache(maxsize=32)
    def cached(folder: Path, *args: Any) -> _T:
        return build(*args)

    @wraps(build)
    def get(*args: Any) -> _T:
        return cached(data_dir(), *args)

    get.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return get
