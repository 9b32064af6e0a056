"""Cost of screening the model's reply before the page shows it, against writing the reply, in
the same run.

    python benches/bench_reply_screen.py [--replies 40] [--repeats 3]

Takes the first N messages of the labelled reply set (safety/data/replies.jsonl) at levels
below ideation and has the packaged SmolLM2 stream a reply to each (greedy, 160 new tokens),
then times (a) that generation and (b) the safety layer's part-by-part screening of the
same reply text (safety/layer.py, every released part screened with the text before it, as the chat
streams it), and (c) one screening of the whole reply (as at ideation and above). Prints the
median milliseconds per reply over the repeats and (b) / (a).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.catalog import load_catalog
from models.chat_format import GenerationSettings
from models.engine import Engine
from safety.layer import Assessment, SafetyLayer
from safety.reply_screen import load_replies
from safety.screen import Screening


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replies", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    rows = [r for r in load_replies("train") if r["level"] in ("none", "distress")][:args.replies]
    engine, layer = Engine(load_catalog()), SafetyLayer()
    settings = GenerationSettings(temperature=0.0, max_new_tokens=160)
    layer.check_reply(rows[0]["messages"], "warm-up.", "none")
    generated = {}
    timings: dict[str, list[float]] = {"generate": [], "screen parts": [], "screen whole": []}
    for _ in range(args.repeats):
        start = time.perf_counter()
        for row in rows:
            generated[row["id"]] = list(engine.stream(row["messages"], settings=settings))
        timings["generate"].append((time.perf_counter() - start) / len(rows) * 1000)
        start = time.perf_counter()
        for row in rows:
            list(layer.respond(row["messages"], Assessment(Screening(row["level"])), lambda: iter(generated[row["id"]])))
        timings["screen parts"].append((time.perf_counter() - start) / len(rows) * 1000)
        start = time.perf_counter()
        for row in rows:
            layer.check_reply(row["messages"], "".join(generated[row["id"]]), row["level"])
        timings["screen whole"].append((time.perf_counter() - start) / len(rows) * 1000)
    medians = {name: statistics.median(values) for name, values in timings.items()}
    print(f"{len(rows)} replies, {args.repeats} repeats, median ms per reply:")
    for name, value in medians.items():
        print(f"  {name:18} {value:9.1f} ms   {value / medians['generate']:.3f}x generation")


if __name__ == "__main__":
    main()
