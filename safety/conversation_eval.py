"""Per-turn false alarms and recall of the crisis screen on realistic conversations.

    python -m safety.conversation_eval                   # the tuning half
    python -m safety.conversation_eval --split heldout   # once the screen is frozen
    python -m safety.conversation_eval --misses          # every false alarm and missed risk turn

The conversations (`safety/data/conversations.jsonl`) are long, informal and multi-turn, written
apart from the screen's labelled set and never trained on. Every turn of the person is screened
with the conversation before it, as the chat screens it. A false alarm is ideation or higher on
a turn labelled `none` or `distress`; a risk turn is found when the screen gives it ideation or
higher, since from there the chat shows the crisis lines. Rules alone, the learned screen alone
and both together (what the chat does) are reported side by side.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from safety.rates import Rate
from safety.screen import CONTEXT_TURNS, RISK_LEVELS, normalise, screen, without_idioms
from safety.screening_model import learned_screen

CONVERSATIONS = Path(__file__).parent / "data" / "conversations.jsonl"
SPLITS = ("tune", "heldout")
TARGET_FALSE_ALARMS = 0.05
TARGET_FOUND = 0.95


@dataclass(frozen=True)
class Turn:
    conversation: str
    messages: list[dict]  # the conversation up to and including this turn of the person
    level: str
    kind: str

    @property
    def at_risk(self) -> bool:
        return self.level in RISK_LEVELS


def load_turns(split: str, path: Path = CONVERSATIONS) -> list[Turn]:
    """Every turn of the person in the split's conversations, each with the conversation before it."""
    turns = []
    for line in path.read_text(encoding="utf-8").splitlines():
        conversation = json.loads(line)
        if conversation["split"] != split:
            continue
        messages = [{"role": t["role"], "content": t["content"]} for t in conversation["turns"]]
        turns += [Turn(conversation["id"], messages[:i + 1], t["level"], t["kind"])
                  for i, t in enumerate(conversation["turns"]) if t["role"] == "user"]
    return turns


def _learned_alone(turns: list[Turn]) -> list[str]:
    users = [[normalise(m["content"]) for m in t.messages if m["role"] == "user"] for t in turns]
    return learned_screen().levels([without_idioms(u[-1]) for u in users],
                                   [" ".join(u[-1 - CONTEXT_TURNS:-1]) for u in users])


SCREENS: dict[str, Callable[[list[Turn]], list[str]]] = {
    "rules alone": lambda turns: [screen(t.messages, learned=False).level for t in turns],
    "learned alone": _learned_alone,
    "combined": lambda turns: [screen(t.messages).level for t in turns],
}


@dataclass(frozen=True)
class Result:
    false_alarms: Rate
    found: Rate
    missed: list[tuple[Turn, str]]  # false alarms and missed risk turns, with the level given


def evaluate(turns: list[Turn], levels: list[str]) -> Result:
    flagged = [level in RISK_LEVELS for level in levels]
    safe = [f for t, f in zip(turns, flagged) if not t.at_risk]
    risky = [f for t, f in zip(turns, flagged) if t.at_risk]
    missed = [(t, level) for t, level, f in zip(turns, levels, flagged) if f != t.at_risk]
    return Result(Rate(sum(safe), len(safe)), Rate(sum(risky), len(risky)), missed)


def report(turns: list[Turn], results: dict[str, Result], show_misses: bool = False) -> str:
    conversations = len({t.conversation for t in turns})
    lines = [f"{conversations} conversations, {len(turns)} turns of the person, "
             f"{sum(t.at_risk for t in turns)} at risk", "",
             f"false alarms (target <= {TARGET_FALSE_ALARMS}), risk turns found (target >= {TARGET_FOUND}):"]
    for name, result in results.items():
        lines += [f"  {name:14} false alarms {result.false_alarms}", f"  {'':14} found        {result.found}"]
    if show_misses and "combined" in results:
        lines += ["", "combined: false alarms and missed risk turns (labelled -> screened [kind]):"]
        lines += [f"  {t.level} -> {level} [{t.kind}] {t.conversation}: {t.messages[-1]['content']}"
                  for t, level in results["combined"].missed]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=SPLITS, default="tune")
    parser.add_argument("--misses", action="store_true", help="list the combined screen's errors")
    args = parser.parse_args()
    turns = load_turns(args.split)
    print(report(turns, {name: evaluate(turns, read(turns)) for name, read in SCREENS.items()}, args.misses))


if __name__ == "__main__":
    main()
