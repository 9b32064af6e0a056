"""Training data: loaded from the Hub or a local file, turned into conversations, cleaned as report
000 did (each step switchable), and split with a fixed seed. Each step's kept and dropped rows
are counted for the printed summary.

Names: with `cleaning.ner_model` (a token-classification model, e.g. dslim/bert-base-NER) every
span it tags as a person becomes "[name]". Without one, the fallback replaces names where the
writer gives them ("my name is …", "I'm called …", a greeting "Hi Sarah,") and capitalised
words from a small list of common first names; it misses most other names.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from training.recipe import Cleaning, DataSpec, HoldOut

Conversation = list[dict[str, str]]

LINK = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
NUMBER = re.compile(r"\b\d[\d,.:/-]*\b")
SELF_NAMED = re.compile(r"\b(my name is|my name's|i am called|i'm called|call me)\s+[A-Z][a-z]+", re.IGNORECASE)
GREETING = re.compile(r"^(hi|hello|dear|hey)\s+[A-Z][a-z]+\b", re.IGNORECASE | re.MULTILINE)
FIRST_NAMES = frozenset("""
    James John Robert Michael William David Richard Joseph Thomas Charles Mary Patricia Jennifer Linda
    Elizabeth Barbara Susan Jessica Sarah Karen Emma Olivia Sophia Liam Noah Oliver Emily Jack Harry
    George Amelia Isla Ava Mia Lucas Ethan Chloe Grace Anna Laura Daniel Matthew Andrew Mark Paul
""".split())
FIRST_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b(" + "|".join(sorted(FIRST_NAMES)) + r")\b", re.MULTILINE)


@dataclass
class Summary:
    """Rows kept and dropped by each step, in order."""

    steps: list[tuple[str, int, int]] = field(default_factory=list)  # (step, kept, dropped)

    def add(self, step: str, before: int, after: int) -> None:
        self.steps.append((step, after, before - after))

    def text(self) -> str:
        width = max((len(s) for s, _, _ in self.steps), default=4)
        lines = [f"{'step':{width}} {'kept':>7} {'dropped':>8}"]
        lines += [f"{step:{width}} {kept:7d} {dropped:8d}" for step, kept, dropped in self.steps]
        return "\n".join(lines)


def read_table(spec: DataSpec) -> pd.DataFrame:
    """The raw rows: a local .csv/.jsonl/.parquet file, or a Hub dataset (datasets.load_dataset)."""
    local = Path(spec.source)
    if local.suffix in (".csv", ".jsonl", ".json", ".parquet"):
        if not local.exists():
            raise FileNotFoundError(f"data file {local} does not exist")
        if local.suffix == ".csv":
            return pd.read_csv(local)
        if local.suffix == ".parquet":
            return pd.read_parquet(local)
        return pd.read_json(local, lines=local.suffix == ".jsonl")
    from datasets import load_dataset  # only for Hub datasets: it is slow to import
    from huggingface_hub import snapshot_download

    # The repo's data files through the Hub cache (so HF_HUB_OFFLINE=1 works once they are cached),
    # then datasets reads the local copy, inferring the format and the splits from the file names.
    folder = snapshot_download(spec.source, repo_type="dataset",
                               allow_patterns=["*.csv", "*.json", "*.jsonl", "*.parquet", "*.md"])
    return load_dataset(folder, split=spec.split).to_pandas()


def conversations(table: pd.DataFrame, spec: DataSpec) -> list[Conversation]:
    """Rows as chat messages (system prompt first when the recipe gives one)."""
    missing = [c for c in spec.columns.values() if c not in table.columns]
    if missing:
        raise ValueError(f"the data has no column(s) {missing}; it has {list(table.columns)}")
    system = [{"role": "system", "content": spec.system_prompt}] if spec.system_prompt else []
    out: list[Conversation] = []
    for row in table.to_dict("records"):
        if spec.multi_turn:
            turns = row[spec.columns["messages"]]
            messages = [{"role": str(t["role"]), "content": str(t["content"])} for t in turns]
        else:
            question, answer = row[spec.columns["question"]], row[spec.columns["answer"]]
            if not isinstance(question, str) or not isinstance(answer, str):
                messages = []
            else:
                messages = [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
        out.append(system + messages)
    return out


def clean(rows: list[Conversation], cleaning: Cleaning, summary: Summary) -> list[Conversation]:
    """Report 000's cleaning steps, in order; each one counted."""
    def step(name: str, keep) -> None:
        nonlocal rows
        before = len(rows)
        rows = [r for r in rows if keep(r)]
        summary.add(name, before, len(rows))

    step("has a user and an assistant turn", lambda r: any(m["role"] == "user" and m["content"].strip() for m in r)
         and any(m["role"] == "assistant" and m["content"].strip() for m in r))
    if cleaning.max_chars:
        step(f"at most {cleaning.max_chars} characters", lambda r: sum(len(m["content"]) for m in r) <= cleaning.max_chars)
    for kind, pattern in (("links", LINK), ("numbers", NUMBER)):
        mode = getattr(cleaning, kind)
        if mode == "drop":
            step(f"no {kind}", lambda r, p=pattern: not any(p.search(m["content"]) for m in r))
        elif mode == "strip":
            rows = [[{**m, "content": _squash(pattern.sub("", m["content"]))} for m in r] for r in rows]
            summary.add(f"{kind} stripped", len(rows), len(rows))
    if cleaning.names:
        replace = NerNames(cleaning.ner_model) if cleaning.ner_model else remove_names
        rows = [[{**m, "content": replace(m["content"])} for m in r] for r in rows]
        summary.add("names replaced" + (f" ({cleaning.ner_model})" if cleaning.ner_model else ""), len(rows), len(rows))
    if cleaning.deduplicate:
        seen: set[tuple] = set()

        def first_time(r: Conversation) -> bool:
            key = tuple((m["role"], m["content"].strip().lower()) for m in r)
            if key in seen:
                return False
            seen.add(key)
            return True

        step("not a duplicate", first_time)
    return rows


def remove_names(text: str) -> str:
    text = SELF_NAMED.sub(lambda m: m.group(0).rsplit(" ", 1)[0] + " [name]", text)
    text = GREETING.sub(lambda m: m.group(0).split()[0] + " [name]", text)
    return FIRST_NAME.sub("[name]", text)


class NerNames:
    """Replaces every span a token-classification model tags as a person (PER) with "[name]"."""

    def __init__(self, model: str):
        from transformers import pipeline

        self.tagger = pipeline("token-classification", model=model, aggregation_strategy="simple")

    def __call__(self, text: str) -> str:
        spans = [e for e in self.tagger(text) if e["entity_group"] in ("PER", "PERSON")]
        for entity in sorted(spans, key=lambda e: e["start"], reverse=True):
            text = text[:entity["start"]] + "[name]" + text[entity["end"]:]
        return text


def split(rows: list[Conversation], test: HoldOut) -> tuple[list[Conversation], list[Conversation]]:
    """(train, test): a shuffled hold-out of `fraction`, the same for the same seed."""
    order = list(range(len(rows)))
    random.Random(test.seed).shuffle(order)
    n_test = round(len(rows) * test.fraction)
    held = set(order[:n_test])
    return [r for i, r in enumerate(rows) if i not in held], [r for i, r in enumerate(rows) if i in held]


def _squash(text: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", text).strip()
