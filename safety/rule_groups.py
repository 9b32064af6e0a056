"""What each rule group of safety/data/screening_rules.yaml adds to the combined screen, measured on
sets it was never tuned on.

    python -m safety.rule_groups               # on the held-out sets
    python -m safety.rule_groups --sets tune   # on the conversations' tuning half

Every named pattern is switched off in turn (it then matches nothing) and the combined screen (rules
with the learned screen, as the chat runs it) reads the labelled set's held-out splits and the
realistic conversations' held-out half again. A group earns its place when it finds risk that would
otherwise be missed at no more false alarms, or removes false alarms at no loss of risk found; a
group with no effect, or one that only trades one for the other, is a candidate to go, its wordings
becoming labelled data for the learned screen.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from safety.conversation_eval import load_turns
from safety.levels import CONTEXT_TURNS, RISK_LEVELS
from safety.rates import Rate
from safety.rules import RULES, without_idioms
from safety.screen import screen
from safety.screening_model import learned_screen
from safety.spelling import normalise
from safety.screening_data import HELD_OUT_SPLITS
from safety.screening_eval import load_set

NOTHING = re.compile(r"(?!)")  # a pattern that matches no text


@dataclass(frozen=True)
class Reading:
    """Risk found and false alarms, per set, with one configuration of the rules."""

    found: dict[str, Rate]
    false_alarms: dict[str, Rate]


@dataclass(frozen=True)
class Case:
    messages: list[dict]
    at_risk: bool


def cases_of(which: str) -> dict[str, list[Case]]:
    """`heldout`: the messages the rules and the learned screen were never tuned on, by set; `tune`: the
    realistic conversations' tuning half (never trained on), where a change to the rules is decided."""
    if which == "tune":
        return {"conversations tune": [Case(turn.messages, turn.at_risk) for turn in load_turns("tune")]}
    cases = {split: [Case(item.messages, item.level in RISK_LEVELS) for item in load_set(split)]
             for split in HELD_OUT_SPLITS}
    cases["conversations heldout"] = [Case(turn.messages, turn.at_risk) for turn in load_turns("heldout")]
    return cases


def read_ahead(cases: dict[str, list[Case]]) -> None:
    """Let the learned screen read every turn of every case in a few large batches, as the screen will
    ask for them one at a time (its reads are kept by text): minutes instead of an hour."""
    turns = {tuple(normalise(str(m.get("content") or "")) for m in case.messages if m.get("role") == "user")
             for items in cases.values() for case in items}
    pairs = {(users[i], " ".join(users[max(0, i - CONTEXT_TURNS):i])) for users in turns for i in range(len(users))}
    texts, contexts = zip(*sorted(pairs))
    learned_screen().levels([without_idioms(text) for text in texts], list(contexts))


def read(cases: dict[str, list[Case]]) -> Reading:
    found, false_alarms = {}, {}
    for name, items in cases.items():
        flagged = [screen(case.messages).level in RISK_LEVELS for case in items]
        found[name] = Rate(sum(f for f, c in zip(flagged, items) if c.at_risk), sum(c.at_risk for c in items))
        false_alarms[name] = Rate(sum(f for f, c in zip(flagged, items) if not c.at_risk),
                                  sum(not c.at_risk for c in items))
    return Reading(found, false_alarms)


@contextmanager
def switched_off(group: str) -> Iterator[None]:
    kept = getattr(RULES, group)
    setattr(RULES, group, NOTHING)
    try:
        yield
    finally:
        setattr(RULES, group, kept)


def _total(rates: dict[str, Rate]) -> Rate:
    return Rate(sum(r.hits for r in rates.values()), sum(r.total for r in rates.values()))


def verdict(with_group: Reading, without: Reading) -> str:
    more_found = _total(with_group.found).hits - _total(without.found).hits
    more_alarms = _total(with_group.false_alarms).hits - _total(without.false_alarms).hits
    if more_found > 0 and more_alarms <= 0:
        return "earns its place: finds more at no more false alarms"
    if more_found >= 0 and more_alarms < 0:
        return "earns its place: fewer false alarms at no loss"
    if more_found == 0 and more_alarms == 0:
        return "no effect here: a candidate to go"
    return "a trade-off: a candidate to become labelled data"


def report(which: str = "heldout") -> str:
    cases = cases_of(which)
    read_ahead(cases)
    everything = read(cases)
    sets = list(cases)
    lines = ["the combined screen with every group: " + "; ".join(
        f"{name}: found {everything.found[name]}, false alarms {everything.false_alarms[name]}" for name in sets),
        "", "what each group adds (found / false alarms), all sets together, then per set (" + ", ".join(sets) + ")"]
    for group in vars(RULES):
        with switched_off(group):
            without = read(cases)
        found = _total(everything.found).hits - _total(without.found).hits
        alarms = _total(everything.false_alarms).hits - _total(without.false_alarms).hits
        per_set = " ".join(f"{everything.found[n].hits - without.found[n].hits:+d}/"
                           f"{everything.false_alarms[n].hits - without.false_alarms[n].hits:+d}" for n in sets)
        lines.append(f"  {group:18} {found:+4d} / {alarms:+4d}  ({per_set}): {verdict(everything, without)}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", choices=("heldout", "tune"), default="heldout")
    print(report(parser.parse_args().sets))


if __name__ == "__main__":
    main()
