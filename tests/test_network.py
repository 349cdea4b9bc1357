"""vnpartners.lessons.network: graph sizes and attributes, deterministic layouts, projection weights, centrality."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest

from vnpartners import reference
from vnpartners.lessons import network


@pytest.fixture(scope="module")
def ego() -> nx.Graph:
    return network.partner_graph(reference.partners())


@pytest.fixture(scope="module")
def comentions(seeds_corpus) -> nx.Graph:
    return network.comention_graph(seeds_corpus.mentions)


@pytest.fixture(scope="module")
def bipartite() -> nx.Graph:
    return network.forum_graph(reference.forums(), reference.partners())


@pytest.fixture(scope="module")
def projection(bipartite: nx.Graph) -> nx.Graph:
    return network.project_partners(bipartite)


# --------------------------------------------------------------------------- ego network
def test_partner_graph_is_a_star_around_vietnam(ego: nx.Graph) -> None:
    partners = reference.partners()
    assert ego.number_of_nodes() == len(partners) + 1
    assert ego.number_of_edges() == len(partners)
    assert ego.degree(network.VIETNAM) == len(partners)
    assert all(ego.degree(n) == 1 for n in ego if n != network.VIETNAM)
    assert list(ego.nodes) == [network.VIETNAM, *sorted(partners["iso3"])]


def test_partner_graph_carries_levels(ego: nx.Graph) -> None:
    jpn = ego.nodes["JPN"]
    assert jpn["name"] == "Japan" and jpn["region"] == "East Asia"
    assert jpn["tier"] == "comprehensive_strategic" and jpn["rank"] == 1
    assert ego.edges[network.VIETNAM, "CHN"]["level"] == "comprehensive_strategic_cooperative"
    assert ego.edges[network.VIETNAM, "CHN"]["tier"] == "comprehensive_strategic"
    assert ego.nodes["LAO"]["rank"] is None  # special: outside the ladder, no NA leaks into attributes
    tiers = pd.Series(nx.get_node_attributes(ego, "tier")).drop(network.VIETNAM).value_counts()
    assert tiers.to_dict() == reference.partners()["tier"].value_counts().to_dict()


def test_radial_layout_is_fixed_rings_and_angles(ego: nx.Graph) -> None:
    pos = network.radial_layout(ego)
    assert pos == network.radial_layout(ego)
    assert pos[network.VIETNAM] == (0.0, 0.0)
    radius = {n: round(math.hypot(*pos[n]), 3) for n in ego if n != network.VIETNAM}
    # rings: special innermost, then the ladder from the top rung down
    by_tier = {t: {radius[n] for n in ego if ego.nodes[n].get("tier") == t} for t in network.RING_ORDER}
    assert all(len(r) == 1 for r in by_tier.values())
    rings = [by_tier[t].pop() for t in network.RING_ORDER]
    assert rings == sorted(rings)
    # no two partners share a position
    assert len(set(pos.values())) == len(pos)


def test_a_partner_keeps_its_angle_across_years() -> None:
    early, late = network.radial_layout(network.growth_graph(2009)), network.radial_layout(network.growth_graph(2025))
    for code in ("JPN", "RUS", "IND"):
        assert math.isclose(math.atan2(*early[code][::-1]), math.atan2(*late[code][::-1]), abs_tol=1e-5)
    # Japan was strategic in 2009 and comprehensive strategic in 2025: it moved one ring inward
    assert math.hypot(*late["JPN"]) < math.hypot(*early["JPN"])


def test_growth_graph_matches_the_as_of_table() -> None:
    counts = reference.level_counts_by_year(2015, 2015).iloc[0]
    G = network.growth_graph(2015)
    tiers = pd.Series(nx.get_node_attributes(G, "tier")).drop(network.VIETNAM)
    assert int(tiers.isin(reference.LADDER_TIERS).sum()) == counts["total"]
    assert int((tiers == "special").sum()) == counts["special"]
    assert network.growth_graph(2001).number_of_nodes() < G.number_of_nodes() < network.growth_graph(2025).number_of_nodes()


# --------------------------------------------------------------------------- co-mentions
def test_comention_weights_count_sentences(seeds_corpus, comentions: nx.Graph) -> None:
    m = seeds_corpus.mentions
    both = m[m["iso3"].isin(["CHN", "VNM"])].groupby("sentence_id")["iso3"].nunique()
    assert comentions.edges["CHN", "VNM"]["weight"] == int((both == 2).sum())
    assert set(comentions.nodes) == set(m["iso3"])
    assert comentions.nodes["RUS"]["mentions"] == int((m["iso3"] == "RUS").sum())
    # Vietnam is named with every other country in these articles
    assert comentions.degree(network.VIETNAM) == comentions.number_of_nodes() - 1


def test_comention_graph_on_a_tiny_table() -> None:
    mentions = pd.DataFrame({
        "sentence_id": ["s1", "s1", "s1", "s2", "s2", "s3"],
        "iso3": ["VNM", "RUS", "RUS", "VNM", "RUS", "CHN"],
        "country": ["Vietnam", "Russia", "Russia", "Vietnam", "Russia", "China"],
    })
    G = network.comention_graph(mentions)
    assert sorted(G.nodes) == ["CHN", "RUS", "VNM"]
    assert G.edges["RUS", "VNM"]["weight"] == 2  # s1 counts once although Russia is named twice there
    assert G.nodes["RUS"]["mentions"] == 3 and G.nodes["RUS"]["sentences"] == 2
    assert G.degree("CHN") == 0


def test_spring_positions_are_seeded(comentions: nx.Graph) -> None:
    first = network.spring_positions(comentions, seed=2)
    assert first == network.spring_positions(comentions, seed=2)
    assert first != network.spring_positions(comentions, seed=3)
    shuffled = nx.Graph()
    shuffled.add_edges_from(reversed(list(comentions.edges(data=True))))
    assert network.spring_positions(shuffled, seed=2) == first  # insertion order does not matter


# --------------------------------------------------------------------------- forums
def test_forum_graph_is_bipartite(bipartite: nx.Graph) -> None:
    partners = set(reference.partners()["iso3"])
    forums = set(reference.forums()["forum"])
    assert {n for n, d in bipartite.nodes(data=True) if d["bipartite"] == 0} == partners
    assert {n for n, d in bipartite.nodes(data=True) if d["bipartite"] == 1} == forums
    assert nx.is_bipartite(bipartite)
    assert network.VIETNAM not in bipartite
    assert bipartite.degree("UN") == len(partners)
    assert set(bipartite.neighbors("ASEAN")) <= partners  # Timor-Leste is left out: not a partner
    assert bipartite.nodes["SCO"]["vietnam_role"].startswith("none")


def _networkx_projection(B: nx.Graph, roles: tuple[str, ...] | None) -> dict[tuple[str, str], int]:
    """networkx's own weighted projection of ``B`` keeping only edges whose role is in ``roles``."""
    kept = B.copy()
    kept.remove_edges_from([(u, v) for u, v, d in B.edges(data=True) if roles is not None and d["role"] not in roles])
    partners = sorted(n for n, d in B.nodes(data=True) if d["bipartite"] == 0)
    projected = nx.bipartite.weighted_projected_graph(kept, partners)
    return {tuple(sorted(e)): d["weight"] for *e, d in projected.edges(data=True)}


@pytest.mark.parametrize("roles", [network.MEMBERSHIP_ROLES, None], ids=["membership", "every-role"])
def test_projection_weights_are_shared_forums(bipartite: nx.Graph, roles: tuple[str, ...] | None) -> None:
    projection = network.project_partners(bipartite, roles=roles)
    n = projection.number_of_nodes()
    assert projection.number_of_edges() == n * (n - 1) // 2  # everyone shares the UN
    edge = projection.edges["JPN", "AUS"]
    shared = sorted(set(bipartite.neighbors("JPN")) & set(bipartite.neighbors("AUS")))
    assert edge["forums"] == shared and edge["weight"] == len(shared)
    assert _networkx_projection(bipartite, roles) == {
        tuple(sorted((u, v))): d["weight"] for u, v, d in projection.edges(data=True)
    }


def test_brics_partner_countries_are_not_members(bipartite: nx.Graph, projection: nx.Graph) -> None:
    """Thailand is a BRICS partner country: it keeps its edge (with its role), but shares BRICS with nobody."""
    assert bipartite.edges["THA", "BRICS"]["role"] == "partner country"
    assert bipartite.edges["CHN", "BRICS"]["role"] == "member"
    assert "BRICS" not in projection.edges["THA", "CHN"]["forums"]
    assert "BRICS" in projection.edges["IND", "CHN"]["forums"]
    every = network.project_partners(bipartite, roles=None)
    assert "BRICS" in every.edges["THA", "CHN"]["forums"]
    roles = network.forum_roles(bipartite).set_index(["forum", "role"])
    assert roles.loc[("BRICS", "partner country"), "countries"] == "BLR, CUB, KAZ, MYS, THA"
    assert roles["partners"].sum() == bipartite.number_of_edges()


def test_projection_on_a_tiny_graph() -> None:
    forums = pd.DataFrame({
        "forum": ["F1", "F1", "F2", "F2", "F2"],
        "forum_name_en": ["One", "One", "Two", "Two", "Two"],
        "vietnam_role": ["member"] * 5,
        "member_iso3": ["AAA", "BBB", "AAA", "BBB", "CCC"],
        "member_role": ["member"] * 5,
    })
    partners = pd.DataFrame({"iso3": ["AAA", "BBB", "CCC", "DDD"], "country_en": list("ABCD"),
                             "region": ["Europe"] * 4, "tier": ["strategic"] * 4})
    P = network.project_partners(network.forum_graph(forums, partners))
    assert P.edges["AAA", "BBB"] == {"weight": 2, "forums": ["F1", "F2"]}
    assert P.edges["AAA", "CCC"]["weight"] == 1
    assert P.degree("DDD") == 0


# --------------------------------------------------------------------------- centrality
@pytest.mark.parametrize("graph", ["ego", "comentions", "projection"])
def test_centrality_table_is_sorted_and_complete(graph: str, request: pytest.FixtureRequest) -> None:
    G = request.getfixturevalue(graph)
    table = network.centrality_table(G)
    assert list(table.columns) == ["node", "name", "degree", "weighted_degree", "betweenness", "eigenvector"]
    assert sorted(table["node"]) == sorted(G.nodes)
    keys = list(zip(-table["weighted_degree"], -table["degree"], table["node"]))
    assert keys == sorted(keys)
    assert table.equals(network.centrality_table(G))
    assert table["betweenness"].between(0, 1).all()


def test_centrality_values(ego: nx.Graph, comentions: nx.Graph, projection: nx.Graph) -> None:
    star = network.centrality_table(ego).set_index("node")
    assert star.loc[network.VIETNAM, "betweenness"] == 1.0
    assert (star.drop(network.VIETNAM)["degree"] == 1).all()
    co = network.centrality_table(comentions)
    assert co.iloc[0]["node"] == network.VIETNAM
    assert co.set_index("node").loc["CHN", "weighted_degree"] == comentions.edges["CHN", "VNM"]["weight"]
    proj = network.centrality_table(projection)
    assert proj["degree"].nunique() == 1 and (proj["betweenness"] == 0).all()
    wdeg = dict(projection.degree(weight="weight"))
    assert proj.iloc[0]["weighted_degree"] == max(wdeg.values())


def test_eigenvector_is_nan_on_a_graph_in_pieces() -> None:
    G = nx.Graph([("a", "b"), ("c", "d")])
    assert network.centrality_table(G)["eigenvector"].isna().all()
    assert network.centrality_table(nx.empty_graph(["x"]))["degree"].tolist() == [0]


# --------------------------------------------------------------------------- drawings
def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


@pytest.mark.parametrize("draw", ["partners", "comentions", "forums", "projection", "growth"])
def test_drawings_have_title_legend_and_source(draw: str, ego, comentions, bipartite, projection) -> None:
    import matplotlib.pyplot as plt

    fig = {
        "partners": lambda: network.draw_partner_graph(ego),
        "comentions": lambda: network.draw_comention_graph(comentions, seed=2),
        "forums": lambda: network.draw_forum_graph(bipartite),
        "projection": lambda: network.draw_projection(projection),
        "growth": lambda: network.draw_growth(2012),
    }[draw]()
    try:
        ax = fig.axes[0]
        assert ax.get_title()
        assert ax.get_legend() is not None
        assert any(text.startswith("Source:") for text in _texts(fig))
    finally:
        plt.close(fig)


def test_draw_growth_title_counts_the_year() -> None:
    import matplotlib.pyplot as plt

    fig = network.draw_growth(2015)
    try:
        total = int(reference.level_counts_by_year(2015, 2015)["total"].iloc[0])
        assert f"end of 2015: {total} partnerships" in fig.axes[0].get_title()
    finally:
        plt.close(fig)


def test_growth_widget_draws_the_chosen_year() -> None:
    widgets = pytest.importorskip("ipywidgets")
    box = network.growth_widget(start=2001, end=2025, value=2010)
    slider, out = box.children
    assert isinstance(slider, widgets.IntSlider)
    assert (slider.min, slider.max, slider.value) == (2001, 2025, 2010)
    slider.value = 2020  # redraws without error
    assert isinstance(out, widgets.Output)
