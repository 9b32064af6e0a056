"""Opt-in, anonymised chat logging for operators who need transcripts for research.

Off unless MHCHAT_CHAT_LOG names a folder. When on, each exchange is appended as one JSON
line to a file per day: a pseudonymous session id (salted per process, so it cannot be
linked to a browser or across restarts), the screening level, the model, and both texts
with contact details and self-given names replaced by placeholders. The chat page then
says so to every user (`NOTICE`).
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import threading
import time
from collections.abc import Iterable
from pathlib import Path

NOTICE = ("**This demo's operator has turned on logging:** conversations are kept for research "
          "without names, e-mail addresses, phone numbers or links.")

REDACTIONS = (  # applied in order; each pattern's match becomes the placeholder
    (re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b"), "[email]"),
    (re.compile(r"\b(https?://|www\.)\S+", re.IGNORECASE), "[link]"),
    (re.compile(r"(?<!\w)@\w{2,}"), "[handle]"),
    (re.compile(r"(?<!\w)\+?\d[\d\s().-]{6,}\d"), "[number]"),
    (re.compile(r"\b\d{1,5}\s+\w+\s+(street|st|road|rd|avenue|ave|lane|ln|drive|dr)\b", re.IGNORECASE), "[address]"),
)
# How people give their name: "my name is sam", "call me Jo Smith", and "I'm Sam" when capitalised
# ("I'm sad" is no name). A name found this way is replaced wherever it recurs, the model's reply
# included ("Hello Sam").
GIVEN_NAME = re.compile(r"\b(?i:my name is|my name's|i am called|i'm called|call me)\s+(\w+)(?:\s+([A-Z]\w+))?"
                        r"|\b(?:I'm|I am|Im|i'm|im)\s+([A-Z][a-z]+)\b")


def given_names(text: str) -> set[str]:
    """The names the writer gives for themselves in `text`."""
    return {name for match in GIVEN_NAME.finditer(text) for name in match.groups() if name}


def anonymise(text: str, names: Iterable[str] = ()) -> str:
    """`text` without contact details, a name the writer gives for themselves, or any of `names`."""
    for pattern, placeholder in REDACTIONS:
        text = pattern.sub(placeholder, text)
    for name in sorted(given_names(text) | set(names), key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}\b", "[name]", text)
    return text


class ChatLog:
    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._salt = secrets.token_bytes(16)
        self._lock = threading.Lock()

    def pseudonym(self, session: str) -> str:
        return hashlib.sha256(self._salt + session.encode()).hexdigest()[:12]

    def record(self, session: str, level: str, adapter: str, message: str, reply: str) -> None:
        names = given_names(message)
        line = json.dumps({"time": round(time.time()), "session": self.pseudonym(session), "level": level,
                           "model": adapter, "message": anonymise(message), "reply": anonymise(reply, names)},
                          ensure_ascii=False)
        path = self.folder / f"chats-{time.strftime('%Y-%m-%d', time.gmtime())}.jsonl"
        with self._lock, path.open("a", encoding="utf-8") as file:
            file.write(line + "\n")

