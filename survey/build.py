"""Generate a study's answers once, through the engine's batch API, and store them beside it.

    python -m survey build survey/studies/default.yaml

The answers go to <study>.responses.json next to the study file, so they travel with it (a
Space serves them without generating anything). Both models' answers to a question are
generated in the same batch, with the study's seed, so a rebuild gives the same text.
Answers that name a model or its maker break blinding and are reported, as are unsafe ones.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from models.catalog import BASE_MODEL_CHOICE, Catalog
from models.chat_format import GenerationSettings
from models.engine import Engine
from models.guard import screen_reply
from survey.store import Store
from survey.study import Study, StudyModel

BATCH_SIZE = 16  # benches/bench_survey_build.py: 16 beats 8 on CPU; both models share every batch
# Names that tell a participant which model (or whose model) wrote an answer.
SELF_NAMING = re.compile(
    r"\b(smol\s?lm\w*|llama[\w.-]*|chat\s?gpt|gpt-?[\d.]+\w*|bloomz?|claude|mistral|gemma|qwen\w*|"
    r"phi-\d\w*|hugging\s?face|open\s?ai|anthropic|meta\s+ai|deepmind|bigscience)\b", re.IGNORECASE)


@dataclass
class BuildReport:
    study_id: str
    status: str  # "unchanged" or "built"
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
          batch_size: int = BATCH_SIZE) -> BuildReport:
    """Generate what is missing; refuse (StudyChanged) a changed study that has ratings."""
    if batch_size < 1:
        raise ValueError(f"the batch size must be at least 1 (got {batch_size})")
    store.register(study)
    if load_responses(study):
        return BuildReport(study.id, "unchanged", problems=blinding_problems(study, load_responses(study)))
    for model in study.models:
        if model.base not in catalog.bases:
            raise ValueError(f"study {study.id!r}: model {model.key!r} names base {model.base!r}, "
                             f"which is not in the catalog ({sorted(catalog.bases)})")
    engine_for = engine_for or (lambda base: Engine(catalog, base_key=base))
    start = time.perf_counter()
    responses: dict[str, dict[str, str]] = {q.id: {} for q in study.questions}
    for rows, settings, engine in _batches(study, engine_for):
        chunks = [rows[i:i + batch_size] for i in range(0, len(rows), batch_size)]
        for chunk in progress(chunks):
            texts = engine.generate_batch(
                [[{"role": "system", "content": m.system_prompt}, {"role": "user", "content": q}]
                 for _, m, q in chunk],
                [m.adapter or BASE_MODEL_CHOICE for _, m, _ in chunk], settings, batch_size=batch_size)
            for (question_id, model, _), text in zip(chunk, texts, strict=True):
                responses[question_id][model.key] = text
    _write_atomically(responses_path(study), {
        "study": study.id, "fingerprint": study.fingerprint(), "generated_at": time.time(),
        "models": [{"key": m.key, "base": m.base, "adapter": m.adapter} for m in study.models],
        "responses": responses})
    return BuildReport(study.id, "built", generated=sum(len(r) for r in responses.values()),
                       seconds=time.perf_counter() - start, problems=blinding_problems(study, responses))


def _batches(study: Study, engine_for: Callable[[str], Engine]):
    """Rows grouped by base and settings; within a group the two models alternate by question."""
    groups: dict[tuple[str, GenerationSettings], list[tuple[str, StudyModel, str]]] = {}
    for question in study.questions:
        for model in study.models:
            groups.setdefault((model.base, model.generation), []).append((question.id, model, question.text))
    engines: dict[str, Engine] = {}
    for (base, settings), rows in groups.items():
        engine = engines.setdefault(base, engine_for(base))
        yield rows, settings, engine


def blinding_problems(study: Study, responses: dict[str, dict[str, str]]) -> list[str]:
    """Answers that would unblind a participant, or that must not be shown at all."""
    problems = []
    for question in study.questions:
        for model_key, text in sorted(responses.get(question.id, {}).items()):
            where = f"{question.id} / {model_key}"
            if not text.strip():
                problems.append(f"{where}: the answer is empty")
            for name in sorted({m.group(0) for m in SELF_NAMING.finditer(text)}):
                problems.append(f"{where}: names a model or its maker ({name!r}), which breaks blinding")
            for reason in screen_reply(text):
                problems.append(f"{where}: unsafe answer ({reason})")
    return problems


def _write_atomically(path: Path, payload: dict) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(payload, out, indent=1, ensure_ascii=False)
        out.write("\n")
    os.replace(temporary, path)
