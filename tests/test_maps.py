"""Tests of vnpartners.lessons.maps.draw_partner_map (matplotlib only, Agg backend)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from vnpartners import maps, reference  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _legend_texts(fig: Figure) -> list[str]:
    legend = fig.axes[0].get_legend()
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


@pytest.mark.parametrize("as_of", ["2012-12-31", "2024-06-30", "2025-05-20", "2025-12-31"])
def test_map_draws_for_several_dates(as_of: str) -> None:
    fig = maps.draw_partner_map(as_of)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert len(ax.patches) >= 170          # one patch per country outline
    assert "Vietnam" in ax.get_title()
    texts = [t.get_text() for t in ax.texts]
    assert any(t.startswith("Source: Natural Earth (public domain)") for t in texts)


def test_legend_holds_the_levels_with_counts() -> None:
    labels = _legend_texts(maps.draw_partner_map("2025-12-31"))
    joined = "\n".join(labels)
    assert "Comprehensive Strategic Partnership (13)" in joined
    assert "(China) (1)" in joined
    assert "Strategic Partnership (14)" in joined
    assert "Comprehensive Partnership (14)" in joined
    assert "Special relationship" in joined
    assert "Vietnam" in labels
    early = "\n".join(_legend_texts(maps.draw_partner_map("2024-06-30")))
    assert "Comprehensive Strategic Partnership (6)" in early and "Strategic Partnership (11)" in early


def test_markers_for_partners_without_or_with_tiny_polygons() -> None:
    marks = maps.marker_partners("2025-12-31")
    assert "SGP" in set(marks["iso3"])
    assert marks.set_index("iso3").loc["SGP", "reason"] == "no polygon"
    missing = set(reference.partners()["iso3"]) - set(reference.world_map()["iso3"])
    assert missing <= set(marks["iso3"])
    fig = maps.draw_partner_map("2025-12-31")
    gids = {line.get_gid() for line in fig.axes[0].lines}
    assert {f"marker-{c}" for c in marks["iso3"]} <= gids
    # before Singapore's SP (Sep 2013) there is no Singapore marker
    assert "SGP" not in set(maps.marker_partners("2012-12-31")["iso3"])


def test_vietnam_is_highlighted() -> None:
    fig = maps.draw_partner_map("2025-12-31")
    faces = {tuple(round(c, 3) for c in p.get_facecolor()) for p in fig.axes[0].patches}
    vermillion = tuple(round(c, 3) for c in matplotlib.colors.to_rgba(maps.VIETNAM_COLOUR))
    assert vermillion in faces


def test_region_and_existing_axes() -> None:
    fig, ax = plt.subplots()
    out = maps.draw_partner_map("2025-12-31", ax=ax, region="asia")
    assert out is fig
    assert ax.get_xlim() == (maps.REGIONS["asia"][0], maps.REGIONS["asia"][1])
    with pytest.raises(ValueError, match="region"):
        maps.draw_partner_map("2025-12-31", region="mars")


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=60, metadata={"Software": None})
    return buf.getvalue()


def test_same_input_same_picture() -> None:
    a = _png(maps.draw_partner_map("2025-05-20"))
    b = _png(maps.draw_partner_map("2025-05-20"))
    assert a == b
    c = _png(maps.draw_partner_map("2024-06-30"))
    assert a != c
