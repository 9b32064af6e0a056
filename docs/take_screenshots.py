"""The README's screenshots, taken by Debian's Chromium (Playwright) from the running app.

    python docs/take_screenshots.py        # writes docs/screenshots/*.png

The app runs on the packaged SmolLM2 with the shipped default study; the Results tab shows the
ratings of 18 simulated participants, stored through the real store in a temporary database (the
study takes 20, which leaves room for the participant screenshots).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import app  # noqa: E402
from models.backends import backend_for  # noqa: E402
from browser import chromium  # noqa: E402
from results.access import ResultsAccess  # noqa: E402
from survey.assignment import CHECK  # noqa: E402
from survey.database import Database  # noqa: E402
from survey.serving import served_studies  # noqa: E402
from survey.store import Store  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PASSWORD = "screenshots"
MESSAGE = "I've been feeling anxious before my exams and I can't sleep. Any advice?"


def rate_simulated_participants(store: Store, studies: dict, count: int = 18) -> None:
    """Participants who rate the empathic prompt's answers about a point higher, with noise."""
    rng = np.random.default_rng(0)
    served = studies["default"]
    study = served.study
    for _ in range(count):
        person = store.join(study)
        leniency = rng.normal(0, 1)
        for slot in person.slots:
            if slot.kind == CHECK:  # attention checks answered as asked
                score = study.check(slot.item_id).score
                scores = {p: {c.key: score for c in study.criteria} for p in (1, 2)}
            else:
                better_first = slot.first_model == study.models[1].key
                scores = {p: {c.key: int(np.clip(round(5.5 + leniency + (better_first == (p == 1))
                                                       + rng.normal(0, 1.3)), 1, 10)) for c in study.criteria}
                          for p in (1, 2)}
            store.submit(study, person.participant_id, slot.item_id, scores)


def take_part(page, link: str, study) -> None:
    """A participant's every step: consent, an item, an item sent incomplete, the last item, the end."""
    page.goto(link)
    page.locator("#survey-agree").wait_for(timeout=30_000)
    page.screenshot(path=OUT / "participant-consent.png", full_page=True)
    page.locator("#survey-agree").click()
    page.locator("#survey-question").wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    page.screenshot(path=OUT / "participant.png", full_page=True)
    page.locator("#survey-next").click()
    page.locator("#survey-message").get_by_text("please rate").first.wait_for(timeout=30_000)
    page.screenshot(path=OUT / "participant-incomplete.png", full_page=True)
    items = study.items_per_participant
    for index in range(items):
        page.locator("#survey-progress").get_by_text(f"Item {index + 1} of {items}").wait_for(timeout=30_000)
        check = next((c for c in study.attention_checks if c.text in page.locator("#survey-question").inner_text()),
                     None)
        for position in (1, 2):
            for criterion in range(1, len(study.criteria) + 1):
                score = check.score if check else 7 - position
                page.locator(f"#response-{position}-criterion-{criterion} input[value='{score}']").check()
        if index == items - 1:
            page.screenshot(path=OUT / "participant-last-item.png", full_page=True)
        page.locator("#survey-next").click()
    page.locator("#survey-done").get_by_text("completion code").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)  # Gradio greys a component while its event is still running
    page.screenshot(path=OUT / "participant-done.png", full_page=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="mhchat-screenshots-"))
    store = Store(Database(f"sqlite:///{folder / 'ratings.sqlite3'}"))
    studies = served_studies()
    rate_simulated_participants(store, studies)
    engine = backend_for(app.settings)
    engine.load()
    demo = app.build_demo(engine, studies, store, results_access=ResultsAccess(password=PASSWORD))
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", quiet=True, **app.launch_options())
    try:
        with chromium() as browser:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(demo.local_url)
            page.locator("#chat-message textarea").fill(MESSAGE)
            page.locator("#chat-message textarea").press("Enter")
            page.locator(".message.bot").first.wait_for(timeout=60_000)
            page.get_by_test_id("stop-button").wait_for(state="hidden", timeout=120_000)
            page.screenshot(path=OUT / "chat.png", full_page=True)

            page.get_by_role("tab", name="Survey").click()
            page.wait_for_timeout(500)
            page.screenshot(path=OUT / "survey-tab.png", full_page=True)

            page.get_by_role("tab", name="Results").click()
            page.locator("#results-password input").fill(PASSWORD)
            page.locator("#results-show").click()
            page.locator("#results-summary").get_by_text("participants").first.wait_for(timeout=120_000)
            page.wait_for_timeout(1500)  # the charts' images
            page.screenshot(path=OUT / "results.png", full_page=True)

            take_part(browser.new_page(viewport={"width": 1280, "height": 900}), f"{demo.local_url}?study=default",
                      studies["default"].study)
    finally:
        demo.close()
    for path in sorted(OUT.glob("*.png")):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
