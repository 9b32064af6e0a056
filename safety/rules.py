"""The crisis screen's rules, read from data (safety/data/screening_rules.yaml): shared words are
substituted where a pattern names them as ${NAME}, and each pattern compiles to one regular expression
matching any of its alternatives. Adding or changing a wording touches no code."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from models.yaml_files import read_mapping

DATA = Path(__file__).with_name("data")
RULES_FILE = DATA / "screening_rules.yaml"
# Phrases of risk in other languages, by level and language.
PHRASES = read_mapping(DATA / "screening_phrases.yaml", ValueError)
_NAME = re.compile(r"\$\{(\w+)\}")


def _substituted(text: str, words: dict[str, str], path: Path) -> str:
    def word(found: re.Match[str]) -> str:
        if found.group(1) not in words:
            raise ValueError(f"{path}: ${{{found.group(1)}}} names no word defined before it")
        return words[found.group(1)]
    return _NAME.sub(word, text)


def _alternatives(items: list, words: dict[str, str], path: Path) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):  # {other_languages: LEVEL}
            out += [phrase for phrases in PHRASES[item["other_languages"]].values() for phrase in phrases]
        else:
            out.append(_substituted(str(item), words, path))
    return out


def load_rules(path: Path = RULES_FILE) -> SimpleNamespace:
    """Every pattern of the file, compiled, as an attribute by its name (RULES.IDEATION)."""
    raw = read_mapping(path, ValueError)
    words: dict[str, str] = {}
    for name, text in raw["words"].items():
        words[name] = _substituted(str(text), words, path)
    return SimpleNamespace(**{name: re.compile("|".join(f"(?:{p})" for p in _alternatives(items, words, path)))
                              for name, items in raw["patterns"].items()})


RULES = load_rules()


def without_idioms(text: str) -> str:
    """Normalised text with its idioms taken out ("this job is killing me" is no evidence of risk);
    the learned screen reads messages this way, in training and in use."""
    return RULES.IDIOM.sub(" ", text)
