"""Model cards for trained adapters, and publishing an adapter folder to the Hub.

The card's metadata is what the Hub indexes: base_model, library_name: peft, datasets, tags.
Only the adapter's own files are uploaded (never checkpoints or optimizer state).
"""

from __future__ import annotations

import json
from pathlib import Path

from huggingface_hub import HfApi, ModelCard, ModelCardData

from training.recipe import Recipe

ADAPTER_FILES = ("adapter_config.json", "adapter_model.safetensors", "README.md", "recipe.yaml", "data-summary.txt")
TAGS = ["lora", "peft", "mental-health", "research"]


def write_card(folder: Path, recipe: Recipe, base_id: str, data_summary: str, metrics_table: str = "") -> Path:
    """README.md in the adapter folder: metadata, the data, the recipe, and the metrics when measured."""
    datasets = [recipe.data.source] if not Path(recipe.data.source).suffix else []
    data = ModelCardData(base_model=base_id, library_name="peft", datasets=datasets or None, tags=TAGS,
                         license="apache-2.0")
    lora = recipe.lora
    text = f"""---
{data.to_yaml()}
---

# {recipe.name}

A LoRA adapter for `{base_id}`, trained with this toolkit's `python -m training train` for research on
supportive mental-health chat. **It is not a therapist and must not be used as one.**

## Data

Source: `{recipe.data.source}`. Rows kept and dropped by each cleaning step:

```
{data_summary.strip()}
```

## Recipe

LoRA r={lora.r}, alpha={lora.alpha}, dropout={lora.dropout} on {", ".join(lora.target_modules)};
quantization: {recipe.quantization}; learning rate {recipe.training.learning_rate}; batch size
{recipe.training.batch_size}; max length {recipe.training.max_length}; loss on the assistant's tokens only.
The full recipe is `recipe.yaml`.

## Metrics

{metrics_table.strip() or "Not measured yet: `python -m training evaluate`."}
"""
    path = folder / "README.md"
    path.write_text(text, encoding="utf-8")
    return path


def update_card_metrics(folder: Path, metrics_table: str) -> Path:
    """Rewrite a trained adapter's card with measured metrics (the folder holds recipe.yaml and data-summary.txt)."""
    from training.recipe import load_recipe

    config = json.loads((folder / "adapter_config.json").read_text())
    return write_card(folder, load_recipe(folder / "recipe.yaml"), config["base_model_name_or_path"],
                      (folder / "data-summary.txt").read_text(), metrics_table)


def files_to_push(folder: Path) -> list[Path]:
    missing = [name for name in ("adapter_config.json", "adapter_model.safetensors", "README.md")
               if not (folder / name).is_file()]
    if missing:
        raise FileNotFoundError(f"{folder} is not a trained adapter folder: missing {missing}")
    return [folder / name for name in ADAPTER_FILES if (folder / name).is_file()]


def card_metadata(folder: Path) -> dict:
    return ModelCard.load(folder / "README.md").data.to_dict()


def push(folder: Path, repo_id: str, private: bool = False, hf_api: HfApi | None = None) -> str:
    """Create (or reuse) the model repo and upload the adapter's files; returns the commit URL."""
    files = files_to_push(folder)
    api = hf_api or HfApi()
    api.create_repo(repo_id, repo_type="model", private=private, exist_ok=True)
    info = api.upload_folder(folder_path=str(folder), repo_id=repo_id, repo_type="model",
                             allow_patterns=[f.name for f in files], commit_message="Upload adapter")
    return str(info.commit_url)
