"""Simulated rating studies that behave like real ones, for tests, benchmarks and power analysis.

Each participant has a leniency (some rate everything high) and a preference for one model
(rater-specific, averaging to zero over raters); each question a difficulty; the second
model is better by `effect` points on average. Scores are rounded and clipped to 1–10, and
each (participant, question) pair shows the models in a random order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MODELS = ("model-a", "model-b")
CRITERIA = ("empathy", "relevance", "information", "referral", "overall")


def simulate_study(participants: int = 20, questions: int = 10, effect: float = 0.0, *,
                   criteria: tuple[str, ...] = CRITERIA, leniency_sd: float = 1.0, difficulty_sd: float = 0.7,
                   preference_sd: float = 0.8, noise_sd: float = 1.2, seed: int = 0) -> pd.DataFrame:
    """Long-format ratings: participant, question, model, criterion, score, position."""
    rng = np.random.default_rng(seed)
    p_idx, q_idx, m_idx, c_idx = (a.ravel() for a in np.meshgrid(
        np.arange(participants), np.arange(questions), np.arange(2), np.arange(len(criteria)), indexing="ij"))
    leniency = rng.normal(0, leniency_sd, participants)
    preference = rng.normal(0, preference_sd, participants)
    difficulty = rng.normal(0, difficulty_sd, questions)
    latent = (5.5 + leniency[p_idx] + difficulty[q_idx] + m_idx * (effect + preference[p_idx])
              + rng.normal(0, noise_sd, len(p_idx)))
    first_is_b = rng.integers(0, 2, (participants, questions))[p_idx, q_idx]
    return pd.DataFrame({
        "participant": np.char.add("p", p_idx.astype(str)),
        "question": np.char.add("q", q_idx.astype(str)),
        "model": np.asarray(MODELS)[m_idx],
        "criterion": np.asarray(criteria)[c_idx],
        "score": np.clip(np.rint(latent), 1, 10).astype(int),
        "position": np.where(m_idx == first_is_b, 1, 2),
        "attention_failed": False,
    })
