"""The rating store on SQLite and on a real PostgreSQL server: assignment, resume, idempotent
submits, refusal of bad scores, attention checks, quotas and 50 concurrent participants."""

from __future__ import annotations

import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from helpers import ARM_KEYS, write_study
from survey.assignment import CHECK, QUESTION
from survey.database import Database
from survey.store import EXPORT_COLUMNS, RatingError, Store, StudyChanged, StudyFull
from survey.study import Study, load_study

CHECK_ITEM = {"id": "check-1", "text": "Please give both responses a 4 on every criterion.",
              "responses": ["Give me a 4.", "Give me a 4 too."], "score": 4}


def full_scores(study: Study, value: int = 7) -> dict[int, dict[str, int]]:
    return {p: {c.key: value for c in study.criteria} for p in (1, 2)}


@pytest.fixture
def study(tmp_path: Path) -> Study:
    return load_study(write_study(tmp_path, attention_checks=[CHECK_ITEM]))


@pytest.fixture
def store(database: Database) -> Store:
    return Store(database)


def rate_everything(store: Store, study: Study, participant_id: str, check_score: int = 4) -> None:
    state = store.state(study.id, participant_id)
    for slot in state.slots:
        value = check_score if slot.kind == CHECK else 6
        store.submit(study, participant_id, slot.item_id, full_scores(study, value))


def test_register_refuses_changed_models_once_rated(store: Store, study: Study, tmp_path: Path) -> None:
    assert store.register(study) == "new"
    assert store.register(study) == "unchanged"
    reworded = load_study(write_study(tmp_path / "v2", questions=5, attention_checks=[CHECK_ITEM]))
    assert store.register(reworded) == "updated"  # no ratings yet: allowed
    person = store.join(reworded)
    slot = next(s for s in person.slots if s.kind == QUESTION)
    store.submit(reworded, person.participant_id, slot.item_id, full_scores(reworded))
    with pytest.raises(StudyChanged, match="new id"):
        store.register(study)
    assert store.rating_count(study.id) == 2 * len(study.criteria)


def test_new_participant_gets_every_question_once_and_the_check(store: Store, study: Study) -> None:
    person = store.join(study, external_id="PROLIFIC-123")
    kinds = Counter(s.kind for s in person.slots)
    assert kinds == {QUESTION: len(study.questions), CHECK: 1}
    assert {s.item_id for s in person.slots if s.kind == QUESTION} == {q.id for q in study.questions}
    assert all(s.first_model in ARM_KEYS for s in person.slots if s.kind == QUESTION)
    assert person.slots[0].kind == QUESTION  # a check never opens the study
    assert person.external_id == "PROLIFIC-123" and person.next_index == 0


def test_resume_by_participant_id_or_external_id(store: Store, study: Study) -> None:
    first = store.join(study, external_id="ext-1")
    slot = first.slots[0]
    store.submit(study, first.participant_id, slot.item_id, full_scores(study, 3 if slot.kind == QUESTION else 4))
    by_id = store.join(study, participant_id=first.participant_id)
    by_external = store.join(study, external_id="ext-1")
    assert by_id == by_external
    assert by_id.slots == first.slots and by_id.next_index == 1
    assert store.join(study).participant_id != first.participant_id


def test_second_submit_of_an_item_keeps_the_first_ratings(store: Store, study: Study) -> None:
    person = store.join(study)
    item = next(s.item_id for s in person.slots if s.kind == QUESTION)
    assert store.submit(study, person.participant_id, item, full_scores(study, 2)) is True
    assert store.submit(study, person.participant_id, item, full_scores(study, 9)) is False
    scores = [row[EXPORT_COLUMNS.index("score")] for row in store.export_rows(study.id)]
    assert scores == [2] * (2 * len(study.criteria))


@pytest.mark.parametrize("change, message", [
    (lambda s: s[1].pop("empathy"), "Response 1: please rate"),
    (lambda s: s[2].update(relevance=11), "Response 2: .* must be a whole number from 1 to 10"),
    (lambda s: s[2].update(overall=0), "from 1 to 10"),
    (lambda s: s[1].update(information="7"), "whole number"),
    (lambda s: s[1].update(referral=6.5), "whole number"),
    (lambda s: s[1].update(referral=True), "whole number"),
    (lambda s: s.pop(2), "Response 2: please rate"),
])
def test_bad_scores_are_refused_and_nothing_is_stored(store: Store, study: Study, change, message) -> None:
    person = store.join(study)
    item = next(s.item_id for s in person.slots if s.kind == QUESTION)
    scores = full_scores(study)
    change(scores)
    with pytest.raises(RatingError, match=message):
        store.submit(study, person.participant_id, item, scores)
    assert store.rating_count(study.id) == 0
    assert store.state(study.id, person.participant_id).done == frozenset()


def test_an_item_that_is_not_the_participants_is_refused(store: Store, study: Study) -> None:
    person = store.join(study)
    with pytest.raises(RatingError, match="not one of yours"):
        store.submit(study, person.participant_id, "no-such-question", full_scores(study))
    with pytest.raises(RatingError, match="not one of yours"):
        store.submit(study, "someone-else", study.questions[0].id, full_scores(study))


def test_failed_attention_check_and_fast_answers_are_recorded(tmp_path: Path, database: Database) -> None:
    study = load_study(write_study(tmp_path, attention_checks=[CHECK_ITEM], min_seconds_per_item=30))
    store = Store(database)
    person = store.join(study)
    for index, slot in enumerate(person.slots):
        store.mark_shown(study.id, person.participant_id, index)
        store.submit(study, person.participant_id, slot.item_id, full_scores(study, 5))  # check wants 4
    rows = [dict(zip(EXPORT_COLUMNS, row)) for row in store.export_rows(study.id)]
    assert len(rows) == len(study.questions) * 2 * len(study.criteria)
    assert {r["attention_failed"] for r in rows} == {1}
    assert {r["too_fast"] for r in rows} == {1}
    assert all(0 <= r["seconds_on_item"] < 30 for r in rows)
    assert {r["model"] for r in rows} == set(ARM_KEYS)


def test_completion_needs_every_item(store: Store, study: Study) -> None:
    person = store.join(study)
    with pytest.raises(RatingError, match="not rated yet"):
        store.complete(study.id, person.participant_id)
    rate_everything(store, study, person.participant_id)
    code = store.complete(study.id, person.participant_id)
    assert code == person.completion_code and len(code) == 8
    assert store.state(study.id, person.participant_id).completed


def test_positions_follow_the_assigned_side(store: Store, study: Study) -> None:
    person = store.join(study)
    rate_everything(store, study, person.participant_id)
    first = {s.item_id: s.first_model for s in person.slots if s.kind == QUESTION}
    for row in store.export_rows(study.id):
        record = dict(zip(EXPORT_COLUMNS, row))
        assert (record["position"] == 1) == (record["model"] == first[record["question"]])


def test_sides_are_counterbalanced_within_one(store: Store, study: Study) -> None:
    people = [store.join(study) for _ in range(21)]
    firsts = Counter((s.item_id, s.first_model) for p in people for s in p.slots if s.kind == QUESTION)
    for question in study.questions:
        a, b = firsts[(question.id, ARM_KEYS[0])], firsts[(question.id, ARM_KEYS[1])]
        assert a + b == 21 and abs(a - b) <= 1


def test_quota_fills_evenly_and_abandoned_places_are_freed(tmp_path: Path, database: Database) -> None:
    study = load_study(write_study(tmp_path, questions=6, questions_per_participant=3,
                                   ratings_per_question=2, abandon_after_minutes=0.01))
    store = Store(database)
    people = [store.join(study) for _ in range(4)]
    held = Counter(s.item_id for p in people for s in p.slots)
    assert held == {q.id: 2 for q in study.questions}
    for person in people[:3]:
        rate_everything(store, study, person.participant_id)
        store.complete(study.id, person.participant_id)
    time.sleep(1)  # people[3] stops answering and counts as abandoned after 0.6 s
    replacement = store.join(study)
    assert {s.item_id for s in replacement.slots} == {s.item_id for s in people[3].slots}
    with pytest.raises(StudyFull):
        store.join(study)


def test_fifty_participants_submitting_at_once_lose_nothing(store: Store, study: Study) -> None:
    people = [store.join(study).participant_id for _ in range(50)]
    start, failures = threading.Barrier(50), []

    def participant(participant_id: str) -> None:
        try:
            start.wait()
            rate_everything(store, study, participant_id)
            store.complete(study.id, participant_id)
        except Exception as error:  # collected: a thread's exception would otherwise vanish
            failures.append(error)

    threads = [threading.Thread(target=participant, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    keys = Counter(row[1:2] + row[3:6] for row in store.export_rows(study.id))
    assert len(keys) == 50 * len(study.questions) * 2 * len(study.criteria)
    assert set(keys.values()) == {1}
