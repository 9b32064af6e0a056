"""Integration on the packaged SmolLM2-135M-Instruct: the GGUF is converted once, cached as
safetensors, and serves real replies, with and without a LoRA adapter made for it."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from peft import LoraConfig, get_peft_model
from safetensors.torch import load_file

from models.catalog import load_catalog
from models.chat_format import GenerationSettings
from models.engine import Engine
from models.loading import converted_base_dir, load_base

pytestmark = pytest.mark.slow
GREEDY = GenerationSettings(temperature=0, max_new_tokens=40)
QUESTION = [{"role": "system", "content": "You are a supportive assistant."},
            {"role": "user", "content": "I have been feeling anxious before my exams. What can I do?"}]


@pytest.fixture(scope="module")
def smol() -> Engine:
    engine = Engine(load_catalog())
    engine.load()  # converts the GGUF into the test session's cache
    return engine


def test_conversion_is_cached_as_safetensors(smol: Engine) -> None:
    folder = converted_base_dir(smol.catalog.base)
    assert (folder / "model.safetensors").is_file() and (folder / "tokenizer.json").is_file()
    stamp = (folder / "model.safetensors").stat().st_mtime_ns
    again = load_base(smol.catalog.base)  # a later start: no second conversion
    assert (folder / "model.safetensors").stat().st_mtime_ns == stamp
    saved = load_file(str(folder / "model.safetensors"))
    name = "model.layers.0.self_attn.q_proj.weight"
    assert torch.equal(again.model.state_dict()[name], saved[name])
    assert "HuggingFaceTB/SmolLM2-135M-Instruct" in again.names


def test_packaged_base_gives_a_readable_reply(smol: Engine) -> None:
    text = "".join(smol.stream(QUESTION, settings=GREEDY))
    words = text.split()
    assert len(words) >= 10
    assert sum(w.strip(".,!?*:").isalpha() for w in words) / len(words) > 0.7


def test_adapter_trained_on_the_packaged_base_loads_and_changes_the_reply(smol: Engine, tmp_path: Path) -> None:
    torch.manual_seed(0)
    peft_model = get_peft_model(load_base(smol.catalog.base).model, LoraConfig(
        r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"], init_lora_weights=False))
    with torch.no_grad():
        for name, param in peft_model.named_parameters():
            if "lora_B" in name:
                param.normal_(0, 0.05)
    peft_model.peft_config["default"].base_model_name_or_path = "HuggingFaceTB/SmolLM2-135M-Instruct"
    peft_model.save_pretrained(tmp_path / "adapter")
    base_reply = "".join(smol.stream(QUESTION, settings=GREEDY))
    adapter_reply = "".join(smol.stream(QUESTION, adapter=str(tmp_path / "adapter"), settings=GREEDY))
    assert adapter_reply != base_reply
    batch = smol.generate_batch([QUESTION, QUESTION], ["", str(tmp_path / "adapter")], GREEDY)
    assert batch == [base_reply.strip(), adapter_reply.strip()]


def test_the_shipped_demo_adapters_load_and_change_the_replies(smol: Engine) -> None:
    demo = [key for key in smol.catalog.adapters if key.startswith("smollm2-supportive")]
    assert sorted(demo) == ["smollm2-supportive-r16", "smollm2-supportive-r8"]
    replies = smol.generate_batch([QUESTION] * 3, ["", *demo], GREEDY)
    assert all(r.strip() for r in replies)
    assert replies[1] != replies[0] and replies[2] != replies[0]  # the adapters do change the model
