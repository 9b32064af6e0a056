"""Which items a participant rates, in which order, and which model is shown first.

Pure functions: the store passes in how often each question is already taken and how often
each model was shown first for it (counting only participants who have not abandoned), and
stores the result, so a reload gets the same assignment back.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from survey.study import Study

QUESTION = "question"
CHECK = "check"


@dataclass(frozen=True)
class Slot:
    item_id: str
    kind: str  # QUESTION or CHECK
    first_model: str  # the model key shown as "Response 1"; "" for an attention check


def participant_rng(study_id: str, participant_id: str) -> random.Random:
    """Seeded by the participant, so the same state always gives them the same assignment."""
    return random.Random(f"{study_id}/{participant_id}")


def assign(study: Study, participant_id: str, taken: dict[str, int],
           shown_first: dict[tuple[str, str], int]) -> list[Slot]:
    """Slots for a new participant; empty when every question has met its quota.

    taken[question_id]: participants holding the question; shown_first[(question_id, model)]:
    how many of them saw that model first. Least-taken questions are chosen first, so quotas
    fill evenly; the side goes to the model shown first less often, so sides stay within one.
    """
    rng = participant_rng(study.id, participant_id)
    quota = study.ratings_per_question
    open_questions = [q.id for q in study.questions if not quota or taken.get(q.id, 0) < quota]
    wanted = study.questions_per_participant or len(study.questions)
    chosen = sorted(open_questions, key=lambda q: (taken.get(q, 0), rng.random()))[:wanted]
    if not chosen:
        return []
    rng.shuffle(chosen)
    slots = [Slot(q, QUESTION, _first_model(study, q, shown_first, rng)) for q in chosen]
    for check in study.attention_checks:
        slots.insert(rng.randint(1, len(slots)), Slot(check.id, CHECK, ""))
    return slots


def _first_model(study: Study, question_id: str, shown_first: dict[tuple[str, str], int],
                 rng: random.Random) -> str:
    a, b = study.model_keys
    count_a, count_b = shown_first.get((question_id, a), 0), shown_first.get((question_id, b), 0)
    if count_a != count_b:
        return a if count_a < count_b else b
    return rng.choice((a, b))


def models_in_order(study: Study, slot: Slot) -> tuple[str, str]:
    """Model keys as (Response 1, Response 2)."""
    a, b = study.model_keys
    return (a, b) if slot.first_model == a else (b, a)
