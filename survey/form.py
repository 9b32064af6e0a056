"""What gives a model away by the form of its answers, not their content.

Raters see both answers side by side. When one model's answers are always longer, split into
paragraphs or lists, end mid-sentence or talk about themselves as a person, raters can tell the
models apart without judging quality, and the study measures that tell instead. `survey build`
ends every answer at a sentence end (`fit`), measures these tells per model (`measure`), flags
the single answers a reviewer should read (`answer_flags`), and warns when the models differ
by more than the thresholds below, naming the remedy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import roc_auc_score

# Warn above these: length alone tells the models apart this well (0.5: not at all, 1: always) ...
LENGTH_AUC_WARN = 0.65
# ... or the share of answers with a form differs between the models by more than this.
SHARE_GAP_WARN = 0.3
# An answer is a length outlier outside Tukey's fences: this many interquartile ranges beyond the
# quartiles of all the study's answers (too long or too short for the study, whichever model).
LENGTH_OUTLIER_IQR = 1.5

# How an answer ends once fitted: as generated, cut back to its last sentence end, or without
# any sentence end within its budget (kept as generated, or cut at a word: either way truncated).
WHOLE, CUT, TRUNCATED = "whole", "cut", "truncated"

# ".", "!", "?" (or "…"), possibly followed by closing quotes, brackets or Markdown emphasis, then a
# space or the end.
SENTENCE_END = re.compile(r"""[.!?…]+["'”’)\]*_]*(?=\s|$)""")
# What ends in a full stop without ending a sentence: a list number or letter ("2.") and a few
# abbreviations that come before a word.
NOT_AN_END = re.compile(r"(?:^|\n)\s*(?:\d{1,3}|[a-z])$|\b(?:e\.g|i\.e|dr|mr|mrs|ms|vs|st)$", re.IGNORECASE)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
LIST_MARKER = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+", re.MULTILINE)
# The answer speaking of itself as a person or an AI: a person would read it as a claim of
# experience, and a model that does it more often than the other is recognisable. Kept small.
SELF_REFERENCE = re.compile(
    r"\bas an? (?:ai|artificial intelligence|language model|chatbot|assistant)\b"
    r"|\bi(?:'m| am) (?:just |only |not |also )?an? (?:\w+ )?"
    r"(?:ai|bot|chatbot|assistant|language model|machine|human|person|friend|therapist|counsel+or|"
    r"psychologist|doctor|coach)\b"
    r"|\bin my (?:own )?experience\b|\bmy own\b|\bwhen i was\b|\bi(?:'ve| have) been (?:there|through)\b",
    re.IGNORECASE)
# Names that tell a participant which model (or whose model) wrote an answer.
SELF_NAMING = re.compile(
    r"\b(smol\s?lm\w*|llama[\w.-]*|chat\s?gpt|gpt-?[\d.]+\w*|bloomz?|claude|mistral|gemma|qwen\w*|"
    r"phi-\d\w*|hugging\s?face|open\s?ai|anthropic|meta\s+ai|deepmind|bigscience)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Fitted:
    text: str
    ending: str  # WHOLE, CUT or TRUNCATED


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end (closing quotes and brackets included)."""
    return [m.end() for m in SENTENCE_END.finditer(text) if not NOT_AN_END.search(text[:m.start()])]


def fit(text: str, budget: int = 0) -> Fitted:
    """The answer ended at its last sentence end within `budget` characters (0: no budget), so that
    no answer stops mid-sentence where generation hit max_new_tokens and both models' answers fit
    one shared length. Without a sentence end in reach the answer is kept (cut at a word to fit a
    budget) and counts as truncated, to be reported and reviewed."""
    text = text.strip()
    if not text:
        return Fitted(text, WHOLE)
    ends = [end for end in sentence_ends(text) if not budget or end <= budget]
    if ends and ends[-1] == len(text):
        return Fitted(text, WHOLE)
    if ends:
        return Fitted(text[:ends[-1]], CUT)
    if budget and len(text) > budget:
        head = text[:budget]
        if not text[budget].isspace() and any(c.isspace() for c in head):
            head = head.rsplit(None, 1)[0]
        return Fitted(head.rstrip(), TRUNCATED)
    return Fitted(text, TRUNCATED)


def multi_paragraph(text: str) -> bool:
    return bool(PARAGRAPH_BREAK.search(text.strip()))


def has_list(text: str) -> bool:
    return bool(LIST_MARKER.search(text))


def self_reference(text: str) -> str:
    """The first phrase in which the answer talks about itself as a person or an AI, or ""."""
    found = SELF_REFERENCE.search(text.replace("’", "'"))
    return found.group(0) if found else ""


def length_auc(first: Sequence[int], second: Sequence[int]) -> float:
    """How well length alone tells the two models' answers apart: the ROC AUC of length as a
    one-feature classifier, symmetrised (max(auc, 1 - auc)), so 0.5 is no tell and 1.0 a perfect one."""
    if not first or not second:
        return 0.5
    auc = float(roc_auc_score([0] * len(first) + [1] * len(second), [*first, *second]))
    return max(auc, 1 - auc)


def length_fences(lengths: Sequence[int]) -> tuple[float, float]:
    """Tukey's fences over all the study's answer lengths: outside them an answer is an outlier."""
    if not lengths:
        return 0.0, float("inf")
    low, high = np.percentile(lengths, [25, 75])
    spread = LENGTH_OUTLIER_IQR * (high - low)
    return float(low - spread), float(high + spread)


def answer_flags(text: str, ending: str, fences: tuple[float, float]) -> list[str]:
    """What a reviewer should read this answer for, before participants do."""
    flags = ["empty"] if not text.strip() else []
    if ending == TRUNCATED:
        flags.append("truncated (no sentence end)")
    flags += [f"names a model ({name!r})" for name in sorted({m.group(0) for m in SELF_NAMING.finditer(text)})]
    if phrase := self_reference(text):
        flags.append(f"talks about itself ({phrase!r})")
    if text.strip() and not fences[0] <= len(text) <= fences[1]:
        flags.append(f"length outlier ({len(text)} characters)")
    return flags


@dataclass(frozen=True)
class ModelForm:
    """One model's answers, as shares of its answers (means of yes/no) and a mean length."""

    model: str
    answers: int
    mean_characters: float
    multi_paragraph: float
    lists: float
    cut: float  # ended at the token limit or the budget mid-sentence; cut back to a sentence end
    truncated: float  # no sentence end in reach
    self_reference: float


@dataclass(frozen=True)
class FormReport:
    models: tuple[ModelForm, ModelForm]
    length_ratio: float  # the longer model's mean length over the shorter's
    length_auc: float
    warnings: tuple[str, ...]

    def lines(self) -> list[str]:
        """A small table for the build's output."""
        head = f"  {'model':<20} {'answers':>7} {'mean chars':>10} {'paragraphs':>10} {'lists':>6} " \
               f"{'cut':>6} {'truncated':>9} {'self-ref':>8}"
        rows = [f"  {m.model[:20]:<20} {m.answers:>7} {m.mean_characters:>10.0f} {m.multi_paragraph:>10.2f} "
                f"{m.lists:>6.2f} {m.cut:>6.2f} {m.truncated:>9.2f} {m.self_reference:>8.2f}" for m in self.models]
        longer, shorter = sorted(self.models, key=lambda m: -m.mean_characters)
        return ["form of the answers (what could tell the models apart):", head, *rows,
                (f"  length: {longer.model}'s answers are {self.length_ratio:.2f}x as long as {shorter.model}'s; "
                 f"AUC of length alone {self.length_auc:.2f} (warn above {LENGTH_AUC_WARN})")]


def measure(answers: dict[str, list[tuple[str, str]]]) -> FormReport:
    """The form report of two models' answers: {model key: [(text, ending), ...]}."""
    lengths = {model: [len(text) for text, _ in rows] for model, rows in answers.items()}
    forms = tuple(_model_form(model, rows) for model, rows in answers.items())
    shorter, longer = sorted(forms, key=lambda f: f.mean_characters)
    suggested = max(50, int(np.median(lengths[shorter.model]) // 50 * 50))  # a starting point for the budget
    auc = length_auc(*lengths.values())
    return FormReport(forms, longer.mean_characters / max(shorter.mean_characters, 1.0), auc,
                      tuple(_warnings(forms, auc, suggested)))


def _model_form(model: str, rows: list[tuple[str, str]]) -> ModelForm:
    texts, endings = [text for text, _ in rows], [ending for _, ending in rows]

    def share(values) -> float:
        return float(np.mean([bool(v) for v in values]))

    return ModelForm(model=model, answers=len(rows), mean_characters=float(np.mean([len(t) for t in texts])),
                     multi_paragraph=share(map(multi_paragraph, texts)), lists=share(map(has_list, texts)),
                     cut=share(e == CUT for e in endings), truncated=share(e == TRUNCATED for e in endings),
                     self_reference=share(map(self_reference, texts)))


REGENERATE = "or rebuild with --regenerate-outliers (the flagged answers again, with later seeds)"


def _warnings(forms: tuple[ModelForm, ModelForm], auc: float, suggested: int) -> list[str]:
    warnings = []
    if auc > LENGTH_AUC_WARN:
        warnings.append(
            f"length alone tells the models apart (AUC {auc:.2f} > {LENGTH_AUC_WARN}): set a shared length budget "
            f"in the study file (max_answer_characters: {suggested}, the shorter model's median; both models' "
            f"answers are then cut at their last sentence end within it) {REGENERATE}")
    for label, attribute in (("more than one paragraph", "multi_paragraph"), ("list markers", "lists"),
                             ("self-reference", "self_reference"), ("no sentence end", "truncated")):
        a, b = (getattr(f, attribute) for f in forms)
        if abs(a - b) > SHARE_GAP_WARN:
            warnings.append(
                f"answers with {label}: {forms[0].model} {a:.0%}, {forms[1].model} {b:.0%} (differ by more than "
                f"{SHARE_GAP_WARN:.0%}): give both models the same instruction on form, or a max_answer_characters "
                f"budget, {REGENERATE}")
    return warnings
