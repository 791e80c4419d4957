"""Properties of the engine that hold for any records, including incomplete and odd ones."""

from dataclasses import replace

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchcore.engine import (
    DEFAULT_POLICY,
    CandidateRecord,
    MatchingEngine,
    PostingRecord,
    Skill,
    Taxonomy,
    feature_vector,
    score_pair,
    train_ranker,
)
from matchcore.engine.rules import hard_rules
from matchcore.tests.engine_strategies import DIMS, NOCS, TODAY, candidates, postings

TAXONOMY = Taxonomy(noc_codes=frozenset(NOCS) - {"99999"})
PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _score(candidate: CandidateRecord, posting: PostingRecord, ranker=None):
    return score_pair(
        candidate, posting, today=TODAY, taxonomy=TAXONOMY, policy=DEFAULT_POLICY, ranker=ranker
    )


@PROPERTY_SETTINGS
@given(candidates(), postings())
def test_scores_stars_and_points_stay_in_range(candidate, posting):
    result = _score(candidate, posting)
    assert 0.0 <= result.score <= 100.0
    assert 1 <= result.stars <= 5
    assert 0.0 <= result.requirements_score <= 100.0
    assert 0.0 <= result.preferences_score <= 100.0
    assert abs(sum(f.contribution for f in result.factors) - result.score) < 1e-6
    for factor in result.factors:
        assert factor.value is None or 0.0 <= factor.value <= 1.0


@PROPERTY_SETTINGS
@given(candidates(), postings())
def test_a_pair_is_excluded_exactly_when_a_hard_rule_says_so(candidate, posting):
    result = _score(candidate, posting)
    exclusions = [
        r
        for r in hard_rules(candidate, posting, today=TODAY, policy=DEFAULT_POLICY)
        if r.is_exclusion
    ]
    assert result.is_excluded == bool(exclusions)
    assert {r.code for r in result.exclusions} == {r.code for r in exclusions}


@PROPERTY_SETTINGS
@given(st.lists(candidates(), min_size=1, max_size=25), postings())
def test_the_column_masks_agree_with_the_hard_rules(people, posting):
    people = [replace(person, id=i) for i, person in enumerate(people)]
    engine = MatchingEngine(dims=DIMS, taxonomy=TAXONOMY)
    engine.upsert(people, np.zeros((len(people), DIMS), dtype=np.float32))
    mask = engine.store.admissible(posting, today=TODAY)
    for person in people:
        excluded = any(
            r.is_exclusion for r in hard_rules(person, posting, today=TODAY, policy=DEFAULT_POLICY)
        )
        assert mask[engine.store.row_of[person.id]] == (not excluded), person


@PROPERTY_SETTINGS
@given(st.lists(candidates(), min_size=1, max_size=30), postings())
def test_no_result_for_a_posting_breaks_a_hard_rule(people, posting):
    people = [replace(person, id=i) for i, person in enumerate(people)]
    engine = MatchingEngine(dims=DIMS, taxonomy=TAXONOMY)
    engine.upsert(
        people,
        np.stack(
            [p.vector if p.vector is not None else np.zeros(DIMS, np.float32) for p in people]
        ),
    )
    results = engine.candidates_for_posting(posting, today=TODAY, k=10, shortlist=10)
    for result in results:
        person = people[result.candidate_id]
        assert not result.is_excluded
        assert not any(
            r.is_exclusion for r in hard_rules(person, posting, today=TODAY, policy=DEFAULT_POLICY)
        )
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)


@PROPERTY_SETTINGS
@given(candidates(), postings(), st.data())
def test_gaining_a_required_skill_never_lowers_the_score(candidate, posting, data):
    if not posting.required_skills:
        posting = replace(posting, required_skills=(Skill("lecture de plans"),))
    gained = data.draw(st.sampled_from(posting.required_skills))
    richer = replace(candidate, skills=(*candidate.skills, gained))
    assert _score(richer, posting).score >= _score(candidate, posting).score - 1e-9


@PROPERTY_SETTINGS
@given(candidates(), postings())
def test_scoring_is_deterministic(candidate, posting):
    first, second = _score(candidate, posting), _score(candidate, posting)
    assert first == second


@settings(max_examples=5, deadline=None)
@given(st.integers(0, 2**16))
def test_the_learned_ranker_is_deterministic_under_a_seed_and_monotone(seed):
    rng = np.random.default_rng(seed)
    features = rng.random((400, 10))
    features[rng.random((400, 10)) < 0.1] = np.nan
    grades = (np.nan_to_num(features[:, 0]) + np.nan_to_num(features[:, 1]) > 1.0).astype(int)
    grades += (np.nan_to_num(features[:, 0]) > 0.8).astype(int)
    first, report = train_ranker(features, grades, [20] * 20, seed=seed, rounds=30)
    second, _ = train_ranker(features, grades, [20] * 20, seed=seed, rounds=30)
    assert report.is_trained
    assert first is not None and second is not None
    assert first.version == second.version
    scores = first.scores(features)
    assert np.all((scores >= 0) & (scores <= 100))
    raised = features.copy()
    raised[:, 1] = np.minimum(1.0, np.nan_to_num(raised[:, 1]) + 0.3)
    assert np.all(
        first.scores(raised) >= first.scores(np.where(np.isnan(features), 0.0, features)) - 1e-6
    )


@settings(max_examples=20, deadline=None)
@given(st.lists(candidates(), min_size=5, max_size=30), postings(), st.integers(0, 1000))
def test_candidates_for_a_posting_are_deterministic_under_a_seed(people, posting, seed):
    people = [replace(person, id=i) for i, person in enumerate(people)]

    def run():
        engine = MatchingEngine(dims=DIMS, taxonomy=TAXONOMY)
        engine.upsert(people, np.ones((len(people), DIMS), dtype=np.float32) / np.sqrt(DIMS))
        engine.build(seed=seed)
        return [
            (r.candidate_id, r.score) for r in engine.candidates_for_posting(posting, today=TODAY)
        ]

    assert run() == run()


@PROPERTY_SETTINGS
@given(st.lists(candidates(), min_size=1, max_size=10), postings())
def test_the_vectorised_policy_score_equals_the_pairwise_one(people, posting):
    from matchcore.engine.factors import all_factors
    from matchcore.engine.scoring import cap_scores, policy_scores

    rows = [all_factors(p, posting, taxonomy=TAXONOMY, policy=DEFAULT_POLICY) for p in people]
    features = np.stack([feature_vector(values) for values in rows])
    applies = np.array([v.applies for v in rows[0]])
    expected = [_score(p, posting).score for p in people]
    scores = policy_scores(features, applies, DEFAULT_POLICY)
    assert np.allclose(cap_scores(scores, people, posting, DEFAULT_POLICY), expected)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(candidates(), min_size=1, max_size=20), postings(), st.integers(1, 8))
def test_the_two_stage_ranking_equals_scoring_every_admissible_candidate(people, posting, k):
    from matchcore.engine.engine import rank_key

    same = np.ones(DIMS, dtype=np.float32) / np.sqrt(DIMS)
    people = [replace(person, id=i, vector=same) for i, person in enumerate(people)]
    posting = replace(posting, vector=same)  # the shortlist then holds every admissible one
    engine = MatchingEngine(dims=DIMS, taxonomy=TAXONOMY)
    engine.upsert(people)
    everyone = [_score(p, posting) for p in people]
    expected = sorted([r for r in everyone if not r.is_excluded], key=rank_key)[:k]
    found = engine.candidates_for_posting(posting, today=TODAY, k=k, shortlist=100)
    assert [(r.candidate_id, r.score) for r in found] == [
        (r.candidate_id, r.score) for r in expected
    ]


@PROPERTY_SETTINGS
@given(st.lists(candidates(), min_size=1, max_size=6), postings())
def test_the_features_without_reasons_are_exactly_those_of_the_explained_factors(people, posting):
    """The first stage's fast path (no reasons built) gives bit for bit the values, NaN where
    not measured or not applicable, and the same applicable factors as `all_factors`."""
    from matchcore.engine.factors import PostingFeatures, all_factors, candidate_skill_keys

    features_of = PostingFeatures(posting, taxonomy=TAXONOMY, policy=DEFAULT_POLICY)
    for person in people:
        values = all_factors(person, posting, taxonomy=TAXONOMY, policy=DEFAULT_POLICY)
        fast = np.array(features_of(person, candidate_skill_keys(person)))
        assert np.array_equal(fast, feature_vector(values), equal_nan=True)
        assert features_of.applies.tolist() == [v.applies for v in values]


@PROPERTY_SETTINGS
@given(st.lists(candidates(), min_size=1, max_size=8), postings(), st.data())
def test_the_columns_give_the_features_of_each_pair_bit_for_bit(people, posting, data):
    """The first stage over the columns (`FactorColumns.features`) gives, for any rows in any
    order (a candidate updated keeps only its last row alive), exactly `PostingFeatures`'
    values pair by pair, NaN where not measured."""
    from matchcore.engine.factors import PostingFeatures, candidate_skill_keys
    from matchcore.engine.feature_columns import FactorColumns

    columns = FactorColumns()
    columns.add(people)
    features_of = PostingFeatures(posting, taxonomy=TAXONOMY, policy=DEFAULT_POLICY)
    rows = data.draw(st.permutations(range(len(people))))
    fast = columns.features(
        np.array(rows, dtype=np.int64),
        posting,
        [people[row].vector for row in rows],
        taxonomy=TAXONOMY,
        policy=DEFAULT_POLICY,
    )
    for line, row in zip(fast, rows, strict=True):
        person = people[row]
        expected = np.array(features_of(person, candidate_skill_keys(person)))
        assert np.array_equal(line, expected, equal_nan=True), (row, line, expected)


def _sharing_skills_counted_over_every_row(store, posting, mask, limit):
    """The previous `CandidateStore.sharing_skills` (a count for every stored row), kept here as
    the reference of the one that counts only the rows passing the mask."""
    from matchcore.engine.factors import skill_keys

    lists, weights = [], []
    for skills, weight in ((posting.required_skills, 2), (posting.nice_skills, 1)):
        for skill in skills:
            found = [
                np.frombuffer(store.by_skill[key], dtype=np.int64)
                for key in skill_keys(skill)
                if key in store.by_skill
            ]
            if found:
                rows = np.unique(np.concatenate(found))
                lists.append(rows)
                weights.append(np.full(len(rows), weight, dtype=np.int64))
    if not lists:
        return np.empty(0, dtype=np.int64)
    counts = np.bincount(
        np.concatenate(lists), weights=np.concatenate(weights), minlength=store.size
    )
    counts[~mask[: store.size]] = 0
    rows = np.flatnonzero(counts)
    if len(rows) > limit:
        rows = rows[np.lexsort((rows, -counts[rows]))[:limit]]
    return rows


@PROPERTY_SETTINGS
@given(st.lists(candidates(), min_size=1, max_size=25), postings(), st.integers(1, 12))
def test_candidates_sharing_skills_are_those_of_the_count_over_every_row(people, posting, limit):
    engine = MatchingEngine(dims=DIMS, taxonomy=TAXONOMY)
    engine.upsert([replace(person, id=i % 20) for i, person in enumerate(people)])  # some replaced
    mask = engine.store.admissible(posting, today=TODAY)
    expected = _sharing_skills_counted_over_every_row(engine.store, posting, mask, limit)
    found = engine.store.sharing_skills(posting, mask, limit)
    assert sorted(found.tolist()) == sorted(expected.tolist())
