"""The Chat tab in a real browser (Debian's Chromium driven by Playwright)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

import app
from browser import chromium
from models.engine import Engine

pytestmark = pytest.mark.slow


@pytest.fixture
def page_on(tiny_engine: Engine) -> Iterator:
    demo = app.build_demo(tiny_engine)
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", quiet=True)
    try:
        with chromium() as browser:
            page = browser.new_page()
            page.goto(demo.local_url)
            yield page
    finally:
        demo.close()


def set_number(page, label: str, value: str) -> None:
    field = page.get_by_label(f"number input for {label}", exact=True)
    field.fill(value)
    field.press("Enter")


def test_stop_button_stops_the_generating_thread(page_on, tiny_engine: Engine) -> None:
    page = page_on
    page.get_by_text("System prompt and sampling").click()
    set_number(page, "Temperature (0 = greedy)", "0")
    set_number(page, "Max new tokens", "1024")
    box = page.locator("#chat-message textarea")
    box.fill("I feel anxious about my exams")
    box.press("Enter")
    # Several streamed words (not the pending indicator) before pressing Stop.
    expect(page.locator(".message.bot").first).to_contain_text(re.compile(r"\S+ \S+ \S+"), timeout=30_000)
    page.get_by_test_id("stop-button").click()
    deadline = time.monotonic() + 30
    while (tiny_engine.last_run is None or tiny_engine._generate_lock.locked()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert tiny_engine.last_run is not None and tiny_engine.last_run.stopped
    assert tiny_engine.last_run.new_tokens < 1024
    # The server is free again: the next request gets its full answer.
    from gradio_client import Client
    client = Client(page.url, verbose=False)
    assert client.predict("thank you", "", "", 0.0, 1.0, 16, api_name="/chat")
    assert tiny_engine.last_run.stopped is False


@pytest.mark.parametrize("payload", [
    '<img src=x onerror="window.__pwned = 1">',
    '<script>window.__pwned = 2</script>',
    '<a href="javascript:window.__pwned=3">click</a> <svg onload="window.__pwned=4"></svg>',
])
def test_markup_typed_into_the_chat_never_executes(page_on, payload: str) -> None:
    page = page_on
    box = page.locator("#chat-message textarea")
    box.fill(payload)
    box.press("Enter")
    expect(page.locator(".message.user")).to_have_count(1, timeout=30_000)
    expect(page.locator(".message.bot")).to_have_count(1, timeout=30_000)
    page.wait_for_timeout(500)
    links = page.locator(".message.user a")
    for i in range(links.count()):
        links.nth(i).click(timeout=2_000, no_wait_after=True)
    assert page.evaluate("window.__pwned") is None
