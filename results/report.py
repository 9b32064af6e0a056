"""The study's report: report.md with the charts and tables, the tables as CSV, the figures as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from results.analysis import ALL_CRITERIA
from results.charts import draw_all

AGREEMENT = "Krippendorff's alpha over participants × questions; ≥ 0.8 reliable, ≥ 0.667 tentative"


def write_report(figures: dict, frame: pd.DataFrame, folder: Path, title: str) -> Path:
    """Everything into `folder`; returns the path of report.md."""
    folder.mkdir(parents=True, exist_ok=True)
    charts = draw_all(figures, frame, folder)
    summary_table(figures).to_csv(folder / "summary.csv", index=False)
    pd.DataFrame(_flat_questions(figures)).to_csv(folder / "per_question.csv", index=False)
    (folder / "results.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
    images = "\n\n".join(f"![{name}]({path.name})" for name, path in charts.items())
    report = f"# {title}\n\n{summary_text(figures)}\n\n## Charts\n\n{images}\n"
    (folder / "report.md").write_text(report, encoding="utf-8")
    return folder / "report.md"


def summary_table(figures: dict) -> pd.DataFrame:
    """One row per criterion (and all criteria together): the headline figures."""
    a, b = figures["models"]
    rows = []
    for name, c in [*figures["criteria"].items(), (ALL_CRITERIA, figures[ALL_CRITERIA])]:
        rows.append({
            "criterion": name, "n_participants": c["n_pairs"], "n_ratings": c["n_ratings"],
            f"mean {a}": c["mean"][a], f"mean {b}": c["mean"][b],
            f"mean {a} CI": _interval(c["mean_ci"][a]), f"mean {b} CI": _interval(c["mean_ci"][b]),
            "mean difference": c["mean_difference"], "difference CI": _interval(c["mean_difference_ci"]),
            "p Wilcoxon": c["p_wilcoxon"], "p Holm": c["p_holm"], "p t-test": c["p_ttest"],
            "rank-biserial": c["rank_biserial"], "Cohen's d_z": c["cohens_dz"],
            "mixed-model effect": c["mixed_model"]["effect"], "mixed-model p": c["mixed_model"]["p"],
            f"alpha {a} (ordinal)": c.get("alpha", {}).get(a, {}).get("ordinal"),
            f"alpha {b} (ordinal)": c.get("alpha", {}).get(b, {}).get("ordinal"),
            "note": c["note"],
        })
    return pd.DataFrame(rows)


def summary_text(figures: dict) -> str:
    """The readable summary the CLI prints and report.md opens with (Markdown)."""
    headline = pd.concat([means_table(figures), tests_table(figures).drop(columns="criterion")], axis=1)
    return "\n".join([
        *summary_intro(figures).split("\n"), "", *_markdown_table(headline).split("\n"), "",
        f"**Agreement between raters** ({AGREEMENT}):", "", *_markdown_table(agreement_table(figures)).split("\n"),
        "", *summary_notes(figures).split("\n"),
    ])


def summary_intro(figures: dict) -> str:
    """What the figures are of, and how they were tested (Markdown): the text above the tables."""
    a, b = figures["models"]
    return "\n".join([
        f"**{figures['n_participants']} participants, {figures['n_ratings']} ratings**; models `{a}` and `{b}`; "
        f"differences are {figures['difference']}.",
        f"Attention-check failures: {figures['attention_check_failures']} participant(s), "
        + ("included." if figures["failed_attention_included"] else "excluded (use --include-failed to keep them)."),
        "",
        "The unit is the participant: each participant's mean difference across the questions they rated. "
        "Primary test: Wilcoxon signed-rank (Pratt's zeros); secondary: paired t-test; p-values adjusted across "
        "criteria with Holm's method. Robustness: a mixed model with crossed random effects (per participant an "
        "intercept and a model slope, per question an intercept).",
    ])


def summary_notes(figures: dict) -> str:
    """Position bias and what else to read with care (Markdown): the text below the tables."""
    bias = figures["position_bias"]
    lines = ["**Position bias** (first shown − second shown, per participant): "
             + (f"{_num(bias['mean_first_minus_second'], '+.2f')} points, Wilcoxon p = {_p(bias['p_wilcoxon'])}, "
                f"{bias['n_participants']} participants." if not bias["note"] else bias["note"])]
    notes = [m["note"] for m in (c["mixed_model"] for c in figures["criteria"].values()) if m["note"]]
    if notes:
        lines += ["", f"Mixed model: {notes[0]}."]
    lines += ["", "Per question (description, not a test): see per_question.csv and the chart."]
    return "\n".join(lines)


def means_table(figures: dict) -> pd.DataFrame:
    """Per criterion (and all together): participants, each model's mean and the difference, with 95% intervals
    (text, as shown). Where a criterion has too little data, the first model's column says why."""
    a, b = figures["models"]
    rows = []
    for name, c in _criteria(figures):
        if c["note"]:
            rows.append([name, str(c["n_pairs"]), c["note"], "", ""])
            continue
        rows.append([name, str(c["n_pairs"]), f"{_num(c['mean'][a])} {_interval(c['mean_ci'][a])}",
                     f"{_num(c['mean'][b])} {_interval(c['mean_ci'][b])}",
                     f"{_num(c['mean_difference'], '+.2f')} {_interval(c['mean_difference_ci'])}"])
    return pd.DataFrame(rows, columns=["criterion", "n", a, b, "difference (95% CI)"])


def tests_table(figures: dict) -> pd.DataFrame:
    """Per criterion (and all together): the paired tests, effect sizes and the mixed model (text, as shown)."""
    rows = []
    for name, c in _criteria(figures):
        if c["note"]:
            rows.append([name, *["–"] * 6])
            continue
        mixed = c["mixed_model"]
        rows.append([name, _p(c["p_wilcoxon"]), _p(c["p_holm"]), _p(c["p_ttest"]), _num(c["rank_biserial"]),
                     _num(c["cohens_dz"]),
                     f"{_num(mixed['effect'], '+.2f')} ({_p(mixed['p'])})" if mixed["effect"] is not None
                     else mixed["note"]])
    return pd.DataFrame(rows, columns=["criterion", "p Wilcoxon", "p Holm", "p t-test", "r_rb", "d_z",
                                       "mixed model (p)"])


def agreement_table(figures: dict) -> pd.DataFrame:
    """Krippendorff's alpha per criterion and model, with its reading (text, as shown)."""
    rows = [[name, model, _num(alpha["ordinal"]), _num(alpha["interval"]), str(alpha["n_raters"]), alpha["reading"]]
            for name, c in figures["criteria"].items() for model, alpha in c["alpha"].items()]
    return pd.DataFrame(rows, columns=["criterion", "model", "ordinal", "interval", "raters", "reading"])


def _criteria(figures: dict) -> list[tuple[str, dict]]:
    return [*figures["criteria"].items(), (ALL_CRITERIA, figures[ALL_CRITERIA])]


def _markdown_table(frame: pd.DataFrame) -> str:
    lines = ["| " + " | ".join(map(str, frame.columns)) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(map(str, row)) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines)


def _flat_questions(figures: dict) -> list[dict]:
    a, b = figures["models"]
    return [{"question": q["question"], f"mean {a}": q["mean"][a], f"mean {b}": q["mean"][b],
             "mean difference": q["mean_difference"], "n_participants": q["n_participants"],
             "n_ratings": q["n_ratings"]} for q in figures["per_question"]]


def _num(value: float | None, spec: str = ".2f") -> str:
    return "–" if value is None else format(value, spec)


def _p(value: float | None) -> str:
    if value is None:
        return "–"
    return "< 0.001" if value < 0.001 else f"{value:.3f}"


def _interval(ci: list[float] | None) -> str:
    return "" if ci is None else f"[{ci[0]:.2f}, {ci[1]:.2f}]"
