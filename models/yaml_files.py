"""Reading the project's YAML files (catalog, presets, study files, recipes) with errors that name the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")


def read_mapping(path: Path, error: type[Exception], allow_empty: bool = False) -> dict[str, Any]:
    """The file's top-level mapping, or `error` saying why it cannot be read."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as failure:
        raise error(f"cannot read {path}: {failure.strerror}") from None
    except yaml.YAMLError as failure:
        raise error(f"{path} is not valid YAML: {failure}") from None
    if raw is None and allow_empty:
        return {}
    if not isinstance(raw, dict):
        raise error(f"{path}: expected a mapping at the top level")
    return raw


def load_mapping(path: str | Path, error: type[Exception], parse: Callable[[dict[str, Any], Path], T]) -> T:
    """`parse(mapping, path)`, with any malformed value reported as `error` naming the file."""
    path = Path(path)
    raw = read_mapping(path, error)
    try:
        return parse(raw, path)
    except (TypeError, ValueError, KeyError) as failure:
        if isinstance(failure, error):
            raise
        raise error(f"{path}: {failure}") from None
