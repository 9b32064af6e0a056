"""Study files (the shipped default and malformed ones) and the assignment of items to participants:
balance across participants, determinism per participant, and sides that do not follow the model."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from helpers import ARM_KEYS, write_study
from models.catalog import load_catalog
from survey.assignment import CHECK, QUESTION, assign, models_in_order
from survey.build import blinding_problems, load_responses
from survey.serving import DEFAULT_STUDIES, served_studies
from survey.study import DEFAULT_CRITERIA, Study, StudyError, load_study

CHECK_ITEM = {"id": "check-1", "text": "Give both responses a 2.", "responses": ["a", "b"], "score": 2}


def test_default_study_is_shipped_built_and_blind() -> None:
    study = load_study(DEFAULT_STUDIES / "default.yaml")
    assert len(study.questions) == 12 and study.criteria == DEFAULT_CRITERIA
    assert (study.scale.low, study.scale.high) == (1, 10) and study.scale.low_label and study.scale.high_label
    assert study.consent and study.instructions and study.attention_checks
    # Both arms run offline on the packaged base, with one system prompt: the base against the demo adapter.
    assert {m.base for m in study.models} == {"smollm2-135m-instruct"}
    assert study.models[0].system_prompt == study.models[1].system_prompt
    assert [m.adapter for m in study.models] == [None, "smollm2-supportive-r16"]
    assert "smollm2-supportive-r16" in load_catalog().adapters
    assert {"anxiety", "low-mood", "grief", "loneliness", "work-stress", "sleep", "relationships",
            "self-esteem", "exam-stress", "social-anxiety", "burnout", "seeking-help"} <= {q.id for q in study.questions}
    responses = load_responses(study)  # empty unless built for exactly these models and questions
    assert set(responses) == {q.id for q in study.questions}
    assert blinding_problems(study, responses) == []
    assert "default" in served_studies(DEFAULT_STUDIES)


def test_questions_can_come_from_a_file(tmp_path: Path) -> None:
    (tmp_path / "questions.yaml").write_text(yaml.safe_dump(["How do I sleep better?", "Why am I sad?"]))
    path = write_study(tmp_path)
    raw = yaml.safe_load(path.read_text())
    del raw["questions"]
    raw["questions_file"] = "questions.yaml"
    path.write_text(yaml.safe_dump(raw))
    study = load_study(path)
    assert [q.text for q in study.questions] == ["How do I sleep better?", "Why am I sad?"]


@pytest.mark.parametrize(("change", "message"), [
    ({"id": "Has Spaces"}, "'id' must be"),
    ({"models": [{"key": "x", "base": "tiny", "system_prompt": "hi"}]}, "exactly two models"),
    ({"colour": "blue"}, "unknown field(s) ['colour']"),
    ({"scale": {"low": 5, "high": 5}}, "scale 'low' must be below 'high'"),
    ({"questions_per_participant": 99}, "questions_per_participant"),
    ({"attention_checks": [{**CHECK_ITEM, "id": "q1"}]}, "duplicate question/check id(s) ['q1']"),
    ({"attention_checks": [{**CHECK_ITEM, "score": 11}]}, "needs a 'score' on the scale"),
    ({"criteria": [{"key": "empathy"}]}, "description"),
])
def test_malformed_studies_are_refused_with_a_message(tmp_path: Path, change: dict, message: str) -> None:
    with pytest.raises(StudyError) as caught:
        load_study(write_study(tmp_path, **change))
    assert message in str(caught.value)


def test_a_model_with_an_unknown_preset_names_the_known_ones(tmp_path: Path) -> None:
    path = write_study(tmp_path)
    raw = yaml.safe_load(path.read_text())
    raw["models"][0] = {"key": "x", "base": "tiny", "preset": "no-such-preset"}
    path.write_text(yaml.safe_dump(raw))
    with pytest.raises(StudyError, match="unknown preset 'no-such-preset'; known: "):
        load_study(path)


def simulate(study: Study, participants: int) -> list[list]:
    """Participants arriving one after another, each assigned from the counts so far (as the store does)."""
    taken: Counter = Counter()
    shown_first: Counter = Counter()
    assignments = []
    for n in range(participants):
        slots = assign(study, f"participant-{n}", dict(taken), dict(shown_first))
        for slot in slots:
            if slot.kind == QUESTION:
                taken[slot.item_id] += 1
                shown_first[(slot.item_id, slot.first_model)] += 1
        assignments.append(slots)
    return assignments


def test_assignment_is_deterministic_per_participant(tmp_path: Path) -> None:
    study = load_study(write_study(tmp_path, questions=8, attention_checks=[CHECK_ITEM]))
    counts = {"q1": 2}, {("q1", ARM_KEYS[0]): 2}
    assert assign(study, "p-1", *counts) == assign(study, "p-1", *counts)
    orders = {tuple(s.item_id for s in assign(study, f"p-{n}", {}, {})) for n in range(20)}
    assert len(orders) > 10  # question order differs between participants


def test_sides_are_balanced_for_every_question_within_one(tmp_path: Path) -> None:
    study = load_study(write_study(tmp_path, questions=6))
    for participants in (1, 7, 30):
        first = Counter((s.item_id, s.first_model) for slots in simulate(study, participants) for s in slots)
        for question in study.questions:
            a, b = (first[(question.id, key)] for key in ARM_KEYS)
            assert abs(a - b) <= 1 and a + b == participants


def test_sides_do_not_follow_the_model(tmp_path: Path) -> None:
    """Blinding: across participants, each model is Response 1 for some questions and Response 2 for others."""
    study = load_study(write_study(tmp_path, questions=6))
    for slots in simulate(study, 10)[1:]:
        firsts = {models_in_order(study, s)[0] for s in slots}
        assert firsts <= set(ARM_KEYS)
    per_participant = [{models_in_order(study, s)[0] for s in slots} for slots in simulate(study, 10)]
    assert sum(len(f) == 2 for f in per_participant) >= 5  # most see both models on the left


def test_quotas_fill_evenly_with_a_subset_per_participant(tmp_path: Path) -> None:
    study = load_study(write_study(tmp_path, questions=6, questions_per_participant=2, ratings_per_question=3))
    assignments = simulate(study, 12)
    taken = Counter(s.item_id for slots in assignments for s in slots)
    assert all(len(slots) == 2 for slots in assignments[:9]) and taken == dict.fromkeys(taken, 3)
    assert len(taken) == 6 and assignments[9:] == [[], [], []]  # full: nobody more is taken on


def test_attention_checks_are_placed_but_never_first(tmp_path: Path) -> None:
    study = load_study(write_study(tmp_path, questions=3, attention_checks=[CHECK_ITEM]))
    for slots in simulate(study, 40):
        kinds = [s.kind for s in slots]
        assert kinds.count(CHECK) == 1 and kinds[0] == QUESTION and slots[kinds.index(CHECK)].first_model == ""
