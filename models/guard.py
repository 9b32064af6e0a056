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


# Chat spellings mapped to one form before matching (whole words only).
SPELLINGS = {
    "myslef": "myself", "meself": "myself", "agian": "again", "tonite": "tonight", "gona": "gonna",
    "wana": "wanna", "kil": "kill", "cutt": "cut", "cuting": "cutting", "sucide": "suicide",
    "suicde": "suicide", "suiside": "suicide", "sucidal": "suicidal", "suicidle": "suicidal",
    "depresed": "depressed", "stresed": "stressed", "dont": "don't", "cant": "can't", "im": "i'm",
    "ive": "i've", "wont": "won't", "didnt": "didn't", "isnt": "isn't", "wasnt": "wasn't", "u": "you",
    "pils": "pills", "anymore": "any more",
}
SPELLING = re.compile(r"\b(" + "|".join(map(re.escape, SPELLINGS)) + r")\b")

FIRST_PERSON = re.compile(r"\b(i|me|my|myself|i'm|i've|i'd|i'll)\b")
MEANS = r"(pills?|tablets?|meds|medication|paracetamol|tylenol|ibuprofen|rope|noose|gun|blade|razor|knife|poison|bleach)"
PLACE = r"(bridge|ledge|roof|rooftop|train station|platform|tracks|cliff|edge)"

IDEATION = _any(
    r"\b(kill|killing|end|ending|take|taking|off|offing) (myself|my own life|my life)\b",
    r"\bhang(ing)? myself\b", r"\b(end|ending) (it all|things|everything)\b",
    r"\b(want|wanna|going|gonna|ready|thinking of|think about|feel like) (to )?(end|ending) it\b",
    r"\bsuicid", r"\bkms\b",
    r"\b(want|wanna|wish|wishing|ready|rather|like) (to )?(die|be dead)\b",
    r"\bwish(ed|ing)? i (was|were|could be) (dead|gone)\b",
    r"\bwish(ed|ing)? i('d| had)? (never been born|was never born|were never born|never existed)\b",
    r"\b(rather|better off) (be )?(dead|gone|without me)\b",
    r"\b(don't|do not|no longer|never) want to (be here|exist|live|be alive|wake up|go on|keep going|carry on)\b",
    r"\b(and )?(never|not) wake up\b", r"\bnot waking up\b",
    r"\b(tired|done|sick) (of|with) (living|life|being alive|existing)\b",
    r"\b(point|reason|purpose) (in|of|to|for) (living|life|being alive|go on|going on|keep going|carrying on|"
    r"carry on|live|be alive)\b",
    r"\b(life|living)( is| isn't| is not| feels)? (not )?(worth living|pointless|meaningless)\b",
    r"\bnot worth living\b", r"\b(disappear|vanish|not exist|stop existing)\W+(forever|permanently)\b",
    r"\b(just )?not (to )?exist\b", r"\b(stop|end|over)\W+(permanently|forever)\b",
    r"\bif i (was|were) (dead|gone|not alive|not here|not around)\b", r"\bif i (wasn't|weren't) (alive|here|around)\b",
    r"\bif i (just )?(died|disappeared)\b", r"\bnot (be )?alive\b",
    r"\bthoughts? (of|about) (killing myself|suicide|dying|death|ending)\b",
    r"\bthink(ing)? (about|of) (dying|death|my death|not being here|not waking up)\b",
    r"\b(a car|a bus|a train|a truck|something|someone) would (just )?(hit|kill) me\b",
    r"\b(jump|jumping|throw myself|step|stepping) (in front of|off|from) (a|the) (train|bus|car|bridge|building|roof|cliff)\b",
    r"\bcan't see myself (being )?(alive|here|living|around)\b",
    r"\bdeath (seems|feels|sounds|would be|is) (like )?(a |the )?(relief|better|peaceful|only way|answer|escape)\b",
    r"\b(want|wanna) (to )?die\b", r"\bwant out of (life|this life|existence)\b",
)
SELF_HARM = _any(
    r"\b(cut|cutting|burn|burned|burnt|burning|hurt|hurting|harm|harming|hit|hitting|scratch|scratched|scratching|"
    r"starve|starving|punish|punishing|bite|bit|biting|punch|punching|stab|stabbing) myself\b",
    r"\bself[- ]?(harm|injur)", r"\b(cut|cutting|cuts|slit|slitting)\b.{0,20}\b(arms?|wrists?|thighs?|legs?|skin|stomach)\b",
    r"\b(fresh|new|deep) (cuts|scars|wounds)\b", r"\b(hide|hiding|cover|covering) (my |the |these )?(cuts|scars|marks|wounds)\b",
    r"\b(feel like|want to|wanna|urge to|urges to|need to|going to|gonna|started|been|keep|i'll) "
    r"(cut|cutting|hurt myself|hurting myself)\b",
    r"\bcut(ting)? (again|last night|today|tonight)\b", r"\bcutting\b.{0,30}\b(cope|helps?|only (way|thing)|urges?)\b",
    r"\brelapsed?\b.{0,20}\b(cut|self|harm|hurt)", r"\b(cut|cutting|self harm)\b.{0,20}\brelapse",
    r"\b(cut|burn|burned|hit|punch|punched|bit|scratched)\b.{0,40}\bon purpose\b",
    r"\buntil (it|they|i|my \w+) (bled|bleed|bleeds|bleeding|hurt|hurts|bruised)\b",
    r"\bmake myself (bleed|hurt)\b", r"\b(bang|banging|hit|hitting|punch|punching)( my head)? (my head|against the wall)\b",
    r"\b(blade|razor)s?\b", r"\b(used to|started to|began to) (cut|self harm|burn myself)\b",
)
IMMINENT = _any(
    rf"\b{MEANS}\b.{{0,40}}\b(right here|next to me|in front of me|in my hands?|ready|here with me|beside me)\b",
    rf"\b(right here|in front of me|in my hands?|holding|i'm holding)\b.{{0,30}}\b{MEANS}\b",
    rf"\b(bought|buying|saved up|stockpiled|collected|got)\b.{{0,30}}\b{MEANS}\b.{{0,40}}\b(myself|die|end|kill|hang)\b",
    rf"\b(took|swallowed|taken|take|taking|overdosed on)\b.{{0,30}}\b(all|too many|a lot|a bunch|whole bottle|"
    rf"the bottle|\d+)\b.{{0,20}}\b({MEANS}|sleeping pills)\b",
    rf"\b(going to|gonna|about to|will|i'll|planning to|plan to|ready to) (take|swallow) "
    rf"(them|all|the pills|my pills|all (of )?my \w+|the lot|everything)\b",
    r"\boverdos(e|ed|ing)\b", r"\bod'?d\b", r"\b(i'm|i am) (taking|swallowing) (them|the pills|all)\b",
    r"\b(going to|gonna|about to|ready to) (jump|end it|kill myself|end my life|take my life|hang myself)\b",
    r"\babout to do it\b", r"\b(use it|use them) on myself\b", r"\busing it on myself\b",
    r"\b(going to|gonna) use (it|them)\b(?! to)",
    r"\b(kill myself|end my life|end it|do it|suicide|take them)\b.{0,30}\b(tonight|today|right now|now|tomorrow|"
    r"this weekend|next week|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    r"\b(tonight|today)\b.{0,20}\b(kill myself|end it|do it|is the night|'s the night)\b",
    r"\b(plan|planned|planning|decided|picked|chosen)\b.{0,30}\b(suicide|kill myself|end my life|to die|"
    r"my death|ways to die)\b",
    r"\b(decided|picked|chosen)\b.{0,40}\b(how|way|method)\b.{0,30}\b(die|kill|end)", r"\bways to die\b.{0,40}\bpicked\b",
    r"\b(suicide|goodbye|last|final) (note|letters?|message)\b", r"\b(written|wrote) (my )?(goodbye|suicide)\b",
    r"\bgoodbye (everyone|all|world|forever)\b", r"\bmy mind is made up\b",
    rf"\b(standing|sitting|i'm|i am)\b.{{0,10}}\bon (the|a|top of the) (edge of the )?{PLACE}\b",
    rf"\b{PLACE}\b.{{0,40}}\b(jump|jumping|right now)\b",
    r"\b(cut|cuts)\b.{0,10}\btoo deep\b", r"\bcan't stop the bleeding\b",
    r"\b(steer|steering|drive|driving|crash|crashing)\b.{0,30}\b(into|off)\b.{0,20}\b(tree|wall|traffic|bridge|truck|cliff)\b",
    r"\b(want|wanna|going|gonna|about|will|i'll)( to)? (kill|hurt|stab|shoot|attack|murder) (him|her|them|someone|"
    r"somebody|people|everyone|my \w+)\b",
)
MEANS_OR_PLAN = _any(
    rf"\b{MEANS}\b", rf"\b{PLACE}\b", r"\b(tonight|right now|plan|planned|a note|goodbye|bought what|after everyone)\b",
    r"\b(going to|gonna|about to) do it\b",
)
DISTRESS = _any(
    r"\b(hopeless|worthless|miserable|heartbroken|desperate|depressed|depression)\b",
    r"\b(i feel|i'm|i am|feeling|i've been|i have been|i've felt|i just feel)\b.{0,25}\b(empty|numb|lost|a failure|"
    r"a burden|broken|struggling|drained|unmotivated)\b",
    r"\b(so|really|very|completely|totally|constantly|always)\b.{0,12}\b(sad|alone|lonely|anxious|scared|stressed|low|"
    r"down|overwhelmed|exhausted|tired of everything)\b",
    r"\b(sad|alone|lonely|anxious|scared|stressed|low|down|empty)\b.{0,12}\b(all the time|every day|lately|for (weeks|months))\b",
    r"\bcan't (cope|go on|take (it|this) any more|take it|take this|breathe|stop crying|stop worrying|think|handle)\b",
    r"\bpanic( attack)?s?\b", r"\banxiety is\b", r"\bno one (cares|likes me|loves me)\b", r"\bnobody (cares|likes me|loves me)\b",
    r"\bi hate (myself|my life|my body)\b", r"\bhated myself\b", r"\bfalling apart\b", r"\bfailing at everything\b",
    r"\bhaven't slept\b", r"\b(is|it's) (just )?too much\b", r"\bnothing (makes me happy|matters|i do is (ever )?good enough)\b",
    r"\bdrowning\b", r"\bno friends\b", r"\b(everyone|everybody) (ignores|hates) me\b", r"\bheart is racing\b",
    r"\bchest (feels )?tight\b", r"\bthoughts (won't|keep) (stop|racing)\b", r"\bcould scream\b",
    r"\b(can't|cannot) see a way out\b", r"\bbreakdown\b",
)
IDIOM = _any(
    r"\b(is|are|was|'s|were) killing (me|my)\b", r"\bkill(ing|ed)? it\b", r"\bdying (to|for|of)\b",
    r"\b(could|would|i'd) (kill|murder) (for )?(a|an|some|for)\b", r"\b(died|dying|dead) laughing\b",
    r"\bkill(ing|ed)? (some |the )?(time|the (lights|engine|process))\b", r"\bkilled the engine\b",
    r"\b(feet|back|legs?) (are|is) killing\b", r"\b(phone|battery|laptop|plant|car) (died|is dying|was dying)\b",
    r"\b(will|going to|gonna|is going to) kill me\b", r"\bshoot myself (lol|haha)\b", r"\bi'll shoot myself\b",
    r"\bdeath of me\b", r"\bdead tired\b", r"\brather die than\b", r"\bsuspense\b",
)
ELSEWHERE = _any(  # fiction, study, or someone else's story
    r"\b(movie|film|book|show|novel|story|game|series|episode|song|lyrics|poem|documentary|character|protagonist|"
    r"villain|plot|essay|research|campaigns?|class|article|thesis|d&d)\b",
    r"\b(my|a|our|his|her)( \w+)? (friend|brother|sister|mum|mom|dad|father|mother|son|daughter|cousin|partner|"
    r"girlfriend|boyfriend|wife|husband|colleague|coworker|classmate|student|students|uncle|aunt|grandmother|"
    r"grandfather|grandma|grandpa|teenager|roommate|flatmate)\b",
    r"\b(he|she|they) (wants?|said|says|tried|is|was|keeps?)\b",
)
PAST = _any(r"\b(used to|years ago|when i was (younger|a kid|a teen|in school|\d+|in my)|back then|in the past|"
            r"back in (high )?school|in my (teens|twenties|thirties))\b", r"\bmonths? ago\b", r"\bin (19|20)\d\d\b",
            r"\bonce when\b", r"\b(attempted|tried)\b.{0,30}\b(years|in my)\b")
RECOVERED = _any(r"\b(clean|recovered|better now|doing (really )?well|good place|happy|stable|proud|"
                 r"things are different now|helped me|haven't in a long time|don't feel the urge|far i've come)\b")
STILL = re.compile(r"\b(still|again|lately|these days|tonight|right now|any more|this week|recently)\b")
DENIAL = _any(r"\b(i'm|i am) not (suicidal|going to (hurt|kill)|in danger)\b", r"\bnot suicidal\b",
              r"\b(i )?(would|will|could) never (kill|hurt|harm)\b", r"\bi don't want to die\b",
              r"\b(don't|do not) want to (kill|hurt|harm) myself\b",
              r"\bnot (thinking|thought) (of|about) (suicide|killing)\b", r"\bno (thoughts?|urges?|plans?|intention) (of|to|about)\b")
REACTIVATED = re.compile(r"\b(again|back|relapsed?|gave in|did it)\b")
FOLLOW_UP = re.compile(r"\b(it|this|that|these thoughts|yes|yeah|yep|every day|always|all the time)\b")


@dataclass(frozen=True)
class Screening:
    level: str = "none"
    reasons: list[str] = field(default_factory=list)

    @property
    def at_risk(self) -> bool:
        return self.level in RISK_LEVELS


def normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[^\w\s'.,!?&-]", " ", text)
    text = re.sub(r"(.)\1{2,}", r"\1\1", text)  # "soooo" -> "soo"
    text = re.sub(r"\bmy self\b", "myself", text)
    text = SPELLING.sub(lambda m: SPELLINGS[m.group(1)], text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class _Reading:
    level: str  # after idioms, fiction, other people, the past and denials are taken into account
    topic: str  # the level the words alone would give
    reasons: list[str]


RULES = (("imminent", IMMINENT, "plan, means, act under way or harm to others"),
         ("self_harm", SELF_HARM, "self-harm"),
         ("ideation", IDEATION, "thoughts of suicide or not wanting to exist"),
         ("distress", DISTRESS, "strong negative feeling"))


def _match(text: str) -> tuple[str, str, re.Match[str] | None]:
    for level, pattern, reason in RULES:
        found = pattern.search(text)
        if found:
            return level, reason, found
    return "none", "", None


def _read(text: str) -> _Reading:
    """The level the message shows on its own, with the rules that fired."""
    topic, reason, found = _match(text)
    if found is None:
        return _Reading("none", "none", [])
    level, lowered = topic, ""
    if IDIOM.search(text) and _match(IDIOM.sub(" ", text))[0] in ("none", "distress"):
        level, lowered = _match(IDIOM.sub(" ", text))[0], "an idiom"
    elif ELSEWHERE.search(text) and not FIRST_PERSON.search(found.group(0)) and not _mine(text):
        level, lowered = "none", "fiction, study or someone else"
    elif PAST.search(text) and (RECOVERED.search(text) or not STILL.search(PAST.sub(" ", text))):
        level, lowered = "none", "a past that is over"
    elif DENIAL.search(text) and topic != "imminent":
        level, lowered = ("distress" if DISTRESS.search(text) else "none"), "an explicit denial"
    if lowered:
        return _Reading(level, topic, [f"{reason}, but {lowered}"])
    return _Reading(level, topic, [reason])


def _mine(text: str) -> bool:
    """The writer speaks of their own risk, whoever else the message mentions."""
    return bool(re.search(r"\bi (want|wanna|feel|keep|have been|am|'m|'ve been|cut|hurt|took)\b.{0,20}"
                          r"\b(die|dead|suicid|myself|kill)", text))


def screen(messages: list[dict]) -> Screening:
    """Screen the last user message of a conversation, reading earlier user turns as context."""
    users = [normalise(str(m.get("content") or "")) for m in messages if m.get("role") == "user"]
    if not users:
        return Screening()
    last = _read(users[-1])
    earlier = [_read(text) for text in users[-6:-1]]
    risky = [r.level for r in earlier if r.level in RISK_LEVELS]
    topics = [r.topic for r in earlier if r.topic in RISK_LEVELS]
    if risky and last.level != "imminent" and MEANS_OR_PLAN.search(users[-1]):
        return Screening("imminent", last.reasons + ["means or a plan after earlier talk of suicide or self-harm"])
    if last.level in ("none", "distress") and DENIAL.search(users[-1]) is None:
        if topics and REACTIVATED.search(users[-1]):
            return Screening(_carried(topics), last.reasons + ["earlier talk of suicide or self-harm, now again"])
        if risky and (DISTRESS.search(users[-1]) or FOLLOW_UP.search(users[-1])):
            # Earlier risk is still the context of a vague follow-up ("yeah. every day").
            return Screening(_carried(risky), last.reasons + ["earlier talk of suicide or self-harm"])
    return Screening(last.level, last.reasons)


def _carried(levels: list[str]) -> str:
    highest = max(levels, key=LEVELS.index)
    return "ideation" if highest == "imminent" else highest


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
