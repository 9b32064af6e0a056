"""The crisis screen's shared wording: the words for means, places, wishes and death, the phrases of
risk in other languages (data: screening_phrases.yaml), and how the rule groups of
screening_ideation.py, screening_imminent.py and screening_lowering.py are joined into one pattern.
"""

from __future__ import annotations

import re
from pathlib import Path

from models.yaml_files import read_mapping


def any_of(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# Phrases of risk in other languages, by level and language: data, so that one is added without touching the code.
PHRASES = read_mapping(Path(__file__).with_name("data") / "screening_phrases.yaml", ValueError)


def in_other_languages(level: str) -> list[str]:
    return [phrase for phrases in PHRASES[level].values() for phrase in phrases]


FIRST_PERSON = re.compile(r"\b(i|me|my|myself|i'm|i've|i'd|i'll|ich)\b")
SUBJECT = re.compile(r"\b(i|i'm|i've|i'd|i'll|ich)\b")
MEANS = (r"(pills?|tablets?|meds|medication|paracetamol|tylenol|ibuprofen|rope|noose|belt|cord|gun|blade|razor|"
         r"knife|poison|bleach|antifreeze|insulin|charcoal|antidepressants|painkillers|sleeping tablets|shotgun|"
         r"pistol|rifle|revolver|twelve-bore|twelve bore|12-bore|12 bore|twelve gauge|12 gauge|"
         r"weedkiller|pesticide|morphine|lithium|codeine|tramadol|sertraline|citalopram|amitriptyline|diazepam|valium|"
         r"xanax|oxycodone|oxy|fentanyl|heroin|aspirin|quetiapine|seroquel|zopiclone|methadone|potassium|vials?|"
         r"ampoules?|ligature|mirtazapine|venlafaxine|fluoxetine|prozac|propranolol|pregabalin|gabapentin|co-codamol|"
         r"olanzapine|lorazepam|clonazepam|temazepam|nurofen|hydroxychloroquine|capsules|box cutter|boxcutter|"
         r"stanley knife|craft knife|scalpel)")
PLACE = (r"(bridge|ledge|roof|rooftop|train station|platform|tracks|railway( line)?|cliff|edge|top of|multi-storey|"
         r"car park|"
         r"parking garage|balcony|footbridge|overpass|flyover|viaduct)")
# Why someone is at such a place on an ordinary day ("on the platform waiting for my mum").
EVERYDAY_AT_PLACE = (r"(waiting for (my|a|the|our) (mum|mom|dad|friend|mate|lift|taxi|bus|partner|wife|husband|"
                     r"\w+friend|kids?)|(my|the|our) train\b.{0,15}\b(late|delayed|cancelled)|"
                     r"for a (photo|picture|selfie|pic)|the view|with (my|the|our) (dad|mum|mom|family|friends|kids|"
                     r"dog|mates|class|partner|wife|husband|son|daughter)|on (holiday|a walk|a hike)|sunset|sunrise|"
                     r"picnic|commute|on my way to (work|school|college|uni)|route|climbing wall|belay|abseil|"
                     r"harness|bouldering|(marking|surveying|inspecting|measuring|repairing|fixing|painting|filming|"
                     r"checking|clearing|mending|photographing|guiding|rescuing) |"
                     r"(looking|searching) for (a|the) (missing|lost)|stretcher|casualty|"
                     r"for (a|the) (fallen|injured|missing|stranded|stuck) |"
                     r"on a (rescue|search|shout)|for (work|felling|the survey|the council)|"
                     r"on (shift|duty)|(ridge |roof )?(tiles|slates)|guttering|scaffold(ing)?|chimney stack)")
HOUSEHOLD_POISON = (r"(bleach|domestos|clorox|drain cleaner|toilet cleaner|oven cleaner|antifreeze|weedkiller|"
                    r"paint stripper)")
# A gun held to the writer, which is the writer's own risk inside a role-play too.
GUN_AT_ME = (r"\b(gun|barrel|pistol|muzzle|revolver|rifle|shotgun|twelve-bore|12-bore)('s| is)?\b.{0,30}"
             r"\b(in|to|against|under|pressed to|pressed against|on|pointed at|pointing at|aimed at|pointed to) "
             r"my (own )?(mouth|head|temple|jaw|chin|throat|chest|heart)\b(?! of drawers)")
# Wanting, imagining or planning ... an end to one's life.
WISH = (r"(want|wanna|wanting|wanted|wish|wishing|wished|hope|hoping|rather|would like|'d like|thinking|think|"
        r"thought|fantasi[sz]e|fantasi[sz]ing|dream|dreaming|tempted|ready|longing|going|gonna|keep|plan|planning|pray|"
        r"praying|wonder|wondering)")
DEATH = (r"(die|dying|be dead|death|my funeral|my own funeral|(be )?gone (for good|for real|forever|permanently)|"
         r"stop existing|not exist|"
         r"not (to )?be (alive|here|around)|(not|never|wouldn't|won't|don't|do not) wake up|not waking up|"
         r"end (it|it all|things|"
         r"everything|my life|my own life)|ending (it|it all|things|everything|my life)|kill(ing)? myself|suicide|"
         r"take my (own )?life|taking my (own )?life|disappear (forever|for good|permanently)|(fall )?a?sleep forever)")
DECADE = r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
CHILD = r"(the|my|our) (baby|babies|newborn|toddler|kids?|child|children|son|daughter|boy|girl)"
LOVED_ONE = (r"my (late )?(wife|husband|partner|son|daughter|mum|mom|dad|mother|father|baby|boy|girl|kids|children|"
             r"family)")
