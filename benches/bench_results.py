"""Analysing a large study, charts and report included, against report 000's analysis (one
groupby of means and one bar chart) on the same ratings, in the same run.

    python benches/bench_results.py [--participants 10000] [--questions 10] [--repeats 3]

10,000 participants x 10 questions x 2 models x 5 criteria = 1,000,000 ratings. Target: the
whole analysis in under 10 s on the 2-core development machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import matplotlib.pyplot as plt  # noqa: E402

from results.analysis import analyse  # noqa: E402
from results.report import write_report  # noqa: E402
from results.simulate import simulate_study  # noqa: E402


def means_only(frame, folder: Path) -> None:
    """Report 000's analysis: mean per criterion and model, one bar chart, no test, no interval."""
    means = frame.groupby(["criterion", "model"])["score"].mean().unstack()
    means.plot.bar(figsize=(7, 4))
    plt.savefig(folder / "means-only.png")
    plt.close("all")


def full(frame, folder: Path) -> None:
    write_report(analyse(frame), frame, folder, "bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    frame = simulate_study(args.participants, args.questions, effect=0.3, seed=1)
    folder = Path(tempfile.mkdtemp())
    rows = {"means and one bar chart (report 000)": means_only, "full analysis, charts and report": full}
    seconds: dict[str, list[float]] = {name: [] for name in rows}
    for _ in range(args.repeats):
        for name, run in rows.items():
            start = time.perf_counter()
            run(frame, folder)
            seconds[name].append(time.perf_counter() - start)
    baseline = statistics.median(seconds[next(iter(rows))])
    print(f"\n{len(frame):,} ratings ({args.participants:,} participants), median of {args.repeats}")
    print(f"{'analysis':40} {'seconds':>8} {'x baseline':>11}")
    for name, runs in seconds.items():
        median = statistics.median(runs)
        print(f"{name:40} {median:8.2f} {median / baseline:11.1f}")


if __name__ == "__main__":
    main()
