"""Vietnam's partnerships as graphs (networkx), with deterministic drawings.

Four graphs, each built from the kit's tables:

* :func:`partner_graph` - the *ego network*: Vietnam at the centre, one edge to every partner,
  carrying the partnership level. :func:`growth_graph` is the same graph as of 31 December of a year.
* :func:`comention_graph` - countries named in the same sentence of the seed articles; an edge's
  ``weight`` is the number of sentences that name both countries.
* :func:`forum_graph` - a *bipartite* graph, partners on one side and the groupings they belong to
  (UN, ASEAN, APEC ...) on the other; :func:`project_partners` folds it into a partner-partner graph
  whose edge ``weight`` counts the forums two partners share.

:func:`centrality_table` turns any of them into a sorted DataFrame of centrality scores.

Every function is deterministic: nodes and edges are inserted in sorted order, layouts are either
fixed (:func:`radial_layout`: rings by level, sectors by region) or seeded (``seed=`` for
:func:`spring_positions`), and positions are rounded, so the figures are the same on every run.
Drawing functions return a matplotlib ``Figure`` with a title, a legend or caption and a source line;
nothing is shown or saved. This module imports matplotlib and ipywidgets only inside the functions
that need them.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd

from .. import reference
from ..wording import plural
from .maps import LEVEL_COLOURS

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "VIETNAM",
    "RING_ORDER",
    "REGION_ORDER",
    "TIER_COLOURS",
    "PARTNERS_SOURCE",
    "SEEDS_SOURCE",
    "FORUMS_SOURCE",
    "partner_graph",
    "radial_layout",
    "draw_partner_graph",
    "comention_graph",
    "spring_positions",
    "draw_comention_graph",
    "MEMBERSHIP_ROLES",
    "forum_graph",
    "forum_roles",
    "project_partners",
    "draw_forum_graph",
    "draw_projection",
    "centrality_table",
    "growth_graph",
    "draw_growth",
    "growth_widget",
]

#: The node that stands for Vietnam in every graph.
VIETNAM = "VNM"
#: Rings of the radial layout, innermost first: the special relationships, then the ladder's tiers.
RING_ORDER: tuple[str, ...] = ("special", "comprehensive_strategic", "strategic", "comprehensive")
_RING_RADIUS = {"special": 1.2, "comprehensive_strategic": 2.2, "strategic": 3.2, "comprehensive": 4.2}
#: Sectors of the radial layout, counter-clockwise from the east (roughly as seen from Hanoi).
REGION_ORDER: tuple[str, ...] = (
    "Americas", "East Asia", "Central Asia", "South Caucasus", "Europe", "Middle East & North Africa",
    "Sub-Saharan Africa", "South Asia", "Southeast Asia", "Oceania",
)
#: Okabe-Ito colours, the same as the kit's maps (:data:`vnpartners.maps.LEVEL_COLOURS`), one per tier.
TIER_COLOURS: dict[str, str] = {tier: LEVEL_COLOURS[tier] for tier in ("comprehensive_strategic", "strategic", "comprehensive", "special")}
VIETNAM_COLOUR = "#D55E00"
FORUM_COLOUR = "#E69F00"
_TIER_LABELS = {
    "special": "special relationship (outside the ladder)",
    "comprehensive_strategic": "comprehensive strategic (incl. China's CSCP)",
    "strategic": "strategic",
    "comprehensive": "comprehensive",
}
#: Roles in data/forums.csv that mean taking full part in a grouping: a member, a party to an agreement, an
#: ARF participant. The others (a BRICS "partner country", the EAEU's "FTA partner") are ties, not membership.
MEMBERSHIP_ROLES: tuple[str, ...] = ("member", "party", "participant")
PARTNERS_SOURCE = "Source: the kit's data/partners.csv and data/partnership_history.csv (vnpartners.reference)"
SEEDS_SOURCE = "Source: the kit's seed articles (seeds/), country mentions from vnpartners.load_seeds().mentions"
FORUMS_SOURCE = "Source: the kit's data/forums.csv and data/partners.csv (vnpartners.reference)"
_ROUND = 6  # decimals kept in layout positions


# --------------------------------------------------------------------------- small helpers
def _plain(value: Any) -> Any:
    """A plain Python value for a node/edge attribute (NA -> None, numpy scalars -> Python)."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def _round_pos(pos: dict[Any, Any]) -> dict[Any, tuple[float, float]]:
    return {n: (round(float(x), _ROUND), round(float(y), _ROUND)) for n, (x, y) in sorted(pos.items())}


def _add_source(fig: "Figure", text: str) -> None:
    from .charts import add_source

    add_source(fig, text)


# --------------------------------------------------------------------------- the ego network
def partner_graph(partners_df: pd.DataFrame) -> nx.Graph:
    """The ego network: Vietnam (node ``"VNM"``) linked to every partner in ``partners_df``.

    ``partners_df`` is a table shaped like :func:`vnpartners.reference.partners` (one row per
    partner). Nodes are ISO3 codes, inserted in sorted order (Vietnam first). Partner nodes carry
    ``name`` (English name), ``region``, ``level``, ``tier``, ``rank`` (None for ``special``),
    ``level_since`` (ISO date text or None) and ``kind="partner"``; Vietnam carries
    ``kind="centre"``. Each edge Vietnam-partner carries ``level``, ``tier``, ``rank`` and
    ``weight=1``.
    """
    G = nx.Graph(name="Vietnam's partner network")
    G.add_node(VIETNAM, name="Vietnam", kind="centre", region="Southeast Asia", level=None, tier=None,
               rank=None, level_since=None)
    rows = partners_df.sort_values("iso3", kind="stable")
    for row in rows.itertuples(index=False):
        iso3 = str(row.iso3)
        G.add_node(iso3, name=str(row.country_en), kind="partner", region=str(row.region),
                   level=str(row.level), tier=str(row.tier), rank=_plain(row.rank),
                   level_since=_plain(row.level_since))
    for row in rows.itertuples(index=False):
        G.add_edge(VIETNAM, str(row.iso3), level=str(row.level), tier=str(row.tier),
                   rank=_plain(row.rank), weight=1)
    return G


_MIN_SECTOR_SLOTS = 3  # a region with fewer partners still gets a sector this wide (its name must fit)


def _slot_order(extra: list[tuple[str, str, str]] | None = None) -> list[tuple[str, str | None]]:
    """The circle's slots in order, as (region, iso3); iso3 ``None`` is padding or a gap.

    Partners come from the end-2025 table (plus any ``extra`` (region, name, iso3) not in it),
    by region in :data:`REGION_ORDER`, then by name. A small region is padded on both sides to
    :data:`_MIN_SECTOR_SLOTS` slots, and one empty slot separates two regions.
    """
    table = reference.partners()
    people = [(str(r.region), str(r.country_en), str(r.iso3)) for r in table.itertuples(index=False)]
    known = {iso for _, _, iso in people}
    people += [e for e in (extra or []) if e[2] not in known]
    regions = list(REGION_ORDER) + sorted({r for r, _, _ in people} - set(REGION_ORDER))
    slots: list[tuple[str, str | None]] = []
    for region in regions:
        members = [iso for _, iso in sorted((name, iso) for r, name, iso in people if r == region)]
        if not members:
            continue
        pad = max(_MIN_SECTOR_SLOTS - len(members), 0)
        cells: list[str | None] = [None] * (pad // 2) + members + [None] * (pad - pad // 2)
        slots.extend((region, iso) for iso in cells)
        slots.append(("", None))  # the gap between two regions
    return slots


def _slot_angles(G: nx.Graph) -> tuple[dict[str, float], list[tuple[str, float, float]]]:
    """Angle (radians) of each partner, and (region, first angle, last angle) of each sector."""
    extra = [(str(d.get("region")), str(d.get("name", n)), str(n)) for n, d in G.nodes(data=True) if n != VIETNAM]
    slots = _slot_order(extra)
    step = 2 * math.pi / len(slots)
    # turn the circle so that Southeast Asia's sector is centred straight below Vietnam
    sea = [i for i, (region, _) in enumerate(slots) if region == "Southeast Asia"]
    offset = -math.pi / 2 - (sum(sea) / len(sea)) * step if sea else 0.0
    angles: dict[str, float] = {}
    sectors: list[tuple[str, float, float]] = []
    for i, (region, iso) in enumerate(slots):
        theta = offset + i * step
        if iso is not None:
            angles[iso] = theta
        if not region:
            continue
        if sectors and sectors[-1][0] == region:
            sectors[-1] = (region, sectors[-1][1], theta)
        else:
            sectors.append((region, theta, theta))
    return angles, sectors


def radial_layout(G: nx.Graph) -> dict[str, tuple[float, float]]:
    """Fixed positions for a partner graph: Vietnam at (0, 0), rings by tier, sectors by region.

    Each partner keeps the same angle whatever the year (its slot comes from the end-2025 table,
    sorted by region in :data:`REGION_ORDER`, then by name), so pictures of different years line
    up; its distance from the centre says its tier, innermost :data:`RING_ORDER` first. No
    randomness: two calls give identical positions (rounded to 6 decimals).
    """
    angles, _ = _slot_angles(G)
    pos: dict[str, tuple[float, float]] = {}
    for node, data in G.nodes(data=True):
        if node == VIETNAM:
            pos[node] = (0.0, 0.0)
            continue
        radius = _RING_RADIUS.get(str(data.get("tier")), max(_RING_RADIUS.values()) + 1.0)
        theta = angles[str(node)]
        pos[node] = (radius * math.cos(theta), radius * math.sin(theta))
    return _round_pos(pos)


def _radial_label(ax: "Axes", x: float, y: float, text: str, *, pad: float, **kw: Any) -> None:
    """Write ``text`` along the ray through (x, y), just outside the point, readable side up."""
    theta = math.atan2(y, x)
    r = math.hypot(x, y) + pad
    deg = math.degrees(theta) % 360
    flip = 90 < deg < 270
    ax.text(r * math.cos(theta), r * math.sin(theta), text, rotation=deg - 180 if flip else deg,
            rotation_mode="anchor", ha="right" if flip else "left", va="center", **kw)


def draw_partner_graph(G: nx.Graph, *, title: str | None = None, source: str = PARTNERS_SOURCE,
                       ax: "Axes | None" = None) -> "Figure":
    """Draw a :func:`partner_graph`: rings by tier, sectors by region, colours by tier.

    Vietnam sits at the centre; each partner is a dot on the ring of its tier (special
    relationships innermost, comprehensive partnerships outermost) inside its region's sector,
    named along its ray. The legend explains the colours and rings; the source line names the
    tables. Returns the Figure (nothing is shown).
    """
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    if ax is None:
        fig, ax = plt.subplots(figsize=(10, 10.4))
    else:
        fig = ax.figure
    pos = radial_layout(G)
    _, sectors = _slot_angles(G)
    outer = max(_RING_RADIUS.values())
    # guides: rings and sector labels (drawn whatever the graph holds, so every year shares a frame)
    for tier in RING_ORDER:
        circle = plt.Circle((0, 0), _RING_RADIUS[tier], fill=False, color="#BBBBBB", lw=0.7,
                            ls=(0, (2, 3)), zorder=0)
        ax.add_patch(circle)
    step = 2 * math.pi / len(_slot_order([(str(d.get("region")), str(d.get("name", n)), str(n))
                                           for n, d in G.nodes(data=True) if n != VIETNAM]))
    for region, start, end in sectors:
        # a faint boundary in the gap after each sector, and the region's name beyond the labels
        edge = end + step
        ax.plot([0.8 * math.cos(edge), (outer + 2.9) * math.cos(edge)],
                [0.8 * math.sin(edge), (outer + 2.9) * math.sin(edge)], color="#DDDDDD", lw=0.8, zorder=0)
        mid = (start + end) / 2
        r = outer + 2.75
        ax.text(r * math.cos(mid), r * math.sin(mid), region.replace(" & ", " &\n"), ha="center", va="center",
                fontsize=9, color="#444444", fontweight="bold", zorder=1,
                bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none"))
    # edges: Vietnam to each partner, along the partner's ray
    edges = [[pos[u], pos[v]] for u, v in sorted(G.edges())]
    if edges:  # one LineCollection: the same lines as one Line2D each, drawn faster
        ax.add_collection(LineCollection(edges, colors="#9A9A9A", linewidths=0.8, zorder=1,
                                         capstyle="projecting", joinstyle="round"))
    counts = Counter(str(d.get("tier")) for n, d in G.nodes(data=True) if n != VIETNAM)
    for tier in RING_ORDER:
        nodes = sorted(n for n, d in G.nodes(data=True) if n != VIETNAM and d.get("tier") == tier)
        if not nodes:
            continue
        xs, ys = zip(*(pos[n] for n in nodes))
        ax.scatter(xs, ys, s=110, color=TIER_COLOURS[tier], edgecolor="white", linewidth=1.0, zorder=3)
        for n in nodes:
            _radial_label(ax, *pos[n], str(G.nodes[n].get("name", n)), pad=0.2, fontsize=8, zorder=4)
    ax.scatter([0], [0], s=1500, color=VIETNAM_COLOUR, edgecolor="white", linewidth=1.5, zorder=3)
    ax.text(0, 0, "Vietnam", ha="center", va="center", fontsize=7.5, color="white", fontweight="bold", zorder=4)
    handles = [Line2D([], [], marker="o", ls="", markersize=9, color=TIER_COLOURS[t],
                      label=f"{_TIER_LABELS[t]}: {counts.get(t, 0)}") for t in RING_ORDER]
    handles.append(Line2D([], [], color="#BBBBBB", ls=(0, (2, 3)), label="rings: one per level, closest first"))
    ax.legend(handles=handles, title="level (ring, colour): partners", loc="upper center",
              bbox_to_anchor=(0.5, 0.0), ncol=2, fontsize=8.5, title_fontsize=9, frameon=False)
    lim = outer + 3.4
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-lim, lim)
    ax.set_aspect("equal")
    ax.axis("off")
    n_partners = G.number_of_nodes() - (1 if VIETNAM in G else 0)
    ax.set_title(title or f"Vietnam's {n_partners} partners by level (rings) and region (sectors)", fontsize=12)
    fig.subplots_adjust(left=0.02, right=0.98, top=0.95, bottom=0.1)
    _add_source(fig, source)
    return fig


# --------------------------------------------------------------------------- co-mentions
def comention_graph(mentions: pd.DataFrame) -> nx.Graph:
    """Countries named in the same sentence, from a mentions table (``corpus.mentions``).

    ``mentions`` needs the columns ``sentence_id``, ``iso3`` and ``country``. Nodes are ISO3 codes
    (sorted) with ``name`` (the country as the gazetteer names it), ``mentions`` (how many times it
    is named) and ``sentences`` (in how many sentences). Two countries are linked when at least one
    sentence names both; ``weight`` is the number of such sentences. A country named twice in one
    sentence counts once for that sentence. Vietnam is in almost every sentence of these articles,
    so it dominates the graph: drop it (``G.subgraph(...)``) to see how the others connect.
    """
    G = nx.Graph(name="co-mentions in the seed articles")
    names = mentions.groupby("iso3", sort=True)["country"].first()
    n_mentions = mentions.groupby("iso3", sort=True).size()
    per_sentence = mentions[["sentence_id", "iso3"]].drop_duplicates()
    n_sentences = per_sentence.groupby("iso3", sort=True).size()
    for iso3 in sorted(names.index):
        G.add_node(str(iso3), name=str(names[iso3]), mentions=int(n_mentions[iso3]),
                   sentences=int(n_sentences[iso3]))
    pairs: Counter[tuple[str, str]] = Counter()
    for _, codes in per_sentence.groupby("sentence_id", sort=True)["iso3"]:
        for a, b in combinations(sorted(set(map(str, codes))), 2):
            pairs[(a, b)] += 1
    for (a, b), weight in sorted(pairs.items()):
        G.add_edge(a, b, weight=int(weight))
    return G


def spring_positions(G: nx.Graph, *, seed: int = 2, weight: str | None = None,
                     iterations: int = 200) -> dict[str, tuple[float, float]]:
    """A seeded force-directed layout (``networkx.spring_layout``), rounded to 6 decimals.

    The same ``seed`` gives the same positions on every run. ``weight=None`` (the default) lets
    every edge pull equally, which spreads a graph dominated by one heavy node more readably.
    """
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes()))
    H.add_edges_from(sorted((min(u, v), max(u, v), d) for u, v, d in G.edges(data=True)))
    pos = nx.spring_layout(H, seed=seed, weight=weight, iterations=iterations)
    return _round_pos(pos)


def draw_comention_graph(G: nx.Graph, *, seed: int = 2, title: str | None = None,
                         source: str = SEEDS_SOURCE, ax: "Axes | None" = None) -> "Figure":
    """Draw a :func:`comention_graph`: dot area = sentences naming the country, line width = shared sentences.

    Positions come from :func:`spring_positions` with ``seed``; Vietnam is drawn in vermillion.
    Each edge is labelled with its weight. Returns the Figure.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    if ax is None:
        fig, ax = plt.subplots(figsize=(9, 7.5))
    else:
        fig = ax.figure
    pos = spring_positions(G, seed=seed)
    max_w = max([d["weight"] for _, _, d in G.edges(data=True)] or [1])
    for u, v, d in sorted(G.edges(data=True)):
        (x0, y0), (x1, y1) = pos[u], pos[v]
        w = d.get("weight", 1)
        ax.plot([x0, x1], [y0, y1], color="#8A8A8A", lw=0.8 + 7 * w / max_w, alpha=0.75, zorder=1,
                solid_capstyle="round")
        ax.text((x0 + x1) / 2, (y0 + y1) / 2, str(w), fontsize=7.5, ha="center", va="center", color="#333333",
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85), zorder=2)
    max_s = max([d.get("sentences", 1) for _, d in G.nodes(data=True)] or [1])
    for n, d in sorted(G.nodes(data=True)):
        x, y = pos[n]
        size = 120 + 1400 * d.get("sentences", 1) / max_s
        colour = VIETNAM_COLOUR if n == VIETNAM else "#0072B2"
        ax.scatter([x], [y], s=size, color=colour, edgecolor="white", linewidth=1.2, zorder=3)
        ax.annotate(f"{d.get('name', n)} ({d.get('sentences', 0)})", (x, y), xytext=(0, 11 + 0.012 * size),
                    textcoords="offset points", ha="center", va="bottom", fontsize=9, zorder=4,
                    bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.8))
    xs, ys = zip(*pos.values()) if pos else ((0,), (0,))
    ax.set_xlim(min(xs) - 0.3, max(xs) + 0.3)
    ax.set_ylim(min(ys) - 0.25, max(ys) + 0.35)
    ax.axis("off")
    handles = [
        Line2D([], [], marker="o", ls="", color=VIETNAM_COLOUR, markersize=9, label="Vietnam"),
        Line2D([], [], marker="o", ls="", color="#0072B2", markersize=9,
               label="other country (in brackets: sentences naming it)"),
        Line2D([], [], color="#8A8A8A", lw=3, label="named in the same sentence (number: how many sentences)"),
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=1, fontsize=8.5, frameon=False)
    ax.set_title(title or f"Countries named in the same sentence of the seeds ({G.number_of_nodes()} countries, "
                 f"{G.number_of_edges()} pairs)", fontsize=12)
    fig.subplots_adjust(left=0.02, right=0.98, top=0.94, bottom=0.14)
    _add_source(fig, source + f"; spring layout, seed={seed}")
    return fig


# --------------------------------------------------------------------------- partners and forums
def forum_graph(forums_df: pd.DataFrame, partners_df: pd.DataFrame) -> nx.Graph:
    """The bipartite partner-forum graph: an edge joins a partner to each grouping it takes part in.

    Every row of ``forums_df`` gives an edge, whatever the partner's role: a BRICS *partner country*
    (Kazakhstan, Thailand ...) is linked to BRICS as a member is, and the edge's ``role`` says which.
    :func:`forum_roles` counts the roles; :func:`project_partners` keeps only full membership
    (:data:`MEMBERSHIP_ROLES`) unless told otherwise.

    Only members that are in ``partners_df`` count (Vietnam itself is not a node: it is the
    graph's point of view). Partner nodes are ISO3 codes with ``bipartite=0``, ``kind="partner"``,
    ``name``, ``region``, ``tier``; forum nodes are the forum codes (``UN``, ``ASEAN`` ...) with
    ``bipartite=1``, ``kind="forum"``, ``name`` and ``vietnam_role``. Every partner of
    ``partners_df`` is a node, even one in no forum. Edges carry ``role`` (member, party ...).
    """
    partners_df = partners_df.sort_values("iso3", kind="stable")
    codes = set(partners_df["iso3"].astype(str))
    rows = forums_df[forums_df["member_iso3"].isin(codes)].sort_values(["forum", "member_iso3"], kind="stable")
    forum_info = forums_df.drop_duplicates("forum").set_index("forum")
    clash = codes & set(forum_info.index.astype(str))
    if clash:
        raise ValueError(f"forum codes {sorted(clash)} are also partner codes; rename the forums")
    B = nx.Graph(name="partners and forums")
    for r in partners_df.itertuples(index=False):
        B.add_node(str(r.iso3), bipartite=0, kind="partner", name=str(r.country_en), region=str(r.region),
                   tier=str(r.tier))
    for forum in sorted(forum_info.index.astype(str)):
        info = forum_info.loc[forum]
        B.add_node(forum, bipartite=1, kind="forum", name=str(info["forum_name_en"]),
                   vietnam_role=_plain(info["vietnam_role"]))
    for r in rows.itertuples(index=False):
        B.add_edge(str(r.member_iso3), str(r.forum), role=_plain(r.member_role))
    return B


def forum_roles(B: nx.Graph) -> pd.DataFrame:
    """How each forum's partners take part in it, one row per (forum, role).

    Columns ``forum``, ``role``, ``partners`` (how many of the graph's partners have that role) and
    ``countries`` (their ISO3 codes, comma-separated), sorted by forum then role. Membership roles
    (:data:`MEMBERSHIP_ROLES`) and the others (a BRICS partner country) are counted apart.
    """
    rows: dict[tuple[str, str], list[str]] = {}
    for u, v, d in B.edges(data=True):
        partner, forum = (u, v) if B.nodes[u].get("bipartite") == 0 else (v, u)
        rows.setdefault((str(forum), str(d.get("role"))), []).append(str(partner))
    out = pd.DataFrame([{"forum": f, "role": r, "partners": len(c), "countries": ", ".join(sorted(c))}
                        for (f, r), c in sorted(rows.items())], columns=["forum", "role", "partners", "countries"])
    return out.reset_index(drop=True)


def project_partners(B: nx.Graph, roles: tuple[str, ...] | None = MEMBERSHIP_ROLES) -> nx.Graph:
    """Fold a :func:`forum_graph` onto its partners: two partners are linked if they share a forum.

    Only edges whose ``role`` is in ``roles`` count; by default full membership
    (:data:`MEMBERSHIP_ROLES`), so a BRICS partner country does not share BRICS with its members.
    ``roles=None`` counts every role. ``weight`` is the number of forums two partners share and
    ``forums`` the sorted list of those forums (a weighted projection, as
    ``networkx.bipartite.weighted_projected_graph`` but deterministic and with the list). Nodes keep
    their attributes. Since every partner is in the UN, every pair shares at least one forum: the
    projection is complete and only the weights tell partners apart.
    """
    partners = sorted(n for n, d in B.nodes(data=True) if d.get("bipartite") == 0)
    P = nx.Graph(name="partners sharing forums" + ("" if roles is None else " (" + ", ".join(roles) + ")"))
    for n in partners:
        P.add_node(n, **B.nodes[n])
    shared: dict[tuple[str, str], list[str]] = {}
    for forum in sorted(n for n, d in B.nodes(data=True) if d.get("bipartite") == 1):
        taking_part = [p for p in B.neighbors(forum) if roles is None or B.edges[p, forum].get("role") in roles]
        for a, b in combinations(sorted(taking_part), 2):
            shared.setdefault((a, b), []).append(forum)
    for (a, b), forums in sorted(shared.items()):
        P.add_edge(a, b, weight=len(forums), forums=sorted(forums))
    return P


def _partner_order(G: nx.Graph, nodes: list[str]) -> list[str]:
    """Partners sorted by region (as in :data:`REGION_ORDER`) then name."""
    rank = {r: i for i, r in enumerate(REGION_ORDER)}
    return sorted(nodes, key=lambda n: (rank.get(str(G.nodes[n].get("region")), len(rank)),
                                        str(G.nodes[n].get("name", n))))


def draw_forum_graph(B: nx.Graph, *, leave_out: tuple[str, ...] = ("UN",), title: str | None = None,
                     source: str = FORUMS_SOURCE) -> "Figure":
    """Draw a :func:`forum_graph` in two columns: partners (by region) on the left, forums on the right.

    Forums are placed in the order of their members' average position (fewer crossings). Forums
    in ``leave_out`` (by default the UN, which every partner belongs to and which would
    only add one line per partner) are not drawn; the caption says so. Lines take the colour of
    the partner's tier. Returns the Figure.
    """
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    partners = _partner_order(B, [n for n, d in B.nodes(data=True) if d.get("bipartite") == 0])
    forums = [n for n, d in B.nodes(data=True) if d.get("bipartite") == 1 and n not in leave_out]
    ys_p = {n: -i for i, n in enumerate(partners)}
    # forums in the order of their members' average height: fewer crossing lines
    forums = sorted(forums, key=lambda f: (-sum(ys_p[p] for p in B.neighbors(f)) / max(B.degree(f), 1), f))
    fig, ax = plt.subplots(figsize=(9, 12))
    spread = (len(partners) - 1) / max(len(forums) - 1, 1)
    ys_f = {f: -i * spread for i, f in enumerate(forums)}
    # every line in one LineCollection and the dots of each column in one scatter: the same lines and
    # dots in the same order as one artist each, drawn much faster (no label overlaps a dot)
    # full membership as solid lines; other ties (a BRICS partner country) dashed and darker, drawn on top
    lines: dict[bool, tuple[list[Any], list[str]]] = {True: ([], []), False: ([], [])}
    for f in forums:
        for p in sorted(B.neighbors(f)):
            member = B.edges[p, f].get("role") in MEMBERSHIP_ROLES
            lines[member][0].append([(0, ys_p[p]), (1, ys_f[f])])
            lines[member][1].append(TIER_COLOURS.get(str(B.nodes[p].get("tier")), "#999999"))
    ax.add_collection(LineCollection(lines[True][0], colors=lines[True][1], linewidths=0.7, alpha=0.6, zorder=1,
                                     capstyle="projecting", joinstyle="round"))
    if lines[False][0]:
        ax.add_collection(LineCollection(lines[False][0], colors="#333333", linewidths=1.1, alpha=0.9, zorder=2,
                                         linestyles=(0, (3, 2))))
    ax.scatter([0] * len(partners), [ys_p[p] for p in partners], s=40, zorder=3,
               color=[TIER_COLOURS.get(str(B.nodes[p].get("tier")), "#999999") for p in partners])
    for p in partners:
        ax.text(-0.03, ys_p[p], f"{B.nodes[p].get('name', p)} ({B.nodes[p].get('region')})", ha="right",
                va="center", fontsize=7.5)
    ax.scatter([1] * len(forums), [ys_f[f] for f in forums], s=[60 + 12 * B.degree(f) for f in forums],
               marker="s", color=FORUM_COLOUR, zorder=3)
    for f in forums:
        members = sum(1 for p in B.neighbors(f) if B.edges[p, f].get("role") in MEMBERSHIP_ROLES)
        others = B.degree(f) - members
        extra = f"\n+ {others} not members" if others > 1 else "\n+ 1 not a member" if others else ""
        ax.text(1.04, ys_f[f], f"{f}: {members} partner{'s' if members != 1 else ''}{extra}", ha="left",
                va="center", fontsize=9)
    ax.set_xlim(-0.9, 1.45)
    ax.set_ylim(-len(partners), 1.5)
    ax.axis("off")
    handles = [Line2D([], [], marker="o", ls="", color=TIER_COLOURS[t], label=_TIER_LABELS[t]) for t in RING_ORDER]
    handles.append(Line2D([], [], marker="s", ls="", color=FORUM_COLOUR, label="forum (size: partners in it)"))
    handles.append(Line2D([], [], color="#999999", lw=1, label="member, party or participant"))
    if lines[False][0]:
        handles.append(Line2D([], [], color="#333333", lw=1.1, ls=(0, (3, 2)),
                              label="other tie, not membership (BRICS partner country)"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2, fontsize=8, frameon=False)
    left_out = f"; not drawn: {', '.join(leave_out)} (every partner is a member)" if leave_out else ""
    ax.set_title(title or f"Partners (left) and the forums they take part in (right){left_out}", fontsize=11)
    fig.subplots_adjust(left=0.02, right=0.98, top=0.96, bottom=0.09)
    _add_source(fig, source)
    return fig


def draw_projection(P: nx.Graph, *, min_weight: int = 5, title: str | None = None,
                    source: str = FORUMS_SOURCE) -> "Figure":
    """Draw a :func:`project_partners` graph on a circle (partners by region), strong links only.

    Only pairs sharing at least ``min_weight`` forums are drawn (line width and darkness grow
    with the number shared); the caption says how many pairs that leaves out. Dot area grows with
    the partner's weighted degree. Returns the Figure.
    """
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    nodes = _partner_order(P, list(P.nodes()))
    step = 2 * math.pi / max(len(nodes), 1)
    pos = {n: (math.cos(math.pi / 2 - i * step), math.sin(math.pi / 2 - i * step)) for i, n in enumerate(nodes)}
    fig, ax = plt.subplots(figsize=(10, 10.4))
    kept = sorted((u, v, d["weight"]) for u, v, d in P.edges(data=True) if d["weight"] >= min_weight)
    max_w = max([w for _, _, w in kept] or [1])
    # the lines in one LineCollection and the dots in one scatter (same order as one artist each)
    segments, shades, widths = [], [], []
    for u, v, w in sorted(kept, key=lambda e: e[2]):
        segments.append([pos[u], pos[v]])
        shades.append(str(round(0.75 - 0.6 * (w - min_weight + 1) / (max_w - min_weight + 1), 3)))
        widths.append(0.4 + 2.2 * (w - min_weight + 1) / (max_w - min_weight + 1))
    ax.add_collection(LineCollection(segments, colors=shades, linewidths=widths, alpha=0.7, zorder=1,
                                     capstyle="projecting", joinstyle="round"))
    wdeg = dict(P.degree(weight="weight"))
    max_d = max(wdeg.values() or [1])
    if nodes:
        ax.scatter([pos[n][0] for n in nodes], [pos[n][1] for n in nodes],
                   s=[30 + 250 * wdeg[n] / max_d for n in nodes],
                   color=[TIER_COLOURS.get(str(P.nodes[n].get("tier")), "#999999") for n in nodes],
                   edgecolor="white", zorder=3)
    for n in nodes:
        _radial_label(ax, *pos[n], str(P.nodes[n].get("name", n)), pad=0.06, fontsize=8)
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.6, 1.6)
    ax.set_aspect("equal")
    ax.axis("off")
    handles = [Line2D([], [], marker="o", ls="", color=TIER_COLOURS[t], label=_TIER_LABELS[t]) for t in RING_ORDER]
    handles.append(Line2D([], [], color="0.3", lw=2, label=f"shares {min_weight}+ forums (darker, thicker: more)"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2, fontsize=8.5, frameon=False)
    hidden = P.number_of_edges() - len(kept)
    ax.set_title(title or f"Partners sharing at least {min_weight} forums ({len(kept)} pairs drawn, "
                 f"{hidden} weaker pairs not drawn); dot size: weighted degree", fontsize=11)
    fig.subplots_adjust(left=0.02, right=0.98, top=0.95, bottom=0.08)
    _add_source(fig, source)
    return fig


# --------------------------------------------------------------------------- centrality
def centrality_table(G: nx.Graph, *, weight: str = "weight", digits: int = 3) -> pd.DataFrame:
    """Centrality scores of every node, one row per node, most central first.

    Columns:
        node, name: the node and its ``name`` attribute (the node itself when it has none).
        degree: number of neighbours.
        weighted_degree: sum of the ``weight`` of its edges (edges without one count 1).
        betweenness: share of shortest paths between other nodes that pass through it (0-1,
            unweighted: a path's length is its number of edges).
        eigenvector: high when the neighbours are themselves central (0-1, weighted); NaN when it
            is not defined (a graph with no edges or in several pieces).

    Floats are rounded to ``digits`` decimals so the table compares stably. Rows are sorted by
    weighted degree, then degree (both descending), then node.
    """
    nodes = sorted(G.nodes())
    degree = dict(G.degree())
    wdeg = dict(G.degree(weight=weight))
    betweenness = nx.betweenness_centrality(G) if G.number_of_nodes() > 2 else {n: 0.0 for n in nodes}
    eigen: dict[Any, float] = {}
    if G.number_of_edges() and nx.is_connected(G):
        try:
            eigen = nx.eigenvector_centrality(G, weight=weight, max_iter=2000, tol=1e-10)
        except nx.PowerIterationFailedConvergence:  # pragma: no cover - not seen on the kit's graphs
            eigen = {}
    rows = []
    for n in nodes:
        w = wdeg[n]
        rows.append({
            "node": n,
            "name": G.nodes[n].get("name", n),
            "degree": int(degree[n]),
            "weighted_degree": int(w) if float(w).is_integer() else round(float(w), digits),
            "betweenness": round(float(betweenness[n]), digits),
            "eigenvector": round(float(eigen[n]), digits) if n in eigen else float("nan"),
        })
    table = pd.DataFrame(rows, columns=["node", "name", "degree", "weighted_degree", "betweenness", "eigenvector"])
    table = table.sort_values(["weighted_degree", "degree", "node"], ascending=[False, False, True], kind="stable")
    return table.reset_index(drop=True)


# --------------------------------------------------------------------------- growth
def growth_graph(year: int) -> nx.Graph:
    """The partner network as of 31 December of ``year`` (:func:`partner_graph` of ``partners(as_of)``)."""
    year = int(year)
    return partner_graph(reference.partners(f"{year}-12-31"))


def draw_growth(year: int) -> "Figure":
    """Draw :func:`growth_graph` for ``year`` with the same frame as every other year.

    Partners keep their angle from year to year, so an upgrade shows as a dot moving one ring
    inward and a new partnership as a new dot. The title gives the number on the ladder and the
    number of special relationships. Used both for the static pictures and by :func:`growth_widget`.
    """
    G = growth_graph(year)
    tiers = Counter(str(d.get("tier")) for n, d in G.nodes(data=True) if n != VIETNAM)
    ladder = sum(tiers.get(t, 0) for t in reference.LADDER_TIERS)
    special = tiers.get("special", 0)
    title = (f"Vietnam's partner network at the end of {int(year)}: {plural(ladder, 'partnership')} on the "
             f"ladder + {special} special")
    return draw_partner_graph(G, title=title)


def growth_widget(start: int = 2001, end: int = 2025, value: int | None = None) -> Any:
    """A year slider (``ipywidgets.IntSlider``) above the :func:`draw_growth` picture of that year.

    A live extra for JupyterLab/Colab: the picture is redrawn when the slider is released. Returns
    an ``ipywidgets.VBox``; display it as a cell's last expression.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.display import display

    # one year every ~30 px at least: a 25-year slider as wide as the picture, not the default 120 px
    slider = widgets.IntSlider(value=end if value is None else value, min=start, max=end, step=1,
                               description="Year", continuous_update=False,
                               layout=widgets.Layout(width="90%"),
                               style={"description_width": "3em"})
    out = widgets.Output()

    def show(year: int) -> None:
        with out:
            out.clear_output(wait=True)
            fig = draw_growth(year)
            display(fig)
            plt.close(fig)

    slider.observe(lambda change: show(change["new"]), names="value")
    show(slider.value)
    return widgets.VBox([slider, out])
