"""Builders for the tests: a tiny Llama with its own tokenizer, random LoRA adapters, and a
Hugging Face Hub cache laid out as huggingface_hub writes it, so repo-id loading runs offline."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path
from typing import Any

import torch
import yaml
from peft import LoraConfig, get_peft_model
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

CHATML = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
CORPUS = [
    "I feel anxious about my exams and I cannot sleep at night.",
    "It sounds like you are carrying a lot right now. What helps you relax?",
    "Talking to a counsellor or someone you trust can really help.",
    "My friend stopped talking to me and I feel lonely and sad.",
    "Breathing slowly, going for a walk and writing your thoughts down may ease the worry.",
] * 20


def make_tokenizer(chat_template: str | None = CHATML) -> PreTrainedTokenizerFast:
    raw = Tokenizer(models.BPE(unk_token="<unk>"))
    raw.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    raw.decoder = decoders.ByteLevel()
    specials = ["<unk>", "<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    raw.train_from_iterator(CORPUS, trainers.BpeTrainer(
        vocab_size=400, special_tokens=specials, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=raw, unk_token="<unk>", eos_token="<|im_end|>", bos_token="<|endoftext|>",
        pad_token="<|endoftext|>", additional_special_tokens=["<|im_start|>"])
    tokenizer.chat_template = chat_template
    return tokenizer


def make_tiny_llama(folder: Path, name_or_path: str, seed: int = 0,
                    chat_template: str | None = CHATML) -> Path:
    tokenizer = make_tokenizer(chat_template)
    config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64,
                         num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                         max_position_embeddings=256, eos_token_id=tokenizer.eos_token_id,
                         pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id)
    torch.manual_seed(seed)
    model = LlamaForCausalLM(config)
    model.config._name_or_path = name_or_path
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def make_lora_adapter(base_folder: Path, folder: Path, base_name: str, seed: int,
                      targets: tuple[str, ...] = ("q_proj", "v_proj")) -> Path:
    """A LoRA adapter with random (non-zero) weights, so its output differs from the base."""
    torch.manual_seed(seed)
    base = LlamaForCausalLM.from_pretrained(base_folder)
    config = LoraConfig(r=4, lora_alpha=16, target_modules=list(targets), init_lora_weights=False,
                        task_type="CAUSAL_LM")
    model = get_peft_model(base, config)
    with torch.no_grad():
        for name, param in model.named_parameters():
            if "lora_" in name:
                param.normal_(0, 0.5)
    model.peft_config["default"].base_model_name_or_path = base_name
    model.save_pretrained(folder)
    return folder


def add_to_hub_cache(folder: Path, repo_id: str, cache: Path, ref: str | None = "main",
                     repo_type: str = "model") -> str:
    """Store a folder as one commit of `repo_id` (a model or dataset repo) in a Hub cache; returns the commit."""
    repo = cache / f"{repo_type}s--{repo_id.replace('/', '--')}"
    commit = secrets.token_hex(20)
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = file.read_bytes()
        blob = repo / "blobs" / hashlib.sha256(data).hexdigest()
        blob.parent.mkdir(parents=True, exist_ok=True)
        blob.write_bytes(data)
        link = repo / "snapshots" / commit / file.relative_to(folder)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(Path("../" * len(file.relative_to(folder).parts)) / ".." / "blobs" / blob.name)
    if ref:
        (repo / "refs").mkdir(parents=True, exist_ok=True)
        (repo / "refs" / ref).write_text(commit)
    return commit


# Arm keys no page text would contain by chance, so blinding tests can search for them.
ARM_KEYS = ("arm-alpha-7f3", "arm-beta-2c9")


def write_study(folder: Path, study_id: str = "tiny-study", questions: int = 6, **fields: Any) -> Path:
    """A study of the tiny base against adapter-a (Hub cache), written as YAML."""
    study = {
        "id": study_id,
        "title": "Tiny study",
        "models": [
            {"key": ARM_KEYS[0], "base": "tiny", "system_prompt": "You are kind.",
             "generation": {"max_new_tokens": 8, "temperature": 0.7}, "seed": 7},
            {"key": ARM_KEYS[1], "base": "tiny", "adapter": "adapter-a", "system_prompt": "You are kind.",
             "generation": {"max_new_tokens": 8, "temperature": 0.7}, "seed": 7},
        ],
        "questions": [{"id": f"q{i}", "text": f"Question number {i}?"} for i in range(1, questions + 1)],
        "consent": "Consent text.",
        "instructions": "Instructions text.",
        **fields,
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{study_id}.yaml"
    path.write_text(yaml.safe_dump(study, sort_keys=False))
    return path


def users(*texts: str) -> list[dict]:
    """A conversation of the person's turns only, as the crisis screen reads it."""
    return [{"role": "user", "content": t} for t in texts]


def publish_after_review(study) -> None:
    """What a researcher does once every answer is read: mark each row of the review sheet and publish."""
    import csv

    from survey.build import publish
    from survey.review import review_path

    sheet = review_path(study)
    rows = list(csv.DictReader(sheet.open(encoding="utf-8", newline="")))
    with sheet.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({**row, "reviewed": "yes"} for row in rows)
    assert publish(study) == []
