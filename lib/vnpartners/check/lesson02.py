"""Self-checks for lesson 02, "Vietnam's partner network as graphs".

Every expected answer is computed from the library (``vnpartners.network``, ``vnpartners.reference``
and the seeds), never typed in, so the checks follow the data if it is corrected.
"""

from __future__ import annotations

from typing import Any

from ._base import expect, not_missing, ok, seeds

__all__ = ["lesson02_q1", "lesson02_q2", "lesson02_q3"]

#: The year of exercise 2.
Q2_YEAR = 2015


def _code(answer: Any, graph: Any, name: str) -> str:
    """The node of ``graph`` that ``answer`` names: an ISO3 code or a name, in any case."""
    expect(isinstance(answer, str), f"{name} should be a country as text: its ISO3 code (e.g. 'KAZ') or its name.")
    text = answer.strip()
    by_code = {str(n).casefold(): n for n in graph.nodes()}
    if text.casefold() in by_code:
        return str(by_code[text.casefold()])
    by_name = {str(d.get("name", n)).casefold(): n for n, d in graph.nodes(data=True)}
    if text.casefold() in by_name:
        return str(by_name[text.casefold()])
    try:  # other spellings: "Russia", "Rusia", "Tiongkok" ...
        from ..reference import resolve_partner

        return str(resolve_partner(text))
    except Exception:
        return text.upper()


def _name(graph: Any, node: str) -> str:
    return str(graph.nodes[node].get("name", node)) if node in graph else node


# --------------------------------------------------------------------------- Q1
def _comentions() -> Any:
    from ..lessons.network import comention_graph

    return comention_graph(seeds().mentions)


def lesson02_q1(answer: Any) -> None:
    """Q1: which country other than Vietnam is co-mentioned with the most other countries in the seeds?"""
    from ..lessons.network import VIETNAM

    not_missing(answer, "answer_1")
    G = _comentions()
    code = _code(answer, G, "answer_1")
    degree = {n: d for n, d in G.degree() if n != VIETNAM}
    best = max(degree.values())
    winners = sorted(n for n, d in degree.items() if d == best)
    expect(
        code != VIETNAM,
        "Vietnam is named with every other country, so the question leaves it out: look for the "
        f"highest degree among the other {len(degree)} nodes (e.g. `G.degree()` without 'VNM').",
    )
    expect(
        code in G,
        f"{answer!r} is not a node of the co-mention graph: the seeds never name it in a fact-bearing "
        "sentence. Answer with one of `list(G.nodes)` (an ISO3 code) or its name.",
    )
    weighted = dict(G.degree(weight="weight"))
    expect(
        code in winners,
        f"{_name(G, code)} is co-mentioned with {degree[code]} other countries "
        f"(in {weighted[code]} sentence pairs); the answer has {best}. "
        + ("Count neighbours (`G.degree(n)`), not sentences or edge weights: "
           f"{_name(G, code)} is named often, but almost always with the same partner. "
           if weighted[code] > degree[code] * 3 else "")
        + "Sort the nodes by `G.degree()` and leave Vietnam out.",
    )
    ok(f"Right: {_name(G, code)} is named in the same sentence as {best} different countries "
       f"({', '.join(sorted(_name(G, n) for n in G.neighbors(code)))}).")


# --------------------------------------------------------------------------- Q2
def lesson02_q2(answer: Any) -> None:
    """Q2: how many partners did Vietnam have at strategic tier or above at the end of 2015?"""
    from ..reference import partners

    not_missing(answer, "answer_2")
    expect(
        not isinstance(answer, bool) and (isinstance(answer, int) or hasattr(answer, "__index__")),
        "answer_2 should be a whole number: how many partners (a count of rows or of nodes).",
    )
    answer = int(answer)
    p = partners(f"{Q2_YEAR}-12-31")
    tiers = p["tier"].value_counts()
    csp, sp = int(tiers.get("comprehensive_strategic", 0)), int(tiers.get("strategic", 0))
    cp, special = int(tiers.get("comprehensive", 0)), int(tiers.get("special", 0))
    expected = csp + sp
    if answer == expected:
        ok(f"Right: at the end of {Q2_YEAR} Vietnam had {expected} partners at strategic tier or above "
           f"({csp} comprehensive strategic + {sp} strategic).")
        return
    now = partners()["tier"].isin(["comprehensive_strategic", "strategic"]).sum()
    hints = {
        csp + sp + cp: "That counts the comprehensive partnerships too; they are the rung *below* strategic.",
        csp + sp + cp + special: "That counts every node but Vietnam, comprehensive partnerships and special "
                                 "relationships included.",
        csp + sp + special: "That adds the special relationships (Laos, Cambodia, Cuba), which are outside the "
                            "ladder: keep only the tiers comprehensive_strategic and strategic.",
        sp: "That counts the strategic tier only; 'or above' adds the comprehensive strategic partners.",
        csp: "That counts the comprehensive strategic partners only; 'or above' starts at strategic.",
        int(now): "That is today's figure (end of 2025). Rebuild the table as of the end of "
                  f"{Q2_YEAR}: `partners('{Q2_YEAR}-12-31')` or `network.growth_graph({Q2_YEAR})`.",
    }
    hint = " ".join(dict.fromkeys(text for value, text in hints.items() if value == answer))
    expect(
        False,
        f"{answer} is not the count. {hint} " if hint else
        f"{answer} is not the count. Take the partners as of {Q2_YEAR}-12-31 and count the rows whose "
        "`tier` is 'comprehensive_strategic' or 'strategic' (China's level counts as comprehensive strategic).",
    )


# --------------------------------------------------------------------------- Q3
def _projection() -> Any:
    from ..lessons.network import forum_graph, project_partners
    from ..reference import forums, partners

    B = forum_graph(forums(), partners())
    return B, project_partners(B)


def lesson02_q3(answer: Any) -> None:
    """Q3: which partner shares the most forums with Vietnam's other partners (highest weighted degree)?"""
    from ..lessons.network import VIETNAM

    not_missing(answer, "answer_3")
    B, P = _projection()
    code = _code(answer, B, "answer_3")
    wdeg = dict(P.degree(weight="weight"))
    best = max(wdeg.values())
    winners = sorted(n for n, w in wdeg.items() if w == best)
    expect(
        code != VIETNAM,
        "Vietnam is not a node of the projection: it is the point of view. The question asks which of its "
        "partners shares the most forums with the other partners.",
    )
    expect(
        not (code in B and B.nodes[code].get("kind") == "forum"),
        f"{code} is a forum. The projection keeps only the partners; answer with a partner's ISO3 code or name.",
    )
    expect(code in P, f"{answer!r} is not one of Vietnam's partners; answer with a node of the projection.")
    forums_of = dict(B.degree())
    most_forums = max(forums_of[n] for n in P.nodes())
    hint = ""
    if forums_of[code] == most_forums:
        hint = (f"{_name(P, code)} is in {most_forums} forums, as many as any partner, but the question weighs "
                "each forum by how many other partners are in it. ")
    expect(
        code in winners,
        f"{_name(P, code)} has weighted degree {wdeg[code]} in the projection; the highest is {best}. {hint}"
        "Use `P.degree(weight='weight')`: plain degree is the same for everyone, because every partner "
        "shares the UN with every other.",
    )
    ok(f"Right: {_name(P, code)} is in {forums_of[code]} forums; added up over every other partner, "
       f"the forums it shares come to {best} (its weighted degree).")
