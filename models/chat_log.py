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
from pathlib import Path

NOTICE = ("**This demo's operator has turned on logging:** conversations are kept for research "
          "without names, e-mail addresses, phone numbers or links.")

REDACTIONS = (  # applied in order; each pattern's match becomes the placeholder
    (re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b"), "[email]"),
    (re.compile(r"\b(https?://|www\.)\S+", re.IGNORECASE), "[link]"),
    (re.compile(r"(?<!\w)@\w{2,}"), "[handle]"),
    (re.compile(r"(?<!\w)\+?\d[\d\s().-]{6,}\d"), "[number]"),
    (re.compile(r"\b(my name is|my name's|i am called|i'm called|call me)\s+\w+(?:\s+(?-i:[A-Z])\w+)?", re.IGNORECASE), r"\1 [name]"),
    (re.compile(r"\b\d{1,5}\s+\w+\s+(street|st|road|rd|avenue|ave|lane|ln|drive|dr)\b", re.IGNORECASE), "[address]"),
)


def anonymise(text: str) -> str:
    """`text` without contact details or a name the writer gives for themselves."""
    for pattern, placeholder in REDACTIONS:
        text = pattern.sub(placeholder, text)
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
        line = json.dumps({"time": round(time.time()), "session": self.pseudonym(session), "level": level,
                           "model": adapter, "message": anonymise(message), "reply": anonymise(reply)},
                          ensure_ascii=False)
        path = self.folder / f"chats-{time.strftime('%Y-%m-%d', time.gmtime())}.jsonl"
        with self._lock, path.open("a", encoding="utf-8") as file:
            file.write(line + "\n")

