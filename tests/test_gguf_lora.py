"""PEFT LoRA adapters converted to GGUF LoRA files for llama.cpp (models/gguf_lora.py), and the
routing that picks one per request (models/llama_server.py's LoraSlots): no server needed, so these
run wherever the tests run; tests/test_llama_server.py runs the server itself."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import gguf
import numpy as np
import pytest
import torch
from safetensors.torch import load_file, save_file

from models.catalog import load_catalog
from models.chat_format import GenerationSettings
from models.engine import Engine
from models.gguf_lora import GgufBase, converted_lora, permute_rows
from models.llama_server import LoraSlots
from models.loading import AdapterError, packaged_gguf
from models.openai_backend import OpenAIBackend

R8, R16 = "smollm2-supportive-r8", "smollm2-supportive-r16"
ANXIOUS = [{"role": "user", "content": "I feel anxious before my exams. What can I do?"}]
GREEDY = GenerationSettings(temperature=0, max_new_tokens=40)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def gguf_base(catalog) -> GgufBase:
    return GgufBase.read(packaged_gguf(catalog.base))


@pytest.fixture(scope="module")
def engine(catalog) -> Engine:
    return Engine(catalog)


def adapter_copy(catalog, tmp_path: Path, key: str = R8) -> Path:
    folder = tmp_path / key
    shutil.copytree(catalog.adapters[key].path, folder)
    return folder


def edit_config(folder: Path, **changes) -> None:
    path = folder / "adapter_config.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), **changes}))


def test_a_conversion_is_cached_and_written_atomically(catalog, gguf_base, tmp_path):
    folder = adapter_copy(catalog, tmp_path)
    first = converted_lora(folder, gguf_base, tmp_path / "cache")
    written = first.stat().st_mtime_ns
    assert converted_lora(folder, gguf_base, tmp_path / "cache") == first
    assert first.stat().st_mtime_ns == written  # a cache hit, not a second conversion
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [first.name]  # no temporary files left
    reader = gguf.GGUFReader(first)
    assert reader.get_field("general.type").contents() == "adapter"
    assert reader.get_field("adapter.type").contents() == "lora"
    assert reader.get_field("adapter.lora.alpha").contents() == 16.0
    assert reader.get_field("general.architecture").contents() == "llama"
    assert {t.name for t in reader.tensors} >= {"blk.0.attn_q.weight.lora_a", "blk.29.attn_v.weight.lora_b"}
    edit_config(folder, lora_alpha=32)  # other content, another file
    assert converted_lora(folder, gguf_base, tmp_path / "cache") != first


@pytest.mark.parametrize(("change", "named"), [({"use_dora": True}, "DoRA"), ({"use_rslora": True}, "rsLoRA"),
                                               ({"modules_to_save": ["lm_head"]}, "fully trained modules")])
def test_what_a_gguf_lora_cannot_express_is_refused(catalog, gguf_base, tmp_path, change, named):
    folder = adapter_copy(catalog, tmp_path)
    edit_config(folder, **change)
    with pytest.raises(AdapterError, match=named):
        converted_lora(folder, gguf_base, tmp_path / "cache")
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").iterdir())


def test_embeddings_and_adapters_for_other_models_are_refused(catalog, gguf_base, tmp_path, tiny):
    folder = adapter_copy(catalog, tmp_path)
    weights = load_file(folder / "adapter_model.safetensors")
    weights["base_model.model.model.embed_tokens.lora_embedding_A"] = torch.zeros(8, 49152)
    save_file(weights, folder / "adapter_model.safetensors")
    with pytest.raises(AdapterError, match="token embeddings"):
        converted_lora(folder, gguf_base, tmp_path / "cache")
    with pytest.raises(AdapterError, match="do not fit the base"):  # the tests' tiny Llama: 32 wide
        converted_lora(tiny.adapter_a, gguf_base, tmp_path / "cache")


def test_only_llama_bases_are_accepted(tmp_path):
    path = tmp_path / "gpt2.gguf"
    writer = gguf.GGUFWriter(path, "gpt2")
    writer.add_tensor("token_embd.weight", np.zeros((4, 4), dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    with pytest.raises(AdapterError, match="'gpt2' model"):
        GgufBase.read(path)


@pytest.mark.slow
def test_the_permutation_is_the_one_the_base_gguf_was_converted_with(engine, catalog):
    """The q/k rows of the GGUF base are those of the Hugging Face weights (the engine dequantises the
    same file and undoes llama.cpp's order) in permute_rows' order; lora_B must follow them."""
    reader = gguf.GGUFReader(packaged_gguf(catalog.base))
    tensors = {t.name: t for t in reader.tensors}
    layer = engine.base.model.model.layers[3].self_attn
    for name, module, heads in (("attn_q", layer.q_proj, 9), ("attn_k", layer.k_proj, 3)):
        stored = tensors[f"blk.3.{name}.weight"]
        in_gguf = gguf.quants.dequantize(stored.data, stored.tensor_type).reshape(module.weight.shape)
        hf = module.weight.detach().numpy()
        assert np.allclose(permute_rows(hf, heads), in_gguf, atol=1e-6)
        assert not np.allclose(hf, in_gguf, atol=1e-3)


def test_lora_slots_route_each_adapter_to_its_index():
    slots = LoraSlots("base-model", {R8: 0, R16: 1}, {"broken": "uses DoRA"})
    assert slots(R16) == ("base-model", {"lora": [{"id": 1, "scale": 1.0}]})
    assert slots("") == ("base-model", {"lora": [{"id": 0, "scale": 0.0}]})  # explicitly off (cached prompts)
    assert LoraSlots("base-model", {})("") == ("base-model", {})
    with pytest.raises(AdapterError, match=r"'broken' \(uses DoRA\)"):
        slots("broken")
    backend = OpenAIBackend(load_catalog(), "http://127.0.0.1:9/v1", routing=slots, runtime_loading=False)
    assert backend._request(ANXIOUS, R8, GREEDY)["extra_body"] == {"lora": [{"id": 0, "scale": 1.0}]}
