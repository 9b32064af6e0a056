"""Whose risk a message tells of: the writer's own, someone else's, or a danger to other people.

The crisis screen measures how much risk a message carries; this tells the chat which fixed
response fits when the risk is not the writer's own: guidance for a person worried about
someone else, or emergency services for harm to others (safety/responses.yaml). The word lists
are data (situations.yaml).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from safety.screen import Screening, normalise

SITUATIONS_FILE = Path(__file__).with_name("situations.yaml")
SELF, SOMEONE_ELSE, HARM_TO_OTHERS = "self", "someone_else", "harm_to_others"
# The crisis screen's words for risk it found in the message and read as not the writer's own.
SOMEONE_ELSES_RISK = "but fiction, study or someone else"


def _alternatives(words: list[str]) -> str:
    return "(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    raw = yaml.safe_load(SITUATIONS_FILE.read_text(encoding="utf-8"))
    other, harm = raw["someone_else"], raw["harm_to_others"]
    person = rf"\b(my|our|a|the|his|her) (\w+ )?{_alternatives(other['people'])}\b"
    said = rf"(\b{_alternatives(other['speaker'])}\b|{person}).{{0,40}}\b{_alternatives(other['told'])}\b.{{0,30}}"
    return {
        "person": re.compile(person),
        "their_risk": re.compile(rf"{said}\b{_alternatives(other['risk'])}\b"
                                 rf"|\b{_alternatives(other['their_own'])}\b"),
        "fiction": re.compile(rf"\b{_alternatives(other['fiction'])}\b"),
        "over": re.compile(rf"\b{_alternatives(other['over'])}\b"),
        "harm": re.compile(rf"\b{_alternatives(harm['intent'])} {_alternatives(harm['act'])} "
                           rf"{_alternatives(harm['target'])}\b"),
    }


def situation(text: str, screening: Screening) -> str:
    """SELF, SOMEONE_ELSE or HARM_TO_OTHERS for the last user message, given the crisis screen's reading."""
    normalised = normalise(text)
    found = _patterns()
    if screening.level == "imminent" and found["harm"].search(normalised):
        return HARM_TO_OTHERS
    risk_of_another = found["their_risk"].search(normalised) or any(
        reason.endswith(SOMEONE_ELSES_RISK) for reason in screening.reasons)
    if screening.level in ("none", "distress") and risk_of_another and found["person"].search(normalised) \
            and not found["fiction"].search(normalised) and not found["over"].search(normalised):
        return SOMEONE_ELSE
    return SELF
