"""The figures of a two-model rating study, computed with the participant as the unit.

Ratings from one participant are not independent (some raters simply prefer one model), so
every test works on each participant's mean difference between the two models across the
questions they rated. The difference is always models[1] − models[0].

Every figure comes with the participants and ratings behind it; where there is too little
data for a figure it is None and `note` says why in words (never NaN, never an exception).
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import krippendorff
import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests

from results.mixed_model import MAX_PARTICIPANTS, mixed_model

CONFIDENCE = 0.95
BOOTSTRAP_RESAMPLES = 2000
LARGE_STUDY = 2000  # participants; above, 1000 resamples give the same intervals to two decimals, in half the time
PERMUTATION_RESAMPLES = 9999  # exhaustive (exact) below 14 participants
PERMUTATION_UP_TO = 2000  # participants; beyond, the normal approximation (tie-corrected) is as good and faster
ALL_CRITERIA = "all criteria"
REQUIRED_COLUMNS = ("participant", "question", "model", "criterion", "score", "position")


class RatingsError(ValueError):
    """A ratings table that cannot be analysed as given."""


@dataclass(frozen=True)
class Options:
    include_failed_attention: bool = False
    seed: int = 2026


def check_ratings(frame: pd.DataFrame) -> pd.DataFrame:
    """The table with the columns the analysis needs, or RatingsError saying what is wrong."""
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise RatingsError(f"the ratings lack column(s) {missing}; expected at least {list(REQUIRED_COLUMNS)}")
    frame = frame.copy()
    frame["score"] = pd.to_numeric(frame["score"], errors="coerce")
    frame["position"] = pd.to_numeric(frame["position"], errors="coerce")
    bad = frame["score"].isna() | frame["position"].isna()
    if bad.any():
        raise RatingsError(f"{int(bad.sum())} rating(s) have a score or position that is not a number")
    for column in ("participant", "question", "model", "criterion"):
        frame[column] = frame[column].astype(str)
    if "attention_failed" not in frame.columns:
        frame["attention_failed"] = False
    frame["attention_failed"] = frame["attention_failed"].astype(str).str.lower().isin(("true", "1", "yes"))
    models = sorted(frame["model"].unique())
    if len(models) != 2:
        raise RatingsError(f"a comparison needs exactly two models; the ratings have {len(models)}: {models}")
    return frame


def analyse(frame: pd.DataFrame, options: Options = Options()) -> dict:
    """Every figure of the study, as plain data (the JSON the CLI prints)."""
    frame = check_ratings(frame)
    failed = sorted(frame.loc[frame["attention_failed"], "participant"].unique())
    if not options.include_failed_attention:
        frame = frame[~frame["attention_failed"]]
    models = sorted(frame["model"].unique()) if not frame.empty else []
    if len(models) != 2:
        raise RatingsError("after excluding failed attention checks fewer than two models are left")
    rng = np.random.default_rng(options.seed)
    criteria = sorted(frame["criterion"].unique())
    results = {c: _criterion(frame[frame["criterion"] == c], models, rng) for c in criteria}
    for c, p in zip(criteria, holm([results[c]["p_wilcoxon"] for c in criteria]), strict=True):
        results[c]["p_holm"] = p
    overall = frame.groupby(["participant", "question", "model"], as_index=False).agg(
        score=("score", "mean"), position=("position", "first"))
    return {
        "models": models,
        "difference": f"{models[1]} − {models[0]}",
        "n_participants": int(frame["participant"].nunique()),
        "n_ratings": len(frame),
        "attention_check_failures": len(failed),
        "failed_attention_included": options.include_failed_attention,
        "criteria": results,
        ALL_CRITERIA: _criterion(overall, models, rng, composite=True),
        "position_bias": position_bias(frame),
        "per_question": per_question(frame, models),
    }


def holm(p_values: list[float | None]) -> list[float | None]:
    """Holm-adjusted p-values across criteria; a criterion without a test (None) stays None and is not counted."""
    testable = [i for i, p in enumerate(p_values) if p is not None]
    adjusted: list[float | None] = [None] * len(p_values)
    if testable:
        for i, p in zip(testable, multipletests([p_values[i] for i in testable], method="holm")[1], strict=True):
            adjusted[i] = float(p)
    return adjusted


def participant_means(rows: pd.DataFrame, models: list[str]) -> pd.DataFrame:
    """One row per participant who rated both models: their mean score for each."""
    means = rows.pivot_table(index="participant", columns="model", values="score", aggfunc="mean")
    return means.reindex(columns=models).dropna()


def _criterion(rows: pd.DataFrame, models: list[str], rng: np.random.Generator, composite: bool = False) -> dict:
    means = participant_means(rows, models)
    differences = (means[models[1]] - means[models[0]]).to_numpy()
    n = len(differences)
    result: dict = {"n_pairs": n, "n_ratings": len(rows), "note": ""}
    # Per model: the mean and median of participants' means, the unit of the intervals and the tests.
    intervals = _intervals(means[models[0]].to_numpy(), means[models[1]].to_numpy(), rng)
    result["mean"] = {m: _value(means[m].mean()) if n else None for m in models}
    result["mean_ci"] = {m: intervals[f"mean {i}"] for i, m in enumerate(models)}
    result["median"] = {m: _value(means[m].median()) if n else None for m in models}
    result["median_ci"] = {m: intervals[f"median {i}"] for i, m in enumerate(models)}
    result["mean_difference"] = _value(differences.mean()) if n else None
    result["mean_difference_ci"] = intervals["mean difference"]
    result.update(paired_tests(differences, rng))
    result["p_holm"] = None
    large = rows["participant"].nunique() > MAX_PARTICIPANTS
    result["mixed_model"] = (mixed_model(rows, models) if composite or not large else
                             {"effect": None, "ci": None, "p": None, "n_participants": 0, "n_ratings": 0,
                              "note": "a large study: the mixed model is fitted for all criteria together"})
    if not composite:
        result["alpha"] = {m: rater_agreement(rows[rows["model"] == m]) for m in models}
    if n < 2:
        result["note"] = f"too little data: {n} participant(s) rated both models; a paired test needs at least 2"
    return result


def paired_tests(differences: np.ndarray, rng: np.random.Generator) -> dict:
    """Wilcoxon signed-rank (primary), paired t-test (secondary) and effect sizes on per-participant differences."""
    n = len(differences)
    out: dict = {"p_wilcoxon": None, "wilcoxon_method": None, "p_ttest": None, "t": None,
                 "rank_biserial": None, "cohens_dz": None}
    if n < 2:
        return out
    if np.all(differences == 0):
        out.update(p_wilcoxon=1.0, p_ttest=1.0, t=0.0, rank_biserial=0.0, cohens_dz=0.0,
                   wilcoxon_method="every difference is zero")
        return out
    if n <= PERMUTATION_UP_TO:
        out["p_wilcoxon"], out["wilcoxon_method"] = wilcoxon_permutation_p(differences, rng), "permutation"
    else:
        out["p_wilcoxon"], out["wilcoxon_method"] = float(wilcoxon_normal_p(differences)), "normal approximation"
    out["rank_biserial"] = rank_biserial(differences)
    spread = differences.std(ddof=1)
    if spread > 0:
        test = stats.ttest_1samp(differences, 0.0)
        out.update(p_ttest=float(test.pvalue), t=float(test.statistic), cohens_dz=float(differences.mean() / spread))
    # else every participant differs by the same amount: no variance, so the t-test is undefined (left None)
    return out


def wilcoxon_permutation_p(differences: np.ndarray, rng: np.random.Generator) -> float:
    """Two-sided p of Wilcoxon's signed-rank test (Pratt's zeros) by sign-flip permutation.

    The same test as scipy.stats.wilcoxon(zero_method="pratt", method=PermutationMethod()),
    whose statistic is computed one resample at a time; Pratt's ranks of |d| do not change
    when signs flip, so here the statistic (the sum of positive ranks) is one matrix product.
    """
    ranks = stats.rankdata(np.abs(differences))
    positive = differences > 0

    def positive_rank_sum(sample: np.ndarray, axis: int = -1) -> np.ndarray:
        return np.sum((sample > 0) * ranks, axis=axis)

    signed = np.where(positive, 1.0, np.where(differences < 0, -1.0, 0.0))
    result = stats.permutation_test((signed,), positive_rank_sum, permutation_type="samples", vectorized=True,
                                    n_resamples=PERMUTATION_RESAMPLES, rng=rng)
    return float(result.pvalue)


def wilcoxon_normal_p(differences: np.ndarray) -> np.ndarray:
    """Two-sided p of the same Wilcoxon test by the tie-corrected normal approximation, along the last
    axis: the path for studies too large for the permutation to be worth its time."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return stats.wilcoxon(differences, zero_method="pratt", method="asymptotic", axis=-1).pvalue


def rank_biserial(differences: np.ndarray) -> float:
    """Matched-pairs rank-biserial correlation: (sum of positive ranks − negative ranks) / all ranks, zeros dropped."""
    nonzero = differences[differences != 0]
    if len(nonzero) == 0:
        return 0.0
    ranks = stats.rankdata(np.abs(nonzero))
    return float((ranks[nonzero > 0].sum() - ranks[nonzero < 0].sum()) / ranks.sum())


def rater_agreement(rows: pd.DataFrame) -> dict:
    """Krippendorff's alpha over raters × questions, ordinal and interval, with the usual reading."""
    matrix = rows.pivot_table(index="participant", columns="question", values="score", aggfunc="mean")
    raters_per_question = matrix.notna().sum(axis=0)
    out: dict = {"ordinal": None, "interval": None, "n_raters": int(len(matrix)),
                 "n_questions": int((raters_per_question >= 2).sum()), "reading": ""}
    if out["n_questions"] == 0:
        out["reading"] = "too little data: no question was rated by two or more participants"
        return out
    values = matrix.to_numpy(dtype=float)
    if np.unique(values[~np.isnan(values)]).size < 2:
        out["reading"] = "every rating is the same score: agreement is undefined"
        return out
    for level in ("ordinal", "interval"):
        out[level] = _value(krippendorff.alpha(reliability_data=values, level_of_measurement=level))
    out["reading"] = alpha_reading(out["ordinal"])
    return out


def alpha_reading(alpha: float | None) -> str:
    if alpha is None:
        return "undefined"
    if alpha >= 0.8:
        return "reliable (≥ 0.8)"
    if alpha >= 0.667:
        return "tentative (≥ 0.667)"
    return "unreliable (< 0.667)"


def position_bias(frame: pd.DataFrame) -> dict:
    """Whether the answer shown first scores higher: per participant, mean(first) − mean(second)."""
    means = frame.pivot_table(index="participant", columns="position", values="score", aggfunc="mean")
    if 1 not in means.columns or 2 not in means.columns:
        return {"n_participants": 0, "mean_first_minus_second": None, "p_wilcoxon": None,
                "note": "too little data: no participant saw answers in both positions"}
    differences = (means[1] - means[2]).dropna().to_numpy()
    tests = paired_tests(differences, np.random.default_rng(0))
    note = "" if len(differences) >= 2 else "too little data for a test"
    return {"n_participants": len(differences), "n_ratings": len(frame),
            "mean_first_minus_second": _value(differences.mean()) if len(differences) else None,
            "p_wilcoxon": tests["p_wilcoxon"], "p_ttest": tests["p_ttest"], "note": note}


def per_question(frame: pd.DataFrame, models: list[str]) -> list[dict]:
    """Description only: each question's mean per model over all criteria, and the difference."""
    table = frame.pivot_table(index="question", columns="model", values="score", aggfunc="mean").reindex(columns=models)
    raters = frame.groupby("question")["participant"].nunique()
    counts = frame.groupby("question").size()
    return [{"question": q, "mean": {m: _value(table.loc[q, m]) for m in models},
             "mean_difference": _value(table.loc[q, models[1]] - table.loc[q, models[0]]),
             "n_participants": int(raters[q]), "n_ratings": int(counts[q])} for q in table.index]


def _intervals(a: np.ndarray, b: np.ndarray, rng: np.random.Generator) -> dict[str, list[float] | None]:
    """95% bootstrap intervals (percentile), resampling participants: one resample serves every statistic.
    Keys: mean 0, mean 1, median 0, median 1 (0 and 1: the first and second model), mean difference."""
    names = ["mean 0", "mean 1", "median 0", "median 1", "mean difference"]
    if len(a) < 2:
        return dict.fromkeys(names)

    def statistics(x: np.ndarray, y: np.ndarray, axis: int = -1) -> np.ndarray:
        return np.stack([x.mean(axis=axis), y.mean(axis=axis), np.median(x, axis=axis), np.median(y, axis=axis),
                         (y - x).mean(axis=axis)])

    estimates = statistics(a, b)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a degenerate distribution (all equal) is handled below
        result = stats.bootstrap((a.astype(np.float32), b.astype(np.float32)), statistics, paired=True,
                                 vectorized=True, method="percentile", confidence_level=CONFIDENCE, rng=rng,
                                 n_resamples=BOOTSTRAP_RESAMPLES if len(a) <= LARGE_STUDY else BOOTSTRAP_RESAMPLES // 2)
    low, high = result.confidence_interval
    return {name: [float(lo), float(hi)] if not (np.isnan(lo) or np.isnan(hi)) else [float(e), float(e)]
            for name, lo, hi, e in zip(names, low, high, estimates, strict=True)}


def _value(x: float) -> float | None:
    x = float(x)
    return None if math.isnan(x) else x
