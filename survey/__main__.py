"""Command line for studies.

    python -m survey build STUDY.yaml          # generate the answers once (see survey/build.py)
    python -m survey publish STUDY.yaml        # after reviewing the flagged answers (survey/review.py)
    python -m survey export STUDY --format csv # the long-format ratings table
    python -m survey export STUDY --from-mirror FOLDER  # the same, from a copy of the Hub dataset

The ratings database is DATABASE_URL (default sqlite:///data/ratings.sqlite3); answers come from
MHCHAT_BACKEND, as in the app (this process, or a model server: docs/serving.md).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from tqdm import tqdm

from models.backend import BackendError
from models.backends import backend_for
from models.catalog import DEFAULT_CATALOG, load_catalog
from settings import load_settings
from survey.build import BATCH_SIZE, build, publish
from survey.export import ratings_frame, write_table
from survey.hub_sync import read_mirror
from survey.review import review_path
from survey.store import Store, StudyChanged
from survey.study import Study, StudyError, load_study


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m survey", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="generate every (question, model) answer once")
    build_cmd.add_argument("study", type=Path, help="the study's YAML file")
    build_cmd.add_argument("--catalog", type=Path, default=Path(os.environ.get("MHCHAT_CATALOG") or DEFAULT_CATALOG))
    build_cmd.add_argument("--batch-size", type=int, default=BATCH_SIZE,
                           help=f"answers generated together (default {BATCH_SIZE}; lower it if memory is short)")
    build_cmd.add_argument("--regenerate-outliers", action="store_true",
                           help="generate the answers flagged for their form (truncated, length outlier, names a "
                                "model, talks about itself) again with later seeds, keeping each one's best try")
    publish_cmd = commands.add_parser("publish", help="mark a built study published once its flagged answers "
                                                      "are marked reviewed in its review sheet")
    publish_cmd.add_argument("study", type=Path, help="the study's YAML file")
    export_cmd = commands.add_parser("export", help="write the ratings in long format")
    export_cmd.add_argument("study", help="a study id, or its YAML file")
    export_cmd.add_argument("--format", choices=("csv", "parquet"), default="csv")
    export_cmd.add_argument("--out", type=Path, help="output file (default: <study>-ratings.<format>)")
    export_cmd.add_argument("--from-mirror", type=Path, metavar="FOLDER",
                            help="read the ratings from a downloaded copy of the ratings dataset repo")
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            return _build(args)
        if args.command == "publish":
            return _publish(load_study(args.study))
        study_id = load_study(args.study).id if args.study.endswith((".yaml", ".yml")) else args.study
        out = args.out or Path(f"{study_id}-ratings.{args.format}")
        if args.from_mirror and not args.from_mirror.is_dir():
            raise ValueError(f"{args.from_mirror} is not a folder")
        frame = read_mirror(args.from_mirror, study_id) if args.from_mirror else ratings_frame(Store(), study_id)
        rows = write_table(frame, out, args.format)
        print(f"wrote {rows} ratings of study {study_id!r} to {out}")
        return 0
    except (StudyError, StudyChanged, ValueError, OSError, BackendError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _build(args: argparse.Namespace) -> int:
    study = load_study(args.study)
    settings = replace(load_settings(), catalog=args.catalog)  # MHCHAT_BACKEND: here, or a model server
    report = build(study, load_catalog(args.catalog), Store(), engine_for=lambda base: backend_for(settings, base),
                   progress=lambda chunks: tqdm(chunks, desc=f"generating {study.id}", unit="batch"),
                   batch_size=args.batch_size, regenerate_outliers=args.regenerate_outliers)
    if report.status == "refused":
        for problem in report.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"study {study.id!r} refused: an answer failed the reply screen; it will not be served "
              f"(the review sheet {report.review_sheet} shows it beside the other answers)", file=sys.stderr)
        return 1
    if report.status == "unchanged":
        print(f"study {study.id!r} is unchanged: nothing to generate")
    else:
        print(f"study {study.id!r}: generated {report.generated} answers in {report.seconds:.1f} s")
    print("\n".join(report.form.lines()))
    print(f"review sheet: {report.review_sheet}; read every answer, mark a row `yes` in its `reviewed` column once "
          f"read (every flagged row needs it), or `regenerate [MODEL ...]` and build again for an answer that is "
          f"wrong or unfit, then run `python -m survey publish {args.study}`")
    for problem in report.problems + list(report.form.warnings):
        print(f"warning: {problem}", file=sys.stderr)
    return 0


def _publish(study: Study) -> int:
    missing = publish(study)
    if missing:
        for answer in missing:
            print(f"error: flagged and not marked reviewed: {answer}", file=sys.stderr)
        print(f"study {study.id!r} not published: read each answer above in {review_path(study)} (or its .html "
              "copy) and mark its row `yes` in the `reviewed` column", file=sys.stderr)
        return 1
    print(f"study {study.id!r} published: every flagged answer is marked reviewed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
