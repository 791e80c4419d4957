"""The result of loading one reference dataset, reported by load_reference_data."""

from dataclasses import dataclass


@dataclass(frozen=True)
class LoadResult:
    name: str
    rows: int
    skipped: bool  # True when the database already held this exact version
