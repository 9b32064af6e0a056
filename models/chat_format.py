"""Turning a conversation into model input: normalised messages, a chat template, a budget.

Gradio 6 hands history over in two shapes (content as a list of text blocks from the
browser, as a plain string through the API); both become plain {"role", "content"} dicts
here. A conversation longer than the context loses its oldest turns first; the system
prompt and the newest message always stay, so building a prompt never raises.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from transformers import PreTrainedTokenizerBase

MAX_MESSAGE_CHARS = 4000  # longer messages are refused with a message, not truncated
ROLES = ("system", "user", "assistant")

# Used for models whose tokenizer has no chat template (GPT-2, BLOOM). Plain labelled turns
# are what those bases were fine-tuned on in report 000's recipes.
FALLBACK_TEMPLATE = (
    "{% for message in messages %}"
    "{% if message['role'] == 'system' %}{{ message['content'] }}\n\n"
    "{% elif message['role'] == 'user' %}User: {{ message['content'] }}\n"
    "{% else %}Assistant: {{ message['content'] }}{{ eos_token }}\n{% endif %}"
    "{% endfor %}"
    "{% if add_generation_prompt %}Assistant:{% endif %}"
)

Message = dict[str, str]


@dataclass(frozen=True)
class GenerationSettings:
    """Sampling settings, clamped to ranges that keep a small CPU model usable."""

    temperature: float = 0.7  # 0 means greedy
    top_p: float = 0.9
    max_new_tokens: int = 256
    seed: int | None = None
    min_new_tokens: int = 0  # benchmarks force a fixed length with it

    TEMPERATURE_RANGE = (0.0, 2.0)
    TOP_P_RANGE = (0.05, 1.0)
    MAX_NEW_TOKENS_RANGE = (1, 1024)

    def clamped(self) -> "GenerationSettings":
        def clamp(value: float, bounds: tuple[float, float]) -> float:
            return min(max(value, bounds[0]), bounds[1])

        return GenerationSettings(
            temperature=clamp(float(self.temperature), self.TEMPERATURE_RANGE),
            top_p=clamp(float(self.top_p), self.TOP_P_RANGE),
            max_new_tokens=int(clamp(int(self.max_new_tokens), self.MAX_NEW_TOKENS_RANGE)),
            seed=self.seed,
            min_new_tokens=max(0, min(int(self.min_new_tokens), self.MAX_NEW_TOKENS_RANGE[1])),
        )

    def generate_kwargs(self) -> dict[str, Any]:
        lengths = {"max_new_tokens": self.max_new_tokens}
        if self.min_new_tokens:
            lengths["min_new_tokens"] = min(self.min_new_tokens, self.max_new_tokens)
        if self.temperature <= 0:
            return {"do_sample": False, **lengths}
        return {"do_sample": True, "temperature": self.temperature, "top_p": self.top_p, **lengths}


def content_text(content: Any) -> str:
    """Text of one message's content, whatever shape Gradio gave it."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, Mapping):
        if content.get("type") in (None, "text") and "text" in content:
            return str(content["text"])
        return ""  # files, images, components: nothing the model can read
    if isinstance(content, Iterable):
        return "\n".join(t for t in (content_text(part) for part in content) if t)
    return str(content)


def normalise_history(history: Iterable[Any] | None) -> list[Message]:
    """Plain role/content dicts from Gradio messages (dicts or message objects) or pairs."""
    messages: list[Message] = []
    for item in history or []:
        if isinstance(item, (list, tuple)) and len(item) == 2:  # legacy [user, bot] pairs
            pairs = [("user", item[0]), ("assistant", item[1])]
        else:
            role = item.get("role") if isinstance(item, Mapping) else getattr(item, "role", None)
            content = item.get("content") if isinstance(item, Mapping) else getattr(item, "content", None)
            pairs = [(role, content)]
        for role, content in pairs:
            text = content_text(content).strip()
            if role in ("user", "assistant") and text:
                messages.append({"role": role, "content": text})
    return messages


def check_message(message: str) -> str | None:
    """A reason to refuse the message, or None when it may go to the model."""
    if len(message) > MAX_MESSAGE_CHARS:
        return (f"That message is {len(message):,} characters long; the limit is "
                f"{MAX_MESSAGE_CHARS:,}. Please shorten it and send it again.")
    return None


def build_conversation(system_prompt: str, history: Iterable[Any] | None,
                       message: str) -> list[Message]:
    messages = [{"role": "system", "content": system_prompt.strip()}] if system_prompt.strip() else []
    messages += normalise_history(history)
    messages.append({"role": "user", "content": message.strip()})
    return messages


def render(tokenizer: PreTrainedTokenizerBase, messages: list[Message]) -> list[int]:
    template = None if getattr(tokenizer, "chat_template", None) else FALLBACK_TEMPLATE
    ids = tokenizer.apply_chat_template(messages, chat_template=template, tokenize=True,
                                        add_generation_prompt=True, return_dict=False)
    if isinstance(ids, Mapping):  # some tokenizers return a BatchEncoding regardless
        ids = ids["input_ids"]
    return list(ids)


def prompt_ids(tokenizer: PreTrainedTokenizerBase, messages: list[Message],
               max_prompt_tokens: int) -> list[int]:
    """Token ids of the conversation, dropping the oldest turns until it fits the budget."""
    system = [m for m in messages[:1] if m["role"] == "system"]
    turns = messages[len(system):]
    while True:
        ids = render(tokenizer, system + turns)
        if len(ids) <= max_prompt_tokens:
            return ids
        if len(turns) > 1:
            # Drop through the oldest assistant reply, so the kept history starts with a user.
            cut = next((i + 1 for i, m in enumerate(turns[:-1]) if m["role"] == "assistant"),
                       len(turns) - 1)
            turns = turns[cut:]
            continue
        # Only the newest message is left and still too long: keep its most recent part.
        text = turns[-1]["content"]
        overflow = len(ids) - max_prompt_tokens
        tokens = tokenizer.encode(text, add_special_tokens=False)
        if overflow >= len(tokens):
            if system:  # the system prompt alone overflows: keep the message, drop the prompt
                system = []
                continue
            return ids[-max_prompt_tokens:]
        turns = [{"role": "user", "content": tokenizer.decode(tokens[overflow + 1:])}]
