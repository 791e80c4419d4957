"""What the matching app holds about a person (see maillage.privacy.registry)."""

from maillage.accounts.models import User
from maillage.matching.models import MatchResult, SavedFilter

SECTION = "matches"


def export(user: User) -> list:
    return _results(user) + [
        {"saved_filters": saved.page, "query": saved.query}
        for saved in SavedFilter.objects.filter(user=user).order_by("page")
    ]


def _results(user: User) -> list:
    return [
        {
            "posting": result.posting.title,
            "company": result.posting.company.legal_name,
            "score": result.score,
            "stars": result.stars,
            "is_excluded": result.is_excluded,
            "breakdown": result.breakdown,
            "reasons": result.reasons,
            "engine_version": result.engine_version,
            "computed_at": result.computed_at.isoformat(),
        }
        for result in MatchResult.objects.filter(candidate__user=user)
        .select_related("posting__company")
        .order_by("-score")
    ]


def erase(user: User) -> None:
    """Scores stay for the figures; the evidence behind them (skills, places…) goes."""
    MatchResult.objects.filter(candidate__user=user).update(breakdown={}, reasons=[])
    SavedFilter.objects.filter(user=user).delete()
