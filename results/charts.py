"""The study's charts as PNG files: means with intervals, score distributions, per-question differences."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no display on servers and Spaces

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

COLOURS = ("#4C72B0", "#DD8452")
DPI = 110
DISTRIBUTION_COLUMNS = 3  # panels a row: at 3.6 inches each, about 1,200 px, a results page's width
CHARTS = {"means": "means.png", "distributions": "distributions.png", "per_question": "per_question.png"}


def draw_all(figures: dict, frame: pd.DataFrame, folder: Path) -> dict[str, Path]:
    """Every chart into `folder`; returns name -> file."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / file for name, file in CHARTS.items()}
    means_chart(figures, paths["means"])
    distributions_chart(figures, frame, paths["distributions"])
    per_question_chart(figures, paths["per_question"])
    return paths


def means_chart(figures: dict, path: Path) -> None:
    """Mean rating per criterion per model, with 95% bootstrap intervals (report 000's figure, with intervals)."""
    models, criteria = figures["models"], list(figures["criteria"])
    x = np.arange(len(criteria))
    width = 0.38
    fig, ax = plt.subplots(figsize=(max(5.4, 1.1 * len(criteria)), 4.2))
    for i, model in enumerate(models):
        means = [figures["criteria"][c]["mean"][model] or 0 for c in criteria]
        intervals = [figures["criteria"][c]["mean_ci"][model] for c in criteria]
        errors = np.array([[m - ci[0], ci[1] - m] if ci else [0, 0] for m, ci in zip(means, intervals, strict=True)]).T
        ax.bar(x + (i - 0.5) * width, means, width, yerr=errors, capsize=4, label=model, color=COLOURS[i])
    ax.set_xticks(x, [_label(c, figures) for c in criteria], fontsize=9)
    ax.set_ylabel("mean rating (1–10), 95% CI", fontsize=10)
    ax.set_ylim(0, 10.5)
    ax.legend(frameon=False, fontsize=9)
    ax.set_title(f"{figures['n_participants']} participants, {figures['n_ratings']} ratings", fontsize=11)
    _save(fig, path)


def distributions_chart(figures: dict, frame: pd.DataFrame, path: Path) -> None:
    """How often each score was given, per criterion and model: one panel per criterion, at most three a row,
    so that the chart is read at its own size (about 1,200 px wide) without opening it."""
    models, criteria = figures["models"], list(figures["criteria"])
    counts = frame.groupby(["criterion", "model", "score"]).size()
    scores = np.arange(int(frame["score"].min()), int(frame["score"].max()) + 1) if len(frame) else np.arange(1, 11)
    columns = min(DISTRIBUTION_COLUMNS, max(1, len(criteria)))
    rows = -(-max(1, len(criteria)) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(3.6 * columns, 2.7 * rows + 0.5), sharey=True, squeeze=False)
    for ax, criterion in zip(axes.flat, criteria, strict=False):
        for i, model in enumerate(models):
            heights = [counts.get((criterion, model, s), 0) for s in scores]
            ax.bar(scores + (i - 0.5) * 0.4, heights, 0.4, color=COLOURS[i], label=model)
        ax.set_title(criterion, fontsize=11)
        ax.set_xticks(scores)
        ax.tick_params(labelsize=9)
    for ax in axes.flat[len(criteria):]:
        ax.set_visible(False)
    for row in axes:
        row[0].set_ylabel("ratings", fontsize=10)
    for ax in axes.flat[max(0, len(criteria) - columns):len(criteria)]:
        ax.set_xlabel("score", fontsize=10)
        ax.tick_params(labelbottom=True)
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper center", ncol=len(models), frameon=False, fontsize=10)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.45 / fig.get_figheight()))
    fig.savefig(path, dpi=DPI)
    plt.close(fig)


def per_question_chart(figures: dict, path: Path) -> None:
    """Each question's mean difference between the models (description, not a test)."""
    rows = [q for q in figures["per_question"] if q["mean_difference"] is not None]
    rows.sort(key=lambda q: q["mean_difference"])
    shown = rows if len(rows) <= 40 else rows[:20] + rows[-20:]  # the extremes of a long list
    fig, ax = plt.subplots(figsize=(5.4, max(2.5, 0.3 * len(shown) + 1)))
    values = [q["mean_difference"] for q in shown]
    ax.barh([q["question"] for q in shown], values, color=[COLOURS[1] if v > 0 else COLOURS[0] for v in values])
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(f"mean difference ({figures['difference']}), all criteria", fontsize=10)
    ax.tick_params(labelsize=9)
    ax.set_title(f"the 40 most different of {len(rows)} questions" if len(shown) < len(rows)
                 else f"{len(rows)} questions", fontsize=11)
    _save(fig, path)


def _label(criterion: str, figures: dict) -> str:
    return f"{criterion}\nn={figures['criteria'][criterion]['n_pairs']}"


def _save(fig, path: Path) -> None:
    fig.tight_layout()
    fig.savefig(path, dpi=DPI)
    plt.close(fig)
