"""A participant's page has no way out: from any step of a study, no link, control, key, reload or
back button leads to the rest of the app (the chat, the Survey or Results tabs, Gradio's API page
or settings), and neither the page nor anything it downloads names the models or the catalog."""

from __future__ import annotations

import re
from contextlib import suppress
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
import test_survey_browser
import yaml
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from test_survey_browser import KEEP_STREAMED_CHUNKS, SECRETS, body_of, rate

pytestmark = pytest.mark.slow
survey_app = test_survey_browser.survey_app  # the same tiny study on the tiny model, served as app.py does

# Every element of the page that can take focus or lead somewhere, through open shadow roots;
# each is tagged (data-walk) so that Playwright can find it again, with the ids of its ancestors.
DESCRIBE = """
window.walkKeys = window.walkKeys || {ids: new WeakMap(), next: 0};
window.describeElement = (el) => {
  if (!window.walkKeys.ids.has(el)) window.walkKeys.ids.set(el, String(window.walkKeys.next++));
  const key = window.walkKeys.ids.get(el);
  el.setAttribute("data-walk", key);
  const ancestors = [];
  for (let node = el; node; node = node.parentNode || node.host) {
    if (node.id) ancestors.push(node.id);
  }
  const box = el.getBoundingClientRect();
  return {key, tag: el.tagName.toLowerCase(), id: el.id || "", ancestors,
          href: el.getAttribute("href"), role: el.getAttribute("role"), type: el.getAttribute("type"),
          name: el.getAttribute("name"), aria: el.getAttribute("aria-label"),
          text: (el.innerText || el.textContent || el.value || "").trim().slice(0, 80),
          visible: box.width > 0 && box.height > 0};
};
"""
ACTIVE = DESCRIBE + """
(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  return window.describeElement(el);
})()
"""
# What could lead somewhere: links, handlers in attributes, forms, frames, refreshes, and every
# element a keyboard or a pointer could reach.
LEADS = DESCRIBE + """
(() => {
  const leads = [], focusable = [];
  const FOCUSABLE = "a[href], area[href], button, input, select, textarea, summary, iframe, object, embed, "
                  + "[tabindex], [contenteditable=''], [contenteditable=true], [role=link], [role=button], [role=tab]";
  const visit = (root) => {
    for (const el of root.querySelectorAll("*")) {
      if (el.shadowRoot) visit(el.shadowRoot);
      const tag = el.tagName.toLowerCase(), d = () => window.describeElement(el);
      if ((tag === "a" || tag === "area") && el.hasAttribute("href"))  // not <base href>: nothing to follow
        leads.push({kind: "link", target: el.getAttribute("href"), resolved: el.href, ...d()});
      if (el.getAttribute("role") === "link") leads.push({kind: "role=link", target: null, ...d()});
      if (tag === "form") leads.push({kind: "form action", target: el.getAttribute("action"), resolved: el.action, ...d()});
      if (el.hasAttribute("formaction"))
        leads.push({kind: "formaction", target: el.getAttribute("formaction"), resolved: el.formAction, ...d()});
      if (["iframe", "frame", "object", "embed"].includes(tag))
        leads.push({kind: tag, target: el.getAttribute("src") || el.getAttribute("data"), resolved: el.src || el.data, ...d()});
      if (tag === "meta" && (el.getAttribute("http-equiv") || "").toLowerCase() === "refresh")
        leads.push({kind: "meta refresh", target: el.getAttribute("content"), ...d()});
      for (const attribute of el.getAttributeNames())
        if (attribute.startsWith("on")) leads.push({kind: attribute, target: el.getAttribute(attribute), ...d()});
      if (el.matches(FOCUSABLE) && !el.disabled) focusable.push(d());
    }
  };
  visit(document);
  return {leads, focusable};
})()
"""
# The elements only the rest of the app has: the chat's textbox, model picker and notices, the
# Results tab's controls, and tabs at all (the participant page has none).
APP_ONLY = ("#chat-message", "#model-status", "#disclosure", "#results-off", "#results-password",
            "#results-show", "#results-summary", "[role=tab]", "[role=tablist]", "footer")
APP_ONLY_LABELS = ("Model", "Any Hub adapter id or local folder", "Load adapter", "System-prompt preset",
                   "System prompt", "Study", "Operators' password")
# Gradio's footer: its links lead to the API page, gradio.app and the settings.
FOOTER_TEXT = ("Use via API", "Built with Gradio", "Settings", "Stop recording", "API Recorder")
OFF_STUDY = ("?view=api", "view=api", "gradio.app", "huggingface.co", "/settings", "/config", "/gradio_api")
# What only the rest of the app's configuration holds: the chat's and the Results tab's elem_ids and
# labels, and the tabs' labels as the configuration writes them (the participant page has no tabs).
APP_STRINGS = (*(s.lstrip("#") for s in APP_ONLY if s.startswith("#")), *APP_ONLY_LABELS[1:4], "Operators' password")
APP_CONFIG = re.compile(r'"label":\s*"(Chat|Survey|Results)"|"type":\s*"tabs?"')


def catalog_strings(catalog_path: Path, tiny: SimpleNamespace) -> tuple[list[str], list[str]]:
    """Every name, key, Hub id, path and description of the catalog (long strings are searched as
    they are; short keys such as the base's `tiny` only as whole words, since the study is `tiny-study`)."""
    catalog = yaml.safe_load(catalog_path.read_text())
    values = {v for entry in (*catalog["bases"], *catalog["adapters"]) for v in entry.values() if isinstance(v, str)}
    values |= {tiny.a_commit, str(tiny.adapter_a), str(tiny.adapter_b), str(tiny.base)}
    words = sorted(v for v in values if re.fullmatch(r"[\w-]+", v) and len(v) < 6)
    return sorted((values - set(words)) | set(SECRETS)), words


class Participant:
    """One participant's page, with every check of "no way out" that applies at any step."""

    def __init__(self, survey_app: SimpleNamespace, secrets: list[str], words: list[str]):
        self.page, self.study = survey_app.page, survey_app.study
        self.origin = urlsplit(survey_app.url)._replace(path="", query="", fragment="").geturl()
        self.completion = urlsplit(self.study.completion_url)
        self.secrets, self.words = secrets, words
        self.bodies: list[tuple[str, str]] = []
        self.streams: dict[str, str] = {}
        self.walked: dict[str, list[dict]] = {}  # step -> the elements Tab reached there
        self.ways_out: dict[str, list[str]] = {}  # what leads off the study -> the steps that have it
        self.page.on("requestfinished", lambda request: self.bodies.append((request.url, body_of(request))))
        self.page.add_init_script(KEEP_STREAMED_CHUNKS)

    # Where the page is

    def on_study(self, url: str) -> bool:
        """The study page itself (any participant parameters), or the completion page the study configured."""
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        if parts._replace(path="", query="", fragment="").geturl() != self.origin or parts.path != "/survey":
            return False
        if query.get("study") == [self.study.id]:
            return True
        return (parts.path == self.completion.path
                and set(query) == set(parse_qs(self.completion.query)) and "completed" in query)

    def assert_on_study(self, after: str) -> None:
        assert self.on_study(self.page.url), f"{after} led off the study to {self.page.url}"
        expect(self.page.locator("#survey-title"), f"{after}: the study is no longer shown").to_contain_text(
            self.study.title, timeout=30_000)

    def wait_for(self, step: str) -> None:
        """Wait until `step` (consent, 'Item i of n', done) is on screen."""
        if step == "consent":
            expect(self.page.locator("#survey-agree")).to_be_visible(timeout=30_000)
        elif step == "done":
            expect(self.page.locator("#survey-done")).to_contain_text("Thank you", timeout=30_000)
        else:
            expect(self.page.locator("#survey-progress")).to_have_text(step, timeout=30_000)

    # What the page holds and downloads

    def drain_streams(self) -> None:
        """Keep what the page's event streams carried before the page goes (reload, back, redirect)."""
        with suppress(PlaywrightError):  # the page is already going
            for stream, chunk in self.page.evaluate("window.streamedChunks ? window.streamedChunks.splice(0) : []"):
                self.streams[stream] = self.streams.get(stream, "") + chunk

    def assert_blind(self, where: str, text: str) -> None:
        """No model, adapter or base is named, and nothing of the rest of the app is described."""
        leaked = [s for s in self.secrets if s in text]
        leaked += [w for w in self.words if re.search(rf"(?<![\w/.-]){re.escape(w)}(?![\w/-])", text)]
        assert not leaked, f"{where} reveals {leaked}"
        app = [s for s in APP_STRINGS if s in text] + [m.group(0) for m in APP_CONFIG.finditer(text)]
        assert not app, f"{where} holds the rest of the app: {app}"

    def assert_no_app(self, step: str) -> None:
        """Nothing of the chat, the tabs or Gradio's footer is in the DOM."""
        page = self.page
        for selector in APP_ONLY:
            found = page.locator(selector)
            html = found.evaluate_all("es => es.map(e => e.outerHTML)")
            assert found.count() == 0, f"{step}: the participant page has {selector}: {[h[:300] for h in html]}"
        for label in APP_ONLY_LABELS:
            assert page.get_by_label(label, exact=True).count() == 0, f"{step}: the page has the app's {label!r}"
        text = page.locator("body").inner_text()
        shown = [t for t in FOOTER_TEXT if t in text]
        assert not shown, f"{step}: the page shows Gradio's footer ({shown})"
        self.assert_blind(f"{step}: the page", page.content())

    def assert_payloads_blind(self) -> None:
        self.drain_streams()
        for url, body in self.bodies:
            self.assert_blind(f"the response of {url}", body)
        for stream in self.streams.values():
            self.assert_blind("an event stream", stream)

    # The checks of one step

    def leads(self) -> tuple[list[dict], list[dict]]:
        found = self.page.evaluate(LEADS)
        return found["leads"], found["focusable"]

    def tab_walk(self, step: str) -> list[dict]:
        """Every element Tab reaches, from the top of the page until focus comes back round."""
        page = self.page
        page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
        page.mouse.click(1, 1)  # the sequential focus navigation starts at the top
        reached: list[dict] = []
        for presses in range(1, 401):
            page.keyboard.press("Tab")
            element = page.evaluate(ACTIVE)
            if element is None and not reached and presses >= 5:  # nothing on the page takes focus
                return reached
            if element is not None and any(element["key"] == r["key"] for r in reached):
                return reached
            if element is not None:
                reached.append(element)
            assert self.on_study(page.url), f"{step}: tabbing to {describe(reached[-1:])} left the study"
        raise AssertionError(f"{step}: Tab never came back round: {describe(reached)}")

    def record_links_off(self, step: str) -> list[dict]:
        """Note every link, form or handler that leads off the study (all are reported at the end,
        so that one run names them all); returns the focusable elements."""
        leads, focusable = self.leads()
        for lead in leads:
            target, resolved = lead.get("target"), lead.get("resolved")
            name = f"{lead['kind']} {describe([lead])}"
            if lead["kind"] in ("link", "form action", "formaction"):
                same_page = (target or "").startswith("#") or (lead["kind"] != "link" and not target)
                if not (same_page or self.on_study(resolved or "")) or any(s in (resolved or "") for s in OFF_STUDY):
                    self.ways_out.setdefault(f"{name} leads off the study to {resolved}", []).append(step)
            else:
                self.ways_out.setdefault(f"{name} could lead off the study ({target!r})", []).append(step)
        return focusable

    def activate_unexpected(self, step: str, elements: list[dict], tried: set[tuple], reached: set[tuple]) -> bool:
        """Press Enter and Space on, and click, each element (not one of the study's own controls);
        where one leads off the study, note where to and come back. Returns whether one did."""
        page = self.page
        for element in elements:
            tried.add(signature(element))
            for action in ("Enter", " ", "click"):
                target = page.locator(f"[data-walk='{element['key']}']")
                if target.count() == 0:  # gone since it was found
                    break
                if action == "click":
                    if not target.is_visible():
                        continue
                    target.click(timeout=5_000)
                else:
                    target.focus()
                    if not target.evaluate("el => el.getRootNode().activeElement === el"):
                        continue  # it cannot take focus: the key would go elsewhere
                    page.keyboard.press(action)
                page.wait_for_timeout(300)
                page.wait_for_load_state()
                if not self.on_study(page.url):
                    with suppress(PlaywrightError):  # let the page it leads to show what it is
                        page.locator(", ".join(APP_ONLY[:3])).first.wait_for(timeout=10_000)
                    landed = [s for s in APP_ONLY if page.locator(s).count()]
                    self.ways_out.setdefault(
                        f"{action!r} on {describe([element])}"
                        + (" (Tab reaches it)" if signature(element) in reached else "")
                        + f" leads off the study to {page.url}" + (f", a page with {landed}" if landed else ""),
                        []).append(step)
                    self.drain_streams()
                    page.go_back()
                    page.wait_for_load_state()
                    self.assert_on_study(f"{step}: back after leaving the study")
                    return True
                self.assert_on_study(f"{step}: {action!r} on {describe([element])}")
        return False

    def reload_and_back(self, step: str) -> None:
        """A reload stays on the step; back leaves the app (to where the participant came from) or
        stays on the study, and forward comes back to the same step."""
        page = self.page
        self.drain_streams()
        page.reload()
        self.assert_on_study(f"{step}: reload")
        self.wait_for(step)
        self.assert_no_app(f"{step} after a reload")
        self.drain_streams()
        url = page.url
        page.go_back()
        page.wait_for_load_state()
        if page.url.startswith(self.origin):
            self.assert_on_study(f"{step}: back")
            self.assert_no_app(f"{step} after back")
            self.drain_streams()
        if page.url != url:
            page.go_forward()
            page.wait_for_load_state()
        assert page.url == url, f"{step}: forward after back went to {page.url}, not {url}"
        self.assert_on_study(f"{step}: forward")
        self.wait_for(step)

    def check_step(self, step: str, label: str) -> None:
        """Everything at one step: links, focus, activation, DOM, reload and back."""
        self.wait_for(step)
        self.assert_on_study(label)
        tried: set[tuple] = set()
        while True:  # until every element has been tried (a page left and come back to is new)
            focusable = self.record_links_off(label)
            self.assert_no_app(label)
            reached = self.tab_walk(label)
            self.walked.setdefault(label, reached)
            candidates = {signature(e): e for e in (*focusable, *reached) if not expected_control(e)}
            left = self.activate_unexpected(label, [e for k, e in candidates.items() if k not in tried], tried,
                                            {signature(e) for e in reached})
            self.assert_on_study(f"{label}, after trying every control")
            self.wait_for(step)
            if not left:
                break
        self.record_links_off(label)
        self.assert_no_app(label)
        self.reload_and_back(step)


def expected_control(element: dict) -> str | None:
    """The study's own controls: agree, rating radios, the comment box, Next."""
    ancestors = element["ancestors"]
    if element["tag"] == "button" and element["id"] in ("survey-agree", "survey-next"):
        return element["id"]
    if element["tag"] == "input" and element["type"] == "radio" and any(
            re.fullmatch(r"response-[12]-criterion-\d+", a) for a in ancestors):
        return "rating"
    if element["tag"] == "textarea" and "survey-comment" in ancestors:
        return "comment"
    return None


def signature(element: dict) -> tuple:
    """The same element on a page loaded again."""
    return tuple(str(element[k]) for k in ("tag", "id", "ancestors", "href", "role", "type", "name", "text"))


def describe(elements: list[dict]) -> str:
    return "; ".join(f"<{e['tag']} id={e['id']!r} in={e['ancestors'][:3]} href={e.get('href')!r} "
                     f"role={e['role']!r} text={e['text']!r}{'' if e['visible'] else ' (not displayed)'}>"
                     for e in elements)


def test_a_participant_has_no_way_off_the_study(survey_app, tiny_catalog_path: Path, tiny: SimpleNamespace) -> None:
    secrets, words = catalog_strings(tiny_catalog_path, tiny)
    participant = Participant(survey_app, secrets, words)
    page, study = participant.page, participant.study
    page.goto(f"{survey_app.url}?study={study.id}&PROLIFIC_PID=pid-7")  # the short link, as a platform sends it
    page.wait_for_url(re.compile(r"/survey\?study="), timeout=30_000)
    participant.check_step("consent", "the consent screen")
    page.locator("#survey-agree").click()
    participant.assert_on_study("agreeing")

    items, criteria = len(study.questions) + len(study.attention_checks), len(study.criteria)
    for index in range(items):
        step = f"Item {index + 1} of {items}"
        participant.wait_for(step)
        question = page.locator("#survey-question").inner_text()
        is_check = "give both responses a 4" in question
        label = f"the attention check ({step})" if is_check else f"item {index + 1}"
        if index == 0 or is_check:
            participant.check_step(step, label)
        if index == 0:  # Next with nothing rated is refused with a message, on the study
            page.locator("#survey-next").focus()
            page.keyboard.press("Enter")
            expect(page.locator("#survey-message")).to_contain_text("please rate", timeout=30_000)
            participant.assert_on_study("Enter on Next with nothing rated")
            participant.wait_for(step)
            page.locator("#survey-comment textarea").fill("a comment")
            page.keyboard.press("Enter")
            rate(page, 1, criteria, 5)
            page.locator(f"#response-2-criterion-1 input[value='{study.scale.low}']").press("Space")
            participant.assert_on_study("rating and commenting")
            page.locator("#survey-next").click()
            expect(page.locator("#survey-message")).to_contain_text("Response 2: please rate", timeout=30_000)
            participant.check_step(step, "an item after an incomplete submission")
        rate(page, 1, criteria, 4 if is_check else 6)
        rate(page, 2, criteria, 4 if is_check else 2)
        participant.drain_streams()
        page.locator("#survey-next").click()
        if index + 1 < items:
            participant.wait_for(f"Item {index + 2} of {items}")
            participant.assert_on_study(f"Next on {label}")

    page.wait_for_url(re.compile(r"completed=\w+"), timeout=30_000)
    participant.check_step("done", "the completion page")
    assert not participant.ways_out, "ways off the study:\n" + "\n".join(
        f"{way} (at {', '.join(dict.fromkeys(steps))})" for way, steps in participant.ways_out.items())
    participant.assert_payloads_blind()

    walked = {label: {expected_control(e) for e in reached} for label, reached in participant.walked.items()}
    assert "survey-agree" in walked["the consent screen"], f"Tab never reached the agree button: {walked}"
    assert {"rating", "comment", "survey-next"} <= walked["item 1"], f"Tab missed a control: {walked}"
    print({label: describe(reached) for label, reached in participant.walked.items()})
