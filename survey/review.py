"""The review sheet a researcher reads before participants do, and publishing, which needs it read.

`survey build` writes <study>.review.csv beside the responses (and <study>.review.html to read):
one row per question with both answers side by side, what each answer is flagged for (unsafe per
the reply screen, truncated, names a model, talks about itself, length outlier; survey/form.py),
and a `reviewed` column for the researcher (blank): `yes` once read, or `regenerate` (every answer
of the row) or `regenerate MODEL_KEY ...` for an answer that is wrong or unfit though nothing
flagged it, which the next `survey build` generates again with the next seed. A rebuild keeps the
mark of every row whose answers did not change. `python -m survey publish STUDY.yaml` refuses a study with a flagged
answer whose row is not marked (REVIEWED_MARKS), and otherwise records in the responses file that
exactly these answers were published, which the app's serving checks (`is_published`).
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import time
from dataclasses import dataclass, replace
from pathlib import Path

from survey.form import answer_flags, length_fences
from survey.study import Question, Study

REVIEWED_MARKS = frozenset({"yes", "y", "x", "reviewed"})  # what counts as marked, in any case
REGENERATE_MARK = "regenerate"  # then the model keys whose answers to generate again (none: all of the row's)


@dataclass(frozen=True)
class ReviewRow:
    question: Question
    answers: dict[str, str]  # model key -> answer
    flags: dict[str, list[str]]  # model key -> what to read it for
    reviewed: str = ""


def review_path(study: Study, suffix: str = ".csv") -> Path:
    if study.path is None:
        raise ValueError("a study loaded from a file is needed to find its review sheet")
    return study.path.with_name(f"{study.path.stem}.review{suffix}")


def review_rows(study: Study, responses: dict[str, dict[str, str]], endings: dict[str, dict[str, str]],
                unsafe: dict[tuple[str, str], list[str]] | None = None) -> list[ReviewRow]:
    """One row per question, flags computed from the answers themselves (never read from a sheet)."""
    fences = length_fences([len(text) for answers in responses.values() for text in answers.values()])
    unsafe = unsafe or {}
    rows = []
    for question in study.questions:
        answers = {key: responses[question.id][key] for key in study.model_keys}
        flags = {}
        for key, text in answers.items():
            reasons = unsafe.get((question.id, key))
            flags[key] = ([f"unsafe ({'; '.join(reasons)})"] if reasons else []) + \
                answer_flags(text, endings[question.id][key], fences)
        rows.append(ReviewRow(question, answers, flags))
    return rows


def write_sheet(study: Study, rows: list[ReviewRow]) -> Path:
    """The CSV and its HTML copy; a row keeps its earlier `reviewed` mark while both its answers are unchanged."""
    earlier = read_sheet(study)
    rows = [replace(row, reviewed=earlier[row.question.id].get("reviewed", ""))
            if _same_answers(study, row, earlier.get(row.question.id)) else row for row in rows]
    path = review_path(study)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(_header(study))
        for row in rows:
            cells = [cell for key in study.model_keys for cell in (row.answers[key], "; ".join(row.flags[key]))]
            writer.writerow([row.question.id, row.question.text, *cells, row.reviewed])
    review_path(study, ".html").write_text(_html(study, rows), encoding="utf-8")
    return path


def read_sheet(study: Study) -> dict[str, dict[str, str]]:
    """{question id: the row's cells by column name}; {} when there is no sheet yet."""
    try:
        with review_path(study).open(encoding="utf-8-sig", newline="") as source:
            return {row.get("question", ""): {k: v or "" for k, v in row.items()} for row in csv.DictReader(source)}
    except FileNotFoundError:
        return {}


def marked_for_regeneration(study: Study, responses: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    """(question id, model key) of each answer the sheet marks `regenerate`, while the row still shows
    the answers built now. A mark naming a model the study does not have is an error, not ignored."""
    marked, sheet = [], read_sheet(study)
    for question in study.questions:
        cells = sheet.get(question.id)
        words = (cells or {}).get("reviewed", "").replace(",", " ").split()
        if not words or words[0].lower() != REGENERATE_MARK or not all(
                cells.get(f"answer {key}") == responses.get(question.id, {}).get(key) for key in study.model_keys):
            continue
        unknown = sorted(set(words[1:]) - set(study.model_keys))
        if unknown:
            raise ValueError(f"{review_path(study).name}, question {question.id!r}: no model {', '.join(unknown)} "
                             f"in this study (it has {', '.join(study.model_keys)})")
        marked += [(question.id, key) for key in (words[1:] or study.model_keys)]
    return marked


def unreviewed(study: Study, rows: list[ReviewRow]) -> list[str]:
    """'question / model: flags' of each flagged answer the sheet does not mark as reviewed."""
    sheet = read_sheet(study)
    missing = []
    for row in rows:
        cells = sheet.get(row.question.id)
        marked = _same_answers(study, row, cells) and cells.get("reviewed", "").strip().lower() in REVIEWED_MARKS
        missing += [f"{row.question.id} / {key}: {'; '.join(flags)}" for key, flags in row.flags.items()
                    if flags and not marked]
    return missing


def _answers_digest(responses: dict[str, dict[str, str]]) -> str:
    return hashlib.sha256(json.dumps(responses, sort_keys=True).encode()).hexdigest()[:16]


def publication(responses: dict[str, dict[str, str]]) -> dict:
    """What the responses file records once its answers are published: when, and which answers."""
    return {"at": time.time(), "answers": _answers_digest(responses)}


def is_published(saved: dict) -> bool:
    """Whether a responses file's answers are the ones published (a rebuild that changes them unpublishes)."""
    return (saved.get("published") or {}).get("answers") == _answers_digest(saved.get("responses") or {})


def _header(study: Study) -> list[str]:
    return ["question", "question text", *[f"{c} {key}" for key in study.model_keys for c in ("answer", "flags")],
            "reviewed"]


def _same_answers(study: Study, row: ReviewRow, cells: dict[str, str] | None) -> bool:
    """Whether the sheet's row shows these answers (whitespace aside: spreadsheets rewrite line ends)."""
    return cells is not None and all(
        " ".join(cells.get(f"answer {key}", "").split()) == " ".join(row.answers[key].split())
        for key in study.model_keys)


def _html(study: Study, rows: list[ReviewRow]) -> str:
    head = "".join(f"<th>{html.escape(key)}</th>" for key in study.model_keys)
    body = "".join(
        f"<tr><td><b>{html.escape(row.question.id)}</b><br>{html.escape(row.question.text)}</td>"
        + "".join(f"<td><div class=answer>{html.escape(row.answers[key])}</div>"
                  + "".join(f"<p class=flag>{html.escape(flag)}</p>" for flag in row.flags[key]) + "</td>"
                  for key in study.model_keys)
        + f"<td>{html.escape(row.reviewed)}</td></tr>\n" for row in rows)
    return (f"<!doctype html><meta charset=utf-8><title>Review: {html.escape(study.id)}</title>\n"
            "<style>body{font-family:sans-serif}td{vertical-align:top;border-top:1px solid #ccc;padding:6px}"
            ".answer{white-space:pre-wrap;max-width:40em}.flag{color:#a00;font-weight:bold}</style>\n"
            f"<h1>Review: {html.escape(study.title)}</h1><p>Mark each flagged row <code>yes</code> in the "
            f"<code>reviewed</code> column of {html.escape(review_path(study).name)} once you have read it; "
            "this page is a copy to read.</p>\n"
            f"<table><tr><th>Question</th>{head}<th>Reviewed</th></tr>\n{body}</table>\n")
