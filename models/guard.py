"""Crisis screening: how much risk a user's message shows, read with the conversation so far.

    echo '{"messages": [{"role": "user", "content": "i want to die"}]}' | python -m models.guard

Levels, lowest to highest: none, distress, ideation, self_harm, imminent. Rules are
patterns over normalised lower-case text. They look at the context in both directions:
- idioms ("this job is killing me"), fiction, other people's stories, a past that is over,
  and explicit denials lower a match to no risk;
- means at hand, a plan or an act under way, after earlier talk of suicide or
  self-harm, raises even a message with a denial ("I won't, but the blade is right here")
  to imminent.
A screen errs towards showing resources: a false alarm costs a banner, a miss costs more.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field

LEVELS = ("none", "distress", "ideation", "self_harm", "imminent")
RISK_LEVELS = LEVELS[2:]  # the levels at which crisis resources are shown


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# Misspellings seen in chat: "suicidle", "sucide", "kil myself", "wanna", "dont".
IDEATION = _any(
    r"\b(kill+|end|take|off)(ing)? (my ?self|my own life|my life|it all)\b",
    r"\bsu+[ie]?c+id", r"\bwan(t|na)( to)? die\b", r"\bwish(ed)? i (was|were) (dead|never born)\b",
    r"\b(do ?n[o']?t|no longer|dont) want to (be here|exist|live|be alive|wake up|go on)\b",
    r"\bbetter off (dead|without me)\b", r"\bno (reason|point) (to|in) (live|living|go on|going on)\b",
    r"\bnot worth living\b", r"\bdisappear forever\b", r"\bend it all\b",
)
SELF_HARM = _any(
    r"\b(cut+|cutting|burn(ing)?|hurt(ing)?|harm(ing)?|hit(ting)?|scratch(ing)?|starv(e|ing)) my ?self\b",
    r"\bself[- ]?(harm|injur)", r"\b(blade|razor)s?\b.*\b(skin|arm|wrist|thigh)s?\b",
    r"\bslit(ting)? my (wrists?|arms?)\b",
)
IMMINENT = _any(
    r"\b(i have|i've got|i got|holding|bought|saved up|right here|next to me|in my hand)\b.*"
    r"\b(pills?|tablets?|rope|gun|blade|razor|knife|noose)\b",
    r"\b(pills?|tablets?|rope|gun|blade|razor|knife|noose)\b.*\b(right here|next to me|in my hand|ready)\b",
    r"\b(took|swallowed|taken) (all|a lot|too many|a bunch|the whole)\b.*\b(pills?|tablets?|meds)\b",
    r"\boverdos(e|ed|ing)\b", r"\b(tonight|right now|today) i('m| am)? ?(going to|gonna|will)\b",
    r"\b(going to|gonna|about to) (jump|do it|end it|kill)\b", r"\b(this is|writing) my (last|final|suicide) (message|note)\b",
    r"\b(standing|sitting) on (the|a) (bridge|ledge|roof|edge)\b",
    r"\bkill (him|her|them|someone|somebody|my (dad|mom|mum|father|mother|wife|husband|boss))\b",
    r"\bhurt (someone|somebody|other people)\b",
)
MEANS_OR_PLAN = _any(
    r"\b(pills?|tablets?|rope|gun|blade|razor|knife|noose|bridge|ledge)\b",
    r"\b(tonight|right now|plan|planned|a note|goodbye)\b",
)
DISTRESS = _any(
    r"\bhopeless\b", r"\bworthless\b", r"\bcan'?t (cope|go on|take (it|this) anymore)\b",
    r"\b(so|really|very|completely) (sad|alone|lonely|empty|numb|overwhelmed|exhausted)\b",
    r"\bpanic( attack)?s?\b", r"\b(depressed|depression|miserable|desperate|broken)\b",
    r"\bno one cares\b", r"\bnobody cares\b", r"\bi hate my ?self\b", r"\bfalling apart\b",
)
IDIOM = _any(
    r"\b(is|are|was|'s) killing me\b", r"\bkill(ing|ed)? it\b", r"\bdying (to|for)\b",
    r"\bcould kill for\b", r"\bdied laughing\b", r"\bkill (time|the (lights|engine|process))\b",
    r"\bmy (feet|back|legs?) (are|is) killing\b", r"\b(phone|battery|laptop|plant) (died|is dying)\b",
)
ELSEWHERE = _any(  # fiction or someone else's story
    r"\bin (the|a|this) (movie|film|book|show|novel|story|game|series|episode|song)\b",
    r"\b(character|protagonist|villain|plot)\b",
    r"\bmy (friend|brother|sister|mum|mom|dad|son|daughter|cousin|partner|colleague|classmate)\b.*"
    r"\b(he|she|they|him|her|them|himself|herself|themselves)\b",
    r"\b(he|she|they) (wants?|said|says|tried|is going) to\b",
)
PAST = _any(r"\b(used to|years ago|when i was (younger|a kid|a teen|in school)|back then|in the past)\b",
            r"\b(i'?m|i am) (clean|recovered|better now)\b", r"\bmonths? ago\b")
DENIAL = _any(r"\b(i'?m|i am) not (suicidal|going to (hurt|kill))\b",
              r"\b(i )?(would|will|could) never (kill|hurt|harm)\b", r"\bi do ?n[o']?t want to die\b",
              r"\bnot (thinking|thought) (of|about) (suicide|killing)\b")
PRESENT = re.compile(r"\b(now|again|still|tonight|today|right now|lately|these days)\b")


@dataclass(frozen=True)
class Screening:
    level: str = "none"
    reasons: list[str] = field(default_factory=list)

    @property
    def at_risk(self) -> bool:
        return self.level in RISK_LEVELS


def normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[^\w\s'.,!?-]", " ", text)
    text = re.sub(r"(.)\1{2,}", r"\1\1", text)  # "soooo" -> "soo"
    return re.sub(r"\s+", " ", text).strip()


def _own_level(text: str) -> tuple[str, list[str]]:
    """The level the message shows on its own, with the rules that fired."""
    reasons: list[str] = []
    if IMMINENT.search(text):
        reasons.append("plan, means, act under way or harm to others")
        level = "imminent"
    elif SELF_HARM.search(text):
        reasons.append("self-harm")
        level = "self_harm"
    elif IDEATION.search(text):
        reasons.append("thoughts of suicide or not wanting to exist")
        level = "ideation"
    elif DISTRESS.search(text):
        return "distress", ["strong negative feeling"]
    else:
        return "none", []
    lowered = ""
    without_idioms = IDIOM.sub(" ", text)
    if IDIOM.search(text) and not (SELF_HARM.search(without_idioms) or IDEATION.search(without_idioms)):
        lowered = "an idiom"
    elif ELSEWHERE.search(text) and not re.search(r"\b(i|me|my ?self)\b.*\b(too|also|as well)\b", text):
        lowered = "fiction or someone else"
    elif PAST.search(text) and not PRESENT.search(PAST.sub(" ", text)):
        lowered = "a past that is over"
    elif DENIAL.search(text) and level != "imminent":
        lowered = "an explicit denial"
    if lowered:
        return ("distress" if DISTRESS.search(text) else "none"), [f"{reasons[0]}, but {lowered}"]
    return level, reasons


def screen(messages: list[dict]) -> Screening:
    """Screen the last user message of a conversation, reading earlier user turns as context."""
    users = [normalise(str(m.get("content") or "")) for m in messages if m.get("role") == "user"]
    if not users:
        return Screening()
    level, reasons = _own_level(users[-1])
    earlier = [_own_level(text)[0] for text in users[-6:-1]]
    risky_before = any(lv in ("ideation", "self_harm", "imminent") for lv in earlier)
    if risky_before and level != "imminent" and MEANS_OR_PLAN.search(users[-1]):
        return Screening("imminent", reasons + ["means or a plan after earlier talk of suicide or self-harm"])
    if risky_before and level in ("none", "distress") and DENIAL.search(users[-1]) is None:
        # Earlier risk is still the context of a vague follow-up ("I can't anymore").
        if DISTRESS.search(users[-1]) or re.search(r"\b(it|this|that)\b", users[-1]):
            carried = max(earlier, key=LEVELS.index)
            return Screening("ideation" if carried == "imminent" else carried,
                             reasons + ["earlier talk of suicide or self-harm"])
    return Screening(level, reasons)


# Replies the model must never give: encouragement, methods, diagnoses, prescriptions.
UNSAFE_REPLY = {
    "encourages self-harm": _any(r"\byou should (kill|hurt|cut|harm) yourself\b",
                                 r"\b(go ahead|do it)\b.*\b(kill|hurt|cut|end)\b",
                                 r"\byou('d| would) be better off dead\b"),
    "describes means": _any(r"\b(lethal|fatal) dose\b", r"\bhow (many|much) (pills|tablets)\b.*\b(kill|die|lethal)\b",
                            r"\b(deep|vertical)(ly)? (cut|slit)\b", r"\bhow to tie a noose\b"),
    "diagnoses": _any(r"\byou (have|are suffering from|clearly have) "
                      r"(depression|bipolar|schizophrenia|ptsd|bpd|an? (anxiety|personality|mental) disorder)\b",
                      r"\bi diagnose\b"),
    "prescribes medication": _any(r"\b(take|start|try|increase|double) (\d+ ?mg|your dose|sertraline|prozac|"
                                  r"fluoxetine|xanax|alprazolam|lorazepam|diazepam|valium|lithium|zoloft|"
                                  r"citalopram|escitalopram|benzodiazepines?|antidepressants?)\b"),
}


def screen_reply(text: str) -> list[str]:
    """Why a model reply must not be shown (an empty list when it may)."""
    normalised = normalise(text)
    return [reason for reason, pattern in UNSAFE_REPLY.items() if pattern.search(normalised)]


def main() -> None:
    """Read JSON lines {"messages": [...]} on stdin; write {"level", "reasons"} per line."""
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            messages = item["messages"]
            if not isinstance(messages, list):
                raise TypeError("'messages' must be a list")
            result = screen(messages)
            out = {"level": result.level, "reasons": result.reasons}
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
            out = {"error": f"line {number}: {error}"}
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
