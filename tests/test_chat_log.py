"""The operator's opt-in chat log: anonymised lines, a pseudonymous session, and a notice on the page."""

from __future__ import annotations

import json
from pathlib import Path

from gradio_client import Client

import app
from models.chat_log import NOTICE, ChatLog, anonymise
from models.engine import Engine


def test_contact_details_and_names_are_replaced() -> None:
    text = ("my name is Sarah Jones, mail sarah.j@example.com or ring +44 7700 900123, "
            "I'm @sarahj on insta, see https://example.org/me, I live at 12 Baker Street. I took 3 pills")
    cleaned = anonymise(text)
    for private in ("Sarah", "Jones", "sarah.j@", "7700", "@sarahj", "example.org", "12 Baker"):
        assert private not in cleaned
    for placeholder in ("[name]", "[email]", "[number]", "[handle]", "[link]", "[address]"):
        assert placeholder in cleaned
    assert cleaned.endswith("I took 3 pills")  # the rest, small numbers included, is kept
    assert anonymise("I feel low and my exams start on 12 May") == "I feel low and my exams start on 12 May"


def test_a_name_given_once_is_replaced_wherever_it_recurs() -> None:
    assert anonymise("I'm Priya. Priya is what my nan calls me") == "I'm [name]. [name] is what my nan calls me"
    assert anonymise("Hello Priya, thank you for telling me", {"Priya"}) == "Hello [name], thank you for telling me"
    assert anonymise("I'm sad and i'm so tired") == "I'm sad and i'm so tired"


def test_pseudonyms_cannot_be_linked_across_restarts(tmp_path: Path) -> None:
    first, second = ChatLog(tmp_path), ChatLog(tmp_path)
    assert first.pseudonym("session-1") == first.pseudonym("session-1") != first.pseudonym("session-2")
    assert first.pseudonym("session-1") != second.pseudonym("session-1")


def test_the_chat_keeps_anonymised_lines_and_says_so(tiny_engine: Engine, tmp_path: Path) -> None:
    demo = app.build_demo(tiny_engine, chat_log=ChatLog(tmp_path / "chats"))
    assert NOTICE in json.dumps(demo.config, default=str) and "Nothing you write is stored" not in json.dumps(demo.config, default=str)
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", quiet=True)
    try:
        client = Client(demo.local_url, verbose=False)
        client.predict("I'm Sam, sam@example.com, and i want to die", "", "", 0.0, 1.0, 16, api_name="/chat")
    finally:
        demo.close()
    files = list((tmp_path / "chats").glob("chats-*.jsonl"))
    assert len(files) == 1
    [line] = [json.loads(text) for text in files[0].read_text().splitlines()]
    assert line["message"] == "I'm [name], [email], and i want to die"
    assert "Sam" not in line["reply"]
    assert line["level"] == "ideation" and line["reply"] and len(line["session"]) == 12


def test_without_logging_the_page_says_nothing_is_stored(tiny_engine: Engine) -> None:
    config = json.dumps(app.build_demo(tiny_engine).config, default=str)
    assert "Nothing you write is stored" in config and NOTICE not in config
