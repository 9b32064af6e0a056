"""Conversations → token ids with labels on the assistant's tokens only (-100 elsewhere).

The chat template renders the conversation; each assistant turn's characters are found by
rendering the turns before it with the generation prompt (where the reply starts) and the
turns up to it (where it ends), then the tokens whose characters fall inside are labelled.
TRL's assistant_only_loss needs `{% generation %}` tags that most templates, SmolLM2's
included, lack; this works with any template whose renderings are prefixes of each other,
and a template that is not is refused with a message.
"""

from __future__ import annotations

from transformers import PreTrainedTokenizerBase

IGNORE = -100
# For base models without a chat template (gpt2-large, bloomz-560m in report 000).
PLAIN_TEMPLATE = (
    "{% for m in messages %}"
    "{% if m['role'] == 'system' %}{{ m['content'] }}\n\n"
    "{% elif m['role'] == 'user' %}### Question:\n{{ m['content'] }}\n\n"
    "{% else %}### Answer:\n{{ m['content'] }}{{ eos_token }}\n\n{% endif %}"
    "{% endfor %}"
    "{% if add_generation_prompt %}### Answer:\n{% endif %}"
)


class FormattingError(ValueError):
    """A conversation or template that cannot give assistant-only labels."""


def ensure_chat_template(tokenizer: PreTrainedTokenizerBase) -> None:
    if not getattr(tokenizer, "chat_template", None):
        tokenizer.chat_template = PLAIN_TEMPLATE
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token


def assistant_spans(tokenizer: PreTrainedTokenizerBase, messages: list[dict[str, str]]) -> tuple[str, list[tuple[int, int]]]:
    """The rendered text and the character spans of every assistant reply in it."""
    text = tokenizer.apply_chat_template(messages, tokenize=False)
    spans = []
    for i, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        start_text = tokenizer.apply_chat_template(messages[:i], tokenize=False, add_generation_prompt=True)
        end_text = tokenizer.apply_chat_template(messages[:i + 1], tokenize=False)
        if not text.startswith(start_text) or not text.startswith(end_text):
            raise FormattingError("the chat template does not render turns as prefixes of each other; "
                                  "assistant-only labels cannot be placed")
        spans.append((len(start_text), len(end_text)))
    return text, spans


def encode(tokenizer: PreTrainedTokenizerBase, messages: list[dict[str, str]], max_length: int) -> dict[str, list[int]]:
    """input_ids, attention_mask and labels (assistant tokens only), cut to max_length."""
    text, spans = assistant_spans(tokenizer, messages)
    encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, truncation=True,
                        max_length=max_length)
    labels = [token if any(start <= begin < end for start, end in spans) else IGNORE
              for token, (begin, _) in zip(encoded["input_ids"], encoded["offset_mapping"], strict=True)]
    if all(label == IGNORE for label in labels):
        raise FormattingError(f"no assistant tokens within {max_length} tokens")
    return {"input_ids": encoded["input_ids"], "attention_mask": encoded["attention_mask"], "labels": labels}
