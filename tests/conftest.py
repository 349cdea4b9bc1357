"""Shared fixtures for the kit's tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parent.parent

# Plots render off-screen in tests.
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def kit_root() -> Path:
    """The kit's repository folder."""
    return KIT


@pytest.fixture(scope="session")
def seeds_corpus():
    """The five seed articles, loaded once per test session."""
    import vnpartners

    return vnpartners.load_seeds()
