"""The web app: assembles the tabs that each package builds, and launches.

    python app.py            # http://127.0.0.1:7860

Every setting comes from settings.py (environment variables, or a YAML file named by
MHCHAT_CONFIG; see the README's table) and is checked before anything loads.
Participants take studies at /survey?study=ID, a page of its own that shows no model names.
"""

from __future__ import annotations

import models.zerogpu  # noqa: F401  (first: ZeroGPU's `spaces` must be imported before torch touches CUDA)

import sys

import gradio as gr
from starlette.middleware import Middleware

from models.chat_log import ChatLog
from models.backend import Backend, BackendError
from models.backends import backend_for
from models.ui import build_chat_tab
from results.access import ResultsAccess
from results.ui import build_results_tab
from safety.reply_screen import ReplyScreen
from safety.screen import screen
from settings import Settings, SettingsError, load_settings
from survey.database import Database
from survey.hub_sync import restore_from_hub, restore_studies, start_hub_sync
from survey.links import StudyLinkRedirect
from survey.serving import ServedStudy, served_studies
from survey.store import Store
from survey.ui import PAGE_PATH, build_survey_page, build_survey_tab

TITLE = "Mental-health chatbot research toolkit"
STUDY_ONLY = ("This site hosts a rating study. If you are taking part, please open the link you were sent. "
              "Researchers sign in under Results.")


def build_demo(engine: Backend | None, studies: dict[str, ServedStudy] | None = None,
               store: Store | None = None, chat_log: ChatLog | None = None,
               results_access: ResultsAccess | None = None, crisis_locale: str = "",
               concurrency: int = Settings.concurrency, max_queue: int = Settings.max_queue) -> gr.Blocks:
    """The whole app; `concurrency` requests per event run at once (the engine batches or serialises
    the model's work), `max_queue` more wait, and the rest are told the demo is busy. Without an
    engine (MHCHAT_PAGES=study) it serves no chat at all: the studies and the operators' results."""
    studies = studies if studies is not None else {}
    store = store or Store()
    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(f"# {TITLE}")
        if engine is None:
            gr.Markdown(STUDY_ONLY)
        else:
            with gr.Tab("Chat"):
                build_chat_tab(engine, chat_log, crisis_locale)
            with gr.Tab("Survey"):
                build_survey_tab(studies)
        with gr.Tab("Results"):
            build_results_tab(studies, store, results_access or ResultsAccess())
    with demo.route("Survey", PAGE_PATH, show_in_navbar=False):
        build_survey_page(demo, studies, store, crisis_locale)
    demo.queue(default_concurrency_limit=concurrency, max_size=max_queue)
    return demo


def build_app(settings: Settings) -> tuple[Backend | None, gr.Blocks]:
    """The backend (weights load on first use; none for MHCHAT_PAGES=study) and the Blocks, wired as `settings` say."""
    engine = backend_for(settings) if settings.pages == "all" else None
    store = Store(Database(settings.database_url))
    if settings.ratings_repo:  # ratings pushed to a private Hub dataset, and read back after a restart
        restore_studies(settings.ratings_repo, settings.studies)  # a study Space's own repository has none
        restore_from_hub(store, settings.ratings_repo)
        store.on_record = start_hub_sync(settings.ratings_repo, settings.mirror_dir, settings.sync_minutes)[0].record
    demo = build_demo(
        engine, served_studies(settings.studies), store,
        ChatLog(settings.chat_log) if settings.chat_log else None,  # off unless the operator turns it on
        ResultsAccess(settings.results_password, settings.results_users),  # off unless set
        settings.crisis_locale, settings.concurrency, settings.max_queue)
    return engine, demo


def launch_options() -> dict:
    """What every launch of the demo needs besides the Blocks (a fresh dict: Gradio fills it in).
    No footer: its links (API page, gradio.app, settings) would lead participants off their study.
    No run history: it would keep visitors' chats in their browsers."""
    return {"app_kwargs": {"middleware": [Middleware(StudyLinkRedirect)]}, "footer_links": [], "run_history": False}


try:
    settings = load_settings()
except SettingsError as error:
    sys.exit(str(error))
engine, demo = build_app(settings)

if __name__ == "__main__":
    if engine is not None:  # a study's Space serves built answers and needs no model
        print(f"Loading {engine.catalog.bases[engine.base_key].name} ({settings.backend}) ...", flush=True)
        try:
            engine.load()  # before serving, so the first visitor does not wait
        except BackendError as error:  # the server may come up later; the chat says so meanwhile
            print(f"warning: {error}", file=sys.stderr, flush=True)
        print("Loading the crisis screen ...", flush=True)
        screen([{"role": "user", "content": "hello"}])  # the shipped learned screen and its encoders
        print("Loading the reply screen ...", flush=True)
        ReplyScreen().reasons([{"role": "user", "content": "hello"}], "Hello.", "none")
    demo.launch(server_name=settings.server_name, server_port=settings.server_port, **launch_options())
