"""Hypothesis strategies for the engine's records: every field can be missing or odd."""

from datetime import date, timedelta

import numpy as np
from hypothesis import strategies as st

from matchcore.eligibility import ImmigrationStatus
from matchcore.engine import (
    CandidateRecord,
    Experience,
    LanguageLevels,
    PermitHolding,
    PermitStatus,
    Place,
    PostingRecord,
    Skill,
)

TODAY = date(2026, 11, 26)
DIMS = 8
NOCS = ["72106", "72100", "72101", "72400", "33102", "21232", "12200", "99999"]
REGIONS = ["01", "02", "03", "08", "09", "11"]
PERMIT_CODES = ["ccq-soudeur", "saaq-classe-1", "oiiaq-infirmiere-auxiliaire"]
SKILL_LABELS = ["soudage MIG", "soudage TIG", "lecture de plans", "Python", "SQL", "paie"]

levels = st.one_of(st.none(), st.integers(1, 12))
language_levels = st.builds(LanguageLevels, levels, levels, levels, levels)
days = st.integers(-3000, 800).map(lambda n: TODAY + timedelta(days=n))
optional_days = st.one_of(st.none(), days)
places = st.builds(
    Place,
    st.one_of(st.none(), st.sampled_from(REGIONS)),
    st.one_of(st.none(), st.floats(45.0, 52.0)),
    st.one_of(st.none(), st.floats(-79.0, -61.0)),
)
skills = st.builds(
    Skill,
    st.sampled_from(SKILL_LABELS),
    st.sampled_from(
        ["", "http://data.europa.eu/esco/skill/x", "http://data.europa.eu/esco/skill/y"]
    ),
)
vectors = st.one_of(
    st.none(),
    st.lists(st.floats(-1, 1), min_size=DIMS, max_size=DIMS)
    .map(lambda xs: np.array(xs, dtype=np.float32))
    .filter(lambda v: float(np.linalg.norm(v)) > 1e-3)
    .map(lambda v: v / np.linalg.norm(v)),
)

permit_holdings = st.lists(
    st.builds(PermitHolding, st.sampled_from(PERMIT_CODES), st.sampled_from(list(PermitStatus))),
    max_size=3,
    unique_by=lambda p: p.code,
).map(tuple)
required_permits = st.lists(st.sampled_from(PERMIT_CODES), max_size=2, unique=True).map(tuple)


@st.composite
def candidates(draw, identifier=None):
    relocation = draw(st.sampled_from(["yes", "with_aid", "no"]))
    return CandidateRecord(
        id=draw(st.integers(1, 10**6)) if identifier is None else identifier,
        admission_date=draw(optional_days),
        immigration_status=draw(
            st.one_of(st.none(), st.sampled_from([s.value for s in ImmigrationStatus]))
        ),
        permit_expires_on=draw(optional_days),
        is_verified=draw(st.booleans()),
        is_refused=draw(st.booleans()),
        desired_occupations=tuple(draw(st.lists(st.sampled_from(NOCS), max_size=2, unique=True))),
        experiences=tuple(
            draw(
                st.lists(
                    st.builds(
                        Experience, st.integers(0, 300), st.one_of(st.none(), st.sampled_from(NOCS))
                    ),
                    max_size=3,
                )
            )
        ),
        education_level=draw(st.one_of(st.none(), st.integers(0, 6))),
        skills=tuple(draw(st.lists(skills, max_size=4, unique_by=lambda s: s.label))),
        french=draw(language_levels),
        english=draw(language_levels),
        home=draw(places),
        region_codes=frozenset(draw(st.lists(st.sampled_from(REGIONS), max_size=3))),
        is_open_to_all_regions=draw(st.booleans()),
        is_ready_to_relocate=relocation == "yes",
        relocates_only_with_aid=relocation == "with_aid",
        available_from=draw(optional_days),
        hourly_salary_expectation=draw(st.one_of(st.none(), st.floats(0, 80))),
        permits=draw(permit_holdings),
        vector=draw(vectors),
    )


@st.composite
def postings(draw, identifier=None):
    low = draw(st.one_of(st.none(), st.floats(15, 60)))
    required = tuple(draw(st.lists(skills, max_size=4, unique_by=lambda s: s.label)))
    return PostingRecord(
        id=draw(st.integers(1, 10**6)) if identifier is None else identifier,
        noc=draw(st.one_of(st.none(), st.sampled_from(NOCS))),
        min_education=draw(st.integers(0, 6)),
        min_years_experience=draw(st.integers(0, 10)),
        min_french=draw(language_levels),
        min_english=draw(levels),
        required_skills=required,
        must_haves=tuple(s for s in required if draw(st.booleans())),
        must_haves_cap=draw(st.booleans()),
        required_permits=draw(required_permits),
        nice_skills=tuple(draw(st.lists(skills, max_size=2, unique_by=lambda s: s.label))),
        place=draw(places),
        hourly_salary_min=low,
        hourly_salary_max=None if low is None else low + draw(st.floats(0, 20)),
        start_date=draw(optional_days),
        accepts_employer_specific_permit=draw(st.booleans()),
        offers_relocation_allowance=draw(st.booleans()),
        vector=draw(vectors),
    )
