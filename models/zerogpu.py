"""ZeroGPU: on a Hugging Face Space with ZeroGPU hardware, CUDA exists only inside calls to
functions decorated with `spaces.GPU`; such a call runs in a forked worker process that gets
its arguments pickled. Elsewhere (no `spaces` package, or not on ZeroGPU) functions run as they are.

The project's own spaces/ folder has no __init__.py, so it never shadows the real package:
Python prefers a regular package anywhere on the path to a namespace folder, and the folder
has no `GPU`, which is what `on_gpu` looks for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)

GPU_SECONDS = 120  # the longest reply or batch we expect; ZeroGPU queues a call for this much GPU time


try:  # at import: on ZeroGPU, `spaces` must be imported before anything initialises CUDA
    import spaces as _spaces
except ImportError:
    _spaces = None


def on_gpu(function: F, duration: int = GPU_SECONDS) -> F:
    """`spaces.GPU(function, duration=...)` when the ZeroGPU package is importable, else `function`."""
    decorator = getattr(_spaces, "GPU", None)
    return decorator(function, duration=duration) if callable(decorator) else function
