"""PEFT LoRA adapters as GGUF LoRA files, the form llama.cpp's llama-server loads with `--lora`.

A PEFT adapter stores lora_A (r x in) and lora_B (out x r) per target module under Hugging Face
names; llama.cpp wants the same matrices under GGUF tensor names (`blk.3.attn_q.weight.lora_a`),
with `adapter.lora.alpha` so that it scales by alpha / r as PEFT does. One catch: when a Llama
checkpoint becomes GGUF, the rows of q_proj and k_proj are permuted (llama.cpp's RoPE pairs
neighbouring rows, Hugging Face pairs row i with row i + head_dim/2), so lora_B of q and k must
be permuted the same way, or the adapter lands on the wrong rows and still "works", badly.

Only what can be converted exactly is: a Llama-architecture base, plain LoRA on linear layers.
Anything else (DoRA, rsLoRA, per-module alphas, embeddings, saved full modules) is refused with a
message. Converted files are cached by the content of the adapter's files, so each converts once.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import gguf
import numpy as np

from models.loading import (
    ADAPTER_CONFIG,
    AdapterError,
    cache_dir,
    check_adapter_folder,
    read_adapter_config,
    read_adapter_weights,
)

CONVERTER_VERSION = "1"  # part of the cache key: a fix to the conversion reconverts every adapter
ARCHITECTURES = ("llama",)  # GGUF architectures whose q/k permutation this module knows
PERMUTED = {"q_proj": "n_head", "k_proj": "n_head_kv"}  # module -> the head count its rows are grouped by
PEFT_TENSOR = re.compile(r"^base_model\.model\.(?P<module>.+)\.lora_(?P<part>A|B)(?:\.[\w-]+)?\.weight$")
# adapter_config.json settings a GGUF LoRA file cannot express, with what they mean.
UNSUPPORTED = {
    "use_dora": "DoRA (weight-decomposed LoRA)",
    "use_rslora": "rsLoRA (rank-stabilised scaling)",
    "alpha_pattern": "a different lora_alpha per module",
    "modules_to_save": "fully trained modules saved beside the LoRA weights",
    "trainable_token_indices": "trained token embeddings",
    "lora_bias": "LoRA bias terms",
    "alora_invocation_tokens": "activated LoRA (aLoRA)",
    "target_parameters": "LoRA on parameters instead of modules",
    "fan_in_fan_out": "Conv1D (GPT-2 style) layers",
}


@dataclass(frozen=True)
class GgufBase:
    """What a conversion needs to know about the base GGUF llama-server will load."""

    architecture: str
    n_head: int
    n_head_kv: int
    n_layers: int
    shapes: dict[str, tuple[int, ...]]  # GGUF tensor name -> shape in PyTorch order (out, in)

    @classmethod
    def read(cls, path: Path) -> GgufBase:
        """Read once per server start: parsing a GGUF's metadata (its vocabulary) takes ~2 s."""
        reader = gguf.GGUFReader(path)

        def value(key: str) -> object:
            found = reader.get_field(key)
            if found is None:
                raise AdapterError(f"{path.name} has no {key}: it is not a model GGUF that adapters can target.")
            return found.contents()

        arch = str(value(gguf.Keys.General.ARCHITECTURE))
        if arch not in ARCHITECTURES:
            raise AdapterError(f"{path.name} is a {arch!r} model; LoRA adapters can be converted for "
                               f"{', '.join(ARCHITECTURES)} bases only.")
        n_head = int(value(gguf.Keys.Attention.HEAD_COUNT.format(arch=arch)))
        kv = reader.get_field(gguf.Keys.Attention.HEAD_COUNT_KV.format(arch=arch))
        return cls(architecture=arch, n_head=n_head, n_head_kv=int(kv.contents()) if kv else n_head,
                   n_layers=int(value(gguf.Keys.LLM.BLOCK_COUNT.format(arch=arch))),
                   shapes={t.name: tuple(int(d) for d in reversed(t.shape)) for t in reader.tensors})

    @property
    def fingerprint(self) -> str:
        """What the converted file depends on besides the adapter (the quantisation does not matter)."""
        return f"{self.architecture}-{self.n_head}-{self.n_head_kv}-{self.n_layers}"


def converted_lora(folder: Path, base: GgufBase, cache: Path | None = None) -> Path:
    """The GGUF LoRA file for a PEFT adapter folder, converted on first use and cached under
    `cache` (default: cache_dir()/gguf-lora); raises AdapterError for what cannot be converted."""
    folder = check_adapter_folder(Path(folder))
    target = (cache or cache_dir() / "gguf-lora") / f"{_fingerprint(folder, base)}.gguf"
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, staging = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".gguf", dir=target.parent)
    os.close(handle)
    try:
        write_gguf_lora(folder, base, Path(staging))
        os.replace(staging, target)  # atomic: a half-written file is never taken for a cache hit
    finally:
        Path(staging).unlink(missing_ok=True)
    return target


def write_gguf_lora(folder: Path, base: GgufBase, target: Path) -> None:
    """Convert without caching: the tensors checked against the base, q/k rows permuted."""
    config = read_adapter_config(folder)
    refused = [what for key, what in UNSUPPORTED.items() if config.get(key)]
    if refused:
        raise AdapterError(f"{folder.name} uses {', '.join(refused)}, which llama.cpp's LoRA files cannot "
                           "express; use the local backend for this adapter.")
    names = gguf.get_tensor_name_map(gguf.MODEL_ARCH.LLAMA, base.n_layers)
    writer = gguf.GGUFWriter(target, base.architecture)
    writer.add_type(gguf.GGUFType.ADAPTER)
    writer.add_string(gguf.Keys.Adapter.TYPE, "lora")
    writer.add_float32(gguf.Keys.Adapter.LORA_ALPHA, float(config.get("lora_alpha", 8)))  # 8: PEFT.s default
    for module, (lora_a, lora_b) in sorted(_pairs(folder).items()):
        name = names.get_name(f"{module}.weight", try_suffixes=(".weight",))
        if name is None or name not in base.shapes:
            raise AdapterError(f"{folder.name} adapts {module}, which the base GGUF does not have "
                               "(an adapter for another model?).")
        rows, columns = base.shapes[name]
        if lora_a.shape[1] != columns or lora_b.shape[0] != rows or lora_a.shape[0] != lora_b.shape[1]:
            raise AdapterError(f"{folder.name}: the LoRA weights of {module} ({lora_b.shape[0]}x{lora_a.shape[1]}) "
                               f"do not fit the base's {rows}x{columns}: an adapter for another model?")
        heads = PERMUTED.get(module.rsplit(".", 1)[-1])
        if heads:
            lora_b = permute_rows(lora_b, getattr(base, heads))
        writer.add_tensor(f"{name}.lora_a", np.ascontiguousarray(lora_a, dtype=np.float32))
        writer.add_tensor(f"{name}.lora_b", np.ascontiguousarray(lora_b, dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def permute_rows(weights: np.ndarray, n_head: int) -> np.ndarray:
    """Hugging Face's rotary row order -> llama.cpp's, as the base's q/k weights were converted:
    within each head, rows (i, i + head_dim/2) become neighbours (2i, 2i + 1)."""
    rows = weights.shape[0]
    return weights.reshape(n_head, 2, rows // n_head // 2, *weights.shape[1:]).swapaxes(1, 2).reshape(weights.shape)


def _pairs(folder: Path) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """module name (as in the base's checkpoint) -> (lora_A, lora_B)."""
    parts: dict[str, dict[str, np.ndarray]] = {}
    for key, tensor in _weights(folder).items():
        if "lora_embedding" in key or "embed_tokens" in key or "lm_head" in key:
            raise AdapterError(f"{folder.name} adapts the token embeddings or the output layer ({key}), "
                               "which llama-server cannot apply to this base; use the local backend.")
        match = PEFT_TENSOR.match(key)
        if match is None:
            raise AdapterError(f"{folder.name} holds {key}, which is not a LoRA A or B matrix.")
        parts.setdefault(match["module"], {})[match["part"]] = tensor
    missing = [module for module, found in parts.items() if set(found) != {"A", "B"}]
    if missing:
        raise AdapterError(f"{folder.name} lacks lora_A or lora_B for {', '.join(sorted(missing))}.")
    return {module: (found["A"], found["B"]) for module, found in parts.items()}


def _weights(folder: Path) -> dict[str, np.ndarray]:
    return {key: tensor.float().numpy() for key, tensor in read_adapter_weights(folder).items()}  # bf16: no numpy


def _fingerprint(folder: Path, base: GgufBase) -> str:
    digest = hashlib.sha256(f"{CONVERTER_VERSION}|{base.fingerprint}".encode())
    for name in (ADAPTER_CONFIG, "adapter_model.safetensors", "adapter_model.bin"):
        path = folder / name
        if path.is_file():
            digest.update(name.encode())
            with path.open("rb") as data:
                for block in iter(lambda: data.read(2**20), b""):
                    digest.update(block)
    return f"{folder.name}-{digest.hexdigest()[:16]}"
