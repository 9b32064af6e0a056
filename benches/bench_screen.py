"""Cost of the crisis screen per chat message: the rules alone against the rules with the
learned screen (one embedding of the message, one of the earlier turns, its character
n-grams, and a pass of the packaged SmolLM2's first 26 layers over it, set inside a question),
in the same run.

    python benches/bench_screen.py [--repeats 3] [--messages N] [--long 100]

Screens every message of the labelled set (safety/data/screening_set.jsonl), or its first N, one at a
time, as the chat does, after a warm-up; prints the median milliseconds per message over the repeats.
What the screen keeps in memory of the texts it read (embeddings, language-model states) is
forgotten before each repeat, so every message costs what a new chat message costs. Then the last message of `--long` conversations of
six user turns (five labelled messages before it), where the learned screen also reads the
earlier turns the rules found nothing in, against the same messages screened alone. As in the
chat, the earlier turns were screened in their own turn before the sixth is timed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from safety.screen import screen  # noqa: E402
from safety.screening_eval import load_set  # noqa: E402
from safety.screening_model import forget_read_texts, learned_screen  # noqa: E402


def per_message_ms(conversations: list[list[dict]], learned: bool) -> float:
    forget_read_texts()
    start = time.perf_counter()
    for messages in conversations:
        screen(messages, learned)
    return (time.perf_counter() - start) / len(conversations) * 1000


def sixth_turn_ms(conversations: list[list[dict]]) -> float:
    """Each conversation's last turn, timed after its earlier turns were screened in their own turn."""
    elapsed = 0.0
    for messages in conversations:
        forget_read_texts()
        for turn in range(1, len(messages)):
            screen(messages[:turn])
        start = time.perf_counter()
        screen(messages)
        elapsed += time.perf_counter() - start
    return elapsed / len(conversations) * 1000


def six_turns(conversations: list[list[dict]], count: int) -> list[list[dict]]:
    """The last user message of each of `count` conversations, after five others' last user messages."""
    last = [messages[-1] for messages in conversations]
    return [last[i - 5:i + 1] for i in range(5, 5 + count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--messages", type=int, default=None, help="only the first N labelled messages")
    parser.add_argument("--long", type=int, default=100)
    args = parser.parse_args()
    conversations = [item.messages for item in load_set("all")][:args.messages]
    start = time.perf_counter()
    learned_screen()
    print(f"learned screen ready in {time.perf_counter() - start:.1f} s (trained, or loaded from the cache)")
    screen(conversations[0])  # warm-up
    rules = statistics.median(per_message_ms(conversations, False) for _ in range(args.repeats))
    both = statistics.median(per_message_ms(conversations, True) for _ in range(args.repeats))
    print(f"{len(conversations)} messages, median of {args.repeats}")
    print(f"{'(a) rules alone':<28} {rules:8.2f} ms/message")
    print(f"{'(b) rules + learned screen':<28} {both:8.2f} ms/message  ({both / rules:.1f}x (a))")
    long = six_turns(conversations, args.long)
    alone = statistics.median(per_message_ms([c[-1:] for c in long], True) for _ in range(args.repeats))
    after_five = statistics.median(sixth_turn_ms(long) for _ in range(args.repeats))
    print(f"{args.long} of them as the sixth user turn, rules + learned screen, median of {args.repeats}")
    print(f"{'(c) alone':<28} {alone:8.2f} ms/message")
    print(f"{'(d) after five user turns':<28} {after_five:8.2f} ms/message  ({after_five / alone:.1f}x (c))")


if __name__ == "__main__":
    main()
