"""An employer's own postings: list, create, replace, publish, close (through employers.services)."""

from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import paginate

from maillage.api import representation, selectors
from maillage.api.auth import PERSON_AUTH, company_of_caller
from maillage.api.errors import ERROR_STATUSES, ApiError, ErrorOut
from maillage.api.pagination import Page, Represented
from maillage.api.schemas import EmployerPostingOut, PostingCloseIn, PostingIn
from maillage.employers import services
from maillage.employers.requirements import requirements_sorted
from maillage.regions.models import Municipality
from maillage.taxonomy.models import NocGroup, NocLevel

router = Router(tags=["Employer"], auth=PERSON_AUTH)


def _fields(payload: PostingIn) -> tuple[dict[str, Any], list[str], list[str], list[str]]:
    data = payload.dict()
    errors = {}
    noc = NocGroup.objects.filter(code=data.pop("noc"), level=NocLevel.UNIT_GROUP).first()
    if noc is None:
        errors["noc"] = [_("Unknown NOC 2021 unit group.")]
    municipality = Municipality.objects.filter(code=data.pop("municipality")).first()
    if municipality is None:
        errors["municipality"] = [_("Unknown municipality code.")]
    if errors:
        raise ValidationError(errors)
    must, required, nice = requirements_sorted(
        data.pop("must_haves"), data.pop("required_skills"), data.pop("nice_to_have_skills")
    )
    return {**data, "noc": noc, "municipality": municipality}, must, required, nice


@router.get("/postings", response={200: list[EmployerPostingOut], ERROR_STATUSES: ErrorOut})
@paginate(Page)
def posting_list(request: HttpRequest):
    return Represented(
        selectors.company_postings(company_of_caller(request)), representation.employer_posting_out
    )


@router.post("/postings", response={201: EmployerPostingOut, ERROR_STATUSES: ErrorOut})
def posting_create(request: HttpRequest, payload: PostingIn):
    company = company_of_caller(request)
    fields, must, required, nice = _fields(payload)
    try:
        posting = services.posting_create(
            company=company,
            by=request.auth,
            fields=fields,
            required_skills=required,
            nice_skills=nice,
            must_haves=must,
        )
    except PermissionDenied as exc:
        raise ApiError(
            403,
            "company_not_verified",
            _("Your company must be verified by an advisor before you create postings."),
        ) from exc
    return Status(
        201,
        representation.employer_posting_out(selectors.company_posting(company, posting.public_id)),
    )


@router.get("/postings/{public_id}", response={200: EmployerPostingOut, ERROR_STATUSES: ErrorOut})
def posting_detail(request: HttpRequest, public_id: UUID):
    return representation.employer_posting_out(
        selectors.company_posting(company_of_caller(request), public_id)
    )


@router.put("/postings/{public_id}", response={200: EmployerPostingOut, ERROR_STATUSES: ErrorOut})
def posting_replace(request: HttpRequest, public_id: UUID, payload: PostingIn):
    company = company_of_caller(request)
    posting = selectors.company_posting(company, public_id)
    fields, must, required, nice = _fields(payload)
    try:
        services.posting_update(
            posting=posting,
            fields=fields,
            required_skills=required,
            nice_skills=nice,
            must_haves=must,
        )
    except services.PostingTransitionError as exc:
        raise ApiError(409, "not_editable", exc.messages[0]) from exc
    return representation.employer_posting_out(selectors.company_posting(company, public_id))


@router.post(
    "/postings/{public_id}/publish", response={200: EmployerPostingOut, ERROR_STATUSES: ErrorOut}
)
def posting_publish(request: HttpRequest, public_id: UUID, confirm_unserved_region: bool = False):
    """Publish a draft. In a region the program does not serve (Montréal, Laval) the answer is
    409 `region_not_served` until the call says `confirm_unserved_region=true`."""
    company = company_of_caller(request)
    posting = selectors.company_posting(company, public_id)
    try:
        services.posting_publish(
            posting=posting,
            today=timezone.localdate(),
            confirm_unserved_region=confirm_unserved_region,
        )
    except services.PostingTransitionError as exc:
        raise ApiError(409, exc.code or "transition", exc.messages[0]) from exc
    return representation.employer_posting_out(selectors.company_posting(company, public_id))


@router.post(
    "/postings/{public_id}/close", response={200: EmployerPostingOut, ERROR_STATUSES: ErrorOut}
)
def posting_close(request: HttpRequest, public_id: UUID, payload: PostingCloseIn):
    company = company_of_caller(request)
    posting = selectors.company_posting(company, public_id)
    try:
        services.posting_close(posting=posting, filled=payload.filled)
    except services.PostingTransitionError as exc:
        raise ApiError(409, exc.code or "transition", exc.messages[0]) from exc
    return representation.employer_posting_out(selectors.company_posting(company, public_id))
