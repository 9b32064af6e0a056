"""A study file: one YAML file describing a blinded A/B rating study.

    id, title, models (exactly two), questions (inline or questions_file), criteria, scale,
    consent, instructions, questions_per_participant, ratings_per_question, attention_checks,
    min_seconds_per_item, comment_box, completion_url, completion_code, external_id_param,
    max_answer_characters

Parsed once into frozen dataclasses and validated with messages that name the field.
`fingerprint` covers what the answers depend on (models, questions and the shared length budget),
so a rebuild can tell whether stored answers are still the study's.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from models.catalog import DEFAULT_PRESETS, load_presets
from models.chat_format import GenerationSettings
from models.yaml_files import load_mapping

STUDY_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class StudyError(ValueError):
    """A study file that cannot be used as written."""


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    description: str


DEFAULT_CRITERIA = (
    Criterion("empathy", "Empathy and supportiveness",
              "Does the answer show understanding and care for how the person feels?"),
    Criterion("relevance", "Relevance to the user's needs",
              "Does the answer address what the person actually asked about?"),
    Criterion("information", "Information",
              "Does the answer give accurate, useful information or practical steps?"),
    Criterion("referral", "Recommendation of professional help",
              "Does the answer suggest professional or crisis help where that is appropriate?"),
    Criterion("overall", "Overall quality", "All things considered, how good is this answer?"),
)


@dataclass(frozen=True)
class Scale:
    low: int = 1
    high: int = 10
    low_label: str = "Very poor"
    high_label: str = "Excellent"

    def accepts(self, score: Any) -> bool:
        return isinstance(score, int) and not isinstance(score, bool) and self.low <= score <= self.high


@dataclass(frozen=True)
class StudyModel:
    """One arm of the comparison. `key` is for operators and the stored data only."""

    key: str
    base: str
    system_prompt: str
    adapter: str | None = None
    generation: GenerationSettings = field(default_factory=GenerationSettings)


@dataclass(frozen=True)
class Question:
    id: str
    text: str


@dataclass(frozen=True)
class AttentionCheck:
    """An item that tells the participant which score to give to every criterion."""

    id: str
    text: str
    responses: tuple[str, str]
    score: int


@dataclass(frozen=True)
class Study:
    id: str
    title: str
    models: tuple[StudyModel, StudyModel]
    questions: tuple[Question, ...]
    criteria: tuple[Criterion, ...] = DEFAULT_CRITERIA
    scale: Scale = Scale()
    consent: str = ""
    instructions: str = ""
    questions_per_participant: int = 0  # 0: every question
    ratings_per_question: int = 0  # 0: no quota
    attention_checks: tuple[AttentionCheck, ...] = ()
    min_seconds_per_item: float = 0.0
    comment_box: bool = False
    completion_url: str = ""  # may contain {code}
    completion_code: str = ""  # a fixed code (Prolific's); empty: one per participant
    external_id_param: str = "PROLIFIC_PID"
    abandon_after_minutes: float = 60.0
    # Both models' answers are cut at their last sentence end within this many characters, so that
    # length does not tell the models apart (survey/form.py); 0: no shared budget.
    max_answer_characters: int = 0
    path: Path | None = None

    @property
    def model_keys(self) -> tuple[str, str]:
        return (self.models[0].key, self.models[1].key)

    @property
    def items_per_participant(self) -> int:
        return (self.questions_per_participant or len(self.questions)) + len(self.attention_checks)

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)

    def check(self, check_id: str) -> AttentionCheck:
        return next(c for c in self.attention_checks if c.id == check_id)

    def fingerprint(self) -> str:
        """Hash of what the stored answers depend on: the models, the questions and the length budget
        (named only when set, so the answers of studies without one stay theirs)."""
        payload = {"models": [asdict(m) for m in self.models],
                   "questions": [asdict(q) for q in self.questions]}
        if self.max_answer_characters:
            payload["max_answer_characters"] = self.max_answer_characters
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def load_study(path: str | Path, presets_path: str | Path = DEFAULT_PRESETS) -> Study:
    return load_mapping(path, StudyError, lambda raw, where: _parse(raw, where, presets_path))


def _parse(raw: dict[str, Any], path: Path, presets_path: str | Path) -> Study:
    known = set(Study.__dataclass_fields__) - {"path"} | {"questions_file"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise StudyError(f"{path}: unknown field(s) {unknown}; known: {sorted(known)}")
    study_id = str(raw.get("id", ""))
    if not STUDY_ID.match(study_id):
        raise StudyError(f"{path}: 'id' must be lower-case letters, digits, '-' or '_' (got {study_id!r})")
    presets, _ = load_presets(presets_path)
    models = tuple(_model(m, i, presets, path) for i, m in enumerate(_list(raw, "models", path)))
    if len(models) != 2 or models[0].key == models[1].key:
        raise StudyError(f"{path}: 'models' must list exactly two models with different keys")
    questions = _questions(raw, path)
    scale = Scale(**raw.get("scale", {}))
    if scale.low >= scale.high:
        raise StudyError(f"{path}: scale 'low' must be below 'high'")
    criteria = tuple(Criterion(**c) for c in raw["criteria"]) if "criteria" in raw else DEFAULT_CRITERIA
    checks = tuple(_check(c, scale, path) for c in raw.get("attention_checks") or ())
    _unique_ids([q.id for q in questions] + [c.id for c in checks], "question/check", path)
    _unique_ids([c.key for c in criteria], "criterion", path)
    per_participant = int(raw.get("questions_per_participant") or 0)
    if not 0 <= per_participant <= len(questions):
        raise StudyError(f"{path}: questions_per_participant must be 1..{len(questions)}")
    budget = int(raw.get("max_answer_characters") or 0)
    if budget < 0:
        raise StudyError(f"{path}: max_answer_characters must be a positive number of characters (got {budget})")
    simple = {k: raw[k] for k in ("title", "consent", "instructions", "completion_url", "completion_code",
                                  "external_id_param") if raw.get(k) is not None}
    return Study(id=study_id, models=models, questions=questions, criteria=criteria, scale=scale,
                 attention_checks=checks, questions_per_participant=per_participant,
                 ratings_per_question=int(raw.get("ratings_per_question") or 0),
                 min_seconds_per_item=float(raw.get("min_seconds_per_item") or 0),
                 comment_box=bool(raw.get("comment_box", False)),
                 abandon_after_minutes=float(raw.get("abandon_after_minutes") or 60),
                 max_answer_characters=budget, path=path,
                 **{"title": study_id, **{k: str(v).strip() for k, v in simple.items()}})


def _list(raw: dict[str, Any], key: str, path: Path) -> list[Any]:
    value = raw.get(key)
    if not isinstance(value, list) or not value:
        raise StudyError(f"{path}: '{key}' must be a non-empty list")
    return value


def _model(raw: dict[str, Any], index: int, presets: dict, path: Path) -> StudyModel:
    where = f"{path}: models[{index}]"
    if not isinstance(raw, dict) or not raw.get("key") or not raw.get("base"):
        raise StudyError(f"{where} needs a 'key' and a 'base'")
    if ("preset" in raw) == ("system_prompt" in raw):
        raise StudyError(f"{where} needs exactly one of 'preset' and 'system_prompt'")
    if "preset" in raw:
        if raw["preset"] not in presets:
            raise StudyError(f"{where}: unknown preset {raw['preset']!r}; known: {sorted(presets)}")
        prompt = presets[raw["preset"]].prompt
    else:
        prompt = str(raw["system_prompt"]).strip()
    settings = dict(raw.get("generation") or {})
    if "seed" in raw:
        settings["seed"] = int(raw["seed"])
    return StudyModel(key=str(raw["key"]), base=str(raw["base"]), system_prompt=prompt,
                      adapter=raw.get("adapter") or None,
                      generation=GenerationSettings(**settings).clamped())


def _questions(raw: dict[str, Any], path: Path) -> tuple[Question, ...]:
    if ("questions" in raw) == ("questions_file" in raw):
        raise StudyError(f"{path}: give exactly one of 'questions' and 'questions_file'")
    if "questions_file" in raw:
        source = path.parent / str(raw["questions_file"])
        try:
            items = yaml.safe_load(source.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise StudyError(f"{path}: cannot read questions_file {source}: {error}") from None
    else:
        items = raw["questions"]
    if not isinstance(items, list) or not items:
        raise StudyError(f"{path}: the questions must be a non-empty list")
    questions = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            item = {"id": f"q{i + 1:02d}", "text": item}
        if not isinstance(item, dict) or not str(item.get("text", "")).strip():
            raise StudyError(f"{path}: question {i + 1} needs a 'text'")
        questions.append(Question(id=str(item.get("id") or f"q{i + 1:02d}"), text=str(item["text"]).strip()))
    return tuple(questions)


def _check(raw: dict[str, Any], scale: Scale, path: Path) -> AttentionCheck:
    responses = raw.get("responses") or []
    if not raw.get("id") or not raw.get("text") or len(responses) != 2:
        raise StudyError(f"{path}: an attention check needs 'id', 'text' and two 'responses'")
    if not scale.accepts(raw.get("score")):
        raise StudyError(f"{path}: attention check {raw['id']!r} needs a 'score' on the scale")
    return AttentionCheck(id=str(raw["id"]), text=str(raw["text"]).strip(),
                          responses=(str(responses[0]).strip(), str(responses[1]).strip()),
                          score=int(raw["score"]))


def _unique_ids(ids: list[str], what: str, path: Path) -> None:
    seen = {i for i in ids if ids.count(i) > 1}
    if seen:
        raise StudyError(f"{path}: duplicate {what} id(s) {sorted(seen)}")
