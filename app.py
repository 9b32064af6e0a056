"""The web app: assembles the tabs that each package builds, and launches.

    python app.py            # http://127.0.0.1:7860

Settings come from the environment (see README): MHCHAT_CATALOG, MHCHAT_BASE,
MHCHAT_CACHE_DIR, MHCHAT_STUDIES, DATABASE_URL, MHCHAT_RATINGS_REPO, MHCHAT_CHAT_LOG,
MHCHAT_RESULTS_PASSWORD, MHCHAT_RESULTS_USERS, GRADIO_SERVER_NAME / GRADIO_SERVER_PORT.
Participants take studies at /survey?study=ID, a page of its own that shows no model names.
"""

from __future__ import annotations

import os

import gradio as gr
from starlette.middleware import Middleware

from models.catalog import DEFAULT_CATALOG, load_catalog
from models.chat_log import ChatLog, chat_log_from_environment
from models.engine import Engine
from models.ui import build_chat_tab
from results.access import ResultsAccess
from results.ui import build_results_tab
from survey.hub_sync import hub_sync_from_environment
from survey.links import StudyLinkRedirect
from survey.serving import ServedStudy, served_studies
from survey.store import Store
from survey.ui import PAGE_PATH, build_survey_page, build_survey_tab

TITLE = "Mental-health chatbot research toolkit"


def build_engine() -> Engine:
    catalog = load_catalog(os.environ.get("MHCHAT_CATALOG") or DEFAULT_CATALOG)
    return Engine(catalog, base_key=os.environ.get("MHCHAT_BASE") or None)


def build_demo(engine: Engine, studies: dict[str, ServedStudy] | None = None,
               store: Store | None = None, chat_log: ChatLog | None = None,
               results_access: ResultsAccess | None = None) -> gr.Blocks:
    studies = studies if studies is not None else {}
    store = store or Store()
    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(f"# {TITLE}")
        with gr.Tab("Chat"):
            build_chat_tab(engine, chat_log)
        with gr.Tab("Survey"):
            build_survey_tab(studies)
        with gr.Tab("Results"):
            build_results_tab(studies, store, results_access or ResultsAccess())
    with demo.route("Survey", PAGE_PATH, show_in_navbar=False):
        build_survey_page(demo, studies, store)
    return demo


def launch_options() -> dict:
    """What every launch of the demo needs besides the Blocks (a fresh dict: Gradio fills it in)."""
    return {"app_kwargs": {"middleware": [Middleware(StudyLinkRedirect)]}}


engine = build_engine()  # cheap: weights load on first use
mirror = hub_sync_from_environment()  # ratings pushed to a Hub dataset when MHCHAT_RATINGS_REPO is set
demo = build_demo(engine, served_studies(), Store(on_record=mirror.record if mirror else None),
                  chat_log_from_environment(),  # off unless the operator sets MHCHAT_CHAT_LOG
                  ResultsAccess.from_environment())  # off unless MHCHAT_RESULTS_PASSWORD or _USERS is set

if __name__ == "__main__":
    print(f"Loading {engine.catalog.bases[engine.base_key].name} ...", flush=True)
    engine.load()  # before serving, so the first visitor does not wait
    demo.launch(server_name=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
                server_port=int(os.environ.get("GRADIO_SERVER_PORT", "7860")), **launch_options())
