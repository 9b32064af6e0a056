"""Ratings mirrored to a Hub dataset with huggingface_hub's CommitScheduler.

The Hub cannot be reached here, so the scheduler talks to `LocalHub`: an HfApi whose two
network calls (create_repo, create_commit) keep the committed files in memory. Everything
else is the real code: the scheduler's listing under its lock, PartialFileIO's size cap, the
mirror's writes, and reading a copy of the dataset back into the export table.
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from huggingface_hub import HfApi
from huggingface_hub.hf_api import CommitInfo, RepoUrl

from helpers import write_study
from survey.__main__ import main
from survey.database import Database
from survey.export import ratings_frame
from survey.hub_sync import PATH_IN_REPO, read_mirror, read_records, restore_from_hub, start_hub_sync
from survey.store import Store
from survey.study import Study, load_study

CHECK_ITEM = {"id": "check-1", "text": "Please give both responses a 4.", "responses": ["a", "b"], "score": 4}


class LocalHub(HfApi):
    """The dataset repo in memory: {path_in_repo: bytes} after each commit."""

    def __init__(self) -> None:
        super().__init__(token=False)
        self.commits: list[dict[str, bytes]] = []
        self.created: list[dict] = []

    def create_repo(self, repo_id: str, **kwargs) -> RepoUrl:
        self.created.append({"repo_id": repo_id, **kwargs})
        return RepoUrl(f"https://huggingface.co/datasets/{repo_id}")

    def create_commit(self, repo_id: str, operations, **kwargs) -> CommitInfo:
        files = dict(self.commits[-1]) if self.commits else {}
        for operation in operations:
            with operation.as_file() as file:
                files[operation.path_in_repo] = file.read()
        self.commits.append(files)
        return CommitInfo(commit_url=f"https://huggingface.co/datasets/{repo_id}/commit/{len(self.commits):040x}",
                          commit_message=kwargs.get("commit_message", ""), commit_description="", oid="0" * 40)

    def download(self, folder: Path) -> Path:
        """What `snapshot_download` of the latest commit would give."""
        for name, content in self.commits[-1].items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(content)
        return folder


@pytest.fixture
def study(tmp_path: Path) -> Study:
    return load_study(write_study(tmp_path / "studies", questions=3, attention_checks=[CHECK_ITEM]))


@pytest.fixture
def synced(tmp_path: Path):
    hub = LocalHub()
    mirror, scheduler = start_hub_sync("lab/ratings", tmp_path / "mirror", hf_api=hub)
    store = Store(Database(f"sqlite:///{tmp_path / 'before-restart.sqlite3'}"), on_record=mirror.record)
    yield hub, mirror, scheduler, store
    scheduler.stop()


def take_part(store: Store, study: Study, check_score: int = 4, value: int = 6) -> str:
    person = store.join(study)
    for slot in person.slots:
        score = check_score if slot.kind == "check" else value
        scores = {p: {c.key: score for c in study.criteria} for p in (1, 2)}
        store.submit(study, person.participant_id, slot.item_id, scores, comment="fine")
    store.complete(study.id, person.participant_id)
    return person.participant_id


def test_the_dataset_holds_every_rating_and_reads_back_as_the_export(synced, study, tmp_path) -> None:
    hub, mirror, scheduler, store = synced
    assert hub.created == [{"repo_id": "lab/ratings", "private": True, "repo_type": "dataset", "exist_ok": True}]
    take_part(store, study)
    failed = take_part(store, study, check_score=9)  # failed the attention check
    scheduler.trigger().result()
    assert list(hub.commits[-1]) == [f"{PATH_IN_REPO}/{mirror.path.name}"]

    copy = read_mirror(hub.download(tmp_path / "download"), study.id)
    pd.testing.assert_frame_equal(copy, ratings_frame(store, study.id))
    assert set(copy.loc[copy["attention_failed"], "participant"]) == {failed}
    events = Counter(r["event"] for r in read_records(tmp_path / "download"))
    assert events == {"join": 2, "submission": 2 * study.items_per_participant, "completion": 2}


def test_every_push_holds_whole_records_while_participants_write(synced, study, tmp_path) -> None:
    hub, mirror, scheduler, store = synced
    people = 20
    start = threading.Barrier(people + 1)
    failures: list[BaseException] = []

    def participant() -> None:
        try:
            start.wait()
            take_part(store, study)
        except BaseException as error:  # collected: a thread's exception would otherwise vanish
            failures.append(error)

    threads = [threading.Thread(target=participant) for _ in range(people)]
    for thread in threads:
        thread.start()
    start.wait()
    while any(t.is_alive() for t in threads):
        scheduler.trigger().result()  # pushes race the writers
    scheduler.trigger().result()
    assert failures == []
    pushed = [files[f"{PATH_IN_REPO}/{mirror.path.name}"] for files in hub.commits if files]
    assert len(pushed) >= 2
    for content in pushed:  # never half a line: the listing and the writes share the scheduler's lock
        assert content.endswith(b"\n")
    download = hub.download(tmp_path / "download")
    assert len(read_records(download)) == people * (study.items_per_participant + 2)  # join, items, completion
    assert len(read_mirror(download, study.id)) == store.rating_count(study.id)


def test_each_process_appends_to_a_file_of_its_own(tmp_path: Path, study: Study) -> None:
    hub = LocalHub()
    first, s1 = start_hub_sync("lab/ratings", tmp_path / "mirror", hf_api=hub)
    second, s2 = start_hub_sync("lab/ratings", tmp_path / "mirror", hf_api=hub)
    s1.stop(), s2.stop()
    assert first.path != second.path


def test_pushing_more_often_than_every_five_minutes_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at most every 5 minutes"):
        start_hub_sync("lab/ratings", tmp_path, every_minutes=1, hf_api=LocalHub())


def test_export_from_a_copy_of_the_dataset(synced, study, tmp_path, capsys) -> None:
    hub, _, scheduler, store = synced
    take_part(store, study)
    scheduler.trigger().result()
    download = hub.download(tmp_path / "download")
    out = tmp_path / "from-hub.csv"
    assert main(["export", study.id, "--from-mirror", str(download), "--out", str(out)]) == 0
    assert len(pd.read_csv(out)) == store.rating_count(study.id) == 3 * 2 * len(study.criteria)
    assert main(["export", study.id, "--from-mirror", str(tmp_path / "nowhere")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_a_damaged_record_is_reported_with_its_place(tmp_path: Path) -> None:
    (tmp_path / "ratings-x.jsonl").write_text('{"event": "completion"}\n{"event": \n')
    with pytest.raises(ValueError, match=r"ratings-x.jsonl:2 is not a JSON record"):
        read_records(tmp_path)


def test_a_restarted_space_resumes_every_participant_from_the_dataset(synced, study, tmp_path,
                                                                       database: Database) -> None:
    hub, _, scheduler, store = synced
    done = [take_part(store, study), take_part(store, study, check_score=9)]
    halfway = store.join(study, external_id="prolific-7")
    for slot in halfway.slots[:2]:
        store.submit(study, halfway.participant_id, slot.item_id,
                     {p: {c.key: 3 for c in study.criteria} for p in (1, 2)})
    scheduler.trigger().result()
    records = read_records(hub.download(tmp_path / "download"))

    fresh = Store(database)  # empty: the Space's disk was lost (SQLite), or a new PostgreSQL database
    assert fresh.restore(records) == 2 * study.items_per_participant + 2
    pd.testing.assert_frame_equal(ratings_frame(fresh, study.id), ratings_frame(store, study.id))
    for participant in [*done, halfway.participant_id]:
        before, after = store.state(study.id, participant), fresh.state(study.id, participant)
        assert (after.slots, after.done, after.completion_code) == (before.slots, before.done, before.completion_code)
    resumed = fresh.find(study, external_id="prolific-7")
    assert resumed.participant_id == halfway.participant_id and resumed.next_index == 2
    for slot in resumed.slots[2:]:  # the participant goes on where they were
        score = CHECK_ITEM["score"] if slot.kind == "check" else 5
        fresh.submit(study, resumed.participant_id, slot.item_id, {p: {c.key: score for c in study.criteria}
                                                                   for p in (1, 2)})
    assert fresh.complete(study.id, resumed.participant_id) == halfway.completion_code
    count = fresh.rating_count(study.id)
    assert fresh.restore(records) == 0 and fresh.rating_count(study.id) == count  # restoring twice changes nothing


def test_restoring_without_a_reachable_dataset_warns_and_starts_empty(tmp_path: Path) -> None:
    store = Store(Database(f"sqlite:///{tmp_path / 'ratings.sqlite3'}"))
    with pytest.warns(UserWarning, match="ratings not restored from lab/never-pushed"):
        assert restore_from_hub(store, "lab/never-pushed") == 0  # offline here, as on a first start
