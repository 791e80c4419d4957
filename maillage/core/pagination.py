"""Long lists are shown a page at a time (?page=N); out-of-range or garbage pages show the last
or the first page instead of an error."""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PER_PAGE = 50


def page_of(request: HttpRequest, queryset: QuerySet, *, per_page: int = PER_PAGE) -> Page:
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
