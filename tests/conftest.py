"""Shared fixtures for the kit's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parent.parent

# Plots render off-screen in this process. (Not through MPLBACKEND: kernels started by the tests
# would inherit it and lose their inline charts.)
import matplotlib  # noqa: E402

matplotlib.use("Agg")


@pytest.fixture(scope="session")
def kit_root() -> Path:
    """The kit's repository folder."""
    return KIT


@pytest.fixture(scope="session")
def seeds_corpus():
    """The five seed articles, loaded once per test session."""
    import vnpartners

    return vnpartners.load_seeds()
