"""The one gate between a candidate's profile and an employer.

Every employer page, the employer API, exports and e-mails about a candidate read the candidate
through `shared_profile`, never through the profile itself: it holds the name, how each
requirement is met, and only the values of the sections the candidate ticked (SharedSection).
The engine's reasons pass the same gate: each reason code belongs to one section (or to none,
or is about the posting only) and is dropped when that section is not shared. A code missing
from REASON_SECTIONS is dropped, so a new reason stays hidden until someone decides where it
belongs. The salary expectation, the immigration status and the availability belong to no
section: an employer never sees them.

The household is said in one line about the partner's work search (never who the partner is),
and only when three consents hold at the time of reading: the candidate shared HOUSEHOLD for
this proposal, the household link is still accepted, and the partner lets their partner's
employers read their search. Without any of them, nothing about a partner, not even that one
exists.
"""

from dataclasses import dataclass, replace
from datetime import date

from django.utils.translation import gettext_lazy

from maillage.candidates.models import CandidateProfile
from maillage.households.models import HouseholdLink, HouseholdLinkStatus
from maillage.households.selectors import WorkSearch, households_by_candidate, work_search_of
from maillage.matching.explanations import TEAM, Vocabulary, sentences
from maillage.matching.selectors import reason_vocabulary
from maillage.prequalification.comparison import RequirementRow, requirement_rows
from maillage.prequalification.models import Proposal, SharedSection
from maillage.taxonomy.selectors import skill_display_label
from matchcore.engine import ReasonCode

# What the partner's audit log says when an employer reads their work search (their data, so
# their log), on the candidate page or through the API.
PARTNER_SEARCH_READ = gettext_lazy(
    "Your work search, read with your partner's profile on the short list for “%(posting)s”"
)

POSTING_ONLY = "posting"  # about the posting alone: always said
NEVER = ""  # never said to an employer, whatever is shared

REASON_SECTIONS: dict[str, str] = {
    # Eligibility, permits and availability are not a section: the employer sees only that the
    # right to work is met (a requirement row), never why.
    ReasonCode.NOT_ELIGIBLE: NEVER,
    ReasonCode.ELIGIBILITY_INCOMPLETE: NEVER,
    ReasonCode.NOT_VERIFIED: NEVER,
    ReasonCode.EMPLOYER_SPECIFIC_PERMIT_NOT_ACCEPTED: NEVER,
    ReasonCode.PERMIT_EXPIRES_BEFORE_START: NEVER,
    ReasonCode.NOT_AVAILABLE_BY_START: NEVER,
    ReasonCode.AVAILABILITY_MISSING: NEVER,
    # The salary expectation is never shown to an employer.
    ReasonCode.SALARY_MEETS: NEVER,
    ReasonCode.SALARY_BELOW_EXPECTATION: NEVER,
    ReasonCode.SALARY_MISSING: NEVER,
    ReasonCode.FRENCH_BELOW_MINIMUM: SharedSection.LANGUAGES,
    ReasonCode.ENGLISH_BELOW_MINIMUM: SharedSection.LANGUAGES,
    ReasonCode.LANGUAGE_MARGIN: SharedSection.LANGUAGES,
    ReasonCode.FRENCH_LEVEL_MISSING: SharedSection.LANGUAGES,
    ReasonCode.ENGLISH_LEVEL_MISSING: SharedSection.LANGUAGES,
    ReasonCode.REGION_NOT_WANTED: SharedSection.LOCATION,
    ReasonCode.REGION_WANTED: SharedSection.LOCATION,
    ReasonCode.OPEN_TO_ALL_REGIONS: SharedSection.LOCATION,
    ReasonCode.READY_TO_RELOCATE: SharedSection.LOCATION,
    ReasonCode.RELOCATES_WITH_ALLOWANCE: SharedSection.LOCATION,
    ReasonCode.DISTANCE: SharedSection.LOCATION,
    ReasonCode.LOCATION_MISSING: SharedSection.LOCATION,
    ReasonCode.REGIONS_MISSING: SharedSection.LOCATION,
    ReasonCode.SAME_OCCUPATION: SharedSection.EXPERIENCE,
    ReasonCode.SAME_MINOR_GROUP: SharedSection.EXPERIENCE,
    ReasonCode.SAME_SUB_MAJOR_GROUP: SharedSection.EXPERIENCE,
    ReasonCode.RELATED_OCCUPATION: SharedSection.EXPERIENCE,
    ReasonCode.SAME_MAJOR_GROUP: SharedSection.EXPERIENCE,
    ReasonCode.OTHER_OCCUPATION: SharedSection.EXPERIENCE,
    ReasonCode.DESIRED_OCCUPATION: SharedSection.EXPERIENCE,
    ReasonCode.OCCUPATION_NOT_DESIRED: SharedSection.EXPERIENCE,
    ReasonCode.OCCUPATION_MISSING: SharedSection.EXPERIENCE,
    ReasonCode.UNKNOWN_NOC: SharedSection.EXPERIENCE,
    ReasonCode.EXPERIENCE_ENOUGH: SharedSection.EXPERIENCE,
    ReasonCode.EXPERIENCE_SHORT: SharedSection.EXPERIENCE,
    ReasonCode.EDUCATION_MEETS: SharedSection.EDUCATION,
    ReasonCode.EDUCATION_BELOW: SharedSection.EDUCATION,
    ReasonCode.EDUCATION_MISSING: SharedSection.EDUCATION,
    ReasonCode.REQUIRED_SKILLS_COVERED: SharedSection.SKILLS,
    ReasonCode.NICE_SKILLS_COVERED: SharedSection.SKILLS,
    ReasonCode.UNKNOWN_SKILL: SharedSection.SKILLS,
    ReasonCode.SKILL_NOT_LINKED: SharedSection.SKILLS,
    ReasonCode.SKILLS_MISSING: SharedSection.SKILLS,
    ReasonCode.MUST_HAVE_MISSING: SharedSection.SKILLS,
    # A regulated occupation's permit is a must-have the employer asked for: said with them.
    ReasonCode.PERMIT_MISSING: SharedSection.SKILLS,
    ReasonCode.PERMIT_IN_PROGRESS: SharedSection.SKILLS,
    ReasonCode.PERMIT_OBTAINED_ABROAD: SharedSection.SKILLS,
    # Compares the profile's own words (presentation and experience) with the posting's.
    ReasonCode.SIMILAR_TEXTS: SharedSection.SUMMARY,
    ReasonCode.TEXT_MISSING: SharedSection.SUMMARY,
    ReasonCode.POSTING_OCCUPATION_MISSING: POSTING_ONLY,
    ReasonCode.POSTING_SKILLS_MISSING: POSTING_ONLY,
}


def reason_is_shared(reason: dict, sections: frozenset[str]) -> bool:
    section = REASON_SECTIONS.get(str(reason.get("code", "")), NEVER)
    return section == POSTING_ONLY or (section != NEVER and section in sections)


@dataclass(frozen=True)
class SharedReason:
    code: str
    text: str


@dataclass(frozen=True)
class SharedProfile:
    """What an employer may read about one candidate for one proposal. Section values are None
    when the section is not shared."""

    proposal: Proposal
    full_name: str
    sections: frozenset[str]
    requirements: list[RequirementRow]
    reasons: list[SharedReason]
    contact: dict | None
    location: dict | None
    summary: str | None
    experiences: list | None
    educations: list | None
    languages: dict | None
    skills: list[str] | None
    partner_search: WorkSearch | None

    @property
    def requirements_met(self) -> int:
        return sum(1 for row in self.requirements if row.is_met)


def _masked(row: RequirementRow, sections: frozenset[str]) -> RequirementRow:
    if row.section and row.section in sections:
        return row
    return replace(row, candidate="")


def shared_reasons(
    proposal: Proposal, *, vocabulary: Vocabulary | None = None
) -> list[SharedReason]:
    """The proposal's reasons an employer may read, as sentences in the active language."""
    sections = frozenset(proposal.shared_sections)
    kept = [r for r in proposal.reasons or [] if reason_is_shared(r, sections)]
    vocabulary = vocabulary or reason_vocabulary([proposal])
    return [
        SharedReason(s.code, s.text) for s in sentences(kept, audience=TEAM, vocabulary=vocabulary)
    ]


def partner_search(link: HouseholdLink | None, profile: CandidateProfile) -> WorkSearch | None:
    """The partner's work search, while the household holds and the partner lets employers read
    it; else None. (Whether the candidate shared HOUSEHOLD is checked by the caller.)"""
    if link is None or link.status != HouseholdLinkStatus.ACCEPTED:
        return None
    if profile.pk not in (link.inviter_id, link.partner_id):
        return None
    partner = link.other_than(profile)
    if link.search_shared_at(partner) is None:
        return None
    return work_search_of(partner)


def shared_profile(
    proposal: Proposal,
    profile: CandidateProfile,
    *,
    today: date,
    vocabulary: Vocabulary | None = None,
    households: dict[int, HouseholdLink] | None = None,
) -> SharedProfile:
    """The candidate as the employer of `proposal` may see them (see the module's docstring).
    `profile` is the proposal's candidate with its sections prefetched; `households`, when
    several profiles are read at once, is `households_by_candidate` of them (read now)."""
    sections = frozenset(proposal.shared_sections)
    rows = requirement_rows(posting=proposal.posting, profile=profile, today=today)

    def when(section: str, value):
        return value() if section in sections else None

    return SharedProfile(
        proposal=proposal,
        full_name=profile.user.full_name,
        sections=sections,
        requirements=[_masked(row, sections) for row in rows],
        reasons=shared_reasons(proposal, vocabulary=vocabulary),
        contact=when(
            SharedSection.CONTACT, lambda: {"email": profile.user.email, "phone": profile.phone}
        ),
        location=when(
            SharedSection.LOCATION,
            lambda: {
                "municipality": profile.municipality.name if profile.municipality else None,
                "region": profile.municipality.region.name if profile.municipality else None,
                "country": str(profile.current_country) or None,
                "country_name": profile.current_country.name or None,
            },
        ),
        summary=when(SharedSection.SUMMARY, lambda: profile.summary),
        experiences=when(SharedSection.EXPERIENCE, lambda: list(profile.experiences.all())),
        educations=when(SharedSection.EDUCATION, lambda: list(profile.educations.all())),
        languages=when(
            SharedSection.LANGUAGES,
            lambda: {"french": profile.french_levels(), "english": profile.english_levels()},
        ),
        skills=when(
            SharedSection.SKILLS,
            lambda: [skill_display_label(s.label, s.esco_uri) for s in profile.skills.all()],
        ),
        partner_search=when(
            SharedSection.HOUSEHOLD,
            lambda: partner_search(
                (
                    households if households is not None else households_by_candidate([profile.pk])
                ).get(profile.pk),
                profile,
            ),
        ),
    )
