"""History normalisation, templates and trimming: the classic multi-turn bugs."""

from __future__ import annotations

import pytest

from helpers import make_tokenizer
from models.chat_format import (
    MAX_MESSAGE_CHARS,
    GenerationSettings,
    build_conversation,
    check_message,
    normalise_history,
    prompt_ids,
    render,
)

UI_HISTORY = [  # what the browser sends in Gradio 6
    {"role": "user", "content": [{"type": "text", "text": "hello"}], "metadata": None},
    {"role": "assistant", "content": [{"type": "text", "text": "hi, how are you?"}]},
]
API_HISTORY = [  # what gradio_client sends
    {"role": "user", "content": "hello"},
    {"role": "assistant", "content": "hi, how are you?"},
]


def test_ui_and_api_history_normalise_to_the_same_messages() -> None:
    assert normalise_history(UI_HISTORY) == normalise_history(API_HISTORY) == API_HISTORY


def test_pairs_files_and_empty_turns_are_handled() -> None:
    messy = [["hello", "hi, how are you?"],
             {"role": "user", "content": {"path": "/tmp/picture.png"}},
             {"role": "assistant", "content": "   "}]
    assert normalise_history(messy) == API_HISTORY
    assert normalise_history(None) == []


def test_conversation_renders_every_turn_with_the_chat_template() -> None:
    tokenizer = make_tokenizer()
    messages = build_conversation("be kind", UI_HISTORY, "I feel low")
    text = tokenizer.decode(render(tokenizer, messages))
    assert text.index("be kind") < text.index("hello") < text.index("hi, how are you?") < text.index("I feel low")
    assert text.endswith("<|im_start|>assistant\n")


def test_models_without_a_template_use_the_documented_fallback() -> None:
    tokenizer = make_tokenizer(chat_template=None)
    text = tokenizer.decode(render(tokenizer, build_conversation("be kind", API_HISTORY, "I feel low")))
    assert text == "be kind\n\nUser: hello\nAssistant: hi, how are you?<|im_end|>\nUser: I feel low\nAssistant:"


def test_long_history_drops_oldest_turns_and_keeps_the_system_prompt() -> None:
    tokenizer = make_tokenizer()
    history = []
    for i in range(40):
        history += [{"role": "user", "content": f"question {i} about sleep"},
                    {"role": "assistant", "content": f"answer {i} about sleep"}]
    messages = build_conversation("be kind", history, "newest message")
    ids = prompt_ids(tokenizer, messages, 120)
    text = tokenizer.decode(ids)
    assert len(ids) <= 120
    assert text.startswith("<|im_start|>system\nbe kind")
    assert "newest message" in text and "question 39" in text
    assert "question 0 " not in text
    assert text.split("<|im_start|>")[2].startswith("user")  # kept history starts with a user turn


@pytest.mark.parametrize("budget", [1, 5, 20, 60])
def test_a_single_huge_message_never_raises(budget: int) -> None:
    tokenizer = make_tokenizer()
    messages = build_conversation("be kind " * 50, [], "worry " * 500 + "the end")
    ids = prompt_ids(tokenizer, messages, budget)
    assert 0 < len(ids) <= budget


def test_message_length_limit() -> None:
    assert check_message("x" * MAX_MESSAGE_CHARS) is None
    assert "limit is 4,000" in check_message("x" * (MAX_MESSAGE_CHARS + 1))


def test_settings_are_clamped_to_sane_bounds() -> None:
    wild = GenerationSettings(temperature=9, top_p=0, max_new_tokens=10**6).clamped()
    assert (wild.temperature, wild.top_p, wild.max_new_tokens) == (2.0, 0.05, 1024)
    assert GenerationSettings(temperature=0).generate_kwargs()["do_sample"] is False
