"""What the interviews app holds about a person (see maillage.privacy.registry)."""

from maillage.accounts.models import User
from maillage.interviews.models import FollowUp, Interview, InterviewEvent, Placement

SECTION = "interviews"


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def export(user: User) -> dict | None:
    interviews = Interview.objects.filter(proposal__candidate__user=user).select_related(
        "proposal__posting__company", "slot"
    )
    placements = Placement.objects.filter(candidate__user=user).select_related("company", "region")
    if not interviews.exists() and not placements.exists():
        return None
    return {
        "interviews": [
            {
                "posting": i.proposal.posting.title,
                "company": i.proposal.posting.company.legal_name,
                "round": i.round,
                "status": i.status,
                "starts_at": _iso(i.slot.starts_at) if i.slot_id else None,
                "message": i.message,
                "outcome": i.outcome,
                "outcome_reason": i.outcome_reason,
                "outcome_note": i.outcome_note,
                # The history, without who acted (other people's names are not this export's).
                "history": [
                    {"at": _iso(e.at), "kind": e.kind, "reason": e.reason}
                    for e in i.events.order_by("at", "pk")
                ],
            }
            for i in interviews.order_by("created_at")
        ],
        "placements": [
            {
                "company": p.company.legal_name,
                "position": p.position,
                "region": p.region.code,
                "start_date": _iso(p.start_date),
                "follow_ups": [
                    {
                        "months": f.months,
                        "status": f.status,
                        "is_still_employed": f.is_still_employed,
                        "is_still_in_region": f.is_still_in_region,
                        "note": f.note,
                    }
                    for f in p.follow_ups.order_by("months")
                ],
            }
            for p in placements
        ],
    }


def erase(user: User) -> None:
    """Interviews, outcomes, placements and retention answers stay as counts; the messages and
    notes written about the person and the video room names go."""
    interviews = Interview.objects.filter(proposal__candidate__user=user)
    InterviewEvent.objects.filter(interview__in=interviews).update(reason="")
    interviews.update(message="", outcome_note="", room_name="", video_url="")
    FollowUp.objects.filter(placement__candidate__user=user).update(note="")
