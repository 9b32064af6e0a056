"""Where streamed model text may be cut for screening and shown: at sentence ends, and in parts of
WORDS_PER_PART words when a sentence runs on (a slow model, or one that never ends a sentence,
still shows its text as it comes). The chat screens each released part with the text before it,
and the reply screen's thresholds and figures count a reply as withheld when any of its released
parts would be, as the chat does."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+|\n+")
WORDS_PER_PART = 12
_WORDS = re.compile(r"\S+\s*")


def release_point(text: str, released: int = 0) -> int:
    """How much of streamed `text` may be screened and shown now, `released` characters of it having
    been: up to its last sentence end, or up to its last whole word once WORDS_PER_PART words follow
    both that sentence end and what was released."""
    ends = [found.start() for found in SENTENCE_END.finditer(text)]
    cut = max(ends[-1] if ends else 0, released)
    last_space = max(text.rfind(" "), text.rfind("\n"))
    if last_space > cut and len(text[cut:last_space].split()) >= WORDS_PER_PART:
        cut = last_space
    return cut


def released_parts(reply: str) -> list[str]:
    """The texts the chat would screen while `reply` streams in word by word, the whole reply last."""
    parts: list[str] = []
    text, released = "", 0
    for word in _WORDS.findall(reply.lstrip()):
        text += word
        point = release_point(text, released)
        if point > released and text[:point].strip():
            parts.append(text[:point].strip())
        released = max(released, point)
    whole = reply.strip()
    if whole and (not parts or parts[-1] != whole):
        parts.append(whole)
    return parts
