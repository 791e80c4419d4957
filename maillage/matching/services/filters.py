"""The filters a person keeps on a results page (« Mes jumelages », a posting's candidates)."""

from django.db import transaction

from maillage.accounts.models import User
from maillage.matching.models import ResultsPage, SavedFilter


@transaction.atomic
def saved_filter_store(*, user: User, page: ResultsPage, query: dict[str, str]) -> SavedFilter:
    saved, _created = SavedFilter.objects.update_or_create(
        user=user, page=page, defaults={"query": query}
    )
    return saved


@transaction.atomic
def saved_filter_clear(*, user: User, page: ResultsPage) -> None:
    SavedFilter.objects.filter(user=user, page=page).delete()
