"""`survey build` on the tiny model: every answer once, both models in the same batches,
deterministic, idempotent, refusing changed studies that have ratings, every answer ended at a
sentence end, a form report, a review sheet; `survey publish` and `survey export`."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from helpers import ARM_KEYS, write_study
from models.catalog import load_catalog
from models.engine import Engine
from survey.__main__ import main
from safety.screen import screen
from safety.layer import SafetyLayer
from survey.build import REGENERATIONS, blinding_problems, build, load_responses, responses_path, unsafe_answers
from survey.database import Database
from survey.form import sentence_ends
from survey.serving import served_studies
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


class WritingEngine(RecordingEngine):
    """The real engine's bookkeeping, but answers written here: by question, model (adapter) and seed."""

    write: Callable[[str, str, int | None], str]

    def generate_batch(self, conversations, adapters=None, settings=None, batch_size=8):
        self.calls.append(list(adapters))
        return [self.write(c[-1]["content"], a, settings.seed) for c, a in zip(conversations, adapters, strict=True)]


def writing_engines(tiny_catalog_path: Path, write: Callable[[str, str, int | None], str]):
    def make(base: str) -> WritingEngine:
        engine = WritingEngine(load_catalog(tiny_catalog_path), base_key=base)
        engine.calls, engine.write = [], write
        return engine

    return make


def ends_a_sentence(text: str) -> bool:
    return sentence_ends(text)[-1:] == [len(text)]


def test_answers_stopped_at_the_token_limit_end_at_a_sentence_end_or_are_reported(tmp_path, tiny_catalog_path,
                                                                                   engine_for, store):
    study = load_study(write_study(tmp_path, questions=3))  # the tiny model, 8 new tokens at most
    report = build(study, load_catalog(tiny_catalog_path), store, engine_for, safety=rules_only_layer())
    saved = json.loads(responses_path(study).read_text())
    for question_id, model_key in [(q.id, key) for q in study.questions for key in ARM_KEYS]:
        text, ending = saved["responses"][question_id][model_key], saved["endings"][question_id][model_key]
        assert ends_a_sentence(text) or (ending == "truncated" and any(
            p.startswith(f"{question_id} / {model_key}: no sentence end") for p in report.problems))

    cut = build(load_study(write_study(tmp_path / "cut", questions=2)), load_catalog(tiny_catalog_path), store,
                writing_engines(tiny_catalog_path, lambda q, a, s: "Talking helps. You could also try to"),
                safety=rules_only_layer())
    assert {text for answers in load_responses(load_study(tmp_path / "cut" / "tiny-study.yaml")).values()
            for text in answers.values()} == {"Talking helps."}
    assert cut.form.models[0].cut == 1.0 and not cut.problems


LONG = "Sleep matters a great deal. A steady routine helps a lot. Keep the same bedtime every night. And"
SHORT = "Rest helps. A walk may too."


def test_a_length_tell_warns_with_the_remedy_and_a_shared_budget_makes_both_models_answers_fit(
        tmp_path, tiny_catalog_path, store):
    engines = writing_engines(tiny_catalog_path, lambda q, adapter, s: LONG if adapter else SHORT)
    report = build(load_study(write_study(tmp_path / "free", questions=3)), load_catalog(tiny_catalog_path), store,
                   engines, safety=rules_only_layer())
    assert report.form.length_auc == 1.0
    assert any("max_answer_characters" in w and "--regenerate-outliers" in w for w in report.form.warnings)

    study = load_study(write_study(tmp_path / "budget", questions=3, max_answer_characters=40))
    assert study.fingerprint() != load_study(tmp_path / "free" / "tiny-study.yaml").fingerprint()
    build(study, load_catalog(tiny_catalog_path), store, engines, safety=rules_only_layer())
    texts = [text for answers in load_responses(study).values() for text in answers.values()]
    assert set(texts) == {SHORT, "Sleep matters a great deal."}
    assert all(len(text) <= 40 and ends_a_sentence(text) for text in texts)


def flagged_answers(question: str, adapter: str, seed: int | None) -> str:
    """q1's first answer names its model, q2's second stops mid-sentence; the rest are plain."""
    if question.startswith("Question number 1") and not adapter:
        return "As SmolLM, I think rest helps."
    if question.startswith("Question number 2") and adapter:
        return "Rest and then maybe"
    return "Talking to someone you trust can help."


def sheet_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as source:
        return list(csv.DictReader(source))


def mark_reviewed(path: Path, question_ids: set[str], mark: str = "yes") -> None:
    rows = sheet_rows(path)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({**row, "reviewed": mark if row["question"] in question_ids else row["reviewed"]}
                         for row in rows)


def test_an_answer_the_researcher_marks_regenerate_is_generated_again_with_the_next_seed(tmp_path, tiny_catalog_path,
                                                                                          store):
    """A wrong fact ("your mother is going through") passes every flag; the researcher's mark replaces it."""
    study = load_study(write_study(tmp_path, questions=2))
    write = lambda q, adapter, seed: f"Answer written with seed {seed}."
    engines = writing_engines(tiny_catalog_path, write)
    build(study, load_catalog(tiny_catalog_path), store, engines, safety=rules_only_layer())
    first = load_responses(study)
    sheet = tmp_path / "tiny-study.review.csv"
    mark_reviewed(sheet, {"q1"}, f"regenerate {ARM_KEYS[1]}")
    again = build(study, load_catalog(tiny_catalog_path), store, engines, safety=rules_only_layer())
    assert again.status == "built" and again.generated == 1
    second = load_responses(study)
    assert second["q1"][ARM_KEYS[1]] != first["q1"][ARM_KEYS[1]]
    assert {k: v for k, v in second.items() if k != "q1"} == {k: v for k, v in first.items() if k != "q1"}
    assert second["q1"][ARM_KEYS[0]] == first["q1"][ARM_KEYS[0]]
    assert sheet_rows(sheet)[0]["reviewed"] == ""  # new answers, to be read again
    assert build(study, load_catalog(tiny_catalog_path), store, engines, safety=rules_only_layer()).status == "unchanged"

    mark_reviewed(sheet, {"q2"}, "regenerate no-such-model")
    with pytest.raises(ValueError, match="no model no-such-model"):
        build(study, load_catalog(tiny_catalog_path), store, engines, safety=rules_only_layer())
    assert load_responses(study) == second


def test_the_review_sheet_has_one_row_per_question_with_both_answers_and_their_flags(tmp_path, tiny_catalog_path,
                                                                                       store):
    study = load_study(write_study(tmp_path, questions=3))
    report = build(study, load_catalog(tiny_catalog_path), store, writing_engines(tiny_catalog_path, flagged_answers),
                   safety=rules_only_layer())
    assert report.review_sheet == tmp_path / "tiny-study.review.csv"
    rows = sheet_rows(report.review_sheet)
    assert [row["question"] for row in rows] == ["q1", "q2", "q3"]
    responses = load_responses(study)
    for row in rows:
        assert row["question text"] == study.question(row["question"]).text and row["reviewed"] == ""
        assert all(row[f"answer {key}"] == responses[row["question"]][key] for key in ARM_KEYS)
    flags = {(row["question"], key): row[f"flags {key}"] for row in rows for key in ARM_KEYS}
    assert "names a model ('SmolLM')" in flags[("q1", ARM_KEYS[0])]
    assert "truncated" in flags[("q2", ARM_KEYS[1])]
    assert [where for where, flag in flags.items() if flag] == [("q1", ARM_KEYS[0]), ("q2", ARM_KEYS[1])]
    assert "As SmolLM, I think rest helps." in (tmp_path / "tiny-study.review.html").read_text()


def test_publish_refuses_unreviewed_flagged_answers_and_a_rebuild_keeps_the_marks_of_unchanged_ones(
        tmp_path, tiny_catalog_path, store, capsys):
    path = write_study(tmp_path, questions=3)
    study = load_study(path)
    assert main(["publish", str(path)]) == 2
    assert "run `python -m survey build" in capsys.readouterr().err
    build(study, load_catalog(tiny_catalog_path), store, writing_engines(tiny_catalog_path, flagged_answers),
          safety=rules_only_layer())
    assert main(["publish", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"q1 / {ARM_KEYS[0]}: names a model" in err and f"q2 / {ARM_KEYS[1]}: truncated" in err
    assert "q3" not in err and "reviewed" in err
    assert not served_studies(tmp_path)[study.id].published

    mark_reviewed(tmp_path / "tiny-study.review.csv", {"q1"})
    assert main(["publish", str(path)]) == 1
    assert "q1" not in capsys.readouterr().err
    mark_reviewed(tmp_path / "tiny-study.review.csv", {"q2"})
    assert main(["publish", str(path)]) == 0
    assert "published" in capsys.readouterr().out
    assert served_studies(tmp_path)[study.id].published
    written = responses_path(study).read_bytes()
    assert main(["publish", str(path)]) == 0 and responses_path(study).read_bytes() == written  # nothing to record

    responses_path(study).unlink()  # regenerate, with q2's answers written differently this time
    rewritten = lambda q, a, s: "Rest first, then a walk." if q.startswith("Question number 2") \
        else flagged_answers(q, a, s)
    build(study, load_catalog(tiny_catalog_path), store, writing_engines(tiny_catalog_path, rewritten),
          safety=rules_only_layer())
    assert {row["question"]: row["reviewed"] for row in sheet_rows(tmp_path / "tiny-study.review.csv")} == \
        {"q1": "yes", "q2": "", "q3": ""}
    assert not served_studies(tmp_path)[study.id].published  # new answers need publishing again
    assert main(["publish", str(path)]) == 0  # q2 is no longer flagged; q1's mark was kept


def test_outliers_are_generated_again_with_later_seeds_when_asked(tmp_path, tiny_catalog_path, store):
    study = load_study(write_study(tmp_path, questions=2))
    write = lambda q, adapter, seed: "Rest and then maybe" if seed == 7 and not adapter else "Rest helps."
    engines = writing_engines(tiny_catalog_path, write)
    report = build(study, load_catalog(tiny_catalog_path), store, engines, safety=rules_only_layer())
    assert sum("no sentence end" in p for p in report.problems) == 2 and report.form.models[0].truncated == 1.0

    again = build(study, load_catalog(tiny_catalog_path), store, engines, safety=rules_only_layer(),
                  regenerate_outliers=True)
    assert again.status == "built" and again.generated == 2 and not again.problems
    saved = json.loads(responses_path(study).read_text())
    assert {answers[ARM_KEYS[0]] for answers in saved["seeds"].values()} == {8}
    assert all(text == "Rest helps." for answers in load_responses(study).values() for text in answers.values())
    assert build(study, load_catalog(tiny_catalog_path), store, engines, safety=rules_only_layer(),
                 regenerate_outliers=True).status == "unchanged"
