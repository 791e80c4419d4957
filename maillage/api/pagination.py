"""Page-number pagination with bounds (no page past 10,000, at most 100 items a page)."""

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

MAX_PAGE = 10_000


class Page(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int = Field(20, ge=1, le=100)

    class Output(Schema):
        count: int
        page: int
        page_size: int
        items: list[Any]

    items_attribute = "items"

    def paginate_queryset(
        self, queryset: QuerySet, pagination: Input, request: HttpRequest, **params
    ) -> dict:
        offset = (pagination.page - 1) * pagination.page_size
        return {
            "count": queryset.count(),
            "page": pagination.page,
            "page_size": pagination.page_size,
            "items": list(queryset[offset : offset + pagination.page_size]),
        }


class Represented:
    """A queryset whose slices come out as API shapes, so pagination counts and slices in SQL."""

    def __init__(self, queryset: QuerySet, represent: Callable[[Any], dict]) -> None:
        self.queryset, self.represent = queryset, represent

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, key: slice) -> list[dict]:
        return [self.represent(item) for item in self.queryset[key]]
