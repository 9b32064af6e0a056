"""Command line for a study's results.

    python -m results analyze STUDY                   # from the ratings store (DATABASE_URL)
    python -m results analyze --ratings FILE.csv      # from `survey export` (csv or parquet)
    python -m results analyze STUDY --json            # the figures as JSON
    python -m results analyze STUDY --out DIR         # report.md, charts, CSV, JSON (default results/<study>/)
    python -m results plan --effect 0.5 --questions 12 # participants needed for 80% and 90% power
    python -m results plan --pilot FILE.csv           # the assumptions estimated from pilot ratings
    python -m results plan --effect 0.5 --json        # the figures as JSON; --out FILE.png or DIR for the power curve
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from results.analysis import Options, RatingsError, analyse
from results.plan import LARGEST, SEED, SIMULATIONS, Assumptions, pilot_assumptions, plan, plan_text, power_chart
from results.report import summary_text, write_report
from results.simulate import CRITERIA
from survey.export import ratings_frame
from survey.store import Store
from survey.study import StudyError, load_study


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m results", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="paired statistics, agreement and charts of one study")
    analyze.add_argument("study", nargs="?", help="a study id or its YAML file (read from the ratings store)")
    analyze.add_argument("--ratings", type=Path, help="a long-format ratings file instead (.csv or .parquet)")
    analyze.add_argument("--json", action="store_true", help="print the figures as JSON")
    analyze.add_argument("--out", type=Path, help="write the report here (default results/<study>/ with a study)")
    analyze.add_argument("--include-failed", action="store_true",
                         help="keep participants who failed an attention check (excluded by default)")
    planning = commands.add_parser("plan", help="participants needed for 80%% and 90%% power (simulating the analysis)")
    planning.add_argument("--pilot", type=Path, help="estimate the assumptions from pilot ratings (.csv or .parquet)")
    planning.add_argument("--effect", type=float, help="the difference worth finding, in points (every criterion)")
    for option, what in (("--rater-sd", "raters' leniency"), ("--item-sd", "questions' difficulty"),
                         ("--rater-model-sd", "raters' own preference for one model"),
                         ("--noise-sd", "everything else, per rating")):
        planning.add_argument(option, type=float, help=f"spread (SD, points) of {what}")
    planning.add_argument("--questions", type=int, help="questions each participant rates (default 10, or the pilot's)")
    planning.add_argument("--criteria", type=lambda text: tuple(text.split(",")),
                          help=f"comma-separated criteria (default {','.join(CRITERIA)})")
    planning.add_argument("--simulations", type=int, default=SIMULATIONS,
                          help=f"simulated studies per participant count (default {SIMULATIONS})")
    planning.add_argument("--seed", type=int, default=SEED, help=f"for the same figures again (default {SEED})")
    planning.add_argument("--max-participants", type=int, default=LARGEST,
                          help=f"the largest study searched (default {LARGEST})")
    planning.add_argument("--json", action="store_true", help="print the figures as JSON")
    planning.add_argument("--out", type=Path, default=Path("results/plan/power_curve.png"),
                          help="the power curve chart (default results/plan/power_curve.png)")
    args = parser.parse_args(argv)
    try:
        if args.command == "plan":
            return _plan(args)
        frame, name = _ratings(args)
        figures = analyse(frame, Options(include_failed_attention=args.include_failed))
        out = args.out or (Path("results") / name if args.study else None)
        if out:
            report = write_report(figures, frame, out, f"Results: {name}")
        print(json.dumps(figures, indent=2, ensure_ascii=False) if args.json else summary_text(figures))
        if out and not args.json:
            print(f"\nreport written to {report}")
        return 0
    except (RatingsError, StudyError, OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _plan(args: argparse.Namespace) -> int:
    if args.pilot:
        if args.criteria:
            raise ValueError("--criteria is for stated assumptions; a pilot's criteria are its own")
        assumed = pilot_assumptions(_read(args.pilot))
    elif args.effect is None:
        raise ValueError("state the difference worth finding with --effect POINTS, or give --pilot FILE")
    else:
        assumed = Assumptions(effects=dict.fromkeys(args.criteria or CRITERIA, args.effect))
    assumed = assumed.stated(effect=args.effect, questions=args.questions, rater_sd=args.rater_sd,
                             item_sd=args.item_sd, rater_model_sd=args.rater_model_sd, noise_sd=args.noise_sd)
    result = plan(assumed, args.simulations, args.seed, args.max_participants)
    chart = power_chart(result, args.out)
    print(json.dumps(result | {"chart": str(chart)}, indent=2, ensure_ascii=False) if args.json
          else f"{plan_text(result)}\n\npower curve written to {chart}")
    return 0


def _read(path: Path) -> pd.DataFrame:
    return pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path)


def _ratings(args: argparse.Namespace) -> tuple[pd.DataFrame, str]:
    if bool(args.study) == bool(args.ratings):
        raise ValueError("give a study id or --ratings FILE (one of them)")
    if args.ratings:
        return _read(args.ratings), args.ratings.stem
    study_id = load_study(args.study).id if args.study.endswith((".yaml", ".yml")) else args.study
    frame = ratings_frame(Store(), study_id)
    if frame.empty:
        raise ValueError(f"study {study_id!r} has no ratings yet")
    return frame, study_id


if __name__ == "__main__":
    sys.exit(main())
