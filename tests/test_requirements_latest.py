"""requirements-latest.txt stays requirements.txt with only pandas and matplotlib unpinned."""

from __future__ import annotations

import re
from pathlib import Path

KIT = Path(__file__).resolve().parent.parent
UNPINNED = {"pandas", "matplotlib"}


def requirements(name: str) -> dict[str, str]:
    """Requirement name -> the rest of its line (comments and blank lines dropped)."""
    found = {}
    for line in (KIT / name).read_text(encoding="utf-8").splitlines():
        line = line.split(" #")[0].strip()
        if line and not line.startswith("#"):
            match = re.match(r"^(-e \S+|[A-Za-z0-9_.\-\[\]]+)(.*)$", line)
            assert match, f"{name}: cannot read {line!r}"
            found[match.group(1).lower()] = match.group(2).strip()
    return found


def test_latest_differs_only_by_the_unpinned_packages() -> None:
    pinned, latest = requirements("requirements.txt"), requirements("requirements-latest.txt")
    assert set(pinned) == set(latest), "the two requirement files list different packages"
    for name in UNPINNED:
        assert latest[name] == "", f"{name} should be unpinned in requirements-latest.txt"
    assert {k: v for k, v in pinned.items() if k not in UNPINNED} == {k: v for k, v in latest.items() if k not in UNPINNED}
