"""The `openai` backend: replies from any OpenAI-compatible chat-completions server.

vLLM (`--enable-lora`), TGI (`LORA_ADAPTERS`), SGLang (`--lora-paths`) and llama.cpp's
llama-server all serve one base with many LoRA adapters behind `/v1/chat/completions`, with
continuous batching: that is what lets a demo or a study outgrow one machine (docs/serving.md).
vLLM, TGI and SGLang pick the adapter by the request's `model` (the catalog's `served_name`);
llama-server by a `lora` field naming the adapter's slot (`LoraSlots`, models/llama_server.py).

The maintained `openai` client does the HTTP, the SSE parsing and the retries, which it only
makes before a response has started, so a reply is never sent twice. Closing the stream closes
the connection, and the server then stops generating that reply and frees its slot.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx
import openai

from models.backend import BackendError, Health, Progress, adapters_per_row
from models.catalog import BASE_MODEL_CHOICE, Catalog
from models.chat_format import GenerationSettings, Message
from models.loading import AdapterError, resolve_adapter

# What the person chatting reads when the server fails; the operator's log gets the detail.
UNREACHABLE = "The model server cannot be reached just now. Please try again in a minute."
FAILED = "The model server could not answer ({detail}). Please try again."
CUT_OFF = "The model server stopped in the middle of this reply. Please send your message again."
REFUSED = ("The model server could not take this conversation; if it has gone on for long, it may be longer "
           "than the model can read. Please start a new chat.")

# How a request names its adapter: the model name and any extra request fields.
Routing = Callable[[str], tuple[str, dict]]


@dataclass
class OpenAIBackend:
    """Generation through a server; thread-safe (the client pools its connections)."""

    catalog: Catalog
    base_url: str
    base_key: str | None = None
    api_key: str = field(default="", repr=False)  # a secret: never printed
    timeout: float = 60.0  # seconds to connect and between streamed chunks
    concurrency: int = 8  # requests `generate_batch` keeps in flight; the server batches them
    routing: Routing | None = None  # default: the adapter's served name as the request's model
    runtime_loading: bool = True  # try vLLM's /v1/load_lora_adapter for adapters the server lacks
    _runtime: dict[str, str] = field(default_factory=dict, init=False)  # key -> served name, loaded at run time

    def __post_init__(self) -> None:
        self.base_key = self.base_key or self.catalog.default_base
        if self.base_key not in self.catalog.bases:
            raise ValueError(f"unknown base {self.base_key!r}; the catalog has {sorted(self.catalog.bases)}")
        self.client = openai.OpenAI(base_url=self.base_url.rstrip("/"), api_key=self.api_key or "none",
                                    timeout=httpx.Timeout(self.timeout, connect=min(self.timeout, 10.0)),
                                    max_retries=2)
        self.routing = self.routing or self._by_model_name

    # -- what is served ------------------------------------------------------------------

    def served_models(self) -> list[str]:
        """The model names the server lists (raises BackendError when it cannot be reached)."""
        try:
            return [m.id for m in self.client.models.list()]
        except openai.APIConnectionError:
            raise BackendError(UNREACHABLE) from None
        except openai.APIStatusError as error:
            raise BackendError(FAILED.format(detail=f"HTTP {error.status_code}")) from None

    def _by_model_name(self, key: str) -> tuple[str, dict]:
        if key == BASE_MODEL_CHOICE:
            return self.catalog.bases[self.base_key].served, {}
        spec = self.catalog.adapters.get(key)
        return (spec.served if spec else self._runtime.get(key, key)), {}

    def load(self) -> Health:
        """Check that the server answers and serves the base (the app calls this before serving)."""
        health = self.health()
        if not health.ok:
            raise BackendError(health.detail)
        return health

    def health(self) -> Health:
        try:
            served = self.served_models()
        except BackendError as error:
            return Health(False, f"{self.base_url}: {error}")
        return Health(True, f"{self.base_url} serves {', '.join(served) or 'nothing'}")

    @property
    def loaded_adapters(self) -> list[str]:
        try:
            served = set(self.served_models())
        except BackendError:
            return []
        ready = []
        for key in [*self.catalog.adapters, *self._runtime]:
            try:
                if self.routing(key)[0] in served:
                    ready.append(key)
            except AdapterError:  # an adapter the routing does not know
                continue
        return ready

    def load_adapter(self, key: str, progress: Progress | None = None) -> str:
        """A catalog adapter the server serves, or one it loads now (vLLM with runtime LoRA updating);
        otherwise an AdapterError that lists what the server serves."""
        key = key.strip()
        if key == BASE_MODEL_CHOICE or key in self._runtime:
            return key
        spec = self.catalog.adapters.get(key)
        if spec and spec.base not in (None, self.base_key):
            raise AdapterError(f"{spec.name} is for base {spec.base!r}; this app runs {self.base_key!r}.")
        model, _ = self.routing(key)  # a routing that knows its adapters refuses an unknown one here
        served = self.served_models()
        if model in served:
            return key
        if self.runtime_loading:
            report = progress or (lambda fraction, text: None)
            report(0.3, f"Asking the model server to load {key}")
            if self._load_on_server(model, spec.source if spec else key):
                self._runtime[key] = model
                report(1.0, f"{key} is ready")
                return key
        raise AdapterError(f"The model server does not serve {spec.name if spec else key!r} and cannot load "
                           f"adapters while running; it serves: {', '.join(served) or 'nothing'}.")

    def _load_on_server(self, model: str, source: str) -> bool:
        """vLLM's runtime LoRA loading (VLLM_ALLOW_RUNTIME_LORA_UPDATING=True); False where the server has none.
        A Hub id or folder is resolved here, so the server must share this machine's file system."""
        path = str(resolve_adapter(source)) if "/" in source else source
        try:
            self.client.post("/load_lora_adapter", body={"lora_name": model, "lora_path": path},
                             cast_to=httpx.Response)
        except openai.NotFoundError:
            return False
        except openai.APIStatusError as error:
            if error.status_code in (404, 405, 501):
                return False
            raise AdapterError(f"The model server could not load {model}: {error.message}") from None
        except openai.APIConnectionError:
            raise BackendError(UNREACHABLE) from None
        return True

    # -- generation ----------------------------------------------------------------------

    def _request(self, messages: list[Message], adapter: str, settings: GenerationSettings) -> dict:
        settings = settings.clamped()
        model, extra = self.routing(adapter)  # type: ignore[misc]
        request = {"model": model, "messages": messages, "temperature": settings.temperature,
                   "top_p": settings.top_p, "max_tokens": settings.max_new_tokens}
        if settings.seed is not None:
            request["seed"] = settings.seed
        if extra:
            request["extra_body"] = extra
        return request

    def _create(self, **request):
        try:
            return self.client.chat.completions.create(**request)
        except openai.NotFoundError:
            raise AdapterError(f"The model server does not serve {request['model']!r}.") from None
        except openai.BadRequestError:  # llama-server and vLLM refuse a prompt longer than their context
            raise BackendError(REFUSED) from None
        except (openai.APIConnectionError, openai.APITimeoutError):
            raise BackendError(UNREACHABLE) from None
        except openai.APIStatusError as error:
            raise BackendError(FAILED.format(detail=f"HTTP {error.status_code}")) from None

    def stream(self, messages: list[Message], adapter: str = BASE_MODEL_CHOICE,
               settings: GenerationSettings = GenerationSettings(),
               stop: threading.Event | None = None) -> Iterator[str]:
        """Yield the reply as the server streams it; `stop` or closing ends the request on the server."""
        stop = stop or threading.Event()
        response = self._create(stream=True, **self._request(messages, adapter, settings))
        try:
            for chunk in response:
                if stop.is_set():
                    break
                text = chunk.choices[0].delta.content if chunk.choices else None
                if text:
                    yield text
        except (openai.APIError, httpx.HTTPError):
            raise BackendError(CUT_OFF) from None
        finally:
            response.close()  # the server sees the connection go and stops generating

    def generate_batch(self, conversations: list[list[Message]], adapters: list[str] | None = None,
                       settings: GenerationSettings = GenerationSettings(),
                       batch_size: int = 8) -> list[str]:
        """Bounded concurrent requests: the server's continuous batching does the batching."""
        adapters = adapters_per_row(conversations, adapters)
        for key in set(adapters):
            self.load_adapter(key)

        def one(row: tuple[list[Message], str]) -> str:
            completion = self._create(**self._request(row[0], row[1], settings))
            return (completion.choices[0].message.content or "").strip()

        with ThreadPoolExecutor(max_workers=max(1, self.concurrency)) as pool:
            return list(pool.map(one, zip(conversations, adapters, strict=True)))
