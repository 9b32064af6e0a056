"""Command line for training.

    python -m training train RECIPE.yaml                  # fine-tune a LoRA/QLoRA adapter
    python -m training evaluate --base BASE [--adapter ADAPTER ...] --data TEST.jsonl [--json]
    python -m training push ADAPTER --repo USER/NAME [--private] [--dry-run]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from models.loading import AdapterError
from training.publish import card_metadata, files_to_push, push, update_card_metrics
from training.recipe import RecipeError, load_recipe


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    train_cmd = commands.add_parser("train", help="fine-tune an adapter from a recipe")
    train_cmd.add_argument("recipe", type=Path)
    eval_cmd = commands.add_parser("evaluate", help="held-out metrics of the base and adapters, side by side")
    eval_cmd.add_argument("--base", help="a catalog base key (default: the catalog's default)")
    eval_cmd.add_argument("--adapter", action="append", default=[], help="a catalog key, Hub id or folder")
    eval_cmd.add_argument("--data", type=Path, required=True, help="test.jsonl as training writes it")
    eval_cmd.add_argument("--json", action="store_true")
    eval_cmd.add_argument("--max-new-tokens", type=int, default=128)
    eval_cmd.add_argument("--update-cards", action="store_true",
                          help="write the metrics table into the model card of each adapter folder")
    push_cmd = commands.add_parser("push", help="publish an adapter folder and its model card to the Hub")
    push_cmd.add_argument("adapter", type=Path)
    push_cmd.add_argument("--repo", required=True, help="USER/NAME of the model repo")
    push_cmd.add_argument("--private", action="store_true")
    push_cmd.add_argument("--dry-run", action="store_true", help="list the files and the card, upload nothing")
    args = parser.parse_args(argv)
    try:
        if args.command == "train":
            return _train(args)
        if args.command == "evaluate":
            return _evaluate(args)
        files = files_to_push(args.adapter)
        if args.dry_run:
            print(f"would upload to {args.repo} ({'private' if args.private else 'public'}):")
            for file in files:
                print(f"  {file.name}")
            print(f"card metadata: {card_metadata(args.adapter)}")
            return 0
        print(f"uploaded: {push(args.adapter, args.repo, args.private)}")
        return 0
    except (RecipeError, AdapterError, FileNotFoundError, ValueError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _evaluate(args: argparse.Namespace) -> int:
    import json

    from models.backends import backend_for
    from settings import load_settings
    from training.evaluate import evaluate, load_test, table

    settings = load_settings()  # MHCHAT_BACKEND: this process, or a model server (docs/serving.md)
    results = evaluate(backend_for(settings, args.base), args.adapter, load_test(args.data), args.max_new_tokens)
    print(json.dumps(results, indent=2) if args.json else table(results))
    if settings.backend != "local":
        print(f"perplexity: not computed with MHCHAT_BACKEND={settings.backend}: a model server returns text, "
              "not token losses; run with MHCHAT_BACKEND=local for it", file=sys.stderr)
    if args.update_cards:
        for adapter in args.adapter:
            if (Path(adapter) / "recipe.yaml").is_file():
                update_card_metrics(Path(adapter), f"Held-out set `{args.data}`, greedy replies:\n\n{table(results)}")
    return 0


def _train(args: argparse.Namespace) -> int:
    from training.train import train  # torch and transformers: only when training

    recipe = load_recipe(args.recipe)
    result = train(recipe)
    print(result.summary.text())
    print(f"\ntrained on {result.train_rows} examples ({result.test_rows} held out in {recipe.out / 'test.jsonl'})"
          + (f", resumed from {result.resumed_from}" if result.resumed_from else ""))
    print(f"adapter: {result.adapter}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
