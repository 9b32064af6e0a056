"""The realistic conversation set and how its per-turn figures are counted."""

from __future__ import annotations

import json

import pytest

from safety.conversation_eval import CONVERSATIONS, SPLITS, Turn, evaluate, load_turns
from safety.screen import LEVELS

CONVERSATIONS_ROWS = [json.loads(line) for line in CONVERSATIONS.read_text(encoding="utf-8").splitlines()]


def test_the_set_is_long_informal_multi_turn_and_split_in_half() -> None:
    assert len(CONVERSATIONS_ROWS) >= 150
    assert len({row["topic"] for row in CONVERSATIONS_ROWS}) >= 20
    for row in CONVERSATIONS_ROWS:
        users = [t for t in row["turns"] if t["role"] == "user"]
        assert 5 <= len(users) <= 10, row["id"]
        assert all(100 <= len(t["content"]) <= 600 and t["level"] in LEVELS for t in users), row["id"]
        assert row["turns"][0]["role"] == row["turns"][-1]["role"] == "user"
    by_split = {s: [r for r in CONVERSATIONS_ROWS if r["split"] == s] for s in SPLITS}
    assert abs(len(by_split["tune"]) - len(by_split["heldout"])) <= 1
    assert all(any(t.get("level") in ("ideation", "self_harm", "imminent") for r in rows for t in r["turns"])
               for rows in by_split.values())


def test_every_turn_of_the_person_is_screened_with_the_conversation_before_it() -> None:
    turns = load_turns("heldout")
    first = next(r for r in CONVERSATIONS_ROWS if r["split"] == "heldout")
    own = [t for t in turns if t.conversation == first["id"]]
    assert [t.messages[-1]["content"] for t in own] == [t["content"] for t in first["turns"] if t["role"] == "user"]
    assert [len(t.messages) for t in own] == list(range(1, len(first["turns"]) + 1, 2))
    assert sum(len(t.messages) == 1 for t in turns) == sum(r["split"] == "heldout" for r in CONVERSATIONS_ROWS)


def _turn(level: str) -> Turn:
    return Turn("c", [{"role": "user", "content": "..."}], level, "plain")


def test_a_false_alarm_is_risk_on_a_turn_without_it_and_a_risk_turn_is_found_at_any_risk_level() -> None:
    turns = [_turn("none"), _turn("distress"), _turn("distress"), _turn("ideation"), _turn("imminent")]
    result = evaluate(turns, ["none", "self_harm", "distress", "imminent", "ideation"])
    assert (result.false_alarms.hits, result.false_alarms.total) == (1, 3)
    assert (result.found.hits, result.found.total) == (2, 2)
    assert [t.level for t, _ in result.missed] == ["distress"]
    assert evaluate(turns, ["none"] * 5).found.value == pytest.approx(0.0)
