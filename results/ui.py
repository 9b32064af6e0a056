"""The Results tab: a study's figures, charts and downloads, for its operators only.

Nothing about ratings is in the page until the operator's password or Hugging Face login is
checked on the server, on every request: the endpoint behind the button refuses anyone else,
whoever calls it. Each click analyses the ratings stored so far.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import gradio as gr
from gradio.utils import get_space

from results.access import ResultsAccess
from results.analysis import RatingsError, analyse
from results.report import summary_text, write_report
from survey.export import ratings_frame
from survey.serving import ServedStudy
from survey.store import Store

REFUSED = "**Wrong password, or your account is not one of this study's operators.**"
OFF = ("Results are off. An operator turns them on with `MHCHAT_RESULTS_PASSWORD` (a shared password) "
       "or `MHCHAT_RESULTS_USERS` (Hugging Face usernames, on a Space with Hugging Face login).")


def results_for(study_id: str, store: Store) -> tuple[str, list[str], str | None, str | None]:
    """(summary, chart files, report zip, ratings csv) of the ratings stored so far."""
    frame = ratings_frame(store, study_id)
    if frame.empty:
        return f"Study `{study_id}` has no ratings yet.", [], None, None
    try:
        figures = analyse(frame)
    except RatingsError as error:
        return f"The ratings of `{study_id}` cannot be analysed yet: {error}", [], None, None
    folder = Path(tempfile.mkdtemp(prefix=f"results-{study_id}-"))
    report = write_report(figures, frame, folder / "report", f"Results: {study_id}")
    ratings = folder / f"{study_id}-ratings.csv"
    frame.to_csv(ratings, index=False)
    archive = shutil.make_archive(str(folder / f"{study_id}-report"), "zip", report.parent)
    charts = [str(report.parent / name) for name in ("means.png", "distributions.png", "per_question.png")]
    return summary_text(figures), charts, archive, str(ratings)


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
    charts = gr.Gallery(label="Charts", columns=3, height="auto", object_fit="contain", visible=False)
    with gr.Row():
        report = gr.File(label="Report (zip)", visible=False)
        ratings = gr.File(label="Ratings (csv)", visible=False)

    def show_results(study_id: str, given: str, profile: gr.OAuthProfile | None):
        if not access.allows(given, profile.username if profile else None):
            hidden = gr.update(visible=False, value=None)
            return REFUSED, hidden, hidden, hidden
        text, files, archive, table = results_for(study_id, store)
        return (text, gr.update(visible=bool(files), value=files),
                gr.update(visible=archive is not None, value=archive),
                gr.update(visible=table is not None, value=table))

    show.click(show_results, [study, password], [summary, charts, report, ratings], api_visibility="private")
