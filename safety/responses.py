"""Fixed texts the chat shows instead of, or around, model text: crisis lines per locale
(crisis_resources.yaml) and the human-written responses (responses.yaml, with their rationale).
The operator picks the locale with MHCHAT_CRISIS_LOCALE."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

RESOURCES_FILE = Path(__file__).with_name("crisis_resources.yaml")
RESPONSES_FILE = Path(__file__).with_name("responses.yaml")
FIXED_RESPONSES = ("imminent", "supportive", "someone_else", "harm_to_others", "replaced")


@lru_cache(maxsize=1)
def _resources() -> dict:
    return yaml.safe_load(RESOURCES_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _responses() -> dict[str, dict[str, str]]:
    locales = yaml.safe_load(RESPONSES_FILE.read_text(encoding="utf-8"))["locales"]
    for locale in crisis_locales():
        missing = set(FIXED_RESPONSES) - set(locales.get(locale) or {})
        if missing:
            raise ValueError(f"{RESPONSES_FILE}: locale {locale!r} lacks {sorted(missing)}")
    return locales


def crisis_locales() -> list[str]:
    """The locales an operator may choose (MHCHAT_CRISIS_LOCALE)."""
    return sorted(_resources()["locales"])


def _locale(locale: str) -> str:
    chosen = (locale or _resources()["default"]).lower()
    if chosen not in _resources()["locales"]:
        raise ValueError(f"crisis locale {chosen!r} is not one of {crisis_locales()}")
    return chosen


def crisis_resources(locale: str = "") -> str:
    """Markdown list of crisis lines for the operator's locale, then where to look elsewhere."""
    locales = _resources()["locales"]
    chosen = _locale(locale)
    lines = locales[chosen]["lines"] + (locales["international"]["elsewhere"] if chosen != "international" else [])
    return "**If you are in crisis, please reach out now:**\n" + "\n".join(f"- {line}" for line in lines)


def fixed_response(kind: str, locale: str = "") -> str:
    """The human-written text of `kind` (FIXED_RESPONSES) for the locale, without the lines."""
    if kind not in FIXED_RESPONSES:
        raise ValueError(f"no fixed response {kind!r}; there are {FIXED_RESPONSES}")
    return _responses()[_locale(locale)][kind].strip()


def with_resources(text: str, locale: str = "") -> str:
    """`text` followed by the locale's crisis lines."""
    return f"{text.rstrip()}\n\n{crisis_resources(locale)}".strip()
