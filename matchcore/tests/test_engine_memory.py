"""A large engine lives as long as its process: once built, its objects are out of the garbage
collector's reach, whose full passes over a million candidates stalled queries."""

import gc

import numpy as np
import pytest

from matchcore.engine import CandidateRecord, MatchingEngine
from matchcore.engine import engine as engine_module


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def _engine(size: int) -> MatchingEngine:
    engine = MatchingEngine(dims=4)
    engine.upsert([CandidateRecord(id=i) for i in range(size)], np.eye(size, 4, dtype=np.float32))
    return engine


def test_a_large_engine_is_frozen_once_built(unfrozen, monkeypatch):
    monkeypatch.setattr(engine_module, "LONG_LIVED_CANDIDATES", 5)
    engine = _engine(5)

    engine.build(seed=1)

    assert gc.get_freeze_count() > 0


def test_a_small_engine_leaves_the_collector_alone(unfrozen, monkeypatch):
    monkeypatch.setattr(engine_module, "LONG_LIVED_CANDIDATES", 6)
    engine = _engine(5)

    engine.build(seed=1)

    assert gc.get_freeze_count() == 0
