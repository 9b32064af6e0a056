"""The reply screen: may this model text be shown to the person who wrote the last message?

    python -m safety.reply_screen train      # fit on the train split, write the shipped artifact

Two parts, each of which can only add a reason to withhold a reply:
- rule groups as data (reply_rules.yaml) for what a few fixed words always give away;
- a logistic regression trained on the labelled replies of the packaged base and the demo
  adapters (safety/data/replies.jsonl, train split only), reading the reply's sentence embedding,
  its interaction with the person's message (the same "take them in the morning" is harmless
  about vitamins and unsafe about an overdose), the reply's word n-grams and the screened level.
  Its weights and thresholds are a shipped artifact (reply_screen.npz) with the data's
  fingerprint; the app loads it and never trains.

A reply answering a message at ideation or above is screened whole and must pass the strict
threshold, chosen by cross-validation so that STRICT_RECALL of the unsafe training replies are
caught (at these levels most replies of the packaged models are unsafe, so it withholds nearly
all of them: see the README). Other replies stream, and every part the chat releases
(safety/release.py) must pass the normal threshold, chosen by cross-validation so that at most
MAX_SAFE_REPLACED of the safe training replies would be cut somewhere as they stream.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from safety.encoder import Kept, embed
from safety.release import released_parts
from safety.reply_data import REPLIES
from safety.screen import LEVELS, RISK_LEVELS, normalise

RULES_FILE = Path(__file__).with_name("reply_rules.yaml")
ARTIFACT = Path(__file__).with_name("reply_screen.npz")
FEATURE_VERSION = 2  # raise when `features` changes: the shipped artifact is then stale
STRICT_RECALL = 1.0  # of unsafe training replies to messages at ideation or above, cross-validated
MAX_SAFE_REPLACED = 0.08  # of safe training replies at lower levels, cross-validated
C = 10.0  # chosen by cross-validation on the train split (0.1, 1, 10)
FOLDS = 5
WORDS = HashingVectorizer(ngram_range=(1, 3), n_features=2**15, alternate_sign=False, binary=True, norm="l2")
WORD_WEIGHT = 1.0
LEARNED_REASON = "the learned reply screen"
# The person's message is the same for every part of a reply the chat screens: read it once.
message_embeddings = Kept(embed, size=1_000)


@dataclass(frozen=True)
class Example:
    """A reply as the screen reads it: the person's last message, the reply, the screened level."""

    message: str
    reply: str
    level: str


def _last_user(messages: list[dict]) -> str:
    return next((str(m.get("content") or "") for m in reversed(messages) if m.get("role") == "user"), "")


def features(examples: list[Example]) -> sparse.csr_matrix:
    replies = embed([e.reply for e in examples])
    messages = message_embeddings([e.message for e in examples])
    levels = np.zeros((len(examples), len(LEVELS)), dtype=np.float32)
    for row, example in enumerate(examples):
        levels[row, LEVELS.index(example.level)] = 1.0
    words = WORDS.transform([normalise(e.reply) for e in examples]) * WORD_WEIGHT
    return sparse.hstack([sparse.csr_matrix(replies), sparse.csr_matrix(replies * messages),
                          sparse.csr_matrix(levels), words]).tocsr()


def data_fingerprint(path: Path = REPLIES) -> str:
    """What the artifact was trained from: the labelled replies and the feature code's version."""
    digest = hashlib.sha256(path.read_bytes())
    digest.update(f"features-{FEATURE_VERSION}".encode())
    return digest.hexdigest()


def load_replies(split: str, path: Path = REPLIES) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["split"] == split]


def _examples(rows: list[dict]) -> tuple[list[Example], np.ndarray]:
    return ([Example(_last_user(r["messages"]), r["reply"], r["level"]) for r in rows],
            np.array([r["label"] == "unsafe" for r in rows]))


def _replacing_at_most(scores: np.ndarray, share: float) -> float:
    """The lowest threshold that withholds at most `share` of these (safe) replies."""
    ranked = np.sort(scores)[::-1]
    allowed = int(np.floor(share * len(ranked)))
    return float(ranked[allowed]) + 1e-9 if allowed < len(ranked) else 0.0


def _threshold(scores: np.ndarray, unsafe: np.ndarray, recall: float) -> float:
    """The highest threshold that still catches `recall` of the unsafe replies."""
    caught = np.sort(scores[unsafe])[::-1]
    if not len(caught):
        return 0.5
    return float(caught[min(len(caught) - 1, int(np.ceil(recall * len(caught))) - 1)])


def _parts(examples: list[Example]) -> tuple[list[Example], np.ndarray]:
    """Every part of each reply the chat would screen as it streams, and which reply it is part of.
    A reply at ideation or above is screened whole, so it is its only part."""
    parts, owners = [], []
    for row, example in enumerate(examples):
        texts = [example.reply] if example.level in RISK_LEVELS else released_parts(example.reply) or [""]
        parts += [Example(example.message, text, example.level) for text in texts]
        owners += [row] * len(texts)
    return parts, np.array(owners)


def _highest_per_reply(scores: np.ndarray, owners: np.ndarray, replies: int) -> np.ndarray:
    highest = np.full(replies, -np.inf)
    np.maximum.at(highest, owners, scores)
    return highest


def train(path: Path = REPLIES) -> dict[str, np.ndarray]:
    """Fit on the train split's whole replies; thresholds from out-of-fold scores of the same split,
    a reply scoring as its highest-scoring released part (as the chat screens it)."""
    examples, unsafe = _examples(load_replies("train", path))
    x = features(examples)
    parts, owners = _parts(examples)
    x_parts = features(parts)
    out_of_fold = np.zeros(len(examples))
    for fit, held in StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(x, unsafe):
        model = LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit(x[fit], unsafe[fit])
        mine = np.isin(owners, held)
        scores = _highest_per_reply(model.predict_proba(x_parts[mine])[:, 1], owners[mine], len(examples))
        out_of_fold[held] = scores[held]
    at_risk = np.array([e.level in RISK_LEVELS for e in examples])
    model = LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit(x, unsafe)
    return {"coef": model.coef_[0].astype(np.float32), "intercept": model.intercept_.astype(np.float32),
            "strict": np.array(_threshold(out_of_fold[at_risk], unsafe[at_risk], STRICT_RECALL)),
            "normal": np.array(_replacing_at_most(out_of_fold[~at_risk & ~unsafe], MAX_SAFE_REPLACED)),
            "fingerprint": np.array(data_fingerprint(path))}


class ReplyScreen:
    """Why a reply must not be shown (an empty list when it may), read with the conversation."""

    def __init__(self, artifact: Path = ARTIFACT, rules: Path = RULES_FILE) -> None:
        self.artifact = artifact
        raw = yaml.safe_load(rules.read_text(encoding="utf-8"))
        self.rules = {reason: re.compile("|".join(f"(?:{p})" for p in patterns))
                      for reason, patterns in raw["rules"].items()}
        self.act_on_oneself = re.compile(raw["act_on_oneself"])
        self.framed_as_concern = re.compile(raw["framed_as_concern"])

    @property
    def _weights(self) -> dict[str, np.ndarray]:
        return _loaded(self.artifact)

    def rule_reasons(self, reply: str) -> list[str]:
        text = normalise(reply)
        reasons = [reason for reason, pattern in self.rules.items() if pattern.search(text)]
        unframed = any(not self.framed_as_concern.search(_clause_before(text, act.start()))
                       for act in self.act_on_oneself.finditer(text))
        first = "encourages, permits, plans or times an act"
        if unframed and first not in reasons:
            reasons.insert(0, first)
        return reasons

    def probability(self, messages: list[dict], reply: str, level: str) -> float:
        weights = self._weights
        x = features([Example(_last_user(messages), reply, level)])
        return float(1 / (1 + np.exp(-(x @ weights["coef"] + weights["intercept"])[0])))

    def reasons(self, messages: list[dict], reply: str, level: str) -> list[str]:
        """Why this text may not be shown now (the chat asks for each part it releases)."""
        if not reply.strip():
            return []
        reasons = self.rule_reasons(reply)
        threshold = float(self._weights["strict" if level in RISK_LEVELS else "normal"])
        if self.probability(messages, reply, level) >= threshold:
            reasons.append(LEARNED_REASON)
        return reasons

    def reasons_as_streamed(self, messages: list[dict], reply: str, level: str) -> list[str]:
        """Why the chat would withhold `reply` anywhere as it shows it: at ideation and above the
        whole reply's reasons; below, those of the first released part that fails."""
        return self.many_as_streamed([(messages, reply, level)])[0]

    def many_as_streamed(self, replies: list[tuple[list[dict], str, str]]) -> list[list[str]]:
        """`reasons_as_streamed` of (messages, reply, level) each, every part read in one batch:
        a study or an evaluation screens hundreds of replies, and the encoder pads a batch to its
        longest text, so parts are best batched by length across replies, not reply by reply."""
        parts = [[reply.strip()] if level in RISK_LEVELS else released_parts(reply) for _, reply, level in replies]
        examples = [Example(_last_user(messages), part, level)
                    for (messages, _, level), own in zip(replies, parts, strict=True) for part in own]
        weights = self._weights
        scores = iter(1 / (1 + np.exp(-(features(examples) @ weights["coef"] + weights["intercept"])))
                      if examples else ())
        found = []
        for (_, reply, level), own in zip(replies, parts, strict=True):
            threshold = float(weights["strict" if level in RISK_LEVELS else "normal"])
            learned = [bool(next(scores) >= threshold) for _ in own]
            if level in RISK_LEVELS:
                found.append(self.rule_reasons(reply) + [LEARNED_REASON] * learned[0] if reply.strip() else [])
                continue
            found.append(next((reasons for part, flagged in zip(own, learned, strict=True)
                               if (reasons := self.rule_reasons(part) + [LEARNED_REASON] * flagged)), []))
        return found


@lru_cache(maxsize=4)
def _loaded(path: Path) -> dict[str, np.ndarray]:
    with np.load(path) as stored:
        return {key: stored[key] for key in stored.files}


def _clause_before(text: str, end: int) -> str:
    """Up to 40 characters before `end`, back to the start of their clause."""
    return re.split(r"[,.;:!?]| but | and ", text[max(0, end - 40):end])[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["train"])
    parser.parse_args()
    weights = train()
    np.savez_compressed(ARTIFACT, **weights)
    print(f"wrote {ARTIFACT} (strict threshold {float(weights['strict']):.3f}, "
          f"normal {float(weights['normal']):.3f})")


if __name__ == "__main__":
    main()
