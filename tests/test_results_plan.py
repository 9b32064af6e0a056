"""Sample-size planning: its pieces give the analysis' own figures, its power at a known design
agrees with counting the analysis on simulated studies, no effect gives the false-positive rate,
the answers move the right way, a pilot gives back what it was simulated with, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from results.__main__ import main
from results.analysis import ALL_CRITERIA, holm, paired_tests, participant_means
from results.plan import Assumptions, PlanError, participant_differences, pilot_assumptions, plan, power, wilcoxon_p
from results.plan import holm as holm_rows
from results.simulate import CRITERIA, MODELS, simulate_scores, simulate_study

MODEL_LIST = list(MODELS)


def analysed_differences(rows: pd.DataFrame) -> np.ndarray:
    means = participant_means(rows, MODEL_LIST)
    return (means[MODELS[1]] - means[MODELS[0]]).to_numpy()


def composite(frame: pd.DataFrame) -> np.ndarray:
    """All criteria together, aggregated as analyse does before its test."""
    return analysed_differences(frame.groupby(["participant", "question", "model"], as_index=False)["score"].mean())


def test_the_pieces_are_the_analysis_own() -> None:
    # The same seed draws the same scores as the study table the analysis reads.
    frame = simulate_study(9, 4, effect=0.5, seed=4)
    differences = participant_differences(simulate_scores(np.random.default_rng(4), 9, 4, np.full(5, 0.5)))
    for k, criterion in enumerate(CRITERIA):
        assert differences[:, k] == pytest.approx(analysed_differences(frame[frame["criterion"] == criterion]))
    assert differences[:, -1] == pytest.approx(composite(frame))
    # Up to 13 participants the permutation is exact: the same p as paired_tests, to the last digit.
    rng = np.random.default_rng(0)
    for n in (6, 13):
        rows = rng.integers(-4, 5, (8, n)) / 4
        rows[0] = 0  # every difference zero: p is 1
        expected = [paired_tests(row, rng)["p_wilcoxon"] for row in rows]
        assert wilcoxon_p(rows, rng) == pytest.approx(expected, abs=1e-12)
    # Beyond, both are 9,999 random sign flips: equal within their resampling error.
    rows = rng.integers(-4, 6, (6, 20)) / 4
    assert wilcoxon_p(rows, rng) == pytest.approx([paired_tests(r, rng)["p_wilcoxon"] for r in rows], abs=0.025)
    # Above 2,000 participants both take the normal approximation.
    rows = rng.integers(-4, 6, (3, 2001)) / 4
    rows[0] = 0
    assert wilcoxon_p(rows, rng) == pytest.approx([paired_tests(r, rng)["p_wilcoxon"] for r in rows])
    # (analysis.holm is statsmodels', which collects garbage on every call: a few rows, with ties and a cap at 1.)
    p = np.array([[0.01, 0.04, 0.03, 0.5, 0.9], [0.02, 0.02, 0.2, 0.2, 0.001], [0.3, 0.6, 0.9, 1.0, 0.25]])
    assert holm_rows(p) == pytest.approx(np.array([holm(list(row)) for row in p]))


@pytest.mark.slow
def test_power_at_a_known_design_agrees_with_counting_the_analysis() -> None:
    """20 participants x 10 questions, the design of test_a_known_difference_is_found: counting the
    analysis' composite test on 100 simulated studies finds effect 0.8 in 99 and effect 0.4 in 52;
    the planned power (1,000 other studies) is 0.976 and 0.491, well within Monte Carlo error."""
    rng = np.random.default_rng(1)
    for effect in (0.8, 0.4):
        counted = np.mean([paired_tests(composite(simulate_study(20, 10, effect=effect, seed=1000 + s)), rng)
                           ["p_wilcoxon"] < 0.05 for s in range(100)])
        planned = power(Assumptions(effects=dict.fromkeys(CRITERIA, effect)), 20, simulations=1000)
        error = np.sqrt(planned[ALL_CRITERIA] * (1 - planned[ALL_CRITERIA]) * (1 / 100 + 1 / 1000))
        assert abs(planned[ALL_CRITERIA] - counted) <= max(3 * error, 0.02)
        # Holm across five criteria costs each criterion power the composite does not pay.
        assert all(planned[c] < planned[ALL_CRITERIA] for c in CRITERIA)


def test_with_no_effect_power_is_the_false_positive_rate() -> None:
    assumed = Assumptions(effects=dict.fromkeys(CRITERIA, 0.0))
    null = power(assumed, 20, simulations=600)
    assert all(value <= 0.08 for value in null.values())
    assert 0.02 <= null[ALL_CRITERIA]  # about alpha; each criterion, Holm-adjusted, less
    with pytest.raises(PlanError, match="false-positive rate"):
        plan(assumed)


def test_bigger_effects_need_fewer_participants_and_ninety_percent_more_than_eighty() -> None:
    small = plan(Assumptions(effects=dict.fromkeys(CRITERIA, 0.7)), simulations=100, largest=60)
    big = plan(Assumptions(effects=dict.fromkeys(CRITERIA, 1.2)), simulations=100, largest=60)
    for name in [*CRITERIA, ALL_CRITERIA]:
        assert None not in (*small["needed"][name].values(), *big["needed"][name].values())
        assert big["needed"][name]["80%"] <= small["needed"][name]["80%"]
        assert big["needed"][name]["90%"] <= small["needed"][name]["90%"]
        for result in (small, big):
            assert result["needed"][name]["80%"] <= result["needed"][name]["90%"]
    assert small["needed"][ALL_CRITERIA]["80%"] < small["needed"]["empathy"]["80%"]


def test_a_pilot_gives_back_what_it_was_simulated_with() -> None:
    truth = {"empathy": 0.3, "relevance": 0.9, "information": 0.6, "referral": 0.0, "overall": 0.5}
    estimated = pilot_assumptions(simulate_study(60, 12, effect=truth, seed=3))
    assert estimated.effects == pytest.approx(truth, abs=0.3)
    assert estimated.questions == 12
    assert estimated.noise_sd == pytest.approx(1.2, abs=0.1)
    assert estimated.rater_model_sd == pytest.approx(0.8, abs=0.25)
    assert estimated.rater_sd == pytest.approx(1.0, abs=0.3)
    assert estimated.item_sd == pytest.approx(0.7, abs=0.4)  # 12 questions: a rough figure
    assert set(estimated.estimated) == {"effects", "questions", "rater_sd", "item_sd", "rater_model_sd", "noise_sd"}


def test_cli_prints_the_plan_and_writes_the_chart(tmp_path: Path, capsys) -> None:
    chart = tmp_path / "curve.png"
    assert main(["plan", "--effect", "0.8", "--questions", "12", "--criteria", "empathy,relevance",
                 "--simulations", "50", "--max-participants", "10", "--out", str(chart)]) == 0
    text = capsys.readouterr().out
    assert "more than 10" in text and "Holm's adjustment across 2" in text and f"written to {chart}" in text
    assert chart.read_bytes().startswith(b"\x89PNG")
    pilot = tmp_path / "pilot.csv"
    simulate_study(12, 6, effect=0.7, seed=5).to_csv(pilot, index=False)
    assert main(["plan", "--pilot", str(pilot), "--questions", "12", "--simulations", "30",
                 "--max-participants", "20", "--json", "--out", str(tmp_path / "plan")]) == 0
    result = json.loads(capsys.readouterr().out)
    chart = tmp_path / "plan" / "power_curve.png"  # a folder, as analyze --out takes one
    assert chart.read_bytes().startswith(b"\x89PNG")
    assert result["assumptions"]["questions"] == 12 and "questions" not in result["assumptions"]["estimated"]
    assert "noise_sd" in result["assumptions"]["estimated"] and result["chart"] == str(chart)
    assert set(result["needed"]) == {*CRITERIA, ALL_CRITERIA}
    assert len(result["participants"]) == len(result["power"]["empathy"])


@pytest.mark.parametrize(("arguments", "message"), [
    (["--effect", "0.5", "--rater-sd", "-1"], "rater-sd is a standard deviation"),
    (["--effect", "0"], "power is only the false-positive rate"),
    ([], "state the difference worth finding"),
    (["--pilot", "no-such-file.csv"], "no-such-file.csv"),
    (["--pilot", "{bad}"], "lack column(s)"),
])
def test_cli_bad_input_is_said_and_exits_2(arguments: list[str], message: str, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("who,what\n1,2\n")
    arguments = [str(bad) if a == "{bad}" else a for a in arguments]
    assert main(["plan", *arguments, "--out", str(tmp_path / "curve.png")]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: ") and message in error
