"""What the activities app holds about a person (see maillage.privacy.registry)."""

from maillage.accounts.models import User
from maillage.activities.models import CandidateRegistration, Meeting, MeetingConstraint

SECTION = "activities"


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def export(user: User) -> dict | None:
    registrations = CandidateRegistration.objects.filter(candidate__user=user).select_related(
        "activity"
    )
    meetings = Meeting.objects.filter(candidate__user=user).select_related(
        "activity", "company", "posting"
    )
    if not registrations.exists() and not meetings.exists():
        return None
    return {
        "registrations": [
            {
                "activity": r.activity.title,
                "status": r.status,
                "consented_at": _iso(r.consented_at),
                "created_at": _iso(r.created_at),
            }
            for r in registrations.order_by("created_at")
        ],
        "meetings": [
            {
                "activity": m.activity.title,
                "company": m.company.legal_name,
                "posting": m.posting.title if m.posting else None,
                "slot": m.slot,
                "score": m.score,
                "engine_version": m.engine_version,
                "checked_in_at": _iso(m.checked_in_at),
                "outcome": m.outcome,
            }
            for m in meetings.order_by("activity_id", "slot")
        ],
    }


def erase(user: User) -> None:
    """Participation and outcomes stay (the program counts them); the advisors' notes about the
    person's meetings (keep or forbid) and the video room names go."""
    MeetingConstraint.objects.filter(candidate__user=user).delete()
    Meeting.objects.filter(candidate__user=user).update(room_name="")
