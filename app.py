"""The web app: assembles the tabs that each package builds, and launches.

    python app.py            # http://127.0.0.1:7860

Settings come from the environment (see README): MHCHAT_CATALOG, MHCHAT_BASE,
MHCHAT_CACHE_DIR, GRADIO_SERVER_NAME / GRADIO_SERVER_PORT.
"""

from __future__ import annotations

import os

import gradio as gr

from models.catalog import DEFAULT_CATALOG, load_catalog
from models.engine import Engine
from models.ui import build_chat_tab

TITLE = "Mental-health chatbot research toolkit"


def build_engine() -> Engine:
    catalog = load_catalog(os.environ.get("MHCHAT_CATALOG") or DEFAULT_CATALOG)
    return Engine(catalog, base_key=os.environ.get("MHCHAT_BASE") or None)


def build_demo(engine: Engine) -> gr.Blocks:
    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(f"# {TITLE}")
        with gr.Tab("Chat"):
            build_chat_tab(engine)
    return demo


engine = build_engine()  # cheap: weights load on first use
demo = build_demo(engine)

if __name__ == "__main__":
    print(f"Loading {engine.catalog.bases[engine.base_key].name} ...", flush=True)
    engine.load()  # before serving, so the first visitor does not wait
    demo.launch(server_name=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
                server_port=int(os.environ.get("GRADIO_SERVER_PORT", "7860")))
