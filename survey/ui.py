"""The participant page (/survey?study=ID) and the Survey tab that lists the studies served.

Consent → one item at a time, two answers labelled only "Response 1" and "Response 2", every
criterion rated for both with no preselected value → Next → completion code (and the
recruitment platform's redirect). Which model wrote which answer never leaves the server:
the page holds positions only, and the session state (server-side) holds the item id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from safety.responses import crisis_resources
from survey.assignment import CHECK, models_in_order
from survey.serving import ServedStudy
from survey.store import ParticipantState, RatingError, Store, StudyFull

PAGE_PATH = "/survey"


@dataclass(frozen=True)
class SurveySession:
    """What the server remembers for one open page."""

    study_id: str
    participant_id: str | None = None
    item_id: str | None = None  # the item on screen, so a double click cannot rate the next one


class SurveyPage:
    """Event handlers of the participant page; `outputs` fixes the order of every update."""

    def __init__(self, studies: dict[str, ServedStudy], store: Store, crisis_locale: str = ""):
        self.studies, self.store, self.crisis_locale = studies, store, crisis_locale
        self.criteria_slots = max((len(s.study.criteria) for s in studies.values()), default=5)
        self._build()

    def _build(self) -> None:
        # No navbar, so participants have no way into the chat or the models. "hidden", not False: Gradio
        # never mounts an invisible component, and only a mounted Navbar tells the page to drop its bar.
        gr.Navbar(visible="hidden")
        self.session = gr.State(None)
        self.remembered = gr.BrowserState({}, storage_key="mhchat-survey")  # study id -> participant id
        self.title = gr.Markdown(elem_id="survey-title")
        self.notice = gr.Markdown(elem_id="survey-notice")
        with gr.Column(visible=False) as self.consent_box:
            self.consent = gr.Markdown(elem_id="survey-consent")
            self.agree = gr.Button("I agree, start", variant="primary", elem_id="survey-agree")
        with gr.Column(visible=False) as self.item_box:
            self.progress = gr.Markdown(elem_id="survey-progress")
            self.question = gr.Markdown(elem_id="survey-question")
            self.answers, self.radios = [], []
            with gr.Row(equal_height=False):
                for position in (1, 2):
                    with gr.Column():
                        gr.Markdown(f"### Response {position}")
                        self.answers.append(gr.Markdown(elem_id=f"response-{position}-text", sanitize_html=True))
                        self.radios += [gr.Radio(choices=[], value=None, visible=False,
                                                 elem_id=f"response-{position}-criterion-{i + 1}")
                                        for i in range(self.criteria_slots)]
            self.comment = gr.Textbox(label="Comment on this item (optional)", max_lines=4, visible=False,
                                      elem_id="survey-comment")
            self.message = gr.Markdown(elem_id="survey-message")
            self.next = gr.Button("Next", variant="primary", elem_id="survey-next")
        with gr.Column(visible=False) as self.done_box:
            self.done = gr.Markdown(elem_id="survey-done")
        self.redirect = gr.Textbox(visible=False)
        gr.Markdown("If any of these topics brings up difficult feelings for you, please reach out:\n\n"
                    + crisis_resources(self.crisis_locale), elem_id="survey-resources")

    @property
    def outputs(self) -> list[gr.components.Component]:
        return [self.session, self.remembered, self.title, self.notice, self.consent_box, self.consent,
                self.item_box, self.progress, self.question, *self.answers, *self.radios, self.comment,
                self.message, self.done_box, self.done, self.redirect]

    def wire(self, page: gr.Blocks) -> None:
        page.load(self.open, inputs=[self.remembered], outputs=self.outputs, api_visibility="private")
        self.agree.click(self.start, inputs=[self.session, self.remembered], outputs=self.outputs,
                         api_visibility="private")
        self.next.click(self.submit, inputs=[self.session, self.comment, *self.radios], outputs=self.outputs,
                        api_visibility="private").then(
            None, inputs=[self.redirect], js="(url) => { if (url) window.location.assign(url); }")

    # Handlers

    def open(self, remembered: dict | None, request: gr.Request) -> dict:
        params = dict(request.query_params) if request else {}
        study_id = next((v for k, v in params.items() if k.lower() == "study" and v), "") or (
            next(iter(self.studies)) if len(self.studies) == 1 else "")
        served = self.studies.get(study_id)
        if served is None:  # the link's text is never shown: it could carry Markdown, and other studies stay unnamed
            return self._only_notice("There is no study at this link. Please check the link you were sent, or "
                                     "contact the researchers who sent it.")
        if not served.published:  # participants only ever rate answers a researcher has read
            return self._only_notice("This study is not open yet. Please try again later, or contact the "
                                     "researchers who sent you the link.")
        session = SurveySession(study_id)
        existing = self.store.find(served.study, (remembered or {}).get(study_id),
                                   params.get(served.study.external_id_param))
        if existing is not None:
            return self._show(served, existing, session, remembered)
        consent = f"{served.study.consent}\n\n**Instructions.** {served.study.instructions}"
        return {**self._hidden(), self.session: session, self.title: f"# {served.study.title}",
                self.consent_box: gr.update(visible=True), self.consent: consent}

    def start(self, session: SurveySession | None, remembered: dict | None, request: gr.Request) -> dict:
        if session is None or session.study_id not in self.studies:
            return self._only_notice("Please reload the page.")
        served = self.studies[session.study_id]
        params = dict(request.query_params) if request else {}
        try:
            state = self.store.join(served.study, (remembered or {}).get(session.study_id),
                                    params.get(served.study.external_id_param) or None)
        except StudyFull:
            return self._only_notice("This study has all the participants it needs. Thank you for your interest.")
        remembered = {**(remembered or {}), session.study_id: state.participant_id}
        return self._show(served, state, session, remembered)

    def submit(self, session: SurveySession | None, comment: str, *scores: Any) -> dict:
        if session is None or session.participant_id is None or session.item_id is None:
            return self._only_notice("Your session has ended; please reload the page to continue.")
        served = self.studies[session.study_id]
        count = self.criteria_slots
        by_position = {p: {c.key: _as_score(scores[(p - 1) * count + i])
                           for i, c in enumerate(served.study.criteria) if scores[(p - 1) * count + i] is not None}
                       for p in (1, 2)}
        try:
            self.store.submit(served.study, session.participant_id, session.item_id, by_position, comment or "")
        except RatingError as error:
            return {self.message: f"⚠️ {error}"}
        state = self.store.state(served.study.id, session.participant_id)
        return self._show(served, state, session, gr.skip())

    # Views

    def _show(self, served: ServedStudy, state: ParticipantState, session: SurveySession, remembered) -> dict:
        study = served.study
        session = SurveySession(study.id, state.participant_id)
        base = {**self._hidden(), self.session: session, self.remembered: remembered,
                self.title: f"# {study.title}"}
        index = state.next_index
        if index is None:
            code = self.store.complete(study.id, state.participant_id)
            url = study.completion_url.replace("{code}", code) if study.completion_url else ""
            text = (f"## Thank you!\n\nYou have rated every item. Your completion code is **`{code}`**."
                    + ("\n\nTaking you back to the recruitment site…" if url else ""))
            return {**base, self.done_box: gr.update(visible=True), self.done: text, self.redirect: url}
        slot = state.slots[index]
        self.store.mark_shown(study.id, state.participant_id, index)
        if slot.kind == CHECK:
            check = study.check(slot.item_id)
            text, answers = check.text, check.responses
        else:
            text = study.question(slot.item_id).text
            answers = served.answers(slot.item_id, models_in_order(study, slot))
        scale = study.scale
        choices = list(range(scale.low, scale.high + 1))
        per_answer = []
        for i in range(self.criteria_slots):
            if i < len(study.criteria):
                criterion = study.criteria[i]
                per_answer.append(gr.update(visible=True, choices=choices, value=None, label=criterion.label,
                                            info=f"{criterion.description} ({scale.low} = {scale.low_label}, "
                                                 f"{scale.high} = {scale.high_label})"))
            else:
                per_answer.append(gr.update(visible=False, value=None))
        radios = per_answer * 2  # the same controls under Response 1 and Response 2
        return {**base, self.session: SurveySession(study.id, state.participant_id, slot.item_id),
                self.item_box: gr.update(visible=True),
                self.progress: f"Item {index + 1} of {len(state.slots)}",
                self.question: f"**Question:** {text}",
                **dict(zip(self.answers, answers, strict=True)), **dict(zip(self.radios, radios, strict=True)),
                self.comment: gr.update(visible=study.comment_box, value=""), self.message: ""}

    def _hidden(self) -> dict:
        return {self.notice: "", self.consent_box: gr.update(visible=False), self.item_box: gr.update(visible=False),
                self.done_box: gr.update(visible=False), self.redirect: ""}

    def _only_notice(self, text: str) -> dict:
        return {**self._hidden(), self.notice: f"**{text}**"}


def _as_score(value: Any) -> Any:
    """Radio values arrive as numbers or numeric strings; anything else is left for the store to refuse."""
    try:
        return int(value) if float(value) == int(float(value)) else value
    except (TypeError, ValueError):
        return value


def build_survey_page(page: gr.Blocks, studies: dict[str, ServedStudy], store: Store,
                      crisis_locale: str = "") -> SurveyPage:
    """Call inside `with demo.route(...)` so the page and its events are separate from the chat."""
    survey = SurveyPage(studies, store, crisis_locale)
    survey.wire(page)
    return survey


def build_survey_tab(studies: dict[str, ServedStudy]) -> None:
    """For operators: which studies are served and the link to send participants."""
    if not studies:
        gr.Markdown("No study is served. Write a study file in survey/studies/ (or MHCHAT_STUDIES) and run "
                    "`python -m survey build STUDY.yaml`.")
        return
    rows = "\n".join(f"| {s.study.title} | `{s.study.id}` | {len(s.study.questions)} | "
                     + (f"[{PAGE_PATH}?study={s.study.id}]({PAGE_PATH.lstrip('/')}?study={s.study.id}) |"
                        if s.published else f"not open: read its review sheet, then `python -m survey publish "
                                            f"{s.study.path or s.study.id}` |")
                     for s in studies.values())
    gr.Markdown("Participants take part on their own page, which shows nothing of the chat or the models. "
                "Send them the link (recruitment platforms can append their participant id, e.g. "
                "`&PROLIFIC_PID=…`). A study opens to participants once published after review.\n\n"
                "| Study | Id | Questions | Participant link |\n|---|---|---|---|\n" + rows)
