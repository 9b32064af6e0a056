"""The running app driven through gradio_client, as an API user or a second browser would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gradio_client import Client

import app
from models.engine import Engine

pytestmark = pytest.mark.usefixtures("learned_screen_ready")
GREEDY = (0.0, 1.0, 16)  # temperature, top_p, max new tokens


@pytest.fixture
def client(tiny_engine: Engine) -> Iterator[Client]:
    demo = app.build_demo(tiny_engine)
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=None, quiet=True)
    try:
        yield Client(demo.local_url, verbose=False)
    finally:
        demo.close()


def chat(client: Client, message: str, adapter: str = "", system: str = "be kind"):
    """One message in a new conversation (the endpoint keeps each session's history)."""
    client.reset_session()
    return client.submit(message, adapter, system, *GREEDY, api_name="/chat")


def final_reply(job) -> str:
    return job.result()


def test_the_chat_endpoint_keeps_multi_turn_history(client: Client, tiny_engine: Engine) -> None:
    first = final_reply(chat(client, "hello there"))
    second = final_reply(client.submit("and now?", "", "be kind", *GREEDY, api_name="/chat"))
    conversation = [{"role": "system", "content": "be kind"},
                    {"role": "user", "content": "hello there"},
                    {"role": "assistant", "content": first.strip()},
                    {"role": "user", "content": "and now?"}]
    from models.chat_format import GenerationSettings
    direct = "".join(tiny_engine.stream(conversation, settings=GenerationSettings(0.0, 1.0, 16)))
    assert second == direct


class SentenceWritingEngine(Engine):
    """The tiny model's engine, writing a reply of several sentences word by word (the tiny random model
    rarely ends a sentence, and below ideation the page shows a reply a screened sentence at a time)."""

    reply = "Exams can feel like a lot. Try one short session at a time. Sleep helps more than cramming. Good luck!"

    def stream(self, messages, adapter="", settings=None, stop=None):
        for word in self.reply.split(" "):
            yield word + " "


def test_reply_streams_a_screened_sentence_at_a_time(tiny_catalog_path) -> None:
    from models.catalog import load_catalog

    demo = app.build_demo(SentenceWritingEngine(load_catalog(tiny_catalog_path), max_context_tokens=256))
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", quiet=True)
    try:
        job = Client(demo.local_url, verbose=False).submit("I feel anxious about my exams", "", "be kind", *GREEDY,
                                                          api_name="/chat")
        chunks = list(job)
    finally:
        demo.close()
    assert chunks[:3] == ["Exams can feel like a lot.", "Exams can feel like a lot. Try one short session at a time.",
                          "Exams can feel like a lot. Try one short session at a time. Sleep helps more than cramming."]
    assert chunks[-1] == SentenceWritingEngine.reply


def test_two_clients_on_two_adapters_at_once(client: Client, tiny_engine: Engine) -> None:
    expected = {key: final_reply(chat(client, "hello there", key)) for key in ("adapter-a", "adapter-b")}
    assert expected["adapter-a"] != expected["adapter-b"]
    other = Client(client.src, verbose=False)
    for _ in range(2):
        jobs = {"adapter-a": chat(client, "hello there", "adapter-a"),
                "adapter-b": chat(other, "hello there", "adapter-b")}
        assert {key: final_reply(job) for key, job in jobs.items()} == expected


def test_bad_adapter_returns_the_error_and_the_server_keeps_answering(client: Client) -> None:
    assert "not in the local Hub cache" in final_reply(chat(client, "hello", "someone/missing-adapter"))
    _, status = client.predict("someone/missing-adapter", api_name="/load_adapter")
    assert "not in the local Hub cache" in status
    assert not final_reply(chat(client, "hello")).startswith("⚠️")


def test_empty_and_oversized_messages(client: Client) -> None:
    assert final_reply(chat(client, "   ")) in (None, "")
    assert "limit is 4,000" in final_reply(chat(client, "x" * 5000))


def test_load_adapter_endpoint_adds_a_custom_adapter(client: Client, tiny) -> None:
    dropdown, status = client.predict(str(tiny.adapter_a), api_name="/load_adapter")
    assert status == f"Loaded {tiny.adapter_a}."
    assert dropdown["value"] == str(tiny.adapter_a)
    assert [str(tiny.adapter_a), str(tiny.adapter_a)] in dropdown["choices"]


def test_a_full_queue_tells_the_visitor_instead_of_dropping_silently(tiny_engine: Engine) -> None:
    """One request at a time and one waiting: of four sent at once, the rest are refused with a message."""
    demo = app.build_demo(tiny_engine, concurrency=1, max_queue=1)
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", quiet=True)
    try:
        clients = [Client(demo.local_url, verbose=False) for _ in range(4)]  # connected before any request
        jobs = [c.submit(f"message {i}", "", "be kind", 0.0, 1.0, 1024, api_name="/chat")
                for i, c in enumerate(clients)]
        outcomes = []
        for job in jobs:
            try:
                outcomes.append(("reply", job.result(timeout=120)))
            except Exception as error:  # noqa: BLE001 - what a refused visitor sees
                outcomes.append(("refused", str(error)))
    finally:
        demo.close()
    replies = [text for kind, text in outcomes if kind == "reply"]
    refusals = [text for kind, text in outcomes if kind == "refused"]
    assert len(replies) >= 2 and all(r.strip() for r in replies)  # the running one and the waiting one
    assert refusals and all("queue is full" in r.lower() for r in refusals)
