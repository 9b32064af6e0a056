"""A share of counted cases with its 95% Wilson interval, as every safety figure is reported."""

from __future__ import annotations

from dataclasses import dataclass

from scipy.stats import binomtest


@dataclass(frozen=True)
class Rate:
    hits: int
    total: int

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else float("nan")

    @property
    def interval(self) -> tuple[float, float]:
        """Wilson's interval: honest at small counts and at rates near 0 or 1, where a normal one is not."""
        if not self.total:
            return float("nan"), float("nan")
        low, high = binomtest(self.hits, self.total).proportion_ci(method="wilson")
        return float(low), float(high)

    def __str__(self) -> str:
        if not self.total:
            return "n/a"
        low, high = self.interval
        return f"{self.value:.3f} ({self.hits}/{self.total}, 95% CI {low:.2f}-{high:.2f})"
