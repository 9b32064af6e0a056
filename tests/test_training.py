"""Training: recipes, report 000's cleaning, assistant-only labels, a real (tiny) run that resumes,
the model card, and publishing."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
import yaml

from helpers import make_tokenizer
from models.catalog import load_catalog
from models.engine import Engine
from training.__main__ import main
from training.data import Summary, clean, remove_names, split
from training.formatting import IGNORE, FormattingError, encode, ensure_chat_template
from training.publish import ADAPTER_FILES, card_metadata, push
from training.recipe import RECIPES, Cleaning, RecipeError, HoldOut, load_recipe

QA = [
    ("I can't sleep before exams. See https://example.com", "Try a wind-down routine. It helps 3 in 4 people."),
    ("My name is Sarah and I feel lonely.", "Hi Sarah, that sounds hard. Who could you talk to?"),
    ("I feel lonely.", "Loneliness is common. Joining a group can help."),
    ("I feel lonely.", "Loneliness is common. Joining a group can help."),
    ("Work stress is too much.", "It makes sense to feel stretched. What is one thing you could hand off?"),
    ("x" * 50, "y" * 2000),
]


def rows() -> list[list[dict[str, str]]]:
    return [[{"role": "user", "content": q}, {"role": "assistant", "content": a}] for q, a in QA]


def write_recipe(folder: Path, data_file: Path, **fields) -> Path:
    recipe = {"name": "tiny-run", "base": "tiny", "data": {"source": str(data_file), "columns": {"question": "q",
              "answer": "a"}, "system_prompt": "Be kind."},
              "cleaning": {"max_chars": 1000}, "test_split": {"fraction": 0.2, "seed": 1},
              "lora": {"r": 4, "alpha": 8, "target_modules": ["q_proj", "v_proj"]},
              "training": {"max_steps": 4, "batch_size": 2, "max_length": 96, "save_steps": 2, "logging_steps": 1},
              "output_dir": str(folder / "run"), **fields}
    path = folder / "recipe.yaml"
    path.write_text(yaml.safe_dump(recipe))
    return path


def test_shipped_recipes_carry_the_reports_settings() -> None:
    recipes = {p.stem: load_recipe(p) for p in RECIPES.glob("*.yaml")}
    gpt2 = recipes["report000-gpt2-large"].lora
    assert (gpt2.r, gpt2.alpha, gpt2.dropout, gpt2.target_modules) == (4, 1, 0.05, ("c_attn",))
    assert recipes["report000-bloomz-560m"].lora.target_modules == ("query_key_value",)
    assert (recipes["report002-llama2-7b-chat"].lora.r, recipes["report002-llama2-7b-chat"].lora.alpha) == (8, 32)
    assert recipes["report003-llama3-8b-qlora"].quantization == "4bit" and recipes["report003-llama3-8b-qlora"].lora.r == 16
    assert recipes["smollm2-cpu"].base == "smollm2-135m-instruct"


@pytest.mark.parametrize(("change", "message"), [
    ({"base": ""}, "'base' is required"),
    ({"data": {"source": "x.csv", "columns": {"prompt": "q"}}}, "maps either question and answer, or messages"),
    ({"quantization": "8bit"}, "quantization must be none or 4bit"),
    ({"lora": {"rank": 8}}, "unknown field(s) ['rank']"),
    ({"cleaning": {"links": "maybe"}}, "cleaning.links must be strip, drop or keep"),
])
def test_bad_recipes_are_refused_with_a_message(tmp_path: Path, change: dict, message: str) -> None:
    with pytest.raises(RecipeError) as caught:
        load_recipe(write_recipe(tmp_path, tmp_path / "d.csv", **change))
    assert message in str(caught.value)


def test_cleaning_steps_are_counted_and_switchable() -> None:
    summary = Summary()
    cleaned = clean(rows(), Cleaning(max_chars=1000, links="strip", numbers="strip"), summary)
    steps = {step: (kept, dropped) for step, kept, dropped in summary.steps}
    assert steps["at most 1000 characters"] == (5, 1) and steps["not a duplicate"] == (4, 1)
    text = json.dumps(cleaned)
    assert "https" not in text and "3 in 4" not in text and "Sarah" not in text and "[name]" in text
    kept = clean(rows(), Cleaning(max_chars=0, links="drop", numbers="keep", names=False, deduplicate=False), Summary())
    assert len(kept) == 5 and "Sarah" in json.dumps(kept)  # only the row with a link was dropped


def test_names_are_replaced_where_people_give_them() -> None:
    assert remove_names("My name is Tom. I'm sad") == "My name is [name]. I'm sad"
    assert remove_names("Hi Priya,\nthat sounds hard") == "Hi [name],\nthat sounds hard"
    assert remove_names("I told Emma about it") == "I told [name] about it"
    assert remove_names("Monday was hard. Grace under pressure.") == "Monday was hard. Grace under pressure."


def test_the_split_is_fixed_by_its_seed() -> None:
    data = [[{"role": "user", "content": str(i)}] for i in range(100)]
    train, test = split(data, HoldOut(fraction=0.1, seed=7))
    assert len(test) == 10 and len(train) == 90 and split(data, HoldOut(fraction=0.1, seed=7))[1] == test
    assert split(data, HoldOut(fraction=0.1, seed=8))[1] != test


@pytest.mark.parametrize("template", ["chatml", "none"])
def test_labels_cover_the_assistant_turns_only(template: str) -> None:
    tokenizer = make_tokenizer(None) if template == "none" else make_tokenizer()
    ensure_chat_template(tokenizer)
    messages = [{"role": "system", "content": "Be kind."}, {"role": "user", "content": "I feel lonely."},
                {"role": "assistant", "content": "What helps you relax?"}, {"role": "user", "content": "walks"},
                {"role": "assistant", "content": "Talking to a counsellor can help."}]
    encoded = encode(tokenizer, messages, 512)
    labelled = tokenizer.decode([t for t, label in zip(encoded["input_ids"], encoded["labels"], strict=True)
                                 if label != IGNORE])
    assert "What helps you relax?" in labelled and "Talking to a counsellor can help." in labelled
    assert "lonely" not in labelled and "walks" not in labelled and "Be kind" not in labelled
    with pytest.raises(FormattingError, match="no assistant tokens"):
        encode(tokenizer, messages[:3], 8)  # cut before the reply: an empty mask is refused


def test_a_tiny_run_trains_saves_a_loadable_adapter_and_resumes(tmp_path: Path, tiny_catalog_path: Path) -> None:
    from training.train import TrainingError, train

    data = tmp_path / "data.csv"
    import pandas as pd

    pd.DataFrame([{"q": q, "a": a} for q, a in QA * 4]).to_csv(data, index=False)
    catalog = load_catalog(tiny_catalog_path)
    recipe = load_recipe(write_recipe(tmp_path, data, cleaning={"max_chars": 1000, "deduplicate": False}))
    first = train(recipe, catalog)
    assert first.resumed_from is None and first.train_rows + first.test_rows == 20
    assert (recipe.out / "checkpoints" / "checkpoint-4").is_dir()
    assert {p.name for p in first.adapter.iterdir()} >= {"adapter_config.json", "adapter_model.safetensors",
                                                         "README.md", "recipe.yaml"}
    held_out = [json.loads(line) for line in (recipe.out / "test.jsonl").read_text().splitlines()]
    assert len(held_out) == 4 and held_out[0]["messages"][0] == {"role": "system", "content": "Be kind."}
    engine = Engine(catalog, max_context_tokens=256)
    key = engine.load_adapter(str(first.adapter))  # the app loads what training wrote
    assert engine.generate_batch([[{"role": "user", "content": "hi"}]], [key])

    longer = load_recipe(write_recipe(tmp_path, data, cleaning={"max_chars": 1000, "deduplicate": False},
                                      training={"max_steps": 6, "batch_size": 2, "max_length": 96, "save_steps": 2}))
    second = train(longer, catalog)
    assert second.resumed_from and second.resumed_from.endswith("checkpoint-4")
    assert (longer.out / "checkpoints" / "checkpoint-6").is_dir()

    if not torch.cuda.is_available():
        qlora = load_recipe(write_recipe(tmp_path, data, quantization="4bit"))
        with pytest.raises(TrainingError, match="needs a CUDA GPU"):
            train(qlora, catalog)


def test_qlora_on_a_packaged_base_loads_it_in_4bit_on_the_gpu(tmp_path: Path, monkeypatch) -> None:
    """A packaged (GGUF) base is converted once and then loaded like any checkpoint, so QLoRA runs on it
    too (checked on an H200 with benches/bench_cuda.py); here: what the loader is asked for."""
    import importlib.util

    from models.loading import Placement
    from training import train as train_module

    asked: list[Placement] = []

    def loader(spec, placement=Placement()):
        asked.append(placement)
        raise RuntimeError("stop before loading")

    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *a, **k: True)
    found = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: object() if name == "bitsandbytes" else found(name, *a))
    monkeypatch.setattr(train_module, "load_base", loader)
    recipe = load_recipe(write_recipe(tmp_path, tmp_path / "data.jsonl", base="smollm2-135m-instruct",
                                      quantization="4bit"))
    with pytest.raises(RuntimeError, match="stop before loading"):
        train_module.load_for_training(recipe, load_catalog())
    assert asked == [Placement("cuda", "4bit")]


def test_push_uploads_exactly_the_adapter_files_with_its_card(tmp_path: Path, capsys) -> None:
    from huggingface_hub import HfApi

    from training.publish import write_card

    folder = tmp_path / "adapter"
    folder.mkdir()
    (folder / "adapter_config.json").write_text("{}")
    (folder / "adapter_model.safetensors").write_bytes(b"weights")
    (folder / "optimizer.pt").write_bytes(b"not for the Hub")
    recipe = load_recipe(RECIPES / "report002-llama2-7b-chat.yaml")
    write_card(folder, recipe, "meta-llama/Llama-2-7b-chat-hf", "step kept dropped")
    metadata = card_metadata(folder)
    assert metadata["base_model"] == "meta-llama/Llama-2-7b-chat-hf" and metadata["library_name"] == "peft"
    assert metadata["datasets"] == ["Amod/mental_health_counseling_conversations"] and "lora" in metadata["tags"]

    assert main(["push", str(folder), "--repo", "lab/adapter", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert [line.strip() for line in out.splitlines()[1:4]] == ["adapter_config.json", "adapter_model.safetensors",
                                                               "README.md"]
    assert "optimizer.pt" not in out and "'library_name': 'peft'" in out

    class RecordingHub(HfApi):
        calls: list = []

        def create_repo(self, repo_id, **kwargs):
            self.calls.append(("create_repo", repo_id, kwargs))

        def upload_folder(self, **kwargs):
            self.calls.append(("upload_folder", kwargs))
            return type("Info", (), {"commit_url": "https://huggingface.co/lab/adapter/commit/1"})()

    hub = RecordingHub(token=False)
    assert push(folder, "lab/adapter", private=True, hf_api=hub).endswith("/commit/1")
    assert hub.calls[0] == ("create_repo", "lab/adapter", {"repo_type": "model", "private": True, "exist_ok": True})
    assert hub.calls[1][1]["allow_patterns"] == [n for n in ADAPTER_FILES if (folder / n).exists()]
    assert main(["push", str(tmp_path), "--repo", "lab/x", "--dry-run"]) == 2
    assert "not a trained adapter folder" in capsys.readouterr().err


def test_text_metrics_on_hand_made_replies() -> None:
    from training.metrics import HELP, QUESTION, distinct, share

    replies = ["you could talk to a counsellor", "what helps you relax?", "you could talk to a friend"]
    assert distinct(replies, 1) == pytest.approx(10 / 16)  # 16 words, 10 different
    assert distinct(replies, 2) == pytest.approx(9 / 13)  # 13 bigrams, 9 different
    assert share(replies, HELP) == pytest.approx(1 / 3) and share(replies, QUESTION) == pytest.approx(1 / 3)


@pytest.mark.slow
def test_evaluate_compares_the_base_and_an_adapter(tmp_path: Path, tiny_engine: Engine, capsys) -> None:
    from training.evaluate import COLUMNS, evaluate, load_test
    from training.formatting import encode, ensure_chat_template

    # The perplexity is the base's own loss on the reference answers' tokens (before any adapter is attached).
    tokenizer = tiny_engine.base.tokenizer
    ensure_chat_template(tokenizer)
    encoded = [encode(tokenizer, r, 256) for r in rows()[:4]]
    nll = tokens = 0.0
    with torch.no_grad():
        for e in encoded:
            n = sum(label != IGNORE for label in e["labels"][1:])
            loss = tiny_engine.base.model(input_ids=torch.tensor([e["input_ids"]]),
                                          labels=torch.tensor([e["labels"]])).loss
            nll, tokens = nll + float(loss) * n, tokens + n
    test_file = tmp_path / "test.jsonl"
    test_file.write_text("\n".join(json.dumps({"messages": r}) for r in rows()[:4]))
    results = evaluate(tiny_engine, ["adapter-a"], load_test(test_file), max_new_tokens=8)
    assert list(results) == ["base", "adapter-a"]
    for metrics in results.values():
        assert list(metrics) == list(COLUMNS)
        assert all(0 <= metrics[m] <= 1 for m in ("distinct_1", "distinct_2", "recommends_help", "asks_a_question"))
        assert -1 <= metrics["cosine_similarity"] <= 1 and metrics["perplexity"] > 1
    assert results["base"]["perplexity"] == pytest.approx(float(np.exp(nll / tokens)), rel=1e-4)


DIALOGUES = [
    {"messages": [{"role": "user", "content": "I feel low."}, {"role": "assistant", "content": "I'm sorry. What happened?"},
                  {"role": "user", "content": "Work."}, {"role": "assistant", "content": "Work can be a lot."}]},
    {"messages": [{"role": "user", "content": "I can't sleep."}, {"role": "assistant", "content": "That is hard."}]},
]


def test_multi_turn_dialogues_from_a_hub_dataset(tmp_path: Path, monkeypatch) -> None:
    from conftest import HUB_CACHE
    from helpers import add_to_hub_cache
    from training.data import conversations, read_table
    from training.recipe import DataSpec

    folder = tmp_path / "dataset"
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "train.jsonl").write_text("\n".join(json.dumps(d) for d in DIALOGUES))
    add_to_hub_cache(folder, "tests/tiny-dialogues", HUB_CACHE, repo_type="dataset")
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "datasets-cache"))
    spec = DataSpec(source="tests/tiny-dialogues", columns={"messages": "messages"}, system_prompt="Be kind.")
    rows = conversations(read_table(spec), spec)  # datasets.load_dataset, from the Hub cache (offline)
    assert rows[0] == [{"role": "system", "content": "Be kind."}, *DIALOGUES[0]["messages"]]
    tokenizer = make_tokenizer()
    encoded = encode(tokenizer, rows[0], 512)
    labelled = tokenizer.decode([t for t, label in zip(encoded["input_ids"], encoded["labels"], strict=True)
                                 if label != IGNORE])
    assert "What happened?" in labelled and "Work can be a lot." in labelled and "I feel low" not in labelled


def test_a_configured_ner_model_replaces_what_it_tags_as_a_person(tmp_path: Path) -> None:
    """A tiny random token-classification model: whatever spans it tags PER are what get replaced."""
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast, pipeline

    from training.data import NerNames

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "my", "name", "is", "sam", "and", "i", "feel", "low"]
    (tmp_path / "vocab.txt").write_text("\n".join(vocab))
    BertTokenizerFast(str(tmp_path / "vocab.txt")).save_pretrained(tmp_path)
    labels = {0: "O", 1: "B-PER", 2: "I-PER"}
    torch.manual_seed(4)  # this seed's random model tags two words as PER
    BertForTokenClassification(BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1,
                                          num_attention_heads=2, intermediate_size=32, id2label=labels,
                                          label2id={v: k for k, v in labels.items()})).save_pretrained(tmp_path)
    text = "my name is sam and i feel low"
    tagged = [e for e in pipeline("token-classification", model=str(tmp_path), aggregation_strategy="simple")(text)
              if e["entity_group"] == "PER"]
    expected = text
    for entity in sorted(tagged, key=lambda e: e["start"], reverse=True):
        expected = expected[:entity["start"]] + "[name]" + expected[entity["end"]:]
    assert tagged and NerNames(str(tmp_path))(text) == expected != text
    summary = Summary()
    clean([[{"role": "user", "content": text}, {"role": "assistant", "content": "ok"}]],
          Cleaning(ner_model=str(tmp_path)), summary)
    assert any(step.startswith("names replaced (") for step, _, _ in summary.steps)
