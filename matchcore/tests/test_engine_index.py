"""The vector index: exact below a size, IVF above, the plan by selectivity, incremental updates."""

import numpy as np

from matchcore.engine import VectorIndex, fit_reducer


def _unit(rng: np.random.Generator, rows: int, dims: int) -> np.ndarray:
    vectors = rng.standard_normal((rows, dims)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _index(rows: int, dims: int = 16, seed: int = 7) -> tuple[VectorIndex, np.ndarray]:
    """Clustered vectors, like texts about a few hundred occupations."""
    rng = np.random.default_rng(seed)
    centres = _unit(rng, 200, dims)
    vectors = centres[rng.integers(0, 200, rows)] + 0.35 * _unit(rng, rows, dims)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex(dims, ann_min_rows=2_000, base_nprobe=16)
    index.add(np.arange(rows), vectors)
    index.build(seed=seed, threads=1)
    return index, vectors


def test_below_the_threshold_the_search_is_exact_and_respects_the_mask():
    index = VectorIndex(4, ann_min_rows=1_000)
    vectors = np.eye(4, dtype=np.float32)
    index.add(np.arange(4), vectors)
    index.build(seed=1)
    mask = np.array([True, False, True, True])
    rows, sims, plan = index.search(np.array([0, 1, 0.5, 0], dtype=np.float32), mask, 2)
    assert plan.method == "exact"
    assert rows.tolist() == [2, 0]
    assert sims.tolist() == [0.5, 0.0]


def test_a_broad_filter_uses_the_ivf_index_and_finds_most_true_neighbours():
    index, vectors = _index(20_000)
    rng = np.random.default_rng(3)
    mask = rng.random(20_000) < 0.9
    recalls = []
    for query in vectors[:20]:
        rows, _sims, plan = index.search(query, mask, 50)
        exact, _ = index.exact(query, mask, 50)
        assert plan.method == "ivf"
        assert mask[rows].all()
        recalls.append(len(set(rows) & set(exact)) / 50)
    assert np.mean(recalls) >= 0.9


def test_a_selective_filter_is_scanned_exactly():
    index, vectors = _index(20_000)
    mask = np.zeros(20_000, dtype=bool)
    mask[::200] = True  # 0.5 % of the rows
    rows, _sims, plan = index.search(vectors[1], mask, 50)
    exact, _ = index.exact(vectors[1], mask, 50)
    assert plan.method == "exact"
    assert rows.tolist() == exact.tolist()


def test_a_filter_cheaper_to_scan_than_to_probe_row_for_row_still_goes_to_the_index():
    # 15 % pass: 3,000 rows against ~4,350 rows of IVF work. An exact row costs several IVF rows
    # (a gathered copy, then the product), so the index is the faster way, and it loses little.
    index, vectors = _index(20_000)
    mask = np.random.default_rng(5).random(20_000) < 0.15
    recalls = []
    for query in vectors[:20]:
        rows, _sims, plan = index.search(query, mask, 50)
        exact, _ = index.exact(query, mask, 50)
        assert plan.method == "ivf"
        assert plan.passing < index.count * plan.nprobe / index.nlist + index.nlist
        recalls.append(len(set(rows) & set(exact)) / 50)
    assert np.mean(recalls) >= 0.9


def test_rows_added_after_the_build_are_found_and_trigger_a_rebuild_when_many():
    index, vectors = _index(5_000)
    newcomer = vectors[10] * 0.999 + 0.001
    newcomer /= np.linalg.norm(newcomer)
    index.add(np.array([5_000]), newcomer[None, :])
    mask = np.ones(5_001, dtype=bool)
    mask[10] = False
    rows, _sims, plan = index.search(vectors[10], mask, 5)
    assert plan.tail == 1
    assert rows[0] == 5_000
    assert not index.needs_rebuild()
    index.add(np.arange(5_001, 6_200), vectors[:1_199])
    assert index.needs_rebuild()


def test_the_pca_reducer_keeps_unit_vectors_and_reports_the_variance_it_keeps():
    rng = np.random.default_rng(5)
    vectors = _unit(rng, 500, 32)
    reducer = fit_reducer(vectors, 8, seed=5)
    reduced = reducer(vectors)
    assert reduced.shape == (500, 8)
    assert np.allclose(np.linalg.norm(reduced, axis=1), 1.0, atol=1e-5)
    assert 0.0 < reducer.explained_variance < 1.0


def test_a_candidate_added_twice_keeps_only_its_latest_row():
    from datetime import date

    from matchcore.engine import CandidateRecord, MatchingEngine

    first = CandidateRecord(id=7, admission_date=date(2024, 1, 1))
    second = CandidateRecord(id=7, admission_date=date(2025, 1, 1))
    engine = MatchingEngine(dims=4)
    engine.upsert([first, second], np.zeros((2, 4), dtype=np.float32))
    engine.upsert([second], np.zeros((1, 4), dtype=np.float32))
    assert engine.store.alive.tolist() == [False, False, True]
    assert engine.store.row_of[7] == 2
