"""The engine: one base model in memory, many named LoRA adapters, streaming and batches.

    engine = Engine(load_catalog())
    for text in engine.stream(messages, adapter="my-adapter"): ...
    replies = engine.generate_batch([messages_a, messages_b], adapters=["", "my-adapter"])

PEFT keeps the active adapter (and, during `generate(adapter_names=...)`, forward hooks) on
modules shared by every request, so two generations must never overlap: every call runs
behind one lock that the generating thread itself holds. Streams that arrive while the model
is busy wait and are then generated together as one batch (models/stream_batch.py). A batch
with one adapter runs with it folded into the weights (no LoRA cost per token; switching swaps
tensor references, a few milliseconds); a mixed batch restores the base weights and routes
rows with `adapter_names`. A quantised base cannot have deltas folded into its 4-bit weights,
so there every call routes through `adapter_names`.

On a ZeroGPU Space each call that touches the GPU runs inside `spaces.GPU` (models/zerogpu.py).
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import torch
from peft import PeftModel
from peft.tuners.lora import LoraLayer
from transformers import StoppingCriteriaList

from models.backend import Health, Progress, adapters_per_row
from models.catalog import BASE_MODEL_CHOICE, Catalog
from models.chat_format import GenerationSettings, Message, prompt_ids
from models.loading import (
    AdapterError,
    LoadedBase,
    check_base_matches,
    load_base,
    read_adapter_config,
    read_adapter_weights,
    resolve_adapter,
)
from models.stream_batch import END, PendingStreams, RowStreamer, StopRows, StreamRequest
from models.zerogpu import on_gpu


BASE_ROW = "__base__"  # peft's name for "no adapter" in adapter_names

# ZeroGPU pickles a GPU call's arguments into a forked worker, so the calls below name their
# engine and stop event by id; the worker finds them in its copy of these registries.
_ENGINES: weakref.WeakValueDictionary[str, Engine] = weakref.WeakValueDictionary()
_STOPS: weakref.WeakValueDictionary[str, threading.Event] = weakref.WeakValueDictionary()


@dataclass(frozen=True)
class RunStats:
    """What the last generate call did: for benchmarks, and to check that Stop stopped it."""

    new_tokens: int
    seconds: float
    stopped: bool


@dataclass
class _Adapter:
    name: str  # PEFT's name (module-dict safe)
    merged: dict[torch.nn.Module, torch.nn.Parameter] | None = None
    merged_bytes: int = 0


@dataclass
class Engine:
    """Owns the weights. Thread-safe: the UI, the survey and training all call it directly."""

    catalog: Catalog
    base_key: str | None = None
    max_context_tokens: int = 2048  # prompt + reply; small CPU models slow down past this
    loader: Callable = load_base
    # Merged weights kept per adapter make a switch a reference swap (~53 MB per q,v adapter
    # on SmolLM2); past this budget they are recomputed at each switch (tens of ms).
    merged_cache_bytes: int = 512 * 2**20
    _base: LoadedBase | None = field(default=None, init=False, repr=False)
    _peft: PeftModel | None = field(default=None, init=False, repr=False)
    _adapters: dict[str, _Adapter] = field(default_factory=dict, init=False)
    _merged: str = field(default=BASE_MODEL_CHOICE, init=False)  # adapter folded into the weights
    _base_weights: dict[torch.nn.Module, torch.nn.Parameter] = field(default_factory=dict, init=False, repr=False)
    last_run: RunStats | None = field(default=None, init=False)
    _load_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _generate_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    fold_adapters: bool = True  # False: route through PEFT's adapter_names (forced for a quantised base)
    max_stream_batch: int = 16  # concurrent streams generated together (the app sets its concurrency)

    def __post_init__(self) -> None:
        self.base_key = self.base_key or self.catalog.default_base
        if self.base_key not in self.catalog.bases:
            raise ValueError(f"unknown base {self.base_key!r}; the catalog has {sorted(self.catalog.bases)}")
        self._pending = PendingStreams(self.max_stream_batch)
        self._id = uuid.uuid4().hex
        _ENGINES[self._id] = self
        self._gpu_stream, self._gpu_batch, self._gpu_losses = (
            on_gpu(_stream_job), on_gpu(_batch_job), on_gpu(_losses_job))

    # -- loading -----------------------------------------------------------------------

    @property
    def base(self) -> LoadedBase:
        """The base model, loaded on first use (so importing the app stays cheap)."""
        if self._base is None:
            with self._load_lock:
                if self._base is None:
                    loaded = self.loader(self.catalog.bases[self.base_key])
                    if loaded.tokenizer.pad_token_id is None:
                        loaded.tokenizer.pad_token = loaded.tokenizer.eos_token
                    self._base = loaded
        return self._base

    def load(self) -> LoadedBase:
        """Load the base now (the app does this before serving), instead of on first use."""
        return self.base

    @property
    def model(self) -> torch.nn.Module:
        return self._peft if self._peft is not None else self.base.model

    @property
    def _folds(self) -> bool:
        """Whether adapters are folded into the weights (not possible for a 4-bit base)."""
        return self.fold_adapters and getattr(self.base.model, "hf_quantizer", None) is None

    def _routing(self, keys: list[str]) -> dict:
        """generate/forward kwargs that send each row through its adapter (or the base)."""
        if self._peft is None:
            return {}
        return {"adapter_names": [self._adapters[k].name if k else BASE_ROW for k in keys]}

    @property
    def loaded_adapters(self) -> list[str]:
        return list(self._adapters)

    def health(self) -> Health:
        """In-process: ready once the base is loaded (it loads on first use otherwise)."""
        base = self.catalog.bases[self.base_key].name
        if self._base is None:
            return Health(True, f"local: {base}, loaded on first use")
        adapters = ", ".join(self._adapters) or "none"
        return Health(True, f"local: {base} on {self._base.model.device}; adapters: {adapters}")

    def load_adapter(self, key: str, progress: Progress | None = None) -> str:
        """Make an adapter ready; `key` is a catalog key, a Hub repo id or a local folder.

        Raises AdapterError with a message for the user; the shared model is unchanged then.
        """
        key = key.strip()
        if key == BASE_MODEL_CHOICE or key in self._adapters:
            return key
        report = progress or (lambda fraction, text: None)
        spec = self.catalog.adapters.get(key)
        label = spec.name if spec else key
        if spec and spec.base not in (None, self.base_key):
            raise AdapterError(f"{label} is for base {spec.base!r}; this app runs {self.base_key!r}.")
        report(0.1, f"Fetching {label}")
        folder = resolve_adapter(spec.source if spec else key, spec.revision if spec else None)
        report(0.4, f"Checking {label}")
        config = read_adapter_config(folder)
        base = self.base
        check_base_matches(config, base, label)
        _check_weights(folder)
        report(0.7, f"Loading {label}")
        with self._load_lock, self._generate_lock:
            if key in self._adapters:
                return key
            name = f"adapter_{len(self._adapters)}"
            self._attach(name, folder, label)
            self._adapters[key] = _Adapter(name=name)
            if self._folds:
                self._merged_weights(key)  # now, so that the first switch is a swap too
        report(1.0, f"{label} is ready")
        return key

    def _attach(self, name: str, folder: Path, label: str) -> None:
        try:
            if self._peft is None:
                self._peft = PeftModel.from_pretrained(self.base.model, str(folder), adapter_name=name)
                self._peft.eval()
            else:
                self._fold_in(BASE_MODEL_CHOICE)
                self._peft.load_adapter(str(folder), adapter_name=name)
        except Exception as error:  # anything here must leave the shared model usable
            self._detach_failed(name)
            raise AdapterError(f"{label} could not be loaded: {error}") from None

    def _detach_failed(self, name: str) -> None:
        if self._peft is not None and name in self._peft.peft_config:
            if len(self._peft.peft_config) == 1:
                self._peft.unload()  # restores the base's own modules
                self._peft = None
            else:
                self._peft.delete_adapter(name)
        elif self._peft is None and self._base is not None:
            # from_pretrained failed after wrapping layers in place: reload a clean base.
            self._base = None

    # -- generation ----------------------------------------------------------------------

    def stream(self, messages: list[Message], adapter: str = BASE_MODEL_CHOICE,
               settings: GenerationSettings = GenerationSettings(),
               stop: threading.Event | None = None) -> Iterator[str]:
        """Yield the reply's text piece by piece; setting `stop` (or closing) ends generation."""
        key = self.load_adapter(adapter)
        stop = stop or threading.Event()
        stop_id = uuid.uuid4().hex
        _STOPS[stop_id] = stop
        try:
            yield from self._gpu_stream(self._id, messages, key, settings, stop_id)
        finally:
            stop.set()  # the consumer stopped listening: stop the generating thread as well

    def _stream_here(self, messages: list[Message], key: str, settings: GenerationSettings,
                     stop: threading.Event) -> Iterator[str]:
        settings = settings.clamped()
        ids = prompt_ids(self.base.tokenizer, messages, self._prompt_budget(settings))
        request = StreamRequest(ids, key, settings, stop)
        self._pending.add(request)
        # Each request brings a thread; whichever gets the model serves a batch of those waiting.
        threading.Thread(target=self._serve_waiting, name="generate", daemon=True).start()
        try:
            yield from _coalesced(request.pieces)
        finally:
            stop.set()  # the consumer stopped listening: end this row

    def _serve_waiting(self) -> None:
        with self._generate_lock:
            batch = self._pending.take()
            if not batch:
                return  # an earlier batch took this thread's request
            streamer = RowStreamer(self.base.tokenizer, batch, self._eos_ids())
            try:
                self._generate_rows(batch, streamer)
            except BaseException as error:  # surfaced to every consumer of the batch
                for request in batch:
                    request.pieces.put(error)
            finally:
                streamer.end()

    def _generate_rows(self, batch: list[StreamRequest], streamer: RowStreamer) -> None:
        input_ids, mask = self._left_padded([r.ids for r in batch])
        keys = {r.key for r in batch}
        stops = [r.stop for r in batch]
        if self._folds and len(keys) == 1:
            self._fold_in(batch[0].key)
            with self._adapters_off():
                self._generate(input_ids, batch[0].settings, stops, attention_mask=mask, streamer=streamer)
        else:
            self._fold_in(BASE_MODEL_CHOICE)
            self._generate(input_ids, batch[0].settings, stops, attention_mask=mask, streamer=streamer,
                           **self._routing([r.key for r in batch]))

    def _left_padded(self, rows: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
        width = max(len(r) for r in rows)
        pad = self.base.tokenizer.pad_token_id
        return (torch.tensor([[pad] * (width - len(r)) + r for r in rows]),
                torch.tensor([[0] * (width - len(r)) + [1] * len(r) for r in rows]))

    def _eos_ids(self) -> set[int]:
        configured = self.base.model.generation_config.eos_token_id
        ids = set(configured if isinstance(configured, list) else [configured])
        return {i for i in ids | {self.base.tokenizer.eos_token_id} if i is not None}

    def generate_batch(self, conversations: list[list[Message]], adapters: list[str] | None = None,
                       settings: GenerationSettings = GenerationSettings(),
                       batch_size: int = 8) -> list[str]:
        """One reply per conversation; row i uses adapters[i] (a key, or "" for the base)."""
        adapters = adapters_per_row(conversations, adapters)
        keys = [self.load_adapter(a) for a in adapters]
        return self._gpu_batch(self._id, conversations, keys, settings, batch_size)

    def _generate_batch_here(self, conversations: list[list[Message]], keys: list[str],
                             settings: GenerationSettings, batch_size: int) -> list[str]:
        settings = settings.clamped()
        tokenizer = self.base.tokenizer
        prompts = [prompt_ids(tokenizer, m, self._prompt_budget(settings)) for m in conversations]
        replies: list[str] = []
        with self._generate_lock:
            self._fold_in(BASE_MODEL_CHOICE)
            for start in range(0, len(prompts), batch_size):
                rows = prompts[start:start + batch_size]
                input_ids, mask = self._left_padded(rows)
                width = input_ids.shape[1]
                output = self._generate(input_ids, settings, [threading.Event()] * len(rows), attention_mask=mask,
                                        **self._routing(keys[start:start + batch_size]))
                replies += tokenizer.batch_decode(output[:, width:], skip_special_tokens=True)
        return [r.strip() for r in replies]

    def token_losses(self, examples: list[tuple[list[int], list[int]]], adapter: str = BASE_MODEL_CHOICE,
                     batch_size: int = 8) -> list[tuple[float, int]]:
        """(summed negative log-likelihood, tokens) of each example's labelled tokens (labels -100 are skipped):
        perplexity of reference answers under the base or an adapter."""
        return self._gpu_losses(self._id, examples, self.load_adapter(adapter), batch_size)

    def _token_losses_here(self, examples: list[tuple[list[int], list[int]]], key: str,
                           batch_size: int) -> list[tuple[float, int]]:
        pad = self.base.tokenizer.pad_token_id
        results: list[tuple[float, int]] = []
        with self._generate_lock, torch.inference_mode():
            self._fold_in(BASE_MODEL_CHOICE)
            for start in range(0, len(examples), batch_size):
                rows = examples[start:start + batch_size]
                width = max(len(ids) for ids, _ in rows)
                input_ids = torch.tensor([ids + [pad] * (width - len(ids)) for ids, _ in rows])
                labels = torch.tensor([lab + [-100] * (width - len(lab)) for _, lab in rows])
                mask = (torch.arange(width)[None, :] < torch.tensor([len(ids) for ids, _ in rows])[:, None]).long()
                device = self.base.model.device
                logits = self.model(input_ids=input_ids.to(device), attention_mask=mask.to(device),
                                    **self._routing([key] * len(rows))).logits[:, :-1]
                target = labels[:, 1:].to(device)
                nll = torch.nn.functional.cross_entropy(logits.transpose(1, 2).float(), target, ignore_index=-100,
                                                        reduction="none")
                counts = (target != -100).sum(dim=1)
                results += [(float(n), int(c)) for n, c in zip(nll.sum(dim=1), counts, strict=True)]
        return results

    def _prompt_budget(self, settings: GenerationSettings) -> int:
        limit = min(self.max_context_tokens,
                    getattr(self.base.model.config, "max_position_embeddings", None) or self.max_context_tokens)
        return max(limit - settings.max_new_tokens, 16)

    def _generate(self, input_ids: torch.Tensor, settings: GenerationSettings, stops: list[threading.Event],
                  **kwargs) -> torch.Tensor:
        if settings.seed is not None:
            torch.manual_seed(settings.seed)
        kwargs.setdefault("attention_mask", torch.ones_like(input_ids))
        device = self.base.model.device
        input_ids, kwargs["attention_mask"] = input_ids.to(device), kwargs["attention_mask"].to(device)
        start = time.perf_counter()
        criterion = StopRows(stops)
        with torch.inference_mode():
            output = self.model.generate(
                input_ids=input_ids, stopping_criteria=StoppingCriteriaList([criterion]),
                pad_token_id=self.base.tokenizer.pad_token_id, **settings.generate_kwargs(), **kwargs)
        self.last_run = RunStats(new_tokens=output.shape[1] - input_ids.shape[1],
                                 seconds=time.perf_counter() - start, stopped=criterion.fired)
        return output

    # The helpers below run with _generate_lock held.
    def _adapters_off(self) -> contextlib.AbstractContextManager:
        """LoRA layers skip their own computation (the active adapter is folded in already)."""
        return self._peft.disable_adapter() if self._peft is not None else contextlib.nullcontext()

    def _fold_in(self, key: str) -> None:
        """Point each LoRA-wrapped layer at base weight + that adapter's delta, or back at the base.

        Unlike peft's merge/unmerge, the base tensors are never written to: switching swaps
        parameter references (merged tensors are computed once per adapter and kept within
        merged_cache_bytes), so repeated switches cannot drift.
        """
        if self._peft is None or self._merged == key:
            return
        for layer, original in self._base_weights.items():
            layer.weight = original
        self._base_weights.clear()
        self._merged = BASE_MODEL_CHOICE
        if not key:
            return
        for layer, merged in self._merged_weights(key).items():
            self._base_weights[layer] = layer.weight
            layer.weight = merged
        self._merged = key

    def _merged_weights(self, key: str) -> dict[torch.nn.Module, torch.nn.Parameter]:
        """Base + delta for every layer the adapter touches; kept while they fit the budget."""
        adapter = self._adapters[key]
        if adapter.merged is not None:
            return adapter.merged
        merged = {}
        for module in self._peft.modules():
            if isinstance(module, LoraLayer) and adapter.name in module.lora_A:
                layer = module.get_base_layer()
                weight = layer.weight.detach() + module.get_delta_weight(adapter.name).to(layer.weight.dtype)
                merged[layer] = torch.nn.Parameter(weight, requires_grad=False)
        size = sum(w.numel() * w.element_size() for w in merged.values())
        cached = sum(a.merged_bytes for a in self._adapters.values())
        if cached + size <= self.merged_cache_bytes:
            adapter.merged, adapter.merged_bytes = merged, size
        return merged


def _coalesced(pieces: queue.SimpleQueue) -> Iterator[str]:
    """A row's text as it comes; what piled up while the consumer was busy comes as one piece, so a
    slow consumer (a web page under load) gets fewer, larger updates instead of falling behind."""
    while True:
        text, piece = "", pieces.get()
        while True:
            if isinstance(piece, BaseException):
                raise piece
            if piece is END:
                if text:
                    yield text
                return
            text += piece
            try:
                piece = pieces.get_nowait()
            except queue.Empty:
                break
        yield text


def _stream_job(engine_id: str, messages: list[Message], key: str, settings: GenerationSettings,
                stop_id: str) -> Iterator[str]:
    """Engine.stream's GPU part; in a ZeroGPU worker the stop event is not shared, so Stop ends the
    stream the user sees while the worker finishes its (bounded) reply."""
    stop = _STOPS.get(stop_id) or threading.Event()
    yield from _ENGINES[engine_id]._stream_here(messages, key, settings, stop)


def _batch_job(engine_id: str, conversations: list[list[Message]], keys: list[str],
               settings: GenerationSettings, batch_size: int) -> list[str]:
    return _ENGINES[engine_id]._generate_batch_here(conversations, keys, settings, batch_size)


def _losses_job(engine_id: str, examples: list[tuple[list[int], list[int]]], key: str,
                batch_size: int) -> list[tuple[float, int]]:
    return _ENGINES[engine_id]._token_losses_here(examples, key, batch_size)


def _check_weights(folder: Path) -> None:
    """Read the adapter's tensors before touching the model, so a corrupt file changes nothing."""
    weights = read_adapter_weights(folder)
    if not weights:
        raise AdapterError(f"The adapter weights file in {folder} holds no tensors.")
