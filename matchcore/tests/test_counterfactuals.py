"""The counterfactuals count what the engine's hard rules decide, for any records."""

from dataclasses import replace
from datetime import timedelta

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchcore.engine import DEFAULT_POLICY, CandidateRecord, LanguageLevels, Place, PostingRecord
from matchcore.engine.contracts import Skill
from matchcore.engine.counterfactuals import (
    ChangeKind,
    PostingColumns,
    ProfileChange,
    Relaxation,
    RelaxationKind,
    best_doors,
    doors_opened,
    doors_opened_by_rules,
    feasible_changes,
    pool_widening,
)
from matchcore.engine.rules import hard_rules
from matchcore.engine.store import CandidateStore
from matchcore.tests.engine_strategies import TODAY, candidates, postings

PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _numbered(records):
    return [replace(record, id=i) for i, record in enumerate(records)]


@PROPERTY_SETTINGS
@given(candidates(), st.lists(postings(), min_size=1, max_size=25))
def test_the_columns_exclude_exactly_what_the_hard_rules_exclude(candidate, jobs):
    jobs = _numbered(jobs)
    excluded = PostingColumns(jobs, policy=DEFAULT_POLICY).excluded(candidate, today=TODAY)
    for row, job in enumerate(jobs):
        reasons = hard_rules(candidate, job, today=TODAY, policy=DEFAULT_POLICY)
        assert excluded[row] == any(r.is_exclusion for r in reasons), job


@PROPERTY_SETTINGS
@given(candidates(), st.lists(postings(), min_size=1, max_size=25))
def test_every_change_opens_the_postings_the_rules_open_and_only_those(candidate, jobs):
    jobs = _numbered(jobs)
    changes = feasible_changes(candidate, jobs, today=TODAY)
    columns = PostingColumns(jobs, policy=DEFAULT_POLICY)
    fast = doors_opened(candidate, columns, changes, today=TODAY)
    reference = doors_opened_by_rules(candidate, jobs, changes, today=TODAY, policy=DEFAULT_POLICY)
    assert [(d.change, d.posting_ids, d.by_region) for d in fast] == [
        (d.change, d.posting_ids, d.by_region) for d in reference
    ]


def _eligible_candidate(**fields) -> CandidateRecord:
    return CandidateRecord(
        id="c",
        admission_date=TODAY - timedelta(days=400),
        immigration_status="permanent_resident",
        is_verified=True,
        french=LanguageLevels.uniform(5),
        home=Place("06"),
        region_codes=frozenset({"06"}),
        available_from=TODAY,
        **fields,
    )


def test_a_french_level_opens_the_postings_that_asked_for_it_by_region():
    candidate = _eligible_candidate()
    jobs = [
        PostingRecord(id=1, min_french=LanguageLevels(oral_production=7), place=Place("06")),
        PostingRecord(id=2, min_french=LanguageLevels(oral_production=7), place=Place("04")),
        PostingRecord(id=3, min_french=LanguageLevels(oral_production=7), place=Place("06")),
        PostingRecord(id=4, place=Place("06")),
    ]
    changes = feasible_changes(candidate, jobs, today=TODAY)
    opened = doors_opened(
        candidate, PostingColumns(jobs, policy=DEFAULT_POLICY), changes, today=TODAY
    )
    best = best_doors(opened, limit=5)
    french = [d for d in best if d.change.kind == ChangeKind.FRENCH]
    assert french[0].change == ProfileChange(ChangeKind.FRENCH, skill="oral_production", level=7)
    assert french[0].posting_ids == (1, 3)  # the 04 posting stays closed: a region too
    assert french[0].by_region == {"06": 2}
    assert len(french) == 1  # "level 7 in all four skills" opens the same two: not repeated
    relocation = [d for d in best if d.change.kind == ChangeKind.RELOCATION]
    assert relocation == []  # moving alone opens nothing: the level is missing everywhere


def test_an_employer_specific_permit_closes_only_the_postings_that_refuse_it():
    # Found by the property test: the candidate-only check ran on a posting refusing such permits,
    # so every posting was closed to them.
    candidate = replace(
        _eligible_candidate(),
        immigration_status="employer_specific_permit",
        permit_expires_on=TODAY + timedelta(days=900),
    )
    jobs = [
        PostingRecord(id=1, accepts_employer_specific_permit=True),
        PostingRecord(id=2, accepts_employer_specific_permit=False),
    ]
    excluded = PostingColumns(jobs, policy=DEFAULT_POLICY).excluded(candidate, today=TODAY)
    assert excluded.tolist() == [False, True]


def test_a_candidate_who_is_not_eligible_is_offered_no_door():
    candidate = replace(_eligible_candidate(), admission_date=None)
    jobs = [PostingRecord(id=1, min_french=LanguageLevels(oral_production=7))]
    columns = PostingColumns(jobs, policy=DEFAULT_POLICY)
    changes = feasible_changes(candidate, jobs, today=TODAY)
    assert changes  # a level would be worth it …
    assert doors_opened(candidate, columns, changes, today=TODAY) == []  # … but opens nothing


def test_relaxing_a_requirement_adds_exactly_the_candidates_it_kept_out():
    people = [
        _eligible_candidate(),
        replace(_eligible_candidate(), id="b", french=LanguageLevels.uniform(7)),
        replace(_eligible_candidate(), id="d", skills=(Skill("Permis classe 1"),)),
        replace(
            _eligible_candidate(),
            id="e",
            immigration_status="employer_specific_permit",
            permit_expires_on=TODAY + timedelta(days=900),
        ),
    ]
    store = CandidateStore(policy=DEFAULT_POLICY)
    store.add(people)
    card = Skill("Permis classe 1")
    job = PostingRecord(
        id=1,
        min_french=LanguageLevels(written_comprehension=7),
        must_haves=(card,),
        place=Place("06"),
    )
    relaxations = [
        Relaxation(RelaxationKind.FRENCH, skill="written_comprehension", level=5),
        Relaxation(RelaxationKind.MUST_HAVE, must_have=card),
        Relaxation(RelaxationKind.EMPLOYER_SPECIFIC_PERMIT),
    ]
    admitted, widened = pool_widening(store, job, relaxations, today=TODAY)
    assert admitted == 0
    found = {w.relaxation.kind: w.candidate_ids for w in widened}
    assert found[RelaxationKind.FRENCH] == ("d",)
    assert found[RelaxationKind.MUST_HAVE] == ("b",)
    assert found[RelaxationKind.EMPLOYER_SPECIFIC_PERMIT] == ()


def test_a_relocation_allowance_adds_those_who_move_only_with_one_outside_their_regions():
    def person(id, **fields):
        where = {"region_codes": frozenset({"02"}), "home": Place("02")}
        fluent = {"french": LanguageLevels.uniform(7)}
        return replace(_eligible_candidate(), id=id, **{**where, **fluent, **fields})

    people = [
        person("aid", relocates_only_with_aid=True),
        person("aid-french-5", relocates_only_with_aid=True, french=LanguageLevels.uniform(5)),
        person("yes", is_ready_to_relocate=True),
        person("no"),
        person("aid-home", relocates_only_with_aid=True, home=Place("06")),
    ]
    store = CandidateStore(policy=DEFAULT_POLICY)
    store.add(people)
    job = PostingRecord(id=1, min_french=LanguageLevels(written_comprehension=7), place=Place("06"))
    allowance = Relaxation(RelaxationKind.RELOCATION_ALLOWANCE)
    admitted, widened = pool_widening(store, job, [allowance], today=TODAY)
    assert (admitted, widened[0].candidate_ids) == (2, ("aid",))  # "yes" and "aid-home" already
    offered = replace(job, offers_relocation_allowance=True)
    assert pool_widening(store, offered, [allowance], today=TODAY)[0] == 3


def test_a_candidate_who_moves_only_with_help_is_offered_moving_without_it():
    """Postings with the allowance are already open to them: « moving » counts the others."""
    candidate = replace(
        _eligible_candidate(),
        region_codes=frozenset({"01"}),
        home=Place("01"),
        relocates_only_with_aid=True,
    )
    jobs = [
        PostingRecord(id="helped", place=Place("06"), offers_relocation_allowance=True),
        PostingRecord(id="unhelped", place=Place("06")),
    ]
    columns = PostingColumns(jobs, policy=DEFAULT_POLICY)
    assert columns.excluded(candidate, today=TODAY).tolist() == [False, True]
    changes = feasible_changes(candidate, jobs, today=TODAY)
    opened = {
        d.change.kind: d.posting_ids for d in doors_opened(candidate, columns, changes, today=TODAY)
    }
    assert opened == {ChangeKind.REGION: ("unhelped",), ChangeKind.RELOCATION: ("unhelped",)}


@PROPERTY_SETTINGS
@given(st.lists(candidates(), min_size=1, max_size=20), postings())
def test_pool_widening_matches_the_hard_rules_of_the_relaxed_posting(people, job):
    people = _numbered(people)
    store = CandidateStore(policy=DEFAULT_POLICY)
    store.add(people)
    relaxations = [
        Relaxation(RelaxationKind.EMPLOYER_SPECIFIC_PERMIT),
        Relaxation(RelaxationKind.RELOCATION_ALLOWANCE),
    ] + [Relaxation(RelaxationKind.MUST_HAVE, must_have=skill) for skill in job.must_haves]
    _admitted, widened = pool_widening(store, job, relaxations, today=TODAY)

    def is_open(person, posting):
        reasons = hard_rules(person, posting, today=TODAY, policy=DEFAULT_POLICY)
        return not any(r.is_exclusion for r in reasons)

    for item in widened:
        relaxed = item.relaxation.apply(job)
        expected = tuple(p.id for p in people if is_open(p, relaxed) and not is_open(p, job))
        assert item.candidate_ids == expected
    assert np.all(np.diff([w.count for w in widened]) <= 0)
