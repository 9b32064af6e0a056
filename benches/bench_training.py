"""Training throughput of this pipeline (length-grouped batches, assistant-only labels) against a
plain Trainer run whose random batches are padded to their longest sequence, on the packaged
SmolLM2 base, the same examples and one epoch each, in the same run.

    python benches/bench_training.py [--examples 96] [--batch-size 8] [--repeats 2]

The examples pair the screening set's messages with the default study's answers cut to varied
lengths, so lengths differ as in real data. Both runs see every example once: the same real
(non-padding) tokens, so the ratio of times is the ratio of useful tokens per second.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from datasets import Dataset  # noqa: E402
from peft import LoraConfig, get_peft_model  # noqa: E402
from transformers import DataCollatorForSeq2Seq, Trainer, TrainingArguments  # noqa: E402

from models.catalog import load_catalog  # noqa: E402
from models.loading import load_base  # noqa: E402
from safety.screening_eval import load_set  # noqa: E402
from survey.serving import DEFAULT_STUDIES  # noqa: E402
from training.formatting import encode, ensure_chat_template  # noqa: E402


def examples(tokenizer, count: int) -> list[dict]:
    rng = random.Random(0)
    answers = [text for per_model in json.loads((DEFAULT_STUDIES / "default.responses.json").read_text())
               ["responses"].values() for text in per_model.values()]
    questions = [item.text for item in load_set("all")]
    rows = []
    for i in range(count):
        answer = answers[i % len(answers)]
        answer = answer[: rng.randint(40, len(answer))]
        messages = [{"role": "user", "content": questions[i % len(questions)]}, {"role": "assistant", "content": answer}]
        rows.append(encode(tokenizer, messages, 384))
    return rows


def run(base, rows: list[dict], tokenizer, grouped: bool, batch_size: int) -> float:
    model = get_peft_model(base, LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "v_proj"],
                                            task_type="CAUSAL_LM"))
    args = TrainingArguments(output_dir=tempfile.mkdtemp(), num_train_epochs=1, per_device_train_batch_size=batch_size,
                             learning_rate=1e-4, save_strategy="no", report_to=[], use_cpu=True, seed=0,
                             disable_tqdm=True, logging_strategy="no", remove_unused_columns=False,
                             train_sampling_strategy="group_by_length" if grouped else "random")
    trainer = Trainer(model=model, args=args, train_dataset=Dataset.from_list(rows),
                      data_collator=DataCollatorForSeq2Seq(tokenizer, padding="longest", label_pad_token_id=-100))
    start = time.perf_counter()
    trainer.train()
    seconds = time.perf_counter() - start
    model.unload()  # the same base for the next run, without LoRA layers
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=96)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    loaded = load_base(load_catalog().base)
    tokenizer = loaded.tokenizer
    ensure_chat_template(tokenizer)
    rows = examples(tokenizer, args.examples)
    tokens = sum(len(r["input_ids"]) for r in rows)
    names = {False: "plain Trainer, random batches padded to longest", True: "this pipeline, length-grouped batches"}
    seconds: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(args.repeats):
        for grouped in (False, True):
            seconds[grouped].append(run(loaded.model, rows, tokenizer, grouped, args.batch_size))
    baseline = tokens / statistics.median(seconds[False])
    print(f"\n{args.examples} examples, {tokens} real tokens, batch {args.batch_size}, one epoch, median of {args.repeats}")
    print(f"{'run':50} {'seconds':>8} {'tokens/s':>9} {'x plain':>8}")
    for grouped, runs in seconds.items():
        median = statistics.median(runs)
        print(f"{names[grouped]:50} {median:8.1f} {tokens / median:9.1f} {tokens / median / baseline:8.2f}")


if __name__ == "__main__":
    main()
