"""Command line for a study's results.

    python -m results analyze STUDY                   # from the ratings store (DATABASE_URL)
    python -m results analyze --ratings FILE.csv      # from `survey export` (csv or parquet)
    python -m results analyze STUDY --json            # the figures as JSON
    python -m results analyze STUDY --out DIR         # report.md, charts, CSV, JSON (default results/<study>/)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from results.analysis import Options, RatingsError, analyse
from results.report import summary_text, write_report
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
    args = parser.parse_args(argv)
    try:
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


def _ratings(args: argparse.Namespace) -> tuple[pd.DataFrame, str]:
    if bool(args.study) == bool(args.ratings):
        raise ValueError("give a study id or --ratings FILE (one of them)")
    if args.ratings:
        reader = pd.read_parquet if args.ratings.suffix == ".parquet" else pd.read_csv
        return reader(args.ratings), args.ratings.stem
    study_id = load_study(args.study).id if args.study.endswith((".yaml", ".yml")) else args.study
    frame = ratings_frame(Store(), study_id)
    if frame.empty:
        raise ValueError(f"study {study_id!r} has no ratings yet")
    return frame, study_id


if __name__ == "__main__":
    sys.exit(main())
