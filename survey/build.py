"""Generate a study's answers once, through the engine's batch API, and store them beside it.

    python -m survey build survey/studies/default.yaml [--regenerate-outliers]
    python -m survey publish survey/studies/default.yaml

The answers go to <study>.responses.json next to the study file, so they travel with it (a
Space serves them without generating anything). Both models' answers to a question are
generated in the same batch, with the study's seed, so a rebuild gives the same text.
Every answer ends at a sentence end within its token budget and the study's shared
max_answer_characters (survey/form.py): one that stops mid-sentence is cut back to its last
complete sentence, and one without any is reported as truncated. The build report measures
what gives a model away by form (length, paragraphs, lists, truncation, self-reference) and
warns with the remedy; --regenerate-outliers generates the answers flagged for their form
again with later seeds, keeping each one's try with the fewest flags.
Answers that name a model or its maker break blinding and are reported. Every answer goes
through the chat's reply screen (safety/), read as a reply to its question at the question's
screened level; one that fails is generated again with the next seeds (REGENERATIONS), and a
study with an answer that still fails is refused: its answers are not written, so it is never
served, and the report names question, model and reason.
Each build writes the review sheet (survey/review.py); `publish` records the answers as
published once every flagged answer is marked reviewed there.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from models.catalog import BASE_MODEL_CHOICE, Catalog
from models.chat_format import GenerationSettings
from models.backend import Backend
from models.engine import Engine
from safety.layer import SafetyLayer
from survey.form import SELF_NAMING, TRUNCATED, FormReport, answer_flags, fit, length_fences, measure
from survey.review import is_published, marked_for_regeneration, publication, review_rows, unreviewed, write_sheet
from survey.store import Store
from survey.study import Study, StudyModel

REGENERATIONS = 3  # other seeds tried for an answer that fails the reply screen (or, when asked, is flagged)
BATCH_SIZE = 16  # benches/bench_survey_build.py: 16 beats 8 on CPU; both models share every batch
Key = tuple[str, str]  # (question id, model key)


@dataclass
class BuildReport:
    study_id: str
    status: str  # "unchanged", "built" or "refused" (an answer failed the reply screen; nothing written)
    generated: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    form: FormReport | None = None  # what could tell the models apart; None when refused
    review_sheet: Path | None = None


@dataclass
class Answers:
    """Every (question, model) answer as stored, how it ends (survey/form.py) and the seed that made it."""

    texts: dict[str, dict[str, str]]
    endings: dict[str, dict[str, str]]
    seeds: dict[str, dict[str, int | None]]

    def get(self, key: Key) -> tuple[str, str, int | None]:
        question_id, model_key = key
        return (self.texts[question_id][model_key], self.endings[question_id][model_key],
                self.seeds[question_id][model_key])

    def put(self, key: Key, text: str, ending: str, seed: int | None) -> None:
        question_id, model_key = key
        self.texts[question_id][model_key] = text
        self.endings[question_id][model_key] = ending
        self.seeds[question_id][model_key] = seed

    def fences(self) -> tuple[float, float]:
        """Tukey's length fences over every answer as it is now (survey/form.py)."""
        return length_fences([len(text) for answers in self.texts.values() for text in answers.values()])

    def flags(self, key: Key, fences: tuple[float, float]) -> list[str]:
        """What the answer is flagged for by its form (survey/form.py)."""
        return answer_flags(*self.get(key)[:2], fences)


def responses_path(study: Study) -> Path:
    if study.path is None:
        raise ValueError("a study loaded from a file is needed to find its responses")
    return study.path.with_name(f"{study.path.stem}.responses.json")


def load_saved(study: Study) -> dict:
    """The responses file when built for this exact study (complete), else {}."""
    try:
        saved = json.loads(responses_path(study).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if saved.get("fingerprint") != study.fingerprint():
        return {}
    responses = saved.get("responses", {})
    complete = all(set(responses.get(q.id, {})) == set(study.model_keys) for q in study.questions)
    return saved if complete else {}


def load_responses(study: Study) -> dict[str, dict[str, str]]:
    """{question_id: {model_key: text}} when built for this exact study, else {}."""
    return load_saved(study).get("responses", {})


def build(study: Study, catalog: Catalog, store: Store,
          engine_for: Callable[[str], Backend] | None = None,
          progress: Callable[[Iterable], Iterable] = lambda items: items,
          batch_size: int = BATCH_SIZE, safety: SafetyLayer | None = None,
          regenerate_outliers: bool = False) -> BuildReport:
    """Generate what is missing; refuse (StudyChanged) a changed study that has ratings, and
    (status "refused") a study with an answer the reply screen withholds after REGENERATIONS."""
    if batch_size < 1:
        raise ValueError(f"the batch size must be at least 1 (got {batch_size})")
    store.register(study)
    safety = safety or SafetyLayer()
    saved = load_saved(study)
    answers = _answers(study, saved)
    fences = answers.fences()
    outliers = regenerate_outliers and any(answers.flags(key, fences) for key in _keys(study))
    rejected = marked_for_regeneration(study, answers.texts) if saved else []
    if (saved and _saved_checked(saved) and not outliers and not rejected
            and not unsafe_answers(study, answers.texts, safety)):
        return _report(study, "unchanged", answers)
    for model in study.models:
        if model.base not in catalog.bases:
            raise ValueError(f"study {study.id!r}: model {model.key!r} names base {model.base!r}, "
                             f"which is not in the catalog ({sorted(catalog.bases)})")
    engines: dict[str, Backend] = {}
    engine_for = engine_for or (lambda base: Engine(catalog, base_key=base))
    run = _Run(study, answers, lambda base: engines.setdefault(base, engine_for(base)), progress, batch_size)
    start = time.perf_counter()
    if not saved:
        for rows, settings, base in _batches(study):
            run.generate(rows, settings, base)
    if regenerate_outliers:
        _regenerate_outliers(study, run)
    run.regenerate(rejected)  # the researcher read them and found them wrong or unfit
    unsafe = unsafe_answers(study, answers.texts, safety)
    for _ in range(REGENERATIONS):
        if not unsafe:
            break
        run.regenerate(unsafe)
        unsafe = unsafe_answers(study, answers.texts, safety)
    seconds = time.perf_counter() - start
    if unsafe:
        sheet = write_sheet(study, review_rows(study, answers.texts, answers.endings, unsafe))
        return BuildReport(study.id, "refused", generated=run.generated, seconds=seconds, review_sheet=sheet, problems=[
            f"{question_id} / {model_key}: unsafe answer, withheld by the reply screen ({'; '.join(reasons)}) "
            f"after {REGENERATIONS} other seeds; nothing was written" for (question_id, model_key), reasons
            in sorted(unsafe.items())])
    _write_atomically(responses_path(study), {
        "study": study.id, "fingerprint": study.fingerprint(), "generated_at": time.time(),
        "models": [{"key": m.key, "base": m.base, "adapter": m.adapter} for m in study.models],
        "reply_screen": "passed", "seeds": answers.seeds, "endings": answers.endings, "responses": answers.texts})
    return _report(study, "built", answers, run.generated, seconds)


def publish(study: Study) -> list[str]:
    """Record the built answers as published, or (nothing recorded) name each flagged answer the
    review sheet does not mark as reviewed: 'question / model: flags'."""
    saved = load_saved(study)
    if not saved or not _saved_checked(saved):
        raise ValueError(f"study {study.id!r} has no answers built by this version: run `python -m survey build "
                         f"{study.path}` first")
    missing = unreviewed(study, review_rows(study, saved["responses"], saved["endings"]))
    if not missing and not is_published(saved):  # publishing again changes nothing, not even the date
        _write_atomically(responses_path(study), {**saved, "published": publication(saved["responses"])})
    return missing


def published(study: Study) -> bool:
    """Whether the study's built answers are the ones `publish` recorded after review."""
    return is_published(load_saved(study))


def _saved_checked(saved: dict) -> bool:
    """Answers written before the reply screen, or before answers were fitted to sentence ends, are
    screened and fitted (and rewritten) once."""
    return saved.get("reply_screen") == "passed" and "endings" in saved


def _answers(study: Study, saved: dict) -> Answers:
    """The saved answers (fitted to sentence ends now if they were written before that), or none yet."""
    answers = Answers({q.id: {} for q in study.questions}, {q.id: {} for q in study.questions},
                      {q.id: {m.key: m.generation.seed for m in study.models} for q in study.questions})
    for key in _keys(study) if saved else ():
        question_id, model_key = key
        text = saved["responses"][question_id][model_key]
        seed = saved.get("seeds", answers.seeds)[question_id][model_key]
        if "endings" in saved:
            answers.put(key, text, saved["endings"][question_id][model_key], seed)
        else:
            fitted = fit(text, study.max_answer_characters)
            answers.put(key, fitted.text, fitted.ending, seed)
    return answers


def _keys(study: Study) -> list[Key]:
    return [(q.id, key) for q in study.questions for key in study.model_keys]


@dataclass
class _Run:
    """One build's generation: engines per base, the answers so far and how many were generated."""

    study: Study
    answers: Answers
    engine: Callable[[str], Backend]
    progress: Callable[[Iterable], Iterable]
    batch_size: int
    generated: int = 0

    def generate(self, rows: list[tuple[str, StudyModel, str]], settings: GenerationSettings, base: str) -> None:
        chunks = [rows[i:i + self.batch_size] for i in range(0, len(rows), self.batch_size)]
        for chunk in self.progress(chunks):
            texts = self.engine(base).generate_batch(
                [[{"role": "system", "content": m.system_prompt}, {"role": "user", "content": q}]
                 for _, m, q in chunk],
                [m.adapter or BASE_MODEL_CHOICE for _, m, _ in chunk], settings, batch_size=self.batch_size)
            for (question_id, model, _), text in zip(chunk, texts, strict=True):
                fitted = fit(text, self.study.max_answer_characters)
                self.answers.put((question_id, model.key), fitted.text, fitted.ending, settings.seed)
        self.generated += len(rows)

    def regenerate(self, keys: Iterable[Key]) -> None:
        """Each answer again, with the seed after the one that made it."""
        models = {m.key: m for m in self.study.models}
        for question_id, model_key in sorted(keys):
            model = models[model_key]
            seed = (self.answers.seeds[question_id][model_key] or 0) + 1
            self.generate([(question_id, model, self.study.question(question_id).text)],
                          replace(model.generation, seed=seed), model.base)


def _regenerate_outliers(study: Study, run: _Run) -> None:
    """Answers flagged for their form, again with later seeds (up to REGENERATIONS); each keeps its
    try with the fewest flags, the earlier on a tie. Length fences stay those of the first answers."""
    fences = run.answers.fences()
    count = lambda key: len(run.answers.flags(key, fences))
    best = {key: (count(key), run.answers.get(key)) for key in _keys(study) if count(key)}
    for _ in range(REGENERATIONS):
        pending = [key for key, (flags, _) in best.items() if flags]
        if not pending:
            break
        run.regenerate(pending)
        for key in pending:
            if count(key) < best[key][0]:
                best[key] = (count(key), run.answers.get(key))
    for key, (_, kept) in best.items():
        run.answers.put(key, *kept)


def _report(study: Study, status: str, answers: Answers, generated: int = 0, seconds: float = 0.0) -> BuildReport:
    """The form measures, the problems to report and the review sheet (written, keeping earlier marks)."""
    form = measure({key: [(answers.texts[q.id][key], answers.endings[q.id][key]) for q in study.questions]
                    for key in study.model_keys})
    truncated = [f"{question_id} / {model_key}: no sentence end within its budget, so it could not be ended at "
                 f"one (truncated)" for question_id, model_key in _keys(study)
                 if answers.endings[question_id][model_key] == TRUNCATED]
    return BuildReport(study.id, status, generated=generated, seconds=seconds, form=form,
                       problems=blinding_problems(study, answers.texts) + truncated,
                       review_sheet=write_sheet(study, review_rows(study, answers.texts, answers.endings)))


def unsafe_answers(study: Study, responses: dict[str, dict[str, str]],
                    safety: SafetyLayer) -> dict[Key, list[str]]:
    """(question id, model key) -> why the reply screen withholds that answer: as strictly as the chat
    would anywhere while streaming it, the strictness the reply screen's figures measure."""
    screened = []
    for question in study.questions:
        messages = [{"role": "user", "content": question.text}]
        level = safety.assess(messages).screening.level
        screened += [((question.id, model_key), (messages, text, level))
                     for model_key, text in sorted(responses.get(question.id, {}).items())]
    found = safety.reply_screen.many_as_streamed([reply for _, reply in screened])
    return {key: reasons for (key, _), reasons in zip(screened, found, strict=True) if reasons}


def _batches(study: Study):
    """Rows grouped by base and settings; within a group the two models alternate by question."""
    groups: dict[tuple[str, GenerationSettings], list[tuple[str, StudyModel, str]]] = {}
    for question in study.questions:
        for model in study.models:
            groups.setdefault((model.base, model.generation), []).append((question.id, model, question.text))
    for (base, settings), rows in groups.items():
        yield rows, settings, base


def blinding_problems(study: Study, responses: dict[str, dict[str, str]]) -> list[str]:
    """Answers that would unblind a participant (unsafe ones never get this far: `build` refuses them)."""
    problems = []
    for question in study.questions:
        for model_key, text in sorted(responses.get(question.id, {}).items()):
            where = f"{question.id} / {model_key}"
            if not text.strip():
                problems.append(f"{where}: the answer is empty")
            for name in sorted({m.group(0) for m in SELF_NAMING.finditer(text)}):
                problems.append(f"{where}: names a model or its maker ({name!r}), which breaks blinding")
    return problems


def _write_atomically(path: Path, payload: dict) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(payload, out, indent=1, ensure_ascii=False)
        out.write("\n")
    os.replace(temporary, path)
