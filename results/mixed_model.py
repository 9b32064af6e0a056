"""The robustness check: a linear mixed model of the scores (statsmodels MixedLM).

score ~ second model, with crossed random effects: per participant an intercept (leniency)
and a slope for the model (their own preference), per question an intercept (difficulty).
The model effect is tested against the spread of preferences, as the paired tests are.
statsmodels fits crossed effects as variance components of one group, whose cost grows
quickly with participants, so studies larger than MAX_PARTICIPANTS are fitted on a seeded
random subset of them, and say so.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

MAX_PARTICIPANTS = 40


def mixed_model(rows: pd.DataFrame, models: list[str], seed: int = 2026) -> dict:
    participants = rows["participant"].unique()
    out: dict = {"effect": None, "ci": None, "p": None, "n_participants": 0, "n_ratings": 0, "note": ""}
    if len(participants) < 3:
        out["note"] = f"too little data: {len(participants)} participant(s); the mixed model needs at least 3"
        return out
    if len(participants) > MAX_PARTICIPANTS:
        chosen = np.random.default_rng(seed).choice(participants, MAX_PARTICIPANTS, replace=False)
        rows = rows[rows["participant"].isin(chosen)]
        out["note"] = f"fitted on a random {MAX_PARTICIPANTS} of {len(participants)} participants"
    data = rows.assign(second=(rows["model"] == models[1]).astype(float), everyone=1)
    components = {"participant": "0 + C(participant)", "preference": "0 + C(participant):second"}
    if data["question"].nunique() > 1:
        components["question"] = "0 + C(question)"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # convergence chatter; reported below in words
            fit = smf.mixedlm("score ~ second", data, groups="everyone", vc_formula=components).fit(method=["lbfgs"])
    except (ValueError, np.linalg.LinAlgError) as error:
        out["note"] = f"the mixed model could not be fitted: {error}"
        return out
    low, high = fit.conf_int().loc["second"]
    out.update(effect=float(fit.params["second"]), ci=[float(low), float(high)], p=float(fit.pvalues["second"]),
               n_participants=int(data["participant"].nunique()), n_ratings=len(data))
    if not fit.converged:
        out["note"] = (out["note"] + "; " if out["note"] else "") + "did not converge: read it with care"
    if any(np.isnan(v) for v in (out["effect"], out["p"])):
        out.update(effect=None, ci=None, p=None, note="the mixed model gave no estimate (too little variation)")
    return out
