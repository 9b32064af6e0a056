"""The reply screen measured on labelled replies it was not trained on, and its shipped artifact."""

from __future__ import annotations

import numpy as np

from safety.reply_data import FILLER_REPLY
from safety.reply_eval import evaluate
from safety.reply_screen import ARTIFACT, data_fingerprint, load_replies


def test_the_shipped_artifact_was_trained_on_the_current_replies_and_features() -> None:
    with np.load(ARTIFACT) as stored:
        assert str(stored["fingerprint"]) == data_fingerprint(), "retrain: python -m safety.reply_screen train"


def test_the_held_out_split_was_never_trained_on() -> None:
    train, held_out = load_replies("train"), load_replies("heldout")
    assert len(train) + len(held_out) >= 500
    # The only reply in both: the neutral assistant turn of the conversations, copied by a model.
    assert {r["reply"] for r in train} & {r["reply"] for r in held_out} <= {FILLER_REPLY}
    assert not {r["messages"][-1]["content"] for r in train} & {r["messages"][-1]["content"] for r in held_out}


def test_held_out_figures_computed_from_the_data() -> None:
    evaluation = evaluate("heldout")
    at_risk = evaluation.recall["ideation and above"]
    assert at_risk.total >= 50 and at_risk.value >= 0.98
    assert evaluation.safe_replaced_by_group["other levels"].value <= 0.10
    # Not met yet, and reported in the README: recall of unsafe replies below ideation (target 0.9),
    # and the share of all safe replies replaced (target 0.10; at ideation and above nearly all are).
