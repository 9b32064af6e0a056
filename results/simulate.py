"""Simulated rating studies that behave like real ones, for tests, benchmarks and power analysis.

Each participant has a leniency (some rate everything high) and a preference for one model
(rater-specific, averaging to zero over raters); each question a difficulty; the second
model is better by `effect` points on average (one figure, or one per criterion). Scores are
rounded and clipped to 1–10, and each (participant, question) pair shows the models in a
random order.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

MODELS = ("model-a", "model-b")
CRITERIA = ("empathy", "relevance", "information", "referral", "overall")
# The spreads (standard deviations, in points) of a study that behaves like real ones.
LENIENCY_SD, DIFFICULTY_SD, PREFERENCE_SD, NOISE_SD = 1.0, 0.7, 0.8, 1.2


def simulate_study(participants: int = 20, questions: int = 10, effect: float | Mapping[str, float] = 0.0, *,
                   criteria: tuple[str, ...] = CRITERIA, leniency_sd: float = LENIENCY_SD,
                   difficulty_sd: float = DIFFICULTY_SD, preference_sd: float = PREFERENCE_SD,
                   noise_sd: float = NOISE_SD, seed: int = 0) -> pd.DataFrame:
    """Long-format ratings: participant, question, model, criterion, score, position."""
    rng = np.random.default_rng(seed)
    effects = np.array([effect[c] for c in criteria]) if isinstance(effect, Mapping) else np.full(len(criteria), effect)
    scores = simulate_scores(rng, participants, questions, effects, leniency_sd=leniency_sd,
                             difficulty_sd=difficulty_sd, preference_sd=preference_sd, noise_sd=noise_sd)
    p_idx, q_idx, m_idx, c_idx = (a.ravel() for a in np.indices(scores.shape))
    first_is_b = rng.integers(0, 2, (participants, questions))[p_idx, q_idx]
    return pd.DataFrame({
        "participant": np.char.add("p", p_idx.astype(str)),
        "question": np.char.add("q", q_idx.astype(str)),
        "model": np.asarray(MODELS)[m_idx],
        "criterion": np.asarray(criteria)[c_idx],
        "score": scores.ravel(),
        "position": np.where(m_idx == first_is_b, 1, 2),
        "attention_failed": False,
    })


def simulate_scores(rng: np.random.Generator, participants: int, questions: int, effects: np.ndarray, *,
                    leniency_sd: float = LENIENCY_SD, difficulty_sd: float = DIFFICULTY_SD,
                    preference_sd: float = PREFERENCE_SD, noise_sd: float = NOISE_SD) -> np.ndarray:
    """The scores alone, shape (participant, question, model, criterion): what power simulation needs,
    without the cost of a table. `effects` holds one difference in points per criterion."""
    shape = (participants, questions, 2, len(effects))
    p_idx, q_idx, m_idx, c_idx = np.indices(shape, sparse=True)
    leniency = rng.normal(0, leniency_sd, participants)
    preference = rng.normal(0, preference_sd, participants)
    difficulty = rng.normal(0, difficulty_sd, questions)
    latent = (5.5 + leniency[p_idx] + difficulty[q_idx] + m_idx * (effects[c_idx] + preference[p_idx])
              + rng.normal(0, noise_sd, shape))
    return np.clip(np.rint(latent), 1, 10).astype(int)
