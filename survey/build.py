"""Generate a study's answers once, through the engine's batch API, and store them beside it.

    python -m survey build survey/studies/default.yaml

The answers go to <study>.responses.json next to the study file, so they travel with it (a
Space serves them without generating anything). Both models' answers to a question are
generated in the same batch, with the study's seed, so a rebuild gives the same text.
Answers that name a model or its maker break blinding and are reported. Every answer goes
through the chat's reply screen (safety/), read as a reply to its question at the question's
screened level; one that fails is generated again with the next seeds (REGENERATIONS), and a
study with an answer that still fails is refused: its answers are not written, so it is never
served, and the report names question, model and reason.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from models.catalog import BASE_MODEL_CHOICE, Catalog
from models.chat_format import GenerationSettings
from models.engine import Engine
from safety.layer import SafetyLayer
from survey.store import Store
from survey.study import Study, StudyModel

REGENERATIONS = 3  # other seeds tried for an answer that fails the reply screen
BATCH_SIZE = 16  # benches/bench_survey_build.py: 16 beats 8 on CPU; both models share every batch
# Names that tell a participant which model (or whose model) wrote an answer.
SELF_NAMING = re.compile(
    r"\b(smol\s?lm\w*|llama[\w.-]*|chat\s?gpt|gpt-?[\d.]+\w*|bloomz?|claude|mistral|gemma|qwen\w*|"
    r"phi-\d\w*|hugging\s?face|open\s?ai|anthropic|meta\s+ai|deepmind|bigscience)\b", re.IGNORECASE)


@dataclass
class BuildReport:
    study_id: str
    status: str  # "unchanged", "built" or "refused" (an answer failed the reply screen; nothing written)
    generated: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def responses_path(study: Study) -> Path:
    if study.path is None:
        raise ValueError("a study loaded from a file is needed to find its responses")
    return study.path.with_name(f"{study.path.stem}.responses.json")


def load_responses(study: Study) -> dict[str, dict[str, str]]:
    """{question_id: {model_key: text}} when built for this exact study, else {}."""
    try:
        saved = json.loads(responses_path(study).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if saved.get("fingerprint") != study.fingerprint():
        return {}
    responses = saved.get("responses", {})
    complete = all(set(responses.get(q.id, {})) == set(study.model_keys) for q in study.questions)
    return responses if complete else {}


def build(study: Study, catalog: Catalog, store: Store,
          engine_for: Callable[[str], Engine] | None = None,
          progress: Callable[[Iterable], Iterable] = lambda items: items,
          batch_size: int = BATCH_SIZE, safety: SafetyLayer | None = None) -> BuildReport:
    """Generate what is missing; refuse (StudyChanged) a changed study that has ratings, and
    (status "refused") a study with an answer the reply screen withholds after REGENERATIONS."""
    if batch_size < 1:
        raise ValueError(f"the batch size must be at least 1 (got {batch_size})")
    store.register(study)
    safety = safety or SafetyLayer()
    saved = load_responses(study)
    if saved and not unsafe_answers(study, saved, safety) and _saved_screened(study):
        return BuildReport(study.id, "unchanged", problems=blinding_problems(study, saved))
    for model in study.models:
        if model.base not in catalog.bases:
            raise ValueError(f"study {study.id!r}: model {model.key!r} names base {model.base!r}, "
                             f"which is not in the catalog ({sorted(catalog.bases)})")
    engines: dict[str, Engine] = {}
    engine_for = engine_for or (lambda base: Engine(catalog, base_key=base))
    engine = lambda base: engines.setdefault(base, engine_for(base))
    start = time.perf_counter()
    responses: dict[str, dict[str, str]] = saved or {q.id: {} for q in study.questions}
    seeds: dict[str, dict[str, int | None]] = {q.id: {m.key: m.generation.seed for m in study.models}
                                               for q in study.questions}
    generated = 0
    if not saved:
        for rows, settings, base in _batches(study):
            generated += _generate(rows, settings, engine(base), responses, progress, batch_size)
    unsafe = unsafe_answers(study, responses, safety)
    models = {m.key: m for m in study.models}
    for attempt in range(1, REGENERATIONS + 1):
        for question_id, model_key in unsafe:
            model = models[model_key]
            seed = (model.generation.seed or 0) + attempt
            settings = replace(model.generation, seed=seed)
            question = next(q.text for q in study.questions if q.id == question_id)
            generated += _generate([(question_id, model, question)], settings, engine(model.base), responses,
                                   progress, batch_size)
            seeds[question_id][model_key] = seed
        unsafe = unsafe_answers(study, responses, safety)
        if not unsafe:
            break
    seconds = time.perf_counter() - start
    if unsafe:
        return BuildReport(study.id, "refused", generated=generated, seconds=seconds, problems=[
            f"{question_id} / {model_key}: unsafe answer, withheld by the reply screen ({'; '.join(reasons)}) "
            f"after {REGENERATIONS} other seeds; nothing was written" for (question_id, model_key), reasons
            in sorted(unsafe.items())])
    _write_atomically(responses_path(study), {
        "study": study.id, "fingerprint": study.fingerprint(), "generated_at": time.time(),
        "models": [{"key": m.key, "base": m.base, "adapter": m.adapter} for m in study.models],
        "reply_screen": "passed", "seeds": seeds, "responses": responses})
    return BuildReport(study.id, "built", generated=generated, seconds=seconds,
                       problems=blinding_problems(study, responses))


def _saved_screened(study: Study) -> bool:
    """Answers written before the reply screen existed are screened (and rewritten) once."""
    return json.loads(responses_path(study).read_text(encoding="utf-8")).get("reply_screen") == "passed"


def _generate(rows: list[tuple[str, StudyModel, str]], settings: GenerationSettings, engine: Engine,
              responses: dict[str, dict[str, str]], progress: Callable[[Iterable], Iterable],
              batch_size: int) -> int:
    chunks = [rows[i:i + batch_size] for i in range(0, len(rows), batch_size)]
    for chunk in progress(chunks):
        texts = engine.generate_batch(
            [[{"role": "system", "content": m.system_prompt}, {"role": "user", "content": q}] for _, m, q in chunk],
            [m.adapter or BASE_MODEL_CHOICE for _, m, _ in chunk], settings, batch_size=batch_size)
        for (question_id, model, _), text in zip(chunk, texts, strict=True):
            responses[question_id][model.key] = text
    return len(rows)


def unsafe_answers(study: Study, responses: dict[str, dict[str, str]],
                    safety: SafetyLayer) -> dict[tuple[str, str], list[str]]:
    """(question id, model key) -> why the reply screen withholds that answer: as strictly as the chat
    would anywhere while streaming it, the strictness the reply screen's figures measure."""
    unsafe = {}
    for question in study.questions:
        messages = [{"role": "user", "content": question.text}]
        level = safety.assess(messages).screening.level
        for model_key, text in sorted(responses.get(question.id, {}).items()):
            if reasons := safety.reply_screen.reasons_as_streamed(messages, text, level):
                unsafe[(question.id, model_key)] = reasons
    return unsafe


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
