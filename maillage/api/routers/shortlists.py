"""An employer's approved short list for one of its postings: only candidates an advisor approved
and who consented, with only the sections each one chose to share (as on the site). Each
candidate returned is written to the audit log of who saw a record."""

from uuid import UUID

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from maillage.accounts.services import profile_view_record
from maillage.api.auth import PERSON_AUTH, company_of_caller
from maillage.api.errors import ERROR_STATUSES, ErrorOut
from maillage.api.schemas import ShortlistEntryOut
from maillage.candidates.models import CandidateProfile
from maillage.prequalification import selectors as prequalification
from maillage.prequalification.comparison import requirement_rows
from maillage.prequalification.models import Proposal, SharedSection

router = Router(tags=["Employer"], auth=PERSON_AUTH)


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _shared(proposal: Proposal, profile: CandidateProfile) -> dict:
    sections = set(proposal.shared_sections)
    shared: dict = {}
    if SharedSection.CONTACT in sections:
        shared["contact"] = {"email": profile.user.email, "phone": profile.phone}
    if SharedSection.LOCATION in sections:
        shared["location"] = {
            "municipality": profile.municipality.name if profile.municipality else None,
            "country": str(profile.current_country),
        }
    if SharedSection.SUMMARY in sections:
        shared["summary"] = profile.summary
    if SharedSection.EXPERIENCE in sections:
        shared["experience"] = [
            {
                "title": e.title,
                "employer": e.employer_name,
                "country": str(e.country),
                "start_date": _iso(e.start_date),
                "end_date": _iso(e.end_date),
                "noc": e.noc_id,
            }
            for e in profile.experiences.all()
        ]
    if SharedSection.EDUCATION in sections:
        shared["education"] = [
            {
                "level": e.level,
                "field": e.field,
                "country": str(e.country),
                "year_completed": e.year_completed,
            }
            for e in profile.educations.all()
        ]
    if SharedSection.LANGUAGES in sections:
        shared["languages"] = {
            "french": profile.french_levels(),
            "english": profile.english_levels(),
        }
    if SharedSection.SKILLS in sections:
        shared["skills"] = [s.label for s in profile.skills.all()]
    return shared


@router.get(
    "/postings/{public_id}/shortlist",
    response={200: list[ShortlistEntryOut], ERROR_STATUSES: ErrorOut},
)
def posting_shortlist(request: HttpRequest, public_id: UUID):
    company_of_caller(request)
    posting = prequalification.posting_of_employer(request.auth, public_id)
    entries = []
    today = timezone.localdate()
    for proposal in prequalification.shortlist_of_posting(posting):
        profile = prequalification.profile_for_comparison(proposal.candidate_id)
        sections = set(proposal.shared_sections)
        rows = requirement_rows(posting=posting, profile=profile, today=today)
        profile_view_record(
            viewer=request.auth,
            subject=profile.user,
            what=f"short list through the API for {posting.title} ({', '.join(sorted(sections)) or 'name'})",
        )
        entries.append(
            {
                "id": proposal.public_id,
                "status": proposal.status,
                "full_name": profile.user.full_name,
                "score": proposal.score,
                "stars": proposal.stars,
                "engine_version": proposal.engine_version,
                "reasons": proposal.reasons,
                "requirements": [
                    {
                        "requirement": str(row.requirement),
                        "required": str(row.required),
                        "is_met": row.is_met,
                        "candidate": (
                            str(row.candidate) if row.section and row.section in sections else None
                        ),
                    }
                    for row in rows
                ],
                "shared": _shared(proposal, profile),
            }
        )
    return entries
