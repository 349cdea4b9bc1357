"""Building blocks of the self-checks: a teaching assertion and a confirmation line."""

from __future__ import annotations

from typing import Any


def expect(condition: bool, message: str) -> None:
    """Raise ``AssertionError(message)`` unless ``condition`` holds."""
    if not condition:
        raise AssertionError(message)


def not_missing(answer: Any, name: str) -> None:
    """Fail with a friendly message while the learner has not answered yet."""
    if answer is None or answer is Ellipsis:
        raise AssertionError(f"{name} is still empty: replace `None` with your answer, then run this cell again.")


def ok(message: str) -> None:
    """Print the confirmation shown under a passed check."""
    print(f"✓ {message}")


_SEEDS_CACHE: dict[Any, Any] = {}


def seeds() -> Any:
    """The seeds as :func:`vnpartners.load_seeds` reads them, loaded once per set of files.

    The checks only read the corpus; it is reloaded when the seeds folder (``VNPARTNERS_SEEDS``)
    or any file in it (name, size, modification time) changes.
    """
    from ..corpus import load_seeds
    from ..paths import seeds_dir

    folder = seeds_dir()
    try:
        key = (str(folder), tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns)
                                         for p in folder.iterdir())))
    except OSError:  # let load_seeds report a missing folder its own way
        return load_seeds()
    if key not in _SEEDS_CACHE:
        _SEEDS_CACHE.clear()
        _SEEDS_CACHE[key] = load_seeds()
    return _SEEDS_CACHE[key]
