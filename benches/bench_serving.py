"""Serving speed with an adapter active on the packaged SmolLM2 GGUF: llama-server, the app's path
to it, and the local engine, in one run.

    pip install -r requirements-llama.txt -r benches/requirements.txt
    python benches/bench_serving.py [--tokens 80] [--repeats 3] [--adapter smollm2-supportive-r16]

Rows, each greedy for bench_chat.py's prompt with exactly --tokens new tokens:
  (a) llama-server, one streaming HTTP request straight to it (the `lora` field set by hand);
  (b) the app's streaming path: OpenAIBackend.stream on the server the app runs (models/llama_server.py);
  (c) the local backend: Engine.stream, fp32, the adapter folded into the weights.
(b)/(a) is what the app's path costs. Also: converting the adapters to GGUF (uncached), starting the
server, and two clients on two different adapters at once. Each row is the median of --repeats runs,
interleaved, as these machines are noisy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from bench_chat import MESSAGES, timed_stream

from models.catalog import load_catalog
from models.chat_format import GenerationSettings
from models.engine import Engine
from models.gguf_lora import GgufBase, converted_lora
from models.llama_server import managed_backend
from models.loading import packaged_gguf
from models.openai_backend import Routing


def raw_stream(url: str, body: dict):
    """Text pieces of one streaming chat completion, the SSE parsed here: no client library."""
    with httpx.stream("POST", f"{url}/v1/chat/completions", json={**body, "stream": True}, timeout=120) as response:
        for line in response.iter_lines():
            if line.startswith("data: ") and line != "data: [DONE]":
                choices = json.loads(line[6:])["choices"]
                if choices and choices[0]["delta"].get("content"):
                    yield choices[0]["delta"]["content"]


def ignoring_eos(routing: Routing) -> Routing:
    """The same routing, with llama-server's `ignore_eos`, so that every reply has --tokens tokens."""
    def route(key: str) -> tuple[str, dict]:
        model, extra = routing(key)
        return model, {**extra, "ignore_eos": True}
    return route


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tokens", type=int, default=80)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--adapter", default="smollm2-supportive-r16")
    args = parser.parse_args()
    catalog = load_catalog()
    adapters = [a.key for a in catalog.adapters_for(catalog.default_base)]
    other = next(key for key in adapters if key != args.adapter)

    start = time.perf_counter()
    base = GgufBase.read(packaged_gguf(catalog.base))
    read = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as scratch:
        start = time.perf_counter()
        for key in adapters:
            converted_lora(Path(catalog.adapters[key].path), base, Path(scratch))
        converting = time.perf_counter() - start
    start = time.perf_counter()
    backend = managed_backend(catalog, slots=4)
    started = time.perf_counter() - start
    engine = Engine(catalog)
    engine.load()
    engine.load_adapter(args.adapter)
    tokenizer = engine.base.tokenizer
    print(f"\nreading the base GGUF's metadata {read:.1f} s; converting {len(adapters)} adapters {converting:.2f} s; "
          f"managed_backend() with the cache warm {started:.1f} s")

    try:
        backend.routing = ignoring_eos(backend.routing)
        model, extra = backend.routing(args.adapter)
        settings = GenerationSettings(temperature=0, max_new_tokens=args.tokens, min_new_tokens=args.tokens)
        body = {"model": model, "messages": MESSAGES, "temperature": 0, "max_tokens": args.tokens, **extra}
        rows = {
            "(a) llama-server, raw HTTP": lambda: timed_stream(raw_stream(backend.server.url, body)),
            "(b) app path: OpenAIBackend": lambda: timed_stream(backend.stream(MESSAGES, args.adapter, settings)),
            "(c) local Engine.stream": lambda: timed_stream(engine.stream(MESSAGES, args.adapter, settings)),
        }
        results: dict[str, list[tuple[float, float, int]]] = {name: [] for name in rows}
        for run in rows.values():  # warm-up
            run()
        for _ in range(args.repeats):
            for name, run in rows.items():
                ttft, total, text = run()
                results[name].append((ttft, total, len(tokenizer.encode(text, add_special_tokens=False))))

        speeds = {name: statistics.median(n / t for _, t, n in runs) for name, runs in results.items()}
        print(f"\n{args.tokens} new tokens, greedy, adapter {args.adapter}, median of {args.repeats}")
        print(f"{'path':30} {'TTFT ms':>8} {'tok/s':>7} {'tokens':>7}")
        for name, runs in results.items():
            ttft = statistics.median(r[0] for r in runs) * 1000
            print(f"{name:30} {ttft:8.0f} {speeds[name]:7.1f} {runs[-1][2]:7d}")
        (a, b, c) = speeds.values()
        print(f"tokens/s (b)/(a): {b / a:.2f}; (b)/(c): {b / c:.2f}")

        firsts: dict[str, float] = {}

        def client(key: str, gate: threading.Barrier) -> None:
            gate.wait()
            firsts[key] = timed_stream(backend.stream(MESSAGES, key, settings))[0]

        gate = threading.Barrier(2)
        threads = [threading.Thread(target=client, args=(key, gate)) for key in (args.adapter, other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(f"two clients at once on {args.adapter} and {other}: TTFT "
              + ", ".join(f"{firsts[key] * 1000:.0f} ms" for key in (args.adapter, other))
              + " (llama-server decodes different adapters in separate batches, one after the other)")
    finally:
        backend.close()


if __name__ == "__main__":
    main()
