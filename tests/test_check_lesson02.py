"""Self-checks of lesson 02: right answers pass, typical wrong answers teach."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from vnpartners import check, reference
from vnpartners.check import lesson02
from vnpartners.lessons import network

WHY = "Membership is what sharing a grouping means; partner countries are a looser tie, counted apart."


def fails(fn, *args, words: tuple[str, ...] = ()) -> str:
    with pytest.raises(check.CheckFailed) as info:
        fn(*args)
    message = str(info.value)
    assert len(message.split()) >= 5, f"not a teaching message: {message!r}"
    for word in words:
        assert word in message, (word, message)
    return message


@pytest.fixture(scope="module")
def comentions(seeds_corpus):
    return network.comention_graph(seeds_corpus.mentions)


def test_q1(comentions, capsys) -> None:
    without = lesson02.Q1.params["without"]
    rest = comentions.subgraph(n for n in comentions if n not in (network.VIETNAM, without))
    right = nx.number_connected_components(rest)
    only_vn = nx.number_connected_components(comentions.subgraph(n for n in comentions if n != network.VIETNAM))
    assert right != only_vn, "the lesson prints the components without Vietnam: the exercise must ask for another number"
    check.lesson02_q1(right)
    check.lesson02_q1(np.int64(right))
    assert "bridge" in capsys.readouterr().out
    fails(check.lesson02_q1, only_vn, words=("Vietnam alone",))
    fails(check.lesson02_q1, 1, words=("one piece",))
    fails(check.lesson02_q1, 99, words=("connected_components",))


def test_q2(capsys) -> None:
    right = set(lesson02.moved_inward())
    assert right == {"AUS", "KOR", "NZL"}
    check.lesson02_q2(right)
    check.lesson02_q2(["Australia", "South Korea", "New Zealand"])
    assert capsys.readouterr().out.count("✓ Right") == 2
    first = lesson02.Q2.params["first"]
    new = sorted(set(reference.partners(f"{lesson02.Q2.params['last']}-12-31")["iso3"])
                 - set(reference.partners(f"{first}-12-31")["iso3"]))
    fails(check.lesson02_q2, right | {new[0]}, words=("joined the network",))
    fails(check.lesson02_q2, right | {"RUS"}, words=("same ring",))
    fails(check.lesson02_q2, {"AUS"}, words=("missing",))


def test_q3_counts_membership_only(capsys) -> None:
    B = network.forum_graph(reference.forums(), reference.partners())
    members = dict(network.project_partners(B).degree(weight="weight"))
    every = dict(network.project_partners(B, roles=None).degree(weight="weight"))
    best = max(sorted(members), key=members.get)
    best_every = max(sorted(every), key=every.get)
    assert best != best_every, "with partner countries counted as members, another partner wins"
    check.lesson02_q3(best)
    check.lesson02_q3(B.nodes[best]["name"])
    assert "takes full part" in capsys.readouterr().out
    fails(check.lesson02_q3, best_every, words=("partner country",))
    fails(check.lesson02_q3, "VNM", words=("point of view",))
    fails(check.lesson02_q3, "ASEAN", words=("is a forum",))
    fails(check.lesson02_q3, "Argentina", words=("weighted degree",))
    fails(check.lesson02_q3, "Peru", words=("not one of Vietnam's partners",))


def test_q4(capsys) -> None:
    gainers = lesson02.q4_gainers()
    partner_countries = {"BLR", "CUB", "KAZ", "MYS", "THA"}
    assert partner_countries < set(gainers)
    check.lesson02_q4(len(gainers), WHY)
    assert "ladder's job" in capsys.readouterr().out
    fails(check.lesson02_q4, len(partner_countries), WHY, words=("partner countries themselves",))
    fails(check.lesson02_q4, 0, WHY, words=("not the count",))
    fails(check.lesson02_q4, len(gainers), None, words=("why_4",))
