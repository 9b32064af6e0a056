"""What the chat shows around a screened message: crisis resources, the fixed safety message
for imminent risk, and the replacement for an unsafe model reply. Texts are data
(crisis_resources.yaml); the screening itself is models/guard.py."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from models.guard import Screening

RESOURCES_FILE = Path(__file__).resolve().parent / "crisis_resources.yaml"

IMMINENT_MESSAGE = (
    "I'm really glad you told me, and I'm worried about your safety right now. "
    "You deserve support from a person immediately: please call one of the numbers below "
    "or your local emergency number now. If you can, move away from anything you could use "
    "to hurt yourself and stay near someone you trust."
)
UNSAFE_REPLY_MESSAGE = (
    "I'm not able to help with that, but I don't want you to go through this alone. "
    "A doctor, a counsellor or one of the crisis lines below can give you the right support."
)


@lru_cache(maxsize=1)
def _resources() -> dict:
    return yaml.safe_load(RESOURCES_FILE.read_text(encoding="utf-8"))


def crisis_locales() -> list[str]:
    """The locales an operator may choose (MHCHAT_CRISIS_LOCALE)."""
    return sorted(_resources()["locales"])


def crisis_resources(locale: str = "") -> str:
    """Markdown list of crisis lines for the operator's locale, then the international ones."""
    data = _resources()
    chosen = (locale or data["default"]).lower()
    if chosen not in data["locales"]:
        raise ValueError(f"crisis locale {chosen!r} is not one of {crisis_locales()}")
    keys = [chosen] + (["international"] if chosen != "international" else [])
    lines = [line for key in keys for line in data["locales"][key]["lines"]]
    return "**If you are in crisis, please reach out now:**\n" + "\n".join(f"- {line}" for line in lines)


def frame_reply(screening: Screening, reply: str, locale: str = "") -> str:
    """The model's reply as shown: a fixed safety message first at `imminent`, and crisis
    resources (for the operator's `locale`) at `ideation` and above, whatever the model wrote."""
    if screening.level == "imminent":
        return f"{IMMINENT_MESSAGE}\n\n{crisis_resources(locale)}\n\n{reply}".rstrip()
    if screening.at_risk:
        return f"{reply}\n\n{crisis_resources(locale)}".strip()
    return reply
