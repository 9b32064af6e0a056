"""The crisis screen's labelled set as a dataset: safety/data/screening_set.jsonl, one labelled
message a line (text, context, level, kind, language, source, split; the data card is
safety/data/README.md). The one place its held-out splits are named."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

SCREENING_SET = Path(__file__).with_name("data") / "screening_set.jsonl"
# Never trained on: the newest fresh holdouts (the honest estimate for wording the screen has not
# seen) and the short openings. Every other split of the set is training data; the reply set's held-out
# replies answer only these (safety/reply_data.py).
HELD_OUT_SPLITS = ("holdout43", "holdout44", "openings")
FIELDS = ("text", "context", "level", "kind", "language", "source", "split")


def records(path: Path = SCREENING_SET) -> list[dict]:
    """Every labelled message, in file order. Callers must not change what they get."""
    return _parsed(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _parsed(path: Path, _version: int) -> list[dict]:
    found = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for number, record in enumerate(found, 1):
        if set(record) != set(FIELDS):
            raise ValueError(f"{path}: line {number} has fields {sorted(record)}, not {sorted(FIELDS)}")
    return found


def splits(path: Path = SCREENING_SET) -> dict[str, list[dict]]:
    """The records by split, splits in file order."""
    by_split: dict[str, list[dict]] = {}
    for record in records(path):
        by_split.setdefault(record["split"], []).append(record)
    return by_split


def split_names(path: Path = SCREENING_SET) -> tuple[str, ...]:
    return tuple(splits(path))


def training_splits(path: Path = SCREENING_SET) -> tuple[str, ...]:
    return tuple(split for split in split_names(path) if split not in HELD_OUT_SPLITS)


def canonical(value: object) -> bytes:
    """`value` as bytes that depend on its content alone, not on how a file lays it out."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
