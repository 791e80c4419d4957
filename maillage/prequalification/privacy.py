"""What the prequalification app holds about a person (see maillage.privacy.registry)."""

from maillage.accounts.models import User
from maillage.prequalification.models import DecisionLabel, Proposal, ReviewRequest

SECTION = "prequalification"


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def export(user: User) -> dict | None:
    proposals = Proposal.objects.filter(candidate__user=user).select_related("posting__company")
    if not proposals.exists():
        return None
    return {
        "proposals": [
            {
                "posting": p.posting.title,
                "company": p.posting.company.legal_name,
                "source": p.source,
                "status": p.status,
                "score": p.score,
                "stars": p.stars,
                "reasons": p.reasons,
                "engine_version": p.engine_version,
                "created_at": _iso(p.created_at),
                "decided_at": _iso(p.decided_at),
                "decision_reason": p.decision_reason,
                "decision_note": p.decision_note,
                "shared_sections": p.shared_sections,
                "consent_answered_at": _iso(p.consent_answered_at),
                "employer_reason": p.employer_reason,
                "employer_note": p.employer_note,
            }
            for p in proposals.order_by("created_at")
        ],
        "decisions": [
            {
                "posting": label.posting.title,
                "label": label.label,
                "source": label.source,
                "reason": label.reason_code,
                "decided_at": _iso(label.decided_at),
                "score": label.score,
                "engine_version": label.engine_version,
            }
            for label in DecisionLabel.objects.filter(candidate__user=user).select_related(
                "posting"
            )
        ],
        "review_requests": [
            {
                "posting": r.proposal.posting.title,
                "message": r.message,
                "created_at": _iso(r.created_at),
                "status": r.status,
                "outcome": r.outcome,
                "answer": r.answer,
                "answered_at": _iso(r.answered_at),
            }
            for r in ReviewRequest.objects.filter(requested_by=user).select_related(
                "proposal__posting"
            )
        ],
    }


def erase(user: User) -> None:
    """Stages and decisions stay (the program and the fairness audit count them); what people
    wrote about the person, the evidence behind their scores and what they shared go."""
    Proposal.objects.filter(candidate__user=user).update(
        reasons=[], breakdown={}, decision_note="", employer_note="", shared_sections=[]
    )
    ReviewRequest.objects.filter(requested_by=user).update(message="", answer="")
