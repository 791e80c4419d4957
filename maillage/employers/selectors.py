from django.db.models import Count, Q, QuerySet
from django.http import Http404

from maillage.accounts.models import User
from maillage.core.choices import VerificationStatus
from maillage.employers.models import Company, JobPosting, PostingStatus


def company_of(user: User) -> Company:
    """The company the employer belongs to; 404 for anyone else."""
    membership = getattr(user, "company_membership", None)
    if membership is None:
        raise Http404
    return membership.company


def company_postings(company: Company) -> QuerySet[JobPosting]:
    return company.postings.select_related("noc", "municipality").order_by("-created_at")


def posting_of_company(company: Company, public_id) -> JobPosting:
    try:
        return (
            JobPosting.objects.select_related("company", "noc", "municipality__region")
            .prefetch_related("skills")
            .get(company=company, public_id=public_id)
        )
    except JobPosting.DoesNotExist as exc:
        raise Http404 from exc


def posting_for_viewer(public_id, user: User) -> JobPosting:
    """Published postings for everyone; others for the company's members and the program team."""
    try:
        posting = (
            JobPosting.objects.select_related("company", "noc", "municipality__region")
            .prefetch_related("skills")
            .get(public_id=public_id)
        )
    except JobPosting.DoesNotExist as exc:
        raise Http404 from exc
    if posting.status == PostingStatus.PUBLISHED:
        return posting
    if user.is_authenticated and (
        user.is_team
        or getattr(user, "company_membership", None)
        and user.company_membership.company_id == posting.company_id
    ):
        return posting
    raise Http404


def companies_awaiting_verification() -> QuerySet[Company]:
    return (
        Company.objects.filter(verification_status=VerificationStatus.PENDING)
        .select_related("region", "municipality", "chamber")
        .annotate(member_count=Count("members"))
        .order_by("created_at")
    )


def company_for_review(public_id) -> Company:
    try:
        return (
            Company.objects.select_related("region", "municipality", "chamber", "verified_by")
            .prefetch_related("members__user")
            .annotate(
                published_count=Count(
                    "postings", filter=Q(postings__status=PostingStatus.PUBLISHED)
                )
            )
            .get(public_id=public_id)
        )
    except Company.DoesNotExist as exc:
        raise Http404 from exc
