"""What goes into the schedule solver and what comes out: frozen dataclasses of plain values."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

# Scores (0–100, floats) are turned into integers for the solvers with this many steps per point.
SCORE_SCALE = 100


@dataclass(frozen=True)
class Pair:
    """An acceptable candidate–employer pair and its match score (0–100)."""

    candidate: str
    employer: str
    score: float


@dataclass(frozen=True)
class Pin:
    """A meeting an advisor wants kept: the pair, and optionally its slot (0-based)."""

    candidate: str
    employer: str
    slot: int | None = None


@dataclass(frozen=True)
class ScheduleProblem:
    candidates: tuple[str, ...]
    employers: tuple[str, ...]
    slots: int
    pairs: tuple[Pair, ...]
    max_meetings_per_candidate: int = 3
    # Tables (parallel meetings) an employer holds in one slot; 1 when absent.
    tables: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    pins: tuple[Pin, ...] = ()
    forbidden: frozenset[tuple[str, str]] = frozenset()

    def tables_of(self, employer: str) -> int:
        return self.tables.get(employer, 1)


@dataclass(frozen=True)
class Meeting:
    candidate: str
    employer: str
    slot: int
    table: int
    score: float


class SolveStatus(StrEnum):
    OPTIMAL = "optimal"  # proven best
    FEASIBLE = "feasible"  # the best found within the time limit; optimality not proven


@dataclass(frozen=True)
class ScheduleResult:
    meetings: tuple[Meeting, ...]
    status: SolveStatus
    total_score: float
    # No schedule serving at least as many candidates as this one has a higher total score.
    upper_bound: float
    candidates_served: int
    # Registered candidates with at least one acceptable, not forbidden employer.
    candidates_servable: int
    method: str  # "flow" (min-cost flow + edge colouring), "cp-sat", "greedy"
    seconds: float

    @property
    def is_optimal(self) -> bool:
        return self.status == SolveStatus.OPTIMAL

    @property
    def gap(self) -> float:
        """Relative distance to the proven upper bound (0.0 when optimal, inf when no bound)."""
        if self.upper_bound == float("inf"):
            return float("inf")
        if self.upper_bound <= 0:
            return 0.0
        return max(0.0, (self.upper_bound - self.total_score) / self.upper_bound)


class ScheduleError(ValueError):
    """The problem cannot be solved as asked; `code` says why, `detail` names the pair or slot."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
