"""Load: 20 concurrent chat clients (gradio_client) against the app running on this machine,
compared with one client alone in the same run, for each backend asked for.

    python benches/bench_load.py [--clients 20] [--max-new-tokens 64] [--concurrency 8]
    python benches/bench_load.py --backends local llama-server   # the app on each, same messages

Starts `python app.py` on a free port (the packaged SmolLM2 base, CPU; MHCHAT_BACKEND as asked),
then sends (a) the same messages one at a time from a single client and (b) all of them at once
from separate clients. For each request it records the time to the first streamed text and to
the end; a request counts as complete when its job succeeds with a non-empty reply that is no
error message. Prints p50/p95 time to first token, total generated tokens per second, and ratios,
and with two backends the second's p95 time to first token under load against the first's.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gradio_client import Client  # noqa: E402
from transformers import AutoTokenizer  # noqa: E402

from models.catalog import load_catalog  # noqa: E402
from models.loading import convert_packaged_base  # noqa: E402

MESSAGES = [
    "I can't sleep before my exams and my chest feels tight.", "My friend stopped talking to me.",
    "I feel lonely since I moved to a new city.", "Work is overwhelming and I keep procrastinating.",
    "How do I tell my parents that I'm struggling?", "I get nervous before every presentation.",
    "My partner and I argue about small things.", "I feel tired all the time, even after sleeping.",
    "I compare myself to everyone on social media.", "I miss my grandmother who passed away last year.",
]
SYSTEM = "You are a supportive listener. Answer warmly and briefly."


@dataclass
class Outcome:
    first_token: float | None
    total: float
    reply: str
    error: str | None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_app(port: int, concurrency: int, backend: str) -> subprocess.Popen:
    env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "MHCHAT_CONCURRENCY": str(concurrency),
           "MHCHAT_BACKEND": backend, "MHCHAT_SERVER_SLOTS": str(min(concurrency, 64)),
           "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}
    app = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return app
        except OSError:
            if app.poll() is not None:
                raise SystemExit(f"the app exited:\n{app.stdout.read()}") from None
            time.sleep(1)
    app.kill()
    raise SystemExit("the app did not start within 5 minutes")


def ask(url: str, message: str, max_new_tokens: int) -> Outcome:
    client = Client(url, verbose=False)
    start = time.perf_counter()
    first, reply = None, ""
    try:
        job = client.submit(message, "", SYSTEM, 0.0, 1.0, max_new_tokens, api_name="/chat")
        for update in job:
            if first is None and update:
                first = time.perf_counter() - start
            reply = update
        reply = job.result()
    except Exception as error:  # noqa: BLE001 - a dropped request is what this counts
        return Outcome(first, time.perf_counter() - start, reply, f"{type(error).__name__}: {error}")
    error = "empty or error reply" if not reply.strip() or reply.startswith("⚠️") else None
    return Outcome(first, time.perf_counter() - start, reply, error)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summarise(label: str, outcomes: list[Outcome], seconds: float, tokenizer) -> dict:
    firsts = [o.first_token for o in outcomes if o.first_token is not None]
    tokens = sum(len(tokenizer(o.reply, add_special_tokens=False).input_ids) for o in outcomes if not o.error)
    row = {"label": label, "requests": len(outcomes), "complete": sum(o.error is None for o in outcomes),
           "p50": statistics.median(firsts), "p95": percentile(firsts, 0.95), "seconds": seconds,
           "tokens": tokens, "tokens_per_s": tokens / seconds}
    print(f"{label:<28} {row['complete']:>3}/{row['requests']:<3} {row['p50']:>8.2f} {row['p95']:>8.2f} "
          f"{seconds:>9.1f} {tokens:>7} {row['tokens_per_s']:>9.1f}")
    return row


def run(backend: str, messages: list[str], args: argparse.Namespace, tokenizer) -> dict:
    """One app on `backend`: the messages one at a time, then all at once."""
    port = free_port()
    app = start_app(port, args.concurrency, backend)
    url = f"http://127.0.0.1:{port}/"
    try:
        ask(url, "hello", 8)  # warm-up: the first request loads the model's code paths
        print(f"\nMHCHAT_BACKEND={backend}")
        print(f"{'':<28} {'done':>7} {'p50 TTFT':>8} {'p95 TTFT':>8} {'wall s':>9} {'tokens':>7} {'tokens/s':>9}")
        start = time.perf_counter()
        alone = [ask(url, m, args.max_new_tokens) for m in messages]
        single = summarise("(a) one client, in turn", alone, time.perf_counter() - start, tokenizer)
        outcomes: list[Outcome | None] = [None] * len(messages)

        def client(i: int) -> None:
            outcomes[i] = ask(url, messages[i], args.max_new_tokens)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(len(messages))]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        together = summarise(f"(b) {args.clients} clients at once", outcomes, time.perf_counter() - start, tokenizer)
    finally:
        app.terminate()
        app.wait(timeout=30)
    print(f"tokens/s (b)/(a): {together['tokens_per_s'] / single['tokens_per_s']:.2f}x; "
          f"p50 TTFT (b)/(a): {together['p50'] / single['p50']:.1f}x; "
          f"dropped or incomplete: {together['requests'] - together['complete']}")
    for number, outcome in enumerate(outcomes):
        if outcome.error:
            print(f"  request {number}: {outcome.error}")
    return together


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--max-new-tokens", type=int, default=64)
    parser.add_argument("--concurrency", type=int, default=16, help="MHCHAT_CONCURRENCY for the app")
    parser.add_argument("--backends", nargs="+", default=["local"], choices=["local", "llama-server"],
                        help="MHCHAT_BACKEND of each run (default: local)")
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(str(convert_packaged_base(load_catalog().base)))
    messages = [MESSAGES[i % len(MESSAGES)] for i in range(args.clients)]
    print(f"{args.clients} requests of up to {args.max_new_tokens} new tokens, greedy; "
          f"app concurrency {args.concurrency}; {os.cpu_count()} CPU cores")
    loaded = {backend: run(backend, messages, args, tokenizer) for backend in args.backends}
    if len(loaded) == 2:
        (first, a), (second, b) = loaded.items()
        print(f"\nunder load, {second} against {first}: p95 TTFT {b['p95'] / a['p95']:.2f}x, "
              f"p50 TTFT {b['p50'] / a['p50']:.2f}x, tokens/s {b['tokens_per_s'] / a['tokens_per_s']:.2f}x")


if __name__ == "__main__":
    main()
