"""How long the app and the screening command take to start, against bare imports in the same run.

    python benches/bench_start.py [--port 7877]

Three starts, each in a new process: `python app.py` with an empty cache (a new HOME, so the
packaged base is dequantised again) until its page answers; the same again with that cache (a
warm start); and `python -m safety screen` until it answers its first JSON line. The baseline is
`python -c "import gradio, transformers, torch"`, what any start pays before the app's own work.
Targets (issue 29, 2 CPU cores): cold <= 90 s, warm <= 20 s, first screened line <= 10 s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"cold start": 90.0, "warm start": 20.0, "first screened line": 10.0}


def _seconds(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def _app_start(env: dict[str, str], port: int) -> float:
    """Seconds until the page answers; the app is then stopped."""
    start = time.perf_counter()
    app = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env={**env, "GRADIO_SERVER_PORT": str(port)},
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while app.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as page:
                    if page.status == 200:
                        return time.perf_counter() - start
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"app.py exited with {app.returncode} before serving")
    finally:
        app.terminate()
        app.wait(timeout=30)


def _first_screened_line(env: dict[str, str]) -> float:
    line = json.dumps({"messages": [{"role": "user", "content": "i can't stop thinking about ending it"}]})
    start = time.perf_counter()
    screening = subprocess.Popen([sys.executable, "-m", "safety", "screen"], cwd=ROOT, env=env, text=True,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    screening.stdin.write(line + "\n")
    screening.stdin.flush()
    screening.stdout.readline()
    elapsed = time.perf_counter() - start
    screening.stdin.close()
    screening.wait(timeout=30)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=7877)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home, "HF_HUB_OFFLINE": "1"}
        env.pop("MHCHAT_CACHE_DIR", None)
        env.pop("HF_HOME", None)
        baseline = _seconds([sys.executable, "-c", "import gradio, transformers, torch"], env)
        measured = {"cold start": _app_start(env, args.port), "warm start": _app_start(env, args.port),
                    "first screened line": _first_screened_line(env)}
    print(f"baseline (import gradio, transformers, torch): {baseline:.1f} s")
    for name, seconds in measured.items():
        print(f"{name:20} {seconds:6.1f} s  {seconds / baseline:5.1f}x baseline  target <= {TARGETS[name]:.0f} s")


if __name__ == "__main__":
    main()
