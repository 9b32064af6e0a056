"""Shared fixtures: every path the app writes goes to a temporary folder, the Hub is offline
and its cache is a temporary folder the tests fill with tiny models and adapters."""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

# Before huggingface_hub is imported anywhere: it reads these once.
_SESSION_DIR = Path(tempfile.mkdtemp(prefix="mhchat-tests-"))
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_HOME"] = str(_SESSION_DIR / "hf")
os.environ["HF_HUB_CACHE"] = str(_SESSION_DIR / "hf" / "hub")
os.environ["GRADIO_TEMP_DIR"] = str(_SESSION_DIR / "gradio")
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ["MHCHAT_CACHE_DIR"] = str(_SESSION_DIR / "cache")
os.environ["DATABASE_URL"] = f"sqlite:///{_SESSION_DIR / 'ratings.sqlite3'}"

import pytest  # noqa: E402
import yaml  # noqa: E402

from helpers import add_to_hub_cache, make_lora_adapter, make_tiny_llama  # noqa: E402
from models.catalog import load_catalog  # noqa: E402
from models.engine import Engine  # noqa: E402
from postgres import postgres_server  # noqa: E402
from survey.database import Database  # noqa: E402

TINY_BASE = "tests/tiny-llama"
HUB_CACHE = Path(os.environ["HF_HUB_CACHE"])




@pytest.fixture(scope="session")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """A tiny base in the Hub cache, adapters for it (by repo id and by folder) and bad ones."""
    root = tmp_path_factory.mktemp("tiny")
    base = make_tiny_llama(root / "base", TINY_BASE)
    add_to_hub_cache(base, TINY_BASE, HUB_CACHE)
    other = make_tiny_llama(root / "other-base", "tests/other-llama", seed=1)
    world = SimpleNamespace(root=root, base=base)
    world.adapter_a = make_lora_adapter(base, root / "adapter-a", TINY_BASE, seed=1)
    world.adapter_b = make_lora_adapter(base, root / "adapter-b", TINY_BASE, seed=2)
    world.a_commit = add_to_hub_cache(world.adapter_a, "tests/adapter-a", HUB_CACHE)
    world.mismatched = make_lora_adapter(other, root / "mismatched", "tests/other-llama", seed=3)
    world.corrupt = root / "corrupt"
    shutil.copytree(world.adapter_a, world.corrupt)
    (world.corrupt / "adapter_model.safetensors").write_bytes(b"not a safetensors file")
    world.not_adapter = root / "not-adapter"
    world.not_adapter.mkdir()
    (world.not_adapter / "notes.txt").write_text("no adapter here")
    return world


@pytest.fixture(scope="session")
def tiny_catalog_path(tiny: SimpleNamespace) -> Path:
    catalog = {
        "default_base": "tiny",
        "bases": [{"key": "tiny", "name": "Tiny Llama", "hub_id": TINY_BASE,
                   "description": "random weights for tests"}],
        "adapters": [
            {"key": "adapter-a", "name": "Adapter A", "repo": "tests/adapter-a", "base": "tiny",
             "description": "from the Hub cache"},
            {"key": "adapter-b", "name": "Adapter B", "path": str(tiny.adapter_b), "base": "tiny",
             "description": "from a folder"},
        ],
    }
    path = tiny.root / "catalog.yaml"
    path.write_text(yaml.safe_dump(catalog))
    return path


@pytest.fixture
def tiny_engine(tiny_catalog_path: Path) -> Engine:
    return Engine(load_catalog(tiny_catalog_path), max_context_tokens=256)


@pytest.fixture(scope="session")
def learned_screen_ready() -> None:
    """Loads the learned crisis screen, its encoders and the reply screen, as app.py does before
    serving, so that tests driving the chat do not wait for them inside their timeouts."""
    from safety.reply_screen import ReplyScreen
    from safety.screen import screen

    screen([{"role": "user", "content": "hello"}])
    ReplyScreen().reasons([{"role": "user", "content": "hello"}], "Hello.", "none")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    """A fresh, empty database of each kind the store supports."""
    if request.param == "sqlite":
        return Database(f"sqlite:///{tmp_path / 'ratings.sqlite3'}")
    import psycopg

    server = request.getfixturevalue("postgres_url")
    name = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return Database(server.rsplit("/", 1)[0] + f"/{name}")
