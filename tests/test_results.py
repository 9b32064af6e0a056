"""The study analysis: figures equal scipy on a hand-made table, the tests keep their error rate on
simulated studies that behave like real ones, thin data gives words not NaN, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.multitest import multipletests

from helpers import write_study
from results.__main__ import main
from results.analysis import ALL_CRITERIA, Options, analyse, paired_tests, participant_means
from results.simulate import simulate_study
from survey.database import Database
from survey.store import Store
from survey.study import load_study

MODELS = ["model-a", "model-b"]
# Six participants, two questions, two criteria; model-b is usually a little better.
HAND_MADE = [  # participant, question, criterion, score a, score b, position of a
    ("p1", "q1", "empathy", 5, 7, 1), ("p1", "q2", "empathy", 6, 6, 2),
    ("p2", "q1", "empathy", 3, 4, 2), ("p2", "q2", "empathy", 4, 6, 1),
    ("p3", "q1", "empathy", 8, 8, 1), ("p3", "q2", "empathy", 7, 9, 2),
    ("p4", "q1", "empathy", 6, 5, 2), ("p4", "q2", "empathy", 5, 5, 1),
    ("p5", "q1", "empathy", 2, 6, 1), ("p5", "q2", "empathy", 4, 7, 2),
    ("p6", "q1", "empathy", 9, 9, 2), ("p6", "q2", "empathy", 8, 10, 1),
    ("p1", "q1", "relevance", 6, 6, 1), ("p1", "q2", "relevance", 5, 7, 2),
    ("p2", "q1", "relevance", 4, 3, 2), ("p2", "q2", "relevance", 5, 5, 1),
    ("p3", "q1", "relevance", 7, 8, 1), ("p3", "q2", "relevance", 8, 8, 2),
    ("p4", "q1", "relevance", 6, 7, 2), ("p4", "q2", "relevance", 4, 6, 1),
    ("p5", "q1", "relevance", 3, 3, 1), ("p5", "q2", "relevance", 5, 4, 2),
    ("p6", "q1", "relevance", 9, 10, 2), ("p6", "q2", "relevance", 7, 7, 1),
]


def hand_made() -> pd.DataFrame:
    rows = []
    for participant, question, criterion, a, b, position_a in HAND_MADE:
        rows.append((participant, question, "model-a", criterion, a, position_a))
        rows.append((participant, question, "model-b", criterion, b, 3 - position_a))
    return pd.DataFrame(rows, columns=["participant", "question", "model", "criterion", "score", "position"])


def test_every_figure_equals_scipy_computed_directly() -> None:
    frame = hand_made()
    figures = analyse(frame)
    p_values = []
    for criterion in ("empathy", "relevance"):
        rows = frame[frame["criterion"] == criterion]
        means = rows.pivot_table(index="participant", columns="model", values="score", aggfunc="mean")
        d = (means["model-b"] - means["model-a"]).to_numpy()
        got = figures["criteria"][criterion]
        assert got["n_pairs"] == 6 and got["n_ratings"] == 24
        assert got["mean"] == pytest.approx({m: means[m].mean() for m in MODELS})
        assert got["median"] == pytest.approx({m: means[m].median() for m in MODELS})
        assert got["mean_difference"] == pytest.approx(d.mean())
        # 2**6 sign flips are fewer than the resamples, so the permutation test is exact and deterministic.
        exact = stats.wilcoxon(d, zero_method="pratt", method=stats.PermutationMethod())
        assert got["p_wilcoxon"] == pytest.approx(exact.pvalue)
        assert got["p_ttest"] == pytest.approx(stats.ttest_rel(means["model-b"], means["model-a"]).pvalue)
        assert got["cohens_dz"] == pytest.approx(d.mean() / d.std(ddof=1))
        nonzero = d[d != 0]
        ranks = stats.rankdata(np.abs(nonzero))
        assert got["rank_biserial"] == pytest.approx((ranks[nonzero > 0].sum() - ranks[nonzero < 0].sum()) / ranks.sum())
        low, high = got["mean_difference_ci"]
        assert low <= d.mean() <= high and d.min() <= low and high <= d.max()
        for model in MODELS:
            matrix = rows[rows["model"] == model].pivot_table(index="participant", columns="question", values="score")
            for level in ("ordinal", "interval"):
                expected = krippendorff.alpha(reliability_data=matrix.to_numpy(float), level_of_measurement=level)
                assert got["alpha"][model][level] == pytest.approx(expected)
        p_values.append(exact.pvalue)
    holm = multipletests(p_values, method="holm")[1]
    assert [figures["criteria"][c]["p_holm"] for c in ("empathy", "relevance")] == pytest.approx(list(holm))
    by_position = frame.pivot_table(index="participant", columns="position", values="score", aggfunc="mean")
    first_minus_second = (by_position[1] - by_position[2]).to_numpy()
    assert figures["position_bias"]["mean_first_minus_second"] == pytest.approx(first_minus_second.mean())
    assert figures["position_bias"]["p_ttest"] == pytest.approx(stats.ttest_1samp(first_minus_second, 0).pvalue)


def composite_differences(frame: pd.DataFrame) -> np.ndarray:
    """Each participant's mean difference over all criteria and questions: what the primary test sees."""
    means = participant_means(frame, MODELS)
    return (means["model-b"] - means["model-a"]).to_numpy()


@pytest.mark.slow
def test_with_no_difference_about_five_percent_of_studies_are_significant() -> None:
    """200 simulated studies of 20 raters x 10 questions with rater leniency, question difficulty and
    rater-specific preferences that average to zero: 6.0% have p < 0.05 (bounds 2-9%). Testing every
    (participant, question) pair as independent instead gives 37.5% on the same studies."""
    rng = np.random.default_rng(0)
    significant = naive = 0
    for seed in range(200):
        frame = simulate_study(20, 10, effect=0.0, seed=seed)
        significant += paired_tests(composite_differences(frame), rng)["p_wilcoxon"] < 0.05
        pairs = frame.pivot_table(index=["participant", "question"], columns="model", values="score")
        naive += stats.wilcoxon(pairs["model-b"] - pairs["model-a"], zero_method="pratt").pvalue < 0.05
    assert 0.02 <= significant / 200 <= 0.09
    assert naive / 200 > 0.2  # the mistake this analysis avoids


def test_a_known_difference_is_found() -> None:
    """Effect 0.8 points, 20 raters x 10 questions: found (p < 0.05) in 48 of 50 simulated studies here."""
    rng = np.random.default_rng(1)
    found = sum(paired_tests(composite_differences(simulate_study(20, 10, effect=0.8, seed=1000 + s)), rng)
                ["p_wilcoxon"] < 0.05 for s in range(50))
    assert found >= 45
    figures = analyse(simulate_study(30, 10, effect=0.8, seed=7))
    overall = figures[ALL_CRITERIA]
    assert overall["p_wilcoxon"] < 0.05 and overall["mean_difference_ci"][0] > 0
    assert 0.5 < overall["mean_difference"] < 1.1 and overall["mixed_model"]["p"] < 0.05


def test_too_little_data_is_said_in_words_never_nan() -> None:
    one = hand_made().query("participant == 'p1'")
    figures = analyse(one)
    text = json.dumps(figures, allow_nan=False)  # raises on NaN
    empathy = figures["criteria"]["empathy"]
    assert empathy["p_wilcoxon"] is None and "too little data" in empathy["note"]
    assert "too little data" in empathy["alpha"]["model-a"]["reading"]
    assert "too little data" in empathy["mixed_model"]["note"]
    assert "NaN" not in text


def test_identical_scores_give_no_difference_and_undefined_agreement() -> None:
    frame = hand_made().assign(score=5)
    figures = analyse(frame)
    empathy = figures["criteria"]["empathy"]
    assert empathy["mean_difference"] == 0 and empathy["p_wilcoxon"] == 1.0
    assert empathy["alpha"]["model-a"]["reading"] == "every rating is the same score: agreement is undefined"
    json.dumps(figures, allow_nan=False)


def test_attention_check_failures_are_excluded_by_default_and_counted() -> None:
    frame = hand_made().assign(attention_failed=lambda f: f["participant"] == "p5")
    excluded = analyse(frame)
    included = analyse(frame, Options(include_failed_attention=True))
    assert excluded["attention_check_failures"] == included["attention_check_failures"] == 1
    assert excluded["n_participants"] == 5 and included["n_participants"] == 6


def test_cli_from_a_ratings_file_prints_json_and_writes_the_report(tmp_path: Path, capsys) -> None:
    ratings = tmp_path / "ratings.csv"
    simulate_study(12, 4, effect=0.5, seed=3).to_csv(ratings, index=False)
    out = tmp_path / "report"
    assert main(["analyze", "--ratings", str(ratings), "--json", "--out", str(out)]) == 0
    figures = json.loads(capsys.readouterr().out)
    for criterion in figures["criteria"].values():
        assert {"n_pairs", "mean", "mean_difference", "p_wilcoxon", "p_ttest", "p_holm", "alpha"} <= set(criterion)
    assert {p.name for p in out.iterdir()} >= {"report.md", "summary.csv", "per_question.csv", "results.json",
                                               "means.png", "distributions.png", "per_question.png"}
    assert "![means](means.png)" in (out / "report.md").read_text()
    assert json.loads((out / "results.json").read_text()) == figures


def test_cli_from_the_store_and_bad_input(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'ratings.sqlite3'}")
    monkeypatch.chdir(tmp_path)
    store = Store(Database())
    study = load_study(write_study(tmp_path / "studies", questions=2))
    for _ in range(3):
        person = store.join(study)
        for slot in person.slots:
            store.submit(study, person.participant_id, slot.item_id,
                         {p: {c.key: 4 + p for c in study.criteria} for p in (1, 2)})
    assert main(["analyze", study.id]) == 0
    assert "3 participants, 60 ratings" in capsys.readouterr().out
    assert (tmp_path / "results" / study.id / "report.md").exists()
    assert main(["analyze", "no-such-study"]) == 2
    assert "has no ratings yet" in capsys.readouterr().err
    (tmp_path / "bad.csv").write_text("who,what\n1,2\n")
    assert main(["analyze", "--ratings", str(tmp_path / "bad.csv")]) == 2
    assert "lack column(s)" in capsys.readouterr().err


def test_the_t_test_is_undefined_when_every_participant_differs_by_the_same_amount() -> None:
    tests = paired_tests(np.array([2.0, 2.0, 2.0]), np.random.default_rng(0))
    assert tests["p_ttest"] is None and tests["t"] is None and tests["cohens_dz"] is None
    assert tests["p_wilcoxon"] is not None  # the primary test still says something
