"""Crisis screening: how much risk a user's message shows, read with the conversation so far.

    echo '{"messages": [{"role": "user", "content": "i want to die"}]}' | python -m safety screen

Levels, lowest to highest: none, distress, ideation, self_harm, imminent. Rules are
patterns over normalised lower-case text, kept as data (safety/data/screening_rules.yaml, read by
safety/rules.py). They look at the context in both directions:
- idioms ("this job is killing me"), fiction, other people's stories, a past that is over,
  and explicit denials lower a match to no risk;
- means at hand, a plan or an act under way, after earlier talk of suicide or
  self-harm, raises even a message with a denial ("I won't, but the blade is right here")
  to imminent.
A screen errs towards showing resources: a false alarm costs a banner, a miss costs more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from safety.levels import CONTEXT_TURNS, LEVELS, RISK_LEVELS
from safety.screening_model import learned_screen
from safety.rules import RULES, without_idioms
from safety.spelling import normalise

# The longest message that earlier risk is carried into by the rules below: every follow-up they were
# written and measured on is shorter (safety/data/screening_set.jsonl), and in longer ones their words
# ("it", "tomorrow", "a plan") are everyday talk (safety/data/conversations.jsonl, tune half).
FOLLOW_UP_WORDS = 25
# An occasion named earlier that "the next one" refers to ("it's my birthday today").
OCCASION = re.compile(r"\b(birthday|christmas|new year)\b")


@dataclass(frozen=True)
class Screening:
    level: str = "none"
    reasons: list[str] = field(default_factory=list)

    @property
    def at_risk(self) -> bool:
        return self.level in RISK_LEVELS


@dataclass(frozen=True)
class _Reading:
    level: str  # after idioms, fiction, other people, the past and denials are taken into account
    topic: str  # the level the words alone would give
    reasons: list[str]


LEVEL_RULES = (("imminent", "IMMINENT", "plan, means, act under way or harm to others"),
               ("self_harm", "SELF_HARM", "self-harm"),
               ("ideation", "IDEATION", "thoughts of suicide or not wanting to exist"),
               ("distress", "DISTRESS", "strong negative feeling"))


def _match(text: str) -> tuple[str, str, re.Match[str] | None]:
    for level, pattern, reason in LEVEL_RULES:
        found = getattr(RULES, pattern).search(text)
        if found:
            return level, reason, found
    return "none", "", None


def _recovered(text: str) -> bool:
    """Better now, and not back since: "now I'm happy but I still want to die" or "today I graduated,
    and tonight I'm taking all my pills" is not over."""
    better = RULES.RECOVERED.search(text)
    after = text[better.end():] if better else ""
    return (bool(better) and not RULES.BACK_SINCE.search(after)
            and not (RULES.STILL.search(after) and _match(after)[0] in RISK_LEVELS))


def _read(text: str) -> _Reading:
    """The level the message shows on its own, with the rules that fired."""
    topic, reason, found = _match(text)
    if found is None:
        return _Reading("none", "none", [])
    level, lowered = topic, ""
    idiom_free = _match(without_idioms(text))[0] if RULES.IDIOM.search(text) else None
    if idiom_free in ("none", "distress"):
        level, lowered = idiom_free, "an idiom or everyday phrase"
    elif RULES.ELSEWHERE.search(text) and not _said_by_writer(text, found) and not _mine(text):
        level, lowered = "none", "fiction, study or someone else"
    elif (RULES.PAST.search(text) and (_recovered(text) or not RULES.STILL.search(RULES.PAST.sub(" ", text)))
          or RULES.ENDED_SPELL.search(text) and _recovered(text)):
        level, lowered = "none", "a past that is over"
    elif RULES.DENIAL.search(text) and (rest := _match(RULES.DENIAL.sub(" ", text))[0]) != topic:
        # A denial lowers what it denies: "I don't want to die but I want to hurt myself" is still self-harm.
        if rest in RISK_LEVELS:
            level, lowered = rest, "a denial of part of it"
        else:
            level, lowered = ("distress" if RULES.DISTRESS.search(text) else "none"), "an explicit denial"
    if lowered:
        return _Reading(level, topic, [f"{reason}, but {lowered}"])
    return _Reading(level, topic, [reason])


def _said_by_writer(text: str, found: re.Match[str]) -> bool:
    """The matched words are the writer's own: "my" or "myself" in them, or "I" just before them
    ("I don't want to be here without him"), not "she told me she wants to die", "a kid I foster has
    started cutting" (the "I" there is in a clause about someone else) or "he's going to end it, what
    do I do tonight" (the writer asks how to help)."""
    before = RULES.CARED_FOR.sub(" ", text[max(0, found.start() - 30):found.start()])[-12:]
    return bool(RULES.FIRST_PERSON.search(RULES.ASKING_WHAT_TO_DO.sub(" ", found.group(0)))
                or RULES.SUBJECT.search(before))


def _mine(text: str) -> bool:
    """The writer speaks of their own risk, whoever else the message mentions."""
    return bool(RULES.OWN_RISK.search(text))


def screen(messages: list[dict], learned: bool = True) -> Screening:
    """Screen the last user message of a conversation, reading earlier user turns as context.
    The rules decide; the learned screen (safety/screening_model.py) may raise their level."""
    users = [normalise(str(m.get("content") or "")) for m in messages if m.get("role") == "user"]
    if not users:
        return Screening()
    *context, text = users[-1 - CONTEXT_TURNS:]
    if occasions := [found.group(0) for turn in context if (found := OCCASION.search(turn))]:
        # "I'm not sure I'll be here for the next one" after "it's my birthday today".
        text = re.sub(r"\bthe next one\b", f"my next {occasions[-1]}", text)
    last = _read(text)
    # A long message is judged on what it says (the learned screen reads the conversation with it):
    # "tomorrow", "a plan" or "it" in a paragraph about a hard week is no follow-up to earlier risk.
    earlier = [_read(turn) for turn in context] if len(text.split()) <= FOLLOW_UP_WORDS else []
    risky = [r.level for r in earlier if r.level in RISK_LEVELS]
    topics = [r.topic for r in earlier if r.topic in RISK_LEVELS]
    found_earlier = _learned_in_earlier_turns(context, earlier) if learned and earlier else []
    risky += found_earlier
    topics += found_earlier
    # Said wherever earlier risk decides, so a level the rules alone would not give says where it came from.
    told_earlier = [f"learned screen: {level.replace('_', '-')} in an earlier turn" for level in found_earlier]
    if risky and last.level != "imminent" and RULES.MEANS_OR_PLAN.search(text):
        return Screening("imminent", last.reasons + ["means or a plan after earlier talk of suicide or self-harm"]
                         + told_earlier)
    if (last.level != "imminent" and RULES.TAKEN_ALL.search(text) and not RULES.DISPOSED.search(text)
            and any(map(RULES.NAMED_MEANS.search, context))):
        return Screening("imminent", last.reasons + ["taking or using the means named earlier"])
    result = Screening(last.level, last.reasons)
    if last.level in ("none", "distress") and RULES.DENIAL.search(text) is None:
        if topics and RULES.REACTIVATED.search(text):
            result = Screening(_carried(topics),
                               last.reasons + ["earlier talk of suicide or self-harm, now again"] + told_earlier)
        elif risky and (RULES.DISTRESS.search(text) or RULES.FOLLOW_UP.search(text) or "imminent" in risky):
            # Earlier risk is still the context of a vague follow-up ("yeah. every day"), and a plan
            # or an act told earlier is not over because the next message is about something else.
            result = Screening(_carried(risky), last.reasons + ["earlier talk of suicide or self-harm"] + told_earlier)
    if learned and last.level != "imminent":
        # The rules never veto it: an idiom, fiction, someone else, a past or a denial lowers only the
        # rules' own reading ("no i dont want to die ... last night i did it again" is still self-harm);
        # the learned screen learned those readings from labelled hard negatives. It may raise a carried
        # level too: an act under way told after a plan is more than the plan's echo.
        found = learned_screen().level(without_idioms(text), context)
        if LEVELS.index(found) > LEVELS.index(result.level):
            return Screening(found, result.reasons + [f"learned screen: {found.replace('_', '-')}"])
    return result


def _learned_in_earlier_turns(context: list[str], readings: list[_Reading]) -> list[str]:
    """Risk levels the learned screen gives earlier turns the rules found no risk in, each read with the
    turns before it as it was when it was the last message: a follow-up to risk told in words only the
    learned screen knows ("the pills are right here" after Korean talk of suicide) is read as one, as it
    is after risk the rules found."""
    turns = [j for j, reading in enumerate(readings) if reading.level not in RISK_LEVELS]
    if not turns:
        return []
    found = learned_screen().levels([without_idioms(context[j]) for j in turns],
                                    [" ".join(context[:j]) for j in turns])
    return [level for level in found if level in RISK_LEVELS]


def _carried(levels: list[str]) -> str:
    highest = max(levels, key=LEVELS.index)
    return "ideation" if highest == "imminent" else highest
