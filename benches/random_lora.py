"""Adapters for benchmarks: LoRA weights for the packaged base, random but small, saved as peft does."""

from __future__ import annotations

from pathlib import Path

import torch
from peft import LoraConfig, get_peft_model

from models.engine import Engine
from models.loading import load_base


def make_adapter(engine: Engine, folder: Path, seed: int) -> Path:
    """A LoRA adapter (r=8 on q,v) for the engine's base, with small random weights."""
    torch.manual_seed(seed)
    model = get_peft_model(load_base(engine.catalog.base).model,
                           LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "v_proj"]))
    with torch.no_grad():
        for name, param in model.named_parameters():
            if "lora_B" in name:
                param.normal_(0, 0.002)
    model.peft_config["default"].base_model_name_or_path = engine.catalog.base.hub_id
    model.save_pretrained(folder)
    return folder
