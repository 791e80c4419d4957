"""Progress bars for long commands: shown on a terminal, silent in logs and tests."""

from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


def progress(items: Iterable[T], *, description: str, total: int | None = None) -> Iterator[T]:
    yield from tqdm(items, desc=description, total=total, unit="", disable=None, leave=False)


def progress_bar(*, description: str, unit: str = "") -> tqdm:
    """A bar moved by hand (`bar.n`, `bar.total`, `bar.refresh()`), for work counted elsewhere,
    such as in other processes; shown and hidden by the same rules."""
    return tqdm(desc=description, unit=unit, disable=None, leave=False)
