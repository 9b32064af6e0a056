"""Chat spellings brought to one form before the crisis screen matches words.

People in distress type fast: "i wnat to die", "killin myself", "suicde", "misrable". A word
is corrected only towards the screen's own vocabulary, and only by edits that rarely turn
one real word into another: two swapped letters, one letter missing (in words of six
letters or more), one letter too many (five or more), or a dropped final g ("thinkin").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Common chat forms, mapped whole.
KNOWN = {
    "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "isnt": "isn't", "wasnt": "wasn't",
    "im": "i'm", "ive": "i've", "u": "you", "ur": "your", "bout": "about", "gona": "gonna", "gunna": "gonna",
    "wana": "wanna", "kil": "kill", "cutt": "cut", "tonite": "tonight", "rn": "right now", "cuz": "because",
    "coz": "because", "meself": "myself", "anymore": "any more", "pils": "pills", "agian": "again",
    "sucidal": "suicidal", "suicidle": "suicidal", "sucide": "suicide", "tuk": "took", "tookd": "took",
    "2nite": "tonight", "2night": "tonight", "2day": "today", "swallowd": "swallowed", "cuttd": "cut",
    "burnd": "burned", "agen": "again", "agin": "again", "ded": "dead", "wnt": "want", "anymor": "any more",
    "b": "be", "kno": "know", "reddy": "ready", "w": "with", "al": "all", "hole": "whole", "jus": "just",
    "sh'd": "self harmed", "sh'ed": "self harmed", "sh'ing": "self harming", "evry": "every", "pil": "pill",
    "cud": "could",
    "walkin": "walking", "sitin": "sitting", "doin": "doing", "raleway": "railway",
    "rop": "rope", "garaj": "garage", "afta": "after", "ima": "i'm gonna", "bouta": "about to", "jst": "just",
    "rist": "wrist", "realy": "really", "n": "and", "ol": "all", "wen": "when", "tnite": "tonight",
    "evry1": "everyone", "evry1s": "everyone's", "evrythin": "everything", "tekn": "taken", "takn": "taken",
    "sik": "sick", "da": "the", "ova": "over", "noos": "noose", "redy": "ready", "rdy": "ready",
    "forevr": "forever", "tablit": "tablet", "tablits": "tablets", "maself": "myself", "masel": "myself",
    "miself": "myself",
    "mysel": "myself", "wots": "what's", "wot": "what", "nuffin": "nothing",
    "evn": "even", "no1": "no one", "wakin": "waking", "bleech": "bleach", "bleatch": "bleach",
    "mornin": "morning", "mornins": "mornings",
    "swalowd": "swallowed", "swalloed": "swallowed", "ibuprofin": "ibuprofen", "ibuprophen": "ibuprofen",
    "4eva": "forever", "4ever": "forever", "thots": "thoughts", "endin": "ending", "nite": "night", "r": "are",
    # Vowels dropped.
    "dnt": "don't", "wnna": "wanna", "lv": "live", "anymr": "any more", "rlly": "really",
    # Words for suicide that get past filters on social media.
    "kms": "kill myself", "unalive": "kill", "unaliving": "killing", "unalived": "killed", "ctb": "suicide",
    "sewerslide": "suicide",
}
# Phrases mapped whole, before single words.
PHRASES = {
    r"\bsewer slide\b": "suicide",  # gets past filters on social media
    r"\bmulti ?-?stor(e)?y\b": "multi-storey",  # a car park, not a story
    r"\bme own\b": "my own",  # dialect ("end me own life")
    r"\b(into|on|across|up|down) me (arms?|legs?|wrists?|thighs?|skin|stomach|belly)\b": r"\1 my \2",  # dialect
    r"\b2 (sleep|die|bed|be|end)\b": r"to \1",  # "wanna go 2 sleep", not "2 packets"
    r"\bself-(?=harm|injur)": "self ",  # one spelling for the rules' denials ("no self-harm thoughts")
}
# The words the screen's rules are written with (see safety/screening_*.py).
VOCABULARY = frozenset("""
    want wanna wanting wanted wish wishing dying dead death kill killing killed myself suicide suicidal
    hurting harming cutting burning bleeding miserable thinking about pills tablets overdose overdosed
    wrists alive living exist existing tonight goodbye razor blade knife noose depressed depression
    hopeless worthless lonely anxious scared exhausted terrified crying nobody everyone someone forever
    permanently disappear tomorrow swallowed bottle paracetamol medication again stressed struggling
    anxiety panic attack planning decided bridge jumping harmed cutting punishing starving
    standing sitting waiting climbing footbridge relapsed slicing slashing breathing
""".split())
# Digits for letters ("k1ll1ng mys3lf"), undone only where that yields one of the screen's words.
LEET = str.maketrans("013457", "oieast")
# Real words one edit away from a word of the screen ("drying" is not "dying", "the bride" is not "the bridge").
NOT_TYPOS = frozenset({"exiting", "wanted", "planing", "tablet", "bridges", "hurling", "scare", "staring", "stared",
                       "ridge", "bride", "bridget", "decide", "exits", "armed", "mediation", "sacred", "cared",
                       "tables", "spitting", "awaiting", "drying", "charming"})


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Misspelling -> word, for every edit this module accepts."""
    index: dict[str, str] = {}
    for word in sorted(VOCABULARY):
        variants = [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)]
        if len(word) >= 6:
            variants += [word[:i] + word[i + 1:] for i in range(len(word))]
        for variant in variants:
            if variant != word and variant not in VOCABULARY:
                index.setdefault(variant, word)
    return index


def correct(token: str) -> str:
    if token in KNOWN:
        return KNOWN[token]
    if not token.isalpha() and not token.isdigit() and token.translate(LEET).isalpha():
        word = correct(token.translate(LEET))
        return word if word in VOCABULARY or word in KNOWN.values() else token
    if len(token) < 4 or token in VOCABULARY or token in NOT_TYPOS:
        return token
    if token.endswith("in") and token + "g" in VOCABULARY:
        return token + "g"
    if token in _index():
        return _index()[token]
    if len(token) >= 6:  # one letter too many
        for i in range(len(token)):
            shorter = token[:i] + token[i + 1:]
            if shorter in VOCABULARY and not token.endswith(("s", "ed", "d")):
                return shorter
    return token


def normalise_spelling(text: str) -> str:
    """`text` (lower case) with each word corrected."""
    for phrase, meaning in PHRASES.items():
        text = re.sub(phrase, meaning, text)
    return re.sub(r"(?:[^\W_]|')+", lambda m: correct(m.group(0)), text)  # accented letters stay in their word


def normalise(text: str) -> str:
    """Lower case, symbols spaced out, long runs of a letter shortened and chat spellings corrected:
    what the rules and the learned screen read."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    # Combining marks are letters' parts in Thai, Hindi and decomposed accents, not punctuation.
    text = re.sub(r"[^\w\s'.,!?&-]", lambda found: found.group(0) if unicodedata.category(found.group(0))[0] == "M"
                  else " ", text)
    text = re.sub(r"(.)\1{2,}", r"\1\1", text)  # "soooo" -> "soo"
    text = normalise_spelling(re.sub(r"\bmy self\b", "myself", text))
    return re.sub(r"\s+", " ", text).strip()
