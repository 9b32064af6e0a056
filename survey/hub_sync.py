"""Keep the ratings on the Hub: a Space's disk is lost when it restarts.

Every committed submission and completion (Store.on_record) is appended as one JSON line to a
file whose name is unique to this process, under the CommitScheduler's lock, so a scheduled
push never uploads half a line and no two replicas write the same file. huggingface_hub's
CommitScheduler pushes the folder to a private dataset repo every ≥ 5 minutes (and on exit).

Turned on by MHCHAT_RATINGS_REPO=owner/name with a write token in HF_TOKEN (a Space secret).
`read_mirror` turns a downloaded copy of that repo back into the long-format ratings table;
`restore_from_hub` puts it back into the database of a restarted Space (joins are mirrored
too, with each participant's assignment, so everyone resumes where they were).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
from huggingface_hub import CommitScheduler, HfApi, snapshot_download
from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError, RepositoryNotFoundError

from survey.export import ratings_table
from survey.store import Store


MIN_MINUTES = 5  # the Hub asks for no more than one scheduled commit every few minutes
DEFAULT_FOLDER = Path("data/hub-mirror")
PATH_IN_REPO = "ratings"
STUDIES_IN_REPO = "studies"  # a study Space's study files: which model wrote which answer stays private


class RatingsMirror:
    """Appends records to this process's own JSON-lines file, under `lock`."""

    def __init__(self, folder: str | Path, lock: threading.Lock | None = None):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.lock = lock or threading.Lock()
        started = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        self.path = self.folder / f"ratings-{started}-{uuid.uuid4().hex[:12]}.jsonl"

    def record(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
        with self.lock, self.path.open("a", encoding="utf-8") as file:
            file.write(line)


def start_hub_sync(repo_id: str, folder: str | Path = DEFAULT_FOLDER, every_minutes: float = MIN_MINUTES,
                   hf_api: HfApi | None = None) -> tuple[RatingsMirror, CommitScheduler]:
    """A mirror whose folder a CommitScheduler pushes to `repo_id` (a private dataset repo)."""
    if every_minutes < MIN_MINUTES:
        raise ValueError(f"push at most every {MIN_MINUTES} minutes (got {every_minutes})")
    scheduler = CommitScheduler(repo_id=repo_id, repo_type="dataset", folder_path=folder, every=every_minutes,
                                path_in_repo=PATH_IN_REPO, private=True, allow_patterns=["*.jsonl"],
                                hf_api=hf_api)
    return RatingsMirror(folder, scheduler.lock), scheduler


def restore_from_hub(store: Store, repo_id: str) -> int:
    """Fill `store` from the ratings dataset (a restarted Space's disk is empty): every
    participant resumes where they were and quotas count every rating. Returns the number of
    submissions restored; 0, with a warning, when the dataset cannot be read (e.g. a first start)."""
    try:
        folder = snapshot_download(repo_id, repo_type="dataset", allow_patterns=[f"{PATH_IN_REPO}/*.jsonl"])
    except (HfHubHTTPError, LocalEntryNotFoundError, RepositoryNotFoundError, OSError) as error:
        warnings.warn(f"ratings not restored from {repo_id}: {error}", stacklevel=2)
        return 0
    return store.restore(read_records(folder))


def restore_studies(repo_id: str, folder: str | Path) -> list[str]:
    """Copy the study files `spaces/deploy.py` put in the private dataset into `folder` (a study
    Space ships none: its repository is public, and they say which model wrote which answer).
    Files already in `folder` are kept. Returns the names copied; none, with a warning, when the
    dataset cannot be read."""
    try:
        snapshot = Path(snapshot_download(repo_id, repo_type="dataset", allow_patterns=[f"{STUDIES_IN_REPO}/*"]))
    except (HfHubHTTPError, LocalEntryNotFoundError, RepositoryNotFoundError, OSError) as error:
        warnings.warn(f"studies not restored from {repo_id}: {error}", stacklevel=2)
        return []
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    copied = []
    for source in sorted((snapshot / STUDIES_IN_REPO).glob("*")):
        if source.is_file() and not (folder / source.name).exists():
            (folder / source.name).write_bytes(source.read_bytes())
            copied.append(source.name)
    return copied


def read_records(folder: str | Path) -> list[dict[str, Any]]:
    """Every record in a mirror folder (or a downloaded dataset repo), oldest first."""
    records = []
    for path in sorted(Path(folder).rglob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except ValueError:
                    raise ValueError(f"{path}:{number} is not a JSON record") from None
    return sorted(records, key=lambda r: r.get("created_at") or r.get("submitted_at") or r.get("completed_at") or 0)


def read_mirror(folder: str | Path, study_id: str) -> pd.DataFrame:
    """The long-format ratings table (EXPORT_COLUMNS) of one study, from mirrored records."""
    submissions: dict[tuple[str, str], dict[str, Any]] = {}
    for record in read_records(folder):
        if record.get("event") == "submission" and record["study"] == study_id:
            submissions.setdefault((record["participant"], record["item"]), record)  # the first one counts
    failed = {p for (p, _), r in submissions.items() if r["attention_passed"] is False}
    return ratings_table([(study_id, r["participant"], r["external_id"], rating["question"], rating["model"],
             rating["criterion"], rating["score"], rating["position"], r["submitted_at"], r["seconds_on_item"],
             r["too_fast"], r["participant"] in failed)
            for r in submissions.values() for rating in r["ratings"]])
