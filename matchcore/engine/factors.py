"""The scored factors: each returns a value in [0, 1] (None when it cannot be measured), whether it
applies to this posting at all, and the reasons with their evidence."""

import math
from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy as np

from matchcore.engine.contracts import (
    LANGUAGE_SKILLS,
    CandidateRecord,
    Factor,
    PostingRecord,
    Reason,
    ReasonCode,
    Skill,
    Taxonomy,
)
from matchcore.engine.policy import Policy
from matchcore.frozen import frozen_record
from matchcore.language.folding import fold


@frozen_record
class FactorValue:
    factor: Factor
    value: float | None
    applies: bool = True
    reasons: tuple[Reason, ...] = ()


def skill_keys(skill: Skill) -> frozenset[str]:
    """A skill matches another when they share its ESCO URI or its folded label."""
    return _keys(skill.label, skill.esco_uri)


@lru_cache(maxsize=100_000)
def _keys(label: str, esco_uri: str) -> frozenset[str]:
    # Cached by the two strings, not by the Skill: hashing a frozen dataclass runs Python code,
    # and a ranking looks up the skills of hundreds of candidates.
    keys = {"label:" + fold(label)}
    if esco_uri:
        keys.add(esco_uri)
    return frozenset(keys)


def candidate_skill_keys(candidate: CandidateRecord) -> frozenset[str]:
    return frozenset().union(*[_keys(skill.label, skill.esco_uri) for skill in candidate.skills])


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


def _best_occupation(
    candidate: CandidateRecord, level_of: Callable[[str], str], policy: Policy
) -> tuple[float | None, str | None, str | None, str | None]:
    """The closest of the practised (full value) and desired occupations to the posting's:
    (value, code, closeness level, "experience" or "desired"); None values when there is none."""
    best, best_code, best_level, via = None, None, None, None
    for source, codes, factor in (
        ("experience", [e.noc for e in candidate.experiences if e.noc], 1.0),
        ("desired", candidate.desired_occupations, policy.desired_only_factor),
    ):
        for code in codes:
            level = level_of(code)
            value = policy.occupation_levels[level] * factor
            if best is None or value > best:
                best, best_code, best_level, via = value, code, level, source
    return best, best_code, best_level, via


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
    noc = posting.noc
    best, best_code, best_level, via = _best_occupation(
        candidate, lambda code: closeness(noc, code, taxonomy), policy
    )
    if best is None:
        reasons.append(Reason(ReasonCode.OCCUPATION_MISSING, factor=Factor.OCCUPATION))
        return FactorValue(Factor.OCCUPATION, None, True, tuple(reasons))
    reasons.insert(
        0,
        Reason(
            _OCCUPATION_CODES[best_level],  # type: ignore[index]
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


def _experience_value(
    candidate: CandidateRecord, required: int, level_of: Callable[[str], str] | None
) -> tuple[float, float]:
    """(years counted, value): closer occupations count in part; `level_of` None when the posting
    has no occupation (all experience counts)."""
    months = 0.0
    for item in candidate.experiences:
        if level_of is None:
            share = 1.0  # no occupation to compare with: all experience counts
        elif item.noc is None:
            share = 0.0
        else:
            share = _EXPERIENCE_SHARE.get(level_of(item.noc), 0.0)
        months += share * max(item.months, 0)
    years = months / 12
    # With no minimum, any experience in the occupation still counts, up to two years.
    value = min(1.0, years / required) if required > 0 else 0.6 + 0.4 * min(1.0, years / 2)
    return years, value


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
    noc = posting.noc
    years, value = _experience_value(
        candidate, required, None if noc is None else lambda code: closeness(noc, code, taxonomy)
    )
    evidence: dict[str, object] = {"years": round(years, 1), "required": required}
    if years >= required:
        code = ReasonCode.EXPERIENCE_ENOUGH
    else:
        code = ReasonCode.EXPERIENCE_SHORT
        evidence["grade"] = "close" if years / required >= policy.experience_close_share else "far"
    return FactorValue(Factor.EXPERIENCE, value, True, (Reason(code, evidence, Factor.EXPERIENCE),))


def _education_value(gap: int) -> float:
    return 1.0 if gap <= 0 else (0.5 if gap == 1 else 0.0)


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
    value = _education_value(gap)
    code = ReasonCode.EDUCATION_MEETS if gap <= 0 else ReasonCode.EDUCATION_BELOW
    evidence = {"level": candidate.education_level, "required": posting.min_education}
    return FactorValue(Factor.EDUCATION, value, True, (Reason(code, evidence, Factor.EDUCATION),))


def language(candidate: CandidateRecord, posting: PostingRecord) -> FactorValue:
    """The margin above the posting's minimums (hard rules already removed anyone below)."""
    values, margins = _language_values(candidate, posting)
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


def _language_values(
    candidate: CandidateRecord, posting: PostingRecord
) -> tuple[list[float], list[tuple[int, str]]]:
    """One value per known level, and the French margins above the posting's minimums."""
    values, margins = [], []
    french, english, minimums = candidate.french, candidate.english, posting.min_french
    for skill in LANGUAGE_SKILLS:  # attributes read directly: this runs for every shortlisted pair
        level = getattr(french, skill)
        if level is None:
            continue
        minimum = getattr(minimums, skill)
        if minimum is None:
            values.append(level / 12)
        else:
            margin = level - minimum
            margins.append((margin, skill))
            values.append(0.0 if margin < 0 else 0.6 + 0.4 * min(margin, 4) / 4)
    if posting.min_english is not None:
        for skill in LANGUAGE_SKILLS:
            level = getattr(english, skill)
            if level is not None:
                margin = level - posting.min_english
                values.append(0.0 if margin < 0 else 0.6 + 0.4 * min(margin, 4) / 4)
    return values, margins


def _semantic_value(
    candidate_vector: np.ndarray, posting_vector: np.ndarray, policy: Policy
) -> tuple[float, float]:
    """(cosine, value): the cosine placed between the policy's floor and ceiling."""
    cosine = float(np.dot(candidate_vector, posting_vector))
    span = policy.semantic_ceiling - policy.semantic_floor
    return cosine, min(1.0, max(0.0, (cosine - policy.semantic_floor) / span))


def semantic(candidate: CandidateRecord, posting: PostingRecord, policy: Policy) -> FactorValue:
    if candidate.vector is None or posting.vector is None:
        return FactorValue(
            Factor.SEMANTIC, None, True, (Reason(ReasonCode.TEXT_MISSING, factor=Factor.SEMANTIC),)
        )
    cosine, value = _semantic_value(candidate.vector, posting.vector, policy)
    reason = Reason(
        ReasonCode.SIMILAR_TEXTS,
        {"cosine": round(cosine, 3), "value": round(value, 3)},
        Factor.SEMANTIC,
    )
    return FactorValue(Factor.SEMANTIC, value, True, (reason,))


def _best_desired_level(
    candidate: CandidateRecord, level_of: Callable[[str], str], policy: Policy
) -> str:
    """The closest desired occupation's level (the first of equals), as `max` would pick it."""
    values = policy.occupation_levels
    best = ""
    for code in candidate.desired_occupations:
        level = level_of(code)
        if not best or values[level] > values[best]:
            best = level
    return best


def desired_occupation(
    candidate: CandidateRecord, posting: PostingRecord, taxonomy: Taxonomy, policy: Policy
) -> FactorValue:
    if not candidate.desired_occupations or posting.noc is None:
        return FactorValue(Factor.DESIRED_OCCUPATION, None, True)
    noc = posting.noc
    best = _best_desired_level(candidate, lambda code: closeness(noc, code, taxonomy), policy)
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
    region_code = _region_reason(candidate, posting)
    if region_code is not None:
        reasons.append(Reason(region_code, {"region": region}, Factor.PLACE))
    km = _distance(candidate, posting)
    if km is None:
        reasons.append(Reason(ReasonCode.LOCATION_MISSING, factor=Factor.PLACE))
    else:
        reasons.append(Reason(ReasonCode.DISTANCE, {"km": round(km)}, Factor.PLACE))
    return FactorValue(Factor.PLACE, _place_value(region_code, km, policy), True, tuple(reasons))


_REGION_VALUES = {
    ReasonCode.REGION_WANTED: 1.0,
    ReasonCode.OPEN_TO_ALL_REGIONS: 0.8,
    ReasonCode.READY_TO_RELOCATE: 0.6,
    ReasonCode.RELOCATES_WITH_ALLOWANCE: 0.6,
}


def _region_reason(candidate: CandidateRecord, posting: PostingRecord) -> ReasonCode | None:
    """Why the posting's region suits the candidate (None when it does not, or no region)."""
    region = posting.place.region_code
    if region is None:
        return None
    if region in candidate.region_codes or region == candidate.home.region_code:
        return ReasonCode.REGION_WANTED
    if candidate.is_open_to_all_regions:
        return ReasonCode.OPEN_TO_ALL_REGIONS
    if candidate.is_ready_to_relocate:
        return ReasonCode.READY_TO_RELOCATE
    if candidate.relocates_only_with_aid and posting.offers_relocation_allowance:
        return ReasonCode.RELOCATES_WITH_ALLOWANCE
    return None


def _distance(candidate: CandidateRecord, posting: PostingRecord) -> float | None:
    if not (candidate.home.has_coordinates and posting.place.has_coordinates):
        return None
    return distance_km(
        candidate.home.latitude,  # type: ignore[arg-type]
        candidate.home.longitude,  # type: ignore[arg-type]
        posting.place.latitude,  # type: ignore[arg-type]
        posting.place.longitude,  # type: ignore[arg-type]
    )


def _place_value(region_code: ReasonCode | None, km: float | None, policy: Policy) -> float | None:
    region_value = None if region_code is None else _REGION_VALUES[region_code]
    distance_value = None if km is None else 0.5 ** (km / policy.distance_half_km)
    if region_value is None:
        return distance_value
    if distance_value is None:
        return region_value
    return 0.7 * region_value + 0.3 * distance_value


def _salary_value(expected: float | None, offered: float | None) -> float | None:
    """None when either side is unknown (or nothing is expected)."""
    if expected is None or offered is None or expected <= 0:
        return None
    return 1.0 if offered >= expected else max(0.0, 1.0 - 3.0 * (expected - offered) / expected)


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
    value = _salary_value(expected, offered)
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


class PostingFeatures:
    """`feature_vector(all_factors(candidate, posting))` for many candidates of one posting,
    without building the reasons (the first stage of a ranking only needs the values): the same
    value helpers as the factors above, with what depends on the posting alone computed once."""

    def __init__(self, posting: PostingRecord, *, taxonomy: Taxonomy, policy: Policy):
        self.posting, self.taxonomy, self.policy = posting, taxonomy, policy
        self._required = [skill_keys(skill) for skill in posting.required_skills]
        self._nice = [skill_keys(skill) for skill in posting.nice_skills]
        self._levels: dict[str, str] = {}
        # Only the skill factors can be left out, and only by the posting (ALL_FACTORS order).
        self.applies = np.array([True, bool(self._required), bool(self._nice)] + [True] * 7)

    def _level_of(self, code: str) -> str:
        level = self._levels.get(code)
        if level is None:
            level = self._levels[code] = closeness(self.posting.noc, code, self.taxonomy)  # type: ignore[arg-type]
        return level

    def __call__(self, candidate: CandidateRecord, have: frozenset[str]) -> list[float]:
        posting, policy, nan = self.posting, self.policy, math.nan
        has_noc = posting.noc is not None
        occupation_value = (
            _best_occupation(candidate, self._level_of, policy)[0] if has_noc else None
        )
        if candidate.experiences or posting.min_years_experience > 0:
            level_of = self._level_of if has_noc else None
            experience_value: float | None = _experience_value(
                candidate, posting.min_years_experience, level_of
            )[1]
        else:
            experience_value = None
        language_values = _language_values(candidate, posting)[0]
        desired = None
        if candidate.desired_occupations and has_noc:
            desired = policy.occupation_levels[
                _best_desired_level(candidate, self._level_of, policy)
            ]
        values = (
            occupation_value,
            _share_held(self._required, have),
            _share_held(self._nice, have),
            experience_value,
            None
            if candidate.education_level is None
            else _education_value(posting.min_education - candidate.education_level),
            sum(language_values) / len(language_values) if language_values else None,
            None
            if candidate.vector is None or posting.vector is None
            else _semantic_value(candidate.vector, posting.vector, policy)[1],
            desired,
            _place_value(
                _region_reason(candidate, posting),
                _distance(candidate, posting),
                policy,
            ),
            _salary_value(candidate.hourly_salary_expectation, posting.hourly_salary_max),
        )
        return [nan if value is None else float(value) for value in values]


def _share_held(wanted: list[frozenset[str]], have: frozenset[str]) -> float | None:
    """The share of the wanted skills held (as `skills_covered` matches); None for no skills."""
    if not wanted:
        return None
    return sum(1 for keys in wanted if keys & have) / len(wanted)
