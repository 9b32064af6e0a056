"""`survey build` on the tiny model: every answer once, both models in the same batches,
deterministic, idempotent, refusing changed studies that have ratings; `survey export`."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from helpers import ARM_KEYS, write_study
from models.catalog import load_catalog
from models.engine import Engine
from survey.__main__ import main
from models.guard import screen
from safety.layer import SafetyLayer
from survey.build import REGENERATIONS, blinding_problems, build, load_responses, responses_path, unsafe_answers
from survey.database import Database
from survey.store import Store, StudyChanged
from survey.study import load_study


class RecordingEngine(Engine):
    """The real engine, remembering which adapters each batch call mixed."""

    calls: list[list[str]]

    def generate_batch(self, conversations, adapters=None, settings=None, batch_size=8):
        self.calls.append(list(adapters))
        return super().generate_batch(conversations, adapters, settings, batch_size)


@pytest.fixture
def engine_for(tiny_catalog_path: Path):
    engines: list[RecordingEngine] = []

    def make(base: str) -> RecordingEngine:
        engine = RecordingEngine(load_catalog(tiny_catalog_path), base_key=base, max_context_tokens=256)
        engine.calls = []
        engines.append(engine)
        return engine

    make.engines = engines
    return make


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(Database(f"sqlite:///{tmp_path / 'db.sqlite3'}"))


def test_build_generates_each_answer_once_in_mixed_batches(tmp_path, tiny_catalog_path, engine_for, store):
    study = load_study(write_study(tmp_path, questions=5))
    report = build(study, load_catalog(tiny_catalog_path), store, engine_for, batch_size=4)
    assert report.status == "built" and report.generated == 10
    responses = load_responses(study)
    assert set(responses) == {q.id for q in study.questions}
    assert all(set(r) == set(ARM_KEYS) for r in responses.values())
    calls = engine_for.engines[0].calls
    assert [len(c) for c in calls] == [4, 4, 2]
    assert all({"", "adapter-a"} <= set(c) for c in calls)  # both models in every batch

    modified = responses_path(study).stat().st_mtime_ns
    again = build(study, load_catalog(tiny_catalog_path), store, engine_for)
    assert again.status == "unchanged" and responses_path(study).stat().st_mtime_ns == modified

    responses_path(study).unlink()
    build(study, load_catalog(tiny_catalog_path), store, engine_for, batch_size=4)
    assert load_responses(study) == responses  # same seeds and batches, same text


def test_changed_study_with_ratings_is_refused(tmp_path, tiny_catalog_path, engine_for, store):
    study = load_study(write_study(tmp_path, questions=3))
    build(study, load_catalog(tiny_catalog_path), store, engine_for)
    person = store.join(study)
    item = person.slots[0].item_id
    store.submit(study, person.participant_id, item, {p: {c.key: 5 for c in study.criteria} for p in (1, 2)})
    before = responses_path(study).read_bytes()
    changed = load_study(write_study(tmp_path, questions=4))
    with pytest.raises(StudyChanged, match="new id"):
        build(changed, load_catalog(tiny_catalog_path), store, engine_for)
    assert responses_path(study).read_bytes() == before
    assert load_responses(changed) == {}  # the old answers do not pass for the new study


class ScriptedEngine(RecordingEngine):
    """The real engine's bookkeeping, but answers written here: by seed, so a regeneration can differ."""

    answers: dict[int | None, str]

    def generate_batch(self, conversations, adapters=None, settings=None, batch_size=8):
        self.calls.append(list(adapters))
        return [self.answers.get(settings.seed, self.answers[None]) for _ in conversations]


def scripted_engines(tiny_catalog_path: Path, answers: dict[int | None, str]):
    def make(base: str) -> ScriptedEngine:
        engine = ScriptedEngine(load_catalog(tiny_catalog_path), base_key=base)
        engine.calls, engine.answers = [], answers
        return engine

    return make


def rules_only_layer() -> SafetyLayer:
    return SafetyLayer(screen_message=lambda messages: screen(messages, learned=False))


def test_a_study_with_an_unsafe_answer_is_refused_and_not_written(tmp_path, tiny_catalog_path, store, capsys):
    study = load_study(write_study(tmp_path, questions=2))
    unsafe = "Take 20 paracetamol and you will sleep."
    report = build(study, load_catalog(tiny_catalog_path), store, scripted_engines(tiny_catalog_path, {None: unsafe}),
                   safety=rules_only_layer())
    assert report.status == "refused"
    assert not responses_path(study).exists() and load_responses(study) == {}
    assert len(report.problems) == 4  # both questions, both models
    assert any(p.startswith("q1 / arm-alpha-7f3: unsafe answer") and "means, doses or methods" in p
               for p in report.problems)
    assert report.generated == 4 + 4 * REGENERATIONS  # each unsafe answer was tried again with other seeds


def test_an_unsafe_answer_is_generated_again_with_the_next_seed(tmp_path, tiny_catalog_path, store):
    study = load_study(write_study(tmp_path, questions=2))
    answers = {7: "It's okay to drink every night. A little alcohol can help you feel more relaxed.",
               None: "Talking to someone you trust can help."}
    report = build(study, load_catalog(tiny_catalog_path), store, scripted_engines(tiny_catalog_path, answers),
                   safety=rules_only_layer())
    assert report.status == "built" and report.generated == 8
    saved = json.loads(responses_path(study).read_text())
    assert saved["reply_screen"] == "passed"
    assert {seed for seeds in saved["seeds"].values() for seed in seeds.values()} == {8}
    assert all(text == answers[None] for r in load_responses(study).values() for text in r.values())


def test_answers_that_name_their_model_are_reported(tmp_path):
    study = load_study(write_study(tmp_path, questions=3))
    responses = {"q1": {ARM_KEYS[0]: "As SmolLM, I think rest helps.", ARM_KEYS[1]: "Try to rest."},
                 "q2": {ARM_KEYS[0]: "I am Llama 2, made by Meta AI.", ARM_KEYS[1]: ""},
                 "q3": {ARM_KEYS[0]: "Breathing slowly can help.", ARM_KEYS[1]: "Talk to someone you trust."}}
    problems = blinding_problems(study, responses)
    assert any("q1 / arm-alpha-7f3" in p and "SmolLM" in p for p in problems)
    assert any("q2 / arm-alpha-7f3" in p and "Llama" in p for p in problems)
    assert any("q2 / arm-alpha-7f3" in p and "Meta AI" in p for p in problems)
    assert any("q2 / arm-beta-2c9: the answer is empty" in p for p in problems)
    assert not any(p.startswith("q3") or p.startswith("q1 / arm-beta") for p in problems)


def test_export_writes_the_long_format(tmp_path, store, monkeypatch, capsys):
    study = load_study(write_study(tmp_path, questions=2))
    store.register(study)
    person = store.join(study, external_id="PID-9")
    for slot in person.slots:
        store.submit(study, person.participant_id, slot.item_id,
                     {p: {c.key: p + 2 for c in study.criteria} for p in (1, 2)})
    monkeypatch.setenv("DATABASE_URL", store.db.url)
    for file_format in ("csv", "parquet"):
        out = tmp_path / f"ratings.{file_format}"
        assert main(["export", study.id, "--format", file_format, "--out", str(out)]) == 0
        frame = pd.read_csv(out) if file_format == "csv" else pd.read_parquet(out)
        assert len(frame) == 2 * 2 * len(study.criteria)
        assert set(frame["external_id"]) == {"PID-9"}
        assert {"participant", "question", "model", "criterion", "score", "position"} <= set(frame.columns)
        assert (frame["score"] == frame["position"] + 2).all()
    assert "wrote 20 ratings" in capsys.readouterr().out


def test_cli_reports_bad_study_files(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(json.dumps({"id": "Bad Id!", "models": []}))
    assert main(["build", str(bad)]) == 2
    assert "'id' must be lower-case" in capsys.readouterr().err


def test_cli_refuses_a_batch_size_below_one(tmp_path, capsys):
    path = write_study(tmp_path / "studies")
    assert main(["build", str(path), "--batch-size", "0"]) == 2
    assert "batch size must be at least 1" in capsys.readouterr().err
    assert not responses_path(load_study(path)).exists()


def test_the_shipped_default_study_was_built_with_answers_the_reply_screen_passes() -> None:
    study = load_study(Path(__file__).parents[1] / "survey" / "studies" / "default.yaml")
    responses = load_responses(study)
    assert responses, "rebuild: python -m survey build survey/studies/default.yaml"
    assert json.loads(responses_path(study).read_text(encoding="utf-8"))["reply_screen"] == "passed"
    assert unsafe_answers(study, responses, SafetyLayer()) == {}
