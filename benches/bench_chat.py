"""Chat speed on the packaged SmolLM2 base: ratios against llama.cpp in the same run.

    pip install -r benches/requirements.txt
    python benches/bench_chat.py [--tokens 80] [--repeats 3]

Rows, each greedy for the same prompt with a fixed number of new tokens:
  (a) plain `model.generate` in fp32 (a TextIteratorStreamer only to time the first token);
  (b) the app's streaming path (`Engine.stream`) with a LoRA adapter active;
  (c) llama.cpp (`llama-cpp-python`) on the same GGUF file.
Also: adapter switch time, resident memory of the base and of each adapter. These machines
are noisy, so each row is the median of --repeats runs, interleaved, and read as a ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psutil  # noqa: E402
import torch  # noqa: E402
from transformers import TextIteratorStreamer  # noqa: E402

from random_lora import make_adapter  # noqa: E402
from models.catalog import load_catalog  # noqa: E402
from models.chat_format import GenerationSettings, prompt_ids  # noqa: E402
from models.engine import Engine  # noqa: E402
from models.loading import converted_base_dir, load_base, packaged_gguf  # noqa: E402

MESSAGES = [{"role": "system", "content": "You are a supportive assistant."},
            {"role": "user", "content": "I have been feeling anxious before my exams. What can I do?"}]


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def param_mb(model: torch.nn.Module) -> float:
    return sum(p.numel() * p.element_size() for p in model.parameters()) / 2**20


def timed_stream(pieces) -> tuple[float, float, str]:
    """(time to first token, total seconds, text) of an iterator of text pieces."""
    start, first, text = time.perf_counter(), None, ""
    for piece in pieces:
        if first is None and piece:
            first = time.perf_counter() - start
        text += piece
    return first or 0.0, time.perf_counter() - start, text


def plain_generate(model: torch.nn.Module, engine: Engine, tokens: int) -> tuple[float, float, str]:
    tokenizer = engine.base.tokenizer
    ids = torch.tensor([prompt_ids(tokenizer, MESSAGES, 4096)])
    streamer = TextIteratorStreamer(tokenizer, skip_prompt=True, skip_special_tokens=True)
    kwargs = dict(input_ids=ids, attention_mask=torch.ones_like(ids), do_sample=False,
                  max_new_tokens=tokens, min_new_tokens=tokens, streamer=streamer,
                  pad_token_id=tokenizer.pad_token_id)

    def run() -> None:
        with torch.inference_mode():
            model.generate(**kwargs)

    thread = threading.Thread(target=run)
    thread.start()
    result = timed_stream(streamer)
    thread.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tokens", type=int, default=80)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    from llama_cpp import Llama

    settings = GenerationSettings(temperature=0, max_new_tokens=args.tokens, min_new_tokens=args.tokens)
    before = rss_mb()
    start = time.perf_counter()
    engine = Engine(load_catalog())
    engine.load()
    first_load = time.perf_counter() - start
    engine.generate_batch([MESSAGES], settings=GenerationSettings(temperature=0, max_new_tokens=4))
    base_mb = rss_mb() - before
    base_params_mb = param_mb(engine.base.model)
    start = time.perf_counter()
    plain = load_base(engine.catalog.base).model  # a second, untouched copy for row (a)
    cached_load = time.perf_counter() - start
    print(f"base load: first {first_load:.1f} s, from the safetensors cache {cached_load:.2f} s "
          f"({converted_base_dir(engine.catalog.base)})")

    scratch = Path(tempfile.mkdtemp())
    adapters, adapter_mb = [], []
    for seed in (1, 2):
        folder = make_adapter(engine, scratch / f"adapter-{seed}", seed)
        mark = param_mb(engine.model)
        adapters.append(engine.load_adapter(str(folder)))
        adapter_mb.append(param_mb(engine.model) - mark)

    llama = Llama(model_path=str(packaged_gguf(engine.catalog.base)), n_ctx=2048, n_threads=torch.get_num_threads(),
                  verbose=False)

    def llama_cpp() -> tuple[float, float, str]:
        chunks = llama.create_chat_completion(MESSAGES, max_tokens=args.tokens, temperature=0, stream=True)
        return timed_stream(c["choices"][0]["delta"].get("content", "") for c in chunks)

    rows = {
        "(a) plain generate, fp32": lambda: plain_generate(plain, engine, args.tokens),
        "(b) app stream, adapter active": lambda: timed_stream(engine.stream(MESSAGES, adapters[0], settings)),
        "(c) llama.cpp, same GGUF": llama_cpp,
    }
    results: dict[str, list[tuple[float, float, int]]] = {name: [] for name in rows}
    samples: dict[str, str] = {}
    for run in rows.values():  # warm-up
        run()
    for _ in range(args.repeats):
        for name, run in rows.items():
            ttft, total, text = run()
            n = len(engine.base.tokenizer.encode(text, add_special_tokens=False))
            results[name].append((ttft, total, n))
            samples[name] = text

    reference = statistics.median(n / t for _, t, n in results["(c) llama.cpp, same GGUF"])
    print(f"\n{args.tokens} new tokens, greedy, median of {args.repeats}, {torch.get_num_threads()} threads")
    print(f"{'path':34} {'TTFT ms':>8} {'tok/s':>7} {'x llama.cpp':>12}")
    for name, runs in results.items():
        ttft = statistics.median(r[0] for r in runs) * 1000
        speed = statistics.median(n / t for _, t, n in runs)
        print(f"{name:34} {ttft:8.0f} {speed:7.1f} {speed / reference:12.2f}")

    switches = []
    for _ in range(10):
        for key in (adapters[1], adapters[0], ""):
            with engine._generate_lock:
                start = time.perf_counter()
                engine._fold_in(key)
                switches.append(time.perf_counter() - start)
    print(f"\nadapter switch: median {statistics.median(switches) * 1000:.1f} ms, "
          f"max {max(switches) * 1000:.1f} ms")
    print(f"memory: base {base_params_mb:.0f} MB of weights, {base_mb:.0f} MB resident after first use; "
          "adapters " + ", ".join(f"{mb:.2f} MB" for mb in adapter_mb))
    print("\nsame prompt, side by side:")
    for name, text in samples.items():
        print(f"--- {name}\n{text.strip()}\n")


if __name__ == "__main__":
    main()
