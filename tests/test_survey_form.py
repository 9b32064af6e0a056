"""What gives a model away by the form of its answers: answers end at a sentence end, length alone
as a classifier, shares of paragraphs, lists and self-reference, and warnings that name the remedy."""

from __future__ import annotations

import pytest

from survey.form import CUT, LENGTH_AUC_WARN, TRUNCATED, WHOLE, answer_flags, fit, length_auc, measure, self_reference


@pytest.mark.parametrize(("generated", "kept", "ending"), [
    ("I hear you. It sounds hard. Try to", "I hear you. It sounds hard.", CUT),
    ("That sounds exhausting! Would a short walk", "That sounds exhausting!", CUT),
    ('She said "rest." Then you could', 'She said "rest."', CUT),
    ("Some ideas (small ones.) And", "Some ideas (small ones.)", CUT),
    ("**Rest first.** Then", "**Rest first.**", CUT),
    ("Try this:\n1. Breathe slowly.\n2. Walk", "Try this:\n1. Breathe slowly.", CUT),
    ("Talk to someone, e.g. a friend, and", "Talk to someone, e.g. a friend, and", TRUNCATED),
    ("Rest helps. Does it?", "Rest helps. Does it?", WHOLE),
])
def test_an_answer_that_stops_mid_sentence_is_cut_back_to_its_last_sentence_end(generated, kept, ending):
    fitted = fit(generated)
    assert (fitted.text, fitted.ending) == (kept, ending)
    assert fit(fitted.text).text == fitted.text  # fitting again changes nothing


def test_a_budget_cuts_at_the_last_sentence_end_within_it():
    text = "Sleep matters. A routine helps a lot. Try to keep the same bedtime every night."
    assert (fit(text, 40).text, fit(text, 40).ending) == ("Sleep matters. A routine helps a lot.", CUT)
    assert fit(text, 1000).text == text
    assert fit(text, 10).ending == TRUNCATED and len(fit(text, 10).text) <= 10  # no sentence end fits


def test_length_alone_tells_the_models_apart_when_one_is_always_longer():
    assert length_auc([100, 120, 140], [300, 250, 400]) == 1.0
    assert length_auc([300, 250, 400], [100, 120, 140]) == 1.0  # symmetrised
    assert length_auc([100, 400, 500, 800], [200, 300, 600, 700]) == pytest.approx(0.5)  # interleaved


def answers(texts: list[str]) -> list[tuple[str, str]]:
    return [(text, WHOLE) for text in texts]


def test_a_length_tell_above_the_threshold_warns_and_names_the_remedy():
    short = answers([f"Rest helps {i}." for i in range(6)])
    long = answers([f"Rest helps, and so does talking to someone you trust about it {i}." * 3 for i in range(6)])
    report = measure({"base": short, "tuned": long})
    assert report.length_auc == 1.0 > LENGTH_AUC_WARN and report.length_ratio > 3
    [warning] = [w for w in report.warnings if "length" in w]
    assert "max_answer_characters" in warning and "--regenerate-outliers" in warning
    assert [m.model for m in report.models] == ["base", "tuned"]
    assert report.models[0].mean_characters == pytest.approx(sum(len(t) for t, _ in short) / 6)

    mixed = answers(["A short one.", "A somewhat longer answer here.", "Mid length text.", "Tiny."])
    assert not measure({"base": mixed, "tuned": mixed[::-1]}).warnings


def test_shares_of_paragraphs_lists_and_self_reference_are_measured_and_compared():
    prose = answers(["Breathing slowly helps."] * 4)
    structured = answers(["Some ideas.\n\n- Breathe.\n- Walk."] * 3 + ["As an AI, I can only suggest rest."])
    report = measure({"a": prose, "b": structured})
    a, b = report.models
    assert (a.multi_paragraph, a.lists, a.self_reference) == (0, 0, 0)
    assert (b.multi_paragraph, b.lists, b.self_reference) == (0.75, 0.75, 0.25)
    assert any("more than one paragraph" in w for w in report.warnings)
    assert any("list markers" in w for w in report.warnings)
    assert not any("self-reference" in w for w in report.warnings)  # 25 points apart: under the threshold


@pytest.mark.parametrize("text", ["As an AI, I can't feel it.", "I'm just a caring friend.",
                                  "In my experience, walks help.", "I took my own advice.", "When I was young..."])
def test_an_answer_that_talks_about_itself_is_flagged(text):
    assert self_reference(text)
    assert any(flag.startswith("talks about itself") for flag in answer_flags(text, WHOLE, (0, 1000)))


def test_flags_name_what_to_read_an_answer_for():
    assert answer_flags("Walks help and talking helps.", WHOLE, (0, 1000)) == []
    assert answer_flags("Walks help and", TRUNCATED, (0, 1000)) == ["truncated (no sentence end)"]
    assert answer_flags("As SmolLM, rest.", WHOLE, (0, 1000)) == ["names a model ('SmolLM')"]
    assert answer_flags("Rest.", WHOLE, (10, 1000)) == ["length outlier (5 characters)"]
