"""Permits of regulated occupations as rules: a required permit the candidate does not hold
excludes (or caps, when the employer lets must-haves through), with a reason that says where the
candidate stands; the column masks on both sides agree with the rule on every pair."""

from dataclasses import replace
from datetime import timedelta

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchcore.engine import (
    DEFAULT_POLICY,
    CandidateRecord,
    LanguageLevels,
    MatchingEngine,
    PermitHolding,
    PermitStatus,
    Place,
    PostingRecord,
    ReasonCode,
    Taxonomy,
    score_pair,
)
from matchcore.engine.counterfactuals import (
    ChangeKind,
    PostingColumns,
    ProfileChange,
    doors_opened,
    doors_opened_by_rules,
    feasible_changes,
)
from matchcore.engine.rules import hard_rules
from matchcore.tests.engine_strategies import (
    DIMS,
    PERMIT_CODES,
    TODAY,
    permit_holdings,
    required_permits,
)

PROPERTY_SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
CCQ = "ccq-soudeur"


def _person(identifier: int | str = "c", permits=()) -> CandidateRecord:
    """An eligible candidate in Mauricie whom no other rule excludes: only permits decide."""
    return CandidateRecord(
        id=identifier,
        admission_date=TODAY - timedelta(days=400),
        immigration_status="permanent_resident",
        is_verified=True,
        french=LanguageLevels.uniform(7),
        home=Place("04"),
        region_codes=frozenset({"04"}),
        available_from=TODAY,
        permits=tuple(permits),
    )


def _job(identifier: int | str = "p", permits=(), *, cap: bool = False) -> PostingRecord:
    return PostingRecord(
        id=identifier, place=Place("04"), required_permits=tuple(permits), must_haves_cap=cap
    )


def _excluded(candidate: CandidateRecord, posting: PostingRecord) -> bool:
    reasons = hard_rules(candidate, posting, today=TODAY, policy=DEFAULT_POLICY)
    return any(r.is_exclusion for r in reasons)


people = st.lists(permit_holdings, min_size=1, max_size=20).map(
    lambda holdings: [_person(i, permits) for i, permits in enumerate(holdings)]
)
jobs = st.lists(st.tuples(required_permits, st.booleans()), min_size=1, max_size=20).map(
    lambda specs: [_job(i, permits, cap=cap) for i, (permits, cap) in enumerate(specs)]
)


@PROPERTY_SETTINGS
@given(people, required_permits, st.booleans())
def test_the_candidates_mask_agrees_with_the_rule_on_permits(persons, permits, cap):
    posting = _job(permits=permits, cap=cap)
    engine = MatchingEngine(dims=DIMS, taxonomy=Taxonomy())
    engine.upsert(persons, np.zeros((len(persons), DIMS), dtype=np.float32))
    mask = engine.store.admissible(posting, today=TODAY)
    for person in persons:
        assert mask[engine.store.row_of[person.id]] == (not _excluded(person, posting)), person


@PROPERTY_SETTINGS
@given(permit_holdings, jobs)
def test_the_postings_columns_agree_with_the_rule_on_permits(holdings, postings):
    candidate = _person(permits=holdings)
    excluded = PostingColumns(postings, policy=DEFAULT_POLICY).excluded(candidate, today=TODAY)
    assert excluded.tolist() == [_excluded(candidate, posting) for posting in postings]


@PROPERTY_SETTINGS
@given(permit_holdings, jobs)
def test_obtaining_a_permit_opens_exactly_the_postings_the_rule_opens(holdings, postings):
    candidate = _person(permits=holdings)
    changes = feasible_changes(candidate, postings, today=TODAY)
    fast = doors_opened(
        candidate, PostingColumns(postings, policy=DEFAULT_POLICY), changes, today=TODAY
    )
    reference = doors_opened_by_rules(
        candidate, postings, changes, today=TODAY, policy=DEFAULT_POLICY
    )
    assert [(d.change, d.posting_ids) for d in fast] == [
        (d.change, d.posting_ids) for d in reference
    ]


@PROPERTY_SETTINGS
@given(permit_holdings, required_permits)
def test_a_missing_permit_the_employer_lets_through_caps_the_stars(holdings, permits):
    candidate = _person(permits=holdings)
    result = score_pair(
        candidate,
        _job(permits=permits, cap=True),
        today=TODAY,
        taxonomy=Taxonomy(),
        policy=DEFAULT_POLICY,
    )
    held = {p.code for p in holdings if p.status == PermitStatus.HELD}
    assert not result.is_excluded
    if set(permits) - held:
        assert result.stars <= DEFAULT_POLICY.must_have_cap_stars
        assert result.score <= DEFAULT_POLICY.must_have_ceiling


def test_each_status_has_its_own_reason_naming_the_permit():
    posting = _job(permits=PERMIT_CODES)
    candidate = _person(
        permits=[
            PermitHolding("ccq-soudeur", PermitStatus.IN_PROGRESS),
            PermitHolding("saaq-classe-1", PermitStatus.OBTAINED_ABROAD),
        ]
    )
    reasons = hard_rules(candidate, posting, today=TODAY, policy=DEFAULT_POLICY)
    found = {r.code: (dict(r.evidence), r.is_exclusion) for r in reasons if "permit" in r.code}
    assert found == {
        ReasonCode.PERMIT_MISSING: ({"permits": ["oiiaq-infirmiere-auxiliaire"]}, True),
        ReasonCode.PERMIT_IN_PROGRESS: ({"permits": ["ccq-soudeur"]}, True),
        ReasonCode.PERMIT_OBTAINED_ABROAD: ({"permits": ["saaq-classe-1"]}, True),
    }


def test_only_a_permit_held_in_quebec_meets_the_requirement():
    posting = _job(permits=[CCQ])
    verdicts = {
        status: _excluded(_person(permits=[PermitHolding(CCQ, status)]), posting)
        for status in PermitStatus
    }
    assert verdicts == {
        PermitStatus.HELD: False,
        PermitStatus.IN_PROGRESS: True,
        PermitStatus.OBTAINED_ABROAD: True,
        PermitStatus.NONE: True,
    }
    assert not _excluded(_person(), _job())  # no permit asked, none needed


def test_obtaining_the_ccq_card_opens_the_postings_that_require_it():
    postings = [_job(1, [CCQ]), _job(2, [CCQ, "saaq-classe-1"]), _job(3), _job(4, [CCQ])]
    candidate = _person(permits=[PermitHolding(CCQ, PermitStatus.IN_PROGRESS)])
    columns = PostingColumns(postings, policy=DEFAULT_POLICY)
    opened = doors_opened(
        candidate, columns, feasible_changes(candidate, postings, today=TODAY), today=TODAY
    )
    assert [(d.change, d.posting_ids) for d in opened] == [
        (ProfileChange(ChangeKind.PERMIT, permit=CCQ), (1, 4)),
    ]
    # Class 1 alone opens nothing: posting 2 also needs the card; both together are two changes.
    assert replace(candidate, permits=()).permit_status(CCQ) == PermitStatus.NONE
