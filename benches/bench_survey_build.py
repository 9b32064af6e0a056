"""Building a study's answers: `survey build` (both models in the same batches) against one answer
at a time, on the packaged SmolLM2 base, in the same run.

    python benches/bench_survey_build.py [--questions 8] [--tokens 48] [--repeats 2]

The two models are the base and a LoRA adapter on it (random small weights), so every batch
mixes adapters the way a real study does. Each answer is forced to exactly --tokens new tokens,
so both rows do the same work; rows are interleaved and each is the median of --repeats runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from random_lora import make_adapter  # noqa: E402
from models.catalog import load_catalog  # noqa: E402
from models.engine import Engine  # noqa: E402
from survey.build import BATCH_SIZE, build, responses_path  # noqa: E402
from survey.database import Database  # noqa: E402
from survey.serving import DEFAULT_STUDIES  # noqa: E402
from survey.store import Store  # noqa: E402
from survey.study import Study, load_study  # noqa: E402


def bench_study(folder: Path, adapter: Path, questions: int, tokens: int) -> Study:
    """The default study's first questions, the base against a random adapter, fixed answer length."""
    raw = yaml.safe_load((DEFAULT_STUDIES / "default.yaml").read_text())
    raw["id"], raw["questions"] = "bench-build", raw["questions"][:questions]
    raw["questions_per_participant"] = 0
    generation = {"temperature": 0.7, "top_p": 0.9, "max_new_tokens": tokens, "min_new_tokens": tokens}
    raw["models"][1]["adapter"] = str(adapter)
    for model in raw["models"]:
        model["generation"] = generation
    path = folder / "bench-build.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    return load_study(path)


def one_by_one(engine: Engine, study: Study) -> int:
    """Every (question, model) answer in its own generate call: what a simple loop would do."""
    for question in study.questions:
        for model in study.models:
            conversation = [{"role": "system", "content": model.system_prompt},
                            {"role": "user", "content": question.text}]
            engine.generate_batch([conversation], [model.adapter or ""], model.generation, batch_size=1)
    return len(study.questions) * 2


def batched(engine: Engine, study: Study, store: Store, batch_size: int) -> int:
    """`survey build` itself; the stored answers are removed first so that it generates again."""
    responses_path(study).unlink(missing_ok=True)
    return build(study, engine.catalog, store, engine_for=lambda base: engine, batch_size=batch_size).generated


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=8)
    parser.add_argument("--tokens", type=int, default=48)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp())
    engine = Engine(load_catalog())
    engine.load()
    study = bench_study(scratch, make_adapter(engine, scratch / "adapter", seed=1), args.questions, args.tokens)
    store = Store(Database(f"sqlite:///{scratch / 'ratings.sqlite3'}"))
    rows = {"one answer at a time": lambda: one_by_one(engine, study),
            f"survey build (batches of {args.batch_size}, mixed)": lambda: batched(engine, study, store,
                                                                                  args.batch_size)}
    rows[next(iter(rows))]()  # warm-up: loads the adapter, fills caches
    seconds: dict[str, list[float]] = {name: [] for name in rows}
    answers = 0
    for _ in range(args.repeats):
        for name, run in rows.items():
            start = time.perf_counter()
            answers = run()
            seconds[name].append(time.perf_counter() - start)

    baseline = statistics.median(seconds[next(iter(rows))])
    print(f"\n{answers} answers ({args.questions} questions x 2 models), {args.tokens} new tokens each, "
          f"median of {args.repeats}")
    print(f"{'path':36} {'seconds':>8} {'answers/s':>10} {'tokens/s':>9} {'x one-by-one':>13}")
    for name, runs in seconds.items():
        median = statistics.median(runs)
        print(f"{name:36} {median:8.1f} {answers / median:10.2f} {answers * args.tokens / median:9.1f} "
              f"{baseline / median:13.2f}")


if __name__ == "__main__":
    main()
