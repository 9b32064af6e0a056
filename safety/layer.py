"""Everything between a person and the model in the chat: what the page shows for a message.

    imminent risk, harm to others,       a fixed, human-written response and the crisis lines;
    someone else at risk                 the model is never asked
    ideation or self-harm (also carried  the whole reply is generated and screened before any of
    from earlier turns)                  it reaches the page; a reply that fails is replaced by a
                                         fixed supportive response; the lines follow either
    distress or none                     streamed a sentence (or WORDS_PER_PART words) at a time,
                                         each part screened with the text before it before it is
                                         shown; the first that fails ends the reply with a fixed
                                         replacement

So no model text reaches the browser unscreened, and none at all where risk is highest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from safety.release import release_point
from safety.reply_screen import ReplyScreen
from safety.responses import fixed_response, with_resources
from safety.screen import RISK_LEVELS, Screening, screen
from safety.situation import HARM_TO_OTHERS, SELF, SOMEONE_ELSE, situation


@dataclass(frozen=True)
class Assessment:
    """The crisis screen's reading of the person's message, and whose risk it is."""

    screening: Screening
    situation: str = SELF

    @property
    def fixed(self) -> str:
        """The fixed response that replaces any model text, or "" when the model may answer."""
        if self.situation in (HARM_TO_OTHERS, SOMEONE_ELSE):
            return self.situation
        return "imminent" if self.screening.level == "imminent" else ""

    @property
    def held(self) -> bool:
        """The reply is screened whole before any of it is shown."""
        return self.screening.level in RISK_LEVELS

    @property
    def shows_resources(self) -> bool:
        return self.screening.at_risk or bool(self.fixed)


@dataclass(frozen=True)
class Shown:
    """What the page shows at one moment of a reply."""

    text: str
    replaced: bool = False
    reasons: tuple[str, ...] = ()


class SafetyLayer:
    """Screens the person's message and the model's reply; `locale` picks the crisis lines."""

    def __init__(self, reply_screen: ReplyScreen | None = None, locale: str = "",
                 screen_message: Callable[[list[dict]], Screening] = screen) -> None:
        self.reply_screen = reply_screen or ReplyScreen()
        self.locale = locale
        self.screen_message = screen_message

    def assess(self, messages: list[dict]) -> Assessment:
        screening = self.screen_message(messages)
        last = next((str(m.get("content") or "") for m in reversed(messages) if m.get("role") == "user"), "")
        return Assessment(screening, situation(last, screening))

    def check_reply(self, messages: list[dict], reply: str, level: str) -> list[str]:
        """Why `reply` must not be shown after `messages` at `level` (empty when it may)."""
        return self.reply_screen.reasons(messages, reply, level)

    def respond(self, messages: list[dict], assessment: Assessment,
                generate: Callable[[], Iterator[str]]) -> Iterator[Shown]:
        """What the page shows, moment by moment, as `generate()` yields the model's text. The
        generator is closed (so generation stops) as soon as its text can no longer be shown."""
        if assessment.fixed:
            yield Shown(with_resources(fixed_response(assessment.fixed, self.locale), self.locale))
            return
        level = assessment.screening.level
        pieces = generate()
        try:
            if assessment.held:
                reply = "".join(pieces).strip()
                reasons = self.check_reply(messages, reply, level) if reply else ["the model returned nothing"]
                text = fixed_response("supportive", self.locale) if reasons else reply
                yield Shown(with_resources(text, self.locale), bool(reasons), tuple(reasons))
                return
            yield from self._streamed(messages, level, pieces)
        finally:
            close = getattr(pieces, "close", None)
            if close is not None:
                close()

    def _streamed(self, messages: list[dict], level: str, pieces: Iterator[str]) -> Iterator[Shown]:
        text, shown, released = "", "", 0
        for piece in pieces:
            text += piece
            point = release_point(text, released)
            if point > released and text[:point].strip():
                if failed := self._failed(messages, shown, text[:point].strip(), level):
                    yield failed
                    return
                shown = text[:point].strip()
                yield Shown(shown)
            released = max(released, point)
        reply = text.strip()
        if reply != shown and (failed := self._failed(messages, shown, reply, level)):
            yield failed
            return
        yield Shown(reply)

    def _failed(self, messages: list[dict], shown: str, candidate: str, level: str) -> Shown | None:
        """The page's last state if `candidate` fails: what was shown, then the replacement."""
        reasons = self.check_reply(messages, candidate, level)
        if not reasons:
            return None
        replacement = with_resources(fixed_response("replaced", self.locale), self.locale)
        return Shown(f"{shown}\n\n{replacement}".strip(), True, tuple(reasons))

