"""The `openai` backend against a real OpenAI-compatible server: `transformers serve` on the tiny base.

transformers' server serves no LoRA adapters, so adapters per request are tested against llama.cpp's
server (tests/test_llama_server.py); here: streaming, Stop, a server that is down, an unknown
adapter, the chat page's message and `survey build` through the server.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from gradio_client import Client

import app
from conftest import TINY_BASE
from helpers import write_study
from models.backend import Backend, BackendError
from models.catalog import load_catalog
from models.chat_format import GenerationSettings
from models.engine import Engine
from models.loading import AdapterError
from models.openai_backend import UNREACHABLE, OpenAIBackend
from settings import SettingsError, load_settings
from survey.build import build, load_responses
from survey.database import Database
from survey.store import Store
from survey.study import load_study

pytestmark = pytest.mark.slow
GREEDY = GenerationSettings(temperature=0, max_new_tokens=12)
HELLO = [{"role": "system", "content": "You are kind."}, {"role": "user", "content": "Hello there"}]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tiny: SimpleNamespace) -> SimpleNamespace:
    """`transformers serve` on the tiny base from the test Hub cache, offline."""
    port = free_port()
    command = [str(Path(sys.executable).parent / "transformers"), "serve", TINY_BASE, "--port", str(port),
               "--host", "127.0.0.1"]
    log = (tiny.root / "transformers-serve.log").open("w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log_text = (tiny.root / "transformers-serve.log").read_text()
            raise RuntimeError(f"transformers serve ended: {log_text[-2000:]}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.5)
    else:
        process.kill()
        raise RuntimeError("transformers serve did not answer /health within 180 s")
    yield SimpleNamespace(url=f"{url}/v1", process=process)
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture
def backend(server: SimpleNamespace, tiny_catalog_path: Path) -> OpenAIBackend:
    return OpenAIBackend(load_catalog(tiny_catalog_path), server.url, timeout=30, concurrency=4)


def test_a_reply_streams_in_pieces_and_matches_the_local_engine(backend: OpenAIBackend, tiny_catalog_path: Path):
    assert isinstance(backend, Backend) and backend.health().ok
    pieces = list(backend.stream(HELLO, settings=GREEDY))
    assert len(pieces) >= 3, pieces
    local = Engine(load_catalog(tiny_catalog_path), max_context_tokens=256)
    # the same weights, template and greedy decoding: the server's words are the engine's words
    assert "".join(pieces).split() == local.generate_batch([HELLO], settings=GREEDY)[0].split()
    assert backend.generate_batch([HELLO, HELLO], settings=GREEDY) == ["".join(pieces).strip()] * 2


def test_stop_ends_the_reply_and_the_server_serves_the_next(backend: OpenAIBackend):
    stop = threading.Event()
    long_reply = GenerationSettings(temperature=0, max_new_tokens=400)
    stream = backend.stream(HELLO, settings=long_reply, stop=stop)
    pieces = [next(stream), next(stream)]
    stop.set()
    started = time.monotonic()
    pieces += list(stream)
    assert time.monotonic() - started < 5 and len(pieces) <= 3  # ended at the next piece, not at 400 tokens
    assert backend.generate_batch([HELLO], settings=GREEDY)[0]


def test_an_unknown_adapter_names_what_the_server_serves(backend: OpenAIBackend):
    with pytest.raises(AdapterError, match=f"does not serve 'no-such-adapter'.*serves: .*{TINY_BASE}"):
        backend.load_adapter("no-such-adapter")


def test_a_server_that_is_down_gives_a_clear_message(tiny_catalog_path: Path, tmp_path: Path):
    down = OpenAIBackend(load_catalog(tiny_catalog_path), f"http://127.0.0.1:{free_port()}/v1", timeout=5)
    with pytest.raises(BackendError, match=UNREACHABLE):
        list(down.stream(HELLO, settings=GREEDY))
    assert not down.health().ok and "cannot be reached" in down.health().detail
    demo = app.build_demo(down, store=Store(Database(f"sqlite:///{tmp_path / 'db.sqlite3'}")))
    demo.launch(prevent_thread_lock=True, **app.launch_options())
    try:
        client = Client(demo.local_url, verbose=False)
        for _ in range(2):  # the app keeps serving
            reply = client.predict("hello", "", "", 0.0, 0.9, 16, api_name="/chat")
            assert UNREACHABLE in reply
    finally:
        demo.close()


def test_survey_build_through_the_server_writes_every_answer(backend: OpenAIBackend, tiny_catalog_path: Path,
                                                             tmp_path: Path):
    arms = [{"key": key, "base": "tiny", "system_prompt": prompt, "seed": 7,
             "generation": {"max_new_tokens": 8, "temperature": 0.7}}
            for key, prompt in (("kind", "You are kind."), ("brief", "You are brief."))]
    study = load_study(write_study(tmp_path, questions=4, models=arms))
    report = build(study, load_catalog(tiny_catalog_path), Store(Database(f"sqlite:///{tmp_path / 'db.sqlite3'}")),
                   engine_for=lambda base: backend, batch_size=3)
    assert report.status == "built" and report.generated == 8
    responses = load_responses(study)
    assert {q: set(r) for q, r in responses.items()} == {q.id: {"kind", "brief"} for q in study.questions}
    assert all(text.strip() for r in responses.values() for text in r.values())


def test_settings_need_a_url_for_a_server_and_never_show_its_key():
    with pytest.raises(SettingsError, match="MHCHAT_SERVER_URL"):
        load_settings({"MHCHAT_BACKEND": "openai"})
    with pytest.raises(SettingsError) as error:
        load_settings({"MHCHAT_BACKEND": "openai", "MHCHAT_SERVER_URL": "gpu-box:8000",
                       "MHCHAT_SERVER_API_KEY": "sk-very-secret", "MHCHAT_SERVER_TIMEOUT": "0"})
    assert "http://" in str(error.value) and "MHCHAT_SERVER_TIMEOUT" in str(error.value)
    assert "sk-very-secret" not in str(error.value)
    settings = load_settings({"MHCHAT_BACKEND": "openai", "MHCHAT_SERVER_URL": "http://gpu-box:8000/v1/",
                              "MHCHAT_SERVER_API_KEY": "sk-very-secret"})
    backend = OpenAIBackend(load_catalog(settings.catalog), settings.server_url, api_key=settings.server_api_key)
    assert "sk-very-secret" not in repr(backend) and backend.client.base_url.host == "gpu-box"
