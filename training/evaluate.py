"""Held-out evaluation: the base and each adapter side by side on the same questions.

Replies are generated greedily through the backend's batch API (every model on one base, in
this process or on a model server); the perplexity of the reference answers is computed on their
tokens only, through the same chat template the training used, by the local engine only.
"""

from __future__ import annotations

import json
from pathlib import Path

from models.catalog import BASE_MODEL_CHOICE
from models.chat_format import GenerationSettings
from models.backend import Backend
from models.engine import Engine
from training.formatting import FormattingError, encode, ensure_chat_template
from training.metrics import perplexity, reply_metrics

COLUMNS = ("cosine_similarity", "bertscore_f1", "perplexity", "rouge_l", "bleu", "distinct_1", "distinct_2",
           "recommends_help", "asks_a_question")


def load_test(path: Path) -> list[list[dict[str, str]]]:
    """Conversations from a JSON-lines file of {"messages": [...]} (what training writes to test.jsonl)."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line)["messages"])
            except (ValueError, KeyError):
                raise ValueError(f"{path}:{number} is not a {{\"messages\": [...]}} line") from None
    if not rows:
        raise ValueError(f"{path} holds no conversations")
    return rows


def evaluate(engine: Backend, adapters: list[str], test: list[list[dict[str, str]]],
             max_new_tokens: int = 128) -> dict[str, dict[str, float]]:
    """{model: {metric: value}} for the base and each adapter. Replies come from any backend; the
    perplexity needs token losses, which only the local engine computes (NaN through a server)."""
    prompts = [row[:-1] for row in test if row and row[-1]["role"] == "assistant"]
    references = [row[-1]["content"] for row in test if row and row[-1]["role"] == "assistant"]
    if not prompts:
        raise ValueError("no held-out conversation ends with an assistant reply to compare with")
    local = engine if isinstance(engine, Engine) else None
    examples = _labelled_examples(local, test) if local else []
    settings = GenerationSettings(temperature=0, max_new_tokens=max_new_tokens)
    results = {}
    for adapter in [BASE_MODEL_CHOICE, *adapters]:
        key = engine.load_adapter(adapter) if adapter else adapter
        replies = engine.generate_batch(prompts, [key] * len(prompts), settings)
        metrics = reply_metrics(replies, references)
        metrics["perplexity"] = perplexity(local.token_losses(examples, key)) if local else float("nan")
        results[adapter or "base"] = {name: metrics[name] for name in COLUMNS}
    return results


def _labelled_examples(engine: Engine, test: list[list[dict[str, str]]]) -> list[tuple[list[int], list[int]]]:
    """(input ids, labels) of each conversation, through the training's chat template."""
    tokenizer = engine.base.tokenizer
    ensure_chat_template(tokenizer)
    examples = []
    for row in test:
        try:
            encoded = encode(tokenizer, row, engine.max_context_tokens)
        except FormattingError:
            continue
        examples.append((encoded["input_ids"], encoded["labels"]))
    return examples


def table(results: dict[str, dict[str, float]]) -> str:
    """A Markdown table, models as columns (for model cards and the terminal)."""
    models = list(results)
    lines = ["| metric | " + " | ".join(models) + " |", "|---" * (len(models) + 1) + "|"]
    for name in COLUMNS:
        lines.append(f"| {name} | " + " | ".join(f"{results[m][name]:.3f}" for m in models) + " |")
    return "\n".join(lines)
