"""An employer's approved short list for one of its postings: only candidates an advisor approved
and who consented, with only the sections each one chose to share (as on the site). Each
candidate returned is written to the audit log of who saw a record."""

from uuid import UUID

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy
from ninja import Router

from maillage.accounts.services import profile_view_record, profile_views_record
from maillage.api.auth import PERSON_AUTH, company_of_caller
from maillage.api.errors import ERROR_STATUSES, ErrorOut
from maillage.api.schemas import ShortlistEntryOut
from maillage.prequalification import selectors as prequalification
from maillage.prequalification.models import shared_sections_text
from maillage.prequalification.sharing import PARTNER_SEARCH_READ, SharedProfile

router = Router(tags=["Employer"], auth=PERSON_AUTH)


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _shared(candidate: SharedProfile) -> dict:
    """The sections the candidate shared, as JSON: read from the shared-profile gate only."""
    shared: dict = {}
    if candidate.contact is not None:
        shared["contact"] = candidate.contact
    if candidate.location is not None:
        shared["location"] = {
            "municipality": candidate.location["municipality"],
            "country": candidate.location["country"],
        }
    if candidate.summary is not None:
        shared["summary"] = candidate.summary
    if candidate.experiences is not None:
        shared["experience"] = [
            {
                "title": e.title,
                "employer": e.employer_name,
                "country": str(e.country),
                "start_date": _iso(e.start_date),
                "end_date": _iso(e.end_date),
                "noc": e.noc_id,
            }
            for e in candidate.experiences
        ]
    if candidate.educations is not None:
        shared["education"] = [
            {
                "level": e.level,
                "field": e.field,
                "country": str(e.country),
                "year_completed": e.year_completed,
            }
            for e in candidate.educations
        ]
    if candidate.languages is not None:
        shared["languages"] = candidate.languages
    if candidate.skills is not None:
        shared["skills"] = candidate.skills
    if candidate.partner_search is not None:
        shared["household"] = {
            "partner_occupations": list(candidate.partner_search.occupations),
            "partner_regions": list(candidate.partner_search.regions),
            "partner_open_to_all_regions": candidate.partner_search.all_regions,
            "text": candidate.partner_search.sentence(),
        }
    return shared


@router.get(
    "/postings/{public_id}/shortlist",
    response={200: list[ShortlistEntryOut], ERROR_STATUSES: ErrorOut},
)
def posting_shortlist(request: HttpRequest, public_id: UUID):
    company_of_caller(request)
    posting = prequalification.posting_of_employer(request.auth, public_id)
    entries = []
    for candidate in prequalification.shared_profiles_of_posting(
        posting, today=timezone.localdate()
    ):
        proposal = candidate.proposal
        profile_view_record(
            viewer=request.auth,
            subject=proposal.candidate.user,
            what=gettext_lazy("Short list read through the API for “%(posting)s”: %(sections)s"),
            params={"posting": posting.title, "sections": shared_sections_text(candidate.sections)},
        )
        if candidate.partner_search is not None:
            profile_views_record(
                viewer=request.auth,
                subject_ids=[candidate.partner_search.user_id],
                what=PARTNER_SEARCH_READ,
                params={"posting": posting.title},
            )
        entries.append(
            {
                "id": proposal.public_id,
                "status": proposal.status,
                "full_name": candidate.full_name,
                "score": proposal.score,
                "stars": proposal.stars,
                "engine_version": proposal.engine_version,
                "reasons": [{"code": r.code, "text": r.text} for r in candidate.reasons],
                "requirements": [
                    {
                        "requirement": str(row.requirement),
                        "required": str(row.required),
                        "is_met": row.is_met,
                        "candidate": str(row.candidate) if row.candidate else None,
                    }
                    for row in candidate.requirements
                ],
                "shared": _shared(candidate),
            }
        )
    return entries
