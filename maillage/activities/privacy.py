"""What the activities app holds about a person (see maillage.privacy.registry)."""

from maillage.accounts.models import User
from maillage.activities.models import CandidateRegistration, Meeting, MeetingConstraint
from maillage.activities.services.scheduling import SCHEDULE_JOB
from maillage.candidates.models import CandidateProfile
from maillage.core.models import BackgroundJob

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
    person's meetings (keep or forbid), the video room names and the person's meetings in
    computed drafts go (a draft that had them must be computed again before publishing)."""
    MeetingConstraint.objects.filter(candidate__user=user).delete()
    Meeting.objects.filter(candidate__user=user).update(room_name="")
    _drafts_forget(set(CandidateProfile.objects.filter(user=user).values_list("pk", flat=True)))


def _drafts_forget(candidate_ids: set[int]) -> None:
    if not candidate_ids:
        return
    for job in BackgroundJob.objects.filter(kind=SCHEDULE_JOB).exclude(result={}):
        meetings = job.result.get("meetings", [])
        kept = [m for m in meetings if m["candidate"] not in candidate_ids]
        if len(kept) != len(meetings):
            job.result = {**job.result, "meetings": kept, "fingerprint": "erased"}
            job.save(update_fields=["result", "updated_at"])
