"""The ratings of a study as a pandas DataFrame, and as CSV or Parquet files.

Columns (EXPORT_COLUMNS): study, participant, external_id, question, model, criterion, score,
position, rated_at (UTC), seconds_on_item, too_fast, attention_failed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from survey.store import EXPORT_COLUMNS, Store


def ratings_table(rows: list[tuple]) -> pd.DataFrame:
    """Rows in EXPORT_COLUMNS order as a typed table, in a stable order, whatever their source."""
    frame = pd.DataFrame(rows, columns=list(EXPORT_COLUMNS))
    frame["rated_at"] = pd.to_datetime(frame["rated_at"], unit="s", utc=True)
    for flag in ("too_fast", "attention_failed"):
        frame[flag] = frame[flag].astype(bool)
    frame = frame.astype({"score": "int64", "position": "int64"})
    return frame.sort_values(["participant", "question", "position", "criterion"], ignore_index=True)


def ratings_frame(store: Store, study_id: str) -> pd.DataFrame:
    return ratings_table(store.export_rows(study_id))


def write_table(frame: pd.DataFrame, out: Path, file_format: str = "csv") -> int:
    """Write the table as CSV or Parquet; returns the number of ratings written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if file_format == "parquet":
        frame.to_parquet(out, index=False)
    else:
        frame.to_csv(out, index=False)
    return len(frame)
