"""Fine-tune a LoRA (or QLoRA) adapter from a recipe with transformers' Trainer and peft.

Batches group examples of similar length and pad only to the longest in the batch, so
padding does not dominate; the loss is on the assistant's tokens only. Checkpoints go to
<out>/checkpoints; running the same recipe again resumes from the last one. The adapter is
saved to <out>/adapter, the held-out conversations to <out>/test.jsonl.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import torch
from datasets import Dataset
from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    DataCollatorForSeq2Seq,
    Trainer,
    TrainingArguments,
)
from transformers.trainer_utils import get_last_checkpoint

from models.catalog import Catalog, load_catalog
from models.loading import Placement, load_base
from training.data import Conversation, Summary, clean, conversations, read_table, split
from training.formatting import FormattingError, encode, ensure_chat_template
from training.publish import write_card
from training.recipe import Recipe


class TrainingError(RuntimeError):
    """A run that cannot start here (the message says what is missing)."""


@dataclass(frozen=True)
class TrainResult:
    adapter: Path
    summary: Summary
    train_rows: int
    test_rows: int
    resumed_from: str | None


def prepare_data(recipe: Recipe, tokenizer, summary: Summary) -> tuple[Dataset, list[Conversation]]:
    """Cleaned, split and encoded examples; every step's kept and dropped rows in `summary`."""
    rows = conversations(read_table(recipe.data), recipe.data)
    summary.add("read", len(rows), len(rows))
    rows = clean(rows, recipe.cleaning, summary)
    train_rows, test_rows = split(rows, recipe.test_split)
    summary.add(f"training split (test: {len(test_rows)})", len(rows), len(train_rows))
    encoded = []
    for row in train_rows:
        try:
            encoded.append(encode(tokenizer, row, recipe.training.max_length))
        except FormattingError:
            continue
    summary.add(f"assistant tokens within {recipe.training.max_length} tokens", len(train_rows), len(encoded))
    if not encoded:
        raise TrainingError("no training example is left after cleaning; see the summary")
    return Dataset.from_list(encoded), test_rows


def load_for_training(recipe: Recipe, catalog: Catalog):
    """(model, tokenizer, base id for the adapter config); 4-bit when the recipe asks and the hardware can."""
    if recipe.quantization == "4bit":
        if not torch.cuda.is_available():
            raise TrainingError("this recipe asks for 4-bit QLoRA, which needs a CUDA GPU; none is available here. "
                                "Use a GPU machine, or set quantization: none.")
        if importlib.util.find_spec("bitsandbytes") is None:
            raise TrainingError("4-bit QLoRA needs bitsandbytes: pip install bitsandbytes")
    placement = Placement.choose("auto", recipe.quantization)
    if recipe.base in catalog.bases:  # a packaged base: its GGUF is converted once, then loaded like any checkpoint
        spec = catalog.bases[recipe.base]
        loaded = load_base(spec, placement)
        return loaded.model, loaded.tokenizer, spec.hub_id
    tokenizer = AutoTokenizer.from_pretrained(recipe.base)
    model = AutoModelForCausalLM.from_pretrained(recipe.base, **placement.from_pretrained_kwargs())
    return model, tokenizer, recipe.base


def train(recipe: Recipe, catalog: Catalog | None = None) -> TrainResult:
    catalog = catalog or load_catalog()
    model, tokenizer, base_id = load_for_training(recipe, catalog)
    ensure_chat_template(tokenizer)
    summary = Summary()
    dataset, test_rows = prepare_data(recipe, tokenizer, summary)
    out = recipe.out
    out.mkdir(parents=True, exist_ok=True)
    with (out / "test.jsonl").open("w", encoding="utf-8") as file:
        for row in test_rows:
            file.write(json.dumps({"messages": row}, ensure_ascii=False) + "\n")
    (out / "data-summary.txt").write_text(summary.text() + "\n", encoding="utf-8")

    if recipe.quantization == "4bit":
        model = prepare_model_for_kbit_training(model)
    model.train()
    model = get_peft_model(model, LoraConfig(r=recipe.lora.r, lora_alpha=recipe.lora.alpha,
                                             lora_dropout=recipe.lora.dropout,
                                             target_modules=list(recipe.lora.target_modules), task_type="CAUSAL_LM"))
    t = recipe.training
    args = TrainingArguments(
        output_dir=str(out / "checkpoints"), num_train_epochs=t.epochs, max_steps=t.max_steps,
        learning_rate=t.learning_rate, per_device_train_batch_size=t.batch_size,
        gradient_accumulation_steps=t.gradient_accumulation, seed=t.seed, logging_steps=t.logging_steps,
        save_strategy="steps", save_steps=t.save_steps, save_total_limit=2, report_to=[],
        train_sampling_strategy="group_by_length" if t.group_by_length else "random",
        use_cpu=not torch.cuda.is_available(), remove_unused_columns=False, dataloader_num_workers=0)
    trainer = Trainer(model=model, args=args, train_dataset=dataset,
                      data_collator=DataCollatorForSeq2Seq(tokenizer, padding="longest", label_pad_token_id=-100))
    last = get_last_checkpoint(args.output_dir) if Path(args.output_dir).is_dir() else None
    trainer.train(resume_from_checkpoint=last)
    adapter = out / "adapter"
    model.peft_config["default"].base_model_name_or_path = base_id
    model.save_pretrained(adapter)
    if recipe.path is not None:
        shutil.copyfile(recipe.path, adapter / "recipe.yaml")
    shutil.copyfile(out / "data-summary.txt", adapter / "data-summary.txt")
    write_card(adapter, recipe, base_id, summary.text())
    return TrainResult(adapter, summary, len(dataset), len(test_rows), last)
