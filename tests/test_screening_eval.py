"""The labelled screening set and the measured targets of the crisis screen."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest

from safety.screen import LEVELS
from safety.screening_eval import (
    TARGET_FALSE_POSITIVE_RATE,
    TARGET_RECALL,
    evaluate,
    false_positive_rate,
    load_set,
    recall,
    split_names,
)

HARD_NEGATIVES = {"idiom", "fiction", "third_person", "past", "denial"}


def test_the_set_is_large_covers_every_level_and_splits_do_not_overlap() -> None:
    assert len(load_set("all")) >= 300
    texts: Counter = Counter()
    for split in split_names():
        items = load_set(split)
        assert {i.level for i in items} == set(LEVELS), split
        assert HARD_NEGATIVES | {"misspelling", "context", "injection"} <= {i.kind for i in items}, split
        assert all(i.level == "none" for i in items if i.kind in HARD_NEGATIVES), split
        texts.update(" | ".join((*i.context, i.text)).lower() for i in items)
    assert [t for t, n in texts.items() if n > 1] == []


@pytest.mark.parametrize("level", sorted(TARGET_RECALL))
def test_recall_on_the_test_split_meets_the_target(level: str) -> None:
    assert recall(evaluate(load_set("test")), level) >= TARGET_RECALL[level]


def test_false_positives_on_the_test_split_stay_under_the_target() -> None:
    assert false_positive_rate(evaluate(load_set("test"))) <= TARGET_FALSE_POSITIVE_RATE


def test_cli_reports_recall_and_lists_misses() -> None:
    # The rules alone, so the command's output is checked without loading the learned screen again.
    result = subprocess.run([sys.executable, "-m", "safety.screening_eval", "--split", "holdout", "--misses",
                             "--rules-only"],
                            capture_output=True, text=True, check=True)
    assert "80 messages" in result.stdout and "false positives on none/distress" in result.stdout
    assert "misses and false positives:" in result.stdout
