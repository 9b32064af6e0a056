"""The ratings of a study as a pandas DataFrame, and as CSV or Parquet files.

Columns (EXPORT_COLUMNS): study, participant, external_id, question, model, criterion, score,
position, rated_at (UTC), seconds_on_item, too_fast, attention_failed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from survey.store import EXPORT_COLUMNS, Store


def ratings_frame(store: Store, study_id: str) -> pd.DataFrame:
    frame = pd.DataFrame(store.export_rows(study_id), columns=list(EXPORT_COLUMNS))
    frame["rated_at"] = pd.to_datetime(frame["rated_at"], unit="s", utc=True)
    for flag in ("too_fast", "attention_failed"):
        frame[flag] = frame[flag].astype(bool)
    return frame.astype({"score": "int64", "position": "int64"})


def export(store: Store, study_id: str, out: Path, file_format: str = "csv") -> int:
    """Write the table; returns the number of ratings written."""
    frame = ratings_frame(store, study_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    if file_format == "parquet":
        frame.to_parquet(out, index=False)
    else:
        frame.to_csv(out, index=False)
    return len(frame)
