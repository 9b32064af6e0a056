"""How many participants a rating study needs: power by simulating the analysis the Results run.

Power is the share of simulated studies in which the Results would find the difference at
alpha 0.05: per criterion, each participant's mean difference between the models, Wilcoxon's
signed-rank test with Pratt's zeros (sign-flip permutation, 9,999 resamples, exact below 14
participants, the normal approximation above 2,000, as analysis.paired_tests) and Holm's
adjustment across the criteria; for all criteria together the composite's own p, which
analyse reports unadjusted. Studies come from results.simulate: every participant rates the
same number of questions, with the spreads assumed or estimated from a pilot.

The test runs on every simulated study at once (one matrix product for the sign flips)
instead of through analyse, which would also bootstrap intervals and fit a mixed model; the
tests check that these pieces give the analysis' own figures.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no display on servers and Spaces

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from scipy import stats  # noqa: E402

from results.analysis import (  # noqa: E402
    ALL_CRITERIA, PERMUTATION_RESAMPLES, PERMUTATION_UP_TO, RatingsError, check_ratings, wilcoxon_normal_p)
from results.simulate import (  # noqa: E402
    DIFFICULTY_SD, LENIENCY_SD, NOISE_SD, PREFERENCE_SD, simulate_scores)

ALPHA = 0.05
TARGETS = (0.8, 0.9)
SMALLEST, LARGEST = 5, 300  # participants searched by default
SIMULATIONS = 500
SEED = 2026
SPREADS = ("rater_sd", "item_sd", "rater_model_sd", "noise_sd")


class PlanError(ValueError):
    """Assumptions a power simulation cannot use."""


@dataclass(frozen=True)
class Assumptions:
    """What the simulated studies assume, in points of the 1–10 scale; `estimated`: the fields taken from a pilot."""
    effects: dict[str, float]  # criterion -> mean difference, second model − first
    questions: int = 10  # rated by each participant
    rater_sd: float = LENIENCY_SD  # leniency: some participants rate everything higher
    item_sd: float = DIFFICULTY_SD  # difficulty: some questions get higher ratings for both models
    rater_model_sd: float = PREFERENCE_SD  # participants' own preference for one model
    noise_sd: float = NOISE_SD  # everything else, per rating
    estimated: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.effects or not all(self.effects):
            raise PlanError(f"the criteria need names (got {list(self.effects)})")
        if not all(math.isfinite(e) for e in self.effects.values()):
            raise PlanError("every effect must be a number of points")
        if self.questions < 1:
            raise PlanError(f"questions per participant must be at least 1 (got {self.questions})")
        for name in SPREADS:
            value = getattr(self, name)
            if not (math.isfinite(value) and value >= 0):
                raise PlanError(f"{name.replace('_', '-')} is a standard deviation: 0 or more (got {value})")

    def stated(self, **values: float | None) -> Assumptions:
        """These assumptions with the given (not None) values in place of estimates; `effect` sets every criterion."""
        given = {k: v for k, v in values.items() if v is not None}
        if "effect" in given:
            given["effects"] = dict.fromkeys(self.effects, float(given.pop("effect")))
        return dataclasses.replace(self, **given, estimated=tuple(e for e in self.estimated if e not in given))


def power(assumptions: Assumptions, participants: int, simulations: int = SIMULATIONS, seed: int = SEED,
          alpha: float = ALPHA) -> dict[str, float]:
    """Share of `simulations` studies of `participants` in which the Results find the difference, per criterion
    (Holm-adjusted p < alpha) and for all criteria. The same seed and size draw the same studies whatever
    the effect, so the powers of two effects differ by the effect, not by chance."""
    if participants < 2:
        raise PlanError("a paired test needs at least 2 participants")
    rng = np.random.default_rng([seed, participants])
    effects = np.array(list(assumptions.effects.values()), dtype=float)
    differences = np.stack([participant_differences(simulate_scores(
        rng, participants, assumptions.questions, effects, leniency_sd=assumptions.rater_sd,
        difficulty_sd=assumptions.item_sd, preference_sd=assumptions.rater_model_sd,
        noise_sd=assumptions.noise_sd)) for _ in range(simulations)])  # study, participant, criterion + composite
    p = np.stack([wilcoxon_p(differences[:, :, k], rng) for k in range(differences.shape[2])], axis=1)
    found = np.column_stack([holm(p[:, :-1]), p[:, -1]]) < alpha
    return dict(zip([*assumptions.effects, ALL_CRITERIA], found.mean(axis=0).tolist(), strict=True))


def plan(assumptions: Assumptions, simulations: int = SIMULATIONS, seed: int = SEED, largest: int = LARGEST,
         alpha: float = ALPHA) -> dict:
    """Power on a grid of participant counts (SMALLEST..largest, about 15% apart), stopping once every figure
    reaches the highest target; then, between the grid points around each target, bisection for the
    smallest count that reaches it. "participants" lists every count simulated, "power" each figure's there."""
    if all(e == 0 for e in assumptions.effects.values()):
        raise PlanError(f"with no difference between the models the power is only the false-positive rate "
                        f"({alpha:g}) at any size; state the smallest difference worth finding with --effect")
    if simulations < 10:
        raise PlanError(f"power from fewer than 10 simulated studies means little (got {simulations})")
    if largest < SMALLEST:
        raise PlanError(f"the largest study searched must be at least {SMALLEST} participants (got {largest})")
    curve: dict[int, dict[str, float]] = {}

    def power_at(n: int) -> dict[str, float]:
        if n not in curve:
            curve[n] = power(assumptions, n, simulations, seed, alpha)
        return curve[n]

    for n in participant_grid(largest):
        if all(value >= max(TARGETS) for value in power_at(n).values()):
            break
    names = [*assumptions.effects, ALL_CRITERIA]
    for name in names:
        for target in TARGETS:
            _bisect(power_at, sorted(curve), name, target)
    grid = sorted(curve)
    power_of = {name: [curve[n][name] for n in grid] for name in names}
    return {"alpha": alpha, "simulations": simulations, "seed": seed, "largest": largest,
            "assumptions": dataclasses.asdict(assumptions) | {"estimated": list(assumptions.estimated)},
            "participants": grid, "power": power_of,
            "needed": {name: {f"{t:.0%}": _settled(grid, power_of[name], t) for t in TARGETS} for name in names}}


def _settled(counts: list[int], powers: list[float], target: float) -> int | None:
    """The smallest count from which every count simulated reaches `target`: power saws up and down
    with chance and with the test's discreteness in small studies, so the first to reach it may be a peak."""
    below = [n for n, p in zip(counts, powers, strict=True) if p < target]
    later = [n for n in counts if not below or n > below[-1]]
    return later[0] if later else None


def _bisect(power_at: Callable[[int], dict[str, float]], grid: list[int], name: str, target: float) -> None:
    """Simulates the counts that bisect the gap below the grid count from which `name` reaches `target`."""
    powers = [power_at(n)[name] for n in grid]
    high = _settled(grid, powers, target)
    if high is None or high == grid[0]:
        return
    low = grid[grid.index(high) - 1]
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if power_at(middle)[name] >= target else (middle, high)


def participant_grid(largest: int) -> list[int]:
    """SMALLEST..largest about 15% apart: the coarse search, which bisection then sharpens near each target."""
    steps = math.ceil(math.log(largest / SMALLEST) / math.log(1.15))
    return sorted({min(largest, round(SMALLEST * 1.15 ** k)) for k in range(steps + 1)})


def participant_differences(scores: np.ndarray) -> np.ndarray:
    """Each participant's mean difference (second model − first) per criterion, then over all criteria:
    what analysis.participant_means gives, from scores shaped (participant, question, model, criterion)."""
    difference = scores[:, :, 1, :] - scores[:, :, 0, :]
    return np.column_stack([difference.mean(axis=1), difference.mean(axis=(1, 2))])


def wilcoxon_p(differences: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """analysis.paired_tests' Wilcoxon p for each row (a study; columns are participants) at once.

    The permutation is analysis.wilcoxon_permutation_p's: every sign pattern when there are no more
    than its resamples (exact), else that many random ones with scipy's (count + 1) / (resamples + 1);
    two-sided, twice the smaller tail. Its statistic, the sum of positive ranks, rises with the sum
    of signed ranks, so the null is one matrix product of signed ranks (doubled: integers, exact in
    float32) with the sign flips. The rows share the flips; each row's p is still its own test's.
    """
    n = differences.shape[1]
    if n > PERMUTATION_UP_TO:
        return np.nan_to_num(wilcoxon_normal_p(differences), nan=1.0)  # nan: every difference is zero
    signed_ranks = (np.sign(differences) * stats.rankdata(np.abs(differences), axis=1) * 2).astype(np.float32)
    exact = 2 ** n <= PERMUTATION_RESAMPLES
    if exact:
        flips = 1 - 2 * ((np.arange(2 ** n)[:, None] >> np.arange(n)) & 1)
    else:
        flips = rng.choice(np.array([-1, 1]), size=(PERMUTATION_RESAMPLES, n))
    null = signed_ranks @ flips.T.astype(np.float32)
    observed = signed_ranks.sum(axis=1, keepdims=True)
    adjustment = 0 if exact else 1
    lower = (np.count_nonzero(null <= observed, axis=1) + adjustment) / (len(flips) + adjustment)
    upper = (np.count_nonzero(null >= observed, axis=1) + adjustment) / (len(flips) + adjustment)
    return np.minimum(2 * np.minimum(lower, upper), 1.0)


def holm(p: np.ndarray) -> np.ndarray:
    """analysis.holm for each row at once (statsmodels' multipletests collects garbage on every call: 50–100 ms)."""
    order = np.argsort(p, axis=1)
    ranked = np.take_along_axis(p, order, axis=1) * np.arange(p.shape[1], 0, -1)
    adjusted = np.empty_like(p)
    np.put_along_axis(adjusted, order, np.minimum(np.maximum.accumulate(ranked, axis=1), 1.0), axis=1)
    return adjusted


def pilot_assumptions(frame: pd.DataFrame) -> Assumptions:
    """Every assumption estimated from pilot ratings (the long format `analyze --ratings` reads), by moments.

    Effects: per criterion the mean of participants' mean differences, as the analysis reports it.
    Noise: within a participant, the variance of their differences (each criterion's effect taken
    out) is twice the noise variance. Rater-by-model: the variance of participants' mean differences,
    less the noise it carries. With each rating's level, the mean of both models over the criteria:
    within a question, its variance over participants is rater + a quarter of rater-by-model +
    noise; within a participant, its variance over questions is item + noise. Negative estimates
    are 0. Rounding to whole points counts as noise, so the noise errs a little high (cautious).
    """
    frame = check_ratings(frame)
    frame = frame[~frame["attention_failed"]]
    models = sorted(frame["model"].unique())
    cells = frame.pivot_table(index=["participant", "question", "criterion"], columns="model", values="score",
                              aggfunc="mean").reindex(columns=models).dropna()
    if cells.index.get_level_values("participant").nunique() < 3:
        raise RatingsError("a pilot needs at least 3 participants who rated both models "
                           "(after excluding failed attention checks)")
    difference = cells[models[1]] - cells[models[0]]
    effects = difference.groupby(["criterion", "participant"]).mean().groupby("criterion").mean()
    centred = difference - effects.reindex(difference.index.get_level_values("criterion")).to_numpy()
    noise = _pooled_variance(centred, "participant", "participants with two or more ratings") / 2
    per_participant = centred.groupby("participant")
    rater_model = per_participant.mean().var(ddof=1) - (2 * noise / per_participant.size()).mean()
    level = ((cells[models[0]] + cells[models[1]]) / 2).groupby(["participant", "question"]).mean()
    level_noise = noise / (2 * len(effects))
    rater = (_pooled_variance(level, "question", "questions rated by two or more participants")
             - level_noise - max(rater_model, 0) / 4)
    item = _pooled_variance(level, "participant", "participants who rated two or more questions") - level_noise
    questions = frame.groupby("participant")["question"].nunique().median()
    return Assumptions(effects={c: float(e) for c, e in effects.items()}, questions=round(questions),
                       rater_sd=_sd(rater), item_sd=_sd(item), rater_model_sd=_sd(rater_model), noise_sd=_sd(noise),
                       estimated=("effects", "questions", *SPREADS))


def _pooled_variance(values: pd.Series, by: str, needs: str) -> float:
    """Variance within the groups of one index level, pooled over them (each group's mean taken out)."""
    groups = values.groupby(level=by)
    freedom = int((groups.size() - 1).sum())
    if freedom == 0:
        raise RatingsError(f"a pilot needs {needs} to estimate the spreads")
    return float(((values - groups.transform("mean")) ** 2).sum() / freedom)


def _sd(variance: float) -> float:
    return math.sqrt(max(variance, 0.0))


def plan_text(result: dict) -> str:
    """The plan in words: participants needed per criterion, then what was assumed."""
    a, largest = result["assumptions"], result["largest"]
    targets = list(next(iter(result["needed"].values())))
    composite = float(np.mean(list(a["effects"].values())))
    lines = [(f"Participants needed for {' and '.join(targets)} power (alpha {result['alpha']:g}; "
              f"{result['simulations']} simulated studies per size, seed {result['seed']})"), "",
             f"{'criterion':<16}{'effect':>8}" + "".join(f"{t + ' power':>14}" for t in targets)]
    for name, needed in result["needed"].items():
        effect = a["effects"].get(name, composite)
        lines.append(f"{name:<16}{effect:>8.2f}" + "".join(
            f"{n if n is not None else f'more than {largest}':>14}" for n in needed.values()))
    estimated = set(a["estimated"])
    source = {name: " (pilot)" if name in estimated else "" for name in ("questions", *SPREADS)}
    lines += ["", (f"Each participant rates {a['questions']} questions{source['questions']}; spreads (SD, points): "
                   f"rater {a['rater_sd']:.2f}{source['rater_sd']}, item {a['item_sd']:.2f}{source['item_sd']}, "
                   f"rater-by-model {a['rater_model_sd']:.2f}{source['rater_model_sd']}, "
                   f"noise {a['noise_sd']:.2f}{source['noise_sd']}."),
              f"Effects are {'estimated from the pilot' if 'effects' in estimated else 'stated'}; each criterion "
              f"is tested with Holm's adjustment across {len(a['effects'])}, all criteria together without."]
    return "\n".join(lines)


def power_chart(result: dict, path: Path) -> Path:
    """Power against participants, a line per criterion and a thick one for all criteria, with the targets.
    A `path` without a suffix is a folder, as `analyze --out` takes one."""
    path = path if path.suffix else path / "power_curve.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    for name, values in result["power"].items():
        composite = name == ALL_CRITERIA
        ax.plot(result["participants"], values, marker="o", markersize=3, label=name,
                linewidth=2.5 if composite else 1.2, color="black" if composite else None)
    for target in TARGETS:
        ax.axhline(target, color="grey", linestyle=":", linewidth=1)
    ax.set_xlabel("participants")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(f"power (share of studies with p < {result['alpha']:g})")
    ax.set_ylim(0, 1.02)
    ax.set_title(f"{result['assumptions']['questions']} questions each, {result['simulations']} simulated studies "
                 "per size; criteria Holm-adjusted", fontsize=9)
    ax.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
