"""A training recipe: one YAML file that says everything a fine-tuning run depends on.

    base: smollm2-135m-instruct        # a catalog key, a Hub model id or a local folder
    data:
      source: data/train.jsonl         # a Hub dataset id, or a local .csv / .jsonl / .parquet
      columns: {question: Context, answer: Response}   # single-turn pairs, or {messages: dialog}
      system_prompt: You are a supportive assistant.
    cleaning: {max_chars: 2000, links: strip, numbers: keep, names: true, deduplicate: true}
    test_split: {fraction: 0.05, seed: 2026}
    lora: {r: 8, alpha: 32, dropout: 0.05, target_modules: [q_proj, v_proj]}
    quantization: none                 # or 4bit (QLoRA, bitsandbytes on CUDA)
    training: {epochs: 1, learning_rate: 2e-4, batch_size: 8, max_length: 512, ...}
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from models.yaml_files import load_mapping

RECIPES = Path(__file__).resolve().parent / "recipes"


class RecipeError(ValueError):
    """A recipe that cannot be used as written (the message names the field)."""


@dataclass(frozen=True)
class DataSpec:
    source: str
    columns: dict[str, str]  # question/answer, or messages
    split: str = "train"  # for Hub datasets
    system_prompt: str = ""

    @property
    def multi_turn(self) -> bool:
        return "messages" in self.columns


@dataclass(frozen=True)
class Cleaning:
    """Report 000's cleaning, each step switchable."""

    max_chars: int = 2000  # 0: no limit
    links: str = "strip"  # strip | drop | keep
    numbers: str = "keep"  # strip | drop | keep
    names: bool = True
    ner_model: str = ""  # a token-classification model (Hub id or folder) that finds names; "" = the fallback
    deduplicate: bool = True


@dataclass(frozen=True)
class HoldOut:
    fraction: float = 0.05
    seed: int = 2026


@dataclass(frozen=True)
class LoraSpec:
    r: int = 8
    alpha: int = 16
    dropout: float = 0.05
    target_modules: tuple[str, ...] = ("q_proj", "v_proj")


@dataclass(frozen=True)
class TrainingSpec:
    epochs: float = 1.0
    max_steps: int = -1  # > 0 overrides epochs
    learning_rate: float = 2e-4
    batch_size: int = 8
    gradient_accumulation: int = 1
    max_length: int = 512
    group_by_length: bool = True  # batches of similar lengths, so padding does not dominate
    save_steps: int = 50
    logging_steps: int = 10
    seed: int = 2026


@dataclass(frozen=True)
class Recipe:
    name: str
    base: str
    data: DataSpec
    cleaning: Cleaning = field(default_factory=Cleaning)
    test_split: HoldOut = field(default_factory=HoldOut)
    lora: LoraSpec = field(default_factory=LoraSpec)
    quantization: str = "none"  # none | 4bit
    training: TrainingSpec = field(default_factory=TrainingSpec)
    output_dir: str = ""  # default: runs/<name>
    path: Path | None = None

    @property
    def out(self) -> Path:
        return Path(self.output_dir or Path("runs") / self.name)


def load_recipe(path: str | Path) -> Recipe:
    return load_mapping(path, RecipeError, _parse)


def _parse(raw: dict[str, Any], path: Path) -> Recipe:
    _known(raw, {f.name for f in fields(Recipe)} - {"path"}, str(path))
    if not raw.get("base"):
        raise RecipeError(f"{path}: 'base' is required (a catalog key, Hub model id or folder)")
    data = raw.get("data") or {}
    _known(data, {f.name for f in fields(DataSpec)}, f"{path}: data")
    columns = data.get("columns") or {}
    if not data.get("source"):
        raise RecipeError(f"{path}: data.source is required (a Hub dataset id or a local file)")
    if set(columns) not in ({"question", "answer"}, {"messages"}):
        raise RecipeError(f"{path}: data.columns maps either question and answer, or messages (got {sorted(columns)})")
    cleaning = Cleaning(**_section(raw, "cleaning", Cleaning, path))
    for step in ("links", "numbers"):
        if getattr(cleaning, step) not in ("strip", "drop", "keep"):
            raise RecipeError(f"{path}: cleaning.{step} must be strip, drop or keep")
    split = HoldOut(**_section(raw, "test_split", HoldOut, path))
    if not 0 <= split.fraction < 1:
        raise RecipeError(f"{path}: test_split.fraction must be in [0, 1)")
    lora = _section(raw, "lora", LoraSpec, path)
    lora = LoraSpec(**{**lora, "target_modules": tuple(lora.get("target_modules", LoraSpec.target_modules))})
    if lora.r < 1:
        raise RecipeError(f"{path}: lora.r must be at least 1")
    quantization = str(raw.get("quantization", "none"))
    if quantization not in ("none", "4bit"):
        raise RecipeError(f"{path}: quantization must be none or 4bit")
    training = TrainingSpec(**_section(raw, "training", TrainingSpec, path))
    return Recipe(name=str(raw.get("name") or path.stem), base=str(raw["base"]),
                  data=DataSpec(source=str(data["source"]), columns={k: str(v) for k, v in columns.items()},
                                split=str(data.get("split", "train")),
                                system_prompt=str(data.get("system_prompt", "")).strip()),
                  cleaning=cleaning, test_split=split, lora=lora, quantization=quantization, training=training,
                  output_dir=str(raw.get("output_dir") or ""), path=path)


def _section(raw: dict[str, Any], key: str, cls: type, path: Path) -> dict[str, Any]:
    section = raw.get(key) or {}
    if not isinstance(section, dict):
        raise RecipeError(f"{path}: '{key}' must be a mapping")
    _known(section, {f.name for f in fields(cls)}, f"{path}: {key}")
    return section


def _known(section: dict[str, Any], known: set[str], where: str) -> None:
    unknown = sorted(set(section) - known)
    if unknown:
        raise RecipeError(f"{where}: unknown field(s) {unknown}; known: {sorted(known)}")
