"""Frozen records: the quicker constructor keeps every promise of a frozen dataclass."""

import dataclasses
import inspect

import pytest

from matchcore.engine.contracts import FactorScore, MatchResult, Reason, ReasonCode
from matchcore.frozen import frozen_record


@frozen_record
class Sample:
    name: str
    tags: list[str] = dataclasses.field(default_factory=list)
    count: int = 3


def test_defaults_and_factories_as_a_dataclass_gives_them() -> None:
    first, second = Sample("a"), Sample("b", count=5)
    assert (first.tags, first.count, second.count) == ([], 3, 5)
    assert first.tags is not second.tags  # one new list per record, never shared
    assert Sample("a", ["x"], 1) == Sample(name="a", tags=["x"], count=1)


def test_records_stay_frozen_and_replaceable() -> None:
    record = Sample("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.name = "b"  # type: ignore[misc]
    assert dataclasses.replace(record, count=4) == Sample("a", [], 4)
    assert not hasattr(record, "__dict__")  # slotted


def test_post_init_still_runs() -> None:
    @frozen_record
    class Checked:
        value: int

        def __post_init__(self) -> None:
            if self.value < 0:
                raise ValueError("negative")

    with pytest.raises(ValueError, match="negative"):
        Checked(-1)


@pytest.mark.parametrize("record", [Reason, FactorScore, MatchResult])
def test_engine_records_keep_their_signature(record: type) -> None:
    """Callers build records by keyword: the quicker __init__ takes the same parameters."""
    names = [p.name for p in inspect.signature(record).parameters.values()]
    assert names == [f.name for f in dataclasses.fields(record)]


def test_fields_the_quick_constructor_cannot_honour_are_refused() -> None:
    with pytest.raises(TypeError, match="only plain fields"):

        @frozen_record
        class Hidden:
            shown: int
            hidden: int = dataclasses.field(default=0, init=False)


def test_a_reason_without_evidence_gets_its_own_empty_mapping() -> None:
    one, two = Reason(ReasonCode.DISTANCE), Reason(ReasonCode.DISTANCE)
    assert one.evidence == {} and one.evidence is not two.evidence
