"""What the employers app holds about a person (see maillage.privacy.registry). Companies and
their postings are a business's data, not a person's: they stay when a member leaves."""

from maillage.accounts.models import User
from maillage.employers.models import CompanyInvitation, CompanyMember, JobPosting

SECTION = "employer"


def export(user: User) -> dict | None:
    membership = CompanyMember.objects.filter(user=user).select_related("company").first()
    if membership is None:
        return None
    return {
        "company": membership.company.legal_name,
        "company_neq": membership.company.neq,
        "role": membership.role,
        "joined_at": membership.joined_at.isoformat(),
        "postings_created": [
            {"title": p.title, "status": p.status, "created_at": p.created_at.isoformat()}
            for p in JobPosting.objects.filter(created_by=user).order_by("created_at")
        ],
        # Other people's addresses are theirs, not this person's data: only what was done.
        "invitations_sent": [
            {"created_at": i.created_at.isoformat(), "accepted": i.accepted_at is not None}
            for i in CompanyInvitation.objects.filter(invited_by=user).order_by("created_at")
        ],
    }


def erase(user: User) -> None:
    CompanyMember.objects.filter(user=user).delete()
    CompanyInvitation.objects.filter(invited_by=user).update(invited_by=None)
    JobPosting.objects.filter(created_by=user).update(created_by=None)
