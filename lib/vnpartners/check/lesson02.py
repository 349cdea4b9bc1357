"""Self-checks for lesson 02, "Vietnam's partner network as graphs".

Every expected answer is computed from the library (``vnpartners.network``, ``vnpartners.reference``
and the seeds), never typed in, so the checks follow the data if it is corrected. Each question's
parameters are stated once, in :data:`EXERCISES`.
"""

from __future__ import annotations

from typing import Any

from ._base import Exercise, codes, country, expect, explanation, fail, join_words, ok, plural, seeds, whole_number

__all__ = ["lesson02_q1", "lesson02_q2", "lesson02_q3", "lesson02_q4"]

EXERCISES = [
    Exercise(
        "02", 1,
        "Take **{without}** out of the co-mention graph `C` as well as Vietnam. Into how many connected "
        "components do the remaining countries fall? *Hint:* `C.subgraph(...)` and `nx.connected_components`.",
        "a whole number",
        params={"without": "RUS"}, display={"without": "Russia"},
    ),
    Exercise(
        "02", 2,
        "Which partners moved **inward** (to a higher rung) between the end of {first} and the end of {last}? "
        "Give a set of ISO3 codes (names work too). *Hint:* compare the `rank` attribute of each node in "
        "`network.growth_graph(q2_first)` and `network.growth_graph(q2_last)`; a smaller rank is a higher rung.",
        "a set of ISO3 codes",
        params={"first": 2016, "last": 2022},
    ),
    Exercise(
        "02", 3,
        "Counting **full membership only** (the projection `P` above), which partner has the highest weighted "
        "degree, that is, shares the most forums with Vietnam's other partners? Give its ISO3 code or its name.",
        "one ISO3 code or name",
    ),
    Exercise(
        "02", 4,
        "Build the projection again counting **every** role, BRICS partner countries as if they were members: "
        "`network.project_partners(B, roles=None)`. (a) How many partners get a higher weighted degree that way? "
        "(b) In `why_4`: which of the two projections answers \"who shares the most groupings with Vietnam's "
        "other partners?\", and what does neither picture tell you about a partner's closeness to Vietnam?",
        "a whole number",
        interpretive=True,
    ),
]
Q1, Q2, Q3, Q4 = EXERCISES


def _name(graph: Any, node: str) -> str:
    return str(graph.nodes[node].get("name", node)) if node in graph else node


# --------------------------------------------------------------------------- Q1
def q1_components() -> list[set[str]]:
    """The components of the co-mention graph without Vietnam and the exercise's country."""
    import networkx as nx

    from ..lessons.network import VIETNAM, comention_graph

    C = comention_graph(seeds().mentions)
    rest = C.subgraph(n for n in C if n not in (VIETNAM, Q1.params["without"]))
    return sorted((set(c) for c in nx.connected_components(rest)), key=lambda c: (-len(c), sorted(c)))


def lesson02_q1(answer: Any) -> None:
    """Q1: the number of connected components without Vietnam and one more country."""
    import networkx as nx

    from ..lessons.network import VIETNAM, comention_graph

    without = Q1.params["without"]
    given = whole_number(answer, "answer_1", "a number of components")
    parts = q1_components()
    expected = len(parts)
    if given != expected:
        C = comention_graph(seeds().mentions)
        only_vn = nx.number_connected_components(C.subgraph(n for n in C if n != VIETNAM))
        expect(given != only_vn,
               f"{given} is the number of components without Vietnam alone. Take {without} out too.")
        expect(given != 1,
               f"{given}: a graph is in one piece only while Vietnam is in it. Leave out Vietnam and {without}.")
        fail(f"{given} is not the number of components. Keep every node except Vietnam and {without} "
             "(`C.subgraph(...)`), then count `nx.connected_components(...)`.")
    ok(f"Right: without Vietnam and {Q1.display.get('without', without)} the countries fall into pieces, most of them "
       f"single countries: {Q1.display.get('without', without)} was a bridge, as its betweenness said.")


# --------------------------------------------------------------------------- Q2
def moved_inward() -> list[str]:
    """Partners on a higher rung at the end of the exercise's last year than at the end of its first."""
    from .. import reference

    first, last = Q2.params["first"], Q2.params["last"]
    before = reference.partners(f"{first}-12-31").set_index("iso3")["rank"].dropna()
    after = reference.partners(f"{last}-12-31").set_index("iso3")["rank"].dropna()
    return sorted(c for c in after.index if c in before.index and after[c] < before[c])


def lesson02_q2(answer: Any) -> None:
    """Q2: which partners moved to a higher rung between the end of two years?"""
    from .. import reference

    first, last = Q2.params["first"], Q2.params["last"]
    given = codes(answer, "answer_2")
    expected = set(moved_inward())
    before = set(reference.partners(f"{first}-12-31")["iso3"])
    after = reference.partners(f"{last}-12-31").set_index("iso3")
    new = sorted(given & (set(after.index) - before))
    expect(not new, f"{join_words(new)} joined the network between {first} and {last}: a new dot, not a move inward. "
                    "Keep only partners that were already there at the end of " + str(first) + ".")
    absent = sorted(given - set(after.index))
    expect(not absent, f"{join_words(absent)}: no partnership with Vietnam at the end of {last}.")
    same = sorted(given - expected)
    expect(not same, f"{join_words(same)} stayed on the same ring between the end of {first} and the end of {last} "
                     "(a `deepened` step does not change the rung).")
    missing = sorted(expected - given)
    expect(not missing, f"You are missing {plural(len(missing), 'partner')}. Compare every node's `rank` in the two "
                        "graphs: a smaller number is a higher rung.")
    ok(f"Right: each of them stands on a higher rung at the end of {last} than at the end of {first}; in the "
       "pictures, their dots move closer to Vietnam.")


# --------------------------------------------------------------------------- Q3
def _projections() -> tuple[Any, Any, Any]:
    from ..lessons.network import forum_graph, project_partners
    from ..reference import forums, partners

    B = forum_graph(forums(), partners())
    return B, project_partners(B), project_partners(B, roles=None)


def lesson02_q3(answer: Any) -> None:
    """Q3: which partner has the highest weighted degree in the membership-only projection?"""
    from ..lessons.network import VIETNAM

    B, P, P_all = _projections()
    expect(not (isinstance(answer, str) and answer.strip() in B and B.nodes[answer.strip()].get("kind") == "forum"),
           f"{answer} is a forum. The projection keeps only the partners; answer with a partner's ISO3 code or name.")
    code = country(answer, "answer_3")
    expect(code != VIETNAM,
           "Vietnam is not a node of the projection: it is the point of view. The question asks which of its "
           "partners shares the most forums with the other partners.")
    expect(code in P, f"{answer!r} is not one of Vietnam's partners; answer with a node of the projection.")
    wdeg, wdeg_all = dict(P.degree(weight="weight")), dict(P_all.degree(weight="weight"))
    best = max(wdeg.values())
    winners = sorted(n for n, w in wdeg.items() if w == best)
    if code not in winners:
        expect(wdeg_all[code] != max(wdeg_all.values()),
               f"{_name(P, code)} comes first only when its BRICS *partner country* status counts as membership "
               f"(weighted degree {wdeg_all[code]}). Counting full membership only it has {wdeg[code]}; use `P` as built above.")
        fail(f"{_name(P, code)} has weighted degree {wdeg[code]} in the projection; the highest is {best}. Use "
             "`P.degree(weight='weight')`: plain degree is the same for everyone, since every partner shares the UN "
             "with every other.")
    in_forums = sum(1 for f in B.neighbors(code) if B.edges[code, f].get("role") in ("member", "party", "participant"))
    ok(f"Right: that partner takes full part in {plural(in_forums, 'forum')}, and no partner shares more of them with "
       "the others. Plain degree could not tell (everyone shares the UN); weighted degree can.")


# --------------------------------------------------------------------------- Q4
def q4_gainers() -> list[str]:
    """Partners whose weighted degree is higher when every role counts than with membership only."""
    _, P, P_all = _projections()
    w, w_all = dict(P.degree(weight="weight")), dict(P_all.degree(weight="weight"))
    return sorted(n for n in P if w_all[n] > w[n])


def lesson02_q4(answer: Any, why: Any = None) -> None:
    """Q4: how many partners gain weighted degree when partner countries count as members; which picture is right."""
    from ..lessons.network import MEMBERSHIP_ROLES

    given = whole_number(answer, "answer_4", "a number of partners")
    gainers = q4_gainers()
    B, _, _ = _projections()
    non_member = sorted({p for u, v, d in B.edges(data=True) if d.get("role") not in MEMBERSHIP_ROLES
                         for p in (u, v) if B.nodes[p].get("kind") == "partner"})
    expected = len(gainers)
    if given != expected:
        expect(given != len(non_member),
               f"{given} counts only the partner countries themselves ({join_words(non_member)}). Their new ties "
               "also raise the weighted degree of every member they now share the forum with.")
        fail(f"{given} is not the count. Compute both weighted degrees (`P.degree(weight='weight')` and the same for "
             "the new projection) and count the partners whose second value is larger.")
    explanation(why, "why_4")
    ok("Right: the partner countries gain, and so does every member they would share BRICS with. Compare your "
       "explanation with these points: 'shares a grouping' means membership, so the membership-only projection answers "
       "the question; a partner country is a looser tie, worth counting separately, not as membership. Neither picture "
       "measures closeness to Vietnam: that is the ladder's job (lesson 01), and a forum's weight says nothing about what "
       "is done in it.")


# --------------------------------------------------------------------------- answer key
def answer_key() -> dict[int, str]:
    """The right answers, computed as the checks compute them (for the teaching guide)."""
    _, P, _ = _projections()
    wdeg = dict(P.degree(weight="weight"))
    best = max(wdeg.values())
    return {
        1: f"`{len(q1_components())}`",
        2: "`{" + ", ".join(repr(c) for c in moved_inward()) + "}`",
        3: " or ".join(f"`{n!r}` ({_name(P, n)}, weighted degree {best})" for n in sorted(n for n, w in wdeg.items() if w == best)),
        4: f"`{len(q4_gainers())}`",
    }
