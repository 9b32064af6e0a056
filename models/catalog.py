"""The model catalog: base models, LoRA adapters and system-prompt presets, read from YAML.

The catalog is data (models/catalog.yaml, models/presets.yaml); this module parses it into
dataclasses once and rejects a malformed file with a message naming the bad entry, so a
typo in a deployment's catalog fails at start rather than on a participant's request.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from models.yaml_files import read_mapping

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_CATALOG = PACKAGE_DIR / "catalog.yaml"
DEFAULT_PRESETS = PACKAGE_DIR / "presets.yaml"

BASE_MODEL_CHOICE = ""  # the adapter key that means "no adapter"
BASE_MODEL_LABEL = "No adapter (base model)"


class CatalogError(ValueError):
    """A catalog or preset file that cannot be used as written."""


@dataclass(frozen=True)
class BaseModelSpec:
    """A base model: a Hub id, optionally shipped offline as a GGUF file inside a package."""

    key: str
    name: str
    hub_id: str
    description: str = ""
    path: str | None = None  # a local folder that overrides the Hub id
    revision: str | None = None
    package: str | None = None  # a Python package that ships the weights as GGUF
    gguf_file: str | None = None
    served_name: str | None = None  # its model name on an OpenAI-compatible server (default: hub_id)

    @property
    def served(self) -> str:
        return self.served_name or self.hub_id


@dataclass(frozen=True)
class AdapterSpec:
    """A LoRA adapter by Hub repo id (with optional revision) or by local folder."""

    key: str
    name: str
    description: str = ""
    repo: str | None = None
    revision: str | None = None
    path: str | None = None
    base: str | None = None  # key of the base it was trained on
    served_name: str | None = None  # its model name on an OpenAI-compatible server (default: key)

    @property
    def source(self) -> str:
        return self.path or self.repo or ""

    @property
    def served(self) -> str:
        return self.served_name or self.key


@dataclass(frozen=True)
class Preset:
    key: str
    name: str
    prompt: str


@dataclass(frozen=True)
class Catalog:
    bases: dict[str, BaseModelSpec]
    adapters: dict[str, AdapterSpec]
    default_base: str
    presets: dict[str, Preset] = field(default_factory=dict)
    default_preset: str = ""

    @property
    def base(self) -> BaseModelSpec:
        return self.bases[self.default_base]

    def adapters_for(self, base_key: str) -> list[AdapterSpec]:
        return [a for a in self.adapters.values() if a.base in (None, base_key)]

    def adapter_choices(self, base_key: str) -> list[tuple[str, str]]:
        """(label, value) pairs for a picker; the base model is always the first choice."""
        return [(BASE_MODEL_LABEL, BASE_MODEL_CHOICE)] + [
            (a.name, a.key) for a in self.adapters_for(base_key)
        ]


def _entries(raw: dict[str, Any], section: str, where: Path) -> list[dict[str, Any]]:
    items = raw.get(section) or []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise CatalogError(f"{where}: '{section}' must be a list of mappings")
    return items


def _build(cls: type, item: dict[str, Any], section: str, where: Path) -> Any:
    allowed = set(cls.__dataclass_fields__)
    unknown = set(item) - allowed
    if unknown:
        raise CatalogError(
            f"{where}: {section} entry {item.get('key', '?')!r} has unknown field(s) "
            f"{sorted(unknown)}; allowed: {sorted(allowed)}"
        )
    try:
        entry = cls(**{k: (str(v) if v is not None else None) for k, v in item.items()})
    except TypeError as error:
        raise CatalogError(f"{where}: {section} entry {item!r}: {error}") from None
    if not entry.key or not entry.name:
        raise CatalogError(f"{where}: every {section} entry needs a non-empty key and name")
    return entry


def _unique(entries: list[Any], section: str, where: Path) -> dict[str, Any]:
    by_key: dict[str, Any] = {}
    for entry in entries:
        if entry.key in by_key:
            raise CatalogError(f"{where}: duplicate {section} key {entry.key!r}")
        by_key[entry.key] = entry
    return by_key


def load_presets(path: str | Path = DEFAULT_PRESETS) -> tuple[dict[str, Preset], str]:
    """The presets, each ending with the file's `disclosure` (that the model is an AI, not a professional)."""
    path = Path(path)
    raw = read_mapping(path, CatalogError, allow_empty=True)
    disclosure = str(raw.get("disclosure") or "").strip()
    entries = [{**item, "prompt": " ".join(filter(None, [str(item.get("prompt") or "").strip(), disclosure]))}
               if isinstance(item, dict) else item for item in _entries(raw, "presets", path)]
    presets = _unique([_build(Preset, i, "preset", path) for i in entries], "preset", path)
    default = str(raw.get("default") or next(iter(presets), ""))
    if presets and default not in presets:
        raise CatalogError(f"{path}: default preset {default!r} is not one of {sorted(presets)}")
    return presets, default


def load_catalog(path: str | Path = DEFAULT_CATALOG,
                 presets_path: str | Path = DEFAULT_PRESETS) -> Catalog:
    """Parse and validate a catalog file (and the presets file beside the default one)."""
    path = Path(path)
    raw = read_mapping(path, CatalogError, allow_empty=True)
    bases = _unique([_build(BaseModelSpec, i, "base", path) for i in _entries(raw, "bases", path)],
                    "base", path)
    adapters = _unique(
        [_build(AdapterSpec, i, "adapter", path) for i in _entries(raw, "adapters", path)],
        "adapter", path)
    if not bases:
        raise CatalogError(f"{path}: at least one base model is needed")
    default_base = str(raw.get("default_base") or next(iter(bases)))
    if default_base not in bases:
        raise CatalogError(f"{path}: default_base {default_base!r} is not one of {sorted(bases)}")
    for adapter in adapters.values():
        if not adapter.source:
            raise CatalogError(f"{path}: adapter {adapter.key!r} needs a 'repo' or a 'path'")
        if adapter.base is not None and adapter.base not in bases:
            raise CatalogError(
                f"{path}: adapter {adapter.key!r} names base {adapter.base!r}, "
                f"which is not one of {sorted(bases)}")
    for base in bases.values():
        if (base.package is None) != (base.gguf_file is None):
            raise CatalogError(f"{path}: base {base.key!r} needs both 'package' and 'gguf_file'")
    if adapters:
        # Relative adapter paths are relative to the catalog file, so a catalog travels with them.
        adapters = {k: _resolve_relative(a, path.parent) for k, a in adapters.items()}
    presets, default_preset = load_presets(presets_path)
    return Catalog(bases=bases, adapters=adapters, default_base=default_base,
                   presets=presets, default_preset=default_preset)


def _resolve_relative(adapter: AdapterSpec, root: Path) -> AdapterSpec:
    if adapter.path is None or Path(adapter.path).is_absolute():
        return adapter
    return replace(adapter, path=str((root / adapter.path).resolve()))
