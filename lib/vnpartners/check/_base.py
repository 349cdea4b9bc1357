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
