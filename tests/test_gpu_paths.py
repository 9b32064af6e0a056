"""The GPU paths that can be checked without a GPU: what CUDA and 4-bit loading ask
transformers for, the adapter routing a 4-bit base needs (run here in fp32), and ZeroGPU's
`spaces.GPU` wrapping every GPU call of the engine with arguments that survive pickling."""

from __future__ import annotations

import pickle
import subprocess
import sys
import types
from pathlib import Path

import pytest
import torch
from transformers import BitsAndBytesConfig

from models.catalog import load_catalog
from models.chat_format import GenerationSettings
from models.engine import Engine
from models import zerogpu
from models.zerogpu import on_gpu
from models.loading import Placement

GREEDY = GenerationSettings(temperature=0, max_new_tokens=10)
CONVERSATIONS = [[{"role": "user", "content": "I feel anxious about my exams"}],
                 [{"role": "user", "content": "I can't sleep"}]]
ROOT = Path(__file__).resolve().parent.parent


def test_cpu_stays_fp32_without_device_map(monkeypatch) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    placement = Placement.choose("auto")
    assert placement == Placement("cpu", "none")
    assert placement.from_pretrained_kwargs() == {"dtype": torch.float32}


@pytest.mark.parametrize("bf16, dtype", [(True, torch.bfloat16), (False, torch.float16)])
def test_cuda_loads_in_half_precision_on_the_gpu(monkeypatch, bf16: bool, dtype: torch.dtype) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *a, **k: bf16)
    placement = Placement.choose("auto")
    assert placement.device == "cuda"
    assert placement.from_pretrained_kwargs() == {"dtype": dtype, "device_map": {"": 0}}


def test_four_bit_asks_bitsandbytes_for_nf4(monkeypatch) -> None:
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *a, **k: True)
    kwargs = Placement("cuda", "4bit").from_pretrained_kwargs()
    config = kwargs["quantization_config"]
    assert isinstance(config, BitsAndBytesConfig)
    assert config.load_in_4bit and config.bnb_4bit_quant_type == "nf4" and config.bnb_4bit_use_double_quant
    assert config.bnb_4bit_compute_dtype == torch.bfloat16 == kwargs["dtype"]


def test_four_bit_without_cuda_is_refused() -> None:
    with pytest.raises(ValueError, match="CUDA"):
        Placement("cpu", "4bit")


def test_routing_without_folding_gives_the_same_replies(tiny_catalog_path: Path) -> None:
    """A 4-bit base cannot take folded deltas, so it routes rows through adapter_names; that path
    must answer exactly as the folded one (checked in fp32 here)."""
    folded = Engine(load_catalog(tiny_catalog_path), max_context_tokens=256)
    routed = Engine(load_catalog(tiny_catalog_path), max_context_tokens=256, fold_adapters=False)
    for adapter in ("", "adapter-a", "adapter-b"):
        expected = "".join(folded.stream(CONVERSATIONS[0], adapter=adapter, settings=GREEDY))
        assert "".join(routed.stream(CONVERSATIONS[0], adapter=adapter, settings=GREEDY)) == expected
    keys = ["adapter-a", "adapter-b"]
    assert routed.generate_batch(CONVERSATIONS, keys, GREEDY) == folded.generate_batch(CONVERSATIONS, keys, GREEDY)
    assert not routed._adapters["adapter-a"].merged  # nothing was folded


def test_the_real_spaces_package_is_not_shadowed_by_the_project_folder() -> None:
    """spaces/ (deploy files) has no __init__.py: run from the project root, `import spaces` must
    still find Hugging Face's package."""
    found = subprocess.run([sys.executable, "-c", "import spaces; print(spaces.__file__, callable(spaces.GPU))"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "site-packages" in found and found.strip().endswith("True")


def test_without_zerogpu_functions_run_as_they_are(monkeypatch) -> None:
    def task() -> int:
        return 1
    assert on_gpu(task) is task  # the real package, not on a ZeroGPU Space: a no-op
    monkeypatch.setattr(zerogpu, "_spaces", types.ModuleType("spaces"))  # e.g. our namespace folder
    assert on_gpu(task) is task
    monkeypatch.setattr(zerogpu, "_spaces", None)  # not installed
    assert on_gpu(task) is task


def test_every_gpu_call_of_the_engine_goes_through_spaces_gpu(monkeypatch, tiny_catalog_path: Path) -> None:
    """Like ZeroGPU: the decorated call gets its arguments pickled (it runs in another process)."""
    import spaces

    calls: list[str] = []

    def fake_gpu(task, duration=None):
        def through_pickle(*args, **kwargs):
            calls.append(task.__name__)
            args, kwargs = pickle.loads(pickle.dumps((args, kwargs)))
            return task(*args, **kwargs)
        return through_pickle

    plain = Engine(load_catalog(tiny_catalog_path), max_context_tokens=256)
    monkeypatch.setattr(spaces, "GPU", fake_gpu)
    zero = Engine(load_catalog(tiny_catalog_path), max_context_tokens=256)
    conversation = CONVERSATIONS[0]
    assert "".join(zero.stream(conversation, "adapter-a", GREEDY)) == "".join(plain.stream(conversation, "adapter-a", GREEDY))
    assert zero.generate_batch(CONVERSATIONS, ["", "adapter-b"], GREEDY) == \
        plain.generate_batch(CONVERSATIONS, ["", "adapter-b"], GREEDY)
    example = [([1, 2, 3, 4], [-100, -100, 3, 4])]
    assert zero.token_losses(example, "adapter-a") == plain.token_losses(example, "adapter-a")
    assert calls == ["_stream_job", "_batch_job", "_losses_job"]
