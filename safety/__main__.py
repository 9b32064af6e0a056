"""Screening commands, one JSON object a line on stdin, one a line on stdout:

    python -m safety screen   {"messages": [...]}                 -> {"level", "reasons"}
    python -m safety reply    {"messages": [...], "reply": "..."}  -> {"level", "shown", "replaced", "reasons"}

`messages` is the conversation, its last message the person's; `shown` is exactly what the chat
page would show after it if the model wrote `reply`. A bad line gets {"error": "line N: ..."}.
`python -m models.guard`, the old name, is an alias of `screen`.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable, Iterable

from safety.layer import SafetyLayer
from safety.screen import screen

SHAPE_EXAMPLES = {list: "[...]", str: '"..."'}


def _checked(item: object, keys: dict[str, type]) -> dict:
    shape = "{" + ", ".join(f'"{k}": {SHAPE_EXAMPLES[t]}' for k, t in keys.items()) + "}"
    if not isinstance(item, dict) or not set(keys) <= set(item):
        raise TypeError(f"expected an object {shape}")
    for key, kind in keys.items():
        if not isinstance(item[key], kind):
            raise TypeError(f"'{key}' must be a {'list' if kind is list else 'string'}")
    if not all(isinstance(m, dict) for m in item["messages"]):
        raise TypeError("every message must be an object {\"role\": ..., \"content\": ...}")
    return item


def screen_line(item: object) -> dict:
    result = screen(_checked(item, {"messages": list})["messages"])
    return {"level": result.level, "reasons": result.reasons}


def reply_line(item: object, layer: SafetyLayer) -> dict:
    item = _checked(item, {"messages": list, "reply": str})
    assessment = layer.assess(item["messages"])
    shown = list(layer.respond(item["messages"], assessment, lambda: iter([item["reply"]])))[-1]
    replaced = bool(item["reply"].strip()) and item["reply"].strip() not in shown.text
    reasons = list(shown.reasons) or ([f"fixed response: {assessment.fixed.replace('_', ' ')}"]
                                      if assessment.fixed else [])
    return {"level": assessment.screening.level, "shown": shown.text, "replaced": replaced, "reasons": reasons}


def run(lines: Iterable[str], answer: Callable[[object], dict]) -> Iterable[str]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out = answer(json.loads(line))
        except (json.JSONDecodeError, TypeError, AttributeError) as error:
            out = {"error": f"line {number}: {error}"}
        yield json.dumps(out, ensure_ascii=False)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m safety", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["screen", "reply"])
    parser.add_argument("--locale", default="", help="crisis lines of this locale (as MHCHAT_CRISIS_LOCALE)")
    args = parser.parse_args(argv)
    if args.command == "screen":
        answer = screen_line
    else:
        layer = SafetyLayer(locale=args.locale)
        answer = functools.partial(reply_line, layer=layer)
    for out in run(sys.stdin, answer):
        print(out, flush=True)


if __name__ == "__main__":
    main()
