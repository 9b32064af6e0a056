"""A participant completes a whole study in headless Chromium, blind to the models."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit
from types import SimpleNamespace

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Request, expect

import app
from browser import chromium
from conftest import TINY_BASE
from helpers import ARM_KEYS, publish_after_review, write_study
from models.catalog import load_catalog
from models.engine import Engine
from survey.build import build, responses_path
from survey.database import Database
from survey.export import ratings_frame
from survey.serving import served_studies
from survey.store import Store
from survey.study import load_study

pytestmark = pytest.mark.slow
# What would unblind a participant: the arms' keys, the adapter's catalog key and Hub id, the base.
SECRETS = (*ARM_KEYS, "adapter-a", "tests/adapter-a", "Adapter A", TINY_BASE, "Tiny Llama")
CHECK = {"id": "check-1", "text": "To show you are reading, give both responses a 4 on every criterion.",
         "responses": ["Please rate me 4.", "Please rate me 4 as well."], "score": 4}


def assert_blind(text: str) -> None:
    leaked = [s for s in SECRETS if s in text]
    assert not leaked, f"the page reveals {leaked}"


@pytest.fixture
def survey_app(tmp_path: Path, tiny_catalog_path: Path, tiny_engine: Engine) -> Iterator[SimpleNamespace]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    store = Store(Database(f"sqlite:///{tmp_path / 'ratings.sqlite3'}"))
    path = write_study(tmp_path / "studies", questions=3, attention_checks=[CHECK], comment_box=True,
                       completion_url=f"http://127.0.0.1:{port}/survey?completed={{code}}")  # stands in for Prolific
    study = load_study(path)
    build(study, load_catalog(tiny_catalog_path), store, lambda base: tiny_engine)
    publish_after_review(study)
    studies = served_studies(path.parent)
    demo = app.build_demo(tiny_engine, studies, store)
    demo.launch(**app.launch_options(), prevent_thread_lock=True, server_name="127.0.0.1", server_port=port, quiet=True)
    try:
        with chromium() as browser:
            yield SimpleNamespace(page=browser.new_page(), url=demo.local_url, store=store, study=study,
                                  studies=studies)
    finally:
        demo.close()


def body_of(request: Request) -> str:
    """Read when the request has finished: an open event stream would block, a page left behind is gone."""
    response = request.response()
    try:
        return response.text() if response else ""
    except PlaywrightError:  # redirects have no body
        return ""


# Gradio's client reads event results from a server-sent event stream through fetch; the stream's
# body can be read from the network only once it ends, which may be after the page has moved on,
# so the page keeps a copy of every chunk as it arrives.
KEEP_STREAMED_CHUNKS = """
window.streamedChunks = [];
const fetchFromNetwork = window.fetch;
window.fetch = async (...args) => {
  const response = await fetchFromNetwork(...args);
  if ((response.headers.get("content-type") || "").includes("text/event-stream")) {
    const stream = String(Math.random()), reader = response.clone().body.getReader(), decoder = new TextDecoder();
    (async () => {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        window.streamedChunks.push([stream, decoder.decode(chunk.value, {stream: true})]);
      }
    })();
  }
  return response;
};
"""


def wait_for_streamed(page, streams: dict[str, str], text: str) -> None:
    """Wait until an event stream carried `text`, keeping what every stream has carried so far."""
    for _ in range(300):
        for stream, chunk in page.evaluate("window.streamedChunks.splice(0)"):
            streams[stream] = streams.get(stream, "") + chunk
        if any(text in carried for carried in streams.values()):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"no event stream carried {text!r}")


def rate(page, position: int, criteria: int, value: int) -> None:
    for criterion in range(1, criteria + 1):
        page.locator(f"#response-{position}-criterion-{criterion} input[value='{value}']").check()


def test_a_participant_completes_the_study_blind(survey_app) -> None:
    page, study, store = survey_app.page, survey_app.study, survey_app.store
    bodies: list[str] = []
    streams: dict[str, str] = {}
    page.on("requestfinished", lambda request: bodies.append(body_of(request)))
    page.add_init_script(KEEP_STREAMED_CHUNKS)
    page.goto(f"{survey_app.url}?study={study.id}&PROLIFIC_PID=pid-42")  # the short link opens the study page
    page.wait_for_url(re.compile(r"/survey\?study="), timeout=30_000)
    expect(page.locator("#survey-consent")).to_contain_text("Consent text.", timeout=30_000)
    assert_blind(page.content())
    page.locator("#survey-agree").click()

    items, criteria = len(study.questions) + 1, len(study.criteria)
    progress = page.locator("#survey-progress")
    for index in range(items):
        expect(progress).to_have_text(f"Item {index + 1} of {items}", timeout=30_000)
        assert_blind(page.content())
        if index == 0:  # an incomplete item is refused with a message and stays on screen
            rate(page, 1, criteria, 5)
            page.locator("#survey-next").click()
            expect(page.locator("#survey-message")).to_contain_text("Response 2: please rate")
            expect(progress).to_have_text(f"Item 1 of {items}")
            page.locator("#survey-comment textarea").fill("first item comment")
        if index == 1:  # a reload resumes at the same item, without asking for consent again
            page.reload()
            expect(progress).to_have_text(f"Item 2 of {items}", timeout=30_000)
            expect(page.locator("#survey-agree")).to_be_hidden()
        question = page.locator("#survey-question").inner_text()
        is_check = "give both responses a 4" in question
        if not is_check:  # the item came through an event stream, which is checked for leaks below
            wait_for_streamed(page, streams, re.search(r"Question number \d+", question).group(0))
        rate(page, 1, criteria, 4 if is_check else 8)
        rate(page, 2, criteria, 4 if is_check else 3)
        page.locator("#survey-next").click()

    page.wait_for_url(re.compile(r"completed=\w+"), timeout=30_000)
    code = page.url.rsplit("=", 1)[1]
    person = store.find(study, external_id="pid-42")
    assert person.completed and person.completion_code == code

    ratings = ratings_frame(store, study.id)
    assert len(ratings) == len(study.questions) * 2 * criteria
    assert set(ratings["external_id"]) == {"pid-42"} and not ratings["attention_failed"].any()
    assert (ratings["score"] == ratings["position"].map({1: 8, 2: 3})).all()
    assert set(ratings["model"]) == set(ARM_KEYS)

    for payload in (*bodies, *streams.values()):
        assert_blind(payload)


def test_a_study_not_published_after_review_is_not_open(survey_app) -> None:
    page, study = survey_app.page, survey_app.study
    responses = responses_path(study)
    responses.write_text(responses.read_text().replace('"published"', '"was_published"'))  # as after a rebuild
    survey_app.studies[study.id] = served_studies(responses.parent)[study.id]
    page.goto(f"{survey_app.url}survey?study={study.id}")
    expect(page.locator("#survey-notice")).to_contain_text("This study is not open yet", timeout=30_000)
    expect(page.locator("#survey-agree")).to_be_hidden()


def test_an_unknown_study_says_so_without_showing_the_link(survey_app) -> None:
    """The link's text could carry Markdown (a link to the chat, or elsewhere); it is never shown,
    and the other studies are not named."""
    page = survey_app.page
    crafted = quote("x` [Open the chat](/) `")
    page.goto(f"{survey_app.url}survey?study={crafted}")
    notice = page.locator("#survey-notice")
    expect(notice).to_contain_text("There is no study at this link", timeout=30_000)
    assert notice.locator("a").count() == 0 and "Open the chat" not in notice.inner_text()
    assert survey_app.study.id not in notice.inner_text()
    expect(page.locator("#survey-agree")).to_be_hidden()


@pytest.mark.parametrize("link", ["survey/?study={id}&PROLIFIC_PID={pid}", "?study={id}?PROLIFIC_PID={pid}",
                                  "?Study={id}&PROLIFIC_PID={pid}", "survey?study={id}?PROLIFIC_PID={pid}"])
def test_links_as_platforms_mangle_them_open_the_study_with_the_participant_id(survey_app, link: str) -> None:
    page, study = survey_app.page, survey_app.study
    pid = f"pid-{abs(hash(link)) % 10_000}"
    page.goto(survey_app.url + link.format(id=study.id, pid=pid))
    expect(page.locator("#survey-consent")).to_contain_text("Consent text.", timeout=30_000)
    assert urlsplit(page.url).path.endswith("/survey") and parse_qs(urlsplit(page.url).query)["PROLIFIC_PID"] == [pid]
