"""The Results tab: a study's figures, charts and downloads, for its operators only.

Nothing about ratings is in the page until the operator's password or Hugging Face login is
checked on the server, on every request: the endpoint behind the button refuses anyone else,
whoever calls it. Each click analyses the ratings stored so far.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import NamedTuple

import gradio as gr
import pandas as pd
from gradio.utils import get_space

from results.access import ResultsAccess
from results.analysis import RatingsError, analyse
from results.report import (AGREEMENT, agreement_table, means_table, summary_intro, summary_notes, tests_table,
                            write_report)
from survey.export import ratings_frame
from survey.serving import ServedStudy
from survey.store import Store

REFUSED = "**Wrong password, or your account is not one of this study's operators.**"
OFF = ("Results are off. An operator turns them on with `MHCHAT_RESULTS_PASSWORD` (a shared password) "
       "or `MHCHAT_RESULTS_USERS` (Hugging Face usernames, on a Space with Hugging Face login).")
TABLES = {  # name -> label above the table
    "means": "Mean rating per model, 95% intervals (n: participants who rated both models)",
    "tests": "Paired tests on each participant's mean difference, and effect sizes",
    "agreement": f"Agreement between raters ({AGREEMENT})",
}


CHARTS = {  # file -> what the chart shows, as labelled on the page
    "means.png": "Mean rating per criterion, 95% intervals",
    "per_question.png": "Mean difference per question (description, not a test)",
    "distributions.png": "How often each score was given",
}


class Shown(NamedTuple):
    """What the tab shows of a study's ratings so far; empty tables and no files when there are none."""

    summary: str
    tables: dict[str, pd.DataFrame]  # means, tests, agreement: text as shown
    notes: str
    charts: dict[str, str]  # file name -> path
    archive: str | None
    ratings: str | None


def results_for(study_id: str, store: Store) -> Shown:
    """The summary, tables, charts, report zip and ratings csv of the ratings stored so far."""
    frame = ratings_frame(store, study_id)
    if frame.empty:
        return Shown(f"Study `{study_id}` has no ratings yet.", {}, "", {}, None, None)
    try:
        figures = analyse(frame)
    except RatingsError as error:
        return Shown(f"The ratings of `{study_id}` cannot be analysed yet: {error}", {}, "", {}, None, None)
    folder = Path(tempfile.mkdtemp(prefix=f"results-{study_id}-"))
    report = write_report(figures, frame, folder / "report", f"Results: {study_id}")
    ratings = folder / f"{study_id}-ratings.csv"
    frame.to_csv(ratings, index=False)
    archive = shutil.make_archive(str(folder / f"{study_id}-report"), "zip", report.parent)
    tables = {"means": means_table(figures), "tests": tests_table(figures), "agreement": agreement_table(figures)}
    charts = {name: str(report.parent / name) for name in CHARTS}
    return Shown(summary_intro(figures), tables, summary_notes(figures), charts, archive, str(ratings))


def build_results_tab(studies: dict[str, ServedStudy], store: Store, access: ResultsAccess) -> None:
    if not access.enabled:
        gr.Markdown(OFF, elem_id="results-off")
        return
    gr.Markdown("For the study's operators. Each click analyses the ratings stored so far."
                + ("" if access.password or get_space() else
                   " Hugging Face login works on a Space; here, set `MHCHAT_RESULTS_PASSWORD`."))
    with gr.Row():
        study = gr.Dropdown(sorted(studies), value=next(iter(sorted(studies)), None), label="Study", scale=2)
        password = gr.Textbox(label="Operators' password", type="password", scale=2,
                              visible=bool(access.password), elem_id="results-password")
        if access.users and get_space():  # Hugging Face login exists on Spaces only
            gr.LoginButton(scale=1)
        show = gr.Button("Show results", variant="primary", scale=1, elem_id="results-show")
    summary = gr.Markdown(elem_id="results-summary")
    # Gradio's own tables, not Markdown ones: Markdown lets a cell break anywhere in a word when the table is
    # wider than the page ("criterio / n"). A Dataframe without `wrap` keeps each cell on one line and scrolls
    # sideways when the page is too narrow. The headline figures are two tables, so that each fits a 1,280 px
    # page with room for long model keys.
    tables = {name: gr.Dataframe(label=label, interactive=False, max_height=900, visible=False,
                                 elem_id=f"results-{name}", elem_classes="results-table")
              for name, label in TABLES.items()}
    notes = gr.Markdown(elem_id="results-notes")
    # Each chart at the page's width (not a gallery's thumbnails): readable where it is, without opening it.
    with gr.Row(equal_height=True):
        charts = {name: gr.Image(label=CHARTS[name], type="filepath", interactive=False, visible=False,
                                 buttons=["download", "fullscreen"], elem_classes="results-chart",
                                 elem_id=f"results-chart-{name.removesuffix('.png').replace('_', '-')}")
                  for name in ("means.png", "per_question.png")}
    charts["distributions.png"] = gr.Image(label=CHARTS["distributions.png"], type="filepath", interactive=False,
                                           visible=False, buttons=["download", "fullscreen"],
                                           elem_classes="results-chart", elem_id="results-chart-distributions")
    with gr.Row():
        report = gr.File(label="Report (zip)", visible=False)
        ratings = gr.File(label="Ratings (csv)", visible=False)

    def show_results(study_id: str, given: str, profile: gr.OAuthProfile | None):
        hidden = gr.update(visible=False, value=None)
        if not access.allows(given, profile.username if profile else None):
            return REFUSED, *[hidden] * len(TABLES), "", *[hidden] * len(CHARTS), hidden, hidden
        shown = results_for(study_id, store)
        return (shown.summary,
                *[gr.update(visible=name in shown.tables, value=shown.tables.get(name)) for name in TABLES],
                shown.notes,
                *[gr.update(visible=name in shown.charts, value=shown.charts.get(name)) for name in charts],
                gr.update(visible=shown.archive is not None, value=shown.archive),
                gr.update(visible=shown.ratings is not None, value=shown.ratings))

    show.click(show_results, [study, password], [summary, *tables.values(), notes, *charts.values(), report, ratings],
               api_visibility="private")
