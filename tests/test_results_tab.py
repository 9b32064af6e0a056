"""The Results tab shows ratings to the study's operators only: by password or by Hugging Face login."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import gradio as gr
import pytest
from playwright.sync_api import expect

import app
from browser import chromium
from helpers import write_study
from models.engine import Engine
from results.access import ResultsAccess
from results.ui import CHARTS, OFF, REFUSED
from survey.database import Database
from survey.serving import ServedStudy
from survey.store import Store
from survey.study import load_study

PASSWORD = "correct horse battery staple"


@pytest.fixture
def rated(tmp_path: Path) -> SimpleNamespace:
    store = Store(Database(f"sqlite:///{tmp_path / 'ratings.sqlite3'}"))
    study = load_study(write_study(tmp_path / "studies", questions=2))
    for n in range(3):
        person = store.join(study)
        for slot in person.slots:
            store.submit(study, person.participant_id, slot.item_id,
                         {p: {c.key: 3 + p + n for c in study.criteria} for p in (1, 2)})
    return SimpleNamespace(store=store, study=study, studies={study.id: ServedStudy(study, {})})


def handler(demo: gr.Blocks):
    found = [f.fn for f in demo.fns.values() if getattr(f.fn, "__name__", "") == "show_results"]
    return found[0] if found else None


def test_access_by_password_or_listed_hub_user() -> None:
    access = ResultsAccess(password=PASSWORD, users=frozenset({"alice"}))
    assert access.allows(PASSWORD, None) and access.allows(None, "Alice")
    assert not access.allows("wrong", None) and not access.allows("", "mallory") and not access.allows(None, None)
    assert not ResultsAccess().enabled and not ResultsAccess().allows("", "")
    assert not ResultsAccess(users=frozenset({"alice"})).allows("", None)


def test_without_an_operator_setting_there_is_no_results_endpoint(tiny_engine: Engine, rated) -> None:
    demo = app.build_demo(tiny_engine, rated.studies, rated.store)
    assert handler(demo) is None and OFF in json.dumps(demo.config, default=str)


def test_the_endpoint_refuses_wrong_passwords_and_unlisted_users(tiny_engine: Engine, rated) -> None:
    access = ResultsAccess(password=PASSWORD, users=frozenset({"alice"}))
    demo = app.build_demo(tiny_engine, rated.studies, rated.store, results_access=access)
    show = handler(demo)
    mallory = gr.OAuthProfile({"name": "M", "preferred_username": "mallory", "profile": "", "picture": ""})
    for password, profile in (("", None), ("wrong", None), ("", mallory)):
        summary, *tables, notes, means, per_question, distributions, report, ratings = show(rated.study.id, password,
                                                                                             profile)
        assert summary == REFUSED and notes == ""
        assert all(update.get("value") is None and update["visible"] is False
                   for update in (*tables, means, per_question, distributions, report, ratings))
    alice = gr.OAuthProfile({"name": "A", "preferred_username": "alice", "profile": "", "picture": ""})
    for password, profile in ((PASSWORD, None), ("", alice)):
        summary, *tables, notes, means, per_question, distributions, report, ratings = show(rated.study.id, password,
                                                                                             profile)
        assert "3 participants, 60 ratings" in summary and "Position bias" in notes
        assert [len(t["value"]) for t in tables] == [6, 6, 10]  # 5 criteria and all together; 5 × 2 models
        assert [Path(c["value"]).name for c in (means, per_question, distributions)] == list(CHARTS)
        assert report["value"].endswith(".zip") and ratings["value"].endswith(".csv")
    assert "60 ratings" not in json.dumps(demo.config, default=str)


@pytest.fixture
def results_page(tiny_engine: Engine, rated) -> Iterator:
    access = ResultsAccess(password=PASSWORD)
    demo = app.build_demo(tiny_engine, rated.studies, rated.store, results_access=access)
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", quiet=True)
    try:
        with chromium() as browser:
            page = browser.new_page(viewport={"width": 1280, "height": 800})  # an operator's laptop
            page.goto(demo.local_url)
            page.get_by_role("tab", name="Results").click()
            yield page, rated
    finally:
        demo.close()


@pytest.mark.slow
def test_operators_see_live_results_in_the_browser(results_page) -> None:
    page, rated = results_page
    page.locator("#results-password input").fill("not the password")
    page.locator("#results-show").click()
    expect(page.locator("#results-summary")).to_contain_text("Wrong password", timeout=30_000)
    expect(page.get_by_text("Report (zip)")).to_be_hidden()
    page.locator("#results-password input").fill(PASSWORD)
    page.locator("#results-show").click()
    expect(page.locator("#results-summary")).to_contain_text("3 participants, 60 ratings", timeout=60_000)
    expect(page.get_by_text("Report (zip)")).to_be_visible()
    readable_in_place(page)
    # Live: a new participant's ratings appear on the next click.
    person = rated.store.join(rated.study)
    for slot in person.slots:
        rated.store.submit(rated.study, person.participant_id, slot.item_id,
                           {p: {c.key: 5 for c in rated.study.criteria} for p in (1, 2)})
    page.locator("#results-show").click()
    expect(page.locator("#results-summary")).to_contain_text("4 participants, 80 ratings", timeout=60_000)


# The words of the given cells that the browser drew across two lines (broken inside the word, or at a hyphen).
SPLIT_WORDS = """(selector) => {
  const split = [];
  for (const cell of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) split.push(cell.innerText.trim() + ': ' + word[0]);
      }
    }
  }
  return split;
}"""


def readable_in_place(page) -> None:
    """At 1280 px (the page's width): tables without words broken across lines, charts at their own size."""
    for table in ("means", "tests", "agreement"):
        expect(page.locator(f"#results-{table} [role=gridcell]").first).to_be_visible()
    # The model keys are header cells (arm-alpha-7f3): no word of any header or cell is broken across lines,
    # and no table needs scrolling sideways.
    cells = ".results-table th[role=columnheader], .results-table [role=gridcell]"
    assert page.locator(".results-table th[role=columnheader]").count() == 5 + 7 + 6
    assert page.evaluate(SPLIT_WORDS, cells) == []
    assert page.evaluate("() => [...document.querySelectorAll('.results-table .virtual-table-viewport')]"
                         ".filter(v => v.scrollWidth > v.clientWidth + 1).length") == 0
    # Every chart drawn at its own size or nearly, not as a thumbnail: the two side by side at least 480 px
    # wide each, the distributions (a panel per criterion) at least 1,000 px.
    for name, least in (("means", 480), ("per-question", 480), ("distributions", 1000)):
        image = page.locator(f"#results-chart-{name} img")
        expect(image).to_be_visible(timeout=30_000)
        page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle())
        width, natural = image.evaluate("img => [img.getBoundingClientRect().width, img.naturalWidth]")
        assert width >= least and width >= 0.75 * natural, (name, width, natural)
