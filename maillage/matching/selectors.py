"""Reads of the matching app: what the engine needs, and what the pages show."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, Prefetch, Q, QuerySet

from maillage.candidates.models import CandidateProfile
from maillage.employers.models import JobPosting, PostingStatus
from maillage.matching.explanations import Vocabulary, codes_in
from maillage.matching.explanations.vocabulary import permit_codes_in
from maillage.matching.models import MatchResult, SavedFilter
from maillage.regions.models import Region
from maillage.taxonomy.models import NocGroup
from maillage.taxonomy.selectors import permits_by_code

ENGINE_PREFETCH = (
    "experiences",
    "educations",
    "skills",
    "desired_occupations",
    "regions_of_interest",
)


def candidates_for_engine(*, updated_after: datetime | None) -> QuerySet[CandidateProfile]:
    """Profiles with everything the engine reads (never the user: no name, no e-mail)."""
    profiles = CandidateProfile.objects.select_related(
        "municipality__region", "match_vector"
    ).prefetch_related(*ENGINE_PREFETCH)
    if updated_after is not None:
        profiles = profiles.filter(match_vector__updated_at__gt=updated_after)
    return profiles.order_by("pk")


def candidate_for_engine(candidate_id: int) -> CandidateProfile | None:
    return (
        CandidateProfile.objects.select_related("municipality__region", "match_vector")
        .prefetch_related(*ENGINE_PREFETCH)
        .filter(pk=candidate_id)
        .first()
    )


def postings_for_engine() -> QuerySet[JobPosting]:
    return (
        JobPosting.objects.filter(status=PostingStatus.PUBLISHED)
        .select_related("municipality__region", "match_vector")
        .prefetch_related("skills")
        .order_by("pk")
    )


def posting_for_engine(posting_id: int) -> JobPosting | None:
    return (
        JobPosting.objects.select_related("municipality__region", "match_vector")
        .prefetch_related("skills")
        .filter(pk=posting_id)
        .first()
    )


# How a results list can be sorted: the key a person picks, and the order it stands for.
MATCH_SORTS = {
    "best": ("-score",),
    "newest": ("-posting__published_at",),
    "pay": ("-posting__salary_max", "-score"),
}


@dataclass(frozen=True)
class CandidateMatchFilters:
    region: Region | None = None
    min_stars: int = 1
    include_excluded: bool = False
    sort: str = "best"


def matches_of_candidate(
    profile: CandidateProfile, filters: CandidateMatchFilters
) -> QuerySet[MatchResult]:
    """The candidate's results on published postings, best first. Stars rank the jobs one can
    apply to: an excluded job (shown on request) has none, so the stars floor does not hide it."""
    results = (
        MatchResult.objects.filter(candidate=profile, posting__status=PostingStatus.PUBLISHED)
        .filter(Q(stars__gte=filters.min_stars) | Q(is_excluded=True))
        .select_related("posting__company", "posting__municipality__region", "posting__noc")
        .order_by("is_excluded", *MATCH_SORTS.get(filters.sort, MATCH_SORTS["best"]), "posting_id")
    )
    if not filters.include_excluded:
        results = results.filter(is_excluded=False)
    if filters.region is not None:
        results = results.filter(posting__municipality__region=filters.region)
    return results


def postings_with_results() -> QuerySet[JobPosting]:
    """Published postings with how many candidates the engine finds admissible (`result_count`)
    and their best score."""
    admissible = Q(match_results__is_excluded=False)
    return (
        JobPosting.objects.filter(status=PostingStatus.PUBLISHED)
        .select_related("company", "municipality__region", "noc")
        .annotate(
            result_count=Count("match_results", filter=admissible),
            best_score=Max("match_results__score", filter=admissible),
        )
        .order_by("-published_at", "pk")
    )


def results_of_posting(posting: JobPosting, *, limit: int, min_stars: int = 1) -> list[MatchResult]:
    """The engine's admissible candidates for the posting with at least `min_stars`, best first,
    with what the comparison chart shows of each."""
    return list(
        MatchResult.objects.filter(posting=posting, is_excluded=False, stars__gte=min_stars)
        .select_related("candidate__user", "candidate__municipality__region")
        .prefetch_related(
            "candidate__educations",
            "candidate__experiences",
            "candidate__skills",
            Prefetch("candidate__regions_of_interest"),
        )
        .order_by("-score", "candidate_id")[:limit]
    )


def saved_filter_query(user, page: str) -> dict[str, str]:
    """The filters the person last chose on that page (empty when none)."""
    saved = SavedFilter.objects.filter(user=user, page=page).values_list("query", flat=True)
    return next(iter(saved), {})


def noc_titles(codes: set[str]) -> dict[str, NocGroup]:
    return {noc.code: noc for noc in NocGroup.objects.filter(code__in=codes)}


def region_names() -> dict[str, str]:
    return dict(Region.objects.values_list("code", "name"))


def reason_vocabulary(scored: Iterable) -> Vocabulary:
    """The occupation titles and region names the reasons of these match results or proposals
    name, fetched once for a whole page (two queries)."""
    scored = list(scored)
    nocs, _regions = codes_in(scored)
    titles = {code: noc.title for code, noc in noc_titles(nocs).items()}
    permits = permit_codes_in(scored)  # a third query only when a reason names a permit
    names = {code: p.permit for code, p in permits_by_code(permits).items()} if permits else {}
    return Vocabulary(titles, region_names(), names)
