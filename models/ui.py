"""The Chat tab: model picker, system-prompt presets, sampling settings and a streaming chat.

Built inside the caller's gr.Blocks by `build_chat_tab(engine)`; app.py only assembles tabs.
The chat endpoint (`/chat`) takes the adapter as an argument, so every browser session and
API client chooses its own model per request, while the engine keeps one base in memory.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import gradio as gr

from models.catalog import BASE_MODEL_CHOICE
from models.chat_format import MAX_MESSAGE_CHARS, GenerationSettings, build_conversation, check_message
from models.chat_log import NOTICE as LOGGING_NOTICE
from models.chat_log import ChatLog
from models.backend import Backend, BackendError
from models.loading import AdapterError
from safety.layer import SafetyLayer, Shown
from safety.responses import crisis_resources

AI_NOTICE = (
    "**This is an AI research demo, not a therapist and not an emergency service.** "
    "Replies come from a small language model and can be wrong. Messages are screened for "
    "signs of crisis."
)
DISCLOSURE = AI_NOTICE + " Nothing you write is stored."


class ActiveStreams:
    """Stop events by browser session, so the Stop button reaches the generating thread."""

    def __init__(self) -> None:
        self._events: dict[str, threading.Event] = {}
        self._lock = threading.Lock()

    def start(self, session: str) -> threading.Event:
        event = threading.Event()
        with self._lock:
            previous = self._events.get(session)
            if previous is not None:
                previous.set()  # one generation per session: a new message replaces the old
            self._events[session] = event
        return event

    def stop(self, session: str) -> None:
        with self._lock:
            event = self._events.pop(session, None)
        if event is not None:
            event.set()

    def finish(self, session: str, event: threading.Event) -> None:
        with self._lock:
            if self._events.get(session) is event:
                del self._events[session]


def _session(request: gr.Request | None) -> str:
    return getattr(request, "session_hash", None) or "anonymous"


def build_chat_tab(engine: Backend, chat_log: ChatLog | None = None, crisis_locale: str = "",
                   safety: SafetyLayer | None = None) -> None:
    """The tab; with `chat_log` (an operator's opt-in) exchanges are kept anonymised, and the page says so.
    `crisis_locale` picks the crisis lines shown (safety/crisis_resources.yaml); `safety` screens every
    message and reply (safety/layer.py)."""
    catalog = engine.catalog
    safety = safety or SafetyLayer(locale=crisis_locale)
    streams = ActiveStreams()
    descriptions = {a.key: a.description for a in catalog.adapters.values()}
    base = catalog.bases[engine.base_key]
    descriptions[BASE_MODEL_CHOICE] = f"{base.name}: {base.description}"

    def respond(message: str, history: list, adapter: str, system_prompt: str, temperature: float,
                top_p: float, max_new_tokens: float, request: gr.Request) -> Iterator[str]:
        message = (message or "").strip()
        if not message:
            return
        refusal = check_message(message)
        if refusal:
            yield refusal
            return
        settings = GenerationSettings(temperature=temperature, top_p=top_p,
                                      max_new_tokens=int(max_new_tokens))
        session = _session(request)
        stop = streams.start(session)
        conversation = build_conversation(system_prompt or "", history, message)
        assessment = safety.assess(conversation)
        shown, user_stopped = Shown(""), False
        try:
            for shown in safety.respond(conversation, assessment, lambda: engine.stream(
                    conversation, adapter=adapter or BASE_MODEL_CHOICE, settings=settings, stop=stop)):
                yield shown.text
        except (AdapterError, BackendError) as error:  # the reply so far stays; the page says what failed
            shown = Shown(f"{shown.text}\n\n⚠️ {error}".strip())
            yield shown.text
        finally:
            user_stopped = stop.is_set()
            stop.set()
            streams.finish(session, stop)
        if not shown.text.strip() and not user_stopped:
            shown = Shown("(The model returned an empty reply. Try again or change the settings.)")
            yield shown.text
        if chat_log is not None:
            chat_log.record(session, assessment.screening.level, adapter or BASE_MODEL_CHOICE, message, shown.text)

    def select_adapter(key: str, progress: gr.Progress = gr.Progress()) -> str:
        try:
            engine.load_adapter(key or BASE_MODEL_CHOICE, progress=lambda f, text: progress(f, desc=text))
        except (AdapterError, BackendError) as error:
            return f"⚠️ {error}"
        return descriptions.get(key or BASE_MODEL_CHOICE, f"Adapter {key}")

    def stop_generation(request: gr.Request) -> None:
        streams.stop(_session(request))

    def load_custom(source: str, progress: gr.Progress = gr.Progress()):
        source = (source or "").strip()
        try:
            key = engine.load_adapter(source, progress=lambda f, text: progress(f, desc=text))
        except (AdapterError, BackendError) as error:
            return gr.Dropdown(), f"⚠️ {error}"
        known = [value for _, value in catalog.adapter_choices(engine.base_key)]
        extra = [(key, key)] if key not in known else []
        return (gr.Dropdown(choices=catalog.adapter_choices(engine.base_key) + extra, value=key),
                f"Loaded {key}.")

    disclosure = DISCLOSURE if chat_log is None else f"{AI_NOTICE}\n\n{LOGGING_NOTICE}"
    gr.Markdown(f"{disclosure}\n\n{crisis_resources(crisis_locale)}", elem_id="disclosure")
    with gr.Row(equal_height=True):
        adapter = gr.Dropdown(catalog.adapter_choices(engine.base_key), value=BASE_MODEL_CHOICE,
                              label="Model", allow_custom_value=True, scale=2)
        custom = gr.Textbox(label="Any Hub adapter id or local folder",
                            placeholder="user/adapter-name or /path/to/adapter", scale=2)
        load_button = gr.Button("Load adapter", scale=1)
    status = gr.Markdown(descriptions[BASE_MODEL_CHOICE], elem_id="model-status")
    with gr.Accordion("System prompt and sampling", open=False):
        preset = gr.Dropdown([(p.name, p.key) for p in catalog.presets.values()],
                             value=catalog.default_preset, label="System-prompt preset")
        default_prompt = catalog.presets[catalog.default_preset].prompt if catalog.presets else ""
        system_prompt = gr.Textbox(default_prompt, label="System prompt", lines=4)
        low, high = GenerationSettings.TEMPERATURE_RANGE
        temperature = gr.Slider(low, high, GenerationSettings.temperature, step=0.05,
                                label="Temperature (0 = greedy)")
        low, high = GenerationSettings.TOP_P_RANGE
        top_p = gr.Slider(low, high, GenerationSettings.top_p, step=0.05, label="Top-p")
        low, high = GenerationSettings.MAX_NEW_TOKENS_RANGE
        max_new_tokens = gr.Slider(16, high, GenerationSettings.max_new_tokens, step=1,
                                   label="Max new tokens")

    chat = gr.ChatInterface(
        respond,
        additional_inputs=[adapter, system_prompt, temperature, top_p, max_new_tokens],
        chatbot=gr.Chatbot(label="Chat", height=420, sanitize_html=True),
        textbox=gr.Textbox(placeholder="Type a message", elem_id="chat-message", submit_btn="Send",
                           stop_btn="Stop", show_label=False, max_length=MAX_MESSAGE_CHARS + 1000),
        api_name="chat",
        fill_height=False,
    )
    chat.textbox.stop(stop_generation, None, None, queue=False,
                      api_visibility="undocumented")
    preset.change(lambda key: catalog.presets[key].prompt, preset, system_prompt,
                  api_visibility="undocumented")
    adapter.change(select_adapter, adapter, status, api_visibility="undocumented")
    load_button.click(load_custom, custom, [adapter, status], api_name="load_adapter")
    custom.submit(load_custom, custom, [adapter, status], api_visibility="undocumented")
