"""What the chat, `survey build` and `training evaluate` need from whatever generates the text.

Two backends implement it: `local` (models/engine.py: the weights in this process) and `openai`
(models/openai_backend.py: any OpenAI-compatible server, such as vLLM, TGI, SGLang or llama.cpp's
llama-server, which the app can also start and watch itself, models/llama_server.py). Callers hold
a `Backend`, never a concrete class, so a deployment moves to a server by a setting, not a change.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from models.catalog import BASE_MODEL_CHOICE, Catalog
from models.chat_format import GenerationSettings, Message

Progress = Callable[[float, str], None]


def adapters_per_row(conversations: list[list[Message]], adapters: list[str] | None) -> list[str]:
    """`generate_batch`'s adapters: one per conversation, or the base for every one when none are given."""
    adapters = adapters or [BASE_MODEL_CHOICE] * len(conversations)
    if len(adapters) != len(conversations):
        raise ValueError("generate_batch needs one adapter per conversation")
    return adapters


class BackendError(RuntimeError):
    """The model server failed (down, slow, refused); the message is meant for the person chatting."""


@dataclass(frozen=True)
class Health:
    ok: bool
    detail: str  # what is served, or what is wrong, in words


@runtime_checkable
class Backend(Protocol):
    """Generation with named LoRA adapters ("" is the base), by catalog key, Hub id or folder."""

    catalog: Catalog
    base_key: str

    def load(self) -> object:
        """Be ready to serve (load weights, reach the server); called before the first visitor."""

    @property
    def loaded_adapters(self) -> list[str]:
        """The adapters that can be used now without loading anything."""

    def load_adapter(self, key: str, progress: Progress | None = None) -> str:
        """Make an adapter ready and return its key; raises AdapterError with a message for the user."""

    def stream(self, messages: list[Message], adapter: str = BASE_MODEL_CHOICE,
               settings: GenerationSettings = GenerationSettings(),
               stop: threading.Event | None = None) -> Iterator[str]:
        """Yield the reply piece by piece; setting `stop` (or closing the iterator) ends generation."""

    def generate_batch(self, conversations: list[list[Message]], adapters: list[str] | None = None,
                       settings: GenerationSettings = GenerationSettings(),
                       batch_size: int = 8) -> list[str]:
        """One whole reply per conversation; row i uses adapters[i]."""

    def health(self) -> Health:
        """Whether a reply can be generated now, and what is served."""
