"""Where participants, their assignments and their ratings live.

Long format: one `ratings` row per (study, participant, question, model, criterion) with the
score, the position it was shown in and the time. Every submission is one transaction,
committed before the participant's page moves on; submitting an item twice keeps the first
set of ratings. No IP address or other identifying data is stored.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from survey.assignment import CHECK, QUESTION, Slot, assign, models_in_order
from survey.database import Database, Executor
from survey.study import Study

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS studies (
        study_id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, registered_at DOUBLE PRECISION NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS participants (
        study_id TEXT NOT NULL, participant_id TEXT NOT NULL, external_id TEXT,
        created_at DOUBLE PRECISION NOT NULL, last_active DOUBLE PRECISION NOT NULL,
        completed_at DOUBLE PRECISION, completion_code TEXT NOT NULL,
        PRIMARY KEY (study_id, participant_id))""",
    "CREATE UNIQUE INDEX IF NOT EXISTS participants_external ON participants (study_id, external_id)",
    """CREATE TABLE IF NOT EXISTS slots (
        study_id TEXT NOT NULL, participant_id TEXT NOT NULL, slot INTEGER NOT NULL,
        item_id TEXT NOT NULL, kind TEXT NOT NULL, first_model TEXT NOT NULL, shown_at DOUBLE PRECISION,
        PRIMARY KEY (study_id, participant_id, slot))""",
    """CREATE TABLE IF NOT EXISTS submissions (
        study_id TEXT NOT NULL, participant_id TEXT NOT NULL, item_id TEXT NOT NULL, kind TEXT NOT NULL,
        submitted_at DOUBLE PRECISION NOT NULL, seconds DOUBLE PRECISION, too_fast INTEGER NOT NULL,
        attention_passed INTEGER, check_scores TEXT, comment TEXT,
        PRIMARY KEY (study_id, participant_id, item_id))""",
    """CREATE TABLE IF NOT EXISTS ratings (
        study_id TEXT NOT NULL, participant_id TEXT NOT NULL, question_id TEXT NOT NULL,
        model TEXT NOT NULL, criterion TEXT NOT NULL, score INTEGER NOT NULL, position INTEGER NOT NULL,
        rated_at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (study_id, participant_id, question_id, model, criterion))""",
)

EXPORT_COLUMNS = ("study", "participant", "external_id", "question", "model", "criterion", "score",
                  "position", "rated_at", "seconds_on_item", "too_fast", "attention_failed")

Scores = dict[int, dict[str, Any]]  # position (1 or 2) -> criterion key -> score


class StudyChanged(Exception):
    """The study's models or questions changed after ratings were stored."""


class StudyFull(Exception):
    """Every question has the ratings it wants: no place for another participant."""


class RatingError(ValueError):
    """A submission that cannot be stored as given (the message says what to fix)."""


@dataclass(frozen=True)
class ParticipantState:
    participant_id: str
    external_id: str | None
    slots: tuple[Slot, ...]
    done: frozenset[str]
    completion_code: str
    completed: bool

    @property
    def next_index(self) -> int | None:
        """Index of the first slot not yet submitted; None when every item is done."""
        return next((i for i, s in enumerate(self.slots) if s.item_id not in self.done), None)


class Store:
    def __init__(self, database: Database | None = None,
                 on_record: Callable[[dict[str, Any]], None] | None = None):
        self.db = database or Database()
        # Called with every submission and completion once committed (the Hub mirror, survey/hub_sync.py).
        self.on_record = on_record
        with self.db.transaction() as tx:
            for statement in SCHEMA:
                tx.execute(statement)

    # The study

    def register(self, study: Study) -> str:
        """Record the study's fingerprint: 'new', 'unchanged' or 'updated'; refuse a change
        of models or questions once ratings exist."""
        with self.db.transaction(lock=study.id) as tx:
            row = tx.execute("SELECT fingerprint FROM studies WHERE study_id = ?", (study.id,))
            if row and row[0][0] == study.fingerprint():
                return "unchanged"
            if row:
                if _count(tx, "ratings", study.id):
                    raise StudyChanged(
                        f"study {study.id!r} already has ratings and its models or questions changed; "
                        "give the changed study a new id")
                tx.execute("UPDATE studies SET fingerprint = ? WHERE study_id = ?",
                           (study.fingerprint(), study.id))
                return "updated"
            tx.execute("INSERT INTO studies VALUES (?, ?, ?)", (study.id, study.fingerprint(), time.time()))
            return "new"

    def rating_count(self, study_id: str) -> int:
        return self.db.read("SELECT COUNT(*) FROM ratings WHERE study_id = ?", (study_id,))[0][0]

    # Participants

    def join(self, study: Study, participant_id: str | None = None,
             external_id: str | None = None) -> ParticipantState:
        """The participant's state: resumed by participant id or external id, else a new one."""
        now = time.time()
        with self.db.transaction(lock=study.id) as tx:
            found = _find(tx, study.id, participant_id, external_id)
            if found:
                tx.execute("UPDATE participants SET last_active = ? WHERE study_id = ? AND participant_id = ?",
                           (now, study.id, found))
                return _state(tx, study.id, found)
            new_id = secrets.token_hex(8)
            taken, shown_first = _current_load(tx, study, now)
            slots = assign(study, new_id, taken, shown_first)
            if not slots:
                raise StudyFull(f"study {study.id!r} has all the ratings it needs")
            code = study.completion_code or secrets.token_hex(4).upper()
            tx.execute("INSERT INTO participants VALUES (?, ?, ?, ?, ?, NULL, ?)",
                       (study.id, new_id, external_id or None, now, now, code))
            for index, slot in enumerate(slots):
                tx.execute("INSERT INTO slots VALUES (?, ?, ?, ?, ?, ?, NULL)",
                           (study.id, new_id, index, slot.item_id, slot.kind, slot.first_model))
            state = _state(tx, study.id, new_id)
        if self.on_record:  # the assignment too, so that a restarted Space can resume every participant
            self.on_record({"event": "join", "study": study.id, "participant": new_id, "external_id": external_id,
                            "created_at": now, "completion_code": code,
                            "slots": [{"item": s.item_id, "kind": s.kind, "first_model": s.first_model}
                                      for s in slots]})
        return state

    def find(self, study: Study, participant_id: str | None = None,
             external_id: str | None = None) -> ParticipantState | None:
        """An existing participant's state, without creating one (consent comes first)."""
        with self.db.transaction() as tx:
            found = _find(tx, study.id, participant_id, external_id)
            return _state(tx, study.id, found) if found else None

    def state(self, study_id: str, participant_id: str) -> ParticipantState:
        with self.db.transaction() as tx:
            return _state(tx, study_id, participant_id)

    def mark_shown(self, study_id: str, participant_id: str, index: int) -> None:
        """Start the item's clock the first time it is shown (a reload does not restart it)."""
        now = time.time()
        with self.db.transaction() as tx:
            tx.execute("UPDATE slots SET shown_at = ? WHERE study_id = ? AND participant_id = ? AND slot = ? "
                       "AND shown_at IS NULL", (now, study_id, participant_id, index))
            tx.execute("UPDATE participants SET last_active = ? WHERE study_id = ? AND participant_id = ?",
                       (now, study_id, participant_id))

    def submit(self, study: Study, participant_id: str, item_id: str, scores: Scores,
               comment: str = "") -> bool:
        """Store one item's ratings; False (and nothing changed) when it was already stored."""
        problems = score_problems(study, scores)
        if problems:
            raise RatingError("; ".join(problems))
        now = time.time()
        with self.db.transaction() as tx:
            slot_rows = tx.execute(
                "SELECT s.kind, s.first_model, s.shown_at, p.external_id FROM slots s JOIN participants p "
                "ON p.study_id = s.study_id AND p.participant_id = s.participant_id "
                "WHERE s.study_id = ? AND s.participant_id = ? AND s.item_id = ?", (study.id, participant_id, item_id))
            if not slot_rows:
                raise RatingError("this item is not one of yours; reload the page")
            kind, first_model, shown_at, external_id = slot_rows[0]
            seconds = now - shown_at if shown_at is not None else None
            too_fast = int(seconds is not None and seconds < study.min_seconds_per_item)
            passed, check_scores = None, None
            if kind == CHECK:
                expected = study.check(item_id).score
                passed = int(all(v == expected for side in scores.values() for v in side.values()))
                check_scores = json.dumps(scores, sort_keys=True)
            comment = comment.strip()[:2000] or None
            inserted = tx.execute(
                "INSERT INTO submissions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING "
                "RETURNING item_id", (study.id, participant_id, item_id, kind, now, seconds, too_fast,
                                      passed, check_scores, comment))
            if not inserted:
                return False
            ratings = []
            if kind == QUESTION:
                order = models_in_order(study, Slot(item_id, kind, first_model))
                for position, model in enumerate(order, start=1):
                    for criterion in study.criteria:
                        ratings.append({"question": item_id, "model": model, "criterion": criterion.key,
                                        "score": int(scores[position][criterion.key]), "position": position})
                for r in ratings:
                    tx.execute("INSERT INTO ratings VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               (study.id, participant_id, r["question"], r["model"], r["criterion"], r["score"],
                                r["position"], now))
            tx.execute("UPDATE participants SET last_active = ? WHERE study_id = ? AND participant_id = ?",
                       (now, study.id, participant_id))
        if self.on_record:
            self.on_record({"event": "submission", "study": study.id, "participant": participant_id,
                            "external_id": external_id, "item": item_id, "kind": kind, "submitted_at": now,
                            "seconds_on_item": seconds, "too_fast": bool(too_fast),
                            "attention_passed": None if passed is None else bool(passed),
                            "check_scores": check_scores, "comment": comment, "ratings": ratings})
        return True

    def complete(self, study_id: str, participant_id: str) -> str:
        """Mark the participant complete once every item is in; returns their completion code."""
        now = time.time()
        with self.db.transaction() as tx:
            state = _state(tx, study_id, participant_id)
            if state.next_index is not None:
                raise RatingError("some items are not rated yet")
            newly = tx.execute("UPDATE participants SET completed_at = ? WHERE study_id = ? AND participant_id = ? "
                               "AND completed_at IS NULL RETURNING participant_id", (now, study_id, participant_id))
        if newly and self.on_record:
            self.on_record({"event": "completion", "study": study_id, "participant": participant_id,
                            "external_id": state.external_id, "completed_at": now,
                            "completion_code": state.completion_code})
        return state.completion_code

    def restore(self, records: Iterable[dict[str, Any]]) -> int:
        """Put mirrored records (survey/hub_sync.py) back, e.g. into the empty database of a
        restarted Space: participants with their assignments, submissions with their ratings,
        completions. What is already stored is kept, so restoring twice changes nothing.
        Returns the number of submissions added."""
        added = 0
        with self.db.transaction() as tx:
            for r in records:
                if r.get("event") == "join":
                    tx.execute("INSERT INTO participants VALUES (?, ?, ?, ?, ?, NULL, ?) ON CONFLICT DO NOTHING",
                               (r["study"], r["participant"], r["external_id"], r["created_at"], r["created_at"],
                                r["completion_code"]))
                    for index, slot in enumerate(r["slots"]):
                        tx.execute("INSERT INTO slots VALUES (?, ?, ?, ?, ?, ?, NULL) ON CONFLICT DO NOTHING",
                                   (r["study"], r["participant"], index, slot["item"], slot["kind"],
                                    slot["first_model"]))
                elif r.get("event") == "submission":
                    inserted = tx.execute(
                        "INSERT INTO submissions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING "
                        "RETURNING item_id",
                        (r["study"], r["participant"], r["item"], r["kind"], r["submitted_at"], r["seconds_on_item"],
                         int(r["too_fast"]), None if r["attention_passed"] is None else int(r["attention_passed"]),
                         r["check_scores"], r["comment"]))
                    if inserted:
                        added += 1
                        for rating in r["ratings"]:
                            tx.execute("INSERT INTO ratings VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                                       (r["study"], r["participant"], rating["question"], rating["model"],
                                        rating["criterion"], rating["score"], rating["position"], r["submitted_at"]))
                    tx.execute("UPDATE participants SET last_active = ? WHERE study_id = ? AND participant_id = ? "
                               "AND last_active < ?", (r["submitted_at"], r["study"], r["participant"],
                                                       r["submitted_at"]))
                elif r.get("event") == "completion":
                    tx.execute("UPDATE participants SET completed_at = ? WHERE study_id = ? AND participant_id = ? "
                               "AND completed_at IS NULL", (r["completed_at"], r["study"], r["participant"]))
        return added

    # Export

    def export_rows(self, study_id: str) -> list[tuple]:
        """The long-format table, in EXPORT_COLUMNS order."""
        return self.db.read(
            """SELECT r.study_id, r.participant_id, p.external_id, r.question_id, r.model, r.criterion,
                      r.score, r.position, r.rated_at, s.seconds, s.too_fast,
                      CASE WHEN EXISTS (SELECT 1 FROM submissions c WHERE c.study_id = r.study_id
                           AND c.participant_id = r.participant_id AND c.attention_passed = 0)
                           THEN 1 ELSE 0 END
               FROM ratings r
               JOIN participants p ON p.study_id = r.study_id AND p.participant_id = r.participant_id
               JOIN submissions s ON s.study_id = r.study_id AND s.participant_id = r.participant_id
                                 AND s.item_id = r.question_id
               WHERE r.study_id = ?
               ORDER BY r.participant_id, r.question_id, r.position, r.criterion""", (study_id,))


def score_problems(study: Study, scores: Scores) -> list[str]:
    """Every missing or out-of-range score, in words a participant can act on."""
    problems = []
    for position in (1, 2):
        side = scores.get(position) or {}
        for criterion in study.criteria:
            value = side.get(criterion.key)
            if value is None:
                problems.append(f"Response {position}: please rate “{criterion.label}”")
            elif not study.scale.accepts(value):
                problems.append(f"Response {position}: “{criterion.label}” must be a whole number "
                                f"from {study.scale.low} to {study.scale.high}")
    return problems


def _count(tx: Executor, table: str, study_id: str) -> int:
    return tx.execute(f"SELECT COUNT(*) FROM {table} WHERE study_id = ?", (study_id,))[0][0]


def _find(tx: Executor, study_id: str, participant_id: str | None, external_id: str | None) -> str | None:
    for column, value in (("participant_id", participant_id), ("external_id", external_id)):
        if value:
            rows = tx.execute(f"SELECT participant_id FROM participants WHERE study_id = ? AND {column} = ?",
                              (study_id, value))
            if rows:
                return rows[0][0]
    return None


def _state(tx: Executor, study_id: str, participant_id: str) -> ParticipantState:
    person = tx.execute("SELECT external_id, completion_code, completed_at FROM participants "
                        "WHERE study_id = ? AND participant_id = ?", (study_id, participant_id))
    if not person:
        raise RatingError("unknown participant; reload the page to start again")
    slots = tx.execute("SELECT item_id, kind, first_model FROM slots WHERE study_id = ? AND participant_id = ? "
                       "ORDER BY slot", (study_id, participant_id))
    done = tx.execute("SELECT item_id FROM submissions WHERE study_id = ? AND participant_id = ?",
                      (study_id, participant_id))
    external_id, code, completed_at = person[0]
    return ParticipantState(participant_id, external_id, tuple(Slot(*s) for s in slots),
                            frozenset(d[0] for d in done), code, completed_at is not None)


def _current_load(tx: Executor, study: Study, now: float) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Questions held and sides shown by participants who completed or are still active."""
    cutoff = now - study.abandon_after_minutes * 60
    rows = tx.execute(
        """SELECT s.item_id, s.first_model, COUNT(*) FROM slots s
           JOIN participants p ON p.study_id = s.study_id AND p.participant_id = s.participant_id
           WHERE s.study_id = ? AND s.kind = ? AND (p.completed_at IS NOT NULL OR p.last_active >= ?)
           GROUP BY s.item_id, s.first_model""", (study.id, QUESTION, cutoff))
    taken: dict[str, int] = {}
    shown_first: dict[tuple[str, str], int] = {}
    for item_id, first_model, count in rows:
        taken[item_id] = taken.get(item_id, 0) + count
        shown_first[(item_id, first_model)] = count
    return taken, shown_first
