"""The studies the app serves: every study file in a folder whose answers are built.

MHCHAT_STUDIES names the folder (default survey/studies). A study without built answers is
left out with a message on stderr, so a half-prepared study never reaches participants. A study
whose answers were not published after review (`python -m survey publish`) is listed for the
operators with `published` false and a message on stderr, and its participant page says it is
not open yet.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from survey.build import load_responses, published
from survey.study import Study, StudyError, load_study

DEFAULT_STUDIES = Path(__file__).resolve().parent / "studies"


@dataclass(frozen=True)
class ServedStudy:
    study: Study
    responses: dict[str, dict[str, str]]  # question id -> model key -> answer
    published: bool = False  # its flagged answers were marked reviewed and `survey publish` recorded these answers

    def answers(self, item_id: str, models: tuple[str, str]) -> tuple[str, str]:
        return self.responses[item_id][models[0]], self.responses[item_id][models[1]]


def served_studies(folder: str | Path | None = None) -> dict[str, ServedStudy]:
    folder = Path(folder or DEFAULT_STUDIES)
    served: dict[str, ServedStudy] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            study = load_study(path)
        except StudyError as error:
            print(f"survey: skipping {path}: {error}", file=sys.stderr)
            continue
        responses = load_responses(study)
        if not responses:
            print(f"survey: skipping {study.id!r}: run `python -m survey build {path}` first", file=sys.stderr)
        elif study.id in served:
            print(f"survey: skipping {path}: study id {study.id!r} is used twice", file=sys.stderr)
        else:
            served[study.id] = ServedStudy(study, responses, published(study))
            if not served[study.id].published:
                print(f"survey: {study.id!r} is not open to participants: read its review sheet and run "
                      f"`python -m survey publish {path}`", file=sys.stderr)
    return served
