"""The scored factors: each returns a value in [0, 1] (None when it cannot be measured), whether it
applies to this posting at all, and the reasons with their evidence."""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from matchcore.engine.contracts import (
    CandidateRecord,
    Factor,
    PostingRecord,
    Reason,
    ReasonCode,
    Skill,
    Taxonomy,
)
from matchcore.engine.policy import Policy
from matchcore.language.folding import fold


@dataclass(frozen=True)
class FactorValue:
    factor: Factor
    value: float | None
    applies: bool = True
    reasons: tuple[Reason, ...] = ()


@lru_cache(maxsize=100_000)
def skill_keys(skill: Skill) -> frozenset[str]:
    """A skill matches another when they share its ESCO URI or its folded label."""
    keys = {"label:" + fold(skill.label)}
    if skill.esco_uri:
        keys.add(skill.esco_uri)
    return frozenset(keys)


def candidate_skill_keys(candidate: CandidateRecord) -> frozenset[str]:
    return frozenset().union(*(skill_keys(skill) for skill in candidate.skills))


def closeness(a: str, b: str, taxonomy: Taxonomy) -> str:
    """How close two NOC unit groups are: "unit", "minor", "sub_major", "related", "major", "other"."""
    if a == b:
        return "unit"
    if a[:4] == b[:4]:
        return "minor"
    if a[:3] == b[:3]:
        return "sub_major"
    if b in taxonomy.related_nocs.get(a, ()) or a in taxonomy.related_nocs.get(b, ()):
        return "related"
    if a[:2] == b[:2]:
        return "major"
    return "other"


_OCCUPATION_CODES = {
    "unit": ReasonCode.SAME_OCCUPATION,
    "minor": ReasonCode.SAME_MINOR_GROUP,
    "sub_major": ReasonCode.SAME_SUB_MAJOR_GROUP,
    "related": ReasonCode.RELATED_OCCUPATION,
    "major": ReasonCode.SAME_MAJOR_GROUP,
    "other": ReasonCode.OTHER_OCCUPATION,
}


def occupation(
    candidate: CandidateRecord, posting: PostingRecord, taxonomy: Taxonomy, policy: Policy
) -> FactorValue:
    reasons: list[Reason] = []
    if posting.noc is None:
        return FactorValue(
            Factor.OCCUPATION, None, True, (Reason(ReasonCode.POSTING_OCCUPATION_MISSING),)
        )
    if not taxonomy.is_known_noc(posting.noc):
        reasons.append(Reason(ReasonCode.UNKNOWN_NOC, {"code": posting.noc, "side": "posting"}))
    practised = [e.noc for e in candidate.experiences if e.noc]
    for code in dict.fromkeys([*practised, *candidate.desired_occupations]):
        if not taxonomy.is_known_noc(code):
            reasons.append(Reason(ReasonCode.UNKNOWN_NOC, {"code": code, "side": "candidate"}))
    best, best_code, best_level, via = None, None, None, None
    for source, codes, factor in (
        ("experience", practised, 1.0),
        ("desired", candidate.desired_occupations, policy.desired_only_factor),
    ):
        for code in codes:
            level = closeness(posting.noc, code, taxonomy)
            value = policy.occupation_levels[level] * factor
            if best is None or value > best:
                best, best_code, best_level, via = value, code, level, source
    if best is None:
        reasons.append(Reason(ReasonCode.OCCUPATION_MISSING, factor=Factor.OCCUPATION))
        return FactorValue(Factor.OCCUPATION, None, True, tuple(reasons))
    reasons.insert(
        0,
        Reason(
            _OCCUPATION_CODES[best_level],
            {"posting_noc": posting.noc, "candidate_noc": best_code, "via": via},
            Factor.OCCUPATION,
        ),
    )
    return FactorValue(Factor.OCCUPATION, best, True, tuple(reasons))


def skills_covered(wanted: tuple[Skill, ...], have: frozenset[str]) -> tuple[list[str], list[str]]:
    matched, missing = [], []
    for skill in wanted:
        (matched if skill_keys(skill) & have else missing).append(skill.label)
    return matched, missing


def missing_must_haves(posting: PostingRecord, have: frozenset[str]) -> list[str]:
    """Labels of the posting's must-haves the candidate does not hold (the same matching as the
    skills factor: ESCO URI or folded label)."""
    return [skill.label for skill in posting.must_haves if not skill_keys(skill) & have]


def required_skills(
    candidate: CandidateRecord, posting: PostingRecord, have: frozenset[str], taxonomy: Taxonomy
) -> FactorValue:
    reasons: list[Reason] = []
    if not posting.required_skills:
        return FactorValue(
            Factor.REQUIRED_SKILLS, None, False, (Reason(ReasonCode.POSTING_SKILLS_MISSING),)
        )
    matched, missing = skills_covered(posting.required_skills, have)
    reasons.append(
        Reason(
            ReasonCode.REQUIRED_SKILLS_COVERED,
            {
                "matched": matched,
                "missing": missing,
                "count": len(matched),
                "total": len(matched) + len(missing),
            },
            Factor.REQUIRED_SKILLS,
        )
    )
    if not candidate.skills:
        reasons.append(Reason(ReasonCode.SKILLS_MISSING, factor=Factor.REQUIRED_SKILLS))
    reasons.extend(
        _unknown_skills(posting.required_skills + posting.nice_skills, "posting", taxonomy)
    )
    reasons.extend(_unknown_skills(candidate.skills, "candidate", taxonomy))
    return FactorValue(
        Factor.REQUIRED_SKILLS, len(matched) / len(posting.required_skills), True, tuple(reasons)
    )


def _unknown_skills(skills: Iterable[Skill], side: str, taxonomy: Taxonomy) -> list[Reason]:
    reasons = []
    unlinked = [s.label for s in skills if not s.esco_uri]
    if unlinked:
        reasons.append(Reason(ReasonCode.SKILL_NOT_LINKED, {"labels": unlinked, "side": side}))
    if taxonomy.esco_skill_uris is not None:
        unknown = [
            s.label for s in skills if s.esco_uri and s.esco_uri not in taxonomy.esco_skill_uris
        ]
        if unknown:
            reasons.append(Reason(ReasonCode.UNKNOWN_SKILL, {"labels": unknown, "side": side}))
    return reasons


def nice_skills(posting: PostingRecord, have: frozenset[str]) -> FactorValue:
    if not posting.nice_skills:
        return FactorValue(Factor.NICE_SKILLS, None, False)
    matched, missing = skills_covered(posting.nice_skills, have)
    reason = Reason(
        ReasonCode.NICE_SKILLS_COVERED,
        {
            "matched": matched,
            "missing": missing,
            "count": len(matched),
            "total": len(matched) + len(missing),
        },
        Factor.NICE_SKILLS,
    )
    return FactorValue(Factor.NICE_SKILLS, len(matched) / len(posting.nice_skills), True, (reason,))


_EXPERIENCE_SHARE = {"unit": 1.0, "minor": 0.6, "sub_major": 0.3, "related": 0.3}


def experience(
    candidate: CandidateRecord, posting: PostingRecord, taxonomy: Taxonomy, policy: Policy
) -> FactorValue:
    """Years in the posting's occupation (closer occupations count in part), graded against the
    years asked for: a shortfall lowers the value in proportion and is never left unmeasured (a
    profile without experience has 0 of the years asked for)."""
    required = posting.min_years_experience
    if not candidate.experiences and required <= 0:
        return FactorValue(
            Factor.EXPERIENCE,
            None,
            True,
            (Reason(ReasonCode.OCCUPATION_MISSING, factor=Factor.EXPERIENCE),),
        )
    months = 0.0
    for item in candidate.experiences:
        if posting.noc is None:
            share = 1.0  # no occupation to compare with: all experience counts
        elif item.noc is None:
            share = 0.0
        else:
            share = _EXPERIENCE_SHARE.get(closeness(posting.noc, item.noc, taxonomy), 0.0)
        months += share * max(item.months, 0)
    years = months / 12
    # With no minimum, any experience in the occupation still counts, up to two years.
    value = min(1.0, years / required) if required > 0 else 0.6 + 0.4 * min(1.0, years / 2)
    evidence: dict[str, object] = {"years": round(years, 1), "required": required}
    if years >= required:
        code = ReasonCode.EXPERIENCE_ENOUGH
    else:
        code = ReasonCode.EXPERIENCE_SHORT
        evidence["grade"] = "close" if years / required >= policy.experience_close_share else "far"
    return FactorValue(Factor.EXPERIENCE, value, True, (Reason(code, evidence, Factor.EXPERIENCE),))


def education(candidate: CandidateRecord, posting: PostingRecord) -> FactorValue:
    if candidate.education_level is None:
        return FactorValue(
            Factor.EDUCATION,
            None,
            True,
            (
                Reason(
                    ReasonCode.EDUCATION_MISSING,
                    {"required": posting.min_education},
                    Factor.EDUCATION,
                ),
            ),
        )
    gap = posting.min_education - candidate.education_level
    value = 1.0 if gap <= 0 else (0.5 if gap == 1 else 0.0)
    code = ReasonCode.EDUCATION_MEETS if gap <= 0 else ReasonCode.EDUCATION_BELOW
    evidence = {"level": candidate.education_level, "required": posting.min_education}
    return FactorValue(Factor.EDUCATION, value, True, (Reason(code, evidence, Factor.EDUCATION),))


def language(candidate: CandidateRecord, posting: PostingRecord) -> FactorValue:
    """The margin above the posting's minimums (hard rules already removed anyone below)."""
    values, margins = [], []
    for skill, level in candidate.french.items():
        minimum = posting.min_french.get(skill)
        if level is None:
            continue
        if minimum is None:
            values.append(level / 12)
        else:
            margin = level - minimum
            margins.append((margin, skill))
            values.append(0.0 if margin < 0 else 0.6 + 0.4 * min(margin, 4) / 4)
    if posting.min_english is not None:
        for _skill, level in candidate.english.items():
            if level is not None:
                margin = level - posting.min_english
                values.append(0.0 if margin < 0 else 0.6 + 0.4 * min(margin, 4) / 4)
    if not values:
        return FactorValue(
            Factor.LANGUAGE,
            None,
            True,
            (Reason(ReasonCode.FRENCH_LEVEL_MISSING, factor=Factor.LANGUAGE),),
        )
    reasons: tuple[Reason, ...] = ()
    if margins:
        margin, skill = min(margins)
        reasons = (
            Reason(ReasonCode.LANGUAGE_MARGIN, {"margin": margin, "skill": skill}, Factor.LANGUAGE),
        )
    return FactorValue(Factor.LANGUAGE, sum(values) / len(values), True, reasons)


def semantic(candidate: CandidateRecord, posting: PostingRecord, policy: Policy) -> FactorValue:
    if candidate.vector is None or posting.vector is None:
        return FactorValue(
            Factor.SEMANTIC, None, True, (Reason(ReasonCode.TEXT_MISSING, factor=Factor.SEMANTIC),)
        )
    cosine = float(np.dot(candidate.vector, posting.vector))
    span = policy.semantic_ceiling - policy.semantic_floor
    value = min(1.0, max(0.0, (cosine - policy.semantic_floor) / span))
    reason = Reason(
        ReasonCode.SIMILAR_TEXTS,
        {"cosine": round(cosine, 3), "value": round(value, 3)},
        Factor.SEMANTIC,
    )
    return FactorValue(Factor.SEMANTIC, value, True, (reason,))


def desired_occupation(
    candidate: CandidateRecord, posting: PostingRecord, taxonomy: Taxonomy, policy: Policy
) -> FactorValue:
    if not candidate.desired_occupations or posting.noc is None:
        return FactorValue(Factor.DESIRED_OCCUPATION, None, True)
    levels = [closeness(posting.noc, code, taxonomy) for code in candidate.desired_occupations]
    best = max(levels, key=lambda level: policy.occupation_levels[level])
    value = policy.occupation_levels[best]
    code = ReasonCode.DESIRED_OCCUPATION if best == "unit" else ReasonCode.OCCUPATION_NOT_DESIRED
    reason = Reason(
        code, {"posting_noc": posting.noc, "closeness": best}, Factor.DESIRED_OCCUPATION
    )
    return FactorValue(Factor.DESIRED_OCCUPATION, value, True, (reason,))


def distance_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6,371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def place(candidate: CandidateRecord, posting: PostingRecord, policy: Policy) -> FactorValue:
    region = posting.place.region_code
    reasons: list[Reason] = []
    region_value: float | None = None
    if region is not None:
        if region in candidate.region_codes or region == candidate.home.region_code:
            region_value = 1.0
            reasons.append(Reason(ReasonCode.REGION_WANTED, {"region": region}, Factor.PLACE))
        elif candidate.is_open_to_all_regions:
            region_value = 0.8
            reasons.append(Reason(ReasonCode.OPEN_TO_ALL_REGIONS, {"region": region}, Factor.PLACE))
        elif candidate.is_ready_to_relocate:
            region_value = 0.6
            reasons.append(Reason(ReasonCode.READY_TO_RELOCATE, {"region": region}, Factor.PLACE))
    distance_value: float | None = None
    if candidate.home.has_coordinates and posting.place.has_coordinates:
        km = distance_km(
            candidate.home.latitude,
            candidate.home.longitude,  # type: ignore[arg-type]
            posting.place.latitude,
            posting.place.longitude,  # type: ignore[arg-type]
        )
        distance_value = 0.5 ** (km / policy.distance_half_km)
        reasons.append(Reason(ReasonCode.DISTANCE, {"km": round(km)}, Factor.PLACE))
    else:
        reasons.append(Reason(ReasonCode.LOCATION_MISSING, factor=Factor.PLACE))
    if region_value is None and distance_value is None:
        return FactorValue(Factor.PLACE, None, True, tuple(reasons))
    if region_value is None:
        value = distance_value
    elif distance_value is None:
        value = region_value
    else:
        value = 0.7 * region_value + 0.3 * distance_value
    return FactorValue(Factor.PLACE, value, True, tuple(reasons))


def salary(candidate: CandidateRecord, posting: PostingRecord) -> FactorValue:
    expected, offered = candidate.hourly_salary_expectation, posting.hourly_salary_max
    if expected is None or offered is None or expected <= 0:
        return FactorValue(
            Factor.SALARY, None, True, (Reason(ReasonCode.SALARY_MISSING, factor=Factor.SALARY),)
        )
    evidence = {"expected": round(expected, 2), "offered_max": round(offered, 2)}
    if offered >= expected:
        return FactorValue(
            Factor.SALARY, 1.0, True, (Reason(ReasonCode.SALARY_MEETS, evidence, Factor.SALARY),)
        )
    value = max(0.0, 1.0 - 3.0 * (expected - offered) / expected)
    return FactorValue(
        Factor.SALARY,
        value,
        True,
        (Reason(ReasonCode.SALARY_BELOW_EXPECTATION, evidence, Factor.SALARY),),
    )


def all_factors(
    candidate: CandidateRecord,
    posting: PostingRecord,
    *,
    taxonomy: Taxonomy,
    policy: Policy,
    have: frozenset[str] | None = None,
) -> list[FactorValue]:
    have = candidate_skill_keys(candidate) if have is None else have
    return [
        occupation(candidate, posting, taxonomy, policy),
        required_skills(candidate, posting, have, taxonomy),
        nice_skills(posting, have),
        experience(candidate, posting, taxonomy, policy),
        education(candidate, posting),
        language(candidate, posting),
        semantic(candidate, posting, policy),
        desired_occupation(candidate, posting, taxonomy, policy),
        place(candidate, posting, policy),
        salary(candidate, posting),
    ]
