"""The engine on a tiny random Llama: adapters by repo id and folder, per-request choice,
concurrency, batches, stop, and every bad adapter leaving the engine usable."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import torch

from models.chat_format import GenerationSettings
from models.engine import Engine
from models.loading import AdapterError

GREEDY = GenerationSettings(temperature=0, max_new_tokens=12)
HELLO = [{"role": "user", "content": "I feel anxious about my exams"}]


def reply(engine: Engine, adapter: str = "", settings: GenerationSettings = GREEDY) -> str:
    return "".join(engine.stream(HELLO, adapter=adapter, settings=settings))


def reply_to(engine: Engine, messages: list, adapter: str, settings: GenerationSettings) -> str:
    return "".join(engine.stream(messages, adapter=adapter, settings=settings))


def test_base_loads_lazily_from_the_hub_cache(tiny_engine: Engine) -> None:
    assert tiny_engine._base is None
    assert "tests/tiny-llama" in tiny_engine.base.names
    assert reply(tiny_engine)


def test_adapters_change_the_reply_and_base_stays_available(tiny_engine: Engine) -> None:
    base = reply(tiny_engine)
    a = reply(tiny_engine, "adapter-a")
    b = reply(tiny_engine, "adapter-b")
    assert len({base, a, b}) == 3
    # Switching back and forth gives the same text: merging and unmerging is exact enough.
    assert reply(tiny_engine, "") == base
    assert reply(tiny_engine, "adapter-a") == a
    assert tiny_engine.loaded_adapters == ["adapter-a", "adapter-b"]


def test_adapter_by_repo_id_revision_and_folder_agree(tiny_engine: Engine, tiny) -> None:
    by_key = reply(tiny_engine, "adapter-a")
    other = Engine(tiny_engine.catalog, max_context_tokens=256)
    assert reply(other, "tests/adapter-a") == by_key
    assert reply(other, str(tiny.adapter_a)) == by_key


def test_revision_is_honoured(tiny_engine: Engine, tiny, tmp_path: Path) -> None:
    from conftest import HUB_CACHE
    from helpers import add_to_hub_cache
    from models.loading import resolve_adapter

    newer = add_to_hub_cache(tiny.adapter_b, "tests/adapter-rev", HUB_CACHE)
    older = add_to_hub_cache(tiny.adapter_a, "tests/adapter-rev", HUB_CACHE, ref=None)
    assert resolve_adapter("tests/adapter-rev").name == newer
    assert resolve_adapter("tests/adapter-rev", older).name == older


@pytest.mark.parametrize("source, message", [
    ("tests/no-such-adapter", "not in the local Hub cache"),
    ("not a repo id!", "neither a local folder nor a Hub repo id"),
])
def test_unknown_adapters_give_clear_messages(tiny_engine: Engine, source: str, message: str) -> None:
    with pytest.raises(AdapterError, match=message):
        tiny_engine.load_adapter(source)
    assert reply(tiny_engine)


def test_bad_folders_give_clear_messages_and_change_nothing(tiny_engine: Engine, tiny) -> None:
    before = reply(tiny_engine)
    with pytest.raises(AdapterError, match="trained on tests/other-llama"):
        tiny_engine.load_adapter(str(tiny.mismatched))
    with pytest.raises(AdapterError, match="corrupt or unreadable"):
        tiny_engine.load_adapter(str(tiny.corrupt))
    with pytest.raises(AdapterError, match="no adapter_config.json"):
        tiny_engine.load_adapter(str(tiny.not_adapter))
    assert tiny_engine.loaded_adapters == []
    assert reply(tiny_engine) == before
    reply(tiny_engine, "adapter-a")
    with pytest.raises(AdapterError):
        tiny_engine.load_adapter(str(tiny.corrupt))
    assert reply(tiny_engine) == before


def test_adapter_whose_tensors_do_not_fit_is_rolled_back(tiny_engine: Engine, tiny, tmp_path: Path) -> None:
    from helpers import make_lora_adapter, make_tiny_llama

    wide = make_tiny_llama(tmp_path / "wide", "tests/tiny-llama", seed=5)
    # Same base name, different shapes: only loading the tensors can find out.
    import json
    cfg = json.loads((wide / "config.json").read_text())
    cfg.update(hidden_size=48, intermediate_size=96)
    (wide / "config.json").write_text(json.dumps(cfg))
    from transformers import LlamaConfig, LlamaForCausalLM
    LlamaForCausalLM(LlamaConfig(**{k: v for k, v in cfg.items() if k not in ("architectures",)})).save_pretrained(wide)
    bad = make_lora_adapter(wide, tmp_path / "bad", "tests/tiny-llama", seed=4)
    before = reply(tiny_engine)
    for preload in (False, True):
        if preload:
            tiny_engine.load_adapter("adapter-b")
        with pytest.raises(AdapterError, match="could not be loaded"):
            tiny_engine.load_adapter(str(bad))
        assert reply(tiny_engine) == before
    assert reply(tiny_engine, "adapter-b")


def test_concurrent_streams_each_get_their_own_adapter(tiny_engine: Engine) -> None:
    expected = {key: reply(tiny_engine, key) for key in ("", "adapter-a", "adapter-b")}
    results: dict[str, list[str]] = {key: [] for key in expected}

    def worker(key: str) -> None:
        for _ in range(3):
            results[key].append(reply(tiny_engine, key))

    threads = [threading.Thread(target=worker, args=(key,)) for key in expected]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for key, texts in results.items():
        assert texts == [expected[key]] * 3


def test_mixed_adapter_batch_matches_single_requests(tiny_engine: Engine) -> None:
    keys = ["", "adapter-a", "adapter-b", "adapter-a"]
    conversations = [HELLO, HELLO, HELLO, [{"role": "user", "content": "I feel lonely"}]]
    singles = ["".join(tiny_engine.stream(c, adapter=k, settings=GREEDY)).strip()
               for c, k in zip(conversations, keys)]
    assert tiny_engine.generate_batch(conversations, keys, GREEDY, batch_size=4) == singles


def test_batch_is_deterministic_for_a_seed(tiny_engine: Engine) -> None:
    sampled = GenerationSettings(temperature=1.0, top_p=1.0, max_new_tokens=10, seed=7)
    first = tiny_engine.generate_batch([HELLO] * 3, ["", "adapter-a", ""], sampled)
    assert tiny_engine.generate_batch([HELLO] * 3, ["", "adapter-a", ""], sampled) == first


def test_stop_ends_the_generating_thread(tiny_engine: Engine) -> None:
    long = GenerationSettings(temperature=0, max_new_tokens=1000)
    stop = threading.Event()
    chunks = []
    stream = tiny_engine.stream(HELLO, settings=long, stop=stop)
    for chunk in stream:
        chunks.append(chunk)
        if len(chunks) == 2:
            stop.set()
    assert 2 <= len(chunks) < 50
    # The lock is free again: another request completes.
    assert tiny_engine._generate_lock.acquire(timeout=5)
    tiny_engine._generate_lock.release()


def test_closing_the_stream_stops_generation(tiny_engine: Engine) -> None:
    stream = tiny_engine.stream(HELLO, settings=GenerationSettings(temperature=0, max_new_tokens=1000))
    next(stream)
    stream.close()
    assert tiny_engine._generate_lock.acquire(timeout=5)
    tiny_engine._generate_lock.release()


def test_base_weights_are_untouched_by_adapter_use(tiny_engine: Engine) -> None:
    reply(tiny_engine)
    before = {k: v.clone() for k, v in tiny_engine.base.model.state_dict().items() if "lora" not in k}
    reply(tiny_engine, "adapter-a")
    reply(tiny_engine, "adapter-b")
    reply(tiny_engine, "")
    after = {k.replace("base_model.model.", "").replace(".base_layer", ""): v
             for k, v in tiny_engine.model.state_dict().items() if "lora" not in k}
    for name, tensor in before.items():
        key = name.replace(".base_layer", "")
        assert torch.allclose(after[key], tensor, atol=1e-5), name


def _hold_model_while_requests_arrive(engine: Engine, requests: list[tuple[list, str, GenerationSettings]],
                                      stop_after: dict[int, int] | None = None) -> list[str]:
    """Start the streams while the model is busy, so that they wait together, then let them run;
    stream i presses Stop after stop_after[i] pieces."""
    stops = [threading.Event() for _ in requests]
    replies = [""] * len(requests)

    def consume(i: int) -> None:
        for count, piece in enumerate(engine.stream(requests[i][0], requests[i][1], requests[i][2],
                                                    stop=stops[i]), start=1):
            replies[i] += piece
            if count == (stop_after or {}).get(i):
                stops[i].set()

    with engine._generate_lock:
        threads = [threading.Thread(target=consume, args=(i,)) for i in range(len(requests))]
        for thread in threads:
            thread.start()
        for _ in range(500):
            if len(engine._pending._waiting) == len(requests):
                break
            threading.Event().wait(0.01)
    for thread in threads:
        thread.join(timeout=60)
    return replies


def test_streams_waiting_together_are_generated_as_one_batch(tiny_engine: Engine, monkeypatch) -> None:
    lonely = [{"role": "user", "content": "I feel lonely tonight"}]
    requests = [(HELLO, "", GREEDY), (lonely, "adapter-a", GREEDY), (HELLO, "adapter-b", GREEDY), (lonely, "", GREEDY)]
    alone = [reply_to(tiny_engine, *r) for r in requests]
    calls = []
    generate = tiny_engine._generate
    monkeypatch.setattr(tiny_engine, "_generate", lambda ids, *a, **k: calls.append(ids.shape[0]) or generate(ids, *a, **k))
    assert _hold_model_while_requests_arrive(tiny_engine, requests) == alone
    assert calls == [4]  # one generate() for the four streams, each with its own adapter


def test_streams_with_different_sampling_go_in_separate_batches(tiny_engine: Engine, monkeypatch) -> None:
    other = GenerationSettings(temperature=0, max_new_tokens=6)
    requests = [(HELLO, "", GREEDY), (HELLO, "", other), (HELLO, "adapter-a", GREEDY)]
    alone = [reply_to(tiny_engine, *r) for r in requests]
    calls = []
    generate = tiny_engine._generate
    monkeypatch.setattr(tiny_engine, "_generate", lambda ids, *a, **k: calls.append(ids.shape[0]) or generate(ids, *a, **k))
    assert _hold_model_while_requests_arrive(tiny_engine, requests) == alone
    assert sorted(calls) == [1, 2]


def test_stopping_one_row_leaves_the_others_whole(tiny_engine: Engine) -> None:
    long = GenerationSettings(temperature=0, max_new_tokens=1000, min_new_tokens=1000)
    full = reply_to(tiny_engine, HELLO, "", long)
    replies = _hold_model_while_requests_arrive(tiny_engine, [(HELLO, "", long), (HELLO, "", long)], {0: 1})
    assert full.startswith(replies[0]) and len(replies[0]) < len(full) / 4
    assert replies[1] == full
    assert tiny_engine.last_run.new_tokens == 1000  # the batch went on for the other row
