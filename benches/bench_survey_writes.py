"""Rating writes: submissions per second with 50 concurrent participants against one writer, in
the same run, through the real storage layer; then the count of lost and duplicated rows.

    python benches/bench_survey_writes.py [--writers 50] [--questions 10] [--database URL]

Each participant joins, submits every item (each submission is one committed transaction
holding 10 ratings) and submits its first item a second time, as a double click would. The
default database is a fresh SQLite file (WAL); --database postgresql://... measures PostgreSQL.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers import write_study  # noqa: E402
from survey.database import Database  # noqa: E402
from survey.store import Store  # noqa: E402
from survey.study import Study, load_study  # noqa: E402


def take_part(store: Store, study: Study, participant_id: str) -> int:
    """Every item once, then the first again (refused as a duplicate); returns submissions made."""
    state = store.state(study.id, participant_id)
    for slot in state.slots:
        scores = {p: {c.key: 5 + p for c in study.criteria} for p in (1, 2)}
        store.submit(study, participant_id, slot.item_id, scores)
    store.submit(study, participant_id, state.slots[0].item_id, {p: {c.key: 1 for c in study.criteria}
                                                                 for p in (1, 2)})
    return len(state.slots) + 1


def run(store: Store, study: Study, writers: int, participants: int) -> tuple[float, int]:
    """Seconds for `participants` to take part, `writers` at a time; returns (seconds, submissions)."""
    people = [store.join(study).participant_id for _ in range(participants)]
    queue, lock, made, failures = list(people), threading.Lock(), [0], []

    def worker() -> None:
        while True:
            with lock:
                if not queue:
                    return
                participant_id = queue.pop()
            try:
                count = take_part(store, study, participant_id)
            except Exception as error:  # noqa: BLE001 - counted and reported below
                failures.append(error)
                continue
            with lock:
                made[0] += count

    threads = [threading.Thread(target=worker) for _ in range(writers)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    if failures:
        print(f"{len(failures)} participants failed, first: {failures[0]!r}")
    return seconds, made[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--database", help="a DATABASE_URL (default: a fresh SQLite file)")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp())
    database = Database(args.database or f"sqlite:///{scratch / 'ratings.sqlite3'}")
    store = Store(database)
    rows = {}
    for name, writers in (("1 writer", 1), (f"{args.writers} concurrent writers", args.writers)):
        study = load_study(write_study(scratch / name.replace(" ", "-"), study_id=f"bench-{writers}",
                                       questions=args.questions))
        store.register(study)
        seconds, submissions = run(store, study, writers, args.writers)
        expected = args.writers * args.questions * 2 * len(study.criteria)
        keys = Counter(row[1:2] + row[3:6] for row in store.export_rows(study.id))
        lost = expected - len(keys)
        duplicated = sum(n - 1 for n in keys.values())
        rows[name] = (seconds, submissions, lost, duplicated)

    print(f"\n{args.writers} participants x ({args.questions} items + 1 repeated), {database!r}")
    baseline = rows["1 writer"][1] / rows["1 writer"][0]
    print(f"{'writers':24} {'seconds':>8} {'submissions/s':>14} {'x 1 writer':>11} {'lost':>5} {'duplicated':>11}")
    for name, (seconds, submissions, lost, duplicated) in rows.items():
        rate = submissions / seconds
        print(f"{name:24} {seconds:8.2f} {rate:14.1f} {rate / baseline:11.2f} {lost:5d} {duplicated:11d}")


if __name__ == "__main__":
    main()
