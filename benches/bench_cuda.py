"""The local backend on a CUDA GPU with the packaged SmolLM2 base: bf16, and 4-bit NF4 through bitsandbytes.

    python benches/bench_cuda.py [--tokens 80] [--repeats 3] [--clients 16] [--train-steps 20]

For each placement (CPU fp32, the baseline of the same run, then CUDA bf16 and CUDA 4-bit), greedy, one prompt:
  (a) plain `model.generate` on a second copy of the base, no adapter;
  (b) the app's streaming path (`Engine.stream`) with a LoRA adapter active, read as a ratio to (a);
  (c) --clients streams at once through one engine, alternating two adapters: p50 / p95 time to first
      token and the total tokens/s, read as a ratio to one stream.
On CUDA also one cached decode step's wall time against the time the GPU is busy in it (profiler).
Then QLoRA on the packaged base: `training.train` in 4-bit for --train-steps steps, and its adapter
streamed by the 4-bit engine. Needs a GPU and bitsandbytes; prints what it cannot run.
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib.metadata
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402
import yaml  # noqa: E402

from bench_chat import MESSAGES, plain_generate, timed_stream  # noqa: E402
from random_lora import make_adapter  # noqa: E402
from models.catalog import load_catalog  # noqa: E402
from models.chat_format import GenerationSettings  # noqa: E402
from models.engine import Engine  # noqa: E402
from models.loading import Placement, load_base  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PLACEMENTS = {"cpu fp32": Placement("cpu", "none"), "cuda bf16": Placement("cuda", "none"),
              "cuda 4-bit nf4": Placement("cuda", "4bit")}


def versions() -> str:
    names = ("torch", "transformers", "peft", "bitsandbytes")
    found = {}
    for name in names:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "absent"
    gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "no GPU"
    return ", ".join(f"{k} {v}" for k, v in found.items()) + f"; {gpu}"


def tokens_in(engine: Engine, text: str) -> int:
    return len(engine.base.tokenizer.encode(text, add_special_tokens=False))


def concurrent_streams(engine: Engine, adapters: list[str], clients: int,
                       settings: GenerationSettings) -> tuple[list[float], float, int]:
    """(each client's time to first token, wall seconds, tokens in all) for `clients` streams at once."""
    ttfts: list[float] = [0.0] * clients
    texts: list[str] = [""] * clients
    start = time.perf_counter()

    def client(i: int) -> None:
        first, _, text = timed_stream(engine.stream(MESSAGES, adapters[i % len(adapters)], settings))
        ttfts[i], texts[i] = first, text

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return ttfts, time.perf_counter() - start, sum(tokens_in(engine, t) for t in texts)


def decode_step_ms(model: torch.nn.Module, engine: Engine, steps: int = 20) -> tuple[float, float]:
    """(wall ms, GPU-busy ms) of one cached greedy decode step: whether a token waits on the GPU or on the host."""
    from torch.profiler import ProfilerActivity, profile

    from models.chat_format import prompt_ids

    ids = torch.tensor([prompt_ids(engine.base.tokenizer, MESSAGES, 4096)], device=model.device)

    def decode() -> None:
        with torch.inference_mode():
            out = model(ids, use_cache=True)
            for _ in range(steps):
                out = model(out.logits[:, -1:].argmax(-1), past_key_values=out.past_key_values, use_cache=True)
        torch.cuda.synchronize()

    decode()
    start = time.perf_counter()
    decode()
    wall = time.perf_counter() - start
    with profile(activities=[ProfilerActivity.CUDA]) as prof:
        decode()
    busy = sum(e.self_device_time_total for e in prof.key_averages()) / 1000  # microseconds to ms
    return wall * 1000 / (steps + 1), busy / (steps + 1)


def bench_placement(label: str, placement: Placement, args: argparse.Namespace, scratch: Path) -> dict[str, float]:
    settings = GenerationSettings(temperature=0, max_new_tokens=args.tokens, min_new_tokens=args.tokens)
    catalog = load_catalog()
    start = time.perf_counter()
    engine = Engine(catalog, max_stream_batch=args.clients,
                    loader=functools.partial(load_base, placement=placement))
    engine.load()
    load_s = time.perf_counter() - start
    plain = load_base(catalog.base, placement).model
    adapters = [engine.load_adapter(str(make_adapter(engine, scratch / f"{label}-{seed}", seed))) for seed in (1, 2)]
    rows = {"a": lambda: plain_generate(plain, engine, args.tokens),
            "b": lambda: timed_stream(engine.stream(MESSAGES, adapters[0], settings))}
    for run in rows.values():  # warm-up (CUDA kernels, caches)
        run()
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in rows}
    for _ in range(args.repeats):
        for name, run in rows.items():
            ttft, total, text = run()
            results[name].append((ttft, tokens_in(engine, text) / total))
    concurrent_streams(engine, adapters, args.clients, settings)  # warm-up of the batched path
    ttfts, wall, tokens = concurrent_streams(engine, adapters, args.clients, settings)
    figures = {"load_s": load_s,
               "a_ttft": statistics.median(r[0] for r in results["a"]) * 1000,
               "a_tps": statistics.median(r[1] for r in results["a"]),
               "b_ttft": statistics.median(r[0] for r in results["b"]) * 1000,
               "b_tps": statistics.median(r[1] for r in results["b"]),
               "c_p50": statistics.median(ttfts) * 1000,
               "c_p95": sorted(ttfts)[max(0, round(0.95 * len(ttfts)) - 1)] * 1000,
               "c_tps": tokens / wall,
               "step_ms": 0.0, "busy_ms": 0.0,
               "gpu_mb": torch.cuda.max_memory_allocated() / 2**20 if placement.device == "cuda" else 0.0}
    if placement.device == "cuda":
        figures["step_ms"], figures["busy_ms"] = decode_step_ms(plain, engine)
    sample = "".join(engine.stream(MESSAGES, adapters[0], GenerationSettings(temperature=0, max_new_tokens=40)))
    print(f"  {label}: {sample.strip()[:160]!r}", flush=True)
    return figures


def qlora(steps: int, scratch: Path) -> None:
    """Train the packaged base in 4-bit for a few steps, then stream its adapter from the 4-bit engine."""
    from training.recipe import load_recipe  # datasets and the trainer only when training
    from training.train import train

    raw = yaml.safe_load((ROOT / "training/recipes/smollm2-cpu.yaml").read_text(encoding="utf-8"))
    raw.update(name="smollm2-qlora-check", quantization="4bit", output_dir=str(scratch / "qlora"))
    raw["data"]["source"] = str(ROOT / raw["data"]["source"])
    raw["training"].update(max_steps=steps, save_steps=steps, logging_steps=max(1, steps // 4))
    recipe_path = scratch / "qlora.yaml"
    recipe_path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    start = time.perf_counter()
    result = train(load_recipe(recipe_path))
    seconds = time.perf_counter() - start
    engine = Engine(load_catalog(), loader=functools.partial(load_base, placement=Placement("cuda", "4bit")))
    key = engine.load_adapter(str(result.adapter))
    greedy = GenerationSettings(temperature=0, max_new_tokens=40)
    base_text = "".join(engine.stream(MESSAGES, "", greedy))
    tuned_text = "".join(engine.stream(MESSAGES, key, greedy))
    print(f"\nQLoRA on the packaged base, 4-bit NF4: {steps} steps of {raw['training']['batch_size']} "
          f"in {seconds:.1f} s ({result.train_rows} training rows); adapter {result.adapter}")
    print(f"  base : {base_text.strip()[:160]!r}\n  tuned: {tuned_text.strip()[:160]!r}")
    print(f"  the adapter changes the 4-bit engine's reply: {base_text != tuned_text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tokens", type=int, default=80)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--train-steps", type=int, default=20)
    parser.add_argument("--only", choices=sorted(PLACEMENTS), action="append", help="placements to run (default all)")
    args = parser.parse_args()
    print(versions(), flush=True)
    scratch = Path(tempfile.mkdtemp())
    placements = {k: v for k, v in PLACEMENTS.items() if (v.device == "cpu" or torch.cuda.is_available())
                  and (not args.only or k in args.only)}
    figures = {}
    for label, placement in placements.items():
        try:
            figures[label] = bench_placement(label, placement, args, scratch)
        except Exception as error:  # a placement this machine cannot run is reported, the others still run
            print(f"  {label}: not run ({type(error).__name__}: {error})", flush=True)
        gc.collect()  # the last placement's engine and copies go before the next one's memory is read
        if torch.cuda.is_available():
            torch.cuda.empty_cache()
            torch.cuda.reset_peak_memory_stats()
    reference = figures.get("cpu fp32", {}).get("b_tps")
    print(f"\n{args.tokens} new tokens, greedy, median of {args.repeats}; (c) is {args.clients} streams at once")
    print(f"{'placement':16} {'load s':>7} {'(a) ms':>7} {'(a) t/s':>8} {'(b) ms':>7} {'(b) t/s':>8} {'b/a':>5} "
          f"{'x cpu':>6} {'(c) p50':>8} {'(c) p95':>8} {'(c) t/s':>8} {'GPU MB':>7}")
    for label, f in figures.items():
        versus_cpu = f"{f['b_tps'] / reference:6.1f}" if reference else "     -"
        print(f"{label:16} {f['load_s']:7.1f} {f['a_ttft']:7.0f} {f['a_tps']:8.1f} {f['b_ttft']:7.0f} "
              f"{f['b_tps']:8.1f} {f['b_tps'] / f['a_tps']:5.2f} {versus_cpu} {f['c_p50']:8.0f} {f['c_p95']:8.0f} "
              f"{f['c_tps']:8.1f} {f['gpu_mb']:7.0f} {f['step_ms']:8.1f} {f['busy_ms']:8.2f}")
    if torch.cuda.is_available() and args.train_steps > 0:
        qlora(args.train_steps, scratch)


if __name__ == "__main__":
    main()
