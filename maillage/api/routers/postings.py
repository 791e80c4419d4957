"""Published postings, for anyone: a chamber of commerce's site can list its region's jobs."""

from uuid import UUID

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from maillage.api import representation, selectors
from maillage.api.errors import ERROR_STATUSES, ErrorOut
from maillage.api.pagination import Page, Represented
from maillage.api.schemas import PostingOut, RegionOut, Text
from maillage.regions.models import Region

router = Router(tags=["Published postings"])


class PostingFilters(Schema):
    region: str | None = Field(
        None, pattern=r"^[0-9]{2}$", description="Administrative region code, 01 to 17"
    )
    noc: str | None = Field(
        None,
        pattern=r"^[0-9]{1,5}$",
        description="NOC 2021 code or its first digits (broad category, major group…)",
    )
    municipality: str | None = Field(
        None, pattern=r"^[0-9]{5}$", description="Municipality geographic code"
    )
    q: Text(100) | None = Field(None, description="Words of the job title")


@router.get("/postings", response={200: list[PostingOut], ERROR_STATUSES: ErrorOut}, auth=None)
@paginate(Page)
def posting_list(request: HttpRequest, filters: Query[PostingFilters]):
    postings = selectors.published_postings(
        region=filters.region, noc=filters.noc, municipality=filters.municipality, q=filters.q
    )
    return Represented(postings, representation.posting_out)


@router.get(
    "/postings/{public_id}", response={200: PostingOut, ERROR_STATUSES: ErrorOut}, auth=None
)
def posting_detail(request: HttpRequest, public_id: UUID):
    return representation.posting_out(selectors.published_posting(public_id))


@router.get("/regions", response={200: list[RegionOut], ERROR_STATUSES: ErrorOut}, auth=None)
def region_list(request: HttpRequest):
    return [representation.region_out(region) for region in Region.objects.order_by("code")]
