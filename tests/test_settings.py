"""One configuration surface: environment variables or a YAML file, every bad value reported
at start with the variable to fix, and the README's table generated from the same fields."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import app
from models.chat_log import NOTICE
from settings import Settings, SettingsError, load_settings, markdown_table

ROOT = Path(__file__).resolve().parent.parent


def test_nothing_set_gives_the_documented_defaults() -> None:
    settings = load_settings({})
    assert settings == Settings()
    assert settings.chat_log is None and settings.ratings_repo == "" and not settings.results_password
    assert (settings.device, settings.quantization) == ("auto", "none")


def test_a_yaml_file_sets_values_and_variables_override_it(tmp_path: Path) -> None:
    config = tmp_path / "deploy.yaml"
    config.write_text(yaml.safe_dump({"crisis_locale": "uk-ie", "concurrency": 4, "results_users": ["Alice", "bob"],
                                      "chat_log": str(tmp_path / "logs")}))
    settings = load_settings({"MHCHAT_CONFIG": str(config), "MHCHAT_CONCURRENCY": "2"})
    assert settings.crisis_locale == "uk-ie" and settings.concurrency == 2
    assert settings.results_users == {"alice", "bob"} and settings.chat_log == tmp_path / "logs"


def test_every_bad_value_is_reported_at_once_with_its_variable() -> None:
    with pytest.raises(SettingsError) as failure:
        load_settings({"MHCHAT_DEVICE": "gpu", "MHCHAT_CONCURRENCY": "many", "DATABASE_URL": "mysql://db",
                       "MHCHAT_SYNC_MINUTES": "1", "MHCHAT_RATINGS_REPO": "not a repo",
                       "MHCHAT_CRISIS_LOCALE": "atlantis", "MHCHAT_BASE": "gpt-7", "MHCHAT_STUDIES": "/no/such",
                       "GRADIO_SERVER_PORT": "99999"})
    message = str(failure.value)
    for expected in ("MHCHAT_DEVICE='gpu': must be one of auto, cpu, cuda", "MHCHAT_CONCURRENCY='many': must be a whole",
                     "DATABASE_URL='mysql://db'", "MHCHAT_SYNC_MINUTES='1': must be at least 5",
                     "MHCHAT_RATINGS_REPO='not a repo'", "MHCHAT_CRISIS_LOCALE='atlantis'",
                     "MHCHAT_BASE='gpt-7': the catalog has bloomz-560m", "MHCHAT_STUDIES='/no/such'",
                     "GRADIO_SERVER_PORT='99999': must be between 1 and 65535"):
        assert expected in message
    assert message.count("\n- ") == 9


def test_gpu_settings_without_a_gpu_are_refused(monkeypatch) -> None:
    monkeypatch.setattr("settings.cuda_available", lambda: False)
    with pytest.raises(SettingsError, match="MHCHAT_DEVICE='cuda': torch sees no CUDA device"):
        load_settings({"MHCHAT_DEVICE": "cuda"})
    with pytest.raises(SettingsError, match="MHCHAT_QUANTIZATION='4bit': needs a CUDA device"):
        load_settings({"MHCHAT_QUANTIZATION": "4bit"})


def test_bad_files_are_named(tmp_path: Path) -> None:
    config = tmp_path / "deploy.yaml"
    config.write_text("concurency: 4\n")
    with pytest.raises(SettingsError, match=r"unknown setting 'concurency'; known: backend, base, cache_dir"):
        load_settings({"MHCHAT_CONFIG": str(config)})
    config.write_text("concurrency: [4\n")
    with pytest.raises(SettingsError, match="not valid YAML"):
        load_settings({"MHCHAT_CONFIG": str(config)})
    with pytest.raises(SettingsError, match="cannot read"):
        load_settings({"MHCHAT_CONFIG": str(tmp_path / "missing.yaml")})
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text("bases: 3\n")
    with pytest.raises(SettingsError, match="MHCHAT_CATALOG"):
        load_settings({"MHCHAT_CATALOG": str(catalog)})


def test_secrets_never_appear_in_messages(tmp_path: Path) -> None:
    config = tmp_path / "deploy.yaml"
    config.write_text(yaml.safe_dump({"results_password": "hunter2-secret", "max_queue": 0}))
    with pytest.raises(SettingsError) as failure:
        load_settings({"MHCHAT_CONFIG": str(config)})
    assert "hunter2" not in str(failure.value) and "MHCHAT_MAX_QUEUE='0'" in str(failure.value)


def test_the_app_refuses_to_start_with_a_bad_setting(tmp_path: Path) -> None:
    started = subprocess.run([sys.executable, "app.py"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                             env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "HF_HUB_OFFLINE": "1",
                                  "MHCHAT_CRISIS_LOCALE": "mars", "MHCHAT_CONCURRENCY": "0"})
    assert started.returncode == 1
    assert "MHCHAT_CRISIS_LOCALE='mars'" in started.stderr and "MHCHAT_CONCURRENCY='0'" in started.stderr
    assert "Loading" not in started.stdout


def test_the_app_is_wired_as_the_settings_say(tmp_path: Path) -> None:
    settings = load_settings({"MHCHAT_CRISIS_LOCALE": "us", "MHCHAT_CHAT_LOG": str(tmp_path / "logs"),
                              "MHCHAT_RESULTS_PASSWORD": "pw", "MHCHAT_CONCURRENCY": "3", "MHCHAT_MAX_QUEUE": "7",
                              "MHCHAT_MAX_CONTEXT_TOKENS": "512",
                              "DATABASE_URL": f"sqlite:///{tmp_path / 'ratings.sqlite3'}"})
    engine, demo = app.build_app(settings)
    page = json.dumps(demo.config, default=str)
    assert "Crisis Lifeline" in page and NOTICE in page  # US crisis lines; users told that logging is on
    assert engine.max_context_tokens == 512 and engine._base is None  # weights load on first use
    assert demo._queue.max_size == 7 and demo._queue.default_concurrency_limit == 3
    assert (tmp_path / "ratings.sqlite3").is_file() and (tmp_path / "logs").is_dir()
    _, plain = app.build_app(load_settings({"DATABASE_URL": f"sqlite:///{tmp_path / 'other.sqlite3'}"}))
    page = json.dumps(plain.config, default=str)
    assert "Crisis Lifeline" not in page and NOTICE not in page  # the international lines; nothing logged


def test_the_settings_page_documents_every_setting_in_one_table() -> None:
    page = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert markdown_table() in page
    assert page.count("| variable") == 1
