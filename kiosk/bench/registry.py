"""What a benchmark figure is: a name, a target, and a function that measures it."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class BenchOptions:
    demo: Path  # the demo content root (assets/)
    workdir: Path  # a scratch folder for generated inputs, removed afterwards
    quick: bool = False  # CI: fewer runs and smaller inputs, same figures
    runs: int = 5  # fresh-process runs for a median

    def n(self, full: int, quick: int) -> int:
        """How many of something: `full` normally, `quick` in a quick run."""
        return quick if self.quick else full


@dataclass(frozen=True)
class Figure:
    name: str
    target: float
    unit: str
    measure: Callable[[BenchOptions], float]
    better: Literal["lower", "higher"] = "lower"
    note: str = ""

    def passes(self, value: float) -> bool:
        return value <= self.target if self.better == "lower" else value >= self.target


@dataclass
class Result:
    figure: Figure
    value: float | None
    error: str = ""
    samples: list[float] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.value is not None and self.figure.passes(self.value)


def median(samples: list[float]) -> float:
    return float(statistics.median(samples))
