"""Concurrent chat streams served together: the requests waiting while the model is busy are
generated as one left-padded batch, and each row's tokens are sent to its own consumer.

On a CPU a batch of 8 short replies costs little more than one (matrix products are cheap next
to reading the weights), so twenty people chatting at once wait for a few batches, not for
twenty replies in a row.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field

import torch
from transformers import PreTrainedTokenizerBase, StoppingCriteria
from transformers.generation.streamers import BaseStreamer

from models.chat_format import GenerationSettings

END = object()  # a consumer's queue ends with this (or with the exception that ended the batch)


@dataclass(eq=False)
class StreamRequest:
    """One stream waiting for, or taking part in, a batch."""

    ids: list[int]
    key: str  # adapter key, "" for the base
    settings: GenerationSettings
    stop: threading.Event
    pieces: queue.SimpleQueue = field(default_factory=queue.SimpleQueue)


class StopRows(StoppingCriteria):
    """Ends each row when its own event is set (Stop, or its consumer went away); the batch goes on."""

    def __init__(self, events: list[threading.Event]):
        self.events = events
        self.fired = False  # whether an event ended a row during generation (not set afterwards)

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor, **kwargs) -> torch.BoolTensor:
        flags = [event.is_set() for event in self.events]
        self.fired = self.fired or any(flags)
        return torch.tensor(flags, dtype=torch.bool, device=input_ids.device)


class RowStreamer(BaseStreamer):
    """generate() hands it each step's tokens for the whole batch; each row's new text goes to its
    request's queue as soon as it decodes to whole characters."""

    def __init__(self, tokenizer: PreTrainedTokenizerBase, requests: list[StreamRequest], eos_ids: set[int]):
        self.tokenizer, self.requests, self.eos_ids = tokenizer, requests, eos_ids
        self.tokens: list[list[int]] = [[] for _ in requests]
        self.sent = [""] * len(requests)
        self.done = [False] * len(requests)
        self.prompt_seen = False

    def put(self, value: torch.Tensor) -> None:
        if not self.prompt_seen:  # the first call carries the prompts
            self.prompt_seen = True
            return
        for row, token in enumerate(value.reshape(len(self.requests), -1)[:, -1].tolist()):
            if self.done[row]:
                continue
            if token in self.eos_ids or self.requests[row].stop.is_set():
                self._close(row)
                continue
            self.tokens[row].append(token)
            text = self.tokenizer.decode(self.tokens[row], skip_special_tokens=True)
            if text.endswith("\ufffd"):  # half of a multi-byte character: wait for the rest
                continue
            if len(text) > len(self.sent[row]):
                self.requests[row].pieces.put(text[len(self.sent[row]):])
                self.sent[row] = text

    def end(self) -> None:
        for row in range(len(self.requests)):
            self._close(row)

    def _close(self, row: int) -> None:
        if self.done[row]:
            return
        self.done[row] = True
        text = self.tokenizer.decode(self.tokens[row], skip_special_tokens=True)
        if len(text) > len(self.sent[row]):  # what was held back waiting for a character's last bytes
            self.requests[row].pieces.put(text[len(self.sent[row]):])
        self.requests[row].pieces.put(END)


class PendingStreams:
    """Requests waiting for the model; whoever gets the model next takes a compatible batch."""

    def __init__(self, max_batch: int):
        self.max_batch = max_batch
        self._waiting: list[StreamRequest] = []
        self._lock = threading.Lock()

    def add(self, request: StreamRequest) -> None:
        with self._lock:
            self._waiting.append(request)

    def take(self) -> list[StreamRequest]:
        """The oldest waiting request and the others with the same sampling settings (one generate()
        call has one set), up to max_batch; requests already stopped are ended instead."""
        with self._lock:
            for request in [r for r in self._waiting if r.stop.is_set()]:
                self._waiting.remove(request)
                request.pieces.put(END)
            if not self._waiting:
                return []
            settings = self._waiting[0].settings
            batch = [r for r in self._waiting if r.settings == settings][:self.max_batch]
            self._waiting = [r for r in self._waiting if r not in batch]
            return batch
